// Settings, the font atlas's wanted characters, toasts.
#include "services.hpp"

#include <algorithm>

#include "defuse/scoring_model.hpp"
#include "theme.hpp"

namespace defuse::desktop {

namespace {

void wantText(Fonts& f, const Text& t, FontRole role = FontRole::Regular) {
    f.want(t.any, role);
    for (const auto& [lang, s] : t.byLang) f.want(s, role);
}

}  // namespace

Services::Services(const std::string& lang, bool keepSettingsFile)
    : m_settingsFile(settingsPath()), m_keepSettingsFile(keepSettingsFile) {
    m_settings = loadSettings(m_settingsFile);
    if (!lang.empty()) m_settings.lang = langFromCode(lang);
}

void Services::setLanguage(Lang lang) {
    if (m_settings.lang == lang) return;
    m_settings.lang = lang;
    saveSettings();
}

void Services::setTextSize(float size) {
    m_settings.textSize = std::clamp(size, Settings::kMinTextSize, Settings::kMaxTextSize);
    m_rebuild = true;
    saveSettings();
}

void Services::setTimerInPractice(bool on) {
    m_settings.timerInPractice = on;
    saveSettings();
}

void Services::setKeys(std::string assessorKey, std::string trustedKey) {
    m_settings.assessorKey = std::move(assessorKey);
    m_settings.trustedKey = std::move(trustedKey);
    saveSettings();
}

void Services::saveSettings() {
    if (m_keepSettingsFile) return;
    std::string error;
    if (!defuse::desktop::saveSettings(m_settingsFile, m_settings, &error))
        showToast(tr(lang(), Msg::UiSettingsError, {error}), true, 8.0);
}

void Services::wantUiWords() {
    // Everything the UI says goes into the regular and bold fonts before the first frame;
    // anything else shown later is added as it appears (see Fonts::want).
    for (Lang l : kAllLangs) {
        for (Msg id : desktopRows()) fonts.want(templateOf(id, l), FontRole::Bold);
        for (Msg id : resultRows()) fonts.want(templateOf(id, l));
        for (Msg id : {Msg::ModePractice, Msg::ModeAssessment}) fonts.want(templateOf(id, l));
        for (int c = 0; c < kComponentCount; ++c)
            fonts.want(templateOf(componentMsg(static_cast<Component>(c)), l), FontRole::Bold);
        fonts.want(templateOf(Msg::CompPenalty, l), FontRole::Bold);
        for (Msg title : {Msg::UiLibraryTitle, Msg::UiSettings})
            fonts.want(templateOf(title, l), FontRole::Title);
    }
    fonts.want("defuse", FontRole::Title);
}

void Services::wantScenario(const Scenario& sc) {
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

void Services::rebuildFonts() {
    fonts.build(m_settings.textSize);
    theme::apply(m_settings.textSize);
    m_rebuild = false;
}

void Services::showToast(std::string text, bool error, double seconds) {
    fonts.want(text);
    m_toast.text = std::move(text);
    m_toast.error = error;
    m_toast.until = now() + seconds;
}

}  // namespace defuse::desktop
