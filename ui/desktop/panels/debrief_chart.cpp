// The debrief's charts.
#include "panels/debrief_chart.hpp"

#include <algorithm>
#include <string>

#include "widgets.hpp"

namespace defuse::desktop {

namespace {

using ui::operator+;
using ui::operator-;

ImU32 tint(ImU32 c, unsigned alpha) { return (c & 0x00FFFFFFu) | (alpha << IM_COL32_A_SHIFT); }

}  // namespace

void drawMoodChart(const TextCtx& tx, const std::vector<Mood>& curve,
                   const std::vector<MoodChartTurn>& turns, ImVec2 size, int marked) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float fs = ImGui::GetFontSize();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    size =
        ImVec2(std::max(size.x, 1.0f), std::max(size.y, 1.0f));  // ImGui asserts on empty buttons
    ImGui::InvisibleButton("moodchart", size);
    const bool hovered = ImGui::IsItemHovered();
    ImFont* font = tx.fonts.regular();
    const float small = fs * 0.8f;
    const float left = origin.x + fs * 2.0f;
    const float right = origin.x + size.x - fs * 0.6f;
    const float top = origin.y + fs * 1.6f;
    const float bottom = origin.y + size.y - fs * 1.7f;
    auto yOf = [&](float v) { return bottom - (bottom - top) * v / 100.0f; };
    const int n = static_cast<int>(curve.size()) - 1;
    auto xOf = [&](int i) {
        return n <= 0 ? (left + right) * 0.5f
                      : left + (right - left) * static_cast<float>(i) / static_cast<float>(n);
    };

    // Anger bands behind (calm, irritated, angry, furious: where the faces change), and the
    // grid.
    const float cuts[] = {0, static_cast<float>(kMoodBands.irritated),
                          static_cast<float>(kMoodBands.angry),
                          static_cast<float>(kMoodBands.furious), 100};
    const MoodBand bands[] = {MoodBand::Calm, MoodBand::Irritated, MoodBand::Angry,
                              MoodBand::Furious};
    for (int b = 0; b < 4; ++b)
        dl->AddRectFilled(ImVec2(left, yOf(cuts[b + 1])), ImVec2(right, yOf(cuts[b])),
                          tint(theme::bandColor(bands[b]), 22));
    for (int v = 0; v <= 100; v += 25) {
        dl->AddLine(ImVec2(left, yOf(static_cast<float>(v))),
                    ImVec2(right, yOf(static_cast<float>(v))), theme::rgba(0, 0, 0, 25));
        const std::string label = std::to_string(v);
        const ImVec2 ls = font->CalcTextSizeA(small, 1e9f, 0, label.c_str());
        dl->AddText(font, small,
                    ImVec2(left - ls.x - fs * 0.3f, yOf(static_cast<float>(v)) - ls.y * 0.5f),
                    theme::kMuted, label.c_str());
    }
    if (marked >= 1 && marked <= n) {  // the turn in view: the move it made
        dl->AddRectFilled(ImVec2(xOf(marked - 1), top), ImVec2(xOf(marked), bottom),
                          tint(theme::kAccent, 40));
        dl->AddLine(ImVec2(xOf(marked), top), ImVec2(xOf(marked), bottom), theme::kAccent, 2.0f);
    }
    // Turn marks along the bottom.
    for (int i = 0; i <= n; ++i) {
        const float x = xOf(i);
        dl->AddLine(ImVec2(x, top), ImVec2(x, bottom), theme::rgba(0, 0, 0, i == 0 ? 0 : 18));
        const std::string label = std::to_string(i);
        const ImVec2 ls = font->CalcTextSizeA(small, 1e9f, 0, label.c_str());
        const bool better = i > 0 && i - 1 < static_cast<int>(turns.size()) &&
                            turns[static_cast<std::size_t>(i - 1)].betterExisted;
        if (better)
            dl->AddTriangleFilled(ImVec2(x, bottom + fs * 0.15f),
                                  ImVec2(x - fs * 0.3f, bottom + fs * 0.55f),
                                  ImVec2(x + fs * 0.3f, bottom + fs * 0.55f), theme::kWarn);
        dl->AddText(font, small, ImVec2(x - ls.x * 0.5f, bottom + fs * 0.6f),
                    better ? theme::kWarn : theme::kMuted, label.c_str());
    }
    const char* axis = tx.t(Msg::UiTurnAxis);
    tx.want(axis);
    dl->AddText(font, small, ImVec2(origin.x, bottom + fs * 0.6f), theme::kMuted, axis);

    // The three lines, anger on top.
    const ImU32 colors[] = {theme::kPatience, theme::kTrust, theme::kAnger};
    const Dim dims[] = {Dim::Patience, Dim::Trust, Dim::Anger};
    for (int k = 0; k < 3; ++k) {
        std::vector<ImVec2> pts;
        for (int i = 0; i <= n; ++i)
            pts.emplace_back(
                xOf(i), yOf(static_cast<float>(curve[static_cast<std::size_t>(i)].get(dims[k]))));
        const float thick = dims[k] == Dim::Anger ? 3.0f : 2.0f;
        if (pts.size() > 1)
            dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), colors[k], 0, thick);
        for (const ImVec2& p : pts) dl->AddCircleFilled(p, thick + 1.5f, colors[k]);
    }
    // Legend.
    float lx = right;
    for (int k = 0; k < 3; ++k) {
        const std::string label = tx.label(dimMsg(dims[k]));
        tx.want(label);
        const ImVec2 ls = font->CalcTextSizeA(small, 1e9f, 0, label.c_str());
        lx -= ls.x;
        dl->AddText(font, small, ImVec2(lx, origin.y + fs * 0.2f), theme::kText, label.c_str());
        lx -= fs * 0.9f;
        dl->AddRectFilled(ImVec2(lx, origin.y + fs * 0.35f),
                          ImVec2(lx + fs * 0.6f, origin.y + fs * 0.35f + ls.y * 0.6f), colors[k],
                          2.0f);
        lx -= fs * 0.8f;
    }
    // Hover: the nearest turn, its mood and what was said.
    if (hovered && n >= 0) {
        const float mx = ImGui::GetIO().MousePos.x;
        int best = 0;
        for (int i = 1; i <= n; ++i)
            if (std::abs(xOf(i) - mx) < std::abs(xOf(best) - mx)) best = i;
        dl->AddLine(ImVec2(xOf(best), top), ImVec2(xOf(best), bottom), theme::rgba(0, 0, 0, 90),
                    1.5f);
        const Mood& m = curve[static_cast<std::size_t>(best)];
        ImGui::BeginTooltip();
        ImGui::PushTextWrapPos(fs * 24);
        ui::text(tx, best == 0 ? std::string("0") : tx.tr(Msg::UiTurn, {std::to_string(best)}));
        ui::text(tx, tx.label(Msg::DimAnger) + " " + std::to_string(m.anger()) + "   " +
                         tx.label(Msg::DimTrust) + " " + std::to_string(m.trust()) + "   " +
                         tx.label(Msg::DimPatience) + " " + std::to_string(m.patience()));
        if (best > 0 && best - 1 < static_cast<int>(turns.size()))
            ui::textWrapped(tx, turns[static_cast<std::size_t>(best - 1)].picked, theme::kMuted);
        ImGui::PopTextWrapPos();
        ImGui::EndTooltip();
    }
}

void drawAttemptBars(const TextCtx& tx, const std::vector<int>& totals, int highlight,
                     ImVec2 size) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 o = ImGui::GetCursorScreenPos();
    ImGui::Dummy(size);
    if (totals.empty()) return;
    const float fs = ImGui::GetFontSize();
    ImFont* font = tx.fonts.regular();
    const float small = fs * 0.75f;
    const float labelH = small * 1.2f;
    const float slot = size.x / static_cast<float>(totals.size());
    const float barW = std::min(slot * 0.7f, fs * 1.6f);
    for (std::size_t i = 0; i < totals.size(); ++i) {
        const float h =
            (size.y - labelH * 2) * static_cast<float>(std::clamp(totals[i], 0, 100)) / 100.0f;
        const float x = o.x + slot * (static_cast<float>(i) + 0.5f);
        const float base = o.y + size.y - labelH;
        const bool me = static_cast<int>(i) == highlight;
        const ImU32 col = me ? theme::scoreColor(totals[i] / 100.0) : theme::rgba(196, 190, 180);
        dl->AddRectFilled(ImVec2(x - barW * 0.5f, base - std::max(h, 2.0f)),
                          ImVec2(x + barW * 0.5f, base), col, 3.0f);
        const std::string v = std::to_string(totals[i]);
        const ImVec2 vs = font->CalcTextSizeA(small, 1e9f, 0, v.c_str());
        dl->AddText(font, small, ImVec2(x - vs.x * 0.5f, base - h - vs.y - 1),
                    me ? theme::kText : theme::kMuted, v.c_str());
        if (me) {
            const char* now = tx.t(Msg::UiThisAttempt);
            tx.want(now);
            const ImVec2 ns = font->CalcTextSizeA(small, 1e9f, 0, now);
            dl->AddText(font, small, ImVec2(x - ns.x * 0.5f, base + 1), theme::kText, now);
        }
    }
}

}  // namespace defuse::desktop
