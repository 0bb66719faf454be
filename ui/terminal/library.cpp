#include "defuse/library.hpp"

#include <unistd.h>

#include <iostream>

#include "commands.hpp"
#include "defuse/paths.hpp"
#include "play.hpp"

namespace defuse::term {

int openLibrary() {
    auto dir = bundledScenarioDir();
    Library library;
    library.addFolder(dir, true);
    std::vector<const LibraryEntry*> playable;
    std::cout << "defuse: scenarios in " << dir.string() << "\n";
    for (const auto& f : library.entries()) {
        if (!f.scenario) {
            std::cout << "   ! " << f.file.string() << " does not load:\n";
            for (const auto& d : f.diagnostics)
                if (d.severity == Severity::Error) std::cout << "       " << d.format() << "\n";
            continue;
        }
        playable.push_back(&f);
        const Scenario& sc = *f.scenario;
        std::cout << "  " << playable.size() << ". " << sc.title.get("en") << " / "
                  << sc.title.get("zh") << "  [" << sc.customer.name.get("en") << ", difficulty "
                  << sc.difficulty << "]  (" << sc.id << ")\n";
    }
    if (playable.empty()) return 1;
    if (!isatty(STDIN_FILENO)) {
        std::cout << "Play one with: defuse play ID (add --lang zh for Chinese)\n";
        return 0;
    }
    std::cout << "Pick a scenario (1-" << playable.size()
              << "), add ' zh' for Chinese, or q to quit: " << std::flush;
    std::string line;
    if (!std::getline(std::cin, line) || line == "q") return 0;
    PlayOptions opt;
    if (line.size() > 3 && line.compare(line.size() - 3, 3, " zh") == 0) {
        opt.lang = "zh";
        line.resize(line.size() - 3);
    }
    int n = 0;
    try {
        n = std::stoi(line);
    } catch (const std::exception&) {
    }
    if (n < 1 || n > static_cast<int>(playable.size())) {
        std::cout << "No scenario " << line << ".\n";
        return 2;
    }
    opt.scenario = playable[static_cast<std::size_t>(n - 1)]->file.string();
    return play(opt);
}

}  // namespace defuse::term
