#pragma once
// The author view (the trainer's workbench): a scenario file as the engine's graph, an
// inspector, its diagnostics, "Test from here" with a state watch, and live reload: the file
// and its folder's archetypes are watched; a good edit reloads and re-plays the test run, a
// broken one keeps the last good version and shows the diagnostics.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "defuse/attempt.hpp"
#include "defuse/diagnostic.hpp"
#include "defuse/graph.hpp"
#include "defuse/message.hpp"

namespace defuse::desktop {

struct Shell;

class AuthorView {
public:
    explicit AuthorView(std::filesystem::path file);

    /// Checks the files (at most every 0.2 s) and reloads when they changed.
    void poll(double now, Lang lang);
    /// Loads the file now.
    void reload(Lang lang);

    const std::filesystem::path& file() const { return m_file; }
    std::shared_ptr<const Scenario> scenario() const { return m_scenario; }
    const GraphLayout& layout() const { return m_layout; }
    const std::vector<Diagnostic>& diagnostics() const { return m_diagnostics; }
    /// The file on disk has errors: the last good version is shown.
    bool broken() const { return m_broken; }
    int reloads() const { return m_reloads; }
    int bestScore() const { return m_best; }
    /// False when the analysis hit its state bound: best and worst were found, not proven.
    bool analysisExact() const { return m_exact; }
    int worstScore() const { return m_worst; }

    // The graph's view.
    int selected = -1;  ///< index into layout().nodes
    float zoom = 1.0f;
    float panX = 0, panY = 0;
    /// The node a diagnostic is about (the last node starting at or before its line).
    int nodeOf(const Diagnostic& d) const;

    // "Test from here".
    Mood testMood;
    /// Starts a practice run at `node` with `testMood`.
    bool testFrom(const std::string& node, Lang lang);
    Attempt* practice() { return m_practice ? &*m_practice : nullptr; }
    void stopPractice() { m_practice.reset(); }
    /// What the last reload did to the test run ("" when nothing to say).
    const std::string& practiceNote() const { return m_practiceNote; }

private:
    std::string signature() const;
    void replayPractice(Lang lang);

    std::filesystem::path m_file;
    std::shared_ptr<const Scenario> m_scenario;
    GraphLayout m_layout;
    std::vector<Diagnostic> m_diagnostics;
    bool m_broken = false;
    int m_reloads = 0;
    int m_best = -1, m_worst = -1;
    bool m_exact = true;
    std::string m_signature;
    double m_nextPoll = 0;
    std::optional<Attempt> m_practice;
    std::string m_practiceNote;
};

/// `defuse gui --author FILE [--live-edits DIR]`, as given.
struct AuthorArgs {
    std::string file, edits;
};
AuthorArgs& authorArgs();
/// Adds --author and --live-edits to `defuse gui`.
void addAuthorOptions(CLI::App* gui);

/// The author view `defuse gui --author FILE` opened (nullptr: none).
AuthorView* authorView();
void openAuthorView(const std::filesystem::path& file);

/// Draws the author view when one is open (the whole window); false when none is.
bool drawAuthorView(Shell& sh);

}  // namespace defuse::desktop
