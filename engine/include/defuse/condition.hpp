#pragma once
/// Conditions on the mood and on what happened earlier in the run: `anger >= 70 and used empathy`.
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "defuse/mood.hpp"

namespace defuse {

/// What a condition can look at.
struct RunFacts {
    Mood mood;
    std::set<std::string> picked;   ///< answer ids picked so far
    std::set<std::string> used;     ///< tags carried by answers picked so far
    std::set<std::string> visited;  ///< node ids passed through, the current one included
};

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
    /// Parses `text`. On failure returns nullopt-like empty condition and sets `error` and
    /// `errorOffset` (0-based character offset into `text`).
    static Condition parse(const std::string& text, std::string& error, int& errorOffset);

    bool valid() const { return m_root != nullptr; }
    bool evaluate(const RunFacts& facts) const;
    const std::string& text() const { return m_text; }
    const std::vector<Ref>& refs() const { return m_refs; }

private:
    std::shared_ptr<const Node> m_root;
    std::string m_text;
    std::vector<Ref> m_refs;
};

}  // namespace defuse
