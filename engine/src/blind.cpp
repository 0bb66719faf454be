// Content-blind players: surface rules that pick from the texts on offer, played over a
// library to measure how much the texts give away without being read for meaning.
#include "defuse/blind.hpp"

#include <algorithm>
#include <array>
#include <cctype>

#include "defuse/mood_step.hpp"
#include "defuse/scoring.hpp"

namespace defuse {

namespace {

bool isZh(std::string_view lang) { return lang.substr(0, 2) == "zh"; }

int countOf(std::string_view text, std::string_view what) {
    int n = 0;
    for (std::size_t at = text.find(what); at != std::string_view::npos;
         at = text.find(what, at + what.size()))
        ++n;
    return n;
}

int codepoints(std::string_view text) {
    return static_cast<int>(std::count_if(text.begin(), text.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

// Lower-case ASCII with the typographic apostrophe made plain: "You’re" -> "you're".
std::string folded(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text.substr(i, 3) == "\u2019") {
            out += '\'';
            i += 2;
        } else {
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
        }
    }
    return out;
}

bool isWordChar(char c) { return (c >= 'a' && c <= 'z') || c == '\''; }

// The English words of folded text, without apostrophes at their ends.
std::vector<std::string_view> words(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && !isWordChar(s[i])) ++i;
        std::size_t start = i;
        while (i < s.size() && isWordChar(s[i])) ++i;
        std::string_view w = s.substr(start, i - start);
        while (!w.empty() && w.front() == '\'') w.remove_prefix(1);
        while (!w.empty() && w.back() == '\'') w.remove_suffix(1);
        if (!w.empty()) out.push_back(w);
    }
    return out;
}

// The text without the quotes, brackets and spaces it may open with.
std::string_view opening(std::string_view s) {
    static const std::array<std::string_view, 6> wide{"\u201C", "\u2018", "\u300C",
                                                      "\u300E", "\uFF08", "\u3000"};
    for (bool more = true; more && !s.empty();) {
        more = false;
        unsigned char c = static_cast<unsigned char>(s.front());
        if (c < 0x80 && !std::isalnum(c)) {
            s.remove_prefix(1);
            more = true;
            continue;
        }
        for (std::string_view w : wide)
            if (s.substr(0, w.size()) == w) {
                s.remove_prefix(w.size());
                more = true;
                break;
            }
    }
    return s;
}

constexpr std::array<std::string_view, 20> kEnAgree{"you're right",
                                                    "you are right",
                                                    "you're absolutely right",
                                                    "you are absolutely right",
                                                    "fair",
                                                    "that's fair",
                                                    "that is fair",
                                                    "i understand",
                                                    "i hear you",
                                                    "i get it",
                                                    "i see why",
                                                    "understood",
                                                    "agreed",
                                                    "i agree",
                                                    "good point",
                                                    "that's a good point",
                                                    "that's a fair point",
                                                    "you have a point",
                                                    "you've got a point",
                                                    "you make a good point"};
constexpr std::array<std::string_view, 16> kZhAgree{
    "您说得对", "你说得对", "您说的对", "你说的对", "您说得没错", "你说得没错",
    "说得对",   "确实",     "没错",     "有道理",   "我理解",     "理解",
    "我明白",   "明白",     "完全理解", "可以理解"};
constexpr std::array<std::string_view, 4> kEnPolite{"sir", "ma'am", "maam", "madam"};
constexpr std::array<std::string_view, 3> kZhPolite{"先生", "女士", "您"};
constexpr std::array<std::string_view, 9> kEnFirstPerson{"i",  "i'm", "i'll", "i've",  "i'd",
                                                         "me", "my",  "mine", "myself"};
constexpr std::array<std::string_view, 4> kZhSorry{"抱歉", "对不起", "不好意思", "道歉"};

template <std::size_t N>
bool among(std::string_view w, const std::array<std::string_view, N>& list) {
    return std::find(list.begin(), list.end(), w) != list.end();
}

}  // namespace

TextCues textCues(std::string_view text, std::string_view lang) {
    TextCues c;
    c.length = codepoints(text);
    c.questions = countOf(text, "?") + countOf(text, "\uFF1F");
    c.exclamations = countOf(text, "!") + countOf(text, "\uFF01");
    if (isZh(lang)) {
        for (std::string_view m : kZhPolite) c.politeness += countOf(text, m);
        c.firstPerson = countOf(text, "我") - countOf(text, "我们");
        std::string_view start = opening(text);
        c.agrees = std::any_of(kZhAgree.begin(), kZhAgree.end(),
                               [&](std::string_view p) { return start.substr(0, p.size()) == p; });
        c.apologises = std::any_of(kZhSorry.begin(), kZhSorry.end(),
                                   [&](std::string_view m) { return countOf(text, m) > 0; });
        return c;
    }
    std::string f = folded(text);
    for (std::string_view w : words(f)) {
        if (among(w, kEnPolite)) ++c.politeness;
        if (among(w, kEnFirstPerson)) ++c.firstPerson;
        if (w == "sorry" || w.substr(0, 6) == "apolog") c.apologises = true;
    }
    std::string_view start = opening(f);
    c.agrees = std::any_of(kEnAgree.begin(), kEnAgree.end(), [&](std::string_view p) {
        return start.substr(0, p.size()) == p &&
               (start.size() == p.size() || !isWordChar(start[p.size()]));
    });
    return c;
}

std::vector<double> BlindPlayer::rate(const std::vector<std::string>& texts,
                                      std::string_view lang) const {
    std::vector<TextCues> cues;
    int longest = 1;
    for (const auto& t : texts) {
        cues.push_back(textCues(t, lang));
        longest = std::max(longest, cues.back().length);
    }
    std::vector<double> out;
    for (const TextCues& c : cues) {
        double v = 0;
        switch (rule) {
            case BlindRule::Longest:
                v = c.length;
                break;
            case BlindRule::Shortest:
                v = -c.length;
                break;
            case BlindRule::MostQuestions:
                v = c.questions;
                break;
            case BlindRule::FewestExclamations:
                v = -c.exclamations;
                break;
            case BlindRule::MostExclamations:
                v = c.exclamations;
                break;
            case BlindRule::NoPoliteness:
                v = -c.politeness;
                break;
            case BlindRule::Agrees:
                v = c.agrees ? 1 : 0;
                break;
            case BlindRule::Apologises:
                v = c.apologises ? 1 : 0;
                break;
            case BlindRule::MostFirstPerson:
                v = c.firstPerson;
                break;
            case BlindRule::Combined:
                v = static_cast<double>(c.length) / longest + (c.agrees ? 1 : 0) -
                    (c.politeness > 0 ? 1 : 0) - (c.exclamations > 0 ? 1 : 0);
                break;
            case BlindRule::Random:
                break;
        }
        out.push_back(v);
    }
    return out;
}

std::size_t BlindPlayer::pick(const std::vector<std::string>& texts, std::string_view lang,
                              std::uint64_t& rng) const {
    if (texts.empty()) return 0;
    if (rule == BlindRule::Random) {
        rng = splitmix64(rng);
        return static_cast<std::size_t>(rng % texts.size());
    }
    auto r = rate(texts, lang);
    return static_cast<std::size_t>(std::max_element(r.begin(), r.end()) - r.begin());
}

bool BlindPlayer::decides(const std::vector<std::string>& texts, std::string_view lang) const {
    if (rule == BlindRule::Random || texts.empty()) return false;
    auto r = rate(texts, lang);
    double top = *std::max_element(r.begin(), r.end());
    return std::count(r.begin(), r.end(), top) == 1;
}

const std::vector<BlindPlayer>& blindPlayers() {
    static const std::vector<BlindPlayer> players{
        {BlindRule::Longest, "longest"},
        {BlindRule::Shortest, "shortest"},
        {BlindRule::MostQuestions, "most_questions"},
        {BlindRule::FewestExclamations, "fewest_exclamations"},
        {BlindRule::MostExclamations, "most_exclamations"},
        {BlindRule::NoPoliteness, "no_politeness"},
        {BlindRule::Agrees, "agrees"},
        {BlindRule::Apologises, "apologises"},
        {BlindRule::MostFirstPerson, "most_first_person"},
        {BlindRule::Combined, "combined"},
        {BlindRule::Random, "random"},
    };
    return players;
}

std::size_t blindRandomIndex() { return blindPlayers().size() - 1; }

Attempt playBlind(const BlindPlayer& player, std::shared_ptr<const Scenario> scenario,
                  const AttemptOptions& options, int maxTurns) {
    Attempt a(std::move(scenario), options);
    std::uint64_t rng = splitmix64(options.seed ^ 0xB11DB11DB11DB11Dull);
    while (!a.finished() && static_cast<int>(a.turns().size()) < maxTurns) {
        std::vector<std::string> texts;
        for (Choice& c : a.choices()) texts.push_back(std::move(c.text));
        if (texts.empty() || !a.choose(player.pick(texts, options.lang, rng), 0)) break;
    }
    return a;
}

namespace {

// Adds the answer sets of one run (as the turns met them) to `hits`.
void countHits(const Attempt& run, const std::string& lang, BlindHits& hits) {
    const Scenario& sc = run.scenario();
    const auto& players = blindPlayers();
    const auto& turns = run.turns();
    for (std::size_t i = 0; i < turns.size(); ++i) {
        const Turn& t = turns[i];
        const Node* node = sc.node(t.node);
        if (!node || t.shown.size() < 2) continue;
        std::vector<std::string> texts;
        std::vector<double> values;
        for (const auto& id : t.shown) {
            const Answer* a = sc.answer(t.node, id);
            if (!a) return;
            texts.push_back(a->text.get(lang));
            MoodStep s =
                moodStep(sc, TurnSpan(turns, i), *node, *a, t.before, 0.0, run.options().timed);
            values.push_back(answerValue(sc, *a, t.before, s.after));
        }
        double top = *std::max_element(values.begin(), values.end());
        auto isTop = [&](std::size_t k) { return values[k] >= top - 1e-9; };
        std::size_t tops = 0;
        for (std::size_t k = 0; k < values.size(); ++k) tops += isTop(k) ? 1 : 0;
        ++hits.sets;
        std::uint64_t unused = 0;
        for (std::size_t p = 0; p < players.size(); ++p) {
            if (players[p].rule == BlindRule::Random) {
                hits.hits[p] += static_cast<double>(tops) / static_cast<double>(values.size());
                continue;
            }
            if (isTop(players[p].pick(texts, lang, unused))) hits.hits[p] += 1;
            if (players[p].decides(texts, lang)) ++hits.decides[p];
        }
    }
}

void addHits(BlindHits& into, const BlindHits& from) {
    into.sets += from.sets;
    for (std::size_t p = 0; p < into.hits.size(); ++p) {
        into.hits[p] += from.hits[p];
        into.decides[p] += from.decides[p];
    }
}

BlindHits emptyHits() {
    BlindHits h;
    h.hits.assign(blindPlayers().size(), 0.0);
    h.decides.assign(blindPlayers().size(), 0);
    return h;
}

}  // namespace

BlindReport measureBlind(const std::vector<std::shared_ptr<const Scenario>>& scenarios,
                         const BlindOptions& options) {
    const auto& players = blindPlayers();
    BlindReport report;
    report.options = options;
    for (const std::string& lang : options.langs) {
        BlindLanguage L;
        L.lang = lang;
        L.mean.assign(players.size(), 0.0);
        L.hits = emptyHits();
        for (const auto& sc : scenarios) {
            if (!sc ||
                std::find(sc->languages.begin(), sc->languages.end(), lang) == sc->languages.end())
                continue;
            BlindScenario S;
            S.id = sc->id;
            S.mean.assign(players.size(), 0.0);
            S.hits = emptyHits();
            for (std::size_t p = 0; p < players.size(); ++p) {
                double sum = 0;
                for (int r = 0; r < options.runs; ++r) {
                    AttemptOptions ao;
                    ao.seed = options.seed + static_cast<std::uint64_t>(r);
                    ao.mode = Mode::Assessment;
                    ao.lang = lang;
                    Attempt run = playBlind(players[p], sc, ao, options.maxTurns);
                    sum += run.score().total;
                    if (players[p].rule == BlindRule::Random) countHits(run, lang, S.hits);
                }
                S.mean[p] = options.runs > 0 ? sum / options.runs : 0;
            }
            addHits(L.hits, S.hits);
            L.scenarios.push_back(std::move(S));
        }
        for (std::size_t p = 0; p < players.size(); ++p) {
            for (const auto& S : L.scenarios) L.mean[p] += S.mean[p];
            if (!L.scenarios.empty()) L.mean[p] /= static_cast<double>(L.scenarios.size());
            if (players[p].rule != BlindRule::Random && L.mean[p] > L.mean[L.best]) L.best = p;
        }
        report.langs.push_back(std::move(L));
    }
    return report;
}

}  // namespace defuse
