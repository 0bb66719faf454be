// The scoring model's numbers, and the description of them the README carries.
#include "defuse/scoring_model.hpp"

#include <algorithm>

#include "defuse/tags.hpp"

namespace defuse {

std::string_view componentId(Component c) {
    static constexpr std::string_view kIds[] = {"outcome",      "deescalation", "mood_curve",
                                                "competencies", "steps",        "response_time"};
    return kIds[static_cast<int>(c)];
}

Msg componentMsg(Component c) {
    static constexpr Msg kMsgs[] = {Msg::CompOutcome,   Msg::CompDeescalation,
                                    Msg::CompMoodCurve, Msg::CompCompetencies,
                                    Msg::CompSteps,     Msg::CompResponseTime};
    return kMsgs[static_cast<int>(c)];
}

std::string_view endingKindId(EndingKind k) {
    static constexpr std::string_view kIds[] = {"resolved", "partial", "escalated", "lost"};
    return kIds[static_cast<int>(k)];
}

Msg endingKindMsg(EndingKind k) {
    static constexpr Msg kMsgs[] = {Msg::EndingResolved, Msg::EndingPartial, Msg::EndingEscalated,
                                    Msg::EndingLost};
    return kMsgs[static_cast<int>(k)];
}

const ScoringModel& ScoringModel::builtIn() {
    static const ScoringModel kModel;
    return kModel;
}

std::string ScoringModel::gradeOf(int total) const {
    for (const auto& g : grades)
        if (total >= g.from) return g.grade;
    return grades.empty() ? std::string("?") : grades.back().grade;
}

double readingSeconds(std::string_view text, Lang lang) {
    std::size_t chars = 0;
    for (unsigned char c : text)
        if ((c & 0xC0) != 0x80) ++chars;  // count code points, not bytes
    double pace = ScoringModel::builtIn().readingPace[lang == Lang::Zh ? 1 : 0];
    return pace > 0 ? static_cast<double>(chars) / pace : 0.0;
}

bool improved(const Mood& before, const Mood& after) { return after.balance() > before.balance(); }

namespace {

std::string percent(double share, Lang lang) {
    return render(Message(Msg::Percent, {Message::num(share * 100)}), lang);
}

}  // namespace

std::string describeModel(const ScoringModel& m, Lang lang) {
    auto r = [lang](const Message& msg) { return render(msg, lang); };
    auto row = [&](Component c, const std::string& how) {
        return "| `" + std::string(componentId(c)) + "` | " + formatNumber(m.weight(c)) + " | " +
               how + " |\n";
    };
    std::vector<Message> endings, competencies, steps, penalties;
    for (int k = 0; k < kEndingKindCount; ++k)
        endings.push_back(Message(
            Msg::ModelEndingDefault,
            {Message(std::string(endingKindId(static_cast<EndingKind>(k)))),
             Message::num(static_cast<long long>(m.endingScore[static_cast<std::size_t>(k)]))}));
    for (int c = 0; c < kCompetencyCount; ++c)
        competencies.push_back(Message(std::string(competencyId(static_cast<Competency>(c)))));
    for (int s = 0; s < kStepCount; ++s)
        steps.push_back(Message(std::string(stepId(static_cast<Step>(s)))));
    std::vector<const TagInfo*> penalised;
    for (const auto& t : allTags())
        if (t.defaultPenalty > 0) penalised.push_back(&t);
    std::stable_sort(penalised.begin(), penalised.end(), [](const TagInfo* a, const TagInfo* b) {
        return a->defaultPenalty > b->defaultPenalty;
    });
    for (const TagInfo* t : penalised)
        penalties.push_back(
            Message(Msg::ModelPenalty,
                    {Message(t->id), Message::num(static_cast<long long>(t->defaultPenalty))}));
    std::vector<Message> grades;
    for (std::size_t i = 0; i + 1 < m.grades.size(); ++i)
        grades.push_back(Message(
            Msg::ModelGrade,
            {Message(m.grades[i].grade), Message::num(static_cast<long long>(m.grades[i].from))}));

    std::string out = r(Msg::ModelIntro) + "\n\n" + r(Msg::ModelTableHead) + "\n|---|---|---|\n";
    out += row(Component::Outcome,
               r(Message(Msg::ModelOutcome, {Message::join(Msg::SepEnum, endings)})));
    out += row(Component::Deescalation,
               r(Message(Msg::ModelDeescalation, {Message(percent(m.dropShare, lang)),
                                                  Message(percent(m.containShare, lang))})));
    out += row(Component::MoodCurve, r(Msg::ModelMoodCurve));
    out += row(Component::Competencies,
               r(Message(Msg::ModelCompetencies, {Message::join(Msg::SepEnum, competencies)})));
    out += row(Component::Steps, r(Message(Msg::ModelSteps, {Message::join(Msg::SepEnum, steps)})));
    out += row(Component::ResponseTime, r(Msg::ModelResponseTime));
    out +=
        "\n" + r(Message(Msg::ModelPenalties, {Message::join(Msg::SepEnum, penalties)})) + "\n\n";
    out += r(Message(Msg::ModelGrades,
                     {Message::join(Msg::SepEnum, grades),
                      Message(m.grades.empty() ? std::string("F") : m.grades.back().grade)})) +
           "\n\n";
    out += r(Message(Msg::ModelBetter, {Message::num(m.betterMargin)})) + "\n\n";
    out += r(Msg::ModelFit) + "\n\n";
    out += r(Message(Msg::ModelCritical, {Message::num(static_cast<long long>(m.passMark - 1)),
                                          Message::num(static_cast<long long>(m.passMark))})) +
           "\n\n";
    out += r(Message(Msg::ModelClock,
                     {Message::num(m.readingPace[0]), Message::num(m.readingPace[1])})) +
           "\n\n";
    out += r(Message(
               Msg::ModelBands,
               {Message(Msg::BandCalm), Message::num(static_cast<long long>(kMoodBands.irritated)),
                Message(Msg::BandIrritated), Message(Msg::BandAngry),
                Message::num(static_cast<long long>(kMoodBands.angry)), Message(Msg::BandFurious),
                Message::num(static_cast<long long>(kMoodBands.furious))})) +
           "\n";
    return out;
}

}  // namespace defuse
