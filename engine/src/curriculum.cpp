// The curriculum file, and which decision points teach each principle.
#include "defuse/curriculum.hpp"

#include <algorithm>
#include <map>

#include "defuse/loader.hpp"
#include "defuse/scenario.hpp"
#include "loader_internal.hpp"
#include "scenario_checks.hpp"

namespace defuse {

namespace fs = std::filesystem;
using namespace detail;

const Principle* Curriculum::find(std::string_view id) const {
    for (const auto& p : principles)
        if (p.id == id) return &p;
    return nullptr;
}

std::vector<std::string> Curriculum::ids() const {
    std::vector<std::string> out;
    for (const auto& p : principles) out.push_back(p.id);
    return out;
}

std::optional<fs::path> findCurriculum(const fs::path& dir) {
    std::error_code ec;
    for (const fs::path& d : {dir, dir / ".."}) {
        fs::path f = d / kCurriculumFile;
        if (fs::is_regular_file(f, ec)) return f.lexically_normal();
    }
    return std::nullopt;
}

std::vector<PrincipleCoverage> coverage(const Curriculum& c,
                                        const std::vector<std::shared_ptr<const Scenario>>& lib) {
    std::vector<PrincipleCoverage> out;
    std::map<std::string, std::size_t> index;
    for (const auto& p : c.principles) {
        index[p.id] = out.size();
        out.push_back({&p, {}, {}});
    }
    for (const auto& sc : lib) {
        if (!sc) continue;
        for (const auto& node : sc->nodes) {
            std::vector<std::size_t> here;  // each principle once per node
            for (const auto& a : node.answers)
                for (const auto& id : a.teaches)
                    if (auto it = index.find(id);
                        it != index.end() &&
                        std::find(here.begin(), here.end(), it->second) == here.end())
                        here.push_back(it->second);
            for (std::size_t i : here) {
                PrincipleCoverage& pc = out[i];
                pc.points.push_back({sc->id, node.id});
                if (std::find(pc.scenarios.begin(), pc.scenarios.end(), sc->id) ==
                    pc.scenarios.end())
                    pc.scenarios.push_back(sc->id);
            }
        }
    }
    return out;
}

std::string whereTaught(const PrincipleCoverage& pc, Lang lang) {
    std::string out;
    for (const auto& sc : pc.scenarios) {
        std::string nodes;
        for (const auto& p : pc.points)
            if (p.scenario == sc) nodes += (nodes.empty() ? "" : ", ") + p.node;
        out += (out.empty() ? "" : tr(lang, Msg::CurriculumListSep)) + sc + " (" + nodes + ")";
    }
    return out;
}

std::string coverageMarkdown(const std::vector<PrincipleCoverage>& coverage, Lang lang) {
    const std::string code(langCode(lang));
    std::string out = tr(lang, Msg::CurriculumTableHead) + "\n|---|---|---|---|\n";
    for (const auto& pc : coverage) {
        const Principle& p = *pc.principle;
        out += "| **" + p.name.get(code) + "** (`" + p.id + "`) | " + p.seed + " | " +
               std::to_string(pc.points.size()) + " | " + whereTaught(pc, lang) + " |\n";
    }
    return out;
}

namespace detail {

LoadResult<Curriculum> loadCurriculumTree(const YNode* root, const std::string& name,
                                          std::vector<Diagnostic> diags) {
    LoadResult<Curriculum> out;
    out.diagnostics = std::move(diags);
    Reporter rep(name, out.diagnostics);
    MapReader m(*root, rep, Msg::WhatCurriculum, {"kind", "principles"});
    if (!m.valid()) return out;
    auto c = std::make_shared<Curriculum>();
    c->file = name;
    if (const YNode* k = m.require("kind"))
        if (auto s = readString(*k, rep, keyWhat("kind")); s && *s != "curriculum")
            rep.error(*k, Message(Msg::UnknownKind, {*s}));
    const YNode* list = m.require("principles");
    if (list && !list->isSeq()) {
        rep.error(*list, Message(Msg::MustBeList, {keyWhat("principles"), typeName(*list)}));
        list = nullptr;
    }
    std::map<std::string, int> seen;
    if (list) {
        int index = 0;
        for (const YNode& item : list->items) {
            ++index;
            Message what(Msg::WhatPrinciple, {std::to_string(index)});
            MapReader pm(item, rep, what, {"id", "name", "statement", "seed"});
            if (!pm.valid()) continue;
            Principle p;
            p.pos = item.pos;
            if (const YNode* v = pm.require("id")) {
                if (auto s = readId(*v, rep, subKey(what, "id"))) {
                    p.id = *s;
                    if (auto [it, fresh] = seen.emplace(*s, v->pos.line); !fresh)
                        rep.error(*v,
                                  Message(Msg::PrincipleIdTwice, {*s, std::to_string(it->second)}));
                }
            }
            for (auto [key, field] :
                 {std::pair{"name", &p.name}, std::pair{"statement", &p.statement}}) {
                if (const YNode* v = pm.require(key)) {
                    if (auto t = readText(*v, rep, subKey(what, key))) {
                        *field = *t;
                        for (const char* lang : {"en", "zh"})
                            if (!t->has(lang))
                                rep.warning(*v, Message(Msg::PrincipleMissingLang,
                                                        {subKey(what, key), lang}));
                    }
                }
            }
            if (const YNode* v = pm.get("seed"))
                if (auto s = readString(*v, rep, subKey(what, "seed"))) p.seed = *s;
            c->principles.push_back(std::move(p));
        }
        if (list->items.empty())
            rep.error(*list, Message(Msg::MustNotBeEmpty, {keyWhat("principles")}));
    }
    if (!rep.failed()) out.value = c;
    return out;
}

void checkTeaches(Scenario& sc, const std::vector<Reference>& teaches,
                  const std::vector<fs::path>& dirs, Reporter& rep) {
    if (teaches.empty()) return;
    std::optional<fs::path> file;
    for (const auto& d : dirs)
        if ((file = findCurriculum(d))) break;
    if (!file) {
        rep.warning(teaches.front().pos, Message(Msg::NoCurriculum, {teaches.front().from}));
        return;
    }
    auto c = loadCurriculum(*file);
    if (!c.ok()) {
        rep.warning(teaches.front().pos, Message(Msg::CurriculumHasErrors, {file->string()}));
        return;
    }
    for (const auto& t : teaches)
        if (!c.value->find(t.id))
            rep.error(t.pos,
                      Message(Msg::UnknownReference,
                              {unknownName(Msg::NamePrinciple, t.id, c.value->ids()), t.from}));
    sc.curriculum = c.value;
}

}  // namespace detail

LoadResult<Curriculum> loadCurriculum(const fs::path& file) {
    LoadResult<Curriculum> out;
    auto text = readSource(file.string(), out.diagnostics);
    if (!text) return out;
    std::vector<Diagnostic> diags;
    auto root = parseYaml(*text, file.string(), diags);
    if (!root) return {nullptr, diags};
    return loadCurriculumTree(&*root, file.string(), std::move(diags));
}

}  // namespace defuse
