#pragma once
/// Scoring a run 0-100, with every point explained. Results are values: the same in every
/// language, rendered by the message catalogue.
#include <array>
#include <string>
#include <vector>

#include "defuse/message.hpp"
#include "defuse/scenario.hpp"
#include "defuse/tags.hpp"
#include "defuse/turn.hpp"

namespace defuse {

/// What one line of the explanation is about.
enum class LineKind { Component, Penalty, Note, Critical };

/// One line of the explanation.
struct ScoreLine {
    LineKind kind = LineKind::Component;
    Component component = Component::Outcome;  ///< for Component lines
    double points = 0;                         ///< what this line adds (negative for penalties)
    double max = 0;                       ///< what it could have added (0 for penalties and notes)
    int turn = 0;                         ///< for penalties: the 1-based turn
    std::string tag;                      ///< for penalties: the tag that cost the points
    Message what;                         ///< the explanation, without the points
    std::vector<std::string> principles;  ///< penalties, criticals: what the answer teaches

    /// "outcome", "deescalation"..., "penalty" or "note".
    std::string_view id() const;
    /// The explanation with the points ("... (12 of 20)").
    Message message() const;
};

/// A turn where a better answer was on offer.
struct BetterAnswer {
    int turn = 0;  ///< 1-based
    std::string picked;
    std::string better;                   ///< answer id
    Text betterText;                      ///< what the better answer says
    MoodDelta mine;                       ///< how the picked answer moved the mood
    MoodDelta theirs;                     ///< how the better one would have
    Message why;                          ///< the explanation
    std::vector<std::string> principles;  ///< what the better answer (else the picked) teaches
};

/// A critical mistake made in a run.
struct CriticalMistake {
    int turn = 0;  ///< 1-based
    std::string answer;
    std::string tag;  ///< the tag that made it ("" when the answer itself is critical)
    Text reason;
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
    std::array<int, kCompetencyCount> competencyUses{};     ///< shown in a way that worked
    std::array<int, kCompetencyCount> competencyMisfits{};  ///< shown, but it did not land
    std::vector<CriticalMistake> criticals;                 ///< in turn order
    int uncapped = 0;  ///< the total before a critical mistake capped it
    int rewinds = 0;   ///< answers taken back in practice
    std::vector<ScoreLine> lines;
    std::vector<BetterAnswer> better;
    int startAnger = 0, peakAnger = 0, endAnger = 0;
};

/// Scores a run from its turns (an attempt's or a replay's). `withBetter` also finds the
/// turns where a better answer was on offer.
ScoreReport scoreRun(const Scenario& sc, TurnSpan turns, const Mood& start, const Ending* ending,
                     bool timed, bool withBetter = true, int rewinds = 0);

/// The curriculum principles `ids` name, as one debrief line ("Principle: Blame nobody"), with
/// each one's statement when `statements`; empty when the scenario has no curriculum or none
/// of the ids is in it. Penalty and critical lines and better answers carry it already.
Message principleLink(const Scenario& sc, const std::vector<std::string>& ids,
                      bool statements = false);

/// How good one answer looks at a turn, for pointing out better ones (the scoring model's
/// rule: the change in trust minus anger, twice the penalties off, half the ending's edge).
double answerValue(const Scenario& sc, const Answer& a, const Mood& before, const Mood& after);

}  // namespace defuse
