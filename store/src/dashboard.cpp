// The class dashboard's figures.
#include "defuse/store/dashboard.hpp"

#include <algorithm>
#include <set>

namespace defuse::store {

const Progress* Dashboard::at(const std::string& trainee, const std::string& scenario) const {
    const auto it = progress.find({trainee, scenario});
    return it == progress.end() ? nullptr : &it->second;
}

FilterChoices filterChoices(const std::vector<AttemptRow>& all) {
    std::set<std::string> sites, scenarios, modes;
    for (const AttemptRow& r : all) {
        sites.insert(r.site);
        scenarios.insert(r.scenarioId);
        modes.insert(r.mode);
    }
    return {{sites.begin(), sites.end()},
            {scenarios.begin(), scenarios.end()},
            {modes.begin(), modes.end()}};
}

Dashboard summarize(const std::vector<AttemptRow>& all, const Filter& filter,
                    std::size_t topMistakes) {
    Dashboard d;
    for (const AttemptRow& r : all)
        if (filter.matches(r)) d.rows.push_back(r);
    // Oldest first, so "first" and "latest" are the order they were played in.
    std::stable_sort(d.rows.begin(), d.rows.end(), [](const AttemptRow& a, const AttemptRow& b) {
        return a.started < b.started;
    });
    std::set<std::string> trainees, scenarios;
    for (const AttemptRow& r : d.rows) {
        trainees.insert(r.trainee);
        scenarios.insert(r.scenarioId);
    }
    d.trainees.assign(trainees.begin(), trainees.end());
    d.scenarios.assign(scenarios.begin(), scenarios.end());
    std::map<std::string, std::size_t> traineeIndex;
    for (std::size_t i = 0; i < d.trainees.size(); ++i) traineeIndex[d.trainees[i]] = i;
    std::vector<std::array<long long, kCompetencyCount>> uses(d.trainees.size()),
        shown(d.trainees.size());
    struct Key {
        std::string scenario, answer, tag;
        bool operator<(const Key& o) const {
            return std::tie(scenario, answer, tag) < std::tie(o.scenario, o.answer, o.tag);
        }
    };
    std::map<Key, MistakeCount> mistakes;
    std::map<Key, std::set<std::string>> mistakeTrainees;
    for (std::size_t i = 0; i < d.rows.size(); ++i) {
        const AttemptRow& r = d.rows[i];
        const std::size_t t = traineeIndex[r.trainee];
        for (std::size_t c = 0; c < static_cast<std::size_t>(kCompetencyCount); ++c) {
            uses[t][c] += r.uses[c];
            shown[t][c] += r.uses[c] + r.misfits[c];
        }
        for (const StoredCritical& c : r.criticals) {
            const Key k{r.scenarioId, c.answer, c.tag};
            MistakeCount& m = mistakes[k];
            if (m.count == 0) m = {r.scenarioId, c.answer, c.tag, c.reasonEn, c.reasonZh, 0, 0};
            ++m.count;
            mistakeTrainees[k].insert(r.trainee);
        }
        if (!r.complete) continue;
        Progress& p = d.progress[{r.trainee, r.scenarioId}];
        if (p.runs == 0) {
            p.first = p.best = r.score;
            p.firstRow = p.bestRow = i;
        } else if (r.score > p.best) {
            p.best = r.score;
            p.bestRow = i;
        }
        p.latest = r.score;
        p.latestRow = i;
        ++p.runs;
    }
    d.heat.resize(d.trainees.size());
    for (std::size_t t = 0; t < d.trainees.size(); ++t)
        for (std::size_t c = 0; c < static_cast<std::size_t>(kCompetencyCount); ++c)
            d.heat[t][c] = shown[t][c] == 0
                               ? -1.0
                               : static_cast<double>(uses[t][c]) / static_cast<double>(shown[t][c]);
    for (auto& [k, m] : mistakes) {
        m.trainees = static_cast<int>(mistakeTrainees[k].size());
        d.mistakes.push_back(m);
    }
    std::stable_sort(
        d.mistakes.begin(), d.mistakes.end(),
        [](const MistakeCount& a, const MistakeCount& b) { return a.count > b.count; });
    if (d.mistakes.size() > topMistakes) d.mistakes.resize(topMistakes);
    return d;
}

}  // namespace defuse::store
