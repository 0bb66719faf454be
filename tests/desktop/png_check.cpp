// Checks that screenshots are real pictures: each PNG loads, is window-sized, and is not
// blank (many distinct colours, and plenty of pixels that are not the background).
#include <stb_image.h>

#include <cstdio>
#include <map>
#include <unordered_set>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: png_check FILE.png...\n");
        return 2;
    }
    int failures = 0;
    for (int i = 1; i < argc; ++i) {
        int w = 0, h = 0, n = 0;
        unsigned char* px = stbi_load(argv[i], &w, &h, &n, 3);
        if (px == nullptr) {
            std::fprintf(stderr, "%s: cannot load: %s\n", argv[i], stbi_failure_reason());
            ++failures;
            continue;
        }
        std::unordered_set<unsigned> colours;
        std::map<unsigned, long> counts;
        const long total = static_cast<long>(w) * h;
        for (long p = 0; p < total; ++p) {
            const unsigned c = (static_cast<unsigned>(px[p * 3]) << 16) |
                               (static_cast<unsigned>(px[p * 3 + 1]) << 8) | px[p * 3 + 2];
            colours.insert(c);
            ++counts[c];
        }
        stbi_image_free(px);
        long most = 0;
        for (const auto& [c, k] : counts) most = k > most ? k : most;
        const double other =
            total > 0 ? 1.0 - static_cast<double>(most) / static_cast<double>(total) : 0.0;
        const bool ok = w >= 640 && h >= 480 && colours.size() >= 200 && other >= 0.05;
        std::printf("%s: %dx%d, %zu colours, %.1f%% not background: %s\n", argv[i], w, h,
                    colours.size(), other * 100.0, ok ? "ok" : "BLANK OR TOO SMALL");
        failures += ok ? 0 : 1;
    }
    return failures == 0 ? 0 : 1;
}
