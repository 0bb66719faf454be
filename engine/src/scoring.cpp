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
        case LineKind::Critical:
            return "critical";
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

// The author's judgement wins where given: a rated answer is only "better" when the author
// rates it higher than the one picked, and an answer the author rates weak or bad is never
// recommended. Among those, and where nothing is rated, the mood model's value decides.
bool authorAllows(const Answer& alt, const Answer& picked) {
    if (alt.quality == Quality::Bad || alt.quality == Quality::Weak) return false;
    if (alt.quality != Quality::Unrated && picked.quality != Quality::Unrated)
        return alt.quality > picked.quality;
    return true;
}

void addBetterAnswers(const Scenario& sc, TurnSpan turns, bool timed, ScoreReport& r) {
    History h;
    for (std::size_t i = 0; i < turns.size(); addTurn(h, sc, turns[i]), ++i) {
        const Turn& t = turns[i];
        const Node* node = sc.node(t.node);
        const Answer* picked = sc.answer(t.node, t.picked);
        if (!node || !picked || picked->quality == Quality::Best) continue;
        MoodStep mine = moodStep(sc, h, *node, *picked, t.before, t.seconds, timed, t.allowance);
        double mineValue = answerValue(sc, *picked, t.before, mine.after);
        const Answer* best = nullptr;
        double bestValue = 0;
        Mood bestAfter;
        for (const auto& id : t.shown) {
            const Answer* alt = id == picked->id ? nullptr : sc.answer(t.node, id);
            if (!alt || !authorAllows(*alt, *picked)) continue;
            MoodStep s = moodStep(sc, h, *node, *alt, t.before, t.seconds, timed, t.allowance);
            double v = answerValue(sc, *alt, t.before, s.after);
            bool authorSaysBetter = alt->quality != Quality::Unrated &&
                                    picked->quality != Quality::Unrated &&
                                    alt->quality > picked->quality;
            if (!authorSaysBetter && v < mineValue + sc.rubric.betterMargin) continue;
            bool outranks = !best || alt->quality > best->quality ||
                            (alt->quality == best->quality && v > bestValue);
            if (outranks) {
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
        b.principles = best->teaches.empty() ? picked->teaches : best->teaches;
        b.why = Message(Msg::BetterWhy,
                        {tagList(*best), moved(t.before, bestAfter), moved(t.before, mine.after)});
        if (!best->note.empty())
            b.why = Message(Msg::BetterWhyNote, {b.why, Message::of(best->note)});
        if (Message link = principleLink(sc, b.principles, true); !link.empty())
            b.why = Message(Msg::WithPrinciple, {b.why, link});
        r.better.push_back(std::move(b));
    }
}

}  // namespace

Message principleLink(const Scenario& sc, const std::vector<std::string>& ids, bool statements) {
    if (!sc.curriculum) return {};
    std::vector<Message> names;
    for (const auto& id : ids)
        if (const Principle* p = sc.curriculum->find(id))
            names.push_back(statements ? Message(Msg::PrincipleNamed,
                                                 {Message::of(p->name), Message::of(p->statement)})
                                       : Message::of(p->name));
    if (names.empty()) return {};
    return Message(Msg::LinePrinciple, {Message::join(Msg::SepSemicolon, std::move(names))});
}

ScoreReport scoreRun(const Scenario& sc, TurnSpan turns, const Mood& start, const Ending* ending,
                     bool timed, bool withBetter, int rewinds) {
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
    // Competencies and steps count only where they worked with this customer: an answer the
    // customer took badly (trust minus anger fell) earns nothing, whatever its tags, and a
    // tag the customer took badly at that point earns nothing either. Critical mistakes are
    // found on the way, with the same history the mood saw.
    std::array<int, kStepCount> firstTurn;
    firstTurn.fill(0);
    {
        History h;
        for (std::size_t i = 0; i < turns.size(); addTurn(h, sc, turns[i]), ++i) {
            const Turn& t = turns[i];
            const Node* node = sc.node(t.node);
            const Answer* a = sc.answer(t.node, t.picked);
            if (!node || !a) continue;
            MoodStep step = moodStep(sc, h, *node, *a, t.before, t.seconds, timed, t.allowance);
            bool answerWorked = step.answerEffect.balance() >= 0;
            for (const auto& te : step.tags) {
                const TagInfo* info = findTag(te.tag);
                if (!info) continue;
                bool worked = answerWorked && te.delta.balance() >= 0;
                auto c = info->competency ? static_cast<std::size_t>(*info->competency) : 0;
                if (info->competency) ++(worked ? r.competencyUses[c] : r.competencyMisfits[c]);
                if (worked && info->step && firstTurn[static_cast<std::size_t>(*info->step)] == 0)
                    firstTurn[static_cast<std::size_t>(*info->step)] = static_cast<int>(i) + 1;
            }
            for (const auto& hit : step.criticals)
                r.criticals.push_back({static_cast<int>(i) + 1, a->id, hit.tag, hit.reason});
        }
    }
    {
        double w = weight(Component::Competencies) / kCompetencyCount;
        for (int c = 0; c < kCompetencyCount; ++c) {
            int uses = r.competencyUses[static_cast<std::size_t>(c)];
            int misfits = r.competencyMisfits[static_cast<std::size_t>(c)];
            Message name(competencyMsg(static_cast<Competency>(c)));
            Message what = uses == 0   ? Message(Msg::LineCompetencyNever, {name})
                           : uses == 1 ? Message(Msg::LineCompetencyOnce, {name})
                                       : Message(Msg::LineCompetencyTimes, {name, n(uses)});
            if (misfits > 0)
                what = uses == 0
                           ? (misfits == 1
                                  ? Message(Msg::LineCompetencyMisfitOnce, {name})
                                  : Message(Msg::LineCompetencyMisfitOnly, {name, n(misfits)}))
                           : Message(Msg::LineCompetencyMisfit, {what, n(misfits)});
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
            if (t.seconds - t.allowance <= sc.timeLimit) ++within;
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
            line.principles = a->teaches;
            line.what =
                Message(Msg::LinePenalty, {n(i + 1), tagMessage(tag), Message::num(-it->second)});
            r.lines.push_back(std::move(line));
        }
    }
    // Practice that took answers back says so.
    r.rewinds = rewinds;
    if (rewinds > 0) {
        ScoreLine note;
        note.kind = LineKind::Note;
        note.what = Message(rewinds == 1 ? Msg::LineRewoundOnce : Msg::LineRewound, {n(rewinds)});
        r.lines.push_back(std::move(note));
    }
    double sum = -r.penalties;
    for (double p : r.points) sum += p;
    r.total = static_cast<int>(std::lround(std::clamp(sum, 0.0, 100.0)));
    r.uncapped = r.total;
    // A critical mistake caps the score below a pass, whatever followed; the debrief names
    // each one first.
    if (!r.criticals.empty()) {
        int cap = std::max(0, model.passMark - 1);
        r.total = std::min(r.total, cap);
        std::vector<ScoreLine> first;
        for (const auto& c : r.criticals) {
            ScoreLine line;
            line.kind = LineKind::Critical;
            line.turn = c.turn;
            line.tag = c.tag;
            if (const Answer* a =
                    sc.answer(turns[static_cast<std::size_t>(c.turn - 1)].node, c.answer))
                line.principles = a->teaches;
            line.what = Message(Msg::LineCritical, {n(c.turn), Message::of(c.reason), n(cap)});
            first.push_back(std::move(line));
        }
        r.lines.insert(r.lines.begin(), first.begin(), first.end());
    }
    // Each lost point names the principle the answer taught.
    for (ScoreLine& l : r.lines)
        if (Message link = principleLink(sc, l.principles); !link.empty())
            l.what = Message(
                l.kind == LineKind::Penalty ? Msg::WithPrincipleAfterPoints : Msg::WithPrinciple,
                {l.what, link});
    r.grade = model.gradeOf(r.total);
    if (withBetter) addBetterAnswers(sc, turns, timed, r);
    return r;
}

}  // namespace defuse
