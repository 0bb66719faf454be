#include "defuse/tags.hpp"

#include <algorithm>

namespace defuse {

namespace {
using C = Competency;
using S = Step;
}  // namespace

const std::vector<TagInfo>& allTags() {
    static const std::vector<TagInfo> kTags{
        {"rapport", std::nullopt, S::Rapport, 0, Msg::TagRapport},
        {"ownership", C::Ownership, S::Rapport, 0, Msg::TagOwnership},
        {"listening", C::Listening, S::Rapport, 0, Msg::TagListening},
        {"acknowledge", C::Listening, S::Rapport, 0, Msg::TagAcknowledge},
        {"empathy", C::Empathy, S::Rapport, 0, Msg::TagEmpathy},
        {"apology", C::Empathy, S::Rapport, 0, Msg::TagApology},
        {"open_question", C::Diagnosis, S::Diagnosis, 0, Msg::TagOpenQuestion},
        {"diagnosis", C::Diagnosis, S::Diagnosis, 0, Msg::TagDiagnosis},
        {"facts", C::Diagnosis, S::Diagnosis, 0, Msg::TagFacts},
        {"solution", C::Solution, S::Solution, 0, Msg::TagSolution},
        {"commitment", C::Commitment, S::Agreement, 0, Msg::TagCommitment},
        {"follow_up", C::Commitment, S::Agreement, 0, Msg::TagFollowUp},
        {"gratitude", std::nullopt, std::nullopt, 0, Msg::TagGratitude},
        {"fetch_manager", std::nullopt, std::nullopt, 0, Msg::TagFetchManager},
        {"stall", std::nullopt, std::nullopt, 4, Msg::TagStall},
        {"scripted", std::nullopt, std::nullopt, 2, Msg::TagScripted},
        {"policy", std::nullopt, std::nullopt, 3, Msg::TagPolicy},
        {"defensive", std::nullopt, std::nullopt, 3, Msg::TagDefensive},
        {"dismiss", std::nullopt, std::nullopt, 4, Msg::TagDismiss},
        {"blame_customer", std::nullopt, std::nullopt, 8, Msg::TagBlameCustomer},
        {"argue", std::nullopt, std::nullopt, 6, Msg::TagArgue},
        {"pass_buck", std::nullopt, std::nullopt, 6, Msg::TagPassBuck},
        {"over_promise", std::nullopt, std::nullopt, 6, Msg::TagOverPromise},
        {"sarcasm", std::nullopt, std::nullopt, 8, Msg::TagSarcasm},
    };
    return kTags;
}

const TagInfo* findTag(std::string_view id) {
    const auto& tags = allTags();
    auto it = std::find_if(tags.begin(), tags.end(), [&](const TagInfo& t) { return t.id == id; });
    return it == tags.end() ? nullptr : &*it;
}

std::string_view competencyId(Competency c) {
    static constexpr std::string_view kIds[] = {"ownership", "listening", "empathy",
                                                "diagnosis", "solution",  "commitment"};
    return kIds[static_cast<int>(c)];
}

Msg competencyMsg(Competency c) {
    static constexpr Msg kMsgs[] = {Msg::CompetencyOwnership, Msg::CompetencyListening,
                                    Msg::CompetencyEmpathy,   Msg::CompetencyDiagnosis,
                                    Msg::CompetencySolution,  Msg::CompetencyCommitment};
    return kMsgs[static_cast<int>(c)];
}

std::string_view stepId(Step s) {
    static constexpr std::string_view kIds[] = {"rapport", "diagnosis", "solution", "agreement"};
    return kIds[static_cast<int>(s)];
}

Msg stepMsg(Step s) {
    static constexpr Msg kMsgs[] = {Msg::StepRapport, Msg::StepDiagnosis, Msg::StepSolution,
                                    Msg::StepAgreement};
    return kMsgs[static_cast<int>(s)];
}

Message tagMessage(std::string_view id) {
    const TagInfo* t = findTag(id);
    if (!t) return Message(id);
    return Message(t->label);
}

namespace {
std::size_t editDistance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> prev2(b.size() + 1), prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] &&
                a[i - 2] == b[j - 1])  // a swap is one typo
                cur[j] = std::min(cur[j], prev2[j - 2] + 1);
        }
        prev2 = prev;
        std::swap(prev, cur);
    }
    return prev[b.size()];
}
}  // namespace

std::string didYouMean(std::string_view word, const std::vector<std::string>& candidates) {
    std::string best;
    std::size_t bestDist = SIZE_MAX;
    if (word.size() > kMaxSuggestLength || candidates.size() > kMaxSuggestCandidates) return best;
    for (const auto& c : candidates) {
        // Lengths further apart than a typo allows cannot be one (the distance is at least the
        // difference), so long ids are never compared in full.
        std::size_t gap = c.size() > word.size() ? c.size() - word.size() : word.size() - c.size();
        if (gap > std::max<std::size_t>(1, word.size() / 3) || c.size() > kMaxSuggestLength)
            continue;
        std::size_t d = editDistance(word, c);
        if (d < bestDist) {
            bestDist = d;
            best = c;
        }
    }
    std::size_t allowed = std::max<std::size_t>(1, std::min(word.size(), best.size()) / 3);
    if (bestDist == 0 || bestDist > allowed) return "";
    return best;
}

}  // namespace defuse
