#pragma once
// Playing a scenario in the terminal.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/choices.hpp"
#include "defuse/attempt.hpp"
#include "defuse/message.hpp"
#include "defuse/scenario.hpp"

namespace defuse::term {

struct PlayOptions {
    std::string scenario;  ///< a file, or the id of a bundled scenario
    std::string choices;   ///< "2,1,3": answers by their shown number
    std::string record;    ///< replay file to write
    std::string lang = "en";
    std::optional<std::uint64_t> seed;
    std::string mode = "practice";
    std::string trainee;
    std::string color = "auto";
    bool force = false;  ///< replace an existing --record file without asking
    bool json = false;   ///< play over JSON Lines on stdin/stdout (json_play.hpp)
    bool voice = false;  ///< speak the customer's lines (voice/)
    // A test run (the trainer's workbench, workbench.hpp): where it starts and what came before.
    std::string from;    ///< --from NODE
    std::string mood;    ///< --mood anger=80,trust=20,patience=40
    std::string after;   ///< --after ID,ID: answers already picked
    bool watch = false;  ///< --watch: print the state conditions read after each turn
    bool testRun() const { return !from.empty() || !mood.empty() || !after.empty(); }
};

/// Plays a scenario; returns the exit code (0 done, 1 scenario errors, 2 usage errors).
int play(const PlayOptions& opt);

/// Plays on an attempt already made and recording (a resumed run), in `opt.lang` and
/// `opt.color`, with the scripted `choices` first; returns the exit code as `play` does.
int playAttempt(Attempt attempt, const PlayOptions& opt, const std::vector<ui::Choice>& choices);

/// Before `play` starts an assessment with `--record`: an unfinished assessment of the same
/// trainee on the same scenario in the record file's folder is offered to resume or close
/// out (a terminal asks; otherwise a hint is printed). Returns an exit code when it handled
/// the run, or -1 to play as asked (resume_command.cpp).
int offerResume(const PlayOptions& opt, const std::vector<ui::Choice>& choices);

/// Loads a scenario given as a file path or a bundled scenario's id; prints its problems in
/// `lang`.
std::shared_ptr<const Scenario> resolveScenario(const std::string& arg, Lang lang = Lang::En);

}  // namespace defuse::term
