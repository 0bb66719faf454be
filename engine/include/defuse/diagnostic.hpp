#pragma once
/// Diagnostics: problems found in a user's file, with the place they are at.
#include <string>
#include <vector>

namespace defuse {

/// How bad a diagnostic is.
enum class Severity { Warning, Error };

/// One problem in a file, at a 1-based line and column (columns count characters).
struct Diagnostic {
    std::string file;
    int line = 0;    ///< 1-based; 0 when the problem is about the whole file
    int column = 0;  ///< 1-based, in characters; 0 when unknown
    Severity severity = Severity::Error;
    std::string message;

    /// `file:line:col: error: message`, the way compilers print it.
    std::string format() const;
};

/// True when any diagnostic in the list is an error.
bool hasErrors(const std::vector<Diagnostic>& diagnostics);

/// Counts the diagnostics of a severity.
int countOf(const std::vector<Diagnostic>& diagnostics, Severity severity);

/// A place in a source file, 1-based, columns in characters.
struct SourcePos {
    int line = 0;
    int column = 0;
};

}  // namespace defuse
