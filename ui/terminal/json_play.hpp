#pragma once
// `defuse play SCENARIO --json`: a scenario played over JSON Lines, for scripts, bots and LMS
// shims. One JSON object per line on the output (start, turn, feedback, end, error), one
// answer per line on the input.
#include <iosfwd>

#include "play.hpp"

namespace defuse::term {

/// Plays `opt.scenario` over JSON Lines, reading answers from `in` and writing objects to
/// `out` (flushed after each). Returns 0 when the conversation ended (and any replay is on
/// disk), 1 after an error object.
int playJson(const PlayOptions& opt, std::istream& in, std::ostream& out);

/// The same on standard input and output.
int playJson(const PlayOptions& opt);

}  // namespace defuse::term
