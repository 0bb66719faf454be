#pragma once
/// The fixed vocabulary of answer tags, competencies and service steps.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "defuse/message.hpp"

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
    Msg label;               ///< short label, lower case
};

/// Every known tag.
const std::vector<TagInfo>& allTags();
/// The tag with that id, or nullptr.
const TagInfo* findTag(std::string_view id);

std::string_view competencyId(Competency c);
Msg competencyMsg(Competency c);
std::string_view stepId(Step s);
Msg stepMsg(Step s);
/// The tag's label (the id itself for an unknown tag).
Message tagMessage(std::string_view id);

/// The longest word "did you mean" looks at; a longer one gets no suggestion.
inline constexpr std::size_t kMaxSuggestLength = 64;
/// The most candidates "did you mean" compares a word with; beyond them, none is suggested.
inline constexpr std::size_t kMaxSuggestCandidates = 2000;

/// The closest of `candidates` to `word` when it is close enough to be a typo, else "". Bounded
/// (kMaxSuggestLength, kMaxSuggestCandidates) so a file of long broken references stays fast.
std::string didYouMean(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace defuse
