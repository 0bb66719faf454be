#pragma once
// `defuse report`: what each replay contributes to a class report (report_command.cpp), and
// the three forms it is written in (CSV and xAPI there, HTML in report_html.cpp).
#include <optional>
#include <string>
#include <vector>

#include "defuse/message.hpp"
#include "defuse/replay.hpp"

namespace defuse::term {

/// Whether a replay's signature was checked, and what it showed.
enum class SignatureState { Unsigned, Signed, Valid, NotValid };

/// One replay, re-scored (never trusting a stored score).
struct ReportRun {
    std::string file;
    Replay replay;
    Rescored scored;
    bool ok = false;               ///< re-played against its scenario without an error
    bool scenarioChanged = false;  ///< the scenario's hash differs from the one recorded
    double durationSeconds = 0;    ///< start to finish (breaks left out), else the answers' time
    std::string title;             ///< the scenario's title in the report's language
    std::vector<Mood> moodCurve;
    SignatureState signature = SignatureState::Unsigned;
};

/// `s`-style "2026-11-29T10:00:00Z" to seconds since the epoch (nullopt if it is not one).
std::optional<long long> parseIso8601(const std::string& s);

/// "PT1H2M3.5S".
std::string isoDuration(double seconds);

/// "signature" column words: unsigned, signed, valid, NOT VALID.
std::string_view signatureWord(SignatureState s);

/// The HTML report: self-contained, a section per scenario, printable on A4.
std::string htmlReport(const std::vector<ReportRun>& runs, Lang lang);

}  // namespace defuse::term
