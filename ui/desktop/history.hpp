#pragma once
// The trainee's earlier attempts, read from the replay files in attemptsDir() and scored by
// the engine (never from a stored score).
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "defuse/attempt.hpp"
#include "defuse/diagnostic.hpp"
#include "defuse/library.hpp"

namespace defuse::desktop {

/// One earlier attempt, as the library and the debrief compare it. Practice and assessment
/// are never mixed: bests and comparisons are per mode.
struct PastAttempt {
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
    int rewinds = 0;    ///< answers taken back (practice)
    int criticals = 0;  ///< critical mistakes made
    int uncapped = 0;   ///< the total before a critical mistake capped it
};

class History {
public:
    /// The attempts below `dir`, from the results store (store/: replays not yet in it are
    /// indexed first). When the store cannot be opened, storeProblem() says why and the
    /// replays are read and re-scored here instead (readFiles).
    void load(const std::filesystem::path& dir, const Library& library);
    /// Why the store could not be used for the last load ("" when it was).
    const std::string& storeProblem() const { return m_storeProblem; }
    /// Reads every replay below `dir`. A replay of a scenario in `library` at the version it
    /// was played against is re-played against it (the engine's rescoreWith); others are
    /// found on disk by the engine's rescore (in the library's folders).
    void readFiles(const std::filesystem::path& dir, const Library& library);
    /// Brings the entry of an attempt being played up to date: it joins the history once
    /// finished, and stays in it (no longer finished after a rewind).
    void track(const Attempt& attempt);

    bool loaded() const { return m_loaded; }
    /// Attempts at a scenario, oldest first.
    const std::vector<PastAttempt>& of(const std::string& scenarioId) const;
    /// The best finished attempt at a scenario in a mode, or nullptr. Among equal totals the
    /// one with the fewest answers taken back.
    const PastAttempt* best(const std::string& scenarioId, Mode mode) const;
    /// Replays that could not be read or re-played: the first error of each.
    const std::vector<Diagnostic>& problems() const { return m_problems; }

private:
    std::map<std::string, std::vector<PastAttempt>> m_byScenario;
    std::vector<Diagnostic> m_problems;
    std::vector<PastAttempt> m_none;
    bool m_loaded = false;
    std::string m_storeProblem;
    bool fromStore(const std::filesystem::path& dir, const Library& library);
    void sortByStart();
};

}  // namespace defuse::desktop
