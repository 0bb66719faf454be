// The person around the face: hair, clothes, age and gender cues, glasses, the wristwatch.
#include <algorithm>
#include <cmath>

#include "portrait_parts.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace defuse::desktop::portrait {

using theme::rgba;
using ui::operator+;
using ui::operator-;
using ui::operator*;

float smooth(float e0, float e1, float x) {
    const float t = std::clamp((x - e0) / (e1 - e0), 0.0f, 1.0f);
    return t * t * (3 - 2 * t);
}

float lerp(float a, float b, float t) { return a + (b - a) * t; }

ImU32 withAlpha(ImU32 c, float a) {
    const auto alpha = static_cast<unsigned>(255.0f * std::clamp(a, 0.0f, 1.0f));
    return (c & 0x00FFFFFFu) | (alpha << IM_COL32_A_SHIFT);
}

// [SECTION] Who is drawn

Person personOf(const CustomerLook& look, unsigned variant) {
    Person p;
    p.woman = look.gender == "woman";
    p.age = look.age == "young" ? 0 : look.age == "older" ? 2 : 1;
    const auto pick = [](const std::string& v, auto fallback, auto... pairs) {
        for (const auto& [name, value] : {pairs...})
            if (v == name) return value;
        return fallback;
    };
    p.hair = pick(look.hair, p.woman ? Hair::Long : Hair::Short, std::pair{"short", Hair::Short},
                  std::pair{"long", Hair::Long}, std::pair{"bun", Hair::Bun},
                  std::pair{"ponytail", Hair::Ponytail}, std::pair{"bald", Hair::Bald});
    p.clothes = pick(look.clothes, p.woman ? Clothes::Blouse : Clothes::Shirt,
                     std::pair{"shirt", Clothes::Shirt}, std::pair{"polo", Clothes::Polo},
                     std::pair{"blouse", Clothes::Blouse}, std::pair{"jacket", Clothes::Jacket},
                     std::pair{"suit", Clothes::Suit}, std::pair{"hoodie", Clothes::Hoodie},
                     std::pair{"uniform", Clothes::Uniform});
    p.glasses = look.glasses;
    const ImU32 darkHair[] = {rgba(36, 30, 28), rgba(58, 42, 34), rgba(28, 28, 32),
                              rgba(84, 58, 38)};
    const ImU32 fallbackHair = p.age == 2 ? rgba(150, 150, 156) : darkHair[variant % 4];
    p.hairColor =
        pick(look.hairColour, fallbackHair, std::pair{"black", rgba(30, 30, 34)},
             std::pair{"brown", rgba(96, 64, 40)}, std::pair{"grey", rgba(150, 150, 156)},
             std::pair{"white", rgba(222, 222, 226)}, std::pair{"blond", rgba(206, 168, 96)});
    const ImU32 colours[] = {rgba(70, 96, 140), rgba(120, 60, 60), rgba(60, 110, 90),
                             rgba(100, 90, 130)};
    const ImU32 blouses[] = {rgba(214, 120, 140), rgba(236, 218, 190), rgba(120, 160, 200),
                             rgba(160, 110, 170)};
    const unsigned v = (variant / 4) % 4;
    switch (p.clothes) {
        case Clothes::Blouse:
            p.clothesColor = blouses[v];
            break;
        case Clothes::Suit:
            p.clothesColor = v % 2 ? rgba(44, 48, 58) : rgba(52, 56, 70);
            break;
        case Clothes::Jacket:
            p.clothesColor = v % 2 ? rgba(92, 70, 50) : rgba(58, 72, 60);
            break;
        case Clothes::Uniform:
            p.clothesColor = rgba(60, 90, 130);
            break;
        default:
            p.clothesColor = colours[v];
    }
    p.skin = p.age == 2 ? rgba(236, 198, 166) : rgba(242, 204, 170);
    return p;
}

// [SECTION] Hair

namespace {

// The cap of hair over the forehead: an arc over the top of the head from angle a0 to a1.
void cap(ImDrawList* dl, ImVec2 c, float r, float a0, float a1, float rx, float ry, ImU32 col) {
    for (int i = 0; i <= 28; ++i) {
        const float ang = a0 + (a1 - a0) * static_cast<float>(i) / 28.0f;
        dl->PathLineTo(
            ImVec2(c.x + std::cos(ang) * rx * r, c.y - 0.1f * r + std::sin(ang) * ry * r));
    }
    dl->PathFillConvex(col);
}

}  // namespace

void drawHairBack(ImDrawList* dl, ImVec2 c, float r, const Person& p) {
    const ImU32 h = p.hairColor;
    switch (p.hair) {
        case Hair::Long:
            ui::ellipseFilled(dl, ImVec2(c.x, c.y - 0.1f * r), 1.04f * r, 1.04f * r, h, 48);
            dl->AddRectFilled(ImVec2(c.x - 1.04f * r, c.y - 0.1f * r),
                              ImVec2(c.x + 1.04f * r, c.y + 1.55f * r), h, 0.35f * r,
                              ImDrawFlags_RoundCornersBottom);
            break;
        case Hair::Bun:
            dl->AddCircleFilled(ImVec2(c.x, c.y - 1.0f * r), 0.34f * r, h, 32);
            ui::ellipseFilled(dl, ImVec2(c.x, c.y - 0.1f * r), 0.94f * r, 0.98f * r, h, 48);
            break;
        case Hair::Ponytail:
            ui::ellipseFilled(dl, ImVec2(c.x + 0.92f * r, c.y + 0.2f * r), 0.26f * r, 0.7f * r, h,
                              32);
            ui::ellipseFilled(dl, ImVec2(c.x, c.y - 0.1f * r), 0.94f * r, 0.98f * r, h, 48);
            dl->AddCircleFilled(ImVec2(c.x + 0.82f * r, c.y - 0.42f * r), 0.1f * r,
                                theme::mix(h, rgba(200, 60, 80), 0.7f), 16);
            break;
        case Hair::Short:
            ui::ellipseFilled(dl, ImVec2(c.x, c.y - 0.12f * r), 1.0f * r, 1.02f * r, h, 48);
            break;
        case Hair::Bald:
            break;
    }
}

void drawHairOver(ImDrawList* dl, ImVec2 c, float r, const Person& p, bool headOnly) {
    if (p.hair != Hair::Long) return;
    const float bottom = c.y + (headOnly ? 1.05f : 1.75f) * r;
    for (int side = -1; side <= 1; side += 2) {
        const float s = static_cast<float>(side);
        const float x0 = c.x + s * 0.6f * r, x1 = c.x + s * 1.02f * r;
        dl->AddRectFilled(ImVec2(std::min(x0, x1), c.y - 0.1f * r),
                          ImVec2(std::max(x0, x1), bottom), p.hairColor, 0.2f * r,
                          ImDrawFlags_RoundCornersBottom);
    }
}

void drawHairFront(ImDrawList* dl, ImVec2 c, float r, const Person& p) {
    const ImU32 h = p.hairColor;
    switch (p.hair) {
        case Hair::Long:
            // A side parting: the cap, and a sweep falling lower over one side of the forehead.
            cap(dl, c, r, 3.05f, 6.38f, 0.92f, 0.94f, h);
            dl->PathLineTo(ImVec2(c.x - 0.1f * r, c.y - 0.95f * r));
            dl->PathBezierCubicCurveTo(ImVec2(c.x - 0.5f * r, c.y - 0.8f * r),
                                       ImVec2(c.x - 0.78f * r, c.y - 0.5f * r),
                                       ImVec2(c.x - 0.86f * r, c.y - 0.05f * r), 16);
            dl->PathLineTo(ImVec2(c.x - 0.9f * r, c.y - 0.6f * r));
            dl->PathFillConvex(h);
            break;
        case Hair::Bun:
        case Hair::Ponytail:
            // Pulled back: the forehead shows under an arched hairline.
            cap(dl, c, r, 3.25f, 6.17f, 0.9f, 0.95f, h);
            ui::ellipseFilled(dl, ImVec2(c.x, c.y - 0.15f * r), 0.64f * r, 0.5f * r, p.skin, 40);
            break;
        case Hair::Short:
            if (p.woman) {  // a pixie cut: a full fringe
                cap(dl, c, r, 3.1f, 6.32f, 0.9f, 0.92f, h);
                break;
            }
            // A squarer hairline, parted on one side, the fringe swept across.
            cap(dl, c, r, 3.25f, 6.17f, 0.9f, 0.95f, h);
            dl->AddRectFilled(ImVec2(c.x - 0.62f * r, c.y - 0.56f * r),
                              ImVec2(c.x + 0.62f * r, c.y + 0.1f * r), p.skin, 0.3f * r,
                              ImDrawFlags_RoundCornersTop);
            dl->PathLineTo(ImVec2(c.x - 0.35f * r, c.y - 0.95f * r));
            dl->PathBezierCubicCurveTo(ImVec2(c.x + 0.1f * r, c.y - 0.75f * r),
                                       ImVec2(c.x + 0.45f * r, c.y - 0.62f * r),
                                       ImVec2(c.x + 0.7f * r, c.y - 0.42f * r), 12);
            dl->PathLineTo(ImVec2(c.x + 0.75f * r, c.y - 0.8f * r));
            dl->PathFillConvex(h);
            break;
        case Hair::Bald:
            // Hair only at the sides, above the ears; a shine on the crown.
            for (int side = -1; side <= 1; side += 2) {
                const float s = static_cast<float>(side);
                dl->AddBezierQuadratic(ImVec2(c.x + s * 0.6f * r, c.y - 0.55f * r),
                                       ImVec2(c.x + s * 0.86f * r, c.y - 0.45f * r),
                                       ImVec2(c.x + s * 0.84f * r, c.y + 0.05f * r), h, 0.14f * r,
                                       16);
            }
            ui::ellipseFilled(dl, ImVec2(c.x - 0.3f * r, c.y - 0.65f * r), 0.16f * r, 0.07f * r,
                              withAlpha(rgba(255, 255, 255), 0.45f), 20);
            break;
    }
}

// [SECTION] Clothes

void drawClothes(ImDrawList* dl, ImVec2 c, float r, const Person& p) {
    const ImU32 body = p.clothesColor;
    const ImU32 dark = theme::mix(body, rgba(0, 0, 0), 0.3f);
    const ImU32 white = rgba(245, 245, 245);
    const float top = c.y + 1.05f * r;
    const float neckW = (p.woman ? 0.23f : 0.28f) * r;
    if (p.clothes == Clothes::Hoodie)  // the hood, behind the neck
        ui::ellipseFilled(dl, ImVec2(c.x, top + 0.02f * r), 0.62f * r, 0.28f * r, dark, 32);
    dl->AddRectFilled(ImVec2(c.x - 1.45f * r, top), ImVec2(c.x + 1.45f * r, c.y + 2.2f * r), body,
                      r * 0.55f, ImDrawFlags_RoundCornersTop);
    const ImU32 neck = theme::mix(p.skin, rgba(50, 36, 30), 0.08f);
    dl->AddRectFilled(ImVec2(c.x - neckW, c.y + 0.7f * r), ImVec2(c.x + neckW, top + 0.04f * r),
                      neck);
    const ImVec2 l(c.x - 0.34f * r, top), rr(c.x + 0.34f * r, top);
    switch (p.clothes) {
        case Clothes::Shirt:
        case Clothes::Uniform:
        case Clothes::Polo: {
            const ImU32 collar = p.clothes == Clothes::Polo      ? theme::mix(body, white, 0.25f)
                                 : p.clothes == Clothes::Uniform ? theme::mix(body, white, 0.15f)
                                                                 : white;
            dl->AddTriangleFilled(ImVec2(c.x - 0.3f * r, top), ImVec2(c.x + 0.3f * r, top),
                                  ImVec2(c.x, top + 0.3f * r), neck);
            dl->AddTriangleFilled(ImVec2(c.x - 0.4f * r, top - 0.05f * r),
                                  ImVec2(c.x, top + 0.3f * r),
                                  ImVec2(c.x - 0.2f * r, top + 0.38f * r), collar);
            dl->AddTriangleFilled(ImVec2(c.x + 0.4f * r, top - 0.05f * r),
                                  ImVec2(c.x, top + 0.3f * r),
                                  ImVec2(c.x + 0.2f * r, top + 0.38f * r), collar);
            const int buttons = p.clothes == Clothes::Polo ? 2 : 3;
            for (int k = 0; k < buttons; ++k)
                dl->AddCircleFilled(ImVec2(c.x, top + (0.45f + 0.25f * static_cast<float>(k)) * r),
                                    0.035f * r, dark, 12);
            if (p.clothes == Clothes::Uniform) {  // a chest pocket with a name badge
                dl->AddRect(ImVec2(c.x + 0.45f * r, top + 0.45f * r),
                            ImVec2(c.x + 0.85f * r, top + 0.9f * r), dark, 0.04f * r, 0, 0.04f * r);
                dl->AddRectFilled(ImVec2(c.x - 0.85f * r, top + 0.45f * r),
                                  ImVec2(c.x - 0.45f * r, top + 0.6f * r), white, 0.03f * r);
            }
            break;
        }
        case Clothes::Blouse:
            // A round neckline and a thin necklace.
            dl->PathArcTo(ImVec2(c.x, top), 0.36f * r, 0.0f, 3.14159f, 24);
            dl->PathFillConvex(neck);
            dl->PathArcTo(ImVec2(c.x, top + 0.02f * r), 0.38f * r, 0.0f, 3.14159f, 24);
            dl->PathStroke(theme::mix(body, white, 0.4f), 0, 0.05f * r);
            dl->PathArcTo(ImVec2(c.x, top - 0.05f * r), 0.25f * r, 0.3f, 2.84f, 20);
            dl->PathStroke(rgba(214, 178, 90), 0, 0.025f * r);
            break;
        case Clothes::Jacket:
        case Clothes::Suit: {
            const ImU32 inner = p.clothes == Clothes::Suit ? white : rgba(210, 206, 196);
            dl->AddTriangleFilled(ImVec2(c.x - 0.42f * r, top), ImVec2(c.x + 0.42f * r, top),
                                  ImVec2(c.x, top + 0.95f * r), inner);
            dl->AddTriangleFilled(l - ImVec2(0.1f * r, 0.02f * r), ImVec2(c.x, top + 0.95f * r),
                                  ImVec2(c.x - 0.55f * r, top + 0.5f * r), dark);
            dl->AddTriangleFilled(rr + ImVec2(0.1f * r, -0.02f * r), ImVec2(c.x, top + 0.95f * r),
                                  ImVec2(c.x + 0.55f * r, top + 0.5f * r), dark);
            if (p.woman) {  // an open collar
                dl->AddTriangleFilled(ImVec2(c.x - 0.2f * r, top), ImVec2(c.x + 0.2f * r, top),
                                      ImVec2(c.x, top + 0.4f * r), neck);
            } else if (p.clothes == Clothes::Suit) {  // a tie
                const ImU32 tie = rgba(150, 40, 50);
                dl->AddTriangleFilled(ImVec2(c.x - 0.08f * r, top + 0.02f * r),
                                      ImVec2(c.x + 0.08f * r, top + 0.02f * r),
                                      ImVec2(c.x, top + 0.14f * r), tie);
                dl->AddQuadFilled(
                    ImVec2(c.x, top + 0.1f * r), ImVec2(c.x + 0.1f * r, top + 0.6f * r),
                    ImVec2(c.x, top + 0.75f * r), ImVec2(c.x - 0.1f * r, top + 0.6f * r), tie);
            }
            break;
        }
        case Clothes::Hoodie:
            dl->AddTriangleFilled(ImVec2(c.x - 0.3f * r, top), ImVec2(c.x + 0.3f * r, top),
                                  ImVec2(c.x, top + 0.25f * r), neck);
            for (int side = -1; side <= 1; side += 2) {
                const float s = static_cast<float>(side);
                const ImVec2 a(c.x + s * 0.16f * r, top + 0.2f * r);
                const ImVec2 b(c.x + s * 0.2f * r, top + 0.75f * r);
                dl->AddLine(a, b, white, 0.035f * r);
                dl->AddCircleFilled(b, 0.05f * r, white, 12);
            }
            break;
    }
}

// [SECTION] Age, gender, glasses

void drawAgeAndGender(ImDrawList* dl, ImVec2 c, float r, const Person& p, float eyeY, ImU32 ink) {
    const ImU32 line = withAlpha(theme::mix(p.skin, ink, 0.45f), 0.8f);
    if (p.age == 2) {
        for (int k = 0; k < 2; ++k) {  // forehead lines
            const float y = c.y - (0.5f - 0.09f * static_cast<float>(k)) * r;
            dl->AddBezierQuadratic(ImVec2(c.x - 0.3f * r, y), ImVec2(c.x, y - 0.06f * r),
                                   ImVec2(c.x + 0.3f * r, y), line, 0.025f * r, 12);
        }
        for (int side = -1; side <= 1; side += 2) {
            const float s = static_cast<float>(side);
            // Smile lines from the nose to the corners of the mouth; crow's feet.
            dl->AddBezierQuadratic(ImVec2(c.x + s * 0.2f * r, c.y + 0.3f * r),
                                   ImVec2(c.x + s * 0.34f * r, c.y + 0.42f * r),
                                   ImVec2(c.x + s * 0.32f * r, c.y + 0.6f * r), line, 0.025f * r,
                                   12);
            for (int k = -1; k <= 1; k += 2)
                dl->AddLine(ImVec2(c.x + s * 0.53f * r, eyeY + static_cast<float>(k) * 0.02f * r),
                            ImVec2(c.x + s * 0.62f * r, eyeY + static_cast<float>(k) * 0.06f * r),
                            line, 0.02f * r);
        }
    }
    if (p.woman) {
        for (int side = -1; side <= 1; side += 2) {
            const float s = static_cast<float>(side);
            const ImVec2 corner(c.x + s * 0.48f * r, eyeY - 0.03f * r);
            dl->AddLine(corner, corner + ImVec2(s * 0.07f * r, -0.06f * r), ink, 0.03f * r);
            dl->AddLine(corner + ImVec2(-s * 0.03f * r, -0.04f * r),
                        corner + ImVec2(s * 0.02f * r, -0.11f * r), ink, 0.03f * r);
            if (p.hair != Hair::Long)  // earrings, where the hair shows the ears
                dl->AddCircleFilled(ImVec2(c.x + s * 0.9f * r, c.y + 0.26f * r), 0.05f * r,
                                    rgba(222, 186, 90), 12);
        }
    }
}

void drawGlasses(ImDrawList* dl, ImVec2 c, float r, float eyeY, ImU32 ink) {
    for (int side = -1; side <= 1; side += 2) {
        const ImVec2 e(c.x + static_cast<float>(side) * 0.34f * r, eyeY);
        dl->AddRectFilled(e - ImVec2(0.22f * r, 0.16f * r), e + ImVec2(0.22f * r, 0.16f * r),
                          withAlpha(rgba(255, 255, 255), 0.18f), 0.07f * r);
        dl->AddRect(e - ImVec2(0.22f * r, 0.16f * r), e + ImVec2(0.22f * r, 0.16f * r), ink,
                    0.07f * r, 0, 0.035f * r);
    }
    dl->AddLine(ImVec2(c.x - 0.12f * r, eyeY - 0.04f * r),
                ImVec2(c.x + 0.12f * r, eyeY - 0.04f * r), ink, 0.035f * r);
}

// [SECTION] The watch

void drawWatch(ImDrawList* dl, ImVec2 c, float r, const Person& p, float amount, float time,
               bool headOnly) {
    const ImU32 ink = withAlpha(rgba(40, 40, 46), amount);
    const float minute = time * 2.0f;  // the hand sweeps (it is a cartoon watch)
    auto dial = [&](ImVec2 at, float rad) {
        dl->AddCircleFilled(at, rad, withAlpha(rgba(250, 250, 245), amount), 24);
        dl->AddCircle(at, rad, ink, 24, 0.2f * rad);
        dl->AddLine(at, at + ImVec2(0, -0.55f * rad), ink, 0.16f * rad);
        dl->AddLine(at,
                    at + ImVec2(std::sin(minute) * 0.75f * rad, -std::cos(minute) * 0.75f * rad),
                    ink, 0.12f * rad);
    };
    if (headOnly) {  // a clock by the head, with "tick" marks
        const ImVec2 at(c.x + 0.98f * r, c.y - 0.82f * r);
        dial(at, 0.26f * r);
        const float blink = 0.5f + 0.5f * std::sin(time * 6.0f);
        for (int k = -1; k <= 1; ++k) {
            const float ang = -1.57f + 0.55f * static_cast<float>(k);
            const ImVec2 d(std::cos(ang), std::sin(ang));
            dl->AddLine(at + d * (0.34f * r), at + d * (0.46f * r),
                        withAlpha(rgba(230, 145, 35), amount * (0.5f + 0.5f * blink)), 0.05f * r);
        }
        return;
    }
    // A forearm up from the bottom right, the watch on the wrist turned to the face.
    const ImU32 sleeve = withAlpha(theme::mix(p.clothesColor, rgba(255, 255, 255), 0.18f), amount);
    const ImU32 edge = withAlpha(theme::mix(p.clothesColor, rgba(0, 0, 0), 0.45f), amount);
    const ImVec2 elbow(c.x + 1.3f * r, c.y + 2.1f * r);
    const ImVec2 wrist(c.x + 0.5f * r, c.y + 1.62f * r);
    dl->AddLine(elbow, wrist, edge, 0.48f * r);
    dl->AddCircleFilled(wrist, 0.24f * r, edge, 20);
    dl->AddLine(elbow, wrist, sleeve, 0.4f * r);
    dl->AddCircleFilled(wrist, 0.2f * r, sleeve, 20);
    const ImVec2 hand(c.x + 0.14f * r, c.y + 1.46f * r);
    ui::ellipseFilled(dl, hand, 0.19f * r, 0.16f * r, withAlpha(p.skin, amount), 20);
    const ImVec2 watch = wrist + (hand - wrist) * 0.2f;
    dl->AddLine(watch + ImVec2(-0.13f * r, -0.15f * r), watch + ImVec2(0.13f * r, 0.15f * r),
                withAlpha(rgba(60, 44, 36), amount), 0.2f * r);
    dial(watch, 0.16f * r);
    const float blink = 0.5f + 0.5f * std::sin(time * 6.0f);
    for (int k = 0; k < 2; ++k) {
        const float ang = -2.4f + 0.6f * static_cast<float>(k);
        const ImVec2 d(std::cos(ang), std::sin(ang));
        dl->AddLine(watch + d * (0.24f * r), watch + d * (0.36f * r),
                    withAlpha(rgba(230, 145, 35), amount * (0.5f + 0.5f * blink)), 0.04f * r);
    }
}

}  // namespace defuse::desktop::portrait
