// The author says how good an answer is; the archetype says what it does. Where they
// disagree, one of them is wrong, and the trainer should look.
#include "intent_checks.hpp"

#include <set>

#include "defuse/analysis.hpp"
#include "defuse/attempt.hpp"
#include "defuse/mood_step.hpp"

namespace defuse::detail {

namespace {

int balanceOf(const MoodDelta& d) { return d.get(Dim::Trust) - d.get(Dim::Anger); }

// The author's ideal path: the answer rated best at each node, from the start, while every
// node on the way has exactly one.
std::vector<std::string> idealPath(const Scenario& sc) {
    std::vector<std::string> path;
    std::set<std::string> seen;
    std::string at = sc.start;
    while (const Node* n = sc.node(at)) {
        if (!seen.insert(at).second) break;
        const Answer* best = nullptr;
        for (const auto& a : n->answers) {
            if (a.quality != Quality::Best) continue;
            if (best) return {};  // two ideals: no single path to compare
            best = &a;
        }
        if (!best) return {};
        path.push_back(best->id);
        at = best->next;
    }
    return sc.ending(at) ? path : std::vector<std::string>{};
}

}  // namespace

void checkIntent(const std::shared_ptr<Scenario>& sc, Reporter& rep) {
    bool rated = false;
    for (const auto& n : sc->nodes) {
        for (const auto& a : n.answers) {
            if (a.quality == Quality::Unrated) continue;
            rated = true;
            MoodStep step = moodStep(*sc, History{}, n, a, sc->customer.start, 0, false);
            int moved = balanceOf(step.answerEffect);
            if (a.quality == Quality::Bad && moved > 0)
                rep.warning(a.pos,
                            Message(Msg::IntentBadImproves, {a.id, Message::signedNum(moved)}));
            if (a.quality == Quality::Best && moved < 0)
                rep.warning(a.pos,
                            Message(Msg::IntentBestWorsens, {a.id, Message::signedNum(moved)}));
        }
    }
    if (!rated) return;
    auto ideal = idealPath(*sc);
    if (ideal.empty()) return;
    AnalysisOptions opt;
    opt.randomRuns = 0;
    opt.maxPaths = 20000;  // a check stays fast; a bigger scenario is left to `defuse analyze`
    Analysis an = analyze(sc, opt);
    if (!an.exhaustive || an.best.answers == ideal) return;
    // The ideal path may tie with the analysed best: then the author is right too.
    AttemptOptions ao;
    ao.seed = opt.seed;
    ao.mode = Mode::Assessment;
    Attempt play(sc, ao);
    for (const auto& id : ideal)
        if (!play.chooseId(id, 0)) return;  // a condition hides it: the analysis knows better
    if (play.score().total >= an.best.score) return;
    std::string joined;
    for (const auto& id : ideal) joined += (joined.empty() ? "" : " -> ") + id;
    std::string best;
    for (const auto& id : an.best.answers) best += (best.empty() ? "" : " -> ") + id;
    rep.warning(SourcePos{1, 1},
                Message(Msg::IntentIdealNotBest,
                        {joined, Message::num(static_cast<long long>(play.score().total)), best,
                         Message::num(static_cast<long long>(an.best.score))}));
}

}  // namespace defuse::detail
