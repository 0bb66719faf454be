#include "defuse/text.hpp"

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

}  // namespace defuse
