// `defuse analyze`: best and worst paths, path count, random-play distribution, decisive turns.
#include "analyze_command.hpp"

#include <iostream>
#include <nlohmann/json.hpp>

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
    auto sc = resolveScenario(scenario);
    if (!sc) return 1;
    AnalysisOptions opt;
    opt.seed = seed;
    opt.maxPaths = maxPaths;
    opt.randomRuns = runs;
    Analysis a = analyze(sc, opt);
    if (json) {
        nlohmann::json j;
        j["scenario"] = sc->id;
        j["seed"] = seed;
        j["paths"] = a.paths;
        j["exhaustive"] = a.exhaustive;
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
        std::cout << j.dump(2) << "\n";
        return 0;
    }
    std::cout << sc->id << ": " << a.paths << " paths"
              << (a.exhaustive ? " (all of them)" : " (stopped at --max-paths)") << "\n";
    for (auto [label, p] : {std::pair{"best ", &a.best}, std::pair{"worst", &a.worst}}) {
        std::cout << "  " << label << " " << p->score << " (" << p->ending
                  << "): " << joined(p->answers) << "\n";
        std::cout << "         defuse play " << sc->file << " --seed " << seed << " --choices "
                  << joined(p->shownNumbers) << "\n";
    }
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
    return 0;
}

}  // namespace defuse::term
