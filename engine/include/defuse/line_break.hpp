#pragma once
/// Breaking text into lines by the rules of English and Chinese typesetting, for any measure
/// (terminal columns, pixels of a font): the one line breaker of both front ends.
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace defuse {

/// The width of a piece of text (no line breaks in it), in any unit.
using MeasureFn = std::function<double(std::string_view)>;

/// Lines of `text`, each at most `width` wide by `measure` where the rules allow:
/// - lines break at spaces (dropped at the break) and between two Chinese characters; the
///   text's own line breaks are kept, and no line ends with a space;
/// - no line starts with closing punctuation (，。、？！：；”’）》 and the like; the character
///   before goes down with it) and none ends with opening punctuation (“‘（《 and the like);
/// - a Latin word or a number (8.4, 10:30, 4S) is never split, and stays with a Chinese
///   character it touches without a space after it ("4S店", "8.4万");
/// - a piece that cannot fit on a line of its own is broken between its Chinese characters
///   where it has any, and otherwise is given a line of its own, wider than `width`.
std::vector<std::string> breakLines(std::string_view text, double width, const MeasureFn& measure);

/// True for punctuation that must not start a line (，。、；：！？）」』”’》〉】 and their ASCII
/// counterparts when they follow a character).
bool isClosingPunct(char32_t cp);
/// True for punctuation that must not end a line (“‘（《「『【〈).
bool isOpeningPunct(char32_t cp);

}  // namespace defuse
