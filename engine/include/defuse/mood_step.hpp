#pragma once
/// What one answer does to the customer's mood, and why, as values.
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
    double seconds = 0;  ///< Hesitation
    Text note;           ///< Order

    /// The reason as the debrief and the transcript say it.
    Message message() const;
    /// True for reasons that coach (order notes): practice only.
    bool coaching() const { return kind == Kind::Order; }
};

/// A mood change as a message: "anger −5, trust +3".
Message describeDelta(const MoodDelta& d);

/// What one answer does at a point of a run.
struct MoodStep {
    Mood after;
    std::vector<MoodReason> reasons;
    bool overTime = false;
};

/// Computes what `answer` does at `node` after the turns `earlier`, from the mood `before`,
/// answered after `seconds`. Used by attempts, scoring and analysis.
MoodStep moodStep(const Scenario& sc, TurnSpan earlier, const Node& node, const Answer& answer,
                  const Mood& before, double seconds, bool timed);

/// The patience `seconds` of silence cost with this customer, before rounding.
double hesitationDrain(const Archetype& a, double seconds);

/// What has happened in a run so far, as conditions see it.
RunFacts factsOf(const Scenario& sc, TurnSpan turns, const std::string& node, const Mood& mood);

}  // namespace defuse
