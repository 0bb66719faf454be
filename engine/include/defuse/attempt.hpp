#pragma once
/// An attempt: one run through a scenario, the narrow API every front end plays through.
/// Its whole state is the scenario, the options and the list of turns: rewind drops the last
/// turn, a snapshot and a replay are that list, and a recorded attempt writes its replay
/// after every turn. Front ends read it and call it; they keep no copy of what it knows.
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "defuse/mood_step.hpp"
#include "defuse/scenario.hpp"
#include "defuse/scoring.hpp"
#include "defuse/turn.hpp"

namespace defuse {

/// How an attempt is played.
struct AttemptOptions {
    std::uint64_t seed = 1;  ///< fixes the order answers are shown in
    Mode mode = Mode::Practice;
    std::string lang = "en";  ///< the language of the scenario's text
    bool timed = true;        ///< false turns the time limit off (practice only)
};

/// One answer on offer, as the trainee sees it.
struct Choice {
    std::size_t index = 0;  ///< 0-based position on screen (type index + 1)
    std::string id;
    std::string text;
};

/// What the last answer did.
struct TurnOutcome {
    int turn = 0;  ///< 1-based
    Mood before;
    Mood after;
    std::vector<MoodReason> reasons;  ///< what moved the mood (practice: with the order notes)
    Text note;                        ///< the coaching note (practice only)
    Redirect redirect = Redirect::None;
    bool overTime = false;  ///< answered after the time limit
};

/// One line of the transcript, derived from the turns.
struct TranscriptLine {
    enum class Who { Customer, Advisor, Event };
    Who who = Who::Customer;
    int turn = 0;      ///< the 1-based turn an Advisor or Event line belongs to
    std::string text;  ///< Customer and Advisor lines, in the attempt's language
    Message event;     ///< Event lines
    MoodDelta delta;   ///< Advisor lines: how the mood moved
};

/// Whether the replay of a recorded attempt is on disk.
struct SaveState {
    bool recording = false;
    bool saved = false;  ///< the last write worked
    std::string error;   ///< why the last write failed
    std::filesystem::path path;
    bool taken = false;   ///< the path was already taken (by another run or file): not written
    int savedTurns = -1;  ///< the answered turns the file on disk holds (-1: nothing written)
};

/// How `Attempt::record` takes its file.
struct RecordOptions {
    /// False: claim the path atomically and fail (`SaveState::taken`) if anything is there,
    /// even a file another run made a moment ago. True: replace it, keeping its permissions.
    bool replace = false;
    /// Make missing folders on the way (an app's own attempts folder); false: a missing
    /// folder is an error, as for a path the user typed.
    bool makeFolders = true;
};

/// Where a test run starts instead of the scenario's start (workbench.hpp makes one from what
/// a trainer typed): a node, a mood, and answers already picked before it, which conditions,
/// cue counts and order rules read as if they had been played. The run's own turns, score and
/// mood curve begin here.
struct AttemptStart {
    std::string node;           ///< empty: the scenario's start
    std::optional<Mood> mood;   ///< empty: the archetype's start mood
    std::vector<Turn> earlier;  ///< each with its node and picked answer (nothing else is read)
};

class ReplayWriter;
struct Replay;
struct ResumeGap;

class Attempt {
public:
    Attempt(std::shared_ptr<const Scenario> scenario, AttemptOptions options);
    /// Puts an attempt back from its turns (a snapshot or a resumed replay). Turns that do
    /// not fit the scenario are dropped from the first one that does not.
    Attempt(std::shared_ptr<const Scenario> scenario, AttemptOptions options,
            const std::vector<Turn>& turns);
    /// A test run starting at `start` (not recorded: a replay cannot hold a start).
    Attempt(std::shared_ptr<const Scenario> scenario, AttemptOptions options, AttemptStart start);
    ~Attempt();
    Attempt(const Attempt& other);
    Attempt& operator=(const Attempt& other);
    Attempt(Attempt&&) noexcept;
    Attempt& operator=(Attempt&&) noexcept;

    // [SECTION] What the trainee sees
    const Scenario& scenario() const { return *m_scenario; }
    std::shared_ptr<const Scenario> scenarioPtr() const { return m_scenario; }
    const AttemptOptions& options() const { return m_options; }
    Mode mode() const { return m_options.mode; }
    /// What the customer says now (the ending's closing line when finished).
    std::string customerLine() const;
    /// The answers on offer, in the order shown (shuffled from the seed).
    std::vector<Choice> choices() const;
    /// The answer ids in the order shown.
    std::vector<std::string> shownIds() const;
    const Mood& mood() const { return m_mood; }
    /// The mood at the start and after each turn.
    std::vector<Mood> moodCurve() const;
    /// Seconds allowed per answer now, reading included (0 = untimed).
    double timeLimit() const;
    /// Seconds allowed now for reading the customer's line and the answers on offer.
    double readingAllowance() const;
    /// The patience `seconds` of silence before the next answer costs (0 when untimed):
    /// only the time beyond the reading allowance and the customer's grace counts.
    double hesitationCost(double seconds) const;
    bool finished() const { return !m_ending.empty(); }
    /// The ending reached, or nullptr.
    const Ending* ending() const;
    /// What the last answer did; nullopt at the start and right after a rewind.
    const std::optional<TurnOutcome>& lastOutcome() const { return m_last; }
    /// The conversation so far: the customer's lines, the advisor's answers, events.
    std::vector<TranscriptLine> transcript() const;
    /// The node the customer is at (nullptr when finished).
    const Node* node() const;
    const std::vector<Turn>& turns() const { return m_turns; }
    /// How many answers were taken back.
    int rewinds() const { return static_cast<int>(m_rewound.size()); }
    /// The answers taken back, in the order they were.
    const std::vector<Rewound>& rewound() const { return m_rewound; }
    /// Restores the answers taken back (when an attempt is put back from a replay).
    void setRewound(std::vector<Rewound> rewound);
    /// Where this run started (empty node, mood and earlier answers for a whole run).
    const AttemptStart& start() const { return m_start; }
    /// The mood the run started with.
    const Mood& startMood() const;
    /// What conditions read now: answers picked, tags used, nodes visited (earlier answers of
    /// the start included), with the mood and the current node.
    RunFacts facts() const;
    /// What the order rules and the critical rules read now: tags used and cues counted.
    const History& historyNow() const { return history(); }
    /// Bumped on every change (front ends restart animations on it).
    int version() const { return m_version; }

    // [SECTION] Playing
    /// Picks the answer at `index` (as in `choices()`) after `seconds`. False (and nothing
    /// changes) when finished, at the turn limit or the index is out of range.
    bool choose(std::size_t index, double seconds);
    /// Picks by answer id; false if that answer is not on offer.
    bool chooseId(const std::string& answerId, double seconds);
    /// True in practice mode when there is a turn to take back (and fewer than
    /// kMaxReplayTurns were taken back already: a replay holds no more).
    bool canRewind() const;
    /// True when the run has kMaxReplayTurns answers without reaching an ending: the most a
    /// replay may hold (replay.hpp), so `choose` refuses more and a front end ends the run
    /// there (the replay written so far loads).
    bool atTurnLimit() const;
    /// Takes back the last turn (practice only).
    bool rewind();

    // [SECTION] Recording
    /// Writes the replay to `path` now and after every turn from now on. False (with the
    /// reason in `saveState()`) when the first write fails; the attempt goes on either way,
    /// and a front end that must not play unrecorded stops on `saveState()`.
    bool record(const std::filesystem::path& path, const std::string& trainee,
                RecordOptions how = {});
    /// Takes up the recording of an interrupted run (resume.hpp): keeps `from`'s trainee,
    /// start time and earlier breaks, adds `gap`, and writes now and after every turn.
    bool resumeRecording(const std::filesystem::path& path, const Replay& from,
                         const ResumeGap& gap);
    /// Takes up the recording of `old`, the same run on another version of the scenario (live
    /// reload): its file, trainee and start time; the replay is rewritten as this run stands.
    bool continueRecordingOf(const Attempt& old);
    const SaveState& saveState() const { return m_save; }
    /// When the attempt started (ISO 8601).
    const std::string& started() const { return m_started; }
    /// The trainee recorded with it.
    const std::string& trainee() const { return m_trainee; }

    // [SECTION] Score
    /// The score as it stands (computed once per change, the same in every language).
    const ScoreReport& score() const;

private:
    void enter(const std::string& id);
    void recompute();
    void changed();
    void catchUp() const;
    const History& history() const;
    const RunFacts& factsAt(const Node& n) const;

    std::shared_ptr<const Scenario> m_scenario;
    AttemptOptions m_options;
    std::vector<Turn> m_turns;
    // Derived from the turns (kept so reading is cheap).
    std::string m_node;
    std::string m_ending;
    Mood m_mood;
    std::optional<TurnOutcome> m_last;
    std::vector<Rewound> m_rewound;
    int m_version = 0;
    std::string m_trainee;
    std::string m_started;
    std::unique_ptr<ReplayWriter> m_writer;
    SaveState m_save;
    bool m_makeFolders = true;
    mutable std::optional<ScoreReport> m_score;
    mutable History m_history;  ///< what the mood model reads of the turns so far
    mutable RunFacts m_facts;   ///< what conditions read of them (mood and node set on use)
    mutable std::size_t m_historyTurns = SIZE_MAX;  ///< SIZE_MAX: rebuild (earlier answers first)
    AttemptStart m_start;
};

/// Scores an attempt as it stands.
inline const ScoreReport& scoreAttempt(const Attempt& a) { return a.score(); }

}  // namespace defuse
