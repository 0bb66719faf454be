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

namespace {

/// The item with this id: from the index when it still describes the list (an entry whose item
/// has the id; a miss counts when the index has one entry per item), else by a scan.
template <class T>
const T* lookup(const std::vector<T>& items, const std::unordered_map<std::string, std::size_t>& at,
                const std::string& id) {
    if (!at.empty()) {
        auto it = at.find(id);
        if (it != at.end() && it->second < items.size() && items[it->second].id == id)
            return &items[it->second];
        if (it == at.end() && at.size() == items.size()) return nullptr;
    }
    for (const auto& item : items)
        if (item.id == id) return &item;
    return nullptr;
}

}  // namespace

const Node* Scenario::node(const std::string& nodeId) const {
    return lookup(nodes, m_nodeAt, nodeId);
}

const Ending* Scenario::ending(const std::string& endingId) const {
    return lookup(endings, m_endingAt, endingId);
}

void Scenario::index() {
    m_nodeAt.clear();
    m_endingAt.clear();
    for (std::size_t i = 0; i < nodes.size(); ++i) m_nodeAt.emplace(nodes[i].id, i);
    for (std::size_t i = 0; i < endings.size(); ++i) m_endingAt.emplace(endings[i].id, i);
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
