// `defuse blind`: content-blind players over a library, and how often each cue picks the
// best answer.
#include "blind_command.hpp"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "defuse/blind.hpp"
#include "defuse/library.hpp"
#include "defuse/paths.hpp"
#include "defuse/text.hpp"

namespace defuse::term {

namespace {

namespace fs = std::filesystem;

Msg playerName(BlindRule r) {
    switch (r) {
        case BlindRule::Longest:
            return Msg::BlindLongest;
        case BlindRule::Shortest:
            return Msg::BlindShortest;
        case BlindRule::MostQuestions:
            return Msg::BlindMostQuestions;
        case BlindRule::FewestExclamations:
            return Msg::BlindFewestExclamations;
        case BlindRule::MostExclamations:
            return Msg::BlindMostExclamations;
        case BlindRule::NoPoliteness:
            return Msg::BlindNoPoliteness;
        case BlindRule::Agrees:
            return Msg::BlindAgrees;
        case BlindRule::Apologises:
            return Msg::BlindApologises;
        case BlindRule::MostFirstPerson:
            return Msg::BlindFirstPerson;
        case BlindRule::Combined:
            return Msg::BlindCombined;
        case BlindRule::Random:
            return Msg::BlindRandom;
    }
    return Msg::BlindRandom;
}

std::string fixed1(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

std::string percent(double share) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.0f%%", share * 100);
    return buf;
}

// `s` padded with spaces to `width` columns (wide characters count two).
std::string padded(const std::string& s, int width) {
    int w = displayWidth(s);
    return s + std::string(static_cast<std::size_t>(std::max(1, width - w)), ' ');
}

void printDiagnostics(const std::vector<Diagnostic>& diags, Lang words) {
    for (const auto& d : diags) std::cerr << d.format(words) << "\n";
}

// The scenarios named (files, folders, bundled ids), or the bundled library; the first of an
// id wins. Sets `failed` when one named does not load.
std::vector<std::shared_ptr<const Scenario>> gather(const std::vector<std::string>& targets,
                                                    Lang words, bool& failed) {
    std::vector<std::shared_ptr<const Scenario>> out;
    std::set<std::string> ids;
    auto add = [&](std::shared_ptr<const Scenario> sc) {
        if (sc && ids.insert(sc->id).second) out.push_back(std::move(sc));
    };
    auto fromFolder = [&](const fs::path& dir, bool bundled) {
        Library lib;
        lib.addFolder(dir, bundled);
        for (const auto& e : lib.entries()) {
            if (!e.scenario) {
                printDiagnostics(e.diagnostics, words);
                failed = true;
            }
            add(e.scenario);
        }
    };
    if (targets.empty()) {
        fromFolder(bundledScenarioDir(), true);
        return out;
    }
    Library bundled;
    bool bundledLoaded = false;
    for (const auto& t : targets) {
        std::error_code ec;
        if (fs::is_directory(t, ec)) {
            fromFolder(t, false);
            continue;
        }
        if (!fs::exists(t, ec) && !bundledLoaded) {
            bundled.addFolder(bundledScenarioDir(), true);
            bundledLoaded = true;
        }
        auto r = resolveScenario(t, bundled);
        if (!r.ok()) {
            printDiagnostics(r.diagnostics, words);
            failed = true;
        }
        add(r.value);
    }
    return out;
}

nlohmann::json hitsJson(const BlindHits& h) {
    const auto& players = blindPlayers();
    nlohmann::json byPlayer = nlohmann::json::object();
    for (std::size_t p = 0; p < players.size(); ++p)
        byPlayer[std::string(players[p].id)] = {{"hit_rate", h.share(p)},
                                                {"decides", h.decidedShare(p)}};
    return {{"sets", h.sets}, {"chance", h.share(blindRandomIndex())}, {"players", byPlayer}};
}

nlohmann::json meansJson(const std::vector<double>& mean) {
    const auto& players = blindPlayers();
    nlohmann::json j = nlohmann::json::object();
    for (std::size_t p = 0; p < players.size(); ++p) j[std::string(players[p].id)] = mean[p];
    return j;
}

nlohmann::json reportJson(const BlindReport& r, std::size_t scenarios) {
    const auto& players = blindPlayers();
    nlohmann::json j;
    j["scenarios"] = scenarios;
    j["runs"] = r.options.runs;
    j["seed"] = r.options.seed;
    j["seconds_per_answer"] = 0;
    nlohmann::json ps = nlohmann::json::array();
    for (const auto& p : players) ps.push_back(p.id);
    j["players"] = ps;
    nlohmann::json langs = nlohmann::json::array();
    for (const auto& L : r.langs) {
        nlohmann::json l;
        l["lang"] = L.lang;
        l["mean"] = meansJson(L.mean);
        l["best"] = {{"player", players[L.best].id}, {"mean", L.mean[L.best]}};
        l["random"] = L.mean[blindRandomIndex()];
        l["hits"] = hitsJson(L.hits);
        nlohmann::json scs = nlohmann::json::array();
        for (const auto& S : L.scenarios)
            scs.push_back({{"id", S.id}, {"mean", meansJson(S.mean)}, {"hits", hitsJson(S.hits)}});
        l["scenarios"] = scs;
        langs.push_back(l);
    }
    j["languages"] = langs;
    return j;
}

std::string reportText(const BlindReport& r, std::size_t scenarios, Lang words) {
    std::ostringstream out;
    const auto& players = blindPlayers();
    const std::size_t random = blindRandomIndex();
    auto say = [&](Message m) { return render(m, words); };
    out << say(Message(Msg::BlindTitle, {Message::num(static_cast<long long>(scenarios)),
                                         Message::num(static_cast<long long>(r.options.runs))}))
        << "\n\n";

    // Players x languages: the mean score.
    int first = displayWidth(say(Msg::BlindPlayerColumn));
    for (const auto& p : players) first = std::max(first, displayWidth(say(playerName(p.rule))));
    first += 2;
    out << padded(say(Msg::BlindPlayerColumn), first);
    for (const auto& L : r.langs) out << padded(L.lang, 8);
    out << "\n";
    for (std::size_t p = 0; p < players.size(); ++p) {
        out << padded(say(playerName(players[p].rule)), first);
        for (const auto& L : r.langs) out << padded(fixed1(L.mean[p]), 8);
        out << "\n";
    }
    out << "\n";
    for (const auto& L : r.langs) {
        out << say(Message(Msg::BlindBestLine,
                           {Message(L.lang), Message(playerName(players[L.best].rule)),
                            Message(fixed1(L.mean[L.best]))}))
            << "\n";
        out << say(Message(Msg::BlindRandomLine,
                           {Message(L.lang), Message(fixed1(L.mean[random]))}))
            << "\n";
    }

    // Cues x languages: the hit rate, and in brackets how often the cue decides.
    std::vector<Message> sets;
    for (const auto& L : r.langs)
        sets.push_back(
            Message(Msg::BlindSetsIn,
                    {Message(L.lang), Message::num(static_cast<long long>(L.hits.sets))}));
    out << "\n"
        << say(Message(Msg::BlindHitsHead, {Message::join(Msg::SepEnum, std::move(sets))})) << "\n";
    int cueFirst = std::max(first, displayWidth(say(Msg::BlindCueColumn)) + 2);
    out << padded(say(Msg::BlindCueColumn), cueFirst);
    for (const auto& L : r.langs) out << padded(L.lang, 14);
    out << "\n";
    for (std::size_t p = 0; p < players.size(); ++p) {
        if (p == random) continue;
        out << padded(say(playerName(players[p].rule)), cueFirst);
        for (const auto& L : r.langs)
            out << padded(percent(L.hits.share(p)) + " (" + percent(L.hits.decidedShare(p)) + ")",
                          14);
        out << "\n";
    }
    out << padded(say(Msg::BlindChance), cueFirst);
    for (const auto& L : r.langs) out << padded(percent(L.hits.share(random)), 14);
    out << "\n" << say(Msg::BlindHitsNote) << "\n";

    // Scenarios x languages: the best blind player there, and random play.
    std::vector<std::string> ids;
    for (const auto& L : r.langs)
        for (const auto& S : L.scenarios)
            if (std::find(ids.begin(), ids.end(), S.id) == ids.end()) ids.push_back(S.id);
    std::vector<std::vector<std::string>> cells(ids.size(),
                                                std::vector<std::string>(r.langs.size(), "-"));
    std::vector<int> widths(r.langs.size(), 0);
    for (std::size_t l = 0; l < r.langs.size(); ++l) {
        for (const auto& S : r.langs[l].scenarios) {
            std::size_t best = 0;
            for (std::size_t p = 0; p < players.size(); ++p)
                if (p != random && S.mean[p] > S.mean[best]) best = p;
            auto row =
                static_cast<std::size_t>(std::find(ids.begin(), ids.end(), S.id) - ids.begin());
            cells[row][l] = std::string(players[best].id) + " " + fixed1(S.mean[best]) + ", " +
                            std::string(players[random].id) + " " + fixed1(S.mean[random]);
        }
        widths[l] = displayWidth(r.langs[l].lang);
        for (const auto& row : cells) widths[l] = std::max(widths[l], displayWidth(row[l]));
        widths[l] += 3;
    }
    int scFirst = displayWidth(say(Msg::BlindScenarioColumn));
    for (const auto& id : ids) scFirst = std::max(scFirst, displayWidth(id));
    scFirst += 2;
    out << "\n" << say(Msg::BlindPerScenario) << "\n";
    out << padded(say(Msg::BlindScenarioColumn), scFirst);
    for (std::size_t l = 0; l < r.langs.size(); ++l) out << padded(r.langs[l].lang, widths[l]);
    out << "\n";
    for (std::size_t i = 0; i < ids.size(); ++i) {
        out << padded(ids[i], scFirst);
        for (std::size_t l = 0; l < r.langs.size(); ++l) out << padded(cells[i][l], widths[l]);
        out << "\n";
    }
    // No trailing spaces from the padding.
    std::string text, line;
    std::istringstream in(out.str());
    while (std::getline(in, line)) {
        line.erase(line.find_last_not_of(' ') + 1);
        text += line + "\n";
    }
    return text;
}

}  // namespace

int blindCommand(const BlindCommandOptions& options, Lang words) {
    bool failed = false;
    auto scenarios = gather(options.targets, words, failed);
    if (scenarios.empty()) {
        std::cerr << render(Msg::BlindNothing, words) << "\n";
        return failed ? 1 : 2;
    }
    BlindOptions bo;
    if (options.lang == "en" || options.lang == "zh") bo.langs = {options.lang};
    bo.runs = options.runs;
    bo.seed = options.seed;
    BlindReport report = measureBlind(scenarios, bo);
    if (options.json)
        std::cout << reportJson(report, scenarios.size()).dump(2) << "\n";
    else
        std::cout << reportText(report, scenarios.size(), words);
    return failed ? 1 : 0;
}

}  // namespace defuse::term
