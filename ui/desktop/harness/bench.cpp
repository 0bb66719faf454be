// The benchmark mode. Prints its numbers; it is not a timed test.
#include "harness/bench.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <numeric>

#include "shell.hpp"

namespace defuse::desktop {

namespace {
constexpr double kIdleSettleSeconds = 0.5;
constexpr double kIdleSeconds = 2.0;
}  // namespace

Bench::Bench(int frames) : m_frames(frames) {}

Bench::~Bench() {
    if (m_timer.joinable()) m_timer.join();
}

void Bench::afterFrame(Shell& sh, const FrameStats& stats) {
    Series* s = m_phase == Phase::Library             ? &m_library
                : m_phase == Phase::Conversation      ? &m_conversation
                : m_phase == Phase::ConversationVoice ? &m_voice
                                                      : nullptr;
    if (s != nullptr) {
        s->build.push_back(stats.buildMs);
        s->frame.push_back(stats.frameMs);
    }
    if (!stats.first) return;
    const Fonts& fonts = sh.ui.fonts;
    const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    std::printf("bench: start-up to first frame: %.1f ms\n", stats.sinceStartMs);
    std::printf(
        "bench: font atlas: built in %.1f ms, %d glyphs (only the characters in use), %dx%d = %zu "
        "KB of glyphs (%zu KB as the RGBA texture the OpenGL 3 backend uploads)\n",
        fonts.lastBuildMs(), fonts.glyphCount(), atlas->TexWidth, atlas->TexHeight,
        fonts.atlasBytes() / 4 / 1024, fonts.atlasBytes() / 1024);
    std::printf("bench: font: %s (face %d)%s\n", fonts.face().file.c_str(), fonts.face().index,
                fonts.haveCjk() ? "" : " -- NO CHINESE FONT");
    if (stats.startup != nullptr)
        for (const auto& [what, ms] : *stats.startup)
            std::printf("bench:   %-30s %7.1f ms\n", what.c_str(), ms);
    std::fflush(stdout);
}

void Bench::afterRender(Shell& sh, int width, int height) {
    (void)sh, (void)width, (void)height;
    glFinish();
}

void Bench::beforeFrame(Shell& sh, bool busy) {
    (void)busy;
    switch (m_phase) {
        case Phase::Warmup:
            if (sh.catalogue.history().loaded() && ++m_warmup > 10) m_phase = Phase::Library;
            break;
        case Phase::Library:
            if (static_cast<int>(m_library.frame.size()) >= m_frames) {
                print("library", m_library);
                for (const LibraryEntry& e : sh.catalogue.library().entries())
                    if (e.scenario) {
                        sh.nav.toBriefing(e.scenario);
                        sh.start(Mode::Practice);
                        break;
                    }
                if (sh.nav.play() == nullptr)
                    std::printf("bench: no scenario loaded, skipping the conversation\n");
                m_phase = sh.nav.play() != nullptr ? Phase::Conversation : Phase::Idle;
                m_conversation = {};
            }
            break;
        case Phase::Conversation:
            if (sh.voice.speakerOn()) sh.voice.setSpeaker(false);
            if (static_cast<int>(m_conversation.frame.size()) >= m_frames) {
                print("conversation, voice off", m_conversation);
                sh.voice.setSpeaker(true);
                m_phase = Phase::ConversationVoice;
                m_voice = {};
            }
            break;
        case Phase::ConversationVoice:
            // The same frames while the worker synthesises and says the line, again and
            // again: no frame may wait on it.
            if (m_voice.frame.size() % 20 == 0) sh.voice.repeat();
            if (static_cast<int>(m_voice.frame.size()) >= m_frames) {
                print("conversation, voice on (the line synthesised every 20 frames)", m_voice);
                sh.voice.setSpeaker(false);
                m_phase = Phase::Idle;
            }
            break;
        case Phase::Idle:
            if (!m_timer.joinable()) {
                sh.nav.toLibrary();
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
        case Phase::Done:
            break;
    }
}

void Bench::wokeUp(bool willDraw) {
    if (m_phase != Phase::Idle) return;
    const int stage = m_idleStage;
    if (stage == 1 && !m_measuring) {
        m_measuring = true;  // this wake-up is the timer's own start signal
        return;
    }
    if (stage == 1) {
        ++m_idleWakeups;
        if (willDraw) ++m_idleFrames;
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

}  // namespace defuse::desktop
