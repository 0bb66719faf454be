#include "scenario_checks.hpp"

#include <algorithm>
#include <deque>
#include <map>

#include "defuse/tags.hpp"
#include "loader_internal.hpp"

namespace defuse::detail {

namespace {

std::vector<std::string> graphTargets(const Scenario& sc, const Node& n) {
    std::vector<std::string> out;
    for (const auto& a : n.answers) out.push_back(a.next);
    if (!sc.onEscalate.empty()) out.push_back(sc.onEscalate);
    if (!sc.onWalkOut.empty()) out.push_back(sc.onWalkOut);
    return out;
}

void resolveDefaults(Scenario& sc) {
    if (sc.start.empty() && !sc.nodes.empty()) sc.start = sc.nodes.front().id;
    auto firstOf = [&](EndingKind k) {
        for (const auto& e : sc.endings)
            if (e.kind == k) return e.id;
        return std::string();
    };
    if (sc.onEscalate.empty()) sc.onEscalate = firstOf(EndingKind::Escalated);
    if (sc.onWalkOut.empty()) sc.onWalkOut = firstOf(EndingKind::Lost);
}

}  // namespace

void checkScenario(Scenario& sc, const std::vector<Reference>& refs,
                   const std::vector<std::pair<Condition, const YNode*>>& conditions,
                   const std::set<std::string>&, Reporter& rep, SourcePos rootPos) {
    std::vector<std::string> ids;
    for (const auto& n : sc.nodes) ids.push_back(n.id);
    for (const auto& e : sc.endings) ids.push_back(e.id);
    bool broken = false;
    for (const auto& r : refs) {
        if (std::find(ids.begin(), ids.end(), r.id) == ids.end()) {
            rep.error(r.pos, unknownName("node or ending", r.id, ids) + " (in " + r.from + ")");
            broken = true;
        }
    }
    if (sc.node(sc.start) == nullptr && !sc.start.empty() && sc.ending(sc.start) != nullptr) {
        rep.error(rootPos, "start must name a node, not the ending '" + sc.start + "'");
        broken = true;
    }

    std::vector<std::string> answerIds, nodeIds;
    for (const auto& n : sc.nodes) {
        nodeIds.push_back(n.id);
        for (const auto& a : n.answers) answerIds.push_back(a.id);
    }
    for (const auto& [cond, at] : conditions) {
        for (const auto& ref : cond.refs()) {
            SourcePos p = offsetPos(*at, ref.offset);
            switch (ref.kind) {
                case Condition::Ref::Kind::Answer:
                    if (std::find(answerIds.begin(), answerIds.end(), ref.name) == answerIds.end())
                        rep.error(p, unknownName("answer id", ref.name, answerIds) + " in the condition");
                    break;
                case Condition::Ref::Kind::Tag:
                    if (!findTag(ref.name)) rep.error(p, unknownName("tag", ref.name, tagIds()) + " in the condition");
                    break;
                case Condition::Ref::Kind::Node:
                    if (std::find(nodeIds.begin(), nodeIds.end(), ref.name) == nodeIds.end())
                        rep.error(p, unknownName("node", ref.name, nodeIds) + " in the condition");
                    break;
            }
        }
    }
    for (const auto& n : sc.nodes) {
        bool open = std::any_of(n.answers.begin(), n.answers.end(), [](const Answer& a) { return !a.condition; });
        if (!n.answers.empty() && !open)
            rep.error(n.pos, "every answer of node '" + n.id +
                                 "' has an 'if:'; give at least one answer without a condition so the conversation can always go on");
        if (n.answers.size() > 5)
            rep.warning(n.pos, "node '" + n.id + "' offers " + std::to_string(n.answers.size()) +
                                   " answers; more than 5 is hard to read and the keys 1-5 cannot reach them all");
    }
    if (broken || rep.failed()) return;

    resolveDefaults(sc);
    bool canEscalate = sc.customer.escalateAnger <= 100;
    if (sc.onEscalate.empty() && canEscalate)
        rep.warning(rootPos, "the customer can escalate (escalate_anger " + std::to_string(sc.customer.escalateAnger) +
                                 ") but there is no on_escalate and no ending of kind escalated; the threshold is ignored");
    if (sc.onWalkOut.empty() && sc.customer.walkOutPatience >= 0)
        rep.warning(rootPos, "the customer can walk out but there is no on_walk_out and no ending of kind lost; "
                             "the threshold is ignored");

    // Reachability from the start.
    std::set<std::string> seen{sc.start};
    std::deque<std::string> queue{sc.start};
    while (!queue.empty()) {
        std::string id = queue.front();
        queue.pop_front();
        const Node* n = sc.node(id);
        if (!n) continue;
        for (const auto& t : graphTargets(sc, *n))
            if (seen.insert(t).second) queue.push_back(t);
    }
    for (const auto& n : sc.nodes)
        if (!seen.count(n.id)) rep.warning(n.pos, "node '" + n.id + "' cannot be reached from the start");
    for (const auto& e : sc.endings)
        if (!seen.count(e.id)) rep.warning(e.pos, "ending '" + e.id + "' cannot be reached from the start");

    // Dead ends: nodes from which no ending can be reached.
    std::set<std::string> leads;
    for (const auto& e : sc.endings) leads.insert(e.id);
    for (bool grew = true; grew;) {
        grew = false;
        for (const auto& n : sc.nodes) {
            if (leads.count(n.id)) continue;
            for (const auto& t : graphTargets(sc, n)) {
                if (leads.count(t)) {
                    leads.insert(n.id);
                    grew = true;
                    break;
                }
            }
        }
    }
    for (const auto& n : sc.nodes)
        if (seen.count(n.id) && !leads.count(n.id))
            rep.warning(n.pos, "dead end: no ending can be reached from node '" + n.id + "'");

    bool winnable = std::any_of(sc.endings.begin(), sc.endings.end(), [&](const Ending& e) {
        return seen.count(e.id) && (e.kind == EndingKind::Resolved || e.kind == EndingKind::Partial);
    });
    if (!winnable) rep.warning(rootPos, "the scenario cannot be won: no ending of kind resolved or partial can be reached");
}

}  // namespace defuse::detail
