// Past the state bound the extremes cannot be proven, so the analysis looks for them and
// samples the rest. The best and the worst run come from a search over the turns that keeps,
// at each turn, the distinct states whose score as it stands is the highest (or the lowest),
// and from the random runs; every run it names is real and re-plays to its score. The ranges per
// ending and the decisive turns are the random runs' figures. The path count stays exact when
// a run's course does not depend on its mood: it is counted over course keys (countPaths).
#include <algorithm>
#include <numeric>

#include "analysis_internal.hpp"

namespace defuse::detail {

namespace {

/// One turn of a run the search kept: where it came from and what was answered.
struct Step {
    std::int32_t parent = -1;  ///< the step before (-1: the search's root)
    std::int32_t node = 0;     ///< the node answered
    std::int32_t at = 0;       ///< where the answer led (RunState::at)
    std::uint16_t answer = 0;
    std::uint16_t number = 0;  ///< 1-based, as shown
};

PathResult pathOf(const CompiledScenario& cs, const std::vector<Step>& steps, std::int32_t last,
                  const PathResult& prefix, int score) {
    std::vector<const Step*> chain;
    for (std::int32_t i = last; i >= 0; i = steps[static_cast<std::size_t>(i)].parent)
        chain.push_back(&steps[static_cast<std::size_t>(i)]);
    PathResult p = prefix;
    for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
        p.answers.push_back(cs.answerId((*it)->node, (*it)->answer));
        p.shownNumbers.push_back((*it)->number);
    }
    p.score = score;
    return p;
}

/// The search for the best (or the worst) run: one layer a turn, its states kept distinct and
/// cut to `width` by their score as it stands. Returns the step that ends the run found
/// (-1 when the root itself ends), with its score and where it ended.
struct Extreme {
    std::int32_t last = -1;
    int score = -1;
    int at = 0;
};

Extreme search(const CompiledScenario& cs, const RunState& root, std::uint64_t seed, bool timed,
               int maxTurns, std::size_t width, bool best, std::vector<Step>& steps) {
    Extreme found;
    auto better = [best](int a, int b) { return best ? a > b : a < b; };
    auto consider = [&](const RunState& s, std::int32_t step) {
        const int total = cs.score(s, timed);
        if (found.score < 0 || better(total, found.score)) found = {step, total, s.at};
    };
    const std::size_t words = cs.packedWords();
    LayerTable table(words);
    std::vector<std::uint32_t> layer, key, next;  // packed states, `words` each
    std::vector<std::int32_t> layerStep{-1}, nextStep;
    std::vector<int> rank;
    std::vector<std::size_t> order;
    std::vector<int> shown;
    cs.pack(root, key);
    layer = key;
    RunState s = root, c = root;
    while (!layerStep.empty()) {
        table.clear();
        next.clear();
        nextStep.clear();
        rank.clear();
        std::vector<Step> candidates;
        for (std::size_t li = 0; li < layerStep.size(); ++li) {
            cs.unpack(&layer[li * words], s);
            if (s.finished() || s.turns >= maxTurns) {
                consider(s, layerStep[li]);
                continue;
            }
            cs.offered(s, seed, shown);
            for (std::size_t k = 0; k < shown.size(); ++k) {
                c = s;
                cs.play(c, shown[k], 0, 0, timed);
                cs.pack(c, key);
                if (table.findOrAdd(key, 0) >= 0) continue;  // the same state, found before
                next.insert(next.end(), key.begin(), key.end());
                candidates.push_back({layerStep[li], s.at, c.at,
                                      static_cast<std::uint16_t>(shown[k]),
                                      static_cast<std::uint16_t>(k + 1)});
                rank.push_back(cs.score(c, timed));
            }
        }
        // Keep the `width` most promising, the earliest found first among equals.
        order.resize(candidates.size());
        std::iota(order.begin(), order.end(), std::size_t{0});
        if (order.size() > width) {
            std::nth_element(order.begin(), order.begin() + static_cast<std::ptrdiff_t>(width),
                             order.end(), [&](std::size_t a, std::size_t b) {
                                 return rank[a] != rank[b] ? better(rank[a], rank[b]) : a < b;
                             });
            order.resize(width);
            std::sort(order.begin(), order.end());
        }
        layer.clear();
        layerStep.clear();
        for (std::size_t i : order) {
            layer.insert(layer.end(), next.begin() + static_cast<std::ptrdiff_t>(i * words),
                         next.begin() + static_cast<std::ptrdiff_t>((i + 1) * words));
            layerStep.push_back(static_cast<std::int32_t>(steps.size()));
            steps.push_back(candidates[i]);
        }
    }
    return found;
}

/// Random runs: the best and the worst met, the range per ending, the decisive turns' cells.
struct Sample {
    const CompiledScenario& cs;
    bool timed;
    int maxTurns;
    std::vector<Step> path;
    std::vector<Step> bestPath, worstPath;
    int bestScore = -1, worstScore = -1, bestAt = 0, worstAt = 0;
    std::vector<std::vector<std::pair<double, double>>> cells;
    std::vector<EndingRange> endings;
    std::uint64_t runs = 0;

    void run(const RunState& root, std::uint64_t seed, std::uint64_t& rng) {
        RunState s = root;
        path.clear();
        std::vector<int> shown;
        while (!s.finished() && s.turns < maxTurns) {
            cs.offered(s, seed, shown);
            if (shown.empty()) return;  // stuck: no run ends here (as the exact analysis)
            rng = splitmix64(rng);
            const std::size_t k = static_cast<std::size_t>(rng % shown.size());
            path.push_back({static_cast<std::int32_t>(path.size()) - 1, s.at, 0,
                            static_cast<std::uint16_t>(shown[k]),
                            static_cast<std::uint16_t>(k + 1)});
            cs.play(s, shown[k], 0, 0, timed);
            path.back().at = s.at;
        }
        ++runs;
        const int total = cs.score(s, timed);
        if (bestScore < 0 || total > bestScore) bestScore = total, bestPath = path, bestAt = s.at;
        if (worstScore < 0 || total < worstScore)
            worstScore = total, worstPath = path, worstAt = s.at;
        for (const Step& t : path) {
            auto& row = cells[static_cast<std::size_t>(t.node)];
            if (row.empty())
                row.assign(cs.scenario().nodes[static_cast<std::size_t>(t.node)].answers.size(),
                           {0, 0});
            row[t.answer].first += total;
            row[t.answer].second += 1;
        }
        const Ending* e = cs.endingAt(s);
        EndingRange& r = endings[e ? static_cast<std::size_t>(e - cs.scenario().endings.data())
                                   : cs.scenario().endings.size()];
        r.best = std::max(r.best, total);
        r.worst = r.worst < 0 ? total : std::min(r.worst, total);
        ++r.paths;
        r.pathsApprox += 1;
    }
};

void setEnding(const CompiledScenario& cs, int at, PathResult& p) {
    RunState end;
    end.at = at;
    if (const Ending* e = cs.endingAt(end)) p.ending = e->id;
}

}  // namespace

bool countPaths(const CompiledScenario& cs, const RunState& root, int maxTurns,
                std::uint64_t maxStates, double& total) {
    total = 0;
    if (cs.courseReadsMood()) return false;
    const std::size_t words = cs.packedWords();
    LayerTable table(cs.courseWords());
    // A layer: one full state per course key (any run with that key goes on the same ways),
    // and how many paths reach the key.
    std::vector<std::uint32_t> reps, nextReps, key, full;
    std::vector<double> counts{1}, nextCounts;
    cs.pack(root, reps);
    RunState s = root, c = root;
    std::vector<int> shown;
    std::uint64_t seen = 1;
    while (!counts.empty()) {
        table.clear();
        nextReps.clear();
        nextCounts.clear();
        for (std::size_t i = 0; i < counts.size(); ++i) {
            cs.unpack(&reps[i * words], s);
            if (s.finished() || s.turns >= maxTurns) {
                total += counts[i];
                continue;
            }
            cs.offered(s, 0, shown);  // (the seed orders them; the course is the same)
            for (int answer : shown) {
                c = s;
                cs.play(c, answer, 0, 0, false);
                cs.courseKey(c, key);
                const std::int64_t known =
                    table.findOrAdd(key, static_cast<std::uint32_t>(nextCounts.size()));
                if (known >= 0) {
                    nextCounts[static_cast<std::size_t>(known)] += counts[i];
                    continue;
                }
                if (++seen > maxStates) return false;
                nextCounts.push_back(counts[i]);
                cs.pack(c, full);
                nextReps.insert(nextReps.end(), full.begin(), full.end());
            }
        }
        std::swap(reps, nextReps);
        std::swap(counts, nextCounts);
    }
    return true;
}

void searchPastBound(const CompiledScenario& cs, const RunState& root, std::uint64_t seed,
                     bool timed, int maxTurns, const AnalysisOptions& opt, const PathResult& prefix,
                     Analysis& out) {
    // About kSampleTurns answers a search whatever the runs' length: long runs keep fewer.
    const std::uint64_t perTurn = std::max<std::uint64_t>(
        16, kSampleTurns / (4 * static_cast<std::uint64_t>(std::max(maxTurns, 1))));
    const std::size_t width =
        static_cast<std::size_t>(std::max<std::uint64_t>(std::min(opt.searchWidth, perTurn), 1));
    out.searchWidth = width;
    for (bool best : {true, false}) {
        std::vector<Step> steps;
        const Extreme x = search(cs, root, seed, timed, maxTurns, width, best, steps);
        PathResult& p = best ? out.best : out.worst;
        p = pathOf(cs, steps, x.last, prefix, x.score);
        setEnding(cs, x.at, p);
    }
    // The random runs, shown in the analysis seed's order (their numbers are that seed's).
    Sample sample{cs, timed, maxTurns, {}, {}, {}, -1, -1, 0, 0, {}, {}, 0};
    sample.cells.assign(cs.nodeCount(), {});
    sample.endings.assign(cs.scenario().endings.size() + 1, {});
    std::uint64_t rng = opt.seed * 0xD1B54A32D192ED03ull + 7, turns = 0;
    while (sample.runs < opt.maxPaths && turns < kSampleTurns) {
        sample.run(root, seed, rng);
        turns += std::max<std::size_t>(sample.path.size(), 1);
    }
    out.sampledRuns = sample.runs;
    // A sampled run beyond the search's extremes replaces it.
    if (sample.runs > 0) {
        if (sample.bestScore > out.best.score) {
            out.best =
                pathOf(cs, sample.bestPath, static_cast<std::int32_t>(sample.bestPath.size()) - 1,
                       prefix, sample.bestScore);
            setEnding(cs, sample.bestAt, out.best);
        }
        if (sample.worstScore < out.worst.score) {
            out.worst =
                pathOf(cs, sample.worstPath, static_cast<std::int32_t>(sample.worstPath.size()) - 1,
                       prefix, sample.worstScore);
            setEnding(cs, sample.worstAt, out.worst);
        }
    }
    for (std::size_t k = 0; k < sample.endings.size(); ++k) {
        if (sample.endings[k].paths == 0) continue;
        if (k < cs.scenario().endings.size())
            sample.endings[k].ending = cs.scenario().endings[k].id;
        out.endings.push_back(sample.endings[k]);
    }
    std::map<std::string, std::map<std::string, std::pair<double, double>>> by;
    for (std::size_t n = 0; n < sample.cells.size(); ++n)
        for (std::size_t a = 0; a < sample.cells[n].size(); ++a)
            if (sample.cells[n][a].second > 0)
                by[cs.nodeId(static_cast<int>(n))]
                  [cs.answerId(static_cast<int>(n), static_cast<int>(a))] = sample.cells[n][a];
    decisiveFrom(by, out);
}

}  // namespace defuse::detail
