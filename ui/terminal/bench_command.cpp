// `defuse bench FILE`: how fast a scenario plays. Random play (a blind trainee, answers given
// instantly) three ways: the engine's compiled form, the Attempt every front end plays through,
// and a flat table of the same story (node -> answers -> next, the mood as integers), the
// machine's limit. Turns per CPU second, for scripts/bench.
#include "bench_command.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "defuse/attempt.hpp"
#include "defuse/compiled.hpp"
#include "defuse/replay.hpp"
#include "play.hpp"

namespace defuse::term {

namespace {

double cpuSeconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

struct Rate {
    long long turns = 0, runs = 0;
    double seconds = 0;
    double perSecond() const { return seconds > 0 ? turns / seconds : 0; }
};

/// Runs `run(seed)` (returning its turns) until `budget` CPU seconds have passed.
template <class Run>
Rate measure(double budget, Run run) {
    Rate r;
    const double start = cpuSeconds();
    std::uint64_t seed = 1;
    do {
        r.turns += run(seed++);
        ++r.runs;
        r.seconds = cpuSeconds() - start;
    } while (r.seconds < budget);
    return r;
}

/// The story as flat arrays: what the same random play costs with nothing but table lookups.
struct FlatTable {
    std::vector<int> first;  ///< per node: its first answer; first[n + 1] ends it
    std::vector<int> next;   ///< per answer: node, or -1 for an ending
    std::vector<std::array<int, kDimCount>> delta;
    int start = 0;
    Mood mood;

    explicit FlatTable(const Scenario& sc) {
        std::map<std::string, int> index;
        for (std::size_t i = 0; i < sc.nodes.size(); ++i)
            index.emplace(sc.nodes[i].id, static_cast<int>(i));
        for (const auto& n : sc.nodes) {
            first.push_back(static_cast<int>(next.size()));
            for (const auto& a : n.answers) {
                auto it = index.find(a.next);
                next.push_back(it == index.end() ? -1 : it->second);
                MoodDelta d = a.effect;
                for (const auto& t : a.tags)
                    if (auto r = sc.customer.reactions.find(t); r != sc.customer.reactions.end())
                        d += r->second;
                delta.push_back(d.d);
            }
        }
        first.push_back(static_cast<int>(next.size()));
        start = index.count(sc.start) ? index[sc.start] : 0;
        mood = sc.customer.start;
    }

    long long play(std::uint64_t seed, int maxTurns, long long& sink) const {
        std::uint64_t state = seed * 0x9E3779B97F4A7C15ull + 1;
        std::array<int, kDimCount> m = mood.v;
        int at = start, turns = 0;
        while (at >= 0 && turns < maxTurns) {
            const int lo = first[static_cast<std::size_t>(at)],
                      count = first[static_cast<std::size_t>(at) + 1] - lo;
            if (count == 0) break;
            state = splitmix64(state);
            const int a = lo + static_cast<int>(state % static_cast<std::uint64_t>(count));
            for (int d = 0; d < kDimCount; ++d)
                m[d] = std::clamp(m[d] + delta[static_cast<std::size_t>(a)][d], 0, 100);
            at = next[static_cast<std::size_t>(a)];
            ++turns;
        }
        sink += m[0] + m[1] + m[2];
        return turns;
    }
};

}  // namespace

int benchScenario(const std::string& scenario, double seconds, bool json) {
    auto sc = resolveScenario(scenario);
    if (!sc) return 1;
    const int maxTurns = kMaxReplayTurns;
    const double loadStart = cpuSeconds();
    const CompiledScenario cs(sc);
    const double compileSeconds = cpuSeconds() - loadStart;
    std::vector<int> shown;
    long long sink = 0;
    const Rate compiled = measure(seconds, [&](std::uint64_t seed) {
        RunState s = cs.start();
        while (!s.finished() && s.turns < maxTurns) {
            cs.offered(s, seed, shown);
            if (shown.empty()) break;
            seed = splitmix64(seed);
            cs.play(s, shown[seed % shown.size()], 0, 0, true);
        }
        sink += cs.score(s, true);
        return s.turns;
    });
    AttemptOptions o;
    o.mode = Mode::Assessment;
    const Rate attempt = measure(seconds, [&](std::uint64_t seed) {
        o.seed = seed;
        Attempt a(sc, o);
        std::uint64_t r = seed;
        while (!a.finished() && !a.atTurnLimit()) {
            const auto n = a.shownIds().size();
            if (n == 0) break;
            r = splitmix64(r);
            a.choose(static_cast<std::size_t>(r % n), 0);
        }
        sink += a.score().total;
        return static_cast<long long>(a.turns().size());
    });
    const FlatTable flat(*sc);
    const Rate table =
        measure(seconds, [&](std::uint64_t seed) { return flat.play(seed, maxTurns, sink); });
    if (json) {
        nlohmann::json j;
        j["scenario"] = sc->id;
        j["nodes"] = sc->nodes.size();
        j["compile_seconds"] = compileSeconds;
        auto rate = [](const Rate& r) {
            return nlohmann::json{{"turns", r.turns},
                                  {"runs", r.runs},
                                  {"cpu_seconds", r.seconds},
                                  {"turns_per_second", r.perSecond()},
                                  {"turns_per_run", r.runs ? double(r.turns) / r.runs : 0}};
        };
        j["compiled"] = rate(compiled);
        j["attempt"] = rate(attempt);
        j["flat_table"] = rate(table);
        j["checksum"] = sink;
        std::cout << j.dump(2) << "\n";
        return 0;
    }
    std::printf("%s: %zu nodes, compiled in %.3f s\n", sc->id.c_str(), sc->nodes.size(),
                compileSeconds);
    std::printf("  compiled form %12.0f turns/s (%.0f turns a run)\n", compiled.perSecond(),
                compiled.runs ? double(compiled.turns) / compiled.runs : 0);
    std::printf("  Attempt       %12.0f turns/s\n", attempt.perSecond());
    std::printf("  flat table    %12.0f turns/s\n", table.perSecond());
    return 0;
}

}  // namespace defuse::term
