// Writing replays: the whole record, rewritten atomically after every turn.
#include <utf8.h>
#include <yaml-cpp/yaml.h>

#include <chrono>
#include <cstdio>
#include <ctime>
#include <iterator>

#include "defuse/files.hpp"
#include "defuse/replay.hpp"
#include "defuse/version.hpp"

namespace defuse {

namespace fs = std::filesystem;

std::string nowIso8601() {
    std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

namespace {

// Text from outside the scenario (a trainee's name typed in a terminal that is not UTF-8, a
// file name) may not be valid UTF-8, and the loader refuses such a file: the replay of a
// whole assessment would be unreadable. Invalid bytes become U+FFFD instead.
std::string validUtf8(const std::string& s) {
    if (utf8::is_valid(s.begin(), s.end())) return s;
    std::string out;
    utf8::replace_invalid(s.begin(), s.end(), std::back_inserter(out));
    return out;
}

void emitMood(YAML::Emitter& out, const char* key, const Mood& m) {
    out << YAML::Key << key << YAML::Value << YAML::Flow << YAML::BeginMap;
    for (Dim d : kAllDims) out << YAML::Key << std::string(dimName(d)) << YAML::Value << m.get(d);
    out << YAML::EndMap;
}

std::string secondsText(double s) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", s);
    return buf;
}

std::string scenarioRef(const std::string& file, const fs::path& relativeTo) {
    std::error_code ec;
    fs::path abs = fs::absolute(file, ec);
    if (ec) return file;
    if (relativeTo.empty()) return abs.lexically_normal().string();
    fs::path base = fs::absolute(relativeTo, ec).lexically_normal();
    abs = abs.lexically_normal();
    // Relative when both live under one top folder (a repo, a home), so the pair can move together.
    auto top = [](const fs::path& p) {
        auto it = p.begin();
        return std::distance(p.begin(), p.end()) > 1 ? *std::next(it) : fs::path();
    };
    if (top(abs) != top(base) || top(abs).empty()) return abs.string();
    fs::path rel = abs.lexically_relative(base);
    return rel.empty() ? abs.string() : rel.string();
}

// One turn as a map; `turn` > 0 also records which turn it was (for answers taken back).
void emitTurn(YAML::Emitter& out, const Turn& t, int turn, bool withMood = true) {
    out << YAML::BeginMap;
    if (turn > 0) out << YAML::Key << "turn" << YAML::Value << turn;
    out << YAML::Key << "node" << YAML::Value << t.node;
    out << YAML::Key << "shown" << YAML::Value << YAML::Flow << t.shown;
    out << YAML::Key << "picked" << YAML::Value << t.picked;
    out << YAML::Key << "seconds" << YAML::Value << secondsText(t.seconds);
    if (withMood) {
        emitMood(out, "mood_before", t.before);
        emitMood(out, "mood_after", t.after);
    }
    out << YAML::EndMap;
}

// The assessor's notes and mark (absent when there are none).
void emitNotes(YAML::Emitter& out, const AssessorNotes& n) {
    if (!n.notes.empty()) {
        out << YAML::Key << "notes" << YAML::Value << YAML::BeginSeq;
        for (const AssessorNote& note : n.notes) {
            out << YAML::BeginMap;
            if (note.turn > 0) out << YAML::Key << "turn" << YAML::Value << note.turn;
            out << YAML::Key << "text" << YAML::Value << validUtf8(note.text);
            out << YAML::Key << "written" << YAML::Value << validUtf8(note.written);
            out << YAML::EndMap;
        }
        out << YAML::EndSeq;
    }
    if (n.mark != OverrideMark::None) {
        out << YAML::Key << "override" << YAML::Value << YAML::BeginMap;
        out << YAML::Key << "mark" << YAML::Value
            << std::string(n.mark == OverrideMark::Pass ? "pass" : "fail");
        out << YAML::Key << "reason" << YAML::Value << validUtf8(n.reason);
        out << YAML::Key << "written" << YAML::Value << validUtf8(n.markWritten);
        out << YAML::EndMap;
    }
}

}  // namespace

Replay replayOf(const Attempt& s, const std::string& trainee, const std::string& started,
                const std::string& finished, const fs::path& relativeTo) {
    const Scenario& sc = s.scenario();
    Replay r;
    r.engineVersion = kEngineVersion;
    r.scenarioId = sc.id;
    r.scenarioFile = scenarioRef(sc.file, relativeTo);
    r.scenarioHash = sc.hash;
    r.mode = s.options().mode;
    r.trainee = trainee;
    r.seed = s.options().seed;
    r.lang = s.options().lang;
    r.timed = s.options().timed;
    r.started = started;
    r.finished = finished;
    if (const Ending* e = s.ending()) r.ending = e->id;
    r.turns = s.turns();
    r.rewound = s.rewound();
    return r;
}

std::string replayText(const Replay& r) {
    YAML::Emitter out;
    out << YAML::Comment(
        "defuse replay: one run, recorded turn by turn. Scores are always recomputed from the "
        "answers.");
    out << YAML::BeginMap;
    out << YAML::Key << "defuse_replay" << YAML::Value << 1;
    out << YAML::Key << "engine" << YAML::Value << validUtf8(r.engineVersion);
    out << YAML::Key << "scenario" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "id" << YAML::Value << r.scenarioId;
    out << YAML::Key << "file" << YAML::Value << validUtf8(r.scenarioFile);
    out << YAML::Key << "hash" << YAML::Value << validUtf8(r.scenarioHash);
    out << YAML::EndMap;
    out << YAML::Key << "mode" << YAML::Value << std::string(modeId(r.mode));
    out << YAML::Key << "trainee" << YAML::Value << validUtf8(r.trainee);
    out << YAML::Key << "seed" << YAML::Value << r.seed;
    out << YAML::Key << "language" << YAML::Value << validUtf8(r.lang);
    out << YAML::Key << "timed" << YAML::Value << r.timed;
    out << YAML::Key << "started" << YAML::Value << validUtf8(r.started);
    if (!r.finished.empty()) out << YAML::Key << "finished" << YAML::Value << validUtf8(r.finished);
    if (!r.ending.empty()) out << YAML::Key << "ending" << YAML::Value << r.ending;
    if (!r.abandoned.empty())
        out << YAML::Key << "abandoned" << YAML::Value << validUtf8(r.abandoned);
    out << YAML::Key << "turns" << YAML::Value << YAML::BeginSeq;
    for (std::size_t i = 0; i < r.turns.size(); ++i)
        emitTurn(out, r.turns[i], 0, i >= r.turnHasMood.size() || r.turnHasMood[i]);
    out << YAML::EndSeq;
    // Practice that took answers back keeps what was taken back (absent when nothing was).
    if (!r.rewound.empty()) {
        out << YAML::Key << "rewound" << YAML::Value << YAML::BeginSeq;
        for (const Rewound& w : r.rewound) emitTurn(out, w.taken, w.turn);
        out << YAML::EndSeq;
    }
    // The breaks of a run taken up again (absent when it ran in one go).
    if (!r.resumed.empty()) {
        out << YAML::Key << "resumed" << YAML::Value << YAML::BeginSeq;
        for (const ResumeGap& g : r.resumed) {
            out << YAML::BeginMap;
            out << YAML::Key << "after_turn" << YAML::Value << g.afterTurn;
            out << YAML::Key << "stopped" << YAML::Value << validUtf8(g.stopped);
            out << YAML::Key << "resumed" << YAML::Value << validUtf8(g.resumed);
            out << YAML::EndMap;
        }
        out << YAML::EndSeq;
    }
    emitNotes(out, r.notes);
    out << YAML::EndMap;
    return std::string(out.c_str()) + "\n";
}

std::string replayText(const Attempt& s, const std::string& trainee, const std::string& started,
                       const std::string& finished, const fs::path& relativeTo) {
    return replayText(replayOf(s, trainee, started, finished, relativeTo));
}

bool writeReplay(const Replay& r, const fs::path& path, std::string* error) {
    return writeFileAtomic(path, replayText(r), error);
}

ReplayWriter::ReplayWriter(fs::path path, std::string trainee, std::string started)
    : m_path(std::move(path)) {
    m_base.trainee = std::move(trainee);
    m_base.started = std::move(started);
}

ReplayWriter::ReplayWriter(fs::path path, Replay base)
    : m_path(std::move(path)), m_base(std::move(base)) {}

bool ReplayWriter::write(const Attempt& s, std::string* error, WriteMode mode, int* errorCode) {
    std::string finished = s.finished() ? nowIso8601() : std::string();
    fs::path dir = m_path.parent_path().empty() ? fs::path(".") : m_path.parent_path();
    Replay r = replayOf(s, m_base.trainee, m_base.started, finished, dir);
    r.resumed = m_base.resumed;
    r.notes = m_base.notes;
    return writeFileAtomic(m_path, replayText(r), error, mode, errorCode);
}

}  // namespace defuse
