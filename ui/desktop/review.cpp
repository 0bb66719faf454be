// Opening a replay for review, and the what-if search.
#include "review.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace defuse::desktop {

bool looksLikeReplay(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    std::string head(4096, '\0');
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head.resize(static_cast<std::size_t>(in.gcount()));
    return head.rfind("defuse_replay:", 0) == 0 ||
           head.find("\ndefuse_replay:") != std::string::npos;
}

namespace {

std::optional<std::string> readAll(const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

SignatureState signatureOf(const std::filesystem::path& file, const Replay& replay,
                           const std::filesystem::path& trustedKey) {
    SignatureState s;
    std::string pub;
    if (!trustedKey.empty()) {
        Message why;
        if (auto key = readPublicKey(trustedKey, why)) {
            pub = *key;
            s.trustedKey = keyFingerprint(pub);
        } else {
            s.trustedKeyError = why;
        }
    }
    const auto raw = readAll(file);
    if (!raw) return s;
    const std::optional<Verification> v = verifyReplayFile(file, replay, *raw, pub);
    if (!v) return s;
    s.kind = SignatureState::Kind::Bad;
    s.key = v->signedBy;
    s.at = v->signedAt;
    switch (v->status) {
        case VerifyStatus::Valid:
            s.kind = SignatureState::Kind::Valid;
            break;
        case VerifyStatus::Changed:
            s.kind = SignatureState::Kind::Changed;
            s.changes = v->changes;
            break;
        case VerifyStatus::OtherKey:
            s.kind = SignatureState::Kind::OtherKey;
            break;
        case VerifyStatus::BadSignature:
            break;
    }
    return s;
}

void fill(char* buf, std::size_t size, const std::string& text) {
    std::snprintf(buf, size, "%s", text.c_str());
}

}  // namespace

std::unique_ptr<Review> Review::open(const std::filesystem::path& file, const Library& library,
                                     std::vector<Diagnostic>& diagnostics,
                                     const std::filesystem::path& trustedKey) {
    LoadResult<Replay> lr = loadReplay(file);
    diagnostics = lr.diagnostics;
    if (!lr.ok()) return nullptr;
    std::unique_ptr<Review> r(new Review());
    r->m_file = file;
    r->m_replay = *lr.value;
    const auto& entries = library.entries();
    const auto entry = std::find_if(entries.begin(), entries.end(), [&](const LibraryEntry& e) {
        return e.scenario && e.scenario->id == r->m_replay.scenarioId &&
               e.scenario->hash == r->m_replay.scenarioHash;
    });
    r->m_rescored = entry != entries.end() ? rescoreWith(r->m_replay, entry->scenario)
                                           : rescore(r->m_replay, library.folders());
    for (const Diagnostic& d : r->m_rescored.diagnostics) diagnostics.push_back(d);
    if (!r->m_rescored.ok() || hasErrors(r->m_rescored.diagnostics)) return nullptr;
    r->m_signature = signatureOf(file, r->m_replay, trustedKey);
    // The customer's line at each turn, in both languages: an attempt re-played up to it says
    // it (lines vary with the mood and what was said before).
    const Attempt& a = *r->m_rescored.attempt;
    const std::vector<Turn>& turns = a.turns();
    for (std::size_t i = 0; i < turns.size(); ++i) {
        std::array<std::string, 2> line;
        for (Lang l : {Lang::En, Lang::Zh}) {
            AttemptOptions o = a.options();
            o.lang = std::string(langCode(l));
            const Attempt upTo(
                r->m_rescored.scenario, o,
                std::vector<Turn>(turns.begin(), turns.begin() + static_cast<std::ptrdiff_t>(i)));
            line[l == Lang::En ? 0 : 1] = upTo.customerLine();
        }
        r->m_lines.push_back(std::move(line));
    }
    return r;
}

Review::~Review() {
    if (m_pending.valid()) m_pending.wait();
    for (auto& f : m_dropped) f.wait();
}

void Review::openDraft() {
    m_draft = NotesDraft();
    m_draft.open = true;
    m_draft.turn = static_cast<int>(m_turn) + 1;
    if (const AssessorNote* n = note(m_draft.turn))
        fill(m_draft.turnNote.data(), m_draft.turnNote.size(), n->text);
    if (const AssessorNote* n = note(0))
        fill(m_draft.runNote.data(), m_draft.runNote.size(), n->text);
    m_draft.mark = m_replay.notes.mark;
    fill(m_draft.reason.data(), m_draft.reason.size(), m_replay.notes.reason);
}

bool Review::scenarioChanged() const {
    return !m_replay.scenarioHash.empty() && m_replay.scenarioHash != scenario().hash;
}

const std::string& Review::customerLine(std::size_t turn, Lang lang) const {
    static const std::string none;
    if (turn >= m_lines.size()) return none;
    return m_lines[turn][lang == Lang::En ? 0 : 1];
}

const BetterAnswer* Review::better(std::size_t turn) const {
    for (const BetterAnswer& b : report().better)
        if (b.turn == static_cast<int>(turn) + 1) return &b;
    return nullptr;
}

void Review::setTurn(std::size_t turn) {
    if (turnCount() == 0) return;
    turn = std::min(turn, turnCount() - 1);
    if (turn == m_turn) return;
    m_turn = turn;
    clearWhatIf();
}

void Review::askWhatIf(const std::string& answer) {
    if (turnCount() == 0) return;
    if (answer == m_askedAnswer && (m_whatIf || m_pending.valid())) return;
    clearWhatIf();
    m_askedAnswer = answer;
    // The search gets its own copies: the review may be closed while it runs.
    m_pending =
        std::async(std::launch::async,
                   [scenario = m_rescored.scenario, options = attempt().options(),
                    turns = attempt().turns(), turn = static_cast<int>(m_turn) + 1,
                    answer] { return defuse::whatIf(scenario, options, turns, turn, answer); });
}

void Review::clearWhatIf() {
    // A search is bounded; it ends on its own and poll() lets it go. The frame never waits.
    if (m_pending.valid()) m_dropped.push_back(std::move(m_pending));
    m_pending = {};
    m_whatIf.reset();
    m_askedAnswer.clear();
}

bool Review::poll() {
    m_dropped.erase(std::remove_if(m_dropped.begin(), m_dropped.end(),
                                   [](const std::future<WhatIf>& f) {
                                       return f.wait_for(std::chrono::seconds(0)) ==
                                              std::future_status::ready;
                                   }),
                    m_dropped.end());
    if (!m_pending.valid() ||
        m_pending.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
        return false;
    m_whatIf = m_pending.get();
    return true;
}

void Review::wait() {
    if (m_pending.valid()) m_pending.wait();
    poll();
}

}  // namespace defuse::desktop
