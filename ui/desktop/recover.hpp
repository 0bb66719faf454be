#pragma once
// Getting ImGui back into a sane state after an exception escaped a panel mid-frame.
#include <imgui.h>

struct ImGuiWindow;

namespace defuse::desktop {

/// Ends every child window, popup, table, group and style push opened since `main` was
/// begun, so the frame can go on with `main` as the current window.
void recoverTo(const ImGuiWindow* main);

}  // namespace defuse::desktop
