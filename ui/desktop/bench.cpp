// The benchmark mode. Prints its numbers; it is not a timed test.
#include "bench.hpp"

#include <GLFW/glfw3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <numeric>

namespace defuse::desktop {

namespace {
constexpr double kIdleSettleSeconds = 0.5;
constexpr double kIdleSeconds = 2.0;
}  // namespace

Bench::Bench(const GuiOptions& options) : m_frames(options.benchFrames) {
    if (options.bench) m_phase = Phase::Warmup;
}

Bench::~Bench() {
    if (m_timer.joinable()) m_timer.join();
}

void Bench::firstFrame(double msSinceStart, const AppState& st) {
    if (m_phase == Phase::Off) return;
    const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    std::printf("bench: start-up to first frame: %.1f ms\n", msSinceStart);
    std::printf(
        "bench: font atlas: built in %.1f ms, %d glyphs (only the characters in use), %dx%d = %zu "
        "KB of "
        "glyphs (%zu KB as the RGBA texture the OpenGL 3 backend uploads)\n",
        st.fonts.lastBuildMs(), st.fonts.glyphCount(), atlas->TexWidth, atlas->TexHeight,
        st.fonts.atlasBytes() / 4 / 1024, st.fonts.atlasBytes() / 1024);
    std::printf("bench: font: %s (face %d)%s\n", st.fonts.face().file.c_str(),
                st.fonts.face().index, st.fonts.haveCjk() ? "" : " -- NO CHINESE FONT");
    std::fflush(stdout);
}

void Bench::beforeFrame(AppState& st) {
    switch (m_phase) {
        case Phase::Warmup:
            if (st.history.loaded() && ++m_warmup > 10) m_phase = Phase::Library;
            break;
        case Phase::Library:
            if (static_cast<int>(m_library.frame.size()) >= m_frames) {
                print("library", m_library);
                for (int i = 0; i < static_cast<int>(st.library.size()); ++i)
                    if (st.library[static_cast<std::size_t>(i)].scenario) {
                        st.selectScenario(i);
                        st.startSession();
                        break;
                    }
                if (!st.play) std::printf("bench: no scenario loaded, skipping the conversation\n");
                m_phase = st.play ? Phase::Conversation : Phase::Idle;
                m_conversation = {};
            }
            break;
        case Phase::Conversation:
            if (static_cast<int>(m_conversation.frame.size()) >= m_frames) {
                print("conversation", m_conversation);
                m_phase = Phase::Idle;
            }
            break;
        case Phase::Idle:
            if (!m_timer.joinable()) {
                st.backToLibrary();
                m_timer = std::thread([this] {
                    std::this_thread::sleep_for(std::chrono::duration<double>(kIdleSettleSeconds));
                    m_idleStage = 1;
                    glfwPostEmptyEvent();
                    std::this_thread::sleep_for(std::chrono::duration<double>(kIdleSeconds));
                    m_idleStage = 2;
                    glfwPostEmptyEvent();
                });
            }
            break;
        case Phase::Off:
        case Phase::Done:
            break;
    }
}

void Bench::frameTimed(double buildMs, double frameMs) {
    Series* s = m_phase == Phase::Library        ? &m_library
                : m_phase == Phase::Conversation ? &m_conversation
                                                 : nullptr;
    if (s == nullptr) return;
    s->build.push_back(buildMs);
    s->frame.push_back(frameMs);
}

void Bench::wokeUp(bool drew) {
    if (m_phase != Phase::Idle) return;
    const int stage = m_idleStage;
    if (stage == 1 && !m_measuring) {
        m_measuring = true;  // this wake-up is the timer's own start signal
        return;
    }
    if (stage == 1) {
        ++m_idleWakeups;
        if (drew) ++m_idleFrames;
    }
    if (stage == 2) finish();
}

void Bench::finish() {
    std::printf("bench: idle for %.1f s on the library: %d wake-ups, %d frames drawn\n",
                kIdleSeconds, m_idleWakeups, m_idleFrames);
    std::fflush(stdout);
    m_phase = Phase::Done;
}

void Bench::print(const char* name, const Series& s) const {
    if (s.frame.empty()) return;
    auto mean = [](const std::vector<double>& v) {
        return std::accumulate(v.begin(), v.end(), 0.0) / static_cast<double>(v.size());
    };
    std::printf(
        "bench: %s: %zu frames; building the UI mean %.2f ms, max %.2f ms; whole frame (render + "
        "swap) mean %.2f ms, max %.2f ms\n",
        name, s.frame.size(), mean(s.build), *std::max_element(s.build.begin(), s.build.end()),
        mean(s.frame), *std::max_element(s.frame.begin(), s.frame.end()));
    std::fflush(stdout);
}

void Bench::wake() { glfwPostEmptyEvent(); }

}  // namespace defuse::desktop
