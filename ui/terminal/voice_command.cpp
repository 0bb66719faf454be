// `defuse say` and `defuse voices`: the customer's voice for trainers, tests and a quick check
// of what is installed.
#include "voice_command.hpp"

#include <iostream>
#include <sstream>

#include "defuse/voice/customer_voice.hpp"
#include "defuse/voice/synth.hpp"
#include "play.hpp"

namespace defuse::term {

namespace fs = std::filesystem;

namespace {

// "anger=80,trust=20" over `mood`; false when it does not read.
bool parseMood(const std::string& text, Mood& mood) {
    std::istringstream in(text);
    for (std::string item; std::getline(in, item, ',');) {
        std::size_t eq = item.find('=');
        if (eq == std::string::npos) return false;
        std::optional<Dim> dim = dimFromName(item.substr(0, eq));
        std::string value = item.substr(eq + 1);
        if (!dim || value.empty() || value.size() > 3 ||
            value.find_first_not_of("0123456789") != std::string::npos)
            return false;
        int v = std::stoi(value);
        if (v > 100) return false;
        mood.set(*dim, v);
    }
    return true;
}

std::string nodeList(const Scenario& sc) {
    std::string s;
    for (const Node& n : sc.nodes) s += (s.empty() ? "" : ", ") + n.id;
    return s;
}

}  // namespace

int say(const SayOptions& opt) {
    Lang lang = langFromCode(opt.lang);
    auto sc = resolveScenario(opt.scenario, lang);
    if (!sc) return 1;
    Mood mood = sc->customer.start;
    if (!opt.mood.empty() && !parseMood(opt.mood, mood)) {
        std::cerr << "defuse: " << render(Message(Msg::SayBadMood, {opt.mood}), lang) << "\n";
        return 2;
    }
    std::optional<std::string> line = voice::lineAt(*sc, opt.node, opt.lang, mood);
    if (!line) {
        std::cerr << render(Message(Msg::SayNoNode, {sc->file, opt.node, nodeList(*sc)}), lang)
                  << "\n";
        return 1;
    }
    std::error_code ec;
    if (!opt.force && fs::exists(opt.output, ec)) {
        std::cerr << "defuse: " << render(Message(Msg::SayExists, {opt.output}), lang) << "\n";
        return 4;
    }
    voice::VoiceData data;
    data.load(voice::voiceDataDir());
    voice::CustomerVoice customer(data, *sc, data.errors);
    for (const voice::DataError& e : data.errors) std::cerr << e.format(lang) << "\n";
    voice::Utterance u = customer.plan(*line, opt.lang, mood);
    if (u.empty()) {
        std::cerr << render(Message(Msg::SayNoLine, {sc->file, opt.node}), lang) << "\n";
        return 1;
    }
    voice::Audio audio;
    std::string why;
    if (!voice::Synth::start(&why)) {
        std::cerr << "defuse: " << render(Message(Msg::VoiceNoSynth, {why}), lang) << "\n";
        return 1;
    }
    if (!voice::Synth::synthesize(u, audio, &why)) {
        std::cerr << "defuse: " << render(Message(Msg::VoiceSynthFailed, {why}), lang) << "\n";
        return 1;
    }
    if (!voice::writeWav(opt.output, audio, &why)) {
        std::cerr << "defuse: " << render(Message(Msg::SayCannotWrite, {opt.output}), lang) << ": "
                  << why << "\n";
        return 4;
    }
    std::cout << render(Message(Msg::SayWrote,
                                {opt.output, Message::num(audio.seconds()),
                                 Message(u.segments.front().voice),
                                 Message::num(static_cast<long long>(u.prosody.rate)),
                                 Message::num(static_cast<long long>(u.prosody.pitch)),
                                 Message::num(static_cast<long long>(u.prosody.volume))}),
                        lang)
              << "\n";
    return 0;
}

int voices(Lang lang) {
    std::string why;
    if (!voice::Synth::start(&why)) {
        std::cerr << "defuse: " << render(Message(Msg::VoiceNoSynth, {why}), lang) << "\n";
        return 1;
    }
    std::string dataDir;
    std::string version = voice::Synth::version(&dataDir);
    std::cout << render(Message(Msg::VoicesHeading, {version, dataDir}), lang) << "\n";
    int status = 0;
    auto langLine = [&](Msg name, std::string_view id) {
        bool ok = voice::Synth::has(std::string(id));
        if (!ok) status = 1;
        std::cout << render(Message(Msg::VoicesLanguage,
                                    {Message(name), Message(id),
                                     Message(ok ? Msg::VoicesInstalled : Msg::VoicesMissing)}),
                            lang)
                  << "\n";
    };
    langLine(Msg::VoicesLangEn, voice::kEnglishVoice);
    langLine(Msg::VoicesLangZh, voice::kMandarinVoice);

    voice::VoiceData data;
    data.load(voice::voiceDataDir());
    for (const voice::DataError& e : data.errors)
        std::cerr << render(Message(Msg::VoicesDataError, {e.message()}), lang) << "\n";
    std::cout << render(Message(Msg::VoicesCustomersHead, {(data.dir / "customers.ini").string()}),
                        lang)
              << "\n";
    auto customer = [&](const std::string& who, const voice::VoiceProfile& p) {
        std::cout << render(Message(Msg::VoicesCustomer,
                                    {who, p.variant, Message::num(static_cast<long long>(p.pitch)),
                                     Message::num(static_cast<long long>(p.range)),
                                     Message::num(static_cast<long long>(p.wpm))}),
                            lang)
                  << "\n";
    };
    customer("default", data.voices.lookup("", ""));
    for (const auto& [id, p] : data.voices.archetypes()) customer("archetype " + id, p);
    for (const auto& [id, p] : data.voices.scenarios()) customer("scenario " + id, p);
    std::cout << render(
                     Message(Msg::VoicesLexicon,
                             {Message::num(static_cast<long long>(data.lexicon.entries().size())),
                              (data.dir / "lexicon.zh.tsv").string()}),
                     lang)
              << "\n";
    std::string variants;
    for (const voice::InstalledVoice& v : voice::Synth::installed())
        if (v.language == "variant") variants += (variants.empty() ? "" : " ") + v.identifier;
    std::cout << render(Message(Msg::VoicesVariants, {variants}), lang) << "\n";
    return status;
}

void addVoiceCommands(CLI::App& app, int& exitCode) {
    auto opt = std::make_shared<SayOptions>();
    CLI::App* s = app.add_subcommand(
        "say", "Write what the customer says at a node as a WAV file, as the app would say it");
    s->add_option("scenario", opt->scenario, "Scenario file, or a bundled scenario's id")
        ->required();
    s->add_option("node", opt->node, "Node (or ending) id")->required();
    s->add_option("--lang", opt->lang, "Language: en or zh")->check(CLI::IsMember({"en", "zh"}));
    s->add_option("--mood", opt->mood,
                  "The customer's mood, e.g. anger=80,trust=20,patience=40 (default: the "
                  "customer's starting mood)");
    s->add_option("-o,--output", opt->output, "The WAV file to write")->required();
    s->add_flag("--force", opt->force, "Replace an existing output file");
    s->callback([opt, &exitCode] { exitCode = say(*opt); });

    auto lang = std::make_shared<std::string>("en");
    CLI::App* v = app.add_subcommand(
        "voices", "List the voices defuse speaks with and whether they are installed");
    v->add_option("--lang", *lang, "en or zh")->check(CLI::IsMember({"en", "zh"}));
    v->callback([lang, &exitCode] { exitCode = voices(langFromCode(*lang)); });
}

}  // namespace defuse::term
