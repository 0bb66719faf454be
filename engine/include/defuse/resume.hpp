#pragma once
/// Taking up an interrupted run where it stopped, or closing it out as abandoned. A recorded
/// attempt writes its replay after every answer, so a crash or a power cut loses at most the
/// turn in progress; these calls put the run back from that file and go on writing it.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "defuse/attempt.hpp"
#include "defuse/replay.hpp"

namespace defuse {

/// Where a recorded run stands.
enum class RunState {
    InProgress,  ///< stopped before an ending: it can be resumed or closed out
    Finished,    ///< reached an ending; never written over
    Abandoned,   ///< closed out before an ending
};

/// The state a replay records (a finished time or an ending means finished).
RunState runState(const Replay& r);

/// Why a run cannot be taken up again.
enum class ResumeProblem {
    None,
    Finished,         ///< the replay is finished
    Abandoned,        ///< the replay was closed out
    NoScenario,       ///< its scenario is not found or does not load (see the diagnostics)
    NotReplayable,    ///< the recorded answers do not re-play (see the diagnostics)
    ScenarioChanged,  ///< the scenario's hash differs from the one recorded
    CannotWrite,      ///< the replay could not be written (see `writeError`)
};

/// A run taken up again.
struct Resumption {
    std::unique_ptr<Attempt> attempt;  ///< recording again, the break on disk; null on failure
    std::shared_ptr<const Scenario> scenario;
    ResumeProblem problem = ResumeProblem::None;
    std::vector<Diagnostic> diagnostics;  ///< from finding the scenario and re-playing
    std::string writeError;
    ResumeGap gap;  ///< the break that was recorded
    bool ok() const { return problem == ResumeProblem::None; }
};

/// Re-plays the recorded answers of the replay at `path` against its scenario (the replay's
/// own file, else by id in `scenarioDirs`), records the break (`afterTurn`, the file's last
/// write as `stopped`, now as `resumed`) and goes on recording to `path`. Refuses finished and
/// abandoned replays and a scenario whose hash changed; never writes over them.
Resumption resumeRun(const Replay& r, const std::filesystem::path& path,
                     const std::vector<std::filesystem::path>& scenarioDirs);

/// Closes out an unfinished run: writes the replay back with `abandoned:` now. False (and
/// nothing written) when the run is finished or already closed out, or when the write fails
/// (`error` says why).
bool abandonRun(const Replay& r, const std::filesystem::path& path, std::string* error = nullptr);

/// When a file was last written (ISO 8601, UTC), or empty.
std::string lastWritten(const std::filesystem::path& path);

/// An unfinished run found in a folder.
struct UnfinishedRun {
    std::filesystem::path path;
    std::shared_ptr<const Replay> replay;
    std::string lastSaved;  ///< the file's last write (ISO 8601)
};

/// The replays directly in `dirs` (not below) that are in progress, sorted by path. Files that
/// are not replays or do not load are skipped.
std::vector<UnfinishedRun> findUnfinished(const std::vector<std::filesystem::path>& dirs);

}  // namespace defuse
