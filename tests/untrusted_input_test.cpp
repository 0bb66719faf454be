// [loader][bounds] Files from outside stay cheap and harmless: bounded work on any file under the
// size limit, archetype references that only reach regular .yaml files, folders whose
// unreadable entries are reported, and the YAML conformance gaps closed. Every input is made
// here by the test.
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <functional>

#include "defuse/tags.hpp"
#include "test_support.hpp"

using namespace defuse;

namespace {

// A one-node scenario; `answers` are the lines under `answers:` of node greet.
std::string scenarioWith(const std::string& answers, const std::string& top = "") {
    return "kind: scenario\nid: t\ntitle: {en: T, zh: T}\nbriefing: {en: B, zh: B}\n" + top +
           "customer: {archetype: tester}\nnodes:\n  greet:\n    say: {en: Hi, zh: 你好}\n"
           "    answers:\n" +
           answers +
           "endings:\n  done: {kind: resolved, title: {en: D, zh: D}, say: {en: Bye, zh: 再见}}\n";
}

std::string answer(const std::string& extra = "") {
    return "      - {" + extra +
           "text: {en: A, zh: A}, tags: [listening], next: done, note: {en: N, zh: N}}\n";
}

fs::path freshDir(const std::string& name) {
    fs::path d = fs::temp_directory_path() / ("defuse-untrusted-" + name);
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
}

std::string errorsOnly(const std::string& diags) {
    std::string out;
    std::size_t at = 0;
    while (at < diags.size()) {
        std::size_t nl = diags.find('\n', at);
        std::string line = diags.substr(at, nl - at + 1);
        if (line.find(": error: ") != std::string::npos) out += line;
        at = nl + 1;
    }
    return out;
}

double secondsFor(const std::function<void()>& f) {
    auto start = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

TEST_CASE("a node offers at most kMaxAnswersPerNode answers", "[loader][bounds]") {
    std::string many;
    for (int i = 0; i <= kMaxAnswersPerNode; ++i) many += answer();
    CHECK(errorsOnly(diagnose(scenarioWith(many))) ==
          "t.yaml:10:7: error: node 'greet' offers 101 answers; at most 100 are allowed\n");
}

TEST_CASE("columns on a very long line are counted once", "[loader][bounds]") {
    // 60,000 items on one line, the last one wrong: its column is exact and found fast (it
    // used to be counted from the line start for every item: 16 s).
    std::string line = "x: [";
    for (int i = 0; i < 60000; ++i) line += "好a, ";
    line += "{]";
    std::vector<Diagnostic> diags;
    double s = secondsFor([&] { diags = loadScenarioText(line, "long.yaml", {}).diagnostics; });
    REQUIRE(diags.size() == 1);
    CHECK(diags[0].line == 1);
    CHECK(diags[0].column > 4 + 60000 * 4);
    CHECK(s < 5);  // well under a second in a release build; generous for the sanitizers
}

TEST_CASE("did you mean is bounded in length and candidates", "[loader][bounds]") {
    CHECK(didYouMean("openng", {"opening", "plan"}) == "opening");
    std::string longId(kMaxSuggestLength + 1, 'a');
    CHECK(didYouMean(longId, {longId + "b"}).empty());
    std::vector<std::string> many(kMaxSuggestCandidates + 1, "plan");
    CHECK(didYouMean("plam", many).empty());
    // 1,500 references with 900-character ids, all broken: once 200 s, now quick.
    std::string answers;
    for (int i = 0; i < 1500; ++i)
        answers += "      - {text: {en: A, zh: A}, tags: [listening], next: " +
                   std::string(900, static_cast<char>('a' + i % 26)) + std::to_string(i) +
                   ", note: {en: N, zh: N}}\n";
    double s = secondsFor([&] { diagnose(scenarioWith(answers)); });
    CHECK(s < 5);
}

TEST_CASE("an explicit answer id may not be another answer's default id", "[loader]") {
    // Answer 1 takes the id answer 2 would get by default, and the other way round.
    CHECK(errorsOnly(diagnose(scenarioWith(answer("id: greet.2, ") + answer()))) ==
          "t.yaml:10:14: error: answer id 'greet.2' is also the id answer 2 of node 'greet' "
          "gets without 'id:'; give one of them another id\n");
    CHECK(errorsOnly(diagnose(scenarioWith(answer() + answer("id: greet.1, ")))) ==
          "t.yaml:11:14: error: answer id 'greet.1' is also the id answer 1 of node 'greet' "
          "gets without 'id:'; give one of them another id\n");
}

TEST_CASE("a comparison with a malformed number is an error", "[loader][condition]") {
    CHECK(errorsOnly(diagnose(scenarioWith(answer("if: anger > 1.2.3, ")))) ==
          "t.yaml:10:22: error: the condition of answer 1 of node 'greet': '1.2.3' is not a "
          "number (digits with at most one decimal point)\n");
    CHECK(errorsOnly(diagnose(scenarioWith(answer("if: anger > 1., ")))) ==
          "t.yaml:10:22: error: the condition of answer 1 of node 'greet': '1.' is not a number "
          "(digits with at most one decimal point)\n");
    CHECK(diagnose(scenarioWith(answer("if: anger > 1.5, ") + answer())).find("not a number") ==
          std::string::npos);
}

TEST_CASE("invalid YAML that yaml-cpp 0.7 accepts is a syntax error at its place",
          "[loader][yaml]") {
    // Cases of the YAML test suite (github.com/yaml/yaml-test-suite, marked as errors there)
    // that defuse check accepted; each input written out here, the suite's id beside it.
    struct Case {
        const char* id;
        std::string yaml;
        const char* where;
        const char* message;
    };
    const Case cases[] = {
        {"236B", "foo:\n  bar\ninvalid\n", "3:1", "has no ':' after its key"},
        {"7MNF", "top1:\n  key1: val1\ntop2\n", "3:1", "has no ':' after its key"},
        {"9CWY", "key:\n - item1\n - item2\ninvalid\n", "4:1", "has no ':' after its key"},
        {"9C9N", "---\nflow: [a,\nb,\nc]\n", "3:1", "continues the text or list begun on line 2"},
        {"QB6E", "---\nquoted: \"a\nb\nc\"\n", "3:1", "continues the text or list begun on line 2"},
        {"DK95/01", "foo: \"bar\n\tbaz\"\n", "2:1", "continues the text or list begun on line 1"},
        {"Y79Y/003", "- [\n\tfoo,\n foo\n ]\n", "2:1",
         "continues the text or list begun on line 1"},
        {"9JBA", "---\n[ a, b, c, ]#invalid\n", "2:13", "a comment (#) needs a space before it"},
        {"CVW2", "---\n[ a, b, c,#invalid\n]\n", "2:11", "a comment (#) needs a space before it"},
        {"X4QW", "block: ># comment\n  scalar\n", "1:9", "a comment (#) needs a space before it"},
        {"SU5Z", "key: \"value\"# invalid comment\n", "1:13",
         "a comment (#) needs a space before it"},
        {"9MAG", "---\n[ , a, b, c ]\n", "2:3", "an empty entry"},
        {"CTN5", "---\n[ a, b, c, , ]\n", "2:12", "an empty entry"},
        {"G5U8", "---\n- [-, -]\n", "2:4", "a lone '-' inside"},
        {"YJV2", "[-]\n", "1:2", "a lone '-' inside"},
        {"HRE5", "---\ndouble: \"quoted \\' scalar\"\n", "2:17", "'\\'' is not an escape"},
        {"B63P", "%YAML 1.2\n...\n", "2:1", "a directive (%...) must be followed by"},
    };
    for (const Case& c : cases) {
        INFO(c.id);
        std::string got = diagnose(c.yaml);
        CHECK(got.rfind("t.yaml:" + std::string(c.where) + ": error: ", 0) == 0);
        CHECK(got.find(c.message) != std::string::npos);
        CHECK(std::count(got.begin(), got.end(), '\n') == 1);
    }
    // Their valid neighbours still read (the loader then finds what a scenario lacks).
    for (const char* ok :
         {"foo:\n  bar\n  more\n", "flow: [a,\n  b,\n  c]\n", "quoted: \"a\n  b\"\n",
          "- [\n  foo,\n  foo\n  ]\n", "[ a, b, c, ] # fine\n", "key: \"value\" # fine\n",
          "[a#b, -1, -x, '-', c]\n", "double: \"\\\" \\\\ \\/ \\t \\x41 \\u00e9\"\n",
          "[ a, b, c, ]\n", "{a: , b: c}\n", "%YAML 1.2\n---\na: b\n", "? a\n: b\n",
          "block: > # comment\n  scalar\n", "lit: |-\n  text\n", "s: 'it''s' # fine\n"}) {
        INFO(ok);
        std::string got = diagnose(ok);
        CHECK(got.find("YAML syntax") == std::string::npos);
        for (const Case& c : cases) CHECK(got.find(c.message) == std::string::npos);
    }
}

TEST_CASE("a file with CR-only line ends loads like its LF twin", "[loader]") {
    std::string lf = scenarioWith(answer());
    std::string cr = lf;
    for (char& c : cr)
        if (c == '\n') c = '\r';
    auto a = loadScenarioText(lf, "lf.yaml", {fixture("scenarios")});
    auto b = loadScenarioText(cr, "cr.yaml", {fixture("scenarios")});
    INFO(joinDiagnostics(b.diagnostics));
    REQUIRE(b.ok());
    REQUIRE(a.ok());
    CHECK(b.value->nodes.size() == a.value->nodes.size());
    CHECK(b.value->node("greet")->answers[0].pos.line ==
          a.value->node("greet")->answers[0].pos.line);
}

TEST_CASE("a rubric weighting only response_time in an untimed scenario is a warning",
          "[loader][scoring]") {
    const std::string onlyTiming =
        "rubric: {weights: {outcome: 0, deescalation: 0, mood_curve: 0, competencies: 0, steps: "
        "0, response_time: 10}}\n";
    CHECK(diagnose(scenarioWith(answer(), onlyTiming))
              .find("t.yaml:5:19: warning: the rubric weighs only response_time, which scores "
                    "nothing without a time_limit: every run would score 0") != std::string::npos);
    CHECK(diagnose(scenarioWith(answer(), "time_limit: 20\n" + onlyTiming))
              .find("weighs only response_time") == std::string::npos);
}

TEST_CASE("an archetype is only ever a regular .yaml file", "[loader][files]") {
    fs::path dir = freshDir("archetypes");
    fs::copy_file(fixture("scenarios/archetypes/tester.yaml"), dir / "real.yaml");
    fs::create_symlink("/proc/self/status", dir / "proc.yaml");
    fs::create_symlink("/dev/null", dir / "device.yaml");
    REQUIRE(::mkfifo((dir / "fifo.yaml").c_str(), 0644) == 0);  // would block a plain open
    auto errorFor = [&](const std::string& ref) {
        std::string text = scenarioWith(answer());
        text.replace(text.find("archetype: tester"), 17, "archetype: " + ref);
        return errorsOnly(joinDiagnostics(loadScenarioText(text, "t.yaml", {dir}).diagnostics));
    };
    CHECK(errorFor("real").empty());
    CHECK(errorFor("/etc/passwd") ==
          "t.yaml:5:23: error: archetype '/etc/passwd' must name a "
          "regular .yaml file, and /etc/passwd is not one\n");
    CHECK(errorFor("/proc/self/status").find("must name a regular .yaml file") !=
          std::string::npos);
    CHECK(errorFor("proc.yaml").find("must name a regular .yaml file") != std::string::npos);
    CHECK(errorFor("device").find("must name a regular .yaml file, and /dev/null is not one") !=
          std::string::npos);
    CHECK(errorFor("fifo").find("must name a regular .yaml file") != std::string::npos);
    // Read directly, a FIFO or a device is refused at once, never waited on.
    Message why;
    CHECK_FALSE(readFile(dir / "fifo.yaml", why));
    CHECK(render(why, Lang::En) == "this is not a regular file");
    CHECK_FALSE(readFile("/proc/self/status", why));
    fs::remove_all(dir);
}

TEST_CASE("check DIR reports the entries it cannot read", "[loader][files]") {
    fs::path dir = freshDir("folder");
    fs::copy_file(fixture("scenarios/archetypes/tester.yaml"), dir / "tester.yaml");
    fs::create_symlink("loop.yaml", dir / "loop.yaml");
    fs::create_symlink("nowhere.yaml", dir / "broken.yaml");
    fs::create_symlink("/dev/null", dir / "device.yaml");
    REQUIRE(::mkfifo((dir / "fifo.yaml").c_str(), 0644) == 0);
    fs::create_symlink("/dev/null", dir / "not-yaml.txt");  // not a .yaml name: not ours
    std::string out;
    for (const auto& f : checkPaths({dir})) out += joinDiagnostics(f.diagnostics);
    const std::string d = dir.string() + "/";
    CHECK(out == d +
                     "broken.yaml: error: a symbolic link to something that does not exist; it "
                     "was not read\n" +
                     d +
                     "device.yaml: error: this is a device, not a regular file; it was not read\n" +
                     d +
                     "fifo.yaml: error: this is a FIFO (named pipe), not a regular file; it was "
                     "not read\n" +
                     d +
                     "loop.yaml: error: a symbolic link that loops and never reaches a file; it "
                     "was not read\n");
    fs::remove_all(dir);
}
