#include "defuse/diagnostic.hpp"

#include <algorithm>

namespace defuse {

std::string Diagnostic::place() const {
    std::string out = file;
    if (line > 0) {
        out += ':' + std::to_string(line);
        if (column > 0) out += ':' + std::to_string(column);
    }
    return out;
}

std::string Diagnostic::format(Lang lang) const {
    Msg id = severity == Severity::Error ? Msg::DiagError : Msg::DiagWarning;
    return render(Message(id, {place(), message}), lang);
}

std::string Diagnostic::text(Lang lang) const { return render(message, lang); }

bool hasErrors(const std::vector<Diagnostic>& diagnostics) {
    return countOf(diagnostics, Severity::Error) > 0;
}

int countOf(const std::vector<Diagnostic>& diagnostics, Severity severity) {
    return static_cast<int>(
        std::count_if(diagnostics.begin(), diagnostics.end(),
                      [&](const Diagnostic& d) { return d.severity == severity; }));
}

}  // namespace defuse
