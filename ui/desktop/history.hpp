#pragma once
// The trainee's earlier attempts, read from the replay files in attemptsDir().
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "defuse/scenario.hpp"
#include "defuse/session.hpp"

namespace defuse::desktop {

/// One earlier attempt, scored from its replay (never from a stored score).
struct Attempt {
    std::filesystem::path file;
    std::string scenarioId;
    std::string started;  ///< ISO 8601 as recorded
    int total = 0;
    std::string grade;
    std::string ending;
    EndingKind kind = EndingKind::Lost;
    bool finished = false;
    bool olderVersion = false;  ///< played against a different version of the scenario
    Mode mode = Mode::Practice;
};

class History {
public:
    /// Reads every replay below `dir`. Replays of scenarios in `scenarios` are re-played
    /// against them; others through the engine's rescore (searching `scenarioDirs`).
    void load(const std::filesystem::path& dir,
              const std::vector<std::shared_ptr<const Scenario>>& scenarios,
              const std::vector<std::filesystem::path>& scenarioDirs);
    /// Adds or replaces (same file) an attempt.
    void add(const Attempt& attempt);

    bool loaded() const { return m_loaded; }
    /// Attempts at a scenario, oldest first.
    const std::vector<Attempt>& of(const std::string& scenarioId) const;
    /// The best finished attempt at a scenario, or nullptr.
    const Attempt* best(const std::string& scenarioId) const;
    /// Replays that could not be read, as messages.
    const std::vector<std::string>& problems() const { return m_problems; }

private:
    std::map<std::string, std::vector<Attempt>> m_byScenario;
    std::vector<std::string> m_problems;
    std::vector<Attempt> m_none;
    bool m_loaded = false;
};

}  // namespace defuse::desktop
