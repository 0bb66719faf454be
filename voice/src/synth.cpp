#include "defuse/voice/synth.hpp"

#include <espeak-ng/espeak_ng.h>
#include <espeak-ng/speak_lib.h>

#include <cctype>
#include <mutex>

#include "defuse/files.hpp"

namespace defuse::voice {

namespace {

// espeak-ng keeps one global state: every call goes through this lock.
std::mutex& lock() {
    static std::mutex m;
    return m;
}

struct State {
    bool tried = false;
    bool ok = false;
    int rate = 22050;
    std::string error;
};
State& state() {
    static State s;
    return s;
}

struct Sink {
    std::vector<std::int16_t>* samples = nullptr;
    const std::atomic<bool>* stop = nullptr;
};

// The sink of the synthesis under way (set and cleared under the lock): espeak-ng's callback
// gets events with our user data only when the chunk has events.
Sink* g_sink = nullptr;

int onSamples(short* wav, int count, espeak_EVENT*) {
    Sink* sink = g_sink;
    if (sink == nullptr) return 0;
    if (wav != nullptr && count > 0) sink->samples->insert(sink->samples->end(), wav, wav + count);
    return sink->stop != nullptr && sink->stop->load() ? 1 : 0;  // 1 aborts
}

std::string statusText(espeak_ng_STATUS status) {
    char buf[512] = {};
    espeak_ng_GetStatusCodeMessage(status, buf, sizeof buf);
    return buf;
}

// Must hold the lock.
bool startLocked(std::string* error) {
    State& s = state();
    if (!s.tried) {
        s.tried = true;
        espeak_ng_InitializePath(nullptr);
        espeak_ng_ERROR_CONTEXT context = nullptr;
        espeak_ng_STATUS status = espeak_ng_Initialize(&context);
        if (status == ENS_OK)
            status = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, nullptr);
        if (status != ENS_OK) {
            s.error = statusText(status);
            espeak_ng_ClearErrorContext(&context);
        } else {
            s.ok = true;
            s.rate = espeak_ng_GetSampleRate();
            espeak_SetSynthCallback(onSamples);
        }
    }
    if (!s.ok && error != nullptr) *error = s.error;
    return s.ok;
}

void putLE(std::string& out, std::uint32_t v, int bytes) {
    for (int i = 0; i < bytes; ++i) out += static_cast<char>((v >> (8 * i)) & 0xFF);
}

}  // namespace

bool Synth::start(std::string* error) {
    std::lock_guard<std::mutex> guard(lock());
    return startLocked(error);
}

bool Synth::synthesize(const Utterance& u, Audio& out, std::string* error,
                       const std::atomic<bool>* stop) {
    std::lock_guard<std::mutex> guard(lock());
    if (!startLocked(error)) return false;
    out.sampleRate = state().rate;
    Sink sink{&out.samples, stop};
    g_sink = &sink;
    struct Clear {
        ~Clear() { g_sink = nullptr; }
    } clear;
    for (const Segment& seg : u.segments) {
        if (stop != nullptr && stop->load()) break;
        if (espeak_SetVoiceByName(seg.voice.c_str()) != EE_OK) {
            if (error != nullptr) *error = "espeak-ng has no voice " + seg.voice;
            return false;
        }
        espeak_SetParameter(espeakRATE, u.profile.wpm, 0);
        espeak_SetParameter(espeakPITCH, u.profile.pitch, 0);
        espeak_SetParameter(espeakRANGE, u.profile.range, 0);
        espeak_SetParameter(espeakVOLUME, 100, 0);
        espeak_ERROR err = espeak_Synth(seg.ssml.c_str(), seg.ssml.size() + 1, 0, POS_CHARACTER, 0,
                                        espeakCHARS_UTF8 | espeakSSML, nullptr, nullptr);
        if (err != EE_OK) {
            if (error != nullptr) *error = "espeak-ng could not synthesise: " + seg.ssml;
            return false;
        }
    }
    return true;
}

std::string Synth::phonemes(const std::string& text, const std::string& voice) {
    std::lock_guard<std::mutex> guard(lock());
    if (!startLocked(nullptr) || espeak_SetVoiceByName(voice.c_str()) != EE_OK) return {};
    std::string out;
    const void* p = text.c_str();
    while (p != nullptr) {
        const char* ph = espeak_TextToPhonemes(&p, espeakCHARS_UTF8, 0);
        if (ph == nullptr) break;
        if (!out.empty() && *ph != '\0') out += ' ';
        out += ph;
    }
    return out;
}

std::vector<InstalledVoice> Synth::installed() {
    std::lock_guard<std::mutex> guard(lock());
    std::vector<InstalledVoice> out;
    if (!startLocked(nullptr)) return out;
    auto add = [&out](const espeak_VOICE** list) {
        for (; list != nullptr && *list != nullptr; ++list) {
            const espeak_VOICE* v = *list;
            InstalledVoice iv;
            iv.name = v->name != nullptr ? v->name : "";
            iv.identifier = v->identifier != nullptr ? v->identifier : "";
            // Variants are named "!v/m3": a voice name takes "m3".
            if (std::size_t slash = iv.identifier.rfind('/'); slash != std::string::npos)
                iv.identifier = iv.identifier.substr(slash + 1);
            iv.language = v->languages != nullptr ? v->languages + 1 : "";
            iv.gender = v->gender;
            out.push_back(iv);
        }
    };
    add(espeak_ListVoices(nullptr));
    espeak_VOICE spec{};
    spec.languages = "variant";
    add(espeak_ListVoices(&spec));
    return out;
}

std::string Synth::version(std::string* dataDir) {
    std::lock_guard<std::mutex> guard(lock());
    const char* path = nullptr;
    const char* v = espeak_Info(&path);
    if (dataDir != nullptr) *dataDir = path != nullptr ? path : "";
    return v != nullptr ? v : "";
}

bool Synth::has(const std::string& identifier) {
    // Voice files are named with capitals ("sit/cmn-Latn-pinyin"); espeak-ng matches names
    // without regard to case.
    auto lower = [](std::string s) {
        for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        return s;
    };
    for (const InstalledVoice& v : installed())
        if (lower(v.identifier) == lower(identifier) || lower(v.language) == lower(identifier))
            return true;
    return false;
}

std::string encodeWav(const Audio& audio) {
    std::string out;
    auto dataBytes = static_cast<std::uint32_t>(audio.samples.size() * 2);
    out += "RIFF";
    putLE(out, 36 + dataBytes, 4);
    out += "WAVEfmt ";
    putLE(out, 16, 4);
    putLE(out, 1, 2);  // PCM
    putLE(out, 1, 2);  // mono
    putLE(out, static_cast<std::uint32_t>(audio.sampleRate), 4);
    putLE(out, static_cast<std::uint32_t>(audio.sampleRate) * 2, 4);
    putLE(out, 2, 2);
    putLE(out, 16, 2);
    out += "data";
    putLE(out, dataBytes, 4);
    for (std::int16_t s : audio.samples) putLE(out, static_cast<std::uint16_t>(s), 2);
    return out;
}

bool writeWav(const std::filesystem::path& path, const Audio& audio, std::string* error) {
    return writeFileAtomic(path, encodeWav(audio), error);
}

}  // namespace defuse::voice
