// What yaml-cpp 0.7 accepts and YAML does not (cases of the YAML test suite), checked on the
// text after a parse: the places yaml-cpp read leniently (LenientSpot), and directives.
#include "yaml_conformance.hpp"

#include <algorithm>
#include <string_view>

namespace defuse::detail {

int charsIn(const std::string& text, std::size_t from, std::size_t to) {
    int n = 0;
    for (std::size_t i = from; i < to && i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++n;
    return n;
}

namespace {

bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

int lineOf(const std::string& text, std::size_t offset) {
    return 1 + static_cast<int>(
                   std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
}

}  // namespace

SourcePos posAt(const std::string& text, std::size_t offset) {
    std::size_t lineStart = offset == 0 ? std::string::npos : text.rfind('\n', offset - 1);
    lineStart = lineStart == std::string::npos ? 0 : lineStart + 1;
    return {lineOf(text, offset), charsIn(text, lineStart, offset) + 1};
}

namespace {

/// A line break at `nl` inside a quoted text or [...] / {...} begun at `start`: the next line,
/// unless blank or a comment, must be indented with more spaces than the block collection
/// around it (a tab is not indentation: test suite DK95, QB6E, 9C9N, Y79Y).
std::optional<Problem> continuation(const std::string& text, std::size_t nl, std::size_t start,
                                    int blockColumn) {
    std::size_t i = nl + 1;
    int spaces = 0;
    while (i < text.size() && text[i] == ' ') ++i, ++spaces;
    std::size_t first = text.find_first_not_of(" \t\r", i);
    if (first == std::string::npos || text[first] == '\n' || text[first] == '#')
        return std::nullopt;
    if (spaces > blockColumn) return std::nullopt;
    return Problem{nl + 1,
                   Message(Msg::ContinuationNotIndented, {std::to_string(lineOf(text, start))})};
}

/// Scans the quoted text opening at `at`; `end` is set to its closing quote.
std::optional<Problem> quotedProblem(const std::string& text, std::size_t at, int blockColumn,
                                     std::size_t& end) {
    char q = text[at];
    end = std::string::npos;
    for (std::size_t i = at + 1; i < text.size(); ++i) {
        char c = text[i];
        if (c == '\n') {
            if (auto p = continuation(text, i, at, blockColumn)) return p;
        } else if (q == '"' && c == '\\') {
            if (i + 1 >= text.size()) return std::nullopt;
            char e = text[i + 1];
            // YAML's escapes (5.7); '\'' is not one (HRE5).
            if (std::string_view("0abt\tnvfre \"/\\N_LPxuU\r\n").find(e) ==
                std::string_view::npos) {
                std::size_t len = 1;
                while (i + 1 + len < text.size() &&
                       (static_cast<unsigned char>(text[i + 1 + len]) & 0xC0) == 0x80)
                    ++len;
                return Problem{i, Message(Msg::BadEscapeChar, {text.substr(i + 1, len)})};
            }
            if (e != '\n') ++i;
        } else if (c == q) {
            if (q == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
                ++i;
                continue;
            }
            end = i;
            if (i + 1 < text.size() && text[i + 1] == '#')  // SU5Z
                return Problem{i + 1, Msg::CommentNeedsSpace};
            return std::nullopt;
        }
    }
    return std::nullopt;
}

/// Scans the [...] or {...} opening at `at` (the outermost one): empty entries (9MAG, CTN5),
/// a lone '-' (G5U8, YJV2), a comment glued to what comes before (9JBA, CVW2) and lines
/// not indented under the key (9C9N, Y79Y).
std::optional<Problem> flowProblem(const std::string& text, std::size_t at, int blockColumn) {
    int depth = 0;
    bool expectValue = true;
    auto ends = [&](std::size_t j) {
        return j >= text.size() || isBlank(text[j]) ||
               std::string_view(",[]{}").find(text[j]) != std::string_view::npos;
    };
    std::size_t i = at;
    while (i < text.size()) {
        char c = text[i];
        if (c == '\n') {
            if (auto p = continuation(text, i, at, blockColumn)) return p;
            ++i;
        } else if (c == ' ' || c == '\t' || c == '\r') {
            ++i;
        } else if (c == '#') {
            if (i > 0 && !isBlank(text[i - 1])) return Problem{i, Msg::CommentNeedsSpace};
            i = text.find('\n', i);
        } else if (c == '[' || c == '{') {
            ++depth;
            expectValue = true;
            ++i;
        } else if (c == ']' || c == '}') {
            expectValue = false;
            ++i;
            if (--depth == 0) {
                if (i < text.size() && text[i] == '#') return Problem{i, Msg::CommentNeedsSpace};
                return std::nullopt;
            }
        } else if (c == ',') {
            if (expectValue) return Problem{i, Msg::FlowEmptyEntry};
            expectValue = true;
            ++i;
        } else if (c == '"' || c == '\'') {
            std::size_t end = 0;
            if (auto p = quotedProblem(text, i, blockColumn, end)) return p;
            if (end == std::string::npos) return std::nullopt;
            expectValue = false;
            i = end + 1;
        } else if (c == ':' && ends(i + 1)) {
            expectValue = false;
            ++i;
        } else if (c == '-' && expectValue && ends(i + 1)) {
            return Problem{i, Msg::FlowLoneDash};
        } else {
            // A plain scalar: up to a flow indicator, a line end, " #" or ": ".
            expectValue = false;
            ++i;
            while (i < text.size()) {
                char d = text[i];
                if (d == '\n' || std::string_view(",[]{}").find(d) != std::string_view::npos) break;
                if (d == '#' && isBlank(text[i - 1])) break;
                if (d == ':' && ends(i + 1)) break;
                ++i;
            }
        }
    }
    return std::nullopt;
}

/// S98Z: an empty line at the start of a block scalar (| or >, no indentation digit) may not
/// have more spaces than its first line of text, which sets the indentation.
std::optional<Problem> leadingSpaces(const std::string& text, std::size_t at, int blockColumn) {
    std::size_t eol = text.find('\n', at);
    for (std::size_t k = at + 1; k < eol && k < text.size() && text[k] != ' ' && text[k] != '#';
         ++k)
        if (text[k] >= '1' && text[k] <= '9') return std::nullopt;  // indentation given
    int most = -1;
    std::size_t mostAt = 0;
    for (std::size_t line = eol; line != std::string::npos && line + 1 < text.size();
         line = text.find('\n', line + 1)) {
        std::size_t i = line + 1;
        int spaces = 0;
        while (i < text.size() && text[i] == ' ') ++i, ++spaces;
        if (i >= text.size() || text[i] == '\n' || text[i] == '\r') {
            if (spaces > most) most = spaces, mostAt = line + 1;
            continue;
        }
        if (spaces > blockColumn && most > spaces)
            return Problem{
                mostAt + static_cast<std::size_t>(spaces),
                Message(Msg::BlockLeadingSpaces, {std::to_string(most), std::to_string(spaces)})};
        return std::nullopt;
    }
    return std::nullopt;
}

}  // namespace

/// The first place the parsed document breaks a YAML rule yaml-cpp does not check.

std::optional<Problem> conformanceProblem(const std::vector<LenientSpot>& lenient,
                                          const std::string& text) {
    std::optional<Problem> first;
    auto keep = [&](std::optional<Problem> p) {
        if (p && (!first || p->offset < first->offset)) first = std::move(p);
    };
    for (const auto& l : lenient) {
        switch (l.what) {
            case LenientSpot::What::Quoted: {
                std::size_t end = 0;
                keep(quotedProblem(text, l.offset, l.blockColumn, end));
                break;
            }
            case LenientSpot::What::BlockScalar: {  // X4QW: '>#' or '|-#'
                std::size_t j = l.offset + 1;
                while (j < text.size() &&
                       std::string_view("+-123456789").find(text[j]) != std::string_view::npos)
                    ++j;
                if (j < text.size() && text[j] == '#') keep(Problem{j, Msg::CommentNeedsSpace});
                keep(leadingSpaces(text, l.offset, l.blockColumn));
                break;
            }
            case LenientSpot::What::Flow:
                keep(flowProblem(text, l.offset, l.blockColumn));
                break;
            case LenientSpot::What::PlainKey: {  // 236B, 7MNF, 9CWY: a key with no ':'
                std::size_t lineStart = text.rfind('\n', l.offset);
                lineStart = lineStart == std::string::npos ? 0 : lineStart + 1;
                std::string before = text.substr(lineStart, l.offset - lineStart);
                if (before.find('?') != std::string::npos) break;  // an explicit key
                std::size_t eol = std::min(text.find('\n', l.offset), text.size());
                bool colon = false;
                for (std::size_t j = l.offset; j < eol && !colon; ++j) {
                    if (text[j] == '#' && j > l.offset && isBlank(text[j - 1])) break;
                    colon = text[j] == ':' && (j + 1 >= eol || isBlank(text[j + 1]));
                }
                if (!colon) keep(Problem{l.offset, Msg::KeyWithoutColon});
                break;
            }
        }
    }
    return first;
}

/// B63P: directives (%YAML, %TAG) must be followed by '---'.
std::optional<Problem> directiveProblem(const std::string& text) {
    bool directive = false;
    std::size_t last = 0;
    for (std::size_t start = 0; start < text.size();) {
        std::size_t eol = std::min(text.find('\n', start), text.size());
        std::size_t first = text.find_first_not_of(" \t\r", start);
        if (first == std::string::npos || first >= eol || text[first] == '#') {
            // blank or a comment
        } else if (text[start] == '%') {
            directive = true;
            last = start;
        } else {
            if (directive && text.compare(start, 3, "---") != 0)
                return Problem{start, Msg::DirectiveWithoutDocument};
            return std::nullopt;
        }
        start = eol + 1;
    }
    if (directive) return Problem{last, Msg::DirectiveWithoutDocument};
    return std::nullopt;
}

}  // namespace defuse::detail
