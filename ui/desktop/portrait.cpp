// A procedural face: brows, eyes, mouth and colour move with anger; trust moves the gaze.
#include "portrait.hpp"

#include <algorithm>
#include <cmath>

#include "theme.hpp"
#include "widgets.hpp"

namespace defuse::desktop {

namespace {

using ui::operator+;
using theme::rgba;

float smooth(float e0, float e1, float x) {
    const float t = std::clamp((x - e0) / (e1 - e0), 0.0f, 1.0f);
    return t * t * (3 - 2 * t);
}

float lerp(float a, float b, float t) { return a + (b - a) * t; }

ImU32 withAlpha(ImU32 c, float a) {
    const auto alpha = static_cast<unsigned>(255.0f * std::clamp(a, 0.0f, 1.0f));
    return (c & 0x00FFFFFFu) | (alpha << IM_COL32_A_SHIFT);
}

void drawBrow(ImDrawList* dl, ImVec2 outer, ImVec2 inner, float thick, ImU32 col) {
    dl->AddLine(outer, inner, col, thick);
    dl->AddCircleFilled(outer, thick * 0.5f, col);
    dl->AddCircleFilled(inner, thick * 0.5f, col);
}

/// The "anger vein" mark: four short curved strokes.
void drawVein(ImDrawList* dl, ImVec2 c, float s, ImU32 col) {
    for (int k = 0; k < 4; ++k) {
        const float a = 0.785398f + 1.570796f * static_cast<float>(k);
        const ImVec2 mid(c.x + std::cos(a) * s * 0.55f, c.y + std::sin(a) * s * 0.55f);
        dl->PathArcTo(mid, s * 0.35f, a + 2.0f, a + 4.28f, 8);
        dl->PathStroke(col, 0, s * 0.16f);
    }
}

}  // namespace

void drawPortrait(ImDrawList* dl, ImVec2 c, float r, const PortraitLook& look) {
    const float a = std::clamp(look.anger / 100.0f, 0.0f, 1.0f);
    const float t = std::clamp(look.trust / 100.0f, 0.0f, 1.0f);
    const ImU32 hairColors[] = {rgba(58, 42, 34), rgba(30, 30, 34), rgba(110, 74, 40),
                                rgba(90, 90, 96)};
    const ImU32 shirtColors[] = {rgba(70, 96, 140), rgba(120, 60, 60), rgba(60, 110, 90),
                                 rgba(100, 90, 130)};
    const ImU32 hair = hairColors[look.variant % 4];
    const ImU32 shirt = shirtColors[(look.variant / 4) % 4];
    const ImU32 skinBase = rgba(242, 204, 170);
    const ImU32 skin = theme::mix(skinBase, rgba(232, 128, 108), smooth(0.45f, 1.0f, a) * 0.75f);
    const ImU32 ink = rgba(50, 36, 30);

    // Shoulders, neck, ears, hair behind, face.
    if (!look.headOnly) {
        dl->AddRectFilled(ImVec2(c.x - 1.45f * r, c.y + 1.05f * r),
                          ImVec2(c.x + 1.45f * r, c.y + 2.2f * r), shirt, r * 0.55f);
        dl->AddTriangleFilled(ImVec2(c.x - 0.32f * r, c.y + 1.05f * r),
                              ImVec2(c.x + 0.32f * r, c.y + 1.05f * r),
                              ImVec2(c.x, c.y + 1.45f * r), rgba(245, 245, 245));
        dl->AddRectFilled(ImVec2(c.x - 0.28f * r, c.y + 0.7f * r),
                          ImVec2(c.x + 0.28f * r, c.y + 1.12f * r), theme::mix(skin, ink, 0.08f));
    }
    ui::ellipseFilled(dl, ImVec2(c.x, c.y - 0.12f * r), 1.0f * r, 1.02f * r, hair);
    dl->AddCircleFilled(ImVec2(c.x - 0.9f * r, c.y + 0.08f * r), 0.17f * r, skin);
    dl->AddCircleFilled(ImVec2(c.x + 0.9f * r, c.y + 0.08f * r), 0.17f * r, skin);
    ui::ellipseFilled(dl, ImVec2(c.x, c.y + 0.08f * r), 0.86f * r, 0.98f * r, skin);
    // Fringe: the upper cap of the head.
    for (int i = 0; i <= 24; ++i) {
        const float ang = 3.30f + (6.12f - 3.30f) * static_cast<float>(i) / 24.0f;
        dl->PathLineTo(
            ImVec2(c.x + std::cos(ang) * 0.9f * r, c.y - 0.1f * r + std::sin(ang) * 0.92f * r));
    }
    dl->PathFillConvex(hair);

    // Cheeks: a warm blush when calm, an angry flush when not.
    const ImU32 blush = a < 0.4f ? withAlpha(rgba(240, 150, 150), 0.35f * (1 - a / 0.4f))
                                 : withAlpha(rgba(220, 60, 50), 0.45f * smooth(0.5f, 1.0f, a));
    dl->AddCircleFilled(ImVec2(c.x - 0.5f * r, c.y + 0.32f * r), 0.16f * r, blush);
    dl->AddCircleFilled(ImVec2(c.x + 0.5f * r, c.y + 0.32f * r), 0.16f * r, blush);

    // Eyes narrow with anger; low trust looks away.
    const float eyeY = c.y - 0.02f * r;
    const float eyeRy = 0.12f * r * (1.0f - 0.5f * smooth(0.3f, 1.0f, a));
    const float gaze = (1.0f - t) * 0.06f * r;
    for (int side = -1; side <= 1; side += 2) {
        const ImVec2 e(c.x + static_cast<float>(side) * 0.34f * r, eyeY);
        ui::ellipseFilled(dl, e, 0.15f * r, eyeRy, rgba(255, 255, 255), 24);
        dl->AddCircleFilled(ImVec2(e.x + gaze, e.y), std::min(0.075f * r, eyeRy), ink);
        if (a < 0.5f)
            dl->AddCircleFilled(ImVec2(e.x + gaze + 0.025f * r, e.y - 0.025f * r), 0.022f * r,
                                rgba(255, 255, 255));
        // Brows: level and raised when calm, a steep V when furious.
        const float inner = lerp(-0.02f, 0.16f, a) * r;
        const float outer = lerp(0.0f, -0.06f, a) * r;
        const float by = eyeY - 0.27f * r;
        drawBrow(dl, ImVec2(e.x + static_cast<float>(side) * 0.17f * r, by + outer),
                 ImVec2(e.x - static_cast<float>(side) * 0.15f * r, by + inner), 0.075f * r, hair);
    }
    // Nose.
    dl->AddBezierCubic(
        ImVec2(c.x - 0.02f * r, c.y + 0.05f * r), ImVec2(c.x - 0.08f * r, c.y + 0.22f * r),
        ImVec2(c.x - 0.06f * r, c.y + 0.28f * r), ImVec2(c.x + 0.05f * r, c.y + 0.27f * r),
        theme::mix(skin, ink, 0.35f), 0.03f * r);

    // Mouth: a smile when calm, flat when irritated, a frown when angry, open when furious.
    const float my = c.y + 0.55f * r;
    const float w = lerp(0.46f, 0.40f, a) * r;
    const float curve = lerp(0.16f, -0.14f, smooth(0.0f, 0.75f, a)) * r;
    const float open =
        std::max(smooth(0.78f, 0.95f, a) * 0.16f * r,
                 look.speaking * 0.07f * r * (0.5f + 0.5f * std::sin(look.time * 18.0f)));
    if (open > 0.015f * r) {
        const ImVec2 l(c.x - w * 0.5f, my), rr(c.x + w * 0.5f, my);
        dl->PathLineTo(l);
        dl->PathBezierCubicCurveTo(ImVec2(c.x - w * 0.25f, my + curve - open * 0.3f),
                                   ImVec2(c.x + w * 0.25f, my + curve - open * 0.3f), rr, 12);
        dl->PathBezierCubicCurveTo(ImVec2(c.x + w * 0.25f, my + curve + open * 1.6f),
                                   ImVec2(c.x - w * 0.25f, my + curve + open * 1.6f), l, 12);
        dl->PathFillConvex(rgba(110, 30, 35));
        dl->AddRectFilled(ImVec2(c.x - w * 0.28f, my + curve * 0.75f - open * 0.25f),
                          ImVec2(c.x + w * 0.28f, my + curve * 0.75f + open * 0.2f),
                          rgba(250, 250, 250), 0.02f * r);
    } else {
        dl->AddBezierCubic(ImVec2(c.x - w * 0.5f, my), ImVec2(c.x - w * 0.2f, my + curve),
                           ImVec2(c.x + w * 0.2f, my + curve), ImVec2(c.x + w * 0.5f, my), ink,
                           0.05f * r);
    }

    // Angry: a vein on the forehead. Furious: steam.
    const float vein = smooth(0.55f, 0.8f, a);
    if (vein > 0.01f)
        drawVein(dl, ImVec2(c.x + 0.5f * r, c.y - 0.62f * r), 0.26f * r,
                 withAlpha(theme::kAnger, vein));
    const float steam = smooth(0.8f, 0.95f, a);
    if (steam > 0.01f) {
        for (int side = -1; side <= 1; side += 2) {
            for (int k = 0; k < 3; ++k) {
                const float ph = std::fmod(look.time * 0.8f + static_cast<float>(k) / 3.0f, 1.0f);
                const ImVec2 p(c.x + static_cast<float>(side) * (1.05f + 0.25f * ph) * r,
                               c.y - (0.25f + 0.55f * ph) * r);
                dl->AddCircleFilled(p, (0.08f + 0.07f * ph) * r,
                                    withAlpha(rgba(190, 190, 196), steam * (1.0f - ph) * 0.8f));
            }
        }
    }
}

PhoneLayout drawPhoneFrame(ImDrawList* dl, ImVec2 min, ImVec2 max, float fs, ImU32 ringColor,
                           float speaking, float time) {
    dl->AddRectFilled(min, max, theme::kPhoneDark, fs);
    const float w = max.x - min.x;
    const float h = max.y - min.y;
    const float header = fs * 2.9f;  // caller and "on the phone"
    const float label = fs * 1.5f;   // the mood band under the avatar
    const float buttons = fs * 2.4f;
    PhoneLayout out;
    out.headerY = min.y + fs * 0.5f;
    out.radius =
        std::max(fs, std::min(w * 0.3f, (h - header - label - buttons) * 0.5f - fs * 0.3f));
    out.avatar = ImVec2(min.x + w * 0.5f, min.y + header + out.radius + fs * 0.3f);
    out.labelY = out.avatar.y + out.radius + fs * 0.35f;
    const ImVec2 c = out.avatar;
    const float r = out.radius;
    for (int k = 0; k < 3 && speaking > 0.0f; ++k) {
        const float ph = std::fmod(time * 1.2f + static_cast<float>(k) / 3.0f, 1.0f);
        dl->AddCircle(c, r * (1.05f + 0.25f * ph),
                      withAlpha(ringColor, speaking * (1.0f - ph) * 0.8f), 48, 3.0f);
    }
    dl->AddCircleFilled(c, r * 1.02f, rgba(70, 82, 100), 48);
    dl->AddCircle(c, r * 1.04f, ringColor, 48, 4.0f);
    // Mute and hang-up buttons, for the look of a call screen.
    const float br = fs * 0.85f;
    const float by = max.y - buttons * 0.5f;
    const ImVec2 hang(c.x + fs * 2.2f, by), mute(c.x - fs * 2.2f, by);
    dl->AddCircleFilled(hang, br, rgba(231, 76, 60), 32);
    dl->AddLine(ImVec2(hang.x - br * 0.45f, by), ImVec2(hang.x + br * 0.45f, by),
                rgba(255, 255, 255), br * 0.25f);
    dl->AddCircleFilled(mute, br, rgba(90, 102, 120), 32);
    dl->AddRectFilled(ImVec2(mute.x - br * 0.2f, by - br * 0.5f),
                      ImVec2(mute.x + br * 0.2f, by + br * 0.15f), rgba(230, 230, 230), br * 0.2f);
    dl->AddLine(ImVec2(mute.x, by + br * 0.2f), ImVec2(mute.x, by + br * 0.45f),
                rgba(230, 230, 230), br * 0.12f);
    return out;
}

}  // namespace defuse::desktop
