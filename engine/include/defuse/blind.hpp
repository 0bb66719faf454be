#pragma once
/// Content-blind players: can the right answer be picked without reading it for meaning?
/// Each player is one surface rule (the longest text, no "sir", starts with "You're right"...)
/// that sees only the texts on offer, never ids, tags, notes, quality or the mood. Playing
/// them over a library, many seeds each, shows how much of the score surface cues give away;
/// random play is the baseline.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "defuse/attempt.hpp"
#include "defuse/scenario.hpp"

namespace defuse {

/// The surface features of one answer text that the players read.
struct TextCues {
    int length = 0;        ///< characters (code points)
    int questions = 0;     ///< ? and ？
    int exclamations = 0;  ///< ! and ！
    int politeness = 0;    ///< en: sir, ma'am, madam; zh: 先生, 女士, 您
    int firstPerson = 0;  ///< en: I, I'm, I'll, I've, I'd, me, my, mine, myself; zh: 我 (not 我们)
    bool agrees = false;  ///< starts with agreement: "You're right", "Fair", "I understand"... /
                          ///< 您说得对, 确实, 没错, 理解...
    bool apologises = false;  ///< en: sorry, apologise...; zh: 抱歉, 对不起, 不好意思, 道歉
};

/// The cues of `text`, with the markers of `lang` ("zh": Chinese, anything else: English).
TextCues textCues(std::string_view text, std::string_view lang);

/// The rule a content-blind player follows.
enum class BlindRule {
    Longest,
    Shortest,
    MostQuestions,
    FewestExclamations,
    MostExclamations,
    NoPoliteness,     ///< the fewest politeness markers
    Agrees,           ///< starts with agreement
    Apologises,       ///< says sorry
    MostFirstPerson,  ///< the most first-person "I" / 我
    Combined,  ///< length share of the longest + agrees − any politeness − any exclamation
    Random     ///< the baseline: picks blindly
};

/// A player that picks an answer from the texts on offer only.
struct BlindPlayer {
    BlindRule rule = BlindRule::Random;
    std::string_view id;  ///< "longest", "shortest"... (for JSON and tests)

    /// How much the rule likes each text, in the order given (higher is liked more). Random:
    /// all equal.
    std::vector<double> rate(const std::vector<std::string>& texts, std::string_view lang) const;
    /// The 0-based index it picks: the highest rating, the first shown of a tie. Random draws
    /// from `rng` (a state it advances). `texts` must not be empty.
    std::size_t pick(const std::vector<std::string>& texts, std::string_view lang,
                     std::uint64_t& rng) const;
    /// True when the rule singles out one text (no tie for the highest rating).
    bool decides(const std::vector<std::string>& texts, std::string_view lang) const;
};

/// Every player, in report order; random is last.
const std::vector<BlindPlayer>& blindPlayers();

/// Plays one attempt with `player`: each turn it sees `choices()` (texts only) and answers at
/// once. Stops when the conversation ends or after `maxTurns` answers.
Attempt playBlind(const BlindPlayer& player, std::shared_ptr<const Scenario> scenario,
                  const AttemptOptions& options, int maxTurns = 60);

struct BlindOptions {
    std::vector<std::string> langs{"en", "zh"};
    int runs = 50;           ///< seeds per scenario and player: seed, seed + 1, ...
    std::uint64_t seed = 1;  ///< the first seed
    int maxTurns = 60;       ///< a run longer than this is cut (loops)
};

/// How often each cue would have picked the highest-valued answer (scoring's `answerValue`
/// of what `moodStep` says it does at that turn), over the answer sets of two or more answers
/// that random play met, as they stood at that turn.
struct BlindHits {
    int sets = 0;
    std::vector<double> hits;  ///< per player: sets where its pick was highest-valued
                               ///< (random: its expected share, the chance)
    std::vector<int> decides;  ///< per player: sets where its rule singled out one answer
    double share(std::size_t player) const { return sets > 0 ? hits[player] / sets : 0; }
    double decidedShare(std::size_t player) const {
        return sets > 0 ? static_cast<double>(decides[player]) / sets : 0;
    }
};

/// One scenario in one language.
struct BlindScenario {
    std::string id;
    std::vector<double> mean;  ///< per player: the mean score over the seeds
    BlindHits hits;
};

/// One language over the library.
struct BlindLanguage {
    std::string lang;
    std::vector<BlindScenario> scenarios;  ///< those written in this language
    std::vector<double> mean;  ///< per player: the mean of the scenario means (0 if none)
    std::size_t best = 0;      ///< the player other than random with the highest mean
    BlindHits hits;            ///< over all its scenarios
};

struct BlindReport {
    BlindOptions options;
    std::vector<BlindLanguage> langs;  ///< in the order of options.langs
};

/// Plays every player on every scenario in every language of `options` (a scenario is
/// skipped in a language it is not written in), `options.runs` seeds each, answers given at
/// once. The same options give the same report.
BlindReport measureBlind(const std::vector<std::shared_ptr<const Scenario>>& scenarios,
                         const BlindOptions& options = {});

/// The index of the random player in `blindPlayers()`.
std::size_t blindRandomIndex();

}  // namespace defuse
