// `defuse keygen`, `sign` and `verify`.
#include "sign_command.hpp"

#include <sys/stat.h>

#include <iostream>

#include "defuse/files.hpp"
#include "defuse/paths.hpp"
#include "defuse/signature.hpp"
#include "defuse/text.hpp"

namespace defuse::term {

namespace fs = std::filesystem;

namespace {

std::string say(const Message& m, Lang lang) { return printable(render(m, lang)); }

int keygen(const std::string& out, Lang lang) {
    auto keys = generateKeyPair();
    if (!keys) {
        std::cerr << "defuse: " << say(Msg::SodiumFailed, lang) << "\n";
        return 1;
    }
    Message error;
    if (!writeKeyPair(out, *keys, error)) {
        std::cerr << "defuse: " << say(error, lang) << "\n";
        return 1;
    }
    std::cout << say(Message(Msg::KeygenDone,
                             {keyFingerprint(keys->publicKey), out + ".key", out + ".pub"}),
                     lang)
              << "\n";
    return 0;
}

int sign(const std::vector<std::string>& replays, const std::string& keyFile, Lang lang) {
    Message error;
    auto keys = readSecretKey(keyFile, error);
    if (!keys) {
        std::cerr << "defuse: " << say(error, lang) << "\n";
        return 1;
    }
    struct stat st {};
    if (::stat(keyFile.c_str(), &st) == 0 && (st.st_mode & 077) != 0) {
        char mode[8];
        std::snprintf(mode, sizeof mode, "%03o", static_cast<unsigned>(st.st_mode & 0777));
        std::cerr << "defuse: " << say(Message(Msg::KeyTooOpen, {keyFile, std::string(mode)}), lang)
                  << "\n";
    }
    int status = 0;
    for (const auto& file : replays) {
        std::string why;
        auto text = readFile(file, &why);
        auto loaded = text ? loadReplayText(*text, file) : LoadResult<Replay>{};
        if (!loaded.ok()) {
            std::cerr << "defuse: " << say(Message(Msg::SignCannotLoad, {file}), lang) << "\n";
            if (!text) std::cerr << "  " << printable(why) << "\n";
            for (const auto& d : loaded.diagnostics) std::cerr << printable(d.format(lang)) << "\n";
            status = 1;
            continue;
        }
        Signature sig = signReplay(*loaded.value, *text, *keys);
        fs::path out = signaturePath(file);
        if (!writeFileAtomic(out, signatureText(sig), &why)) {
            std::cerr << "defuse: " << printable(why) << "\n";
            status = 1;
            continue;
        }
        std::cout << say(Message(Msg::SignDone,
                                 {file, keyFingerprint(keys->publicKey), out.string()}),
                         lang)
                  << "\n";
    }
    return status;
}

// Re-scores a replay whose signature was checked, and says when its scenario changed since.
void rescoreLine(const Replay& r, const std::vector<fs::path>& dirs, Lang lang) {
    Rescored s = rescore(r, dirs);
    if (!s.ok() || hasErrors(s.diagnostics)) {
        std::cout << say(Msg::VerifyNotScored, lang) << "\n";
        for (const auto& d : s.diagnostics)
            if (d.severity == Severity::Error)
                std::cout << "    " << printable(d.format(lang)) << "\n";
        return;
    }
    const ScoreReport& rep = s.report;
    Message ending = rep.finished ? Message(rep.endingId) : Message(Msg::ScoreNotFinished);
    std::cout
        << say(Message(Msg::VerifyScore,
                       {r.trainee.empty() ? Message(Msg::NoTrainee) : Message(r.trainee),
                        Message(r.mode == Mode::Practice ? Msg::ModePractice : Msg::ModeAssessment),
                        Message(r.scenarioId), Message::num(static_cast<long long>(rep.total)),
                        Message(rep.grade), ending}),
               lang)
        << "\n";
    if (!r.scenarioHash.empty() && s.scenario && r.scenarioHash != s.scenario->hash)
        std::cout << say(Message(Msg::VerifyScenarioChanged, {r.scenarioId}), lang) << "\n";
}

int verify(const std::vector<std::string>& replays, const std::string& pubFile,
           const std::vector<std::string>& scenarioDirs, Lang lang) {
    Message error;
    auto pub = readPublicKey(pubFile, error);
    if (!pub) {
        std::cerr << "defuse: " << say(error, lang) << "\n";
        return 2;
    }
    std::vector<fs::path> dirs(scenarioDirs.begin(), scenarioDirs.end());
    dirs.push_back(bundledScenarioDir());
    std::string given = keyFingerprint(*pub);
    int status = 0;
    for (const auto& file : replays) {
        std::string why;
        auto text = readFile(file, &why);
        auto loaded = text ? loadReplayText(*text, file) : LoadResult<Replay>{};
        if (!loaded.ok()) {
            std::cout << say(Message(Msg::VerifyCannotLoad, {file}), lang) << "\n";
            if (!text) std::cout << "  " << printable(why) << "\n";
            for (const auto& d : loaded.diagnostics)
                std::cout << "  " << printable(d.format(lang)) << "\n";
            status = 1;
            continue;
        }
        fs::path sigFile = signaturePath(file);
        std::error_code ec;
        if (!fs::exists(sigFile, ec)) {
            std::cout << say(Message(Msg::VerifyUnsigned, {file, sigFile.string()}), lang) << "\n";
            status = 1;
            continue;
        }
        Message sigError;
        auto sigText = readFile(sigFile, sigError, 16u << 20);
        auto sig = sigText ? parseSignature(*sigText, sigError) : std::nullopt;
        if (!sig) {
            std::cout << say(Message(Msg::VerifyBadSigFile, {file, sigFile.string(), sigError}),
                             lang)
                      << "\n";
            status = 1;
            continue;
        }
        Verification v = verifyReplay(*loaded.value, *text, *sig, *pub);
        switch (v.status) {
            case VerifyStatus::Valid:
                std::cout << say(Message(Msg::VerifyValid, {file, v.signedBy, v.signedAt}), lang)
                          << "\n";
                break;
            case VerifyStatus::OtherKey:
                std::cout << say(Message(Msg::VerifyOtherKey, {file, v.signedBy, given}), lang)
                          << "\n";
                break;
            case VerifyStatus::BadSignature:
                std::cout << say(Message(Msg::VerifyBadSignature, {file, sigFile.string()}), lang)
                          << "\n";
                break;
            case VerifyStatus::Changed:
                std::cout << say(Message(Msg::VerifyChanged, {file, v.signedBy, v.signedAt}), lang)
                          << "\n";
                for (const auto& c : v.changes) std::cout << say(c, lang) << "\n";
                break;
        }
        if (!v.valid()) status = 1;
        // The score is never stored as truth: a signed run is re-scored all the same.
        if (v.status == VerifyStatus::Valid || v.status == VerifyStatus::Changed)
            rescoreLine(*loaded.value, dirs, lang);
    }
    return status;
}

}  // namespace

void addSignCommands(CLI::App& app, int& exitCode) {
    auto out = std::make_shared<std::string>();
    auto kLang = std::make_shared<std::string>("en");
    CLI::App* k = app.add_subcommand("keygen", "Make an Ed25519 key pair for signing replays");
    k->add_option("--out", *out, "NAME: writes NAME.key (private, mode 0600) and NAME.pub")
        ->required();
    k->add_option("--lang", *kLang, "en or zh")->check(CLI::IsMember({"en", "zh"}));
    k->callback([out, kLang, &exitCode] { exitCode = keygen(*out, langFromCode(*kLang)); });

    auto replays = std::make_shared<std::vector<std::string>>();
    auto key = std::make_shared<std::string>();
    auto sLang = std::make_shared<std::string>("en");
    CLI::App* s = app.add_subcommand(
        "sign", "Sign replays with your private key (writes REPLAY.sig beside each)");
    s->add_option("replays", *replays, "Replay files")->required();
    s->add_option("--key", *key, "Your private key (NAME.key from defuse keygen)")->required();
    s->add_option("--lang", *sLang, "en or zh")->check(CLI::IsMember({"en", "zh"}));
    s->callback([replays, key, sLang, &exitCode] {
        exitCode = sign(*replays, *key, langFromCode(*sLang));
    });

    auto vReplays = std::make_shared<std::vector<std::string>>();
    auto pub = std::make_shared<std::string>();
    auto dirs = std::make_shared<std::vector<std::string>>();
    auto vLang = std::make_shared<std::string>("en");
    CLI::App* v = app.add_subcommand(
        "verify", "Check replays' signatures, say exactly what changed, and re-score them");
    v->add_option("replays", *vReplays, "Replay files")->required();
    v->add_option("--pub", *pub, "The assessor's public key (NAME.pub)")->required();
    v->add_option("--scenarios", *dirs, "Folders (or files) to look for the scenarios in");
    v->add_option("--lang", *vLang, "en or zh")->check(CLI::IsMember({"en", "zh"}));
    v->callback([vReplays, pub, dirs, vLang, &exitCode] {
        exitCode = verify(*vReplays, *pub, *dirs, langFromCode(*vLang));
    });
}

}  // namespace defuse::term
