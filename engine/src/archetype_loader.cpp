#include <algorithm>
#include <set>

#include "defuse/files.hpp"
#include "defuse/loader.hpp"
#include "defuse/tags.hpp"
#include "loader_internal.hpp"

namespace defuse {
namespace detail {

std::vector<std::string> tagIds() {
    std::vector<std::string> ids;
    for (const auto& t : allTags()) ids.emplace_back(t.id);
    return ids;
}

bool checkTag(const std::string& tag, const YNode&, Reporter& rep, SourcePos at) {
    if (findTag(tag)) return true;
    rep.error(at, unknownName("tag", tag, tagIds()) + " (the tags are listed in scenarios/README.md)");
    return false;
}

std::vector<std::string> temperamentKeys() {
    return {"mood", "patience", "thresholds", "reactions", "order_rules"};
}

namespace {

void warnIfNothing(const MoodDelta& d, const YNode& n, Reporter& rep, const std::string& what) {
    if (d.anySet() && d.isZero()) rep.warning(n, what + " changes nothing (every value is 0)");
}

void readOrderRule(const YNode& n, Reporter& rep, Archetype& a, int index) {
    std::string what = "order rule " + std::to_string(index);
    MapReader m(n, rep, what, {"tag", "before", "after", "cue", "min", "max", "scale", "effect", "note"});
    if (!m.valid()) return;
    OrderRule r;
    r.pos = n.pos;
    if (const YNode* t = m.require("tag")) {
        if (auto s = readId(*t, rep, what + " tag")) {
            checkTag(*s, *t, rep, t->pos);
            r.tag = *s;
        }
    }
    for (auto [key, field] : {std::pair{"before", &r.before}, std::pair{"after", &r.after}}) {
        if (const YNode* t = m.get(key)) {
            if (auto s = readId(*t, rep, what + " " + key)) {
                checkTag(*s, *t, rep, t->pos);
                *field = *s;
            }
        }
    }
    if (const YNode* c = m.get("cue"))
        if (auto s = readId(*c, rep, what + " cue")) r.cue = *s;
    if (const YNode* v = m.get("min"))
        if (auto x = readInt(*v, rep, what + " min", 0, 1000)) r.cueMin = static_cast<int>(*x);
    if (const YNode* v = m.get("max"))
        if (auto x = readInt(*v, rep, what + " max", 0, 1000)) r.cueMax = static_cast<int>(*x);
    if ((m.get("min") || m.get("max")) && r.cue.empty())
        rep.error(n, what + " gives min or max but no cue to count");
    if (r.cueMin > r.cueMax) rep.error(n, what + ": min is larger than max, so the rule never applies");
    if (const YNode* v = m.get("scale"))
        if (auto x = readNumber(*v, rep, what + " scale", -5, 5)) r.scale = *x;
    if (const YNode* e = m.get("effect")) {
        if (auto d = readMoodMap(*e, rep, what + " effect", -100, 100)) {
            r.effect = *d;
            warnIfNothing(r.effect, *e, rep, what + " effect");
        }
    }
    if (!m.get("effect") && !m.get("scale"))
        rep.warning(n, what + " has neither effect nor scale, so it changes nothing");
    if (const YNode* t = m.get("note"))
        if (auto x = readText(*t, rep, what + " note")) r.note = *x;
    a.orderRules.push_back(std::move(r));
}

}  // namespace

void readTemperament(const MapReader& m, Reporter& rep, Archetype& a) {
    if (const YNode* n = m.get("mood")) {
        if (auto d = readMoodMap(*n, rep, "the starting mood", 0, 100))
            for (Dim dim : kAllDims)
                if (d->set[static_cast<int>(dim)]) a.start.set(dim, d->get(dim));
    }
    if (const YNode* n = m.get("patience")) {
        MapReader p(*n, rep, "patience", {"grace_seconds", "drain_per_second", "per_turn"});
        if (const YNode* v = p.get("grace_seconds"))
            if (auto x = readNumber(*v, rep, "grace_seconds", 0, 600)) a.graceSeconds = *x;
        if (const YNode* v = p.get("drain_per_second"))
            if (auto x = readNumber(*v, rep, "drain_per_second", 0, 100)) a.drainPerSecond = *x;
        if (const YNode* v = p.get("per_turn"))
            if (auto x = readInt(*v, rep, "per_turn", 0, 100)) a.perTurnPatience = static_cast<int>(*x);
    }
    if (const YNode* n = m.get("thresholds")) {
        MapReader t(*n, rep, "thresholds", {"escalate_anger", "walk_out_patience"});
        if (const YNode* v = t.get("escalate_anger"))
            if (auto x = readInt(*v, rep, "escalate_anger", 1, 101)) a.escalateAnger = static_cast<int>(*x);
        if (const YNode* v = t.get("walk_out_patience"))
            if (auto x = readInt(*v, rep, "walk_out_patience", -1, 99)) a.walkOutPatience = static_cast<int>(*x);
    }
    if (const YNode* n = m.get("reactions")) {
        MapReader r(*n, rep, "reactions", {});
        if (r.valid()) {
            std::set<std::string> seen;
            for (const auto& [k, v] : n->entries) {
                if (!k.isScalar() || !seen.insert(k.value).second) continue;
                if (!checkTag(k.value, k, rep, k.pos)) continue;
                if (auto d = readMoodMap(v, rep, "the reaction to " + k.value, -100, 100)) {
                    warnIfNothing(*d, v, rep, "the reaction to " + k.value);
                    a.reactions[k.value] = *d;
                }
            }
        }
    }
    if (const YNode* n = m.get("order_rules")) {
        if (!n->isSeq()) {
            rep.error(*n, "order_rules must be a list of rules (each starting with '- tag: ...'), not " +
                              std::string(n->typeName()));
        } else {
            int i = 1;
            for (const YNode& item : n->items) readOrderRule(item, rep, a, i++);
        }
    }
}

std::optional<std::string> readSource(const std::string& file, std::vector<Diagnostic>& diags) {
    std::string err;
    auto text = readFile(file, &err);
    if (!text) diags.push_back({file, 0, 0, Severity::Error, err});
    return text;
}

std::string kindOf(const YNode& root) {
    if (!root.isMap()) return "";
    for (const auto& [k, v] : root.entries)
        if (k.isScalar() && k.value == "kind" && v.isScalar()) return v.value;
    return "";
}

}  // namespace detail

using namespace detail;

namespace detail {
LoadResult<Archetype> loadArchetypeTree(const std::string& text, const YNode* root, const std::string& name,
                                        std::vector<Diagnostic> diags) {
    LoadResult<Archetype> out;
    out.diagnostics = std::move(diags);
    Reporter rep(name, out.diagnostics);
    std::vector<std::string> keys{"kind", "id", "name", "description"};
    for (auto& k : temperamentKeys()) keys.push_back(k);
    MapReader m(*root, rep, "the archetype", keys);
    if (!m.valid()) return out;
    auto a = std::make_shared<Archetype>();
    a->file = name;
    a->hash = sha256Hex(text);
    if (const YNode* k = m.require("kind")) {
        if (auto s = readString(*k, rep, "kind"); s && *s != "archetype")
            rep.error(*k, "kind must be 'archetype' in an archetype file, not '" + *s + "'");
    }
    if (const YNode* n = m.require("id"))
        if (auto s = readId(*n, rep, "id")) a->id = *s;
    if (const YNode* n = m.get("name"))
        if (auto t = readText(*n, rep, "name")) a->name = *t;
    if (const YNode* n = m.get("description"))
        if (auto t = readText(*n, rep, "description")) a->description = *t;
    if (!m.get("reactions")) rep.warning(*root, "the archetype has no reactions, so no answer moves the mood");
    readTemperament(m, rep, *a);
    if (a->walkOutPatience >= a->start.patience())
        rep.warning(m.get("thresholds") ? m.get("thresholds")->pos : root->pos,
                    "walk_out_patience is not below the starting patience, so the customer walks out at once");
    if (a->escalateAnger <= a->start.anger())
        rep.warning(m.get("thresholds") ? m.get("thresholds")->pos : root->pos,
                    "escalate_anger is not above the starting anger, so the customer escalates after the first answer");
    if (!rep.failed()) out.value = a;
    return out;
}
}  // namespace detail

LoadResult<Archetype> loadArchetypeText(const std::string& text, const std::string& name) {
    std::vector<Diagnostic> diags;
    auto root = parseYaml(text, name, diags);
    if (!root) return {nullptr, diags};
    return loadArchetypeTree(text, &*root, name, std::move(diags));
}

LoadResult<Archetype> loadArchetype(const std::filesystem::path& file) {
    LoadResult<Archetype> out;
    auto text = readSource(file.string(), out.diagnostics);
    if (!text) return out;
    return loadArchetypeText(*text, file.string());
}

}  // namespace defuse
