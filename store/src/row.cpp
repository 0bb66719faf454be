// Rows from replay files, and what both stores share.
#include <nlohmann/json.hpp>
#include <sstream>

#include "defuse/files.hpp"
#include "defuse/paths.hpp"
#include "defuse/scoring_model.hpp"
#include "defuse/signature.hpp"
#include "defuse/store/store.hpp"

namespace defuse::store {

namespace fs = std::filesystem;

bool AttemptRow::operator==(const AttemptRow& o) const {
    auto crit = [](const StoredCritical& a, const StoredCritical& b) {
        return a.turn == b.turn && a.answer == b.answer && a.tag == b.tag &&
               a.reasonEn == b.reasonEn && a.reasonZh == b.reasonZh;
    };
    return contentId == o.contentId && trainee == o.trainee && site == o.site &&
           scenarioId == o.scenarioId && scenarioHash == o.scenarioHash && mode == o.mode &&
           started == o.started && finished == o.finished && ending == o.ending &&
           endingKind == o.endingKind && complete == o.complete && score == o.score &&
           grade == o.grade && uses == o.uses && misfits == o.misfits &&
           std::equal(criticals.begin(), criticals.end(), o.criticals.begin(), o.criticals.end(),
                      crit) &&
           rewinds == o.rewinds && uncapped == o.uncapped && signature == o.signature &&
           replayPath == o.replayPath;
}

bool Filter::matches(const AttemptRow& r) const {
    if (!site.empty() && r.site != site) return false;
    if (!scenario.empty() && r.scenarioId != scenario) return false;
    if (!mode.empty() && r.mode != mode) return false;
    if (!trainee.empty() && r.trainee != trainee) return false;
    // ISO 8601 texts compare in time order ("2026-11-29" is before "2026-11-29T...").
    if (!since.empty() && r.started < since) return false;
    if (!until.empty() && r.started >= until) return false;
    return true;
}

std::string contentIdOf(const Replay& r) {
    std::istringstream in(canonicalForm(r));
    std::string line, identity;
    while (std::getline(in, line))
        if (line.rfind("note ", 0) != 0 && line.rfind("override ", 0) != 0) identity += line + "\n";
    return sha256Hex(identity);
}

bool isPostgresUrl(const std::string& s) {
    return s.rfind("postgresql://", 0) == 0 || s.rfind("postgres://", 0) == 0;
}

Indexer::Indexer(std::vector<fs::path> scenarioDirs, std::string site)
    : m_dirs(std::move(scenarioDirs)), m_site(std::move(site)) {
    m_dirs.push_back(bundledScenarioDir());
}

std::optional<AttemptRow> Indexer::row(const fs::path& file, std::vector<Diagnostic>& diagnostics) {
    std::string why;
    auto text = readFile(file, &why);
    if (!text) {
        diagnostics.push_back({file.string(), 0, 0, Severity::Error, Message(why)});
        return std::nullopt;
    }
    return row(file, *text, diagnostics);
}

std::optional<AttemptRow> Indexer::row(const fs::path& file, const std::string& text,
                                       std::vector<Diagnostic>& diagnostics) {
    LoadResult<Replay> loaded = loadReplayText(text, file.string());
    diagnostics.insert(diagnostics.end(), loaded.diagnostics.begin(), loaded.diagnostics.end());
    if (!loaded.ok()) return std::nullopt;
    const Replay& r = *loaded.value;
    // One scenario version is loaded once, however many replays were played on it.
    // Keyed by the scenario file the replay names (resolved from the replay's folder), so the
    // replays of a class in many folders share one load.
    const fs::path recorded(r.scenarioFile);
    const std::string where =
        recorded.empty() || recorded.is_absolute()
            ? recorded.lexically_normal().string()
            : (fs::absolute(file.parent_path()) / recorded).lexically_normal().string();
    const std::string key = r.scenarioId + "\n" + r.scenarioHash + "\n" + where;
    auto cached = m_scenarios.find(key);
    Rescored rs = cached != m_scenarios.end() ? rescoreWith(r, cached->second) : rescore(r, m_dirs);
    if (cached == m_scenarios.end() && rs.scenario) m_scenarios.emplace(key, rs.scenario);
    diagnostics.insert(diagnostics.end(), rs.diagnostics.begin(), rs.diagnostics.end());
    if (!rs.ok() || hasErrors(rs.diagnostics)) return std::nullopt;
    const ScoreReport& rep = rs.report;
    AttemptRow row;
    row.contentId = contentIdOf(r);
    row.trainee = r.trainee;
    row.site = m_site;
    row.scenarioId = r.scenarioId;
    row.scenarioHash = r.scenarioHash;
    row.mode = std::string(modeId(r.mode));
    row.started = r.started;
    row.finished = r.finished.empty() ? r.abandoned : r.finished;
    row.complete = rep.finished;
    row.ending = rep.finished ? rep.endingId : "";
    row.endingKind = rep.finished ? std::string(endingKindId(rep.endingKind)) : "";
    row.score = rep.total;
    row.grade = rep.grade;
    row.uses = rep.competencyUses;
    row.misfits = rep.competencyMisfits;
    for (const CriticalMistake& c : rep.criticals)
        row.criticals.push_back({c.turn, c.answer, c.tag, c.reason.get("en"), c.reason.get("zh")});
    row.rewinds = rep.rewinds;
    row.uncapped = rep.uncapped;
    row.signature = "unsigned";
    std::error_code ec;
    const fs::path sigFile = signaturePath(file);
    if (fs::exists(sigFile, ec)) {
        // Checked with the key the .sig names: the replay is unchanged since it was signed.
        Message why;
        auto sigText = readFile(sigFile, why);
        auto sig = sigText ? parseSignature(*sigText, why) : std::nullopt;
        row.signature =
            sig && verifyReplay(r, text, *sig, sig->publicKey).valid() ? "valid" : "NOT VALID";
    }
    row.replayPath = fs::absolute(file, ec).lexically_normal().string();
    return row;
}

std::string usesJson(const AttemptRow& r) {
    nlohmann::json j = nlohmann::json::object();
    for (int c = 0; c < kCompetencyCount; ++c) {
        const auto i = static_cast<std::size_t>(c);
        j[std::string(competencyId(static_cast<Competency>(c)))] = {r.uses[i], r.misfits[i]};
    }
    return j.dump();
}

std::string criticalsJson(const AttemptRow& r) {
    nlohmann::json j = nlohmann::json::array();
    for (const StoredCritical& c : r.criticals)
        j.push_back({{"turn", c.turn},
                     {"answer", c.answer},
                     {"tag", c.tag},
                     {"en", c.reasonEn},
                     {"zh", c.reasonZh}});
    return j.dump();
}

void readUsesJson(const std::string& text, AttemptRow& r) {
    const auto j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_object()) return;
    for (int c = 0; c < kCompetencyCount; ++c) {
        const auto it = j.find(std::string(competencyId(static_cast<Competency>(c))));
        if (it == j.end() || !it->is_array() || it->size() != 2) continue;
        r.uses[static_cast<std::size_t>(c)] = (*it)[0].get<int>();
        r.misfits[static_cast<std::size_t>(c)] = (*it)[1].get<int>();
    }
}

void readCriticalsJson(const std::string& text, AttemptRow& r) {
    const auto j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_array()) return;
    for (const auto& c : j)
        r.criticals.push_back({c.value("turn", 0), c.value("answer", ""), c.value("tag", ""),
                               c.value("en", ""), c.value("zh", "")});
}

fs::path localStorePath() { return userDataDir() / "store.sqlite"; }

fs::path storeConfigPath() {
    const char* xdg = std::getenv("XDG_CONFIG_HOME");
    if (xdg != nullptr && *xdg == '/') return fs::path(xdg) / "defuse" / "store.conf";
    const char* home = std::getenv("HOME");
    return fs::path(home != nullptr && *home != '\0' ? home : ".") / ".config" / "defuse" /
           "store.conf";
}

std::string configuredSite() {
    if (const char* s = std::getenv("DEFUSE_SITE"); s != nullptr && *s != '\0') return s;
    std::string why;
    auto text = readFile(storeConfigPath(), &why);
    if (!text) return "";
    std::istringstream in(*text);
    std::string line;
    while (std::getline(in, line)) {
        if (line.rfind("site", 0) != 0) continue;
        const auto eq = line.find('=');
        if (eq == std::string::npos) continue;
        std::string v = line.substr(eq + 1);
        v.erase(0, v.find_first_not_of(" \t"));
        v.erase(v.find_last_not_of(" \t\r") + 1);
        return v;
    }
    return "";
}

bool saveSite(const std::string& site, std::string& error) {
    const fs::path file = storeConfigPath();
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    return writeFileAtomic(file, "site = " + site + "\n", &error);
}

}  // namespace defuse::store
