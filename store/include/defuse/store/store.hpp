#pragma once
/// The results store: every attempt (practice and assessment) indexed beside its replay file,
/// in an SQLite database in the user's data folder (local.cpp), and a central PostgreSQL
/// database a network of sites syncs into (central.hpp). The replay files stay the source of
/// truth: the local store can be rebuilt from them at any time.
#include <array>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "defuse/diagnostic.hpp"
#include "defuse/replay.hpp"
#include "defuse/tags.hpp"

namespace defuse::store {

/// A critical mistake as stored: where it was made and why, in both languages.
struct StoredCritical {
    int turn = 0;
    std::string answer;
    std::string tag;
    std::string reasonEn, reasonZh;
};

/// One attempt, as the stores hold it. Every figure comes from re-playing the replay against
/// its scenario (never from a score written in the file).
struct AttemptRow {
    std::string contentId;  ///< hex SHA-256 of the run's canonical content (contentIdOf)
    std::string trainee;
    std::string site;
    std::string scenarioId;
    std::string scenarioHash;
    std::string mode;      ///< practice | assessment
    std::string started;   ///< ISO 8601
    std::string finished;  ///< ISO 8601, empty when the run is unfinished
    std::string ending;    ///< the ending reached (empty when unfinished)
    std::string endingKind;
    bool complete = false;  ///< the run reached an ending
    int score = 0;
    std::string grade;
    std::array<int, kCompetencyCount> uses{};     ///< competencies shown in a way that worked
    std::array<int, kCompetencyCount> misfits{};  ///< shown, but did not land
    std::vector<StoredCritical> criticals;
    int rewinds = 0;
    int uncapped = 0;       ///< the score before a critical mistake capped it
    std::string signature;  ///< unsigned | signed (a .sig beside the replay)
    std::string replayPath;

    bool operator==(const AttemptRow& o) const;
};

/// Which attempts a listing or the dashboard takes (empty: any).
struct Filter {
    std::string site;
    std::string scenario;
    std::string mode;
    std::string since;  ///< ISO 8601 date or time: attempts started at or after it
    std::string until;  ///< ISO 8601 date or time: attempts started before it
    std::string trainee;
    bool matches(const AttemptRow& r) const;
};

/// The stable id of a run: the hex SHA-256 of its canonical form (signature.hpp) without the
/// assessor's notes, so notes added later do not make it another attempt.
std::string contentIdOf(const Replay& r);

/// Makes rows from replay files: re-plays each against its scenario (found the engine's way,
/// each scenario version loaded once).
class Indexer {
public:
    Indexer(std::vector<std::filesystem::path> scenarioDirs, std::string site);
    /// The row of a replay whose text is `text` (read from `file`). Nullopt when it cannot be
    /// read or re-played; `diagnostics` say why.
    std::optional<AttemptRow> row(const std::filesystem::path& file, const std::string& text,
                                  std::vector<Diagnostic>& diagnostics);
    /// The same, reading the file.
    std::optional<AttemptRow> row(const std::filesystem::path& file,
                                  std::vector<Diagnostic>& diagnostics);

private:
    std::vector<std::filesystem::path> m_dirs;
    std::string m_site;
    std::map<std::string, std::shared_ptr<const Scenario>> m_scenarios;
};

/// The local store's file: userDataDir()/store.sqlite.
std::filesystem::path localStorePath();

/// The site this computer belongs to: $DEFUSE_SITE, else the `site` line of
/// $XDG_CONFIG_HOME/defuse/store.conf (`defuse store site NAME`), else "".
std::string configuredSite();
/// Writes the site name to the config file; false with `error` set on failure.
bool saveSite(const std::string& site, std::string& error);
/// $XDG_CONFIG_HOME/defuse/store.conf (else ~/.config/defuse/store.conf).
std::filesystem::path storeConfigPath();

/// What an opened store can do, the local one and the central one alike.
class Source {
public:
    virtual ~Source() = default;
    /// The attempts that pass `filter`, by start time then content id.
    virtual std::vector<AttemptRow> list(const Filter& filter) = 0;
    /// The replay's text for an attempt (the central store keeps it; the local one reads its
    /// file). Nullopt with `error` set when it cannot be had.
    virtual std::optional<std::string> replayText(const AttemptRow& row, std::string& error) = 0;
    /// What to call it in messages (a path, or a connection string with no password).
    virtual std::string name() const = 0;
};

/// Opens the local store or the central one: a `postgresql://` or `postgres://` URL is the
/// central store, anything else a path to an SQLite store. Null with `error` set when it
/// cannot be opened.
std::unique_ptr<Source> openSource(const std::string& where, std::string& error);

/// True when `s` is a PostgreSQL connection URL.
bool isPostgresUrl(const std::string& s);

/// Row <-> JSON text for the competency and critical columns.
std::string usesJson(const AttemptRow& r);
std::string criticalsJson(const AttemptRow& r);
void readUsesJson(const std::string& text, AttemptRow& r);
void readCriticalsJson(const std::string& text, AttemptRow& r);

}  // namespace defuse::store
