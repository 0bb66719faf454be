#pragma once
// Reading typed values out of a YNode tree, with a diagnostic for every mistake.
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "defuse/condition.hpp"
#include "defuse/diagnostic.hpp"
#include "defuse/mood.hpp"
#include "defuse/text.hpp"
#include "yaml_dom.hpp"

namespace defuse::detail {

/// A message from the catalogue. It converts from a Message only, so plain text (an English
/// fragment that would end up inside a Chinese sentence) does not compile where one is wanted:
/// that would take two conversions.
struct Translated {
    Translated(Message m) : message(std::move(m)) {}  // NOLINT: implicit on purpose
    Translated(Msg id) : message(id) {}               // NOLINT: a message without arguments
    Message message;
};

/// Collects diagnostics for one file.
class Reporter {
public:
    Reporter(std::string file, std::vector<Diagnostic>& out)
        : m_file(std::move(file)), m_out(out) {}
    void error(SourcePos p, Translated msg) { add(p, Severity::Error, std::move(msg.message)); }
    void warning(SourcePos p, Translated msg) { add(p, Severity::Warning, std::move(msg.message)); }
    void error(const YNode& n, Translated msg) { error(n.pos, std::move(msg)); }
    void warning(const YNode& n, Translated msg) { warning(n.pos, std::move(msg)); }
    /// A diagnostic of another file (an archetype's), kept as it is and counted.
    void foreign(Diagnostic d);
    const std::string& file() const { return m_file; }
    bool failed() const { return m_errors > 0; }
    /// True once the file has given kMaxDiagnostics; later ones are counted, not kept, so a
    /// garbage file cannot bury the first (real) problems or take minutes to report. Callers
    /// still report every problem (so errors count) but may skip building the message.
    bool full() const { return m_kept >= kMaxDiagnostics; }

    static constexpr int kMaxDiagnostics = 500;

private:
    void add(SourcePos p, Severity s, Message msg);
    std::string m_file;
    std::vector<Diagnostic>& m_out;
    int m_errors = 0;
    int m_kept = 0;
    std::optional<std::size_t> m_tooMany;  ///< index of the "too many problems" line
};

/// Reads a mapping's keys: finds duplicates, required keys and unknown keys.
class MapReader {
public:
    /// `what` names the mapping in messages ("the scenario", "node 'opening'").
    /// `strict`: an unknown key is an error, not a warning (a mapping where a misspelt key
    /// would silently change what a rule, weight or threshold does).
    MapReader(const YNode& node, Reporter& rep, Translated what, std::vector<std::string> known,
              bool strict = false);
    bool valid() const { return m_valid; }
    const YNode* get(const std::string& key) const;
    /// Like get, but reports a missing key at this mapping's position.
    const YNode* require(const std::string& key) const;
    const YNode& node() const { return m_node; }
    const Message& what() const { return m_what; }

private:
    const YNode& m_node;
    Reporter& m_rep;
    Message m_what;
    bool m_valid = false;
};

std::optional<std::string> readString(const YNode& n, Reporter& rep, const Translated& what);
/// An identifier: letters, digits, '-', '_' and '.'.
std::optional<std::string> readId(const YNode& n, Reporter& rep, const Translated& what);
std::optional<long> readInt(const YNode& n, Reporter& rep, const Translated& what, long lo,
                            long hi);
std::optional<double> readNumber(const YNode& n, Reporter& rep, const Translated& what, double lo,
                                 double hi);
std::optional<bool> readBool(const YNode& n, Reporter& rep, const Translated& what);
/// Text in one or more languages; spaces YAML folded in between Chinese characters are dropped.
std::optional<Text> readText(const YNode& n, Reporter& rep, const Translated& what);
/// The same, exactly as written.
std::optional<Text> readTextRaw(const YNode& n, Reporter& rep, const Translated& what);
std::vector<std::string> readIdList(const YNode& n, Reporter& rep, const Translated& what);
/// A map of mood dimensions to values in lo..hi ("effect" or "mood").
std::optional<MoodDelta> readMoodMap(const YNode& n, Reporter& rep, const Translated& what, int lo,
                                     int hi);
/// A condition expression; names it refers to are checked later.
std::optional<Condition> readCondition(const YNode& n, Reporter& rep, const Translated& what);

/// A position inside a scalar, `offset` characters from its first character.
SourcePos offsetPos(const YNode& n, int offset);

/// The key inside curly quotes (“zh”, ‘zh’, 「zh」), if the key is so quoted.
std::optional<std::string> curlyQuoted(const std::string& key);
/// The language key meant by a common wrong one ("cn" -> "zh"), or "".
std::string meantLanguage(const std::string& key);

/// "unknown KIND 'name'", with a "did you mean" suggestion when one is close; `kind` is one of
/// the Name* messages.
Message unknownName(Msg kind, const std::string& name, const std::vector<std::string>& known);

/// What a node is, for "..., not %1".
Message typeName(const YNode& n);

/// The value of a key, named by the key ("difficulty", "「difficulty」的值").
inline Message keyWhat(const std::string& key) { return Message(Msg::WhatKey, {key}); }
/// A key under something named by a message ("turn 2 picked").
inline Message subKey(const Translated& what, const std::string& key) {
    return Message(Msg::WhatSubKey, {what.message, key});
}

}  // namespace defuse::detail
