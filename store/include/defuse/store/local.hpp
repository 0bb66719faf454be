#pragma once
/// The local store: an SQLite database (WAL mode, a versioned schema with migrations) that
/// indexes every attempt on this computer.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "defuse/store/store.hpp"

namespace SQLite {
class Database;
}

namespace defuse::store {

/// The schema version this build writes (the schema_version table holds the file's).
inline constexpr int kSchemaVersion = 3;

/// What an import of replay files did.
struct ImportResult {
    int indexed = 0;    ///< rows written
    int unchanged = 0;  ///< already indexed as they are
    std::vector<std::pair<std::filesystem::path, std::vector<Diagnostic>>> unreadable;
};

class LocalStore final : public Source {
public:
    /// Opens (creating it and its folder if need be) and migrates the store at `file`. Null
    /// with `error` set (the path and why) when it cannot be opened or is not a defuse store.
    static std::unique_ptr<LocalStore> open(const std::filesystem::path& file, std::string& error);
    ~LocalStore() override;

    int schemaVersion() const;
    /// The journal mode the database runs in ("wal").
    std::string journalMode() const;

    /// Writes a row, replacing the one with the same content id and any other row of the same
    /// replay file (a run saved turn by turn has one row: its latest).
    void put(const AttemptRow& row);
    /// Writes many rows in one transaction.
    void putAll(const std::vector<AttemptRow>& rows);
    /// Drops every row (a rebuild starts from nothing).
    void clear();
    /// Drops the rows whose replay file is `file`.
    void removeFile(const std::filesystem::path& file);

    std::vector<AttemptRow> list(const Filter& filter) override;
    std::optional<std::string> replayText(const AttemptRow& row, std::string& error) override;
    std::string name() const override { return m_file.string(); }

    /// Indexes every replay below `dir` (unreadable ones reported, the rest carry on).
    ImportResult importDir(const std::filesystem::path& dir, Indexer& indexer);

    // [SECTION] What has been synced where
    /// Content ids of finished attempts not yet synced to `target` (a connection string with
    /// no password).
    std::vector<AttemptRow> unsynced(const std::string& target);
    /// Marks attempts as synced to `target`.
    void markSynced(const std::string& target, const std::vector<std::string>& contentIds);

private:
    explicit LocalStore(std::filesystem::path file);
    void migrate();

    std::filesystem::path m_file;
    std::unique_ptr<SQLite::Database> m_db;
};

/// Indexes one replay file just saved into the local store (play --record, the desktop).
/// Returns false with `error` set (a catalogue message, rendered in `lang`) when it could not.
bool indexSaved(const std::filesystem::path& replay, Lang lang, std::string& error);

}  // namespace defuse::store
