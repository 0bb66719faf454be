#include "common/choices.hpp"

#include <cstdlib>
#include <sstream>

namespace defuse::ui {

bool parseChoices(const std::string& text, std::vector<Choice>& out, std::string& error) {
    out.clear();
    std::stringstream ss(text);
    std::string item;
    while (std::getline(ss, item, ',')) {
        std::size_t a = item.find_first_not_of(" \t"), b = item.find_last_not_of(" \t");
        if (a == std::string::npos) {
            error = "--choices has an empty item; write numbers separated by commas, like 2,1,3";
            return false;
        }
        item = item.substr(a, b - a + 1);
        Choice c;
        if (item == "r" || item == "R") {
            c.rewind = true;
            out.push_back(c);
            continue;
        }
        std::string number = item.substr(0, item.find('@'));
        if (number.empty() || number.find_first_not_of("0123456789") != std::string::npos ||
            number.size() > 3 || std::stoi(number) < 1) {
            error = "--choices: '" + item +
                    "' is not an answer number (1, 2, 3, ...), optionally with @SECONDS, or r";
            return false;
        }
        c.number = std::stoi(number);
        if (item.find('@') != std::string::npos) {
            std::string secs = item.substr(item.find('@') + 1);
            char* end = nullptr;
            c.seconds = std::strtod(secs.c_str(), &end);
            if (secs.empty() || *end != '\0' || !(c.seconds >= 0 && c.seconds <= 3600)) {
                error = "--choices: '" + item +
                        "': the seconds after @ must be a number from 0 to 3600";
                return false;
            }
        }
        out.push_back(c);
    }
    if (out.empty()) error = "--choices is empty";
    return !out.empty();
}

}  // namespace defuse::ui
