#pragma once
/// Text that a scenario author wrote in one or more languages.
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

}  // namespace defuse
