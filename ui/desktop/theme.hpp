#pragma once
// Colours and the ImGui style.
#include <imgui.h>

#include "defuse/mood.hpp"
#include "defuse/scenario.hpp"

namespace defuse::desktop::theme {

/// A packed colour (IM_COL32 without its C casts, which our warnings reject).
constexpr ImU32 rgba(unsigned r, unsigned g, unsigned b, unsigned a = 255) {
    return (a << IM_COL32_A_SHIFT) | (b << IM_COL32_B_SHIFT) | (g << IM_COL32_G_SHIFT) |
           (r << IM_COL32_R_SHIFT);
}

inline constexpr ImU32 kBackground = rgba(243, 240, 235);
inline constexpr ImU32 kCard = rgba(255, 255, 255);
inline constexpr ImU32 kCardHover = rgba(236, 246, 248);
inline constexpr ImU32 kBorder = rgba(214, 208, 198);
inline constexpr ImU32 kText = rgba(34, 34, 38);
inline constexpr ImU32 kMuted = rgba(110, 108, 104);
inline constexpr ImU32 kAccent = rgba(22, 112, 130);
inline constexpr ImU32 kAccentSoft = rgba(214, 236, 240);
inline constexpr ImU32 kAnger = rgba(214, 48, 49);
inline constexpr ImU32 kTrust = rgba(41, 128, 185);
inline constexpr ImU32 kPatience = rgba(230, 145, 35);
inline constexpr ImU32 kGood = rgba(39, 150, 80);
inline constexpr ImU32 kBad = rgba(200, 55, 45);
inline constexpr ImU32 kWarn = rgba(190, 120, 0);
inline constexpr ImU32 kCoach = rgba(255, 248, 220);
inline constexpr ImU32 kPhoneDark = rgba(32, 40, 52);
inline constexpr ImU32 kPhoneGreen = rgba(46, 204, 113);

/// The colour of a mood band (calm green ... furious red).
ImU32 bandColor(MoodBand band);
/// The colour of an ending's kind (resolved green, partial amber, escalated or lost red).
ImU32 endingColor(EndingKind kind);
/// The colour for a score (red below 40, amber, green from 70).
ImU32 scoreColor(double fraction);
/// Mixes two colours, `t` 0..1.
ImU32 mix(ImU32 a, ImU32 b, float t);
/// An ImVec4 from a packed colour.
ImVec4 vec(ImU32 c);

/// Applies the light, rounded style at a text size.
void apply(float textSize);

}  // namespace defuse::desktop::theme
