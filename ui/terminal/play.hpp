#pragma once
// Playing a scenario in the terminal.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

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
};

/// Plays a scenario; returns the exit code (0 done, 1 scenario errors, 2 usage errors).
int play(const PlayOptions& opt);

/// Loads a scenario given as a file path or a bundled scenario's id; prints its problems in
/// `lang`.
std::shared_ptr<const Scenario> resolveScenario(const std::string& arg, Lang lang = Lang::En);

}  // namespace defuse::term
