// `defuse analyze` for tuning: difficulty, --after, --compare, progress.
#include "analyze_tuning.hpp"

#include <unistd.h>

#include <chrono>
#include <cmath>
#include <iostream>
#include <map>

#include "defuse/analysis.hpp"
#include "defuse/attempt.hpp"
#include "defuse/difficulty.hpp"
#include "defuse/workbench.hpp"
#include "play.hpp"

namespace defuse::term {

namespace {

using nlohmann::json;

std::string joined(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : " -> ") + x;
    return s;
}

Message num(long long v) { return Message::num(v); }

struct Range {
    int best = -1, worst = 101;
    std::uint64_t runs = 0;
};

// --after: the answers played from the start, then every way on (the exact analysis from there).
int afterCommand(const std::shared_ptr<const Scenario>& sc, const TuningOptions& opt,
                 std::uint64_t seed, std::uint64_t maxPaths, bool asJson, Lang lang) {
    AttemptOptions ao;
    ao.seed = seed;
    ao.mode = Mode::Assessment;
    Attempt at(sc, ao);
    auto ids = splitIds(opt.after);
    for (std::size_t i = 0; i < ids.size(); ++i) {
        if (at.finished()) {
            std::cerr << render(Message(Msg::WbAfterRunEnded, {at.ending()->id, ids[i]}), lang)
                      << "\n";
            return 2;
        }
        if (!at.chooseId(ids[i], 0)) {
            std::vector<Message> on;
            for (const auto& c : at.choices()) on.emplace_back(c.id);
            std::cerr << render(Message(Msg::WbAfterNotOffered,
                                        {num(static_cast<long long>(i + 1)), ids[i], at.node()->id,
                                         Message::join(Msg::SepEnum, on)}),
                                lang)
                      << "\n";
            return 2;
        }
    }
    struct Found {
        int score = -1;
        std::string ending;
        std::vector<std::string> answers;
    } best, worst;
    std::map<std::string, Range> ranges;
    std::uint64_t count = 1, states = 0, sampled = 0;
    bool all = true, counted = true;
    if (at.finished()) {  // the history itself ended the run: it is the only way on
        std::vector<std::string> answers;
        for (const auto& t : at.turns()) answers.push_back(t.picked);
        const int s = at.score().total;
        best = worst = {s, at.ending()->id, answers};
        ranges[at.ending()->id] = {s, s, 1};
    } else {  // the engine's exact analysis from there (paths are walked only past its bound)
        AnalysisOptions an;
        an.seed = seed;
        an.maxPaths = maxPaths;
        an.maxStates = opt.maxStates;
        an.randomRuns = 0;
        const Analysis a = analyze(at, an);
        count = a.paths;
        all = a.exact;
        counted = a.pathsCounted;
        states = a.states;
        sampled = a.sampledRuns;
        best = {a.best.score, a.best.ending, a.best.answers};
        worst = {a.worst.score, a.worst.ending, a.worst.answers};
        for (const EndingRange& e : a.endings) ranges[e.ending] = {e.best, e.worst, e.paths};
    }
    if (asJson) {
        json j = {{"scenario", sc->id},       {"seed", seed},           {"after", ids},
                  {"paths", count},           {"exhaustive", all},      {"exact", all},
                  {"paths_counted", counted}, {"sampled_runs", sampled}};
        j["best"] = {{"score", best.score}, {"ending", best.ending}, {"answers", best.answers}};
        j["worst"] = {{"score", worst.score}, {"ending", worst.ending}, {"answers", worst.answers}};
        json e = json::array();
        for (const auto& [id, r] : ranges)
            e.push_back({{"ending", id}, {"best", r.best}, {"worst", r.worst}, {"paths", r.runs}});
        j["endings"] = e;
        std::cout << j.dump(2) << "\n";
        return 0;
    }
    std::cout << render(Message(Msg::WbAfterHead,
                                {joined(ids), num(static_cast<long long>(ids.size()))}),
                        lang)
              << "\n";
    if (at.finished()) {
        std::cout << render(
                         Message(Msg::WbAfterNothing,
                                 {at.ending()->id, num(static_cast<long long>(at.score().total))}),
                         lang)
                  << "\n";
        return 0;
    }
    if (counted)
        std::cout << render(Message(Msg::WbAfterPaths, {num(static_cast<long long>(count))}), lang)
                  << "\n";
    else
        std::cout << render(Msg::WbAfterNotCounted, lang) << "\n";
    if (!all)
        std::cout << render(Message(Msg::WbAfterNotExact,
                                    {num(static_cast<long long>(states > 0 ? states - 1 : 0)),
                                     num(static_cast<long long>(sampled))}),
                            lang)
                  << "\n";
    std::cout << render(Message(Msg::WbAfterBest, {num(static_cast<long long>(best.score)),
                                                   best.ending, joined(best.answers)}),
                        lang)
              << "\n";
    std::cout << render(Message(Msg::WbAfterWorst, {num(static_cast<long long>(worst.score)),
                                                    worst.ending, joined(worst.answers)}),
                        lang)
              << "\n";
    for (const auto& [id, r] : ranges)
        std::cout << render(Message(Msg::WbEndingRangeLine,
                                    {id.empty() ? Message("-") : Message(id), num(r.worst),
                                     num(r.best), num(static_cast<long long>(r.runs))}),
                            lang)
                  << "\n";
    return 0;
}

struct Summary {
    Analysis a;
    DifficultyRating d;
};

std::string decisiveText(const Analysis& a) {
    std::string s;
    for (std::size_t i = 0; i < a.decisive.size() && i < 3; ++i)
        s += (s.empty() ? "" : ", ") + a.decisive[i].node + " " +
             std::to_string(static_cast<int>(std::lround(a.decisive[i].spread)));
    return s.empty() ? "-" : s;
}

int compareCommand(const TuningOptions& opt, std::uint64_t seed, std::uint64_t maxPaths, int runs,
                   bool asJson, Lang lang) {
    if (opt.compare.size() != 2) {
        std::cerr << render(Msg::WbCompareNeedsTwo, lang) << "\n";
        return 2;
    }
    std::vector<Summary> two;
    for (const auto& file : opt.compare) {
        auto sc = resolveScenario(file, lang);
        if (!sc) return 1;
        AnalysisOptions ao;
        ao.seed = seed;
        ao.maxPaths = maxPaths;
        ao.maxStates = opt.maxStates;
        ao.randomRuns = runs;
        ProgressTicker ticker(sc->id, lang);
        two.push_back({analyze(sc, ao), rateDifficulty(sc, runs > 0 ? runs : 300, seed)});
    }
    const Summary &o = two[0], &n = two[1];
    if (asJson) {
        auto side = [](const Summary& s) {
            json dec = json::array();
            for (const auto& d : s.a.decisive)
                dec.push_back({{"node", d.node}, {"spread", d.spread}});
            return json{{"best", s.a.best.score},
                        {"best_ending", s.a.best.ending},
                        {"worst", s.a.worst.score},
                        {"worst_ending", s.a.worst.ending},
                        {"random_mean", s.a.randomMean},
                        {"difficulty_rating", s.d.rating},
                        {"difficulty_declared", s.d.declared},
                        {"paths", s.a.paths},
                        {"exact", s.a.exact},
                        {"decisive", dec}};
        };
        std::cout << json{{"old", side(o)}, {"new", side(n)}, {"files", opt.compare}}.dump(2)
                  << "\n";
        return 0;
    }
    auto row = [&](Msg label, const std::string& a, const std::string& b) {
        std::cout << "  " << render(Message(Msg::WbCompareHead, {Message(label), a, b}), lang)
                  << (a == b ? "" : "   *" + render(Msg::WbCompareChanged, lang)) << "\n";
    };
    std::cout << opt.compare[0] << "  ->  " << opt.compare[1] << "\n";
    auto path = [](const PathResult& p) { return std::to_string(p.score) + " (" + p.ending + ")"; };
    row(Msg::WbCompareBest, path(o.a.best), path(n.a.best));
    row(Msg::WbCompareWorst, path(o.a.worst), path(n.a.worst));
    auto mean = [](double m) { return std::to_string(static_cast<int>(std::lround(m))); };
    row(Msg::WbCompareMean, mean(o.a.randomMean), mean(n.a.randomMean));
    row(Msg::WbCompareRating, std::to_string(o.d.rating) + "/5", std::to_string(n.d.rating) + "/5");
    auto paths = [lang](const Analysis& a) {
        return a.pathsCounted ? std::to_string(a.paths) : render(Msg::WbCompareNotCounted, lang);
    };
    row(Msg::WbComparePaths, paths(o.a), paths(n.a));
    row(Msg::WbCompareDecisive, decisiveText(o.a), decisiveText(n.a));
    return 0;
}

}  // namespace

void addAnalyzeTuning(CLI::App* a, int& exitCode) {
    auto opt = std::make_shared<TuningOptions>();
    a->add_option("--after", opt->after,
                  "Answer ids played from the start (e.g. after a critical mistake): the best "
                  "and worst still reachable from there");
    a->add_option("--compare", opt->compare,
                  "Two versions of a scenario, OLD NEW: best, worst, random-play mean, "
                  "difficulty, decisive turns side by side")
        ->expected(2);
    a->add_option("--lang", opt->lang, "Language of the tuning lines: en or zh (default en)")
        ->check(CLI::IsMember({"en", "zh"}));
    CLI::Option* scenario = a->get_option_no_throw("scenario");
    if (scenario) scenario->required(false);  // --compare names its own two
    // Parsed: with --after or --compare their run replaces the plain analysis; without, the
    // scenario is required as before.
    a->parse_complete_callback([a, opt, scenario, &exitCode] {
        if (!opt->wanted()) {
            if (scenario && scenario->count() == 0) throw CLI::RequiredError("scenario");
            return;
        }
        auto value = [a](const char* name, auto fallback) {
            CLI::Option* o = a->get_option_no_throw(name);
            return o && o->count() > 0 ? o->as<decltype(fallback)>() : fallback;
        };
        std::string file = scenario && scenario->count() > 0 ? scenario->as<std::string>() : "";
        auto seed = value("--seed", std::uint64_t{1});
        auto maxPaths = value("--max-paths", std::uint64_t{200000});
        opt->maxStates = value("--max-states", std::uint64_t{6000000});
        int runs = value("--runs", 1000);
        bool json = a->get_option_no_throw("--json") && a->get_option("--json")->count() > 0;
        a->final_callback(
            [=, &exitCode] { exitCode = analyzeTuning(file, *opt, seed, maxPaths, runs, json); });
    });
}

int analyzeTuning(const std::string& scenario, const TuningOptions& opt, std::uint64_t seed,
                  std::uint64_t maxPaths, int runs, bool json) {
    Lang lang = langFromCode(opt.lang);
    if (!opt.compare.empty()) return compareCommand(opt, seed, maxPaths, runs, json, lang);
    auto sc = resolveScenario(scenario, lang);
    if (!sc) return 1;
    return afterCommand(sc, opt, seed, maxPaths, json, lang);
}

void printDifficulty(const std::shared_ptr<const Scenario>& sc, int runs, std::uint64_t seed,
                     std::ostream& out, Lang lang) {
    if (runs <= 0) return;
    DifficultyRating d = rateDifficulty(sc, runs, seed);
    out << render(Message(Msg::WbDifficultyLine,
                          {num(d.rating), num(std::lround(d.mean)), num(runs), num(d.declared)}),
                  lang)
        << "\n";
    if (d.disagrees()) out << render(Msg::WbDifficultyDisagreeNote, lang) << "\n";
}

json difficultyJson(const std::shared_ptr<const Scenario>& sc, int runs, std::uint64_t seed) {
    DifficultyRating d = rateDifficulty(sc, runs > 0 ? runs : 300, seed);
    return {{"rating", d.rating},
            {"declared", d.declared},
            {"random_mean", d.mean},
            {"disagrees", d.disagrees()}};
}

ProgressTicker::ProgressTicker(std::string what, Lang lang) {
    m_thread = std::thread([this, what = std::move(what), lang] {
        auto began = std::chrono::steady_clock::now();
        bool tty = isatty(STDERR_FILENO) != 0, said = false;
        std::unique_lock<std::mutex> lock(m_mutex);
        while (!m_wake.wait_for(lock, std::chrono::seconds(1), [this] { return m_done; })) {
            auto s = std::chrono::duration_cast<std::chrono::seconds>(
                         std::chrono::steady_clock::now() - began)
                         .count();
            std::cerr << (tty ? "\r" : "")
                      << render(Message(Msg::WbAnalyzeProgress, {what, num(s)}), lang)
                      << (tty ? "" : "\n") << std::flush;
            said = true;
        }
        if (said && tty) std::cerr << "\n";
    });
}

ProgressTicker::~ProgressTicker() {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_done = true;
    }
    m_wake.notify_all();
    if (m_thread.joinable()) m_thread.join();
}

}  // namespace defuse::term
