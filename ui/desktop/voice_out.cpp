#include "voice_out.hpp"

#include "services.hpp"

namespace defuse::desktop {

VoiceOut::VoiceOut() = default;
VoiceOut::~VoiceOut() = default;

void VoiceOut::update(Services& ui, const Play& play, int serial) {
    const Attempt& a = play.attempt();
    if (serial != m_serial) {
        m_serial = serial;
        m_on = voice::speaksByDefault(a.scenario());
        m_version = -1;
    }
    if (m_on && m_version != a.version()) {
        m_version = a.version();
        if (m_speaker == nullptr) m_speaker = std::make_unique<voice::Speaker>(m_silent);
        m_ticket = m_speaker->say(a.scenario(), a.customerLine(), a.options().lang, a.mood());
    }
    if (m_speaker == nullptr) return;
    while (auto notice = m_speaker->takeNotice()) ui.showToast(render(*notice, ui.lang()), true);
    // While a line is said, look again soon: the answers wait for it in listen-only mode.
    if (m_speaker->speaking()) ui.frames.wakeAt(ui.now() + 0.1);
}

void VoiceOut::stop() {
    if (m_speaker != nullptr) m_speaker->stop();
}

void VoiceOut::setSpeaker(bool on) {
    m_on = on;
    if (on)
        m_version = -1;  // say the current line
    else
        stop();
}

bool VoiceOut::heard() const {
    return m_speaker == nullptr || m_speaker->done(m_ticket) || m_speaker->silent();
}

bool VoiceOut::hidingLine() const {
    // Without a sound device the words are all the trainee has.
    return m_on && m_listenOnly && (m_speaker == nullptr || !m_speaker->silent());
}

bool VoiceOut::waitingForLine() const { return hidingLine() && !heard(); }

}  // namespace defuse::desktop
