// The JSON Lines player: the engine's attempt as one object per line on the output, the
// answers one per line from the input. It draws nothing and asks nothing: every problem is an
// error object and exit status 1.
#include "json_play.hpp"

#include <charconv>
#include <chrono>
#include <cmath>
#include <exception>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "defuse/attempt.hpp"
#include "defuse/library.hpp"
#include "defuse/paths.hpp"
#include "defuse/replay.hpp"
#include "defuse/scoring_model.hpp"
#include "defuse/workbench.hpp"
#include "report_json.hpp"

namespace defuse::term {

namespace fs = std::filesystem;
// Keys stay in the order written: "type" first, as the README shows them.
using json = nlohmann::ordered_json;

namespace {

// [SECTION] Reading answers

// One line of input.
struct Input {
    enum class Kind { Blank, Rewind, Number, Id, Bad };
    Kind kind = Kind::Blank;
    std::string text;               ///< the line without the blanks around it
    std::string answer;             ///< Number: its digits; Id: the id
    std::optional<double> seconds;  ///< given after @
};

bool allDigits(const std::string& s) {
    return !s.empty() && s.find_first_not_of("0123456789") == std::string::npos;
}

// "2", "own_it", "2@12.5", "own_it@3" or "r"; spaces, tabs and a CR around it are ignored.
Input parseLine(const std::string& line) {
    Input in;
    std::size_t a = line.find_first_not_of(" \t\r"), b = line.find_last_not_of(" \t\r");
    if (a == std::string::npos) return in;
    in.text = line.substr(a, b - a + 1);
    in.kind = Input::Kind::Bad;
    if (in.text == "r") {
        in.kind = Input::Kind::Rewind;
        return in;
    }
    std::size_t at = in.text.find('@');
    in.answer = in.text.substr(0, at);
    if (in.answer.empty() || in.answer.find_first_of(" \t") != std::string::npos) return in;
    if (at != std::string::npos) {
        // Digits with at most one decimal point: no sign, exponent, inf or nan.
        std::string secs = in.text.substr(at + 1);
        std::size_t dot = secs.find('.');
        std::string digits = secs;
        if (dot != std::string::npos) digits.erase(dot, 1);
        if (!allDigits(digits)) return in;
        double s = 0;
        auto r =
            std::from_chars(secs.data(), secs.data() + secs.size(), s, std::chars_format::fixed);
        if (r.ec != std::errc() || r.ptr != secs.data() + secs.size() || !std::isfinite(s))
            return in;
        in.seconds = s;
    }
    in.kind = allDigits(in.answer) ? Input::Kind::Number : Input::Kind::Id;
    return in;
}

// [SECTION] Writing objects

json moodJson(const Mood& m) {
    return {{"anger", m.anger()}, {"trust", m.trust()}, {"patience", m.patience()}};
}

json reportJson(const ScoreReport& rep, const SaveState& save, Lang lang) {
    return {{"components", componentsJson(rep)},
            {"penalties", rep.penalties},
            {"lines", linesJson(rep, lang)},
            {"better_answers", betterJson(rep, lang)},
            {"replay", save.recording ? json(save.path.string()) : json(nullptr)},
            {"saved", save.recording && save.saved}};
}

class JsonPlayer {
public:
    JsonPlayer(std::istream& in, std::ostream& out, Lang lang)
        : m_in(in), m_out(out), m_lang(lang) {}

    // One object, one line, flushed. Text that is not valid UTF-8 (a stray byte in the input
    // echoed back) is replaced, never thrown over.
    void emit(const json& j) {
        m_out << j.dump(-1, ' ', false, json::error_handler_t::replace) << '\n' << std::flush;
    }

    int error(const char* code, const Message& m, json extra = json::object()) {
        json j = {{"type", "error"}, {"code", code}, {"message", say(m)}};
        for (auto& [k, v] : extra.items()) j[k] = v;
        emit(j);
        return 1;
    }

    int run(const PlayOptions& opt) {
        if (!opt.choices.empty()) return error("usage", Msg::JsonWithChoices);
        std::error_code ec;
        if (!opt.record.empty() && fs::exists(opt.record, ec) && !opt.force)
            return error("replay_exists", Message(Msg::JsonReplayExists, {Message(opt.record)}));

        Library library;
        if (!fs::exists(opt.scenario, ec)) library.addFolder(bundledScenarioDir(), true);
        auto loaded = defuse::resolveScenario(opt.scenario, library);
        if (!loaded.value) {
            std::string text;
            for (const auto& d : loaded.diagnostics)
                text += (text.empty() ? "" : "\n") + d.format(m_lang);
            Message m = text.empty() ? Message(Msg::JsonScenarioNotLoaded, {Message(opt.scenario)})
                                     : Message(text);
            return error("scenario", m,
                         {{"diagnostics", diagnosticsJson(loaded.diagnostics, m_lang)}});
        }

        AttemptOptions ao;
        ao.lang = opt.lang;
        ao.mode = opt.mode == "assessment" ? Mode::Assessment : Mode::Practice;
        ao.seed = opt.seed ? *opt.seed : std::random_device{}() % 1000000;
        std::optional<AttemptStart> start;
        if (opt.testRun()) {  // a test run from a node (workbench.hpp): checked first
            if (!opt.record.empty()) return error("usage", Msg::WbNoRecord);
            StartResult made = makeStart(*loaded.value, {opt.from, opt.mood, splitIds(opt.after)});
            if (!made.start) {
                json problems = json::array();
                for (const auto& e : made.errors) problems.push_back(say(e));
                return error("start", made.errors.front(), {{"problems", problems}});
            }
            start = std::move(made.start);
        }
        Attempt attempt = start ? Attempt(loaded.value, ao, *start) : Attempt(loaded.value, ao);
        m_watch = opt.watch;
        if (!opt.record.empty()) {
            RecordOptions how;
            how.replace = opt.force;
            how.makeFolders = false;
            if (!attempt.record(opt.record, opt.trainee, how))
                return attempt.saveState().taken
                           ? error("replay_exists",
                                   Message(Msg::JsonReplayExists, {Message(opt.record)}))
                           : notSaved(attempt);
        }

        const Scenario& sc = attempt.scenario();
        emit({{"type", "start"},
              {"scenario", sc.id},
              {"title", sc.title.get(ao.lang)},
              {"briefing", sc.briefing.get(ao.lang)},
              {"goal", sc.goal.empty() ? json(nullptr) : json(sc.goal.get(ao.lang))},
              {"customer_name", say(sc.displayName())},
              {"mode", std::string(modeId(ao.mode))},
              {"seed", ao.seed},
              {"language", ao.lang},
              {"warnings", diagnosticsJson(loaded.diagnostics, m_lang)},
              {"from", start ? json(attempt.node() ? attempt.node()->id : "") : json(nullptr)},
              {"start_mood", start ? moodJson(attempt.mood()) : json(nullptr)}});

        while (!attempt.finished()) {
            if (attempt.atTurnLimit())  // a replay holds no more: the run ends, recorded
                return error("turn_limit",
                             Message(Msg::TurnLimitReached,
                                     {Message::num(static_cast<long long>(kMaxReplayTurns))}),
                             {{"turn", turnOf(attempt)}});
            showTurn(attempt);
            auto shown = std::chrono::steady_clock::now();
            Input in;
            for (;;) {
                std::string line;
                if (!std::getline(m_in, line)) return inputEnded(attempt);
                in = parseLine(line);
                if (in.kind != Input::Kind::Blank) break;
            }
            if (in.kind == Input::Kind::Bad)
                return error("bad_line",
                             Message(Msg::JsonBadLine, {Message(in.text), turnNumber(attempt)}),
                             {{"turn", turnOf(attempt)}});
            if (in.kind == Input::Kind::Rewind) {
                if (!attempt.rewind())
                    return error("cannot_rewind",
                                 Message(Msg::JsonNothingToRewind, {turnNumber(attempt)}),
                                 {{"turn", turnOf(attempt)}});
                if (lostWrite(attempt)) return notSaved(attempt);
                continue;  // the turn taken back is shown again
            }
            double seconds =
                in.seconds ? *in.seconds
                           : std::chrono::duration<double>(std::chrono::steady_clock::now() - shown)
                                 .count();
            auto choices = attempt.choices();
            if (in.kind == Input::Kind::Number) {
                std::size_t n = 0;
                if (in.answer.size() <= 6) n = std::stoul(in.answer);
                if (n < 1 || n > choices.size())
                    return error("out_of_range",
                                 Message(Msg::JsonOutOfRange,
                                         {Message(in.answer), turnNumber(attempt),
                                          Message::num(static_cast<long long>(choices.size()))}),
                                 {{"turn", turnOf(attempt)}});
                if (!attempt.choose(n - 1, seconds))
                    return error("internal", Message(Msg::JsonInternalError, {Message("choose")}));
            } else if (!attempt.chooseId(in.answer, seconds)) {
                std::vector<Message> ids;
                for (const auto& c : choices) ids.emplace_back(c.id);
                return error(
                    "not_on_offer",
                    Message(Msg::JsonNotOnOffer, {Message(in.answer), turnNumber(attempt),
                                                  Message::join(Msg::SepEnum, std::move(ids))}),
                    {{"turn", turnOf(attempt)}});
            }
            // A failed write stops the run: no answer is played that the replay does not hold.
            if (lostWrite(attempt)) return notSaved(attempt);
            showFeedback(attempt);
        }
        showEnd(attempt);
        const SaveState& s = attempt.saveState();
        if (s.recording && !s.saved) return notSaved(attempt);
        return 0;
    }

private:
    std::string say(const Message& m) const { return render(m, m_lang); }
    // The state watch (--watch): what conditions, cue counts and order rules read now.
    static json watchJson(const Attempt& a) {
        StateWatch w = watchState(a);
        return {{"cues", w.cues},
                {"tags_used", w.tags},
                {"answers_picked", w.picked},
                {"nodes_visited", w.visited}};
    }
    bool m_watch = false;

    static int turnOf(const Attempt& a) { return static_cast<int>(a.turns().size()) + 1; }
    static Message turnNumber(const Attempt& a) {
        return Message::num(static_cast<long long>(turnOf(a)));
    }

    static bool lostWrite(const Attempt& a) {
        const SaveState& s = a.saveState();
        return s.recording && !s.saved;
    }

    int notSaved(const Attempt& a) {
        const SaveState& s = a.saveState();
        return error("replay_not_saved",
                     Message(Msg::JsonReplayNotSaved, {Message(s.path.string()), Message(s.error)}),
                     {{"replay", s.path.string()}, {"saved_answers", std::max(0, s.savedTurns)}});
    }

    // The input closed before an ending: how far the run got, and whether the replay holds it.
    int inputEnded(const Attempt& a) {
        const SaveState& s = a.saveState();
        bool saved = s.recording && s.saved;
        auto answered = static_cast<long long>(a.turns().size());
        json extra = {{"turn", turnOf(a)}, {"answered", answered}};
        if (s.recording) {
            extra["replay"] = s.path.string();
            extra["saved"] = s.saved;
        }
        return error("input_ended",
                     Message(saved ? Msg::JsonInputEndedSaved : Msg::JsonInputEnded,
                             {turnNumber(a), Message::num(answered)}),
                     extra);
    }

    void showTurn(const Attempt& a) {
        json options = json::array();
        for (const auto& c : a.choices())
            options.push_back({{"number", c.index + 1}, {"id", c.id}, {"text", c.text}});
        json j = {{"type", "turn"},
                  {"turn", turnOf(a)},
                  {"node", a.node() != nullptr ? a.node()->id : std::string()},
                  {"customer", a.customerLine()}};
        if (a.mode() == Mode::Practice) j["mood"] = moodJson(a.mood());  // assessment: no numbers
        j["time_limit"] = a.timeLimit();
        j["options"] = options;
        if (m_watch) j["state"] = watchJson(a);
        emit(j);
    }

    // What practice shows after an answer; assessment only which answer was taken.
    void showFeedback(const Attempt& a) {
        const auto& out = a.lastOutcome();
        json j = {{"type", "feedback"},
                  {"turn", static_cast<int>(a.turns().size())},
                  {"picked", a.turns().back().picked}};
        if (a.mode() == Mode::Practice && out) {
            json reasons = json::array();
            for (const auto& r : out->reasons) reasons.push_back(say(r.message()));
            j["reasons"] = reasons;
            j["note"] = out->note.empty() ? json(nullptr) : json(out->note.get(a.options().lang));
            j["mood"] = moodJson(out->after);
            j["escalated"] = out->redirect == Redirect::Escalated;
            j["walked_out"] = out->redirect == Redirect::WalkedOut;
            j["over_time"] = out->overTime;
        }
        emit(j);
    }

    void showEnd(const Attempt& a) {
        const Ending* e = a.ending();
        const ScoreReport& r = a.score();
        const std::string& lang = a.options().lang;
        emit(
            {{"type", "end"},
             {"ending", e != nullptr ? e->id : r.endingId},
             {"ending_kind", std::string(endingKindId(r.endingKind))},
             {"title", e != nullptr ? json(e->title.get(lang)) : json(nullptr)},
             {"customer", e != nullptr && !e->say.empty() ? json(a.customerLine()) : json(nullptr)},
             {"turns", a.turns().size()},
             {"score", r.total},
             {"grade", r.grade},
             {"report", reportJson(r, a.saveState(), m_lang)}});
    }

    std::istream& m_in;
    std::ostream& m_out;
    Lang m_lang;
};

}  // namespace

int playJson(const PlayOptions& opt, std::istream& in, std::ostream& out) {
    bool langOk = opt.lang == "en" || opt.lang == "zh";
    JsonPlayer player(in, out, langOk ? langFromCode(opt.lang) : Lang::En);
    if (!langOk) return player.error("usage", Msg::ErrBadLang);
    // Whatever goes wrong inside, the output stays JSON Lines and the status says so.
    try {
        return player.run(opt);
    } catch (const std::exception& e) {
        return player.error("internal", Message(Msg::JsonInternalError, {Message(e.what())}));
    } catch (...) {
        return player.error("internal", Message(Msg::JsonInternalError, {Message("unknown")}));
    }
}

int playJson(const PlayOptions& opt) { return playJson(opt, std::cin, std::cout); }

}  // namespace defuse::term
