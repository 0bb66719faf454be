// An attempt in progress.
#include "play.hpp"

#include <algorithm>
#include <cctype>

#include "defuse/replay.hpp"

namespace defuse::desktop {

ConversationHints hintsFor(Mode mode) {
    ConversationHints h;
    if (mode == Mode::Practice) h.moodMeters = h.moodChips = h.reasons = h.coaching = true;
    return h;
}

Play::Play(std::shared_ptr<const Scenario> scenario, const AttemptOptions& options)
    : m_attempt(std::make_unique<Attempt>(std::move(scenario), options)) {}

Play::Play(std::unique_ptr<Attempt> resumed) : m_attempt(std::move(resumed)) {}

double Play::elapsed(double now) const { return m_shownAt ? std::max(0.0, now - *m_shownAt) : 0.0; }

bool Play::choose(std::size_t index, double now) {
    if (stopped() || !m_attempt->choose(index, elapsed(now))) return false;
    m_shownAt.reset();  // the next answers start their own clock when they appear
    return true;
}

bool Play::rewind() {
    if (stopped() || !m_attempt->rewind()) return false;
    m_shownAt.reset();
    return true;
}

const std::vector<TranscriptLine>& Play::transcript() const {
    if (m_transcriptVersion != m_attempt->version()) {
        m_transcript = m_attempt->transcript();
        m_transcriptVersion = m_attempt->version();
    }
    return m_transcript;
}

std::filesystem::path newAttemptPath(const std::filesystem::path& dir,
                                     const std::string& scenarioId) {
    std::string stamp = nowIso8601();  // 2024-05-01T10:20:30Z
    stamp.erase(
        std::remove_if(stamp.begin(), stamp.end(), [](char c) { return c == ':' || c == '-'; }),
        stamp.end());
    std::string safeId;
    for (char c : scenarioId)
        safeId += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') ? c : '_';
    if (safeId.empty()) safeId = "scenario";
    std::error_code ec;
    for (int n = 1; n < 1000; ++n) {
        const std::string suffix = n == 1 ? "" : "-" + std::to_string(n);
        auto p = dir / (safeId + "-" + stamp + suffix + ".yaml");
        if (!std::filesystem::exists(p, ec)) return p;
    }
    return dir / (safeId + "-" + stamp + "-x.yaml");
}

}  // namespace defuse::desktop
