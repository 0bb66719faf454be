#pragma once
/// A reusable customer temperament.
#include <climits>
#include <map>
#include <string>
#include <vector>

#include "defuse/diagnostic.hpp"
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
    double scale = 1.0;  ///< multiplies the tag's own reaction
    MoodDelta effect;    ///< added when the rule applies
    Text note;           ///< why, for the debrief
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
    double graceSeconds = 8.0;
    double drainPerSecond = 1.0;
    int perTurnPatience = 0;
    int escalateAnger = 95;
    int walkOutPatience = 0;
    std::string hash;  ///< sha256 of the file's bytes
};

}  // namespace defuse
