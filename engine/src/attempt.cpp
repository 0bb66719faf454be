// An attempt: the turns are the state; everything else is derived from them.
#include "defuse/attempt.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>

#include "defuse/files.hpp"
#include "defuse/replay.hpp"

namespace defuse {

std::string_view modeId(Mode m) { return m == Mode::Practice ? "practice" : "assessment"; }

namespace {

// A portable Fisher-Yates: std::shuffle's results differ between standard libraries.
template <class T>
void shuffle(std::vector<T>& v, std::uint64_t seed) {
    std::uint64_t state = seed;
    for (std::size_t i = v.size(); i > 1; --i) {
        std::uint64_t bound = i, limit = UINT64_MAX - UINT64_MAX % bound, r;
        do {
            state = splitmix64(state);
            r = state;
        } while (r >= limit);
        std::swap(v[i - 1], v[static_cast<std::size_t>(r % bound)]);
    }
}

// The answers on offer at `node` after `turnCount` turns whose facts are `f`, in the order shown.
std::vector<const Answer*> offered(const AttemptOptions& o, std::size_t turnCount,
                                   const RunFacts& f, const Node& node) {
    std::vector<const Answer*> out;
    for (const auto& a : node.answers)
        if (!a.condition || a.condition->evaluate(f)) out.push_back(&a);
    shuffle(out, splitmix64(o.seed ^ (0x51ED270B27A1F3DDull * (turnCount + 1))));
    return out;
}

std::string lineAt(const AttemptOptions& o, const RunFacts& f, const Node& node) {
    for (const auto& v : node.variants)
        if (v.when.evaluate(f)) return v.say.get(o.lang);
    return node.say.get(o.lang);
}

}  // namespace

Attempt::Attempt(std::shared_ptr<const Scenario> scenario, AttemptOptions options)
    : m_scenario(std::move(scenario)), m_options(std::move(options)), m_started(nowIso8601()) {
    if (m_options.mode == Mode::Assessment) m_options.timed = true;
    recompute();
}

Attempt::Attempt(std::shared_ptr<const Scenario> scenario, AttemptOptions options,
                 const std::vector<Turn>& turns)
    : Attempt(std::move(scenario), std::move(options)) {
    for (const Turn& t : turns)
        if (finished() || m_node != t.node || !chooseId(t.picked, t.seconds)) break;
    m_last.reset();
}

Attempt::Attempt(std::shared_ptr<const Scenario> scenario, AttemptOptions options,
                 AttemptStart start)
    : m_scenario(std::move(scenario)),
      m_options(std::move(options)),
      m_started(nowIso8601()),
      m_start(std::move(start)) {
    if (m_options.mode == Mode::Assessment) m_options.timed = true;
    recompute();
}

Attempt::~Attempt() = default;
Attempt::Attempt(Attempt&&) noexcept = default;
Attempt& Attempt::operator=(Attempt&&) noexcept = default;

// A copy is a snapshot: the same run, not recording.
Attempt::Attempt(const Attempt& o)
    : m_scenario(o.m_scenario),
      m_options(o.m_options),
      m_turns(o.m_turns),
      m_node(o.m_node),
      m_ending(o.m_ending),
      m_mood(o.m_mood),
      m_last(o.m_last),
      m_rewound(o.m_rewound),
      m_version(o.m_version),
      m_trainee(o.m_trainee),
      m_started(o.m_started),
      m_score(o.m_score),
      m_start(o.m_start) {}

Attempt& Attempt::operator=(const Attempt& o) {
    if (this != &o) *this = Attempt(o);
    return *this;
}

void Attempt::enter(const std::string& id) {
    m_node.clear();
    m_ending.clear();
    if (m_scenario->ending(id)) {
        m_ending = id;
    } else if (m_scenario->node(id)) {
        m_node = id;
    } else {
        // A checked scenario never gets here; end rather than crash on a broken one.
        m_ending = m_scenario->endings.empty() ? std::string("?") : m_scenario->endings.front().id;
    }
}

void Attempt::recompute() {
    m_mood = m_turns.empty() ? startMood() : m_turns.back().after;
    if (!m_turns.empty())
        enter(m_turns.back().next);
    else
        enter(m_start.node.empty() ? m_scenario->start : m_start.node);
}

void Attempt::changed() {
    ++m_version;
    m_score.reset();
    if (!m_writer) return;
    std::string error;
    std::error_code ec;
    if (m_makeFolders && m_save.path.has_parent_path())
        std::filesystem::create_directories(m_save.path.parent_path(), ec);
    m_save.saved = m_writer->write(*this, &error);
    m_save.error = m_save.saved ? std::string() : (error.empty() ? m_save.path.string() : error);
    if (m_save.saved) m_save.savedTurns = static_cast<int>(m_turns.size());
}

const Node* Attempt::node() const { return finished() ? nullptr : m_scenario->node(m_node); }

const Ending* Attempt::ending() const { return m_scenario->ending(m_ending); }

std::string Attempt::customerLine() const {
    if (const Ending* e = ending()) return e->say.get(m_options.lang);
    const Node* n = node();
    return n ? lineAt(m_options, factsAt(*n), *n) : std::string();
}

std::vector<Choice> Attempt::choices() const {
    std::vector<Choice> out;
    const Node* n = node();
    if (!n) return out;
    auto shown = offered(m_options, m_turns.size(), factsAt(*n), *n);
    for (std::size_t i = 0; i < shown.size(); ++i)
        out.push_back({i, shown[i]->id, shown[i]->text.get(m_options.lang)});
    return out;
}

std::vector<std::string> Attempt::shownIds() const {
    std::vector<std::string> ids;
    const Node* n = node();
    if (!n) return ids;
    for (const Answer* a : offered(m_options, m_turns.size(), factsAt(*n), *n))
        ids.push_back(a->id);
    return ids;
}

std::vector<Mood> Attempt::moodCurve() const {
    std::vector<Mood> curve{startMood()};
    for (const auto& t : m_turns) curve.push_back(t.after);
    return curve;
}

double Attempt::readingAllowance() const {
    const Node* n = node();
    if (!n || !m_options.timed || m_scenario->timeLimit <= 0) return 0.0;
    Lang lang = langFromCode(m_options.lang);
    double s = readingSeconds(customerLine(), lang);
    for (const auto& c : choices()) s += readingSeconds(c.text, lang);
    return std::round(s * 1000) / 1000;
}

double Attempt::timeLimit() const {
    return m_options.timed && m_scenario->timeLimit > 0 ? m_scenario->timeLimit + readingAllowance()
                                                        : 0.0;
}

void Attempt::setRewound(std::vector<Rewound> rewound) {
    m_rewound = std::move(rewound);
    changed();
}

double Attempt::hesitationCost(double seconds) const {
    if (timeLimit() <= 0) return 0.0;
    return hesitationDrain(m_scenario->customer, std::max(0.0, seconds - readingAllowance()));
}

bool Attempt::chooseId(const std::string& answerId, double seconds) {
    auto ids = shownIds();
    auto it = std::find(ids.begin(), ids.end(), answerId);
    return it != ids.end() && choose(static_cast<std::size_t>(it - ids.begin()), seconds);
}

bool Attempt::choose(std::size_t index, double seconds) {
    const Node* here = node();
    if (!here || atTurnLimit()) return false;
    auto shown = offered(m_options, m_turns.size(), factsAt(*here), *here);
    if (index >= shown.size()) return false;
    if (!std::isfinite(seconds) || seconds < 0) seconds = 0;
    seconds = std::min(std::round(seconds * 1000) / 1000, 86400.0);  // as a replay records it
    const Answer& answer = *shown[index];
    double allowance = readingAllowance();
    MoodStep step = moodStep(*m_scenario, history(), *here, answer, m_mood, seconds,
                             m_options.timed, allowance);

    Turn t;
    t.node = here->id;
    for (const Answer* a : shown) t.shown.push_back(a->id);
    t.picked = answer.id;
    t.seconds = seconds;
    t.before = m_mood;
    t.after = step.after;
    t.next = answer.next;
    t.allowance = allowance;

    // The thresholds send the call elsewhere, each at most once per run, unless the answer
    // already ends it badly in its own way.
    const Archetype& a = m_scenario->customer;
    const Ending* own = m_scenario->ending(answer.next);
    bool endsBadly = own && (own->kind == EndingKind::Escalated || own->kind == EndingKind::Lost);
    auto used = [&](Redirect r) {
        return std::any_of(m_turns.begin(), m_turns.end(),
                           [r](const Turn& x) { return x.redirect == r; });
    };
    if (!endsBadly && !m_scenario->onEscalate.empty() && t.after.anger() >= a.escalateAnger &&
        !used(Redirect::Escalated)) {
        t.next = m_scenario->onEscalate;
        t.redirect = Redirect::Escalated;
    } else if (!endsBadly && !m_scenario->onWalkOut.empty() &&
               t.after.patience() <= a.walkOutPatience && !used(Redirect::WalkedOut)) {
        t.next = m_scenario->onWalkOut;
        t.redirect = Redirect::WalkedOut;
    }

    TurnOutcome out;
    out.turn = static_cast<int>(m_turns.size()) + 1;
    out.before = t.before;
    out.after = t.after;
    out.redirect = t.redirect;
    out.overTime = step.overTime;
    // An assessment does not coach: no reasons, no order notes, no coaching note. The
    // debrief explains everything afterwards.
    if (m_options.mode == Mode::Practice) {
        out.reasons = std::move(step.reasons);
        out.note = answer.note;
    }

    m_turns.push_back(std::move(t));
    recompute();
    m_last = std::move(out);
    changed();
    return true;
}

bool Attempt::canRewind() const {
    return m_options.mode == Mode::Practice && !m_turns.empty() &&
           m_rewound.size() < static_cast<std::size_t>(kMaxReplayTurns);
}

bool Attempt::atTurnLimit() const {
    return !finished() && m_turns.size() >= static_cast<std::size_t>(kMaxReplayTurns);
}

// What the mood model and the conditions read of the turns, kept in step with them one turn
// at a time: rebuilding it from every earlier turn on each answer made a long run quadratic
// (10,000 turns: 7 s to re-play).
void Attempt::catchUp() const {
    auto add = [&](const Turn& t) {
        addTurn(m_history, *m_scenario, t);
        m_facts.picked.insert(t.picked);
        m_facts.visited.insert(t.node);
        if (const Answer* a = m_scenario->answer(t.node, t.picked))
            m_facts.used.insert(a->tags.begin(), a->tags.end());
    };
    if (m_historyTurns > m_turns.size()) {
        m_history = {};
        m_facts = {};
        m_historyTurns = 0;
        for (const Turn& t : m_start.earlier) add(t);  // a test run's earlier answers
    }
    for (; m_historyTurns < m_turns.size(); ++m_historyTurns) add(m_turns[m_historyTurns]);
}

const Mood& Attempt::startMood() const {
    return m_start.mood ? *m_start.mood : m_scenario->customer.start;
}

RunFacts Attempt::facts() const {
    if (const Node* n = node()) return factsAt(*n);
    catchUp();
    RunFacts f = m_facts;
    f.mood = m_mood;
    return f;
}

const History& Attempt::history() const {
    catchUp();
    return m_history;
}

// In place, not a copy: copying the sets each turn made a long run quadratic. The current node
// counts as visited from the moment the run is there; its turn adds it again when answered, and
// a rewind rebuilds the facts from the turns left.
const RunFacts& Attempt::factsAt(const Node& n) const {
    catchUp();
    m_facts.mood = m_mood;
    m_facts.visited.insert(n.id);
    return m_facts;
}

bool Attempt::rewind() {
    if (!canRewind()) return false;
    m_rewound.push_back({static_cast<int>(m_turns.size()), m_turns.back()});
    m_turns.pop_back();
    m_historyTurns = m_turns.size() + 1;  // rebuilt from the turns left
    recompute();
    m_last.reset();
    changed();
    return true;
}

std::vector<TranscriptLine> Attempt::transcript() const {
    std::vector<TranscriptLine> out;
    const Scenario& sc = *m_scenario;
    auto customer = [&](std::string text) {
        if (text.empty()) return;
        TranscriptLine l;
        l.who = TranscriptLine::Who::Customer;
        l.text = std::move(text);
        out.push_back(std::move(l));
    };
    // The facts each line's variants read, built up one turn at a time (a test run's earlier
    // answers first, as the run itself counts them).
    RunFacts f;
    auto add = [&](const Turn& t) {
        f.picked.insert(t.picked);
        f.visited.insert(t.node);
        if (const Answer* a = sc.answer(t.node, t.picked))
            f.used.insert(a->tags.begin(), a->tags.end());
    };
    for (const Turn& t : m_start.earlier) add(t);
    for (std::size_t i = 0; i < m_turns.size(); ++i) {
        const Turn& t = m_turns[i];
        const Node* n = sc.node(t.node);
        if (n) {
            f.mood = t.before;
            f.visited.insert(n->id);
            customer(lineAt(m_options, f, *n));
        }
        add(t);
        TranscriptLine you;
        you.who = TranscriptLine::Who::Advisor;
        you.turn = static_cast<int>(i) + 1;
        if (const Answer* a = sc.answer(t.node, t.picked)) you.text = a->text.get(m_options.lang);
        you.delta = diff(t.before, t.after);
        out.push_back(std::move(you));
        if (t.redirect != Redirect::None) {
            TranscriptLine e;
            e.who = TranscriptLine::Who::Event;
            e.turn = static_cast<int>(i) + 1;
            e.event = Message(t.redirect == Redirect::Escalated ? Msg::EventEscalated
                                                                : Msg::EventWalkedOut);
            out.push_back(std::move(e));
        }
    }
    customer(customerLine());
    return out;
}

bool Attempt::record(const std::filesystem::path& path, const std::string& trainee,
                     RecordOptions how) {
    m_trainee = trainee;
    m_writer.reset();
    m_save = {};
    m_save.recording = true;
    m_save.path = path;
    m_makeFolders = how.makeFolders;
    std::error_code ec;
    if (m_makeFolders && path.has_parent_path())
        std::filesystem::create_directories(path.parent_path(), ec);
    m_writer = std::make_unique<ReplayWriter>(path, trainee, m_started);
    if (!how.replace) {
        // The claim is the first write: the replay as it stands (its header, no turns yet)
        // goes to a temporary file that is then linked to the path, so of two runs given one
        // path only one gets it, and a file that exists always holds a replay that loads
        // (a run killed at once leaves an unfinished run of 0 turns, never an empty file).
        int code = 0;
        std::string error;
        if (!m_writer->write(*this, &error, WriteMode::CreateNew, &code)) {
            m_writer.reset();
            m_save.error = error.empty() ? path.string() : error;
            m_save.taken = code == EEXIST;
            return false;
        }
        m_save.saved = true;
        m_save.savedTurns = static_cast<int>(m_turns.size());
        return true;
    }
    --m_version;  // writing is not a change of the run
    changed();
    return m_save.saved;
}

bool Attempt::continueRecordingOf(const Attempt& old) {
    if (!old.m_save.recording) return false;
    m_started = old.m_started;
    m_rewound = old.m_rewound;  // the answers taken back stay counted
    RecordOptions how;
    how.replace = true;
    how.makeFolders = false;
    return record(old.m_save.path, old.m_trainee, how);
}

const ScoreReport& Attempt::score() const {
    if (!m_score)
        m_score = scoreRun(*m_scenario, TurnSpan(m_turns), startMood(), ending(), m_options.timed,
                           true, static_cast<int>(m_rewound.size()));
    return *m_score;
}

}  // namespace defuse
