// `defuse report`: every replay re-scored, then written as CSV, HTML or xAPI statements.
#include "report_command.hpp"

#include <openssl/evp.h>

#include <cmath>
#include <ctime>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "defuse/files.hpp"
#include "defuse/notes.hpp"
#include "defuse/paths.hpp"
#include "defuse/scoring_model.hpp"
#include "defuse/signature.hpp"
#include "defuse/store/central.hpp"
#include "defuse/text.hpp"
#include "defuse/version.hpp"
#include "report_data.hpp"

namespace defuse::term {

namespace fs = std::filesystem;

// [SECTION] Shared pieces

std::optional<long long> parseIso8601(const std::string& s) {
    std::tm tm{};
    int y, mo, d, h, mi, se;
    char z = 0;
    if (std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c", &y, &mo, &d, &h, &mi, &se, &z) != 7 ||
        z != 'Z')
        return std::nullopt;
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = se;
    return static_cast<long long>(timegm(&tm));
}

std::string isoDuration(double seconds) {
    long long ms = std::llround(std::max(0.0, seconds) * 1000);
    long long h = ms / 3600000, m = ms / 60000 % 60;
    double s = static_cast<double>(ms % 60000) / 1000;
    std::ostringstream out;
    out << "PT";
    if (h > 0) out << h << "H";
    if (h > 0 || m > 0) out << m << "M";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", s);
    std::string sec = buf;
    while (sec.back() == '0') sec.pop_back();
    if (sec.back() == '.') sec.pop_back();
    out << sec << "S";
    return out.str();
}

std::string_view signatureWord(SignatureState s) {
    switch (s) {
        case SignatureState::Unsigned:
            return "unsigned";
        case SignatureState::Signed:
            return "signed";
        case SignatureState::Valid:
            return "valid";
        case SignatureState::NotValid:
            return "NOT VALID";
    }
    return "";
}

namespace {

struct ReportOptions {
    std::vector<std::string> replays;
    std::string format;
    std::string out;
    std::string lang = "en";
    std::string pub;
    std::vector<std::string> scenarioDirs;
    std::string home = "https://defuse.example/";
    bool force = false;
    std::string from;  ///< --from: a central store (postgresql://...) or a store file
    store::Filter filter;
};

// Start to finish without the breaks; never less than the answers' own seconds (a scripted
// run with recorded seconds finishes within a second of its start).
double durationOf(const Replay& r) {
    double answers = 0;
    for (const auto& t : r.turns) answers += t.seconds;
    auto a = parseIso8601(r.started), b = parseIso8601(r.finished);
    if (a && b && *b >= *a) {
        double d = static_cast<double>(*b - *a);
        for (const auto& g : r.resumed) {
            auto s = parseIso8601(g.stopped), e = parseIso8601(g.resumed);
            if (s && e && *e >= *s) d -= static_cast<double>(*e - *s);
        }
        return std::max(answers, d);
    }
    return answers;
}

SignatureState signatureOf(const std::string& file, const std::string& text, const Replay& r,
                           const std::optional<std::string>& pub) {
    std::error_code ec;
    fs::path sigFile = signaturePath(file);
    if (!fs::exists(sigFile, ec)) return SignatureState::Unsigned;
    if (!pub) return SignatureState::Signed;
    Message why;
    auto sigText = readFile(sigFile, why);
    auto sig = sigText ? parseSignature(*sigText, why) : std::nullopt;
    if (!sig) return SignatureState::NotValid;
    return verifyReplay(r, text, *sig, *pub).valid() ? SignatureState::Valid
                                                     : SignatureState::NotValid;
}

// [SECTION] CSV

// RFC 4180, and a text cell that a spreadsheet would take for a formula is quoted as text.
std::string cell(const std::string& s, bool text = true) {
    std::string v = s;
    if (text && !v.empty() && std::string("=+-@\t\r").find(v[0]) != std::string::npos) v = "'" + v;
    if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
    std::string out = "\"";
    for (char c : v) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", v);
    std::string s = buf;
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
    return s;
}

std::string criticalsText(const ScoreReport& rep, Lang lang) {
    std::string out;
    for (const auto& c : rep.criticals) {
        if (!out.empty()) out += "; ";
        out += "turn " + std::to_string(c.turn) + " " + c.answer;
        std::string why = c.reason.get(langCode(lang));
        if (!why.empty()) out += " (" + why + ")";
    }
    return out;
}

std::string csvReport(const std::vector<ReportRun>& runs, Lang lang) {
    std::string out =
        "file,trainee,scenario,scenario_hash,scenario_changed,mode,date,duration_s,finished,"
        "ending,ending_kind,score,grade,passed";
    for (int c = 0; c < kCompetencyCount; ++c)
        out += "," + std::string(competencyId(static_cast<Competency>(c)));
    out += ",critical_mistakes,signature,override,override_reason,breaks\r\n";
    int passMark = ScoringModel::builtIn().passMark;
    for (const auto& run : runs) {
        const Replay& r = run.replay;
        const ScoreReport& rep = run.scored.report;
        std::vector<std::string> row{cell(run.file),
                                     cell(r.trainee),
                                     cell(r.scenarioId),
                                     cell(r.scenarioHash),
                                     run.scenarioChanged ? "yes" : "no",
                                     std::string(modeId(r.mode)),
                                     cell(r.started),
                                     number(run.durationSeconds),
                                     rep.finished ? "yes" : "no",
                                     rep.finished ? cell(rep.endingId) : "",
                                     rep.finished ? std::string(endingKindId(rep.endingKind)) : "",
                                     std::to_string(rep.total),
                                     cell(rep.grade),
                                     rep.finished && rep.total >= passMark ? "yes" : "no"};
        for (int c = 0; c < kCompetencyCount; ++c)
            row.push_back(std::to_string(rep.competencyUses[static_cast<std::size_t>(c)]));
        row.push_back(cell(criticalsText(rep, lang)));
        row.push_back(std::string(signatureWord(run.signature)));
        row.push_back(std::string(markId(r.notes.mark)));
        row.push_back(cell(r.notes.reason));
        row.push_back(std::to_string(r.resumed.size()));
        std::string line;
        for (const auto& v : row) line += (line.empty() ? "" : ",") + v;
        out += line + "\r\n";
    }
    return out;
}

// [SECTION] xAPI 1.0.3

// A name-based UUID (version 5, SHA-1, RFC 4122) in defuse's namespace: the same replay gives
// the same statement id on every export, so an LMS never stores it twice.
std::string uuidV5(const std::string& name) {
    static const unsigned char kNamespace[16] = {0x5d, 0x3e, 0x1f, 0x0a, 0x9b, 0x47, 0x4c, 0x21,
                                                 0x8e, 0x6f, 0x2a, 0x11, 0xd0, 0x4b, 0x73, 0x95};
    std::string data(reinterpret_cast<const char*>(kNamespace), 16);
    data += name;
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    EVP_Digest(data.data(), data.size(), md, &len, EVP_sha1(), nullptr);
    md[6] = static_cast<unsigned char>((md[6] & 0x0F) | 0x50);
    md[8] = static_cast<unsigned char>((md[8] & 0x3F) | 0x80);
    char out[37];
    std::snprintf(out, sizeof out,
                  "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x", md[0],
                  md[1], md[2], md[3], md[4], md[5], md[6], md[7], md[8], md[9], md[10], md[11],
                  md[12], md[13], md[14], md[15]);
    return out;
}

// The run's facts without the assessor's notes: notes added later do not make a new statement.
std::string runIdentity(const Replay& r) {
    std::istringstream in(canonicalForm(r));
    std::string line, out;
    while (std::getline(in, line))
        if (line.rfind("note ", 0) != 0 && line.rfind("override ", 0) != 0) out += line + "\n";
    return out;
}

std::string timestampMs(const std::string& iso) {
    auto t = parseIso8601(iso);
    if (!t) return "1970-01-01T00:00:00.000Z";
    std::time_t tt = static_cast<std::time_t>(*t);
    std::tm tm{};
    gmtime_r(&tt, &tm);
    char buf[40];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S.000Z", &tm);
    return buf;
}

std::string withSlash(std::string s) { return s.empty() || s.back() == '/' ? s : s + "/"; }

nlohmann::json xapiStatement(const ReportRun& run, const std::string& home, Lang lang) {
    using nlohmann::json;
    const Replay& r = run.replay;
    const ScoreReport& rep = run.scored.report;
    std::string base = withSlash(home);
    int passMark = ScoringModel::builtIn().passMark;
    bool success = rep.finished && rep.total >= passMark;
    std::string verb = r.mode == Mode::Practice && rep.finished ? "completed"
                       : success                                ? "passed"
                                                                : "failed";
    json ext = json::object();
    ext[base + "xapi/engine-version"] = r.engineVersion.empty() ? kEngineVersion : r.engineVersion;
    ext[base + "xapi/scenario-hash"] = r.scenarioHash;
    ext[base + "xapi/scenario-changed"] = run.scenarioChanged;
    ext[base + "xapi/mode"] = std::string(modeId(r.mode));
    json curve = json::array();
    for (const Mood& m : run.moodCurve)
        curve.push_back({{"anger", m.anger()}, {"trust", m.trust()}, {"patience", m.patience()}});
    ext[base + "xapi/mood-curve"] = curve;
    json criticals = json::array();
    for (const auto& c : rep.criticals)
        criticals.push_back({{"turn", c.turn},
                             {"answer", c.answer},
                             {"tag", c.tag},
                             {"reason", c.reason.get(langCode(lang))}});
    ext[base + "xapi/critical-mistakes"] = criticals;
    if (r.notes.mark != OverrideMark::None)
        ext[base + "xapi/assessor-override"] = {{"mark", std::string(markId(r.notes.mark))},
                                                {"reason", r.notes.reason}};
    ext[base + "xapi/signature"] = std::string(signatureWord(run.signature));
    json name = json::object();
    name["en-US"] = run.scored.scenario ? run.scored.scenario->title.get("en") : r.scenarioId;
    if (run.scored.scenario) name["zh-CN"] = run.scored.scenario->title.get("zh");
    json st = {
        {"id", uuidV5(runIdentity(r))},
        {"actor",
         {{"objectType", "Agent"},
          {"name", r.trainee.empty() ? std::string("(no name)") : r.trainee},
          {"account",
           {{"homePage", base + "trainees"},
            {"name", r.trainee.empty() ? std::string("(no name)") : r.trainee}}}}},
        {"verb",
         {{"id", "http://adlnet.gov/expapi/verbs/" + verb}, {"display", {{"en-US", verb}}}}},
        {"object",
         {{"objectType", "Activity"},
          {"id", base + "scenarios/" + r.scenarioId + "/" + r.scenarioHash},
          {"definition",
           {{"name", name}, {"type", "http://adlnet.gov/expapi/activities/simulation"}}}}},
        {"result",
         {{"score", {{"scaled", rep.total / 100.0}, {"raw", rep.total}, {"min", 0}, {"max", 100}}},
          {"success", success},
          {"completion", rep.finished},
          {"duration", isoDuration(run.durationSeconds)}}},
        {"context", {{"language", lang == Lang::Zh ? "zh-CN" : "en-US"}, {"extensions", ext}}},
        {"timestamp", timestampMs(r.finished.empty() ? r.started : r.finished)},
        {"version", "1.0.3"}};
    return st;
}

// [SECTION] The command

int report(const ReportOptions& opt) {
    Lang lang = langFromCode(opt.lang);
    auto say = [lang](const Message& m) { return printable(render(m, lang)); };
    std::error_code ec;
    if (fs::exists(opt.out, ec) && !opt.force) {
        std::cerr << say(Message(Msg::ErrReplayExists, {opt.out})) << "\n";
        return 2;
    }
    std::optional<std::string> pub;
    if (!opt.pub.empty()) {
        Message why;
        pub = readPublicKey(opt.pub, why);
        if (!pub) {
            std::cerr << "defuse: " << say(why) << "\n";
            return 2;
        }
    }
    std::vector<fs::path> dirs(opt.scenarioDirs.begin(), opt.scenarioDirs.end());
    dirs.push_back(bundledScenarioDir());
    std::vector<ReportRun> runs;
    int status = 0;
    // The replays: files named, or every attempt of a store (--from) that passes the filter.
    std::vector<std::pair<std::string, std::optional<std::string>>> inputs;
    std::vector<std::string> readErrors;
    std::map<std::string, SignatureState> storedSignature;
    if (!opt.from.empty()) {
        std::string why;
        auto src = store::openSource(opt.from, why);
        if (!src) {
            std::cerr << say(store::isPostgresUrl(opt.from)
                                 ? Message(Msg::StoreCentralDown, {store::maskedUrl(opt.from), why})
                                 : Message(Msg::StoreCannotOpen, {opt.from, why}))
                      << "\n";
            return 3;
        }
        try {
            for (const store::AttemptRow& row : src->list(opt.filter)) {
                std::string err;
                auto text = src->replayText(row, err);
                if (!text)
                    readErrors.push_back(say(Message(Msg::StoreNoReplay, {row.replayPath, err})));
                inputs.emplace_back(row.replayPath, std::move(text));
                storedSignature[row.replayPath] = row.signature == "valid" ? SignatureState::Valid
                                                  : row.signature == "unsigned"
                                                      ? SignatureState::Unsigned
                                                      : SignatureState::NotValid;
            }
        } catch (const std::exception& ex) {
            std::cerr << say(Message(Msg::StoreCannotOpen, {src->name(), ex.what()})) << "\n";
            return 3;
        }
        std::cerr << say(Message(
                         Msg::StoreReadFrom,
                         {Message::num(static_cast<long long>(inputs.size())), src->name()}))
                  << "\n";
    }
    for (const auto& file : opt.replays) {
        std::string why;
        auto text = readFile(file, &why);
        if (!text) readErrors.push_back("defuse: " + printable(why));
        inputs.emplace_back(file, std::move(text));
    }
    std::size_t readError = 0;
    for (auto& [file, text] : inputs) {
        auto loaded = text ? loadReplayText(*text, file) : LoadResult<Replay>{};
        ReportRun run;
        run.file = file;
        if (loaded.ok()) {
            run.replay = *loaded.value;
            run.scored = rescore(run.replay, dirs);
        }
        std::vector<Diagnostic> diags = loaded.diagnostics;
        if (!text && readError < readErrors.size()) std::cerr << readErrors[readError++] << "\n";
        diags.insert(diags.end(), run.scored.diagnostics.begin(), run.scored.diagnostics.end());
        for (const auto& d : diags)
            if (d.severity == Severity::Error) std::cerr << printable(d.format(lang)) << "\n";
        if (!loaded.ok() || !run.scored.ok() || hasErrors(diags)) {
            std::cerr << say(Message(Msg::ReportLeftOut, {file})) << "\n";
            status = 1;
            continue;
        }
        run.ok = true;
        run.scenarioChanged = !run.replay.scenarioHash.empty() &&
                              run.replay.scenarioHash != run.scored.scenario->hash;
        run.durationSeconds = durationOf(run.replay);
        run.title = run.scored.scenario->title.get(langCode(lang));
        run.moodCurve = run.scored.attempt->moodCurve();
        const auto stored = storedSignature.find(file);
        run.signature = stored != storedSignature.end() && !fs::exists(file, ec)
                            ? stored->second  // checked when it was indexed, at its site
                            : signatureOf(file, *text, run.replay, pub);
        runs.push_back(std::move(run));
    }
    std::string content;
    if (opt.format == "csv") {
        content = csvReport(runs, lang);
    } else if (opt.format == "xapi") {
        nlohmann::json all = nlohmann::json::array();
        for (const auto& run : runs) all.push_back(xapiStatement(run, opt.home, lang));
        content = all.dump(2) + "\n";
    } else {
        content = htmlReport(runs, lang);
    }
    std::string why;
    if (!writeFileAtomic(opt.out, content, &why)) {
        std::cerr << "defuse: " << printable(why) << "\n";
        return 4;
    }
    std::cout << say(Message(Msg::ReportWritten,
                             {opt.out, Message::num(static_cast<long long>(runs.size()))}))
              << "\n";
    return status;
}

}  // namespace

void addReportCommand(CLI::App& app, int& exitCode) {
    auto opt = std::make_shared<ReportOptions>();
    CLI::App* r = app.add_subcommand(
        "report", "A class's results from replays: CSV, an HTML report or xAPI statements");
    r->add_option("replays", opt->replays, "Replay files (or --from)");
    r->add_option("--from", opt->from,
                  "Report the attempts of a store: the central one (postgresql://...) or a "
                  "store file");
    r->add_option("--site", opt->filter.site, "With --from: only this site's attempts");
    r->add_option("--scenario", opt->filter.scenario, "With --from: only this scenario's");
    r->add_option("--since", opt->filter.since, "With --from: started on or after (YYYY-MM-DD)");
    r->add_option("--format", opt->format, "csv, html or xapi")
        ->required()
        ->check(CLI::IsMember({"csv", "html", "xapi"}));
    r->add_option("-o,--out", opt->out, "The file to write")->required();
    r->add_option("--lang", opt->lang, "en or zh (default en)")->check(CLI::IsMember({"en", "zh"}));
    r->add_option("--pub", opt->pub, "Check each replay's signature with this public key");
    r->add_option("--scenarios", opt->scenarioDirs, "Folders (or files) with the scenarios");
    r->add_option("--home", opt->home,
                  "xAPI: the IRI the trainee accounts, scenarios and extensions live under "
                  "(default https://defuse.example/)");
    r->add_flag("--force", opt->force, "Replace the output file if it exists");
    r->callback([opt, &exitCode] {
        if (opt->replays.empty() && opt->from.empty())
            throw CLI::RequiredError("replays or --from");
        exitCode = report(*opt);
    });
}

}  // namespace defuse::term
