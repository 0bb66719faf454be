#pragma once
/// Signed replays: an assessor's Ed25519 key (libsodium) signs a canonical form of the whole
/// replay (trainee, times, seed, every turn, the breaks, notes, the scenario's hash, the engine
/// version), kept beside it as `REPLAY.sig`. Anyone holding the public key can check that
/// nothing changed since, and is told exactly what did.
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "defuse/message.hpp"
#include "defuse/replay.hpp"

namespace defuse {

/// An Ed25519 key pair (raw bytes: 32 public, 64 secret).
struct KeyPair {
    std::string publicKey;
    std::string secretKey;
};

/// Makes a new key pair (nullopt if libsodium cannot start).
std::optional<KeyPair> generateKeyPair();

/// Writes `base`.key (the secret key, mode 0600, readable only by its owner) and `base`.pub.
/// Refuses to replace either file. False with `error` set on failure.
bool writeKeyPair(const std::filesystem::path& base, const KeyPair& keys, Message& error);

/// Reads a secret key file written by writeKeyPair; `error` says what is wrong with it.
std::optional<KeyPair> readSecretKey(const std::filesystem::path& file, Message& error);
/// Reads a public key file written by writeKeyPair (raw 32 bytes).
std::optional<std::string> readPublicKey(const std::filesystem::path& file, Message& error);

/// A short, stable name for a public key: the first 16 hex digits of its SHA-256.
std::string keyFingerprint(const std::string& publicKey);

/// The canonical form of a replay: one `field: value` line per recorded fact (values
/// JSON-escaped), in a fixed order, so the same replay always gives the same bytes however its
/// YAML is laid out.
std::string canonicalForm(const Replay& r);

/// A signature as kept in `REPLAY.sig`.
struct Signature {
    std::string publicKey;  ///< raw 32 bytes of the key that signed
    std::string signedAt;   ///< ISO 8601
    std::string canonical;  ///< the canonical form that was signed
    std::string rawSha256;  ///< the replay file's bytes when signed (hex SHA-256)
    std::string signature;  ///< raw 64 bytes
};

/// Where a replay's signature is kept: the replay's path with `.sig` added.
std::filesystem::path signaturePath(const std::filesystem::path& replay);

/// Signs a replay (its parsed fields and its file's bytes `rawText`) with `keys`.
Signature signReplay(const Replay& r, const std::string& rawText, const KeyPair& keys);
/// The text of a `.sig` file.
std::string signatureText(const Signature& s);
/// Reads a `.sig` file's text; nullopt with `error` when it is not one.
std::optional<Signature> parseSignature(const std::string& text, Message& error);

/// What checking a signature found.
enum class VerifyStatus {
    Valid,         ///< signed with the key given, and nothing changed since
    OtherKey,      ///< signed, but with another key than the one given
    BadSignature,  ///< the signature does not match what the .sig file says was signed
    Changed,       ///< the signature holds, and the replay changed since (see `changes`)
};

/// The result of checking a signed replay.
struct Verification {
    VerifyStatus status = VerifyStatus::BadSignature;
    std::vector<Message> changes;  ///< Changed: each field that no longer matches, in order
    std::string signedBy;          ///< the fingerprint of the key in the .sig file
    std::string signedAt;
    bool valid() const { return status == VerifyStatus::Valid; }
};

/// Checks a replay (parsed fields and file bytes) against its signature with `publicKey` (raw
/// 32 bytes), and says exactly what changed: a header field, a turn's field, a note, a turn
/// removed, duplicated, added or re-ordered, or only the layout of the file.
Verification verifyReplay(const Replay& r, const std::string& rawText, const Signature& sig,
                          const std::string& publicKey);

}  // namespace defuse

namespace defuse {

/// What signing a replay file did (signReplayFile).
struct SignOutcome {
    Message error;                  ///< empty when it worked
    std::string key;                ///< the fingerprint of the key that signed
    std::filesystem::path sigFile;  ///< where the signature was written
    bool ok() const { return error.empty(); }
};

/// Signs the replay at `replay` with the private key in `keyFile` and writes `REPLAY.sig`
/// atomically (a front end's "sign this": the desktop at the end of an assessment and after
/// notes). A key file others can read is refused (KeyTooOpenToSign); an unreadable key, a
/// replay that does not load or a signature that cannot be written is an error naming the
/// file. The replay itself is never touched.
SignOutcome signReplayFile(const std::filesystem::path& replay,
                           const std::filesystem::path& keyFile);

/// Checks the signature kept beside `replay` (its parsed fields `r` and file bytes `rawText`)
/// with `publicKey` (raw 32 bytes), or with the key the signature names when `publicKey` is
/// empty. Nullopt when there is no signature file; a signature file that does not parse is
/// BadSignature.
std::optional<Verification> verifyReplayFile(const std::filesystem::path& replay, const Replay& r,
                                             const std::string& rawText,
                                             const std::string& publicKey = {});

}  // namespace defuse
