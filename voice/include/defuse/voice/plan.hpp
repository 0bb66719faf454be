#pragma once
/// What the customer will say, planned before any sound is made: the line without its stage
/// directions, split into script runs (Chinese through the pinyin voice, Latin words through
/// the English one), the lexicon's readings put in, and the mood turned into SSML prosody.
/// Pure text work: no synthesizer, no audio.
#include <string>
#include <string_view>
#include <vector>

#include "defuse/mood.hpp"
#include "defuse/voice/voice_data.hpp"

namespace defuse::voice {

/// espeak-ng's English voice.
inline constexpr std::string_view kEnglishVoice = "en";
/// espeak-ng's Mandarin voice that reads Hanzi tone by tone (the plain `cmn` voice reads
/// them as English-spoken pinyin in espeak-ng 1.51).
inline constexpr std::string_view kMandarinVoice = "cmn-latn-pinyin";

/// A stretch of a line in one script.
struct ScriptRun {
    enum class Script { Chinese, Latin };
    Script script = Script::Chinese;
    std::string text;
};

/// Splits a Chinese line into runs: words of Latin letters (with the digits and spaces
/// joined to them: "BMW", "4S", "ABS light") are Latin; the rest (Hanzi, punctuation,
/// numbers on their own) is Chinese.
std::vector<ScriptRun> splitScripts(std::string_view line);

/// The line without stage directions: text in (half- or full-width) parentheses is not
/// said ("(The hold music cuts out.) Finally!" -> "Finally!").
std::string withoutStageDirections(std::string_view line);

/// A Chinese run with the lexicon's readings in place of its words: "去银行" ->
/// "去 yin2 hang2 ", which the pinyin voice reads as written.
std::string applyLexicon(std::string_view chinese, const Lexicon& lexicon);

/// The prosody of one line, from the mood through the mapping.
struct Prosody {
    int rate = 100;     ///< percent of the customer's own speed
    int pitch = 100;    ///< percent of the customer's own pitch
    int volume = 100;   ///< percent of the normal loudness
    int pauseMs = 300;  ///< silence between sentences
};
Prosody prosodyFor(const Mood& mood, const ProsodyMap& map);

/// One piece of an utterance: an espeak-ng voice name ("en+m3") and its SSML document.
struct Segment {
    std::string voice;
    std::string ssml;
};

/// A line ready for the synthesizer.
struct Utterance {
    std::vector<Segment> segments;
    VoiceProfile profile;
    Prosody prosody;
    bool empty() const { return segments.empty(); }
};

/// Plans `line` in `lang` ("en" or "zh") as the customer with `profile` in `mood`.
Utterance planLine(std::string_view line, std::string_view lang, const Mood& mood,
                   const VoiceProfile& profile, const ProsodyMap& map, const Lexicon& lexicon);

/// `s` with &, <, > escaped for SSML.
std::string escapeXml(std::string_view s);

}  // namespace defuse::voice
