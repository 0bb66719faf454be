// Drops, driven.
#include "harness/drop_drive.hpp"

#include <iostream>

#include "defuse/diagnostic.hpp"
#include "defuse/library.hpp"
#include "drop.hpp"
#include "shell.hpp"

namespace defuse::desktop {

DropDriver::DropDriver(std::vector<std::string> paths, std::filesystem::path screenshots)
    : StepDriver("--drop", std::move(screenshots)), m_paths(std::move(paths)) {}

void DropDriver::step(Shell& sh) {
    if (!sh.catalogue.history().loaded()) return;
    if (!m_started) {  // the window before anything is dropped
        m_started = true;
        return shoot("drop-0.png");
    }
    if (m_dropped) {
        m_dropped = false;
        report(sh, m_paths[m_next]);
        ++m_next;
        return shoot("drop-" + std::to_string(m_next) + ".png");
    }
    if (m_next >= m_paths.size()) return finish();
    m_scenarios = sh.catalogue.library().entries().size();
    sh.ui.showToast("");  // what this drop says, not the last one
    dropPaths(sh, {m_paths[m_next]});
    m_dropped = true;
}

void DropDriver::report(Shell& sh, const std::string& path) {
    std::cout << "drop " << m_next + 1 << " " << path << ": ";
    const std::size_t now = sh.catalogue.library().entries().size();
    if (sh.nav.screen() == Screen::Review && sh.nav.review() != nullptr) {
        const Review& r = *sh.nav.review();
        std::cout << "replay viewer " << r.file().string() << ", " << r.scenario().id << ", "
                  << r.turnCount() << " turns, score " << r.report().total;
    } else {
        std::cout << (sh.nav.screen() == Screen::Library ? "library" : "other screen");
    }
    std::cout << "; library " << now << " entries (" << now - m_scenarios << " added)\n";
    // The library's list of files that failed to load, in the words its panel shows them.
    for (const LibraryEntry& e : sh.catalogue.library().entries()) {
        if (e.scenario) continue;
        for (const Diagnostic& d : e.diagnostics)
            std::cout << "failed file: " << d.format(sh.ui.lang()) << "\n";
    }
    const Toast& t = sh.ui.toast();
    if (!t.text.empty())
        std::cout << "toast" << (t.error ? " (error)" : "") << ": " << t.text << "\n";
}

}  // namespace defuse::desktop
