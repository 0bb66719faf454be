// The actions the panels (and the drive mode) call.
#include "app_state.hpp"

#include <algorithm>
#include <chrono>
#include <random>

#include "defuse/loader.hpp"
#include "defuse/paths.hpp"
#include "defuse/scoring.hpp"
#include "defuse/tags.hpp"

namespace defuse::desktop {

namespace {

void wantText(Fonts& f, const Text& t, FontRole role = FontRole::Regular) {
    f.want(t.any, role);
    for (const auto& [lang, s] : t.byLang) f.want(s, role);
}

}  // namespace

AppState::AppState(GuiOptions opts) : options(std::move(opts)) {
    settingsFile = settingsPath();
    settings = loadSettings(settingsFile);
    if (!options.lang.empty()) settings.lang = langFromCode(options.lang);
    // Everything the UI can say goes into the regular and bold fonts before the first frame;
    // anything else shown later is added as it appears (see Fonts::want).
    for (std::string_view s : allUiStrings()) fonts.want(s, FontRole::Bold);
    for (Str title : {Str::LibraryTitle, Str::Settings})
        for (Lang l : {Lang::En, Lang::Zh}) fonts.want(tr(title, l), FontRole::Title);
    fonts.want("defuse", FontRole::Title);
    for (const char* l : {"en", "zh"}) {
        for (const TagInfo& tag : allTags()) want(tagLabel(tag.id, l));
        for (int c = 0; c < kCompetencyCount; ++c)
            want(competencyLabel(static_cast<Competency>(c), l));
        for (int s = 0; s < kStepCount; ++s) want(stepLabel(static_cast<Step>(s), l));
        for (int c = 0; c < kComponentCount; ++c)
            fonts.want(componentLabel(static_cast<Component>(c), l), FontRole::Bold);
        for (auto k :
             {EndingKind::Resolved, EndingKind::Partial, EndingKind::Escalated, EndingKind::Lost})
            want(endingKindLabel(k, l));
    }
}

void AppState::wantScenario(const Scenario& sc) {
    wantText(fonts, sc.title, FontRole::Title);
    wantText(fonts, sc.title, FontRole::Bold);
    for (const Text* t : {&sc.customerName, &sc.customer.name}) wantText(fonts, *t, FontRole::Bold);
    for (const Text* t : {&sc.briefing, &sc.goal, &sc.customer.description}) wantText(fonts, *t);
    for (const Node& n : sc.nodes) {
        wantText(fonts, n.say);
        for (const LineVariant& v : n.variants) wantText(fonts, v.say);
        for (const Answer& a : n.answers) {
            wantText(fonts, a.text);
            wantText(fonts, a.note);
        }
    }
    for (const Ending& e : sc.endings) {
        wantText(fonts, e.title, FontRole::Title);
        wantText(fonts, e.say);
    }
    for (const OrderRule& r : sc.customer.orderRules) wantText(fonts, r.note);
}

void AppState::addFolderEntries(const std::filesystem::path& dir, bool bundled) {
    std::error_code ec;
    if (!std::filesystem::is_directory(dir, ec)) {
        LibraryEntry e;
        e.file = dir;
        e.folder = dir;
        e.bundled = bundled;
        Diagnostic d;
        d.file = dir.string();
        d.message = format(tr(Str::FolderNotFound, Lang::En), {dir.string()});
        e.diagnostics.push_back(d);
        library.push_back(std::move(e));
        return;
    }
    for (CheckedFile& f : defuse::loadLibrary(dir)) {
        LibraryEntry e;
        e.file = f.path;
        e.scenario = f.scenario;
        e.diagnostics = std::move(f.diagnostics);
        e.folder = dir;
        e.bundled = bundled;
        if (e.scenario) wantScenario(*e.scenario);
        for (const Diagnostic& d : e.diagnostics) want(d.format());
        library.push_back(std::move(e));
    }
}

void AppState::loadLibrary() {
    library.clear();
    selected = -1;
    folders.clear();
    folders.push_back(bundledScenarioDir());
    for (const auto& d : options.extraDirs) folders.push_back(d);
    for (std::size_t i = 0; i < folders.size(); ++i) {
        try {
            addFolderEntries(folders[i], i == 0);
        } catch (const std::exception& ex) {
            showToast(folders[i].string() + ": " + ex.what(), true);
        }
    }
}

bool AppState::openFolder(const std::filesystem::path& dir) {
    std::error_code ec;
    if (dir.empty() || !std::filesystem::is_directory(dir, ec)) {
        showToast(format(t(Str::FolderNotFound), {dir.string()}), true);
        return false;
    }
    const std::size_t before = library.size();
    try {
        addFolderEntries(dir, false);
    } catch (const std::exception& ex) {
        showToast(dir.string() + ": " + ex.what(), true);
        return false;
    }
    options.extraDirs.push_back(dir);
    folders.push_back(dir);
    const std::size_t added = library.size() - before;
    if (added == 0)
        showToast(format(t(Str::NoScenarios), {dir.string()}), true);
    else
        showToast(format(t(Str::FolderAdded), {std::to_string(added), dir.string()}));
    return true;
}

void AppState::loadHistory() {
    try {
        history.load(attemptsDir(), scenarios(), folders);
    } catch (const std::exception& ex) {
        showToast(attemptsDir().string() + ": " + ex.what(), true);
    }
}

std::vector<std::shared_ptr<const Scenario>> AppState::scenarios() const {
    std::vector<std::shared_ptr<const Scenario>> out;
    for (const LibraryEntry& e : library)
        if (e.scenario) out.push_back(e.scenario);
    return out;
}

const LibraryEntry* AppState::selectedEntry() const {
    if (selected < 0 || selected >= static_cast<int>(library.size())) return nullptr;
    return &library[static_cast<std::size_t>(selected)];
}

void AppState::selectScenario(int index) {
    if (index < 0 || index >= static_cast<int>(library.size())) return;
    if (!library[static_cast<std::size_t>(index)].scenario) return;
    selected = index;
    screen = Screen::Briefing;
}

void AppState::startSession() {
    const LibraryEntry* e = selectedEntry();
    if (e == nullptr || !e->scenario) return;
    SessionOptions so;
    so.seed = options.seed ? *options.seed : std::random_device{}();
    so.mode = mode;
    so.lang = langId();
    so.timed = mode == Mode::Assessment || settings.timerInPractice;
    try {
        play = std::make_unique<Play>(
            e->scenario, so, newAttemptPath(attemptsDir(), e->scenario->id), settings.trainee, now);
        m_recorded = false;
        ++playSerial;
        screen = Screen::Conversation;
    } catch (const std::exception& ex) {
        play.reset();
        showToast(ex.what(), true);
    }
}

void AppState::chooseAnswer(std::size_t shownIndex) {
    if (!play || screen != Screen::Conversation) return;
    if (!play->choose(shownIndex, now)) return;
    if (!play->saveError().empty())
        showToast(format(t(Str::SaveError), {play->saveError()}), true, 8.0);
    if (play->session().finished()) recordAttempt();
}

void AppState::rewind() {
    if (!play || mode != Mode::Practice) return;
    const bool wasFinished = play->session().finished();
    if (!play->rewind(now)) return;
    if (wasFinished && m_recorded) {
        Attempt a;
        a.file = play->replayFile();
        a.scenarioId = play->session().scenario().id;
        a.started = play->started();
        a.mode = mode;
        history.add(a);  // no longer finished: it no longer counts as a best
        m_recorded = false;
    }
    screen = Screen::Conversation;
}

void AppState::recordAttempt() {
    const ScoreReport* rep = play->report(langId());
    if (rep == nullptr) return;
    Attempt a;
    a.file = play->replayFile();
    a.scenarioId = play->session().scenario().id;
    a.started = play->started();
    a.total = rep->total;
    a.grade = rep->grade;
    a.ending = rep->endingId;
    a.kind = rep->endingKind;
    a.finished = true;
    a.mode = mode;
    history.add(a);
    m_recorded = true;
}

void AppState::showDebrief() {
    if (play && play->session().finished()) screen = Screen::Debrief;
}

void AppState::backToLibrary() {
    play.reset();
    screen = Screen::Library;
}

void AppState::setLanguage(Lang l) {
    if (settings.lang == l) return;
    settings.lang = l;
    saveSettingsNow();
}

void AppState::setTextSize(float size) {
    settings.textSize = std::clamp(size, Settings::kMinTextSize, Settings::kMaxTextSize);
    fontsNeedRebuild = true;
    saveSettingsNow();
}

void AppState::setTimerInPractice(bool on) {
    settings.timerInPractice = on;
    saveSettingsNow();
}

void AppState::saveSettingsNow() {
    if (!options.drive.empty() || options.bench) return;  // scripted runs leave settings alone
    std::string error;
    if (!saveSettings(settingsFile, settings, &error))
        showToast(format(t(Str::SettingsError), {error}), true, 8.0);
}

void AppState::showToast(std::string text, bool error, double seconds) {
    want(text);
    toast.text = std::move(text);
    toast.error = error;
    toast.until = now + seconds;
}

}  // namespace defuse::desktop
