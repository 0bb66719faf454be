#include "score_command.hpp"

#include <iostream>
#include <nlohmann/json.hpp>

#include "defuse/loader.hpp"
#include "defuse/paths.hpp"
#include "defuse/replay.hpp"

namespace defuse::term {

namespace fs = std::filesystem;

int check(const std::vector<std::string>& paths, bool quiet) {
    std::vector<fs::path> ps(paths.begin(), paths.end());
    int errors = 0, warnings = 0, files = 0;
    for (const auto& f : checkPaths(ps)) {
        if (f.kind != FileKind::Unknown || !f.diagnostics.empty()) ++files;
        for (const auto& d : f.diagnostics) std::cout << d.format() << "\n";
        errors += countOf(f.diagnostics, Severity::Error);
        warnings += countOf(f.diagnostics, Severity::Warning);
    }
    std::cout << std::flush;
    if (!quiet)
        std::cerr << "checked " << files << (files == 1 ? " file: " : " files: ") << errors
                  << (errors == 1 ? " error, " : " errors, ") << warnings << (warnings == 1 ? " warning" : " warnings")
                  << "\n";
    return errors > 0 ? 1 : 0;
}

namespace {

nlohmann::json toJson(const Replay& r, const Rescored& s, const std::vector<Diagnostic>& diags) {
    using nlohmann::json;
    json j;
    j["file"] = r.file;
    j["scenario"] = r.scenarioId;
    j["trainee"] = r.trainee;
    j["mode"] = std::string(modeId(r.mode));
    j["language"] = r.lang;
    j["seed"] = r.seed;
    json ds = json::array();
    for (const auto& d : diags)
        ds.push_back({{"file", d.file}, {"line", d.line}, {"column", d.column},
                      {"severity", d.severity == Severity::Error ? "error" : "warning"}, {"message", d.message}});
    j["diagnostics"] = ds;
    if (!s.ok()) {
        j["score"] = nullptr;
        return j;
    }
    const ScoreReport& rep = s.report;
    j["score"] = rep.total;
    j["grade"] = rep.grade;
    j["finished"] = rep.finished;
    j["ending"] = rep.finished ? json(rep.endingId) : json(nullptr);
    j["ending_kind"] = rep.finished ? json(std::string(endingKindId(rep.endingKind))) : json(nullptr);
    j["turns"] = s.session->turns().size();
    json comps = json::object();
    for (int c = 0; c < kComponentCount; ++c)
        comps[std::string(componentId(static_cast<Component>(c)))] = {{"points", rep.points[static_cast<std::size_t>(c)]},
                                                                       {"max", rep.max[static_cast<std::size_t>(c)]}};
    j["components"] = comps;
    j["penalties"] = rep.penalties;
    json compUses = json::object();
    for (int c = 0; c < kCompetencyCount; ++c)
        compUses[std::string(competencyId(static_cast<Competency>(c)))] = rep.competencyUses[static_cast<std::size_t>(c)];
    j["competencies"] = compUses;
    j["anger"] = {{"start", rep.startAnger}, {"peak", rep.peakAnger}, {"end", rep.endAnger}};
    json lines = json::array();
    for (const auto& l : rep.lines)
        lines.push_back({{"component", l.component}, {"points", l.points}, {"max", l.max}, {"text", l.text}});
    j["explanation"] = lines;
    json better = json::array();
    for (const auto& b : rep.better)
        better.push_back({{"turn", b.turn}, {"picked", b.picked}, {"better", b.better}, {"text", b.betterText}, {"why", b.why}});
    j["better_answers"] = better;
    return j;
}

}  // namespace

int score(const std::vector<std::string>& replays, const std::vector<std::string>& scenarioDirs, bool json,
          const std::string& lang) {
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
        if (!s.ok() || hasErrors(diags)) status = 1;
        for (const auto& d : diags) std::cerr << d.format() << "\n";
        if (json) {
            all.push_back(toJson(r, s, diags));
            continue;
        }
        if (!s.ok()) continue;
        const ScoreReport& rep = s.report;
        const std::string& l = r.lang;
        std::cout << file << ": " << s.scenario->title.get(l) << (r.trainee.empty() ? "" : " — " + r.trainee) << "\n";
        std::cout << "  " << (l == "zh" ? "得分 " : "score ") << rep.total << "/100, "
                  << (l == "zh" ? "等级 " : "grade ") << rep.grade << ", "
                  << (rep.finished ? (l == "zh" ? "结局 " : "ending ") + rep.endingId + " (" +
                                         std::string(endingKindId(rep.endingKind)) + ")"
                                   : std::string(l == "zh" ? "未结束" : "not finished"))
                  << "\n";
        for (const auto& line : rep.lines) std::cout << "  " << line.text << "\n";
        for (const auto& b : rep.better)
            std::cout << "  " << (l == "zh" ? "第 " + std::to_string(b.turn) + " 轮更好的回答：" : "Turn " + std::to_string(b.turn) + ", better: ")
                      << "\xE2\x80\x9C" << b.betterText << "\xE2\x80\x9D\n";
    }
    if (json) std::cout << all.dump(2) << "\n";
    return status;
}

}  // namespace defuse::term
