#pragma once
// What yaml-cpp 0.7 accepts and YAML does not: the checks yaml_dom.cpp runs on the text after a
// parse, at the places yaml-cpp read leniently.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "defuse/diagnostic.hpp"
#include "defuse/message.hpp"

namespace defuse::detail {

/// A place yaml-cpp 0.7 reads more leniently than YAML allows, checked after the parse:
/// `offset` in the text, `blockColumn` the byte column of the innermost block collection around
/// it (-1: none), whose key lines continue under.
struct LenientSpot {
    enum class What { Quoted, BlockScalar, Flow, PlainKey };
    What what;
    std::size_t offset;
    int blockColumn;
};

/// A rule broken at a byte offset of the text.
struct Problem {
    std::size_t offset;
    Message message;
};

/// The characters (not bytes) of `text` from byte `from` to byte `to`.
int charsIn(const std::string& text, std::size_t from, std::size_t to);
/// The 1-based line and character column of a byte offset.
SourcePos posAt(const std::string& text, std::size_t offset);
/// The first place the parsed document breaks a YAML rule yaml-cpp does not check.
std::optional<Problem> conformanceProblem(const std::vector<LenientSpot>& lenient,
                                          const std::string& text);
/// B63P: directives (%YAML, %TAG) must be followed by '---'.
std::optional<Problem> directiveProblem(const std::string& text);

}  // namespace defuse::detail
