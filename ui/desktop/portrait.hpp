#pragma once
// The customer's face, drawn with ImDrawList and scaled by its radius (crisp at any text
// size). The expression follows anger, trust and patience together (expression.hpp); the
// person (gender, age, hair, clothes, glasses) is the scenario's `customer: look:`.
#include <imgui.h>

#include <string>
#include <vector>

#include "defuse/look.hpp"

namespace defuse {
struct Scenario;
}

namespace defuse::desktop {

struct PortraitLook {
    float anger = 50;       ///< 0-100 (may be an animated, in-between value)
    float trust = 50;       ///< 0-100: low trust looks away, worries, does not smile
    float patience = 60;    ///< 0-100: low patience checks the time
    bool needling = false;  ///< smirks (a sarcastic customer, or a line cued `needles`)
    bool anxious = false;   ///< worries visibly (an anxious customer, or a worried line)
    float speaking = 0;     ///< 0-1: the mouth moves while a new line comes in
    float time = 0;         ///< seconds, drives the small animations
    unsigned variant = 0;   ///< picks colours the look leaves open (a hash of the id)
    bool headOnly = false;  ///< no shoulders (for the round avatar of a phone call)
    CustomerLook person;    ///< who is drawn; "" fields fall back to a man of middle age
};

/// The look of a scenario's customer (person, manner, colours) with the mood left at its
/// defaults; `cues` are the current line's (`needles` smirks; `safety_worry` and `hesitant`
/// look anxious).
PortraitLook portraitFor(const Scenario& sc, const std::vector<std::string>* cues = nullptr);

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
