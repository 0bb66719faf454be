#pragma once
// A small YAML document tree built from yaml-cpp's parser events, so that every node keeps
// its position and the loader sees duplicate keys, anchors and deep nesting itself.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "defuse/diagnostic.hpp"

namespace defuse::detail {

struct YNode {
    enum class Type { Null, Scalar, Seq, Map };
    Type type = Type::Null;
    std::string value;  // scalars
    bool quoted = false;
    SourcePos pos;                                 // 1-based, columns in characters
    std::vector<YNode> items;                      // sequences
    std::vector<std::pair<YNode, YNode>> entries;  // maps, in file order, duplicates kept

    bool isMap() const { return type == Type::Map; }
    bool isSeq() const { return type == Type::Seq; }
    bool isScalar() const { return type == Type::Scalar; }
    bool isNull() const { return type == Type::Null; }
};

/// The deepest nesting a defuse file may have.
inline constexpr int kMaxDepth = 64;

/// Parses the first YAML document of `text`. Problems (invalid UTF-8, NUL bytes, syntax
/// errors, anchors and aliases, deep nesting, more than one document) become diagnostics
/// against `file`; returns nullopt when the file cannot be used at all.
std::optional<YNode> parseYaml(const std::string& text, const std::string& file,
                               std::vector<Diagnostic>& diags);

/// Converts a 0-based line and 0-based byte column of `text` into a 1-based position with
/// the column counted in characters.
SourcePos toCharPos(const std::string& text, int line0, int byteCol0);

}  // namespace defuse::detail
