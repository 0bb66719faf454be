// The debrief screen.
#include "panels/debrief.hpp"

#include <cmath>
#include <cstdio>

#include "defuse/tags.hpp"
#include "panels/debrief_chart.hpp"
#include "widgets.hpp"

namespace defuse::desktop {

namespace {

using ui::operator+;

std::string points(double v, bool sign) {
    char buf[32];
    std::snprintf(buf, sizeof buf, sign ? "%+.1f" : "%.1f", v);
    return buf;
}

std::string componentName(AppState& st, const std::string& id) {
    for (int c = 0; c < kComponentCount; ++c)
        if (componentId(static_cast<Component>(c)) == id)
            return componentLabel(static_cast<Component>(c), st.langId());
    if (id == "penalty") return st.t(Str::Penalty);
    return id;
}

}  // namespace

void DebriefPanel::draw(AppState& st) {
    if (!st.play || !st.play->session().finished()) {
        st.screen = Screen::Library;
        return;
    }
    const ScoreReport* rep = st.play->report(st.langId());
    if (rep == nullptr) return;
    const float fs = ImGui::GetFontSize();
    drawHeader(st, *rep, fs * 8.4f);
    ImGui::Spacing();
    const float colW = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    ui::beginCard("left", ImVec2(colW, 0));
    drawLines(st, *rep);
    ui::endCard();
    ImGui::SameLine();
    ui::beginCard("right", ImVec2(0, 0));
    drawCurve(st, *rep);
    ImGui::Spacing();
    drawCompetencies(st, *rep);
    ImGui::Spacing();
    drawBetter(st, *rep);
    ui::endCard();
}

void DebriefPanel::drawHeader(AppState& st, const ScoreReport& rep, float height) {
    const Session& s = st.play->session();
    const std::string lang = st.langId();
    const float fs = ImGui::GetFontSize();
    // Score and grade.
    const float avail = ImGui::GetContentRegionAvail().x;
    const float scoreW = std::min(fs * 13, avail * 0.26f);
    ui::beginCard("score", ImVec2(scoreW, height), theme::kCard, ImGuiWindowFlags_NoScrollbar);
    {
        ImDrawList* dl = ImGui::GetWindowDrawList();
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const ImU32 col = theme::scoreColor(rep.total / 100.0);
        const std::string total = std::to_string(rep.total);
        ImFont* huge = st.fonts.huge();
        const ImVec2 ts = ui::measure(huge, total);
        dl->AddText(huge, huge->FontSize, ImVec2(p.x, p.y + fs * 1.4f), col, total.c_str());
        ui::textColored(st, theme::kMuted, st.t(Str::Score));
        const float r = std::min(fs * 1.9f, scoreW * 0.15f);
        const ImVec2 c(p.x + scoreW - ImGui::GetStyle().WindowPadding.x * 2 - r,
                       p.y + fs * 1.4f + ts.y * 0.5f);
        const ImVec2 outOf(p.x + ts.x + fs * 0.3f, p.y + fs * 1.4f + ts.y - fs * 1.6f);
        if (outOf.x + ui::measure(st.fonts.bold(), "/ 100").x <
            c.x - r - fs * 0.3f)  // only when it fits
            dl->AddText(st.fonts.bold(), fs, outOf, theme::kMuted, "/ 100");
        dl->AddCircleFilled(c, r, col, 40);
        ImFont* title = st.fonts.title();
        const ImVec2 gs = ui::measure(title, rep.grade);
        ui::drawText(st, dl, title, ImVec2(c.x - gs.x * 0.5f, c.y - gs.y * 0.5f),
                     theme::rgba(255, 255, 255), rep.grade);
        const std::string gl = st.t(Str::Grade);
        const ImVec2 gls = ui::measure(st.fonts.regular(), gl);
        ui::drawText(st, dl, st.fonts.regular(), ImVec2(c.x - gls.x * 0.5f, c.y + r + fs * 0.1f),
                     theme::kMuted, gl);
    }
    ui::endCard();
    ImGui::SameLine();
    // The ending.
    const float compareW = std::min(fs * 17, avail * 0.28f);
    const float endW =
        ImGui::GetContentRegionAvail().x - compareW - ImGui::GetStyle().ItemSpacing.x;
    ui::beginCard("ending", ImVec2(endW, height));
    ui::textColored(st, theme::kMuted,
                    std::string(st.t(Str::Debrief)) + "  ·  " + s.scenario().title.get(lang));
    if (const Ending* e = s.ending()) {
        ui::title(st, e->title.get(lang));
        ui::pill(st, endingKindLabel(e->kind, lang), theme::endingColor(e->kind),
                 theme::rgba(255, 255, 255));
        ImGui::SameLine();
        ui::textColored(st, theme::kMuted,
                        format(st.t(Str::TurnsTaken), {std::to_string(s.turns().size())}));
        const std::string closing = s.customerLine();
        const std::string name = s.scenario().customerName.get(lang);
        if (!closing.empty())
            ui::textWrapped(st,
                            name.empty() ? closing : format(st.t(Str::Labelled), {name, closing}),
                            theme::kText);
    }
    ui::endCard();
    ImGui::SameLine();
    ui::beginCard("compare", ImVec2(0, height), theme::kCard, ImGuiWindowFlags_NoScrollbar);
    drawCompare(st, rep);
    ui::endCard();
}

void DebriefPanel::drawLines(AppState& st, const ScoreReport& rep) {
    ui::heading(st, st.t(Str::WherePoints));
    const float fs = ImGui::GetFontSize();
    if (!ImGui::BeginTable("lines", 2, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_PadOuterX))
        return;
    ImGui::TableSetupColumn("pts", ImGuiTableColumnFlags_WidthFixed, fs * 5.6f);
    ImGui::TableSetupColumn("why", ImGuiTableColumnFlags_WidthStretch);
    // One block per component: its total, then each line that made it up.
    auto block = [&](const std::string& id, const std::string& label, double pts, double max,
                     bool penalty) {
        bool any = false;
        for (const ScoreLine& l : rep.lines) any = any || l.component == id;
        if (!any && max <= 0) return;
        ImGui::TableNextRow();
        ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, theme::rgba(240, 236, 229));
        ImGui::TableNextColumn();
        ImGui::PushFont(st.fonts.bold());
        const ImU32 col = penalty ? (pts < 0 ? theme::kBad : theme::kMuted)
                                  : theme::scoreColor(max > 0 ? pts / max : 0);
        ui::textColored(
            st, col, penalty ? points(pts, true) : points(pts, false) + " / " + points(max, false));
        ImGui::TableNextColumn();
        ui::text(st, label);
        ImGui::PopFont();
        for (const ScoreLine& l : rep.lines) {
            if (l.component != id) continue;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ui::textColored(st, l.points < 0 ? theme::kBad : theme::kMuted, points(l.points, true));
            ImGui::TableNextColumn();
            ui::textWrapped(st, l.text);
        }
    };
    for (int c = 0; c < kComponentCount; ++c) {
        const auto comp = static_cast<Component>(c);
        block(std::string(componentId(comp)), componentLabel(comp, st.langId()),
              rep.points[static_cast<std::size_t>(c)], rep.max[static_cast<std::size_t>(c)], false);
    }
    block("penalty", st.t(Str::Penalty), -rep.penalties, 0, true);
    // Lines under a component id this screen does not know still get shown.
    for (const ScoreLine& l : rep.lines) {
        bool known = l.component == "penalty";
        for (int c = 0; c < kComponentCount; ++c)
            known = known || componentId(static_cast<Component>(c)) == l.component;
        if (known) continue;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ui::textColored(st, theme::kMuted, points(l.points, true));
        ImGui::TableNextColumn();
        ui::textWrapped(st, componentName(st, l.component) + ": " + l.text);
    }
    ImGui::EndTable();
}

void DebriefPanel::drawCompetencies(AppState& st, const ScoreReport& rep) {
    ui::heading(st, st.t(Str::Competencies));
    const float fs = ImGui::GetFontSize();
    // Two columns of three: label, a bar for how often it was shown, the count.
    const float colW = (ImGui::GetContentRegionAvail().x - fs) * 0.5f;
    float labelW = 0;
    for (int c = 0; c < kCompetencyCount; ++c)
        labelW = std::max(
            labelW,
            ImGui::CalcTextSize(competencyLabel(static_cast<Competency>(c), st.langId()).c_str())
                .x);
    const float countW = std::max(ImGui::CalcTextSize(st.t(Str::NotShown)).x,
                                  ImGui::CalcTextSize(format(st.t(Str::UsesFmt), {"8"}).c_str()).x);
    const float barW = std::max(fs * 2, colW - labelW - countW - fs * 1.4f);
    int maxUses = 1;
    for (int u : rep.competencyUses) maxUses = std::max(maxUses, u);
    const float x0 = ImGui::GetCursorPosX();
    for (int c = 0; c < kCompetencyCount; ++c) {
        const int uses = rep.competencyUses[static_cast<std::size_t>(c)];
        const float x = x0 + (c % 2 == 0 ? 0.0f : colW + fs);
        if (c % 2 == 1) ImGui::SameLine();
        ImGui::SetCursorPosX(x);
        const float y = ImGui::GetCursorPosY();
        ui::text(st, competencyLabel(static_cast<Competency>(c), st.langId()));
        ImGui::SameLine();
        ImGui::SetCursorPos(ImVec2(x + labelW + fs * 0.5f, y + fs * 0.35f));
        ui::bar(uses == 0 ? 0.0f
                          : 0.25f + 0.75f * static_cast<float>(uses) / static_cast<float>(maxUses),
                ImVec2(barW, fs * 0.55f), theme::kGood, theme::rgba(236, 226, 222));
        ImGui::SameLine();
        ImGui::SetCursorPosY(y);
        ui::textColored(st, uses > 0 ? theme::kText : theme::kBad,
                        uses > 0 ? format(st.t(Str::UsesFmt), {std::to_string(uses)})
                                 : std::string(st.t(Str::NotShown)));
    }
}

void DebriefPanel::drawCurve(AppState& st, const ScoreReport& rep) {
    const Session& s = st.play->session();
    ui::heading(st, st.t(Str::MoodCurve));
    std::vector<MoodChartTurn> turns;
    for (const Turn& t : s.turns()) {
        MoodChartTurn ct;
        for (const Node& n : s.scenario().nodes)
            if (n.id == t.node)
                for (const Answer& a : n.answers)
                    if (a.id == t.picked) ct.picked = a.text.get(st.langId());
        turns.push_back(ct);
    }
    for (const BetterAnswer& b : rep.better)
        if (b.turn >= 1 && b.turn <= static_cast<int>(turns.size()))
            turns[static_cast<std::size_t>(b.turn - 1)].betterExisted = true;
    const float fs = ImGui::GetFontSize();
    drawMoodChart(st, s.moodCurve(), turns, ImVec2(ImGui::GetContentRegionAvail().x, fs * 10.5f));
}

void DebriefPanel::drawBetter(AppState& st, const ScoreReport& rep) {
    const Session& s = st.play->session();
    ui::heading(st, st.t(Str::BetterAnswers));
    if (rep.better.empty()) {
        ui::textWrapped(st, st.t(Str::NoBetter), theme::kGood);
        return;
    }
    for (const BetterAnswer& b : rep.better) {
        std::string picked = b.picked;
        if (b.turn >= 1 && b.turn <= static_cast<int>(s.turns().size())) {
            const Turn& t = s.turns()[static_cast<std::size_t>(b.turn - 1)];
            if (const Node* n = s.scenario().node(t.node))
                for (const Answer& a : n->answers)
                    if (a.id == t.picked) picked = a.text.get(st.langId());
        }
        ImGui::PushFont(st.fonts.bold());
        ui::textColored(st, theme::kWarn, format(st.t(Str::TurnFmt), {std::to_string(b.turn)}));
        ImGui::PopFont();
        ImGui::Indent();
        ui::textWrapped(st, format(st.t(Str::Labelled), {st.t(Str::YouSaid), picked}),
                        theme::kMuted);
        ui::textWrapped(st, format(st.t(Str::Labelled), {st.t(Str::BetterWas), b.betterText}),
                        theme::kGood);
        if (!b.why.empty()) ui::textWrapped(st, b.why);
        ImGui::Unindent();
        ImGui::Spacing();
    }
}

void DebriefPanel::drawCompare(AppState& st, const ScoreReport& rep) {
    ImGui::PushFont(st.fonts.bold());
    ui::textWrapped(st, st.t(Str::Compare), theme::kAccent);
    ImGui::PopFont();
    const auto& all = st.history.of(st.play->session().scenario().id);
    std::vector<int> totals;
    int me = -1;
    int bestBefore = -1;
    for (const Attempt& a : all) {
        if (a.file == st.play->replayFile()) {
            me = static_cast<int>(totals.size());
            totals.push_back(rep.total);
        } else if (a.finished) {
            totals.push_back(a.total);
            if (me < 0) bestBefore = std::max(bestBefore, a.total);
        }
    }
    if (me < 0) {
        me = static_cast<int>(totals.size());
        totals.push_back(rep.total);
    }
    // The last ten, keeping this attempt in view.
    const int first = std::max(0, std::min(me - 4, static_cast<int>(totals.size()) - 10));
    const std::vector<int> shown(
        totals.begin() + first,
        totals.begin() + std::min<int>(first + 10, static_cast<int>(totals.size())));
    // The words on the left, the bars on the right, both the card's full height.
    const float fs = ImGui::GetFontSize();
    const float textW = ImGui::GetContentRegionAvail().x * 0.42f;
    const float h = std::max(
        fs * 2.5f, ImGui::GetContentRegionAvail().y - ImGui::GetStyle().WindowPadding.y * 0.5f);
    ImGui::BeginGroup();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + textW);
    if (bestBefore < 0) {
        ui::textWrapped(st, st.t(Str::FirstAttempt), theme::kMuted);
    } else {
        ui::textWrapped(st, format(st.t(Str::BestBeforeFmt), {std::to_string(bestBefore)}),
                        theme::kMuted);
        const int d = rep.total - bestBefore;
        if (d > 0)
            ui::textWrapped(st, format(st.t(Str::ImprovedFmt), {std::to_string(d)}), theme::kGood);
        else if (d < 0)
            ui::textWrapped(st, format(st.t(Str::BelowBestFmt), {std::to_string(-d)}), theme::kBad);
        else
            ui::textWrapped(st, st.t(Str::SameAsBest), theme::kMuted);
    }
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::SameLine(textW + fs * 0.8f);
    drawAttemptBars(st, shown, me - first, ImVec2(ImGui::GetContentRegionAvail().x, h));
}

}  // namespace defuse::desktop
