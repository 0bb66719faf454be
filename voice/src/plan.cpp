#include "defuse/voice/plan.hpp"

#include <cmath>

namespace defuse::voice {

namespace {

bool isAsciiAlnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool isAsciiLetter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// Bytes in the UTF-8 sequence that `lead` starts (1 for a stray byte).
std::size_t seqLength(unsigned char lead) {
    if (lead >= 0xF0 && lead <= 0xF4) return 4;
    if (lead >= 0xE0) return lead <= 0xEF ? 3 : 1;
    if (lead >= 0xC2) return 2;
    return 1;
}

std::size_t charLength(std::string_view s, std::size_t i) {
    std::size_t n = seqLength(static_cast<unsigned char>(s[i]));
    return i + n <= s.size() ? n : 1;
}

void appendChinese(std::vector<ScriptRun>& runs, std::string_view text) {
    if (text.empty()) return;
    if (runs.empty() || runs.back().script != ScriptRun::Script::Chinese)
        runs.push_back({ScriptRun::Script::Chinese, {}});
    runs.back().text += text;
}

// True when a run has something to say (not only spaces and punctuation).
bool speakable(std::string_view s) {
    for (std::size_t i = 0; i < s.size(); i += charLength(s, i)) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c >= 0x80) {
            // Full-width punctuation (U+3000-U+303F, U+FF00-U+FF0F...) is not speech.
            std::string_view ch = s.substr(i, charLength(s, i));
            if (ch.size() == 3 && (ch.substr(0, 2) == "\xE3\x80" || ch.substr(0, 2) == "\xEF\xBC"))
                continue;
            if (ch == "\xE2\x80\xA6" || ch == "\xE2\x80\x94") continue;  // … —
            return true;
        }
        if (isAsciiAlnum(static_cast<char>(c))) return true;
    }
    return false;
}

// The sentence ends where a pause goes: 。！？ always, . ! ? before a space.
std::string withPauses(std::string_view text, int pauseMs) {
    std::string out;
    std::string brk = "<break time=\"" + std::to_string(pauseMs) + "ms\"/>";
    for (std::size_t i = 0; i < text.size();) {
        std::size_t n = charLength(text, i);
        std::string_view ch = text.substr(i, n);
        out += escapeXml(ch);
        i += n;
        bool more = i < text.size();
        bool fullStop = ch == "\xE3\x80\x82" || ch == "\xEF\xBC\x81" || ch == "\xEF\xBC\x9F";
        bool halfStop = (ch == "." || ch == "!" || ch == "?") && more && text[i] == ' ';
        if ((fullStop || halfStop) && more && speakable(text.substr(i))) out += brk;
    }
    return out;
}

std::string ssmlFor(std::string_view text, const Prosody& p) {
    return "<speak><prosody rate=\"" + std::to_string(p.rate) + "%\" pitch=\"" +
           std::to_string(p.pitch) + "%\" volume=\"" + std::to_string(p.volume) + "%\">" +
           withPauses(text, p.pauseMs) + "</prosody></speak>";
}

std::string trimmed(std::string_view s) {
    std::size_t b = s.find_first_not_of(' ');
    if (b == std::string_view::npos) return {};
    return std::string(s.substr(b, s.find_last_not_of(' ') - b + 1));
}

}  // namespace

std::vector<ScriptRun> splitScripts(std::string_view line) {
    std::vector<ScriptRun> runs;
    std::string pendingSpace;  // spaces after a Latin word: joined if another word follows
    for (std::size_t i = 0; i < line.size();) {
        if (isAsciiAlnum(line[i])) {
            std::size_t j = i;
            bool letter = false;
            while (j < line.size() && isAsciiAlnum(line[j])) letter |= isAsciiLetter(line[j++]);
            std::string_view word = line.substr(i, j - i);
            if (letter) {
                if (!runs.empty() && runs.back().script == ScriptRun::Script::Latin &&
                    !pendingSpace.empty())
                    runs.back().text += pendingSpace + std::string(word);
                else {
                    appendChinese(runs, pendingSpace);
                    runs.push_back({ScriptRun::Script::Latin, std::string(word)});
                }
            } else {
                appendChinese(runs, pendingSpace);
                appendChinese(runs, word);
            }
            pendingSpace.clear();
            i = j;
            continue;
        }
        if (line[i] == ' ' && !runs.empty() && runs.back().script == ScriptRun::Script::Latin) {
            pendingSpace += ' ';
            ++i;
            continue;
        }
        // Anything else ends a Latin run: its pending spaces go to the Chinese.
        if (!pendingSpace.empty() && !runs.empty() &&
            runs.back().script == ScriptRun::Script::Latin) {
            runs.push_back({ScriptRun::Script::Chinese, pendingSpace});
        } else {
            appendChinese(runs, pendingSpace);
        }
        pendingSpace.clear();
        std::size_t n = charLength(line, i);
        appendChinese(runs, line.substr(i, n));
        i += n;
    }
    return runs;
}

std::string withoutStageDirections(std::string_view line) {
    std::string out;
    int depth = 0;
    for (std::size_t i = 0; i < line.size();) {
        std::size_t n = charLength(line, i);
        std::string_view ch = line.substr(i, n);
        i += n;
        if (ch == "(" || ch == "\xEF\xBC\x88") {  // ( （
            ++depth;
            continue;
        }
        if ((ch == ")" || ch == "\xEF\xBC\x89") && depth > 0) {  // ) ）
            --depth;
            continue;
        }
        if (depth == 0) out += ch;
    }
    // Collapse the spaces a removed direction leaves.
    std::string tidy;
    for (char c : out)
        if (!(c == ' ' && (tidy.empty() || tidy.back() == ' '))) tidy += c;
    return trimmed(tidy);
}

std::string applyLexicon(std::string_view chinese, const Lexicon& lexicon) {
    std::string out;
    for (std::size_t i = 0; i < chinese.size();) {
        std::string_view reading;
        if (std::size_t n = lexicon.longestMatch(chinese.substr(i), &reading); n > 0) {
            if (!out.empty() && out.back() != ' ') out += ' ';
            out += reading;
            out += ' ';
            i += n;
            continue;
        }
        std::size_t n = charLength(chinese, i);
        out += chinese.substr(i, n);
        i += n;
    }
    return out;
}

Prosody prosodyFor(const Mood& mood, const ProsodyMap& map) {
    auto r = [&](const ProsodyRule& rule) { return static_cast<int>(std::lround(rule.at(mood))); };
    return {r(map.rate), r(map.pitch), r(map.volume), r(map.pause)};
}

std::string escapeXml(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c == '&')
            out += "&amp;";
        else if (c == '<')
            out += "&lt;";
        else if (c == '>')
            out += "&gt;";
        else
            out += c;
    }
    return out;
}

Utterance planLine(std::string_view line, std::string_view lang, const Mood& mood,
                   const VoiceProfile& profile, const ProsodyMap& map, const Lexicon& lexicon) {
    Utterance u;
    u.profile = profile;
    u.prosody = prosodyFor(mood, map);
    std::string said = withoutStageDirections(line);
    std::string suffix = profile.variant.empty() ? "" : "+" + profile.variant;
    if (lang != "zh") {
        if (speakable(said))
            u.segments.push_back({std::string(kEnglishVoice) + suffix, ssmlFor(said, u.prosody)});
        return u;
    }
    for (const ScriptRun& run : splitScripts(said)) {
        if (!speakable(run.text)) continue;
        if (run.script == ScriptRun::Script::Latin)
            u.segments.push_back(
                {std::string(kEnglishVoice) + suffix, ssmlFor(run.text, u.prosody)});
        else
            u.segments.push_back({std::string(kMandarinVoice) + suffix,
                                  ssmlFor(applyLexicon(run.text, lexicon), u.prosody)});
    }
    return u;
}

}  // namespace defuse::voice
