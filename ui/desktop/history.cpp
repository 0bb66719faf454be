// Reading and scoring earlier attempts.
#include "history.hpp"

#include <algorithm>

#include "defuse/replay.hpp"
#include "defuse/scoring.hpp"

namespace defuse::desktop {

void History::load(const std::filesystem::path& dir,
                   const std::vector<std::shared_ptr<const Scenario>>& scenarios,
                   const std::vector<std::filesystem::path>& scenarioDirs) {
    m_byScenario.clear();
    m_problems.clear();
    m_loaded = true;
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) return;
    std::vector<std::filesystem::path> files;
    for (auto it = std::filesystem::recursive_directory_iterator(
             dir, std::filesystem::directory_options::skip_permission_denied, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        const auto ext = it->path().extension();
        if (it->is_regular_file(ec) && (ext == ".yaml" || ext == ".yml"))
            files.push_back(it->path());
    }
    for (const auto& file : files) {
        const LoadResult<Replay> lr = loadReplay(file);
        if (!lr.ok()) {
            // The first error says why (warnings may come before it).
            const auto err =
                std::find_if(lr.diagnostics.begin(), lr.diagnostics.end(),
                             [](const Diagnostic& d) { return d.severity == Severity::Error; });
            m_problems.push_back(err != lr.diagnostics.end() ? err->format()
                                 : lr.diagnostics.empty()    ? file.string()
                                                             : lr.diagnostics.front().format());
            continue;
        }
        const Replay& r = *lr.value;
        Attempt a;
        a.file = file;
        a.scenarioId = r.scenarioId;
        a.started = r.started;
        a.mode = r.mode;
        const auto sc = std::find_if(scenarios.begin(), scenarios.end(), [&](const auto& s) {
            return s->id == r.scenarioId && s->hash == r.scenarioHash;
        });
        // A scenario already loaded at the recorded version is re-played as it is; otherwise
        // the engine finds the scenario on disk (an older attempt is scored against today's).
        const Rescored rs = sc != scenarios.end() ? rescoreWith(r, *sc) : rescore(r, scenarioDirs);
        const bool ok = rs.ok() && !hasErrors(rs.diagnostics);
        if (ok) {
            a.total = rs.report.total;
            a.grade = rs.report.grade;
            a.ending = rs.report.endingId;
            a.kind = rs.report.endingKind;
            a.finished = rs.report.finished;
            a.olderVersion = sc == scenarios.end();
        }
        if (!ok) {
            m_problems.push_back(file.string() + ": could not be re-played against its scenario");
            continue;
        }
        m_byScenario[a.scenarioId].push_back(a);
    }
    for (auto& [id, list] : m_byScenario)
        std::stable_sort(list.begin(), list.end(),
                         [](const Attempt& x, const Attempt& y) { return x.started < y.started; });
}

void History::add(const Attempt& attempt) {
    auto& list = m_byScenario[attempt.scenarioId];
    const auto same = std::find_if(list.begin(), list.end(),
                                   [&](const Attempt& a) { return a.file == attempt.file; });
    if (same != list.end())
        *same = attempt;
    else
        list.push_back(attempt);
}

const std::vector<Attempt>& History::of(const std::string& scenarioId) const {
    const auto it = m_byScenario.find(scenarioId);
    return it == m_byScenario.end() ? m_none : it->second;
}

const Attempt* History::best(const std::string& scenarioId) const {
    const Attempt* best = nullptr;
    for (const Attempt& a : of(scenarioId))
        if (a.finished && (best == nullptr || a.total > best->total)) best = &a;
    return best;
}

}  // namespace defuse::desktop
