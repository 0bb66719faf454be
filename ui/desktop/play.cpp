// An attempt in progress. Every answer is written to the replay file at once.
#include "play.hpp"

#include <algorithm>
#include <cctype>

namespace defuse::desktop {

Play::Play(std::shared_ptr<const Scenario> scenario, const SessionOptions& options,
           std::filesystem::path replayFile, const std::string& trainee, double now)
    : m_session(std::make_unique<Session>(std::move(scenario), options)),
      m_writer(std::move(replayFile), trainee),
      m_shownAt(now) {
    pushCustomerLine();
}

void Play::pushCustomerLine() {
    TranscriptEntry e;
    e.who = TranscriptEntry::Who::Customer;
    e.text = m_session->customerLine();
    if (!e.text.empty()) m_transcript.push_back(std::move(e));
}

void Play::save() {
    std::error_code ec;
    std::filesystem::create_directories(m_writer.path().parent_path(), ec);
    std::string error;
    if (m_writer.write(*m_session, &error)) {
        m_saveError.clear();
        m_saved = true;
    } else {
        m_saveError = error.empty() ? m_writer.path().string() : error;
    }
}

bool Play::choose(std::size_t index, double now) {
    const auto answers = m_session->answers();
    if (m_session->finished() || index >= answers.size()) return false;
    const std::string text = answers[index]->text.get(m_session->options().lang);
    TurnFeedback fb;
    const std::size_t mark = m_transcript.size();
    if (!m_session->choose(index, std::max(0.0, now - m_shownAt), &fb)) return false;
    m_marks.push_back(mark);
    TranscriptEntry you;
    you.who = TranscriptEntry::Who::Advisor;
    you.text = text;
    you.reasons = fb.reasons;
    you.note = fb.note;
    you.delta = diff(fb.before, fb.after);
    you.turn = static_cast<int>(m_session->turns().size());
    m_transcript.push_back(std::move(you));
    pushCustomerLine();
    m_feedback = fb;
    m_shownAt = now;
    m_report.reset();
    ++m_version;
    save();
    return true;
}

bool Play::rewind(double now) {
    if (!m_session->canRewind() || m_marks.empty()) return false;
    if (!m_session->rewind()) return false;
    m_transcript.resize(std::min(m_transcript.size(), m_marks.back()));
    m_marks.pop_back();
    if (m_transcript.empty()) pushCustomerLine();
    m_feedback.reset();
    m_report.reset();
    m_shownAt = now;
    ++m_version;
    save();
    return true;
}

const ScoreReport* Play::report(const std::string& lang) {
    if (!m_session->finished()) return nullptr;
    if (!m_report || m_reportLang != lang) {
        const auto curve = m_session->moodCurve();
        const Mood start = curve.empty() ? m_session->mood() : curve.front();
        m_report = scoreRun(m_session->scenario(), m_session->turns(), start, m_session->ending(),
                            m_session->options().timed, lang);
        m_reportLang = lang;
    }
    return &*m_report;
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
