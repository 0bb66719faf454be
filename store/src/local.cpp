// The local store: SQLite through SQLiteCpp.
#include "defuse/store/local.hpp"

#include <SQLiteCpp/SQLiteCpp.h>

#include "defuse/files.hpp"

namespace defuse::store {

namespace fs = std::filesystem;

namespace {

// Each step takes the schema from version i to i + 1; a store is brought up to date one step
// at a time, each in its own transaction, so one opened by an older build loses nothing.
const char* const kMigrations[] = {
    // 1: the attempts.
    "CREATE TABLE attempts ("
    " content_id TEXT PRIMARY KEY, trainee TEXT NOT NULL, site TEXT NOT NULL,"
    " scenario_id TEXT NOT NULL, scenario_hash TEXT NOT NULL, mode TEXT NOT NULL,"
    " started TEXT NOT NULL, finished TEXT NOT NULL, ending TEXT NOT NULL,"
    " ending_kind TEXT NOT NULL, complete INTEGER NOT NULL, score INTEGER NOT NULL,"
    " grade TEXT NOT NULL, competencies TEXT NOT NULL, criticals TEXT NOT NULL,"
    " rewinds INTEGER NOT NULL, signature TEXT NOT NULL, replay_path TEXT NOT NULL);"
    "CREATE INDEX attempts_path ON attempts(replay_path);"
    "CREATE INDEX attempts_scenario ON attempts(scenario_id, started);"
    "CREATE INDEX attempts_trainee ON attempts(trainee, started);",
    // 2: what was synced to which central store.
    "CREATE TABLE synced (content_id TEXT NOT NULL, target TEXT NOT NULL,"
    " synced_at TEXT NOT NULL, PRIMARY KEY (content_id, target));",
    // 3: the score before a critical mistake capped it (re-index to fill it: store rebuild).
    "ALTER TABLE attempts ADD COLUMN uncapped INTEGER NOT NULL DEFAULT 0;",
};
static_assert(std::size(kMigrations) == kSchemaVersion, "one migration per schema version");

constexpr const char* kColumns =
    "content_id, trainee, site, scenario_id, scenario_hash, mode, started, finished, ending, "
    "ending_kind, complete, score, grade, competencies, criticals, rewinds, signature, "
    "replay_path, uncapped";

AttemptRow rowOf(SQLite::Statement& q) {
    AttemptRow r;
    r.contentId = q.getColumn(0).getString();
    r.trainee = q.getColumn(1).getString();
    r.site = q.getColumn(2).getString();
    r.scenarioId = q.getColumn(3).getString();
    r.scenarioHash = q.getColumn(4).getString();
    r.mode = q.getColumn(5).getString();
    r.started = q.getColumn(6).getString();
    r.finished = q.getColumn(7).getString();
    r.ending = q.getColumn(8).getString();
    r.endingKind = q.getColumn(9).getString();
    r.complete = q.getColumn(10).getInt() != 0;
    r.score = q.getColumn(11).getInt();
    r.grade = q.getColumn(12).getString();
    readUsesJson(q.getColumn(13).getString(), r);
    readCriticalsJson(q.getColumn(14).getString(), r);
    r.rewinds = q.getColumn(15).getInt();
    r.signature = q.getColumn(16).getString();
    r.replayPath = q.getColumn(17).getString();
    r.uncapped = q.getColumn(18).getInt();
    return r;
}

}  // namespace

LocalStore::LocalStore(fs::path file) : m_file(std::move(file)) {}
LocalStore::~LocalStore() = default;

std::unique_ptr<LocalStore> LocalStore::open(const fs::path& file, std::string& error) {
    std::error_code ec;
    if (file.has_parent_path()) fs::create_directories(file.parent_path(), ec);
    std::unique_ptr<LocalStore> s(new LocalStore(file));
    try {
        s->m_db = std::make_unique<SQLite::Database>(
            file.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE, 5000);
        // WAL: readers (the desktop) never block the writer (a play being indexed).
        s->m_db->exec("PRAGMA journal_mode=WAL");
        s->m_db->exec("PRAGMA synchronous=NORMAL");
        s->migrate();
    } catch (const std::exception& ex) {
        error = ex.what();
        return nullptr;
    }
    return s;
}

void LocalStore::migrate() {
    m_db->exec("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
    int version = 0;
    {
        SQLite::Statement q(*m_db, "SELECT max(version) FROM schema_version");
        if (q.executeStep() && !q.getColumn(0).isNull()) version = q.getColumn(0).getInt();
    }
    if (version > kSchemaVersion)
        throw std::runtime_error("schema version " + std::to_string(version) +
                                 " is newer than this defuse knows (" +
                                 std::to_string(kSchemaVersion) + ")");
    for (; version < kSchemaVersion; ++version) {
        SQLite::Transaction t(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
        // Another process may have migrated while this one waited for the lock.
        SQLite::Statement q(*m_db, "SELECT max(version) FROM schema_version");
        if (q.executeStep() && !q.getColumn(0).isNull() && q.getColumn(0).getInt() > version)
            continue;
        m_db->exec(kMigrations[version]);
        m_db->exec("DELETE FROM schema_version");
        SQLite::Statement v(*m_db, "INSERT INTO schema_version(version) VALUES (?)");
        v.bind(1, version + 1);
        v.exec();
        t.commit();
    }
}

int LocalStore::schemaVersion() const {
    return m_db->execAndGet("SELECT max(version) FROM schema_version").getInt();
}

std::string LocalStore::journalMode() const {
    return m_db->execAndGet("PRAGMA journal_mode").getString();
}

void LocalStore::put(const AttemptRow& r) {
    SQLite::Statement del(*m_db, "DELETE FROM attempts WHERE replay_path = ? AND content_id != ?");
    del.bind(1, r.replayPath);
    del.bind(2, r.contentId);
    del.exec();
    SQLite::Statement q(*m_db, std::string("INSERT OR REPLACE INTO attempts (") + kColumns +
                                   ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
    int i = 1;
    for (const std::string* s : {&r.contentId, &r.trainee, &r.site, &r.scenarioId, &r.scenarioHash,
                                 &r.mode, &r.started, &r.finished, &r.ending, &r.endingKind})
        q.bind(i++, *s);
    q.bind(i++, r.complete ? 1 : 0);
    q.bind(i++, r.score);
    q.bind(i++, r.grade);
    q.bind(i++, usesJson(r));
    q.bind(i++, criticalsJson(r));
    q.bind(i++, r.rewinds);
    q.bind(i++, r.signature);
    q.bind(i++, r.replayPath);
    q.bind(i++, r.uncapped);
    q.exec();
}

void LocalStore::putAll(const std::vector<AttemptRow>& rows) {
    SQLite::Transaction t(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
    for (const AttemptRow& r : rows) put(r);
    t.commit();
}

void LocalStore::clear() { m_db->exec("DELETE FROM attempts"); }

void LocalStore::removeFile(const fs::path& file) {
    SQLite::Statement q(*m_db, "DELETE FROM attempts WHERE replay_path = ?");
    q.bind(1, file.string());
    q.exec();
}

std::vector<AttemptRow> LocalStore::list(const Filter& f) {
    std::string sql = std::string("SELECT ") + kColumns + " FROM attempts WHERE 1=1";
    std::vector<std::string> args;
    auto where = [&](const std::string& v, const char* clause) {
        if (v.empty()) return;
        sql += clause;
        args.push_back(v);
    };
    where(f.site, " AND site = ?");
    where(f.scenario, " AND scenario_id = ?");
    where(f.mode, " AND mode = ?");
    where(f.trainee, " AND trainee = ?");
    where(f.since, " AND started >= ?");
    where(f.until, " AND started < ?");
    sql += " ORDER BY started, content_id";
    SQLite::Statement q(*m_db, sql);
    for (std::size_t i = 0; i < args.size(); ++i) q.bind(static_cast<int>(i + 1), args[i]);
    std::vector<AttemptRow> out;
    while (q.executeStep()) out.push_back(rowOf(q));
    return out;
}

std::optional<std::string> LocalStore::replayText(const AttemptRow& row, std::string& error) {
    return readFile(row.replayPath, &error);
}

ImportResult LocalStore::importDir(const fs::path& dir, Indexer& indexer) {
    ImportResult out;
    std::error_code ec;
    std::vector<UnreadEntry> unread;
    const auto files = yamlFilesBelow(dir, &ec, &unread);
    if (ec) {
        out.unreadable.push_back(
            {dir, {{dir.string(), 0, 0, Severity::Error, Message(ec.message())}}});
        return out;
    }
    for (const UnreadEntry& u : unread)
        out.unreadable.push_back({u.path, {{u.path.string(), 0, 0, Severity::Error, u.why}}});
    std::vector<AttemptRow> batch;
    auto flush = [&] {
        putAll(batch);
        out.indexed += static_cast<int>(batch.size());
        batch.clear();
    };
    for (const fs::path& file : files) {
        std::vector<Diagnostic> diags;
        auto row = indexer.row(file, diags);
        if (!row) {
            out.unreadable.push_back({file, std::move(diags)});
            continue;
        }
        batch.push_back(std::move(*row));
        if (batch.size() >= 500) flush();
    }
    flush();
    return out;
}

std::vector<AttemptRow> LocalStore::unsynced(const std::string& target) {
    SQLite::Statement q(*m_db, std::string("SELECT ") + kColumns +
                                   " FROM attempts WHERE finished != '' AND content_id NOT IN "
                                   "(SELECT content_id FROM synced WHERE target = ?)"
                                   " ORDER BY started, content_id");
    q.bind(1, target);
    std::vector<AttemptRow> out;
    while (q.executeStep()) out.push_back(rowOf(q));
    return out;
}

void LocalStore::markSynced(const std::string& target, const std::vector<std::string>& ids) {
    SQLite::Transaction t(*m_db, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement q(
        *m_db, "INSERT OR IGNORE INTO synced(content_id, target, synced_at) VALUES (?,?,?)");
    const std::string now = nowIso8601();
    for (const std::string& id : ids) {
        q.bind(1, id);
        q.bind(2, target);
        q.bind(3, now);
        q.exec();
        q.reset();
    }
    t.commit();
}

bool indexSaved(const fs::path& replay, Lang lang, std::string& error) {
    std::string why;
    auto s = LocalStore::open(localStorePath(), why);
    if (!s) {
        error = render(Message(Msg::StoreCannotOpen, {localStorePath().string(), why}), lang);
        return false;
    }
    Indexer indexer({}, configuredSite());
    std::vector<Diagnostic> diags;
    auto row = indexer.row(replay, diags);
    if (!row) {
        const auto err = std::find_if(diags.begin(), diags.end(), [](const Diagnostic& d) {
            return d.severity == Severity::Error;
        });
        error = render(Message(Msg::StoreNotIndexed,
                               {replay.string(), err != diags.end() ? err->text(lang) : ""}),
                       lang);
        return false;
    }
    try {
        s->put(*row);
    } catch (const std::exception& ex) {
        error = render(Message(Msg::StoreCannotOpen, {localStorePath().string(), ex.what()}), lang);
        return false;
    }
    return true;
}

}  // namespace defuse::store
