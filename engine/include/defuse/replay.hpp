#pragma once
/// Replays: a human-readable YAML record of one run, written turn by turn.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "defuse/attempt.hpp"
#include "defuse/files.hpp"
#include "defuse/loader.hpp"
#include "defuse/scoring.hpp"

namespace defuse {

/// A break in a recorded run: the program stopped (a crash, a power cut, a closed terminal)
/// and the run was taken up again (`defuse resume`, resume.hpp).
struct ResumeGap {
    int afterTurn = 0;    ///< the answered turns on disk when it stopped
    std::string stopped;  ///< when the replay was last written before the break (ISO 8601)
    std::string resumed;  ///< when the run was taken up again (ISO 8601)
};

/// The most turns (and, apart, answers taken back) a replay may hold: hundreds of times a real
/// run, and a bound on the time and memory a re-play takes (docs/hardening.md).
inline constexpr int kMaxReplayTurns = 10000;

/// The assessor's mark, kept beside (never replacing) the computed score.
enum class OverrideMark { None, Pass, Fail };

/// The assessor's note on one turn or on the whole run (notes.hpp).
struct AssessorNote {
    int turn = 0;  ///< the 1-based turn, or 0 for the whole run
    std::string text;
    std::string written;  ///< when (ISO 8601)
};

/// The assessor's judgement of a run: notes, and an optional pass/fail mark with its reason.
struct AssessorNotes {
    std::vector<AssessorNote> notes;  ///< at most one per turn and one for the run, by turn
    OverrideMark mark = OverrideMark::None;
    std::string reason;       ///< why the mark (required with one)
    std::string markWritten;  ///< when the mark was set (ISO 8601)
    bool empty() const { return notes.empty() && mark == OverrideMark::None; }
};

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
    std::vector<ResumeGap> resumed;  ///< the breaks, in order (absent from the file when none)
    std::string abandoned;  ///< when an unfinished run was closed out as abandoned, or empty
    AssessorNotes notes;    ///< the assessor's notes and mark (`notes:`, `override:`)
};

/// Writes an attempt's replay, atomically (temporary file, flush, rename). An attempt that
/// records (`Attempt::record`) calls it after every turn.
class ReplayWriter {
public:
    /// `path`: where to write; `started`: when the run started (ISO 8601). Does not write
    /// until `write` is called.
    ReplayWriter(std::filesystem::path path, std::string trainee, std::string started);
    /// Goes on writing a run recorded before: keeps `base`'s trainee, start time, breaks and
    /// notes.
    ReplayWriter(std::filesystem::path path, Replay base);
    /// Writes the attempt as it stands. Returns false and sets `error` on failure. With
    /// WriteMode::CreateNew the write is also the claim of the path (files.hpp): the file
    /// appears holding the whole replay, or not at all, and never where one already is
    /// (`errorCode` EEXIST).
    bool write(const Attempt& a, std::string* error = nullptr, WriteMode mode = WriteMode::Replace,
               int* errorCode = nullptr);
    const std::filesystem::path& path() const { return m_path; }

private:
    std::filesystem::path m_path;
    Replay m_base;  ///< what the file holds besides the attempt's turns
};

/// The replay's YAML text for an attempt as it stands.
std::string replayText(const Attempt& a, const std::string& trainee, const std::string& started,
                       const std::string& finished, const std::filesystem::path& relativeTo);
/// The record of an attempt as it stands (`scenarioFile` relative to `relativeTo`).
Replay replayOf(const Attempt& a, const std::string& trainee, const std::string& started,
                const std::string& finished, const std::filesystem::path& relativeTo);
/// The YAML text of a replay: the one form every writer uses, so a replay loaded and written
/// back is the same text.
std::string replayText(const Replay& r);
/// Writes a replay to `path` atomically. Returns false and sets `error` on failure.
bool writeReplay(const Replay& r, const std::filesystem::path& path, std::string* error = nullptr);

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
