// The customer's voice: planning (script runs, lexicon, mood -> prosody), espeak-ng's readings,
// and synthesised lines measured with sox (duration and loudness).
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string>
#include <thread>

#include "defuse/library.hpp"
#include "defuse/voice/customer_voice.hpp"
#include "defuse/voice/player.hpp"
#include "defuse/voice/speaker.hpp"
#include "defuse/voice/synth.hpp"

using namespace defuse;
using namespace defuse::voice;
namespace fs = std::filesystem;

namespace {

const VoiceData& bundledData() {
    static VoiceData data = [] {
        VoiceData d;
        d.load(DEFUSE_VOICE_DATA_DIR);
        return d;
    }();
    return data;
}

std::shared_ptr<const Scenario> bundled(const std::string& id) {
    static Library library = [] {
        Library l;
        l.addFolder(DEFUSE_SCENARIO_DIR, true);
        return l;
    }();
    const LibraryEntry* e = library.find(id);
    REQUIRE(e != nullptr);
    return e->scenario;
}

Mood moodWithAnger(int anger) {
    Mood m;
    m.set(Dim::Anger, anger);
    return m;
}

// What `sox FILE -n stat` says: the length in seconds and the RMS amplitude.
struct SoxStat {
    double seconds = 0;
    double rms = 0;
};

SoxStat soxStat(const fs::path& wav) {
    std::string cmd = "sox '" + wav.string() + "' -n stat 2>&1";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(cmd.c_str(), "r"), pclose);
    REQUIRE(pipe != nullptr);
    SoxStat s;
    char line[256];
    while (std::fgets(line, sizeof line, pipe.get()) != nullptr) {
        std::string l = line;
        auto value = [&l] { return std::stod(l.substr(l.find(':') + 1)); };
        if (l.rfind("Length (seconds):", 0) == 0) s.seconds = value();
        if (l.rfind("RMS     amplitude:", 0) == 0) s.rms = value();
    }
    return s;
}

// Synthesises `u`, writes it to a temporary WAV and measures it with sox.
SoxStat measure(const Utterance& u, const std::string& name) {
    Audio audio;
    std::string error;
    INFO(error);
    REQUIRE(Synth::synthesize(u, audio, &error));
    fs::path wav = fs::temp_directory_path() / ("defuse-voice-test-" + name + ".wav");
    REQUIRE(writeWav(wav, audio, &error));
    SoxStat s = soxStat(wav);
    fs::remove(wav);
    CHECK(s.seconds == Approx(audio.seconds()).margin(0.01));
    return s;
}

std::string phonemesOf(const Utterance& u) {
    REQUIRE(u.segments.size() == 1);
    // The phonemes of the segment's text: the SSML without its tags.
    std::string text, ssml = u.segments[0].ssml;
    bool inTag = false;
    for (char c : ssml) {
        if (c == '<') inTag = true;
        if (!inTag) text += c;
        if (c == '>') inTag = false;
    }
    return Synth::phonemes(text, u.segments[0].voice);
}

}  // namespace

TEST_CASE("a Chinese line splits into script runs; Latin words and 4S are one run each",
          "[voice][plan]") {
    auto runs = splitScripts("我的BMW在4S店修了3次，ABS light 还亮着。");
    std::vector<std::string> got;
    for (const ScriptRun& r : runs)
        got.push_back((r.script == ScriptRun::Script::Latin ? "en:" : "zh:") + r.text);
    CHECK(got == std::vector<std::string>{"zh:我的", "en:BMW", "zh:在", "en:4S", "zh:店修了3次，",
                                          "en:ABS light", "zh: 还亮着。"});
}

TEST_CASE("stage directions are not said", "[voice][plan]") {
    CHECK(
        withoutStageDirections("(The hold music cuts out.) Finally! Is (he says) anybody here?") ==
        "Finally! Is anybody here?");
    CHECK(withoutStageDirections("（等待音乐突然断了）总算有人接了！") == "总算有人接了！");
}

TEST_CASE("the lexicon puts its readings in place of its words, the longest first",
          "[voice][plan][lexicon]") {
    Lexicon lex;
    lex.add("不了", "bu4 liao3");
    lex.add("受不了", "shou4 bu4 liao3");
    lex.add("银行", "yin2 hang2");
    CHECK(applyLexicon("我去银行", lex) == "我去 yin2 hang2 ");
    CHECK(applyLexicon("真受不了", lex) == "真 shou4 bu4 liao3 ");
    CHECK(applyLexicon("没有", lex) == "没有");
}

TEST_CASE("the bundled voice data loads without errors", "[voice][data]") {
    const VoiceData& d = bundledData();
    std::string errors;
    for (const DataError& e : d.errors) errors += e.format(Lang::En) + "\n";
    INFO(errors);
    CHECK(d.errors.empty());
    for (const char* word : {"银行", "重新", "还给", "长大", "行业", "调整", "便宜", "了解"})
        CHECK_FALSE(d.lexicon.find(word).empty());
}

TEST_CASE("voice data errors say where and what", "[voice][data]") {
    std::vector<DataError> errors;
    Lexicon lex;
    fs::path file = fs::path(DEFUSE_TEST_DATA) / "voice/bad.lexicon.tsv";
    REQUIRE(lex.addFile(file, errors));
    std::string got;
    for (const DataError& e : errors) got += e.format(Lang::En) + "\n";
    std::string f = file.string();
    CHECK(got == f + ":3: error: “yin” is not a pinyin syllable with a tone digit 1-5 (hang2)\n" +
                     f +
                     ":4: error: expected a Chinese word, then its pinyin with tone digits "
                     "(银行 yin2 hang2), got “BMW bi2”\n" +
                     f +
                     ":5: error: expected a Chinese word, then its pinyin with tone digits "
                     "(银行 yin2 hang2), got “空调”\n");
    CHECK(lex.find("银行") == "yin2 hang2");  // the good line is kept

    errors.clear();
    ProsodyMap map;
    fs::path ini = fs::path(DEFUSE_TEST_DATA) / "voice/bad_prosody.ini";
    REQUIRE(map.load(ini, errors));
    got.clear();
    for (const DataError& e : errors) got += e.format(Lang::Zh) + "\n";
    std::string g = ini.string();
    CHECK(got == g + ":3: 错误：“fast”不是数字\n" + g +
                     ":4: 错误：未知的键“speed”（应为 base, anger, trust, patience, min, max）\n" +
                     g + ":5: 错误：未知小节 [loudness]（应为 rate, pitch, volume, pause）\n");
}

TEST_CASE("higher anger maps to a faster, higher, louder line with shorter pauses",
          "[voice][plan][mood]") {
    const ProsodyMap& map = bundledData().prosody;
    Prosody calm = prosodyFor(moodWithAnger(30), map);
    Prosody angry = prosodyFor(moodWithAnger(90), map);
    CHECK(angry.rate > calm.rate);
    CHECK(angry.pitch > calm.pitch);
    CHECK(angry.volume > calm.volume);
    CHECK(angry.pauseMs < calm.pauseMs);
    // Kept within the mapping's bounds.
    Mood extreme;
    extreme.set(Dim::Anger, 100);
    extreme.set(Dim::Patience, 0);
    extreme.set(Dim::Trust, 0);
    CHECK(prosodyFor(extreme, map).rate <= map.rate.max);
}

TEST_CASE("each customer has their own voice: a scenario's entry wins over its archetype's",
          "[voice][data]") {
    const VoiceBook& book = bundledData().voices;
    auto peng = bundled("brake-pads-furious");   // the furious Mr Peng
    auto pei = bundled("brake-pads-sarcastic");  // Ms Pei
    std::vector<DataError> errors;
    CustomerVoice mrPeng(bundledData(), *peng, errors);
    CustomerVoice msPei(bundledData(), *pei, errors);
    CHECK_FALSE(mrPeng.profile() == msPei.profile());
    CHECK(mrPeng.profile() == book.lookup("", "furious"));
    CHECK(book.lookup("late-repair", "sarcastic").variant != book.lookup("", "sarcastic").variant);
    CHECK(book.lookup("nowhere", "nobody") == book.lookup("", ""));
}

TEST_CASE("Chinese goes through the pinyin voice, tone by tone", "[voice][espeak]") {
    std::string why;
    REQUIRE(Synth::start(&why));
    REQUIRE(Synth::has(std::string(kMandarinVoice)));
    Utterance u = planLine("您好", "zh", Mood{}, VoiceProfile{}, ProsodyMap{}, Lexicon{});
    REQUIRE(u.segments.size() == 1);
    CHECK(u.segments[0].voice.rfind(std::string(kMandarinVoice), 0) == 0);
    std::string ph = phonemesOf(u);
    // nín hǎo: tones 2 and 3, no switch to English ("(en)nI55nt'u:55", the plain cmn voice).
    CHECK(ph == "n'i35n_| X'Au214_|");
    CHECK(ph.find("(en)") == std::string::npos);
}

TEST_CASE("every lexicon word is read as its pinyin, and the polyphones need it",
          "[voice][espeak][lexicon]") {
    const Lexicon& lex = bundledData().lexicon;
    std::string mandarin(kMandarinVoice);
    for (const auto& [word, pinyin] : lex.entries()) {
        Utterance u = planLine(word, "zh", Mood{}, VoiceProfile{}, ProsodyMap{}, lex);
        INFO(word << " " << pinyin);
        CHECK(phonemesOf(u) == Synth::phonemes(pinyin, mandarin));
    }
    // Without the lexicon espeak-ng reads these by the characters' commonest readings.
    for (const char* word : {"银行", "重新", "还给", "长大", "调整", "便宜", "了解", "行业"}) {
        INFO(word);
        CHECK(Synth::phonemes(word, mandarin) !=
              Synth::phonemes(std::string(lex.find(word)), mandarin));
    }
}

TEST_CASE("a Latin run in a Chinese line is spoken by the English voice", "[voice][espeak]") {
    Utterance u = planLine("我的BMW又坏了", "zh", Mood{}, VoiceProfile{}, ProsodyMap{}, Lexicon{});
    REQUIRE(u.segments.size() == 3);
    CHECK(u.segments[0].voice.rfind("cmn-latn-pinyin", 0) == 0);
    CHECK(u.segments[1].voice.rfind("en+", 0) == 0);
    CHECK(u.segments[1].ssml.find(">BMW</prosody>") != std::string::npos);
    CHECK(u.segments[2].voice.rfind("cmn-latn-pinyin", 0) == 0);
    // The English voice spells it out; the pinyin voice would make Chinese syllables of it.
    CHECK(Synth::phonemes("BMW", "en") == "b,i:;,Emd'Vb@Lj,u:");
    CHECK(Synth::phonemes("BMW", std::string(kMandarinVoice)) != Synth::phonemes("BMW", "en"));
    CHECK(measure(u, "latin").seconds > 0.5);
}

TEST_CASE("higher anger gives a measurably faster and louder line", "[voice][sox][mood]") {
    auto sc = bundled("phone-angry-call");
    std::vector<DataError> errors;
    CustomerVoice customer(bundledData(), *sc, errors);
    for (const char* lang : {"en", "zh"}) {
        std::string line = *lineAt(*sc, sc->start, lang, moodWithAnger(30));
        SoxStat calm = measure(customer.plan(line, lang, moodWithAnger(30)), "calm");
        SoxStat angry = measure(customer.plan(line, lang, moodWithAnger(90)), "angry");
        INFO(lang << ": calm " << calm.seconds << " s, RMS " << calm.rms << "; angry "
                  << angry.seconds << " s, RMS " << angry.rms);
        CHECK(angry.seconds < 0.8 * calm.seconds);
        CHECK(angry.rms > 1.3 * calm.rms);
    }
}

TEST_CASE("every bundled customer line speaks, in English and in Chinese", "[voice][sox][all]") {
    Library library;
    library.addFolder(DEFUSE_SCENARIO_DIR, true);
    int lines = 0;
    for (const auto& sc : library.scenarios()) {
        std::vector<DataError> errors;
        CustomerVoice customer(bundledData(), *sc, errors);
        CHECK(errors.empty());
        std::vector<Text> says;
        for (const Node& n : sc->nodes) {
            says.push_back(n.say);
            for (const LineVariant& v : n.variants) says.push_back(v.say);
        }
        for (const Ending& e : sc->endings)
            if (!e.say.empty()) says.push_back(e.say);
        for (const Text& t : says)
            for (const char* lang : {"en", "zh"}) {
                Utterance u = customer.plan(t.get(lang), lang, sc->customer.start);
                INFO(sc->id << " " << lang << ": " << t.get(lang));
                // A line that is all stage direction ("(He hangs up.)") says nothing.
                if (withoutStageDirections(t.get(lang)).empty()) {
                    CHECK(u.empty());
                    continue;
                }
                REQUIRE_FALSE(u.empty());
                Audio audio;
                std::string why;
                CHECK(Synth::synthesize(u, audio, &why));
                CHECK(why.empty());
                CHECK(audio.seconds() > 0.3);
                ++lines;
            }
    }
    CHECK(lines > 100);
}

TEST_CASE("the player speaks on its own thread and stops when asked", "[voice][player]") {
    Utterance u = planLine("I have been waiting for two hours and nobody called me back.", "en",
                           Mood{}, VoiceProfile{}, ProsodyMap{}, Lexicon{});
    Player player(true);  // no device: the line takes its time all the same
    auto t0 = std::chrono::steady_clock::now();
    std::uint64_t ticket = player.say(u);
    auto took = std::chrono::steady_clock::now() - t0;
    CHECK(took < std::chrono::milliseconds(50));  // say() never waits for the voice
    CHECK_FALSE(player.done(ticket));
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    CHECK(player.speaking());
    player.stop();
    for (int i = 0; i < 100 && !player.done(ticket); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    CHECK(player.done(ticket));
    CHECK_FALSE(player.speaking());

    // A new line ends the one being said.
    std::uint64_t first = player.say(u);
    std::uint64_t second = player.say(u);
    for (int i = 0; i < 100 && !player.done(first); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    CHECK(player.done(first));
    CHECK_FALSE(player.done(second));
}

TEST_CASE("without a sound device the player says so and carries on", "[voice][player]") {
    Utterance u = planLine("Hello.", "en", Mood{}, VoiceProfile{}, ProsodyMap{}, Lexicon{});
    Player player;  // the real device, if there is one
    std::uint64_t ticket = player.say(u);
    for (int i = 0; i < 500 && !player.done(ticket); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    CHECK(player.done(ticket));
    if (player.noDevice()) CHECK_FALSE(player.lastError().empty());
}

TEST_CASE("a scenario's own lexicon adds words and wins over the bundled one", "[voice][lexicon]") {
    Scenario sc;
    sc.id = "own";
    sc.file = (fs::path(DEFUSE_TEST_DATA) / "voice/own.yaml").string();  // own.lexicon.tsv beside
    std::vector<DataError> errors;
    CustomerVoice customer(bundledData(), sc, errors);
    CHECK(errors.empty());
    CHECK(customer.lexicon().find("裴女士") == "pei2 nv3 shi4");
    CHECK(customer.lexicon().find("便宜") == "bian4 yi2");
    CHECK(customer.lexicon().find("银行") == "yin2 hang2");    // the bundled entries stay
    CHECK(bundledData().lexicon.find("便宜") == "pian2 yi5");  // and the bundled data is untouched
}

TEST_CASE("the speaker loads the data, speaks on its worker and has nothing to report",
          "[voice][player]") {
    auto sc = bundled("phone-angry-call");
    Speaker speaker(true);
    auto t0 = std::chrono::steady_clock::now();
    std::uint64_t ticket = speaker.say(*sc, "Hello? Is anybody there?", "en", sc->customer.start);
    CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::milliseconds(50));
    REQUIRE(ticket > 0);
    for (int i = 0; i < 500 && !speaker.done(ticket); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    CHECK(speaker.done(ticket));
    CHECK_FALSE(speaker.takeNotice().has_value());
    CHECK_FALSE(speaker.silent());
    // A line that is all stage direction says nothing.
    CHECK(speaker.say(*sc, "(He hangs up.)", "en", sc->customer.start) == 0);
}

// A heard line's answer clock starts when the line ends: the player says when that was.
TEST_CASE("the player says when a line ended, for the clock of a heard line", "[voice][player]") {
    Utterance u = planLine("Three days. Three days and not one call.", "en", Mood{}, VoiceProfile{},
                           ProsodyMap{}, Lexicon{});
    Player player(true);  // no device: the line takes its time all the same
    const auto t0 = std::chrono::steady_clock::now();
    std::uint64_t ticket = player.say(u);
    CHECK_FALSE(player.endedAt(ticket));  // still being said
    for (int i = 0; i < 1000 && !player.done(ticket); ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    REQUIRE(player.done(ticket));
    auto ended = player.endedAt(ticket);
    REQUIRE(ended);
    const double heard = std::chrono::duration<double>(*ended - t0).count();
    INFO("ended after " << heard << " s; the line lasts " << player.lastSeconds() << " s");
    CHECK(player.lastSeconds() > 1.0);
    CHECK(heard >= player.lastSeconds() * 0.9);  // not before the line could have been heard
}
