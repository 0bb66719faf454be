#pragma once
// Fonts: a CJK-capable face through imgui_freetype, with an atlas holding only the
// characters the UI and the loaded scenarios actually use.
#include <imgui.h>

#include <string>
#include <string_view>
#include <vector>

namespace defuse::desktop {

/// Where a font lives: a file and the face index inside it (for .ttc collections).
struct FontFace {
    std::string file;
    int index = 0;
    std::string name;
};

/// Finds a font that covers Simplified Chinese: Noto Sans CJK SC, else any font fontconfig
/// knows with Chinese coverage. Empty `file` when there is none.
FontFace findCjkFont();
/// The bold companion of a face found by findCjkFont (same index), or an empty face.
FontFace findBoldCompanion(const FontFace& regular);

/// A read-only memory map of a font file: no copy, and only the pages FreeType touches
/// (a few tables and the glyphs used) are ever read from disk.
class MappedFile {
public:
    MappedFile() = default;
    ~MappedFile();
    MappedFile(const MappedFile&) = delete;
    MappedFile& operator=(const MappedFile&) = delete;
    bool open(const std::string& path);
    void* data() const { return m_data; }
    std::size_t size() const { return m_size; }
    bool empty() const { return m_data == nullptr; }

private:
    void* m_data = nullptr;
    std::size_t m_size = 0;
};

/// Which font a text is drawn in. Each has its own character set, so the bold and title
/// fonts hold only what is shown in them (the regular one holds everything).
enum class FontRole { Regular = 0, Bold = 1, Title = 2 };

class Fonts {
public:
    /// Adds the characters of `utf8` to the wanted set of the font in use (during a frame;
    /// the regular font outside one). Cheap when they are all known.
    void want(std::string_view utf8);
    /// Adds the characters to a given font's set (and the regular font's).
    void want(std::string_view utf8, FontRole role);
    /// The role of one of the built fonts (Regular for any other).
    FontRole roleOf(const ImFont* font) const;
    /// Set while a frame is being built (so `want` can look at the font in use).
    void setInFrame(bool inFrame) { m_inFrame = inFrame; }
    /// While set, every text wanted is also added to `log`: what a frame drew, in order
    /// (every widget wants its text first). For tests; null turns it off.
    void setTextLog(std::vector<std::string>* log) { m_log = log; }
    /// True when a wanted character is not in the built atlas yet.
    bool dirty() const { return m_dirty; }
    /// Rebuilds the atlas at `pixelSize`. Must run between frames. Returns false (and
    /// leaves ImGui's default font in place) when no font file could be loaded.
    bool build(float pixelSize);

    ImFont* regular() const { return m_regular; }
    ImFont* bold() const { return m_bold; }
    ImFont* title() const { return m_title; }
    ImFont* huge() const { return m_huge; }
    float size() const { return m_size; }
    /// Wanted characters the font has no glyph for (after the last build).
    int missingGlyphs() const { return m_missing; }
    /// Up to 16 of the missing characters, as "U+XXXX" codes.
    const std::string& missingSample() const { return m_missingSample; }
    /// Glyphs in the atlas and its size in bytes (RGBA32, as uploaded).
    int glyphCount() const { return m_glyphs; }
    std::size_t atlasBytes() const;
    const FontFace& face() const { return m_face; }
    bool haveCjk() const { return m_haveCjk; }
    double lastBuildMs() const { return m_buildMs; }

private:
    bool loadFiles();

    static constexpr int kRoles = 3;
    std::vector<bool> m_wanted[kRoles] = {std::vector<bool>(0x10000), std::vector<bool>(0x10000),
                                          std::vector<bool>(0x10000)};
    std::vector<bool> m_built[kRoles] = {std::vector<bool>(0x10000), std::vector<bool>(0x10000),
                                         std::vector<bool>(0x10000)};
    ImVector<ImWchar> m_roleRanges[kRoles];
    bool m_dirty = true;
    bool m_inFrame = false;
    std::vector<std::string>* m_log = nullptr;
    bool m_filesLoaded = false;
    bool m_haveCjk = false;
    FontFace m_face;
    FontFace m_boldFace;
    MappedFile m_regularData;
    MappedFile m_boldData;
    ImFont* m_regular = nullptr;
    ImFont* m_bold = nullptr;
    ImFont* m_title = nullptr;
    ImFont* m_huge = nullptr;
    float m_size = 18.0f;
    int m_missing = 0;
    std::string m_missingSample;
    int m_glyphs = 0;
    double m_buildMs = 0;
};

}  // namespace defuse::desktop
