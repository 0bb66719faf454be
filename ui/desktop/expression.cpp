// The face's expression from anger, trust and patience together: anger pulls the brows down
// and reddens; low trust raises the inner brows (worry), looks away and takes the smile off;
// a needling customer smirks; low patience checks the time.
#include "expression.hpp"

#include <algorithm>

namespace defuse::desktop {

namespace {

// A smooth 0-1 step from e0 to e1 (e0 > e1 steps down).
float smooth(float e0, float e1, float x) {
    const float t = std::clamp((x - e0) / (e1 - e0), 0.0f, 1.0f);
    return t * t * (3 - 2 * t);
}

float lerp(float a, float b, float t) { return a + (b - a) * t; }

float unit(float v) { return std::clamp(v / 100.0f, 0.0f, 1.0f); }

FaceState stateOf(const Expression& e, float a, bool needling) {
    if (a >= 0.8f) return FaceState::Furious;
    if (needling) return FaceState::Needling;
    if (a >= 0.55f) return FaceState::Angry;
    if (e.sweat > 0.3f) return FaceState::Anxious;
    if (e.worry > 0.3f) return FaceState::Wary;
    if (a >= 0.3f) return FaceState::Irritated;
    if (e.smiles()) return FaceState::Content;
    return FaceState::Calm;
}

}  // namespace

Expression expressionFor(const FaceMood& m) {
    const float a = unit(m.anger);
    const float t = unit(m.trust);
    const float p = unit(m.patience);
    Expression e;
    e.frown = smooth(0.25f, 0.9f, a);
    // Worry is distrust that has not (yet) turned into anger: wary in most customers, anxious
    // (and sweating) in an anxious one; the needler is not worried.
    e.worry = smooth(0.5f, 0.15f, t) * (1.0f - smooth(0.5f, 0.8f, a)) *
              (m.needling  ? 0.2f
               : m.anxious ? 1.0f
                           : 0.6f);
    e.squint = 0.5f * smooth(0.3f, 1.0f, a);
    // The calm curve smiles; without trust it does not, and worry turns it down a little.
    float curve = lerp(1.0f, -0.9f, smooth(0.0f, 0.75f, a));
    if (curve > 0) curve *= smooth(0.3f, 0.55f, t);
    curve = std::min(curve, lerp(1.0f, -0.25f, e.worry));
    e.shout = smooth(0.78f, 0.95f, a);
    if (m.needling) {
        e.smirk = 1.0f - smooth(0.7f, 0.85f, a);  // the smirk goes when the shouting starts
        e.browRaise = e.smirk;
        e.squint = std::max(e.squint, 0.3f * e.smirk);  // the unimpressed half-lidded look
        curve = std::min(curve, 0.0f);
    }
    e.impatience = smooth(0.32f, 0.12f, p);
    if (e.impatience > 0) curve = std::min(curve, lerp(curve, -0.2f, e.impatience));
    e.smile = std::clamp(curve, -1.0f, 1.0f);
    e.lookAway = 1.0f - t;
    e.sweat = m.anxious ? smooth(0.3f, 0.7f, e.worry) : 0.0f;
    e.flush = 0.75f * smooth(0.45f, 1.0f, a);
    e.vein = smooth(0.55f, 0.8f, a);
    e.steam = smooth(0.8f, 0.95f, a);
    e.state = stateOf(e, a, m.needling && e.smirk > 0.5f);
    return e;
}

const char* faceStateName(FaceState s) {
    switch (s) {
        case FaceState::Content:
            return "content";
        case FaceState::Calm:
            return "calm";
        case FaceState::Wary:
            return "wary";
        case FaceState::Anxious:
            return "anxious";
        case FaceState::Needling:
            return "needling";
        case FaceState::Irritated:
            return "irritated";
        case FaceState::Angry:
            return "angry";
        case FaceState::Furious:
            return "furious";
    }
    return "?";
}

}  // namespace defuse::desktop
