#pragma once
/// The voice's data: the pronunciation lexicon, how the mood is heard (the prosody mapping)
/// and which voice each customer speaks with. All three are text files in assets/voice/
/// (installed to share/defuse/voice), so trainers change them without a rebuild.
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "defuse/message.hpp"
#include "defuse/mood.hpp"

namespace defuse::voice {

/// What is wrong with a line of a voice data file: `file:line: what`.
struct DataError {
    std::string file;
    int line = 0;
    Message what;
    /// `file:line: error: what`.
    Message message() const;
    std::string format(Lang lang) const { return render(message(), lang); }
};

/// Chinese words and how to say them, as pinyin with tone digits ("银行" -> "yin2 hang2"):
/// the polyphones espeak-ng's per-character defaults misread.
class Lexicon {
public:
    /// Reads `word<TAB or spaces>pinyin` lines (`#` starts a comment); later entries replace
    /// earlier ones, so a scenario's own lexicon, read after the bundled one, wins. Returns
    /// false when the file cannot be read; bad lines are reported in `errors` and skipped.
    bool addFile(const std::filesystem::path& file, std::vector<DataError>& errors);
    /// Adds one entry (the word is UTF-8 Chinese, the reading pinyin syllables with tone
    /// digits 1-5).
    void add(std::string word, std::string pinyin);
    /// The reading of `word`, or empty.
    std::string_view find(std::string_view word) const;
    const std::map<std::string, std::string>& entries() const { return m_entries; }
    /// The longest entry (in bytes) that starts `text`, or 0.
    std::size_t longestMatch(std::string_view text, std::string_view* reading) const;

private:
    std::map<std::string, std::string> m_entries;
    std::size_t m_longest = 0;
};

/// One quantity of the prosody mapping: `base + anger*(A-50) + trust*(T-50) +
/// patience*(P-50)`, kept within [min, max].
struct ProsodyRule {
    double base = 100;
    double anger = 0;
    double trust = 0;
    double patience = 0;
    double min = 0;
    double max = 1000;
    double at(const Mood& m) const;
};

/// How the mood is heard: rate, pitch and volume in percent of the customer's own voice, and
/// the silence between sentences in milliseconds.
struct ProsodyMap {
    ProsodyRule rate{100, 0, 0, 0, 50, 200};
    ProsodyRule pitch{100, 0, 0, 0, 50, 200};
    ProsodyRule volume{100, 0, 0, 0, 20, 200};
    ProsodyRule pause{300, 0, 0, 0, 0, 2000};
    /// Reads `[rate]`, `[pitch]`, `[volume]`, `[pause]` sections of `key = number` lines.
    bool load(const std::filesystem::path& file, std::vector<DataError>& errors);
};

/// A customer's own voice: an espeak-ng variant (`m3`, `f2`, ...), base pitch and pitch
/// range (0-100, espeak's 50 is neutral), and base speed in words per minute.
struct VoiceProfile {
    std::string variant = "m3";
    int pitch = 50;
    int range = 50;
    int wpm = 170;
    bool operator==(const VoiceProfile& o) const {
        return variant == o.variant && pitch == o.pitch && range == o.range && wpm == o.wpm;
    }
};

/// The voice of each customer: `[archetype ID]` and `[scenario ID]` sections (a scenario's
/// wins), and `[default]`.
class VoiceBook {
public:
    bool load(const std::filesystem::path& file, std::vector<DataError>& errors);
    /// The voice for a scenario's customer: the scenario's entry, else its archetype's, else
    /// the default.
    VoiceProfile lookup(std::string_view scenarioId, std::string_view archetypeId) const;
    const std::map<std::string, VoiceProfile>& archetypes() const { return m_archetypes; }
    const std::map<std::string, VoiceProfile>& scenarios() const { return m_scenarios; }

private:
    VoiceProfile m_default;
    std::map<std::string, VoiceProfile> m_archetypes;
    std::map<std::string, VoiceProfile> m_scenarios;
};

/// Everything the voice reads from its data folder.
struct VoiceData {
    std::filesystem::path dir;
    Lexicon lexicon;
    ProsodyMap prosody;
    VoiceBook voices;
    std::vector<DataError> errors;
    /// Loads `dir`/lexicon.zh.tsv, prosody.ini and customers.ini. False (with `errors`) when
    /// a file is missing or unreadable.
    bool load(const std::filesystem::path& dataDir);
};

/// The voice data folder: $DEFUSE_VOICE_DATA, else ../share/defuse/voice from the
/// executable's folder (installed, or the build tree's link to assets/voice), else
/// ./assets/voice.
std::filesystem::path voiceDataDir();

/// The lexicon a scenario file may bring: `<file without .yaml>.lexicon.tsv` beside it.
std::filesystem::path scenarioLexiconFile(const std::filesystem::path& scenarioFile);

}  // namespace defuse::voice
