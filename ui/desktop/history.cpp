// Reading and scoring earlier attempts.
#include "history.hpp"

#include <algorithm>

#include "defuse/files.hpp"
#include "defuse/replay.hpp"

namespace defuse::desktop {

void History::readFiles(const std::filesystem::path& dir, const Library& library) {
    m_byScenario.clear();
    m_problems.clear();
    m_loaded = true;
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) return;
    for (const auto& file : yamlFilesBelow(dir)) {
        const LoadResult<Replay> lr = loadReplay(file);
        if (!lr.ok()) {
            // The first error says why (warnings may come before it).
            const auto err =
                std::find_if(lr.diagnostics.begin(), lr.diagnostics.end(),
                             [](const Diagnostic& d) { return d.severity == Severity::Error; });
            Diagnostic d;
            d.file = file.string();
            d.message = Message(Msg::UiNotReplayable);
            m_problems.push_back(err != lr.diagnostics.end() ? *err
                                 : lr.diagnostics.empty()    ? d
                                                             : lr.diagnostics.front());
            continue;
        }
        const Replay& r = *lr.value;
        const auto& entries = library.entries();
        const auto entry = std::find_if(entries.begin(), entries.end(), [&](const auto& e) {
            return e.scenario && e.scenario->id == r.scenarioId &&
                   e.scenario->hash == r.scenarioHash;
        });
        const bool sameVersion = entry != entries.end();
        // A scenario already loaded at the recorded version is re-played as it is; otherwise
        // the engine finds the scenario on disk (an older attempt is scored against today's).
        const Rescored rs =
            sameVersion ? rescoreWith(r, entry->scenario) : rescore(r, library.folders());
        if (!rs.ok() || hasErrors(rs.diagnostics)) {
            Diagnostic d;
            d.file = file.string();
            d.message = Message(Msg::UiNotReplayable);
            m_problems.push_back(std::move(d));
            continue;
        }
        PastAttempt a;
        a.file = file;
        a.scenarioId = r.scenarioId;
        a.started = r.started;
        a.mode = r.mode;
        a.total = rs.report.total;
        a.grade = rs.report.grade;
        a.ending = rs.report.endingId;
        a.kind = rs.report.endingKind;
        a.finished = rs.report.finished;
        a.olderVersion = !sameVersion;
        a.rewinds = rs.report.rewinds;
        a.criticals = static_cast<int>(rs.report.criticals.size());
        a.uncapped = rs.report.uncapped;
        m_byScenario[a.scenarioId].push_back(a);
    }
    sortByStart();
}

void History::sortByStart() {
    for (auto& [id, list] : m_byScenario)
        std::stable_sort(list.begin(), list.end(), [](const PastAttempt& x, const PastAttempt& y) {
            return x.started < y.started;
        });
}

void History::track(const Attempt& attempt) {
    const SaveState& save = attempt.saveState();
    if (!save.recording) return;
    auto& list = m_byScenario[attempt.scenario().id];
    const auto same = std::find_if(list.begin(), list.end(),
                                   [&](const PastAttempt& a) { return a.file == save.path; });
    if (same == list.end() && !attempt.finished()) return;
    const ScoreReport& score = attempt.score();
    PastAttempt a;
    a.file = save.path;
    a.scenarioId = attempt.scenario().id;
    a.started = attempt.started();
    a.mode = attempt.mode();
    a.total = score.total;
    a.grade = score.grade;
    a.ending = score.endingId;
    a.kind = score.endingKind;
    a.finished = score.finished;
    a.rewinds = score.rewinds;
    a.criticals = static_cast<int>(score.criticals.size());
    a.uncapped = score.uncapped;
    if (same != list.end())
        *same = a;
    else
        list.push_back(a);
}

const std::vector<PastAttempt>& History::of(const std::string& scenarioId) const {
    const auto it = m_byScenario.find(scenarioId);
    return it == m_byScenario.end() ? m_none : it->second;
}

const PastAttempt* History::best(const std::string& scenarioId, Mode mode) const {
    const PastAttempt* best = nullptr;
    for (const PastAttempt& a : of(scenarioId)) {
        if (!a.finished || a.mode != mode) continue;
        if (best == nullptr || a.total > best->total ||
            (a.total == best->total && a.rewinds < best->rewinds))
            best = &a;
    }
    return best;
}

}  // namespace defuse::desktop
