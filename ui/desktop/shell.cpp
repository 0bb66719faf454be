// The actions that touch more than one part of the shell.
#include "shell.hpp"

#include <algorithm>
#include <random>

#include "defuse/paths.hpp"
#include "defuse/store/local.hpp"

namespace defuse::desktop {

Shell::Shell(GuiOptions opts) : options(std::move(opts)), ui(options.lang, options.scripted) {
    ui.wantUiWords();
    voice.setSilent(options.scripted);  // the drive and the bench never make a sound
    catalogue.setFolders(bundledScenarioDir(), options.extraDirs);
    board.setSource(options.store);
}

void Shell::loadLibrary() {
    std::vector<std::string> errors;
    catalogue.load(&errors);
    for (std::string& e : errors) ui.showToast(std::move(e), true);
    for (const LibraryEntry& e : catalogue.library().entries())
        if (e.scenario) ui.wantScenario(*e.scenario);
}

bool Shell::openFolder(const std::filesystem::path& dir) {
    const Lang lang = ui.lang();
    std::size_t added = 0;
    try {
        if (!catalogue.addFolder(dir, &added)) {
            ui.showToast(tr(lang, Msg::UiFolderNotFound, {dir.string()}), true);
            return false;
        }
    } catch (const std::exception& ex) {
        ui.showToast(dir.string() + ": " + ex.what(), true);
        return false;
    }
    const auto& entries = catalogue.library().entries();
    for (std::size_t i = entries.size() - added; i < entries.size(); ++i)
        if (entries[i].scenario) ui.wantScenario(*entries[i].scenario);
    if (added == 0)
        ui.showToast(tr(lang, Msg::UiNoScenarios, {dir.string()}), true);
    else
        ui.showToast(tr(lang, Msg::UiFolderAdded, {std::to_string(added), dir.string()}));
    return true;
}

void Shell::loadHistory() {
    try {
        catalogue.loadHistory();
        if (const std::string& why = catalogue.history().storeProblem(); !why.empty())
            ui.showToast(tr(ui.lang(), Msg::StoreFallback, {why}), true, 8.0);
    } catch (const std::exception& ex) {
        ui.showToast(attemptsDir().string() + ": " + ex.what(), true);
    }
    findUnfinishedRuns(*this);  // once: an assessment left unfinished is offered
}

bool Shell::start(Mode mode) {
    const std::shared_ptr<const Scenario> sc = nav.scenario();
    if (!sc) return false;
    AttemptOptions o;
    o.seed = options.seed ? *options.seed : std::random_device{}();
    o.mode = mode;
    o.lang = std::string(langCode(ui.lang()));
    o.timed = mode == Mode::Assessment || ui.settings().timerInPractice;
    try {
        auto play = std::make_unique<Play>(sc, o);
        if (!play->record(newAttemptPath(attemptsDir(), sc->id), ui.settings().trainee))
            ui.showToast(tr(ui.lang(), Msg::UiSaveError, {play->attempt().saveState().error}), true,
                         8.0);
        nav.begin(std::move(play));
        return true;
    } catch (const std::exception& ex) {
        ui.showToast(ex.what(), true);
        return false;
    }
}

void Shell::choose(std::size_t index) {
    Play* play = nav.play();
    if (play == nullptr || nav.screen() != Screen::Conversation) return;
    if (play->choose(index, ui.now())) afterTurn();
}

void Shell::rewind() {
    Play* play = nav.play();
    if (play == nullptr || nav.screen() != Screen::Conversation) return;
    if (play->rewind()) afterTurn();
}

bool Shell::openReplay(const std::filesystem::path& file) {
    std::vector<Diagnostic> diagnostics;
    std::unique_ptr<Review> review;
    try {
        review = Review::open(file, catalogue.library(), diagnostics, ui.settings().trustedKey);
    } catch (const std::exception& ex) {
        ui.showToast(file.string() + ": " + ex.what(), true, 8.0);
        return false;
    }
    if (!review) {
        const auto err =
            std::find_if(diagnostics.begin(), diagnostics.end(),
                         [](const Diagnostic& d) { return d.severity == Severity::Error; });
        ui.showToast(err != diagnostics.end()
                         ? err->format(ui.lang())
                         : tr(ui.lang(), Msg::UiReplayNotOpened, {file.string()}),
                     true, 8.0);
        return false;
    }
    ui.wantScenario(review->scenario());
    nav.toReview(std::move(review));
    return true;
}

void Shell::afterTurn() {
    const Attempt& a = nav.play()->attempt();
    const SaveState& save = a.saveState();
    if (nav.play()->stopped())  // the conversation stops; the answers give way to why
        ui.showToast(tr(ui.lang(), Msg::ErrCannotSave,
                        {save.error, save.path.string(), std::to_string(save.savedTurns)}),
                     true, 30.0);
    else if (save.recording && !save.saved)
        ui.showToast(tr(ui.lang(), Msg::UiSaveError, {save.error}), true, 8.0);
    catalogue.history().track(a);
    // A finished run joins the results store as it is saved (store/).
    if (a.finished() && save.recording && save.saved) {
        std::string why;
        if (!store::indexSaved(save.path, ui.lang(), why)) ui.showToast(why, true, 8.0);
    }
    signAtEnd(*this);  // an assessment that ended, when an assessor key is set
}

}  // namespace defuse::desktop
