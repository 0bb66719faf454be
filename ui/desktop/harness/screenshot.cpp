// glReadPixels + stb_image_write (libstb's compiled copy).
#include "harness/screenshot.hpp"

#include <GL/gl.h>
#include <stb_image_write.h>

#include <algorithm>
#include <iostream>
#include <vector>

#include "defuse/files.hpp"

namespace defuse::desktop {

namespace {

void appendBytes(void* context, void* data, int size) {
    auto* out = static_cast<std::string*>(context);
    out->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
}

}  // namespace

bool saveScreenshot(const std::filesystem::path& file, int width, int height, std::string* error) {
    if (width <= 0 || height <= 0) {
        if (error != nullptr) *error = "empty framebuffer";
        return false;
    }
    const auto w = static_cast<std::size_t>(width);
    const auto h = static_cast<std::size_t>(height);
    std::vector<unsigned char> pixels(w * h * 3);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
    if (glGetError() != GL_NO_ERROR) {
        if (error != nullptr) *error = "glReadPixels failed";
        return false;
    }
    // OpenGL's rows go bottom-up; PNG's top-down.
    std::vector<unsigned char> flipped(pixels.size());
    for (std::size_t y = 0; y < h; ++y)
        std::copy_n(pixels.data() + (h - 1 - y) * w * 3, w * 3, flipped.data() + y * w * 3);
    std::string png;
    if (stbi_write_png_to_func(appendBytes, &png, width, height, 3, flipped.data(), width * 3) ==
        0) {
        if (error != nullptr) *error = "could not encode the PNG";
        return false;
    }
    std::error_code ec;
    if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ec);
    return writeFileAtomic(file, png, error);
}

bool saveShot(const std::filesystem::path& dir, const std::string& name, int width, int height,
              std::string* error) {
    const auto file = dir / name;
    std::string why;
    if (saveScreenshot(file, width, height, &why)) {
        std::cout << "screenshot: " << file.string() << "\n";
        return true;
    }
    if (error) *error = "screenshot " + file.string() + ": " + why;
    return false;
}

}  // namespace defuse::desktop
