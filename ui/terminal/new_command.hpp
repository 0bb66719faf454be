#pragma once
// `defuse new scenario ID` and `defuse new archetype ID`: a small, valid, commented file to
// start from, in both languages, with the schema line editors read.
#include <CLI/CLI.hpp>
#include <string>

#include "defuse/message.hpp"

namespace defuse::term {

/// What `defuse new` was asked.
struct NewOptions {
    std::string kind;                   ///< "scenario" or "archetype"
    std::string id;                     ///< the new file's id
    std::string dir = ".";              ///< where the file goes (ignored with `output`)
    std::string output;                 ///< the file; default DIR/ID.yaml (a scenario: '-' as '_')
    std::string archetype = "furious";  ///< a new scenario's archetype
};

/// The starting file's text; `schema` is the `$schema` path written on its first line.
std::string newFileText(const NewOptions& opt, const std::string& schema);

/// Writes the starting file, never over an existing one. Returns the exit code: 0 written,
/// 1 the file exists or cannot be written, 2 a bad id.
int newFile(const NewOptions& opt, Lang lang);

/// Registers `new`; its callback sets `exitCode`. Messages are in `--lang`, else `fallback`.
void addNewCommand(CLI::App& app, int& exitCode, Lang fallback);

}  // namespace defuse::term
