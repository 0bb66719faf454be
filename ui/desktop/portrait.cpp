// The face: brows, eyes, mouth and colour from the expression (expression.hpp); the person
// around it is portrait_person.cpp.
#include "portrait.hpp"

#include <algorithm>
#include <cmath>
#include <functional>

#include "defuse/scenario.hpp"
#include "expression.hpp"
#include "portrait_parts.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace defuse::desktop {

namespace {

using portrait::lerp;
using portrait::Person;
using portrait::withAlpha;
using theme::rgba;
using ui::operator+;

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

// Eyes and brows. Anger narrows the eyes and pulls the inner brows down; worry opens the
// eyes and lifts the inner brows; the needler raises one brow; the gaze goes aside with low
// trust and down to the watch with low patience.
void drawEyes(ImDrawList* dl, ImVec2 c, float r, const Expression& e, const Person& p, float eyeY,
              ImU32 ink) {
    const float eyeRy = 0.12f * r * (1.0f - e.squint) * (1.0f + 0.2f * e.worry);
    ImVec2 gaze(e.lookAway * 0.06f * r, 0);
    gaze = ImVec2(lerp(gaze.x, 0.05f * r, e.impatience), lerp(0, 0.05f * r, e.impatience));
    const ImU32 browCol = theme::mix(p.hairColor, ink, 0.35f);
    for (int side = -1; side <= 1; side += 2) {
        const float s = static_cast<float>(side);
        const ImVec2 eye(c.x + s * 0.34f * r, eyeY);
        ui::ellipseFilled(dl, eye, 0.15f * r, eyeRy, rgba(255, 255, 255), 24);
        const float pupil = std::min(0.075f * r * (1.0f - 0.2f * e.worry), eyeRy);
        const ImVec2 pc(eye.x + gaze.x, eye.y + std::min(gaze.y, eyeRy - pupil));
        dl->AddCircleFilled(pc, pupil, ink, 20);
        if (e.frown < 0.4f)
            dl->AddCircleFilled(ImVec2(pc.x + 0.025f * r, pc.y - 0.025f * r), 0.022f * r,
                                rgba(255, 255, 255), 12);
        if (e.squint > 0.2f)  // a heavy upper lid
            dl->AddLine(ImVec2(eye.x - 0.16f * r, eye.y - eyeRy * 0.9f),
                        ImVec2(eye.x + 0.16f * r, eye.y - eyeRy * 0.9f), withAlpha(ink, 0.7f),
                        0.035f * r);
        const float raise = side > 0 ? e.browRaise * 0.1f * r : 0.0f;
        const float inner = (-0.02f + 0.18f * e.frown - 0.17f * e.worry) * r - raise;
        const float outer = (-0.06f * e.frown + 0.06f * e.worry) * r - raise * 1.2f;
        const float by = eyeY - 0.27f * r;
        drawBrow(dl, ImVec2(eye.x + s * 0.17f * r, by + outer),
                 ImVec2(eye.x - s * 0.15f * r, by + inner), 0.075f * r, browCol);
    }
}

// The mouth: a smile, flat, a frown, open when shouting or speaking; one-sided when smirking.
void drawMouth(ImDrawList* dl, ImVec2 c, float r, const Expression& e, const PortraitLook& look,
               const Person& p, ImU32 ink) {
    const float my = c.y + 0.55f * r;
    const float w = (0.46f - 0.06f * e.frown) * r * (1.0f - 0.25f * e.worry);
    const float curve = e.smile * 0.16f * r;
    const ImU32 lips = p.woman ? rgba(168, 62, 74) : ink;
    const float open =
        std::max(e.shout * 0.16f * r,
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
    } else if (e.smirks()) {
        const ImVec2 l(c.x - w * 0.45f, my + 0.02f * r), rr(c.x + w * 0.5f, my - 0.1f * r);
        dl->AddBezierCubic(l, ImVec2(c.x - w * 0.1f, my + 0.05f * r),
                           ImVec2(c.x + w * 0.3f, my + 0.03f * r), rr, lips, 0.05f * r);
        dl->AddBezierQuadratic(rr + ImVec2(-0.01f * r, -0.05f * r), rr + ImVec2(0.06f * r, 0),
                               rr + ImVec2(0.02f * r, 0.05f * r), withAlpha(ink, 0.6f), 0.025f * r,
                               8);
    } else {
        dl->AddBezierCubic(ImVec2(c.x - w * 0.5f, my), ImVec2(c.x - w * 0.2f, my + curve),
                           ImVec2(c.x + w * 0.2f, my + curve), ImVec2(c.x + w * 0.5f, my), lips,
                           0.05f * r);
    }
}

void drawSweat(ImDrawList* dl, ImVec2 c, float r, float amount) {
    const ImU32 col = withAlpha(rgba(140, 196, 240), amount);
    const ImVec2 d(c.x - 0.7f * r, c.y - 0.38f * r);
    dl->AddCircleFilled(d, 0.07f * r, col, 16);
    dl->AddTriangleFilled(ImVec2(d.x - 0.065f * r, d.y - 0.02f * r),
                          ImVec2(d.x + 0.065f * r, d.y - 0.02f * r), ImVec2(d.x, d.y - 0.17f * r),
                          col);
}

void drawSteam(ImDrawList* dl, ImVec2 c, float r, float steam, float time) {
    for (int side = -1; side <= 1; side += 2) {
        for (int k = 0; k < 3; ++k) {
            const float ph = std::fmod(time * 0.8f + static_cast<float>(k) / 3.0f, 1.0f);
            const ImVec2 p(c.x + static_cast<float>(side) * (1.05f + 0.25f * ph) * r,
                           c.y - (0.25f + 0.55f * ph) * r);
            dl->AddCircleFilled(p, (0.08f + 0.07f * ph) * r,
                                withAlpha(rgba(190, 190, 196), steam * (1.0f - ph) * 0.8f));
        }
    }
}

}  // namespace

PortraitLook portraitFor(const Scenario& sc, const std::vector<std::string>* cues) {
    PortraitLook look;
    look.anger = static_cast<float>(sc.customer.start.anger());
    look.trust = static_cast<float>(sc.customer.start.trust());
    look.patience = static_cast<float>(sc.customer.start.patience());
    look.variant = static_cast<unsigned>(std::hash<std::string>{}(sc.id));
    look.person = sc.customer.look;
    const auto cued = [cues](const char* cue) {
        return cues && std::find(cues->begin(), cues->end(), cue) != cues->end();
    };
    look.needling = sc.customer.id == "sarcastic" || cued("needles");
    look.anxious = sc.customer.id == "anxious" || cued("safety_worry") || cued("hesitant");
    return look;
}

void drawPortrait(ImDrawList* dl, ImVec2 c, float r, const PortraitLook& look) {
    const Expression e =
        expressionFor({look.anger, look.trust, look.patience, look.needling, look.anxious});
    Person p = portrait::personOf(look.person, look.variant);
    const ImU32 ink = rgba(50, 36, 30);
    p.skin = theme::mix(p.skin, rgba(232, 128, 108), e.flush);
    const ImU32 skin = p.skin;

    portrait::drawHairBack(dl, c, r, p);
    if (!look.headOnly) portrait::drawClothes(dl, c, r, p);
    portrait::drawHairOver(dl, c, r, p, look.headOnly);
    dl->AddCircleFilled(ImVec2(c.x - 0.9f * r, c.y + 0.08f * r), 0.17f * r, skin);
    dl->AddCircleFilled(ImVec2(c.x + 0.9f * r, c.y + 0.08f * r), 0.17f * r, skin);
    ui::ellipseFilled(dl, ImVec2(c.x, c.y + 0.08f * r), (p.woman ? 0.82f : 0.86f) * r, 0.98f * r,
                      skin, 48);
    portrait::drawHairFront(dl, c, r, p);

    // Cheeks: a warm blush when content, an angry flush when not.
    const float a = std::clamp(look.anger / 100.0f, 0.0f, 1.0f);
    const ImU32 blush =
        a < 0.4f ? withAlpha(rgba(240, 150, 150), 0.35f * (1 - a / 0.4f) * std::max(0.0f, e.smile))
                 : withAlpha(rgba(220, 60, 50), 0.45f * portrait::smooth(0.5f, 1.0f, a));
    dl->AddCircleFilled(ImVec2(c.x - 0.5f * r, c.y + 0.32f * r), 0.16f * r, blush);
    dl->AddCircleFilled(ImVec2(c.x + 0.5f * r, c.y + 0.32f * r), 0.16f * r, blush);

    const float eyeY = c.y - 0.02f * r;
    portrait::drawAgeAndGender(dl, c, r, p, eyeY, ink);
    drawEyes(dl, c, r, e, p, eyeY, ink);
    if (p.glasses) portrait::drawGlasses(dl, c, r, eyeY, ink);
    dl->AddBezierCubic(
        ImVec2(c.x - 0.02f * r, c.y + 0.05f * r), ImVec2(c.x - 0.08f * r, c.y + 0.22f * r),
        ImVec2(c.x - 0.06f * r, c.y + 0.28f * r), ImVec2(c.x + 0.05f * r, c.y + 0.27f * r),
        theme::mix(skin, ink, 0.35f), 0.03f * r);
    drawMouth(dl, c, r, e, look, p, ink);

    if (e.sweat > 0.01f) drawSweat(dl, c, r, e.sweat);
    if (e.vein > 0.01f)
        drawVein(dl, ImVec2(c.x + 0.5f * r, c.y - 0.62f * r), 0.26f * r,
                 withAlpha(theme::kAnger, e.vein));
    if (e.steam > 0.01f) drawSteam(dl, c, r, e.steam, look.time);
    if (e.impatience > 0.01f)
        portrait::drawWatch(dl, c, r, p, e.impatience, look.time, look.headOnly);
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
