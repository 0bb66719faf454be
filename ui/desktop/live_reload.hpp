#pragma once
// Live reload of a practice in progress. When the scenario file, or an archetype in the
// archetypes folder beside it, changes on disk, the run moves onto the new version within a
// second: the same answers re-played (engine moveToVersion), the replay taken up. A file with
// errors leaves the last good version running and shows its diagnostics; an answer that no
// longer exists stops the re-play before it, and the conversation says so. Assessments never
// reload: the version they started on is the one they are scored against.
#include <filesystem>
#include <string>
#include <vector>

#include "defuse/diagnostic.hpp"

namespace defuse::desktop {

struct Shell;

/// What changes when a scenario file or an archetype in its folder's archetypes/ is saved:
/// every watched file's path, time and size.
std::string watchSignature(const std::filesystem::path& file);

class LiveReload {
public:
    /// Once a frame: watches the practice in progress (its file checked at most every 0.25 s;
    /// the frame loop is woken for it only while a practice is on screen).
    void poll(Shell& sh);
    /// What the conversation shows about the last reload ("" nothing).
    const std::string& note() const { return m_note; }
    /// The watched file has errors: the last good version runs on.
    bool broken() const { return m_broken; }
    /// The note is a warning: the file is broken, or the run lost answers or could not move.
    bool warning() const { return m_warning; }
    /// The broken file's errors and warnings, in order.
    const std::vector<Diagnostic>& diagnostics() const { return m_diagnostics; }
    /// Reloads done (good and broken) since the app started.
    int reloads() const { return m_reloads; }

private:
    void reload(Shell& sh);

    int m_serial = -1;  ///< the attempt watched (Navigator::playSerial)
    std::filesystem::path m_file;
    std::string m_signature;
    double m_nextCheck = 0;
    std::string m_note;
    bool m_broken = false;
    bool m_warning = false;
    std::vector<Diagnostic> m_diagnostics;
    int m_reloads = 0;
};

}  // namespace defuse::desktop
