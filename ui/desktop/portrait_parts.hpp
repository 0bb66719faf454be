#pragma once
// The parts of a portrait (portrait.cpp draws the face, portrait_person.cpp the person around
// it). Every length is a multiple of the face radius `r`, so the drawing is crisp at any size.
#include <imgui.h>

#include "defuse/look.hpp"

namespace defuse::desktop::portrait {

enum class Hair { Short, Long, Bun, Ponytail, Bald };
enum class Clothes { Shirt, Polo, Blouse, Jacket, Suit, Hoodie, Uniform };

/// A CustomerLook resolved to drawing choices, with defaults for what it leaves open.
struct Person {
    bool woman = false;
    int age = 1;  ///< 0 young, 1 middle, 2 older
    Hair hair = Hair::Short;
    Clothes clothes = Clothes::Shirt;
    bool glasses = false;
    ImU32 hairColor = 0;
    ImU32 clothesColor = 0;
    ImU32 skin = 0;
};

Person personOf(const CustomerLook& look, unsigned variant);

float smooth(float e0, float e1, float x);
float lerp(float a, float b, float t);
ImU32 withAlpha(ImU32 c, float a);

/// Hair behind the head (long hair, a bun, a ponytail, the back of short hair).
void drawHairBack(ImDrawList* dl, ImVec2 c, float r, const Person& p);
/// Long hair falling over the shoulders (in front of the clothes, behind the face).
void drawHairOver(ImDrawList* dl, ImVec2 c, float r, const Person& p, bool headOnly);
/// Hair over the forehead (or the fringe of a bald head).
void drawHairFront(ImDrawList* dl, ImVec2 c, float r, const Person& p);
/// The shoulders and what they wear, with the neck.
void drawClothes(ImDrawList* dl, ImVec2 c, float r, const Person& p);
/// Lines of age (older) and the small cues of a woman's face (lashes, earrings).
void drawAgeAndGender(ImDrawList* dl, ImVec2 c, float r, const Person& p, float eyeY, ImU32 ink);
void drawGlasses(ImDrawList* dl, ImVec2 c, float r, float eyeY, ImU32 ink);
/// A forearm raised to look at a wristwatch (or, head only, a clock by the head).
void drawWatch(ImDrawList* dl, ImVec2 c, float r, const Person& p, float amount, float time,
               bool headOnly);

}  // namespace defuse::desktop::portrait
