#pragma once
/// A loaded scenario compiled for play by machine: node, answer, tag and ending ids as
/// integers, conditions as postfix programs, the archetype's reactions, order rules and
/// critical rules as tables per tag, and a run as a fixed set of counters updated once per turn
/// (the facts conditions and rules read, and the score's running components). A turn costs a
/// table lookup and a few integer operations whatever the scenario's size and the run's
/// length. Random play, the analysis and the differential tests use it; it gives exactly the
/// moods, routes and scores `Attempt` and `scoreRun` give (tests/compiled_test.cpp).
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "defuse/attempt.hpp"
#include "defuse/condition.hpp"
#include "defuse/scenario.hpp"
#include "defuse/scoring.hpp"
#include "defuse/turn.hpp"

namespace defuse {

/// Where a turn leads: a node (>= 0), an ending (kEnding - index), or no ending at all.
inline constexpr int kNoEnding = -1;  ///< finished without an ending (a broken scenario)
inline int endingTarget(int ending) { return -2 - ending; }
inline bool isEndingTarget(int t) { return t <= -2; }
inline int endingOf(int t) { return -2 - t; }

/// Everything about a run that decides its future and its score, as counters. Two runs with
/// equal states go on the same way and score the same (the analysis merges them).
struct RunState {
    int at = 0;  ///< node index, or an ending target (endingTarget / kNoEnding) when finished
    Mood mood;
    int turns = 0;
    std::uint8_t redirects = 0;  ///< bit 0: escalated once, bit 1: walked out once
    bool critical = false;       ///< a critical mistake was made
    int peakAnger = 0;
    int startAnger =
        0;           ///< the run's starting anger (the same for every state of a run; not packed)
    int better = 0;  ///< turns that improved trust minus anger
    int within = 0;  ///< turns answered within the time limit
    std::uint8_t competencies = 0;  ///< bit per competency shown in a way that worked
    std::uint8_t stepsSeen = 0;     ///< bit per service step reached
    std::uint8_t stepsInOrder = 0;  ///< bit per step reached in order
    double penalties = 0;
    std::vector<std::uint64_t> facts;  ///< bits: tags used, answers picked, nodes visited
    std::vector<std::uint32_t> cues;   ///< how often each cue the rules read was given (capped)

    bool finished() const { return at < 0; }
    bool fact(int bit) const {
        return bit >= 0 && (facts[static_cast<std::size_t>(bit) / 64] >> (bit % 64) & 1u);
    }
    bool operator==(const RunState& o) const {
        return at == o.at && mood == o.mood && turns == o.turns && redirects == o.redirects &&
               critical == o.critical && peakAnger == o.peakAnger && better == o.better &&
               within == o.within && competencies == o.competencies && stepsSeen == o.stepsSeen &&
               stepsInOrder == o.stepsInOrder && penalties == o.penalties && facts == o.facts &&
               cues == o.cues;
    }
};

/// What one turn did, beyond the new state.
struct CompiledTurn {
    Mood before, after;
    int next = 0;  ///< where it went (as RunState::at)
    Redirect redirect = Redirect::None;
};

class CompiledScenario {
public:
    explicit CompiledScenario(std::shared_ptr<const Scenario> scenario);

    const Scenario& scenario() const { return *m_sc; }
    std::size_t nodeCount() const { return m_nodes.size(); }
    /// The node, ending or answer index of an id (-1 when there is none).
    int nodeIndex(const std::string& id) const;
    int answerIndex(int node, const std::string& id) const;
    const std::string& nodeId(int node) const;
    const std::string& answerId(int node, int answer) const;
    const Ending* endingAt(const RunState& s) const;

    /// The state at the start of a run.
    RunState start() const;
    /// The state at the start of a test run that starts elsewhere (attempt.hpp's AttemptStart:
    /// a node, a mood, answers counted as picked before).
    RunState start(const AttemptStart& from) const;
    /// The answers on offer (indices into the node's answers) in the order shown to a run
    /// with `seed`, as `Attempt::choices` orders them. Empty when finished.
    void offered(const RunState& s, std::uint64_t seed, std::vector<int>& out) const;
    /// Plays answer `answer` of the current node after `seconds` (of which `allowance` were
    /// reading); `timed` as the attempt's option.
    CompiledTurn play(RunState& s, int answer, double seconds, double allowance, bool timed) const;
    /// The run's total as `scoreRun` computes it, from its state alone.
    int score(const RunState& s, bool timed) const;
    /// The state's words for hashing (everything in it, packed).
    void pack(const RunState& s, std::vector<std::uint32_t>& out) const;
    /// The state back from its words (`pack`'s inverse; startAnger is left as it was).
    void unpack(const std::uint32_t* words, RunState& s) const;
    std::size_t packedWords() const { return 6 + m_factWords * 2 + m_cueSlots; }
    /// Whether a run's course (the answers on offer and where they lead) can depend on its
    /// mood: a threshold that redirects, or a condition that compares the mood. When not, two
    /// runs with equal course keys go on the same ways (the analysis counts paths by them).
    bool courseReadsMood() const { return m_courseReadsMood; }
    /// The node, the turn count and the facts the answers' conditions read, as words.
    void courseKey(const RunState& s, std::vector<std::uint32_t>& out) const;
    std::size_t courseWords() const { return 2 + m_factWords * 2; }

private:
    struct Rule {
        int before = -1, after = -1;  ///< used-tag fact bits (-1: none)
        int cue = -1;                 ///< cue slot (-1: none)
        bool hasCue = false;
        int cueMin = 1, cueMax = 0;
        bool here = false;
        double scale = 1;
        MoodDelta effect;
    };
    struct Tag {
        MoodDelta reaction;
        std::vector<Rule> order;
        std::vector<Rule> criticals;
        int competency = -1, step = -1;
        bool known = false;
        double penalty = 0;  ///< > 0 when the rubric penalises it
        int usedBit = -1;
    };
    struct CAnswer {
        std::vector<int> tags;
        MoodDelta effect;
        bool hasCondition = false;
        std::vector<Condition::Op> condition;
        int pickedBit = -1;
        int next = kNoEnding;
        bool endsBadly = false;
        bool critical = false;
        const Answer* source = nullptr;
    };
    struct CNode {
        std::vector<CAnswer> answers;
        std::vector<int> cues;  ///< cue slots given here (with repeats), -1 for unread cues
        int visitedBit = -1;
        const Node* source = nullptr;
    };

    bool holds(const Rule& r, const RunState& s, const CNode& n) const;
    bool test(const std::vector<Condition::Op>& prog, const RunState& s) const;
    int target(const std::string& id) const;

    std::shared_ptr<const Scenario> m_sc;
    std::map<std::string, int> m_nodeIds, m_endingIds;
    std::map<std::string, int> m_pickedBit, m_visitedBit;  ///< by answer and node id
    std::vector<CNode> m_nodes;
    std::vector<Tag> m_tags;
    std::vector<std::uint32_t> m_cueCap;  ///< per cue slot: counts at or above it read the same
    std::size_t m_factWords = 0;
    std::size_t m_cueSlots = 0;
    std::vector<std::uint64_t> m_courseMask;  ///< the fact bits answers' conditions read
    bool m_courseReadsMood = true;
    static constexpr int kNone = INT32_MIN;
    int m_escalate = kNone, m_walkOut = kNone;  ///< where the thresholds send the run
};

}  // namespace defuse
