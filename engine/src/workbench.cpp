// The trainer's workbench: test runs from any node, and the state watch.
#include "defuse/workbench.hpp"

#include <algorithm>
#include <charconv>
#include <deque>

#include "defuse/mood_step.hpp"
#include "defuse/tags.hpp"

namespace defuse {

namespace {

Message unknown(Msg kind, const std::string& name, const std::vector<std::string>& known) {
    std::string guess = didYouMean(name, known);
    if (guess.empty()) return Message(Msg::UnknownName, {kind, name});
    return Message(Msg::UnknownNameGuess, {kind, name, guess});
}

const Answer* findAnswer(const Scenario& sc, const std::string& id, const Node** where) {
    for (const auto& n : sc.nodes)
        for (const auto& a : n.answers)
            if (a.id == id) {
                *where = &n;
                return &a;
            }
    return nullptr;
}

// The nodes reachable from `id` (itself included), over answers and the mood's redirects.
std::set<std::string> reachableFrom(const Scenario& sc, const std::string& id) {
    std::set<std::string> seen;
    std::deque<std::string> todo{id};
    while (!todo.empty()) {
        std::string cur = todo.front();
        todo.pop_front();
        const Node* n = sc.node(cur);
        if (!n || !seen.insert(cur).second) continue;
        for (const auto& a : n->answers) todo.push_back(a.next);
        if (!sc.onEscalate.empty()) todo.push_back(sc.onEscalate);
        if (!sc.onWalkOut.empty()) todo.push_back(sc.onWalkOut);
    }
    return seen;
}

void parseMood(const std::string& text, Mood& mood, std::vector<Message>& errors) {
    std::size_t pos = 0;
    while (pos <= text.size()) {
        std::size_t comma = text.find(',', pos);
        std::string piece = text.substr(pos, comma == std::string::npos ? comma : comma - pos);
        pos = comma == std::string::npos ? text.size() + 1 : comma + 1;
        if (piece.empty()) continue;
        std::size_t eq = piece.find('=');
        if (eq == std::string::npos) {
            errors.push_back(Message(Msg::WbBadMood, {Message(Msg::WbMoodForm, {piece})}));
            continue;
        }
        std::string name = piece.substr(0, eq), value = piece.substr(eq + 1);
        auto dim = dimFromName(name);
        if (!dim) {
            errors.push_back(Message(Msg::WbBadMood, {Message(Msg::WbMoodDim, {name})}));
            continue;
        }
        int v = -1;
        auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
        if (ec != std::errc() || end != value.data() + value.size() || v < 0 || v > 100) {
            errors.push_back(Message(Msg::WbBadMood, {Message(Msg::WbMoodValue, {name, value})}));
            continue;
        }
        mood.set(*dim, v);
    }
}

}  // namespace

std::vector<std::string> splitIds(const std::string& list) {
    std::vector<std::string> out;
    std::size_t pos = 0;
    while (pos <= list.size()) {
        std::size_t comma = list.find(',', pos);
        std::string piece = list.substr(pos, comma == std::string::npos ? comma : comma - pos);
        pos = comma == std::string::npos ? list.size() + 1 : comma + 1;
        piece.erase(0, piece.find_first_not_of(' '));
        piece.erase(piece.find_last_not_of(' ') + 1);
        if (!piece.empty()) out.push_back(piece);
    }
    return out;
}

StartResult makeStart(const Scenario& sc, const StartRequest& req) {
    StartResult r;
    AttemptStart start;
    std::vector<std::string> nodeIds, answerIds;
    for (const auto& n : sc.nodes) {
        nodeIds.push_back(n.id);
        for (const auto& a : n.answers) answerIds.push_back(a.id);
    }
    if (!req.from.empty() && !sc.node(req.from)) {
        if (sc.ending(req.from))
            r.errors.push_back(Message(Msg::WbBadFrom, {Message(Msg::WbFromIsEnding, {req.from})}));
        else
            r.errors.push_back(
                Message(Msg::WbBadFrom, {unknown(Msg::NameNode, req.from, nodeIds)}));
    }
    if (!req.mood.empty()) {
        Mood m = sc.customer.start;
        parseMood(req.mood, m, r.errors);
        start.mood = m;
    }
    // The earlier answers, in order: each must be reachable from where the one before led.
    std::string at = sc.start;
    std::string lastAnswer;  // "" = the start
    bool chainOk = true;
    for (const auto& id : req.after) {
        const Node* n = nullptr;
        const Answer* a = findAnswer(sc, id, &n);
        if (!a) {
            r.errors.push_back(
                Message(Msg::WbBadAfter, {unknown(Msg::NameAnswerId, id, answerIds)}));
            chainOk = false;
            continue;
        }
        if (chainOk && !lastAnswer.empty() && !sc.node(at)) {
            r.errors.push_back(
                Message(Msg::WbBadAfter, {Message(Msg::WbAfterEnds, {lastAnswer, at, id})}));
            chainOk = false;
        } else if (chainOk && !reachableFrom(sc, at).count(n->id)) {
            Message from = lastAnswer.empty() ? Message(Msg::WbTheStart, {sc.start})
                                              : Message(Msg::WbWhereLeads, {lastAnswer, at});
            r.errors.push_back(
                Message(Msg::WbBadAfter, {Message(Msg::WbUnreachable, {id, n->id, from})}));
            chainOk = false;
        }
        Turn t;
        t.node = n->id;
        t.picked = a->id;
        t.next = a->next;
        start.earlier.push_back(std::move(t));
        at = a->next;
        lastAnswer = id;
    }
    if (!req.from.empty() && sc.node(req.from)) {
        start.node = req.from;
        if (chainOk && !lastAnswer.empty()) {
            if (!sc.node(at))
                r.errors.push_back(Message(
                    Msg::WbBadFrom, {Message(Msg::WbAfterEnds, {lastAnswer, at, req.from})}));
            else if (!reachableFrom(sc, at).count(req.from))
                r.errors.push_back(Message(
                    Msg::WbBadFrom,
                    {Message(Msg::WbUnreachable,
                             {req.from, req.from, Message(Msg::WbWhereLeads, {lastAnswer, at})})}));
        }
    } else if (req.from.empty() && !lastAnswer.empty() && chainOk) {
        if (sc.node(at))
            start.node = at;
        else
            r.errors.push_back(
                Message(Msg::WbBadAfter, {Message(Msg::WbAfterEndsRun, {lastAnswer, at})}));
    }
    if (r.errors.empty()) r.start = std::move(start);
    return r;
}

StateWatch watchState(const Attempt& a) {
    StateWatch w;
    const History& h = a.historyNow();
    w.cues = h.cues;
    w.tags = h.used;
    if (const Node* n = a.node())  // the customer's line now gives its cues too
        for (const auto& c : n->cues) ++w.cues[c];
    w.mood = a.mood();
    auto visit = [&](const std::string& id) {
        if (std::find(w.visited.begin(), w.visited.end(), id) == w.visited.end())
            w.visited.push_back(id);
    };
    for (const Turn& t : a.start().earlier) {
        w.picked.push_back(t.picked);
        visit(t.node);
    }
    for (const Turn& t : a.turns()) {
        w.picked.push_back(t.picked);
        visit(t.node);
    }
    if (const Node* n = a.node()) visit(n->id);
    return w;
}

std::vector<std::string> describeWatch(const StateWatch& w, Lang lang) {
    auto list = [&](const auto& items) {
        std::string s;
        for (const auto& x : items) s += (s.empty() ? "" : ", ") + std::string(x);
        return s.empty() ? render(Msg::WbNone, lang) : s;
    };
    std::vector<std::string> cues;
    for (const auto& [cue, n] : w.cues) cues.push_back(cue + " \xC3\x97" + std::to_string(n));
    return {render(Message(Msg::WbWatchCues, {list(cues)}), lang),
            render(Message(Msg::WbWatchTags, {list(w.tags)}), lang),
            render(Message(Msg::WbWatchPicked, {list(w.picked)}), lang),
            render(Message(Msg::WbWatchVisited, {list(w.visited)}), lang)};
}

MovedRun moveToVersion(const Attempt& old, std::shared_ptr<const Scenario> version) {
    MovedRun out;
    const std::string& startNode = old.start().node;
    if (!version || (!startNode.empty() && !version->node(startNode))) {
        out.startGone = true;
        return out;
    }
    out.attempt = std::make_unique<Attempt>(std::move(version), old.options(), old.start());
    for (const Turn& t : old.turns()) {
        if (out.attempt->finished() || !out.attempt->chooseId(t.picked, t.seconds)) {
            out.goneAnswer = t.picked;
            out.goneTurn = out.replayed + 1;
            break;
        }
        ++out.replayed;
    }
    if (old.saveState().recording) out.recording = out.attempt->continueRecordingOf(old);
    return out;
}

}  // namespace defuse
