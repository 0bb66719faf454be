// `defuse store class` and `defuse store bench`: a class played through the engine, and the
// store's benchmark.
#include <chrono>
#include <iostream>

#include "defuse/store/dashboard.hpp"
#include "defuse/store/generate.hpp"
#include "defuse/store/local.hpp"
#include "defuse/text.hpp"
#include "store_command.hpp"

namespace defuse::term {

namespace fs = std::filesystem;
using namespace defuse::store;

namespace {

std::string say(const Message& m, Lang lang) { return printable(render(m, lang)); }

double secondsSince(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

Message seconds(double s) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", s);
    return Message(std::string(buf));
}

}  // namespace

int storeClass(const std::string& dir, int trainees, int scenarios, int runs, std::uint64_t seed,
               Lang lang) {
    ClassOptions c;
    c.out = dir;
    c.trainees = trainees;
    c.scenarios = scenarios;
    c.runsPerScenario = runs;
    c.seed = seed;
    std::string why;
    const int n = playClass(c, why);
    if (!why.empty()) {
        std::cerr << "defuse: " << printable(why) << "\n";
        return 4;
    }
    std::cout << say(Message(Msg::StoreClassPlayed,
                             {Message::num(static_cast<long long>(n)),
                              Message::num(static_cast<long long>(trainees)),
                              Message::num(static_cast<long long>(scenarios)), dir}),
                     lang)
              << "\n";
    return 0;
}

// Plays N replays (or takes them from --dir), indexes them into a fresh store, reads them
// back and works out the dashboard.
int storeBench(int count, const std::string& dir, std::uint64_t seed, Lang lang) {
    std::error_code ec;
    const fs::path work =
        dir.empty() ? fs::temp_directory_path() / "defuse-store-bench" : fs::path(dir);
    const fs::path replays = work / "replays";
    const fs::path file = work / "bench.sqlite";
    if (!fs::exists(replays, ec)) {
        auto t0 = std::chrono::steady_clock::now();
        ClassOptions c;
        c.out = replays;
        c.scenarios = 8;
        c.runsPerScenario = 3;
        c.total = count;
        c.seed = seed;
        std::string why;
        const int n = playClass(c, why);
        if (!why.empty()) {
            std::cerr << "defuse: " << printable(why) << "\n";
            return 4;
        }
        std::cout << say(Message(Msg::StoreBenchPlayed, {Message::num(static_cast<long long>(n)),
                                                         seconds(secondsSince(t0))}),
                         lang)
                  << "\n";
    }
    for (const char* ext : {"", "-wal", "-shm"}) fs::remove(file.string() + ext, ec);
    std::string why;
    auto s = LocalStore::open(file, why);
    if (!s) {
        std::cerr << say(Message(Msg::StoreCannotOpen, {file.string(), why}), lang) << "\n";
        return 3;
    }
    auto t1 = std::chrono::steady_clock::now();
    Indexer indexer({}, "bench");
    const ImportResult r = s->importDir(replays, indexer);
    const double indexSeconds = secondsSince(t1);
    reportUnreadable(r, lang);
    s.reset();
    const double mb = static_cast<double>(fs::file_size(file, ec)) / 1e6;
    char rate[32], size[32];
    std::snprintf(rate, sizeof rate, "%.0f", r.indexed / std::max(indexSeconds, 1e-9));
    std::snprintf(size, sizeof size, "%.1f", mb);
    std::cout << say(Message(
                         Msg::StoreBenchIndexed,
                         {Message::num(static_cast<long long>(r.indexed)), seconds(indexSeconds),
                          Message(std::string(rate)), Message(std::string(size))}),
                     lang)
              << "\n";
    s = LocalStore::open(file, why);
    auto t2 = std::chrono::steady_clock::now();
    const auto rows = s->list({});
    const double readSeconds = secondsSince(t2);
    auto t3 = std::chrono::steady_clock::now();
    const Dashboard d = summarize(rows, {});
    const double dashSeconds = secondsSince(t3);
    std::cout << say(Message(
                         Msg::StoreBenchRead,
                         {Message::num(static_cast<long long>(rows.size())), seconds(readSeconds),
                          Message::num(static_cast<long long>(d.trainees.size())),
                          Message::num(static_cast<long long>(d.scenarios.size())),
                          seconds(dashSeconds)}),
                     lang)
              << "\n";
    return r.unreadable.empty() ? 0 : 1;
}

}  // namespace defuse::term
