// Settings as a small `key = value` file, written atomically.
#include "settings.hpp"

#include <algorithm>
#include <cstdlib>
#include <sstream>

#include "defuse/files.hpp"

namespace defuse::desktop {

namespace {

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r");
    if (b == std::string::npos) return "";
    const auto e = s.find_last_not_of(" \t\r");
    return s.substr(b, e - b + 1);
}

}  // namespace

std::filesystem::path settingsPath() {
    const char* xdg = std::getenv("XDG_CONFIG_HOME");
    if (xdg != nullptr && *xdg == '/') return std::filesystem::path(xdg) / "defuse" / "desktop.ini";
    const char* home = std::getenv("HOME");
    const std::filesystem::path base = (home != nullptr && *home != '\0') ? home : ".";
    return base / ".config" / "defuse" / "desktop.ini";
}

Settings loadSettings(const std::filesystem::path& file) {
    Settings s;
    s.lang = systemLang();
    std::string error;
    const auto text = readFile(file, &error, 64 * 1024);
    if (!text) return s;
    std::istringstream in(*text);
    std::string line;
    while (std::getline(in, line)) {
        const auto eq = line.find('=');
        if (line.empty() || line[0] == '#' || eq == std::string::npos) continue;
        const std::string key = trim(line.substr(0, eq));
        const std::string value = trim(line.substr(eq + 1));
        if (key == "language") {
            if (value == "en" || value == "zh") s.lang = langFromCode(value);
        } else if (key == "text_size") {
            char* end = nullptr;
            const float v = std::strtof(value.c_str(), &end);
            if (end != value.c_str() && v == v)  // not NaN
                s.textSize = std::clamp(v, Settings::kMinTextSize, Settings::kMaxTextSize);
        } else if (key == "timer_in_practice") {
            s.timerInPractice = value != "off" && value != "false" && value != "0";
        } else if (key == "trainee") {
            s.trainee = value.substr(0, 80);
        } else if (key == "assessor_key") {
            s.assessorKey = value;
        } else if (key == "trusted_key") {
            s.trustedKey = value;
        }
    }
    return s;
}

std::string settingsText(const Settings& s) {
    std::ostringstream out;
    out << "# defuse desktop settings\n";
    out << "language = " << langCode(s.lang) << "\n";
    out << "text_size = " << static_cast<int>(s.textSize + 0.5f) << "\n";
    out << "timer_in_practice = " << (s.timerInPractice ? "on" : "off") << "\n";
    out << "trainee = " << s.trainee << "\n";
    out << "assessor_key = " << s.assessorKey << "\n";
    out << "trusted_key = " << s.trustedKey << "\n";
    return out.str();
}

bool saveSettings(const std::filesystem::path& file, const Settings& s, std::string* error) {
    std::error_code ec;
    std::filesystem::create_directories(file.parent_path(), ec);
    if (ec) {
        if (error != nullptr) *error = file.parent_path().string() + ": " + ec.message();
        return false;
    }
    return writeFileAtomic(file, settingsText(s), error);
}

}  // namespace defuse::desktop
