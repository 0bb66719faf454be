// The author says how good an answer is; the archetype says what it does. Where they
// disagree, one of them is wrong, and the trainer should look.
#include "intent_checks.hpp"

#include <set>

#include "defuse/analysis.hpp"
#include "defuse/attempt.hpp"
#include "defuse/mood_step.hpp"

namespace defuse::detail {

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

void checkIntent(const std::shared_ptr<Scenario>& sc, Reporter& rep) {
    for (const auto& n : sc->nodes) {
        for (const auto& a : n.answers) {
            if (a.quality == Quality::Unrated) continue;
            MoodStep step = moodStep(*sc, History{}, n, a, sc->customer.start, 0, false);
            int moved = step.answerEffect.balance();
            if (a.quality == Quality::Bad && moved > 0)
                rep.warning(a.pos,
                            Message(Msg::IntentBadImproves, {a.id, Message::signedNum(moved)}));
            if (a.quality == Quality::Best && moved < 0)
                rep.warning(a.pos,
                            Message(Msg::IntentBestWorsens, {a.id, Message::signedNum(moved)}));
        }
    }
}

}  // namespace defuse::detail

namespace defuse {

std::vector<Diagnostic> checkIdealPath(const std::shared_ptr<const Scenario>& sc) {
    std::vector<Diagnostic> out;
    auto ideal = detail::idealPath(*sc);
    if (ideal.empty()) return out;
    AnalysisOptions opt;
    opt.randomRuns = 0;
    // A check stays fast: past 400,000 states (a few hundred ms) a bigger scenario is left
    // to `defuse analyze`.
    opt.maxStates = 400000;
    opt.walkPastBound = false;
    Analysis an = analyze(sc, opt);
    if (!an.exhaustive || an.best.answers == ideal) return out;
    // The ideal path may tie with the analysed best: then the author is right too.
    AttemptOptions ao;
    ao.seed = opt.seed;
    ao.mode = Mode::Assessment;
    Attempt play(sc, ao);
    for (const auto& id : ideal)
        if (!play.chooseId(id, 0)) return out;  // a condition hides it: the analysis knows better
    if (play.score().total >= an.best.score) return out;
    std::string joined, best;
    for (const auto& id : ideal) joined += (joined.empty() ? "" : " -> ") + id;
    for (const auto& id : an.best.answers) best += (best.empty() ? "" : " -> ") + id;
    out.push_back({sc->file, 1, 1, Severity::Warning,
                   Message(Msg::IntentIdealNotBest,
                           {joined, Message::num(static_cast<long long>(play.score().total)), best,
                            Message::num(static_cast<long long>(an.best.score))})});
    return out;
}

}  // namespace defuse
