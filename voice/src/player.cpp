#include "defuse/voice/player.hpp"

#include <pcaudiolib/audio.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "defuse/voice/synth.hpp"

namespace defuse::voice {

struct Player::Device {
    audio_object* object = nullptr;
    int rate = 0;
    ~Device() {
        if (object != nullptr) {
            audio_object_close(object);
            audio_object_destroy(object);
        }
    }
};

Player::Player(bool silent) : m_silent(silent), m_worker([this] { run(); }) {}

Player::~Player() {
    {
        std::lock_guard<std::mutex> guard(m_mutex);
        m_quit = true;
        m_next.reset();
        m_stop = true;
    }
    m_wake.notify_all();
    m_worker.join();
    delete m_device;
}

std::uint64_t Player::say(Utterance u) {
    std::uint64_t ticket = 0;
    {
        std::lock_guard<std::mutex> guard(m_mutex);
        ticket = ++m_issued;
        m_finished = ticket - 1;  // every earlier line gives way (its worker stops at once)
        m_stop = true;  // the line being said gives way; the worker clears it for this one
        m_next = Job{ticket, std::move(u)};
    }
    m_wake.notify_all();
    return ticket;
}

void Player::stop() {
    {
        std::lock_guard<std::mutex> guard(m_mutex);
        if (m_next) {
            m_finished = m_next->ticket;
            m_next.reset();
        }
        m_stop = true;
    }
    m_wake.notify_all();
}

std::optional<std::chrono::steady_clock::time_point> Player::endedAt(std::uint64_t ticket) const {
    if (!done(ticket)) return std::nullopt;
    std::lock_guard<std::mutex> guard(m_mutex);
    // A line stopped before the worker took it ended when it was stopped: the caller's now.
    if (m_endedTicket != ticket) return std::chrono::steady_clock::now();
    return m_endedAt;
}

std::string Player::lastError() const {
    std::lock_guard<std::mutex> guard(m_mutex);
    return m_error;
}

void Player::run() {
    for (;;) {
        Job job;
        {
            std::unique_lock<std::mutex> guard(m_mutex);
            m_wake.wait(guard, [this] { return m_quit || m_next.has_value(); });
            if (m_quit) return;
            job = std::move(*m_next);
            m_next.reset();
            m_stop = false;
        }
        speak(job);
        {
            std::lock_guard<std::mutex> guard(m_mutex);
            m_endedTicket = job.ticket;
            m_endedAt = std::chrono::steady_clock::now();
        }
        // A later ticket may already be finished (stopped before it started): never go back.
        std::uint64_t seen = m_finished.load();
        while (seen < job.ticket && !m_finished.compare_exchange_weak(seen, job.ticket)) {
        }
    }
}

void Player::speak(const Job& job) {
    Audio audio;
    std::string error;
    // espeak-ng starts here, on the worker, at the first line: never on the caller's thread.
    if (!Synth::synthesize(job.utterance, audio, &error, &m_stop)) {
        std::lock_guard<std::mutex> guard(m_mutex);
        m_error = error;
        m_synthFailed = true;
        return;
    }
    m_lastSeconds = audio.seconds();
    constexpr std::size_t kChunk = 1024;  // about 46 ms at 22 kHz: how soon a stop is heard
    if (!m_silent && !m_noDevice && openDevice(audio.sampleRate)) {
        for (std::size_t i = 0; i < audio.samples.size() && !m_stop; i += kChunk) {
            std::size_t n = std::min(kChunk, audio.samples.size() - i);
            if (audio_object_write(m_device->object, audio.samples.data() + i, n * 2) != 0) break;
        }
        if (m_stop)
            audio_object_flush(m_device->object);
        else
            audio_object_drain(m_device->object);
        return;
    }
    // Silent: take the line's time, so what waits for it waits alike.
    auto end = std::chrono::steady_clock::now() + std::chrono::duration<double>(audio.seconds());
    std::unique_lock<std::mutex> guard(m_mutex);
    m_wake.wait_until(guard, end, [this] { return m_stop.load() || m_quit; });
}

namespace {

// Whether there is a sound server or card to try. Asking ALSA when there is no card makes it
// print a page of errors on stderr; this looks first, quietly.
bool soundOutputPresent(std::string& why) {
    if (const char* server = std::getenv("PULSE_SERVER"); server != nullptr && *server != '\0')
        return true;
    std::error_code ec;
    if (const char* run = std::getenv("XDG_RUNTIME_DIR"); run != nullptr && *run != '\0')
        if (std::filesystem::exists(std::filesystem::path(run) / "pulse" / "native", ec))
            return true;
    std::ifstream cards("/proc/asound/cards");
    std::string first;
    if (cards && std::getline(cards, first) && first.find("no soundcards") == std::string::npos &&
        !first.empty())
        return true;
    why = "no sound server and no sound card (/proc/asound/cards)";
    return false;
}

}  // namespace

bool Player::openDevice(int sampleRate) {
    if (m_device != nullptr && m_device->rate == sampleRate) return true;
    if (std::string why; !soundOutputPresent(why)) {
        std::lock_guard<std::mutex> guard(m_mutex);
        m_error = why;
        m_noDevice = true;
        return false;
    }
    delete m_device;
    m_device = new Device;
    m_device->object = create_audio_device_object(nullptr, "defuse", "The customer's voice");
    int err = m_device->object == nullptr
                  ? -1
                  : audio_object_open(m_device->object, AUDIO_OBJECT_FORMAT_S16LE,
                                      static_cast<std::uint32_t>(sampleRate), 1);
    if (err == 0) {
        m_device->rate = sampleRate;
        return true;
    }
    {
        std::lock_guard<std::mutex> guard(m_mutex);
        m_error = m_device->object != nullptr ? audio_object_strerror(m_device->object, err)
                                              : "no audio output";
    }
    delete m_device;
    m_device = nullptr;
    m_noDevice = true;
    return false;
}

}  // namespace defuse::voice
