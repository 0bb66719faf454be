#pragma once
/// A scenario: the situation, the customer, the nodes with their answers, and the endings.
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "defuse/archetype.hpp"
#include "defuse/condition.hpp"
#include "defuse/curriculum.hpp"
#include "defuse/diagnostic.hpp"
#include "defuse/mood.hpp"
#include "defuse/scoring_model.hpp"
#include "defuse/text.hpp"

namespace defuse {

/// How good the author says an answer is.
enum class Quality { Unrated, Bad, Weak, Good, Best };
std::string_view qualityId(Quality q);

/// The most answers one node may offer: far more than a screen can show (scenarios offer 3-5),
/// and a bound on every per-node cost (docs/hardening.md).
inline constexpr int kMaxAnswersPerNode = 100;

/// One answer the trainee can pick.
struct Answer {
    std::string id;  ///< explicit, or NODE.N
    Text text;
    std::vector<std::string> tags;
    MoodDelta effect;
    std::optional<Condition> condition;  ///< offered only when this holds
    std::string next;                    ///< node or ending id
    Text note;                           ///< coaching note
    Quality quality = Quality::Unrated;  ///< the author's judgement, if given
    Text critical;                       ///< non-empty: picking it is a critical mistake, and why
    std::vector<std::string> teaches;    ///< curriculum principles this choice exercises
    SourcePos pos;
};

/// A customer line used instead of the default when its condition holds.
struct LineVariant {
    Condition when;
    Text say;
};

/// A point in the conversation: what the customer says and the answers on offer.
struct Node {
    std::string id;
    Text say;
    std::vector<LineVariant> variants;
    std::vector<std::string> cues;
    std::vector<Answer> answers;
    SourcePos pos;
};

/// An ending of the conversation.
struct Ending {
    std::string id;
    EndingKind kind = EndingKind::Resolved;
    Text title;
    Text say;         ///< the customer's closing line
    int score = 100;  ///< 0-100 share of the outcome points
    SourcePos pos;
};

/// How a run of this scenario becomes a score: the scoring model with the scenario's
/// overrides, and the penalty per tag.
struct Rubric : ScoringModel {
    std::map<std::string, double> penalties;  ///< tag -> points per use

    /// The built-in model with the default penalties from the tag vocabulary.
    static Rubric defaults();
    /// The points one answer with these tags loses.
    double penaltyOf(const std::vector<std::string>& tags) const;
};

/// A loaded, checked scenario with its customer archetype resolved.
struct Scenario {
    std::string id;
    std::string file;
    std::string hash;  ///< sha256 over the scenario's and its archetype's bytes
    Text title;
    Text briefing;
    Text goal;
    int difficulty = 3;
    std::string channel = "in_person";  ///< "in_person" or "phone"
    std::vector<std::string> languages{"en", "zh"};
    double timeLimit = 0;  ///< seconds per answer; 0 = untimed
    Archetype customer;    ///< the archetype with the scenario's overrides applied
    Text customerName;
    std::string start;
    std::string onEscalate;
    std::string onWalkOut;
    Rubric rubric = Rubric::defaults();
    std::vector<Node> nodes;
    std::vector<Ending> endings;
    /// The library's curriculum when the scenario's answers name principles and it was found.
    std::shared_ptr<const Curriculum> curriculum;

private:
    std::unordered_map<std::string, std::size_t> m_nodeAt, m_endingAt;

public:
    /// The node or ending with this id, or nullptr: a hash lookup once `index()` has run (the
    /// loader runs it), a scan of the list otherwise or when the lists changed since.
    const Node* node(const std::string& id) const;
    const Ending* ending(const std::string& id) const;
    /// Builds the id lookups `node` and `ending` use (again after changing the lists).
    void index();
    /// The answer `answerId` of node `nodeId`, or nullptr.
    const Answer* answer(const std::string& nodeId, const std::string& answerId) const;
    /// The customer's name as the trainee sees it: the scenario's, else the archetype's,
    /// else "Customer".
    Message displayName() const;
    /// The fewest answers from the start to any ending (a measure of length).
    int shortestTurns() const;
};

}  // namespace defuse
