// Signing and checking a replay on disk: the file-level steps every front end takes.
#include <sys/stat.h>

#include <cstdio>

#include "defuse/files.hpp"
#include "defuse/signature.hpp"

namespace defuse {

namespace fs = std::filesystem;

SignOutcome signReplayFile(const fs::path& replay, const fs::path& keyFile) {
    SignOutcome out;
    struct stat st {};
    if (::stat(keyFile.c_str(), &st) == 0 && (st.st_mode & 077) != 0) {
        char mode[8];
        std::snprintf(mode, sizeof mode, "%03o", static_cast<unsigned>(st.st_mode & 0777));
        out.error = Message(Msg::KeyTooOpenToSign, {keyFile.string(), std::string(mode)});
        return out;
    }
    Message error;
    const auto keys = readSecretKey(keyFile, error);
    if (!keys) {
        out.error = error;
        return out;
    }
    std::string why;
    const auto text = readFile(replay, &why);
    const auto loaded = text ? loadReplayText(*text, replay.string()) : LoadResult<Replay>{};
    if (!loaded.ok()) {
        out.error = Message(Msg::SignCannotLoad, {replay.string()});
        return out;
    }
    const Signature sig = signReplay(*loaded.value, *text, *keys);
    out.sigFile = signaturePath(replay);
    if (!writeFileAtomic(out.sigFile, signatureText(sig), &why)) {
        out.error = Message(Msg::KeyCannotWrite, {out.sigFile.string(), why});
        return out;
    }
    out.key = keyFingerprint(keys->publicKey);
    return out;
}

std::optional<Verification> verifyReplayFile(const fs::path& replay, const Replay& r,
                                             const std::string& rawText,
                                             const std::string& publicKey) {
    const fs::path sigFile = signaturePath(replay);
    std::error_code ec;
    if (!fs::exists(sigFile, ec)) return std::nullopt;
    Verification bad;
    bad.status = VerifyStatus::BadSignature;
    Message why;
    const auto text = readFile(sigFile, why, 16u << 20);
    if (!text) return bad;
    const std::optional<Signature> sig = parseSignature(*text, why);
    if (!sig) return bad;
    return verifyReplay(r, rawText, *sig, publicKey.empty() ? sig->publicKey : publicKey);
}

}  // namespace defuse
