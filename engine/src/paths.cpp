#include "defuse/paths.hpp"

#include <unistd.h>

#include <cstdlib>

namespace defuse {

namespace fs = std::filesystem;

fs::path bundledScenarioDir() {
    if (const char* env = std::getenv("DEFUSE_SCENARIOS"); env && *env) return env;
    std::error_code ec;
#ifdef DEFUSE_SOURCE_SCENARIOS
    if (fs::is_directory(DEFUSE_SOURCE_SCENARIOS, ec)) return DEFUSE_SOURCE_SCENARIOS;
#endif
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        fs::path installed = exe.parent_path().parent_path() / "share" / "defuse" / "scenarios";
        if (fs::is_directory(installed, ec)) return installed;
    }
    return "scenarios";
}

fs::path userDataDir() {
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return fs::path(xdg) / "defuse";
    if (const char* home = std::getenv("HOME"); home && *home)
        return fs::path(home) / ".local" / "share" / "defuse";
    return fs::temp_directory_path() / "defuse";
}

fs::path attemptsDir() { return userDataDir() / "attempts"; }

}  // namespace defuse
