#pragma once
/// Replays: a human-readable YAML record of one run, written turn by turn.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "defuse/attempt.hpp"
#include "defuse/loader.hpp"
#include "defuse/scoring.hpp"

namespace defuse {

/// A recorded run.
struct Replay {
    std::string file;
    int version = 1;
    std::string engineVersion;
    std::string scenarioId;
    std::string scenarioFile;  ///< as recorded (absolute or relative to the replay)
    std::string scenarioHash;
    Mode mode = Mode::Practice;
    std::string trainee;
    std::uint64_t seed = 1;
    std::string lang = "en";
    bool timed = true;
    std::string started;
    std::string finished;  ///< empty when the run was interrupted
    std::string ending;    ///< as recorded; informative only
    std::vector<Turn> turns;
    std::vector<SourcePos> turnPos;  ///< where each turn is in the file
    std::vector<bool> turnHasMood;   ///< whether each turn recorded mood_after
    std::vector<Rewound> rewound;    ///< answers taken back in practice
};

/// Writes an attempt's replay, atomically (temporary file, flush, rename). An attempt that
/// records (`Attempt::record`) calls it after every turn.
class ReplayWriter {
public:
    /// `path`: where to write; `started`: when the run started (ISO 8601). Does not write
    /// until `write` is called.
    ReplayWriter(std::filesystem::path path, std::string trainee, std::string started);
    /// Writes the attempt as it stands. Returns false and sets `error` on failure.
    bool write(const Attempt& a, std::string* error = nullptr);
    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
    std::string m_trainee;
    std::string m_started;
};

/// The replay's YAML text for an attempt as it stands.
std::string replayText(const Attempt& a, const std::string& trainee, const std::string& started,
                       const std::string& finished, const std::filesystem::path& relativeTo);

/// Loads a replay file.
LoadResult<Replay> loadReplay(const std::filesystem::path& file);
/// Loads a replay from text, as if read from `name`.
LoadResult<Replay> loadReplayText(const std::string& text, const std::string& name);

/// A replay re-played against its scenario.
struct Rescored {
    std::shared_ptr<const Scenario> scenario;
    std::unique_ptr<Attempt> attempt;  ///< the run re-played
    ScoreReport report;
    std::vector<Diagnostic> diagnostics;
    bool ok() const { return attempt != nullptr; }
};

/// Finds the replay's scenario (its recorded file, then by id in `scenarioDirs`),
/// re-plays the recorded answers and scores the run. Never trusts a stored score.
Rescored rescore(const Replay& replay, const std::vector<std::filesystem::path>& scenarioDirs);

/// Re-plays the recorded answers against a scenario already loaded (a changed hash is a
/// warning added to `diagnostics`) and scores the run.
Rescored rescoreWith(const Replay& replay, std::shared_ptr<const Scenario> scenario,
                     std::vector<Diagnostic> diagnostics = {});

/// The current UTC time as ISO 8601.
std::string nowIso8601();

}  // namespace defuse
