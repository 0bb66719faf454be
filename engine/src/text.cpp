#include "defuse/text.hpp"

#include <utf8.h>

namespace defuse {

const std::string& Text::get(std::string_view lang) const {
    static const std::string kEmpty;
    if (auto it = byLang.find(std::string(lang)); it != byLang.end()) return it->second;
    if (!any.empty()) return any;
    if (auto it = byLang.find("en"); it != byLang.end()) return it->second;
    if (!byLang.empty()) return byLang.begin()->second;
    return kEmpty;
}

bool Text::has(std::string_view lang) const {
    return !any.empty() || byLang.count(std::string(lang)) > 0;
}

Text Text::plain(std::string s) {
    Text t;
    t.any = std::move(s);
    return t;
}

int codepointWidth(char32_t cp) {
    // East Asian Wide (W) and Fullwidth (F) blocks: Hangul Jamo, CJK radicals to Yi (kana,
    // CJK punctuation, ideographs), Hangul syllables, compatibility ideographs, vertical and
    // small forms, fullwidth forms, and the supplementary ideograph planes.
    if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
        (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
        (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
        (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD))
        return 2;
    return 1;
}

int displayWidth(std::string_view utf8) {
    int w = 0;
    auto it = utf8.begin();
    while (it != utf8.end()) {
        try {
            w += codepointWidth(static_cast<char32_t>(utf8::next(it, utf8.end())));
        } catch (const utf8::exception&) {
            ++it;  // a stray byte: one column, as terminals show a replacement character
            ++w;
        }
    }
    return w;
}

}  // namespace defuse
