// Live reload of a practice in progress.
#include "live_reload.hpp"

#include <system_error>

#include "defuse/library.hpp"
#include "defuse/workbench.hpp"
#include "shell.hpp"

namespace defuse::desktop {

namespace fs = std::filesystem;

std::string watchSignature(const fs::path& file) {
    std::string s;
    std::error_code ec;
    auto add = [&](const fs::path& p) {
        const auto t = fs::last_write_time(p, ec);
        const auto size = ec ? 0 : fs::file_size(p, ec);
        s += p.string() + ":" + std::to_string(ec ? 0 : t.time_since_epoch().count()) + ":" +
             std::to_string(ec ? 0 : size) + ";";
    };
    add(file);
    const fs::path dir = file.parent_path() / "archetypes";
    if (fs::is_directory(dir, ec))
        for (const auto& e : fs::directory_iterator(dir, ec))
            if (e.path().extension() == ".yaml") add(e.path());
    return s;
}

void LiveReload::poll(Shell& sh) {
    const Play* play = sh.nav.play();
    const bool watching = play != nullptr && sh.nav.screen() == Screen::Conversation &&
                          play->attempt().options().mode == Mode::Practice &&
                          !play->attempt().finished() && !play->attempt().scenario().file.empty();
    if (!watching) {
        if (play == nullptr) m_serial = -1;
        return;
    }
    const double now = sh.ui.now();
    if (m_serial != sh.nav.playSerial()) {  // a new run: what is on disk now is its version
        m_serial = sh.nav.playSerial();
        m_file = play->attempt().scenario().file;
        m_signature = watchSignature(m_file);
        m_note.clear();
        m_broken = m_warning = false;
        m_diagnostics.clear();
        m_nextCheck = now + 0.25;
    }
    sh.ui.frames.wakeAt(m_nextCheck);
    if (now < m_nextCheck) return;
    m_nextCheck = now + 0.25;
    const std::string signature = watchSignature(m_file);
    if (signature == m_signature) return;
    m_signature = signature;
    reload(sh);
}

void LiveReload::reload(Shell& sh) {
    ++m_reloads;
    const Lang lang = sh.ui.lang();
    const std::string name = m_file.filename().string();
    LoadResult<Scenario> r = resolveScenario(m_file.string(), sh.catalogue.library());
    m_diagnostics = r.diagnostics;
    m_warning = true;
    if (!r.ok()) {  // the last good version runs on
        m_broken = true;
        m_note = render(Message(Msg::LiveBroken, {name}), lang);
        return;
    }
    m_broken = false;
    m_diagnostics.clear();
    MovedRun moved = moveToVersion(sh.nav.play()->attempt(), r.value);
    if (!moved.attempt) {
        m_note = render(Message(Msg::LiveStartGone, {name}), lang);
        return;
    }
    if (sh.nav.play()->attempt().saveState().recording && !moved.recording) {
        // The new version could not take up the replay: the run stays on the version it is
        // recorded on, so no answer goes unrecorded.
        m_note = render(Message(Msg::LiveNotSaved, {name, moved.attempt->saveState().error}), lang);
        return;
    }
    m_warning = !moved.goneAnswer.empty();
    if (m_warning)
        m_note = render(
            Message(Msg::LiveAnswerGone,
                    {name, moved.goneAnswer, Message::num(static_cast<long long>(moved.goneTurn))}),
            lang);
    else
        m_note = render(Message(Msg::LiveReloaded,
                                {name, Message::num(static_cast<long long>(moved.replayed))}),
                        lang);
    sh.catalogue.updateScenario(m_file, r.value);  // the library starts the new version too
    sh.nav.replacePlay(std::make_unique<Play>(std::move(moved.attempt)));
    m_serial = sh.nav.playSerial();
}

}  // namespace defuse::desktop
