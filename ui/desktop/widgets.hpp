#pragma once
// Small drawing helpers shared by the panels. They take only a text context (language and
// fonts). Every text helper registers its characters with the font atlas first, so nothing
// the engine or a scenario says can show as '?'.
#include <imgui.h>

#include <string_view>

#include "fonts.hpp"
#include "i18n.hpp"
#include "theme.hpp"

namespace defuse::desktop::ui {

void text(const TextCtx& tx, std::string_view s);
void textColored(const TextCtx& tx, ImU32 color, std::string_view s);
void textWrapped(const TextCtx& tx, std::string_view s, ImU32 color = theme::kText);
/// One line of text cut with "..." to fit `maxWidth` pixels.
void textFitted(const TextCtx& tx, ImU32 color, std::string_view s, float maxWidth);
/// Bold text with a thin accent rule under it.
void heading(const TextCtx& tx, std::string_view s);
/// `s` broken into lines of at most `width` pixels of `font` at `size`, by the Chinese and
/// English rules of defuse::breakLines (0: unbroken). Every wrapping helper here uses it.
std::string broken(ImFont* font, float size, std::string_view s, float width);
/// Large bold text, wrapped.
void title(const TextCtx& tx, std::string_view s);
/// A rounded label at the cursor; stays on the current line when `sameLine`.
void pill(const TextCtx& tx, std::string_view s, ImU32 bg, ImU32 fg, bool sameLine = false);
/// `filled` of `total` stars.
void stars(int filled, int total, float size, ImU32 color);
/// A horizontal bar, 0..1.
void bar(float fraction, ImVec2 size, ImU32 color, ImU32 background);
/// A labelled 0-100 mood meter; `delta` (the last change) is shown while `flash` > 0.
void meter(const TextCtx& tx, std::string_view label, float value, ImU32 color, float width,
           int delta, float flash);
/// A clickable, wrapping answer card with its key number. Returns true when clicked.
bool answerCard(const TextCtx& tx, int number, std::string_view s, float width);
/// A filled accent button with white bold text (the main action of a screen).
bool primaryButton(const TextCtx& tx, const char* label);
/// A bordered card region (BeginChild); always pair with endCard().
void beginCard(const char* id, ImVec2 size, ImU32 background = theme::kCard,
               ImGuiWindowFlags flags = 0);
void endCard();
/// A filled ellipse (ImGui 1.86 has none).
void ellipseFilled(ImDrawList* dl, ImVec2 c, float rx, float ry, ImU32 col, int segments = 40);
/// Text through the draw list at a position, wrapped at `wrap` pixels (0 = no wrap).
void drawText(const TextCtx& tx, ImDrawList* dl, ImFont* font, ImVec2 pos, ImU32 col,
              std::string_view s, float wrap = 0.0f);
/// The size `s` takes in `font`, wrapped at `wrap` pixels (0 = no wrap).
ImVec2 measure(ImFont* font, std::string_view s, float wrap = 0.0f);

inline ImVec2 operator+(ImVec2 a, ImVec2 b) { return ImVec2(a.x + b.x, a.y + b.y); }
inline ImVec2 operator-(ImVec2 a, ImVec2 b) { return ImVec2(a.x - b.x, a.y - b.y); }
inline ImVec2 operator*(ImVec2 a, float k) { return ImVec2(a.x * k, a.y * k); }

}  // namespace defuse::desktop::ui
