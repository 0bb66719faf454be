// The debrief screen.
#include "panels/debrief.hpp"

#include <cmath>
#include <cstdio>

#include "defuse/mood_step.hpp"
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

/// What the trainee said at a 1-based turn, in the language of the moment.
std::string saidAt(const TextCtx& tx, const Attempt& a, int turn) {
    if (turn < 1 || turn > static_cast<int>(a.turns().size())) return "";
    const Turn& t = a.turns()[static_cast<std::size_t>(turn - 1)];
    const Answer* picked = a.scenario().answer(t.node, t.picked);
    return picked != nullptr ? tx.of(picked->text) : t.picked;
}

/// "1 rewind", "3 rewinds".
std::string rewindsText(const TextCtx& tx, int n) {
    return n == 1 ? std::string(tx.t(Msg::UiRewindOne))
                  : tx.tr(Msg::UiRewinds, {std::to_string(n)});
}

}  // namespace

void DebriefPanel::draw(Shell& sh) {
    const Play* play = sh.nav.play();
    if (play == nullptr || !play->attempt().finished()) return;
    const Attempt& a = play->attempt();
    const ScoreReport& rep = a.score();
    const float fs = ImGui::GetFontSize();
    drawCriticals(sh, a);
    drawHeader(sh, a, fs * 8.4f);
    ImGui::Spacing();
    const float colW = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    ui::beginCard("left", ImVec2(colW, 0));
    drawLines(sh, rep);
    ui::endCard();
    ImGui::SameLine();
    ui::beginCard("right", ImVec2(0, 0));
    drawCurve(sh, a);
    ImGui::Spacing();
    drawCompetencies(sh, rep);
    ImGui::Spacing();
    drawBetter(sh, a);
    drawRewound(sh, a);
    ui::endCard();
}

void DebriefPanel::drawHeader(Shell& sh, const Attempt& a, float height) {
    const TextCtx tx = sh.ui.text();
    const ScoreReport& rep = a.score();
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
        ImFont* huge = sh.ui.fonts.huge();
        const ImVec2 ts = ui::measure(huge, total);
        ui::drawText(tx, dl, huge, ImVec2(p.x, p.y + fs * 1.4f), col, total);
        // Which kind of score this is: a practice score says so, and how many answers it took
        // back; a capped score says what it was before the cap.
        ui::textColored(
            tx, theme::kMuted,
            tx.t(a.mode() == Mode::Practice ? Msg::UiPracticeScore : Msg::UiAssessmentScore));
        const float r = std::min(fs * 1.9f, scoreW * 0.15f);
        const ImVec2 c(p.x + scoreW - ImGui::GetStyle().WindowPadding.x * 2 - r,
                       p.y + fs * 1.4f + ts.y * 0.5f);
        const ImVec2 outOf(p.x + ts.x + fs * 0.3f, p.y + fs * 1.4f + ts.y - fs * 1.6f);
        if (outOf.x + ui::measure(sh.ui.fonts.bold(), "/ 100").x <
            c.x - r - fs * 0.3f)  // only when it fits
            ui::drawText(tx, dl, sh.ui.fonts.bold(), outOf, theme::kMuted, "/ 100");
        dl->AddCircleFilled(c, r, col, 40);
        ImFont* title = sh.ui.fonts.title();
        const ImVec2 gs = ui::measure(title, rep.grade);
        ui::drawText(tx, dl, title, ImVec2(c.x - gs.x * 0.5f, c.y - gs.y * 0.5f),
                     theme::rgba(255, 255, 255), rep.grade);
        const char* gl = tx.t(Msg::UiGrade);
        const ImVec2 gls = ui::measure(sh.ui.fonts.regular(), gl);
        ui::drawText(tx, dl, sh.ui.fonts.regular(), ImVec2(c.x - gls.x * 0.5f, c.y + r + fs * 0.1f),
                     theme::kMuted, gl);
        std::vector<std::pair<std::string, ImU32>> notes;
        if (rep.uncapped != rep.total)
            notes.emplace_back(tx.tr(Msg::UiUncapped, {std::to_string(rep.uncapped)}), theme::kBad);
        if (rep.rewinds > 0) notes.emplace_back(rewindsText(tx, rep.rewinds), theme::kWarn);
        float y = p.y + fs * 1.4f + ts.y + fs * 0.2f;
        for (const auto& [text, color] : notes) {
            ui::drawText(tx, dl, sh.ui.fonts.bold(), ImVec2(p.x, y), color, text);
            y += fs * 1.1f;
        }
    }
    ui::endCard();
    ImGui::SameLine();
    // The ending.
    const Scenario& sc = a.scenario();
    const float compareW = std::min(fs * 17, avail * 0.28f);
    const float endW =
        ImGui::GetContentRegionAvail().x - compareW - ImGui::GetStyle().ItemSpacing.x;
    ui::beginCard("ending", ImVec2(endW, height));
    ui::textColored(tx, theme::kMuted,
                    std::string(tx.t(Msg::UiDebrief)) + "  \u00B7  " + tx.of(sc.title));
    if (const Ending* e = a.ending()) {
        ui::title(tx, tx.of(e->title));
        ui::pill(tx, tx.t(endingKindMsg(e->kind)), theme::endingColor(e->kind),
                 theme::rgba(255, 255, 255));
        ImGui::SameLine();
        ui::textColored(tx, theme::kMuted,
                        tx.tr(Msg::UiTurnsTaken, {std::to_string(a.turns().size())}));
        // The assessment signed as it ended (an assessor key is set), or why it was not.
        if (const SignOutcome* sig = sh.nav.play() ? sh.nav.play()->signedAtEnd() : nullptr)
            ui::textWrapped(
                tx,
                sig->ok() ? tx.tr(Msg::UiAutoSigned, {sig->key, sig->sigFile.filename().string()})
                          : tx.tr(Msg::UiSignFailed, {tx(sig->error)}),
                sig->ok() ? theme::kGood : theme::kBad);
        const std::string& closing = tx.of(e->say);
        if (!closing.empty())
            ui::textWrapped(tx, tx.tr(Msg::UiLabelled, {tx(sc.displayName()), closing}),
                            theme::kText);
    }
    ui::endCard();
    ImGui::SameLine();
    ui::beginCard("compare", ImVec2(0, height), theme::kCard, ImGuiWindowFlags_NoScrollbar);
    drawCompare(sh, a);
    ui::endCard();
}

void DebriefPanel::drawCriticals(Shell& sh, const Attempt& a) {
    const ScoreReport& rep = a.score();
    if (rep.criticals.empty()) return;
    const TextCtx tx = sh.ui.text();
    const float fs = ImGui::GetFontSize();
    const float pad = fs * 0.7f;
    const float full = ImGui::GetContentRegionAvail().x;
    const float wrap = full - 2 * pad - fs * 0.3f;
    ImFont* bold = sh.ui.fonts.bold();
    ImFont* regular = sh.ui.fonts.regular();
    // Each critical mistake as the engine says it (a catalogue message: the turn, the
    // principle, the cap), then what was said.
    std::vector<std::pair<std::string, std::string>> items;
    for (const ScoreLine& l : rep.lines) {
        if (l.kind != LineKind::Critical) continue;
        items.emplace_back(tx(l.message()),
                           tx.tr(Msg::UiLabelled, {tx.t(Msg::UiYouSaid), saidAt(tx, a, l.turn)}));
    }
    float h = 2 * pad;
    for (const auto& [what, said] : items)
        h += ui::measure(bold, what, wrap).y + ui::measure(regular, said, wrap).y + fs * 0.4f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    dl->AddRectFilled(p, ImVec2(p.x + full, p.y + h), theme::rgba(252, 231, 228), fs * 0.5f);
    dl->AddRect(p, ImVec2(p.x + full, p.y + h),
                theme::mix(theme::kBad, theme::rgba(255, 255, 255), 0.4f), fs * 0.5f);
    dl->AddRectFilled(p, ImVec2(p.x + fs * 0.3f, p.y + h), theme::kBad, fs * 0.5f,
                      ImDrawFlags_RoundCornersLeft);
    float y = p.y + pad;
    const float x = p.x + pad + fs * 0.3f;
    for (const auto& [what, said] : items) {
        ui::drawText(tx, dl, bold, ImVec2(x, y), theme::rgba(150, 30, 25), what, wrap);
        y += ui::measure(bold, what, wrap).y;
        ui::drawText(tx, dl, regular, ImVec2(x, y), theme::kText, said, wrap);
        y += ui::measure(regular, said, wrap).y + fs * 0.4f;
    }
    ImGui::Dummy(ImVec2(full, h));
    ImGui::Spacing();
}

void DebriefPanel::drawRewound(Shell& sh, const Attempt& a) {
    // Practice that took answers back says which, so the record is honest about them.
    if (a.rewound().empty()) return;
    const TextCtx tx = sh.ui.text();
    ImGui::Spacing();
    ui::heading(tx, tx.t(Msg::UiTakenBackHeading));
    for (const Rewound& w : a.rewound()) {
        const Answer* picked = a.scenario().answer(w.taken.node, w.taken.picked);
        ImGui::PushFont(sh.ui.fonts.bold());
        ui::textColored(tx, theme::kWarn, tx.tr(Msg::UiTurn, {std::to_string(w.turn)}));
        ImGui::PopFont();
        ImGui::Indent();
        ui::textWrapped(
            tx,
            tx.tr(Msg::UiLabelled,
                  {tx.t(Msg::UiYouSaid), picked != nullptr ? tx.of(picked->text) : w.taken.picked}),
            theme::kMuted);
        ui::textWrapped(
            tx,
            tx.tr(Msg::UiTakenBackMoved, {tx(describeDelta(diff(w.taken.before, w.taken.after)))}),
            theme::kMuted);
        ImGui::Unindent();
    }
}

void DebriefPanel::drawLines(Shell& sh, const ScoreReport& rep) {
    const TextCtx tx = sh.ui.text();
    ui::heading(tx, tx.t(Msg::UiWherePoints));
    const float fs = ImGui::GetFontSize();
    if (!ImGui::BeginTable("lines", 2, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_PadOuterX))
        return;
    ImGui::TableSetupColumn("pts", ImGuiTableColumnFlags_WidthFixed, fs * 5.6f);
    ImGui::TableSetupColumn("why", ImGuiTableColumnFlags_WidthStretch);
    // One block per component: its total, then each line that made it up.
    auto block = [&](auto belongs, Msg label, double pts, double max, bool penalty) {
        bool any = false;
        for (const ScoreLine& l : rep.lines) any = any || belongs(l);
        if (!any && max <= 0) return;
        ImGui::TableNextRow();
        ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, theme::rgba(240, 236, 229));
        ImGui::TableNextColumn();
        ImGui::PushFont(sh.ui.fonts.bold());
        const ImU32 col = penalty ? (pts < 0 ? theme::kBad : theme::kMuted)
                                  : theme::scoreColor(max > 0 ? pts / max : 0);
        ui::textColored(
            tx, col, penalty ? points(pts, true) : points(pts, false) + " / " + points(max, false));
        ImGui::TableNextColumn();
        ui::text(tx, tx.t(label));
        ImGui::PopFont();
        for (const ScoreLine& l : rep.lines) {
            if (!belongs(l)) continue;
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ui::textColored(tx, l.points < 0 ? theme::kBad : theme::kMuted, points(l.points, true));
            ImGui::TableNextColumn();
            ui::textWrapped(tx, tx(l.message()));
        }
    };
    for (int c = 0; c < kComponentCount; ++c) {
        const auto comp = static_cast<Component>(c);
        block(
            [comp](const ScoreLine& l) {
                return l.kind == LineKind::Component && l.component == comp;
            },
            componentMsg(comp), rep.points[static_cast<std::size_t>(c)],
            rep.max[static_cast<std::size_t>(c)], false);
    }
    block([](const ScoreLine& l) { return l.kind == LineKind::Penalty; }, Msg::CompPenalty,
          -rep.penalties, 0, true);
    // Notes on how the score was made (an untimed scenario's scaling) close the table.
    for (const ScoreLine& l : rep.lines) {
        if (l.kind != LineKind::Note) continue;
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TableNextColumn();
        ui::textWrapped(tx, tx(l.message()), theme::kMuted);
    }
    ImGui::EndTable();
}

void DebriefPanel::drawCompetencies(Shell& sh, const ScoreReport& rep) {
    const TextCtx tx = sh.ui.text();
    ui::heading(tx, tx.t(Msg::CompCompetencies));
    const float fs = ImGui::GetFontSize();
    // Two columns of three: label, a bar for how often it was shown, the count.
    const float colW = (ImGui::GetContentRegionAvail().x - fs) * 0.5f;
    float labelW = 0;
    for (int c = 0; c < kCompetencyCount; ++c)
        labelW = std::max(labelW,
                          ImGui::CalcTextSize(tx.t(competencyMsg(static_cast<Competency>(c)))).x);
    const float countW = std::max(ImGui::CalcTextSize(tx.t(Msg::UiNotShown)).x,
                                  ImGui::CalcTextSize(tx.tr(Msg::UiUses, {"8"}).c_str()).x);
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
        ui::text(tx, tx.t(competencyMsg(static_cast<Competency>(c))));
        ImGui::SameLine();
        ImGui::SetCursorPos(ImVec2(x + labelW + fs * 0.5f, y + fs * 0.35f));
        ui::bar(uses == 0 ? 0.0f
                          : 0.25f + 0.75f * static_cast<float>(uses) / static_cast<float>(maxUses),
                ImVec2(barW, fs * 0.55f), theme::kGood, theme::rgba(236, 226, 222));
        ImGui::SameLine();
        ImGui::SetCursorPosY(y);
        ui::textColored(tx, uses > 0 ? theme::kText : theme::kBad,
                        uses > 0 ? tx.tr(Msg::UiUses, {std::to_string(uses)})
                                 : std::string(tx.t(Msg::UiNotShown)));
    }
}

void DebriefPanel::drawCurve(Shell& sh, const Attempt& a) {
    const TextCtx tx = sh.ui.text();
    ui::heading(tx, tx.t(Msg::UiMoodCurve));
    std::vector<MoodChartTurn> turns;
    for (std::size_t i = 0; i < a.turns().size(); ++i) {
        MoodChartTurn ct;
        ct.picked = saidAt(tx, a, static_cast<int>(i) + 1);
        turns.push_back(ct);
    }
    for (const BetterAnswer& b : a.score().better)
        if (b.turn >= 1 && b.turn <= static_cast<int>(turns.size()))
            turns[static_cast<std::size_t>(b.turn - 1)].betterExisted = true;
    const float fs = ImGui::GetFontSize();
    drawMoodChart(tx, a.moodCurve(), turns, ImVec2(ImGui::GetContentRegionAvail().x, fs * 10.5f));
}

void DebriefPanel::drawBetter(Shell& sh, const Attempt& a) {
    const TextCtx tx = sh.ui.text();
    const ScoreReport& rep = a.score();
    ui::heading(tx, tx.t(Msg::UiBetterAnswers));
    if (rep.better.empty()) {
        ui::textWrapped(tx, tx.t(Msg::UiNoBetter), theme::kGood);
        return;
    }
    for (const BetterAnswer& b : rep.better) {
        ImGui::PushFont(sh.ui.fonts.bold());
        ui::textColored(tx, theme::kWarn, tx.tr(Msg::UiTurn, {std::to_string(b.turn)}));
        ImGui::PopFont();
        ImGui::Indent();
        ui::textWrapped(tx, tx.tr(Msg::UiLabelled, {tx.t(Msg::UiYouSaid), saidAt(tx, a, b.turn)}),
                        theme::kMuted);
        ui::textWrapped(tx, tx.tr(Msg::UiLabelled, {tx.t(Msg::UiBetterWas), tx.of(b.betterText)}),
                        theme::kGood);
        if (!b.why.empty()) ui::textWrapped(tx, tx(b.why));
        ImGui::Unindent();
        ImGui::Spacing();
    }
}

void DebriefPanel::drawCompare(Shell& sh, const Attempt& a) {
    const TextCtx tx = sh.ui.text();
    const int total = a.score().total;
    ImGui::PushFont(sh.ui.fonts.bold());
    ui::textWrapped(tx, tx.t(Msg::UiCompare), theme::kAccent);
    ImGui::PopFont();
    // Against earlier attempts in the same mode only: a practice score (which may have taken
    // answers back) is never compared with an assessment.
    const auto& all = sh.catalogue.history().of(a.scenario().id);
    std::vector<int> totals;
    int me = -1;
    int bestBefore = -1;
    for (const PastAttempt& p : all) {
        if (p.mode != a.mode()) continue;
        if (p.file == a.saveState().path) {
            me = static_cast<int>(totals.size());
            totals.push_back(total);
        } else if (p.finished) {
            totals.push_back(p.total);
            if (me < 0) bestBefore = std::max(bestBefore, p.total);
        }
    }
    if (me < 0) {
        me = static_cast<int>(totals.size());
        totals.push_back(total);
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
    // textColored wraps at this column's edge (textWrapped would wrap at the card's).
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + textW);
    ui::textColored(
        tx, theme::kMuted,
        tx.t(a.mode() == Mode::Practice ? Msg::UiAmongPractice : Msg::UiAmongAssessments));
    if (bestBefore < 0) {
        ui::textColored(tx, theme::kMuted, tx.t(Msg::UiFirstAttempt));
    } else {
        ui::textColored(tx, theme::kMuted, tx.tr(Msg::UiBestBefore, {std::to_string(bestBefore)}));
        const int d = total - bestBefore;
        if (d > 0)
            ui::textColored(tx, theme::kGood, tx.tr(Msg::UiImproved, {std::to_string(d)}));
        else if (d < 0)
            ui::textColored(tx, theme::kBad, tx.tr(Msg::UiBelowBest, {std::to_string(-d)}));
        else
            ui::textColored(tx, theme::kMuted, tx.t(Msg::UiSameAsBest));
    }
    ImGui::PopTextWrapPos();
    ImGui::EndGroup();
    ImGui::SameLine(textW + fs * 0.8f);
    drawAttemptBars(tx, shown, me - first, ImVec2(ImGui::GetContentRegionAvail().x, h));
}

}  // namespace defuse::desktop
