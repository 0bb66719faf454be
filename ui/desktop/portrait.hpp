#pragma once
// The customer's face, drawn with ImDrawList; the expression follows the mood continuously
// (calm, irritated, angry, furious), so an animated anger value animates the face.
#include <imgui.h>

namespace defuse::desktop {

struct PortraitLook {
    float anger = 50;       ///< 0-100 (may be an animated, in-between value)
    float trust = 50;       ///< 0-100: low trust looks away
    float speaking = 0;     ///< 0-1: the mouth moves while a new line comes in
    float time = 0;         ///< seconds, drives the small animations
    unsigned variant = 0;   ///< picks hair and shirt colours (for example a hash of the id)
    bool headOnly = false;  ///< no shoulders (for the round avatar of a phone call)
};

/// Draws a head and shoulders centred on `center`, the face `radius` pixels wide.
void drawPortrait(ImDrawList* dl, ImVec2 center, float radius, const PortraitLook& look);

/// Where a phone-call card put things.
struct PhoneLayout {
    ImVec2 avatar;      ///< centre of the round avatar
    float radius = 0;   ///< its radius
    float headerY = 0;  ///< top of the caller line
    float labelY = 0;   ///< top of the line under the avatar (the mood band)
};

/// Draws a phone-call card (dark, avatar in a ring, speaking pulses, call buttons) filling
/// `min`-`max`, leaving two text lines at the top and one under the avatar.
PhoneLayout drawPhoneFrame(ImDrawList* dl, ImVec2 min, ImVec2 max, float fontSize, ImU32 ringColor,
                           float speaking, float time);

}  // namespace defuse::desktop
