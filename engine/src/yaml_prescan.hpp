#pragma once
// A look at the raw lines for the mistakes a Chinese input method makes (a full-width colon
// or space, a key glued to its value) and for a quote left open, which YAML reports lines
// later and in words that point the other way. Each problem is found on its own line.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "defuse/diagnostic.hpp"
#include "yaml_dom.hpp"

namespace defuse::detail {

struct LineProblem {
    SourcePos pos;       ///< where the wrong character is
    SourcePos nodeAt;    ///< where YAML sees the node that holds it (a key or a list item)
    std::size_t offset;  ///< byte offset of `pos` in the text
    Message message;
};

/// Every line of `text` that holds such a mistake, in file order (block scalars skipped).
std::vector<LineProblem> prescanLines(const std::string& text);

/// The first quote (opening before `before`) that is not closed on its line and runs on into
/// text that is no longer a value: `"Base` followed by more keys.
std::optional<LineProblem> runawayQuote(const std::string& text, std::size_t before);

/// After a successful parse: the problems whose line YAML read as a key or a list item (so
/// not a line inside a longer text).
std::vector<LineProblem> problemsAtNodes(const std::vector<LineProblem>& found, const YNode& root);

}  // namespace defuse::detail
