#include "defuse/scenario.hpp"

#include <deque>
#include <set>

#include "defuse/tags.hpp"

namespace defuse {

std::string_view qualityId(Quality q) {
    static constexpr std::string_view kIds[] = {"unrated", "bad", "weak", "good", "best"};
    return kIds[static_cast<int>(q)];
}

Rubric Rubric::defaults() {
    Rubric r;
    for (const auto& t : allTags())
        if (t.defaultPenalty > 0) r.penalties[std::string(t.id)] = t.defaultPenalty;
    return r;
}

double Rubric::penaltyOf(const std::vector<std::string>& tags) const {
    double p = 0;
    for (const auto& tag : tags)
        if (auto it = penalties.find(tag); it != penalties.end()) p += it->second;
    return p;
}

const Answer* Scenario::answer(const std::string& nodeId, const std::string& answerId) const {
    if (const Node* n = node(nodeId))
        for (const auto& a : n->answers)
            if (a.id == answerId) return &a;
    return nullptr;
}

Message Scenario::displayName() const {
    if (!customerName.empty()) return Message::of(customerName);
    if (!customer.name.empty()) return Message::of(customer.name);
    return Message(Msg::Customer);
}

const Node* Scenario::node(const std::string& nodeId) const {
    for (const auto& n : nodes)
        if (n.id == nodeId) return &n;
    return nullptr;
}

const Ending* Scenario::ending(const std::string& endingId) const {
    for (const auto& e : endings)
        if (e.id == endingId) return &e;
    return nullptr;
}

int Scenario::shortestTurns() const {
    std::deque<std::pair<std::string, int>> queue{{start, 0}};
    std::set<std::string> seen{start};
    while (!queue.empty()) {
        auto [at, depth] = queue.front();
        queue.pop_front();
        if (ending(at)) return depth;
        const Node* n = node(at);
        if (!n) continue;
        for (const auto& a : n->answers)
            if (seen.insert(a.next).second) queue.push_back({a.next, depth + 1});
    }
    return 0;
}

}  // namespace defuse
