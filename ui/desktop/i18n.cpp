// Language selection and string formatting.
#include "i18n.hpp"

#include <cstdlib>

namespace defuse::desktop {

std::string_view langCode(Lang lang) { return lang == Lang::Zh ? "zh" : "en"; }

Lang langFromCode(std::string_view code) { return code.substr(0, 2) == "zh" ? Lang::Zh : Lang::En; }

Lang systemLang() {
    for (const char* var : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
        const char* v = std::getenv(var);
        if (v != nullptr && *v != '\0') return langFromCode(v);
    }
    return Lang::En;
}

std::string format(std::string_view pattern, std::initializer_list<std::string> args) {
    std::string out;
    out.reserve(pattern.size() + 16);
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const char c = pattern[i];
        if (c == '%' && i + 1 < pattern.size() && pattern[i + 1] >= '1' && pattern[i + 1] <= '9') {
            const std::size_t n = static_cast<std::size_t>(pattern[i + 1] - '1');
            if (n < args.size()) out += *(args.begin() + n);
            ++i;
        } else {
            out += c;
        }
    }
    return out;
}

}  // namespace defuse::desktop
