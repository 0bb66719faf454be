// Draws the customer's portrait in each face state, in each look and at several sizes into
// PNGs (under Xvfb), so a person can look at them:
//   defuse_face_sheet OUT_DIR [SCENARIO_DIR]
// writes faces-states.png, faces-people.png and faces-sizes.png.
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

#include "defuse/loader.hpp"
#include "defuse/message.hpp"
#include "expression.hpp"
#include "harness/screenshot.hpp"
#include "portrait.hpp"
#include "theme.hpp"

namespace fs = std::filesystem;
using namespace defuse;
using namespace defuse::desktop;

namespace {

constexpr int kWidth = 1280;
constexpr int kHeight = 800;

/// One face on a sheet: the portrait and a label (two lines) under it.
struct Cell {
    PortraitLook look;
    std::string label;
};

CustomerLook person(const char* gender, const char* age, const char* hair, const char* clothes,
                    bool glasses = false, const char* colour = "") {
    CustomerLook l;
    l.gender = gender;
    l.age = age;
    l.hair = hair;
    l.clothes = clothes;
    l.glasses = glasses;
    l.hairColour = colour;
    return l;
}

PortraitLook mood(float anger, float trust, float patience, bool needling = false,
                  bool anxious = false) {
    PortraitLook l;
    l.anger = anger;
    l.trust = trust;
    l.patience = patience;
    l.needling = needling;
    l.anxious = anxious;
    l.time = 0.6f;
    return l;
}

std::string describe(const PortraitLook& l) {
    const Expression e = expressionFor({l.anger, l.trust, l.patience, l.needling, l.anxious});
    char buf[96];
    std::snprintf(buf, sizeof buf, "%s%s\nA%.0f T%.0f P%.0f", faceStateName(e.state),
                  e.checksTime() ? " +watch" : "", static_cast<double>(l.anger),
                  static_cast<double>(l.trust), static_cast<double>(l.patience));
    return buf;
}

// Faces in a grid of `cols` columns, each with a head-only copy at library-card size.
void drawGrid(const std::vector<Cell>& cells, int cols, float r) {
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    dl->AddRectFilled(ImVec2(0, 0), ImVec2(kWidth, kHeight), theme::kBackground);
    const float cw = static_cast<float>(kWidth) / static_cast<float>(cols);
    const float ch = r * 4.25f;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        const float x = cw * static_cast<float>(static_cast<int>(i) % cols);
        const float y = ch * static_cast<float>(static_cast<int>(i) / cols) + 8;
        dl->AddRectFilled(ImVec2(x + 6, y), ImVec2(x + cw - 6, y + ch - 8), theme::kAccentSoft, 8);
        dl->PushClipRect(ImVec2(x + 6, y), ImVec2(x + cw - 6, y + r * 3.5f), true);
        drawPortrait(dl, ImVec2(x + cw * 0.42f, y + r * 1.42f), r, cells[i].look);
        PortraitLook head = cells[i].look;
        head.headOnly = true;
        const ImVec2 hc(x + cw - r * 0.75f, y + r * 0.75f);
        dl->AddCircleFilled(hc, r * 0.55f, theme::kCard, 32);
        drawPortrait(dl, hc, r * 0.34f, head);
        dl->PopClipRect();
        dl->AddText(ImVec2(x + 12, y + r * 3.55f), theme::kText, cells[i].label.c_str());
    }
}

void drawSizes(const std::vector<Cell>& cells) {
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    dl->AddRectFilled(ImVec2(0, 0), ImVec2(kWidth, kHeight), theme::kBackground);
    const float sizes[] = {8, 14, 22, 34, 52};
    float y = 10;
    for (const Cell& cell : cells) {
        float x = 20;
        for (float r : sizes) {
            drawPortrait(dl, ImVec2(x + r * 1.5f, y + r * 1.4f), r, cell.look);
            x += r * 3.2f + 10;
        }
        dl->AddText(ImVec2(x, y + 10), theme::kText, cell.label.c_str());
        y += 52 * 3.65f;
    }
}

std::vector<Cell> stateCells() {
    const CustomerLook who[] = {person("woman", "middle", "bun", "blouse"),
                                person("man", "middle", "short", "shirt"),
                                person("man", "older", "bald", "jacket", true)};
    std::vector<Cell> cells;
    for (PortraitLook l :
         {mood(5, 80, 80), mood(20, 45, 70), mood(30, 15, 60), mood(35, 15, 60, false, true),
          mood(45, 20, 55, true), mood(45, 50, 60), mood(65, 30, 50), mood(92, 10, 40),
          mood(40, 40, 10), mood(60, 20, 10, true), mood(30, 20, 15, false, true)}) {
        l.person = who[cells.size() % 3];
        cells.push_back({l, describe(l)});
    }
    return cells;
}

std::vector<Cell> peopleCells(const fs::path& scenarios) {
    std::vector<Cell> cells;
    std::vector<fs::path> files;
    for (const auto& f : fs::directory_iterator(scenarios))
        if (f.path().extension() == ".yaml") files.push_back(f.path());
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) {
        auto loaded = loadScenario(f);
        if (!loaded.value) continue;
        PortraitLook l = portraitFor(*loaded.value);
        l.time = 0.6f;
        const CustomerLook& p = l.person;
        cells.push_back({l, render(loaded.value->displayName(), Lang::En) + " (" +
                                loaded.value->customer.id + ")\n" + p.gender + " " + p.age + " " +
                                p.hair + " " + p.clothes});
    }
    for (const CustomerLook& p :
         {person("man", "young", "short", "hoodie"), person("woman", "young", "ponytail", "polo"),
          person("man", "older", "bald", "suit", true),
          person("woman", "older", "short", "jacket", true, "white"),
          person("man", "middle", "short", "uniform", false, "black"),
          person("woman", "middle", "long", "shirt", false, "blond")}) {
        PortraitLook l = mood(20, 55, 70);
        l.person = p;
        cells.push_back({l, p.gender + " " + p.age + " " + p.hair + "\n" + p.clothes +
                                (p.glasses ? " glasses" : "")});
    }
    return cells;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: defuse_face_sheet OUT_DIR [SCENARIO_DIR]\n");
        return 2;
    }
    const fs::path out = argv[1];
    const fs::path scenarios = argc > 2 ? argv[2] : fs::path(DEFUSE_SCENARIO_DIR);
    fs::create_directories(out);
    if (glfwInit() == GLFW_FALSE) return 1;
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    GLFWwindow* window = glfwCreateWindow(kWidth, kHeight, "faces", nullptr, nullptr);
    if (window == nullptr) return 1;
    glfwMakeContextCurrent(window);
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr;
    ImGui_ImplGlfw_InitForOpenGL(window, false);
    ImGui_ImplOpenGL3_Init("#version 130");

    const std::vector<Cell> states = stateCells();
    const std::vector<Cell> people = peopleCells(scenarios);
    const std::vector<Cell> sizes{states[3], states[4], states[8], states[7]};
    const std::vector<std::pair<std::string, std::function<void()>>> sheets{
        {"faces-states.png", [&] { drawGrid(states, 6, 54); }},
        {"faces-people.png", [&] { drawGrid(people, 6, 44); }},
        {"faces-sizes.png", [&] { drawSizes(sizes); }},
    };
    int failed = 0;
    for (const auto& [name, draw] : sheets) {
        for (int frame = 0; frame < 2; ++frame) {  // the first frame sets the display size up
            glfwPollEvents();
            ImGui_ImplOpenGL3_NewFrame();
            ImGui_ImplGlfw_NewFrame();
            ImGui::NewFrame();
            draw();
            ImGui::Render();
            int w = 0, h = 0;
            glfwGetFramebufferSize(window, &w, &h);
            glViewport(0, 0, w, h);
            glClearColor(1, 1, 1, 1);
            glClear(GL_COLOR_BUFFER_BIT);
            ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
            if (frame == 1) {
                std::string error;
                if (!saveScreenshot(out / name, w, h, &error)) {
                    std::fprintf(stderr, "%s: %s\n", name.c_str(), error.c_str());
                    ++failed;
                } else {
                    std::printf("%s\n", (out / name).string().c_str());
                }
            }
            glfwSwapBuffers(window);
        }
    }
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    ImGui::DestroyContext();
    glfwDestroyWindow(window);
    glfwTerminate();
    return failed == 0 ? 0 : 1;
}
