// `defuse resume` and the offer `play` makes when an assessment was left unfinished.
#include "resume_command.hpp"

#include <unistd.h>

#include <iostream>

#include "defuse/library.hpp"
#include "defuse/paths.hpp"
#include "defuse/resume.hpp"
#include "defuse/text.hpp"
#include "play.hpp"

namespace defuse::term {

namespace fs = std::filesystem;

namespace {

std::string say(const Message& m, Lang lang) { return printable(render(m, lang)); }

Message turnsAnswered(std::size_t n) {
    return n == 1 ? Message(Msg::ResumeOneTurn)
                  : Message(Msg::ResumeTurns, {Message::num(static_cast<long long>(n))});
}

Message traineeName(const Replay& r) {
    return r.trainee.empty() ? Message(Msg::NoTrainee) : Message(r.trainee);
}

// Why a replay cannot be taken up again, in one line (nothing when it can).
bool sayStateProblem(const Replay& r, const std::string& file, Lang lang) {
    switch (runState(r)) {
        case RunState::Finished:
            std::cerr << say(Message(Msg::ResumeFinished,
                                     {Message(file),
                                      Message(r.finished.empty() ? r.ending : r.finished)}),
                             lang)
                      << "\n";
            return true;
        case RunState::Abandoned:
            std::cerr << say(Message(Msg::ResumeAbandoned, {Message(file), Message(r.abandoned)}),
                             lang)
                      << "\n";
            return true;
        case RunState::InProgress:
            break;
    }
    return false;
}

int abandon(const Replay& r, const std::string& file, Lang lang) {
    if (sayStateProblem(r, file, lang)) return 2;
    std::string error;
    if (!abandonRun(r, file, &error)) {
        std::cerr << say(Message(Msg::ResumeCannotWrite, {Message(file), Message(error)}), lang)
                  << "\n";
        return 4;
    }
    std::cout << say(Message(Msg::AbandonDone, {Message(file), turnsAnswered(r.turns.size())}),
                     lang)
              << "\n";
    return 0;
}

int resumeFile(const ResumeOptions& opt, const std::vector<ui::Choice>& choices) {
    const std::string& file = opt.replay;
    auto loaded = loadReplay(file);
    Lang lang = langFromCode(opt.lang.empty() && loaded.ok() ? loaded.value->lang : opt.lang);
    if (!loaded.ok()) {
        std::cerr << say(Message(Msg::ResumeCannotRead, {Message(file)}), lang) << "\n";
        for (const auto& d : loaded.diagnostics) std::cerr << printable(d.format(lang)) << "\n";
        return 1;
    }
    const Replay& r = *loaded.value;
    if (opt.abandon) return abandon(r, file, lang);
    if (sayStateProblem(r, file, lang)) return 2;
    std::vector<fs::path> dirs(opt.scenarioDirs.begin(), opt.scenarioDirs.end());
    dirs.push_back(bundledScenarioDir());
    std::string stoppedAt = lastWritten(file);
    Resumption res = resumeRun(r, file, dirs);
    for (const auto& d : res.diagnostics) std::cerr << printable(d.format(lang)) << "\n";
    switch (res.problem) {
        case ResumeProblem::None:
            break;
        case ResumeProblem::Finished:
        case ResumeProblem::Abandoned:
            return 2;  // said above
        case ResumeProblem::NoScenario:
            std::cerr << say(Message(Msg::ResumeCannotRead, {Message(file)}), lang) << "\n";
            return 1;
        case ResumeProblem::NotReplayable:
            std::cerr << say(Message(Msg::ResumeNotReplayable, {Message(file)}), lang) << "\n";
            return 1;
        case ResumeProblem::ScenarioChanged:
            std::cerr << say(Message(Msg::ResumeScenarioChanged,
                                     {Message(file), Message(r.scenarioId)}),
                             lang)
                      << "\n";
            return 1;
        case ResumeProblem::CannotWrite:
            std::cerr << say(Message(Msg::ResumeCannotWrite,
                                     {Message(file), Message(res.writeError)}),
                             lang)
                      << "\n";
            return 4;
    }
    std::cout << say(Message(Msg::ResumeTaken,
                             {Message(file), turnsAnswered(r.turns.size()), Message(stoppedAt)}),
                     lang)
              << "\n";
    PlayOptions popt;
    popt.lang = std::string(langCode(lang));
    popt.color = opt.color;
    popt.choices = opt.choices;
    return playAttempt(std::move(*res.attempt), popt, choices);
}

void listRuns(const std::vector<UnfinishedRun>& runs, Lang lang) {
    int i = 1;
    for (const auto& u : runs)
        std::cerr << say(Message(Msg::ResumeListLine,
                                 {Message(std::to_string(i++) + ". " + u.path.string()),
                                  traineeName(*u.replay), Message(u.replay->scenarioId),
                                  turnsAnswered(u.replay->turns.size()), Message(u.lastSaved)}),
                         lang)
                  << "\n";
}

// Asks which of several runs to take up; empty when none is picked.
std::string pickRun(const std::vector<UnfinishedRun>& runs, Lang lang) {
    for (;;) {
        std::cout << say(Message(Msg::ResumePick,
                                 {Message::num(static_cast<long long>(runs.size()))}),
                         lang)
                  << std::flush;
        std::string line;
        if (!std::getline(std::cin, line) || line == "q") return {};
        try {
            std::size_t n = std::stoul(line);
            if (n >= 1 && n <= runs.size()) return runs[n - 1].path.string();
        } catch (const std::exception&) {
        }
    }
}

}  // namespace

int resumeCommand(const ResumeOptions& given) {
    ResumeOptions opt = given;
    std::vector<ui::Choice> choices;
    std::string error;
    if (!opt.choices.empty() && !ui::parseChoices(opt.choices, choices, error)) {
        std::cerr << "defuse: " << error << "\n";
        return 2;
    }
    if (opt.replay.empty()) {
        Lang lang = langFromCode(opt.lang);
        std::vector<fs::path> dirs{fs::path("."), attemptsDir()};
        std::vector<UnfinishedRun> runs;
        for (auto& u : findUnfinished(dirs))
            if (u.replay->mode == Mode::Assessment) runs.push_back(std::move(u));
        if (runs.empty()) {
            std::cerr << say(Message(Msg::ResumeNoneFound,
                                     {Message(". " + attemptsDir().string())}),
                             lang)
                      << "\n";
            return 2;
        }
        if (runs.size() > 1) {
            std::cerr << say(Msg::ResumeSeveral, lang) << "\n";
            listRuns(runs, lang);
            if (!isatty(STDIN_FILENO)) return 2;
            opt.replay = pickRun(runs, lang);
            if (opt.replay.empty()) return 2;
        } else {
            opt.replay = runs.front().path.string();
        }
    }
    return resumeFile(opt, choices);
}

int offerResume(const PlayOptions& opt, const std::vector<ui::Choice>& choices) {
    (void)choices;
    if (opt.mode != "assessment" || opt.record.empty()) return -1;
    Library library;
    std::error_code ec;
    if (!fs::exists(opt.scenario, ec)) library.addFolder(bundledScenarioDir(), true);
    auto sc = resolveScenario(opt.scenario, library);  // silent: play reports its problems
    if (!sc.ok()) return -1;
    fs::path record = opt.record;
    fs::path dir = record.parent_path().empty() ? fs::path(".") : record.parent_path();
    const UnfinishedRun* found = nullptr;
    auto runs = findUnfinished({dir});
    for (const auto& u : runs) {
        const Replay& r = *u.replay;
        if (r.mode != Mode::Assessment || r.trainee != opt.trainee || r.scenarioId != sc.value->id)
            continue;
        if (!found || fs::equivalent(u.path, record, ec)) found = &u;
    }
    if (!found) return -1;
    Lang lang = langFromCode(opt.lang);
    const Replay& r = *found->replay;
    std::string file = found->path.string();
    Message what(Msg::PlayFoundUnfinished,
                 {Message(file), traineeName(r), Message(r.scenarioId),
                  turnsAnswered(r.turns.size()), Message(found->lastSaved)});
    if (!isatty(STDIN_FILENO)) {
        std::cerr << "defuse: " << say(what, lang) << "\n"
                  << say(Message(Msg::PlayResumeHint, {Message(file)}), lang) << "\n";
        return -1;
    }
    std::cout << say(what, lang) << "\n";
    for (;;) {
        std::cout << say(Msg::PlayResumePrompt, lang) << std::flush;
        std::string line;
        if (!std::getline(std::cin, line) || line == "q") return 0;
        ResumeOptions ro;
        ro.replay = file;
        ro.lang = opt.lang;
        ro.color = opt.color;
        ro.choices = opt.choices;
        if (line == "r") return resumeFile(ro, choices);
        if (line == "a") {
            ro.abandon = true;
            return resumeFile(ro, choices);
        }
        if (line == "n") return -1;
    }
}

void addResumeCommand(CLI::App& app, int& exitCode) {
    auto opt = std::make_shared<ResumeOptions>();
    CLI::App* r = app.add_subcommand(
        "resume", "Take up an interrupted assessment where it stopped, or close it out");
    r->add_option("replay", opt->replay,
                  "The replay (default: the one unfinished assessment here or in the attempts "
                  "folder)");
    r->add_flag("--abandon", opt->abandon,
                "Close the run out as abandoned instead (it then scores as not finished)");
    r->add_option("--choices", opt->choices,
                  "The answers still to give, as play --choices (2,1@12,3)");
    r->add_option("--lang", opt->lang, "en or zh (default: the replay's language)")
        ->check(CLI::IsMember({"en", "zh"}));
    r->add_option("--scenarios", opt->scenarioDirs,
                  "Folders to look for the scenario in, when its recorded file is gone");
    r->add_option("--color", opt->color, "auto, always or never")
        ->check(CLI::IsMember({"auto", "always", "never"}));
    r->callback([opt, &exitCode] { exitCode = resumeCommand(*opt); });
}

}  // namespace defuse::term
