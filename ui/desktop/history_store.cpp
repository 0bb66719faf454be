// The history read from the results store (store/), with the replay files as the fallback.
#include <set>

#include "defuse/files.hpp"
#include "defuse/scoring_model.hpp"
#include "defuse/store/local.hpp"
#include "history.hpp"

namespace defuse::desktop {

namespace fs = std::filesystem;

namespace {

EndingKind kindOf(const std::string& id) {
    for (EndingKind k :
         {EndingKind::Resolved, EndingKind::Partial, EndingKind::Escalated, EndingKind::Lost})
        if (endingKindId(k) == id) return k;
    return EndingKind::Lost;
}

}  // namespace

void History::load(const fs::path& dir, const Library& library) {
    m_storeProblem.clear();
    try {
        if (fromStore(dir, library)) return;
    } catch (const std::exception& ex) {
        m_storeProblem = ex.what();
    }
    readFiles(dir, library);
}

bool History::fromStore(const fs::path& dir, const Library& library) {
    std::string why;
    auto st = store::LocalStore::open(store::localStorePath(), why);
    if (!st) {
        m_storeProblem = store::localStorePath().string() + ": " + why;
        return false;
    }
    m_byScenario.clear();
    m_problems.clear();
    m_loaded = true;
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) return true;
    const std::string root = fs::absolute(dir, ec).lexically_normal().string();
    auto inDir = [&](const std::string& p) { return p.rfind(root, 0) == 0; };
    // Replays saved while the store could not be written, or before it existed, join it.
    std::set<std::string> indexed;
    for (const store::AttemptRow& r : st->list({}))
        if (inDir(r.replayPath)) indexed.insert(r.replayPath);
    store::Indexer indexer(library.folders(), store::configuredSite());
    std::vector<store::AttemptRow> fresh;
    std::set<std::string> onDisk;
    for (const fs::path& file : yamlFilesBelow(dir)) {
        const std::string path = fs::absolute(file, ec).lexically_normal().string();
        onDisk.insert(path);
        if (indexed.count(path) != 0) continue;
        std::vector<Diagnostic> diags;
        if (auto row = indexer.row(file, diags)) {
            fresh.push_back(std::move(*row));
            continue;
        }
        const auto err = std::find_if(diags.begin(), diags.end(), [](const Diagnostic& d) {
            return d.severity == Severity::Error;
        });
        Diagnostic d;
        d.file = file.string();
        d.message = Message(Msg::UiNotReplayable);
        m_problems.push_back(err != diags.end() ? *err : d);
    }
    st->putAll(fresh);
    for (const std::string& gone : indexed)
        if (onDisk.count(gone) == 0) st->removeFile(gone);  // the file was deleted
    for (const store::AttemptRow& r : st->list({})) {
        if (!inDir(r.replayPath) || onDisk.count(r.replayPath) == 0) continue;
        const LibraryEntry* e = library.find(r.scenarioId);
        PastAttempt a;
        a.file = r.replayPath;
        a.scenarioId = r.scenarioId;
        a.started = r.started;
        a.mode = r.mode == "assessment" ? Mode::Assessment : Mode::Practice;
        a.total = r.score;
        a.grade = r.grade;
        a.ending = r.ending;
        a.kind = kindOf(r.endingKind);
        a.finished = r.complete;
        a.olderVersion = e == nullptr || !e->scenario || e->scenario->hash != r.scenarioHash;
        a.rewinds = r.rewinds;
        a.criticals = static_cast<int>(r.criticals.size());
        a.uncapped = r.uncapped;
        m_byScenario[a.scenarioId].push_back(a);
    }
    sortByStart();
    return true;
}

}  // namespace defuse::desktop
