#pragma once
// Text made safe inside HTML, SVG and XML: the characters markup reads escaped.
#include <string>
#include <string_view>

namespace defuse::term {

inline std::string escapeMarkup(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

}  // namespace defuse::term
