// `defuse note REPLAY [--turn N] --text "..." [--override pass|fail --reason "..."]`.
#include "note_command.hpp"

#include <iostream>

#include "defuse/notes.hpp"
#include "defuse/text.hpp"

namespace defuse::term {

namespace {

struct NoteOptions {
    std::string replay;
    int turn = 0;
    std::string text;
    std::string mark;  ///< pass, fail, none
    std::string reason;
    std::string lang = "en";
};

int note(const NoteOptions& opt, bool hasText) {
    Lang lang = langFromCode(opt.lang);
    auto say = [lang](const Message& m) { return printable(render(m, lang)); };
    NoteEdit edit;
    edit.turn = opt.turn;
    if (hasText) edit.text = opt.text;
    if (!opt.mark.empty())
        edit.mark = opt.mark == "pass"   ? OverrideMark::Pass
                    : opt.mark == "fail" ? OverrideMark::Fail
                                         : OverrideMark::None;
    edit.reason = opt.reason;
    NoteResult r = annotateReplay(opt.replay, edit);
    if (!r.ok()) {
        std::cerr << "defuse: " << say(r.error) << "\n";
        if (r.error.id == Msg::NoteCannotLoad)
            for (const auto& d : loadReplay(opt.replay).diagnostics)
                std::cerr << printable(d.format(lang)) << "\n";
        return r.error.id == Msg::NoteCannotLoad ? 1 : 2;
    }
    Message turn = Message::num(static_cast<long long>(opt.turn));
    if (hasText) {
        Msg m = opt.text.empty() ? (opt.turn > 0 ? Msg::NoteRemovedTurn : Msg::NoteRemovedRun)
                                 : (opt.turn > 0 ? Msg::NoteSavedTurn : Msg::NoteSavedRun);
        std::cout << say(Message(m, {opt.replay, turn})) << "\n";
    }
    if (edit.mark) {
        if (*edit.mark == OverrideMark::None)
            std::cout << say(Message(Msg::NoteMarkCleared, {opt.replay})) << "\n";
        else
            std::cout << say(Message(Msg::NoteMarkSaved,
                                     {opt.replay,
                                      Message(*edit.mark == OverrideMark::Pass ? Msg::MarkPass
                                                                               : Msg::MarkFail),
                                      opt.reason}))
                      << "\n";
    }
    if (r.wasSigned) std::cerr << "defuse: " << say(Message(Msg::NoteResign, {opt.replay})) << "\n";
    return 0;
}

}  // namespace

void addNoteCommand(CLI::App& app, int& exitCode) {
    auto opt = std::make_shared<NoteOptions>();
    CLI::App* n = app.add_subcommand(
        "note", "The assessor's note on a turn or on the whole run, and a pass/fail mark");
    n->add_option("replay", opt->replay, "The replay")->required();
    n->add_option("--turn", opt->turn, "The turn the note is about (default: the whole run)")
        ->check(CLI::Range(1, 1000000));
    CLI::Option* text =
        n->add_option("--text", opt->text, "The note (\"\" removes the note there)");
    n->add_option("--override", opt->mark,
                  "The assessor's mark beside the computed score: pass, fail (or none to remove "
                  "it)")
        ->check(CLI::IsMember({"pass", "fail", "none"}));
    n->add_option("--reason", opt->reason, "Why the mark (required with pass or fail)");
    n->add_option("--lang", opt->lang, "en or zh")->check(CLI::IsMember({"en", "zh"}));
    n->callback([opt, text, &exitCode] { exitCode = note(*opt, text->count() > 0); });
}

}  // namespace defuse::term
