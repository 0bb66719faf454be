#pragma once
// `defuse curriculum`: which decision points of a library teach each principle.
#include <string>

#include "defuse/message.hpp"

namespace defuse::term {

struct CurriculumCommandOptions {
    std::string folder;     ///< a library folder; empty: the bundled library
    std::string lang;       ///< en or zh; empty: the locale's
    bool markdown = false;  ///< the coverage table as Markdown (scenarios/README.md shows it)
};

/// Prints, for each principle of the folder's curriculum.yaml, the decision points (nodes)
/// and scenarios that teach it, and warns for a principle taught at fewer than two. Returns 0,
/// 1 when the curriculum or a scenario does not load (the rest is still counted).
int curriculumCommand(const CurriculumCommandOptions& options, Lang fallback);

}  // namespace defuse::term
