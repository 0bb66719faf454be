#include "defuse/voice/voice_data.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "defuse/files.hpp"

namespace defuse::voice {

namespace fs = std::filesystem;

namespace {

std::string trim(std::string_view s) {
    const char* ws = " \t\r";
    std::size_t b = s.find_first_not_of(ws);
    if (b == std::string_view::npos) return {};
    std::size_t e = s.find_last_not_of(ws);
    return std::string(s.substr(b, e - b + 1));
}

// A line without its `#` comment.
std::string uncommented(const std::string& line) { return trim(line.substr(0, line.find('#'))); }

// The lines of a file, or false with the reason in `errors`.
bool readLines(const fs::path& file, std::vector<std::string>& lines,
               std::vector<DataError>& errors) {
    Message why;
    std::optional<std::string> text = readFile(file, why, 1u << 20);
    if (!text) {
        errors.push_back({file.string(), 0, why});
        return false;
    }
    std::istringstream in(*text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return true;
}

// A pinyin syllable with its tone digit: letters (ü as v or u:) then 1-5.
bool isPinyinSyllable(std::string_view s) {
    if (s.size() < 2 || s.back() < '1' || s.back() > '5') return false;
    for (std::size_t i = 0; i + 1 < s.size(); ++i) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || c == ':')) return false;
    }
    return true;
}

bool parseNumber(const std::string& s, double& out) {
    if (s.empty()) return false;
    char* end = nullptr;
    out = std::strtod(s.c_str(), &end);
    return end != nullptr && *end == '\0';
}

// An INI file: `[section]` lines and `key = value` lines, handed to `onKey` with the section.
template <typename OnSection, typename OnKey>
bool readIni(const fs::path& file, std::vector<DataError>& errors, OnSection onSection,
             OnKey onKey) {
    std::vector<std::string> lines;
    if (!readLines(file, lines, errors)) return false;
    std::string section;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        int lineNo = static_cast<int>(i) + 1;
        std::string line = uncommented(lines[i]);
        if (line.empty()) continue;
        if (line.front() == '[' && line.back() == ']') {
            section = trim(std::string_view(line).substr(1, line.size() - 2));
            if (auto err = onSection(section)) {
                errors.push_back({file.string(), lineNo, *err});
                section = "-";  // its keys are skipped, not reported again
            }
            continue;
        }
        std::size_t eq = line.find('=');
        if (eq == std::string::npos) {
            errors.push_back({file.string(), lineNo, Message(Msg::VoiceExpectedKeyValue, {line})});
            continue;
        }
        std::string key = trim(std::string_view(line).substr(0, eq));
        std::string value = trim(std::string_view(line).substr(eq + 1));
        if (section.empty()) {
            errors.push_back({file.string(), lineNo, Message(Msg::VoiceOutsideSection, {key})});
            continue;
        }
        if (section == "-") continue;
        if (auto err = onKey(section, key, value)) errors.push_back({file.string(), lineNo, *err});
    }
    return true;
}

}  // namespace

Message DataError::message() const {
    std::string where = line > 0 ? file + ":" + std::to_string(line) : file;
    return Message(Msg::DiagError, {Message(where), what});
}

// [SECTION] Lexicon

bool Lexicon::addFile(const fs::path& file, std::vector<DataError>& errors) {
    std::vector<std::string> lines;
    if (!readLines(file, lines, errors)) return false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        std::string line = uncommented(lines[i]);
        if (line.empty()) continue;
        std::size_t sep = line.find_first_of(" \t");
        std::string word = line.substr(0, sep);
        std::string pinyin = sep == std::string::npos ? "" : trim(line.substr(sep));
        bool ok = !pinyin.empty() && static_cast<unsigned char>(word[0]) >= 0x80;
        std::istringstream syllables(pinyin);
        std::string normal;
        for (std::string s; ok && syllables >> s;) {
            if (!isPinyinSyllable(s)) {
                errors.push_back({file.string(), static_cast<int>(i) + 1,
                                  Message(Msg::VoicePinyinSyllable, {s})});
                ok = false;
                break;
            }
            normal += (normal.empty() ? "" : " ") + s;
        }
        if (!ok) {
            if (errors.empty() || errors.back().line != static_cast<int>(i) + 1)
                errors.push_back({file.string(), static_cast<int>(i) + 1,
                                  Message(Msg::VoiceLexiconLine, {line})});
            continue;
        }
        add(word, normal);
    }
    return true;
}

void Lexicon::add(std::string word, std::string pinyin) {
    m_longest = std::max(m_longest, word.size());
    m_entries[std::move(word)] = std::move(pinyin);
}

std::string_view Lexicon::find(std::string_view word) const {
    auto it = m_entries.find(std::string(word));
    return it == m_entries.end() ? std::string_view() : std::string_view(it->second);
}

std::size_t Lexicon::longestMatch(std::string_view text, std::string_view* reading) const {
    for (std::size_t n = std::min(m_longest, text.size()); n > 0; --n) {
        auto it = m_entries.find(std::string(text.substr(0, n)));
        if (it != m_entries.end()) {
            if (reading != nullptr) *reading = it->second;
            return n;
        }
    }
    return 0;
}

// [SECTION] Prosody

double ProsodyRule::at(const Mood& m) const {
    double v =
        base + anger * (m.anger() - 50) + trust * (m.trust() - 50) + patience * (m.patience() - 50);
    return std::max(min, std::min(max, v));
}

bool ProsodyMap::load(const fs::path& file, std::vector<DataError>& errors) {
    auto rule = [this](const std::string& section) -> ProsodyRule* {
        if (section == "rate") return &rate;
        if (section == "pitch") return &pitch;
        if (section == "volume") return &volume;
        if (section == "pause") return &pause;
        return nullptr;
    };
    return readIni(
        file, errors,
        [&](const std::string& section) -> std::optional<Message> {
            if (rule(section) != nullptr) return std::nullopt;
            return Message(Msg::VoiceUnknownSection, {section, "rate, pitch, volume, pause"});
        },
        [&](const std::string& section, const std::string& key,
            const std::string& value) -> std::optional<Message> {
            ProsodyRule* r = rule(section);
            double* field = key == "base"       ? &r->base
                            : key == "anger"    ? &r->anger
                            : key == "trust"    ? &r->trust
                            : key == "patience" ? &r->patience
                            : key == "min"      ? &r->min
                            : key == "max"      ? &r->max
                                                : nullptr;
            if (field == nullptr)
                return Message(Msg::VoiceUnknownKey,
                               {key, "base, anger, trust, patience, min, max"});
            if (!parseNumber(value, *field)) return Message(Msg::VoiceBadNumber, {value});
            return std::nullopt;
        });
}

// [SECTION] Voices per customer

bool VoiceBook::load(const fs::path& file, std::vector<DataError>& errors) {
    auto profile = [this](const std::string& section) -> VoiceProfile* {
        if (section == "default") return &m_default;
        if (section.rfind("archetype ", 0) == 0) return &m_archetypes[trim(section.substr(10))];
        if (section.rfind("scenario ", 0) == 0) return &m_scenarios[trim(section.substr(9))];
        return nullptr;
    };
    return readIni(
        file, errors,
        [&](const std::string& section) -> std::optional<Message> {
            if (profile(section) != nullptr) {
                // A new section starts from the default voice.
                if (section != "default") *profile(section) = m_default;
                return std::nullopt;
            }
            return Message(Msg::VoiceUnknownSection,
                           {section, "default, archetype ID, scenario ID"});
        },
        [&](const std::string& section, const std::string& key,
            const std::string& value) -> std::optional<Message> {
            VoiceProfile* p = profile(section);
            if (key == "variant") {
                p->variant = value;
                return std::nullopt;
            }
            int* field = key == "pitch"   ? &p->pitch
                         : key == "range" ? &p->range
                         : key == "wpm"   ? &p->wpm
                                          : nullptr;
            if (field == nullptr)
                return Message(Msg::VoiceUnknownKey, {key, "variant, pitch, range, wpm"});
            double v = 0;
            if (!parseNumber(value, v)) return Message(Msg::VoiceBadNumber, {value});
            int lo = key == "wpm" ? 80 : 0;
            int hi = key == "wpm" ? 450 : 100;
            if (v < lo || v > hi)
                return Message(Msg::VoiceRange, {key, Message::num(static_cast<long long>(lo)),
                                                 Message::num(static_cast<long long>(hi))});
            *field = static_cast<int>(v);
            return std::nullopt;
        });
}

VoiceProfile VoiceBook::lookup(std::string_view scenarioId, std::string_view archetypeId) const {
    if (auto it = m_scenarios.find(std::string(scenarioId)); it != m_scenarios.end())
        return it->second;
    if (auto it = m_archetypes.find(std::string(archetypeId)); it != m_archetypes.end())
        return it->second;
    return m_default;
}

// [SECTION] The data folder

bool VoiceData::load(const fs::path& dataDir) {
    dir = dataDir;
    bool ok = lexicon.addFile(dir / "lexicon.zh.tsv", errors);
    ok = prosody.load(dir / "prosody.ini", errors) && ok;
    ok = voices.load(dir / "customers.ini", errors) && ok;
    return ok;
}

fs::path voiceDataDir() {
    if (const char* env = std::getenv("DEFUSE_VOICE_DATA"); env != nullptr && *env != '\0')
        return env;
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        fs::path dir = exe.parent_path().parent_path() / "share" / "defuse" / "voice";
        if (fs::is_directory(dir, ec)) return dir;
    }
    return fs::path("assets") / "voice";
}

fs::path scenarioLexiconFile(const fs::path& scenarioFile) {
    fs::path f = scenarioFile;
    return f.replace_extension(".lexicon.tsv");
}

}  // namespace defuse::voice
