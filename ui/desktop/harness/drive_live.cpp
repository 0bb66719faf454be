// The drive's live edits: a practice in progress, its scenario file overwritten by each edit
// in turn while the window runs, as a trainer saving in an editor would.
#include <iostream>
#include <iterator>
#include <system_error>

#include "harness/drive.hpp"
#include "shell.hpp"

namespace defuse::desktop {

namespace {
constexpr const char* kEdits[] = {"good", "broken", "fixed", "removed"};
constexpr int kReloadFrames = 600;  ///< frames to wait for a reload (scripted frames are fast)
}  // namespace

void Driver::liveEdits(Shell& sh) {
    const std::size_t count = std::size(kEdits);
    while (m_edit < count &&
           !std::filesystem::exists(m_options.liveEdits / (std::string(kEdits[m_edit]) + ".yaml")))
        ++m_edit;
    const Play* play = sh.nav.play();
    if (m_edit == count) {  // every edit done
        if (play == nullptr) return fail("the attempt is gone");
        std::cout << "live reloads: " << sh.live.reloads() << "\n";
        // The library's entry of the file (when it is in the library): the run's version?
        std::error_code ec;
        for (const LibraryEntry& e : sh.catalogue.library().entries())
            if (std::filesystem::equivalent(e.file, play->attempt().scenario().file, ec))
                std::cout << "library entry: "
                          << (e.scenario == play->attempt().scenarioPtr() ? "the run's version"
                                                                          : "another version")
                          << "\n";
        m_exitCode = 0;
        m_phase = Phase::Done;
        return;
    }
    const std::string name = kEdits[m_edit];
    if (m_editReloads < 0) {  // write the edit over the scenario file
        if (play == nullptr) return fail("the attempt is gone");
        const std::filesystem::path target = play->attempt().scenario().file;
        std::error_code ec;
        std::filesystem::copy_file(m_options.liveEdits / (name + ".yaml"), target,
                                   std::filesystem::copy_options::overwrite_existing, ec);
        if (ec) return fail("could not write " + target.string() + ": " + ec.message());
        m_editReloads = sh.live.reloads();
        m_editFrames = 0;
        m_shotTaken = false;
        return;
    }
    if (sh.live.reloads() == m_editReloads) {
        if (++m_editFrames > kReloadFrames)
            return fail("no live reload after the " + name + " edit");
        return;
    }
    if (!m_shotTaken) {
        const Attempt& a = play->attempt();
        std::cout << "live " << name << ": " << (sh.live.broken() ? "broken" : "loaded")
                  << ", turns " << a.turns().size() << ", at "
                  << (a.node() ? a.node()->id : std::string("-")) << ", answers";
        for (const std::string& id : a.shownIds()) std::cout << " " << id;
        std::cout << "\n  note: " << sh.live.note() << "\n";
        for (const Diagnostic& d : sh.live.diagnostics())
            std::cout << "  " << d.format(sh.ui.lang()) << "\n";
        std::cout << "  replay turns saved: " << a.saveState().savedTurns << "\n";
        return shoot("live-" + name + ".png");
    }
    ++m_edit;
    m_editReloads = -1;
}

}  // namespace defuse::desktop
