#include "defuse/diagnostic.hpp"

#include <algorithm>

namespace defuse {

std::string Diagnostic::format() const {
    std::string out = file;
    if (line > 0) {
        out += ':' + std::to_string(line);
        if (column > 0) out += ':' + std::to_string(column);
    }
    out += severity == Severity::Error ? ": error: " : ": warning: ";
    out += message;
    return out;
}

bool hasErrors(const std::vector<Diagnostic>& diagnostics) {
    return countOf(diagnostics, Severity::Error) > 0;
}

int countOf(const std::vector<Diagnostic>& diagnostics, Severity severity) {
    return static_cast<int>(std::count_if(diagnostics.begin(), diagnostics.end(),
                                          [&](const Diagnostic& d) { return d.severity == severity; }));
}

}  // namespace defuse
