#pragma once
// `defuse check --json`: the diagnostics as data, for editors and CI.
#include <string>
#include <vector>

#include "defuse/message.hpp"

namespace defuse::term {

/// Prints one JSON object with every file checked and every diagnostic (file, line, column,
/// severity, message id, the message in `lang` and the formatted line); 0 when there is no
/// error, 1 otherwise, as `defuse check`.
/// `strict`: every warning is reported and counted as an error.
int checkJson(const std::vector<std::string>& paths, Lang lang, bool strict = false);

}  // namespace defuse::term
