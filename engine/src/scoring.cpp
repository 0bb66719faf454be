// Scoring a run: every point is a line with the component it belongs to and why.
#include "defuse/scoring.hpp"

#include <algorithm>
#include <cmath>

#include "defuse/mood_step.hpp"

namespace defuse {

std::string_view ScoreLine::id() const {
    switch (kind) {
        case LineKind::Component:
            return componentId(component);
        case LineKind::Penalty:
            return "penalty";
        case LineKind::Note:
            return "note";
    }
    return "?";
}

Message ScoreLine::message() const {
    if (kind != LineKind::Component) return what;
    return Message(Msg::LinePoints, {what, Message::num(points), Message::num(max)});
}

double answerValue(const Scenario& sc, const Answer& a, const Mood& before, const Mood& after) {
    double v = after.balance() - before.balance() - 2 * sc.rubric.penaltyOf(a.tags);
    if (const Ending* e = sc.ending(a.next)) v += (e->score - 50) / 2.0;
    return v;
}

namespace {

Message tagList(const Answer& a) {
    std::vector<Message> items;
    for (const auto& t : a.tags) items.push_back(tagMessage(t));
    return Message::join(Msg::SepEnum, std::move(items));
}

Message moved(const Mood& before, const Mood& after) {
    return Message(Msg::MovedAngerTrust, {Message::signedNum(after.anger() - before.anger()),
                                          Message::signedNum(after.trust() - before.trust())});
}

void addBetterAnswers(const Scenario& sc, TurnSpan turns, bool timed, ScoreReport& r) {
    for (std::size_t i = 0; i < turns.size(); ++i) {
        const Turn& t = turns[i];
        const Node* node = sc.node(t.node);
        const Answer* picked = sc.answer(t.node, t.picked);
        if (!node || !picked) continue;
        TurnSpan earlier(turns.first, i);
        MoodStep mine = moodStep(sc, earlier, *node, *picked, t.before, t.seconds, timed);
        const Answer* best = nullptr;
        double bestValue = answerValue(sc, *picked, t.before, mine.after) + sc.rubric.betterMargin;
        Mood bestAfter;
        for (const auto& id : t.shown) {
            const Answer* alt = id == picked->id ? nullptr : sc.answer(t.node, id);
            if (!alt) continue;
            MoodStep s = moodStep(sc, earlier, *node, *alt, t.before, t.seconds, timed);
            double v = answerValue(sc, *alt, t.before, s.after);
            if (v > bestValue) {
                bestValue = v;
                best = alt;
                bestAfter = s.after;
            }
        }
        if (!best) continue;
        BetterAnswer b;
        b.turn = static_cast<int>(i) + 1;
        b.picked = picked->id;
        b.better = best->id;
        b.betterText = best->text;
        b.mine = diff(t.before, mine.after);
        b.theirs = diff(t.before, bestAfter);
        b.why = Message(Msg::BetterWhy,
                        {tagList(*best), moved(t.before, bestAfter), moved(t.before, mine.after)});
        if (!best->note.empty())
            b.why = Message(Msg::BetterWhyNote, {b.why, Message::of(best->note)});
        r.better.push_back(std::move(b));
    }
}

}  // namespace

ScoreReport scoreRun(const Scenario& sc, TurnSpan turns, const Mood& start, const Ending* ending,
                     bool timed, bool withBetter) {
    ScoreReport r;
    const Rubric& model = sc.rubric;
    bool timesAnswers = timed && sc.timeLimit > 0;
    double applicable = 0;
    for (int i = 0; i < kComponentCount; ++i)
        if (i != static_cast<int>(Component::ResponseTime) || timesAnswers)
            applicable += model.weights[static_cast<std::size_t>(i)];
    double factor = applicable > 0 ? 100.0 / applicable : 0;
    auto weight = [&](Component c) {
        if (c == Component::ResponseTime && !timesAnswers) return 0.0;
        return model.weight(c) * factor;
    };
    for (int c = 0; c < kComponentCount; ++c)
        r.max[static_cast<std::size_t>(c)] = weight(static_cast<Component>(c));
    // `lineMax`: what this line could have added (a share of the component for per-item lines).
    auto add = [&](Component c, double points, Message what, double lineMax = -1) {
        r.points[static_cast<std::size_t>(c)] += points;
        ScoreLine line;
        line.component = c;
        line.points = points;
        line.max = lineMax < 0 ? weight(c) : lineMax;
        line.what = std::move(what);
        r.lines.push_back(std::move(line));
    };
    auto n = [](auto v) { return Message::num(static_cast<long long>(v)); };

    // Outcome.
    {
        double w = weight(Component::Outcome);
        r.finished = ending != nullptr;
        if (ending) {
            r.endingId = ending->id;
            r.endingKind = ending->kind;
            add(Component::Outcome, w * ending->score / 100.0,
                Message(Msg::LineEnding, {Message::of(ending->title),
                                          Message(endingKindMsg(ending->kind)), n(ending->score)}));
        } else {
            add(Component::Outcome, 0, Message(Msg::LineNoEnding));
        }
    }
    // De-escalation.
    {
        double w = weight(Component::Deescalation);
        r.startAnger = start.anger();
        r.peakAnger = start.anger();
        r.endAnger = turns.empty() ? start.anger() : turns.back().after.anger();
        for (const auto& t : turns) r.peakAnger = std::max(r.peakAnger, t.after.anger());
        double drop = r.startAnger > 0
                          ? std::clamp((r.startAnger - r.endAnger) / double(r.startAnger), 0.0, 1.0)
                          : (r.endAnger == 0 ? 1.0 : 0.0);
        double contain =
            r.startAnger < 100
                ? 1.0 - std::clamp((r.peakAnger - r.startAnger) / double(100 - r.startAnger), 0.0,
                                   1.0)
                : 1.0;
        // Nothing said, nothing calmed.
        double p =
            turns.empty() ? 0.0 : w * (model.dropShare * drop + model.containShare * contain);
        add(Component::Deescalation, p,
            Message(Msg::LineAnger, {n(r.startAnger), n(r.endAnger), n(r.peakAnger)}));
    }
    // Mood curve.
    {
        double w = weight(Component::MoodCurve);
        int better = 0;
        for (const auto& t : turns)
            if (improved(t.before, t.after)) ++better;
        double p = turns.empty() ? 0 : w * better / double(turns.size());
        add(Component::MoodCurve, p, Message(Msg::LineMoodCurve, {n(better), n(turns.size())}));
    }
    // Competencies and steps.
    std::array<int, kStepCount> firstTurn;
    firstTurn.fill(0);
    for (std::size_t i = 0; i < turns.size(); ++i) {
        const Answer* a = sc.answer(turns[i].node, turns[i].picked);
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
            Message name(competencyMsg(static_cast<Competency>(c)));
            Message what = uses == 0   ? Message(Msg::LineCompetencyNever, {name})
                           : uses == 1 ? Message(Msg::LineCompetencyOnce, {name})
                                       : Message(Msg::LineCompetencyTimes, {name, n(uses)});
            add(Component::Competencies, uses > 0 ? w : 0, std::move(what), w);
        }
    }
    {
        double w = weight(Component::Steps) / kStepCount;
        for (int s = 0; s < kStepCount; ++s) {
            int f = firstTurn[static_cast<std::size_t>(s)];
            Message name(stepMsg(static_cast<Step>(s)));
            bool inOrder = f > 0;
            for (int e = 0; e < kStepCount && inOrder; ++e) {
                int fe = firstTurn[static_cast<std::size_t>(e)];
                if (e < s && (fe == 0 || fe > f)) inOrder = false;
                if (e > s && fe > 0 && fe < f) inOrder = false;
            }
            double p = (f > 0 ? w / 2 : 0) + (inOrder ? w / 2 : 0);
            Message what =
                f == 0    ? Message(Msg::LineStepNever, {name})
                : inOrder ? Message(Msg::LineStepInOrder, {name, n(f)})
                          : Message(Msg::LineStepOutOfOrder, {name, n(f), Message(Msg::StepOrder)});
            add(Component::Steps, p, std::move(what), w);
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
            Message(Msg::LineResponseTime,
                    {n(within), n(turns.size()), Message::num(sc.timeLimit)}));
    } else if (std::abs(factor - 1.0) > 1e-9) {
        ScoreLine note;
        note.kind = LineKind::Note;
        note.component = Component::ResponseTime;
        note.what = Message(Msg::LineUntimed);
        r.lines.push_back(std::move(note));
    }
    // Penalties.
    for (std::size_t i = 0; i < turns.size(); ++i) {
        const Answer* a = sc.answer(turns[i].node, turns[i].picked);
        if (!a) continue;
        for (const auto& tag : a->tags) {
            auto it = model.penalties.find(tag);
            if (it == model.penalties.end() || it->second <= 0) continue;
            r.penalties += it->second;
            ScoreLine line;
            line.kind = LineKind::Penalty;
            line.points = -it->second;
            line.turn = static_cast<int>(i) + 1;
            line.tag = tag;
            line.what =
                Message(Msg::LinePenalty, {n(i + 1), tagMessage(tag), Message::num(-it->second)});
            r.lines.push_back(std::move(line));
        }
    }
    double sum = -r.penalties;
    for (double p : r.points) sum += p;
    r.total = static_cast<int>(std::lround(std::clamp(sum, 0.0, 100.0)));
    r.grade = model.gradeOf(r.total);
    if (withBetter) addBetterAnswers(sc, turns, timed, r);
    return r;
}

}  // namespace defuse
