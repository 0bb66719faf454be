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
    // Sets, not scans: these checks must stay fast on a file with many thousands of nodes.
    std::vector<std::string> ids;
    for (const auto& n : sc.nodes) ids.push_back(n.id);
    for (const auto& e : sc.endings) ids.push_back(e.id);
    const std::set<std::string> idSet(ids.begin(), ids.end());
    bool broken = false;
    for (const auto& r : refs) {
        if (!idSet.count(r.id)) {
            broken = true;
            rep.error(r.pos, rep.full() ? Message()
                                        : Message(Msg::UnknownReference,
                                                  {unknownName(Msg::NameNodeOrEnding, r.id, ids),
                                                   r.from}));
        }
    }
    if (sc.node(sc.start) == nullptr && !sc.start.empty() && sc.ending(sc.start) != nullptr) {
        rep.error(rootPos, Message(Msg::StartIsEnding, {sc.start}));
        broken = true;
    }

    std::vector<std::string> answerIds, nodeIds;
    for (const auto& n : sc.nodes) {
        nodeIds.push_back(n.id);
        for (const auto& a : n.answers) answerIds.push_back(a.id);
    }
    const std::set<std::string> answerSet(answerIds.begin(), answerIds.end()),
        nodeSet(nodeIds.begin(), nodeIds.end());
    for (const auto& [cond, at] : conditions) {
        for (const auto& ref : cond.refs()) {
            SourcePos p = offsetPos(*at, ref.offset);
            auto unknown = [&](Msg kind, const std::vector<std::string>& known) {
                rep.error(p, rep.full()
                                 ? Message()
                                 : Message(Msg::UnknownNameIn, {unknownName(kind, ref.name, known),
                                                                Message(Msg::WhatCondition)}));
            };
            switch (ref.kind) {
                case Condition::Ref::Kind::Answer:
                    if (!answerSet.count(ref.name)) unknown(Msg::NameAnswerId, answerIds);
                    break;
                case Condition::Ref::Kind::Tag:
                    if (!findTag(ref.name)) unknown(Msg::NameTag, tagIds());
                    break;
                case Condition::Ref::Kind::Node:
                    if (!nodeSet.count(ref.name)) unknown(Msg::NameNode, nodeIds);
                    break;
            }
        }
    }
    for (const auto& n : sc.nodes) {
        bool open = std::any_of(n.answers.begin(), n.answers.end(),
                                [](const Answer& a) { return !a.condition; });
        if (!n.answers.empty() && !open)
            rep.error(n.pos, Message(Msg::AllAnswersConditional, {n.id}));
        if (n.answers.size() > 5)
            rep.warning(n.pos,
                        Message(Msg::TooManyAnswers, {n.id, std::to_string(n.answers.size())}));
    }
    if (broken || rep.failed()) return;

    resolveDefaults(sc);
    bool canEscalate = sc.customer.escalateAnger <= 100;
    if (sc.onEscalate.empty() && canEscalate)
        rep.warning(rootPos,
                    Message(Msg::EscalateIgnored, {std::to_string(sc.customer.escalateAnger)}));
    if (sc.onWalkOut.empty() && sc.customer.walkOutPatience >= 0)
        rep.warning(rootPos, Msg::WalkOutIgnored);

    // Reachability from the start.
    std::map<std::string, const Node*> nodeById;
    for (const auto& n : sc.nodes) nodeById.emplace(n.id, &n);
    std::set<std::string> seen{sc.start};
    std::deque<std::string> queue{sc.start};
    while (!queue.empty()) {
        std::string id = queue.front();
        queue.pop_front();
        auto it = nodeById.find(id);
        if (it == nodeById.end()) continue;
        for (const auto& t : graphTargets(sc, *it->second))
            if (seen.insert(t).second) queue.push_back(t);
    }
    for (const auto& n : sc.nodes)
        if (!seen.count(n.id)) rep.warning(n.pos, Message(Msg::NodeUnreachable, {n.id}));
    for (const auto& e : sc.endings)
        if (!seen.count(e.id)) rep.warning(e.pos, Message(Msg::EndingUnreachable, {e.id}));

    // Dead ends: nodes from which no ending can be reached (a search backwards from the endings).
    std::map<std::string, std::vector<std::string>> comesFrom;
    for (const auto& n : sc.nodes)
        for (const auto& t : graphTargets(sc, n)) comesFrom[t].push_back(n.id);
    std::set<std::string> leads;
    for (const auto& e : sc.endings)
        if (leads.insert(e.id).second) queue.push_back(e.id);
    while (!queue.empty()) {
        std::string id = queue.front();
        queue.pop_front();
        for (const auto& from : comesFrom[id])
            if (leads.insert(from).second) queue.push_back(from);
    }
    // The same without the thresholds: a node whose only way out is the customer giving up.
    std::map<std::string, std::vector<std::string>> byAnswerFrom;
    for (const auto& n : sc.nodes)
        for (const auto& a : n.answers) byAnswerFrom[a.next].push_back(n.id);
    std::set<std::string> leadsByAnswers;
    for (const auto& e : sc.endings)
        if (leadsByAnswers.insert(e.id).second) queue.push_back(e.id);
    while (!queue.empty()) {
        std::string id = queue.front();
        queue.pop_front();
        for (const auto& from : byAnswerFrom[id])
            if (leadsByAnswers.insert(from).second) queue.push_back(from);
    }
    for (const auto& n : sc.nodes) {
        if (!seen.count(n.id)) continue;
        if (!leads.count(n.id))
            rep.warning(n.pos, Message(Msg::DeadEnd, {n.id}));
        else if (!leadsByAnswers.count(n.id))
            rep.warning(n.pos, Message(Msg::DeadEndButThresholds, {n.id}));
    }

    bool winnable = std::any_of(sc.endings.begin(), sc.endings.end(), [&](const Ending& e) {
        return seen.count(e.id) &&
               (e.kind == EndingKind::Resolved || e.kind == EndingKind::Partial);
    });
    if (!winnable) rep.warning(rootPos, Msg::CannotBeWon);
}

}  // namespace defuse::detail
