// The replay viewer's notes editor: the assessor's note on the turn shown and on the whole
// run, and an override mark with its reason, saved through the engine (assessor.hpp).
#include "assessor.hpp"
#include "panels/review.hpp"
#include "widgets.hpp"

namespace defuse::desktop {

void ReviewPanel::drawNotesEditor(Shell& sh, Review& r) {
    NotesDraft& d = r.draft();
    const char* id = "##notes";
    if (d.open && !m_notesOpen) ImGui::OpenPopup(id);
    m_notesOpen = d.open;
    if (!d.open) return;
    const TextCtx tx = sh.ui.text();
    const float fs = ImGui::GetFontSize();
    const ImVec2 center(ImGui::GetIO().DisplaySize.x * 0.5f, ImGui::GetIO().DisplaySize.y * 0.5f);
    ImGui::SetNextWindowPos(center, ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSize(ImVec2(std::min(fs * 36, ImGui::GetIO().DisplaySize.x - fs * 2), 0));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 1.0f);
    if (!ImGui::BeginPopupModal(id, nullptr,
                                ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize)) {
        ImGui::PopStyleVar();
        d.open = m_notesOpen = false;
        return;
    }
    ui::title(tx, tx.t(Msg::UiEditNotes));
    ui::textColored(tx, theme::kMuted, r.file().string());
    ImGui::Spacing();
    auto field = [&](const std::string& label, char* buf, std::size_t size, float lines) {
        ui::heading(tx, label);
        tx.want(buf);
        ImGui::PushID(label.c_str());
        ImGui::InputTextMultiline("##text", buf, size, ImVec2(-1, fs * lines));
        ImGui::PopID();
    };
    field(tx.tr(Msg::UiNoteOnTurn, {std::to_string(d.turn)}), d.turnNote.data(), d.turnNote.size(),
          4.0f);
    field(tx.t(Msg::UiNoteOnRun), d.runNote.data(), d.runNote.size(), 4.0f);
    ui::heading(tx, tx.t(Msg::UiMarkHeading));
    int mark = static_cast<int>(d.mark);
    ImGui::RadioButton(tx.t(Msg::UiMarkNone), &mark, static_cast<int>(OverrideMark::None));
    ImGui::SameLine();
    ImGui::RadioButton(tx.t(Msg::UiMarkPassLabel), &mark, static_cast<int>(OverrideMark::Pass));
    ImGui::SameLine();
    ImGui::RadioButton(tx.t(Msg::UiMarkFailLabel), &mark, static_cast<int>(OverrideMark::Fail));
    d.mark = static_cast<OverrideMark>(mark);
    ImGui::BeginDisabled(d.mark == OverrideMark::None);
    ImGui::SetNextItemWidth(-1);
    tx.want(d.reason.data());
    ImGui::InputTextWithHint("##reason", tx.t(Msg::UiMarkReason), d.reason.data(), d.reason.size());
    ImGui::EndDisabled();
    ImGui::Spacing();
    bool close = false;
    if (ui::primaryButton(tx, tx.t(Msg::UiSaveNotes))) close = saveNotes(sh);
    ImGui::SameLine();
    if (ImGui::Button(tx.t(Msg::UiClose)) ||
        ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false))
        close = true;
    if (close) {
        // saveNotes reopened the replay: `r` may be gone, and the new one has no draft open.
        if (Review* now = sh.nav.review()) now->draft().open = false;
        m_notesOpen = false;
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
    ImGui::PopStyleVar();
}

}  // namespace defuse::desktop
