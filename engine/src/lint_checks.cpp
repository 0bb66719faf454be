// Conditions that can never hold: found by trying every mood value that matters (the numbers
// the condition compares with, one either side, 0 and 100) with every combination of the
// facts it names, except answers that cannot have been picked yet.
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <deque>
#include <map>
#include <set>

#include "scenario_checks.hpp"

namespace defuse::detail {

namespace {

constexpr long kMaxTries = 200000;  // a longer condition is not checked

// The nodes reachable from `from` by answering (the thresholds lead only to endings).
const std::set<std::string>& reachableFrom(const Scenario& sc, const std::string& from,
                                           std::map<std::string, std::set<std::string>>& memo) {
    auto it = memo.find(from);
    if (it != memo.end()) return it->second;
    std::set<std::string>& seen = memo[from];
    std::deque<std::string> queue{from};
    seen.insert(from);
    while (!queue.empty()) {
        const Node* n = sc.node(queue.front());
        queue.pop_front();
        if (!n) continue;
        for (const auto& a : n->answers)
            if (seen.insert(a.next).second) queue.push_back(a.next);
    }
    return seen;
}

// The values worth trying for a mood dimension compared in `text`.
std::vector<int> candidates(const std::string& text, bool& outside) {
    std::set<int> out{0, 100};
    const char* p = text.c_str();
    while (*p) {
        if (std::isdigit(static_cast<unsigned char>(*p))) {
            char* end = nullptr;
            double v = std::strtod(p, &end);
            bool negative = p > text.c_str() && p[-1] == '-';
            if (negative) v = -v;
            if (v < 0 || v > 100) outside = true;
            for (double x : {std::floor(v) - 1, std::floor(v), std::ceil(v), std::ceil(v) + 1})
                if (x >= 0 && x <= 100) out.insert(static_cast<int>(x));
            p = end;
        } else {
            ++p;
        }
    }
    return {out.begin(), out.end()};
}

struct Fact {
    Condition::Ref::Kind kind;
    std::string name;
};

// True when some mood and some set of the free facts make the condition hold.
bool canHold(const Condition& c, const std::string& node, const std::vector<Fact>& free,
             const std::vector<int>& values, bool& tooLong) {
    std::vector<Dim> dims;
    for (Dim d : kAllDims)
        if (c.text().find(dimName(d)) != std::string::npos) dims.push_back(d);
    long tries = 1L << free.size();
    for (std::size_t i = 0; i < dims.size(); ++i) tries *= static_cast<long>(values.size());
    if (free.size() > 12 || tries > kMaxTries) {
        tooLong = true;
        return true;
    }
    RunFacts facts;
    facts.mood = Mood{{50, 50, 50}};
    for (long t = 0; t < tries; ++t) {
        long rest = t;
        facts.picked.clear();
        facts.used.clear();
        facts.visited = {node};
        for (const auto& f : free) {
            if (rest % 2) {
                if (f.kind == Condition::Ref::Kind::Answer) facts.picked.insert(f.name);
                if (f.kind == Condition::Ref::Kind::Tag) facts.used.insert(f.name);
                if (f.kind == Condition::Ref::Kind::Node) facts.visited.insert(f.name);
            }
            rest /= 2;
        }
        for (Dim d : dims) {
            facts.mood.set(
                d, values[static_cast<std::size_t>(rest % static_cast<long>(values.size()))]);
            rest /= static_cast<long>(values.size());
        }
        if (c.evaluate(facts)) return true;
    }
    return false;
}

}  // namespace

void checkConditionsCanHold(const Scenario& sc,
                            const std::vector<std::pair<Condition, const YNode*>>& conditions,
                            const std::vector<std::string>& nodes, Reporter& rep) {
    std::map<std::string, std::pair<const Node*, const Answer*>> answerAt;
    for (const auto& n : sc.nodes)
        for (const auto& a : n.answers) answerAt[a.id] = {&n, &a};
    std::map<std::string, std::set<std::string>> memo;
    for (std::size_t i = 0; i < conditions.size() && i < nodes.size(); ++i) {
        const auto& [cond, at] = conditions[i];
        const std::string& node = nodes[i];
        std::vector<Fact> free, all;
        std::optional<Condition::Ref> notYet;  // the first answer that cannot have been picked
        std::set<std::string> named;
        for (const auto& ref : cond.refs()) {
            if (!named.insert(std::to_string(static_cast<int>(ref.kind)) + ref.name).second)
                continue;
            all.push_back({ref.kind, ref.name});
            if (ref.kind == Condition::Ref::Kind::Answer) {
                auto it = answerAt.find(ref.name);
                if (it == answerAt.end()) continue;
                if (!node.empty() &&
                    !reachableFrom(sc, it->second.second->next, memo).count(node)) {
                    if (!notYet) notYet = ref;
                    continue;
                }
            }
            free.push_back({ref.kind, ref.name});
        }
        bool outside = false, tooLong = false;
        std::vector<int> values = candidates(cond.text(), outside);
        if (canHold(cond, node, free, values, tooLong) || tooLong) continue;
        if (notYet && canHold(cond, node, all, values, tooLong)) {
            const Node* owner = answerAt[notYet->name].first;
            rep.warning(offsetPos(*at, notYet->offset),
                        Message(Msg::ConditionNeverHolds,
                                {Message(Msg::NeverHoldsPicked, {notYet->name, owner->id})}));
            continue;
        }
        rep.warning(*at, Message(Msg::ConditionNeverHolds,
                                 {outside ? Msg::NeverHoldsMood : Msg::NeverHoldsRange}));
    }
}

}  // namespace defuse::detail
