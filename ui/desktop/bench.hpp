#pragma once
// `defuse gui --bench`: start-up to the first frame, frame times, idle wake-ups.
#include <atomic>
#include <string>
#include <thread>
#include <vector>

#include "app_state.hpp"

namespace defuse::desktop {

class Bench {
public:
    explicit Bench(const GuiOptions& options);
    ~Bench();
    Bench(const Bench&) = delete;
    Bench& operator=(const Bench&) = delete;

    bool active() const { return m_phase != Phase::Off && m_phase != Phase::Done; }
    bool done() const { return m_phase == Phase::Done; }
    /// True while frames should be drawn back to back (the timed phases).
    bool forcing() const {
        return m_phase == Phase::Warmup || m_phase == Phase::Library ||
               m_phase == Phase::Conversation;
    }

    void firstFrame(double msSinceStart, const AppState& st);
    /// Before each frame: moves between phases.
    void beforeFrame(AppState& st);
    /// One frame's times: building the UI, and the whole frame up to the swap.
    void frameTimed(double buildMs, double frameMs);
    /// Every time the main loop wakes up; `drew` when it drew a frame.
    void wokeUp(bool drew);
    void wake();

private:
    enum class Phase { Off, Warmup, Library, Conversation, Idle, Done };
    struct Series {
        std::vector<double> build, frame;
    };
    void print(const char* name, const Series& s) const;
    void finish();

    Phase m_phase = Phase::Off;
    int m_frames = 300;
    int m_warmup = 0;
    Series m_library, m_conversation;
    std::thread m_timer;
    std::atomic<int> m_idleStage{0};  ///< 0 settling, 1 measuring, 2 over
    bool m_measuring = false;
    int m_idleWakeups = 0;
    int m_idleFrames = 0;
};

}  // namespace defuse::desktop
