#include "defuse/session.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "defuse/tags.hpp"

namespace defuse {

std::string_view modeId(Mode m) { return m == Mode::Practice ? "practice" : "assessment"; }

namespace {

std::uint64_t splitmix64(std::uint64_t x) {
    x += 0x9E3779B97F4A7C15ull;
    x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
    x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
    return x ^ (x >> 31);
}

// A portable Fisher-Yates: std::shuffle's results differ between standard libraries.
template <class T>
void shuffle(std::vector<T>& v, std::uint64_t seed) {
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

std::string dimLabel(Dim d, std::string_view lang) {
    if (lang == "zh") {
        static constexpr std::string_view kZh[] = {"愤怒", "信任", "耐心"};
        return std::string(kZh[static_cast<int>(d)]);
    }
    return std::string(dimName(d));
}

std::string describe(const MoodDelta& d, std::string_view lang) {
    std::string out;
    for (Dim dim : kAllDims) {
        int v = d.get(dim);
        if (v == 0) continue;
        if (!out.empty()) out += lang == "zh" ? "，" : ", ";
        out += dimLabel(dim, lang) + " " + (v > 0 ? "+" : "\xE2\x88\x92") + std::to_string(std::abs(v));
    }
    return out;
}

std::string sep(std::string_view lang) { return lang == "zh" ? "：" : ": "; }

double hesitationDrain(const Archetype& a, double seconds) {
    return std::max(0.0, seconds - a.graceSeconds) * a.drainPerSecond;
}

}  // namespace

MoodStep moodStep(const Scenario& sc, const std::vector<Turn>& earlier, const Node& node,
                  const Answer& answer, const Mood& before, double seconds, bool timed,
                  std::string_view lang) {
    MoodStep out;
    const Archetype& a = sc.customer;
    std::set<std::string> usedBefore;
    std::map<std::string, int> cues;
    for (const auto& t : earlier) {
        if (const Node* n = sc.node(t.node)) {
            for (const auto& c : n->cues) ++cues[c];
            for (const auto& ans : n->answers)
                if (ans.id == t.picked) usedBefore.insert(ans.tags.begin(), ans.tags.end());
        }
    }
    for (const auto& c : node.cues) ++cues[c];

    MoodDelta total;
    if (timed && sc.timeLimit > 0) {
        int drain = static_cast<int>(std::lround(hesitationDrain(a, seconds)));
        if (drain > 0) {
            total.add(Dim::Patience, -drain);
            char secs[32];
            std::snprintf(secs, sizeof secs, "%.1f", seconds);
            out.reasons.push_back(lang == "zh" ? std::string("犹豫了 ") + secs + " 秒" + sep(lang) + "耐心 \xE2\x88\x92" + std::to_string(drain)
                                               : std::string("Hesitated ") + secs + " s" + sep(lang) + "patience \xE2\x88\x92" + std::to_string(drain));
        }
        out.overTime = seconds > sc.timeLimit;
    }
    if (a.perTurnPatience > 0) total.add(Dim::Patience, -a.perTurnPatience);

    for (const auto& tag : answer.tags) {
        MoodDelta base;
        if (auto it = a.reactions.find(tag); it != a.reactions.end()) base = it->second;
        double scale = 1.0;
        MoodDelta extra;
        std::vector<const OrderRule*> applied;
        for (const auto& r : a.orderRules) {
            if (r.tag != tag) continue;
            if (!r.before.empty() && usedBefore.count(r.before)) continue;
            if (!r.after.empty() && !usedBefore.count(r.after)) continue;
            if (!r.cue.empty()) {
                int count = cues.count(r.cue) ? cues[r.cue] : 0;
                if (count < r.cueMin || count > r.cueMax) continue;
            }
            scale *= r.scale;
            extra += r.effect;
            applied.push_back(&r);
        }
        MoodDelta moved = base.scaled(scale);
        moved += extra;
        total += moved;
        std::string line = tagLabel(tag, lang);
        if (!line.empty()) line[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(line[0])));
        std::string what = describe(moved, lang);
        if (!what.empty()) out.reasons.push_back(line + sep(lang) + what);
        for (const OrderRule* r : applied) {
            std::string note = r->note.get(lang);
            if (!note.empty()) out.reasons.push_back((lang == "zh" ? "（顺序）" : "(order) ") + note);
        }
    }
    if (!answer.effect.isZero()) {
        total += answer.effect;
        out.reasons.push_back((lang == "zh" ? std::string("这句话本身") : std::string("This answer")) + sep(lang) +
                              describe(answer.effect, lang));
    }
    out.after = apply(before, total);
    return out;
}

Session::Session(std::shared_ptr<const Scenario> scenario, SessionOptions options)
    : m_scenario(std::move(scenario)), m_options(std::move(options)) {
    if (m_options.mode == Mode::Assessment) m_options.timed = true;
    m_mood = m_scenario->customer.start;
    enter(m_scenario->start);
}

void Session::enter(const std::string& id) {
    if (m_scenario->ending(id)) {
        m_ending = id;
    } else if (m_scenario->node(id)) {
        m_node = id;
    } else {
        // A checked scenario never gets here; end rather than crash on a broken one.
        m_ending = m_scenario->endings.empty() ? std::string("?") : m_scenario->endings.front().id;
    }
}

const Node* Session::node() const { return finished() ? nullptr : m_scenario->node(m_node); }

const Ending* Session::ending() const { return m_scenario->ending(m_ending); }

RunFacts Session::facts() const {
    RunFacts f;
    f.mood = m_mood;
    for (const auto& t : m_turns) {
        f.picked.insert(t.picked);
        f.visited.insert(t.node);
        if (const Node* n = m_scenario->node(t.node))
            for (const auto& a : n->answers)
                if (a.id == t.picked) f.used.insert(a.tags.begin(), a.tags.end());
    }
    f.visited.insert(m_node);
    return f;
}

std::string Session::customerLine() const {
    if (const Ending* e = ending()) return e->say.get(m_options.lang);
    const Node* n = node();
    if (!n) return {};
    RunFacts f = facts();
    for (const auto& v : n->variants)
        if (v.when.evaluate(f)) return v.say.get(m_options.lang);
    return n->say.get(m_options.lang);
}

std::vector<const Answer*> Session::answers() const {
    std::vector<const Answer*> out;
    const Node* n = node();
    if (!n) return out;
    RunFacts f = facts();
    for (const auto& a : n->answers)
        if (!a.condition || a.condition->evaluate(f)) out.push_back(&a);
    shuffle(out, splitmix64(m_options.seed ^ (0x51ED270B27A1F3DDull * (m_turns.size() + 1))));
    return out;
}

std::vector<std::string> Session::shownIds() const {
    std::vector<std::string> ids;
    for (const Answer* a : answers()) ids.push_back(a->id);
    return ids;
}

double Session::timeLimit() const { return m_options.timed ? m_scenario->timeLimit : 0.0; }

double Session::hesitationCost(double seconds) const {
    return timeLimit() > 0 ? hesitationDrain(m_scenario->customer, seconds) : 0.0;
}

bool Session::chooseId(const std::string& answerId, double seconds, TurnFeedback* feedback) {
    auto shown = answers();
    for (std::size_t i = 0; i < shown.size(); ++i)
        if (shown[i]->id == answerId) return choose(i, seconds, feedback);
    return false;
}

bool Session::choose(std::size_t shownIndex, double seconds, TurnFeedback* feedback) {
    if (finished()) return false;
    auto shown = answers();
    if (shownIndex >= shown.size()) return false;
    if (!std::isfinite(seconds) || seconds < 0) seconds = 0;
    seconds = std::min(std::round(seconds * 1000) / 1000, 86400.0);  // as a replay records it
    const Answer& answer = *shown[shownIndex];
    const Node& here = *node();
    MoodStep step = moodStep(*m_scenario, m_turns, here, answer, m_mood, seconds, m_options.timed, m_options.lang);

    Turn t;
    t.node = here.id;
    for (const Answer* a : shown) t.shown.push_back(a->id);
    t.picked = answer.id;
    t.seconds = seconds;
    t.before = m_mood;
    t.after = step.after;

    TurnFeedback fb;
    fb.before = m_mood;
    fb.after = step.after;
    fb.reasons = step.reasons;
    fb.overTime = step.overTime;
    if (m_options.mode == Mode::Practice) fb.note = answer.note.get(m_options.lang);

    m_history.push_back(snapshot());
    m_mood = step.after;
    std::string target = answer.next;
    const Archetype& a = m_scenario->customer;
    bool answerEndsBadly = [&] {
        const Ending* e = m_scenario->ending(answer.next);
        return e && (e->kind == EndingKind::Escalated || e->kind == EndingKind::Lost);
    }();
    if (!answerEndsBadly && !m_escalationUsed && !m_scenario->onEscalate.empty() && m_mood.anger() >= a.escalateAnger) {
        target = m_scenario->onEscalate;
        m_escalationUsed = true;
        fb.escalated = true;
    } else if (!answerEndsBadly && !m_walkOutUsed && !m_scenario->onWalkOut.empty() &&
               m_mood.patience() <= a.walkOutPatience) {
        target = m_scenario->onWalkOut;
        m_walkOutUsed = true;
        fb.walkedOut = true;
    }
    t.next = target;
    m_turns.push_back(std::move(t));
    enter(target);
    if (feedback) *feedback = std::move(fb);
    return true;
}

std::vector<Mood> Session::moodCurve() const {
    std::vector<Mood> curve{m_scenario->customer.start};
    for (const auto& t : m_turns) curve.push_back(t.after);
    return curve;
}

Snapshot Session::snapshot() const {
    return {m_node, m_mood, m_turns, m_ending, m_escalationUsed, m_walkOutUsed};
}

void Session::restore(const Snapshot& s) {
    m_node = s.node;
    m_mood = s.mood;
    m_turns = s.turns;
    m_ending = s.ending;
    m_escalationUsed = s.escalationUsed;
    m_walkOutUsed = s.walkOutUsed;
    while (!m_history.empty() && m_history.back().turns.size() >= m_turns.size()) m_history.pop_back();
}

bool Session::canRewind() const { return m_options.mode == Mode::Practice && !m_history.empty(); }

bool Session::rewind() {
    if (!canRewind()) return false;
    Snapshot s = m_history.back();
    m_history.pop_back();
    restore(s);
    return true;
}

}  // namespace defuse
