// What one answer does to the mood: time, the archetype's reactions with its order rules,
// the answer's own effect.
#include "defuse/mood_step.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>

#include "defuse/tags.hpp"

namespace defuse {

namespace {

Msg dimMsg(Dim d) {
    static constexpr Msg kMsgs[] = {Msg::DimAnger, Msg::DimTrust, Msg::DimPatience};
    return kMsgs[static_cast<int>(d)];
}

}  // namespace

double hesitationDrain(const Archetype& a, double seconds) {
    return std::max(0.0, seconds - a.graceSeconds) * a.drainPerSecond;
}

Message describeDelta(const MoodDelta& d) {
    std::vector<Message> items;
    for (Dim dim : kAllDims) {
        int v = d.get(dim);
        if (v != 0)
            items.push_back(Message(Msg::DimChange, {Message(dimMsg(dim)), Message::signedNum(v)}));
    }
    return Message::join(Msg::SepComma, std::move(items));
}

Message MoodReason::message() const {
    switch (kind) {
        case Kind::Hesitation: {
            char secs[32];
            std::snprintf(secs, sizeof secs, "%.1f", seconds);
            return Message(Msg::ReasonHesitated,
                           {Message(secs), Message::signedNum(delta.get(Dim::Patience))});
        }
        case Kind::Tag:
            return Message(Msg::ReasonTag,
                           {Message::capitalized(tagMessage(tag)), describeDelta(delta)});
        case Kind::Order:
            return Message(Msg::ReasonOrder, {Message::of(note)});
        case Kind::Effect:
            return Message(Msg::ReasonEffect, {describeDelta(delta)});
    }
    return {};
}

RunFacts factsOf(const Scenario& sc, TurnSpan turns, const std::string& node, const Mood& mood) {
    RunFacts f;
    f.mood = mood;
    for (const auto& t : turns) {
        f.picked.insert(t.picked);
        f.visited.insert(t.node);
        if (const Answer* a = sc.answer(t.node, t.picked))
            f.used.insert(a->tags.begin(), a->tags.end());
    }
    f.visited.insert(node);
    return f;
}

History historyOf(const Scenario& sc, TurnSpan earlier) {
    History h;
    for (const auto& t : earlier) addTurn(h, sc, t);
    return h;
}

void addTurn(History& h, const Scenario& sc, const Turn& t) {
    if (const Node* n = sc.node(t.node))
        for (const auto& c : n->cues) ++h.cues[c];
    if (const Answer* picked = sc.answer(t.node, t.picked))
        h.used.insert(picked->tags.begin(), picked->tags.end());
}

namespace {

// Whether a rule's conditions (before/after a tag, how often a cue was given, the current
// node's cues counted) hold at this point: order rules and critical rules read the same way.
template <class Rule>
bool holds(const Rule& r, const History& h, const std::map<std::string, int>& cues,
           const Node& node) {
    if (!r.before.empty() && h.used.count(r.before)) return false;
    if (r.cueHere && std::find(node.cues.begin(), node.cues.end(), r.cue) == node.cues.end())
        return false;
    if (!r.after.empty() && !h.used.count(r.after)) return false;
    if (!r.cue.empty()) {
        auto it = cues.find(r.cue);
        int count = it == cues.end() ? 0 : it->second;
        if (count < r.cueMin || count > r.cueMax) return false;
    }
    return true;
}

}  // namespace

MoodStep moodStep(const Scenario& sc, TurnSpan earlier, const Node& node, const Answer& answer,
                  const Mood& mood, double seconds, bool timed, double allowance) {
    return moodStep(sc, historyOf(sc, earlier), node, answer, mood, seconds, timed, allowance);
}

MoodStep moodStep(const Scenario& sc, const History& h, const Node& node, const Answer& answer,
                  const Mood& before, double seconds, bool timed, double allowance) {
    MoodStep out;
    const Archetype& a = sc.customer;
    std::map<std::string, int> cues = h.cues;
    for (const auto& c : node.cues) ++cues[c];

    MoodDelta total;
    if (timed && sc.timeLimit > 0) {
        double beyond = std::max(0.0, seconds - std::max(0.0, allowance));
        int drain = static_cast<int>(std::lround(hesitationDrain(a, beyond)));
        if (drain > 0) {
            total.add(Dim::Patience, -drain);
            MoodReason r;
            r.kind = MoodReason::Kind::Hesitation;
            r.seconds = beyond;
            r.delta.add(Dim::Patience, -drain);
            out.reasons.push_back(std::move(r));
        }
        out.overTime = beyond > sc.timeLimit;
    }
    if (a.perTurnPatience > 0) total.add(Dim::Patience, -a.perTurnPatience);

    for (const auto& tag : answer.tags) {
        MoodDelta base;
        if (auto it = a.reactions.find(tag); it != a.reactions.end()) base = it->second;
        double scale = 1.0;
        MoodDelta extra;
        std::vector<const OrderRule*> applied;
        for (const auto& r : a.orderRules) {
            if (r.tag != tag || !holds(r, h, cues, node)) continue;
            scale *= r.scale;
            extra += r.effect;
            applied.push_back(&r);
        }
        MoodDelta moved = base.scaled(scale);
        moved += extra;
        total += moved;
        out.answerEffect += moved;
        out.tags.push_back({tag, moved});
        if (!moved.isZero()) {
            MoodReason reason;
            reason.kind = MoodReason::Kind::Tag;
            reason.tag = tag;
            reason.delta = moved;
            out.reasons.push_back(std::move(reason));
        }
        for (const OrderRule* r : applied) {
            if (r->note.empty()) continue;
            MoodReason reason;
            reason.kind = MoodReason::Kind::Order;
            reason.tag = tag;
            reason.note = r->note;
            out.reasons.push_back(std::move(reason));
        }
        // The first rule that holds names the mistake; one tag is one mistake.
        for (const auto& c : a.criticals) {
            if (c.tag != tag || !holds(c, h, cues, node)) continue;
            out.criticals.push_back({tag, c.reason});
            break;
        }
    }
    if (!answer.critical.empty()) out.criticals.push_back({std::string(), answer.critical});
    if (!answer.effect.isZero()) {
        total += answer.effect;
        out.answerEffect += answer.effect;
        MoodReason reason;
        reason.kind = MoodReason::Kind::Effect;
        reason.delta = answer.effect;
        out.reasons.push_back(std::move(reason));
    }
    out.after = apply(before, total);
    return out;
}

}  // namespace defuse
