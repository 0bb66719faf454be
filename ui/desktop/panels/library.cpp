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

/// How many rows `widths` take laid out left to right in `avail` pixels, and for each item
/// whether it goes on the row of the one before.
int wrapRows(const std::vector<float>& widths, float avail, float spacing,
             std::vector<bool>* sameLine = nullptr) {
    int rows = 0;
    float x = 0;
    for (std::size_t i = 0; i < widths.size(); ++i) {
        const bool same = i > 0 && x + spacing + widths[i] <= avail;
        if (sameLine != nullptr) sameLine->push_back(same);
        if (same) {
            x += spacing + widths[i];
        } else {
            ++rows;
            x = widths[i];
        }
    }
    return rows;
}

/// The best results and the count of attempts, as they go on a card.
struct BestRow {
    std::vector<BestLabel> labels;
    std::string note;  ///< the attempts, "Not tried yet" or "Reading earlier attempts..."
    std::vector<float> widths;
};

BestRow bestRow(const TextCtx& tx, const History& history, const std::string& id) {
    BestRow row;
    row.labels = bestLabels(tx, history, id);
    const std::size_t tries = history.of(id).size();
    if (!row.labels.empty())
        row.note = tx.tr(Msg::UiAttempts, {std::to_string(tries)});
    else
        row.note = tx.t(!history.loaded() ? Msg::UiLoadingHistory : Msg::UiNotTried);
    const float fs = ImGui::GetFontSize();
    for (const BestLabel& l : row.labels)
        row.widths.push_back(ImGui::CalcTextSize(l.text.c_str()).x + fs);
    row.widths.push_back(ImGui::CalcTextSize(row.note.c_str()).x);
    return row;
}

}  // namespace

std::vector<BestLabel> bestLabels(const TextCtx& tx, const History& history,
                                  const std::string& scenarioId) {
    std::vector<BestLabel> out;
    for (Mode mode : {Mode::Assessment, Mode::Practice}) {
        const PastAttempt* best = history.best(scenarioId, mode);
        if (best == nullptr) continue;
        std::string text = std::string(tx.t(mode == Mode::Assessment ? Msg::UiBestAssessment
                                                                     : Msg::UiBestPractice)) +
                           "  " + std::to_string(best->total) + "  " + best->grade;
        if (best->rewinds > 0)
            text += "  \u00B7  " + (best->rewinds == 1
                                        ? std::string(tx.t(Msg::UiRewindOne))
                                        : tx.tr(Msg::UiRewinds, {std::to_string(best->rewinds)}));
        out.push_back({std::move(text), best->total});
    }
    return out;
}

void LibraryPanel::drawFolderRow(Shell& sh, float inputWidth) {
    const TextCtx tx = sh.ui.text();
    ImGui::SetNextItemWidth(inputWidth);
    tx.want(m_folder.data());
    const bool enter =
        ImGui::InputTextWithHint("##folder", tx.t(Msg::UiFolderHint), m_folder.data(),
                                 m_folder.size(), ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if ((ImGui::Button(tx.t(Msg::UiAdd)) || enter) && m_folder[0] != '\0') {
        if (sh.openFolder(std::filesystem::path(m_folder.data()))) m_folder[0] = '\0';
        sh.loadHistory();
    }
    ImGui::SameLine();
    if (ImGui::Button(tx.t(Msg::UiReload))) {
        sh.loadLibrary();
        sh.loadHistory();
    }
}

void LibraryPanel::draw(Shell& sh) {
    const TextCtx tx = sh.ui.text();
    const auto& entries = sh.catalogue.library().entries();
    int loaded = 0;
    for (const LibraryEntry& e : entries) loaded += e.scenario ? 1 : 0;
    const float fs = ImGui::GetFontSize();

    // The title, and the folder row beside it when there is room (else under it).
    const ImGuiStyle& style = ImGui::GetStyle();
    const std::string count = tx.tr(Msg::UiScenarioCount, {std::to_string(loaded)});
    const float buttonsW = ImGui::CalcTextSize(tx.t(Msg::UiAdd)).x +
                           ImGui::CalcTextSize(tx.t(Msg::UiReload)).x + style.FramePadding.x * 4 +
                           style.ItemSpacing.x * 2;
    const float titleW = std::max(ui::measure(sh.ui.fonts.title(), tx.t(Msg::UiLibraryTitle)).x,
                                  ImGui::CalcTextSize(count.c_str()).x);
    const float full = ImGui::GetContentRegionAvail().x;
    float inputW = std::min(fs * 20, full - buttonsW);
    const bool beside = titleW + fs * 2 + inputW + buttonsW <= full;
    if (!beside) inputW = std::max(fs * 4, full - buttonsW);
    ImGui::BeginGroup();
    ui::title(tx, tx.t(Msg::UiLibraryTitle));
    ui::textColored(tx, theme::kMuted, count);
    ImGui::EndGroup();
    if (beside) {
        ImGui::SameLine();
        ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x - inputW - buttonsW);
    }
    ImGui::BeginGroup();
    ui::textColored(tx, theme::kMuted, tx.t(Msg::UiOpenFolder));
    drawFolderRow(sh, inputW);
    ImGui::EndGroup();
    ImGui::Spacing();

    ImGui::BeginChild("cards", ImVec2(0, 0), false);
    const float avail = ImGui::GetContentRegionAvail().x;
    const float spacing = ImGui::GetStyle().ItemSpacing.x;
    const int cols = std::max(1, static_cast<int>((avail + spacing) / (fs * 22)));
    const float cardW = (avail - spacing * static_cast<float>(cols - 1)) / static_cast<float>(cols);
    const float cardH = fs * 8.0f;
    std::vector<int> shown;
    for (int i = 0; i < static_cast<int>(entries.size()); ++i)
        if (entries[static_cast<std::size_t>(i)].scenario) shown.push_back(i);
    int hovered = -1;
    for (std::size_t row = 0; row < shown.size(); row += static_cast<std::size_t>(cols)) {
        const std::size_t end = std::min(shown.size(), row + static_cast<std::size_t>(cols));
        float h = cardH;  // every card of a row as tall as the tallest
        for (std::size_t k = row; k < end; ++k) h = std::max(h, cardHeight(sh, shown[k], cardW));
        for (std::size_t k = row; k < end; ++k) {
            if (k > row) ImGui::SameLine();
            drawCard(sh, shown[k], cardW, h);
            if (ImGui::IsItemHovered()) hovered = shown[k];
        }
    }
    if (m_hovered != hovered) sh.ui.frames.animate();  // redraw once more with the new highlight
    m_hovered = hovered;
    if (loaded == 0 && !sh.catalogue.folders().empty())
        ui::textWrapped(tx, tx.tr(Msg::UiNoScenarios, {sh.catalogue.folders().front().string()}),
                        theme::kBad);
    drawFailed(sh);
    ImGui::EndChild();
}

float LibraryPanel::cardHeight(Shell& sh, int index, float width) const {
    const TextCtx tx = sh.ui.text();
    const Scenario& sc =
        *sh.catalogue.library().entries()[static_cast<std::size_t>(index)].scenario;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float fs = ImGui::GetFontSize();
    const float faceR = fs * 1.9f;
    const float textX = faceR * 2.5f + style.WindowPadding.x;
    const float wrap = width - style.WindowPadding.x - textX;
    // ImGui lines are FontSize tall: title, who, the difficulty row; then the pills and the best
    // score.
    const float right = ui::measure(sh.ui.fonts.bold(), tx.of(sc.title), wrap).y +
                        ui::measure(sh.ui.fonts.regular(), customerWho(tx, sc), wrap).y + fs +
                        2 * style.ItemSpacing.y;
    const float top = std::max(faceR * 2.5f, right);
    // The best results wrap onto as many rows as they need.
    const BestRow best = bestRow(tx, sh.catalogue.history(), sc.id);
    const int rows = wrapRows(best.widths, width - style.WindowPadding.x * 2, style.ItemSpacing.x);
    return style.WindowPadding.y * 2 + top + style.ItemSpacing.y * 2 + fs * 1.3f +
           static_cast<float>(rows) * (fs * 1.3f + style.ItemSpacing.y);
}

void LibraryPanel::drawCard(Shell& sh, int index, float width, float height) {
    const TextCtx tx = sh.ui.text();
    const LibraryEntry& e = sh.catalogue.library().entries()[static_cast<std::size_t>(index)];
    const Scenario& sc = *e.scenario;
    const History& history = sh.catalogue.history();
    const float fs = ImGui::GetFontSize();
    ImGui::PushID(index);
    ui::beginCard("card", ImVec2(width, height),
                  m_hovered == index ? theme::kCardHover : theme::kCard,
                  ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const float faceR = fs * 1.9f;
    PortraitLook look = portraitFor(sc);
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
    ImGui::PushFont(sh.ui.fonts.bold());
    ui::text(tx, tx.of(sc.title));
    ImGui::PopFont();
    ui::textColored(tx, theme::kMuted, customerWho(tx, sc));
    ImGui::PopTextWrapPos();
    ui::textColored(tx, theme::kMuted, tx.t(Msg::UiDifficulty));
    ImGui::SameLine();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + fs * 0.15f);
    ui::stars(sc.difficulty, 5, fs * 0.8f, theme::rgba(240, 170, 30));
    ImGui::EndGroup();

    ImGui::SetCursorPosY(
        std::max(ImGui::GetCursorPosY(), faceR * 2.5f + ImGui::GetStyle().WindowPadding.y));
    ui::pill(tx, sc.channel == "phone" ? tx.t(Msg::UiPhone) : tx.t(Msg::UiInPerson),
             sc.channel == "phone" ? theme::kPhoneDark : theme::kAccentSoft,
             sc.channel == "phone" ? theme::rgba(255, 255, 255) : theme::kAccent);
    ui::pill(tx, languagesLabel(sc), theme::rgba(236, 232, 225), theme::kText, true);
    ui::pill(tx, tx.tr(Msg::UiMinTurns, {std::to_string(sc.shortestTurns())}),
             theme::rgba(236, 232, 225), theme::kText, true);
    if (sc.timeLimit > 0)
        ui::pill(tx, tx.tr(Msg::UiTimed, {std::to_string(static_cast<int>(sc.timeLimit))}),
                 theme::rgba(253, 235, 208), theme::kWarn, true);

    // Practice and assessment bests side by side, never one over both.
    const BestRow best = bestRow(tx, history, sc.id);
    std::vector<bool> sameLine;
    wrapRows(best.widths, ImGui::GetContentRegionAvail().x, ImGui::GetStyle().ItemSpacing.x,
             &sameLine);
    for (std::size_t i = 0; i < best.labels.size(); ++i)
        ui::pill(tx, best.labels[i].text, theme::scoreColor(best.labels[i].total / 100.0),
                 theme::rgba(255, 255, 255), sameLine[i]);
    if (sameLine.back()) {
        ImGui::SameLine();
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + fs * 0.15f);
    }
    ui::textColored(tx, theme::kMuted, best.note);
    const int warnings = countOf(e.diagnostics, Severity::Warning);
    if (warnings > 0) {
        ui::pill(tx, tx.tr(Msg::UiWarnings, {std::to_string(warnings)}), theme::rgba(253, 235, 208),
                 theme::kWarn, true);
        if (ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            for (const Diagnostic& d : e.diagnostics) ui::text(tx, d.format(tx.lang));
            ImGui::EndTooltip();
        }
    }
    ui::endCard();
    if (ImGui::IsItemHovered()) ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
    if (ImGui::IsItemHovered() && ImGui::IsMouseReleased(ImGuiMouseButton_Left))
        sh.nav.toBriefing(e.scenario);
    ImGui::PopID();
}

void LibraryPanel::drawFailed(Shell& sh) {
    const TextCtx tx = sh.ui.text();
    // Earlier attempts whose replay could not be read or re-played.
    const auto& problems = sh.catalogue.history().problems();
    if (!problems.empty()) {
        ImGui::Spacing();
        ui::heading(tx, tx.tr(Msg::UiUnreadableAttempts, {std::to_string(problems.size())}));
        for (const Diagnostic& d : problems) ui::textWrapped(tx, d.format(tx.lang), theme::kWarn);
    }
    const auto& entries = sh.catalogue.library().entries();
    const auto& missing = sh.catalogue.missing();
    std::size_t failed = missing.size();
    for (const LibraryEntry& e : entries) failed += e.scenario ? 0 : 1;
    if (failed == 0) return;
    ImGui::Spacing();
    ui::heading(tx, tx.tr(Msg::UiFailedFiles, {std::to_string(failed)}));
    for (const std::filesystem::path& dir : missing)
        ui::textWrapped(tx, tx.tr(Msg::UiFolderNotFound, {dir.string()}), theme::kBad);
    for (const LibraryEntry& e : entries) {
        if (e.scenario) continue;
        ImGui::PushFont(sh.ui.fonts.bold());
        ui::textWrapped(tx, e.file.string(), theme::kBad);
        ImGui::PopFont();
        ImGui::Indent();
        for (const Diagnostic& d : e.diagnostics)
            ui::textWrapped(tx, d.format(tx.lang),
                            d.severity == Severity::Error ? theme::kBad : theme::kWarn);
        if (e.diagnostics.empty()) ui::textWrapped(tx, tx.t(Msg::UiError), theme::kBad);
        ImGui::Unindent();
    }
}

}  // namespace defuse::desktop
