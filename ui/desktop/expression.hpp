#pragma once
// What the customer's face is doing, from the mood and the customer's manner. A pure function
// of its input, so the same mood always draws the same face (and tests can say what it shows).

namespace defuse::desktop {

/// The input of a face: the mood (each 0-100, possibly an animated in-between value) and the
/// customer's manner: needling (a sarcastic archetype, or a line cued `needles`) or anxious
/// (an anxious archetype, or a line cued `safety_worry` or `hesitant`).
struct FaceMood {
    float anger = 50;
    float trust = 50;
    float patience = 60;
    bool needling = false;
    bool anxious = false;
};

/// The face's overall state, for labels and tests.
enum class FaceState { Content, Calm, Wary, Anxious, Needling, Irritated, Angry, Furious };

/// How each part of the face sits; every value 0-1 unless said otherwise.
struct Expression {
    FaceState state = FaceState::Calm;
    float frown = 0;       ///< inner brows pulled down (anger)
    float worry = 0;       ///< inner brows raised (low trust not yet turned to anger)
    float browRaise = 0;   ///< one brow up (the sceptical needler)
    float squint = 0;      ///< eyes narrowed
    float smile = 0;       ///< -1..1: the mouth's curve, + a smile, - a frown
    float smirk = 0;       ///< one corner of the mouth up, the other not (needling)
    float shout = 0;       ///< the mouth open
    float lookAway = 0;    ///< the gaze to the side (low trust)
    float impatience = 0;  ///< glances at the watch (patience running out)
    float sweat = 0;       ///< a drop of sweat at the temple (an anxious customer, worried)
    float flush = 0;       ///< the face reddens
    float vein = 0;        ///< the anger mark on the forehead
    float steam = 0;       ///< steam from the ears (furious)

    bool smiles() const { return smile > 0.02f; }
    bool smirks() const { return smirk > 0.5f; }
    bool checksTime() const { return impatience > 0.5f; }
};

/// The face for a mood.
Expression expressionFor(const FaceMood& mood);

/// The state's name ("anxious", "needling", ...), for file names and labels.
const char* faceStateName(FaceState s);

}  // namespace defuse::desktop
