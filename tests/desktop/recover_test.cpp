// An exception thrown deep inside a panel (child windows, a popup, a table, pushed styles)
// leaves ImGui in a state the next frame accepts. A failed assertion would abort the test.
#include "recover.hpp"

#include <imgui.h>
#include <imgui_internal.h>

#include <catch2/catch.hpp>
#include <stdexcept>

namespace {

void frame(bool fail) {
    ImGui::NewFrame();
    ImGui::Begin("main");
    const ImGuiWindow* main = ImGui::GetCurrentWindow();
    try {
        ImGui::BeginChild("outer", ImVec2(200, 200), true);
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 0, 0, 1));
        ImGui::BeginGroup();
        ImGui::BeginChild("inner", ImVec2(100, 100));
        ImGui::PushID(7);
        if (ImGui::BeginTable("t", 2)) {
            ImGui::TableNextColumn();
            if (fail) throw std::runtime_error("engine failure");
            ImGui::EndTable();
        }
        ImGui::PopID();
        ImGui::EndChild();
        ImGui::EndGroup();
        ImGui::PopStyleColor();
        ImGui::EndChild();
    } catch (const std::exception&) {
        defuse::desktop::recoverTo(main);
    }
    ImGui::End();
    ImGui::Render();
}

}  // namespace

TEST_CASE("a panel that throws mid-frame does not break the next frames", "[desktop][recover]") {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(800, 600);
    io.IniFilename = nullptr;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    frame(false);
    frame(true);
    frame(true);
    frame(false);
    CHECK(ImGui::GetCurrentContext()->CurrentWindowStack.Size == 0);
    ImGui::DestroyContext();
}
