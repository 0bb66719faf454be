#include "defuse/line_break.hpp"

#include <utf8.h>

#include <algorithm>

#include "defuse/text.hpp"

namespace defuse {

namespace {

struct Char {
    char32_t cp;
    std::size_t begin, end;  // bytes in the text
};

std::vector<Char> decode(std::string_view s) {
    std::vector<Char> out;
    auto it = s.begin();
    while (it != s.end()) {
        auto start = it;
        char32_t cp;
        try {
            cp = static_cast<char32_t>(utf8::next(it, s.end()));
        } catch (const utf8::exception&) {
            cp = static_cast<unsigned char>(*it++);
        }
        out.push_back({cp, static_cast<std::size_t>(start - s.begin()),
                       static_cast<std::size_t>(it - s.begin())});
    }
    return out;
}

bool isWide(char32_t cp) { return codepointWidth(cp) == 2; }
bool isSpace(char32_t cp) { return cp == ' ' || cp == '\t'; }
bool isLatin(char32_t cp) { return !isWide(cp) && !isSpace(cp) && cp != '\n'; }
bool isAlnum(char32_t cp) {
    return (cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z');
}

// A piece of a paragraph that is never broken inside: the break rules glue characters into it.
struct Piece {
    std::size_t begin, end;  // bytes in the text
    bool spaceBefore;        // a space separates it from the piece before
    bool hasWide;            // holds a Chinese character (can be split there if it must)
};

// May a line break between characters a and b (no space between them)? `run` is the Latin run
// that ends with a. `strict` keeps a number or a short abbreviation with the Chinese character
// after it (8.4万, 4S店); a piece too wide for any line gives that up.
bool breakable(char32_t a, char32_t b, std::u32string_view run = {}, bool strict = true) {
    if (isClosingPunct(b) && (isWide(b) || !isSpace(a))) return false;
    if (isOpeningPunct(a)) return false;
    if (isLatin(a) && isLatin(b)) return false;  // inside a word or a number
    if (strict && isAlnum(a) && isWide(b)) {
        bool digits =
            std::any_of(run.begin(), run.end(), [](char32_t c) { return c >= '0' && c <= '9'; });
        if (digits || run.size() <= 2) return false;
    }
    return isWide(a) || isWide(b);
}

std::vector<Piece> pieces(const std::vector<Char>& cs, std::size_t from, std::size_t to) {
    std::vector<Piece> out;
    bool space = false;
    std::u32string run;  // the Latin run before c
    for (std::size_t i = from; i < to; ++i) {
        const Char& c = cs[i];
        if (isSpace(c.cp)) {
            space = !out.empty() || space;
            run.clear();
            continue;
        }
        bool join = !out.empty() && !space && !breakable(cs[i - 1].cp, c.cp, run);
        if (isLatin(c.cp))
            run += c.cp;
        else
            run.clear();
        // A closing mark after a space still stays with the piece before it.
        if (!out.empty() && space && isClosingPunct(c.cp) && isWide(c.cp)) join = true;
        if (join) {
            out.back().end = c.end;
            out.back().hasWide = out.back().hasWide || isWide(c.cp);
        } else {
            out.push_back({c.begin, c.end, space && !out.empty(), isWide(c.cp)});
        }
        space = false;
    }
    return out;
}

// Splits a piece too wide for any line between its Chinese characters (never inside a Latin
// run, never before closing punctuation), greedily.
void splitWide(std::string_view s, const Piece& p, double width, const MeasureFn& measure,
               std::vector<std::string>& lines) {
    auto cs = decode(s.substr(p.begin, p.end - p.begin));
    std::size_t lineStart = 0, lastBreak = 0;
    for (std::size_t i = 1; i <= cs.size(); ++i) {
        bool canBreak = i == cs.size() || breakable(cs[i - 1].cp, cs[i].cp, {}, false);
        if (!canBreak) continue;
        std::string_view cand =
            s.substr(p.begin + cs[lineStart].begin, cs[i - 1].end - cs[lineStart].begin);
        if (measure(cand) > width && lastBreak > lineStart) {
            lines.emplace_back(s.substr(p.begin + cs[lineStart].begin,
                                        cs[lastBreak - 1].end - cs[lineStart].begin));
            lineStart = lastBreak;
        }
        lastBreak = i;
    }
    lines.emplace_back(
        s.substr(p.begin + cs[lineStart].begin, p.end - p.begin - cs[lineStart].begin));
}

}  // namespace

bool isClosingPunct(char32_t cp) {
    static const std::u32string kClosing = U"，。、；：！？）」』”’》〉】〕…—,.;:!?)]}%";
    return kClosing.find(cp) != std::u32string::npos;
}

bool isOpeningPunct(char32_t cp) {
    static const std::u32string kOpening = U"“‘（《「『【〈〔([{";
    return kOpening.find(cp) != std::u32string::npos;
}

std::vector<std::string> breakLines(std::string_view text, double width, const MeasureFn& measure) {
    std::vector<std::string> lines;
    if (text.empty()) return lines;
    const auto cs = decode(text);
    const double spaceW = measure(" ");
    std::size_t para = 0;
    for (std::size_t i = 0; i <= cs.size(); ++i) {
        if (i < cs.size() && cs[i].cp != '\n') continue;
        std::string line;
        double lineW = 0;
        for (const Piece& p : pieces(cs, para, i)) {
            std::string_view piece = text.substr(p.begin, p.end - p.begin);
            double w = measure(piece);
            double gap = !line.empty() && p.spaceBefore ? spaceW : 0;
            if (!line.empty() && lineW + gap + w <= width) {
                line += gap > 0 ? " " : "";
                line += piece;
                lineW += gap + w;
                continue;
            }
            if (!line.empty()) lines.push_back(std::move(line));
            line.clear();
            lineW = 0;
            if (w <= width || !p.hasWide) {
                line = std::string(piece);
                lineW = w;
                continue;
            }
            splitWide(text, p, width, measure, lines);
            line = std::move(lines.back());  // the rest may share its line with what follows
            lines.pop_back();
            lineW = measure(line);
        }
        lines.push_back(std::move(line));
        para = i + 1;
    }
    if (!lines.empty() && lines.back().empty() && !text.empty() && text.back() != '\n')
        lines.pop_back();
    return lines;
}

}  // namespace defuse
