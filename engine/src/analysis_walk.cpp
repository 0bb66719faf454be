// The path walk: every way a run can go on, re-played answer by answer with Attempt. The exact
// analysis (analysis.cpp) replaced it; it stays as the reference the tests compare with, and as
// the fallback when the state bound is hit.
#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include "analysis_internal.hpp"
#include "defuse/analysis.hpp"
#include "defuse/attempt.hpp"
#include "defuse/replay.hpp"
#include "defuse/scoring.hpp"

namespace defuse {

namespace {

struct Walker {
    Analysis& out;
    int prefix = 0;
    // node -> answer -> (sum of scores, count) of the runs through it, a visit each
    std::map<std::string, std::map<std::string, std::pair<double, double>>> byChoice;
    std::map<std::string, EndingRange> endings;

    void finish(const Attempt& s) {
        ++out.paths;
        ScoreReport r =
            scoreRun(s.scenario(), s.turns(), s.startMood(), s.ending(), s.options().timed, false);
        PathResult p;
        for (const auto& t : s.turns()) {
            p.answers.push_back(t.picked);
            const auto at = std::find(t.shown.begin(), t.shown.end(), t.picked);
            p.shownNumbers.push_back(static_cast<int>(at - t.shown.begin()) + 1);
        }
        p.score = r.total;
        p.ending = r.endingId;
        if (out.best.score < 0 || p.score > out.best.score) out.best = p;
        if (out.worst.score < 0 || p.score < out.worst.score) out.worst = p;
        for (std::size_t i = static_cast<std::size_t>(prefix); i < s.turns().size(); ++i) {
            auto& cell = byChoice[s.turns()[i].node][s.turns()[i].picked];
            cell.first += r.total;
            cell.second += 1;
        }
        EndingRange& e = endings[r.endingId];
        e.ending = r.endingId;
        e.best = std::max(e.best, r.total);
        e.worst = e.worst < 0 ? r.total : std::min(e.worst, r.total);
        ++e.paths;
        e.pathsApprox += 1;
    }
};

struct Continuations {
    std::uint64_t maxPaths;
    int maxTurns;
    const std::function<void(const Attempt&)>& visit;
    std::uint64_t visited = 0;
    bool complete = true;

    void walk(const Attempt& s) {
        if (visited >= maxPaths) {
            complete = false;
            return;
        }
        if (s.finished() || static_cast<int>(s.turns().size()) >= maxTurns) {
            ++visited;
            visit(s);
            return;
        }
        const std::size_t shown = s.shownIds().size();
        for (std::size_t i = 0; i < shown; ++i) {
            Attempt next = s;
            next.choose(i, 0);
            walk(next);
        }
    }
};

}  // namespace

namespace detail {

void decisiveFrom(const std::map<std::string, std::map<std::string, std::pair<double, double>>>& by,
                  Analysis& out) {
    for (const auto& [node, answers] : by) {
        if (answers.size() < 2) continue;
        DecisiveNode d;
        d.node = node;
        double hi = -1, lo = 101;
        for (const auto& [answer, cell] : answers) {
            double mean = cell.first / cell.second;
            if (mean > hi) {
                hi = mean;
                d.bestAnswer = answer;
            }
            if (mean < lo) {
                lo = mean;
                d.worstAnswer = answer;
            }
        }
        d.spread = hi - lo;
        out.decisive.push_back(d);
    }
    std::stable_sort(
        out.decisive.begin(), out.decisive.end(),
        [](const DecisiveNode& a, const DecisiveNode& b) { return a.spread > b.spread; });
}

int clampedTurns(int maxTurns) { return std::clamp(maxTurns, 0, kMaxReplayTurns); }

}  // namespace detail

bool forEachContinuation(const Attempt& from, std::uint64_t maxPaths, int maxTurns,
                         const std::function<void(const Attempt&)>& visit) {
    Continuations c{maxPaths, detail::clampedTurns(maxTurns), visit};
    c.walk(from);
    return c.complete;
}

Analysis analyzeByWalking(const Attempt& from, const AnalysisOptions& opt) {
    Analysis out;
    out.prefixTurns = static_cast<int>(from.turns().size());
    Walker w{out, out.prefixTurns, {}, {}};
    out.exhaustive = forEachContinuation(from, opt.maxPaths, opt.maxTurns,
                                         [&w](const Attempt& s) { w.finish(s); });
    out.exact = out.exhaustive;
    out.pathsApprox = static_cast<double>(out.paths);
    detail::decisiveFrom(w.byChoice, out);
    for (const auto& e : from.scenario().endings)
        if (auto it = w.endings.find(e.id); it != w.endings.end())
            out.endings.push_back(it->second);
    if (auto it = w.endings.find(""); it != w.endings.end()) out.endings.push_back(it->second);

    // Random play: a trainee who picks blindly, re-played with Attempt.
    std::uint64_t state = opt.seed * 0x9E3779B97F4A7C15ull + 1;
    auto next = [&state] {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    const int maxTurns = detail::clampedTurns(opt.maxTurns);
    double sum = 0;
    for (int run = 0; run < opt.randomRuns; ++run) {
        AttemptOptions ro = from.options();
        ro.seed = next();
        Attempt s(from.scenarioPtr(), ro, from.start());
        for (const Turn& t : from.turns()) s.chooseId(t.picked, t.seconds);
        while (!s.finished() && static_cast<int>(s.turns().size()) < maxTurns) {
            auto n = s.shownIds().size();
            if (n == 0) break;
            s.choose(static_cast<std::size_t>(next() % n), 0);
        }
        int total =
            scoreRun(s.scenario(), s.turns(), s.startMood(), s.ending(), s.options().timed, false)
                .total;
        sum += total;
        ++out.histogram[static_cast<std::size_t>(std::min(total / 10, 10))];
    }
    out.randomMean = opt.randomRuns > 0 ? sum / opt.randomRuns : 0;
    return out;
}

}  // namespace defuse
