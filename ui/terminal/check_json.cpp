#include "check_json.hpp"

#include <iostream>
#include <nlohmann/json.hpp>

#include "defuse/difficulty.hpp"
#include "defuse/loader.hpp"
#include "report_json.hpp"

namespace defuse::term {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {
const char* kindName(FileKind k) {
    switch (k) {
        case FileKind::Scenario:
            return "scenario";
        case FileKind::Archetype:
            return "archetype";
        case FileKind::Curriculum:
            return "curriculum";
        case FileKind::Unknown:
            break;
    }
    return "unknown";
}
}  // namespace

int checkJson(const std::vector<std::string>& paths, Lang lang, bool strict) {
    std::vector<fs::path> ps(paths.begin(), paths.end());
    json files = json::array();
    json all = json::array();
    int errors = 0, warnings = 0;
    for (const auto& f : checkPaths(ps)) {
        std::vector<Diagnostic> diags = f.diagnostics;
        if (f.scenario) {  // a file that did not load has no scenario to rate
            for (auto& d : checkIdealPath(f.scenario)) diags.push_back(std::move(d));
            for (auto& d : checkDifficulty(f.scenario)) diags.push_back(std::move(d));
        }
        if (strict)  // --strict: a warning is an error
            for (auto& d : diags) d.severity = Severity::Error;
        errors += countOf(diags, Severity::Error);
        warnings += countOf(diags, Severity::Warning);
        // The shape of every other diagnostics list (play --json, score --json), with the
        // message's catalogue id, which stays the same in every language.
        json ds = diagnosticsJson(diags, lang);
        for (std::size_t i = 0; i < diags.size(); ++i) {
            ds[i]["id"] = std::string(msgName(diags[i].message.id));
            all.push_back(ds[i]);
        }
        files.push_back({{"file", f.path.string()},
                         {"kind", kindName(f.kind)},
                         {"errors", countOf(diags, Severity::Error)},
                         {"warnings", countOf(diags, Severity::Warning)}});
    }
    json out = {{"language", std::string(langCode(lang))},
                {"files", files},
                {"errors", errors},
                {"warnings", warnings},
                {"diagnostics", all}};
    // Invalid UTF-8 in a file name or a quoted value is replaced, never thrown on.
    std::cout << out.dump(2, ' ', false, json::error_handler_t::replace) << std::endl;
    return errors > 0 ? 1 : 0;
}

}  // namespace defuse::term
