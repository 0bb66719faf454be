#pragma once
// One attempt in progress: the engine's Attempt, which keeps the whole run (turns, mood,
// transcript, score, its replay file), and the one thing only a window knows: when the
// answers on screen were shown, for the response timer.
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "defuse/attempt.hpp"

namespace defuse::desktop {

class Play {
public:
    /// A new attempt; `now` is when its first answers are shown.
    Play(std::shared_ptr<const Scenario> scenario, const AttemptOptions& options, double now);

    const Attempt& attempt() const { return m_attempt; }
    /// Writes the replay to `file` now and after every turn (see attempt().saveState()).
    bool record(const std::filesystem::path& file, const std::string& trainee) {
        return m_attempt.record(file, trainee);
    }
    /// Seconds since the answers on screen were shown.
    double elapsed(double now) const { return now - m_shownAt; }
    /// Picks the shown answer `index` (0-based) at time `now`. False if not possible.
    bool choose(std::size_t index, double now);
    /// Takes back the last answer (practice only).
    bool rewind(double now);
    /// The attempt's transcript (derived once per version of the attempt).
    const std::vector<TranscriptLine>& transcript() const;

private:
    Attempt m_attempt;
    double m_shownAt = 0;
    mutable int m_transcriptVersion = -1;
    mutable std::vector<TranscriptLine> m_transcript;
};

/// A fresh replay file name under `dir` for a scenario (never an existing file).
std::filesystem::path newAttemptPath(const std::filesystem::path& dir,
                                     const std::string& scenarioId);

}  // namespace defuse::desktop
