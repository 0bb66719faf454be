// Checking files and folders, and loading a library of scenarios.
#include <algorithm>
#include <map>
#include <set>

#include "defuse/files.hpp"
#include "defuse/loader.hpp"
#include "loader_internal.hpp"

namespace defuse {

namespace fs = std::filesystem;
using namespace detail;

namespace {

CheckedFile checkFile(const fs::path& file) {
    CheckedFile out;
    out.path = file;
    auto text = readSource(file.string(), out.diagnostics);
    if (!text) return out;
    std::vector<Diagnostic> parseDiags;
    auto root = parseYaml(*text, file.string(), parseDiags);
    if (!root) {
        out.diagnostics = parseDiags;
        return out;
    }
    std::string kind = kindOf(*root);
    if (kind == "archetype") {
        out.kind = FileKind::Archetype;
        out.diagnostics =
            loadArchetypeTree(*text, &*root, file.string(), parseDiags).diagnostics;  // parsed once
    } else if (kind == "curriculum") {
        out.kind = FileKind::Curriculum;
        out.diagnostics = loadCurriculumTree(&*root, file.string(), parseDiags).diagnostics;
    } else if (kind == "scenario") {
        out.kind = FileKind::Scenario;
        fs::path dir = file.parent_path().empty() ? fs::path(".") : file.parent_path();
        auto r = loadScenarioTree(*text, &*root, file.string(), {dir}, parseDiags);
        out.scenario = r.value;
        out.diagnostics = r.diagnostics;
    } else {
        SourcePos p = root->pos;
        Message msg = kind.empty() ? Message(Msg::NoKind) : Message(Msg::UnknownKind, {kind});
        if (!root->isMap()) {
            msg = Message(Msg::FileNotAMapping, {typeName(*root)});
        } else {
            for (const auto& [k, v] : root->entries) {
                if (k.isScalar() && k.value == "kind") {
                    p = v.pos;
                    if (!v.isScalar()) msg = Message(Msg::KindNotText, {typeName(v)});
                    break;
                }
            }
        }
        out.diagnostics.push_back({file.string(), p.line, p.column, Severity::Error, msg});
    }
    return out;
}

// A scenario's file lists its archetype's errors (at the archetype's lines) when the archetype
// is broken. They show once: not when the archetype file is checked itself, and not again for
// a second scenario of the same archetype.
void reportArchetypesOnce(std::vector<CheckedFile>& files) {
    auto canon = [](const fs::path& p) {
        std::error_code ec;
        fs::path c = fs::weakly_canonical(p, ec);
        return ec ? p.lexically_normal() : c;
    };
    std::set<fs::path> checked;
    for (const auto& f : files) checked.insert(canon(f.path));
    std::set<std::string> shown;
    for (auto& f : files) {
        std::string own = f.path.string();
        auto& ds = f.diagnostics;
        ds.erase(std::remove_if(ds.begin(), ds.end(),
                                [&](const Diagnostic& d) {
                                    if (d.file == own) return false;
                                    fs::path c = canon(d.file);
                                    if (checked.count(c)) return true;
                                    std::string key = c.string() + ':' + std::to_string(d.line) +
                                                      ':' + std::to_string(d.column) + ':' +
                                                      d.text(Lang::En);
                                    return !shown.insert(key).second;
                                }),
                 ds.end());
    }
}
// In a check of several files: an archetype rule that counts a cue no scenario using the
// archetype gives can never apply (a typo on one side, or a rule for scenarios not written).
void rulesWithoutCues(std::vector<CheckedFile>& files) {
    auto canon = [](const fs::path& p) {
        std::error_code ec;
        fs::path c = fs::weakly_canonical(p, ec);
        return ec ? p.lexically_normal() : c;
    };
    std::map<fs::path, std::set<std::string>> given;  // archetype file -> cues its scenarios give
    for (const auto& f : files) {
        if (!f.scenario || f.scenario->customer.file.empty()) continue;
        auto& cues = given[canon(f.scenario->customer.file)];
        for (const auto& n : f.scenario->nodes) cues.insert(n.cues.begin(), n.cues.end());
    }
    for (auto& f : files) {
        if (f.kind != FileKind::Archetype || hasErrors(f.diagnostics)) continue;
        auto it = given.find(canon(f.path));
        if (it == given.end()) continue;
        auto loaded = loadArchetype(f.path);
        if (!loaded.ok()) continue;
        auto warn = [&](const std::string& cue, SourcePos pos, Message rule) {
            if (cue.empty() || it->second.count(cue)) return;
            f.diagnostics.push_back({f.path.string(), pos.line, pos.column, Severity::Warning,
                                     Message(Msg::RuleCueNeverGiven, {std::move(rule), cue})});
        };
        int i = 1;
        for (const auto& r : loaded.value->orderRules)
            warn(r.cue, r.pos, Message(Msg::WhatOrderRule, {std::to_string(i++)}));
        i = 1;
        for (const auto& r : loaded.value->criticals)
            warn(r.cue, r.pos, Message(Msg::WhatCriticalRule, {std::to_string(i++)}));
    }
}

}  // namespace

std::vector<CheckedFile> checkPaths(const std::vector<fs::path>& paths) {
    std::vector<CheckedFile> out;
    for (const auto& p : paths) {
        std::error_code ec;
        if (fs::is_directory(p, ec)) {
            CheckedFile dirProblems;
            dirProblems.path = p;
            std::error_code walkError;
            std::vector<UnreadEntry> unread;
            auto files = yamlFilesBelow(p, &walkError, &unread);
            if (walkError)
                dirProblems.diagnostics.push_back(
                    {p.string(), 0, 0, Severity::Error,
                     Message(Msg::CannotReadFolder, {walkError.message()})});
            if (files.empty() && unread.empty() && dirProblems.diagnostics.empty())
                dirProblems.diagnostics.push_back(
                    {p.string(), 0, 0, Severity::Warning, Msg::NoYamlInFolder});
            if (!dirProblems.diagnostics.empty()) out.push_back(dirProblems);
            // What could not be read is reported, never skipped in silence.
            for (auto& u : unread) {
                CheckedFile f;
                f.path = u.path;
                f.diagnostics.push_back({u.path.string(), 0, 0, Severity::Error, std::move(u.why)});
                out.push_back(std::move(f));
            }
            for (const auto& f : files) out.push_back(checkFile(f));
        } else {
            out.push_back(checkFile(p));
        }
    }
    reportArchetypesOnce(out);
    rulesWithoutCues(out);
    return out;
}

std::vector<CheckedFile> loadLibrary(const fs::path& dir) {
    std::vector<CheckedFile> out;
    for (auto& f : checkPaths({dir}))
        if (f.kind == FileKind::Scenario ||
            (f.kind == FileKind::Unknown && hasErrors(f.diagnostics)))
            out.push_back(std::move(f));
    return out;
}

}  // namespace defuse
