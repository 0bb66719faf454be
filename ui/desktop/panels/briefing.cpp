// The briefing screen.
#include "panels/briefing.hpp"

#include <cstring>
#include <functional>

#include "portrait.hpp"
#include "widgets.hpp"

namespace defuse::desktop {

void BriefingPanel::draw(AppState& st) {
    const LibraryEntry* e = st.selectedEntry();
    if (e == nullptr || !e->scenario) {
        st.screen = Screen::Library;
        return;
    }
    const Scenario& sc = *e->scenario;
    const std::string lang = st.langId();
    const float fs = ImGui::GetFontSize();
    const float leftW = std::min(fs * 19, ImGui::GetContentRegionAvail().x * 0.38f);

    ui::beginCard("customer", ImVec2(leftW, 0));
    drawCustomer(st, sc, leftW);
    ui::endCard();
    ImGui::SameLine();

    ImGui::BeginChild("brief", ImVec2(0, 0), false);
    ui::title(st, sc.title.get(lang));
    ImGui::Spacing();
    ui::heading(st, st.t(Str::Situation));
    ui::textWrapped(st, sc.briefing.get(lang));
    ImGui::Spacing();
    ui::heading(st, st.t(Str::WhoIsCustomer));
    std::string who = sc.customerName.get(lang);
    if (!sc.customer.name.empty()) who += (who.empty() ? "" : " · ") + sc.customer.name.get(lang);
    ImGui::PushFont(st.fonts.bold());
    ui::textWrapped(st, who);
    ImGui::PopFont();
    if (!sc.customer.description.empty()) ui::textWrapped(st, sc.customer.description.get(lang));
    if (!sc.goal.empty()) {
        ImGui::Spacing();
        ui::heading(st, st.t(Str::WhatGoodLooksLike));
        ui::textWrapped(st, sc.goal.get(lang));
    }
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
    drawStart(st, sc);
    ImGui::EndChild();
}

void BriefingPanel::drawCustomer(AppState& st, const Scenario& sc, float width) {
    const float fs = ImGui::GetFontSize();
    const std::string lang = st.langId();
    const Mood& m = sc.customer.start;
    const float pad = ImGui::GetStyle().WindowPadding.x;
    const float inner = width - 2 * pad;
    const float h = sc.channel == "phone" ? fs * 13 : fs * 11;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    PortraitLook look;
    look.anger = static_cast<float>(m.anger());
    look.trust = static_cast<float>(m.trust());
    look.variant = static_cast<unsigned>(std::hash<std::string>{}(sc.id));
    look.time = static_cast<float>(st.now);
    if (sc.channel == "phone") {
        const PhoneLayout pl = drawPhoneFrame(dl, p, ImVec2(p.x + inner, p.y + h), fs,
                                              theme::bandColor(bandOf(m)), 0, 0);
        look.headOnly = true;
        drawPortrait(dl, ImVec2(pl.avatar.x, pl.avatar.y + pl.radius * 0.05f), pl.radius * 0.62f,
                     look);
        const char* on = st.t(Str::OnCall);
        const ImVec2 os = ui::measure(st.fonts.regular(), on);
        dl->AddCircleFilled(
            ImVec2(p.x + (inner - os.x) * 0.5f - fs * 0.2f, pl.headerY + os.y * 0.5f), fs * 0.25f,
            theme::kPhoneGreen);
        ui::drawText(st, dl, st.fonts.regular(),
                     ImVec2(p.x + (inner - os.x) * 0.5f + fs * 0.4f, pl.headerY),
                     theme::rgba(190, 200, 210), on);
    } else {
        dl->AddRectFilled(p, ImVec2(p.x + inner, p.y + h), theme::kAccentSoft, fs * 0.5f);
        dl->PushClipRect(p, ImVec2(p.x + inner, p.y + h), true);
        drawPortrait(dl, ImVec2(p.x + inner * 0.5f, p.y + h * 0.42f), h * 0.26f, look);
        dl->PopClipRect();
    }
    ImGui::Dummy(ImVec2(inner, h));
    ImGui::PushFont(st.fonts.bold());
    ui::textWrapped(
        st, sc.customerName.empty() ? sc.customer.name.get(lang) : sc.customerName.get(lang));
    ImGui::PopFont();
    ui::textColored(st, theme::kMuted,
                    sc.channel == "phone" ? st.t(Str::Phone) : st.t(Str::InPerson));
    ImGui::SameLine();
    ui::stars(sc.difficulty, 5, fs * 0.8f, theme::rgba(240, 170, 30));
    ui::textColored(st, theme::kMuted,
                    sc.timeLimit > 0 ? format(st.t(Str::TimedFmt),
                                              {std::to_string(static_cast<int>(sc.timeLimit))})
                                     : std::string(st.t(Str::Untimed)));
    ImGui::Spacing();
    ui::heading(st, st.t(Str::StartMood));
    ui::meter(st, st.t(Str::Anger), static_cast<float>(m.anger()), theme::kAnger, inner, 0, 0);
    ui::meter(st, st.t(Str::Trust), static_cast<float>(m.trust()), theme::kTrust, inner, 0, 0);
    ui::meter(st, st.t(Str::Patience), static_cast<float>(m.patience()), theme::kPatience, inner, 0,
              0);
}

void BriefingPanel::drawStart(AppState& st, const Scenario& sc) {
    const float fs = ImGui::GetFontSize();
    if (!m_traineeLoaded) {
        std::strncpy(m_trainee.data(), st.settings.trainee.c_str(), m_trainee.size() - 1);
        m_traineeLoaded = true;
    }
    ui::text(st, st.t(Str::Mode));
    ImGui::SameLine();
    if (ImGui::RadioButton(st.t(Str::Practice), st.mode == Mode::Practice))
        st.mode = Mode::Practice;
    ImGui::SameLine();
    if (ImGui::RadioButton(st.t(Str::Assessment), st.mode == Mode::Assessment))
        st.mode = Mode::Assessment;
    ui::textWrapped(st, st.t(st.mode == Mode::Practice ? Str::PracticeHelp : Str::AssessmentHelp),
                    theme::kMuted);
    if (st.mode == Mode::Practice && sc.timeLimit > 0) {
        bool timer = st.settings.timerInPractice;
        if (ImGui::Checkbox(st.t(Str::ResponseTimer), &timer)) st.setTimerInPractice(timer);
    }
    if (st.mode == Mode::Assessment) {
        ui::text(st, st.t(Str::TraineeName));
        ImGui::SameLine();
        ImGui::SetNextItemWidth(fs * 14);
        st.want(m_trainee.data());
        if (ImGui::InputText("##trainee", m_trainee.data(), m_trainee.size()))
            st.settings.trainee = m_trainee.data();
        if (ImGui::IsItemDeactivatedAfterEdit()) st.saveSettingsNow();
    }
    ImGui::Spacing();
    if (ui::primaryButton(st, st.t(Str::Start))) st.startSession();
    ImGui::SameLine();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + fs * 0.05f);
    if (ImGui::Button(st.t(Str::Back))) st.screen = Screen::Library;
}

}  // namespace defuse::desktop
