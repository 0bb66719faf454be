// Reading replays and re-playing them against their scenario.
#include <algorithm>

#include "defuse/files.hpp"
#include "defuse/replay.hpp"
#include "loader_internal.hpp"

namespace defuse {

namespace fs = std::filesystem;
using namespace detail;

namespace {

std::optional<Mood> readMood(const YNode& n, Reporter& rep, const Message& what) {
    auto d = readMoodMap(n, rep, what, 0, 100);
    if (!d) return std::nullopt;
    Mood m;
    for (Dim dim : kAllDims) {
        if (!d->set[static_cast<int>(dim)]) {
            rep.error(n, Message(Msg::MoodMissing, {what, std::string(dimName(dim))}));
            return std::nullopt;
        }
        m.set(dim, d->get(dim));
    }
    return m;
}

// The fields a turn and a taken-back answer share.
void readTurnFields(const MapReader& m, Reporter& rep, const Message& what, Turn& t) {
    if (const YNode* v = m.require("node"))
        if (auto s = readId(*v, rep, subKey(what, "node"))) t.node = *s;
    if (const YNode* v = m.get("shown")) t.shown = readIdList(*v, rep, subKey(what, "shown"));
    if (const YNode* v = m.require("picked"))
        if (auto s = readId(*v, rep, subKey(what, "picked"))) t.picked = *s;
    if (const YNode* v = m.get("seconds"))
        if (auto x = readNumber(*v, rep, subKey(what, "seconds"), 0, 86400)) t.seconds = *x;
    if (const YNode* v = m.get("mood_before"))
        if (auto x = readMood(*v, rep, subKey(what, "mood_before"))) t.before = *x;
    if (const YNode* v = m.get("mood_after"))
        if (auto x = readMood(*v, rep, subKey(what, "mood_after"))) t.after = *x;
}

void readTurn(const YNode& n, Reporter& rep, Replay& r, int index) {
    Message what(Msg::WhatTurn, {std::to_string(index)});
    MapReader m(n, rep, what, {"node", "shown", "picked", "seconds", "mood_before", "mood_after"});
    if (!m.valid()) return;
    Turn t;
    readTurnFields(m, rep, what, t);
    r.turns.push_back(std::move(t));
    r.turnPos.push_back(n.pos);
    r.turnHasMood.push_back(m.get("mood_after") != nullptr);
}

void readRewound(const YNode& n, Reporter& rep, Replay& r, int index) {
    Message what(Msg::WhatRewound, {std::to_string(index)});
    MapReader m(n, rep, what,
                {"turn", "node", "shown", "picked", "seconds", "mood_before", "mood_after"});
    if (!m.valid()) return;
    Rewound w;
    if (const YNode* v = m.require("turn"))
        if (auto x = readInt(*v, rep, subKey(what, "turn"), 1, 1000000))
            w.turn = static_cast<int>(*x);
    readTurnFields(m, rep, what, w.taken);
    r.rewound.push_back(std::move(w));
}

void readGap(const YNode& n, Reporter& rep, Replay& r, int index) {
    Message what(Msg::WhatResumed, {std::to_string(index)});
    MapReader m(n, rep, what, {"after_turn", "stopped", "resumed"});
    if (!m.valid()) return;
    ResumeGap g;
    if (const YNode* v = m.require("after_turn"))
        if (auto x = readInt(*v, rep, subKey(what, "after_turn"), 0, 1000000))
            g.afterTurn = static_cast<int>(*x);
    if (const YNode* v = m.get("stopped"))
        if (auto s = readString(*v, rep, subKey(what, "stopped"))) g.stopped = *s;
    if (const YNode* v = m.require("resumed"))
        if (auto s = readString(*v, rep, subKey(what, "resumed"))) g.resumed = *s;
    r.resumed.push_back(std::move(g));
}

void readNote(const YNode& n, Reporter& rep, Replay& r, int index) {
    Message what(Msg::WhatNote, {std::to_string(index)});
    MapReader m(n, rep, what, {"turn", "text", "written"});
    if (!m.valid()) return;
    AssessorNote note;
    if (const YNode* v = m.get("turn"))
        if (auto x = readInt(*v, rep, subKey(what, "turn"), 1, kMaxReplayTurns))
            note.turn = static_cast<int>(*x);
    if (const YNode* v = m.require("text"))
        if (auto s = readString(*v, rep, subKey(what, "text"))) note.text = *s;
    if (const YNode* v = m.get("written"))
        if (auto s = readString(*v, rep, subKey(what, "written"))) note.written = *s;
    r.notes.notes.push_back(std::move(note));
}

void readOverride(const YNode& n, Reporter& rep, Replay& r) {
    MapReader m(n, rep, keyWhat("override"), {"mark", "reason", "written"});
    if (!m.valid()) return;
    if (const YNode* v = m.require("mark")) {
        if (auto s = readString(*v, rep, Message(Msg::WhatKeyIn, {"override", "mark"}))) {
            if (*s == "pass")
                r.notes.mark = OverrideMark::Pass;
            else if (*s == "fail")
                r.notes.mark = OverrideMark::Fail;
            else
                rep.error(*v, Message(Msg::OverrideBadMark, {*s}));
        }
    }
    if (const YNode* v = m.require("reason"))
        if (auto s = readString(*v, rep, Message(Msg::WhatKeyIn, {"override", "reason"})))
            r.notes.reason = *s;
    if (const YNode* v = m.get("written"))
        if (auto s = readString(*v, rep, Message(Msg::WhatKeyIn, {"override", "written"})))
            r.notes.markWritten = *s;
}

}  // namespace

LoadResult<Replay> loadReplayText(const std::string& text, const std::string& name) {
    LoadResult<Replay> out;
    auto root = parseYaml(text, name, out.diagnostics);
    if (!root) return out;
    Reporter rep(name, out.diagnostics);
    MapReader m(*root, rep, Msg::WhatReplay,
                {"defuse_replay", "engine", "scenario", "mode", "trainee", "seed", "language",
                 "timed", "started", "finished", "ending", "turns", "rewound", "abandoned",
                 "resumed", "notes", "override"});
    if (!m.valid()) return out;
    auto r = std::make_shared<Replay>();
    r->file = name;
    if (const YNode* v = m.require("defuse_replay")) {
        if (auto x = readInt(*v, rep, Msg::WhatFormatVersion, 1, 1000)) {
            if (*x != 1) rep.error(*v, Message(Msg::ReplayTooNew, {v->value}));
            r->version = static_cast<int>(*x);
        }
    }
    if (const YNode* v = m.get("engine"))
        if (auto s = readString(*v, rep, keyWhat("engine"))) r->engineVersion = *s;
    if (const YNode* v = m.require("scenario")) {
        MapReader s(*v, rep, keyWhat("scenario"), {"id", "file", "hash"});
        if (const YNode* x = s.require("id"))
            if (auto id = readId(*x, rep, Message(Msg::WhatKeyIn, {"scenario", "id"})))
                r->scenarioId = *id;
        if (const YNode* x = s.get("file"))
            if (auto f = readString(*x, rep, Message(Msg::WhatKeyIn, {"scenario", "file"})))
                r->scenarioFile = *f;
        if (const YNode* x = s.get("hash"))
            if (auto h = readString(*x, rep, Message(Msg::WhatKeyIn, {"scenario", "hash"})))
                r->scenarioHash = *h;
    }
    if (const YNode* v = m.get("mode")) {
        if (auto s = readString(*v, rep, keyWhat("mode"))) {
            if (*s == "practice")
                r->mode = Mode::Practice;
            else if (*s == "assessment")
                r->mode = Mode::Assessment;
            else
                rep.error(*v, Message(Msg::UseMode, {unknownName(Msg::NameMode, *s,
                                                                 {"practice", "assessment"})}));
        }
    }
    if (const YNode* v = m.get("trainee")) {
        if (!v->isNull())
            if (auto s = readString(*v, rep, keyWhat("trainee"))) r->trainee = *s;
    }
    if (const YNode* v = m.get("seed")) {
        if (auto x = readNumber(*v, rep, keyWhat("seed"), 0, 18446744073709551615.0)) {
            try {
                r->seed = std::stoull(v->value);
            } catch (const std::exception&) {
                rep.error(*v, Msg::SeedNotWhole);
            }
        }
    }
    if (const YNode* v = m.get("language"))
        if (auto s = readId(*v, rep, keyWhat("language"))) r->lang = *s;
    if (const YNode* v = m.get("timed"))
        if (auto b = readBool(*v, rep, keyWhat("timed"))) r->timed = *b;
    for (auto [key, field] :
         {std::pair{"started", &r->started}, std::pair{"finished", &r->finished},
          std::pair{"ending", &r->ending}, std::pair{"abandoned", &r->abandoned}})
        if (const YNode* v = m.get(key))
            if (auto s = readString(*v, rep, keyWhat(key))) *field = *s;
    auto tooLong = [&](const YNode& list, const char* key) {
        if (list.items.size() <= static_cast<std::size_t>(kMaxReplayTurns)) return false;
        rep.error(list, Message(Msg::TooManyTurns, {keyWhat(key), std::to_string(list.items.size()),
                                                    std::to_string(kMaxReplayTurns)}));
        return true;
    };
    if (const YNode* v = m.require("turns")) {
        if (v->isSeq()) {
            int i = 1;
            if (!tooLong(*v, "turns"))
                for (const YNode& item : v->items) readTurn(item, rep, *r, i++);
        } else if (!v->isNull()) {
            rep.error(*v, Msg::TurnsNotList);
        }
    }
    if (const YNode* v = m.get("rewound")) {
        if (v->isSeq()) {
            int i = 1;
            if (!tooLong(*v, "rewound"))
                for (const YNode& item : v->items) readRewound(item, rep, *r, i++);
        } else if (!v->isNull()) {
            rep.error(*v, Msg::RewoundNotList);
        }
    }
    if (const YNode* v = m.get("resumed")) {
        if (v->isSeq()) {
            int i = 1;
            for (const YNode& item : v->items) readGap(item, rep, *r, i++);
        } else if (!v->isNull()) {
            rep.error(*v, Msg::ResumedNotList);
        }
    }
    if (const YNode* v = m.get("notes")) {
        if (v->isSeq()) {
            int i = 1;
            for (const YNode& item : v->items) readNote(item, rep, *r, i++);
        } else if (!v->isNull()) {
            rep.error(*v, Msg::NotesNotList);
        }
    }
    if (const YNode* v = m.get("override")) readOverride(*v, rep, *r);
    if (!rep.failed()) out.value = r;
    return out;
}

LoadResult<Replay> loadReplay(const fs::path& file) {
    LoadResult<Replay> out;
    auto text = readSource(file.string(), out.diagnostics);
    if (!text) return out;
    return loadReplayText(*text, file.string());
}

namespace {

// A path as the user would type it from here (relative to the working folder when shorter).
std::string shownPath(const std::string& file) {
    std::error_code ec;
    fs::path rel = fs::proximate(file, ec);
    return ec || rel.empty() ? file : rel.string();
}

// Loads `c` when it is the scenario with the replay's id.
std::shared_ptr<const Scenario> loadIfId(const fs::path& c, const std::string& id) {
    std::error_code ec;
    if (!fs::is_regular_file(c, ec)) return nullptr;
    auto text = readFile(c, nullptr);
    if (!text || text->find(id) == std::string::npos) return nullptr;
    auto loaded = loadScenario(c);
    return loaded.ok() && loaded.value->id == id ? loaded.value : nullptr;
}

// The trainer's library decides which scenario a replay is scored against: the folders
// given are searched by id first. The replay's own `scenario.file` is only a hint, used
// when no folder holds the id (and then the output says so), so a replay cannot pick a
// doctored copy of its scenario.
std::shared_ptr<const Scenario> findScenario(const Replay& r, const std::vector<fs::path>& dirs,
                                             std::vector<Diagnostic>& diags) {
    std::error_code ec;
    for (const auto& dir : dirs) {
        std::vector<fs::path> files;
        if (fs::is_regular_file(dir, ec))
            files.push_back(dir);
        else
            files = yamlFilesBelow(dir);
        for (const auto& c : files)
            if (auto sc = loadIfId(c, r.scenarioId)) return sc;
    }
    if (r.scenarioFile.empty()) return nullptr;
    fs::path p = r.scenarioFile;
    if (p.is_relative()) p = fs::path(r.file).parent_path() / p;
    p = p.lexically_normal();
    if (auto sc = loadIfId(p, r.scenarioId)) {
        if (!dirs.empty())
            diags.push_back(
                {r.file, 0, 0, Severity::Warning,
                 Message(Msg::ScoredAgainstOwnFile, {r.scenarioId, shownPath(p.string())})});
        return sc;
    }
    if (fs::is_regular_file(p, ec)) {
        auto loaded = loadScenario(p);
        if (!loaded.ok()) {
            diags.push_back({r.file, 0, 0, Severity::Error,
                             Message(Msg::ReplayScenarioDoesNotLoad, {p.string()})});
            for (auto& d : loaded.diagnostics)
                if (d.severity == Severity::Error) diags.push_back(d);
        }
    }
    return nullptr;
}

}  // namespace

Rescored rescore(const Replay& r, const std::vector<fs::path>& scenarioDirs) {
    Rescored out;
    out.scenario = findScenario(r, scenarioDirs, out.diagnostics);
    if (!out.scenario && hasErrors(out.diagnostics))
        return out;  // found, but it does not load: said why
    if (!out.scenario) {
        out.diagnostics.push_back(
            {r.file, 0, 0, Severity::Error,
             r.scenarioFile.empty()
                 ? Message(Msg::ScenarioNotFound, {r.scenarioId})
                 : Message(Msg::ScenarioNotFoundRecorded, {r.scenarioId, r.scenarioFile})});
        return out;
    }
    return rescoreWith(r, out.scenario, std::move(out.diagnostics));
}

Rescored rescoreWith(const Replay& r, std::shared_ptr<const Scenario> scenario,
                     std::vector<Diagnostic> diagnostics) {
    Rescored out;
    out.scenario = std::move(scenario);
    out.diagnostics = std::move(diagnostics);
    if (!out.scenario) return out;
    if (r.scenarioHash.empty())
        out.diagnostics.push_back(
            {r.file, 0, 0, Severity::Warning, Message(Msg::ReplayNoHash, {r.scenarioId})});
    else if (r.scenarioHash != out.scenario->hash)
        out.diagnostics.push_back(
            {r.file, 0, 0, Severity::Warning,
             Message(Msg::ScenarioChanged, {r.scenarioId, shownPath(out.scenario->file)})});
    AttemptOptions opt;
    opt.seed = r.seed;
    opt.mode = r.mode;
    opt.lang = r.lang;
    opt.timed = r.timed;
    out.attempt = std::make_unique<Attempt>(out.scenario, opt);
    Attempt& s = *out.attempt;
    for (std::size_t i = 0; i < r.turns.size(); ++i) {
        const Turn& t = r.turns[i];
        SourcePos p = i < r.turnPos.size() ? r.turnPos[i] : SourcePos{};
        Message what(Msg::WhatTurn, {std::to_string(i + 1)});
        if (s.finished()) {
            out.diagnostics.push_back(
                {r.file, p.line, p.column, Severity::Warning, Message(Msg::TurnsAfterEnd, {what})});
            break;
        }
        if (s.node()->id != t.node) {
            out.diagnostics.push_back(
                {r.file, p.line, p.column, Severity::Error,
                 Message(Msg::TurnAtOtherNode, {what, t.node, s.node()->id})});
            break;
        }
        if (!t.shown.empty() && t.shown != s.shownIds())
            out.diagnostics.push_back({r.file, p.line, p.column, Severity::Warning,
                                       Message(Msg::ShownAnswersDiffer, {what})});
        if (!s.chooseId(t.picked, t.seconds)) {
            out.diagnostics.push_back({r.file, p.line, p.column, Severity::Error,
                                       Message(Msg::AnswerNotOnOffer, {what, t.picked, t.node})});
            break;
        }
        if (i < r.turnHasMood.size() && r.turnHasMood[i] &&
            (s.turns().back().after != t.after || s.turns().back().before != t.before))
            out.diagnostics.push_back({r.file, p.line, p.column, Severity::Warning,
                                       Message(Msg::RecordedMoodDiffers, {what})});
    }
    // The facts the replay states about its end are checked against a complete re-play.
    const Ending* reached = s.ending();
    bool complete = !hasErrors(out.diagnostics);
    if (complete && !r.ending.empty() && (!reached || reached->id != r.ending))
        out.diagnostics.push_back(
            {r.file, 0, 0, Severity::Warning,
             Message(Msg::RecordedEndingDiffers,
                     {r.ending, reached ? Message(reached->id) : Message(Msg::ScoreNotFinished)})});
    if (complete && !r.finished.empty() && !reached)
        out.diagnostics.push_back({r.file, 0, 0, Severity::Warning, Msg::RecordedFinishedButNot});
    if (!s.finished())
        out.diagnostics.push_back(
            {r.file, 0, 0, Severity::Warning,
             Message(s.turns().size() == 1 ? Msg::NoEndingTurn : Msg::NoEndingTurns,
                     {std::to_string(s.turns().size())})});
    s.setRewound(r.rewound);
    out.report = s.score();
    return out;
}

}  // namespace defuse
