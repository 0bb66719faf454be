// Playing a class's runs through the engine.
#include "defuse/store/generate.hpp"

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <random>

#include "defuse/library.hpp"
#include "defuse/paths.hpp"
#include "defuse/replay.hpp"

namespace defuse::store {

namespace fs = std::filesystem;

namespace {

const char* const kNames[] = {"Chen Jing", "Li Wei",    "Wang Fang", "Zhang Min", "Liu Yang",
                              "Zhao Lei",  "Sun Li",    "Zhou Hao",  "Wu Xia",    "Xu Tao",
                              "Hu Yan",    "Guo Qiang", "Ma Lin",    "Lin Hui",   "He Jun",
                              "Gao Ying",  "Luo Bin",   "Zheng Yu",  "Liang Mei", "Song Kai",
                              "Tang Rui",  "Han Xue",   "Feng Bo",   "Deng Ping"};

// An answer's worth as the trainee would find out: trust gained minus anger raised, or the
// whole run's score when it ends there.
double tryAnswer(const Attempt& a, std::size_t index) {
    Attempt probe(a);
    if (!probe.choose(index, 4.0)) return -1e9;
    if (probe.finished()) return 1000.0 + probe.score().total;
    return probe.mood().trust() - probe.mood().anger();
}

std::string isoAt(long long epoch) {
    std::time_t t = static_cast<std::time_t>(epoch);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

long long epochOf(const std::string& day) {
    std::tm tm{};
    int y = 2026, m = 9, d = 1;
    std::sscanf(day.c_str(), "%d-%d-%d", &y, &m, &d);
    tm.tm_year = y - 1900;
    tm.tm_mon = m - 1;
    tm.tm_mday = d;
    tm.tm_hour = 9;
    return static_cast<long long>(timegm(&tm));
}

}  // namespace

int playClass(const ClassOptions& o, std::string& error) {
    Library library;
    library.addFolder(bundledScenarioDir(), true);
    std::vector<std::shared_ptr<const Scenario>> scenarios;
    for (const LibraryEntry& e : library.entries())
        if (e.scenario) scenarios.push_back(e.scenario);
    std::sort(scenarios.begin(), scenarios.end(),
              [](const auto& a, const auto& b) { return a->id < b->id; });
    if (scenarios.empty()) {
        error = bundledScenarioDir().string() + ": no scenario loads";
        return 0;
    }
    if (static_cast<int>(scenarios.size()) > o.scenarios)
        scenarios.resize(static_cast<std::size_t>(o.scenarios));
    std::mt19937_64 rng(o.seed);
    const long long day0 = epochOf(o.firstDay);
    int written = 0;
    const int nNames = static_cast<int>(std::size(kNames));
    for (int t = 0; o.total > 0 || t < o.trainees; ++t) {
        std::string trainee = kNames[t % nNames];
        if (t >= nNames) trainee += " " + std::to_string(t / nNames + 1);
        // Some trainees learn faster than others; everyone gets better with practice.
        const double talent = std::uniform_real_distribution<double>(0.1, 0.6)(rng);
        char folder[16];
        std::snprintf(folder, sizeof folder, "t%03d", t + 1);
        const fs::path dir = o.out / folder;
        std::error_code ec;
        fs::create_directories(dir, ec);
        for (std::size_t s = 0; s < scenarios.size(); ++s) {
            for (int run = 0; run < o.runsPerScenario; ++run) {
                if (o.total > 0 && written >= o.total) return written;
                const auto& sc = scenarios[s];
                AttemptOptions ao;
                ao.seed = rng() % 1000000;
                ao.mode = run + 1 == o.runsPerScenario && o.runsPerScenario > 1 ? Mode::Assessment
                                                                                : Mode::Practice;
                ao.lang = t % 3 == 0 ? "zh" : "en";
                Attempt a(sc, ao);
                const double skill =
                    std::min(0.95, talent + 0.25 * run / std::max(1, o.runsPerScenario - 1));
                while (!a.finished() && !a.atTurnLimit()) {
                    const auto choices = a.choices();
                    if (choices.empty()) break;
                    std::size_t pick = rng() % choices.size();
                    if (std::uniform_real_distribution<double>(0, 1)(rng) < skill) {
                        double best = -1e18;
                        for (std::size_t i = 0; i < choices.size(); ++i)
                            if (double v = tryAnswer(a, i); v > best) {
                                best = v;
                                pick = i;
                            }
                    }
                    const double seconds = 3.0 + static_cast<double>(rng() % 12);
                    a.choose(pick, seconds);
                }
                const long long start = day0 + 86400LL * (static_cast<long long>(s) * 3 + run * 7) +
                                        3600LL * (t % 8) + static_cast<long long>(rng() % 3000);
                long long secs = 0;
                for (const Turn& turn : a.turns()) secs += static_cast<long long>(turn.seconds) + 5;
                char name[64];
                std::snprintf(name, sizeof name, "%s-%02d.yaml", sc->id.c_str(), run + 1);
                const fs::path file = dir / name;
                const Replay r = replayOf(a, trainee, isoAt(start),
                                          a.finished() ? isoAt(start + secs) : "", dir);
                if (!writeReplay(r, file, &error)) return written;
                ++written;
            }
        }
    }
    return written;
}

}  // namespace defuse::store
