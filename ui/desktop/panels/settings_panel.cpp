// The settings window (a modal popup).
#include "panels/settings_panel.hpp"

#include <cstdio>

#include "widgets.hpp"

namespace defuse::desktop {

void SettingsPanel::draw(Shell& sh) {
    Services& svc = sh.ui;
    const TextCtx tx = svc.text();
    const char* id = "##settings";
    if (sh.nav.settingsOpen() && !m_wasOpen) {
        ImGui::OpenPopup(id);
        m_size = svc.settings().textSize;
        std::snprintf(m_assessorKey.data(), m_assessorKey.size(), "%s",
                      svc.settings().assessorKey.c_str());
        std::snprintf(m_trustedKey.data(), m_trustedKey.size(), "%s",
                      svc.settings().trustedKey.c_str());
    }
    m_wasOpen = sh.nav.settingsOpen();
    const float fs = ImGui::GetFontSize();
    const ImVec2 center(ImGui::GetIO().DisplaySize.x * 0.5f, ImGui::GetIO().DisplaySize.y * 0.5f);
    ImGui::SetNextWindowPos(center, ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(fs * 28, 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
    if (!ImGui::BeginPopupModal(id, nullptr,
                                ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize)) {
        ImGui::PopStyleVar();
        if (m_wasOpen) {  // closed with Escape
            sh.nav.closeSettings();
            m_wasOpen = false;
        }
        return;
    }
    ui::title(tx, tx.t(Msg::UiSettings));
    ImGui::Spacing();
    ui::heading(tx, tx.t(Msg::UiLanguage));
    if (ImGui::RadioButton("English", svc.lang() == Lang::En)) svc.setLanguage(Lang::En);
    ImGui::SameLine();
    if (ImGui::RadioButton("中文", svc.lang() == Lang::Zh)) svc.setLanguage(Lang::Zh);
    ImGui::Spacing();
    ui::heading(tx, tx.t(Msg::UiTextSize));
    ImGui::SetNextItemWidth(fs * 14);
    ImGui::SliderFloat("##size", &m_size, Settings::kMinTextSize, Settings::kMaxTextSize,
                       "%.0f px");
    if (ImGui::IsItemDeactivatedAfterEdit()) svc.setTextSize(m_size);
    ImGui::Spacing();
    ui::heading(tx, tx.t(Msg::UiResponseTimer));
    bool timer = svc.settings().timerInPractice;
    if (ImGui::Checkbox(tx.t(Msg::UiTimerInPractice), &timer)) svc.setTimerInPractice(timer);
    ImGui::Spacing();
    // The assessor's keys: saved when a field is left after an edit.
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(fs * 0.4f, fs * 0.25f));
    for (auto [label, buf] : {std::pair{Msg::UiAssessorKey, &m_assessorKey},
                              std::pair{Msg::UiTrustedKey, &m_trustedKey}}) {
        ui::heading(tx, tx.t(label));
        ImGui::PushID(static_cast<int>(label));
        ImGui::SetNextItemWidth(-1);
        tx.want(buf->data());
        ImGui::InputTextWithHint("##key", tx.t(Msg::UiKeyFileHint), buf->data(), buf->size());
        if (ImGui::IsItemDeactivatedAfterEdit())
            svc.setKeys(m_assessorKey.data(), m_trustedKey.data());
        ImGui::PopID();
    }
    ImGui::PopStyleVar();
    ImGui::Spacing();
    ImGui::Separator();
    ui::textWrapped(tx, tx.tr(Msg::UiSavedTo, {svc.settingsFile().string()}), theme::kMuted);
    if (svc.fonts.haveCjk()) {
        char info[160];
        std::snprintf(info, sizeof info, " (%d glyphs, %zu KB atlas)", svc.fonts.glyphCount(),
                      svc.fonts.atlasBytes() / 1024);
        ui::textWrapped(tx, tx.tr(Msg::UiCjkFont, {svc.fonts.face().name}) + info, theme::kMuted);
    } else {
        ui::textWrapped(tx, tx.t(Msg::UiNoCjkFont), theme::kBad);
    }
    ImGui::Spacing();
    if (ui::primaryButton(tx, tx.t(Msg::UiClose)) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false) || !sh.nav.settingsOpen()) {
        sh.nav.closeSettings();
        m_wasOpen = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
    ImGui::PopStyleVar();
}

}  // namespace defuse::desktop
