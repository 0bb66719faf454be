#pragma once
// The last line of defence in main(): an exception no command caught becomes one line on
// stderr and a distinct exit status, never an abort from an uncaught exception.
#include <exception>
#include <ostream>
#include <string>

namespace defuse {

/// The exit status after an internal error (EX_SOFTWARE in sysexits.h).
inline constexpr int kInternalErrorExit = 70;

/// Runs `body` and returns what it returns. If it throws, prints
/// "defuse: internal error: WHAT" as one line to `err` and returns kInternalErrorExit.
template <typename Body>
int exitOnInternalError(Body&& body, std::ostream& err) {
    std::string what;
    try {
        return body();
    } catch (const std::exception& e) {
        what = e.what();
        if (what.empty()) what = "an exception with no message";
    } catch (...) {
        what = "an exception that is not a std::exception";
    }
    for (char& c : what)
        if (c == '\n' || c == '\r') c = ' ';
    try {
        err << "defuse: internal error: " << what << std::endl;
    } catch (...) {  // a stream set to throw must not turn this into an abort after all
    }
    return kInternalErrorExit;
}

}  // namespace defuse
