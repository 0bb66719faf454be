// The class dashboard.
#include "panels/dashboard.hpp"

#include <algorithm>
#include <cstring>

#include "widgets.hpp"

namespace defuse::desktop {

namespace {

// Red (none landed) through amber to green (all landed).
ImU32 heatColor(double v) {
    const float t = static_cast<float>(std::clamp(v, 0.0, 1.0));
    const float r = t < 0.5f ? 214.0f : 214.0f - (t - 0.5f) * 2 * (214.0f - 46.0f);
    const float g = t < 0.5f ? 80.0f + t * 2 * (170.0f - 80.0f) : 170.0f;
    const float b = t < 0.5f ? 60.0f : 60.0f + (t - 0.5f) * 2 * 30.0f;
    return theme::rgba(static_cast<int>(r), static_cast<int>(g), static_cast<int>(b));
}

ImU32 scoreColor(int score) {
    return score >= 80   ? theme::kGood
           : score >= 60 ? theme::kAccent
           : score >= 40 ? theme::kWarn
                         : theme::kBad;
}

std::string titleOf(Shell& sh, const std::string& id) {
    const LibraryEntry* e = sh.catalogue.library().find(id);
    return e != nullptr && e->scenario ? sh.ui.text().of(e->scenario->title) : id;
}

// A combo over `values` with "any" first; returns true when the pick changed.
bool pickOne(const TextCtx& tx, const char* label, const std::vector<std::string>& values,
             const std::vector<std::string>& shown, std::string& value, float width) {
    bool changed = false;
    ImGui::SetNextItemWidth(width);
    const auto at = std::find(values.begin(), values.end(), value);
    const std::string preview = at == values.end()
                                    ? tx.t(Msg::DashAny)
                                    : shown[static_cast<std::size_t>(at - values.begin())];
    tx.want(preview);
    if (ImGui::BeginCombo(label, preview.c_str())) {
        if (ImGui::Selectable(tx.t(Msg::DashAny), value.empty())) {
            changed = !value.empty();
            value.clear();
        }
        for (std::size_t i = 0; i < values.size(); ++i) {
            tx.want(shown[i]);
            if (ImGui::Selectable(shown[i].c_str(), value == values[i]) && value != values[i]) {
                value = values[i];
                changed = true;
            }
        }
        ImGui::EndCombo();
    }
    return changed;
}

}  // namespace

void DashboardPanel::draw(Shell& sh) {
    const TextCtx tx = sh.ui.text();
    ClassBoard& board = sh.board;
    ImGui::BeginChild("dashboard", ImVec2(0, 0), false);
    ui::title(tx, tx.t(Msg::DashTitle));
    ui::textColored(tx, theme::kMuted, tx.tr(Msg::DashSource, {board.sourceName()}));
    ImGui::SameLine();
    if (ImGui::SmallButton(tx.t(Msg::DashReload))) board.reload();
    ImGui::SameLine();
    if (ImGui::SmallButton(tx.t(Msg::DashClose))) board.hide();
    if (!board.error().empty()) {
        ui::textWrapped(tx, tx.tr(Msg::StoreCannotOpen, {board.sourceName(), board.error()}),
                        theme::kBad);
        ImGui::EndChild();
        return;
    }
    drawFilters(sh);
    const store::Dashboard& d = board.data();
    ui::textColored(
        tx, theme::kMuted,
        tx.tr(Msg::DashSummary, {std::to_string(d.rows.size()), std::to_string(d.trainees.size()),
                                 std::to_string(d.scenarios.size())}));
    if (d.rows.empty()) {
        ui::textWrapped(tx, tx.t(Msg::DashEmpty), theme::kMuted);
        ImGui::EndChild();
        return;
    }
    ImGui::Spacing();
    const float avail = ImGui::GetContentRegionAvail().x;
    const float left = std::min(avail * 0.52f, ImGui::GetFontSize() * 40);
    ImGui::BeginGroup();
    drawHeatmap(sh, left);
    ImGui::EndGroup();
    ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
    ImGui::BeginGroup();
    drawMistakes(sh, ImGui::GetContentRegionAvail().x);
    ImGui::EndGroup();
    ImGui::Spacing();
    drawProgress(sh);
    ImGui::EndChild();
}

void DashboardPanel::drawFilters(Shell& sh) {
    const TextCtx tx = sh.ui.text();
    ClassBoard& board = sh.board;
    const store::FilterChoices& c = board.choices();
    store::Filter f = board.filter();
    bool changed = false;
    const float fs = ImGui::GetFontSize();
    std::vector<std::string> scenarioNames, modeNames;
    for (const auto& id : c.scenarios) scenarioNames.push_back(titleOf(sh, id));
    for (const auto& m : c.modes)
        modeNames.push_back(tx.t(m == "assessment" ? Msg::DashAssessment : Msg::DashPractice));
    ui::text(tx, tx.t(Msg::DashSite));
    ImGui::SameLine();
    changed |= pickOne(tx, "##site", c.sites, c.sites, f.site, fs * 8);
    ImGui::SameLine(0, fs);
    ui::text(tx, tx.t(Msg::DashScenario));
    ImGui::SameLine();
    changed |= pickOne(tx, "##scenario", c.scenarios, scenarioNames, f.scenario, fs * 14);
    ImGui::SameLine(0, fs);
    ui::text(tx, tx.t(Msg::DashMode));
    ImGui::SameLine();
    changed |= pickOne(tx, "##mode", c.modes, modeNames, f.mode, fs * 7);
    ImGui::SameLine(0, fs);
    ui::text(tx, tx.t(Msg::DashSince));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(fs * 6);
    if (ImGui::InputText("##since", m_since.data(), m_since.size())) {
        f.since = m_since.data();
        changed = true;
    }
    ImGui::SameLine(0, fs);
    ui::text(tx, tx.t(Msg::DashUntil));
    ImGui::SameLine();
    ImGui::SetNextItemWidth(fs * 6);
    if (ImGui::InputText("##until", m_until.data(), m_until.size())) {
        f.until = m_until.data();
        changed = true;
    }
    if (changed) board.setFilter(f);
}

void DashboardPanel::drawHeatmap(Shell& sh, float width) {
    const TextCtx tx = sh.ui.text();
    const store::Dashboard& d = sh.board.data();
    ui::heading(tx, tx.t(Msg::DashHeatmap));
    const ImGuiTableFlags flags = ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_PadOuterX;
    if (!ImGui::BeginTable("heat", 1 + kCompetencyCount, flags, ImVec2(width, 0))) return;
    const float pad = ImGui::GetStyle().CellPadding.x * 2;
    const float cell =
        (width - ImGui::GetFontSize() * 8 - pad * (kCompetencyCount + 2)) / kCompetencyCount;
    ImGui::TableSetupColumn(tx.t(Msg::DashTrainee), ImGuiTableColumnFlags_WidthFixed,
                            ImGui::GetFontSize() * 8);
    for (int c = 0; c < kCompetencyCount; ++c) {
        const std::string name = tx.label(competencyMsg(static_cast<Competency>(c)));
        tx.want(name);
        ImGui::TableSetupColumn(name.c_str(), ImGuiTableColumnFlags_WidthFixed, cell);
    }
    ImGui::TableHeadersRow();
    for (std::size_t t = 0; t < d.trainees.size(); ++t) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ui::text(tx, d.trainees[t].empty() ? "—" : d.trainees[t]);  // a run with no name
        for (std::size_t c = 0; c < static_cast<std::size_t>(kCompetencyCount); ++c) {
            ImGui::TableNextColumn();
            const double v = d.heat[t][c];
            const ImVec2 p = ImGui::GetCursorScreenPos();
            const float h = ImGui::GetTextLineHeight();
            ImDrawList* dl = ImGui::GetWindowDrawList();
            if (v < 0) {
                dl->AddRect(p, ImVec2(p.x + cell - 4, p.y + h), theme::kBorder, 3);
                ImGui::Dummy(ImVec2(cell - 4, h));
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tx.t(Msg::DashNotShown));
                continue;
            }
            dl->AddRectFilled(p, ImVec2(p.x + cell - 4, p.y + h), heatColor(v), 3);
            const std::string pct = std::to_string(static_cast<int>(v * 100 + 0.5)) + "%";
            const ImVec2 ts = ImGui::CalcTextSize(pct.c_str());
            dl->AddText(ImVec2(p.x + (cell - 4 - ts.x) / 2, p.y), theme::rgba(255, 255, 255),
                        pct.c_str());
            ImGui::Dummy(ImVec2(cell - 4, h));
        }
    }
    ImGui::EndTable();
}

void DashboardPanel::drawMistakes(Shell& sh, float width) {
    const TextCtx tx = sh.ui.text();
    const store::Dashboard& d = sh.board.data();
    ui::heading(tx, tx.t(Msg::DashMistakes));
    if (d.mistakes.empty()) {
        ui::textColored(tx, theme::kMuted, tx.t(Msg::DashNoMistakes));
        return;
    }
    const int most = d.mistakes.front().count;
    for (const store::MistakeCount& m : d.mistakes) {
        const float fs = ImGui::GetFontSize();
        ui::bar(static_cast<float>(m.count) / static_cast<float>(std::max(1, most)),
                ImVec2(fs * 5, fs * 0.7f), theme::kBad, theme::kAccentSoft);
        ImGui::SameLine();
        ui::textColored(
            tx, theme::kBad,
            tx.tr(Msg::DashMistakeLine, {std::to_string(m.count), std::to_string(m.trainees)}));
        ImGui::SameLine();
        ui::textFitted(tx, theme::kMuted, "· " + titleOf(sh, m.scenarioId),
                       std::max(fs * 4, ImGui::GetContentRegionAvail().x));
        const std::string& reason =
            tx.lang == Lang::Zh && !m.reasonZh.empty() ? m.reasonZh : m.reasonEn;
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        ui::textWrapped(tx, reason.empty() ? m.answer : reason);
        ImGui::PopTextWrapPos();
        ImGui::Spacing();
    }
}

void DashboardPanel::drawProgress(Shell& sh) {
    const TextCtx tx = sh.ui.text();
    const store::Dashboard& d = sh.board.data();
    ui::heading(tx, tx.t(Msg::DashProgress));
    ui::textColored(tx, theme::kMuted, tx.t(Msg::DashOpenHint));
    // Columns are numbered; the legend names them (titles are too long for a header).
    if (ImGui::BeginTable("legend", 4, ImGuiTableFlags_SizingStretchSame)) {
        for (std::size_t s = 0; s < d.scenarios.size(); ++s) {
            ImGui::TableNextColumn();
            ui::textFitted(tx, theme::kMuted,
                           "S" + std::to_string(s + 1) + "  " + titleOf(sh, d.scenarios[s]),
                           ImGui::GetContentRegionAvail().x);
        }
        ImGui::EndTable();
    }
    const int cols = 1 + static_cast<int>(std::min<std::size_t>(d.scenarios.size(), 40));
    const ImGuiTableFlags flags = ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_RowBg |
                                  ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_PadOuterX |
                                  ImGuiTableFlags_ScrollX;
    const float fs = ImGui::GetFontSize();
    const float height =
        (static_cast<float>(d.trainees.size()) + 1.6f) * ImGui::GetFrameHeightWithSpacing();
    if (!ImGui::BeginTable("progress", cols, flags, ImVec2(0, height))) return;
    ImGui::TableSetupColumn(tx.t(Msg::DashTrainee), ImGuiTableColumnFlags_WidthFixed, fs * 8);
    for (int s = 1; s < cols; ++s) {
        const std::string h = "S" + std::to_string(s);
        ImGui::TableSetupColumn(h.c_str(), ImGuiTableColumnFlags_WidthFixed, fs * 7.5f);
    }
    ImGui::TableHeadersRow();
    for (const std::string& t : d.trainees) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ui::text(tx, t.empty() ? "—" : t);
        for (int s = 1; s < cols; ++s) {
            ImGui::TableNextColumn();
            const std::string& sc = d.scenarios[static_cast<std::size_t>(s - 1)];
            const store::Progress* p = d.at(t, sc);
            if (p == nullptr) {
                ui::textColored(tx, theme::kMuted, "–");
                continue;
            }
            ImGui::PushID((t + "\n" + sc).c_str());
            // first → latest, best in bold colour: each a link to its run.
            auto link = [&](int score, std::size_t row, const char* id) {
                ImGui::PushStyleColor(ImGuiCol_Text, scoreColor(score));
                const std::string label = std::to_string(score) + id;
                if (ImGui::SmallButton(label.c_str())) open(sh, row);
                ImGui::PopStyleColor();
            };
            ImGui::PushStyleColor(ImGuiCol_Button, theme::rgba(0, 0, 0, 0));
            ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, ImVec2(1, 0));
            ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(1, 0));
            link(p->first, p->firstRow, "##first");
            ImGui::SameLine();
            ui::textColored(tx, theme::kMuted, "→");
            ImGui::SameLine();
            link(p->latest, p->latestRow, "##latest");
            ImGui::SameLine();
            ui::textColored(tx, theme::kMuted, "(");
            ImGui::SameLine();
            link(p->best, p->bestRow, "##best");
            ImGui::SameLine();
            ui::textColored(tx, theme::kMuted, ")");
            ImGui::PopStyleVar(2);
            ImGui::PopStyleColor();
            if (ImGui::IsItemHovered())
                ImGui::SetTooltip("%s", tx.tr(Msg::DashCellTip,
                                              {t, titleOf(sh, sc), std::to_string(p->first),
                                               std::to_string(p->latest), std::to_string(p->best),
                                               std::to_string(p->runs)})
                                            .c_str());
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

void DashboardPanel::open(Shell& sh, std::size_t row) {
    const store::Dashboard& d = sh.board.data();
    if (row >= d.rows.size()) return;
    std::string why;
    const auto file = sh.board.replayFile(d.rows[row], why);
    if (!file) {
        sh.ui.showToast(sh.ui.text().tr(Msg::StoreNoReplay, {d.rows[row].replayPath, why}), true,
                        8.0);
        return;
    }
    if (sh.openReplay(*file)) sh.board.hide();
}

}  // namespace defuse::desktop
