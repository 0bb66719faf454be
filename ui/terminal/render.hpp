#pragma once
// Drawing to a terminal: colours, mood meters, wrapped text (CJK-aware widths).
#include <string>

#include "defuse/message.hpp"
#include "defuse/mood.hpp"
#include "defuse/text.hpp"

namespace defuse::term {

/// Whether to use ANSI colours.
struct Style {
    bool color = false;
    std::string paint(const std::string& s, const char* code) const;
    std::string bold(const std::string& s) const { return paint(s, "1"); }
    std::string dim(const std::string& s) const { return paint(s, "2"); }
};

/// Decides colour from `--color auto|always|never`, the NO_COLOR variable and whether stdout is a
/// terminal.
Style makeStyle(const std::string& mode);

/// Columns the terminal has (COLUMNS, the tty, else 80), at least 40.
int terminalWidth();

/// Columns text takes on screen (CJK characters take two): the engine's one width table.
using defuse::displayWidth;

/// Wraps `s` to `width` columns, each line starting with `indent`: breaks at spaces and between
/// two CJK characters (never inside an English word), keeps closing punctuation such as ，。）
/// on the line before it, and ends lines without trailing spaces. A word wider than the line
/// gets a line of its own.
std::string wrap(const std::string& s, int width, const std::string& indent);

/// The three mood meters, one per line.
std::string meters(const Mood& m, const Style& st, Lang lang);

/// A short face for the mood band, e.g. "(>_<) furious".
std::string face(const Mood& m, Lang lang);

}  // namespace defuse::term
