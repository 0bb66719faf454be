#pragma once
/// The numbers that define how a run becomes a score, in one place. The built-in model is
/// documented in scenarios/README.md (a test keeps the two the same); a scenario may
/// override its weights, penalties and grade boundaries under `rubric:`.
#include <array>
#include <string>
#include <vector>

#include "defuse/message.hpp"
#include "defuse/mood.hpp"

namespace defuse {

/// Score components, in the order the debrief shows them.
enum class Component { Outcome, Deescalation, MoodCurve, Competencies, Steps, ResponseTime };
inline constexpr int kComponentCount = 6;
std::string_view componentId(Component c);
/// The component's name in the catalogue.
Msg componentMsg(Component c);

/// How a conversation ended.
enum class EndingKind { Resolved, Partial, Escalated, Lost };
inline constexpr int kEndingKindCount = 4;
std::string_view endingKindId(EndingKind k);
Msg endingKindMsg(EndingKind k);

/// A grade and the lowest total that earns it.
struct GradeBand {
    std::string grade;
    int from = 0;
};

/// The scoring model.
struct ScoringModel {
    /// Component weights (outcome, de-escalation, mood curve, competencies, steps, response
    /// time); scaled to 100 over the components that apply.
    std::array<double, kComponentCount> weights{30, 20, 10, 20, 10, 10};
    /// De-escalation: the share for how far anger fell, and for how little it rose.
    double dropShare = 0.7;
    double containShare = 0.3;
    /// Grades, best first; the last one is the floor.
    std::vector<GradeBand> grades{{"A", 85}, {"B", 70}, {"C", 55}, {"D", 40}, {"F", 0}};
    /// An ending's share of the outcome points when the scenario does not say, by kind.
    std::array<int, kEndingKindCount> endingScore{100, 60, 30, 0};
    /// The debrief points out a better answer only when it is worth this much more.
    double betterMargin = 5;
    /// Reading pace, characters per second (English, Chinese): the time to read the
    /// customer's line and the answers is allowed on top of the time limit and the grace.
    std::array<double, 2> readingPace{15, 6};
    /// The lowest total that passes; a critical mistake caps the total just below it.
    int passMark = 55;

    /// The built-in model.
    static const ScoringModel& builtIn();
    /// The grade a total earns.
    std::string gradeOf(int total) const;
    double weight(Component c) const { return weights[static_cast<std::size_t>(c)]; }
};

/// True when a turn made things better on balance (trust minus anger went up): what the mood
/// curve counts, and what the conversation's mood chips show.
bool improved(const Mood& before, const Mood& after);

/// Seconds the model allows for reading `text` in `lang`.
double readingSeconds(std::string_view text, Lang lang);

/// The model as a Markdown section in a language (the README's "How a run is scored").
std::string describeModel(const ScoringModel& model, Lang lang);

}  // namespace defuse
