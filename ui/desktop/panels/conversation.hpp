#pragma once
// The conversation: the customer's face and mood meters, the transcript, the answers. What
// it shows besides the customer follows hintsFor(mode): an assessment shows no meters, no
// mood changes, no reasons and no coaching, only the face, the words and the clock.
#include <array>

#include "shell.hpp"

namespace defuse::desktop {

struct ConversationPanel {
    void draw(Shell& sh);

private:
    void sync(Shell& sh, const Play& play);
    /// True when the trainee leaves.
    bool drawSide(Shell& sh, const Play& play, float width);
    void drawTranscript(Shell& sh, const Play& play, float height);
    void drawReloadNote(Shell& sh);
    void drawAnswers(Shell& sh, Play& play);
    void drawClock(Shell& sh, const Play& play, float width);
    /// The speaker toggle and listen only.
    void drawVoice(Shell& sh, float width);
    void drawEnding(Shell& sh, const Attempt& a);
    float answersHeight(Shell& sh, const Attempt& a, float width) const;

    int m_serial = -1;               ///< the attempt the animation state belongs to
    int m_version = -1;              ///< the attempt's version last seen
    std::array<float, 3> m_shown{};  ///< the meters as drawn (animated towards the mood)
    std::array<int, 3> m_delta{};    ///< the last change, shown briefly
    double m_changedAt = -100;       ///< when the last answer landed (the new line fades in)
    double m_lastFrame = 0;
    int m_scrollFrames = 0;  ///< frames left to keep the transcript at the bottom
};

}  // namespace defuse::desktop
