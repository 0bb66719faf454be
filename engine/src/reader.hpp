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

/// Collects diagnostics for one file.
class Reporter {
public:
    Reporter(std::string file, std::vector<Diagnostic>& out) : m_file(std::move(file)), m_out(out) {}
    void error(SourcePos p, std::string msg) { add(p, Severity::Error, std::move(msg)); }
    void warning(SourcePos p, std::string msg) { add(p, Severity::Warning, std::move(msg)); }
    void error(const YNode& n, std::string msg) { error(n.pos, std::move(msg)); }
    void warning(const YNode& n, std::string msg) { warning(n.pos, std::move(msg)); }
    const std::string& file() const { return m_file; }
    bool failed() const { return m_errors > 0; }
    /// True once the file has given kMaxDiagnostics; later ones are counted, not kept, so a
    /// garbage file cannot bury the first (real) problems or take minutes to report. Callers
    /// still report every problem (so errors count) but may skip building the message.
    bool full() const { return m_kept >= kMaxDiagnostics; }

    static constexpr int kMaxDiagnostics = 500;

private:
    void add(SourcePos p, Severity s, std::string msg);
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
    MapReader(const YNode& node, Reporter& rep, std::string what, std::vector<std::string> known);
    bool valid() const { return m_valid; }
    const YNode* get(const std::string& key) const;
    /// Like get, but reports a missing key at this mapping's position.
    const YNode* require(const std::string& key) const;
    const YNode& node() const { return m_node; }
    const std::string& what() const { return m_what; }

private:
    const YNode& m_node;
    Reporter& m_rep;
    std::string m_what;
    bool m_valid = false;
};

std::optional<std::string> readString(const YNode& n, Reporter& rep, const std::string& what);
/// An identifier: letters, digits, '-', '_' and '.'.
std::optional<std::string> readId(const YNode& n, Reporter& rep, const std::string& what);
std::optional<long> readInt(const YNode& n, Reporter& rep, const std::string& what, long lo, long hi);
std::optional<double> readNumber(const YNode& n, Reporter& rep, const std::string& what, double lo, double hi);
std::optional<bool> readBool(const YNode& n, Reporter& rep, const std::string& what);
/// Text in one or more languages; spaces YAML folded in between Chinese characters are dropped.
std::optional<Text> readText(const YNode& n, Reporter& rep, const std::string& what);
/// The same, exactly as written.
std::optional<Text> readTextRaw(const YNode& n, Reporter& rep, const std::string& what);
std::vector<std::string> readIdList(const YNode& n, Reporter& rep, const std::string& what);
/// A map of mood dimensions to values in lo..hi ("effect" or "mood").
std::optional<MoodDelta> readMoodMap(const YNode& n, Reporter& rep, const std::string& what, int lo, int hi);
/// A condition expression; names it refers to are checked later.
std::optional<Condition> readCondition(const YNode& n, Reporter& rep, const std::string& what);

/// A position inside a scalar, `offset` characters from its first character.
SourcePos offsetPos(const YNode& n, int offset);

/// Reports an unknown name with a "did you mean" suggestion.
std::string unknownName(const std::string& kind, const std::string& name,
                        const std::vector<std::string>& known);

}  // namespace defuse::detail
