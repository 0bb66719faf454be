// Taking up an interrupted run, or closing it out.
#include "defuse/resume.hpp"

#include <algorithm>
#include <chrono>
#include <ctime>

#include "defuse/files.hpp"

namespace defuse {

namespace fs = std::filesystem;

RunState runState(const Replay& r) {
    if (!r.finished.empty() || !r.ending.empty()) return RunState::Finished;
    if (!r.abandoned.empty()) return RunState::Abandoned;
    return RunState::InProgress;
}

std::string lastWritten(const fs::path& path) {
    std::error_code ec;
    auto t = fs::last_write_time(path, ec);
    if (ec) return {};
    auto sys = std::chrono::time_point_cast<std::chrono::system_clock::duration>(
        t - fs::file_time_type::clock::now() + std::chrono::system_clock::now());
    std::time_t tt = std::chrono::system_clock::to_time_t(sys);
    std::tm tm{};
    gmtime_r(&tt, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

namespace {

// A run killed while it wrote leaves its temporary file beside the replay (writeFileAtomic's
// ".NAME.tmpNNNNNN"); the run that takes the replay over removes them.
void removeStaleTemporaries(const fs::path& path) {
    std::error_code ec;
    fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    const std::string prefix = "." + path.filename().string() + ".tmp";
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        std::string name = it->path().filename().string();
        if (name.size() > prefix.size() && name.compare(0, prefix.size(), prefix) == 0 &&
            name.find_first_not_of("0123456789", prefix.size()) == std::string::npos) {
            std::error_code rm;
            fs::remove(it->path(), rm);
        }
    }
}

// A run that did not reach an ending is what is being resumed: no need to say so.
void dropUnfinishedNote(std::vector<Diagnostic>& diags) {
    diags.erase(std::remove_if(diags.begin(), diags.end(),
                               [](const Diagnostic& d) {
                                   return d.message.id == Msg::NoEndingTurn ||
                                          d.message.id == Msg::NoEndingTurns;
                               }),
                diags.end());
}

}  // namespace

bool Attempt::resumeRecording(const fs::path& path, const Replay& from, const ResumeGap& gap) {
    m_trainee = from.trainee;
    m_started = from.started;
    Replay base;
    base.trainee = from.trainee;
    base.started = from.started;
    base.resumed = from.resumed;
    base.resumed.push_back(gap);
    base.notes = from.notes;
    m_writer = std::make_unique<ReplayWriter>(path, std::move(base));
    m_save = {};
    m_save.recording = true;
    m_save.path = path;
    --m_version;  // writing is not a change of the run
    changed();
    return m_save.saved;
}

Resumption resumeRun(const Replay& r, const fs::path& path, const std::vector<fs::path>& dirs) {
    Resumption out;
    switch (runState(r)) {
        case RunState::Finished:
            out.problem = ResumeProblem::Finished;
            return out;
        case RunState::Abandoned:
            out.problem = ResumeProblem::Abandoned;
            return out;
        case RunState::InProgress:
            break;
    }
    // The replay's own scenario file first (the run goes on against what it started on),
    // then the folders by id.
    Rescored s = rescore(r, {});
    if (!s.scenario && !dirs.empty() && !hasErrors(s.diagnostics)) s = rescore(r, dirs);
    out.scenario = s.scenario;
    out.diagnostics = std::move(s.diagnostics);
    dropUnfinishedNote(out.diagnostics);
    if (!s.scenario) {
        out.problem = ResumeProblem::NoScenario;
        return out;
    }
    if (!r.scenarioHash.empty() && r.scenarioHash != s.scenario->hash) {
        out.problem = ResumeProblem::ScenarioChanged;
        return out;
    }
    if (!s.ok() || hasErrors(out.diagnostics) || s.attempt->turns().size() != r.turns.size()) {
        out.problem = ResumeProblem::NotReplayable;
        return out;
    }
    out.gap.afterTurn = static_cast<int>(r.turns.size());
    out.gap.stopped = lastWritten(path);
    out.gap.resumed = nowIso8601();
    removeStaleTemporaries(path);
    out.attempt = std::move(s.attempt);
    if (!out.attempt->resumeRecording(path, r, out.gap)) {
        out.problem = ResumeProblem::CannotWrite;
        out.writeError = out.attempt->saveState().error;
        out.attempt.reset();
    }
    return out;
}

bool abandonRun(const Replay& r, const fs::path& path, std::string* error) {
    if (runState(r) != RunState::InProgress) return false;
    Replay closed = r;
    closed.abandoned = nowIso8601();
    removeStaleTemporaries(path);
    return writeReplay(closed, path, error);
}

std::vector<UnfinishedRun> findUnfinished(const std::vector<fs::path>& dirs) {
    std::vector<UnfinishedRun> out;
    for (const auto& dir : dirs) {
        std::error_code ec;
        for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
            std::error_code st;
            if (!isYamlFile(it->path()) || !it->is_regular_file(st)) continue;
            // Cheap look first: most YAML files in a folder are not replays.
            auto text = readFile(it->path(), nullptr);
            if (!text || text->find("defuse_replay:") == std::string::npos) continue;
            auto loaded = loadReplayText(*text, it->path().string());
            if (!loaded.ok() || runState(*loaded.value) != RunState::InProgress) continue;
            out.push_back({it->path(), loaded.value, lastWritten(it->path())});
        }
    }
    std::sort(out.begin(), out.end(),
              [](const UnfinishedRun& a, const UnfinishedRun& b) { return a.path < b.path; });
    return out;
}

}  // namespace defuse
