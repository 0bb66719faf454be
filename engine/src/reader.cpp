#include "reader.hpp"

#include <utf8.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <iterator>
#include <set>
#include <unordered_map>

#include "defuse/tags.hpp"
#include "defuse/text.hpp"

namespace defuse::detail {

void Reporter::add(SourcePos p, Severity s, Message msg) {
    if (s == Severity::Error) ++m_errors;
    if (m_kept < kMaxDiagnostics) {
        ++m_kept;
        m_out.push_back({m_file, p.line, p.column, s, std::move(msg)});
        return;
    }
    // Past the limit: one line says so, an error as soon as any error was left out.
    if (!m_tooMany) {
        m_tooMany = m_out.size();
        m_out.push_back(
            {m_file, 0, 0, s, Message(Msg::TooManyProblems, {std::to_string(kMaxDiagnostics)})});
    } else if (s == Severity::Error) {
        m_out[*m_tooMany].severity = Severity::Error;
    }
}

std::optional<std::string> curlyQuoted(const std::string& key) {
    for (auto [open, close] : {std::pair{"\u201C", "\u201D"}, std::pair{"\u2018", "\u2019"},
                               std::pair{"\u300C", "\u300D"}, std::pair{"\u201D", "\u201D"}}) {
        std::string o(open), c(close);
        if (key.size() > o.size() + c.size() && key.rfind(o, 0) == 0 &&
            key.compare(key.size() - c.size(), c.size(), c) == 0)
            return key.substr(o.size(), key.size() - o.size() - c.size());
    }
    return std::nullopt;
}

std::string meantLanguage(const std::string& key) {
    static const std::vector<std::pair<std::string, std::string>> kMeant{
        {"cn", "zh"},      {"ch", "zh"},    {"chs", "zh"},   {"chinese", "zh"}, {"zh-cn", "zh"},
        {"zh-hans", "zh"}, {"zh_cn", "zh"}, {"zhcn", "zh"},  {"english", "en"}, {"eng", "en"},
        {"en-us", "en"},   {"en-gb", "en"}, {"en_us", "en"}, {"us", "en"},      {"uk", "en"}};
    for (const auto& [k, v] : kMeant)
        if (k == key) return v;
    return "";
}

void Reporter::foreign(Diagnostic d) {
    if (d.severity == Severity::Error) ++m_errors;
    if (m_kept >= kMaxDiagnostics) return;
    ++m_kept;
    m_out.push_back(std::move(d));
}

Message unknownName(Msg kind, const std::string& name, const std::vector<std::string>& known) {
    std::string guess = didYouMean(name, known);
    if (guess.empty()) return Message(Msg::UnknownName, {kind, name});
    return Message(Msg::UnknownNameGuess, {kind, name, guess});
}

Message typeName(const YNode& n) {
    switch (n.type) {
        case YNode::Type::Null:
            return Msg::TypeNothing;
        case YNode::Type::Scalar:
            return Msg::TypeScalar;
        case YNode::Type::Seq:
            return Msg::TypeList;
        case YNode::Type::Map:
            return Msg::TypeMapping;
    }
    return Message("?");
}

MapReader::MapReader(const YNode& node, Reporter& rep, Translated what,
                     std::vector<std::string> known, bool strict)
    : m_node(node), m_rep(rep), m_what(std::move(what.message)) {
    if (!node.isMap()) {
        rep.error(node, Message(Msg::MustBeMapping, {m_what, typeName(node)}));
        return;
    }
    m_valid = true;
    // A hash map, not a scan of every earlier key: a file with 100,000 keys took a minute.
    std::unordered_map<std::string, int> firstLine;
    for (const auto& [key, value] : node.entries) {
        if (!key.isScalar()) {
            rep.error(key, Message(Msg::KeyNotPlain, {m_what, typeName(key)}));
            continue;
        }
        if (auto inner = curlyQuoted(key.value)) {
            rep.error(key, Message(Msg::CurlyQuotedKey, {key.value, *inner}));
            continue;
        }
        auto [it, fresh] = firstLine.emplace(key.value, key.pos.line);
        if (!fresh) {
            rep.error(key,
                      Message(Msg::DuplicateKey, {key.value, m_what, std::to_string(it->second)}));
            continue;
        }
        if (!known.empty() && std::find(known.begin(), known.end(), key.value) == known.end() &&
            strict)
            rep.error(key, Message(Msg::UnknownKeyChangesMeaning,
                                   {unknownName(Msg::NameKey, key.value, known), m_what}));
        else if (!known.empty() && std::find(known.begin(), known.end(), key.value) == known.end())
            rep.warning(key, rep.full()
                                 ? Message()
                                 : Message(Msg::UnknownKeyIgnored,
                                           {unknownName(Msg::NameKey, key.value, known), m_what}));
    }
}

const YNode* MapReader::get(const std::string& key) const {
    if (!m_valid) return nullptr;
    for (const auto& [k, v] : m_node.entries)
        if (k.isScalar() && k.value == key) return &v;  // the first one; duplicates were reported
    return nullptr;
}

const YNode* MapReader::require(const std::string& key) const {
    const YNode* n = get(key);
    if (!n && m_valid) m_rep.error(m_node, Message(Msg::MissingKey, {m_what, key}));
    return n;
}

std::optional<std::string> readString(const YNode& n, Reporter& rep, const Translated& what) {
    if (!n.isScalar()) {
        rep.error(n, Message(Msg::MustBeText, {what.message, typeName(n)}));
        return std::nullopt;
    }
    return n.value;
}

std::optional<std::string> readId(const YNode& n, Reporter& rep, const Translated& what) {
    auto s = readString(n, rep, what);
    if (!s) return std::nullopt;
    if (s->empty()) {
        rep.error(n, Message(Msg::MustNotBeEmpty, {what.message}));
        return std::nullopt;
    }
    for (std::size_t i = 0; i < s->size(); ++i) {
        unsigned char c = static_cast<unsigned char>((*s)[i]);
        if (!(std::isalnum(c) || c == '-' || c == '_' || c == '.')) {
            rep.error(offsetPos(n, static_cast<int>(i)),
                      Message(Msg::IdCharacters, {what.message, *s}));
            return std::nullopt;
        }
    }
    return s;
}

namespace {
// A number typed with a Chinese input method or copied from a debrief: a minus sign U+2212,
// full-width digits. The message names the first such character and the number to write.
std::optional<Message> numberNotAscii(const std::string& value, const Translated& what) {
    std::string ascii;
    std::string first;
    Msg kind = Msg::CharFullWidth;
    for (auto it = value.begin(); it != value.end();) {
        auto from = it;
        std::uint32_t cp = utf8::next(it, value.end());
        std::string ch(from, it);
        if (cp == 0x2212) {
            ascii += '-';
            if (first.empty()) first = ch, kind = Msg::CharMinusSign;
        } else if (cp >= 0xFF01 && cp <= 0xFF5E) {
            ascii += static_cast<char>(cp - 0xFEE0);
            if (first.empty()) first = ch, kind = Msg::CharFullWidth;
        } else if (cp == 0x3000) {
            continue;
        } else {
            ascii += ch;
        }
    }
    if (first.empty()) return std::nullopt;
    return Message(Msg::NumberNotAscii, {what.message, value, first, kind, ascii});
}
}  // namespace

std::optional<double> readNumber(const YNode& n, Reporter& rep, const Translated& what, double lo,
                                 double hi) {
    if (!n.isScalar() || n.quoted) {
        Message type = n.quoted ? Message(Msg::TypeQuotedText) : typeName(n);
        rep.error(n, Message(Msg::MustBeNumberNot, {what.message, type}));
        return std::nullopt;
    }
    errno = 0;
    char* end = nullptr;
    const char* begin = n.value.c_str();
    double v = std::strtod(begin, &end);
    if (end == begin || *end != '\0' || errno == ERANGE || !std::isfinite(v)) {
        if (auto m = numberNotAscii(n.value, what)) {
            rep.error(n, std::move(*m));
            return std::nullopt;
        }
        rep.error(n, Message(Msg::MustBeNumberValue, {what.message, n.value}));
        return std::nullopt;
    }
    if (v < lo || v > hi) {
        auto fmt = [](double x) {
            std::string s = std::to_string(x);
            s.erase(s.find_last_not_of('0') + 1);
            if (!s.empty() && s.back() == '.') s.pop_back();
            return s;
        };
        rep.error(n, Message(Msg::OutOfRange, {what.message, fmt(lo), fmt(hi), n.value}));
        return std::nullopt;
    }
    return v;
}

std::optional<long> readInt(const YNode& n, Reporter& rep, const Translated& what, long lo,
                            long hi) {
    auto v = readNumber(n, rep, what, static_cast<double>(lo), static_cast<double>(hi));
    if (!v) return std::nullopt;
    if (std::floor(*v) != *v) {
        rep.error(n, Message(Msg::MustBeWhole, {what.message, n.value}));
        return std::nullopt;
    }
    return static_cast<long>(*v);
}

std::optional<bool> readBool(const YNode& n, Reporter& rep, const Translated& what) {
    static const std::set<std::string> kTrue{"true", "yes", "on"}, kFalse{"false", "no", "off"};
    if (n.isScalar() && !n.quoted) {
        if (kTrue.count(n.value)) return true;
        if (kFalse.count(n.value)) return false;
    }
    rep.error(n, Message(Msg::MustBeBool, {what.message}));
    return std::nullopt;
}

namespace {
// Wide characters of scripts written without spaces between words: Chinese, Japanese, Yi and
// fullwidth forms, not Korean (Hangul puts spaces between words; those stay).
bool isWide(std::uint32_t cp) {
    bool hangul = (cp >= 0x1100 && cp <= 0x11FF) || (cp >= 0x3130 && cp <= 0x318F) ||
                  (cp >= 0xAC00 && cp <= 0xD7A3);
    return codepointWidth(static_cast<char32_t>(cp)) == 2 && !hangul;
}

// YAML folds line breaks into spaces (`>-` blocks, multi-line plain text); Chinese puts no
// space between characters, so a space with Chinese on both sides is dropped.
std::string unfoldCjk(const std::string& s) {
    std::vector<std::uint32_t> cps;
    utf8::utf8to32(s.begin(), s.end(), std::back_inserter(cps));
    std::string out;
    for (std::size_t i = 0; i < cps.size(); ++i) {
        if (cps[i] == ' ' && i > 0 && i + 1 < cps.size() && isWide(cps[i - 1]) &&
            isWide(cps[i + 1]))
            continue;
        utf8::append(static_cast<char32_t>(cps[i]), std::back_inserter(out));
    }
    return out;
}
}  // namespace

std::optional<Text> readText(const YNode& n, Reporter& rep, const Translated& what) {
    auto t = readTextRaw(n, rep, what);
    if (t) {
        t->any = unfoldCjk(t->any);
        for (auto& [lang, value] : t->byLang) value = unfoldCjk(value);
    }
    return t;
}

std::optional<Text> readTextRaw(const YNode& n, Reporter& rep, const Translated& what) {
    if (n.isScalar()) {
        if (n.value.empty()) {
            rep.error(n, Message(Msg::MustNotBeEmpty, {what.message}));
            return std::nullopt;
        }
        return Text::plain(n.value);
    }
    if (!n.isMap()) {
        rep.error(n, Message(Msg::MustBeTextOrLangs, {what.message, typeName(n)}));
        return std::nullopt;
    }
    MapReader m(n, rep, what, {});
    Text t;
    for (const auto& [k, v] : n.entries) {
        if (!k.isScalar()) continue;
        // A wrong language key is an error; its text counts as the language meant, so no
        // "missing translation" follows from it.
        std::string meant = curlyQuoted(k.value).value_or("");  // reported by MapReader
        if (meant.empty() && !(meant = meantLanguage(k.value)).empty())
            rep.error(k, Message(Msg::WrongLanguageKey, {k.value, meant}));
        if (!meant.empty()) {
            if (v.isScalar() && !v.value.empty()) t.byLang.emplace(meant, v.value);
            continue;
        }
        if (k.value.size() < 2 || k.value.size() > 5 ||
            !std::all_of(k.value.begin(), k.value.end(), [](char c) {
                return std::islower(static_cast<unsigned char>(c)) || c == '-';
            })) {
            // A long "code" is usually text cut at a comma.
            Msg id = k.value.size() > 5 ? Msg::NotLanguageCodeComma : Msg::NotLanguageCode;
            rep.error(k, Message(id, {k.value, what.message}));
            continue;
        }
        if (t.byLang.count(k.value)) continue;  // duplicate, reported by MapReader
        if (!v.isScalar() || v.value.empty()) {
            rep.error(v, Message(Msg::LanguageTextEmpty, {what.message, k.value}));
            continue;
        }
        t.byLang[k.value] = v.value;
    }
    if (t.empty()) {
        if (n.entries.empty()) rep.error(n, Message(Msg::MustNotBeEmpty, {what.message}));
        return std::nullopt;
    }
    return t;
}

std::vector<std::string> readIdList(const YNode& n, Reporter& rep, const Translated& what) {
    std::vector<std::string> out;
    if (n.isScalar() && !n.quoted) {  // "a, b": text, where a list was meant
        std::vector<std::string> items;
        std::string item;
        auto flush = [&] {
            auto b = item.find_first_not_of(' '), e = item.find_last_not_of(' ');
            if (b != std::string::npos) items.push_back(item.substr(b, e - b + 1));
            item.clear();
        };
        bool split = false;
        for (std::size_t i = 0; i < n.value.size();) {
            bool sep = false;
            for (std::string_view s : {",", "\uFF0C", "\u3001"}) {
                if (n.value.compare(i, s.size(), s) == 0) {
                    flush();
                    split = sep = true;
                    i += s.size();
                    break;
                }
            }
            if (!sep) item += n.value[i++];
        }
        flush();
        if (split && items.size() > 1) {
            std::string list;
            for (const auto& x : items) list += (list.empty() ? "" : ", ") + x;
            rep.error(n, Message(Msg::TextNotList, {what.message, n.value, list}));
            return out;
        }
    }
    if (n.isScalar()) {  // a single item is fine too
        if (auto s = readId(n, rep, what)) out.push_back(*s);
        return out;
    }
    if (!n.isSeq()) {
        rep.error(n, Message(Msg::MustBeIdList, {what.message, typeName(n)}));
        return out;
    }
    for (const YNode& item : n.items)
        if (auto s = readId(item, rep, what)) out.push_back(*s);
    return out;
}

std::optional<MoodDelta> readMoodMap(const YNode& n, Reporter& rep, const Translated& what, int lo,
                                     int hi) {
    std::vector<std::string> dims;
    for (Dim d : kAllDims) dims.emplace_back(dimName(d));
    if (!n.isMap()) {
        rep.error(n, Message(Msg::MustBeMoodMap, {what.message, typeName(n)}));
        return std::nullopt;
    }
    MapReader m(n, rep, what, {});
    MoodDelta out;
    bool ok = true;
    std::set<std::string> seen;
    for (const auto& [k, v] : n.entries) {
        if (!k.isScalar() || !seen.insert(k.value).second) continue;
        auto dim = dimFromName(k.value);
        if (!dim) {
            rep.error(k,
                      Message(Msg::UnknownNameIn,
                              {unknownName(Msg::NameMoodDimension, k.value, dims), what.message}));
            ok = false;
            continue;
        }
        auto val = readInt(v, rep, subKey(what, k.value), lo, hi);
        if (!val) {
            ok = false;
            continue;
        }
        out.add(*dim, static_cast<int>(*val));
    }
    if (!ok) return std::nullopt;
    return out;
}

SourcePos offsetPos(const YNode& n, int offset) {
    return {n.pos.line, n.pos.column + offset + (n.quoted ? 1 : 0)};
}

std::optional<Condition> readCondition(const YNode& n, Reporter& rep, const Translated& what) {
    auto s = readString(n, rep, what);
    if (!s) return std::nullopt;
    ParsedCondition parsed = Condition::parse(*s);
    if (!parsed.ok()) {
        rep.error(offsetPos(n, parsed.errorOffset),
                  Message(Msg::ConditionError, {what.message, std::move(parsed.error)}));
        return std::nullopt;
    }
    return std::move(parsed.condition);
}

}  // namespace defuse::detail
