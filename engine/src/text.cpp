#include "defuse/text.hpp"

#include <utf8.h>

#include <cstdio>

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

std::string printable(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    char buf[8];
    for (std::size_t i = 0; i < s.size(); ++i) {
        auto c = static_cast<unsigned char>(s[i]);
        if ((c < 0x20 && c != '\n') || c == 0x7F) {
            std::snprintf(buf, sizeof buf, "\\x%02x", c);
            out += buf;
        } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
                   static_cast<unsigned char>(s[i + 1]) <= 0x9F) {  // a C1 control, U+0080-U+009F
            std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned char>(s[i + 1]));
            out += buf;
            ++i;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

}  // namespace defuse
