// The compiled form's score and packed states: scoreRun's arithmetic on a run's counters, and
// a state as words for the analysis to hash.
#include <algorithm>
#include <cmath>
#include <cstring>

#include "defuse/compiled.hpp"

namespace defuse {

int CompiledScenario::score(const RunState& s, bool timed) const {
    const Scenario& sc = *m_sc;
    const Rubric& model = sc.rubric;
    const bool timesAnswers = timed && sc.timeLimit > 0;
    double applicable = 0;
    for (int i = 0; i < kComponentCount; ++i)
        if (i != static_cast<int>(Component::ResponseTime) || timesAnswers)
            applicable += model.weights[static_cast<std::size_t>(i)];
    const double factor = applicable > 0 ? 100.0 / applicable : 0;
    auto weight = [&](Component c) {
        if (c == Component::ResponseTime && !timesAnswers) return 0.0;
        return model.weight(c) * factor;
    };
    std::array<double, kComponentCount> points{};
    auto add = [&](Component c, double p) { points[static_cast<std::size_t>(c)] += p; };
    const Ending* ending = endingAt(s);
    add(Component::Outcome, ending ? weight(Component::Outcome) * ending->score / 100.0 : 0);
    {
        const int start = s.startAnger;
        const int end = s.turns == 0 ? start : s.mood.anger();
        const int peak = std::max(start, s.peakAnger);
        double drop = start > 0 ? std::clamp((start - end) / double(start), 0.0, 1.0)
                                : (end == 0 ? 1.0 : 0.0);
        double contain =
            start < 100 ? 1.0 - std::clamp((peak - start) / double(100 - start), 0.0, 1.0) : 1.0;
        add(Component::Deescalation,
            s.turns == 0 ? 0.0
                         : weight(Component::Deescalation) *
                               (model.dropShare * drop + model.containShare * contain));
    }
    add(Component::MoodCurve,
        s.turns == 0 ? 0 : weight(Component::MoodCurve) * s.better / double(s.turns));
    {
        double w = weight(Component::Competencies) / kCompetencyCount;
        for (int c = 0; c < kCompetencyCount; ++c)
            add(Component::Competencies, (s.competencies >> c & 1u) ? w : 0);
    }
    {
        double w = weight(Component::Steps) / kStepCount;
        for (int st = 0; st < kStepCount; ++st)
            add(Component::Steps,
                ((s.stepsSeen >> st & 1u) ? w / 2 : 0) + ((s.stepsInOrder >> st & 1u) ? w / 2 : 0));
    }
    if (timesAnswers)
        add(Component::ResponseTime,
            s.turns == 0 ? 0 : weight(Component::ResponseTime) * s.within / double(s.turns));
    double sum = -s.penalties;
    for (double p : points) sum += p;
    int total = static_cast<int>(std::lround(std::clamp(sum, 0.0, 100.0)));
    if (s.critical) total = std::min(total, std::max(0, model.passMark - 1));
    return total;
}

void CompiledScenario::pack(const RunState& s, std::vector<std::uint32_t>& out) const {
    out.clear();
    out.push_back(static_cast<std::uint32_t>(s.at));
    out.push_back(static_cast<std::uint32_t>(s.mood.anger()) |
                  static_cast<std::uint32_t>(s.mood.trust()) << 7 |
                  static_cast<std::uint32_t>(s.mood.patience()) << 14 |
                  static_cast<std::uint32_t>(s.redirects) << 21 |
                  static_cast<std::uint32_t>(s.critical) << 23 |
                  static_cast<std::uint32_t>(s.competencies) << 24);
    out.push_back(static_cast<std::uint32_t>(s.turns) |
                  static_cast<std::uint32_t>(s.peakAnger) << 16 |
                  static_cast<std::uint32_t>(s.stepsSeen) << 23 |
                  static_cast<std::uint32_t>(s.stepsInOrder) << 27);
    out.push_back(static_cast<std::uint32_t>(s.better) | static_cast<std::uint32_t>(s.within)
                                                             << 16);
    std::uint64_t pen;
    std::memcpy(&pen, &s.penalties, sizeof pen);
    out.push_back(static_cast<std::uint32_t>(pen));
    out.push_back(static_cast<std::uint32_t>(pen >> 32));
    for (std::uint64_t w : s.facts) {
        out.push_back(static_cast<std::uint32_t>(w));
        out.push_back(static_cast<std::uint32_t>(w >> 32));
    }
    for (std::uint32_t c : s.cues) out.push_back(c);
}

void CompiledScenario::unpack(const std::uint32_t* w, RunState& s) const {
    s.at = static_cast<int>(w[0]);
    s.mood.v = {static_cast<int>(w[1] & 127u), static_cast<int>(w[1] >> 7 & 127u),
                static_cast<int>(w[1] >> 14 & 127u)};
    s.redirects = static_cast<std::uint8_t>(w[1] >> 21 & 3u);
    s.critical = (w[1] >> 23 & 1u) != 0;
    s.competencies = static_cast<std::uint8_t>(w[1] >> 24);
    s.turns = static_cast<int>(w[2] & 0xFFFFu);
    s.peakAnger = static_cast<int>(w[2] >> 16 & 127u);
    s.stepsSeen = static_cast<std::uint8_t>(w[2] >> 23 & 15u);
    s.stepsInOrder = static_cast<std::uint8_t>(w[2] >> 27 & 15u);
    s.better = static_cast<int>(w[3] & 0xFFFFu);
    s.within = static_cast<int>(w[3] >> 16);
    const std::uint64_t pen = static_cast<std::uint64_t>(w[4]) | static_cast<std::uint64_t>(w[5])
                                                                     << 32;
    std::memcpy(&s.penalties, &pen, sizeof pen);
    s.facts.resize(m_factWords);
    for (std::size_t i = 0; i < m_factWords; ++i)
        s.facts[i] = static_cast<std::uint64_t>(w[6 + 2 * i]) |
                     static_cast<std::uint64_t>(w[7 + 2 * i]) << 32;
    s.cues.resize(m_cueSlots);
    for (std::size_t i = 0; i < m_cueSlots; ++i) s.cues[i] = w[6 + 2 * m_factWords + i];
}

}  // namespace defuse
