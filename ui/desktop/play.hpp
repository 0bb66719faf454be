#pragma once
// One attempt in progress: the engine session, the transcript shown, the replay file.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "defuse/replay.hpp"
#include "defuse/scoring.hpp"
#include "defuse/session.hpp"

namespace defuse::desktop {

/// One line of the running transcript.
struct TranscriptEntry {
    enum class Who { Customer, Advisor, Event };
    Who who = Who::Customer;
    std::string text;
    std::vector<std::string> reasons;  ///< advisor lines: what moved the mood and why
    std::string note;                  ///< advisor lines: the coaching note (practice)
    MoodDelta delta;                   ///< advisor lines: how the mood moved
    int turn = 0;                      ///< 1-based turn of an advisor line
};

class Play {
public:
    Play(std::shared_ptr<const Scenario> scenario, const SessionOptions& options,
         std::filesystem::path replayFile, const std::string& trainee, double now);

    const Session& session() const { return *m_session; }
    const std::vector<TranscriptEntry>& transcript() const { return m_transcript; }
    /// The feedback of the last answer (none at the start and after a rewind).
    const std::optional<TurnFeedback>& lastFeedback() const { return m_feedback; }
    /// When the answers on screen were shown (for the response timer).
    double shownAt() const { return m_shownAt; }
    /// Seconds since the answers were shown.
    double elapsed(double now) const { return now - m_shownAt; }
    /// Bumped on every change, so panels can start their animations.
    int version() const { return m_version; }
    const std::filesystem::path& replayFile() const { return m_writer.path(); }
    /// The last error writing the replay ("" when the last write worked).
    const std::string& saveError() const { return m_saveError; }
    bool saved() const { return m_saved; }
    /// When the attempt started (ISO 8601).
    const std::string& started() const { return m_writer.started(); }

    /// Picks the shown answer `index` (0-based) at time `now`. False if not possible.
    bool choose(std::size_t index, double now);
    /// Takes back the last answer (practice only).
    bool rewind(double now);
    /// The score in a language (cached; computed once the session has finished).
    const ScoreReport* report(const std::string& lang);

private:
    void pushCustomerLine();
    void save();

    std::unique_ptr<Session> m_session;
    ReplayWriter m_writer;
    std::vector<TranscriptEntry> m_transcript;
    std::vector<std::size_t> m_marks;  ///< transcript size before each turn
    std::optional<TurnFeedback> m_feedback;
    std::optional<ScoreReport> m_report;
    std::string m_reportLang;
    std::string m_saveError;
    bool m_saved = false;
    double m_shownAt = 0;
    int m_version = 0;
};

/// A fresh replay file name under `dir` for a scenario (never an existing file).
std::filesystem::path newAttemptPath(const std::filesystem::path& dir,
                                     const std::string& scenarioId);

}  // namespace defuse::desktop
