// The exact analysis: every reachable run state once (compiled.hpp), layer by layer (a turn
// is a layer: the turn count is part of the state), then path counts, best and worst, ranges
// per ending and decisive turns by dynamic programming over the states.
#include "defuse/analysis.hpp"

#include <algorithm>
#include <cstring>
#include <limits>
#include <map>

#include "analysis_internal.hpp"
#include "defuse/attempt.hpp"
#include "defuse/compiled.hpp"

namespace defuse {

namespace {

constexpr std::uint64_t kSat = std::numeric_limits<std::uint64_t>::max();
/// Path counts are exact below 2^53 (a double's integers); above, approximate.
constexpr double kExact = 9007199254740992.0;
std::uint64_t pathCount(double d) { return d > kExact ? kSat : static_cast<std::uint64_t>(d); }

/// The state graph and what dynamic programming computes over it, an array per field (about
/// 45 bytes a state). Counts are doubles: exact up to 2^53, approximate beyond (said).
struct Graph {
    std::vector<std::int32_t> at;       ///< the state's node (or ending target)
    std::vector<std::int8_t> terminal;  ///< its score when the run stops there, else -1
    std::vector<std::uint32_t> edgeBegin{0};
    std::vector<std::uint32_t> child;  ///< per edge, in the order the answers are shown
    std::vector<std::uint8_t> answer;  ///< per edge (kMaxAnswersPerNode fits)
    // Backward: the runs from a state to their end.
    std::vector<double> countD, sum;
    std::vector<std::int8_t> best, worst;
    // Forward: the runs from the start to a state.
    std::vector<double> fwdD;

    std::size_t size() const { return at.size(); }
    std::size_t firstEdge(std::size_t i) const { return edgeBegin[i]; }
    std::size_t endEdge(std::size_t i) const { return edgeBegin[i + 1]; }
};

/// Explores every state reachable from `root`; false when a bound stopped it. A layer is a
/// turn: its states are kept packed in its table and unpacked one at a time.
bool explore(const CompiledScenario& cs, const RunState& root, std::uint64_t seed, bool timed,
             int maxTurns, const AnalysisOptions& opt, Graph& g) {
    const std::uint64_t maxEdges = std::max<std::uint64_t>(opt.maxStates, 1) * 16;
    detail::LayerTable layer(cs.packedWords()), next(cs.packedWords());
    std::vector<std::uint32_t> key;
    std::vector<int> shown;
    cs.pack(root, key);
    layer.findOrAdd(key, 0);
    g.at.push_back(root.at);
    g.terminal.push_back(-1);
    RunState s = root, c = root;  // assigning keeps their buffers
    while (layer.size() > 0) {
        next.clear();
        // States are numbered in layer order, so their edges are written in id order.
        for (std::size_t li = 0; li < layer.size(); ++li) {
            cs.unpack(layer.key(li), s);
            const std::uint32_t id = layer.id(li);
            if (s.finished() || s.turns >= maxTurns) {
                g.terminal[id] = static_cast<std::int8_t>(cs.score(s, timed));
                g.edgeBegin.push_back(static_cast<std::uint32_t>(g.child.size()));
                continue;
            }
            cs.offered(s, seed, shown);
            for (int answer : shown) {
                c = s;
                cs.play(c, answer, 0, 0, timed);
                cs.pack(c, key);
                std::int64_t known = next.findOrAdd(key, static_cast<std::uint32_t>(g.size()));
                std::uint32_t child;
                if (known >= 0) {
                    child = static_cast<std::uint32_t>(known);
                } else {
                    child = static_cast<std::uint32_t>(g.size());
                    g.at.push_back(c.at);
                    g.terminal.push_back(-1);
                    if (g.size() > opt.maxStates) return false;
                }
                g.child.push_back(child);
                g.answer.push_back(static_cast<std::uint8_t>(answer));
                if (g.child.size() > maxEdges) return false;
            }
            g.edgeBegin.push_back(static_cast<std::uint32_t>(g.child.size()));
        }
        std::swap(layer, next);
    }
    return true;
}

void backward(Graph& g) {
    const std::size_t n = g.size();
    g.countD.assign(n, 0);
    g.sum.assign(n, 0);
    g.best.assign(n, -1);
    g.worst.assign(n, -1);
    for (std::size_t i = n; i-- > 0;) {
        if (g.terminal[i] >= 0) {
            g.countD[i] = 1;
            g.sum[i] = g.terminal[i];
            g.best[i] = g.worst[i] = g.terminal[i];
            continue;
        }
        for (std::size_t e = g.firstEdge(i); e < g.endEdge(i); ++e) {
            const std::uint32_t c = g.child[e];
            if (g.countD[c] <= 0) continue;  // a dead end: no run ends there
            g.countD[i] += g.countD[c];
            g.sum[i] += g.sum[c];
            g.best[i] = g.best[i] < 0 ? g.best[c] : std::max(g.best[i], g.best[c]);
            g.worst[i] = g.worst[i] < 0 ? g.worst[c] : std::min(g.worst[i], g.worst[c]);
        }
    }
    g.fwdD.assign(n, 0);
    g.fwdD[0] = 1;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t e = g.firstEdge(i); e < g.endEdge(i); ++e) g.fwdD[g.child[e]] += g.fwdD[i];
}

/// The first run in the order answers are shown whose score is the state's best (or worst):
/// the one the path walk kept.
PathResult pathTo(const CompiledScenario& cs, const Graph& g, PathResult p, bool best) {
    std::size_t i = 0;
    const std::int8_t target = best ? g.best[0] : g.worst[0];
    while (g.terminal[i] < 0) {
        bool moved = false;
        for (std::size_t e = g.firstEdge(i); e < g.endEdge(i) && !moved; ++e) {
            const std::uint32_t c = g.child[e];
            if (g.countD[c] <= 0 || (best ? g.best[c] : g.worst[c]) != target) continue;
            p.answers.push_back(cs.answerId(g.at[i], g.answer[e]));
            p.shownNumbers.push_back(static_cast<int>(e - g.firstEdge(i)) + 1);
            i = c;
            moved = true;
        }
        if (!moved) break;  // cannot happen when the start has runs
    }
    p.score = target;
    RunState end;
    end.at = g.at[i];
    if (const Ending* e = cs.endingAt(end)) p.ending = e->id;
    return p;
}

void summarise(const CompiledScenario& cs, const Graph& g, const PathResult& prefix,
               Analysis& out) {
    out.states = g.size();
    out.pathsApprox = g.countD[0];
    out.pathsSaturated = g.countD[0] > kExact;
    out.paths = pathCount(g.countD[0]);
    if (g.countD[0] > 0) {
        out.best = pathTo(cs, g, prefix, true);
        out.worst = pathTo(cs, g, prefix, false);
    }
    // Ranges per ending, from the states where runs stop.
    const Scenario& sc = cs.scenario();
    std::vector<EndingRange> byEnding(sc.endings.size() + 1);
    for (std::size_t i = 0; i < g.size(); ++i) {
        if (g.terminal[i] < 0) continue;
        RunState end;
        end.at = g.at[i];
        const Ending* e = cs.endingAt(end);
        EndingRange& r =
            byEnding[e ? static_cast<std::size_t>(e - sc.endings.data()) : sc.endings.size()];
        r.best = std::max<int>(r.best, g.terminal[i]);
        r.worst = r.worst < 0 ? g.terminal[i] : std::min<int>(r.worst, g.terminal[i]);
        r.pathsApprox += g.fwdD[i];
    }
    for (std::size_t k = 0; k < byEnding.size(); ++k) {
        if (byEnding[k].pathsApprox <= 0) continue;
        byEnding[k].paths = pathCount(byEnding[k].pathsApprox);
        if (k < sc.endings.size()) byEnding[k].ending = sc.endings[k].id;
        out.endings.push_back(byEnding[k]);
    }
    // Decisive turns: the runs through each answer at each node, weighed by their scores.
    std::vector<std::vector<std::pair<double, double>>> cells(cs.nodeCount());
    for (std::size_t i = 0; i < g.size(); ++i)
        for (std::size_t e = g.firstEdge(i); e < g.endEdge(i); ++e) {
            const std::uint32_t c = g.child[e];
            if (g.countD[c] <= 0) continue;
            auto& row = cells[static_cast<std::size_t>(g.at[i])];
            if (row.empty())
                row.assign(sc.nodes[static_cast<std::size_t>(g.at[i])].answers.size(), {0, 0});
            auto& cell = row[g.answer[e]];
            cell.first += g.fwdD[i] * g.sum[c];
            cell.second += g.fwdD[i] * g.countD[c];
        }
    std::map<std::string, std::map<std::string, std::pair<double, double>>> by;
    for (std::size_t n = 0; n < cells.size(); ++n)
        for (std::size_t a = 0; a < cells[n].size(); ++a)
            if (cells[n][a].second > 0)
                by[cs.nodeId(static_cast<int>(n))]
                  [cs.answerId(static_cast<int>(n), static_cast<int>(a))] = cells[n][a];
    detail::decisiveFrom(by, out);
}

void randomPlay(const CompiledScenario& cs, const RunState& root, bool timed, int maxTurns,
                const AnalysisOptions& opt, Analysis& out) {
    std::uint64_t state = opt.seed * 0x9E3779B97F4A7C15ull + 1;
    auto next = [&state] {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    std::vector<int> shown;
    double sum = 0;
    for (int run = 0; run < opt.randomRuns; ++run) {
        const std::uint64_t seed = next();
        RunState s = root;
        while (!s.finished() && s.turns < maxTurns) {
            cs.offered(s, seed, shown);
            if (shown.empty()) break;
            cs.play(s, shown[static_cast<std::size_t>(next() % shown.size())], 0, 0, timed);
        }
        const int total = cs.score(s, timed);
        sum += total;
        ++out.histogram[static_cast<std::size_t>(std::min(total / 10, 10))];
    }
    out.randomMean = opt.randomRuns > 0 ? sum / opt.randomRuns : 0;
}

}  // namespace

Analysis analyze(const std::shared_ptr<const Scenario>& sc, const AnalysisOptions& opt) {
    AttemptOptions so;
    so.seed = opt.seed;
    so.mode = Mode::Assessment;
    return analyze(Attempt(sc, so), opt);
}

Analysis analyze(const Attempt& from, const AnalysisOptions& opt) {
    const CompiledScenario cs(from.scenarioPtr());
    const bool timed = from.options().timed;
    const int maxTurns = detail::clampedTurns(opt.maxTurns);
    // The state after the history, re-played on the compiled form with its own timing.
    RunState root = cs.start(from.start());
    PathResult prefix;
    for (const Turn& t : from.turns()) {
        const int answer = cs.answerIndex(root.at, t.picked);
        if (root.finished() || answer < 0) break;
        cs.play(root, answer, t.seconds, t.allowance, timed);
        prefix.answers.push_back(t.picked);
        const auto at = std::find(t.shown.begin(), t.shown.end(), t.picked);
        prefix.shownNumbers.push_back(static_cast<int>(at - t.shown.begin()) + 1);
    }

    Analysis out;
    Graph g;
    if (explore(cs, root, from.options().seed, timed, maxTurns, opt, g)) {
        backward(g);
        summarise(cs, g, prefix, out);
        out.exhaustive = true;
        out.exact = true;
    } else {
        // Too many states: a search for the best and the worst runs, and a sample of runs for
        // the rest, each saying what it is.
        out = Analysis{};
        out.exhaustive = false;
        out.exact = false;
        out.stateBoundHit = true;
        out.states = g.size();
        g = Graph{};  // its memory, before the search takes its own
        if (opt.walkPastBound)
            detail::searchPastBound(cs, root, from.options().seed, timed, maxTurns, opt, prefix,
                                    out);
        double total = 0;
        out.pathsCounted = detail::countPaths(cs, root, maxTurns, opt.maxCourseStates, total);
        if (out.pathsCounted) {
            out.pathsApprox = total;
            out.pathsSaturated = total > kExact;
            out.paths = pathCount(total);
        }
    }
    out.prefixTurns = static_cast<int>(prefix.answers.size());
    randomPlay(cs, root, timed, maxTurns, opt, out);
    return out;
}

}  // namespace defuse
