#pragma once
// Settings: language, text size, the timer in practice. Saved at once, atomically.
#include "shell.hpp"

namespace defuse::desktop {

struct SettingsPanel {
    void draw(Shell& sh);

private:
    float m_size = 0;  ///< the slider's value while dragging (applied on release)
    bool m_wasOpen = false;
};

}  // namespace defuse::desktop
