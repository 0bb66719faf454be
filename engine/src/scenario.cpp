#include "defuse/scenario.hpp"

#include <deque>
#include <set>

#include "defuse/tags.hpp"

namespace defuse {

std::string_view endingKindId(EndingKind k) {
    static constexpr std::string_view kIds[] = {"resolved", "partial", "escalated", "lost"};
    return kIds[static_cast<int>(k)];
}

std::string endingKindLabel(EndingKind k, std::string_view lang) {
    static constexpr std::string_view kEn[] = {"Resolved", "Partly resolved", "Escalated to the manager",
                                               "Customer lost"};
    static constexpr std::string_view kZh[] = {"圆满解决", "部分解决", "升级到经理", "客户流失"};
    return std::string(lang == "zh" ? kZh[static_cast<int>(k)] : kEn[static_cast<int>(k)]);
}

std::string_view componentId(Component c) {
    static constexpr std::string_view kIds[] = {"outcome", "deescalation", "mood_curve",
                                                "competencies", "steps", "response_time"};
    return kIds[static_cast<int>(c)];
}

std::string componentLabel(Component c, std::string_view lang) {
    static constexpr std::string_view kEn[] = {"Outcome", "De-escalation", "Mood curve",
                                               "Competencies", "Service steps", "Response time"};
    static constexpr std::string_view kZh[] = {"结果", "情绪缓和", "情绪曲线", "能力表现", "服务步骤", "响应时间"};
    return std::string(lang == "zh" ? kZh[static_cast<int>(c)] : kEn[static_cast<int>(c)]);
}

Rubric Rubric::defaults() {
    Rubric r;
    for (const auto& t : allTags())
        if (t.defaultPenalty > 0) r.penalties[std::string(t.id)] = t.defaultPenalty;
    return r;
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
