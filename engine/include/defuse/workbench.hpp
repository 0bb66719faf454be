#pragma once
/// The trainer's workbench: a test run from any node with any mood and an earlier history
/// (`defuse play --from`, the desktop's "Test from here"), and the state a run has gathered
/// (the state watch).
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "defuse/attempt.hpp"
#include "defuse/message.hpp"

namespace defuse {

/// What a trainer asked for, as typed.
struct StartRequest {
    std::string from;  ///< a node id ("" = the scenario's start, or where `after` leads)
    std::string mood;  ///< "anger=80,trust=20,patience=40" (any of them, "" = none)
    std::vector<std::string> after;  ///< answer ids already picked, in order
};

/// A start made from a request, or what is wrong with it.
struct StartResult {
    std::optional<AttemptStart> start;
    std::vector<Message> errors;  ///< each says which value and what is wrong
};

/// Checks a request against the scenario and makes the start: every id known (with a guess
/// when one is close), every mood value a whole number 0-100 of a known dimension, and the
/// earlier answers reachable in that order (each answer's node reachable from the start, or
/// from where the answer before it leads; the `from` node reachable from where the last one
/// leads). Without `from`, the run starts where the last earlier answer leads. Dimensions not
/// given keep the archetype's start mood.
StartResult makeStart(const Scenario& sc, const StartRequest& request);

/// Parses "a,b,c" into ids (empty pieces dropped).
std::vector<std::string> splitIds(const std::string& list);

/// What a run has gathered so far: the state conditions and order rules read.
struct StateWatch {
    std::map<std::string, int> cues;  ///< cue -> how often the customer gave it
    std::set<std::string> tags;       ///< tags of the answers picked
    std::vector<std::string> picked;  ///< answer ids, in order (a start's earlier ones first)
    std::vector<std::string>
        visited;  ///< node ids in the order first visited, the current one last
    Mood mood;
};

/// The state of `a` now (a start's earlier answers included).
StateWatch watchState(const Attempt& a);

/// The watch as lines for a terminal or a panel, in `lang`: "cues: ...", "tags used: ...",
/// "answers picked: ...", "nodes visited: ...".
std::vector<std::string> describeWatch(const StateWatch& w, Lang lang);

/// A run moved onto another version of its scenario (live reload): the same options, start
/// and answers, re-played as far as they still go.
struct MovedRun {
    std::unique_ptr<Attempt> attempt;  ///< null when the run's start node is gone
    int replayed = 0;                  ///< the turns re-played
    std::string goneAnswer;  ///< the first answer that no longer exists or is not on offer ("")
    int goneTurn = 0;        ///< its 1-based turn
    bool startGone = false;  ///< the node the run started at is gone
    bool recording = false;  ///< the old run's replay is written on by the new one
};

/// Moves `old` onto `version`. A recorded run's replay is taken up (the same file, trainee
/// and start time) and rewritten as the run now stands; the turns past an answer that is gone
/// are dropped from it, as the trainee sees them dropped.
MovedRun moveToVersion(const Attempt& old, std::shared_ptr<const Scenario> version);

}  // namespace defuse
