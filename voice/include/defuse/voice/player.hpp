#pragma once
/// Speaking without blocking: a worker thread synthesises a planned line and plays it on the
/// sound device (libpcaudio: PulseAudio or ALSA). Saying a new line or `stop()` ends the one
/// being spoken. With no sound device the player says so once (`noDevice()`) and carries on
/// silent, taking as long as the line would have, so the clock of a phone call behaves alike.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "defuse/voice/plan.hpp"

namespace defuse::voice {

class Player {
public:
    /// `silent`: never open a device (tests, benches), time the lines as if played.
    explicit Player(bool silent = false);
    ~Player();
    Player(const Player&) = delete;
    Player& operator=(const Player&) = delete;

    /// Starts saying `u`, ending any line being said. Returns its ticket for `done()`.
    std::uint64_t say(Utterance u);
    /// Ends the line being said (the trainee answered or rewound).
    void stop();
    /// True once line `ticket` has been said to its end, stopped, or failed.
    bool done(std::uint64_t ticket) const { return m_finished.load() >= ticket; }
    /// When line `ticket` ended (said to its end, stopped or failed), if it has: where the
    /// answer clock of a heard line starts.
    std::optional<std::chrono::steady_clock::time_point> endedAt(std::uint64_t ticket) const;
    /// True while a line is being synthesised or played.
    bool speaking() const { return m_finished.load() < m_issued.load(); }
    /// True once opening the sound device failed (then the player is silent for good).
    bool noDevice() const { return m_noDevice.load(); }
    /// True once the synthesizer failed (it cannot start, or a voice is missing).
    bool synthFailed() const { return m_synthFailed.load(); }
    /// Why the device or the synthesizer failed, for the message shown once.
    std::string lastError() const;
    /// Seconds of the last line synthesised.
    double lastSeconds() const { return m_lastSeconds.load(); }

private:
    struct Job {
        std::uint64_t ticket = 0;
        Utterance utterance;
    };
    void run();
    void speak(const Job& job);
    bool openDevice(int sampleRate);

    bool m_silent;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::optional<Job> m_next;
    bool m_quit = false;
    std::string m_error;
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_noDevice{false};
    std::atomic<bool> m_synthFailed{false};
    std::atomic<std::uint64_t> m_issued{0};
    std::atomic<std::uint64_t> m_finished{0};
    std::atomic<double> m_lastSeconds{0};
    std::uint64_t m_endedTicket = 0;                    // guarded by m_mutex
    std::chrono::steady_clock::time_point m_endedAt{};  // when m_endedTicket ended
    struct Device;
    Device* m_device = nullptr;  // owned, touched only by the worker
    std::thread m_worker;
};

}  // namespace defuse::voice
