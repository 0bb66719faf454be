// The unfinished-assessment dialog (a modal popup).
#include "panels/resume_dialog.hpp"

#include <algorithm>

#include "widgets.hpp"

namespace defuse::desktop {

namespace {

// The scenario's title in the library, else its id.
std::string scenarioTitle(Shell& sh, const TextCtx& tx, const std::string& id) {
    for (const LibraryEntry& e : sh.catalogue.library().entries())
        if (e.scenario && e.scenario->id == id) return tx.of(e.scenario->title);
    return id;
}

std::string shortTime(std::string at) {
    std::replace(at.begin(), at.end(), 'T', ' ');
    if (!at.empty() && at.back() == 'Z') at.pop_back();
    return at;
}

}  // namespace

void ResumeDialog::draw(Shell& sh) {
    ResumeOffer& offer = sh.resumeOffer;
    const char* id = "##unfinished";
    if (offer.open && !m_wasOpen) ImGui::OpenPopup(id);
    m_wasOpen = offer.open;
    if (!offer.open) return;
    const TextCtx tx = sh.ui.text();
    const float fs = ImGui::GetFontSize();
    const ImVec2 center(ImGui::GetIO().DisplaySize.x * 0.5f, ImGui::GetIO().DisplaySize.y * 0.5f);
    ImGui::SetNextWindowPos(center, ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(fs * 40, ImGui::GetIO().DisplaySize.x - fs * 2), 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
    if (!ImGui::BeginPopupModal(id, nullptr,
                                ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize)) {
        ImGui::PopStyleVar();
        return;
    }
    ui::title(tx, tx.t(Msg::UiResumeTitle));
    ui::textWrapped(tx, tx.t(Msg::UiResumeIntro), theme::kMuted);
    ImGui::Spacing();
    for (std::size_t i = 0; i < offer.runs.size(); ++i) {
        const UnfinishedRun& u = offer.runs[i];
        const Replay& r = *u.replay;
        const std::size_t n = r.turns.size();
        const std::string turns =
            n == 1 ? tx.t(Msg::ResumeOneTurn) : tx.tr(Msg::ResumeTurns, {std::to_string(n)});
        ImGui::PushID(static_cast<int>(i));
        ImGui::Separator();
        ImGui::PushFont(sh.ui.fonts.bold());
        ui::textWrapped(
            tx, tx.tr(Msg::UiResumeRun,
                      {r.trainee.empty() ? std::string(tx.t(Msg::NoTrainee)) : r.trainee,
                       scenarioTitle(sh, tx, r.scenarioId), turns, shortTime(u.lastSaved)}));
        ImGui::PopFont();
        ui::textColored(tx, theme::kMuted, u.path.string());
        bool acted = false;
        if (ui::primaryButton(tx, tx.t(Msg::UiResumeGo))) acted = resumeUnfinished(sh, i);
        ImGui::SameLine();
        if (!acted && ImGui::Button(tx.t(Msg::UiResumeAbandon))) acted = abandonUnfinished(sh, i);
        ImGui::PopID();
        if (acted) break;  // the list changed
    }
    ImGui::Separator();
    ImGui::Spacing();
    if (ImGui::Button(tx.t(Msg::UiResumeLater)) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false))
        decideLater(sh);
    if (!offer.open) {
        m_wasOpen = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
    ImGui::PopStyleVar();
}

}  // namespace defuse::desktop
