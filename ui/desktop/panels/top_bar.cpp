// The top bar.
#include "panels/top_bar.hpp"

#include "widgets.hpp"

namespace defuse::desktop {

void TopBar::draw(AppState& st) {
    const float fs = ImGui::GetFontSize();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    // A small speech-bubble mark before the name.
    dl->AddCircleFilled(ImVec2(p.x + fs * 0.8f, p.y + fs * 0.85f), fs * 0.8f, theme::kAccent, 24);
    dl->AddTriangleFilled(ImVec2(p.x + fs * 0.3f, p.y + fs * 1.3f),
                          ImVec2(p.x + fs * 0.1f, p.y + fs * 1.9f),
                          ImVec2(p.x + fs * 0.9f, p.y + fs * 1.5f), theme::kAccent);
    for (int i = 0; i < 3; ++i)
        dl->AddCircleFilled(
            ImVec2(p.x + fs * (0.45f + 0.35f * static_cast<float>(i)), p.y + fs * 0.85f),
            fs * 0.11f, theme::rgba(255, 255, 255));
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + fs * 2.0f);
    ImGui::PushFont(st.fonts.title());
    ui::textColored(st, theme::kAccent, "defuse");
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + fs * 0.35f);

    // The right side's width bounds what fits in the middle: the screen's actions, language,
    // settings.
    const ImGuiStyle& style = ImGui::GetStyle();
    auto btnW = [&](const char* s) {
        return ImGui::CalcTextSize(s).x + style.FramePadding.x * 2 + style.ItemSpacing.x;
    };
    float w = btnW("EN") + btnW("中文") + btnW(st.t(Str::Settings));
    const bool debrief = st.screen == Screen::Debrief;
    if (debrief) w += btnW(st.t(Str::PlayAgain)) + btnW(st.t(Str::ToLibrary)) + fs;
    const float rightX = ImGui::GetWindowContentRegionMax().x - w;
    const bool wide =
        ImGui::GetCursorPosX() + ImGui::CalcTextSize(st.t(Str::Tagline)).x + fs * 16 < rightX;
    if (wide)
        ui::textColored(st, theme::kMuted, st.t(Str::Tagline));
    else
        ImGui::Dummy(ImVec2(0, fs));

    // Where you are, with a way back.
    ImGui::SameLine(0, wide ? fs * 2 : 0);
    if (st.screen != Screen::Library &&
        ImGui::GetCursorPosX() + btnW(st.t(Str::Library)) < rightX) {
        if (ImGui::SmallButton(st.t(Str::Library))) {
            if (st.screen == Screen::Briefing)
                st.screen = Screen::Library;
            else
                st.backToLibrary();
        }
        if (const LibraryEntry* e = st.selectedEntry(); e != nullptr && e->scenario) {
            ImGui::SameLine();
            const float room = rightX - ImGui::GetCursorPosX() - fs;
            ui::textFitted(st, theme::kMuted, "\u203A  " + e->scenario->title.get(st.langId()),
                           room);
        }
    }

    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - w);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - fs * 0.35f);
    if (debrief) {
        if (ImGui::Button(st.t(Str::PlayAgain))) st.startSession();
        ImGui::SameLine();
        if (ImGui::Button(st.t(Str::ToLibrary))) st.backToLibrary();
        ImGui::SameLine(0, style.ItemSpacing.x + fs);
    }
    auto langButton = [&](const char* label, Lang l) {
        const bool on = st.lang() == l;
        if (on)
            ImGui::PushStyleColor(ImGuiCol_Button, theme::kAccentSoft);
        else
            ImGui::PushStyleColor(ImGuiCol_Button, theme::rgba(0, 0, 0, 0));
        ImGui::PushStyleColor(ImGuiCol_Text, on ? theme::kAccent : theme::kMuted);
        if (ImGui::Button(label)) st.setLanguage(l);
        ImGui::PopStyleColor(2);
    };
    langButton("EN", Lang::En);
    ImGui::SameLine();
    langButton("中文", Lang::Zh);
    ImGui::SameLine();
    if (ImGui::Button(st.t(Str::Settings))) st.settingsOpen = true;
    ImGui::Separator();
}

}  // namespace defuse::desktop
