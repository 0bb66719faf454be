#pragma once
// `defuse resume`: takes up an interrupted run where it stopped, or closes it out.
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace defuse::term {

struct ResumeOptions {
    std::string replay;  ///< the replay; empty: the one unfinished assessment found
    bool abandon = false;
    std::string choices;  ///< the answers still to give, as `play --choices`
    std::string lang;     ///< "" = the replay's language
    std::string color = "auto";
    std::vector<std::string> scenarioDirs;
};

/// Resumes (or with `abandon` closes out) a run; returns the exit code (0 done, 1 the replay
/// or its scenario does not load, 2 nothing to resume, 3 and 4 as `play`).
int resumeCommand(const ResumeOptions& opt);

/// Registers `resume` on the app.
void addResumeCommand(CLI::App& app, int& exitCode);

}  // namespace defuse::term
