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
    rep.error(at, Message(Msg::UnknownTag, {unknownName(Msg::NameTag, tag, tagIds())}));
    return false;
}

std::vector<std::string> temperamentKeys() {
    return {"mood", "patience", "thresholds", "reactions", "order_rules", "critical"};
}

namespace {

void warnIfNothing(const MoodDelta& d, const YNode& n, Reporter& rep, const Message& what) {
    if (d.anySet() && d.isZero()) rep.warning(n, Message(Msg::ChangesNothing, {what}));
}

// The keys order rules and critical rules share: the tag, and when the rule holds
// (before/after a tag, how often the customer gave a cue).
template <class Rule>
void readRuleConditions(const YNode& n, const MapReader& m, Reporter& rep, const Message& what,
                        Rule& r) {
    if (const YNode* t = m.require("tag")) {
        if (auto s = readId(*t, rep, subKey(what, "tag"))) {
            checkTag(*s, *t, rep, t->pos);
            r.tag = *s;
        }
    }
    for (auto [key, field] : {std::pair{"before", &r.before}, std::pair{"after", &r.after}}) {
        if (const YNode* t = m.get(key)) {
            if (auto s = readId(*t, rep, subKey(what, key))) {
                checkTag(*s, *t, rep, t->pos);
                *field = *s;
            }
        }
    }
    if (const YNode* c = m.get("cue"))
        if (auto s = readId(*c, rep, subKey(what, "cue"))) r.cue = *s;
    if (const YNode* v = m.get("min"))
        if (auto x = readInt(*v, rep, subKey(what, "min"), 0, 1000))
            r.cueMin = static_cast<int>(*x);
    if (const YNode* v = m.get("max"))
        if (auto x = readInt(*v, rep, subKey(what, "max"), 0, 1000))
            r.cueMax = static_cast<int>(*x);
    if (const YNode* v = m.get("here"))
        if (auto b = readBool(*v, rep, subKey(what, "here"))) r.cueHere = *b;
    if ((m.get("min") || m.get("max") || m.get("here")) && r.cue.empty())
        rep.error(n, Message(Msg::MinMaxWithoutCue, {what}));
    if (r.cueMin > r.cueMax) rep.error(n, Message(Msg::MinAboveMax, {what}));
}

void readOrderRule(const YNode& n, Reporter& rep, Archetype& a, int index) {
    Message what(Msg::WhatOrderRule, {std::to_string(index)});
    MapReader m(n, rep, what,
                {"tag", "before", "after", "cue", "min", "max", "here", "scale", "effect", "note"},
                true);
    if (!m.valid()) return;
    OrderRule r;
    r.pos = n.pos;
    readRuleConditions(n, m, rep, what, r);
    if (const YNode* v = m.get("scale"))
        if (auto x = readNumber(*v, rep, subKey(what, "scale"), -5, 5)) {
            r.scale = *x;
            if (*x < 0 || *x > 2)
                rep.warning(*v, Message(Msg::ScaleOutsideRange, {subKey(what, "scale"), v->value}));
        }
    if (const YNode* e = m.get("effect")) {
        if (auto d = readMoodMap(*e, rep, subKey(what, "effect"), -100, 100)) {
            r.effect = *d;
            warnIfNothing(r.effect, *e, rep, subKey(what, "effect"));
        }
    }
    if (!m.get("effect") && !m.get("scale"))
        rep.warning(n, Message(Msg::RuleChangesNothing, {what}));
    if (const YNode* t = m.get("note"))
        if (auto x = readText(*t, rep, subKey(what, "note"))) r.note = *x;
    a.orderRules.push_back(std::move(r));
}

// A critical rule reads like an order rule's conditions, with the reason instead of effects.
void readCriticalRule(const YNode& n, Reporter& rep, Archetype& a, int index) {
    Message what(Msg::WhatCriticalRule, {std::to_string(index)});
    MapReader m(n, rep, what, {"tag", "before", "after", "cue", "min", "max", "here", "reason"},
                true);
    if (!m.valid()) return;
    CriticalRule r;
    r.pos = n.pos;
    readRuleConditions(n, m, rep, what, r);
    if (const YNode* t = m.require("reason"))
        if (auto x = readText(*t, rep, subKey(what, "reason"))) r.reason = *x;
    a.criticals.push_back(std::move(r));
}

}  // namespace

void readTemperament(const MapReader& m, Reporter& rep, Archetype& a) {
    if (const YNode* n = m.get("mood")) {
        if (auto d = readMoodMap(*n, rep, Msg::WhatStartingMood, 0, 100))
            for (Dim dim : kAllDims)
                if (d->set[static_cast<int>(dim)]) a.start.set(dim, d->get(dim));
    }
    if (const YNode* n = m.get("patience")) {
        MapReader p(*n, rep, keyWhat("patience"), {"grace_seconds", "drain_per_second", "per_turn"},
                    true);
        if (const YNode* v = p.get("grace_seconds"))
            if (auto x = readNumber(*v, rep, keyWhat("grace_seconds"), 0, 600)) a.graceSeconds = *x;
        if (const YNode* v = p.get("drain_per_second"))
            if (auto x = readNumber(*v, rep, keyWhat("drain_per_second"), 0, 100))
                a.drainPerSecond = *x;
        if (const YNode* v = p.get("per_turn"))
            if (auto x = readInt(*v, rep, keyWhat("per_turn"), 0, 100))
                a.perTurnPatience = static_cast<int>(*x);
    }
    if (const YNode* n = m.get("thresholds")) {
        MapReader t(*n, rep, keyWhat("thresholds"), {"escalate_anger", "walk_out_patience"}, true);
        if (const YNode* v = t.get("escalate_anger"))
            if (auto x = readInt(*v, rep, keyWhat("escalate_anger"), 1, 101))
                a.escalateAnger = static_cast<int>(*x);
        if (const YNode* v = t.get("walk_out_patience"))
            if (auto x = readInt(*v, rep, keyWhat("walk_out_patience"), -1, 99))
                a.walkOutPatience = static_cast<int>(*x);
    }
    if (const YNode* n = m.get("reactions")) {
        MapReader r(*n, rep, keyWhat("reactions"), {});
        if (r.valid()) {
            std::set<std::string> seen;
            for (const auto& [k, v] : n->entries) {
                if (!k.isScalar() || !seen.insert(k.value).second) continue;
                if (!checkTag(k.value, k, rep, k.pos)) continue;
                Message reaction(Msg::WhatReactionTo, {k.value});
                if (auto d = readMoodMap(v, rep, reaction, -100, 100)) {
                    warnIfNothing(*d, v, rep, reaction);
                    a.reactions[k.value] = *d;
                }
            }
        }
    }
    if (const YNode* n = m.get("order_rules")) {
        if (!n->isSeq()) {
            rep.error(*n, Message(Msg::OrderRulesNotList, {typeName(*n)}));
        } else {
            int i = 1;
            for (const YNode& item : n->items) readOrderRule(item, rep, a, i++);
        }
    }
    if (const YNode* n = m.get("critical")) {
        if (!n->isSeq()) {
            rep.error(*n, Message(Msg::CriticalNotList, {typeName(*n)}));
        } else {
            int i = static_cast<int>(a.criticals.size()) + 1;
            for (const YNode& item : n->items) readCriticalRule(item, rep, a, i++);
        }
    }
}

std::optional<std::string> readSource(const std::string& file, std::vector<Diagnostic>& diags) {
    Message err;
    auto text = readFile(file, err);
    if (!text) diags.push_back({file, 0, 0, Severity::Error, std::move(err)});
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
LoadResult<Archetype> loadArchetypeTree(const std::string& text, const YNode* root,
                                        const std::string& name, std::vector<Diagnostic> diags) {
    LoadResult<Archetype> out;
    out.diagnostics = std::move(diags);
    Reporter rep(name, out.diagnostics);
    std::vector<std::string> keys{"kind", "id", "name", "description", "look"};
    for (auto& k : temperamentKeys()) keys.push_back(k);
    MapReader m(*root, rep, Msg::WhatArchetype, keys);
    if (!m.valid()) return out;
    auto a = std::make_shared<Archetype>();
    a->file = name;
    a->hash = sha256Hex(text);
    if (const YNode* k = m.require("kind")) {
        if (auto s = readString(*k, rep, keyWhat("kind")); s && *s != "archetype")
            rep.error(*k, Message(Msg::KindNotArchetype, {*s}));
    }
    if (const YNode* n = m.require("id")) {
        if (auto s = readId(*n, rep, keyWhat("id"))) {
            a->id = *s;
            // Scenarios find an archetype by file name; an id that says otherwise misleads.
            std::string stem = std::filesystem::path(name).stem().string();
            if (!stem.empty() && stem != *s && name.size() > 5 &&
                (name.compare(name.size() - 5, 5, ".yaml") == 0 ||
                 name.compare(name.size() - 4, 4, ".yml") == 0))
                rep.warning(*n, Message(Msg::ArchetypeIdNotFileName, {*s, stem}));
        }
    }
    if (const YNode* n = m.get("name"))
        if (auto t = readText(*n, rep, keyWhat("name"))) a->name = *t;
    if (const YNode* n = m.get("description"))
        if (auto t = readText(*n, rep, keyWhat("description"))) a->description = *t;
    if (const YNode* n = m.get("look")) readLook(*n, rep, a->look);
    if (!m.get("reactions")) rep.warning(*root, Msg::NoReactions);
    readTemperament(m, rep, *a);
    if (a->walkOutPatience >= a->start.patience())
        rep.warning(m.get("thresholds") ? m.get("thresholds")->pos : root->pos, Msg::WalkOutAtOnce);
    if (a->escalateAnger <= a->start.anger())
        rep.warning(m.get("thresholds") ? m.get("thresholds")->pos : root->pos,
                    Msg::EscalatesAtOnce);
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
