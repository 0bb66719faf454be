#pragma once
/// Scoring a run 0-100, with every point explained.
#include <array>
#include <string>
#include <vector>

#include "defuse/scenario.hpp"
#include "defuse/session.hpp"
#include "defuse/tags.hpp"

namespace defuse {

/// One line of the explanation.
struct ScoreLine {
    std::string component;  ///< component id, or "penalty"
    double points = 0;      ///< what this line adds (negative for penalties)
    double max = 0;         ///< what it could have added (0 for penalties)
    std::string text;       ///< the explanation, in the run's language
};

/// A turn where a better answer was on offer.
struct BetterAnswer {
    int turn = 0;  ///< 1-based
    std::string picked;
    std::string better;  ///< answer id
    std::string betterText;
    std::string why;     ///< localized
};

/// The score of one run.
struct ScoreReport {
    int total = 0;
    std::string grade;
    std::string endingId;
    EndingKind endingKind = EndingKind::Lost;
    bool finished = false;
    std::array<double, kComponentCount> points{};
    std::array<double, kComponentCount> max{};
    double penalties = 0;
    std::array<int, kCompetencyCount> competencyUses{};
    std::vector<ScoreLine> lines;
    std::vector<BetterAnswer> better;
    int startAnger = 0, peakAnger = 0, endAnger = 0;
};

/// Scores a run from its turns (the session's or a replay's).
/// `withBetter` also finds the turns where a better answer was on offer.
ScoreReport scoreRun(const Scenario& sc, const std::vector<Turn>& turns, const Mood& start,
                     const Ending* ending, bool timed, std::string_view lang, bool withBetter = true);
/// Scores a session as it stands.
ScoreReport scoreSession(const Session& s);
/// "A" to "F" from a total.
std::string gradeOf(int total);

}  // namespace defuse
