// The window and the main loop: draws only when something changed, animates or times,
// and otherwise sleeps in glfwWaitEvents.
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <imgui_internal.h>  // ErrorCheckEndFrameRecover

#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <thread>

#include "app_state.hpp"
#include "bench.hpp"
#include "drive.hpp"
#include "gui_options.hpp"
#include "panels/briefing.hpp"
#include "panels/conversation.hpp"
#include "panels/debrief.hpp"
#include "panels/library.hpp"
#include "panels/settings_panel.hpp"
#include "panels/top_bar.hpp"
#include "recover.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace defuse::desktop {

namespace {

using Clock = std::chrono::steady_clock;

/// Where start-up time goes (printed by --bench).
struct StartupTimes {
    std::vector<std::pair<std::string, double>> steps;
    Clock::time_point last = Clock::now();
    void mark(const char* what, Clock::time_point since) {
        const auto now = Clock::now();
        steps.emplace_back(what, std::chrono::duration<double, std::milli>(now - since).count());
        last = now;
    }
    void mark(const char* what) { mark(what, last); }
    void print() const {
        for (const auto& [what, ms] : steps)
            std::printf("bench:   %-30s %7.1f ms\n", what.c_str(), ms);
    }
};

/// Every panel, registered in one place.
struct Panels {
    TopBar top;
    LibraryPanel library;
    BriefingPanel briefing;
    ConversationPanel conversation;
    DebriefPanel debrief;
    SettingsPanel settings;
};

/// What the GLFW callbacks report to the loop (through the window's user pointer).
struct Wake {
    unsigned events = 0;
    std::vector<std::string> dropped;
};

Wake& wakeOf(GLFWwindow* w) { return *static_cast<Wake*>(glfwGetWindowUserPointer(w)); }

// Installed before ImGui's backend, which chains to them: any input means "draw again".
void installWakeCallbacks(GLFWwindow* w) {
    glfwSetKeyCallback(w, [](GLFWwindow* win, int, int, int, int) { ++wakeOf(win).events; });
    glfwSetCharCallback(w, [](GLFWwindow* win, unsigned) { ++wakeOf(win).events; });
    glfwSetMouseButtonCallback(w, [](GLFWwindow* win, int, int, int) { ++wakeOf(win).events; });
    glfwSetCursorPosCallback(w, [](GLFWwindow* win, double, double) { ++wakeOf(win).events; });
    glfwSetScrollCallback(w, [](GLFWwindow* win, double, double) { ++wakeOf(win).events; });
    glfwSetCursorEnterCallback(w, [](GLFWwindow* win, int) { ++wakeOf(win).events; });
    glfwSetWindowFocusCallback(w, [](GLFWwindow* win, int) { ++wakeOf(win).events; });
    glfwSetFramebufferSizeCallback(w, [](GLFWwindow* win, int, int) { ++wakeOf(win).events; });
    glfwSetWindowRefreshCallback(w, [](GLFWwindow* win) { ++wakeOf(win).events; });
    glfwSetDropCallback(w, [](GLFWwindow* win, int count, const char** paths) {
        for (int i = 0; i < count; ++i) wakeOf(win).dropped.emplace_back(paths[i]);
        ++wakeOf(win).events;
    });
}

void drawToast(AppState& st) {
    if (st.toast.text.empty() || st.now >= st.toast.until) return;
    st.wakeAt(st.toast.until);
    const float fs = ImGui::GetFontSize();
    const ImVec2 ds = ImGui::GetIO().DisplaySize;
    ImFont* font = st.fonts.regular();
    const float wrap = std::min(ds.x * 0.8f, fs * 40);
    const ImVec2 ts = ui::measure(font, st.toast.text, wrap);
    const ImVec2 pad(fs * 0.8f, fs * 0.5f);
    const ImVec2 p((ds.x - ts.x) * 0.5f - pad.x, ds.y - ts.y - pad.y * 2 - fs);
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + ts.x + pad.x * 2, p.y + ts.y + pad.y * 2),
                      st.toast.error ? theme::rgba(160, 40, 35, 235) : theme::rgba(40, 48, 56, 235),
                      fs * 0.4f);
    ui::drawText(st, dl, font, ImVec2(p.x + pad.x, p.y + pad.y), theme::rgba(255, 255, 255),
                 st.toast.text, wrap);
}

void drawUi(AppState& st, Panels& panels) {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("defuse", nullptr, flags);
    const ImGuiWindow* main = ImGui::GetCurrentWindow();
    try {
        panels.top.draw(st);
        switch (st.screen) {
            case Screen::Library:
                panels.library.draw(st);
                break;
            case Screen::Briefing:
                panels.briefing.draw(st);
                break;
            case Screen::Conversation:
                panels.conversation.draw(st);
                break;
            case Screen::Debrief:
                panels.debrief.draw(st);
                break;
        }
        panels.settings.draw(st);
    } catch (const std::exception& ex) {
        // Nothing the user does may end the app: close whatever child windows and popups were
        // open, unwind ImGui's stacks back to the main window, and say what happened.
        recoverTo(main);
        st.showToast(ex.what(), true, 8.0);
    }
    ImGui::End();
    drawToast(st);
}

void rebuildFonts(AppState& st, bool backendReady) {
    st.fonts.build(st.settings.textSize);
    theme::apply(st.settings.textSize);
    st.fontsNeedRebuild = false;
    if (backendReady) {
        ImGui_ImplOpenGL3_DestroyFontsTexture();
        ImGui_ImplOpenGL3_CreateFontsTexture();
    }
}

GLFWwindow* openWindow(const GuiOptions& options) {
    glfwSetErrorCallback([](int code, const char* text) {
        std::cerr << "GLFW error " << code << ": " << text << "\n";
    });
    if (glfwInit() == GLFW_FALSE) {
        std::cerr
            << "defuse: could not open a window (no display?); `defuse play` works in a terminal\n";
        return nullptr;
    }
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
    const char* title = options.drive.empty() ? "defuse" : "defuse (scripted run)";
    GLFWwindow* window = glfwCreateWindow(options.width, options.height, title, nullptr, nullptr);
    if (window == nullptr) {
        std::cerr << "defuse: could not create an OpenGL 3 window\n";
        return nullptr;
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(options.bench || !options.drive.empty() ? 0 : 1);
    return window;
}

/// Runs frames until the window closes or the drive / bench is done. Returns the exit code.
int mainLoop(GLFWwindow* window, AppState& st, Driver& driver, Bench& bench, StartupTimes& times) {
    Wake wake;
    glfwSetWindowUserPointer(window, &wake);
    installWakeCallbacks(window);  // before ImGui's, which chain to them
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 130");
    times.mark("ImGui backends");

    Panels panels;
    unsigned seenEvents = wake.events;
    int redraw = 2;
    bool first = true;
    while (!glfwWindowShouldClose(window) && !st.quit) {
        const bool forced = driver.active() || bench.forcing();
        if (!forced && glfwGetWindowAttrib(window, GLFW_ICONIFIED) != 0) {
            glfwWaitEvents();  // minimised: nothing to draw until it comes back
            continue;
        }
        if (forced || redraw > 0 || (first && !bench.active())) {
            glfwPollEvents();
        } else if (st.animating()) {
            glfwWaitEventsTimeout(1.0 / 60.0);
        } else {
            const double until = st.nextWake() - glfwGetTime();
            if (std::isinf(until))
                glfwWaitEvents();
            else if (until > 0)
                glfwWaitEventsTimeout(until);
            else
                glfwPollEvents();
        }
        if (wake.events != seenEvents) {
            seenEvents = wake.events;
            redraw = std::max(redraw, 2);
        }
        for (const std::string& p :
             wake.dropped) {  // a folder (or a file in it) dropped on the window
            std::error_code ec;
            const std::filesystem::path path(p);
            st.openFolder(std::filesystem::is_directory(path, ec) ? path : path.parent_path());
        }
        if (!wake.dropped.empty()) {
            wake.dropped.clear();
            st.loadHistory();
        }
        const double now = glfwGetTime();
        const bool draw = forced || redraw > 0 || st.animating() || now >= st.nextWake();
        bench.wokeUp(draw);
        if (bench.done()) break;
        if (!draw) continue;  // woke for nothing that shows

        const bool busy = st.animating() || st.fonts.dirty() || !st.history.loaded();
        if (st.fontsNeedRebuild || st.fonts.dirty()) rebuildFonts(st, true);
        st.now = now;
        st.resetSchedule();
        driver.beforeFrame(st, busy);
        bench.beforeFrame(st);
        if (driver.done()) break;

        const auto t0 = Clock::now();
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        st.fonts.setInFrame(true);
        drawUi(st, panels);
        st.fonts.setInFrame(false);
        ImGui::Render();
        const auto t1 = Clock::now();
        if (st.fonts.dirty() && !bench.forcing()) {
            // This frame met text the atlas cannot draw yet: never show it with '?' in it.
            // Rebuild (next iteration) and draw it again at once.
            redraw = std::max(redraw, 1);
            continue;
        }
        int fbw = 0, fbh = 0;
        glfwGetFramebufferSize(window, &fbw, &fbh);
        glViewport(0, 0, fbw, fbh);
        const ImVec4 bg = theme::vec(theme::kBackground);
        glClearColor(bg.x, bg.y, bg.z, 1.0f);
        glClear(GL_COLOR_BUFFER_BIT);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        driver.afterRender(st, fbw, fbh);
        if (bench.active()) glFinish();  // count the (software) rendering in the frame time
        glfwSwapBuffers(window);
        const auto t2 = Clock::now();
        bench.frameTimed(std::chrono::duration<double, std::milli>(t1 - t0).count(),
                         std::chrono::duration<double, std::milli>(t2 - t0).count());
        if (first) {
            first = false;
            times.mark("first frame drawn");
            bench.firstFrame(
                std::chrono::duration<double, std::milli>(t2 - st.options.started).count(), st);
            if (bench.active()) times.print();
        } else if (!st.history.loaded()) {
            st.loadHistory();  // after the first frame, so start-up stays fast
            redraw = std::max(redraw, 1);
        }
        if (st.fonts.dirty() || st.fontsNeedRebuild) redraw = std::max(redraw, 1);
        if (redraw > 0) --redraw;
    }
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    return driver.done() ? driver.exitCode() : 0;
}

}  // namespace

int runApp(const GuiOptions& options) {
    StartupTimes times;
    times.mark("before runApp", options.started);
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;               // nothing written to the working folder
    io.ConfigInputTextCursorBlink = false;  // a blinking caret would need frames while idle
    if (!options.drive.empty())
        io.ConfigFlags |= ImGuiConfigFlags_NoMouse;  // the pointer must not hover

    int exitCode = 0;
    {
        AppState st(options);
        Driver driver(options);
        Bench bench(options);
        // Reading the scenarios and building the font atlas is CPU work; opening the window
        // mostly waits for the X server and the OpenGL driver. Do both at once.
        bool prepared = true;
        double libraryMs = 0, fontsMs = 0;
        std::string prepareError;
        std::thread prepare([&] {
            try {
                const auto t0 = Clock::now();
                st.loadLibrary();
                prepared = driver.prepare(st);
                const auto t1 = Clock::now();
                rebuildFonts(st, false);
                libraryMs = std::chrono::duration<double, std::milli>(t1 - t0).count();
                fontsMs = std::chrono::duration<double, std::milli>(Clock::now() - t1).count();
            } catch (const std::exception& ex) {  // out of memory, most likely: say so and stop
                prepareError = ex.what();
            }
        });
        GLFWwindow* window = openWindow(options);
        const double windowMs =
            std::chrono::duration<double, std::milli>(Clock::now() - times.last).count();
        prepare.join();
        times.mark("window || (scenarios + fonts)");
        times.steps.emplace_back("  window and OpenGL context", windowMs);
        times.steps.emplace_back("  scenario library", libraryMs);
        times.steps.emplace_back("  font atlas", fontsMs);
        if (!st.fonts.haveCjk()) {
            std::cerr << "defuse: no Chinese font found (install fonts-noto-cjk); Chinese text "
                         "will show as '?'\n";
            st.showToast(st.t(Str::NoCjkFont), true, 10.0);
        }
        if (!prepareError.empty()) std::cerr << "defuse: could not start: " << prepareError << "\n";
        if (window == nullptr || !prepareError.empty())
            exitCode = 2;
        else if (!prepared)
            exitCode = driver.exitCode();
        else
            exitCode = mainLoop(window, st, driver, bench, times);
        if (window != nullptr) glfwDestroyWindow(window);
    }
    ImGui::DestroyContext();
    glfwTerminate();
    return exitCode;
}

}  // namespace defuse::desktop
