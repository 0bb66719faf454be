// The assessor's notes: on a turn and on the whole run, an override mark beside the computed
// score, saved in the replay and covered by a signature made after them.
#include "defuse/notes.hpp"

#include <unistd.h>

#include "defuse/resume.hpp"
#include "defuse/signature.hpp"
#include "test_support.hpp"

using namespace defuse;

namespace {

fs::path recordedRun(const std::string& name, bool finish) {
    fs::path dir = fs::temp_directory_path() / ("defuse-notes-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    fs::path file = dir / name;
    fs::remove(file);
    AttemptOptions o;
    o.mode = Mode::Assessment;
    Attempt a(loadFixture(), o);
    REQUIRE(a.record(file, "Li Ming"));
    REQUIRE(a.chooseId("own", 2));
    if (finish) {
        REQUIRE(a.chooseId("hear", 2));
        REQUIRE(a.chooseId("agree", 2));
    }
    return file;
}

std::shared_ptr<const Replay> load(const fs::path& file) {
    auto r = loadReplay(file);
    INFO(joinDiagnostics(r.diagnostics));
    REQUIRE(r.ok());
    return r.value;
}

}  // namespace

TEST_CASE("notes on turns and on the run are saved in the replay, in turn order", "[notes]") {
    fs::path file = recordedRun("notes.yaml", true);
    int before = rescore(*load(file), {}).report.total;
    NoteEdit e;
    e.turn = 2;
    e.text = "Listened well; 'I hear you' twice.";
    REQUIRE(annotateReplay(file, e).ok());
    e.turn = 0;
    e.text = "Calm throughout. 中文批注也可以。";
    REQUIRE(annotateReplay(file, e).ok());
    NoteEdit mark;
    mark.mark = OverrideMark::Fail;
    mark.reason = "Promised a date the workshop cannot keep";
    NoteResult r = annotateReplay(file, mark);
    REQUIRE(r.ok());
    CHECK_FALSE(r.wasSigned);

    auto back = load(file);
    REQUIRE(back->notes.notes.size() == 2);
    CHECK(back->notes.notes[0].turn == 0);  // the run's note first
    CHECK(back->notes.notes[0].text == "Calm throughout. 中文批注也可以。");
    CHECK(back->notes.notes[1].turn == 2);
    CHECK_FALSE(back->notes.notes[1].written.empty());
    CHECK(back->notes.mark == OverrideMark::Fail);
    CHECK(back->notes.reason == "Promised a date the workshop cannot keep");
    // The mark stands beside the score; the score is still computed from the answers.
    CHECK(rescore(*back, {}).report.total == before);
    CHECK(replayText(*back) == readFile(file, nullptr).value_or(""));

    e.turn = 2;
    e.text = "";  // removes it
    REQUIRE(annotateReplay(file, e).ok());
    CHECK(load(file)->notes.notes.size() == 1);
    mark.mark = OverrideMark::None;
    REQUIRE(annotateReplay(file, mark).ok());
    CHECK(load(file)->notes.mark == OverrideMark::None);
}

TEST_CASE("a bad note writes nothing", "[notes]") {
    fs::path file = recordedRun("bad.yaml", true);
    std::string before = readFile(file, nullptr).value_or("");
    NoteEdit e;
    e.turn = 9;
    e.text = "x";
    NoteResult r = annotateReplay(file, e);
    CHECK(render(r.error, Lang::En) == "there is no turn 9: the replay has 3 turns");
    NoteEdit mark;
    mark.mark = OverrideMark::Pass;
    CHECK(annotateReplay(file, mark).error.id == Msg::NoteNeedsReason);
    CHECK(annotateReplay(file, NoteEdit{}).error.id == Msg::NoteNothing);
    CHECK(annotateReplay(file.string() + ".missing", e).error.id == Msg::NoteCannotLoad);
    CHECK(readFile(file, nullptr).value_or("") == before);
    auto bad = loadReplayText(before + "override:\n  mark: maybe\n  reason: x\n", "b.yaml");
    CHECK(joinDiagnostics(bad.diagnostics).find("override mark 'maybe' is neither pass nor fail") !=
          std::string::npos);
}

TEST_CASE("a signature made after the notes covers them", "[notes][signature]") {
    fs::path file = recordedRun("signed.yaml", true);
    NoteEdit e;
    e.turn = 1;
    e.text = "Owned it at once.";
    REQUIRE(annotateReplay(file, e).ok());
    auto keys = generateKeyPair();
    REQUIRE(keys);
    std::string text = readFile(file, nullptr).value_or("");
    Signature sig = signReplay(*load(file), text, *keys);
    CHECK(sig.canonical.find("note turn 1 text: \"Owned it at once.\"") != std::string::npos);
    REQUIRE(writeFileAtomic(signaturePath(file), signatureText(sig)));
    CHECK(verifyReplay(*load(file), text, sig, keys->publicKey).valid());

    e.text = "Owned it, eventually.";
    NoteResult r = annotateReplay(file, e);
    REQUIRE(r.ok());
    CHECK(r.wasSigned);
    std::string edited = readFile(file, nullptr).value_or("");
    Verification v = verifyReplay(*load(file), edited, sig, keys->publicKey);
    REQUIRE(v.status == VerifyStatus::Changed);
    std::string said;
    for (const auto& m : v.changes) said += render(m, Lang::En) + "\n";
    CHECK(said.find(
              "note turn 1 text: signed \"Owned it at once.\", now \"Owned it, eventually.\"") !=
          std::string::npos);

    NoteEdit mark;
    mark.mark = OverrideMark::Pass;
    mark.reason = "Handled the manager well";
    REQUIRE(annotateReplay(file, mark).ok());
    edited = readFile(file, nullptr).value_or("");
    v = verifyReplay(*load(file), edited, sig, keys->publicKey);
    said.clear();
    for (const auto& m : v.changes) said += render(m, Lang::En) + "\n";
    CHECK(said.find("override mark: signed \"\", now \"pass\"") != std::string::npos);
}

TEST_CASE("notes on an interrupted run survive its resumption", "[notes][resume]") {
    fs::path file = recordedRun("open.yaml", false);
    NoteEdit e;
    e.text = "Fire alarm at turn 2; resumed after.";
    REQUIRE(annotateReplay(file, e).ok());
    Resumption res = resumeRun(*load(file), file, {});
    REQUIRE(res.ok());
    REQUIRE(res.attempt->chooseId("hear", 1));
    auto back = load(file);
    REQUIRE(back->notes.notes.size() == 1);
    CHECK(back->notes.notes[0].text == "Fire alarm at turn 2; resumed after.");
}

TEST_CASE("several edits are one write, and none is written when one is wrong", "[notes]") {
    fs::path file = recordedRun("several.yaml", true);
    NoteEdit turn, run, mark;
    turn.turn = 1;
    turn.text = "Owned it at once.";
    run.text = "Steady all through.";
    mark.mark = OverrideMark::Pass;
    mark.reason = "Kept the promise small";
    REQUIRE(annotateReplay(file, std::vector<NoteEdit>{turn, run, mark}).ok());
    auto back = load(file);
    REQUIRE(back->notes.notes.size() == 2);
    CHECK(back->notes.notes[0].text == "Steady all through.");
    CHECK(back->notes.notes[1].text == "Owned it at once.");
    CHECK(back->notes.mark == OverrideMark::Pass);
    // A bad edit among good ones: nothing of any of them is written.
    const std::string before = readFile(file, nullptr).value_or("");
    NoteEdit bad;
    bad.turn = 7;
    bad.text = "x";
    turn.text = "changed";
    CHECK(annotateReplay(file, std::vector<NoteEdit>{turn, bad}).error.id ==
          Msg::NoteTurnOutOfRange);
    CHECK(annotateReplay(file, std::vector<NoteEdit>{}).error.id == Msg::NoteNothing);
    CHECK(readFile(file, nullptr).value_or("") == before);
}

TEST_CASE("a replay file signed and checked on disk", "[notes][signature]") {
    fs::path file = recordedRun("onfile.yaml", true);
    fs::path base = file.parent_path() / "onfile-key";
    fs::remove(base.string() + ".key");
    fs::remove(base.string() + ".pub");
    auto keys = generateKeyPair();
    REQUIRE(keys);
    Message error;
    REQUIRE(writeKeyPair(base, *keys, error));
    const fs::path key = base.string() + ".key";
    auto text = [&] { return readFile(file, nullptr).value_or(""); };
    CHECK_FALSE(verifyReplayFile(file, *load(file), text()));  // no .sig yet

    SignOutcome out = signReplayFile(file, key);
    REQUIRE(out.ok());
    CHECK(out.key == keyFingerprint(keys->publicKey));
    CHECK(out.sigFile == signaturePath(file));
    auto v = verifyReplayFile(file, *load(file), text(), keys->publicKey);
    REQUIRE(v);
    CHECK(v->valid());
    auto other = generateKeyPair();
    REQUIRE(other);
    CHECK(verifyReplayFile(file, *load(file), text(), other->publicKey)->status ==
          VerifyStatus::OtherKey);

    // A key others can read is refused; a missing one says which file; nothing is written.
    const std::string sigBefore = readFile(out.sigFile, nullptr).value_or("");
    fs::permissions(key, fs::perms::group_read | fs::perms::others_read, fs::perm_options::add);
    CHECK(signReplayFile(file, key).error.id == Msg::KeyTooOpenToSign);
    CHECK(render(signReplayFile(file, base.string() + ".gone").error, Lang::En)
              .find("onfile-key.gone") != std::string::npos);
    CHECK(signReplayFile(file.string() + ".missing", key).error.id == Msg::KeyTooOpenToSign);
    CHECK(readFile(out.sigFile, nullptr).value_or("") == sigBefore);
}
