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
void emitTurn(YAML::Emitter& out, const Turn& t, int turn) {
    out << YAML::BeginMap;
    if (turn > 0) out << YAML::Key << "turn" << YAML::Value << turn;
    out << YAML::Key << "node" << YAML::Value << t.node;
    out << YAML::Key << "shown" << YAML::Value << YAML::Flow << t.shown;
    out << YAML::Key << "picked" << YAML::Value << t.picked;
    out << YAML::Key << "seconds" << YAML::Value << secondsText(t.seconds);
    emitMood(out, "mood_before", t.before);
    emitMood(out, "mood_after", t.after);
    out << YAML::EndMap;
}

}  // namespace

std::string replayText(const Attempt& s, const std::string& trainee, const std::string& started,
                       const std::string& finished, const fs::path& relativeTo) {
    const Scenario& sc = s.scenario();
    YAML::Emitter out;
    out << YAML::Comment(
        "defuse replay: one run, recorded turn by turn. Scores are always recomputed from the "
        "answers.");
    out << YAML::BeginMap;
    out << YAML::Key << "defuse_replay" << YAML::Value << 1;
    out << YAML::Key << "engine" << YAML::Value << kEngineVersion;
    out << YAML::Key << "scenario" << YAML::Value << YAML::BeginMap;
    out << YAML::Key << "id" << YAML::Value << sc.id;
    out << YAML::Key << "file" << YAML::Value << validUtf8(scenarioRef(sc.file, relativeTo));
    out << YAML::Key << "hash" << YAML::Value << sc.hash;
    out << YAML::EndMap;
    out << YAML::Key << "mode" << YAML::Value << std::string(modeId(s.options().mode));
    out << YAML::Key << "trainee" << YAML::Value << validUtf8(trainee);
    out << YAML::Key << "seed" << YAML::Value << s.options().seed;
    out << YAML::Key << "language" << YAML::Value << validUtf8(s.options().lang);
    out << YAML::Key << "timed" << YAML::Value << s.options().timed;
    out << YAML::Key << "started" << YAML::Value << validUtf8(started);
    if (!finished.empty()) out << YAML::Key << "finished" << YAML::Value << validUtf8(finished);
    if (const Ending* e = s.ending()) out << YAML::Key << "ending" << YAML::Value << e->id;
    out << YAML::Key << "turns" << YAML::Value << YAML::BeginSeq;
    for (const Turn& t : s.turns()) emitTurn(out, t, 0);
    out << YAML::EndSeq;
    // Practice that took answers back keeps what was taken back (absent when nothing was).
    if (!s.rewound().empty()) {
        out << YAML::Key << "rewound" << YAML::Value << YAML::BeginSeq;
        for (const Rewound& w : s.rewound()) emitTurn(out, w.taken, w.turn);
        out << YAML::EndSeq;
    }
    out << YAML::EndMap;
    return std::string(out.c_str()) + "\n";
}

ReplayWriter::ReplayWriter(fs::path path, std::string trainee, std::string started)
    : m_path(std::move(path)), m_trainee(std::move(trainee)), m_started(std::move(started)) {}

bool ReplayWriter::write(const Attempt& s, std::string* error) {
    std::string finished = s.finished() ? nowIso8601() : std::string();
    fs::path dir = m_path.parent_path().empty() ? fs::path(".") : m_path.parent_path();
    return writeFileAtomic(m_path, replayText(s, m_trainee, m_started, finished, dir), error);
}

}  // namespace defuse
