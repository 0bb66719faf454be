// ImGui's own recovery (ErrorCheckEndWindowRecover) unwinds one window's stacks; child
// windows and popups opened inside it need their End as well.
#include "recover.hpp"

#include <imgui_internal.h>

namespace defuse::desktop {

void recoverTo(const ImGuiWindow* main) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    while (g.CurrentWindow != nullptr && g.CurrentWindow != main) {
        ImGui::ErrorCheckEndWindowRecover(nullptr);
        if ((g.CurrentWindow->Flags & ImGuiWindowFlags_ChildWindow) != 0)
            ImGui::EndChild();
        else
            ImGui::End();
    }
    ImGui::ErrorCheckEndWindowRecover(nullptr);
}

}  // namespace defuse::desktop
