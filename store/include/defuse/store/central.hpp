#pragma once
/// The central store: a PostgreSQL database that every site's attempts are synced into, with
/// their replays. Idempotent on the content id: a sync interrupted and run again, or two sites
/// syncing at once, never duplicates or loses a row.
#include <memory>
#include <string>
#include <vector>

#include "defuse/store/local.hpp"
#include "defuse/store/store.hpp"

namespace defuse::store {

/// The connection string with its password (in the URL or a password= parameter) replaced by
/// "***": the only form of it that is ever printed or kept.
std::string maskedUrl(const std::string& url);
/// `text` with every occurrence of the connection string's password replaced by "***".
std::string maskSecret(const std::string& text, const std::string& url);

/// The central schema version this build writes (defuse_schema_version).
inline constexpr int kCentralSchemaVersion = 1;

/// An attempt with its replay, as pushed.
struct Upload {
    AttemptRow row;
    std::string replay;     ///< the replay file's text
    std::string signature;  ///< the .sig file's text, or ""
};

class CentralStore final : public Source {
public:
    /// Connects (5 s timeout unless the URL sets one) and creates or migrates the schema.
    /// Null with `error` set (never holding the password) when the server cannot be reached
    /// or refuses.
    static std::unique_ptr<CentralStore> open(const std::string& url, std::string& error);
    ~CentralStore() override;

    /// Inserts a batch in one transaction; attempts already there are left as they are.
    /// Returns how many were new. Throws (with no password in the text) on failure: then
    /// nothing of the batch was written.
    int push(const std::vector<Upload>& batch);

    std::vector<AttemptRow> list(const Filter& filter) override;
    std::optional<std::string> replayText(const AttemptRow& row, std::string& error) override;
    std::string name() const override { return m_masked; }
    /// Every content id, and how many rows there are (for tests and checks).
    long long count();

private:
    CentralStore() = default;
    std::string m_url, m_masked;
    struct Connection;  ///< the libpqxx connection
    std::unique_ptr<Connection> m_conn;
};

/// What a sync did.
struct SyncResult {
    int pushed = 0;                ///< new in the central store
    int already = 0;               ///< there before (an earlier, interrupted sync, or another copy)
    std::vector<Message> skipped;  ///< attempts left for next time, and why
};

/// Pushes the local store's finished attempts not yet synced to `central`, `batchSize` at a
/// time, each batch in one transaction, then marks them synced locally. Throws on a lost
/// connection (what was committed stays, and is found there on the next run).
SyncResult syncTo(LocalStore& local, CentralStore& central, int batchSize,
                  const std::string& defaultSite);

}  // namespace defuse::store
