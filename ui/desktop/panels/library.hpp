#pragma once
// The library: every scenario as a card, and every file that failed with its diagnostics.
#include <array>
#include <string>
#include <vector>

#include "shell.hpp"

namespace defuse::desktop {

/// One best result on a scenario's card.
struct BestLabel {
    std::string text;  ///< "Best (practice)  95  A  ·  2 rewinds"
    int total = 0;
};
/// The card's best results: the best assessment, then the best practice (with the answers
/// it took back), each only when there is one. Never one best over both modes.
std::vector<BestLabel> bestLabels(const TextCtx& tx, const History& history,
                                  const std::string& scenarioId);

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
