// Signed replays: valid when nothing changed; any edit to any field after signing fails, and
// verify says exactly what changed (a test per kind of edit).
#include "defuse/signature.hpp"

#include <unistd.h>

#include <functional>

#include "defuse/replay.hpp"
#include "test_support.hpp"

using namespace defuse;

namespace {

struct Signed {
    KeyPair keys;
    std::string text;  ///< the replay's YAML as signed
    Signature sig;
    Replay replay;
};

Replay parse(const std::string& text) {
    auto r = loadReplayText(text, fixture("scenarios/r.yaml").string());
    INFO(joinDiagnostics(r.diagnostics));
    REQUIRE(r.ok());
    return *r.value;
}

// A finished assessment of the feature scenario with a break, signed.
Signed signedRun() {
    AttemptOptions o;
    o.seed = 5;
    o.mode = Mode::Assessment;
    Attempt a(loadFixture(), o);
    for (const char* id : {"own", "hear", "agree"}) REQUIRE(a.chooseId(id, 2.5));
    Replay r = replayOf(a, "Li Ming", "2026-11-29T10:00:00Z", "2026-11-29T10:05:00Z",
                        fixture("scenarios"));
    r.resumed.push_back({1, "2026-11-29T10:01:00Z", "2026-11-29T10:03:00Z"});
    Signed s;
    auto keys = generateKeyPair();
    REQUIRE(keys);
    s.keys = *keys;
    s.text = replayText(r);
    s.replay = parse(s.text);
    s.sig = signReplay(s.replay, s.text, s.keys);
    return s;
}

// Verifies the replay after `edit` (applied to its parsed fields, then written and read back
// as a file would be) and returns what verify says, in English.
std::string afterEdit(const Signed& s, const std::function<void(Replay&)>& edit) {
    Replay r = s.replay;
    edit(r);
    std::string text = replayText(r);
    Verification v = verifyReplay(parse(text), text, s.sig, s.keys.publicKey);
    std::string out;
    for (const auto& m : v.changes) out += render(m, Lang::En) + "\n";
    CHECK(v.status == VerifyStatus::Changed);
    return out;
}

bool says(const std::string& out, const std::string& what) {
    INFO(out);
    return out.find(what) != std::string::npos;
}

}  // namespace

TEST_CASE("a signed replay that did not change is valid", "[signature]") {
    Signed s = signedRun();
    Verification v = verifyReplay(s.replay, s.text, s.sig, s.keys.publicKey);
    CHECK(v.valid());
    CHECK(v.signedBy == keyFingerprint(s.keys.publicKey));
    // The .sig file reads back to the same signature.
    Message error;
    auto back = parseSignature(signatureText(s.sig), error);
    REQUIRE(back);
    CHECK(verifyReplay(s.replay, s.text, *back, s.keys.publicKey).valid());
    // The canonical form names every recorded fact.
    for (const char* field :
         {"engine: ", "scenario id: ", "scenario file: ", "scenario hash: ", "mode: ", "trainee: ",
          "seed: ", "language: ", "timed: ", "started: ", "finished: ", "ending: ",
          "turn 3 picked: ", "turn 1 mood_after: ", "break 1 resumed: "})
        CHECK(says(s.sig.canonical, field));
}

TEST_CASE("verify names each header field edited after signing", "[signature]") {
    Signed s = signedRun();
    CHECK(says(afterEdit(s, [](Replay& r) { r.engineVersion = "0.0.9"; }),
               "engine: signed \"0.1.0\", now \"0.0.9\""));
    CHECK(says(afterEdit(s, [](Replay& r) { r.scenarioId = "other"; }),
               "scenario id: signed \"feature-test\", now \"other\""));
    CHECK(says(afterEdit(s, [](Replay& r) { r.scenarioFile = "elsewhere.yaml"; }),
               "scenario file: signed"));
    CHECK(says(
        afterEdit(s, [](Replay& r) { r.scenarioHash[0] = r.scenarioHash[0] == 'a' ? 'b' : 'a'; }),
        "scenario hash: signed"));
    CHECK(says(afterEdit(s, [](Replay& r) { r.mode = Mode::Practice; }),
               "mode: signed \"assessment\", now \"practice\""));
    CHECK(says(afterEdit(s, [](Replay& r) { r.trainee = "Wang Fang"; }),
               "trainee: signed \"Li Ming\", now \"Wang Fang\""));
    CHECK(says(afterEdit(s, [](Replay& r) { r.seed = 6; }), "seed: signed 5, now 6"));
    CHECK(says(afterEdit(s, [](Replay& r) { r.lang = "zh"; }),
               "language: signed \"en\", now \"zh\""));
    CHECK(says(afterEdit(s, [](Replay& r) { r.timed = false; }), "timed: signed true, now false"));
    CHECK(says(afterEdit(s, [](Replay& r) { r.started = "2026-11-29T09:00:00Z"; }),
               "started: signed \"2026-11-29T10:00:00Z\", now \"2026-11-29T09:00:00Z\""));
    CHECK(says(afterEdit(s, [](Replay& r) { r.finished.clear(); }),
               "finished: signed \"2026-11-29T10:05:00Z\", now \"\""));
    CHECK(says(afterEdit(s, [](Replay& r) { r.ending = "gone"; }),
               "ending: signed \"fixed\", now \"gone\""));
    CHECK(says(afterEdit(s, [](Replay& r) { r.abandoned = "2026-11-29T11:00:00Z"; }),
               "abandoned: signed \"\", now \"2026-11-29T11:00:00Z\""));
    CHECK(says(afterEdit(s, [](Replay& r) { r.resumed[0].afterTurn = 2; }),
               "break 1 after_turn: signed 1, now 2"));
    CHECK(says(afterEdit(s, [](Replay& r) { r.resumed.clear(); }),
               "break 1 resumed: removed after signing"));
}

TEST_CASE("verify names each turn field edited after signing", "[signature]") {
    Signed s = signedRun();
    CHECK(says(afterEdit(s, [](Replay& r) { r.turns[1].node = "opening"; }),
               "turn 2 node: signed \"listen\", now \"opening\""));
    CHECK(says(afterEdit(s, [](Replay& r) { std::swap(r.turns[1].shown[0], r.turns[1].shown[1]); }),
               "turn 2 shown: signed"));
    CHECK(says(afterEdit(s, [](Replay& r) { r.turns[1].picked = "manager_now"; }),
               "turn 2 picked: signed \"hear\", now \"manager_now\""));
    CHECK(says(afterEdit(s, [](Replay& r) { r.turns[1].seconds = 1.5; }),
               "turn 2 seconds: signed 2.500, now 1.500"));
    CHECK(says(afterEdit(s, [](Replay& r) { r.turns[1].before.set(Dim::Anger, 1); }),
               "turn 2 mood_before: signed"));
    CHECK(says(afterEdit(s, [](Replay& r) { r.turns[2].after.set(Dim::Trust, 99); }),
               "turn 3 mood_after: signed"));
}

TEST_CASE("verify finds a removed, duplicated, added or re-ordered turn", "[signature]") {
    Signed s = signedRun();
    auto without = [](Replay& r, std::size_t i) {
        r.turns.erase(r.turns.begin() + static_cast<long>(i));
        r.turnHasMood.erase(r.turnHasMood.begin() + static_cast<long>(i));
    };
    CHECK(says(afterEdit(s, [&](Replay& r) { without(r, 1); }),
               "turn 2 removed after signing (it picked \"hear\")"));
    CHECK(says(afterEdit(s,
                         [](Replay& r) {
                             r.turns.insert(r.turns.begin() + 1, r.turns[0]);
                             r.turnHasMood.push_back(true);
                         }),
               "turn 2 added after signing: a copy of turn 1"));
    CHECK(says(afterEdit(s,
                         [](Replay& r) {
                             Turn t = r.turns[0];
                             t.picked = "blame";
                             r.turns.push_back(t);
                             r.turnHasMood.push_back(true);
                         }),
               "turn 4 added after signing (it picks \"blame\")"));
    std::string moved = afterEdit(s, [](Replay& r) { std::swap(r.turns[0], r.turns[1]); });
    CHECK(says(moved, "turn 1 re-ordered: it was signed as turn 2"));
    CHECK(says(moved, "turn 2 re-ordered: it was signed as turn 1"));
}

TEST_CASE("a changed layout, another key or an altered signature file fail too", "[signature]") {
    Signed s = signedRun();
    std::string commented = s.text + "# looks harmless\n";
    Verification v = verifyReplay(parse(commented), commented, s.sig, s.keys.publicKey);
    CHECK(v.status == VerifyStatus::Changed);
    REQUIRE(v.changes.size() == 1);
    CHECK(says(render(v.changes[0], Lang::En), "every field matches, but the file's text changed"));

    auto other = generateKeyPair();
    REQUIRE(other);
    CHECK(verifyReplay(s.replay, s.text, s.sig, other->publicKey).status == VerifyStatus::OtherKey);
    // A signature re-made by someone else's key, claiming to be ours, fails with our key.
    Signature forged = signReplay(s.replay, s.text, *other);
    CHECK(verifyReplay(s.replay, s.text, forged, s.keys.publicKey).status ==
          VerifyStatus::OtherKey);
    // The canonical text in the .sig file edited to match an edited replay.
    Signature altered = s.sig;
    altered.canonical.replace(altered.canonical.find("Li Ming"), 7, "Wang Fa");
    CHECK(verifyReplay(s.replay, s.text, altered, s.keys.publicKey).status ==
          VerifyStatus::BadSignature);
    Message error;
    CHECK_FALSE(parseSignature("defuse_signature: 2\n", error));
    CHECK_FALSE(parseSignature("garbage", error));
}

TEST_CASE("key files: the private key is readable only by its owner and never replaced",
          "[signature]") {
    fs::path dir = fs::temp_directory_path() / ("defuse-keys-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    auto keys = generateKeyPair();
    REQUIRE(keys);
    Message error;
    REQUIRE(writeKeyPair(dir / "ass", *keys, error));
    auto perms = fs::status(dir / "ass.key").permissions();
    CHECK((perms & (fs::perms::group_all | fs::perms::others_all)) == fs::perms::none);
    auto secret = readSecretKey(dir / "ass.key", error);
    REQUIRE(secret);
    CHECK(secret->publicKey == keys->publicKey);
    auto pub = readPublicKey(dir / "ass.pub", error);
    REQUIRE(pub);
    CHECK(*pub == keys->publicKey);
    CHECK_FALSE(writeKeyPair(dir / "ass", *generateKeyPair(), error));
    CHECK(render(error, Lang::En).find("already exists") != std::string::npos);
    CHECK_FALSE(readPublicKey(dir / "ass.key", error));
    CHECK_FALSE(readSecretKey(dir / "missing.key", error));
    fs::remove_all(dir);
}
