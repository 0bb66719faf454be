#pragma once
// The bar across the top: name, where you are, the screen's actions, language, settings.
#include "app_state.hpp"

namespace defuse::desktop {

struct TopBar {
    void draw(AppState& st);
};

}  // namespace defuse::desktop
