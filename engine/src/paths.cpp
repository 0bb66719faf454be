#include "defuse/paths.hpp"

#include <unistd.h>

#include <cstdlib>

namespace defuse {

namespace fs = std::filesystem;

fs::path bundledScenarioDir() {
    if (const char* env = std::getenv("DEFUSE_SCENARIOS"); env && *env) return env;
    std::error_code ec;
    // No source path is compiled in: an installed binary finds <prefix>/share/defuse/scenarios
    // beside its bin/, and a build tree has the same layout (CMake links
    // <build>/share/defuse/scenarios to the source tree's scenarios/ when it configures).
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        fs::path dir = exe.parent_path().parent_path() / "share" / "defuse" / "scenarios";
        if (fs::is_directory(dir, ec)) {
            fs::path real = fs::canonical(dir, ec);  // the folder people edit, without bin/..
            return ec ? dir : real;
        }
    }
    return "scenarios";
}

fs::path userDataDir() {
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg)
        return fs::path(xdg) / "defuse";
    if (const char* home = std::getenv("HOME"); home && *home)
        return fs::path(home) / ".local" / "share" / "defuse";
    return fs::temp_directory_path() / "defuse";
}

fs::path attemptsDir() { return userDataDir() / "attempts"; }

}  // namespace defuse
