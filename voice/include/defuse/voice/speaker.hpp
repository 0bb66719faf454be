#pragma once
/// What a front end holds to make the customer speak: the voice data (loaded once), the voice
/// of the scenario being played, and the player with its worker thread. Problems (voice data,
/// synthesizer, no sound device) come back once each, as messages for the front end to show.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "defuse/message.hpp"
#include "defuse/voice/customer_voice.hpp"
#include "defuse/voice/player.hpp"

namespace defuse::voice {

class Speaker {
public:
    /// `silent`: never open a sound device (tests and benches), lines take their time as if
    /// played.
    explicit Speaker(bool silent = false);
    /// Says `line` as the customer of `scenario` in `mood`, ending the line being said.
    /// Returns the line's ticket (see `done()`); 0 when there is nothing to say.
    std::uint64_t say(const Scenario& scenario, const std::string& line, std::string_view lang,
                      const Mood& mood);
    /// Ends the line being said.
    void stop() { m_player.stop(); }
    /// True once line `ticket` has been said (or stopped, or could not be).
    bool done(std::uint64_t ticket) const { return m_player.done(ticket); }
    bool speaking() const { return m_player.speaking(); }
    /// When line `ticket` ended, if it has (see Player::endedAt).
    std::optional<std::chrono::steady_clock::time_point> endedAt(std::uint64_t ticket) const {
        return m_player.endedAt(ticket);
    }
    /// True when lines are not heard (no sound device, or the synthesizer cannot start).
    bool silent() const { return m_player.noDevice() || m_player.synthFailed(); }
    /// The next problem not yet shown (each is shown once), or nullopt.
    std::optional<Message> takeNotice();

private:
    Player m_player;
    VoiceData m_data;
    bool m_loaded = false;
    std::string m_scenarioKey;  // the scenario whose voice is in m_voice
    std::unique_ptr<CustomerVoice> m_voice;
    std::vector<Message> m_notices;
    bool m_toldDevice = false;
    bool m_toldSynth = false;
};

}  // namespace defuse::voice
