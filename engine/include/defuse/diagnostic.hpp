#pragma once
/// Diagnostics: problems found in a user's file, with the place they are at.
#include <string>
#include <vector>

#include "defuse/message.hpp"

namespace defuse {

/// How bad a diagnostic is.
enum class Severity { Warning, Error };

/// One problem in a file, at a 1-based line and column (columns count characters).
struct Diagnostic {
    std::string file;
    int line = 0;    ///< 1-based; 0 when the problem is about the whole file
    int column = 0;  ///< 1-based, in characters; 0 when unknown
    Severity severity = Severity::Error;
    Message message;  ///< what is wrong, rendered in any language by the catalogue

    /// `file:line:col: error: message`, the way compilers print it; in Chinese
    /// `file:line:col: 错误：message` (and `警告：` for warnings).
    std::string format(Lang lang = Lang::En) const;
    /// Just the message, in a language.
    std::string text(Lang lang = Lang::En) const;
    /// `file:line:col` (or `file:line`, or `file` when the place is unknown).
    std::string place() const;
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
