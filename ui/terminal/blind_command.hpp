#pragma once
// `defuse blind`: can the right answer be picked without reading it for meaning?
#include <cstdint>
#include <string>
#include <vector>

#include "defuse/message.hpp"

namespace defuse::term {

struct BlindCommandOptions {
    std::vector<std::string>
        targets;  ///< scenario files, folders or bundled ids; none: the bundled library
    std::string lang = "both";  ///< en, zh or both
    int runs = 50;              ///< seeds per scenario and player
    std::uint64_t seed = 1;
    bool json = false;
};

/// Plays the content-blind players over the scenarios and prints what they score and how
/// often each cue picks the best answer, with the words in `words`. Returns the exit code:
/// 0, 1 when a scenario named does not load (the rest are measured), 2 when there is nothing
/// to measure.
int blindCommand(const BlindCommandOptions& options, Lang words = Lang::En);

}  // namespace defuse::term
