#include "yaml_dom.hpp"

#include <utf8.h>
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <sstream>
#include <string_view>

#include "yaml_conformance.hpp"
#include "yaml_prescan.hpp"

namespace defuse::detail {

namespace {

// Byte offset of the start of each line.
std::vector<std::size_t> lineStarts(const std::string& text) {
    std::vector<std::size_t> starts{0};
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n') starts.push_back(i + 1);
    return starts;
}

struct StopParsing {
    SourcePos pos;
    Message message;
};

class Builder : public YAML::EventHandler {
public:
    explicit Builder(const std::string& text) : m_text(text), m_starts(lineStarts(text)) {}

    std::optional<YNode> root;
    std::optional<YAML::Mark> documentStart;
    /// The last scalar read, to find a quote that is never closed.
    std::optional<YAML::Mark> lastScalar;
    bool lastScalarQuoted = false;

    /// Places yaml-cpp 0.7 reads more leniently than YAML allows, checked after the parse
    /// (conformanceProblem): `offset` in the text, `blockColumn` the byte column of the
    /// innermost block collection around it (-1: none), whose key lines continue under.
    using Lenient = LenientSpot;
    std::vector<Lenient> lenient;

    void OnDocumentStart(const YAML::Mark& mark) override { documentStart = mark; }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        checkAnchor(mark, anchor);
        YNode n;
        n.pos = pos(mark);
        add(std::move(n));
    }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
        throw StopParsing{pos(mark), Msg::AliasNotAllowed};
    }
    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override {
        checkAnchor(mark, anchor);
        // The file is valid UTF-8, but escapes in double quotes are not checked: yaml-cpp turns
        // "\N" and "\_" into lone bytes 0x85 and 0xA0, and "\0" into a NUL. Every value the
        // loaders see must be valid UTF-8 text (the fuzzer found a crash on "\N").
        if (value.find('\0') != std::string::npos || !utf8::is_valid(value.begin(), value.end()))
            throw StopParsing{pos(mark), Msg::BadEscape};
        YNode n;
        n.type = YNode::Type::Scalar;
        n.value = value;
        n.quoted = tag == "!";
        n.pos = pos(mark);
        std::size_t at = offset(mark);
        if (!inFlow() && at < m_text.size()) {
            char c = m_text[at];
            if (n.quoted && (c == '"' || c == '\''))
                lenient.push_back({Lenient::What::Quoted, at, blockColumn()});
            else if (c == '|' || c == '>')  // yaml-cpp tags block scalars '!' too
                lenient.push_back({Lenient::What::BlockScalar, at, blockColumn()});
            else if (!n.quoted && !m_stack.empty() && m_stack.back().node.isMap() &&
                     !m_stack.back().key)
                lenient.push_back({Lenient::What::PlainKey, at, blockColumn()});
        }
        lastScalar = mark;
        lastScalarQuoted = n.quoted;
        add(std::move(n));
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value style) override {
        open(mark, anchor, YNode::Type::Seq, style == YAML::EmitterStyle::Flow);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value style) override {
        open(mark, anchor, YNode::Type::Map, style == YAML::EmitterStyle::Flow);
    }
    void OnMapEnd() override { close(); }

    /// The innermost {...} or [...] still open, if any: where a syntax error inside it began.
    struct OpenFlow {
        SourcePos pos;
        std::size_t offset;
    };
    std::optional<OpenFlow> openFlow() const {
        for (auto it = m_stack.rbegin(); it != m_stack.rend(); ++it)
            if (it->flow) return OpenFlow{it->node.pos, it->offset};
        return std::nullopt;
    }

    /// The byte offset of a mark in the text.
    std::size_t offset(const YAML::Mark& m) const {
        if (m.line < 0 || static_cast<std::size_t>(m.line) >= m_starts.size()) return m_text.size();
        std::size_t start = m_starts[static_cast<std::size_t>(m.line)];
        return std::min(m_text.size(), start + static_cast<std::size_t>(std::max(0, m.column)));
    }

    SourcePos pos(const YAML::Mark& m) const {
        if (m.line < 0 || static_cast<std::size_t>(m.line) >= m_starts.size())
            return {m.line + 1, m.column + 1};
        std::size_t start = m_starts[static_cast<std::size_t>(m.line)];
        auto byteCol = static_cast<std::size_t>(std::max(0, m.column));
        // Counted on from the last position asked for on the same line: marks come in file
        // order, so a 60,000-item list on one line costs one pass, not one per item.
        if (m.line != m_lastLine || byteCol < m_lastByte) {
            m_lastLine = m.line;
            m_lastByte = 0;
            m_lastChars = 0;
        }
        m_lastChars += charsIn(m_text, start + m_lastByte, start + byteCol);
        m_lastByte = byteCol;
        return {m.line + 1, m_lastChars + 1};
    }

private:
    struct Frame {
        YNode node;
        std::optional<YNode> key;
        bool flow = false;
        std::size_t offset = 0;
        int column = 0;  ///< in bytes
    };

    bool inFlow() const { return !m_stack.empty() && m_stack.back().flow; }
    int blockColumn() const {
        for (auto it = m_stack.rbegin(); it != m_stack.rend(); ++it)
            if (!it->flow) return it->column;
        return -1;
    }

    void checkAnchor(const YAML::Mark& mark, YAML::anchor_t anchor) {
        if (anchor != YAML::NullAnchor) throw StopParsing{pos(mark), Msg::AnchorNotAllowed};
    }
    void open(const YAML::Mark& mark, YAML::anchor_t anchor, YNode::Type type, bool flow) {
        checkAnchor(mark, anchor);
        if (flow && !inFlow())
            lenient.push_back({Lenient::What::Flow, offset(mark), blockColumn()});
        if (static_cast<int>(m_stack.size()) >= kMaxDepth)
            throw StopParsing{pos(mark), Message(Msg::NestingTooDeep, {std::to_string(kMaxDepth)})};
        Frame f;
        f.node.type = type;
        f.node.pos = pos(mark);
        f.flow = flow;
        f.offset = offset(mark);
        f.column = mark.column;
        m_stack.push_back(std::move(f));
    }
    void close() {
        Frame f = std::move(m_stack.back());
        m_stack.pop_back();
        add(std::move(f.node));
    }
    void add(YNode n) {
        if (m_stack.empty()) {
            root = std::move(n);
            return;
        }
        Frame& top = m_stack.back();
        if (top.node.isSeq()) {
            top.node.items.push_back(std::move(n));
        } else if (!top.key) {
            top.key = std::move(n);
        } else {
            top.node.entries.emplace_back(std::move(*top.key), std::move(n));
            top.key.reset();
        }
    }

    const std::string& m_text;
    std::vector<std::size_t> m_starts;
    std::vector<Frame> m_stack;
    mutable int m_lastLine = -1;  ///< the last position converted, to count on from it
    mutable std::size_t m_lastByte = 0;
    mutable int m_lastChars = 0;
};

bool checkBytes(const std::string& text, const std::string& file, std::vector<Diagnostic>& diags) {
    auto at = [&](std::size_t offset) {
        std::size_t lineStart = text.rfind('\n', offset == 0 ? 0 : offset - 1);
        lineStart = (lineStart == std::string::npos || offset == 0) ? 0 : lineStart + 1;
        int line = 1 + static_cast<int>(std::count(text.begin(),
                                                   text.begin() + static_cast<long>(offset), '\n'));
        return SourcePos{line, charsIn(text, lineStart, offset) + 1};
    };
    if (auto nul = text.find('\0'); nul != std::string::npos) {
        SourcePos p = at(nul);
        diags.push_back({file, p.line, p.column, Severity::Error, Msg::NulByte});
        return false;
    }
    auto bad = utf8::find_invalid(text.begin(), text.end());
    if (bad != text.end()) {
        SourcePos p = at(static_cast<std::size_t>(bad - text.begin()));
        diags.push_back({file, p.line, p.column, Severity::Error, Msg::InvalidUtf8});
        return false;
    }
    return true;
}

std::string lineText(const std::string& text, int line0) {
    std::size_t start = 0;
    for (int l = 0; l < line0; ++l) {
        start = text.find('\n', start);
        if (start == std::string::npos) return "";
        ++start;
    }
    return text.substr(start, text.find('\n', start) - start);
}

// yaml-cpp's messages are terse; say what usually causes each in a defuse file. `where` may be
// moved to a better place (the '{' that was never closed). yaml-cpp's own English text is kept
// as it is, inside a translated frame.
Message syntaxMessage(const YAML::Exception& e, const std::string& text, const Builder& b,
                      SourcePos& where) {
    const std::string& msg = e.msg;
    if (msg == "the referenced anchor is not defined") return Msg::AliasNotAllowed;
    auto hinted = [&](Message hint) {
        return Message(Msg::YamlSyntaxHint, {msg, std::move(hint)});
    };
    std::size_t at = b.offset(e.mark);
    std::size_t end = text.find_last_not_of(" \t\r\n");
    bool atEnd = end == std::string::npos || at > end;
    std::string line = lineText(text, e.mark.line);
    std::size_t indentEnd = line.find_first_not_of(" \t");
    bool tabIndent = line.substr(0, indentEnd).find('\t') != std::string::npos;
    if (tabIndent) return hinted(Msg::HintTabIndent);
    if (msg == "end of map flow not found" || msg == "end of sequence flow not found") {
        bool map = msg == "end of map flow not found";
        std::string open = map ? "{" : "[", close = map ? "}" : "]";
        std::optional<SourcePos> opened;
        if (auto o = b.openFlow()) {
            opened = o->pos;
            if (text.find(close[0], o->offset) == std::string::npos) {
                atEnd = true;
                where = o->pos;
            }
        }
        if (opened) {
            std::string ln = std::to_string(opened->line), col = std::to_string(opened->column);
            if (atEnd) return hinted(Message(Msg::HintFlowCutOffAt, {open, ln, col}));
            return hinted(Message(Msg::HintFlowNotClosedAt, {open, ln, col, close}));
        }
        if (atEnd) return hinted(Message(Msg::HintFlowCutOff, {open}));
        return hinted(Message(Msg::HintFlowNotClosed, {open, close}));
    }
    if (atEnd) return hinted(Msg::HintCutOff);
    if (msg == "unknown token") return hinted(Msg::HintUnknownToken);
    if (msg == "illegal map value") return hinted(Msg::HintIllegalMapValue);
    if (msg == "end of map not found" || msg == "end of sequence not found")
        return hinted(Msg::HintIndentation);
    if (msg == "end of string not found") return hinted(Msg::HintUnclosedString);
    if (msg == "block sequence entries are not allowed in this context" ||
        msg == "illegal block entry")
        return hinted(Msg::HintListItem);
    return Message(Msg::YamlSyntax, {msg});
}

// yaml-cpp lets a quoted text run over line ends, so a quote that is never closed swallows the
// rest of the file without an error; the loader would then report the keys after it as missing.
std::optional<SourcePos> unclosedQuote(const Builder& b, const std::string& text) {
    if (!b.lastScalar || !b.lastScalarQuoted) return std::nullopt;
    std::size_t at = b.offset(*b.lastScalar);
    if (at >= text.size() || (text[at] != '"' && text[at] != '\'')) return std::nullopt;
    char q = text[at];
    for (std::size_t i = at + 1; i < text.size(); ++i) {
        if (q == '"' && text[i] == '\\') {
            ++i;
        } else if (text[i] == q) {
            if (q == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
                ++i;  // '' is a quote inside single quotes
                continue;
            }
            return std::nullopt;
        }
    }
    return b.pos(*b.lastScalar);
}

/// A parse that failed at `failOffset` may have failed because of a mistake on an earlier line
/// (a full-width colon, a quote left open): those are reported instead, where they are.
bool explainFailure(const std::string& text, std::size_t failOffset, const std::string& file,
                    std::vector<Diagnostic>& diags) {
    std::size_t eol = std::min(text.find('\n', failOffset), text.size());
    std::vector<LineProblem> found;
    for (auto& p : prescanLines(text))
        if (p.offset <= eol) found.push_back(std::move(p));
    if (auto q = runawayQuote(text, failOffset)) found.push_back(std::move(*q));
    std::stable_sort(found.begin(), found.end(), [](const LineProblem& a, const LineProblem& b) {
        return a.offset < b.offset;
    });
    for (auto& p : found)
        diags.push_back({file, p.pos.line, p.pos.column, Severity::Error, std::move(p.message)});
    return !found.empty();
}

}  // namespace

SourcePos toCharPos(const std::string& text, int line0, int byteCol0) {
    std::size_t start = 0;
    for (int l = 0; l < line0; ++l) {
        std::size_t nl = text.find('\n', start);
        if (nl == std::string::npos) break;
        start = nl + 1;
    }
    return {line0 + 1,
            charsIn(text, start, start + static_cast<std::size_t>(std::max(0, byteCol0))) + 1};
}

std::optional<YNode> parseYaml(const std::string& input, const std::string& file,
                               std::vector<Diagnostic>& diags) {
    std::string text = input;
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);  // a UTF-8 BOM is harmless
    // A lone CR is a line break in YAML (old Mac files), but yaml-cpp does not see one there:
    // made LF (same length, so every position stays put); CRLF is left as it is.
    for (std::size_t i = text.find('\r'); i != std::string::npos; i = text.find('\r', i + 1))
        if (i + 1 >= text.size() || text[i + 1] != '\n') text[i] = '\n';
    if (!checkBytes(text, file, diags)) return std::nullopt;
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        diags.push_back({file, 1, 1, Severity::Error, Msg::EmptyFile});
        return std::nullopt;
    }
    if (auto p = directiveProblem(text)) {
        SourcePos at = posAt(text, p->offset);
        diags.push_back({file, at.line, at.column, Severity::Error, std::move(p->message)});
        return std::nullopt;
    }
    std::istringstream in(text);
    Builder builder(text);
    try {
        YAML::Parser parser(in);
        if (!parser.HandleNextDocument(builder) || !builder.root) {
            diags.push_back({file, 1, 1, Severity::Error, Msg::OnlyComments});
            return std::nullopt;
        }
        if (auto q = unclosedQuote(builder, text)) {
            diags.push_back({file, q->line, q->column, Severity::Error, Msg::QuoteNeverClosed});
            return std::nullopt;
        }
        if (auto p = conformanceProblem(builder.lenient, text)) {
            if (explainFailure(text, p->offset, file, diags)) return std::nullopt;
            SourcePos at = posAt(text, p->offset);
            diags.push_back({file, at.line, at.column, Severity::Error, std::move(p->message)});
            return std::nullopt;
        }
        Builder rest(text);
        if (parser.HandleNextDocument(rest)) {
            SourcePos p = rest.documentStart ? rest.pos(*rest.documentStart) : SourcePos{};
            diags.push_back({file, p.line, p.column, Severity::Error, Msg::SecondDocument});
            return std::nullopt;
        }
        // Parsed, but a line YAML read as a key or a list item holds a full-width colon...
        auto atNodes = problemsAtNodes(prescanLines(text), *builder.root);
        for (auto& p : atNodes)
            diags.push_back(
                {file, p.pos.line, p.pos.column, Severity::Error, std::move(p.message)});
        if (!atNodes.empty()) return std::nullopt;
    } catch (const StopParsing& stop) {
        diags.push_back({file, stop.pos.line, stop.pos.column, Severity::Error, stop.message});
        return std::nullopt;
    } catch (const YAML::DeepRecursion& e) {
        SourcePos p = builder.pos(e.mark);
        diags.push_back({file, p.line, p.column, Severity::Error, Msg::NestingTooDeepForReader});
        return std::nullopt;
    } catch (const YAML::Exception& e) {
        if (explainFailure(text, builder.offset(e.mark), file, diags)) return std::nullopt;
        SourcePos p = builder.pos(e.mark);
        Message message = syntaxMessage(e, text, builder, p);
        diags.push_back({file, p.line, p.column, Severity::Error, message});
        return std::nullopt;
    } catch (const std::exception& e) {
        diags.push_back({file, 0, 0, Severity::Error,
                         Message(Msg::CouldNotReadYamlBecause, {std::string(e.what())})});
        return std::nullopt;
    } catch (...) {
        diags.push_back({file, 0, 0, Severity::Error, Msg::CouldNotReadYaml});
        return std::nullopt;
    }
    return std::move(builder.root);
}

}  // namespace defuse::detail
