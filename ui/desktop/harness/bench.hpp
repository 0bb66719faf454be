#pragma once
// `defuse gui --bench`: start-up to the first frame, frame times, idle wake-ups. A frame
// hook: the main loop knows nothing about it.
#include <atomic>
#include <thread>
#include <vector>

#include "frame_hooks.hpp"

namespace defuse::desktop {

class Bench final : public FrameHooks {
public:
    /// Times `frames` frames of the library and of a conversation, then idles.
    explicit Bench(int frames);
    ~Bench() override;
    Bench(const Bench&) = delete;
    Bench& operator=(const Bench&) = delete;

    /// True while frames should be drawn back to back (the timed phases).
    bool forcing() const override {
        return m_phase == Phase::Warmup || m_phase == Phase::Library ||
               m_phase == Phase::Conversation || m_phase == Phase::ConversationVoice;
    }
    /// Counts the wake-ups while idle.
    void wokeUp(bool willDraw) override;
    /// Moves between phases.
    void beforeFrame(Shell& sh, bool busy) override;
    /// Waits for the GPU, so the (software) rendering counts in the frame time.
    void afterRender(Shell& sh, int width, int height) override;
    /// Records the frame's times; prints the start-up after the first.
    void afterFrame(Shell& sh, const FrameStats& stats) override;
    bool done() const override { return m_phase == Phase::Done; }

private:
    enum class Phase { Warmup, Library, Conversation, ConversationVoice, Idle, Done };
    struct Series {
        std::vector<double> build, frame;
    };
    void print(const char* name, const Series& s) const;
    void finish();

    Phase m_phase = Phase::Warmup;
    int m_frames = 300;
    int m_warmup = 0;
    Series m_library, m_conversation, m_voice;
    std::thread m_timer;
    std::atomic<int> m_idleStage{0};  ///< 0 settling, 1 measuring, 2 over
    bool m_measuring = false;
    int m_idleWakeups = 0;
    int m_idleFrames = 0;
};

}  // namespace defuse::desktop
