#pragma once
/// The fixed vocabulary of answer tags, competencies and service steps.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace defuse {

/// What the rubric credits an advisor for showing.
enum class Competency { Ownership, Listening, Empathy, Diagnosis, Solution, Commitment };
inline constexpr int kCompetencyCount = 6;

/// The service steps, in the order they should come.
enum class Step { Rapport, Diagnosis, Solution, Agreement };
inline constexpr int kStepCount = 4;

/// One answer tag.
struct TagInfo {
    std::string_view id;
    std::optional<Competency> competency;
    std::optional<Step> step;
    int defaultPenalty = 0;  ///< points the default rubric subtracts per use
    std::string_view en;     ///< short label
    std::string_view zh;
};

/// Every known tag.
const std::vector<TagInfo>& allTags();
/// The tag with that id, or nullptr.
const TagInfo* findTag(std::string_view id);

std::string_view competencyId(Competency c);
std::string competencyLabel(Competency c, std::string_view lang);
std::string_view stepId(Step s);
std::string stepLabel(Step s, std::string_view lang);
/// The tag's label in a language ("en" or "zh").
std::string tagLabel(std::string_view id, std::string_view lang);

/// The closest of `candidates` to `word` when it is close enough to be a typo, else "".
std::string didYouMean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace defuse
