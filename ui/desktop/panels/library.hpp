#pragma once
// The library: every scenario as a card, and every file that failed with its diagnostics.
#include <array>

#include "shell.hpp"

namespace defuse::desktop {

struct LibraryPanel {
    void draw(Shell& sh);

private:
    void drawCard(Shell& sh, int index, float width, float height);
    float cardHeight(Shell& sh, int index, float width) const;
    void drawFailed(Shell& sh);
    void drawFolderRow(Shell& sh, float inputWidth);

    std::array<char, 1024> m_folder{};
    int m_hovered = -1;  ///< card under the mouse last frame (for the highlight)
};

}  // namespace defuse::desktop
