// The class dashboard, driven.
#include "harness/dashboard_drive.hpp"

#include <algorithm>
#include <iostream>

#include "harness/screenshot.hpp"
#include "shell.hpp"

namespace defuse::desktop {

namespace {
constexpr int kQuietFrames = 4;
constexpr double kTimeoutSeconds = 180;
}  // namespace

DashboardDriver::DashboardDriver(std::filesystem::path screenshots)
    : m_screenshots(std::move(screenshots)) {}

void DashboardDriver::fail(const std::string& message) {
    std::cerr << "defuse gui --dashboard: " << message << "\n";
    m_exitCode = 1;
    m_phase = Phase::Done;
}

void DashboardDriver::beforeFrame(Shell& sh, bool busy) {
    if (done()) return;
    const double now = sh.ui.now();
    if (m_deadline == 0) m_deadline = now + kTimeoutSeconds;
    if (now > m_deadline) return fail("timed out");
    m_quiet = busy ? 0 : m_quiet + 1;
    if (m_quiet < kQuietFrames || !m_shot.empty()) return;
    m_quiet = 0;
    ClassBoard& board = sh.board;
    switch (m_phase) {
        case Phase::Wait:
            if (!sh.catalogue.history().loaded()) return;
            board.show();
            if (!board.error().empty())
                return fail("cannot read the store " + board.sourceName() + ": " + board.error());
            m_phase = Phase::Board;
            break;
        case Phase::Board: {
            if (!m_shotTaken) {
                m_shot = "dashboard.png";
                return;
            }
            m_shotTaken = false;
            const store::Dashboard& d = board.data();
            std::cout << "dashboard: " << d.rows.size() << " attempts, " << d.trainees.size()
                      << " trainees, " << d.scenarios.size() << " scenarios, " << d.mistakes.size()
                      << " frequent mistakes\n";
            if (!d.mistakes.empty())
                std::cout << "most frequent mistake: " << d.mistakes.front().scenarioId << " "
                          << d.mistakes.front().answer << " x" << d.mistakes.front().count << "\n";
            store::Filter f = board.filter();
            f.mode = "assessment";
            board.setFilter(f);
            m_phase = Phase::Filtered;
            break;
        }
        case Phase::Filtered: {
            if (!m_shotTaken) {
                m_shot = "dashboard-assessment.png";
                return;
            }
            m_shotTaken = false;
            const store::Dashboard& d = board.data();
            std::cout << "assessments: " << d.rows.size() << "\n";
            if (d.progress.empty()) return fail("no finished assessment to open");
            const store::Progress& p = d.progress.begin()->second;
            const store::AttemptRow& row = d.rows[p.bestRow];
            std::string why;
            const auto file = board.replayFile(row, why);
            if (!file) return fail("the best run's replay: " + why);
            if (!sh.openReplay(*file)) return fail("could not open " + file->string());
            board.hide();
            std::cout << "opened: " << row.trainee << " " << row.scenarioId << " score "
                      << row.score << " in the replay viewer\n";
            m_phase = Phase::Open;
            break;
        }
        case Phase::Open:
            if (sh.nav.screen() != Screen::Review || sh.nav.review() == nullptr)
                return fail("the replay viewer did not open");
            if (!m_shotTaken) {
                m_shot = "dashboard-review.png";
                return;
            }
            if (m_frames > 0)
                std::cout << "dashboard frames: " << m_frames << ", build mean "
                          << m_buildMs / m_frames << " ms, max " << m_maxBuildMs
                          << " ms, frame mean " << m_frameMs / m_frames << " ms\n";
            std::cout << "viewer score: " << sh.nav.review()->report().total << "\n";
            std::cout << "glyphs missing: " << sh.ui.fonts.missingGlyphs() << "\n";
            m_exitCode = sh.ui.fonts.missingGlyphs() > 0 ? 1 : 0;
            m_phase = Phase::Done;
            break;
        case Phase::Done:
            break;
    }
}

void DashboardDriver::afterFrame(Shell& sh, const FrameStats& stats) {
    if (!sh.board.shown()) return;
    ++m_frames;
    m_buildMs += stats.buildMs;
    m_frameMs += stats.frameMs;
    m_maxBuildMs = std::max(m_maxBuildMs, stats.buildMs);
}

void DashboardDriver::afterRender(Shell& sh, int width, int height) {
    (void)sh;
    if (m_shot.empty()) return;
    const std::string name = m_shot;
    m_shot.clear();
    m_shotTaken = true;
    m_quiet = kQuietFrames;
    if (m_screenshots.empty()) return;
    std::string error;
    if (!saveShot(m_screenshots, name, width, height, &error)) fail(error);
}

}  // namespace defuse::desktop
