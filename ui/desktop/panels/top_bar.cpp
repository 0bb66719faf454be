// The top bar.
#include "panels/top_bar.hpp"

#include "widgets.hpp"

namespace defuse::desktop {

void TopBar::draw(Shell& sh) {
    const TextCtx tx = sh.ui.text();
    Navigator& nav = sh.nav;
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
    ImGui::PushFont(sh.ui.fonts.title());
    ui::textColored(tx, theme::kAccent, "defuse");
    ImGui::PopFont();
    ImGui::SameLine();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + fs * 0.35f);

    // The right side's width bounds what fits in the middle: the screen's actions, language,
    // settings.
    const ImGuiStyle& style = ImGui::GetStyle();
    auto btnW = [&](const char* s) {
        return ImGui::CalcTextSize(s).x + style.FramePadding.x * 2 + style.ItemSpacing.x;
    };
    float w = btnW("EN") + btnW("中文") + btnW(tx.t(Msg::UiReplays)) + btnW(tx.t(Msg::UiSettings)) +
              btnW(tx.t(Msg::DashButton));
    const bool debrief = nav.screen() == Screen::Debrief;
    if (debrief) w += btnW(tx.t(Msg::UiPlayAgain)) + btnW(tx.t(Msg::UiToLibrary)) + fs;
    const float rightX = ImGui::GetWindowContentRegionMax().x - w;
    const bool wide =
        ImGui::GetCursorPosX() + ImGui::CalcTextSize(tx.t(Msg::UiTagline)).x + fs * 16 < rightX;
    if (wide)
        ui::textColored(tx, theme::kMuted, tx.t(Msg::UiTagline));
    else
        ImGui::Dummy(ImVec2(0, fs));

    // Where you are, with a way back.
    ImGui::SameLine(0, wide ? fs * 2 : 0);
    if (nav.screen() != Screen::Library &&
        ImGui::GetCursorPosX() + btnW(tx.t(Msg::UiLibrary)) < rightX) {
        if (ImGui::SmallButton(tx.t(Msg::UiLibrary))) nav.toLibrary();
        if (const auto& sc = nav.scenario()) {
            ImGui::SameLine();
            const float room = rightX - ImGui::GetCursorPosX() - fs;
            ui::textFitted(tx, theme::kMuted, "\u203A  " + tx.of(sc->title), room);
        }
    }

    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - w);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() - fs * 0.35f);
    if (debrief) {
        if (ImGui::Button(tx.t(Msg::UiPlayAgain)) && nav.play() != nullptr)
            sh.start(nav.play()->attempt().mode());
        ImGui::SameLine();
        if (ImGui::Button(tx.t(Msg::UiToLibrary))) nav.toLibrary();
        ImGui::SameLine(0, style.ItemSpacing.x + fs);
    }
    auto langButton = [&](const char* label, Lang l) {
        const bool on = sh.ui.lang() == l;
        if (on)
            ImGui::PushStyleColor(ImGuiCol_Button, theme::kAccentSoft);
        else
            ImGui::PushStyleColor(ImGuiCol_Button, theme::rgba(0, 0, 0, 0));
        ImGui::PushStyleColor(ImGuiCol_Text, on ? theme::kAccent : theme::kMuted);
        if (ImGui::Button(label)) sh.ui.setLanguage(l);
        ImGui::PopStyleColor(2);
    };
    langButton("EN", Lang::En);
    ImGui::SameLine();
    langButton("中文", Lang::Zh);
    ImGui::SameLine();
    if (ImGui::Button(tx.t(Msg::DashButton))) sh.board.shown() ? sh.board.hide() : sh.board.show();
    ImGui::SameLine();
    if (ImGui::Button(tx.t(Msg::UiReplays))) {
        sh.board.hide();
        nav.toReview();
    }
    ImGui::SameLine();
    if (ImGui::Button(tx.t(Msg::UiSettings))) nav.openSettings();
    ImGui::Separator();
}

}  // namespace defuse::desktop
