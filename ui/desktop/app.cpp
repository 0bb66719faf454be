// The window and the main loop: draws only when something changed, animates or times,
// and otherwise sleeps in glfwWaitEvents. Anything that steers frames from outside (the
// drive, the bench) does so through FrameHooks.
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>
#include <imgui_internal.h>  // ErrorCheckEndFrameRecover

#include <chrono>
#include <cmath>
#include <iostream>
#include <thread>

#include "author_view.hpp"
#include "drop.hpp"
#include "frame_hooks.hpp"
#include "gui_options.hpp"
#include "panels/briefing.hpp"
#include "panels/conversation.hpp"
#include "panels/dashboard.hpp"
#include "panels/debrief.hpp"
#include "panels/library.hpp"
#include "panels/resume_dialog.hpp"
#include "panels/review.hpp"
#include "panels/settings_panel.hpp"
#include "panels/top_bar.hpp"
#include "recover.hpp"
#include "shell.hpp"
#include "theme.hpp"
#include "widgets.hpp"

namespace defuse::desktop {

namespace {

using Clock = std::chrono::steady_clock;

double msBetween(Clock::time_point a, Clock::time_point b) {
    return std::chrono::duration<double, std::milli>(b - a).count();
}

/// Records start-up steps as they finish.
struct StartupClock {
    StartupTimes steps;
    Clock::time_point last = Clock::now();
    void mark(const char* what, Clock::time_point since) {
        const auto now = Clock::now();
        steps.emplace_back(what, msBetween(since, now));
        last = now;
    }
    void mark(const char* what) { mark(what, last); }
};

/// Every panel, registered in one place.
struct Panels {
    TopBar top;
    LibraryPanel library;
    BriefingPanel briefing;
    ConversationPanel conversation;
    DebriefPanel debrief;
    ReviewPanel review;
    SettingsPanel settings;
    DashboardPanel dashboard;
    ResumeDialog resume;
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

void drawToast(Services& svc) {
    const Toast& toast = svc.toast();
    if (toast.text.empty() || svc.now() >= toast.until) return;
    svc.frames.wakeAt(toast.until);
    const TextCtx tx = svc.text();
    const float fs = ImGui::GetFontSize();
    const ImVec2 ds = ImGui::GetIO().DisplaySize;
    ImFont* font = svc.fonts.regular();
    const float wrap = std::min(ds.x * 0.8f, fs * 40);
    const ImVec2 ts = ui::measure(font, toast.text, wrap);
    const ImVec2 pad(fs * 0.8f, fs * 0.5f);
    const ImVec2 p((ds.x - ts.x) * 0.5f - pad.x, ds.y - ts.y - pad.y * 2 - fs);
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + ts.x + pad.x * 2, p.y + ts.y + pad.y * 2),
                      toast.error ? theme::rgba(160, 40, 35, 235) : theme::rgba(40, 48, 56, 235),
                      fs * 0.4f);
    ui::drawText(tx, dl, font, ImVec2(p.x + pad.x, p.y + pad.y), theme::rgba(255, 255, 255),
                 toast.text, wrap);
}

void drawUi(Shell& sh, Panels& panels) {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus;
    ImGui::Begin("defuse", nullptr, flags);
    const ImGuiWindow* main = ImGui::GetCurrentWindow();
    try {
        sh.nav.settle();
        sh.live.poll(sh);
        panels.top.draw(sh);
        if (drawAuthorView(sh)) {       // gui --author: the author view is the window
        } else if (sh.board.shown()) {  // the class dashboard, over whatever screen is open
            panels.dashboard.draw(sh);
        } else {
            switch (sh.nav.screen()) {
                case Screen::Library:
                    panels.library.draw(sh);
                    break;
                case Screen::Briefing:
                    panels.briefing.draw(sh);
                    break;
                case Screen::Conversation:
                    panels.conversation.draw(sh);
                    break;
                case Screen::Debrief:
                    panels.debrief.draw(sh);
                    break;
                case Screen::Review:
                    panels.review.draw(sh);
                    break;
            }
        }
        panels.settings.draw(sh);
        panels.resume.draw(sh);
    } catch (const std::exception& ex) {
        // Nothing the user does may end the app: close whatever child windows and popups were
        // open, unwind ImGui's stacks back to the main window, and say what happened.
        recoverTo(main);
        sh.ui.showToast(ex.what(), true, 8.0);
    }
    ImGui::End();
    drawToast(sh.ui);
}

void rebuildFonts(Services& svc, bool backendReady) {
    svc.rebuildFonts();
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
    const char* title = options.scripted ? "defuse (scripted run)" : "defuse";
    GLFWwindow* window = glfwCreateWindow(options.width, options.height, title, nullptr, nullptr);
    if (window == nullptr) {
        std::cerr << "defuse: could not create an OpenGL 3 window\n";
        return nullptr;
    }
    glfwMakeContextCurrent(window);
    glfwSwapInterval(options.scripted ? 0 : 1);
    return window;
}

/// Runs frames until the window closes or the hooks are done. Returns the exit code.
int mainLoop(GLFWwindow* window, Shell& sh, FrameHooks* hooks, StartupClock& startup) {
    Wake wake;
    glfwSetWindowUserPointer(window, &wake);
    installWakeCallbacks(window);  // before ImGui's, which chain to them
    ImGui_ImplGlfw_InitForOpenGL(window, true);
    ImGui_ImplOpenGL3_Init("#version 130");
    startup.mark("ImGui backends");

    Panels panels;
    Services& svc = sh.ui;
    unsigned seenEvents = wake.events;
    int redraw = 2;  // frames to draw whatever happens (the first ones, and after input)
    bool first = true;
    while (!glfwWindowShouldClose(window)) {
        const bool forced = hooks != nullptr && hooks->forcing();
        if (!forced && glfwGetWindowAttrib(window, GLFW_ICONIFIED) != 0) {
            glfwWaitEvents();  // minimised: nothing to draw until it comes back
            continue;
        }
        if (forced || redraw > 0) {
            glfwPollEvents();
        } else if (svc.frames.animating()) {
            glfwWaitEventsTimeout(1.0 / 60.0);
        } else {
            const double until = svc.frames.nextWake() - glfwGetTime();
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
        if (!wake.dropped.empty()) {
            dropPaths(sh, wake.dropped);
            wake.dropped.clear();
        }
        const double now = glfwGetTime();
        const bool draw =
            forced || redraw > 0 || svc.frames.animating() || now >= svc.frames.nextWake();
        if (hooks != nullptr) {
            hooks->wokeUp(draw);
            if (hooks->done()) break;
        }
        if (!draw) continue;  // woke for nothing that shows

        const bool busy =
            svc.frames.animating() || svc.fonts.dirty() || !sh.catalogue.history().loaded();
        if (svc.fontsNeedRebuild() || svc.fonts.dirty()) rebuildFonts(svc, true);
        svc.frames.begin(now);
        if (hooks != nullptr) {
            hooks->beforeFrame(sh, busy);
            if (hooks->done()) break;
        }

        const auto t0 = Clock::now();
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        svc.fonts.setInFrame(true);
        drawUi(sh, panels);
        svc.fonts.setInFrame(false);
        ImGui::Render();
        const auto t1 = Clock::now();
        if (svc.fonts.dirty()) {
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
        if (hooks != nullptr) hooks->afterRender(sh, fbw, fbh);
        glfwSwapBuffers(window);
        const auto t2 = Clock::now();

        FrameStats stats;
        stats.buildMs = msBetween(t0, t1);
        stats.frameMs = msBetween(t0, t2);
        if (first) {
            first = false;
            startup.mark("first frame drawn");
            stats.first = true;
            stats.sinceStartMs = msBetween(sh.options.started, t2);
            stats.startup = &startup.steps;
        } else if (!sh.catalogue.history().loaded()) {
            sh.loadHistory();  // after the first frame, so start-up stays fast
            redraw = std::max(redraw, 1);
        }
        if (hooks != nullptr) hooks->afterFrame(sh, stats);
        if (svc.fonts.dirty() || svc.fontsNeedRebuild()) redraw = std::max(redraw, 1);
        if (redraw > 0) --redraw;
    }
    ImGui_ImplOpenGL3_Shutdown();
    ImGui_ImplGlfw_Shutdown();
    return hooks != nullptr && hooks->done() ? hooks->exitCode() : 0;
}

}  // namespace

int runApp(const GuiOptions& options, FrameHooks* hooks) {
    StartupClock startup;
    startup.mark("before runApp", options.started);
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;               // nothing written to the working folder
    io.ConfigInputTextCursorBlink = false;  // a blinking caret would need frames while idle
    if (options.scripted) io.ConfigFlags |= ImGuiConfigFlags_NoMouse;  // the pointer must not hover

    int exitCode = 0;
    {
        Shell sh(options);
        // Reading the scenarios and building the font atlas is CPU work; opening the window
        // mostly waits for the X server and the OpenGL driver. Do both at once.
        bool prepared = true;
        double libraryMs = 0, fontsMs = 0;
        std::string prepareError;
        std::thread prepare([&] {
            try {
                const auto t0 = Clock::now();
                sh.loadLibrary();
                if (hooks != nullptr) prepared = hooks->prepare(sh);
                const auto t1 = Clock::now();
                rebuildFonts(sh.ui, false);
                libraryMs = msBetween(t0, t1);
                fontsMs = msBetween(t1, Clock::now());
            } catch (const std::exception& ex) {  // out of memory, most likely: say so and stop
                prepareError = ex.what();
            }
        });
        GLFWwindow* window = openWindow(options);
        const double windowMs = msBetween(startup.last, Clock::now());
        prepare.join();
        startup.mark("window || (scenarios + fonts)");
        startup.steps.emplace_back("  window and OpenGL context", windowMs);
        startup.steps.emplace_back("  scenario library", libraryMs);
        startup.steps.emplace_back("  font atlas", fontsMs);
        if (!sh.ui.fonts.haveCjk()) {
            std::cerr << "defuse: no Chinese font found (install fonts-noto-cjk); Chinese text "
                         "will show as '?'\n";
            sh.ui.showToast(sh.ui.text().t(Msg::UiNoCjkFont), true, 10.0);
        }
        if (!prepareError.empty()) std::cerr << "defuse: could not start: " << prepareError << "\n";
        if (window == nullptr || !prepareError.empty())
            exitCode = 2;
        else if (!prepared)
            exitCode = hooks->exitCode();
        else
            exitCode = mainLoop(window, sh, hooks, startup);
        if (window != nullptr) glfwDestroyWindow(window);
    }
    ImGui::DestroyContext();
    glfwTerminate();
    return exitCode;
}

}  // namespace defuse::desktop
