#pragma once
// Saving what was just drawn as a PNG.
#include <filesystem>
#include <string>

namespace defuse::desktop {

/// Reads the back buffer (`width` x `height`) and writes it as a PNG, atomically.
bool saveScreenshot(const std::filesystem::path& file, int width, int height, std::string* error);

}  // namespace defuse::desktop
