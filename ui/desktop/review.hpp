#pragma once
// A replay opened for review: the engine's Replay re-played and re-scored against its
// scenario (never a stored score), the turn the viewer is at, and the what-if asked for.
// The what-if is searched on a worker thread so a frame never waits for it.
#include <array>
#include <filesystem>
#include <future>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "defuse/library.hpp"
#include "defuse/notes.hpp"
#include "defuse/replay.hpp"
#include "defuse/signature.hpp"
#include "defuse/text.hpp"
#include "defuse/what_if.hpp"

namespace defuse::desktop {

/// True when `file` reads as a replay (its `defuse_replay:` key), not a scenario: a dropped
/// replay opens in the viewer, a dropped scenario's folder joins the library.
bool looksLikeReplay(const std::filesystem::path& file);

/// What the replay's signature (`REPLAY.sig`) says. Checked with the trusted public key set in
/// the settings when there is one (OtherKey: signed, but not with it), else with the key the
/// signature names, whose fingerprint the viewer shows so the assessor can tell whose it is.
struct SignatureState {
    enum class Kind { None, Valid, Changed, Bad, OtherKey };
    Kind kind = Kind::None;
    std::string key;               ///< the fingerprint of the key that signed
    std::string at;                ///< when it was signed
    std::vector<Message> changes;  ///< Changed: what no longer matches
    std::string trustedKey;        ///< the trusted key's fingerprint ("" = none was set)
    Message trustedKeyError;       ///< the trusted key set cannot be read (then not used)
};

/// The assessor's notes as they are being written in the viewer (loaded from the replay when
/// the editor opens; saved through the engine's annotateReplay).
struct NotesDraft {
    bool open = false;
    int turn = 0;  ///< the 1-based turn `turnNote` is about
    std::array<char, 2048> turnNote{};
    std::array<char, 2048> runNote{};
    OverrideMark mark = OverrideMark::None;
    std::array<char, 512> reason{};
};

/// What the viewer shows of a replay.
enum class ReviewView { Turns, Score };

class Review {
public:
    /// Reads `file` and re-plays it: against the library's scenario when it is loaded at the
    /// recorded version, else as the engine's rescore finds it (the library's folders).
    /// Null when the replay cannot be read or re-played; `diagnostics` says why. A scenario
    /// that changed since the run is a warning in `diagnostics()`.
    /// `trustedKey`: the public key file signatures are checked with ("" = the one each names).
    static std::unique_ptr<Review> open(const std::filesystem::path& file, const Library& library,
                                        std::vector<Diagnostic>& diagnostics,
                                        const std::filesystem::path& trustedKey = {});
    ~Review();

    const std::filesystem::path& file() const { return m_file; }
    const Replay& replay() const { return m_replay; }
    const Scenario& scenario() const { return *m_rescored.scenario; }
    /// The run re-played against the scenario.
    const Attempt& attempt() const { return *m_rescored.attempt; }
    const ScoreReport& report() const { return m_rescored.report; }
    /// What re-playing said (a scenario changed since the run, shown answers that differ).
    const std::vector<Diagnostic>& diagnostics() const { return m_rescored.diagnostics; }
    /// The replay's signature, checked when it was opened.
    const SignatureState& signature() const { return m_signature; }
    /// The assessor's note on a turn (1-based; 0 = the whole run), or null.
    const AssessorNote* note(int turn) const { return noteOn(m_replay.notes, turn); }
    /// The notes editor's draft.
    NotesDraft& draft() { return m_draft; }
    /// Loads the draft from the replay's notes, for the turn shown, and opens the editor.
    void openDraft();
    /// Set after notes were saved into a signed replay that was not signed again.
    bool resignNeeded() const { return m_resignNeeded; }
    void setResignNeeded(bool on) { m_resignNeeded = on; }
    /// True when the scenario's content differs from the version the run was played against.
    bool scenarioChanged() const;
    std::size_t turnCount() const { return attempt().turns().size(); }

    /// What the customer said at a turn (0-based), in `lang`.
    const std::string& customerLine(std::size_t turn, Lang lang) const;
    /// The better answer the score names at a turn (0-based), or null.
    const BetterAnswer* better(std::size_t turn) const;

    // [SECTION] Where the viewer is
    /// The 0-based turn shown.
    std::size_t turn() const { return m_turn; }
    void setTurn(std::size_t turn);
    ReviewView view() const { return m_view; }
    void setView(ReviewView view) { m_view = view; }

    // [SECTION] What if
    /// Asks for the continuation of `answer` at the turn shown (searched in the background).
    /// Asking for the answer the run picked gives the range the run still had there.
    void askWhatIf(const std::string& answer);
    /// Drops the what-if.
    void clearWhatIf();
    /// The answer asked about at the turn shown ("" when none).
    const std::string& whatIfAnswer() const { return m_askedAnswer; }
    /// True while the search runs.
    bool whatIfPending() const { return m_pending.valid(); }
    /// Takes the finished search, if any (call once per frame). True when one arrived.
    bool poll();
    /// Waits for the search (the harness, the tests).
    void wait();
    /// The what-if for the turn shown, once searched.
    const WhatIf* whatIf() const { return m_whatIf ? &*m_whatIf : nullptr; }

private:
    Review() = default;

    std::filesystem::path m_file;
    Replay m_replay;
    Rescored m_rescored;
    SignatureState m_signature;
    NotesDraft m_draft;
    bool m_resignNeeded = false;
    std::vector<std::array<std::string, 2>> m_lines;  ///< per turn, en and zh
    std::size_t m_turn = 0;
    ReviewView m_view = ReviewView::Turns;
    std::string m_askedAnswer;
    std::future<WhatIf> m_pending;
    std::vector<std::future<WhatIf>> m_dropped;  ///< searches no longer wanted, still running
    std::optional<WhatIf> m_whatIf;
};

}  // namespace defuse::desktop
