// How hard a scenario plays, from random play.
#include "defuse/difficulty.hpp"

#include <cmath>

#include "defuse/attempt.hpp"

namespace defuse {

// Random play scores low on a well-made scenario (wrong answers cost more than right ones
// earn): the bundled library's means run from 12 to 29 for declared difficulties 2 to 4, so
// the middle band is wide and the ends mark what is clearly too easy or too punishing.
int difficultyOfMean(double mean) {
    if (mean >= 55) return 1;
    if (mean >= 35) return 2;
    if (mean >= 10) return 3;
    if (mean >= 5) return 4;
    return 5;
}

DifficultyRating rateDifficulty(const std::shared_ptr<const Scenario>& sc, int runs,
                                std::uint64_t seed) {
    DifficultyRating r;
    r.declared = sc->difficulty;
    if (runs <= 0) return r;
    double total = 0;
    std::uint64_t state = seed;
    for (int i = 0; i < runs; ++i) {
        AttemptOptions o;
        o.seed = splitmix64(seed + static_cast<std::uint64_t>(i));
        o.mode = Mode::Assessment;
        Attempt a(sc, o);
        for (int turn = 0; turn < 60 && !a.finished(); ++turn) {
            auto n = a.choices().size();
            if (n == 0) break;
            state = splitmix64(state);
            a.choose(static_cast<std::size_t>(state % n), 0);
        }
        total += a.score().total;
    }
    r.mean = total / runs;
    r.rating = difficultyOfMean(r.mean);
    return r;
}

std::vector<Diagnostic> checkDifficulty(const std::shared_ptr<const Scenario>& sc) {
    DifficultyRating r = rateDifficulty(sc);
    if (!r.disagrees()) return {};
    return {{sc->file, 1, 1, Severity::Warning,
             Message(Msg::WbDifficultyDisagrees,
                     {Message::num(static_cast<long long>(r.declared)),
                      Message::num(static_cast<long long>(std::lround(r.mean))),
                      Message::num(static_cast<long long>(r.rating))})}};
}

}  // namespace defuse
