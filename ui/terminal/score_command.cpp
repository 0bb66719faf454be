#include "score_command.hpp"

#include <iostream>
#include <nlohmann/json.hpp>

#include "defuse/difficulty.hpp"
#include "defuse/loader.hpp"
#include "defuse/paths.hpp"
#include "defuse/replay.hpp"
#include "defuse/text.hpp"
#include "report_json.hpp"

namespace defuse::term {

namespace fs = std::filesystem;

int check(const std::vector<std::string>& paths, bool quiet, Lang lang, bool strict) {
    std::vector<fs::path> ps(paths.begin(), paths.end());
    int errors = 0, warnings = 0, files = 0;
    for (const auto& f : checkPaths(ps)) {
        if (f.kind != FileKind::Unknown || !f.diagnostics.empty()) ++files;
        std::vector<Diagnostic> diags = f.diagnostics;
        if (f.scenario) {  // a file that did not load has no scenario to rate
            for (auto& d : checkIdealPath(f.scenario)) diags.push_back(std::move(d));
            for (auto& d : checkDifficulty(f.scenario)) diags.push_back(std::move(d));
        }
        if (strict)  // --strict: a warning is an error
            for (auto& d : diags) d.severity = Severity::Error;
        for (const auto& d : diags) std::cout << printable(d.format(lang)) << "\n";
        errors += countOf(diags, Severity::Error);
        warnings += countOf(diags, Severity::Warning);
    }
    std::cout << std::flush;
    auto count = [](int n, Msg one, Msg many) {
        return Message(n == 1 ? one : many, {std::to_string(n)});
    };
    if (!quiet)
        std::cerr << render(Message(Msg::CheckSummary,
                                    {count(files, Msg::CountFile, Msg::CountFiles),
                                     count(errors, Msg::CountError, Msg::CountErrors),
                                     count(warnings, Msg::CountWarning, Msg::CountWarnings)}),
                            lang)
                  << "\n";
    return errors > 0 ? 1 : 0;
}

namespace {

nlohmann::json toJson(const Replay& r, const Rescored& s, const std::vector<Diagnostic>& diags,
                      Lang lang) {
    using nlohmann::json;
    json j;
    j["file"] = r.file;
    j["scenario"] = r.scenarioId;
    j["trainee"] = r.trainee;
    j["mode"] = std::string(modeId(r.mode));
    j["language"] = r.lang;
    j["seed"] = r.seed;
    j["diagnostics"] = diagnosticsJson(diags, lang);
    if (!s.ok()) {
        j["score"] = nullptr;
        return j;
    }
    const ScoreReport& rep = s.report;
    j["score"] = rep.total;
    j["grade"] = rep.grade;
    j["finished"] = rep.finished;
    j["ending"] = rep.finished ? json(rep.endingId) : json(nullptr);
    j["ending_kind"] =
        rep.finished ? json(std::string(endingKindId(rep.endingKind))) : json(nullptr);
    j["turns"] = s.attempt->turns().size();
    j["components"] = componentsJson(rep);
    j["penalties"] = rep.penalties;
    json compUses = json::object();
    for (int c = 0; c < kCompetencyCount; ++c)
        compUses[std::string(competencyId(static_cast<Competency>(c)))] =
            rep.competencyUses[static_cast<std::size_t>(c)];
    j["competencies"] = compUses;
    j["anger"] = {{"start", rep.startAnger}, {"peak", rep.peakAnger}, {"end", rep.endAnger}};
    j["explanation"] = linesJson(rep, lang);
    j["better_answers"] = betterJson(rep, lang);
    return j;
}

}  // namespace

int score(const std::vector<std::string>& replays, const std::vector<std::string>& scenarioDirs,
          bool json, const std::string& lang) {
    std::vector<fs::path> dirs(scenarioDirs.begin(), scenarioDirs.end());
    dirs.push_back(bundledScenarioDir());
    nlohmann::json all = nlohmann::json::array();
    int status = 0;
    for (const auto& file : replays) {
        auto loaded = loadReplay(file);
        std::vector<Diagnostic> diags = loaded.diagnostics;
        Rescored s;
        Replay r;
        if (loaded.ok()) {
            r = *loaded.value;
            if (!lang.empty()) r.lang = lang;
            s = rescore(r, dirs);
            diags.insert(diags.end(), s.diagnostics.begin(), s.diagnostics.end());
        } else {
            r.file = file;
        }
        // The language of the words: --lang, else the replay's.
        Lang l = langFromCode(lang.empty() ? r.lang : lang);
        if (!s.ok() || hasErrors(diags)) status = 1;
        for (const auto& d : diags) std::cerr << printable(d.format(l)) << "\n";
        if (json) {
            all.push_back(toJson(r, s, diags, l));
            continue;
        }
        if (!s.ok()) continue;
        const ScoreReport& rep = s.report;
        auto out = [l](const Message& m) { return printable(render(m, l)); };
        std::cout << printable(file) << ": " << printable(s.scenario->title.get(langCode(l)))
                  << (r.trainee.empty() ? "" : " — " + printable(r.trainee)) << "\n";
        Message ending =
            rep.finished
                ? Message(Msg::ScoreEnding, {Message(rep.endingId),
                                             Message(std::string(endingKindId(rep.endingKind)))})
                : Message(Msg::ScoreNotFinished);
        std::cout << "  "
                  << out(Message(Msg::ScoreSummary,
                                 {Message::num(static_cast<long long>(rep.total)),
                                  Message(rep.grade), ending}))
                  << "\n";
        // How the run was played, always: an assessor must see a practice run for what it is.
        std::cout << "  "
                  << out(Message(Msg::ScoreHowPlayed,
                                 {Message(r.mode == Mode::Practice ? Msg::ModePractice
                                                                   : Msg::ModeAssessment),
                                  Message(r.timed ? Msg::ScoreTimed : Msg::ScoreUntimed),
                                  Message::num(static_cast<long long>(rep.rewinds))}))
                  << "\n";
        for (const auto& line : rep.lines) std::cout << "  " << out(line.message()) << "\n";
        for (const auto& b : rep.better)
            std::cout << "  "
                      << out(Message(Msg::ScoreBetter,
                                     {Message::num(static_cast<long long>(b.turn)),
                                      Message::of(b.betterText)}))
                      << "\n";
    }
    if (json) std::cout << all.dump(2) << "\n";
    return status;
}

}  // namespace defuse::term
