#pragma once
/// A run through a scenario: the narrow API every front end plays through.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "defuse/mood.hpp"
#include "defuse/scenario.hpp"

namespace defuse {

/// Practice shows coaching and allows rewind; assessment does neither.
enum class Mode { Practice, Assessment };
std::string_view modeId(Mode m);

/// How a session is played.
struct SessionOptions {
    std::uint64_t seed = 1;  ///< fixes the order answers are shown in
    Mode mode = Mode::Practice;
    std::string lang = "en";
    bool timed = true;  ///< false turns the scenario's time limit off (practice only)
};

/// One turn as it happened.
struct Turn {
    std::string node;
    std::vector<std::string> shown;  ///< answer ids in the order shown
    std::string picked;
    double seconds = 0;
    Mood before;
    Mood after;
    std::string next;  ///< where the conversation went (node or ending)
};

/// What one choice did, for the front end to show.
struct TurnFeedback {
    Mood before;
    Mood after;
    std::vector<std::string> reasons;  ///< localized lines: what moved the mood and why
    std::string note;                  ///< the coaching note (practice mode only)
    bool escalated = false;            ///< the anger threshold sent the call elsewhere
    bool walkedOut = false;            ///< patience ran out
    bool overTime = false;             ///< answered after the time limit
};

/// Everything needed to put a session back where it was.
struct Snapshot {
    std::string node;
    Mood mood;
    std::vector<Turn> turns;
    std::string ending;
    bool escalationUsed = false;
    bool walkOutUsed = false;
};

/// A run through a scenario. Deterministic: the same scenario, seed and answers (and times)
/// give the same run on every machine.
class Session {
public:
    Session(std::shared_ptr<const Scenario> scenario, SessionOptions options);

    const Scenario& scenario() const { return *m_scenario; }
    std::shared_ptr<const Scenario> scenarioPtr() const { return m_scenario; }
    const SessionOptions& options() const { return m_options; }

    /// The node the customer is at (nullptr when finished).
    const Node* node() const;
    /// What the customer says now (the ending's closing line when finished).
    std::string customerLine() const;
    /// The answers on offer, in the order shown (shuffled from the seed).
    std::vector<const Answer*> answers() const;
    /// The answer ids in the order shown.
    std::vector<std::string> shownIds() const;
    /// Picks the answer at `shownIndex` (0-based, as in `answers()`), after `seconds`.
    /// Returns false (and does nothing) when finished or the index is out of range.
    bool choose(std::size_t shownIndex, double seconds, TurnFeedback* feedback = nullptr);
    /// Picks by answer id; false if that answer is not on offer.
    bool chooseId(const std::string& answerId, double seconds, TurnFeedback* feedback = nullptr);

    const Mood& mood() const { return m_mood; }
    /// The mood at the start and after each turn.
    std::vector<Mood> moodCurve() const;
    bool finished() const { return !m_ending.empty(); }
    /// The ending reached, or nullptr.
    const Ending* ending() const;
    const std::vector<Turn>& turns() const { return m_turns; }
    /// Seconds allowed per answer now (0 = untimed).
    double timeLimit() const;
    /// The patience `seconds` of silence before the next answer costs (0 when untimed); the
    /// answer itself rounds it to a whole number.
    double hesitationCost(double seconds) const;

    Snapshot snapshot() const;
    void restore(const Snapshot& s);
    /// True in practice mode when there is a turn to take back.
    bool canRewind() const;
    /// Takes back the last turn (practice mode only).
    bool rewind();

private:
    RunFacts facts() const;
    void enter(const std::string& id);

    std::shared_ptr<const Scenario> m_scenario;
    SessionOptions m_options;
    std::string m_node;
    std::string m_ending;
    Mood m_mood;
    std::vector<Turn> m_turns;
    bool m_escalationUsed = false;
    bool m_walkOutUsed = false;
    std::vector<Snapshot> m_history;  ///< the state before each turn, for rewind
};

/// Computes what one answer does to the mood at a point of a run, without a session.
/// `earlier` are the turns before this one. Used by the session and by analysis.
struct MoodStep {
    Mood after;
    std::vector<std::string> reasons;
    bool overTime = false;
};
MoodStep moodStep(const Scenario& sc, const std::vector<Turn>& earlier, const Node& node,
                  const Answer& answer, const Mood& before, double seconds, bool timed,
                  std::string_view lang);

}  // namespace defuse
