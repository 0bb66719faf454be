#include "defuse/tags.hpp"

#include <algorithm>

namespace defuse {

namespace {
using C = Competency;
using S = Step;
}  // namespace

const std::vector<TagInfo>& allTags() {
    static const std::vector<TagInfo> kTags{
        {"rapport", std::nullopt, S::Rapport, 0, "rapport", "营造氛围"},
        {"ownership", C::Ownership, S::Rapport, 0, "ownership", "承担责任"},
        {"listening", C::Listening, S::Rapport, 0, "listening", "倾听"},
        {"acknowledge", C::Listening, S::Rapport, 0, "acknowledging", "认可对方"},
        {"empathy", C::Empathy, S::Rapport, 0, "empathy", "同理心"},
        {"apology", C::Empathy, S::Rapport, 0, "apology", "道歉"},
        {"open_question", C::Diagnosis, S::Diagnosis, 0, "open question", "开放式提问"},
        {"diagnosis", C::Diagnosis, S::Diagnosis, 0, "diagnosis", "诊断问题"},
        {"facts", C::Diagnosis, S::Diagnosis, 0, "facts", "用事实说明"},
        {"solution", C::Solution, S::Solution, 0, "solution", "解决方案"},
        {"commitment", C::Commitment, S::Agreement, 0, "commitment", "明确承诺"},
        {"follow_up", C::Commitment, S::Agreement, 0, "follow-up", "跟进回访"},
        {"gratitude", std::nullopt, std::nullopt, 0, "gratitude", "感谢"},
        {"fetch_manager", std::nullopt, std::nullopt, 0, "fetching the manager", "请经理出面"},
        {"stall", std::nullopt, std::nullopt, 0, "stalling", "拖延敷衍"},
        {"scripted", std::nullopt, std::nullopt, 2, "stock phrase", "套话"},
        {"policy", std::nullopt, std::nullopt, 3, "reciting policy", "照本宣科讲规定"},
        {"defensive", std::nullopt, std::nullopt, 3, "defensiveness", "辩解"},
        {"dismiss", std::nullopt, std::nullopt, 4, "dismissing the problem", "轻描淡写"},
        {"blame_customer", std::nullopt, std::nullopt, 8, "blaming the customer", "指责客户"},
        {"argue", std::nullopt, std::nullopt, 6, "arguing", "争辩"},
        {"pass_buck", std::nullopt, std::nullopt, 6, "passing the buck", "推卸责任"},
        {"over_promise", std::nullopt, std::nullopt, 6, "over-promising", "过度承诺"},
        {"sarcasm", std::nullopt, std::nullopt, 8, "sarcasm", "冷嘲热讽"},
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

std::string competencyLabel(Competency c, std::string_view lang) {
    static constexpr std::string_view kEn[] = {"Ownership", "Listening", "Empathy",
                                               "Diagnosis", "Solution",  "Commitment"};
    static constexpr std::string_view kZh[] = {"承担责任", "倾听", "同理心",
                                               "诊断问题", "解决方案", "履行承诺"};
    return std::string(lang == "zh" ? kZh[static_cast<int>(c)] : kEn[static_cast<int>(c)]);
}

std::string_view stepId(Step s) {
    static constexpr std::string_view kIds[] = {"rapport", "diagnosis", "solution", "agreement"};
    return kIds[static_cast<int>(s)];
}

std::string stepLabel(Step s, std::string_view lang) {
    static constexpr std::string_view kEn[] = {"Rapport", "Diagnosis", "Solution", "Agreement"};
    static constexpr std::string_view kZh[] = {"建立融洽", "诊断问题", "寻找方案", "达成一致"};
    return std::string(lang == "zh" ? kZh[static_cast<int>(s)] : kEn[static_cast<int>(s)]);
}

std::string tagLabel(std::string_view id, std::string_view lang) {
    const TagInfo* t = findTag(id);
    if (!t) return std::string(id);
    return std::string(lang == "zh" ? t->zh : t->en);
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
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])  // a swap is one typo
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
    for (const auto& c : candidates) {
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
