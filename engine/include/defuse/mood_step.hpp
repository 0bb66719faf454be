#pragma once
/// What one answer does to the customer's mood, and why, as values.
#include <map>
#include <set>
#include <string>
#include <vector>

#include "defuse/message.hpp"
#include "defuse/scenario.hpp"
#include "defuse/turn.hpp"

namespace defuse {

/// One cause of a mood change.
struct MoodReason {
    enum class Kind {
        Hesitation,  ///< seconds of silence cost patience
        Tag,         ///< the archetype's reaction to one tag of the answer (order rules applied)
        Order,       ///< an order rule applied to a tag: its author's note
        Effect       ///< the answer's own effect
    };
    Kind kind = Kind::Tag;
    std::string tag;     ///< Tag, Order
    MoodDelta delta;     ///< Hesitation, Tag, Effect
    double seconds = 0;  ///< Hesitation: the seconds beyond the reading allowance
    Text note;           ///< Order

    /// The reason as the debrief and the transcript say it.
    Message message() const;
    /// True for reasons that coach (order notes): practice only.
    bool coaching() const { return kind == Kind::Order; }
};

/// A mood change as a message: "anger −5, trust +3".
Message describeDelta(const MoodDelta& d);

/// What one tag of an answer did at that point (order rules applied).
struct TagEffect {
    std::string tag;
    MoodDelta delta;
};

/// A critical mistake an answer made.
struct CriticalHit {
    std::string tag;  ///< the tag that made it ("" for an answer that is critical itself)
    Text reason;
};

/// What one answer does at a point of a run.
struct MoodStep {
    Mood after;
    std::vector<MoodReason> reasons;
    std::vector<TagEffect> tags;  ///< every tag's effect, in the answer's order
    MoodDelta answerEffect;       ///< tags and the answer's own effect, without time
    std::vector<CriticalHit> criticals;
    bool overTime = false;
};

/// What came before a turn, as reactions and critical rules see it: the tags of the answers
/// picked and how often the customer gave each cue.
struct History {
    std::set<std::string> used;
    std::map<std::string, int> cues;
};
/// The history before the turns `earlier` end.
History historyOf(const Scenario& sc, TurnSpan earlier);
/// Adds one turn to a history.
void addTurn(History& h, const Scenario& sc, const Turn& t);

/// Computes what `answer` does at `node` after `before` (the history of earlier turns),
/// from the mood `mood`, answered after `seconds` of which `allowance` were reading.
MoodStep moodStep(const Scenario& sc, const History& before, const Node& node, const Answer& answer,
                  const Mood& mood, double seconds, bool timed, double allowance = 0);
/// The same after the turns `earlier`.
MoodStep moodStep(const Scenario& sc, TurnSpan earlier, const Node& node, const Answer& answer,
                  const Mood& mood, double seconds, bool timed, double allowance = 0);

/// The patience `seconds` of silence cost with this customer, before rounding.
double hesitationDrain(const Archetype& a, double seconds);

/// What has happened in a run so far, as conditions see it.
RunFacts factsOf(const Scenario& sc, TurnSpan turns, const std::string& node, const Mood& mood);

}  // namespace defuse
