#pragma once
/// The synthesizer: espeak-ng turns a planned utterance into samples, offline. One process-wide
/// espeak-ng, guarded by a lock, so any thread may call it.
#include <atomic>
#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "defuse/voice/plan.hpp"

namespace defuse::voice {

/// Mono 16-bit samples.
struct Audio {
    int sampleRate = 22050;
    std::vector<std::int16_t> samples;
    double seconds() const {
        return sampleRate > 0 ? static_cast<double>(samples.size()) / sampleRate : 0;
    }
};

/// An installed espeak-ng voice or variant.
struct InstalledVoice {
    std::string identifier;  ///< what goes in a voice name: "en", "cmn-latn-pinyin", "m3"
    std::string name;        ///< espeak-ng's display name
    std::string language;    ///< the first language it speaks ("variant" for variants)
    int gender = 0;          ///< 0 unknown, 1 male, 2 female
};

/// espeak-ng, started once on first use.
class Synth {
public:
    /// Starts espeak-ng if it has not been. False (with espeak-ng's reason in `error`) when
    /// its data cannot be found or loaded.
    static bool start(std::string* error = nullptr);
    /// Synthesises every segment of `u` in turn. `stop`, when set by another thread, ends it
    /// early (the samples so far are returned). False with `error` when a voice is missing or
    /// espeak-ng fails.
    static bool synthesize(const Utterance& u, Audio& out, std::string* error = nullptr,
                           const std::atomic<bool>* stop = nullptr);
    /// The phonemes espeak-ng would say for `text` with `voice` (its -x mnemonics, one
    /// `_|`-separated group per word, clauses joined by spaces). Empty when it fails.
    static std::string phonemes(const std::string& text, const std::string& voice);
    /// The installed voices, then the variants.
    static std::vector<InstalledVoice> installed();
    /// espeak-ng's version and its data folder.
    static std::string version(std::string* dataDir = nullptr);
    /// True when espeak-ng has a voice with this identifier ("cmn-latn-pinyin") or variant.
    static bool has(const std::string& identifier);
};

/// `audio` as a RIFF/WAVE file (PCM, 16-bit, mono).
std::string encodeWav(const Audio& audio);
/// Writes `audio` to `path` atomically; false with the reason in `error`.
bool writeWav(const std::filesystem::path& path, const Audio& audio, std::string* error);

}  // namespace defuse::voice
