#pragma once
// Saving what was just drawn as a PNG.
#include <filesystem>
#include <string>

namespace defuse::desktop {

/// Reads the back buffer (`width` x `height`) and writes it as a PNG, atomically.
bool saveScreenshot(const std::filesystem::path& file, int width, int height, std::string* error);
/// The drives' screenshot: `dir/name` saved, "screenshot: PATH" printed; false with the error
/// ("screenshot PATH: why") when it could not be saved.
bool saveShot(const std::filesystem::path& dir, const std::string& name, int width, int height,
              std::string* error);

}  // namespace defuse::desktop
