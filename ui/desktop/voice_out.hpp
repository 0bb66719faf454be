#pragma once
// The customer's voice in the window: the speaker toggle (on by default in phone scenarios),
// "listen only" (the line is heard, and shown only once answered, as on a real call), and the
// worker that speaks (defuse::voice::Speaker), so no frame waits on audio. The engine's
// attempt says what the line is; this only says it.
#include <cstdint>
#include <memory>

#include "defuse/voice/speaker.hpp"
#include "play.hpp"

namespace defuse::desktop {

class Services;

class VoiceOut {
public:
    VoiceOut();
    ~VoiceOut();
    VoiceOut(const VoiceOut&) = delete;
    VoiceOut& operator=(const VoiceOut&) = delete;

    /// Lines are timed but never played (the drive and the bench).
    void setSilent(bool silent) { m_silent = silent; }
    /// Every frame an attempt is on screen: a new attempt takes the scenario's default
    /// (phone: speaker on), a new line is said (ending the one before), problems are toasted
    /// once.
    void update(Services& ui, const Play& play, int serial);
    /// Ends the line being said (leaving the conversation).
    void stop();
    /// Says the current line again.
    void repeat() { m_version = -1; }

    bool speakerOn() const { return m_on; }
    void setSpeaker(bool on);
    bool listenOnly() const { return m_listenOnly; }
    void setListenOnly(bool on) { m_listenOnly = on; }
    /// True while the current line must not be shown and the answers wait: listen only, the
    /// speaker on and heard, and the line still being said.
    bool waitingForLine() const;
    /// True while the current line's words are hidden (listen only, not yet answered).
    bool hidingLine() const;
    /// True while a line is being said.
    bool speaking() const { return m_speaker != nullptr && m_speaker->speaking(); }

private:
    bool heard() const;

    std::unique_ptr<voice::Speaker> m_speaker;  ///< made at the first line
    bool m_silent = false;
    bool m_on = false;
    bool m_listenOnly = false;
    int m_serial = -1;   ///< the attempt the settings belong to
    int m_version = -1;  ///< the attempt's version last said
    std::uint64_t m_ticket = 0;
};

}  // namespace defuse::desktop
