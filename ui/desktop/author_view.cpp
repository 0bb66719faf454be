// The author view's state: loading, watching, the test run.
#include "author_view.hpp"

#include <system_error>

#include "defuse/analysis.hpp"
#include "defuse/loader.hpp"
#include "defuse/workbench.hpp"
#include "live_reload.hpp"

namespace defuse::desktop {

namespace fs = std::filesystem;

namespace {
std::unique_ptr<AuthorView> g_view;
}

AuthorView* authorView() { return g_view.get(); }

AuthorArgs& authorArgs() {
    static AuthorArgs args;
    return args;
}

void addAuthorOptions(CLI::App* gui) {
    gui->add_option("--author", authorArgs().file,
                    "Open a scenario file in the author view: its graph, an inspector, test from "
                    "here, live reload (with --screenshots: driven, then exit)");
    gui->add_option("--live-edits", authorArgs().edits,
                    "With --author or --drive, and --screenshots: copy DIR/good.yaml, broken.yaml, "
                    "fixed.yaml, removed.yaml over the scenario file in turn while the window "
                    "runs (a practice in progress reloads)");
}
void openAuthorView(const fs::path& file) { g_view = std::make_unique<AuthorView>(file); }

AuthorView::AuthorView(fs::path file) : m_file(std::move(file)) {}

std::string AuthorView::signature() const { return watchSignature(m_file); }

void AuthorView::poll(double now, Lang lang) {
    if (now < m_nextPoll) return;
    m_nextPoll = now + 0.2;
    if (signature() != m_signature) reload(lang);
}

void AuthorView::reload(Lang lang) {
    m_signature = signature();
    LoadResult<Scenario> r = loadScenario(m_file);
    m_diagnostics = r.diagnostics;
    ++m_reloads;
    if (!r.value) {  // broken: the last good version stays
        m_broken = true;
        return;
    }
    m_broken = false;
    for (auto& d : checkIdealPath(r.value)) m_diagnostics.push_back(std::move(d));
    std::string selectedId = selected >= 0 && selected < static_cast<int>(m_layout.nodes.size())
                                 ? m_layout.nodes[static_cast<std::size_t>(selected)].id
                                 : std::string();
    m_scenario = r.value;
    AnalysisOptions ao;
    ao.randomRuns = 0;
    // On the UI thread at every reload: bounded to stay well under a second; past the bound the
    // best and worst marked are those the search found.
    ao.maxStates = 500000;
    ao.maxPaths = 20000;
    ao.searchWidth = 1024;
    Analysis a = analyze(m_scenario, ao);
    m_best = a.best.score;
    m_exact = a.exact;
    m_worst = a.worst.score;
    m_layout = layoutGraph(*m_scenario, &a.best, &a.worst, ao.seed);
    selected = selectedId.empty() ? -1 : m_layout.index(selectedId);
    if (m_reloads == 1) testMood = m_scenario->customer.start;
    replayPractice(lang);
}

bool AuthorView::testFrom(const std::string& node, Lang lang) {
    if (!m_scenario || !m_scenario->node(node)) return false;
    AttemptOptions o;
    o.lang = std::string(langCode(lang));
    o.timed = false;
    AttemptStart start;
    start.node = node;
    start.mood = testMood;
    m_practice.emplace(m_scenario, o, start);
    m_practiceNote.clear();
    return true;
}

// The test run on the new version: the same start and the same answers, as far as they go.
void AuthorView::replayPractice(Lang lang) {
    m_practiceNote.clear();
    if (!m_practice) return;
    MovedRun moved = moveToVersion(*m_practice, m_scenario);
    if (moved.startGone) {
        m_practiceNote = render(Message(Msg::WbAuthorNodeGone, {m_practice->start().node}), lang);
        m_practice.reset();
        return;
    }
    m_practice.emplace(std::move(*moved.attempt));
    if (!moved.goneAnswer.empty())
        m_practiceNote = render(
            Message(Msg::WbAuthorAnswerGone,
                    {moved.goneAnswer, Message::num(static_cast<long long>(moved.goneTurn))}),
            lang);
    else
        m_practiceNote = render(Message(Msg::WbAuthorReloaded, {m_file.filename().string()}), lang);
}

int AuthorView::nodeOf(const Diagnostic& d) const {
    if (!m_scenario) return -1;
    const Node* best = nullptr;
    for (const auto& n : m_scenario->nodes)
        if (n.pos.line <= d.line && (!best || n.pos.line > best->pos.line)) best = &n;
    return best ? m_layout.index(best->id) : -1;
}

}  // namespace defuse::desktop
