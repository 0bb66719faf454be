#include "yaml_dom.hpp"

#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <sstream>
#include <utf8.h>

namespace defuse::detail {

const char* YNode::typeName() const {
    switch (type) {
        case Type::Null: return "nothing";
        case Type::Scalar: return "a single value";
        case Type::Seq: return "a list";
        case Type::Map: return "a mapping (key: value pairs)";
    }
    return "?";
}

namespace {

// Byte offset of the start of each line.
std::vector<std::size_t> lineStarts(const std::string& text) {
    std::vector<std::size_t> starts{0};
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n') starts.push_back(i + 1);
    return starts;
}

int charsIn(const std::string& text, std::size_t from, std::size_t to) {
    int n = 0;
    for (std::size_t i = from; i < to && i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++n;
    return n;
}

struct StopParsing {
    SourcePos pos;
    std::string message;
};

class Builder : public YAML::EventHandler {
public:
    explicit Builder(const std::string& text) : m_text(text), m_starts(lineStarts(text)) {}

    std::optional<YNode> root;

    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        checkAnchor(mark, anchor);
        YNode n;
        n.pos = pos(mark);
        add(std::move(n));
    }
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
        throw StopParsing{pos(mark), "aliases (*name) are not allowed in defuse files; write the value out in full"};
    }
    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override {
        checkAnchor(mark, anchor);
        YNode n;
        n.type = YNode::Type::Scalar;
        n.value = value;
        n.quoted = tag == "!";
        n.pos = pos(mark);
        add(std::move(n));
    }
    void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        open(mark, anchor, YNode::Type::Seq);
    }
    void OnSequenceEnd() override { close(); }
    void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override {
        open(mark, anchor, YNode::Type::Map);
    }
    void OnMapEnd() override { close(); }

    SourcePos pos(const YAML::Mark& m) const {
        if (m.line < 0 || static_cast<std::size_t>(m.line) >= m_starts.size()) return {m.line + 1, m.column + 1};
        std::size_t start = m_starts[static_cast<std::size_t>(m.line)];
        return {m.line + 1, charsIn(m_text, start, start + static_cast<std::size_t>(std::max(0, m.column))) + 1};
    }

private:
    struct Frame {
        YNode node;
        std::optional<YNode> key;
    };

    void checkAnchor(const YAML::Mark& mark, YAML::anchor_t anchor) {
        if (anchor != YAML::NullAnchor)
            throw StopParsing{pos(mark), "anchors (&name) are not allowed in defuse files; write the value out in full"};
    }
    void open(const YAML::Mark& mark, YAML::anchor_t anchor, YNode::Type type) {
        checkAnchor(mark, anchor);
        if (static_cast<int>(m_stack.size()) >= kMaxDepth)
            throw StopParsing{pos(mark), "nesting is too deep (more than " + std::to_string(kMaxDepth) +
                                             " levels); a defuse file needs only a few"};
        Frame f;
        f.node.type = type;
        f.node.pos = pos(mark);
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
};

bool checkBytes(const std::string& text, const std::string& file, std::vector<Diagnostic>& diags) {
    auto at = [&](std::size_t offset) {
        std::size_t lineStart = text.rfind('\n', offset == 0 ? 0 : offset - 1);
        lineStart = (lineStart == std::string::npos || offset == 0) ? 0 : lineStart + 1;
        int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
        return SourcePos{line, charsIn(text, lineStart, offset) + 1};
    };
    if (auto nul = text.find('\0'); nul != std::string::npos) {
        SourcePos p = at(nul);
        diags.push_back({file, p.line, p.column, Severity::Error,
                         "this is not a text file (it contains a NUL byte); a defuse file is UTF-8 text"});
        return false;
    }
    auto bad = utf8::find_invalid(text.begin(), text.end());
    if (bad != text.end()) {
        SourcePos p = at(static_cast<std::size_t>(bad - text.begin()));
        diags.push_back({file, p.line, p.column, Severity::Error,
                         "invalid UTF-8 here; save the file as UTF-8"});
        return false;
    }
    return true;
}

// yaml-cpp's messages are terse; say what usually causes each in a defuse file.
std::string syntaxHint(const std::string& msg) {
    if (msg == "unknown token" || msg == "end of map flow not found" || msg == "end of sequence flow not found")
        return " (inside {...} or [...], text with '?', ',', ':', '[' or '{' must be in quotes)";
    if (msg == "illegal map value")
        return " (a ': ' inside text starts a new key; put the text in quotes)";
    if (msg == "end of map not found" || msg == "end of sequence not found")
        return " (check the indentation of this block: keys of one mapping line up exactly)";
    if (msg == "end of string not found" || msg == "end of map flow not found")
        return " (a quote is opened but not closed)";
    if (msg == "block sequence entries are not allowed in this context" || msg == "illegal block entry")
        return " (a '- ' list item is not lined up with the key it belongs to)";
    return "";
}

}  // namespace

SourcePos toCharPos(const std::string& text, int line0, int byteCol0) {
    std::size_t start = 0;
    for (int l = 0; l < line0; ++l) {
        std::size_t nl = text.find('\n', start);
        if (nl == std::string::npos) break;
        start = nl + 1;
    }
    return {line0 + 1, charsIn(text, start, start + static_cast<std::size_t>(std::max(0, byteCol0))) + 1};
}

std::optional<YNode> parseYaml(const std::string& input, const std::string& file,
                               std::vector<Diagnostic>& diags) {
    std::string text = input;
    if (text.rfind("\xEF\xBB\xBF", 0) == 0) text.erase(0, 3);  // a UTF-8 BOM is harmless
    if (!checkBytes(text, file, diags)) return std::nullopt;
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
        diags.push_back({file, 1, 1, Severity::Error, "the file is empty"});
        return std::nullopt;
    }
    std::istringstream in(text);
    Builder builder(text);
    try {
        YAML::Parser parser(in);
        if (!parser.HandleNextDocument(builder) || !builder.root) {
            diags.push_back({file, 1, 1, Severity::Error, "the file holds no YAML document"});
            return std::nullopt;
        }
        Builder rest(text);
        if (parser.HandleNextDocument(rest)) {
            diags.push_back({file, 0, 0, Severity::Error,
                             "the file holds more than one YAML document (---); put one scenario or archetype in each file"});
            return std::nullopt;
        }
    } catch (const StopParsing& stop) {
        diags.push_back({file, stop.pos.line, stop.pos.column, Severity::Error, stop.message});
        return std::nullopt;
    } catch (const YAML::DeepRecursion& e) {
        SourcePos p = builder.pos(e.mark);
        diags.push_back({file, p.line, p.column, Severity::Error,
                         "nesting is too deep for the YAML reader; a defuse file needs only a few levels"});
        return std::nullopt;
    } catch (const YAML::Exception& e) {
        SourcePos p = builder.pos(e.mark);
        diags.push_back({file, p.line, p.column, Severity::Error, "YAML syntax error: " + e.msg + syntaxHint(e.msg)});
        return std::nullopt;
    } catch (const std::exception& e) {
        diags.push_back({file, 0, 0, Severity::Error, std::string("could not read the YAML: ") + e.what()});
        return std::nullopt;
    }
    return std::move(builder.root);
}

}  // namespace defuse::detail
