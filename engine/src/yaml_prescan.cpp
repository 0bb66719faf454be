#include "yaml_prescan.hpp"

#include <algorithm>
#include <cctype>
#include <set>
#include <string_view>

namespace defuse::detail {

namespace {

constexpr std::string_view kIdeographicSpace = "\xE3\x80\x80";  // U+3000
constexpr std::string_view kFullWidthColon = "\xEF\xBC\x9A";    // U+FF1A

// The keys of defuse files: a word from this list glued to a value by ':' is a key.
const std::set<std::string, std::less<>>& knownKeys() {
    static const std::set<std::string, std::less<>> keys{
        "kind",        "id",        "title",       "briefing",  "goal",    "difficulty",
        "channel",     "languages", "time_limit",  "customer",  "start",   "on_escalate",
        "on_walk_out", "rubric",    "nodes",       "endings",   "say",     "variants",
        "cues",        "answers",   "text",        "tags",      "effect",  "if",
        "next",        "note",      "quality",     "critical",  "teaches", "en",
        "zh",          "archetype", "name",        "look",      "mood",    "patience",
        "thresholds",  "reactions", "order_rules", "tag",       "before",  "after",
        "cue",         "min",       "max",         "here",      "scale",   "reason",
        "anger",       "trust",     "weights",     "penalties", "grades",  "score",
        "description", "principles"};
    return keys;
}

bool isKeyStart(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool isKeyChar(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
}

int charsIn(std::string_view s) {
    int n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

struct Line {
    std::size_t start;  ///< byte offset
    std::string_view text;
    int number;  ///< 1-based
};

std::vector<Line> splitLines(const std::string& text) {
    std::vector<Line> out;
    std::size_t start = 0;
    int n = 1;
    while (start <= text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string_view t(text.data() + start, end - start);
        if (!t.empty() && t.back() == '\r') t.remove_suffix(1);
        out.push_back({start, t, n++});
        if (end == text.size()) break;
        start = end + 1;
    }
    return out;
}

SourcePos at(const Line& l, std::size_t byteCol) {
    return {l.number, charsIn(l.text.substr(0, byteCol)) + 1};
}

// Does the line open a block scalar (a value ending in |, >, |-, >+2 ..., maybe a comment)?
bool opensBlockScalar(std::string_view t) {
    std::size_t hash = std::string_view::npos;
    for (std::size_t i = 1; i < t.size(); ++i)
        if (t[i] == '#' && (t[i - 1] == ' ' || t[i - 1] == '\t')) {
            hash = i;
            break;
        }
    std::string_view v = t.substr(0, hash);
    while (!v.empty() && (v.back() == ' ' || v.back() == '\t')) v.remove_suffix(1);
    while (!v.empty() && std::string_view("+-123456789").find(v.back()) != std::string_view::npos)
        v.remove_suffix(1);
    if (v.empty() || (v.back() != '|' && v.back() != '>')) return false;
    v.remove_suffix(1);
    return v.empty() || v.back() == ' ' || (v.size() >= 1 && v.back() == ':') ||
           (v.size() >= 1 && v.back() == '-');
}

int indentOf(std::string_view t) {
    int n = 0;
    while (static_cast<std::size_t>(n) < t.size() && t[static_cast<std::size_t>(n)] == ' ') ++n;
    return n;
}

void scanLine(const Line& l, std::vector<LineProblem>& out) {
    std::string_view t = l.text;
    // The indentation: spaces, tabs (reported by YAML itself) and U+3000.
    std::size_t i = 0;
    std::optional<std::size_t> wide;
    while (i < t.size()) {
        if (t[i] == ' ' || t[i] == '\t') {
            ++i;
        } else if (t.substr(i, 3) == kIdeographicSpace) {
            if (!wide) wide = i;
            i += 3;
        } else {
            break;
        }
    }
    if (i >= t.size() || t[i] == '#') return;
    if (wide) {
        // YAML sees the node start at the first U+3000 (it is not white space to YAML).
        out.push_back({at(l, *wide), at(l, *wide), l.start + *wide, Msg::IdeographicSpaceIndent});
        return;
    }
    // List markers before a key: "- ", "- - ".
    while (i + 1 < t.size() && t[i] == '-' && t[i + 1] == ' ') {
        i += 2;
        while (i < t.size() && t[i] == ' ') ++i;
    }
    if (i >= t.size() || !isKeyStart(t[i])) return;
    std::size_t keyStart = i;
    while (i < t.size() && isKeyChar(t[i])) ++i;
    std::string key(t.substr(keyStart, i - keyStart));
    SourcePos node = at(l, keyStart);
    if (t.substr(i, 3) == kFullWidthColon) {
        out.push_back({at(l, i), node, l.start + i, Message(Msg::FullWidthColon, {key})});
        return;
    }
    if (i + 1 < t.size() && t[i] == ':' && t[i + 1] != ' ' && t[i + 1] != '\t' &&
        t.substr(i + 1, 2) != "//" && knownKeys().count(key))
        out.push_back({at(l, i), node, l.start + i, Message(Msg::ColonNeedsSpace, {key})});
}

// Where a quoted text opening at `open` closes (its closing quote), or npos.
std::size_t closingQuote(const std::string& text, std::size_t open) {
    char q = text[open];
    for (std::size_t i = open + 1; i < text.size(); ++i) {
        if (q == '"' && text[i] == '\\') {
            ++i;
        } else if (text[i] == q) {
            if (q == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
                ++i;
                continue;
            }
            return i;
        }
    }
    return std::string::npos;
}

}  // namespace

std::vector<LineProblem> prescanLines(const std::string& text) {
    std::vector<LineProblem> out;
    int blockIndent = -1;  // inside a block scalar: lines indented more than this are its text
    for (const Line& l : splitLines(text)) {
        std::string_view t = l.text;
        bool blank = t.find_first_not_of(" \t") == std::string_view::npos;
        if (blockIndent >= 0) {
            if (blank || indentOf(t) > blockIndent) continue;
            blockIndent = -1;
        }
        if (blank) continue;
        scanLine(l, out);
        if (opensBlockScalar(t)) blockIndent = indentOf(t);
    }
    return out;
}

std::optional<LineProblem> runawayQuote(const std::string& text, std::size_t before) {
    int blockIndent = -1;
    auto lines = splitLines(text);
    std::size_t skipTo = 0;  // a quoted text that closed on a later line: go on from its end
    for (const Line& l : lines) {
        std::string_view t = l.text;
        if (l.start + t.size() < skipTo) continue;
        bool blank = t.find_first_not_of(" \t") == std::string_view::npos;
        if (blockIndent >= 0) {
            if (blank || indentOf(t) > blockIndent) continue;
            blockIndent = -1;
        }
        if (blank) continue;
        if (opensBlockScalar(t)) blockIndent = indentOf(t);
        std::size_t i = skipTo > l.start ? skipTo - l.start : 0;
        bool valueStart = i == 0;  // the next non-blank character starts a value
        int flow = 0;
        while (i < t.size()) {
            char c = t[i];
            if (c == ' ' || c == '\t') {
                ++i;
                continue;
            }
            if (c == '#' && (i == 0 || t[i - 1] == ' ' || t[i - 1] == '\t')) break;
            if (valueStart && (c == '"' || c == '\'')) {
                std::size_t open = l.start + i;
                if (open >= before) return std::nullopt;
                std::size_t close = closingQuote(text, open);
                std::size_t eol = l.start + t.size();
                if (close == std::string::npos) close = text.size();  // to the end of the file
                if (close < eol) {
                    i = close - l.start + 1;
                    valueStart = false;
                    continue;
                }
                // Closed on a later line: fine if only the end of a value follows it there.
                std::size_t j = close + 1;
                while (j < text.size() && (text[j] == ' ' || text[j] == '\t')) ++j;
                bool ends = j >= text.size() || text[j] == '\n' || text[j] == '\r' ||
                            text[j] == '#' || text[j] == ',' || text[j] == ']' || text[j] == '}' ||
                            text[j] == ':';
                if (!ends || close == text.size()) {
                    std::size_t last = std::min(close, text.find_last_not_of(" \t\r\n"));
                    int toLine =
                        1 + static_cast<int>(std::count(
                                text.begin(), text.begin() + static_cast<long>(last), '\n'));
                    return LineProblem{at(l, i), at(l, i), open,
                                       Message(Msg::QuoteOpenedNotClosed,
                                               {std::string(1, c), std::to_string(toLine)})};
                }
                skipTo = close + 1;
                break;
            }
            if (c == '[' || c == '{') {
                ++flow;
                valueStart = true;
            } else if ((c == ']' || c == '}') && flow > 0) {
                --flow;
                valueStart = false;
            } else if (c == ',' && flow > 0) {
                valueStart = true;
            } else if (c == '-' && valueStart && (i + 1 >= t.size() || t[i + 1] == ' ')) {
                valueStart = true;
            } else if (c == ':' && (i + 1 >= t.size() || t[i + 1] == ' ' || t[i + 1] == '\t' ||
                                    (flow > 0 && std::string_view(",]}").find(t[i + 1]) !=
                                                     std::string_view::npos))) {
                valueStart = true;
            } else if (flow == 0 && !valueStart) {
                // Plain text in a block: the rest of the line is text (or ': ' for a value).
                std::size_t colon = t.find(": ", i);
                if (colon == std::string_view::npos) break;
                i = colon + 1;
                valueStart = true;
                continue;
            } else {
                valueStart = false;
            }
            ++i;
        }
    }
    return std::nullopt;
}

namespace {
void nodeStarts(const YNode& n, std::set<std::pair<int, int>>& out) {
    if (n.isMap()) {
        for (const auto& [k, v] : n.entries) {
            out.insert({k.pos.line, k.pos.column});
            nodeStarts(v, out);
        }
    } else if (n.isSeq()) {
        for (const auto& item : n.items) {
            if (item.isScalar()) out.insert({item.pos.line, item.pos.column});
            nodeStarts(item, out);
        }
    }
}
}  // namespace

std::vector<LineProblem> problemsAtNodes(const std::vector<LineProblem>& found, const YNode& root) {
    std::vector<LineProblem> out;
    if (found.empty()) return out;
    std::set<std::pair<int, int>> starts;
    nodeStarts(root, starts);
    for (const auto& p : found)
        if (starts.count({p.nodeAt.line, p.nodeAt.column})) out.push_back(p);
    return out;
}

}  // namespace defuse::detail
