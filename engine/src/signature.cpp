// Signed replays: Ed25519 (libsodium) over a canonical form of the whole replay.
#include "defuse/signature.hpp"

#include <fcntl.h>
#include <sodium.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <map>
#include <sstream>

#include "defuse/files.hpp"

namespace defuse {

namespace fs = std::filesystem;

namespace {

// [SECTION] Encoding

bool sodiumReady() {
    static const bool ready = sodium_init() >= 0;  // idempotent and thread-safe in libsodium
    return ready;
}

std::string toBase64(const std::string& bytes) {
    std::string out(sodium_base64_ENCODED_LEN(bytes.size(), sodium_base64_VARIANT_ORIGINAL), '\0');
    sodium_bin2base64(out.data(), out.size(), reinterpret_cast<const unsigned char*>(bytes.data()),
                      bytes.size(), sodium_base64_VARIANT_ORIGINAL);
    out.resize(std::strlen(out.c_str()));
    return out;
}

std::optional<std::string> fromBase64(const std::string& text, std::size_t expected) {
    std::string out(expected + 3, '\0');
    std::size_t len = 0;
    if (sodium_base642bin(reinterpret_cast<unsigned char*>(out.data()), out.size(), text.data(),
                          text.size(), nullptr, &len, nullptr,
                          sodium_base64_VARIANT_ORIGINAL) != 0 ||
        len != expected)
        return std::nullopt;
    out.resize(len);
    return out;
}

// A value as one JSON string: quotes, backslashes and control characters escaped, so a line
// of the canonical form never holds a newline whatever the field says.
std::string jsonQuoted(const std::string& s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        switch (c) {
            case '"':
                out += "\\\"";
                break;
            case '\\':
                out += "\\\\";
                break;
            case '\n':
                out += "\\n";
                break;
            case '\t':
                out += "\\t";
                break;
            default:
                if (c < 0x20 || c == 0x7f) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
    return out + "\"";
}

std::string seconds(double s) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", s);
    return buf;
}

std::string mood(const Mood& m) {
    std::string out;
    for (Dim d : kAllDims)
        out += (out.empty() ? "" : " ") + std::string(dimName(d)) + "=" + std::to_string(m.get(d));
    return out;
}

std::string idList(const std::vector<std::string>& ids) {
    std::string out;
    for (const auto& id : ids) out += (out.empty() ? "" : " ") + id;
    return jsonQuoted(out);
}

// [SECTION] The canonical form

struct Lines {
    std::string text;
    void add(const std::string& key, const std::string& value) {
        text += key + ": " + value + "\n";
    }
};

void addTurn(Lines& l, const std::string& prefix, const Turn& t, bool withMood) {
    l.add(prefix + " node", jsonQuoted(t.node));
    l.add(prefix + " shown", idList(t.shown));
    l.add(prefix + " picked", jsonQuoted(t.picked));
    l.add(prefix + " seconds", seconds(t.seconds));
    if (withMood) {
        l.add(prefix + " mood_before", jsonQuoted(mood(t.before)));
        l.add(prefix + " mood_after", jsonQuoted(mood(t.after)));
    }
}

}  // namespace

std::string canonicalForm(const Replay& r) {
    Lines l;
    l.add("defuse_replay", std::to_string(r.version));
    l.add("engine", jsonQuoted(r.engineVersion));
    l.add("scenario id", jsonQuoted(r.scenarioId));
    l.add("scenario file", jsonQuoted(r.scenarioFile));
    l.add("scenario hash", jsonQuoted(r.scenarioHash));
    l.add("mode", jsonQuoted(std::string(modeId(r.mode))));
    l.add("trainee", jsonQuoted(r.trainee));
    l.add("seed", std::to_string(r.seed));
    l.add("language", jsonQuoted(r.lang));
    l.add("timed", r.timed ? "true" : "false");
    l.add("started", jsonQuoted(r.started));
    l.add("finished", jsonQuoted(r.finished));
    l.add("ending", jsonQuoted(r.ending));
    l.add("abandoned", jsonQuoted(r.abandoned));
    for (std::size_t i = 0; i < r.turns.size(); ++i)
        addTurn(l, "turn " + std::to_string(i + 1), r.turns[i],
                i >= r.turnHasMood.size() || r.turnHasMood[i]);
    for (std::size_t i = 0; i < r.rewound.size(); ++i) {
        std::string p = "rewound " + std::to_string(i + 1);
        l.add(p + " turn", std::to_string(r.rewound[i].turn));
        addTurn(l, p, r.rewound[i].taken, true);
    }
    for (std::size_t i = 0; i < r.resumed.size(); ++i) {
        std::string p = "break " + std::to_string(i + 1);
        l.add(p + " after_turn", std::to_string(r.resumed[i].afterTurn));
        l.add(p + " stopped", jsonQuoted(r.resumed[i].stopped));
        l.add(p + " resumed", jsonQuoted(r.resumed[i].resumed));
    }
    for (const AssessorNote& n : r.notes.notes) {
        std::string p = n.turn > 0 ? "note turn " + std::to_string(n.turn) : "note run";
        l.add(p + " text", jsonQuoted(n.text));
        l.add(p + " written", jsonQuoted(n.written));
    }
    l.add("override mark", jsonQuoted(std::string(r.notes.mark == OverrideMark::Pass   ? "pass"
                                                  : r.notes.mark == OverrideMark::Fail ? "fail"
                                                                                       : "")));
    l.add("override reason", jsonQuoted(r.notes.reason));
    l.add("override written", jsonQuoted(r.notes.markWritten));
    return l.text;
}

// [SECTION] Keys

std::optional<KeyPair> generateKeyPair() {
    if (!sodiumReady()) return std::nullopt;
    unsigned char pk[crypto_sign_PUBLICKEYBYTES], sk[crypto_sign_SECRETKEYBYTES];
    crypto_sign_keypair(pk, sk);
    KeyPair k{std::string(reinterpret_cast<char*>(pk), sizeof pk),
              std::string(reinterpret_cast<char*>(sk), sizeof sk)};
    sodium_memzero(sk, sizeof sk);
    return k;
}

std::string keyFingerprint(const std::string& publicKey) {
    return sha256Hex(publicKey).substr(0, 16);
}

namespace {

constexpr const char* kPublicTag = "defuse-ed25519-public";
constexpr const char* kSecretTag = "defuse-ed25519-secret";

// Creates `path` with `content` and `mode`, never replacing anything: a temporary file made
// with that mode from the start (so the secret is never readable by others, not even for a
// moment), synced, then linked to the name (which fails if the name is taken).
bool createFile(const fs::path& path, const std::string& content, mode_t mode, Message& error) {
    fs::path dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    fs::path tmp = dir / ("." + path.filename().string() + ".new" + std::to_string(::getpid()));
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode);
    if (fd < 0) {
        error = Message(Msg::KeyCannotWrite, {path.string(), std::string(std::strerror(errno))});
        return false;
    }
    bool ok = ::fchmod(fd, mode) == 0 &&
              ::write(fd, content.data(), content.size()) == static_cast<ssize_t>(content.size()) &&
              ::fsync(fd) == 0;
    int err = errno;
    ok = ::close(fd) == 0 && ok;
    if (ok && ::link(tmp.c_str(), path.c_str()) != 0) {
        err = errno;
        ok = false;
    }
    ::unlink(tmp.c_str());
    if (!ok)
        error = err == EEXIST ? Message(Msg::KeyExists, {path.string()})
                              : Message(Msg::KeyCannotWrite,
                                        {path.string(), std::string(std::strerror(err))});
    return ok;
}

// The one line `TAG BASE64` of a key file (comments and blank lines aside).
std::optional<std::string> keyLine(const fs::path& file, const char* tag, std::size_t bytes,
                                   Message& error) {
    Message why;
    auto text = readFile(file, why, 64 * 1024);
    if (!text) {
        error = Message(Msg::KeyCannotRead, {file.string(), why});
        return std::nullopt;
    }
    std::istringstream in(*text);
    std::string line;
    while (std::getline(in, line)) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        std::string prefix = std::string(tag) + " ";
        if (line.compare(0, prefix.size(), prefix) == 0)
            if (auto raw = fromBase64(line.substr(prefix.size()), bytes)) return raw;
        break;
    }
    error = Message(std::string(tag) == kSecretTag ? Msg::KeyNotSecret : Msg::KeyNotPublic,
                    {file.string()});
    return std::nullopt;
}

}  // namespace

bool writeKeyPair(const fs::path& base, const KeyPair& keys, Message& error) {
    fs::path secret = base.string() + ".key", pub = base.string() + ".pub";
    std::error_code ec;
    for (const fs::path& p : {secret, pub})
        if (fs::exists(fs::symlink_status(p, ec))) {
            error = Message(Msg::KeyExists, {p.string()});
            return false;
        }
    std::string fp = keyFingerprint(keys.publicKey);
    std::string secretText = "# defuse private key (Ed25519) " + fp +
                             ": keep it secret, it signs replays in your name\n" + kSecretTag +
                             " " + toBase64(keys.secretKey) + "\n";
    std::string pubText = "# defuse public key (Ed25519) " + fp +
                          ": give it to whoever checks your replays (defuse verify --pub)\n" +
                          kPublicTag + " " + toBase64(keys.publicKey) + "\n";
    if (!createFile(secret, secretText, 0600, error)) return false;
    if (!createFile(pub, pubText, 0644, error)) {
        fs::remove(secret, ec);  // a pair or nothing
        return false;
    }
    return true;
}

std::optional<KeyPair> readSecretKey(const fs::path& file, Message& error) {
    if (!sodiumReady()) return std::nullopt;
    auto sk = keyLine(file, kSecretTag, crypto_sign_SECRETKEYBYTES, error);
    if (!sk) return std::nullopt;
    unsigned char pk[crypto_sign_PUBLICKEYBYTES];
    crypto_sign_ed25519_sk_to_pk(pk, reinterpret_cast<const unsigned char*>(sk->data()));
    return KeyPair{std::string(reinterpret_cast<char*>(pk), sizeof pk), *sk};
}

std::optional<std::string> readPublicKey(const fs::path& file, Message& error) {
    return keyLine(file, kPublicTag, crypto_sign_PUBLICKEYBYTES, error);
}

// [SECTION] Signing

fs::path signaturePath(const fs::path& replay) { return replay.string() + ".sig"; }

namespace {

std::string signedMessage(const Signature& s) {
    return "defuse-signature 1\nsigned: " + s.signedAt + "\nraw: " + s.rawSha256 + "\n" +
           s.canonical;
}

}  // namespace

Signature signReplay(const Replay& r, const std::string& rawText, const KeyPair& keys) {
    Signature s;
    s.publicKey = keys.publicKey;
    s.signedAt = nowIso8601();
    s.canonical = canonicalForm(r);
    s.rawSha256 = sha256Hex(rawText);
    std::string msg = signedMessage(s);
    unsigned char sig[crypto_sign_BYTES];
    if (sodiumReady())
        crypto_sign_detached(sig, nullptr, reinterpret_cast<const unsigned char*>(msg.data()),
                             msg.size(),
                             reinterpret_cast<const unsigned char*>(keys.secretKey.data()));
    s.signature = std::string(reinterpret_cast<char*>(sig), sizeof sig);
    return s;
}

std::string signatureText(const Signature& s) {
    std::string out =
        "# defuse signature (Ed25519) of the replay beside it: defuse verify REPLAY --pub "
        "KEY.pub\n";
    out += "defuse_signature: 1\n";
    out += "key: " + toBase64(s.publicKey) + "\n";
    out += "fingerprint: " + keyFingerprint(s.publicKey) + "\n";
    out += "signed: " + s.signedAt + "\n";
    out += "raw: " + s.rawSha256 + "\n";
    out += "signature: " + toBase64(s.signature) + "\n";
    out += "canonical:\n";
    std::istringstream in(s.canonical);
    std::string line;
    while (std::getline(in, line)) out += "  " + line + "\n";
    return out;
}

std::optional<Signature> parseSignature(const std::string& text, Message& error) {
    std::istringstream in(text);
    std::string line;
    std::map<std::string, std::string> fields;
    Signature s;
    bool inCanonical = false;
    int n = 0;
    auto bad = [&](int at) {
        error = Message(Msg::SigBadLine, {Message::num(static_cast<long long>(at))});
        return std::nullopt;
    };
    while (std::getline(in, line)) {
        ++n;
        if (inCanonical) {
            if (line.compare(0, 2, "  ") != 0) return bad(n);
            s.canonical += line.substr(2) + "\n";
            continue;
        }
        if (line.empty() || line[0] == '#') continue;
        if (line == "canonical:") {
            inCanonical = true;
            continue;
        }
        auto colon = line.find(": ");
        if (colon == std::string::npos) return bad(n);
        fields[line.substr(0, colon)] = line.substr(colon + 2);
    }
    if (fields["defuse_signature"] != "1" || !inCanonical) {
        error = Msg::SigNotOne;
        return std::nullopt;
    }
    auto key = fromBase64(fields["key"], crypto_sign_PUBLICKEYBYTES);
    auto sig = fromBase64(fields["signature"], crypto_sign_BYTES);
    if (!key || !sig || fields["signed"].empty() || fields["raw"].size() != 64) {
        error = Msg::SigNotOne;
        return std::nullopt;
    }
    s.publicKey = *key;
    s.signature = *sig;
    s.signedAt = fields["signed"];
    s.rawSha256 = fields["raw"];
    return s;
}

// [SECTION] Verifying: exactly what changed

namespace {

using Fields = std::vector<std::pair<std::string, std::string>>;

// The canonical form split into the header's fields (notes and breaks among them) and the
// turns, each a list of its fields without the "turn N " prefix.
struct Split {
    Fields header;
    std::vector<Fields> turns;
};

Split split(const std::string& canonical) {
    Split out;
    std::istringstream in(canonical);
    std::string line;
    while (std::getline(in, line)) {
        auto colon = line.find(": ");
        if (colon == std::string::npos) continue;
        std::string key = line.substr(0, colon), value = line.substr(colon + 2);
        if (key.compare(0, 5, "turn ") == 0) {
            auto space = key.find(' ', 5);
            std::size_t index = std::strtoul(key.c_str() + 5, nullptr, 10);
            if (index == 0 || space == std::string::npos) continue;
            if (out.turns.size() < index) out.turns.resize(index);
            out.turns[index - 1].emplace_back(key.substr(space + 1), value);
        } else {
            out.header.emplace_back(key, value);
        }
    }
    return out;
}

std::string shortValue(const std::string& v) {
    if (v.size() <= 80) return v;
    std::size_t cut = 77;
    while (cut > 0 && (static_cast<unsigned char>(v[cut]) & 0xC0) == 0x80) --cut;  // UTF-8
    return v.substr(0, cut) + "...";
}

const std::string* find(const Fields& f, const std::string& key) {
    for (const auto& kv : f)
        if (kv.first == key) return &kv.second;
    return nullptr;
}

void compareFields(const Fields& was, const Fields& now, const std::string& prefix,
                   std::vector<Message>& out) {
    for (const auto& [key, value] : was) {
        const std::string* n = find(now, key);
        if (!n)
            out.push_back(Message(Msg::VerifyFieldRemoved, {prefix + key, shortValue(value)}));
        else if (*n != value)
            out.push_back(Message(Msg::VerifyFieldChanged,
                                  {prefix + key, shortValue(value), shortValue(*n)}));
    }
    for (const auto& [key, value] : now)
        if (!find(was, key))
            out.push_back(Message(Msg::VerifyFieldAdded, {prefix + key, shortValue(value)}));
}

std::string turnName(std::size_t i) { return "turn " + std::to_string(i + 1) + " "; }

std::string pickedOf(const Fields& t) {
    const std::string* p = find(t, "picked");
    return p ? *p : std::string("?");
}

// `small` is `big` with some turns left out: the indexes of `big` that are not in `small`.
std::optional<std::vector<std::size_t>> leftOut(const std::vector<Fields>& big,
                                                const std::vector<Fields>& small) {
    std::vector<std::size_t> missing;
    std::size_t j = 0;
    for (std::size_t i = 0; i < big.size(); ++i) {
        if (j < small.size() && big[i] == small[j])
            ++j;
        else
            missing.push_back(i);
    }
    if (j != small.size()) return std::nullopt;
    return missing;
}

void compareTurns(const std::vector<Fields>& was, const std::vector<Fields>& now,
                  std::vector<Message>& out) {
    if (was == now) return;
    auto num = [](std::size_t i) { return Message::num(static_cast<long long>(i + 1)); };
    if (now.size() < was.size()) {
        if (auto gone = leftOut(was, now)) {
            for (std::size_t i : *gone)
                out.push_back(Message(Msg::VerifyTurnRemoved, {num(i), pickedOf(was[i])}));
            return;
        }
    } else if (now.size() > was.size()) {
        if (auto extra = leftOut(now, was)) {
            for (std::size_t i : *extra) {
                auto same = std::find(now.begin(), now.end(), now[i]);
                if (static_cast<std::size_t>(same - now.begin()) != i)
                    out.push_back(
                        Message(Msg::VerifyTurnDuplicated,
                                {num(i), num(static_cast<std::size_t>(same - now.begin()))}));
                else
                    out.push_back(Message(Msg::VerifyTurnAdded, {num(i), pickedOf(now[i])}));
            }
            return;
        }
    } else {
        auto a = was, b = now;
        std::sort(a.begin(), a.end());
        std::sort(b.begin(), b.end());
        if (a == b) {  // the same turns in another order
            for (std::size_t i = 0; i < now.size(); ++i) {
                if (now[i] == was[i]) continue;
                auto at = std::find(was.begin(), was.end(), now[i]);
                out.push_back(Message(Msg::VerifyTurnMoved,
                                      {num(i), num(static_cast<std::size_t>(at - was.begin()))}));
            }
            return;
        }
    }
    if (now.size() != was.size())
        out.push_back(
            Message(Msg::VerifyTurnCount, {Message::num(static_cast<long long>(was.size())),
                                           Message::num(static_cast<long long>(now.size()))}));
    for (std::size_t i = 0; i < std::min(was.size(), now.size()); ++i)
        compareFields(was[i], now[i], turnName(i), out);
}

}  // namespace

Verification verifyReplay(const Replay& r, const std::string& rawText, const Signature& sig,
                          const std::string& publicKey) {
    Verification v;
    v.signedBy = keyFingerprint(sig.publicKey);
    v.signedAt = sig.signedAt;
    if (!sodiumReady()) return v;
    std::string msg = signedMessage(sig);
    // Checked with the key the verifier trusts, never the one the .sig file names.
    bool holds =
        publicKey.size() == crypto_sign_PUBLICKEYBYTES &&
        sig.signature.size() == crypto_sign_BYTES &&
        crypto_sign_verify_detached(reinterpret_cast<const unsigned char*>(sig.signature.data()),
                                    reinterpret_cast<const unsigned char*>(msg.data()), msg.size(),
                                    reinterpret_cast<const unsigned char*>(publicKey.data())) == 0;
    if (!holds) {
        v.status = sig.publicKey != publicKey ? VerifyStatus::OtherKey : VerifyStatus::BadSignature;
        return v;
    }
    Split was = split(sig.canonical), now = split(canonicalForm(r));
    compareFields(was.header, now.header, "", v.changes);
    compareTurns(was.turns, now.turns, v.changes);
    if (v.changes.empty() && sha256Hex(rawText) != sig.rawSha256)
        v.changes.push_back(Message(Msg::VerifyLayoutOnly));
    v.status = v.changes.empty() ? VerifyStatus::Valid : VerifyStatus::Changed;
    return v;
}

}  // namespace defuse
