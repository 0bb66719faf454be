#pragma once
// The `--choices` list both front ends take: answers by their shown number.
#include <string>
#include <vector>

namespace defuse::ui {

/// One scripted step.
struct Choice {
    int number = 0;       ///< 1-based shown answer (0 when `rewind`)
    double seconds = 0;   ///< the time taken to answer ("2@12.5")
    bool rewind = false;  ///< "r": take the last answer back (practice)
};

/// Parses "2,1,3", "2@12.5,1" and "r"; false with a message saying what is wrong otherwise.
bool parseChoices(const std::string& text, std::vector<Choice>& out, std::string& error);

}  // namespace defuse::ui
