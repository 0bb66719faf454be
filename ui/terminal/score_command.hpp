#pragma once
// `defuse check` and `defuse score`.
#include <string>
#include <vector>

#include "defuse/message.hpp"

namespace defuse::term {

/// Prints every diagnostic of the files and folders in `lang`; 0 when there is no error.
/// `strict`: every warning is reported and counted as an error.
int check(const std::vector<std::string>& paths, bool quiet, Lang lang = Lang::En,
          bool strict = false);

/// Re-plays and explains replays; `lang` "" means each replay's own language.
int score(const std::vector<std::string>& replays, const std::vector<std::string>& scenarioDirs,
          bool json, const std::string& lang);

}  // namespace defuse::term
