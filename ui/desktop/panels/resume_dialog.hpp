#pragma once
// At start-up, over any screen: an assessment left unfinished in the attempts folder, to take
// up where it stopped, close out as abandoned, or decide on later (assessor.hpp does each).
#include "shell.hpp"

namespace defuse::desktop {

struct ResumeDialog {
    void draw(Shell& sh);

private:
    bool m_wasOpen = false;
};

}  // namespace defuse::desktop
