#pragma once
/// A reusable customer temperament.
#include <climits>
#include <map>
#include <string>
#include <vector>

#include "defuse/diagnostic.hpp"
#include "defuse/look.hpp"
#include "defuse/mood.hpp"
#include "defuse/text.hpp"

namespace defuse {

/// How what came before changes the effect of an answer carrying `tag`.
struct OrderRule {
    std::string tag;
    std::string before;  ///< applies only if no earlier answer carried this tag ("" = any)
    std::string after;   ///< applies only if an earlier answer carried this tag ("" = any)
    std::string cue;     ///< applies only if the customer gave this cue min..max times
    int cueMin = 1;
    int cueMax = INT_MAX;
    bool cueHere = false;  ///< `here: true`: only at a node where the customer gives the cue
    double scale = 1.0;    ///< multiplies the tag's own reaction
    MoodDelta effect;      ///< added when the rule applies
    Text note;             ///< why, for the debrief
    SourcePos pos;
};

/// A critical mistake: what the training material says never to do with this customer. An
/// answer carrying `tag` (when the rule's before/after/cue conditions hold, as for an order
/// rule) caps the score below a pass, whatever follows.
struct CriticalRule {
    std::string tag;
    std::string before;  ///< only if no earlier answer carried this tag ("" = any)
    std::string after;   ///< only if an earlier answer carried this tag ("" = any)
    std::string cue;     ///< only if the customer gave this cue min..max times
    int cueMin = 1;
    int cueMax = INT_MAX;
    bool cueHere = false;  ///< `here: true`: only at a node where the customer gives the cue
    Text reason;           ///< why it is critical, naming the principle
    SourcePos pos;
};

/// A customer temperament: starting mood, reactions, order rules, patience, thresholds.
struct Archetype {
    std::string id;
    std::string file;
    Text name;
    Text description;
    Mood start{{50, 50, 60}};
    std::map<std::string, MoodDelta> reactions;  ///< tag -> effect
    std::vector<OrderRule> orderRules;
    std::vector<CriticalRule> criticals;
    double graceSeconds = 8.0;
    double drainPerSecond = 1.0;
    int perTurnPatience = 0;
    int escalateAnger = 95;
    int walkOutPatience = 0;
    CustomerLook look;  ///< how the customer looks (`look:`), overridden by a scenario's
    std::string hash;   ///< sha256 of the file's bytes
};

}  // namespace defuse
