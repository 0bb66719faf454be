// The author view, driven (see author_drive.hpp).
#include "harness/author_drive.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iostream>
#include <sstream>

#include "author_view.hpp"
#include "defuse/files.hpp"
#include "defuse/workbench.hpp"
#include "harness/screenshot.hpp"
#include "shell.hpp"

namespace defuse::desktop {

namespace {
constexpr int kQuietFrames = 4;
constexpr double kTimeoutSeconds = 120;
constexpr double kReloadSeconds = 1.0;  // the promise: a change shows within a second
constexpr int kSweepFrames = 180;       // zoom in and out and pan: frames timed
}  // namespace

AuthorDriver::AuthorDriver(std::filesystem::path screenshots, std::filesystem::path edits)
    : m_screenshots(std::move(screenshots)), m_edits(std::move(edits)) {
    if (!m_edits.empty())
        for (const char* n : {"good", "broken", "fixed", "removed"})
            if (std::filesystem::exists(m_edits / (std::string(n) + ".yaml")))
                m_editNames.push_back(n);
}

void AuthorDriver::fail(const std::string& message) {
    std::cerr << "defuse gui --author: " << message << "\n";
    m_exitCode = 1;
    m_done = true;
}

bool AuthorDriver::shoot(const std::string& name) {
    if (m_shotTaken) {
        m_shotTaken = false;
        return true;
    }
    m_shot = name;
    return false;
}

void AuthorDriver::beforeFrame(Shell& sh, bool busy) {
    if (m_done) return;
    const double now = sh.ui.now();
    if (m_deadline == 0) m_deadline = now + kTimeoutSeconds;
    if (now > m_deadline) return fail("timed out");
    AuthorView* v = authorView();
    if (!v) return fail("no author view");
    if (m_waiting) {  // an edit was written: wait for the view to reload it
        if (v->reloads() == m_reloadsBefore) {
            if (now - m_editedAt > 5) fail("the edit was not reloaded");
            return;
        }
        m_waiting = false;
        const double took = now - m_editedAt;
        const std::string& name = m_editNames[m_edit];
        std::cout << "edit " << name << ": reloaded in " << static_cast<int>(took * 1000) << " ms"
                  << (took <= kReloadSeconds + 0.25 ? "" : " (TOO SLOW)") << "; "
                  << (v->broken() ? "broken, the last good version kept" : "good") << "; "
                  << v->diagnostics().size() << " diagnostics\n";
        for (const auto& d : v->diagnostics())
            if (d.severity == Severity::Error) std::cout << "  " << d.format(Lang::En) << "\n";
        if (!v->practiceNote().empty()) std::cout << "  test run: " << v->practiceNote() << "\n";
        if (Attempt* a = v->practice())
            std::cout << "  test run at turn " << a->turns().size() + 1 << ", "
                      << (a->node() ? "node " + a->node()->id : std::string("ended")) << "\n";
        if (took > kReloadSeconds + 0.25) return fail("reload took longer than a second");
    }
    if (m_sweep >= 0) {  // zooming in and out and panning, a step every frame
        if (m_sweep < kSweepFrames) {
            const float t = static_cast<float>(m_sweep) / kSweepFrames;
            const float wave = 0.5f - 0.5f * std::cos(t * 6.2831853f);  // 0 -> 1 -> 0
            v->zoom = m_fitZoom + (2.0f - m_fitZoom) * wave;
            v->panX = -600.0f * wave * std::sin(t * 12.566f);
            v->panY = -400.0f * wave;
            ++m_sweep;
            return;
        }
        std::sort(m_sweepMs.begin(), m_sweepMs.end());
        double sum = 0;
        for (double ms : m_sweepMs) sum += ms;
        const std::size_t n = m_sweepMs.size();
        if (n > 0)
            std::cout << "zoom and pan: " << n << " frames, mean " << sum / n << " ms, 95th "
                      << m_sweepMs[std::min(n - 1, n * 95 / 100)] << " ms, max " << m_sweepMs.back()
                      << " ms\n";
        m_sweep = -1;
        m_swept = true;
        v->zoom = m_fitZoom;
        v->panX = v->panY = 0;
    }
    m_quiet = busy ? 0 : m_quiet + 1;
    if (m_quiet < kQuietFrames || !m_shot.empty()) return;
    m_quiet = 0;
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    switch (m_step) {
        case 0: {  // loaded: the graph fitted to the canvas
            if (!v->scenario()) return fail("the scenario did not load");
            const GraphLayout& g = v->layout();
            float w = display.x * 0.62f - 20, h = display.y - 90;
            v->zoom = std::min(
                1.0f, std::min(w / static_cast<float>(g.width), h / static_cast<float>(g.height)));
            v->panX = v->panY = 0;
            int endings = 0;
            for (const auto& n : g.nodes) endings += n.isEnding ? 1 : 0;
            std::cout << "author: " << g.nodes.size() - endings << " nodes, " << endings
                      << " endings, " << g.layers << " layers, " << g.crossings
                      << " crossings, zoom " << v->zoom << "\n";
            ++m_step;
            break;
        }
        case 1:
            if (!shoot("author-graph.png")) return;
            if (!m_swept) {  // zoom and pan, timed, before the full-size view
                m_fitZoom = v->zoom;
                m_sweep = 0;
                m_sweepMs.clear();
                m_shotTaken = true;  // this step's shot is taken; come back after the sweep
                return;
            }
            v->zoom = 1.0f;  // full size at the start: the labels readable
            {
                const GraphNode& s = v->layout().nodes[0];
                v->panX = static_cast<float>(-s.x) + display.x * 0.25f;
                v->panY = static_cast<float>(-s.y) + 20;
            }
            ++m_step;
            break;
        case 2: {
            if (!shoot("author-graph-zoom.png")) return;
            // Inspect the first node after the start that offers more than one answer.
            const Scenario& sc = *v->scenario();
            const Node* pick = nullptr;
            for (const auto& n : sc.nodes)
                if (n.id != sc.start && n.answers.size() > 1) {
                    pick = &n;
                    break;
                }
            if (!pick) pick = &sc.nodes.front();
            v->selected = v->layout().index(pick->id);
            std::cout << "inspect: " << pick->id << ", " << pick->answers.size() << " answers\n";
            ++m_step;
            break;
        }
        case 3: {
            if (!shoot("author-inspector.png")) return;
            const GraphNode& n = v->layout().nodes[static_cast<std::size_t>(v->selected)];
            v->testMood.set(Dim::Anger, 70);
            if (!v->testFrom(n.id, sh.ui.lang())) return fail("test from " + n.id);
            Attempt* a = v->practice();
            a->choose(0, 0);
            std::cout << "test from " << n.id << " with anger 70: picked "
                      << a->turns().back().picked << ", anger " << a->turns().back().before.anger()
                      << " -> " << a->mood().anger() << "\n";
            for (const auto& line : describeWatch(watchState(*a), Lang::En))
                std::cout << "  " << line << "\n";
            ++m_step;
            break;
        }
        case 4:
            if (!shoot("author-practice.png")) return;
            ++m_step;
            break;
        case 5: {  // the live edits, one at a time
            if (m_edit >= m_editNames.size() || m_edit == SIZE_MAX) {
                m_exitCode = 0;
                m_done = true;
                return;
            }
            std::ifstream in(m_edits / (m_editNames[m_edit] + ".yaml"), std::ios::binary);
            std::stringstream text;
            text << in.rdbuf();
            std::string error;
            if (!writeFileAtomic(v->file(), text.str(), &error)) return fail(error);
            m_reloadsBefore = v->reloads();
            m_editedAt = now;
            m_waiting = true;
            ++m_step;
            break;
        }
        case 6:
            if (!shoot("author-" + m_editNames[m_edit] + ".png")) return;
            ++m_edit;
            m_step = 5;
            break;
        default:
            break;
    }
}

void AuthorDriver::afterFrame(Shell& sh, const FrameStats& stats) {
    (void)sh;
    if (m_sweep > 0) m_sweepMs.push_back(stats.frameMs);
}

void AuthorDriver::afterRender(Shell& sh, int width, int height) {
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
