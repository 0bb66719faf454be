// The library screen.
#include "panels/library.hpp"

#include <functional>
#include <string>
#include <vector>

#include "defuse/diagnostic.hpp"
#include "portrait.hpp"
#include "widgets.hpp"

namespace defuse::desktop {

namespace {

std::string languagesLabel(const Scenario& sc) {
    std::string out;
    for (const std::string& l : sc.languages) {
        if (!out.empty()) out += " / ";
        out += l == "zh" ? "中文" : l == "en" ? "EN" : l;
    }
    return out;
}

std::string whoLine(const Scenario& sc, const std::string& lang) {
    std::string who = sc.customerName.get(lang);
    const std::string type = sc.customer.name.get(lang);
    if (!type.empty()) who += who.empty() ? type : " · " + type;
    return who;
}

}  // namespace

void LibraryPanel::drawFolderRow(AppState& st, float inputWidth) {
    ImGui::SetNextItemWidth(inputWidth);
    st.want(m_folder.data());
    const bool enter =
        ImGui::InputTextWithHint("##folder", st.t(Str::FolderHint), m_folder.data(),
                                 m_folder.size(), ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if ((ImGui::Button(st.t(Str::Add)) || enter) && m_folder[0] != '\0') {
        if (st.openFolder(std::filesystem::path(m_folder.data()))) m_folder[0] = '\0';
        st.loadHistory();
    }
    ImGui::SameLine();
    if (ImGui::Button(st.t(Str::Reload))) {
        st.loadLibrary();
        st.loadHistory();
    }
}

void LibraryPanel::draw(AppState& st) {
    int loaded = 0;
    for (const LibraryEntry& e : st.library) loaded += e.scenario ? 1 : 0;
    const float fs = ImGui::GetFontSize();

    // The title, and the folder row beside it when there is room (else under it).
    const ImGuiStyle& style = ImGui::GetStyle();
    const std::string count = format(st.t(Str::ScenarioCount), {std::to_string(loaded)});
    const float buttonsW = ImGui::CalcTextSize(st.t(Str::Add)).x +
                           ImGui::CalcTextSize(st.t(Str::Reload)).x + style.FramePadding.x * 4 +
                           style.ItemSpacing.x * 2;
    const float titleW = std::max(ui::measure(st.fonts.title(), st.t(Str::LibraryTitle)).x,
                                  ImGui::CalcTextSize(count.c_str()).x);
    const float full = ImGui::GetContentRegionAvail().x;
    float inputW = std::min(fs * 20, full - buttonsW);
    const bool beside = titleW + fs * 2 + inputW + buttonsW <= full;
    if (!beside) inputW = std::max(fs * 4, full - buttonsW);
    ImGui::BeginGroup();
    ui::title(st, st.t(Str::LibraryTitle));
    ui::textColored(st, theme::kMuted, count);
    ImGui::EndGroup();
    if (beside) {
        ImGui::SameLine();
        ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - inputW - buttonsW);
    }
    ImGui::BeginGroup();
    ui::textColored(st, theme::kMuted, st.t(Str::OpenFolder));
    drawFolderRow(st, inputW);
    ImGui::EndGroup();
    ImGui::Spacing();

    ImGui::BeginChild("cards", ImVec2(0, 0), false);
    const float avail = ImGui::GetContentRegionAvail().x;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const int cols = std::max(1, static_cast<int>((avail + spacing) / (fs * 22)));
    const float cardW = (avail - spacing * static_cast<float>(cols - 1)) / static_cast<float>(cols);
    const float cardH = fs * 8.0f;
    std::vector<int> shown;
    for (int i = 0; i < static_cast<int>(st.library.size()); ++i)
        if (st.library[static_cast<std::size_t>(i)].scenario) shown.push_back(i);
    int hovered = -1;
    for (std::size_t row = 0; row < shown.size(); row += static_cast<std::size_t>(cols)) {
        const std::size_t end = std::min(shown.size(), row + static_cast<std::size_t>(cols));
        float h = cardH;  // every card of a row as tall as the tallest
        for (std::size_t k = row; k < end; ++k) h = std::max(h, cardHeight(st, shown[k], cardW));
        for (std::size_t k = row; k < end; ++k) {
            if (k > row) ImGui::SameLine();
            drawCard(st, shown[k], cardW, h);
            if (ImGui::IsItemHovered()) hovered = shown[k];
        }
    }
    if (m_hovered != hovered) st.animate();  // redraw once more with the new highlight
    m_hovered = hovered;
    if (loaded == 0 && !st.folders.empty())
        ui::textWrapped(st, format(st.t(Str::NoScenarios), {st.folders.front().string()}),
                        theme::kBad);
    drawFailed(st);
    ImGui::EndChild();
}

float LibraryPanel::cardHeight(AppState& st, int index, float width) const {
    const Scenario& sc = *st.library[static_cast<std::size_t>(index)].scenario;
    const std::string lang = st.langId();
    const ImGuiStyle& style = ImGui::GetStyle();
    const float fs = ImGui::GetFontSize();
    const float faceR = fs * 1.9f;
    const float textX = faceR * 2.5f + style.WindowPadding.x;
    const float wrap = width - style.WindowPadding.x - textX;
    // ImGui lines are FontSize tall: title, who, the difficulty row; then the pills and the best
    // score.
    const float right = ui::measure(st.fonts.bold(), sc.title.get(lang), wrap).y +
                        ui::measure(st.fonts.regular(), whoLine(sc, lang), wrap).y + fs +
                        2 * style.ItemSpacing.y;
    const float top = std::max(faceR * 2.5f, right);
    return style.WindowPadding.y * 2 + top + style.ItemSpacing.y * 2 + fs * 1.3f + fs;
}

void LibraryPanel::drawCard(AppState& st, int index, float width, float height) {
    const LibraryEntry& e = st.library[static_cast<std::size_t>(index)];
    const Scenario& sc = *e.scenario;
    const std::string lang = st.langId();
    const float fs = ImGui::GetFontSize();
    ImGui::PushID(index);
    ui::beginCard("card", ImVec2(width, height),
                  m_hovered == index ? theme::kCardHover : theme::kCard,
                  ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float faceR = fs * 1.9f;
    PortraitLook look;
    look.anger = static_cast<float>(sc.customer.start.anger());
    look.trust = static_cast<float>(sc.customer.start.trust());
    look.variant = static_cast<unsigned>(std::hash<std::string>{}(sc.id));
    look.headOnly = true;
    const ImVec2 faceC(origin.x + faceR * 1.05f, origin.y + faceR * 1.25f);
    dl->AddCircleFilled(faceC, faceR * 1.18f,
                        sc.channel == "phone" ? theme::kPhoneDark : theme::kAccentSoft, 40);
    look.time = 0;
    drawPortrait(dl, ImVec2(faceC.x, faceC.y + faceR * 0.05f), faceR * 0.62f, look);
    const float textX = faceR * 2.5f + ImGui::GetStyle().WindowPadding.x;

    ImGui::SetCursorPosX(textX);
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(width - ImGui::GetStyle().WindowPadding.x);
    ImGui::PushFont(st.fonts.bold());
    ui::text(st, sc.title.get(lang));
    ImGui::PopFont();
    ui::textColored(st, theme::kMuted, whoLine(sc, lang));
    ImGui::PopTextWrapPos();
    ui::textColored(st, theme::kMuted, st.t(Str::Difficulty));
    ImGui::SameLine();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + fs * 0.15f);
    ui::stars(sc.difficulty, 5, fs * 0.8f, theme::rgba(240, 170, 30));
    ImGui::EndGroup();

    ImGui::SetCursorPosY(
        std::max(ImGui::GetCursorPosY(), faceR * 2.5f + ImGui::GetStyle().WindowPadding.y));
    ui::pill(st, sc.channel == "phone" ? st.t(Str::Phone) : st.t(Str::InPerson),
             sc.channel == "phone" ? theme::kPhoneDark : theme::kAccentSoft,
             sc.channel == "phone" ? theme::rgba(255, 255, 255) : theme::kAccent);
    ui::pill(st, languagesLabel(sc), theme::rgba(236, 232, 225), theme::kText, true);
    ui::pill(st, format(st.t(Str::TurnsFmt), {std::to_string(sc.shortestTurns())}),
             theme::rgba(236, 232, 225), theme::kText, true);
    if (sc.timeLimit > 0)
        ui::pill(st, format(st.t(Str::TimedFmt), {std::to_string(static_cast<int>(sc.timeLimit))}),
                 theme::rgba(253, 235, 208), theme::kWarn, true);

    const Attempt* best = st.history.best(sc.id);
    const std::size_t tries = st.history.of(sc.id).size();
    if (best != nullptr) {
        ui::pill(
            st,
            std::string(st.t(Str::Best)) + "  " + std::to_string(best->total) + "  " + best->grade,
            theme::scoreColor(best->total / 100.0), theme::rgba(255, 255, 255));
        ImGui::SameLine();
        ui::textColored(st, theme::kMuted, format(st.t(Str::AttemptsFmt), {std::to_string(tries)}));
    } else if (!st.history.loaded()) {
        ui::textColored(st, theme::kMuted, st.t(Str::LoadingHistory));
    } else {
        ui::textColored(st, theme::kMuted, st.t(Str::NotTried));
    }
    const int warnings = countOf(e.diagnostics, Severity::Warning);
    if (warnings > 0) {
        ui::pill(st, format(st.t(Str::WarningsFmt), {std::to_string(warnings)}),
                 theme::rgba(253, 235, 208), theme::kWarn, true);
        if (ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            for (const Diagnostic& d : e.diagnostics) ui::text(st, d.format());
            ImGui::EndTooltip();
        }
    }
    ui::endCard();
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    if (ImGui::IsItemHovered() && ImGui::IsMouseReleased(ImGuiMouseButton_Left))
        st.selectScenario(index);
    ImGui::PopID();
}

void LibraryPanel::drawFailed(AppState& st) {
    // Earlier attempts whose replay could not be read or re-played.
    const auto& problems = st.history.problems();
    if (!problems.empty()) {
        ImGui::Spacing();
        ui::heading(st, format(st.t(Str::UnreadableAttempts), {std::to_string(problems.size())}));
        for (const std::string& p : problems) ui::textWrapped(st, p, theme::kWarn);
    }
    int failed = 0;
    for (const LibraryEntry& e : st.library) failed += e.scenario ? 0 : 1;
    if (failed == 0) return;
    ImGui::Spacing();
    ui::heading(st, format(st.t(Str::FailedFiles), {std::to_string(failed)}));
    for (const LibraryEntry& e : st.library) {
        if (e.scenario) continue;
        ImGui::PushFont(st.fonts.bold());
        ui::textWrapped(st, e.file.string(), theme::kBad);
        ImGui::PopFont();
        ImGui::Indent();
        for (const Diagnostic& d : e.diagnostics)
            ui::textWrapped(st, d.format(),
                            d.severity == Severity::Error ? theme::kBad : theme::kWarn);
        if (e.diagnostics.empty()) ui::textWrapped(st, st.t(Str::Error), theme::kBad);
        ImGui::Unindent();
    }
}

}  // namespace defuse::desktop
