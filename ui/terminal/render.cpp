#include "render.hpp"

#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <utf8.h>

namespace defuse::term {

std::string Style::paint(const std::string& s, const char* code) const {
    if (!color) return s;
    return std::string("\x1b[") + code + "m" + s + "\x1b[0m";
}

Style makeStyle(const std::string& mode) {
    Style st;
    if (mode == "always") st.color = true;
    else if (mode == "never") st.color = false;
    else st.color = isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");
    return st;
}

int terminalWidth() {
    int w = 0;
    if (const char* c = std::getenv("COLUMNS")) w = std::atoi(c);
    winsize ws{};
    if (w <= 0 && isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0) w = ws.ws_col;
    if (w <= 0) w = 80;
    return std::max(40, std::min(w, 120));
}

namespace {
int cpWidth(std::uint32_t cp) {
    if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3) ||
        (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
        (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD))
        return 2;
    return 1;
}
bool isClosingPunct(std::uint32_t cp) {
    static const std::u32string kClosing = U"，。、；：！？）」』”’》〉】";
    return kClosing.find(static_cast<char32_t>(cp)) != std::u32string::npos;
}
}  // namespace

int displayWidth(const std::string& s) {
    int w = 0;
    auto it = s.begin();
    while (it != s.end()) {
        std::uint32_t cp = 0;
        try {
            cp = utf8::next(it, s.end());
        } catch (const utf8::exception&) {
            ++it;
            ++w;
            continue;
        }
        w += cpWidth(cp);
    }
    return w;
}

std::string wrap(const std::string& s, int width, const std::string& indent) {
    std::string out, line = indent;
    int lineW = displayWidth(indent), indentW = lineW;
    std::string word;
    int wordW = 0;
    auto flushWord = [&] {
        if (word.empty()) return;
        if (lineW + wordW > width && lineW > indentW) {
            while (!line.empty() && line.back() == ' ') line.pop_back();
            out += line + "\n";
            line = indent;
            lineW = indentW;
            std::size_t start = word.find_first_not_of(' ');
            word = start == std::string::npos ? std::string() : word.substr(start);
            wordW = displayWidth(word);
        }
        line += word;
        lineW += wordW;
        word.clear();
        wordW = 0;
    };
    auto it = s.begin();
    while (it != s.end()) {
        auto start = it;
        std::uint32_t cp;
        try {
            cp = utf8::next(it, s.end());
        } catch (const utf8::exception&) {
            cp = static_cast<unsigned char>(*it++);
        }
        std::string ch(start, it);
        if (cp == '\n') {
            flushWord();
            out += line + "\n";
            line = indent;
            lineW = indentW;
        } else if (cp == ' ') {
            flushWord();
            word = " ";
            wordW = 1;
        } else if (cpWidth(cp) == 2 && isClosingPunct(cp)) {  // never starts a line
            flushWord();
            line += ch;
            lineW += 2;
        } else if (cpWidth(cp) == 2) {  // CJK text breaks between any two characters
            flushWord();
            word = ch;
            wordW = 2;
            flushWord();
        } else {
            word += ch;
            wordW += 1;
        }
    }
    flushWord();
    if (lineW > indentW) out += line;
    return out;
}

std::string meters(const Mood& m, const Style& st, const std::string& lang) {
    struct Row {
        Dim dim;
        const char* en;
        const char* zh;
        const char* color;
    };
    static const Row kRows[] = {{Dim::Anger, "anger   ", "愤怒", "31"},
                                {Dim::Trust, "trust   ", "信任", "32"},
                                {Dim::Patience, "patience", "耐心", "34"}};
    std::string out;
    for (const Row& r : kRows) {
        int v = m.get(r.dim);
        int filled = (v + 2) / 5;
        std::string bar;
        for (int i = 0; i < 20; ++i) bar += i < filled ? "\xE2\x96\x88" : "\xC2\xB7";
        char num[8];
        std::snprintf(num, sizeof num, "%3d", v);
        out += "  " + std::string(lang == "zh" ? r.zh : r.en) + " " + st.paint(bar, r.color) + " " + num + "\n";
    }
    return out;
}

std::string face(const Mood& m, const std::string& lang) {
    switch (bandOf(m)) {
        case MoodBand::Calm: return lang == "zh" ? "(^_^) 平静" : "(^_^) calm";
        case MoodBand::Irritated: return lang == "zh" ? "(-_-) 不耐烦" : "(-_-) irritated";
        case MoodBand::Angry: return lang == "zh" ? "(>_<) 生气" : "(>_<) angry";
        case MoodBand::Furious: return lang == "zh" ? "(#`Д´) 暴怒" : "(#`Д´) furious";
    }
    return "";
}

}  // namespace defuse::term
