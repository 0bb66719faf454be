// Font discovery (Noto CJK, then fontconfig) and the used-characters atlas.
#include "fonts.hpp"

#include <fcntl.h>
#include <fontconfig/fontconfig.h>
#include <imgui_freetype.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iterator>

namespace defuse::desktop {

namespace {

constexpr const char* kNotoRegular = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc";
constexpr const char* kNotoBold = "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc";
constexpr int kNotoSimplifiedChinese = 2;  // JP, KR, SC, TC, HK in the collection

/// Decodes one UTF-8 sequence; returns 0xFFFD for malformed input. Advances `i`.
unsigned decodeUtf8(std::string_view s, std::size_t& i) {
    const auto c = static_cast<unsigned char>(s[i++]);
    if (c < 0x80) return c;
    int extra = 0;
    unsigned cp = 0;
    if ((c & 0xE0) == 0xC0) {
        extra = 1;
        cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        extra = 2;
        cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        extra = 3;
        cp = c & 0x07;
    } else
        return 0xFFFD;
    for (int k = 0; k < extra; ++k) {
        if (i >= s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) return 0xFFFD;
        cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
    }
    return cp;
}

/// Characters drawn by the UI itself besides its strings (symbols, Latin-1).
void addBaseCharacters(std::vector<bool>& wanted) {
    for (unsigned c = 0x20; c < 0x7F; ++c) wanted[c] = true;
    for (unsigned c = 0xA0; c <= 0xFF; ++c) wanted[c] = true;
    for (unsigned c : {0x2013u, 0x2014u, 0x2018u, 0x2019u, 0x201Cu, 0x201Du, 0x2026u,
                       0x2022u, 0x2192u, 0x2605u, 0x2606u, 0x25B2u, 0x25BCu, 0x3001u,
                       0x3002u, 0xFF0Cu, 0xFF1Au, 0xFF1Fu, 0xFF01u, 0xFF08u, 0xFF09u})
        wanted[c] = true;
}

}  // namespace

MappedFile::~MappedFile() {
    if (m_data != nullptr) munmap(m_data, m_size);
}

bool MappedFile::open(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return false;
    struct stat info {};
    if (fstat(fd, &info) != 0 || info.st_size <= 0 || info.st_size > (256 << 20)) {
        ::close(fd);
        return false;
    }
    void* p = mmap(nullptr, static_cast<std::size_t>(info.st_size), PROT_READ, MAP_PRIVATE, fd, 0);
    ::close(fd);
    if (p == MAP_FAILED) return false;
    m_data = p;
    m_size = static_cast<std::size_t>(info.st_size);
    return true;
}

FontFace findCjkFont() {
    if (std::filesystem::exists(kNotoRegular))
        return {kNotoRegular, kNotoSimplifiedChinese, "Noto Sans CJK SC"};
    FontFace face;
    if (FcInit() == FcFalse) return face;
    FcPattern* pattern = FcNameParse(reinterpret_cast<const FcChar8*>("sans-serif:lang=zh-cn"));
    if (pattern == nullptr) return face;
    FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
    FcDefaultSubstitute(pattern);
    FcResult result = FcResultNoMatch;
    FcFontSet* set = FcFontSort(nullptr, pattern, FcFalse, nullptr, &result);
    if (set != nullptr) {
        for (int i = 0; i < set->nfont && face.file.empty(); ++i) {
            FcPattern* font = set->fonts[i];
            FcCharSet* chars = nullptr;
            FcChar8* file = nullptr;
            FcChar8* family = nullptr;
            int index = 0;
            if (FcPatternGetCharSet(font, FC_CHARSET, 0, &chars) != FcResultMatch) continue;
            // The commonest characters of our Chinese UI strings: the font must have them.
            if (FcCharSetHasChar(chars, 0x4E2D) == FcFalse ||  // 中
                FcCharSetHasChar(chars, 0x5BA2) == FcFalse)    // 客
                continue;
            if (FcPatternGetString(font, FC_FILE, 0, &file) != FcResultMatch) continue;
            const std::string path = reinterpret_cast<const char*>(file);
            // imgui_freetype reads TrueType/OpenType only.
            const auto ext = std::filesystem::path(path).extension().string();
            if (ext != ".ttf" && ext != ".ttc" && ext != ".otf" && ext != ".otc") continue;
            FcPatternGetInteger(font, FC_INDEX, 0, &index);
            FcPatternGetString(font, FC_FAMILY, 0, &family);
            face.file = path;
            face.index = index;
            face.name = family != nullptr ? reinterpret_cast<const char*>(family) : path;
        }
        FcFontSetDestroy(set);
    }
    FcPatternDestroy(pattern);
    return face;
}

FontFace findBoldCompanion(const FontFace& regular) {
    if (regular.file == kNotoRegular && std::filesystem::exists(kNotoBold))
        return {kNotoBold, regular.index, regular.name + " Bold"};
    return {};
}

FontRole Fonts::roleOf(const ImFont* font) const {
    if (font == nullptr || font == m_regular) return FontRole::Regular;
    if (font == m_bold) return FontRole::Bold;
    if (font == m_title) return FontRole::Title;
    return FontRole::Regular;
}

void Fonts::want(std::string_view utf8) {
    want(utf8, m_inFrame ? roleOf(ImGui::GetFont()) : FontRole::Regular);
}

void Fonts::want(std::string_view utf8, FontRole role) {
    if (m_log != nullptr) m_log->emplace_back(utf8);
    const auto r = static_cast<std::size_t>(role);
    std::size_t i = 0;
    while (i < utf8.size()) {
        const unsigned cp = decodeUtf8(utf8, i);
        if (cp < 0x20 || cp >= 0x10000) continue;    // ImWchar is 16-bit
        for (std::size_t k : {std::size_t{0}, r}) {  // the regular font holds everything
            if (m_wanted[k][cp]) continue;
            m_wanted[k][cp] = true;
            if (!m_built[k][cp]) m_dirty = true;
        }
    }
}

bool Fonts::loadFiles() {
    if (m_filesLoaded) return !m_regularData.empty();
    m_filesLoaded = true;
    m_face = findCjkFont();
    if (!m_face.file.empty() && m_regularData.open(m_face.file)) {
        m_haveCjk = true;
        m_boldFace = findBoldCompanion(m_face);
        if (!m_boldFace.file.empty()) m_boldData.open(m_boldFace.file);
        return true;
    }
    // No Chinese font: Latin text still renders with DejaVu, Chinese shows as '?'.
    m_face = {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 0, "DejaVu Sans"};
    if (m_regularData.open(m_face.file)) return true;
    m_face = {};
    return false;
}

bool Fonts::build(float pixelSize) {
    const auto t0 = std::chrono::steady_clock::now();
    m_size = pixelSize;
    addBaseCharacters(m_wanted[0]);
    for (unsigned c = 0x20; c < 0x7F; ++c) m_wanted[1][c] = m_wanted[2][c] = true;
    ImGuiIO& io = ImGui::GetIO();
    ImFontAtlas* atlas = io.Fonts;
    atlas->Clear();
    atlas->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    atlas->FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    atlas->Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight;
    m_regular = m_bold = m_title = m_huge = nullptr;
    for (int k = 0; k < kRoles; ++k) m_built[k] = m_wanted[k];
    m_dirty = false;

    if (!loadFiles()) {
        m_regular = m_bold = m_title = m_huge = atlas->AddFontDefault();
        atlas->Build();
        m_missing = 0;
        return false;
    }
    for (int k = 0; k < kRoles; ++k) {
        ImFontGlyphRangesBuilder builder;
        for (unsigned c = 0x20; c < 0x10000; ++c)
            if (m_wanted[k][c]) builder.AddChar(static_cast<ImWchar>(c));
        m_roleRanges[k].clear();
        builder.BuildRanges(&m_roleRanges[k]);
    }
    static constexpr ImWchar kDigits[] = {0x20, 0x7E, 0};

    auto add = [&](const MappedFile& data, const FontFace& face, float px, const ImWchar* ranges,
                   bool fakeBold) {
        ImFontConfig cfg;
        // "Owned" makes AddFont take the pointer instead of copying 20 MB per font (the copy
        // and its page faults were most of the start-up time). We keep the bytes in `data`,
        // so the flag is cleared again at once and the atlas never frees them.
        cfg.FontDataOwnedByAtlas = true;
        cfg.FontNo = face.index;
        cfg.OversampleH = cfg.OversampleV = 1;
        cfg.PixelSnapH = true;
        if (fakeBold) cfg.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_Bold;
        std::snprintf(cfg.Name, sizeof(cfg.Name), "%s %.0fpx", face.name.c_str(),
                      static_cast<double>(px));
        // ImGui's API takes a non-const pointer; nothing writes to font data (the map is
        // read-only, so a write would fault rather than corrupt).
        ImFont* font = atlas->AddFontFromMemoryTTF(data.data(), static_cast<int>(data.size()), px,
                                                   &cfg, ranges);
        atlas->ConfigData.back().FontDataOwnedByAtlas = false;
        return font;
    };
    const bool realBold = !m_boldData.empty();
    const MappedFile& boldData = realBold ? m_boldData : m_regularData;
    const FontFace& boldFace = realBold ? m_boldFace : m_face;
    m_regular = add(m_regularData, m_face, pixelSize, m_roleRanges[0].Data, false);
    m_bold = add(boldData, boldFace, pixelSize, m_roleRanges[1].Data, !realBold);
    m_title = add(boldData, boldFace, pixelSize * 1.4f, m_roleRanges[2].Data, !realBold);
    m_huge = add(boldData, boldFace, pixelSize * 3.0f, kDigits, !realBold);
    io.FontDefault = m_regular;
    if (!atlas->Build()) {
        atlas->Clear();
        m_regular = m_bold = m_title = m_huge = atlas->AddFontDefault();
        atlas->Build();
        return false;
    }
    m_missing = 0;
    m_missingSample.clear();
    for (unsigned c = 0x21; c < 0x10000; ++c) {
        if (!m_wanted[0][c] || c == 0x3000 || c == 0xA0 || c == 0xAD)
            continue;  // blanks draw nothing
        if (m_regular->FindGlyphNoFallback(static_cast<ImWchar>(c)) != nullptr) continue;
        if (++m_missing <= 16) {
            char code[16];
            std::snprintf(code, sizeof code, "%sU+%04X", m_missingSample.empty() ? "" : " ", c);
            m_missingSample += code;
        }
    }
    m_glyphs =
        m_regular->Glyphs.Size + m_bold->Glyphs.Size + m_title->Glyphs.Size + m_huge->Glyphs.Size;
    m_buildMs =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    return true;
}

std::size_t Fonts::atlasBytes() const {
    const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
    return static_cast<std::size_t>(atlas->TexWidth) * static_cast<std::size_t>(atlas->TexHeight) *
           4;
}

}  // namespace defuse::desktop
