#include "render.hpp"

#include <sys/ioctl.h>
#include <unistd.h>
#include <utf8.h>

#include <algorithm>
#include <cstdlib>

#include "defuse/line_break.hpp"

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

std::string wrap(const std::string& raw, int width, const std::string& indent) {
    const std::string s = printable(raw);  // text from files never drives the terminal
    const int room = std::max(1, width - displayWidth(indent));
    auto lines =
        breakLines(s, room, [](std::string_view piece) { return double(displayWidth(piece)); });
    std::string out;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        if (i > 0) out += "\n";
        if (!lines[i].empty()) out += indent + lines[i];
    }
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
