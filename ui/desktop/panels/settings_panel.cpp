// The settings window (a modal popup).
#include "panels/settings_panel.hpp"

#include <cstdio>

#include "widgets.hpp"

namespace defuse::desktop {

void SettingsPanel::draw(AppState& st) {
    const char* id = "##settings";
    if (st.settingsOpen && !m_wasOpen) {
        ImGui::OpenPopup(id);
        m_size = st.settings.textSize;
    }
    m_wasOpen = st.settingsOpen;
    const float fs = ImGui::GetFontSize();
    const ImVec2 center(ImGui::GetIO().DisplaySize.x * 0.5f, ImGui::GetIO().DisplaySize.y * 0.5f);
    ImGui::SetNextWindowPos(center, ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(fs * 28, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
    if (!ImGui::BeginPopupModal(id, nullptr,
                                ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize)) {
        ImGui::PopStyleVar();
        if (m_wasOpen) st.settingsOpen = m_wasOpen = false;  // closed with Escape
        return;
    }
    ui::title(st, st.t(Str::Settings));
    ImGui::Spacing();
    ui::heading(st, st.t(Str::Language));
    if (ImGui::RadioButton("English", st.lang() == Lang::En)) st.setLanguage(Lang::En);
    ImGui::SameLine();
    if (ImGui::RadioButton("中文", st.lang() == Lang::Zh)) st.setLanguage(Lang::Zh);
    ImGui::Spacing();
    ui::heading(st, st.t(Str::TextSize));
    ImGui::SetNextItemWidth(fs * 14);
    ImGui::SliderFloat("##size", &m_size, Settings::kMinTextSize, Settings::kMaxTextSize,
                       "%.0f px");
    if (ImGui::IsItemDeactivatedAfterEdit()) st.setTextSize(m_size);
    ImGui::Spacing();
    ui::heading(st, st.t(Str::ResponseTimer));
    bool timer = st.settings.timerInPractice;
    if (ImGui::Checkbox(st.t(Str::TimerInPractice), &timer)) st.setTimerInPractice(timer);
    ImGui::Spacing();
    ImGui::Separator();
    ui::textWrapped(st, format(st.t(Str::SavedTo), {st.settingsFile.string()}), theme::kMuted);
    if (st.fonts.haveCjk()) {
        char info[160];
        std::snprintf(info, sizeof info, " (%d glyphs, %zu KB atlas)", st.fonts.glyphCount(),
                      st.fonts.atlasBytes() / 1024);
        ui::textWrapped(st, format(st.t(Str::CjkFallback), {st.fonts.face().name}) + info,
                        theme::kMuted);
    } else {
        ui::textWrapped(st, st.t(Str::NoCjkFont), theme::kBad);
    }
    ImGui::Spacing();
    if (ui::primaryButton(st, st.t(Str::Close)) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false) || !st.settingsOpen) {
        st.settingsOpen = false;
        m_wasOpen = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
    ImGui::PopStyleVar();
}

}  // namespace defuse::desktop
