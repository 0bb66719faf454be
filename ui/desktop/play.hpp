#pragma once
// One attempt in progress: the engine's Attempt, which keeps the whole run (turns, mood,
// transcript, score, its replay file), and the one thing only a window knows: when the
// answers on screen appeared, for the response timer.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "defuse/attempt.hpp"
#include "defuse/signature.hpp"

namespace defuse::desktop {

/// What the conversation shows while an attempt is played. Practice coaches; an assessment
/// shows the customer (face and words) and the clock, nothing that grades the answers. The
/// debrief shows all of it afterwards, in either mode.
struct ConversationHints {
    bool moodMeters = false;  ///< the mood meters (numbers, bars, changes) and the mood band
    bool moodChips = false;   ///< how each answer moved the mood, under the answer
    bool reasons = false;     ///< what moved the mood at the last answer (with order notes)
    bool coaching = false;    ///< the coaching note of the answer picked
};
ConversationHints hintsFor(Mode mode);

class Play {
public:
    Play(std::shared_ptr<const Scenario> scenario, const AttemptOptions& options);
    /// An attempt taken up again (resume.hpp), recording where it stopped.
    explicit Play(std::unique_ptr<Attempt> resumed);

    const Attempt& attempt() const { return *m_attempt; }
    /// Writes the replay to `file` now and after every turn (see attempt().saveState()).
    bool record(const std::filesystem::path& file, const std::string& trainee) {
        return m_attempt->record(file, trainee);
    }
    /// The signature made when the assessment ended (null: none was tried).
    const SignOutcome* signedAtEnd() const { return m_signed ? &*m_signed : nullptr; }
    void setSignedAtEnd(SignOutcome outcome) { m_signed = std::move(outcome); }
    /// The conversation calls this every frame the answers on offer are on screen: the
    /// response timer starts at the first such frame (not during the briefing, not while the
    /// customer's line is still coming in).
    void answersShown(double now) {
        if (!m_shownAt) m_shownAt = now;
    }
    /// True once the answers on offer have been on screen.
    bool answersOnScreen() const { return m_shownAt.has_value(); }
    /// Seconds since the answers on offer appeared (0 until they have).
    double elapsed(double now) const;
    /// Picks the shown answer `index` (0-based) at time `now`. False if not possible.
    bool choose(std::size_t index, double now);
    /// Takes back the last answer (practice only).
    bool rewind();
    /// True when a write of the replay failed after it had been saved: the run stops there,
    /// so no answer is played that the replay does not hold (the file keeps the last good
    /// copy). A run whose first write failed plays on unrecorded, as it always did.
    bool stopped() const {
        const SaveState& s = m_attempt->saveState();
        return s.recording && !s.saved && s.savedTurns >= 0;
    }
    /// The attempt's transcript (derived once per version of the attempt).
    const std::vector<TranscriptLine>& transcript() const;

private:
    std::unique_ptr<Attempt> m_attempt;
    std::optional<SignOutcome> m_signed;
    std::optional<double> m_shownAt;  ///< when the answers on offer appeared
    mutable int m_transcriptVersion = -1;
    mutable std::vector<TranscriptLine> m_transcript;
};

/// A fresh replay file name under `dir` for a scenario (never an existing file).
std::filesystem::path newAttemptPath(const std::filesystem::path& dir,
                                     const std::string& scenarioId);

}  // namespace defuse::desktop
