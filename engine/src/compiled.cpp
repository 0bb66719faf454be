// A scenario compiled to tables and a run kept as counters: the same moods, routes and scores
// as Attempt (attempt.cpp), moodStep (mood_step.cpp) and scoreRun (scoring.cpp), step for step.
#include "defuse/compiled.hpp"

#include <algorithm>
#include <climits>
#include <cmath>
#include <cstring>
#include <map>

#include "defuse/mood_step.hpp"
#include "defuse/tags.hpp"

namespace defuse {

namespace {

/// Names to small integers, first come first numbered.
struct Interner {
    std::map<std::string, int> ids;
    int next = 0;
    int get(const std::string& name) {
        auto [it, added] = ids.emplace(name, next);
        if (added) ++next;
        return it->second;
    }
    int find(const std::string& name) const {
        auto it = ids.find(name);
        return it == ids.end() ? -1 : it->second;
    }
};

}  // namespace

CompiledScenario::CompiledScenario(std::shared_ptr<const Scenario> scenario)
    : m_sc(std::move(scenario)) {
    const Scenario& sc = *m_sc;
    const Archetype& arch = sc.customer;
    // Fact bits: one bit space for the tags used, answers picked and nodes visited that a
    // condition or a rule reads; nothing else about the run's history matters.
    Interner usedBits, pickedBits, visitedBits;
    std::vector<std::vector<std::vector<Condition::Op>>> programs(sc.nodes.size());
    auto factBit = [&](Condition::Ref::Kind k, const std::string& name) {
        // Bits are numbered per kind first, then offset once every name is known.
        switch (k) {
            case Condition::Ref::Kind::Tag:
                return usedBits.get(name);
            case Condition::Ref::Kind::Answer:
                return 1000000 + pickedBits.get(name);
            case Condition::Ref::Kind::Node:
                return 2000000 + visitedBits.get(name);
        }
        return -1;
    };
    for (std::size_t n = 0; n < sc.nodes.size(); ++n)
        for (const auto& a : sc.nodes[n].answers)
            programs[n].push_back(a.condition ? a.condition->compile(factBit)
                                              : std::vector<Condition::Op>{});
    for (const auto& r : arch.orderRules) {
        if (!r.before.empty()) usedBits.get(r.before);
        if (!r.after.empty()) usedBits.get(r.after);
    }
    for (const auto& r : arch.criticals) {
        if (!r.before.empty()) usedBits.get(r.before);
        if (!r.after.empty()) usedBits.get(r.after);
    }
    const int pickedBase = usedBits.next, visitedBase = pickedBase + pickedBits.next;
    for (const auto& [name, bit] : pickedBits.ids) m_pickedBit[name] = pickedBase + bit;
    for (const auto& [name, bit] : visitedBits.ids) m_visitedBit[name] = visitedBase + bit;
    const int bits = visitedBase + visitedBits.next;
    m_factWords = (static_cast<std::size_t>(bits) + 63) / 64;
    auto finalBit = [&](int raw) {
        if (raw < 0) return -1;
        if (raw >= 2000000) return visitedBase + (raw - 2000000);
        if (raw >= 1000000) return pickedBase + (raw - 1000000);
        return raw;
    };

    // Cue slots: the cues a rule counts or asks for here.
    Interner cueSlots;
    auto cueOf = [&](const std::string& cue, bool here) {
        return cue.empty() && !here ? -1 : cueSlots.get(cue);
    };
    auto rule = [&](const auto& r) {
        Rule out;
        out.before = r.before.empty() ? -1 : usedBits.find(r.before);
        out.after = r.after.empty() ? -1 : usedBits.find(r.after);
        out.cue = cueOf(r.cue, r.cueHere);
        out.hasCue = !r.cue.empty();
        out.cueMin = r.cueMin;
        out.cueMax = r.cueMax;
        out.here = r.cueHere;
        return out;
    };

    // Tags: every tag an answer carries, with its reaction, rules, competency and penalty.
    Interner tagIds;
    for (const auto& n : sc.nodes)
        for (const auto& a : n.answers)
            for (const auto& t : a.tags) tagIds.get(t);
    m_tags.resize(static_cast<std::size_t>(tagIds.next));
    for (const auto& [name, id] : tagIds.ids) {
        Tag& t = m_tags[static_cast<std::size_t>(id)];
        if (auto it = arch.reactions.find(name); it != arch.reactions.end())
            t.reaction = it->second;
        for (const auto& r : arch.orderRules) {
            if (r.tag != name) continue;
            Rule c = rule(r);
            c.scale = r.scale;
            c.effect = r.effect;
            t.order.push_back(c);
        }
        for (const auto& r : arch.criticals)
            if (r.tag == name) t.criticals.push_back(rule(r));
        if (const TagInfo* info = findTag(name)) {
            t.known = true;
            if (info->competency) t.competency = static_cast<int>(*info->competency);
            if (info->step) t.step = static_cast<int>(*info->step);
        }
        if (auto it = sc.rubric.penalties.find(name);
            it != sc.rubric.penalties.end() && it->second > 0)
            t.penalty = it->second;
        t.usedBit = usedBits.find(name);
    }
    m_cueSlots = static_cast<std::size_t>(cueSlots.next);
    m_cueCap.assign(m_cueSlots, 0);
    auto capFor = [&](const auto& r) {
        int slot = cueSlots.find(r.cue);
        if (r.cue.empty() || slot < 0) return;
        long cap = std::max<long>(0, r.cueMin);
        if (r.cueMax != INT_MAX) cap = std::max<long>(cap, static_cast<long>(r.cueMax) + 1);
        auto& c = m_cueCap[static_cast<std::size_t>(slot)];
        c = static_cast<std::uint32_t>(std::max<long>(c, std::min<long>(cap, 1L << 30)));
    };
    for (const auto& r : arch.orderRules) capFor(r);
    for (const auto& r : arch.criticals) capFor(r);

    // Nodes and answers.
    std::map<std::string, int> nodeIds;
    for (std::size_t i = 0; i < sc.nodes.size(); ++i)
        nodeIds.emplace(sc.nodes[i].id, static_cast<int>(i));
    std::map<std::string, int> endingIds;
    for (std::size_t i = 0; i < sc.endings.size(); ++i)
        endingIds.emplace(sc.endings[i].id, static_cast<int>(i));
    m_nodeIds = std::move(nodeIds);
    m_endingIds = std::move(endingIds);
    m_nodes.resize(sc.nodes.size());
    for (std::size_t n = 0; n < sc.nodes.size(); ++n) {
        const Node& src = sc.nodes[n];
        CNode& node = m_nodes[n];
        node.source = &src;
        node.visitedBit =
            finalBit(visitedBits.find(src.id) < 0 ? -1 : 2000000 + visitedBits.find(src.id));
        for (const auto& c : src.cues) node.cues.push_back(cueSlots.find(c));
        for (std::size_t i = 0; i < src.answers.size(); ++i) {
            const Answer& a = src.answers[i];
            CAnswer out;
            out.source = &a;
            for (const auto& t : a.tags) out.tags.push_back(tagIds.find(t));
            out.effect = a.effect;
            out.hasCondition = a.condition.has_value();
            out.condition = std::move(programs[n][i]);
            for (auto& op : out.condition)
                if (op.code == Condition::Op::Code::Fact) op.fact = finalBit(op.fact);
            int picked = pickedBits.find(a.id);
            out.pickedBit = picked < 0 ? -1 : pickedBase + picked;
            out.next = target(a.next);
            const Ending* own = sc.ending(a.next);
            out.endsBadly =
                own && (own->kind == EndingKind::Escalated || own->kind == EndingKind::Lost);
            out.critical = !a.critical.empty();
            node.answers.push_back(std::move(out));
        }
    }
    if (!sc.onEscalate.empty()) m_escalate = target(sc.onEscalate);
    if (!sc.onWalkOut.empty()) m_walkOut = target(sc.onWalkOut);
    // What decides a run's course (the answers on offer and where they lead): the thresholds
    // that redirect read the mood, the answers' conditions read facts and may compare the mood.
    m_courseMask.assign(m_factWords, 0);
    m_courseReadsMood = m_escalate != kNone || m_walkOut != kNone;
    for (const auto& n : m_nodes)
        for (const auto& a : n.answers)
            for (const auto& op : a.condition) {
                if (op.code == Condition::Op::Code::Compare) m_courseReadsMood = true;
                if (op.code == Condition::Op::Code::Fact && op.fact >= 0)
                    m_courseMask[static_cast<std::size_t>(op.fact) / 64] |= 1ull << (op.fact % 64);
            }
}

void CompiledScenario::courseKey(const RunState& s, std::vector<std::uint32_t>& out) const {
    out.clear();
    out.push_back(static_cast<std::uint32_t>(s.at));
    out.push_back(static_cast<std::uint32_t>(s.turns));
    for (std::size_t i = 0; i < m_factWords; ++i) {
        const std::uint64_t w = s.facts[i] & m_courseMask[i];
        out.push_back(static_cast<std::uint32_t>(w));
        out.push_back(static_cast<std::uint32_t>(w >> 32));
    }
}

// As Attempt::enter: an ending first, then a node, else the first ending (a broken scenario).
int CompiledScenario::target(const std::string& id) const {
    if (auto it = m_endingIds.find(id); it != m_endingIds.end()) return endingTarget(it->second);
    if (auto it = m_nodeIds.find(id); it != m_nodeIds.end()) return it->second;
    return m_sc->endings.empty() ? kNoEnding : endingTarget(0);
}

int CompiledScenario::nodeIndex(const std::string& id) const {
    auto it = m_nodeIds.find(id);
    return it == m_nodeIds.end() ? -1 : it->second;
}

int CompiledScenario::answerIndex(int node, const std::string& id) const {
    if (node < 0 || node >= static_cast<int>(m_nodes.size())) return -1;
    const auto& answers = m_nodes[static_cast<std::size_t>(node)].answers;
    for (std::size_t i = 0; i < answers.size(); ++i)
        if (answers[i].source->id == id) return static_cast<int>(i);
    return -1;
}

const std::string& CompiledScenario::nodeId(int node) const {
    return m_nodes[static_cast<std::size_t>(node)].source->id;
}

const std::string& CompiledScenario::answerId(int node, int answer) const {
    return m_nodes[static_cast<std::size_t>(node)]
        .answers[static_cast<std::size_t>(answer)]
        .source->id;
}

const Ending* CompiledScenario::endingAt(const RunState& s) const {
    return isEndingTarget(s.at) ? &m_sc->endings[static_cast<std::size_t>(endingOf(s.at))]
                                : nullptr;
}

RunState CompiledScenario::start() const { return start(AttemptStart{}); }

RunState CompiledScenario::start(const AttemptStart& from) const {
    RunState s;
    s.mood = from.mood ? *from.mood : m_sc->customer.start;
    s.peakAnger = s.startAnger = s.mood.anger();
    s.facts.assign(m_factWords, 0);
    s.cues.assign(m_cueSlots, 0);
    auto setBit = [&s](int bit) {
        if (bit >= 0) s.facts[static_cast<std::size_t>(bit) / 64] |= 1ull << (bit % 64);
    };
    // Earlier answers count as picked: their tags used, their nodes visited and cues given.
    auto bitOf = [](const std::map<std::string, int>& bits, const std::string& name) {
        auto it = bits.find(name);
        return it == bits.end() ? -1 : it->second;
    };
    for (const Turn& t : from.earlier) {
        setBit(bitOf(m_pickedBit, t.picked));
        setBit(bitOf(m_visitedBit, t.node));
        const int n = nodeIndex(t.node);
        if (n < 0) continue;
        const CNode& node = m_nodes[static_cast<std::size_t>(n)];
        for (int c : node.cues)
            if (c >= 0) {
                auto& count = s.cues[static_cast<std::size_t>(c)];
                count = std::min(count + 1, m_cueCap[static_cast<std::size_t>(c)]);
            }
        const int a = answerIndex(n, t.picked);
        if (a < 0) continue;
        const CAnswer& ans = node.answers[static_cast<std::size_t>(a)];
        for (int ti : ans.tags) setBit(m_tags[static_cast<std::size_t>(ti)].usedBit);
    }
    s.at = target(from.node.empty() ? m_sc->start : from.node);
    if (s.at >= 0) setBit(m_nodes[static_cast<std::size_t>(s.at)].visitedBit);
    return s;
}

bool CompiledScenario::test(const std::vector<Condition::Op>& prog, const RunState& s) const {
    if (prog.empty()) return false;  // a condition that did not parse never holds
    bool stack[1024];
    int top = 0;
    using C = Condition::Op::Code;
    for (const auto& op : prog) {
        switch (op.code) {
            case C::Fact:
                stack[top++] = s.fact(op.fact);
                break;
            case C::Compare: {
                double v = s.mood.get(op.dim);
                bool r = false;
                switch (op.cmp) {
                    case 0:
                        r = v < op.number;
                        break;
                    case 1:
                        r = v <= op.number;
                        break;
                    case 2:
                        r = v > op.number;
                        break;
                    case 3:
                        r = v >= op.number;
                        break;
                    case 4:
                        r = v == op.number;
                        break;
                    default:
                        r = v != op.number;
                        break;
                }
                stack[top++] = r;
                break;
            }
            case C::And:
                --top;
                stack[top - 1] = stack[top - 1] && stack[top];
                break;
            case C::Or:
                --top;
                stack[top - 1] = stack[top - 1] || stack[top];
                break;
            case C::Not:
                stack[top - 1] = !stack[top - 1];
                break;
        }
        if (top >= 1024) return false;  // conditions are capped far below this
    }
    return top == 1 && stack[0];
}

namespace {

// The portable Fisher-Yates of attempt.cpp.
void shuffle(std::vector<int>& v, std::uint64_t seed) {
    std::uint64_t state = seed;
    for (std::size_t i = v.size(); i > 1; --i) {
        std::uint64_t bound = i, limit = UINT64_MAX - UINT64_MAX % bound, r;
        do {
            state = splitmix64(state);
            r = state;
        } while (r >= limit);
        std::swap(v[i - 1], v[static_cast<std::size_t>(r % bound)]);
    }
}

}  // namespace

void CompiledScenario::offered(const RunState& s, std::uint64_t seed, std::vector<int>& out) const {
    out.clear();
    if (s.finished()) return;
    const CNode& n = m_nodes[static_cast<std::size_t>(s.at)];
    for (std::size_t i = 0; i < n.answers.size(); ++i)
        if (!n.answers[i].hasCondition || test(n.answers[i].condition, s))
            out.push_back(static_cast<int>(i));
    shuffle(out,
            splitmix64(seed ^ (0x51ED270B27A1F3DDull * (static_cast<std::uint64_t>(s.turns) + 1))));
}

// As mood_step.cpp's holds(): the history before this turn, the cues with this node's counted.
bool CompiledScenario::holds(const Rule& r, const RunState& s, const CNode& n) const {
    if (r.before >= 0 && s.fact(r.before)) return false;
    if (r.here && (r.cue < 0 || std::find(n.cues.begin(), n.cues.end(), r.cue) == n.cues.end()))
        return false;
    if (r.after >= 0 && !s.fact(r.after)) return false;
    if (r.hasCue) {
        long count = r.cue < 0 ? 0 : s.cues[static_cast<std::size_t>(r.cue)];
        for (int c : n.cues)
            if (c == r.cue) ++count;
        if (count < r.cueMin || count > r.cueMax) return false;
    }
    return true;
}

CompiledTurn CompiledScenario::play(RunState& s, int answer, double seconds, double allowance,
                                    bool timed) const {
    const Scenario& sc = *m_sc;
    const Archetype& arch = sc.customer;
    const CNode& node = m_nodes[static_cast<std::size_t>(s.at)];
    const CAnswer& a = node.answers[static_cast<std::size_t>(answer)];
    CompiledTurn out;
    out.before = s.mood;

    // The mood step (mood_step.cpp).
    MoodDelta total, answerEffect;
    if (timed && sc.timeLimit > 0) {
        double beyond = std::max(0.0, seconds - std::max(0.0, allowance));
        int drain = static_cast<int>(std::lround(hesitationDrain(arch, beyond)));
        if (drain > 0) total.add(Dim::Patience, -drain);
    }
    if (arch.perTurnPatience > 0) total.add(Dim::Patience, -arch.perTurnPatience);
    bool critical = a.critical;
    static thread_local std::vector<int> balances;  // each tag's effect on trust minus anger
    balances.clear();
    for (int ti : a.tags) {
        const Tag& t = m_tags[static_cast<std::size_t>(ti)];
        double scale = 1.0;
        MoodDelta extra;
        for (const Rule& r : t.order) {
            if (!holds(r, s, node)) continue;
            scale *= r.scale;
            extra += r.effect;
        }
        MoodDelta moved = t.reaction.scaled(scale);
        moved += extra;
        total += moved;
        answerEffect += moved;
        balances.push_back(moved.balance());
        for (const Rule& r : t.criticals)
            if (holds(r, s, node)) {
                critical = true;
                break;
            }
    }
    if (!a.effect.isZero()) {
        total += a.effect;
        answerEffect += a.effect;
    }
    out.after = apply(s.mood, total);

    // The score's running components (scoring.cpp).
    s.peakAnger = std::max(s.peakAnger, out.after.anger());
    if (improved(out.before, out.after)) ++s.better;
    if (seconds - allowance <= sc.timeLimit) ++s.within;
    bool answerWorked = answerEffect.balance() >= 0;
    std::uint8_t newSteps = 0;
    for (std::size_t i = 0; i < a.tags.size(); ++i) {
        const Tag& t = m_tags[static_cast<std::size_t>(a.tags[i])];
        if (!t.known) continue;
        bool worked = answerWorked && balances[i] >= 0;
        if (t.competency >= 0 && worked)
            s.competencies = static_cast<std::uint8_t>(s.competencies | (1u << t.competency));
        if (worked && t.step >= 0 && !(s.stepsSeen >> t.step & 1u))
            newSteps = static_cast<std::uint8_t>(newSteps | (1u << t.step));
    }
    if (newSteps) {
        const std::uint8_t seen = static_cast<std::uint8_t>(s.stepsSeen | newSteps);
        for (int st = 0; st < kStepCount; ++st) {
            if (!(newSteps >> st & 1u)) continue;
            // In order: every earlier step reached by now, no later one reached before.
            bool inOrder = true;
            for (int e = 0; e < kStepCount && inOrder; ++e) {
                if (e < st && !(seen >> e & 1u)) inOrder = false;
                if (e > st && (s.stepsSeen >> e & 1u)) inOrder = false;
            }
            if (inOrder) s.stepsInOrder = static_cast<std::uint8_t>(s.stepsInOrder | (1u << st));
        }
        s.stepsSeen = seen;
    }
    if (critical) s.critical = true;
    for (int ti : a.tags)
        if (m_tags[static_cast<std::size_t>(ti)].penalty > 0)
            s.penalties += m_tags[static_cast<std::size_t>(ti)].penalty;

    // The history conditions and rules read.
    for (int c : node.cues)
        if (c >= 0) {
            auto& count = s.cues[static_cast<std::size_t>(c)];
            count = std::min(count + 1, m_cueCap[static_cast<std::size_t>(c)]);
        }
    auto setBit = [&s](int bit) {
        if (bit >= 0) s.facts[static_cast<std::size_t>(bit) / 64] |= 1ull << (bit % 64);
    };
    for (int ti : a.tags) setBit(m_tags[static_cast<std::size_t>(ti)].usedBit);
    setBit(a.pickedBit);

    // Where it goes: the thresholds redirect once each (attempt.cpp).
    out.next = a.next;
    if (!a.endsBadly && m_escalate != kNone && out.after.anger() >= arch.escalateAnger &&
        !(s.redirects & 1u)) {
        out.next = m_escalate;
        out.redirect = Redirect::Escalated;
        s.redirects |= 1u;
    } else if (!a.endsBadly && m_walkOut != kNone && out.after.patience() <= arch.walkOutPatience &&
               !(s.redirects & 2u)) {
        out.next = m_walkOut;
        out.redirect = Redirect::WalkedOut;
        s.redirects |= 2u;
    }
    s.mood = out.after;
    ++s.turns;
    s.at = out.next;
    if (s.at >= 0) setBit(m_nodes[static_cast<std::size_t>(s.at)].visitedBit);
    return out;
}

}  // namespace defuse
