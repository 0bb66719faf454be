#include "defuse/analysis.hpp"

#include <algorithm>
#include <map>

#include "defuse/attempt.hpp"
#include "defuse/scoring.hpp"

namespace defuse {

namespace {

struct Walker {
    Analysis& out;
    // node -> answer -> (sum of scores, count) of the paths that picked it there first
    std::map<std::string, std::map<std::string, std::pair<double, int>>> byChoice;

    void finish(const Attempt& s) {
        ++out.paths;
        ScoreReport r =
            scoreRun(s.scenario(), s.turns(), s.scenario().customer.start, s.ending(), true, false);
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
        std::map<std::string, bool> seen;
        for (const auto& t : s.turns()) {
            if (seen[t.node]) continue;
            seen[t.node] = true;
            auto& cell = byChoice[t.node][t.picked];
            cell.first += r.total;
            cell.second += 1;
        }
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

bool forEachContinuation(const Attempt& from, std::uint64_t maxPaths, int maxTurns,
                         const std::function<void(const Attempt&)>& visit) {
    Continuations c{maxPaths, maxTurns, visit};
    c.walk(from);
    return c.complete;
}

Analysis analyze(const std::shared_ptr<const Scenario>& sc, const AnalysisOptions& opt) {
    Analysis out;
    AttemptOptions so;
    so.seed = opt.seed;
    so.mode = Mode::Assessment;
    Walker w{out, {}};
    out.exhaustive = forEachContinuation(Attempt(sc, so), opt.maxPaths, opt.maxTurns,
                                         [&w](const Attempt& s) { w.finish(s); });

    for (const auto& [node, answers] : w.byChoice) {
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
    std::sort(out.decisive.begin(), out.decisive.end(),
              [](const DecisiveNode& a, const DecisiveNode& b) { return a.spread > b.spread; });

    // Random play: a trainee who picks blindly.
    std::uint64_t state = opt.seed * 0x9E3779B97F4A7C15ull + 1;
    auto next = [&state] {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return state;
    };
    double sum = 0;
    for (int run = 0; run < opt.randomRuns; ++run) {
        AttemptOptions ro = so;
        ro.seed = next();
        Attempt s(sc, ro);
        while (!s.finished() && static_cast<int>(s.turns().size()) < opt.maxTurns) {
            auto n = s.shownIds().size();
            if (n == 0) break;
            s.choose(static_cast<std::size_t>(next() % n), 0);
        }
        int total = scoreRun(*sc, s.turns(), sc->customer.start, s.ending(), true, false).total;
        sum += total;
        ++out.histogram[static_cast<std::size_t>(std::min(total / 10, 10))];
    }
    out.randomMean = opt.randomRuns > 0 ? sum / opt.randomRuns : 0;
    return out;
}

}  // namespace defuse
