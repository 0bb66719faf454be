#include "render.hpp"

#include <sys/ioctl.h>
#include <unistd.h>
#include <utf8.h>

#include <cstdlib>

namespace defuse::term {

std::string Style::paint(const std::string& s, const char* code) const {
    if (!color) return s;
    return std::string("\x1b[") + code + "m" + s + "\x1b[0m";
}

Style makeStyle(const std::string& mode) {
    Style st;
    if (mode == "always")
        st.color = true;
    else if (mode == "never")
        st.color = false;
    else
        st.color = isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");
    return st;
}

int terminalWidth() {
    int w = 0;
    if (const char* c = std::getenv("COLUMNS")) w = std::atoi(c);
    winsize ws{};
    if (w <= 0 && isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0)
        w = ws.ws_col;
    if (w <= 0) w = 80;
    return std::max(40, std::min(w, 120));
}

namespace {
bool isClosingPunct(std::uint32_t cp) {
    static const std::u32string kClosing = U"，。、；：！？）」』”’》〉】";
    return kClosing.find(static_cast<char32_t>(cp)) != std::u32string::npos;
}
std::string trimEnd(std::string s) {
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
}
}  // namespace

std::string wrap(const std::string& raw, int width, const std::string& indent) {
    const std::string s = printable(raw);  // text from files never drives the terminal
    const int indentW = displayWidth(indent);
    const std::size_t none = std::string::npos;
    std::string out, line = indent;
    int lineW = indentW;
    std::size_t pieceStart = none;  // where the last word or CJK character on `line` begins
    std::string word;               // the word being read, with the space before it
    int wordW = 0;
    auto newLine = [&](std::string carry) {  // ends `line`; the next one starts with `carry`
        out += trimEnd(line) + "\n";
        carry.erase(0, carry.find_first_not_of(' '));
        line = indent + carry;
        lineW = indentW + displayWidth(carry);
        pieceStart = carry.empty() ? none : indent.size();
    };
    auto flushWord = [&] {
        if (word.empty()) return;
        if (lineW + wordW > width && lineW > indentW) {
            newLine(word);
        } else {
            if (word.find_first_not_of(' ') != none) pieceStart = line.size();
            line += word;
            lineW += wordW;
        }
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
        const int chW = codepointWidth(static_cast<char32_t>(cp));
        if (cp == '\n') {
            flushWord();
            newLine("");
        } else if (cp == ' ') {
            flushWord();
            word = " ";
            wordW = 1;
        } else if (isClosingPunct(cp) && (chW == 2 || word.empty())) {  // never starts a line
            // (A narrow ” or ’ inside an English word, as in don’t, stays part of the word.)
            flushWord();
            if (lineW + chW > width && pieceStart != none && pieceStart > indent.size()) {
                // It would hang past the edge: the word or character before it goes down with it.
                std::string carry = line.substr(pieceStart);
                line.resize(pieceStart);
                newLine(carry);
            }
            line += ch;  // part of the piece before it
            lineW += chW;
        } else if (chW == 2) {  // CJK text breaks between any two characters
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
    if (lineW > indentW) out += trimEnd(line);
    return out;
}

std::string meters(const Mood& m, const Style& st, Lang lang) {
    struct Row {
        Dim dim;
        Msg label;
        const char* color;
    };
    static const Row kRows[] = {{Dim::Anger, Msg::MeterAnger, "31"},
                                {Dim::Trust, Msg::MeterTrust, "32"},
                                {Dim::Patience, Msg::MeterPatience, "34"}};
    std::string out;
    for (const Row& r : kRows) {
        int v = m.get(r.dim);
        int filled = (v + 2) / 5;
        std::string bar;
        for (int i = 0; i < 20; ++i) bar += i < filled ? "\xE2\x96\x88" : "\xC2\xB7";
        char num[8];
        std::snprintf(num, sizeof num, "%3d", v);
        out += "  " + render(r.label, lang) + " " + st.paint(bar, r.color) + " " + num + "\n";
    }
    return out;
}

std::string face(const Mood& m, Lang lang) {
    switch (bandOf(m)) {
        case MoodBand::Calm:
            return "(^_^) " + render(Msg::BandCalm, lang);
        case MoodBand::Irritated:
            return "(-_-) " + render(Msg::BandIrritated, lang);
        case MoodBand::Angry:
            return "(>_<) " + render(Msg::BandAngry, lang);
        case MoodBand::Furious:
            return "(#`Д´) " + render(Msg::BandFurious, lang);
    }
    return "";
}

}  // namespace defuse::term
