#pragma once
// What `defuse analyze` adds for tuning a scenario (the trainer's workbench): the difficulty
// rating from random play, --after ID,... (the best and worst still reachable after a start),
// --compare OLD NEW (two versions side by side), and progress on long runs.
#include <CLI/CLI.hpp>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <thread>
#include <vector>

#include "defuse/message.hpp"
#include "defuse/scenario.hpp"

namespace defuse::term {

struct TuningOptions {
    std::string after;                 ///< --after ID,...
    std::vector<std::string> compare;  ///< --compare OLD NEW
    std::string lang = "en";
    std::uint64_t maxStates = 6000000;  ///< analyze's --max-states
    bool wanted() const { return !after.empty() || !compare.empty(); }
};

/// Adds --after, --compare and --lang to the `analyze` subcommand: when one is given, its run
/// replaces the plain analysis (the scenario argument is not needed with --compare).
void addAnalyzeTuning(CLI::App* analyze, int& exitCode);

/// Runs --after or --compare; returns the exit code.
int analyzeTuning(const std::string& scenario, const TuningOptions& opt, std::uint64_t seed,
                  std::uint64_t maxPaths, int runs, bool json);

/// The difficulty line(s) of `analyze` (random play's rating against `difficulty:`).
void printDifficulty(const std::shared_ptr<const Scenario>& sc, int runs, std::uint64_t seed,
                     std::ostream& out, Lang lang = Lang::En);
nlohmann::json difficultyJson(const std::shared_ptr<const Scenario>& sc, int runs,
                              std::uint64_t seed);

/// While alive, says on stderr every second that `what` is still being analyzed (after the
/// first second: short runs print nothing).
class ProgressTicker {
public:
    explicit ProgressTicker(std::string what, Lang lang = Lang::En);
    ~ProgressTicker();
    ProgressTicker(const ProgressTicker&) = delete;
    ProgressTicker& operator=(const ProgressTicker&) = delete;

private:
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_done = false;
    std::thread m_thread;
};

}  // namespace defuse::term
