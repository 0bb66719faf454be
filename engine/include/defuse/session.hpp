#pragma once
/// Transitional names for code written before the engine's Attempt; to be removed.
#include "defuse/attempt.hpp"

namespace defuse {
using Session = Attempt;
using SessionOptions = AttemptOptions;
inline ScoreReport scoreSession(const Attempt& a) { return a.score(); }
}  // namespace defuse
