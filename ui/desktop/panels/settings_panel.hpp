#pragma once
// Settings: language, text size, the timer in practice. Saved at once, atomically.
#include <array>

#include "shell.hpp"

namespace defuse::desktop {

struct SettingsPanel {
    void draw(Shell& sh);

private:
    float m_size = 0;  ///< the slider's value while dragging (applied on release)
    bool m_wasOpen = false;
    std::array<char, 1024> m_assessorKey{};  ///< the key paths while typed
    std::array<char, 1024> m_trustedKey{};
};

}  // namespace defuse::desktop
