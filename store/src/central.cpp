// The central store: PostgreSQL through libpqxx.
#include "defuse/store/central.hpp"

#include <pqxx/pqxx>

#include "defuse/files.hpp"
#include "defuse/signature.hpp"

namespace defuse::store {

namespace {

// The password of a URL (postgresql://user:PASSWORD@host/...) or of a password= parameter.
std::vector<std::string> secretsOf(const std::string& url) {
    std::vector<std::string> out;
    const auto scheme = url.find("://");
    if (scheme != std::string::npos) {
        const auto at = url.find('@', scheme + 3);
        const auto slash = url.find('/', scheme + 3);
        if (at != std::string::npos && (slash == std::string::npos || at < slash)) {
            const auto colon = url.find(':', scheme + 3);
            if (colon != std::string::npos && colon < at)
                out.push_back(url.substr(colon + 1, at - colon - 1));
        }
    }
    for (std::size_t p = url.find("password="); p != std::string::npos;
         p = url.find("password=", p + 1)) {
        const auto end = url.find_first_of("& ", p + 9);
        out.push_back(url.substr(p + 9, end == std::string::npos ? end : end - p - 9));
    }
    return out;
}

constexpr const char* kCentralSchema =
    "CREATE TABLE IF NOT EXISTS defuse_schema_version (version integer NOT NULL);"
    "CREATE TABLE IF NOT EXISTS defuse_attempts ("
    " content_id text PRIMARY KEY, trainee text NOT NULL, site text NOT NULL,"
    " scenario_id text NOT NULL, scenario_hash text NOT NULL, mode text NOT NULL,"
    " started text NOT NULL, finished text NOT NULL, ending text NOT NULL,"
    " ending_kind text NOT NULL, complete boolean NOT NULL, score integer NOT NULL,"
    " grade text NOT NULL, competencies text NOT NULL, criticals text NOT NULL,"
    " rewinds integer NOT NULL, signature text NOT NULL, replay_path text NOT NULL,"
    " uncapped integer NOT NULL,"
    " replay text NOT NULL, replay_sig text NOT NULL, pushed_at timestamptz NOT NULL"
    " DEFAULT now());"
    "CREATE INDEX IF NOT EXISTS defuse_attempts_site ON defuse_attempts(site, started);"
    "CREATE INDEX IF NOT EXISTS defuse_attempts_scenario ON defuse_attempts(scenario_id, started);";

constexpr const char* kColumns =
    "content_id, trainee, site, scenario_id, scenario_hash, mode, started, finished, ending, "
    "ending_kind, complete, score, grade, competencies, criticals, rewinds, signature, "
    "replay_path, uncapped";

AttemptRow rowOf(const pqxx::row& q) {
    AttemptRow r;
    r.contentId = q[0].as<std::string>();
    r.trainee = q[1].as<std::string>();
    r.site = q[2].as<std::string>();
    r.scenarioId = q[3].as<std::string>();
    r.scenarioHash = q[4].as<std::string>();
    r.mode = q[5].as<std::string>();
    r.started = q[6].as<std::string>();
    r.finished = q[7].as<std::string>();
    r.ending = q[8].as<std::string>();
    r.endingKind = q[9].as<std::string>();
    r.complete = q[10].as<bool>();
    r.score = q[11].as<int>();
    r.grade = q[12].as<std::string>();
    readUsesJson(q[13].as<std::string>(), r);
    readCriticalsJson(q[14].as<std::string>(), r);
    r.rewinds = q[15].as<int>();
    r.signature = q[16].as<std::string>();
    r.replayPath = q[17].as<std::string>();
    r.uncapped = q[18].as<int>();
    return r;
}

}  // namespace

std::string maskSecret(const std::string& text, const std::string& url) {
    std::string out = text;
    for (const std::string& secret : secretsOf(url)) {
        if (secret.empty()) continue;
        for (std::size_t p = out.find(secret); p != std::string::npos; p = out.find(secret, p + 3))
            out.replace(p, secret.size(), "***");
    }
    return out;
}

std::string maskedUrl(const std::string& url) { return maskSecret(url, url); }

struct CentralStore::Connection {
    explicit Connection(const std::string& conninfo) : c(conninfo) {}
    pqxx::connection c;
};

CentralStore::~CentralStore() = default;

std::unique_ptr<CentralStore> CentralStore::open(const std::string& url, std::string& error) {
    std::unique_ptr<CentralStore> s(new CentralStore());
    s->m_url = url;
    s->m_masked = maskedUrl(url);
    std::string conninfo = url;
    if (url.find("connect_timeout=") == std::string::npos)
        conninfo +=
            (url.find('?') == std::string::npos ? "?" : "&") + std::string("connect_timeout=5");
    try {
        s->m_conn = std::make_unique<Connection>(conninfo);
        pqxx::work w(s->m_conn->c);
        // Two sites connecting at once must not both create the tables.
        w.exec("SELECT pg_advisory_xact_lock(7236151)");
        w.exec(kCentralSchema);
        const pqxx::result v = w.exec("SELECT max(version) FROM defuse_schema_version");
        const int version = v[0][0].is_null() ? 0 : v[0][0].as<int>();
        if (version > kCentralSchemaVersion)
            throw std::runtime_error("the central schema version " + std::to_string(version) +
                                     " is newer than this defuse knows (" +
                                     std::to_string(kCentralSchemaVersion) + ")");
        if (version < kCentralSchemaVersion) {
            w.exec("DELETE FROM defuse_schema_version");
            w.exec("INSERT INTO defuse_schema_version VALUES (" +
                   std::to_string(kCentralSchemaVersion) + ")");
        }
        w.commit();
        s->m_conn->c.prepare("push", std::string("INSERT INTO defuse_attempts (") + kColumns +
                                         ", replay, replay_sig) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,"
                                         "$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21) "
                                         "ON CONFLICT (content_id) DO NOTHING");
    } catch (const std::exception& ex) {
        std::string what = ex.what();
        while (!what.empty() && (what.back() == '\n' || what.back() == ' ')) what.pop_back();
        error = maskSecret(what, url);
        return nullptr;
    }
    return s;
}

int CentralStore::push(const std::vector<Upload>& batch) {
    try {
        pqxx::work w(m_conn->c);
        int inserted = 0;
        for (const Upload& u : batch) {
            const AttemptRow& r = u.row;
            const pqxx::result res = w.exec_prepared(
                "push", r.contentId, r.trainee, r.site, r.scenarioId, r.scenarioHash, r.mode,
                r.started, r.finished, r.ending, r.endingKind, r.complete, r.score, r.grade,
                usesJson(r), criticalsJson(r), r.rewinds, r.signature, r.replayPath, r.uncapped,
                u.replay, u.signature);
            inserted += static_cast<int>(res.affected_rows());
        }
        w.commit();
        return inserted;
    } catch (const std::exception& ex) {
        throw std::runtime_error(maskSecret(ex.what(), m_url));
    }
}

std::vector<AttemptRow> CentralStore::list(const Filter& f) {
    std::string sql = std::string("SELECT ") + kColumns + " FROM defuse_attempts WHERE true";
    pqxx::work w(m_conn->c);
    auto where = [&](const std::string& v, const char* column, const char* op) {
        if (!v.empty()) sql += std::string(" AND ") + column + op + w.quote(v);
    };
    where(f.site, "site", " = ");
    where(f.scenario, "scenario_id", " = ");
    where(f.mode, "mode", " = ");
    where(f.trainee, "trainee", " = ");
    where(f.since, "started", " >= ");
    where(f.until, "started", " < ");
    sql += " ORDER BY started, content_id";
    std::vector<AttemptRow> out;
    try {
        for (const pqxx::row& row : w.exec(sql)) out.push_back(rowOf(row));
    } catch (const std::exception& ex) {
        throw std::runtime_error(maskSecret(ex.what(), m_url));
    }
    return out;
}

std::optional<std::string> CentralStore::replayText(const AttemptRow& row, std::string& error) {
    try {
        pqxx::work w(m_conn->c);
        const pqxx::result r = w.exec_params(
            "SELECT replay FROM defuse_attempts WHERE content_id = $1", row.contentId);
        if (r.empty()) {
            error = m_masked + ": " + row.contentId + ": no such attempt";
            return std::nullopt;
        }
        return r[0][0].as<std::string>();
    } catch (const std::exception& ex) {
        error = maskSecret(ex.what(), m_url);
        return std::nullopt;
    }
}

long long CentralStore::count() {
    pqxx::work w(m_conn->c);
    return w.exec("SELECT count(*) FROM defuse_attempts")[0][0].as<long long>();
}

SyncResult syncTo(LocalStore& local, CentralStore& central, int batchSize,
                  const std::string& defaultSite) {
    SyncResult out;
    const std::string target = central.name();
    std::vector<Upload> batch;
    auto flush = [&] {
        if (batch.empty()) return;
        const int fresh = central.push(batch);
        out.pushed += fresh;
        out.already += static_cast<int>(batch.size()) - fresh;
        std::vector<std::string> ids;
        for (const Upload& u : batch) ids.push_back(u.row.contentId);
        local.markSynced(target, ids);
        batch.clear();
    };
    for (AttemptRow& row : local.unsynced(target)) {
        std::string why;
        auto text = readFile(row.replayPath, &why);
        if (!text) {
            out.skipped.push_back(Message(Msg::StoreSyncSkipped, {row.replayPath, why}));
            continue;
        }
        // The file must still be the attempt the store indexed.
        const LoadResult<Replay> lr = loadReplayText(*text, row.replayPath);
        if (!lr.ok() || contentIdOf(*lr.value) != row.contentId) {
            out.skipped.push_back(
                Message(Msg::StoreSyncSkipped, {row.replayPath, Message(Msg::StoreChangedSince)}));
            continue;
        }
        Upload u;
        u.row = std::move(row);
        if (u.row.site.empty()) u.row.site = defaultSite;
        u.replay = std::move(*text);
        std::string sigWhy;
        if (auto sig = readFile(signaturePath(u.row.replayPath), &sigWhy)) u.signature = *sig;
        batch.push_back(std::move(u));
        if (static_cast<int>(batch.size()) >= batchSize) flush();
    }
    flush();
    return out;
}

}  // namespace defuse::store
