#pragma once
/// Conditions on the mood and on what happened earlier in the run: `anger >= 70 and used empathy`.
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "defuse/message.hpp"
#include "defuse/mood.hpp"

namespace defuse {

/// What a condition can look at.
struct RunFacts {
    Mood mood;
    std::set<std::string> picked;   ///< answer ids picked so far
    std::set<std::string> used;     ///< tags carried by answers picked so far
    std::set<std::string> visited;  ///< node ids passed through, the current one included
};

struct ParsedCondition;

/// A parsed condition. Evaluating it never fails.
class Condition {
public:
    /// One reference a condition makes to a name in the scenario, for checking.
    struct Ref {
        enum class Kind { Answer, Tag, Node } kind;
        std::string name;
        int offset;  ///< character offset of the name in the source text
    };
    struct Node;

    Condition() = default;
    /// Parses `text`; never throws. On failure the result holds no condition but an error.
    static ParsedCondition parse(const std::string& text);

    bool valid() const { return m_root != nullptr; }
    bool evaluate(const RunFacts& facts) const;
    const std::string& text() const { return m_text; }
    const std::vector<Ref>& refs() const { return m_refs; }

    /// One instruction of the condition compiled to a postfix program (compiled.hpp runs it).
    struct Op {
        enum class Code : std::uint8_t { Fact, Compare, And, Or, Not } code = Code::Fact;
        int fact = -1;  ///< Fact: the bit the run's fact is kept in (-1: never true)
        Dim dim = Dim::Anger;
        std::uint8_t cmp = 0;  ///< Compare: 0 <, 1 <=, 2 >, 3 >=, 4 ==, 5 !=
        double number = 0;
    };
    /// The condition as a postfix program; `factBit(kind, name)` names the bit that says
    /// whether the answer was picked, the tag used or the node visited.
    std::vector<Op> compile(const std::function<int(Ref::Kind, const std::string&)>& factBit) const;

private:
    std::shared_ptr<const Node> m_root;
    std::string m_text;
    std::vector<Ref> m_refs;
};

/// What `Condition::parse` gives: the condition, or what is wrong and where.
struct ParsedCondition {
    std::optional<Condition> condition;  ///< set when the text parsed
    Message error;                       ///< what is wrong, when it did not
    int errorOffset = 0;                 ///< 0-based character offset of the problem in the text
    bool ok() const { return condition.has_value(); }
};

}  // namespace defuse
