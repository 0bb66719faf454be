// The terminal player: draws the engine's attempt and feeds it the trainee's answers.
#include "play.hpp"

#include <unistd.h>

#include <chrono>
#include <iostream>
#include <random>
#include <thread>

#include "common/choices.hpp"
#include "defuse/attempt.hpp"
#include "defuse/library.hpp"
#include "defuse/paths.hpp"
#include "defuse/replay.hpp"
#include "defuse/voice/speaker.hpp"
#include "defuse/workbench.hpp"
#include "json_play.hpp"
#include "render.hpp"

namespace defuse::term {

namespace fs = std::filesystem;

namespace {

using ui::Choice;

class Player {
public:
    Player(std::shared_ptr<const Scenario> sc, const PlayOptions& opt, AttemptOptions ao)
        : m_opt(opt),
          m_lang(langFromCode(opt.lang)),
          m_style(makeStyle(opt.color)),
          m_width(terminalWidth()),
          m_attempt(std::move(sc), ao) {
        if (opt.voice) m_speaker = std::make_unique<voice::Speaker>();
    }
    /// A test run from a start (play --from).
    Player(std::shared_ptr<const Scenario> sc, const PlayOptions& opt, AttemptOptions ao,
           AttemptStart start)
        : m_opt(opt),
          m_lang(langFromCode(opt.lang)),
          m_style(makeStyle(opt.color)),
          m_width(terminalWidth()),
          m_attempt(std::move(sc), ao, std::move(start)) {
        if (opt.voice) m_speaker = std::make_unique<voice::Speaker>();
    }
    /// Plays on an attempt already made (a resumed run, recording already).
    Player(Attempt attempt, const PlayOptions& opt)
        : m_opt(opt),
          m_lang(langFromCode(opt.lang)),
          m_style(makeStyle(opt.color)),
          m_width(terminalWidth()),
          m_attempt(std::move(attempt)) {}

    int run(const std::vector<Choice>& choices) {
        // The replay's file is claimed before anything is shown: a run that cannot be
        // recorded never starts.
        if (!m_opt.record.empty() && !m_attempt.saveState().recording) {
            RecordOptions how;
            how.replace = m_opt.force;
            how.makeFolders = false;
            if (!m_attempt.record(m_opt.record, m_opt.trainee, how)) return cannotRecord();
        }
        const Scenario& sc = m_attempt.scenario();
        const std::string& lang = m_attempt.options().lang;
        std::cout << m_style.bold(printable(sc.title.get(lang))) << "\n";
        std::cout << wrap(sc.briefing.get(lang), m_width, "  ") << "\n";
        if (!sc.goal.empty())
            std::cout << wrap(say(Message(Msg::TermGoal, {Message::of(sc.goal)})), m_width, "  ")
                      << "\n";
        Msg mode = m_attempt.mode() == Mode::Practice ? Msg::ModePractice : Msg::ModeAssessment;
        std::cout << m_style.dim(say(Message(
                         Msg::TermModeSeed,
                         {Message(mode), Message(std::to_string(m_attempt.options().seed))})))
                  << "\n";
        if (m_opt.testRun()) {
            const Mood& m = m_attempt.mood();
            std::cout
                << m_style.dim(say(Message(
                       Msg::WbTestStart,
                       {Message(m_attempt.node() ? m_attempt.node()->id : std::string()),
                        Message::num(static_cast<long long>(m.anger())),
                        Message::num(static_cast<long long>(m.trust())),
                        Message::num(static_cast<long long>(m.patience())),
                        Message::num(static_cast<long long>(m_attempt.start().earlier.size()))})))
                << "\n";
        }
        std::size_t next = 0;
        // The clock must not run while the briefing is read: a trainee at a terminal says
        // when they are ready.
        if (choices.empty() && isatty(STDIN_FILENO)) {
            std::cout << say(Msg::TermReady) << std::flush;
            std::string line;
            if (!std::getline(std::cin, line)) return finalSave(0);
        }
        while (!m_attempt.finished()) {
            if (m_attempt.atTurnLimit()) {  // a replay holds no more: the run ends, recorded
                std::cout << say(Message(Msg::TurnLimitReached,
                                         {Message::num(static_cast<long long>(kMaxReplayTurns))}))
                          << "\n";
                return finalSave(0);
            }
            showTurn();
            int pick = 0;
            double seconds = 0;
            if (next < choices.size()) {
                const Choice& c = choices[next++];
                if (c.rewind) {
                    std::cout << "> r\n";
                    if (!m_attempt.rewind()) {
                        std::cerr << say(Message(Msg::ErrNothingToRewind, {turnNumber()})) << "\n";
                        return 2;
                    }
                    if (!saveHeld()) return 4;
                    continue;
                }
                pick = c.number;
                seconds = c.seconds;
                auto count = m_attempt.choices().size();
                if (pick > static_cast<int>(count)) {
                    std::cerr << say(Message(
                                     Msg::ErrChoiceOutOfRange,
                                     {Message::num(static_cast<long long>(pick)), turnNumber(),
                                      Message::num(static_cast<long long>(count))}))
                              << "\n";
                    return 2;
                }
                std::cout << "> " << pick << "\n";
            } else {
                if (!choices.empty() && !isatty(STDIN_FILENO)) {
                    Msg m = m_attempt.saveState().saved ? Msg::ErrChoicesRanOutSaved
                                                        : Msg::ErrChoicesRanOut;
                    std::cerr << say(Message(m, {turnNumber()})) << "\n";
                    return finalSave(3);
                }
                auto start = std::chrono::steady_clock::now();
                int r = ask(static_cast<int>(m_attempt.choices().size()));
                if (r == 0) {
                    std::cout << say(m_attempt.saveState().saved ? Msg::TermStoppedSaved
                                                                 : Msg::TermStopped)
                              << "\n";
                    return finalSave(0);
                }
                if (r < 0) {  // rewound
                    if (!saveHeld()) return 4;
                    continue;
                }
                pick = r;
                const auto answered = std::chrono::steady_clock::now();
                // A heard line: the clock starts when the customer has finished speaking.
                if (m_speaker && m_lineTicket != 0) {
                    auto ended = m_speaker->endedAt(m_lineTicket);
                    start = ended ? std::max(start, *ended) : answered;
                }
                seconds = std::chrono::duration<double>(answered - start).count();
            }
            if (m_speaker) m_speaker->stop();  // the trainee speaks: the customer stops
            m_attempt.choose(static_cast<std::size_t>(pick - 1), seconds);
            if (!saveHeld()) return 4;
            showOutcome();
        }
        if (next < choices.size())
            std::cout << m_style.dim(say(Message(
                             Msg::TermExtraChoices,
                             {Message::num(static_cast<long long>(m_attempt.turns().size()))})))
                      << "\n";
        showEnding();
        return finalSave(0);
    }

private:
    std::string say(const Message& m) const { return printable(render(m, m_lang)); }
    Message turnNumber() const {
        return Message::num(static_cast<long long>(m_attempt.turns().size() + 1));
    }

    // False (and says so) when the last answer could not be written: the run stops there, so
    // no answer is played that the replay does not hold; the file keeps the last good copy.
    bool saveHeld() const {
        const SaveState& s = m_attempt.saveState();
        if (!s.recording || s.saved) return true;
        std::cerr << say(Message(Msg::ErrCannotSave,
                                 {Message(s.error), Message(s.path.string()),
                                  Message::num(static_cast<long long>(std::max(0, s.savedTurns)))}))
                  << "\n";
        return false;
    }

    // The file could not be claimed: taken (exit 2, as for an existing file) or not writable
    // (exit 4); nothing was played.
    int cannotRecord() const {
        const SaveState& s = m_attempt.saveState();
        if (s.taken) {
            std::cerr << say(Message(Msg::ErrReplayExists, {Message(s.path.string())})) << "\n";
            return 2;
        }
        std::cerr << say(Message(Msg::ErrCannotStartRecording, {Message(s.error)})) << "\n";
        return 4;
    }

    // A run that was to be recorded and is not on disk never exits as if it were.
    int finalSave(int code) const {
        const SaveState& s = m_attempt.saveState();
        if (!s.recording || s.saved) return code;
        std::cerr << say(Message(Msg::ErrReplayNotSaved,
                                 {Message(s.path.string()), Message(s.error)}))
                  << "\n";
        return 4;
    }

    // Returns the answer number, 0 to quit, -1 after a rewind.
    int ask(int count) {
        bool rewindable = m_attempt.canRewind();
        for (;;) {
            std::cout << say(Message(Msg::TermPrompt,
                                     {Message::num(static_cast<long long>(count)),
                                      rewindable ? Message(Msg::TermPromptRewind) : Message()}))
                      << std::flush;
            std::string line;
            if (!std::getline(std::cin, line)) {
                std::cout << "\n";
                return 0;
            }
            if (line == "q" || line == "quit") return 0;
            if (line == "r" && m_attempt.mode() == Mode::Practice) {
                if (m_attempt.rewind()) {
                    std::cout << m_style.dim(say(Msg::TermRewound)) << "\n";
                    return -1;
                }
                continue;
            }
            std::vector<Choice> one;
            std::string error;
            if (line.find_first_not_of("0123456789 ") == std::string::npos &&
                ui::parseChoices(line, one, error) && one.size() == 1 && one[0].number >= 1 &&
                one[0].number <= count)
                return one[0].number;
            std::cout << say(Message(Msg::TermTypeNumber,
                                     {Message::num(static_cast<long long>(count))}))
                      << "\n";
        }
    }

    void showTurn() {
        std::cout << "\n" << m_style.dim(say(Message(Msg::TermTurn, {turnNumber()}))) << "\n";
        // An assessment shows the customer's face, not the numbers.
        if (m_attempt.mode() == Mode::Practice)
            std::cout << meters(m_attempt.mood(), m_style, m_lang);
        if (m_opt.watch) showWatch();
        std::cout << "  " << m_style.bold(say(m_attempt.scenario().displayName())) << " "
                  << face(m_attempt.mood(), m_lang) << "\n";
        std::cout << wrap("\xE2\x80\x9C" + m_attempt.customerLine() + "\xE2\x80\x9D", m_width,
                          "    ")
                  << "\n";
        speak();
        if (m_attempt.timeLimit() > 0)
            std::cout << m_style.dim(say(
                             Message(Msg::TermAnswerWithin, {Message::num(m_attempt.timeLimit())})))
                      << "\n";
        for (const auto& c : m_attempt.choices()) {
            std::string num = std::to_string(c.index + 1) + ". ";
            std::string body = wrap(c.text, m_width - 4, "     ");
            std::cout << "  " << m_style.paint(num, "1;33")
                      << body.substr(std::min<std::size_t>(5, body.size())) << "\n";
        }
        // The answers are on screen only once the turn before them is on disk, and shown then.
        std::cout << std::flush;
    }

    // The state watch (--watch): what conditions, cue counts and order rules read now.
    void showWatch() {
        std::cout << "  " << m_style.bold(say(Msg::WbWatchHead)) << "\n";
        for (const auto& line : describeWatch(watchState(m_attempt), m_lang))
            std::cout << m_style.dim(wrap(printable(line), m_width, "    ")) << "\n";
    }

    void showOutcome() {
        const auto& out = m_attempt.lastOutcome();
        if (!out) return;
        for (const auto& r : out->reasons)
            std::cout << m_style.dim(wrap(say(r.message()), m_width, "    · ")) << "\n";
        if (out->redirect == Redirect::Escalated)
            std::cout << m_style.paint("  " + say(Msg::EventEscalated), "1;31") << "\n";
        if (out->redirect == Redirect::WalkedOut)
            std::cout << m_style.paint("  " + say(Msg::EventWalkedOut), "1;31") << "\n";
        if (!out->note.empty())
            std::cout << m_style.paint(wrap(say(Message(Msg::TermCoach, {Message::of(out->note)})),
                                            m_width, "  "),
                                       "36")
                      << "\n";
    }

    void showEnding() {
        const Ending* e = m_attempt.ending();
        std::cout << "\n"
                  << m_style.bold(
                         say(Message(Msg::TermEndingTitle,
                                     {Message::of(e->title), Message(endingKindMsg(e->kind))})))
                  << "\n";
        if (!e->say.empty()) {
            std::cout << wrap("\xE2\x80\x9C" + m_attempt.customerLine() + "\xE2\x80\x9D", m_width,
                              "    ")
                      << "\n";
            speak(true);
        }
        const ScoreReport& r = m_attempt.score();
        std::cout << "\n"
                  << m_style.bold(
                         say(Message(Msg::TermScore, {Message::num(static_cast<long long>(r.total)),
                                                      Message(r.grade)})))
                  << "\n";
        for (const auto& l : r.lines) std::cout << wrap(say(l.message()), m_width, "  ") << "\n";
        if (!r.better.empty()) {
            std::cout << "\n" << m_style.bold(say(Msg::TermBetterHead)) << "\n";
            for (const auto& b : r.better)
                std::cout << wrap(say(Message(Msg::TermBetterLine,
                                              {Message::num(static_cast<long long>(b.turn)),
                                               Message::of(b.betterText), b.why})),
                                  m_width, "  ")
                          << "\n";
        }
        const SaveState& s = m_attempt.saveState();
        if (s.recording && s.saved)
            std::cout << m_style.dim(say(Message(Msg::TermReplaySaved, {Message(s.path.string())})))
                      << "\n";
    }

    // With --voice: says the customer's line in their voice and mood. Scripted runs and the
    // closing line wait for it; a trainee at the keyboard may answer over it (it stops).
    void speak(bool last = false) {
        if (!m_speaker) return;
        std::uint64_t ticket = m_speaker->say(m_attempt.scenario(), m_attempt.customerLine(),
                                              m_attempt.options().lang, m_attempt.mood());
        m_lineTicket = ticket;
        if (last || !m_opt.choices.empty())
            while (!m_speaker->done(ticket))
                std::this_thread::sleep_for(std::chrono::milliseconds(20));
        while (auto notice = m_speaker->takeNotice()) std::cerr << say(*notice) << "\n";
    }

    const PlayOptions& m_opt;
    std::unique_ptr<voice::Speaker> m_speaker;
    std::uint64_t m_lineTicket = 0;  ///< the customer line being said (its clock waits for it)
    Lang m_lang;
    Style m_style;
    int m_width;
    Attempt m_attempt;
};

void printDiagnostics(const std::vector<Diagnostic>& diags, Lang lang) {
    for (const auto& d : diags) std::cerr << d.format(lang) << "\n";
}

}  // namespace

std::shared_ptr<const Scenario> resolveScenario(const std::string& arg, Lang lang) {
    Library library;
    std::error_code ec;
    if (!fs::exists(arg, ec)) library.addFolder(bundledScenarioDir(), true);
    auto r = defuse::resolveScenario(arg, library);
    printDiagnostics(r.diagnostics, lang);
    return r.value;
}

int playAttempt(Attempt attempt, const PlayOptions& opt, const std::vector<ui::Choice>& choices) {
    Player player(std::move(attempt), opt);
    return player.run(choices);
}

int play(const PlayOptions& opt) {
    if (opt.json) return playJson(opt);
    if (opt.lang != "en" && opt.lang != "zh") {
        std::cerr << render(Msg::ErrBadLang, Lang::En) << "\n";
        return 2;
    }
    Lang lang = langFromCode(opt.lang);
    if (opt.testRun() && !opt.record.empty()) {
        std::cerr << render(Msg::WbNoRecord, lang) << "\n";
        return 2;
    }
    std::vector<Choice> choices;
    std::string error;
    if (!opt.choices.empty() && !ui::parseChoices(opt.choices, choices, error)) {
        std::cerr << "defuse: " << error << "\n";
        return 2;
    }
    // An unfinished assessment of this trainee on this scenario is offered first (resume).
    if (int code = offerResume(opt, choices); code >= 0) return code;
    std::error_code ec;
    PlayOptions asked = opt;  // a "yes" below is a --force for this run
    if (!opt.record.empty() && fs::exists(fs::symlink_status(opt.record, ec)) && !opt.force) {
        // Nothing the user made is overwritten without asking.
        if (!isatty(STDIN_FILENO)) {
            std::cerr << render(Message(Msg::ErrReplayExists, {Message(opt.record)}), lang) << "\n";
            return 2;
        }
        std::cout << render(Message(Msg::TermReplace, {Message(opt.record)}), lang) << std::flush;
        std::string answer;
        if (!std::getline(std::cin, answer) ||
            (answer != "y" && answer != "Y" && answer != "yes")) {
            std::cout << render(Msg::TermNotReplaced, lang) << "\n";
            return 2;
        }
        asked.force = true;
    }
    auto sc = resolveScenario(opt.scenario, lang);
    if (!sc) return 1;
    AttemptOptions ao;
    ao.lang = opt.lang;
    ao.mode = opt.mode == "assessment" ? Mode::Assessment : Mode::Practice;
    ao.seed = opt.seed ? *opt.seed : std::random_device{}() % 1000000;
    if (opt.testRun()) {  // a test run from a node: checked against the scenario first
        StartResult start = makeStart(*sc, {opt.from, opt.mood, splitIds(opt.after)});
        for (const auto& e : start.errors) std::cerr << render(e, lang) << "\n";
        if (!start.start) return 2;
        Player player(sc, asked, ao, std::move(*start.start));
        return player.run(choices);
    }
    Player player(sc, asked, ao);
    return player.run(choices);
}

}  // namespace defuse::term
