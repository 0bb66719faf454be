// The author view drawn: the graph (zoom, pan, select), the inspector, the diagnostics, the
// test run with its state watch. Everything it shows comes from the engine (graph.hpp,
// workbench.hpp, the loader's diagnostics).
#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "author_view.hpp"
#include "defuse/mood_step.hpp"
#include "defuse/workbench.hpp"
#include "shell.hpp"
#include "theme.hpp"

namespace defuse::desktop {

namespace {

ImU32 col(Rgb c, unsigned alpha = 255) {
    return theme::rgba((c >> 16) & 0xFF, (c >> 8) & 0xFF, c & 0xFF, alpha);
}

// A section heading: a rule, then its title.
void heading(const char* text) {
    ImGui::Separator();
    ImGui::TextUnformatted(text);
}

std::string joinList(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
    return s.empty() ? "-" : s;
}

// The text that fits `width` pixels, with "…" when cut.
std::string fit(const std::string& text, float width) {
    if (ImGui::CalcTextSize(text.c_str()).x <= width) return text;
    std::string s = text;
    while (!s.empty() && ImGui::CalcTextSize((s + "\xE2\x80\xA6").c_str()).x > width) {
        s.pop_back();
        while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0) == 0x80) s.pop_back();
    }
    return s + "\xE2\x80\xA6";
}

void drawGraph(AuthorView& v, Lang lang) {
    const GraphLayout& g = v.layout();
    ImGui::BeginChild("graph", ImVec2(ImGui::GetContentRegionAvail().x * 0.62f, 0), true,
                      ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 origin = ImGui::GetCursorScreenPos();
    const ImVec2 size = ImGui::GetContentRegionAvail();
    ImGui::InvisibleButton("canvas", size);
    const ImGuiIO& io = ImGui::GetIO();
    if (ImGui::IsItemHovered() && io.MouseWheel != 0) {  // zoom about the cursor
        float old = v.zoom;
        v.zoom = std::clamp(v.zoom * std::pow(1.15f, io.MouseWheel), 0.15f, 3.0f);
        ImVec2 m(io.MousePos.x - origin.x, io.MousePos.y - origin.y);
        v.panX = m.x - (m.x - v.panX) * v.zoom / old;
        v.panY = m.y - (m.y - v.panY) * v.zoom / old;
    }
    if (ImGui::IsItemActive() && ImGui::IsMouseDragging(ImGuiMouseButton_Left)) {
        v.panX += io.MouseDelta.x;
        v.panY += io.MouseDelta.y;
    }
    auto at = [&](double x, double y) {
        return ImVec2(origin.x + v.panX + static_cast<float>(x) * v.zoom,
                      origin.y + v.panY + static_cast<float>(y) * v.zoom);
    };
    if (ImGui::IsItemClicked() && !ImGui::IsMouseDragging(ImGuiMouseButton_Left))
        for (std::size_t i = 0; i < g.nodes.size(); ++i) {
            ImVec2 a = at(g.nodes[i].x, g.nodes[i].y);
            ImVec2 b = at(g.nodes[i].x + kGraphNodeWidth, g.nodes[i].y + kGraphNodeHeight);
            if (io.MousePos.x >= a.x && io.MousePos.x <= b.x && io.MousePos.y >= a.y &&
                io.MousePos.y <= b.y)
                v.selected = static_cast<int>(i);
        }
    dl->PushClipRect(origin, ImVec2(origin.x + size.x, origin.y + size.y), true);
    dl->AddRectFilled(origin, ImVec2(origin.x + size.x, origin.y + size.y),
                      theme::rgba(255, 255, 255));
    const float z = v.zoom;
    for (const auto& e : g.edges) {  // highlights first, then the edges
        for (int pass = 0; pass < 2; ++pass) {
            bool on = pass == 0 ? e.onBest : e.onWorst;
            if (!on) continue;
            for (std::size_t k = 1; k < e.points.size(); ++k)
                dl->AddLine(at(e.points[k - 1].x, e.points[k - 1].y),
                            at(e.points[k].x, e.points[k].y),
                            col(pass == 0 ? kGraphBestColour : kGraphWorstColour, 90), 9 * z);
        }
    }
    for (const auto& e : g.edges) {
        for (std::size_t k = 1; k < e.points.size(); ++k)
            dl->AddLine(at(e.points[k - 1].x, e.points[k - 1].y), at(e.points[k].x, e.points[k].y),
                        col(e.colour), std::max(1.0f, 2.0f * z));
        const GraphPoint& p = e.points[e.points.size() - 2];
        const GraphPoint& q = e.points.back();
        double len = std::hypot(q.x - p.x, q.y - p.y);
        if (len > 0) {
            double ux = (q.x - p.x) / len, uy = (q.y - p.y) / len;
            dl->AddTriangleFilled(at(q.x, q.y), at(q.x - ux * 9 - uy * 5, q.y - uy * 9 + ux * 5),
                                  at(q.x - ux * 9 + uy * 5, q.y - uy * 9 - ux * 5), col(e.colour));
        }
    }
    const std::string code(langCode(lang));
    const Scenario& sc = *v.scenario();
    for (std::size_t i = 0; i < g.nodes.size(); ++i) {
        const GraphNode& n = g.nodes[i];
        ImVec2 a = at(n.x, n.y), b = at(n.x + kGraphNodeWidth, n.y + kGraphNodeHeight);
        if (n.onBest || n.onWorst)
            dl->AddRect(ImVec2(a.x - 4 * z, a.y - 4 * z), ImVec2(b.x + 4 * z, b.y + 4 * z),
                        col(n.onBest ? kGraphBestColour : kGraphWorstColour, 140), 8 * z, 0, 4 * z);
        dl->AddRectFilled(a, b, col(n.fill), (n.isEnding ? 14 : 5) * z);
        bool sel = static_cast<int>(i) == v.selected;
        dl->AddRect(a, b, sel ? theme::rgba(20, 20, 20) : col(n.border), (n.isEnding ? 14 : 5) * z,
                    0, (sel ? 3.5f : (n.start || n.deadEnd ? 3.0f : 1.5f)) * z);
        if (z < 0.45f) continue;  // too small to read: boxes only
        float fs = ImGui::GetFontSize() * std::min(1.0f, z);
        std::string head = (n.start ? "> " : "") + n.id + (n.deadEnd ? " (!)" : "");
        std::string sub;
        if (const Node* x = sc.node(n.id)) sub = x->say.get(code);
        if (const Ending* e = sc.ending(n.id)) sub = e->title.get(code);
        float w = (b.x - a.x) - 10 * z;
        float scale = fs / ImGui::GetFontSize();
        dl->AddText(ImGui::GetFont(), fs, ImVec2(a.x + 6 * z, a.y + 4 * z), theme::rgba(20, 20, 20),
                    fit(head, w / scale).c_str());
        dl->AddText(ImGui::GetFont(), fs * 0.85f, ImVec2(a.x + 6 * z, a.y + 4 * z + fs * 1.2f),
                    theme::rgba(60, 60, 60), fit(sub, w / scale / 0.85f).c_str());
    }
    const float line = ImGui::GetFontSize() + 4;
    // A strip under the legend and the help, so that the graph behind does not blur them.
    dl->AddRectFilled(ImVec2(origin.x, origin.y + size.y - 2 * line - 6),
                      ImVec2(origin.x + size.x, origin.y + size.y), col(0xFFFFFF, 235));
    dl->AddText(ImVec2(origin.x + 8, origin.y + size.y - line - 2), theme::rgba(90, 90, 90),
                render(Msg::WbAuthorHelp, lang).c_str());
    // The legend of the highlighted paths ("found" when the analysis hit its state bound).
    float lx = origin.x + 8;
    auto legend = [&](Rgb colour, Msg exact, Msg found, int score) {
        if (score < 0) return;
        const std::string text = render(Message(v.analysisExact() ? exact : found,
                                                {Message::num(static_cast<long long>(score))}),
                                        lang);
        const float y = origin.y + size.y - 2 * line - 2;
        dl->AddRectFilled(ImVec2(lx, y + 3), ImVec2(lx + 14, y + line - 5), col(colour, 160), 3);
        dl->AddText(ImVec2(lx + 20, y), theme::rgba(40, 40, 40), text.c_str());
        lx += 40 + ImGui::CalcTextSize(text.c_str()).x;
    };
    legend(kGraphBestColour, Msg::WbLegendBest, Msg::WbLegendBestFound, v.bestScore());
    legend(kGraphWorstColour, Msg::WbLegendWorst, Msg::WbLegendWorstFound, v.worstScore());
    dl->PopClipRect();
    ImGui::EndChild();
}

void drawInspector(Shell& sh, AuthorView& v, Lang lang) {
    const GraphLayout& g = v.layout();
    const Scenario& sc = *v.scenario();
    if (v.selected < 0 || v.selected >= static_cast<int>(g.nodes.size())) {
        ImGui::TextDisabled("%s", render(Msg::WbAuthorSelectNode, lang).c_str());
        return;
    }
    const GraphNode& gn = g.nodes[static_cast<std::size_t>(v.selected)];
    ImGui::TextUnformatted(gn.id.c_str());
    if (const Ending* e = sc.ending(gn.id)) {
        for (const char* l : {"en", "zh"}) ImGui::TextWrapped("%s: %s", l, e->say.get(l).c_str());
        return;
    }
    const Node* n = sc.node(gn.id);
    if (!n) return;
    for (const char* l : {"en", "zh"}) ImGui::TextWrapped("%s: %s", l, n->say.get(l).c_str());
    for (const auto& var : n->variants)
        ImGui::TextWrapped("%s -> %s",
                           render(Message(Msg::WbAuthorCondition, {var.when.text()}), lang).c_str(),
                           var.say.get(std::string(langCode(lang))).c_str());
    if (!n->cues.empty())
        ImGui::TextWrapped("%s",
                           render(Message(Msg::WbAuthorCues, {joinList(n->cues)}), lang).c_str());
    heading(render(Msg::WbAuthorAnswers, lang).c_str());
    for (const auto& a : n->answers) {
        ImGui::PushID(a.id.c_str());
        ImGui::TextColored(ImVec4(0.15f, 0.3f, 0.55f, 1), "%s", a.id.c_str());
        for (const char* l : {"en", "zh"}) ImGui::TextWrapped("  %s: %s", l, a.text.get(l).c_str());
        ImGui::TextWrapped(
            "  %s", render(Message(Msg::WbAuthorDetails,
                                   {joinList(a.tags), std::string(qualityId(a.quality)), a.next}),
                           lang)
                        .c_str());
        if (a.condition)
            ImGui::TextWrapped(
                "  %s",
                render(Message(Msg::WbAuthorCondition, {a.condition->text()}), lang).c_str());
        if (a.effect.anySet())
            ImGui::TextWrapped(
                "  %s",
                render(Message(Msg::WbAuthorEffect, {describeDelta(a.effect)}), lang).c_str());
        if (!a.note.empty())
            ImGui::TextWrapped(
                "  %s", render(Message(Msg::WbAuthorNote, {Message::of(a.note)}), lang).c_str());
        ImGui::PopID();
    }
    ImGui::Separator();
    int m[3] = {v.testMood.anger(), v.testMood.trust(), v.testMood.patience()};
    for (int d = 0; d < 3; ++d)
        if (ImGui::SliderInt(std::string(dimName(kAllDims[static_cast<std::size_t>(d)])).c_str(),
                             &m[d], 0, 100))
            v.testMood.set(kAllDims[static_cast<std::size_t>(d)], m[d]);
    if (ImGui::Button(render(Msg::WbTestFromHere, lang).c_str())) v.testFrom(gn.id, lang);
    (void)sh;
}

void drawPractice(AuthorView& v, Lang lang) {
    if (!v.practiceNote().empty())
        ImGui::TextColored(ImVec4(0.6f, 0.25f, 0.0f, 1), "%s", v.practiceNote().c_str());
    Attempt* a = v.practice();
    if (!a) return;
    heading(render(Message(Msg::WbAuthorPractice, {a->start().node}), lang).c_str());
    const Mood& m = a->mood();
    ImGui::Text("anger %d  trust %d  patience %d", m.anger(), m.trust(), m.patience());
    for (const auto& line : describeWatch(watchState(*a), lang))
        ImGui::TextWrapped("%s", line.c_str());
    ImGui::TextWrapped("\xE2\x80\x9C%s\xE2\x80\x9D", a->customerLine().c_str());
    if (const Ending* e = a->ending()) {
        ImGui::TextWrapped("%s",
                           render(Message(Msg::WbAuthorEnded,
                                          {e->id, Message(endingKindMsg(e->kind)),
                                           Message::num(static_cast<long long>(a->score().total))}),
                                  lang)
                               .c_str());
    } else {
        for (const auto& c : a->choices())
            if (ImGui::Button((std::to_string(c.index + 1) + ". " + c.text).c_str())) {
                a->choose(c.index, 0);
                break;
            }
    }
    if (ImGui::Button(render(Msg::WbAuthorStop, lang).c_str())) v.stopPractice();
}

}  // namespace

bool drawAuthorView(Shell& sh) {
    AuthorView* v = authorView();
    if (!v) return false;
    const Lang lang = sh.ui.lang();
    int before = v->reloads();
    v->poll(sh.ui.now(), lang);
    if (v->scenario() && v->reloads() != before) sh.ui.wantScenario(*v->scenario());
    ImGui::TextUnformatted(render(Message(Msg::WbAuthorTitle, {v->file().string()}), lang).c_str());
    if (v->broken())
        ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s",
                           render(Msg::WbAuthorBroken, lang).c_str());
    if (!v->scenario()) {
        for (const auto& d : v->diagnostics()) ImGui::TextWrapped("%s", d.format(lang).c_str());
        return true;
    }
    drawGraph(*v, lang);
    ImGui::SameLine();
    ImGui::BeginChild("side", ImVec2(0, 0), true);
    heading(render(Msg::WbAuthorDiagnostics, lang).c_str());
    if (v->diagnostics().empty())
        ImGui::TextDisabled("%s", render(Msg::WbAuthorNoDiagnostics, lang).c_str());
    int k = 0;
    for (const auto& d : v->diagnostics()) {
        ImGui::PushID(k++);
        ImGui::PushStyleColor(ImGuiCol_Text, d.severity == Severity::Error
                                                 ? ImVec4(0.75f, 0.1f, 0.1f, 1)
                                                 : ImVec4(0.55f, 0.35f, 0.0f, 1));
        if (ImGui::Selectable(d.format(lang).c_str(), false)) v->selected = v->nodeOf(d);
        ImGui::PopStyleColor();
        ImGui::PopID();
    }
    ImGui::Separator();
    drawPractice(*v, lang);  // a test run first: its state watch stays in view
    drawInspector(sh, *v, lang);
    ImGui::EndChild();
    return true;
}

}  // namespace defuse::desktop
