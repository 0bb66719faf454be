// The briefing screen.
#include "panels/briefing.hpp"

#include <cstring>
#include <functional>

#include "portrait.hpp"
#include "widgets.hpp"

namespace defuse::desktop {

void BriefingPanel::draw(Shell& sh) {
    const std::shared_ptr<const Scenario> scenario = sh.nav.scenario();  // kept while drawn
    if (!scenario) return;
    const Scenario& sc = *scenario;
    const TextCtx tx = sh.ui.text();
    const float fs = ImGui::GetFontSize();
    const float leftW = std::min(fs * 19, ImGui::GetContentRegionAvail().x * 0.38f);

    ui::beginCard("customer", ImVec2(leftW, 0));
    drawCustomer(sh, sc, leftW);
    ui::endCard();
    ImGui::SameLine();

    ImGui::BeginChild("brief", ImVec2(0, 0), false);
    ui::title(tx, tx.of(sc.title));
    ImGui::Spacing();
    ui::heading(tx, tx.t(Msg::UiSituation));
    ui::textWrapped(tx, tx.of(sc.briefing));
    ImGui::Spacing();
    ui::heading(tx, tx.t(Msg::UiWhoIsCustomer));
    ImGui::PushFont(sh.ui.fonts.bold());
    ui::textWrapped(tx, customerWho(tx, sc));
    ImGui::PopFont();
    if (!sc.customer.description.empty()) ui::textWrapped(tx, tx.of(sc.customer.description));
    if (!sc.goal.empty()) {
        ImGui::Spacing();
        ui::heading(tx, tx.t(Msg::UiWhatGoodLooksLike));
        ui::textWrapped(tx, tx.of(sc.goal));
    }
    ImGui::Spacing();
    ImGui::Separator();
    ImGui::Spacing();
    drawStart(sh, sc);
    ImGui::EndChild();
}

void BriefingPanel::drawCustomer(Shell& sh, const Scenario& sc, float width) {
    const TextCtx tx = sh.ui.text();
    const float fs = ImGui::GetFontSize();
    const Mood& m = sc.customer.start;
    const float pad = ImGui::GetStyle().WindowPadding.x;
    const float inner = width - 2 * pad;
    const float h = sc.channel == "phone" ? fs * 13 : fs * 11;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    PortraitLook look = portraitFor(sc);
    look.time = static_cast<float>(sh.ui.now());
    if (sc.channel == "phone") {
        const PhoneLayout pl = drawPhoneFrame(dl, p, ImVec2(p.x + inner, p.y + h), fs,
                                              theme::bandColor(bandOf(m)), 0, 0);
        look.headOnly = true;
        drawPortrait(dl, ImVec2(pl.avatar.x, pl.avatar.y + pl.radius * 0.05f), pl.radius * 0.62f,
                     look);
        const char* on = tx.t(Msg::UiOnCall);
        const ImVec2 os = ui::measure(sh.ui.fonts.regular(), on);
        dl->AddCircleFilled(
            ImVec2(p.x + (inner - os.x) * 0.5f - fs * 0.2f, pl.headerY + os.y * 0.5f), fs * 0.25f,
            theme::kPhoneGreen);
        ui::drawText(tx, dl, sh.ui.fonts.regular(),
                     ImVec2(p.x + (inner - os.x) * 0.5f + fs * 0.4f, pl.headerY),
                     theme::rgba(190, 200, 210), on);
    } else {
        dl->AddRectFilled(p, ImVec2(p.x + inner, p.y + h), theme::kAccentSoft, fs * 0.5f);
        dl->PushClipRect(p, ImVec2(p.x + inner, p.y + h), true);
        drawPortrait(dl, ImVec2(p.x + inner * 0.5f, p.y + h * 0.42f), h * 0.26f, look);
        dl->PopClipRect();
    }
    ImGui::Dummy(ImVec2(inner, h));
    ImGui::PushFont(sh.ui.fonts.bold());
    ui::textWrapped(tx, tx(sc.displayName()));
    ImGui::PopFont();
    ui::textColored(tx, theme::kMuted,
                    sc.channel == "phone" ? tx.t(Msg::UiPhone) : tx.t(Msg::UiInPerson));
    ImGui::SameLine();
    ui::stars(sc.difficulty, 5, fs * 0.8f, theme::rgba(240, 170, 30));
    ui::textColored(tx, theme::kMuted,
                    sc.timeLimit > 0 ? tx.tr(Msg::UiTimedReading,
                                             {std::to_string(static_cast<int>(sc.timeLimit))})
                                     : std::string(tx.t(Msg::UiUntimed)));
    ImGui::Spacing();
    ui::heading(tx, tx.t(Msg::UiStartMood));
    ui::meter(tx, tx.label(Msg::DimAnger), static_cast<float>(m.anger()), theme::kAnger, inner, 0,
              0);
    ui::meter(tx, tx.label(Msg::DimTrust), static_cast<float>(m.trust()), theme::kTrust, inner, 0,
              0);
    ui::meter(tx, tx.label(Msg::DimPatience), static_cast<float>(m.patience()), theme::kPatience,
              inner, 0, 0);
}

void BriefingPanel::drawStart(Shell& sh, const Scenario& sc) {
    const TextCtx tx = sh.ui.text();
    Navigator& nav = sh.nav;
    const float fs = ImGui::GetFontSize();
    if (!m_traineeLoaded) {
        std::strncpy(m_trainee.data(), sh.ui.settings().trainee.c_str(), m_trainee.size() - 1);
        m_traineeLoaded = true;
    }
    const Mode mode = nav.briefingMode();
    ui::text(tx, tx.t(Msg::UiMode));
    ImGui::SameLine();
    const std::string practice = tx.label(Msg::ModePractice);
    const std::string assessment = tx.label(Msg::ModeAssessment);
    if (ImGui::RadioButton(practice.c_str(), mode == Mode::Practice))
        nav.setBriefingMode(Mode::Practice);
    ImGui::SameLine();
    if (ImGui::RadioButton(assessment.c_str(), mode == Mode::Assessment))
        nav.setBriefingMode(Mode::Assessment);
    ui::textWrapped(tx, tx.t(mode == Mode::Practice ? Msg::UiPracticeHelp : Msg::UiAssessmentHelp),
                    theme::kMuted);
    if (mode == Mode::Assessment)
        ui::textWrapped(tx, tx.t(Msg::UiAssessmentHelpMore), theme::kMuted);
    if (mode == Mode::Practice && sc.timeLimit > 0) {
        bool timer = sh.ui.settings().timerInPractice;
        if (ImGui::Checkbox(tx.t(Msg::UiResponseTimer), &timer)) sh.ui.setTimerInPractice(timer);
    }
    if (mode == Mode::Assessment) {
        ui::text(tx, tx.t(Msg::UiTrainee));
        ImGui::SameLine();
        ImGui::SetNextItemWidth(fs * 14);
        tx.want(m_trainee.data());
        if (ImGui::InputText("##trainee", m_trainee.data(), m_trainee.size()))
            sh.ui.setTrainee(m_trainee.data());
        if (ImGui::IsItemDeactivatedAfterEdit()) sh.ui.saveSettings();
    }
    ImGui::Spacing();
    if (ui::primaryButton(tx, tx.t(Msg::UiStart))) sh.start(nav.briefingMode());
    ImGui::SameLine();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + fs * 0.05f);
    if (ImGui::Button(tx.t(Msg::UiBack))) nav.toLibrary();
}

}  // namespace defuse::desktop
