#pragma once
// `defuse say` (a customer's line as a WAV file) and `defuse voices` (what is installed).
#include <CLI/CLI.hpp>
#include <string>

#include "defuse/message.hpp"

namespace defuse::term {

/// What `defuse say` was asked.
struct SayOptions {
    std::string scenario;
    std::string node;
    std::string lang = "en";
    std::string mood;  ///< "anger=80,trust=20": the rest from the customer's starting mood
    std::string output;
    bool force = false;
};

/// Writes the line as the app would say it; returns the exit code (0 written, 1 the scenario
/// or the node is wrong or synthesis failed, 2 a usage error, 4 the file cannot be written).
int say(const SayOptions& opt);

/// Lists the voices defuse uses and whether they are installed, the customers' voices and the
/// lexicon; returns 0, or 1 when a voice defuse needs is missing.
int voices(Lang lang);

/// Registers `say` and `voices`; their callbacks set `exitCode`.
void addVoiceCommands(CLI::App& app, int& exitCode);

}  // namespace defuse::term
