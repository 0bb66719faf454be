#pragma once
// The bar across the top: name, where you are, the screen's actions, language, settings.
#include "shell.hpp"

namespace defuse::desktop {

struct TopBar {
    void draw(Shell& sh);
};

}  // namespace defuse::desktop
