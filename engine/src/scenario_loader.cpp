// Reads a scenario file into the model; the graph checks are in scenario_checks.cpp.
#include <algorithm>
#include <iterator>
#include <map>
#include <set>

#include "defuse/files.hpp"
#include "defuse/loader.hpp"
#include "defuse/tags.hpp"
#include "intent_checks.hpp"
#include "loader_internal.hpp"
#include "scenario_checks.hpp"

namespace defuse {
namespace detail {
namespace {

namespace fs = std::filesystem;

class ScenarioReader {
public:
    ScenarioReader(Reporter& rep, Scenario& sc) : m_rep(rep), m_sc(sc) {}

    std::optional<Text> text(const YNode& n, const Message& what) {
        auto t = readText(n, m_rep, what);
        if (t && t->any.empty()) {
            for (const auto& lang : m_sc.languages)
                if (!t->has(lang)) m_rep.warning(n, Message(Msg::MissingTranslation, {what, lang}));
        }
        return t;
    }

    void readTop(const MapReader& m) {
        if (const YNode* k = m.require("kind"))
            if (auto s = readString(*k, m_rep, keyWhat("kind")); s && *s != "scenario")
                m_rep.error(*k, Message(Msg::KindNotScenario, {*s}));
        if (const YNode* n = m.get("languages")) {
            auto langs = readIdList(*n, m_rep, keyWhat("languages"));
            // "cn" for zh: one error here, not a missing-translation warning on every text.
            std::vector<std::string> kept;
            for (const auto& l : langs) {
                std::string meant = meantLanguage(l);
                if (meant.empty())
                    kept.push_back(l);
                else
                    m_rep.error(tagPos(*n, l), Message(Msg::WrongLanguageKey, {l, meant}));
            }
            langs = std::move(kept);
            if (!langs.empty()) m_sc.languages = langs;
        }
        if (const YNode* n = m.require("id"))
            if (auto s = readId(*n, m_rep, keyWhat("id"))) m_sc.id = *s;
        if (const YNode* n = m.require("title"))
            if (auto t = text(*n, Msg::WhatTitle)) m_sc.title = *t;
        if (const YNode* n = m.get("briefing"))
            if (auto t = text(*n, Msg::WhatBriefing)) m_sc.briefing = *t;
        if (const YNode* n = m.get("goal"))
            if (auto t = text(*n, Msg::WhatGoal)) m_sc.goal = *t;
        if (const YNode* n = m.get("difficulty"))
            if (auto v = readInt(*n, m_rep, keyWhat("difficulty"), 1, 5))
                m_sc.difficulty = static_cast<int>(*v);
        if (const YNode* n = m.get("channel")) {
            if (auto s = readString(*n, m_rep, keyWhat("channel"))) {
                if (*s == "in_person" || *s == "phone")
                    m_sc.channel = *s;
                else
                    m_rep.error(
                        *n, Message(Msg::UseChannel,
                                    {unknownName(Msg::NameChannel, *s, {"in_person", "phone"})}));
            }
        }
        if (const YNode* n = m.get("time_limit"))
            if (auto v = readNumber(*n, m_rep, keyWhat("time_limit"), 0, 3600)) m_sc.timeLimit = *v;
        for (auto [key, field] :
             {std::pair{"start", &m_sc.start}, std::pair{"on_escalate", &m_sc.onEscalate},
              std::pair{"on_walk_out", &m_sc.onWalkOut}}) {
            if (const YNode* n = m.get(key)) {
                if (auto s = readId(*n, m_rep, keyWhat(key))) {
                    *field = *s;
                    m_refs.push_back({*s, n->pos, Message(Msg::WhatKeyName, {key})});
                }
            }
        }
        if (const YNode* n = m.get("rubric")) readRubric(*n);
    }

    void readRubric(const YNode& n) {
        MapReader m(n, m_rep, Msg::WhatRubric, {"weights", "penalties", "grades"});
        if (const YNode* w = m.get("weights")) {
            std::vector<std::string> ids;
            for (int i = 0; i < kComponentCount; ++i)
                ids.emplace_back(componentId(static_cast<Component>(i)));
            MapReader wm(*w, m_rep, Msg::WhatRubricWeights, ids, true);
            for (int i = 0; i < kComponentCount; ++i)
                if (const YNode* v = wm.get(ids[static_cast<std::size_t>(i)]))
                    if (auto x = readNumber(
                            *v, m_rep,
                            Message(Msg::WhatWeightOf, {ids[static_cast<std::size_t>(i)]}), 0, 100))
                        m_sc.rubric.weights[static_cast<std::size_t>(i)] = *x;
            double sum = 0;
            for (double x : m_sc.rubric.weights) sum += x;
            if (sum <= 0) m_rep.error(*w, Msg::WeightsAddUpToZero);
            // Response time scores only with a time limit (time_limit is read before rubric).
            double timing = m_sc.rubric.weight(Component::ResponseTime);
            if (sum > 0 && timing == sum && m_sc.timeLimit <= 0)
                m_rep.warning(*w, Msg::WeightsOnlyUnscorable);
        }
        if (const YNode* p = m.get("penalties")) {
            MapReader pm(*p, m_rep, Msg::WhatRubricPenalties, {});
            if (pm.valid()) {
                for (const auto& [k, v] : p->entries) {
                    if (!k.isScalar() || !checkTag(k.value, k, m_rep, k.pos)) continue;
                    const TagInfo* info = findTag(k.value);
                    if (info->defaultPenalty == 0 && (info->competency || info->step))
                        m_rep.warning(k, Message(Msg::PenaltyOnGoodTag, {k.value}));
                    if (auto x =
                            readNumber(v, m_rep, Message(Msg::WhatPenaltyFor, {k.value}), 0, 100))
                        m_sc.rubric.penalties[k.value] = *x;
                }
            }
        }
        if (const YNode* g = m.get("grades")) readGrades(*g);
    }

    // `grades: {A: 90, B: 75, ...}`: best first, each boundary below the one before; the
    // built-in model's lowest grade starts at 0 unless one is given for 0.
    void readGrades(const YNode& g) {
        MapReader gm(g, m_rep, Msg::WhatRubricGrades, {});
        if (!gm.valid()) return;
        std::vector<GradeBand> grades;
        bool ok = true;
        for (const auto& [k, v] : g.entries) {
            if (!k.isScalar()) continue;
            auto x = readInt(v, m_rep, Message(Msg::WhatGradeBoundary, {k.value}), 0, 100);
            if (!x) {
                ok = false;
                continue;
            }
            if (!grades.empty() && *x >= grades.back().from) {
                m_rep.error(v, Message(Msg::GradesNotDescending,
                                       {k.value, Message::num(static_cast<long long>(*x)),
                                        grades.back().grade,
                                        Message::num(static_cast<long long>(grades.back().from))}));
                ok = false;
                continue;
            }
            grades.push_back({k.value, static_cast<int>(*x)});
        }
        if (!ok || grades.empty()) return;
        if (grades.back().from > 0)
            grades.push_back({ScoringModel::builtIn().grades.back().grade, 0});
        m_sc.rubric.grades = std::move(grades);
    }

    void readCustomer(const YNode& n, const std::vector<fs::path>& dirs) {
        std::vector<std::string> keys{"archetype", "name", "look"};
        for (auto& k : temperamentKeys()) keys.push_back(k);
        MapReader m(n, m_rep, Msg::WhatCustomer, keys);
        if (!m.valid()) return;
        if (const YNode* nm = m.get("name"))
            if (auto t = text(*nm, Msg::WhatCustomerName)) m_sc.customerName = *t;
        const YNode* a = m.require("archetype");
        if (!a) return;
        auto ref = readString(*a, m_rep, keyWhat("archetype"));
        if (!ref) return;
        std::optional<fs::path> refused;
        auto file = findArchetype(*ref, dirs, refused);
        if (refused) {
            m_rep.error(*a, Message(Msg::ArchetypeNotYamlFile, {*ref, refused->string()}));
            return;
        }
        if (!file) {
            m_rep.error(*a, Message(Msg::ArchetypeNotFound, {*ref}));
            return;
        }
        auto loaded = loadArchetype(*file);
        if (!loaded.ok()) {
            // One error here; the archetype's own errors follow at their places in its file
            // (check drops them when it checks that file too, so they show once).
            m_rep.error(*a, file->string() == *ref ? Message(Msg::ArchetypeHasErrorsThere, {*ref})
                                                   : Message(Msg::ArchetypeFileHasErrorsThere,
                                                             {*ref, file->string()}));
            for (auto& d : loaded.diagnostics)
                if (d.severity == Severity::Error) m_rep.foreign(d);
            return;
        }
        m_sc.customer = *loaded.value;
        m_archetypeHash = loaded.value->hash;
        m_archetypeLoaded = true;
        readTemperament(m, m_rep, m_sc.customer);  // the scenario's overrides
        if (const YNode* l = m.get("look")) readLook(*l, m_rep, m_sc.customer.look);
    }

    void readNodes(const YNode& n) {
        MapReader m(n, m_rep, keyWhat("nodes"), {});
        if (!m.valid()) return;
        if (n.entries.empty()) m_rep.error(n, Msg::NodesEmpty);
        for (const auto& [k, v] : n.entries) {
            if (!k.isScalar()) continue;
            auto id = readId(k, m_rep, Msg::WhatNodeId);
            if (!id || !claim(*id, k)) continue;
            readNode(*id, k, v);
        }
    }

    void readNode(const std::string& id, const YNode& key, const YNode& n) {
        Message what(Msg::WhatNode, {id});
        MapReader m(n, m_rep, what, {"say", "variants", "cues", "answers"});
        if (!m.valid()) return;
        Node node;
        node.id = id;
        node.pos = key.pos;
        m_node = id;
        if (const YNode* s = m.require("say"))
            if (auto t = text(*s, Message(Msg::WhatSay, {what}))) node.say = *t;
        if (const YNode* vs = m.get("variants")) {
            if (!vs->isSeq()) {
                m_rep.error(*vs, Msg::VariantsNotList);
            } else {
                for (const YNode& item : vs->items) {
                    Message variant(Msg::WhatVariant, {what});
                    MapReader vm(item, m_rep, variant, {"if", "say"});
                    if (!vm.valid()) continue;
                    LineVariant lv;
                    const YNode* c = vm.require("if");
                    const YNode* s = vm.require("say");
                    std::optional<Condition> cond;
                    std::optional<Text> t;
                    if (c) cond = condition(*c, Msg::WhatCondition);
                    if (s) t = text(*s, variant);
                    if (cond && t) node.variants.push_back({*cond, *t});
                }
            }
        }
        if (const YNode* c = m.get("cues")) {
            node.cues = readIdList(*c, m_rep, keyWhat("cues"));
            checkCues(node.cues, *c);
        }
        if (const YNode* as = m.require("answers")) {
            if (!as->isSeq()) {
                m_rep.error(*as, Msg::AnswersNotList);
            } else {
                if (as->items.empty()) m_rep.error(*as, Message(Msg::NoAnswers, {what}));
                if (as->items.size() > static_cast<std::size_t>(kMaxAnswersPerNode))
                    m_rep.error(
                        *as, Message(Msg::AnswersOverLimit, {what, std::to_string(as->items.size()),
                                                             std::to_string(kMaxAnswersPerNode)}));
                int i = 1;
                for (const YNode& item : as->items) {
                    if (i > kMaxAnswersPerNode) break;  // the rest is not read: already an error
                    readAnswer(node, item, i++);
                }
            }
        }
        checkSameText(node);
        m_sc.nodes.push_back(std::move(node));
    }

    // A cue no rule of the archetype counts is a typo or a rule not written yet.
    void checkCues(const std::vector<std::string>& cues, const YNode& list) {
        if (!m_archetypeLoaded) return;
        // The cues the desktop shows on the customer's face (ui/desktop/portrait.cpp) count too.
        std::vector<std::string> known{"needles", "hesitant", "safety_worry"};
        for (const auto& r : m_sc.customer.orderRules)
            if (!r.cue.empty()) known.push_back(r.cue);
        for (const auto& r : m_sc.customer.criticals)
            if (!r.cue.empty()) known.push_back(r.cue);
        for (const auto& cue : cues) {
            if (std::find(known.begin(), known.end(), cue) != known.end()) continue;
            std::string guess = didYouMean(cue, known);
            std::string arch = m_sc.customer.id;
            m_rep.warning(tagPos(list, cue),
                          guess.empty() ? Message(Msg::CueUnused, {cue, arch})
                                        : Message(Msg::CueUnusedGuess, {cue, arch, guess}));
        }
    }

    // Two answers a trainee cannot tell apart.
    void checkSameText(const Node& node) {
        for (std::size_t j = 1; j < node.answers.size(); ++j) {
            const Text& b = node.answers[j].text;
            for (std::size_t i = 0; i < j; ++i) {
                const Text& a = node.answers[i].text;
                // Answers with a condition may never show together (trust < 85 / >= 85).
                if (node.answers[i].condition || node.answers[j].condition) continue;
                std::string ni = std::to_string(i + 1), nj = std::to_string(j + 1);
                if (!a.any.empty() && a.any == b.any) {
                    m_rep.warning(node.answers[j].pos,
                                  Message(Msg::SameAnswerTextPlain, {ni, nj, node.id}));
                    break;
                }
                bool same = false;
                for (const auto& [lang, text] : b.byLang) {
                    auto it = a.byLang.find(lang);
                    if (it == a.byLang.end() || it->second != text) continue;
                    m_rep.warning(node.answers[j].pos,
                                  Message(Msg::SameAnswerText, {ni, nj, node.id, lang}));
                    same = true;
                }
                if (same) break;
            }
        }
    }

    // An answer with no effect: whose tags the customer does not react to (no reaction, no
    // order rule) does nothing to the mood.
    void checkTagsReact(const Answer& a, SourcePos at) {
        if (!m_archetypeLoaded || a.tags.empty() || a.effect.anySet()) return;
        std::string names;
        for (const auto& tag : a.tags) {
            if (m_sc.customer.reactions.count(tag)) return;
            for (const auto& r : m_sc.customer.orderRules)
                if (r.tag == tag) return;
            names += (names.empty() ? "" : ", ") + tag;
        }
        m_rep.warning(at, Message(Msg::TagNoReaction, {names, m_sc.customer.id}));
    }

    void readAnswer(Node& node, const YNode& n, int index) {
        Message what(Msg::WhatAnswer, {std::to_string(index), node.id});
        MapReader m(n, m_rep, what,
                    {"id", "text", "tags", "effect", "if", "next", "note", "quality", "critical",
                     "teaches"},
                    true);
        if (!m.valid()) return;
        Answer a;
        a.pos = n.pos;
        a.id = node.id + "." + std::to_string(index);
        const YNode* idNode = m.get("id");
        if (idNode) {
            if (auto s = readId(*idNode, m_rep, Msg::WhatAnswerId)) {
                a.id = *s;
                if (!m_answerIds.insert(*s).second)
                    m_rep.error(*idNode, Message(Msg::AnswerIdTwice, {*s}));
            }
        }
        checkDefaultIdClash(a.id, idNode, node.id, index);
        if (const YNode* v = m.require("text"))
            if (auto t = text(*v, Message(Msg::WhatTextOf, {what}))) a.text = *t;
        if (const YNode* v = m.get("tags")) {
            auto tags = readIdList(*v, m_rep, keyWhat("tags"));
            for (const auto& t : tags) {
                if (!checkTag(t, *v, m_rep, tagPos(*v, t))) continue;
                if (std::find(a.tags.begin(), a.tags.end(), t) == a.tags.end()) a.tags.push_back(t);
            }
        } else {
            m_rep.warning(n, Message(Msg::NoTags, {what}));
        }
        if (const YNode* v = m.get("effect")) {
            Message effect(Msg::WhatEffectOf, {what});
            if (auto d = readMoodMap(*v, m_rep, effect, -100, 100)) {
                a.effect = *d;
                if (d->isZero()) m_rep.warning(*v, Message(Msg::ChangesNothing, {effect}));
            }
        }
        if (const YNode* v = m.get("tags"))
            checkTagsReact(a, tagPos(*v, a.tags.empty() ? "" : a.tags[0]));
        if (const YNode* v = m.get("if"))
            a.condition = condition(*v, Message(Msg::WhatConditionOf, {what}));
        if (const YNode* v = m.require("next")) {
            if (auto s = readId(*v, m_rep, keyWhat("next"))) {
                a.next = *s;
                m_refs.push_back({*s, v->pos, what});
            }
        }
        if (const YNode* v = m.get("note")) {
            if (auto t = text(*v, Message(Msg::WhatNoteOf, {what}))) a.note = *t;
        } else {
            m_rep.warning(n, Message(Msg::NoCoachingNote, {what}));
        }
        if (const YNode* v = m.get("quality")) {
            if (auto q = readString(*v, m_rep, Message(Msg::WhatQualityOf, {what}))) {
                for (Quality k : {Quality::Bad, Quality::Weak, Quality::Good, Quality::Best})
                    if (*q == qualityId(k)) a.quality = k;
                if (a.quality == Quality::Unrated)
                    m_rep.error(*v, Message(Msg::UnknownQuality, {*q, what}));
            }
        }
        if (const YNode* v = m.get("critical"))
            if (auto t = text(*v, Message(Msg::WhatCriticalOf, {what}))) a.critical = *t;
        if (const YNode* v = m.get("teaches")) {
            for (const auto& id : readIdList(*v, m_rep, keyWhat("teaches"))) {
                if (std::find(a.teaches.begin(), a.teaches.end(), id) != a.teaches.end()) continue;
                a.teaches.push_back(id);
                m_teaches.push_back({id, tagPos(*v, id), what});
            }
        }
        node.answers.push_back(std::move(a));
    }

    // An explicit id may not be the id another answer gets by default (greet.2 for the
    // second answer of node greet): two answers would share one id, whichever came first.
    void checkDefaultIdClash(const std::string& id, const YNode* idNode, const std::string& nodeId,
                             int index) {
        if (idNode) {
            auto d = m_defaultIds.find(id);
            if (d != m_defaultIds.end())
                m_rep.error(*idNode,
                            Message(Msg::AnswerIdIsDefaultId,
                                    {id, std::to_string(d->second.second), d->second.first}));
            m_explicitIdPos.emplace(id, idNode->pos);
            return;
        }
        m_defaultIds.emplace(id, std::pair{nodeId, index});
        auto e = m_explicitIdPos.find(id);
        if (e != m_explicitIdPos.end())
            m_rep.error(e->second,
                        Message(Msg::AnswerIdIsDefaultId, {id, std::to_string(index), nodeId}));
    }

    void readEndings(const YNode& n) {
        MapReader m(n, m_rep, keyWhat("endings"), {});
        if (!m.valid()) return;
        if (n.entries.empty()) m_rep.error(n, Msg::EndingsEmpty);
        for (const auto& [k, v] : n.entries) {
            if (!k.isScalar()) continue;
            auto id = readId(k, m_rep, Msg::WhatEndingId);
            if (!id || !claim(*id, k)) continue;
            Message what(Msg::WhatEnding, {*id});
            MapReader em(v, m_rep, what, {"kind", "title", "say", "score"});
            if (!em.valid()) continue;
            Ending e;
            e.id = *id;
            e.pos = k.pos;
            if (const YNode* kind = em.require("kind")) {
                static const std::vector<std::string> kKinds{"resolved", "partial", "escalated",
                                                             "lost"};
                if (auto s = readString(*kind, m_rep, Message(Msg::WhatKindOf, {what}))) {
                    auto it = std::find(kKinds.begin(), kKinds.end(), *s);
                    if (it == kKinds.end())
                        m_rep.error(*kind, Message(Msg::UseEndingKind,
                                                   {unknownName(Msg::NameEndingKind, *s, kKinds)}));
                    else
                        e.kind = static_cast<EndingKind>(it - kKinds.begin());
                }
            }
            e.score = ScoringModel::builtIn().endingScore[static_cast<std::size_t>(e.kind)];
            if (const YNode* t = em.get("title"))
                if (auto x = text(*t, Message(Msg::WhatTitleOf, {what}))) e.title = *x;
            if (e.title.empty()) e.title = Text::plain(std::string(endingKindId(e.kind)));
            if (const YNode* t = em.get("say"))
                if (auto x = text(*t, Message(Msg::WhatClosingLineOf, {what}))) e.say = *x;
            if (const YNode* t = em.get("score"))
                if (auto x = readInt(*t, m_rep, Message(Msg::WhatScoreOf, {what}), 0, 100))
                    e.score = static_cast<int>(*x);
            m_sc.endings.push_back(std::move(e));
        }
    }

    std::optional<Condition> condition(const YNode& n, const Message& what) {
        auto c = readCondition(n, m_rep, what);
        if (c) {
            m_conditions.push_back({*c, &n});
            m_conditionNodes.push_back(m_node);
        }
        return c;
    }

    // Only a regular .yaml file may be an archetype: never a device, a FIFO, /proc or /sys,
    // or a link to one (`refused` names what the reference led to instead).
    static bool acceptableArchetype(const fs::path& p) {
        std::error_code ec;
        fs::path real = fs::canonical(p, ec);
        if (ec || !isYamlFile(real) || !fs::is_regular_file(real, ec)) return false;
        auto top = real.begin() == real.end() ? fs::path() : *std::next(real.begin());
        return top != "proc" && top != "sys" && top != "dev";
    }

    std::optional<fs::path> findArchetype(const std::string& ref, const std::vector<fs::path>& dirs,
                                          std::optional<fs::path>& refused) {
        std::error_code ec;
        bool isPath = ref.find('/') != std::string::npos || isYamlFile(ref);
        if (isPath && !isYamlFile(ref)) {
            refused = fs::path(ref);
            return std::nullopt;
        }
        for (const auto& dir : dirs) {
            std::vector<fs::path> tries;
            if (isPath) {
                tries.push_back(dir / ref);
            } else {
                for (const char* sub : {".", "archetypes", "../archetypes"})
                    for (const char* ext : {".yaml", ".yml"})
                        tries.push_back(dir / sub / (ref + ext));
            }
            for (const auto& t : tries) {
                if (!fs::exists(fs::symlink_status(t, ec))) continue;
                if (!acceptableArchetype(t)) {
                    std::error_code cec;
                    fs::path real = fs::canonical(t, cec);
                    refused = cec ? t.lexically_normal() : real;
                    return std::nullopt;
                }
                return t.lexically_normal();
            }
        }
        return std::nullopt;
    }

    SourcePos tagPos(const YNode& list, const std::string& tag) const {
        if (list.isSeq())
            for (const YNode& item : list.items)
                if (item.value == tag) return item.pos;
        return list.pos;
    }

    bool claim(const std::string& id, const YNode& at) {
        auto [it, fresh] = m_ids.emplace(id, at.pos);
        if (!fresh)
            m_rep.error(at, Message(Msg::IdUsedTwice, {id, std::to_string(it->second.line)}));
        return fresh;
    }

    Reporter& m_rep;
    Scenario& m_sc;
    std::map<std::string, SourcePos> m_ids;
    std::set<std::string> m_answerIds;
    std::map<std::string, std::pair<std::string, int>> m_defaultIds;  ///< id -> node, number
    std::map<std::string, SourcePos> m_explicitIdPos;
    std::vector<Reference> m_refs;
    std::vector<Reference> m_teaches;  ///< principle ids named by answers
    std::vector<std::pair<Condition, const YNode*>> m_conditions;
    std::string m_archetypeHash;
    bool m_archetypeLoaded = false;
    std::string m_node;                         ///< the node being read
    std::vector<std::string> m_conditionNodes;  ///< the node of each of m_conditions
};

}  // namespace
}  // namespace detail

using namespace detail;

namespace detail {
LoadResult<Scenario> loadScenarioTree(const std::string& text, const YNode* root,
                                      const std::string& name,
                                      const std::vector<std::filesystem::path>& dirs,
                                      std::vector<Diagnostic> diags) {
    LoadResult<Scenario> out;
    out.diagnostics = std::move(diags);
    Reporter rep(name, out.diagnostics);
    MapReader m(*root, rep, Msg::WhatScenario,
                {"kind", "id", "title", "briefing", "goal", "difficulty", "channel", "languages",
                 "time_limit", "customer", "start", "on_escalate", "on_walk_out", "rubric", "nodes",
                 "endings"});
    if (!m.valid()) return out;
    auto sc = std::make_shared<Scenario>();
    sc->file = name;
    ScenarioReader r(rep, *sc);
    r.readTop(m);
    if (const YNode* c = m.require("customer")) r.readCustomer(*c, dirs);
    if (const YNode* n = m.require("nodes")) r.readNodes(*n);
    if (const YNode* e = m.require("endings")) r.readEndings(*e);
    sc->index();
    checkScenario(*sc, r.m_refs, r.m_conditions, r.m_answerIds, rep, root->pos);
    checkTeaches(*sc, r.m_teaches, dirs, rep);
    if (!rep.failed()) {
        checkIntent(sc, rep);
        checkConditionsCanHold(*sc, r.m_conditions, r.m_conditionNodes, rep);
    }
    sc->hash = sha256Hex(text + "\n--archetype--\n" + r.m_archetypeHash);
    if (!rep.failed()) out.value = sc;
    return out;
}
}  // namespace detail

LoadResult<Scenario> loadScenarioText(const std::string& text, const std::string& name,
                                      const std::vector<std::filesystem::path>& dirs) {
    std::vector<Diagnostic> diags;
    auto root = parseYaml(text, name, diags);
    if (!root) return {nullptr, diags};
    return loadScenarioTree(text, &*root, name, dirs, std::move(diags));
}

LoadResult<Scenario> loadScenario(const std::filesystem::path& file) {
    LoadResult<Scenario> out;
    auto text = readSource(file.string(), out.diagnostics);
    if (!text) return out;
    fs::path dir = file.parent_path().empty() ? fs::path(".") : file.parent_path();
    return loadScenarioText(*text, file.string(), {dir});
}

}  // namespace defuse
