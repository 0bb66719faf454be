#include "curriculum_command.hpp"

#include <filesystem>
#include <iostream>

#include "defuse/curriculum.hpp"
#include "defuse/library.hpp"
#include "defuse/loader.hpp"
#include "defuse/paths.hpp"

namespace defuse::term {

namespace fs = std::filesystem;

namespace {

void printText(const Curriculum& c, const std::vector<PrincipleCoverage>& cov,
               std::size_t scenarios, Lang lang) {
    const std::string code(langCode(lang));
    std::cout << tr(lang, Msg::CurriculumTitle,
                    {c.file, std::to_string(c.principles.size()), std::to_string(scenarios)})
              << "\n";
    for (const auto& pc : cov) {
        const Principle& p = *pc.principle;
        std::cout << "\n"
                  << printable(p.id) << "  " << printable(p.name.get(code)) << "  ("
                  << tr(lang, Msg::CurriculumSeed, {p.seed}) << ")\n  "
                  << printable(p.statement.get(code)) << "\n  "
                  << tr(lang, Msg::CurriculumTaughtAt,
                        {std::to_string(pc.points.size()), std::to_string(pc.scenarios.size())});
        if (!pc.points.empty()) std::cout << ": " << printable(whereTaught(pc, lang));
        std::cout << "\n";
    }
}

}  // namespace

int curriculumCommand(const CurriculumCommandOptions& options, Lang fallback) {
    Lang lang = options.lang.empty() ? fallback : langFromCode(options.lang);
    fs::path dir = options.folder.empty() ? bundledScenarioDir() : fs::path(options.folder);
    auto file = findCurriculum(dir);
    if (!file) {
        std::cerr << tr(lang, Msg::CurriculumNotFound, {printable(dir.string())}) << "\n";
        return 1;
    }
    auto c = loadCurriculum(*file);
    for (const auto& d : c.diagnostics) std::cerr << d.format(lang) << "\n";
    if (!c.ok()) return 1;
    int exit = 0;
    Library library;
    library.addFolder(dir, false);
    for (const auto& e : library.entries()) {
        if (e.scenario) continue;
        for (const auto& d : e.diagnostics) std::cerr << d.format(lang) << "\n";
        exit = 1;
    }
    auto scenarios = library.scenarios();
    auto cov = coverage(*c.value, scenarios);
    if (options.markdown)
        std::cout << coverageMarkdown(cov, lang);
    else
        printText(*c.value, cov, scenarios.size(), lang);
    int thin = 0;
    for (const auto& pc : cov) {
        if (static_cast<int>(pc.points.size()) >= kMinDecisionPoints) continue;
        ++thin;
        Diagnostic d{
            c.value->file, pc.principle->pos.line, pc.principle->pos.column, Severity::Warning,
            Message(Msg::CurriculumThin, {pc.principle->id, std::to_string(pc.points.size()),
                                          std::to_string(kMinDecisionPoints)})};
        std::cerr << d.format(lang) << "\n";
    }
    if (!options.markdown)
        std::cout << "\n" << tr(lang, Msg::CurriculumSummary, {std::to_string(thin)}) << "\n";
    return exit;
}

}  // namespace defuse::term
