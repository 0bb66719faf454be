#pragma once
/// The curriculum: the principles of the training material that the library teaches, and
/// which decision points teach each of them.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "defuse/diagnostic.hpp"
#include "defuse/message.hpp"
#include "defuse/text.hpp"

namespace defuse {

struct Scenario;

/// One principle: an id answers name in `teaches:`, its name and one-line statement in each
/// language, and the seed document it comes from.
struct Principle {
    std::string id;
    Text name;
    Text statement;
    std::string seed;
    SourcePos pos;
};

/// The principles of a library, read from its `curriculum.yaml`.
struct Curriculum {
    std::string file;
    std::vector<Principle> principles;

    const Principle* find(std::string_view id) const;
    std::vector<std::string> ids() const;
};

/// The file name a library's curriculum has, in the library's top folder.
inline constexpr const char* kCurriculumFile = "curriculum.yaml";

/// The curriculum that governs scenarios in `dir`: `curriculum.yaml` in `dir` or the folder
/// above it (a library's top folder, when scenarios sit in sub-folders).
std::optional<std::filesystem::path> findCurriculum(const std::filesystem::path& dir);

/// A point in a scenario where the trainee's choice exercises a principle: a node at which
/// at least one answer teaches it.
struct DecisionPoint {
    std::string scenario;  ///< scenario id
    std::string node;      ///< node id
};

/// Where one principle is taught.
struct PrincipleCoverage {
    const Principle* principle = nullptr;
    std::vector<DecisionPoint> points;   ///< in library order
    std::vector<std::string> scenarios;  ///< distinct scenario ids, in library order
};

/// A principle taught at fewer decision points than this is too thin to learn from.
inline constexpr int kMinDecisionPoints = 2;

/// For each principle of `c`, in its order, the decision points that teach it.
std::vector<PrincipleCoverage> coverage(const Curriculum& c,
                                        const std::vector<std::shared_ptr<const Scenario>>& lib);

/// "brake-pads-furious (arrival, second_demand); late-repair (arrival)": where one principle
/// is taught, scenario by scenario.
std::string whereTaught(const PrincipleCoverage& pc, Lang lang);

/// The coverage as a Markdown table, one row per principle (scenarios/README.md shows it, as
/// `defuse curriculum --markdown` prints it).
std::string coverageMarkdown(const std::vector<PrincipleCoverage>& coverage, Lang lang);

}  // namespace defuse
