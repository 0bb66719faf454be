#include "defuse/voice/speaker.hpp"

namespace defuse::voice {

Speaker::Speaker(bool silent) : m_player(silent) {}

std::uint64_t Speaker::say(const Scenario& scenario, const std::string& line, std::string_view lang,
                           const Mood& mood) {
    if (!m_loaded) {  // a few small text files: espeak-ng itself starts on the worker
        m_loaded = true;
        m_data.load(voiceDataDir());
        for (const DataError& e : m_data.errors)
            m_notices.push_back(Message(Msg::VoicesDataError, {e.message()}));
    }
    if (m_player.synthFailed()) return 0;
    std::string key = scenario.id + "\n" + scenario.hash;
    if (m_voice == nullptr || key != m_scenarioKey) {
        std::vector<DataError> errors;
        m_voice = std::make_unique<CustomerVoice>(m_data, scenario, errors);
        m_scenarioKey = key;
        for (const DataError& e : errors)
            m_notices.push_back(Message(Msg::VoicesDataError, {e.message()}));
    }
    Utterance u = m_voice->plan(line, lang, mood);
    if (u.empty()) {
        m_player.stop();
        return 0;
    }
    return m_player.say(std::move(u));
}

std::optional<Message> Speaker::takeNotice() {
    if (!m_toldSynth && m_player.synthFailed()) {
        m_toldSynth = true;
        m_notices.push_back(Message(Msg::VoiceSynthFailed, {m_player.lastError()}));
    }
    if (!m_toldDevice && m_player.noDevice()) {
        m_toldDevice = true;
        m_notices.push_back(Message(Msg::VoiceNoDevice, {m_player.lastError()}));
    }
    if (m_notices.empty()) return std::nullopt;
    Message m = m_notices.front();
    m_notices.erase(m_notices.begin());
    return m;
}

}  // namespace defuse::voice
