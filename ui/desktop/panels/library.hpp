#pragma once
// The library: every scenario as a card, and every file that failed with its diagnostics.
#include <array>

#include "app_state.hpp"

namespace defuse::desktop {

struct LibraryPanel {
    void draw(AppState& st);

private:
    void drawCard(AppState& st, int index, float width, float height);
    float cardHeight(AppState& st, int index, float width) const;
    void drawFailed(AppState& st);
    void drawFolderRow(AppState& st, float inputWidth);

    std::array<char, 1024> m_folder{};
    int m_hovered = -1;  ///< card under the mouse last frame (for the highlight)
};

}  // namespace defuse::desktop
