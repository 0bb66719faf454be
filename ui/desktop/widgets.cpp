// Shared drawing helpers.
#include "widgets.hpp"

#include <imgui_internal.h>  // the current wrap position

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>

#include "defuse/line_break.hpp"

namespace defuse::desktop::ui {

namespace {
const char* end(std::string_view s) { return s.data() + s.size(); }
}  // namespace

std::string broken(ImFont* font, float size, std::string_view s, float width) {
    if (width <= 0 || s.empty()) return std::string(s);
    // Frames redraw only on events, but a long debrief breaks many texts per frame: keep the
    // recent ones (a window resize changes the width and fills it afresh).
    struct Key {
        const ImFont* font;
        float size, width;
        std::string text;
        bool operator==(const Key& o) const {
            return font == o.font && size == o.size && width == o.width && text == o.text;
        }
    };
    struct Hash {
        std::size_t operator()(const Key& k) const {
            return std::hash<std::string>()(k.text) ^ std::hash<float>()(k.width * 31 + k.size);
        }
    };
    static std::unordered_map<Key, std::string, Hash> cache;
    Key key{font, size, width, std::string(s)};
    if (auto it = cache.find(key); it != cache.end()) return it->second;
    if (cache.size() > 2048) cache.clear();
    auto lines = breakLines(s, width, [&](std::string_view piece) {
        return static_cast<double>(
            font->CalcTextSizeA(size, 1e9f, 0.0f, piece.data(), piece.data() + piece.size()).x);
    });
    std::string out;
    for (std::size_t i = 0; i < lines.size(); ++i) out += (i ? "\n" : "") + lines[i];
    return cache.emplace(std::move(key), std::move(out)).first->second;
}

namespace {

// The width the current wrap position leaves from the cursor (0: the text does not wrap).
float currentWrapWidth() {
    ImGuiWindow* w = ImGui::GetCurrentWindow();
    if (w->DC.TextWrapPos < 0.0f) return 0.0f;
    return ImGui::CalcWrapWidthForPos(w->DC.CursorPos, w->DC.TextWrapPos);
}

// Text at the cursor, broken by the Chinese and English rules when a wrap position is set.
void unformatted(std::string_view s) {
    const float w = currentWrapWidth();
    if (w <= 0.0f) return ImGui::TextUnformatted(s.data(), end(s));
    const std::string lines = broken(ImGui::GetFont(), ImGui::GetFontSize(), s, w);
    ImGui::TextUnformatted(lines.data(), lines.data() + lines.size());
}

}  // namespace

void text(const TextCtx& tx, std::string_view s) {
    tx.want(s);
    unformatted(s);
}

void textColored(const TextCtx& tx, ImU32 color, std::string_view s) {
    tx.want(s);
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    unformatted(s);
    ImGui::PopStyleColor();
}

void textWrapped(const TextCtx& tx, std::string_view s, ImU32 color) {
    tx.want(s);
    ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::PushTextWrapPos(0.0f);
    unformatted(s);
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
}

void textFitted(const TextCtx& tx, ImU32 color, std::string_view s, float maxWidth) {
    tx.want(s);
    if (maxWidth <= 0) return ImGui::Dummy(ImVec2(0, ImGui::GetFontSize()));
    if (ImGui::CalcTextSize(s.data(), end(s)).x <= maxWidth) return textColored(tx, color, s);
    const float dots = ImGui::CalcTextSize("...").x;
    std::size_t cut = s.size();
    while (cut > 0) {
        do --cut;
        while (cut > 0 &&
               (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80);  // whole characters only
        if (ImGui::CalcTextSize(s.data(), s.data() + cut).x + dots <= maxWidth) break;
    }
    textColored(tx, color, std::string(s.substr(0, cut)) + "...");
}

void heading(const TextCtx& tx, std::string_view s) {
    ImGui::PushFont(tx.fonts.bold());
    tx.want(s);
    ImGui::PushStyleColor(ImGuiCol_Text, theme::kAccent);
    ImGui::TextUnformatted(s.data(), end(s));
    ImGui::PopStyleColor();
    ImGui::PopFont();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float w = ImGui::GetContentRegionAvail().x;
    ImGui::GetWindowDrawList()->AddLine(ImVec2(p.x, p.y - 3), ImVec2(p.x + w, p.y - 3),
                                        theme::rgba(22, 112, 130, 60), 1.0f);
    ImGui::Dummy(ImVec2(0, 2));
}

void title(const TextCtx& tx, std::string_view s) {
    ImGui::PushFont(tx.fonts.title());
    tx.want(s);
    ImGui::PushTextWrapPos(0.0f);
    unformatted(s);
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
}

void pill(const TextCtx& tx, std::string_view s, ImU32 bg, ImU32 fg, bool sameLine) {
    tx.want(s);
    if (sameLine) ImGui::SameLine();
    ImFont* font = ImGui::GetFont();
    const float fs = ImGui::GetFontSize();
    const ImVec2 ts = font->CalcTextSizeA(fs, 1e9f, 0.0f, s.data(), end(s));
    const float padX = fs * 0.5f, padY = fs * 0.15f;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const ImVec2 size(ts.x + 2 * padX, ts.y + 2 * padY);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, p + size, bg, size.y * 0.5f);
    dl->AddText(font, fs, ImVec2(p.x + padX, p.y + padY), fg, s.data(), end(s));
    ImGui::Dummy(size);
}

void stars(int filled, int total, float size, ImU32 color) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float r = size * 0.5f;
    for (int i = 0; i < total; ++i) {
        const ImVec2 c(p.x + r + static_cast<float>(i) * (size + 2), p.y + r);
        ImVec2 pts[10];
        for (int k = 0; k < 10; ++k) {
            const float a = -1.5707963f + static_cast<float>(k) * 0.6283185f;
            const float rr = (k % 2 == 0) ? r : r * 0.45f;
            pts[k] = ImVec2(c.x + std::cos(a) * rr, c.y + std::sin(a) * rr);
        }
        const ImU32 col = i < filled ? color : theme::rgba(210, 204, 194);
        // Star = centre fan of triangles (the polygon is concave).
        for (int k = 0; k < 10; ++k) dl->AddTriangleFilled(c, pts[k], pts[(k + 1) % 10], col);
    }
    ImGui::Dummy(ImVec2(static_cast<float>(total) * (size + 2), size));
}

void bar(float fraction, ImVec2 size, ImU32 color, ImU32 background) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImVec2 p = ImGui::GetCursorScreenPos();
    const float r = size.y * 0.5f;
    dl->AddRectFilled(p, p + size, background, r);
    const float f = std::clamp(fraction, 0.0f, 1.0f);
    if (f > 0.0f)
        dl->AddRectFilled(p, ImVec2(p.x + std::max(size.y, size.x * f), p.y + size.y), color, r);
    ImGui::Dummy(size);
}

void meter(const TextCtx& tx, std::string_view label, float value, ImU32 color, float width,
           int delta, float flash) {
    ImGui::PushFont(tx.fonts.bold());
    tx.want(label);
    ImGui::TextUnformatted(label.data(), end(label));
    ImGui::PopFont();
    const std::string num = std::to_string(static_cast<int>(std::lround(value)));
    tx.want(num);
    const float numW = ImGui::CalcTextSize(num.c_str()).x;
    ImGui::SameLine(width - numW);
    ImGui::TextUnformatted(num.c_str());
    if (delta != 0 && flash > 0.0f) {
        const std::string d = (delta > 0 ? "+" : "") + std::to_string(delta);
        tx.want(d);
        const ImVec2 ds = ImGui::CalcTextSize(d.c_str());
        const ImVec2 at = ImGui::GetItemRectMin() - ImVec2(ds.x + 8, 0);
        const auto alpha = static_cast<unsigned>(255.0f * std::clamp(flash, 0.0f, 1.0f));
        const ImU32 c = (color & 0x00FFFFFFu) | (alpha << IM_COL32_A_SHIFT);
        ImGui::GetWindowDrawList()->AddText(ImVec2(at.x, at.y - (1.0f - flash) * 6), c, d.c_str());
    }
    bar(value / 100.0f, ImVec2(width, ImGui::GetFontSize() * 0.6f), color,
        theme::rgba(228, 223, 214));
}

bool answerCard(const TextCtx& tx, int number, std::string_view s, float width) {
    tx.want(s);
    ImFont* font = ImGui::GetFont();
    const float fs = ImGui::GetFontSize();
    const float pad = fs * 0.6f;
    const float badge = fs * 1.6f;
    const float wrap = width - badge - 3 * pad;
    const std::string lines = broken(font, fs, s, wrap);
    const ImVec2 ts =
        font->CalcTextSizeA(fs, 1e9f, 0.0f, lines.data(), lines.data() + lines.size());
    const ImVec2 size(width, std::max(ts.y, badge) + 2 * pad);
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::PushID(number);
    // ImGui asserts on an empty button: a window squeezed to nothing still gets one pixel.
    const bool clicked = ImGui::InvisibleButton("answer", ImVec2(std::max(size.x, 1.0f), size.y));
    const bool hovered = ImGui::IsItemHovered();
    const bool held = ImGui::IsItemActive();
    ImGui::PopID();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 bg = held ? theme::rgba(200, 228, 234) : hovered ? theme::kCardHover : theme::kCard;
    dl->AddRectFilled(p, p + size, bg, fs * 0.4f);
    dl->AddRect(p, p + size, hovered ? theme::kAccent : theme::kBorder, fs * 0.4f, 0,
                hovered ? 2.0f : 1.0f);
    const ImVec2 bc(p.x + pad + badge * 0.5f, p.y + size.y * 0.5f);
    dl->AddCircleFilled(bc, badge * 0.5f, theme::kAccent);
    const std::string n = std::to_string(number);
    const ImVec2 ns = ImGui::CalcTextSize(n.c_str());
    dl->AddText(tx.fonts.bold(), fs, ImVec2(bc.x - ns.x * 0.5f, bc.y - ns.y * 0.5f),
                theme::rgba(255, 255, 255), n.c_str());
    dl->AddText(font, fs, ImVec2(p.x + badge + 2 * pad, p.y + (size.y - ts.y) * 0.5f), theme::kText,
                lines.data(), lines.data() + lines.size());
    return clicked;
}

bool primaryButton(const TextCtx& tx, const char* label) {
    const float fs = ImGui::GetFontSize();
    ImGui::PushFont(tx.fonts.bold());
    tx.want(label);
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(fs * 1.1f, fs * 0.55f));
    ImGui::PushStyleColor(ImGuiCol_Button, theme::kAccent);
    ImGui::PushStyleColor(ImGuiCol_ButtonHovered, theme::rgba(30, 136, 156));
    ImGui::PushStyleColor(ImGuiCol_ButtonActive, theme::rgba(14, 90, 106));
    ImGui::PushStyleColor(ImGuiCol_Text, theme::rgba(255, 255, 255));
    const bool clicked = ImGui::Button(label);
    ImGui::PopStyleColor(4);
    ImGui::PopStyleVar();
    ImGui::PopFont();
    return clicked;
}

void beginCard(const char* id, ImVec2 size, ImU32 background, ImGuiWindowFlags flags) {
    ImGui::PushStyleColor(ImGuiCol_ChildBg, background);
    ImGui::BeginChild(id, size, true, flags);
    ImGui::PopStyleColor();
}

void endCard() { ImGui::EndChild(); }

void ellipseFilled(ImDrawList* dl, ImVec2 c, float rx, float ry, ImU32 col, int segments) {
    for (int i = 0; i < segments; ++i) {
        const float a = 6.2831853f * static_cast<float>(i) / static_cast<float>(segments);
        dl->PathLineTo(ImVec2(c.x + std::cos(a) * rx, c.y + std::sin(a) * ry));
    }
    dl->PathFillConvex(col);
}

void drawText(const TextCtx& tx, ImDrawList* dl, ImFont* font, ImVec2 pos, ImU32 col,
              std::string_view s, float wrap) {
    tx.fonts.want(s, tx.fonts.roleOf(font));
    const std::string lines = broken(font, font->FontSize, s, wrap);
    dl->AddText(font, font->FontSize, pos, col, lines.data(), lines.data() + lines.size());
}

ImVec2 measure(ImFont* font, std::string_view s, float wrap) {
    const std::string lines = broken(font, font->FontSize, s, wrap);
    return font->CalcTextSizeA(font->FontSize, 1e9f, 0.0f, lines.data(),
                               lines.data() + lines.size());
}

}  // namespace defuse::desktop::ui
