#pragma once
/// How hard a scenario plays: a rating 1-5 from the mean score of random play, compared with
/// the author's `difficulty:` (defuse analyze shows it; defuse check warns when they disagree).
#include <cstdint>
#include <memory>
#include <vector>

#include "defuse/diagnostic.hpp"
#include "defuse/scenario.hpp"

namespace defuse {

struct DifficultyRating {
    double mean = 0;   ///< random play's mean score
    int rating = 3;    ///< 1 (easy) - 5 (hard), from the mean
    int declared = 3;  ///< the scenario's `difficulty:`
    /// True when the rating and the declared difficulty are two or more apart.
    bool disagrees() const { return rating - declared >= 2 || declared - rating >= 2; }
};

/// The rating of a random-play mean: 55 and up is 1, 35 is 2, 10 is 3, 5 is 4, below 5 is 5.
int difficultyOfMean(double mean);

/// Plays `runs` random runs (answers picked uniformly, given at once, assessment scoring, cut
/// after 60 answers) and rates the mean.
DifficultyRating rateDifficulty(const std::shared_ptr<const Scenario>& sc, int runs = 300,
                                std::uint64_t seed = 1);

/// The warning `check` gives when the rating disagrees with `difficulty:` (none otherwise).
std::vector<Diagnostic> checkDifficulty(const std::shared_ptr<const Scenario>& sc);

}  // namespace defuse
