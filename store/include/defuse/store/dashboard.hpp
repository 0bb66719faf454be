#pragma once
/// What a class dashboard shows, worked out from stored attempts (no GUI here: the desktop
/// panel draws it, the benchmark times it).
#include <array>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "defuse/store/store.hpp"

namespace defuse::store {

/// One trainee's runs at one scenario (finished runs only).
struct Progress {
    int runs = 0;
    int first = 0, latest = 0, best = 0;
    std::size_t firstRow = 0, latestRow = 0, bestRow = 0;  ///< indexes into Dashboard::rows
};

/// A critical mistake and how often it was made.
struct MistakeCount {
    std::string scenarioId;
    std::string answer;
    std::string tag;
    std::string reasonEn, reasonZh;
    int count = 0;
    int trainees = 0;  ///< how many trainees made it
};

struct Dashboard {
    std::vector<AttemptRow> rows;        ///< the attempts that pass the filter
    std::vector<std::string> trainees;   ///< sorted
    std::vector<std::string> scenarios;  ///< sorted
    /// Per trainee (as `trainees`), per competency: the share of the times it was shown that
    /// it landed, 0..1, or -1 when it was never shown.
    std::vector<std::array<double, kCompetencyCount>> heat;
    /// Per (trainee, scenario).
    std::map<std::pair<std::string, std::string>, Progress> progress;
    /// The most frequent first, at most `topMistakes`.
    std::vector<MistakeCount> mistakes;

    const Progress* at(const std::string& trainee, const std::string& scenario) const;
};

/// The values a filter can take, from all the attempts of a store.
struct FilterChoices {
    std::vector<std::string> sites, scenarios, modes;
};
FilterChoices filterChoices(const std::vector<AttemptRow>& all);

/// Works out the dashboard of the attempts that pass `filter`.
Dashboard summarize(const std::vector<AttemptRow>& all, const Filter& filter,
                    std::size_t topMistakes = 10);

}  // namespace defuse::store
