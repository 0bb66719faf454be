#pragma once
/// Text that a scenario author wrote in one or more languages, and how wide text is on screen.
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace defuse {

/// A piece of text: either one string for every language or one variant per language.
struct Text {
    std::string any;                            ///< a plain string, used in every language
    std::map<std::string, std::string> byLang;  ///< per-language variants

    /// The text in `lang`; falls back to the plain string, then English, then any variant.
    const std::string& get(std::string_view lang) const;
    /// True when there is no text at all.
    bool empty() const { return any.empty() && byLang.empty(); }
    /// True when the text is written for `lang` (or is a plain string).
    bool has(std::string_view lang) const;
    /// Makes a text that is the same in every language.
    static Text plain(std::string s);
};

/// Columns one code point takes in a terminal: 2 for East Asian wide and fullwidth characters
/// (Chinese, Japanese kana, Korean Hangul, fullwidth forms and punctuation such as ，。（）),
/// 1 for everything else. The one width table in defuse.
int codepointWidth(char32_t cp);

/// Columns UTF-8 text takes in a terminal: the sum of codepointWidth over its characters; a
/// byte that is not valid UTF-8 counts one column.
int displayWidth(std::string_view utf8);

/// Text from a file made safe for a terminal: control characters (C0 but `\n`, DEL, C1,
/// including the escape that starts a terminal command) shown as `\x1b`-style escapes, so a
/// name or a line cannot move the cursor, clear the screen or hide a warning.
std::string printable(std::string_view utf8);

}  // namespace defuse
