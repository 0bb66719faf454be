#pragma once
// The trainee's settings, kept in $XDG_CONFIG_HOME/defuse/desktop.ini.
#include <filesystem>
#include <string>

#include "i18n.hpp"

namespace defuse::desktop {

struct Settings {
    Lang lang = Lang::En;
    float textSize = 18.0f;  ///< pixels
    bool timerInPractice = true;
    std::string trainee;
    /// The assessor's private key file (`defuse keygen`): an assessment is signed with it
    /// when it ends ("" = not signed).
    std::string assessorKey;
    /// The public key the replay viewer checks signatures with ("" = the key a signature
    /// names, shown by its fingerprint).
    std::string trustedKey;

    static constexpr float kMinTextSize = 13.0f;
    static constexpr float kMaxTextSize = 28.0f;
};

/// $XDG_CONFIG_HOME/defuse/desktop.ini, else ~/.config/defuse/desktop.ini.
std::filesystem::path settingsPath();

/// Reads settings; anything missing or malformed keeps its default (the language defaults
/// from the system locale). Never fails.
Settings loadSettings(const std::filesystem::path& file);

/// The settings as file text.
std::string settingsText(const Settings& s);

/// Writes settings atomically. Returns false and sets `error` on failure.
bool saveSettings(const std::filesystem::path& file, const Settings& s, std::string* error);

}  // namespace defuse::desktop
