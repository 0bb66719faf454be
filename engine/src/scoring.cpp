#include "defuse/scoring.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace defuse {

namespace {

std::string L(std::string_view lang, const std::string& en, const std::string& zh) { return lang == "zh" ? zh : en; }

std::string num(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    std::string s = buf;
    if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
    return s;
}

const Answer* findAnswer(const Scenario& sc, const Turn& t) {
    if (const Node* n = sc.node(t.node))
        for (const auto& a : n->answers)
            if (a.id == t.picked) return &a;
    return nullptr;
}

double penaltyOf(const Scenario& sc, const Answer& a) {
    double p = 0;
    for (const auto& tag : a.tags)
        if (auto it = sc.rubric.penalties.find(tag); it != sc.rubric.penalties.end()) p += it->second;
    return p;
}

// How good one answer looks at a turn, for pointing out better ones.
double answerValue(const Scenario& sc, const Answer& a, const MoodStep& step, const Mood& before) {
    double v = step.after.balance() - before.balance() - 2 * penaltyOf(sc, a);
    if (const Ending* e = sc.ending(a.next)) v += (e->score - 50) / 2.0;
    return v;
}

std::string tagList(const Answer& a, std::string_view lang) {
    std::string out;
    for (const auto& t : a.tags) {
        if (!out.empty()) out += lang == "zh" ? "、" : ", ";
        out += tagLabel(t, lang);
    }
    return out;
}

void addBetterAnswers(const Scenario& sc, const std::vector<Turn>& turns, bool timed, std::string_view lang,
                      ScoreReport& r) {
    for (std::size_t i = 0; i < turns.size(); ++i) {
        const Turn& t = turns[i];
        const Node* node = sc.node(t.node);
        const Answer* picked = findAnswer(sc, t);
        if (!node || !picked) continue;
        std::vector<Turn> earlier(turns.begin(), turns.begin() + static_cast<long>(i));
        MoodStep mine = moodStep(sc, earlier, *node, *picked, t.before, t.seconds, timed, lang);
        double mineValue = answerValue(sc, *picked, mine, t.before);
        const Answer* best = nullptr;
        double bestValue = mineValue + 5;
        MoodStep bestStep;
        for (const auto& id : t.shown) {
            for (const auto& alt : node->answers) {
                if (alt.id != id || alt.id == picked->id) continue;
                MoodStep s = moodStep(sc, earlier, *node, alt, t.before, t.seconds, timed, lang);
                double v = answerValue(sc, alt, s, t.before);
                if (v > bestValue) {
                    bestValue = v;
                    best = &alt;
                    bestStep = s;
                }
            }
        }
        if (!best) continue;
        BetterAnswer b;
        b.turn = static_cast<int>(i) + 1;
        b.picked = picked->id;
        b.better = best->id;
        b.betterText = best->text.get(lang);
        auto moved = [&](const Mood& after) {
            auto sign = [](int v) { return (v > 0 ? "+" : v < 0 ? "\xE2\x88\x92" : "") + std::to_string(std::abs(v)); };
            return L(lang, "anger ", "愤怒 ") + sign(after.anger() - t.before.anger()) +
                   L(lang, ", trust ", "，信任 ") + sign(after.trust() - t.before.trust());
        };
        b.why = L(lang, "It shows " + tagList(*best, lang) + " and would have moved " + moved(bestStep.after) +
                            "; yours moved " + moved(mine.after) + ".",
                  "它体现了" + tagList(*best, lang) + "，会使" + moved(bestStep.after) + "；你的回答使" +
                      moved(mine.after) + "。");
        if (!best->note.empty()) b.why += (lang == "zh" ? "" : " ") + best->note.get(lang);
        r.better.push_back(std::move(b));
    }
}

}  // namespace

std::string gradeOf(int total) {
    if (total >= 85) return "A";
    if (total >= 70) return "B";
    if (total >= 55) return "C";
    if (total >= 40) return "D";
    return "F";
}

ScoreReport scoreRun(const Scenario& sc, const std::vector<Turn>& turns, const Mood& start,
                     const Ending* ending, bool timed, std::string_view lang, bool withBetter) {
    ScoreReport r;
    bool timesAnswers = timed && sc.timeLimit > 0;
    double applicable = 0;
    for (int i = 0; i < kComponentCount; ++i)
        if (i != static_cast<int>(Component::ResponseTime) || timesAnswers) applicable += sc.rubric.weights[static_cast<std::size_t>(i)];
    double factor = applicable > 0 ? 100.0 / applicable : 0;
    auto weight = [&](Component c) {
        if (c == Component::ResponseTime && !timesAnswers) return 0.0;
        return sc.rubric.weight(c) * factor;
    };
    for (int c = 0; c < kComponentCount; ++c) r.max[static_cast<std::size_t>(c)] = weight(static_cast<Component>(c));
    // `lineMax`: what this line could have added (a share of the component for per-item lines).
    auto add = [&](Component c, double points, const std::string& text, double lineMax = -1) {
        r.points[static_cast<std::size_t>(c)] += points;
        r.lines.push_back({std::string(componentId(c)), points, lineMax < 0 ? weight(c) : lineMax, text});
    };
    auto of = [&](double p, double w) { return L(lang, " (" + num(p) + " of " + num(w) + ")", "（" + num(p) + " / " + num(w) + "）"); };

    // Outcome.
    {
        double w = weight(Component::Outcome);
        r.finished = ending != nullptr;
        if (ending) {
            r.endingId = ending->id;
            r.endingKind = ending->kind;
            double p = w * ending->score / 100.0;
            add(Component::Outcome, p,
                L(lang, "Ending: " + ending->title.get(lang) + " (" + endingKindLabel(ending->kind, lang) + ", worth " +
                            std::to_string(ending->score) + "%)",
                  "结局：" + ending->title.get(lang) + "（" + endingKindLabel(ending->kind, lang) + "，计 " +
                      std::to_string(ending->score) + "%）") + of(p, w));
        } else {
            add(Component::Outcome, 0,
                L(lang, "The conversation did not reach an ending", "对话没有结束") + of(0, w));
        }
    }
    // De-escalation.
    {
        double w = weight(Component::Deescalation);
        r.startAnger = start.anger();
        r.peakAnger = start.anger();
        r.endAnger = turns.empty() ? start.anger() : turns.back().after.anger();
        for (const auto& t : turns) r.peakAnger = std::max(r.peakAnger, t.after.anger());
        double drop = r.startAnger > 0 ? std::clamp((r.startAnger - r.endAnger) / double(r.startAnger), 0.0, 1.0)
                                       : (r.endAnger == 0 ? 1.0 : 0.0);
        double contain = r.startAnger < 100
                             ? 1.0 - std::clamp((r.peakAnger - r.startAnger) / double(100 - r.startAnger), 0.0, 1.0)
                             : 1.0;
        double p = turns.empty() ? 0.0 : w * (0.7 * drop + 0.3 * contain);  // nothing said, nothing calmed
        add(Component::Deescalation, p,
            L(lang, "Anger went from " + std::to_string(r.startAnger) + " at the start to " + std::to_string(r.endAnger) +
                        " at the end, peaking at " + std::to_string(r.peakAnger),
              "愤怒值从开始的 " + std::to_string(r.startAnger) + " 到结束时的 " + std::to_string(r.endAnger) +
                  "，最高 " + std::to_string(r.peakAnger)) + of(p, w));
    }
    // Mood curve.
    {
        double w = weight(Component::MoodCurve);
        int better = 0;
        for (const auto& t : turns)
            if (t.after.balance() > t.before.balance()) ++better;
        double p = turns.empty() ? 0 : w * better / double(turns.size());
        add(Component::MoodCurve, p,
            L(lang, "The mood got better on " + std::to_string(better) + " of " + std::to_string(turns.size()) + " turns",
              "在 " + std::to_string(turns.size()) + " 轮中有 " + std::to_string(better) + " 轮客户情绪好转") + of(p, w));
    }
    // Competencies and steps.
    std::array<int, kStepCount> firstTurn;
    firstTurn.fill(0);
    for (std::size_t i = 0; i < turns.size(); ++i) {
        const Answer* a = findAnswer(sc, turns[i]);
        if (!a) continue;
        for (const auto& tag : a->tags) {
            const TagInfo* info = findTag(tag);
            if (!info) continue;
            if (info->competency) ++r.competencyUses[static_cast<std::size_t>(*info->competency)];
            if (info->step && firstTurn[static_cast<std::size_t>(*info->step)] == 0)
                firstTurn[static_cast<std::size_t>(*info->step)] = static_cast<int>(i) + 1;
        }
    }
    {
        double w = weight(Component::Competencies) / kCompetencyCount;
        for (int c = 0; c < kCompetencyCount; ++c) {
            int uses = r.competencyUses[static_cast<std::size_t>(c)];
            std::string name = competencyLabel(static_cast<Competency>(c), lang);
            add(Component::Competencies, uses > 0 ? w : 0,
                (uses > 0 ? L(lang, name + " shown " + std::to_string(uses) + (uses == 1 ? " time" : " times"),
                              name + "：表现 " + std::to_string(uses) + " 次")
                          : L(lang, name + " never shown", name + "：未体现")) + of(uses > 0 ? w : 0, w), w);
        }
    }
    {
        double w = weight(Component::Steps) / kStepCount;
        for (int s = 0; s < kStepCount; ++s) {
            int f = firstTurn[static_cast<std::size_t>(s)];
            std::string name = stepLabel(static_cast<Step>(s), lang);
            bool inOrder = f > 0;
            for (int e = 0; e < kStepCount && inOrder; ++e) {
                int fe = firstTurn[static_cast<std::size_t>(e)];
                if (e < s && (fe == 0 || fe > f)) inOrder = false;
                if (e > s && fe > 0 && fe < f) inOrder = false;
            }
            double p = (f > 0 ? w / 2 : 0) + (inOrder ? w / 2 : 0);
            std::string text;
            if (f == 0)
                text = L(lang, name + ": never reached", name + "：未做到");
            else if (inOrder)
                text = L(lang, name + ": first at turn " + std::to_string(f) + ", in order",
                         name + "：第 " + std::to_string(f) + " 轮开始，顺序正确");
            else
                text = L(lang, name + ": first at turn " + std::to_string(f) + ", out of order (rapport, diagnosis, solution, agreement)",
                         name + "：第 " + std::to_string(f) + " 轮开始，顺序不对（应为建立融洽、诊断问题、寻找方案、达成一致）");
            add(Component::Steps, p, text + of(p, w), w);
        }
    }
    // Response time.
    if (timesAnswers) {
        double w = weight(Component::ResponseTime);
        int within = 0;
        for (const auto& t : turns)
            if (t.seconds <= sc.timeLimit) ++within;
        double p = turns.empty() ? 0 : w * within / double(turns.size());
        add(Component::ResponseTime, p,
            L(lang, std::to_string(within) + " of " + std::to_string(turns.size()) + " answers within " + num(sc.timeLimit) + " s",
              std::to_string(turns.size()) + " 次回答中有 " + std::to_string(within) + " 次在 " + num(sc.timeLimit) + " 秒内") + of(p, w));
    } else if (std::abs(factor - 1.0) > 1e-9) {
        r.lines.push_back({"response_time", 0, 0,
                           L(lang, "Answers are not timed, so the other components are scaled up to 100",
                             "本场景不计时，其他各项按比例折算为满分 100")});
    }
    // Penalties.
    for (std::size_t i = 0; i < turns.size(); ++i) {
        const Answer* a = findAnswer(sc, turns[i]);
        if (!a) continue;
        for (const auto& tag : a->tags) {
            auto it = sc.rubric.penalties.find(tag);
            if (it == sc.rubric.penalties.end() || it->second <= 0) continue;
            r.penalties += it->second;
            r.lines.push_back({"penalty", -it->second, 0,
                               L(lang, "Turn " + std::to_string(i + 1) + ": " + tagLabel(tag, lang) + " \xE2\x88\x92" + num(it->second),
                                 "第 " + std::to_string(i + 1) + " 轮：" + tagLabel(tag, lang) + " \xE2\x88\x92" + num(it->second))});
        }
    }
    double sum = -r.penalties;
    for (double p : r.points) sum += p;
    r.total = static_cast<int>(std::lround(std::clamp(sum, 0.0, 100.0)));
    r.grade = gradeOf(r.total);
    if (withBetter) addBetterAnswers(sc, turns, timed, lang, r);
    return r;
}

ScoreReport scoreSession(const Session& s) {
    return scoreRun(s.scenario(), s.turns(), s.scenario().customer.start, s.ending(), s.options().timed,
                    s.options().lang);
}

}  // namespace defuse
