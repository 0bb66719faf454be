// `defuse analyze`: best and worst paths, path count, random-play distribution, decisive turns.
#include "analyze_command.hpp"

#include <chrono>
#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

#include "analyze_tuning.hpp"
#include "defuse/analysis.hpp"
#include "play.hpp"

namespace defuse::term {

namespace {

std::string joined(const std::vector<int>& v) {
    std::string s;
    for (int x : v) s += (s.empty() ? "" : ",") + std::to_string(x);
    return s;
}

std::string joined(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : " -> ") + x;
    return s;
}

nlohmann::json pathJson(const PathResult& p) {
    return {{"score", p.score},
            {"ending", p.ending},
            {"answers", p.answers},
            {"choices", joined(p.shownNumbers)}};
}

}  // namespace

int analyzeScenario(const std::string& scenario, std::uint64_t seed, std::uint64_t maxPaths,
                    int runs, bool json) {
    AnalyzeLimits limits;
    limits.maxPaths = maxPaths;
    return analyzeScenario(scenario, seed, limits, runs, json);
}

namespace {

std::string pathCount(const Analysis& a) {
    if (!a.pathsSaturated) return std::to_string(a.paths);
    char buf[64];
    std::snprintf(buf, sizeof buf, "about %.3g", a.pathsApprox);
    return buf;
}

}  // namespace

int analyzeScenario(const std::string& scenario, std::uint64_t seed, const AnalyzeLimits& limits,
                    int runs, bool json) {
    auto sc = resolveScenario(scenario);
    if (!sc) return 1;
    AnalysisOptions opt;
    opt.seed = seed;
    opt.maxPaths = limits.maxPaths;
    opt.maxStates = limits.maxStates;
    opt.maxTurns = limits.maxTurns;
    opt.randomRuns = runs;
    const auto began = std::chrono::steady_clock::now();
    ProgressTicker ticker(sc->id);  // on stderr, past the first second
    Analysis a = analyze(sc, opt);
    const double ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - began).count();
    if (json) {
        nlohmann::json j;
        j["scenario"] = sc->id;
        j["seed"] = seed;
        j["paths"] = a.paths;
        j["exhaustive"] = a.exhaustive;
        j["exact"] = a.exact;
        j["states"] = a.states;
        j["state_bound_hit"] = a.stateBoundHit;
        j["sampled_runs"] = a.sampledRuns;
        j["paths_counted"] = a.pathsCounted;
        j["search_width"] = a.searchWidth;
        j["paths_saturated"] = a.pathsSaturated;
        j["paths_approx"] = a.pathsApprox;
        j["max_turns"] = opt.maxTurns;
        j["milliseconds"] = ms;
        nlohmann::json endings = nlohmann::json::array();
        for (const auto& e : a.endings)
            endings.push_back({{"ending", e.ending},
                               {"best", e.best},
                               {"worst", e.worst},
                               {"paths", e.paths},
                               {"paths_approx", e.pathsApprox}});
        j["endings"] = endings;
        j["best"] = pathJson(a.best);
        j["worst"] = pathJson(a.worst);
        j["random_play"] = {
            {"runs", runs}, {"mean", a.randomMean}, {"histogram_by_tens", a.histogram}};
        nlohmann::json d = nlohmann::json::array();
        for (const auto& n : a.decisive)
            d.push_back({{"node", n.node},
                         {"spread", n.spread},
                         {"best_answer", n.bestAnswer},
                         {"worst_answer", n.worstAnswer}});
        j["decisive"] = d;
        j["difficulty"] = difficultyJson(sc, runs, seed);
        std::cout << j.dump(2) << "\n";
        return 0;
    }
    if (a.exact) {
        std::cout << sc->id << ": " << pathCount(a) << " paths (all of them)\n";
        std::cout << "  exact: " << a.states << " states, runs cut at " << opt.maxTurns
                  << " answers, " << static_cast<long long>(ms + 0.5) << " ms\n";
    } else {
        if (a.pathsCounted)
            std::cout << sc->id << ": " << pathCount(a)
                      << " paths (all counted: a run's course here does not depend on its mood)\n";
        else
            std::cout << sc->id << ": paths not counted\n";
        std::cout << "  NOT exact: over " << opt.maxStates
                  << " distinct states (--max-states), runs cut at " << opt.maxTurns << " answers, "
                  << static_cast<long long>(ms + 0.5) << " ms\n";
        if (a.sampledRuns > 0 || a.searchWidth > 0)
            std::cout << "  best and worst: the extremes found by a search keeping "
                      << a.searchWidth << " states a turn and by " << a.sampledRuns
                      << " random runs (real runs; the true best may be higher, the true worst "
                         "lower)\n"
                      << "  endings and decisive turns: from those " << a.sampledRuns
                      << " random runs\n";
    }
    for (auto [label, p] : {std::pair{"best ", &a.best}, std::pair{"worst", &a.worst}}) {
        std::cout << "  " << label << " " << p->score << " (" << p->ending
                  << "): " << joined(p->answers) << "\n";
        std::cout << "         defuse play " << sc->file << " --seed " << seed << " --choices "
                  << joined(p->shownNumbers) << "\n";
    }
    for (const auto& e : a.endings)
        std::cout << "  ending "
                  << (e.ending.empty() ? std::string("(none: cut or stuck)") : e.ending) << ": "
                  << e.worst << "-" << e.best << " over "
                  << (e.paths == UINT64_MAX ? "about " + std::to_string(e.pathsApprox)
                                            : std::to_string(e.paths))
                  << (a.exact ? " paths" : " sampled runs") << "\n";
    std::cout << "  random play (" << runs << " runs): mean "
              << static_cast<int>(a.randomMean + 0.5) << "\n";
    int most = *std::max_element(a.histogram.begin(), a.histogram.end());
    for (std::size_t i = 0; i < a.histogram.size(); ++i) {
        if (a.histogram[i] == 0) continue;
        int bar = most > 0 ? (a.histogram[i] * 40 + most - 1) / most : 0;
        std::string label =
            i == 10 ? "   100"
                    : (i == 0 ? "  0-9 "
                              : " " + std::to_string(i * 10) + "-" + std::to_string(i * 10 + 9));
        std::cout << "   " << label << " " << std::string(static_cast<std::size_t>(bar), '#') << " "
                  << a.histogram[i] << "\n";
    }
    std::cout << "  decisive turns:\n";
    for (std::size_t i = 0; i < a.decisive.size() && i < 5; ++i) {
        const auto& d = a.decisive[i];
        std::cout << "    " << d.node << ": " << static_cast<int>(d.spread + 0.5)
                  << " points between '" << d.bestAnswer << "' and '" << d.worstAnswer << "'\n";
    }
    printDifficulty(sc, runs, seed, std::cout);
    return 0;
}

}  // namespace defuse::term
