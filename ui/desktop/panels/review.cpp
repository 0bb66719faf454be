// The replay viewer.
#include "panels/review.hpp"

#include <algorithm>
#include <cstdio>

#include "defuse/mood_step.hpp"
#include "panels/debrief_chart.hpp"
#include "widgets.hpp"

namespace defuse::desktop {

namespace {

std::string fixed1(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

/// "Anger 85 → 89  ·  Trust 15 → 6  ·  Patience 40 → 38".
std::string moodMove(const TextCtx& tx, const Mood& before, const Mood& after) {
    std::string out;
    for (Dim d : {Dim::Anger, Dim::Trust, Dim::Patience}) {
        if (!out.empty()) out += "  \u00B7  ";
        out += tx.label(dimMsg(d)) + " " + std::to_string(before.get(d)) + " \u2192 " +
               std::to_string(after.get(d));
    }
    return out;
}

/// What an answer says, in the language of the moment (its id when the scenario lost it).
std::string answerText(const TextCtx& tx, const Scenario& sc, const std::string& node,
                       const std::string& id) {
    const Answer* a = sc.answer(node, id);
    return a != nullptr ? tx.of(a->text) : id;
}

std::string endingTitle(const TextCtx& tx, const Scenario& sc, const std::string& id) {
    const Ending* e = sc.ending(id);
    return e != nullptr ? tx.of(e->title) : std::string(tx.t(Msg::UiUnfinished));
}

/// The chart's per-turn entries for a run given as nodes and answers.
std::vector<MoodChartTurn> chartTurns(const TextCtx& tx, const Scenario& sc,
                                      const std::vector<Turn>& turns, std::size_t upTo,
                                      const Continuation* then, const ScoreReport* report) {
    std::vector<MoodChartTurn> out;
    for (std::size_t i = 0; i < std::min(upTo, turns.size()); ++i) {
        MoodChartTurn ct;
        ct.picked = answerText(tx, sc, turns[i].node, turns[i].picked);
        out.push_back(std::move(ct));
    }
    if (then != nullptr)
        for (std::size_t i = 0; i < then->answers.size(); ++i) {
            MoodChartTurn ct;
            ct.picked = answerText(tx, sc, then->nodes[i], then->answers[i]);
            out.push_back(std::move(ct));
        }
    if (report != nullptr)
        for (const BetterAnswer& b : report->better)
            if (b.turn >= 1 && b.turn <= static_cast<int>(out.size()))
                out[static_cast<std::size_t>(b.turn - 1)].betterExisted = true;
    return out;
}

}  // namespace

void ReviewPanel::draw(Shell& sh) {
    Review* r = sh.nav.review();
    if (r == nullptr || m_picking) return drawOpen(sh);
    if (r->poll()) sh.ui.frames.animate();  // a what-if arrived: draw it
    if (r->whatIfPending()) sh.ui.frames.wakeAt(sh.ui.now() + 0.05);
    // The arrow keys step through the turns (not while typing).
    if (!ImGui::GetIO().WantTextInput && r->view() == ReviewView::Turns) {
        if (ImGui::IsKeyPressed(ImGuiKey_RightArrow) || ImGui::IsKeyPressed(ImGuiKey_DownArrow))
            r->setTurn(r->turn() + 1);
        if ((ImGui::IsKeyPressed(ImGuiKey_LeftArrow) || ImGui::IsKeyPressed(ImGuiKey_UpArrow)) &&
            r->turn() > 0)
            r->setTurn(r->turn() - 1);
    }
    drawHeader(sh, *r);
    drawNotesEditor(sh, *r);
    r = sh.nav.review();  // saving notes reopens the replay
    if (r == nullptr) return;
    ImGui::Spacing();
    if (r->view() == ReviewView::Score) return drawScore(sh, *r);
    const float fs = ImGui::GetFontSize();
    ui::beginCard("timeline", ImVec2(fs * 14.0f, 0));
    drawTimeline(sh, *r);
    ui::endCard();
    ImGui::SameLine();
    drawTurn(sh, *r);
}

// [SECTION] Opening a replay

void ReviewPanel::drawOpen(Shell& sh) {
    const TextCtx tx = sh.ui.text();
    const float fs = ImGui::GetFontSize();
    ui::title(tx, tx.t(Msg::UiOpenReplay));
    ui::textWrapped(tx, tx.t(Msg::UiDropReplay), theme::kMuted);
    ImGui::SetNextItemWidth(std::min(fs * 34, ImGui::GetContentRegionAvail().x - fs * 8));
    tx.want(m_path.data());
    const bool enter =
        ImGui::InputTextWithHint("##replay", tx.t(Msg::UiReplayHint), m_path.data(), m_path.size(),
                                 ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if ((ImGui::Button(tx.t(Msg::UiAdd)) || enter) && m_path[0] != '\0' &&
        sh.openReplay(std::filesystem::path(m_path.data()))) {
        m_path[0] = '\0';
        m_picking = false;
    }
    if (sh.nav.review() != nullptr) {
        ImGui::SameLine();
        if (ImGui::Button(tx.t(Msg::UiBack))) m_picking = false;
    }
    ImGui::Spacing();
    ui::heading(tx, tx.t(Msg::UiEarlierAttempts));
    // Every earlier attempt at a scenario in the library, newest first.
    struct Row {
        const PastAttempt* attempt;
        const Scenario* scenario;
    };
    std::vector<Row> rows;
    const History& history = sh.catalogue.history();
    for (const LibraryEntry& e : sh.catalogue.library().entries()) {
        if (!e.scenario) continue;
        bool seen = false;  // a scenario in two folders lists its attempts once
        for (const Row& row : rows) seen = seen || row.scenario->id == e.scenario->id;
        if (seen) continue;
        for (const PastAttempt& p : history.of(e.scenario->id))
            rows.push_back({&p, e.scenario.get()});
    }
    std::stable_sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
        return a.attempt->started > b.attempt->started;
    });
    if (!history.loaded()) return ui::textColored(tx, theme::kMuted, tx.t(Msg::UiLoadingHistory));
    if (rows.empty()) return ui::textColored(tx, theme::kMuted, tx.t(Msg::UiNoAttempts));
    ImGui::BeginChild("attempts", ImVec2(0, 0), false);
    if (ImGui::BeginTable(
            "attempts", 5,
            ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_PadOuterX)) {
        ImGui::TableSetupColumn("when", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("what", ImGuiTableColumnFlags_WidthStretch);
        ImGui::TableSetupColumn("mode", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("ending", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("score", ImGuiTableColumnFlags_WidthFixed);
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const PastAttempt& p = *rows[i].attempt;
            ImGui::PushID(static_cast<int>(i));
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            std::string when = p.started;
            std::replace(when.begin(), when.end(), 'T', ' ');
            if (!when.empty() && when.back() == 'Z') when.pop_back();
            tx.want(when);
            if (ImGui::Selectable(when.c_str(), false, ImGuiSelectableFlags_SpanAllColumns) &&
                sh.openReplay(p.file))
                m_picking = false;
            ImGui::TableNextColumn();
            ui::text(tx, tx.of(rows[i].scenario->title));
            ImGui::TableNextColumn();
            ui::textColored(
                tx, theme::kMuted,
                tx.t(p.mode == Mode::Practice ? Msg::ModePractice : Msg::ModeAssessment));
            ImGui::TableNextColumn();
            ui::textColored(tx, theme::kMuted,
                            p.finished ? endingTitle(tx, *rows[i].scenario, p.ending)
                                       : std::string(tx.t(Msg::UiUnfinished)));
            ImGui::TableNextColumn();
            ui::textColored(tx, theme::scoreColor(p.total / 100.0),
                            std::to_string(p.total) + "  " + p.grade);
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    ImGui::EndChild();
}

// [SECTION] The run

void ReviewPanel::drawHeader(Shell& sh, const Review& r) {
    const TextCtx tx = sh.ui.text();
    const float fs = ImGui::GetFontSize();
    const Replay& rp = r.replay();
    const ScoreReport& rep = r.report();
    const Scenario& sc = r.scenario();
    ImGui::BeginGroup();
    ui::textColored(tx, theme::kMuted, tx.tr(Msg::UiReplayOf, {tx.of(sc.title)}));
    ImGui::PushFont(sh.ui.fonts.title());
    ui::text(tx, rp.trainee.empty() ? std::string("\u2014") : rp.trainee);
    ImGui::PopFont();
    ImGui::SameLine(0, fs);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + fs * 0.45f);
    ImGui::PushFont(sh.ui.fonts.title());
    ui::textColored(tx, theme::scoreColor(rep.total / 100.0),
                    std::to_string(rep.total) + "  " + rep.grade);
    ImGui::PopFont();
    ui::pill(tx, tx.t(rp.mode == Mode::Practice ? Msg::ModePractice : Msg::ModeAssessment),
             theme::kAccentSoft, theme::kAccent);
    if (const Ending* e = r.attempt().ending())
        ui::pill(tx, tx.of(e->title), theme::endingColor(e->kind), theme::rgba(255, 255, 255),
                 true);
    else
        ui::pill(tx, tx.t(Msg::UiUnfinished), theme::rgba(236, 232, 225), theme::kText, true);
    ImGui::SameLine(0, fs);
    std::string when = rp.started;
    std::replace(when.begin(), when.end(), 'T', ' ');
    if (!when.empty() && when.back() == 'Z') when.pop_back();
    ui::textColored(tx, theme::kMuted,
                    tx.tr(Msg::UiTurnsTaken, {std::to_string(r.turnCount())}) + "  \u00B7  " +
                        tx.tr(Msg::UiPlayedAt, {when}) + "  \u00B7  " +
                        r.file().filename().string());
    if (r.scenarioChanged()) ui::textWrapped(tx, tx.t(Msg::UiScenarioChangedSince), theme::kWarn);
    drawTrust(sh, r);
    ImGui::EndGroup();

    // The views, and another replay, on the right.
    const ImGuiStyle& style = ImGui::GetStyle();
    auto btnW = [&](const char* s) {
        return ImGui::CalcTextSize(s).x + style.FramePadding.x * 2 + style.ItemSpacing.x;
    };
    const float w = btnW(tx.t(Msg::UiTurnByTurn)) + btnW(tx.t(Msg::UiScoreTab)) +
                    btnW(tx.t(Msg::UiOpenAnother)) + fs;
    ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - w);
    auto viewButton = [&](Msg label, ReviewView v) {
        const bool on = r.view() == v;
        ImGui::PushStyleColor(ImGuiCol_Button, on ? theme::kAccent : theme::kAccentSoft);
        ImGui::PushStyleColor(ImGuiCol_Text, on ? theme::rgba(255, 255, 255) : theme::kAccent);
        if (ImGui::Button(tx.t(label))) sh.nav.review()->setView(v);
        ImGui::PopStyleColor(2);
    };
    viewButton(Msg::UiTurnByTurn, ReviewView::Turns);
    ImGui::SameLine();
    viewButton(Msg::UiScoreTab, ReviewView::Score);
    ImGui::SameLine(0, style.ItemSpacing.x + fs);
    if (ImGui::Button(tx.t(Msg::UiOpenAnother))) m_picking = true;
}

void ReviewPanel::drawTrust(Shell& sh, const Review& r) {
    const TextCtx tx = sh.ui.text();
    // The signature, checked when the replay was opened.
    const SignatureState& sig = r.signature();
    std::string at = sig.at;
    std::replace(at.begin(), at.end(), 'T', ' ');
    if (!at.empty() && at.back() == 'Z') at.pop_back();
    if (!sig.trustedKeyError.empty())
        ui::textWrapped(tx, tx.tr(Msg::UiTrustedKeyBad, {tx(sig.trustedKeyError)}), theme::kBad);
    switch (sig.kind) {
        case SignatureState::Kind::None:
            ui::textColored(tx, theme::kMuted, tx.t(Msg::UiNotSigned));
            break;
        case SignatureState::Kind::Valid:
            if (!sig.trustedKey.empty()) {
                ui::textColored(tx, theme::kGood, tx.tr(Msg::UiSignedTrusted, {sig.key, at}));
                break;
            }
            ui::textColored(tx, theme::kGood, tx.tr(Msg::UiSignedValid, {sig.key, at}));
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", tx.t(Msg::UiSignedKeyHint));
            break;
        case SignatureState::Kind::OtherKey:
            ui::textWrapped(tx, tx.tr(Msg::UiSignedUntrusted, {sig.key, sig.trustedKey}),
                            theme::kBad);
            break;
        case SignatureState::Kind::Changed: {
            std::string changes;
            for (const Message& m : sig.changes) changes += (changes.empty() ? "" : "; ") + tx(m);
            ui::textWrapped(tx, tx.tr(Msg::UiSignedChanged, {sig.key, at, changes}), theme::kBad);
            break;
        }
        case SignatureState::Kind::Bad:
            ui::textColored(tx, theme::kBad, tx.t(Msg::UiSignatureBad));
            break;
    }
    // The assessor's mark beside (never replacing) the score, and the note on the run.
    const AssessorNotes& notes = r.replay().notes;
    if (notes.mark != OverrideMark::None)
        ui::textWrapped(tx,
                        tx.tr(notes.mark == OverrideMark::Pass ? Msg::UiMarkPass : Msg::UiMarkFail,
                              {notes.reason}),
                        notes.mark == OverrideMark::Pass ? theme::kGood : theme::kBad);
    if (const AssessorNote* n = r.note(0))
        ui::textWrapped(tx, tx.tr(Msg::UiLabelled, {tx.t(Msg::UiRunNote), n->text}),
                        theme::kAccent);
    if (r.resignNeeded())
        ui::textWrapped(tx, tx.tr(Msg::UiNotesResignNeeded, {r.file().string()}), theme::kWarn);
    if (ImGui::SmallButton(tx.t(Msg::UiEditNotes)) && sh.nav.review() != nullptr)
        sh.nav.review()->openDraft();
}

void ReviewPanel::drawTimeline(Shell& sh, Review& r) {
    const TextCtx tx = sh.ui.text();
    const float fs = ImGui::GetFontSize();
    const Attempt& a = r.attempt();
    const float w = ImGui::GetContentRegionAvail().x;
    for (std::size_t i = 0; i < a.turns().size(); ++i) {
        const Turn& t = a.turns()[i];
        const bool on = i == r.turn();
        ImGui::PushID(static_cast<int>(i));
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const ImVec2 size(w, fs * 2.5f);
        if (ImGui::InvisibleButton("turn", size)) r.setTurn(i);
        const bool hovered = ImGui::IsItemHovered();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        if (on || hovered)
            dl->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y),
                              on ? theme::kAccentSoft : theme::kCardHover, fs * 0.3f);
        if (on)
            dl->AddRectFilled(p, ImVec2(p.x + fs * 0.2f, p.y + size.y), theme::kAccent, fs * 0.3f);
        const std::string label = tx.tr(Msg::UiTurn, {std::to_string(i + 1)});
        ui::drawText(tx, dl, sh.ui.fonts.bold(), ImVec2(p.x + fs * 0.5f, p.y + fs * 0.15f),
                     on ? theme::kAccent : theme::kText, label);
        // How the anger moved, and a mark where a better answer existed or a critical slip.
        const int d = t.after.anger() - t.before.anger();
        const std::string delta = tx.label(Msg::DimAnger) + " " +
                                  (d > 0   ? "+"
                                   : d < 0 ? "\u2212"
                                           : "\u00B1") +
                                  std::to_string(std::abs(d));
        const ImVec2 ds = ui::measure(sh.ui.fonts.regular(), delta);
        ui::drawText(tx, dl, sh.ui.fonts.regular(),
                     ImVec2(p.x + size.x - ds.x - fs * 0.3f, p.y + fs * 0.15f),
                     d > 0   ? theme::kBad
                     : d < 0 ? theme::kGood
                             : theme::kMuted,
                     delta);
        bool critical = false;
        for (const CriticalMistake& c : r.report().criticals)
            critical = critical || c.turn == static_cast<int>(i) + 1;
        const float x = p.x + fs * 0.5f + ui::measure(sh.ui.fonts.bold(), label).x + fs * 0.4f;
        if (critical || r.better(i) != nullptr)
            dl->AddCircleFilled(ImVec2(x, p.y + fs * 0.7f), fs * 0.25f,
                                critical ? theme::kBad : theme::kWarn);
        // What was said, cut to one line.
        std::string said = answerText(tx, r.scenario(), t.node, t.picked);
        const float room = size.x - fs * 0.8f;
        ImFont* font = sh.ui.fonts.regular();
        if (ui::measure(font, said).x > room) {
            while (!said.empty() && ui::measure(font, said + "...").x > room) {
                // Whole characters only: the continuation bytes, then the lead byte.
                while (!said.empty() && (static_cast<unsigned char>(said.back()) & 0xC0) == 0x80)
                    said.pop_back();
                if (!said.empty()) said.pop_back();
            }
            said += "...";
        }
        ui::drawText(tx, dl, font, ImVec2(p.x + fs * 0.5f, p.y + fs * 1.25f), theme::kMuted, said);
        ImGui::PopID();
    }
}

void ReviewPanel::drawTurn(Shell& sh, Review& r) {
    const TextCtx tx = sh.ui.text();
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float leftW = (ImGui::GetContentRegionAvail().x - gap) * 0.52f;
    ui::beginCard("turn", ImVec2(leftW, 0));
    {
        const std::size_t i = r.turn();
        const Turn& t = r.attempt().turns()[i];
        ImGui::PushFont(sh.ui.fonts.bold());
        ui::textColored(
            tx, theme::kAccent,
            tx.tr(Msg::UiTurn, {std::to_string(i + 1)}) + "  /  " + std::to_string(r.turnCount()));
        ImGui::PopFont();
        const ImGuiStyle& style = ImGui::GetStyle();
        const float navW = ImGui::CalcTextSize(tx.t(Msg::UiPrevTurn)).x +
                           ImGui::CalcTextSize(tx.t(Msg::UiNextTurn)).x + style.FramePadding.x * 4 +
                           style.ItemSpacing.x;
        ImGui::SameLine(ImGui::GetWindowContentRegionMax().x - navW);
        ImGui::BeginDisabled(i == 0);
        if (ImGui::SmallButton(tx.t(Msg::UiPrevTurn))) r.setTurn(i - 1);
        ImGui::EndDisabled();
        ImGui::SameLine();
        ImGui::BeginDisabled(i + 1 >= r.turnCount());
        if (ImGui::SmallButton(tx.t(Msg::UiNextTurn))) r.setTurn(i + 1);
        ImGui::EndDisabled();
        // How the mood moved, and the time taken.
        const AttemptOptions& o = r.attempt().options();
        const double limit =
            o.timed && r.scenario().timeLimit > 0 ? r.scenario().timeLimit + t.allowance : 0.0;
        ui::textColored(
            tx, theme::kMuted,
            tx.tr(Msg::UiLabelled, {tx.t(Msg::UiMoodMove), moodMove(tx, t.before, t.after)}));
        ui::textColored(tx, limit > 0 && t.seconds > limit ? theme::kBad : theme::kMuted,
                        limit > 0 ? tx.tr(Msg::UiTimeTakenOf, {fixed1(t.seconds), fixed1(limit)})
                                  : tx.tr(Msg::UiTimeTaken, {fixed1(t.seconds)}));
        if (const AssessorNote* n = r.note(static_cast<int>(i) + 1))
            ui::textWrapped(tx, tx.tr(Msg::UiLabelled, {tx.t(Msg::UiTurnNote), n->text}),
                            theme::kAccent);
        // The customer's line.
        ImGui::Spacing();
        ImGui::PushFont(sh.ui.fonts.bold());
        ui::text(tx, tx(r.scenario().displayName()));
        ImGui::PopFont();
        ui::textWrapped(tx, r.customerLine(i, tx.lang));
        ImGui::Spacing();
        drawAnswers(sh, r);
        if (const BetterAnswer* b = r.better(i)) {
            ImGui::Spacing();
            ui::textWrapped(tx,
                            tx.tr(Msg::UiLabelled, {tx.t(Msg::UiBetterWas), tx.of(b->betterText)}),
                            theme::kGood);
            if (!b->why.empty()) ui::textWrapped(tx, tx(b->why), theme::kMuted);
        }
    }
    ui::endCard();
    ImGui::SameLine();
    ui::beginCard("curves", ImVec2(0, 0));
    drawCurves(sh, r);
    drawWhatIf(sh, r);
    ui::endCard();
}

void ReviewPanel::drawAnswers(Shell& sh, Review& r) {
    const TextCtx tx = sh.ui.text();
    const float fs = ImGui::GetFontSize();
    const std::size_t i = r.turn();
    const Turn& t = r.attempt().turns()[i];
    const BetterAnswer* better = r.better(i);
    ui::heading(tx, tx.t(Msg::UiOnOffer));
    if (!ImGui::BeginTable("offer", 3, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_PadOuterX))
        return;
    const float askW =
        ImGui::CalcTextSize(tx.t(Msg::UiWhatIfAsk)).x + ImGui::GetStyle().FramePadding.x * 2;
    ImGui::TableSetupColumn("n", ImGuiTableColumnFlags_WidthFixed, fs * 1.2f);
    ImGui::TableSetupColumn("text", ImGuiTableColumnFlags_WidthStretch);
    ImGui::TableSetupColumn("ask", ImGuiTableColumnFlags_WidthFixed, askW);
    for (std::size_t k = 0; k < t.shown.size(); ++k) {
        const std::string& id = t.shown[k];
        const bool picked = id == t.picked;
        const bool isBetter = better != nullptr && better->better == id;
        const bool asked = r.whatIfAnswer() == id;
        ImGui::PushID(static_cast<int>(k));
        ImGui::TableNextRow();
        if (asked)
            ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, theme::rgba(253, 235, 208));
        else if (picked)
            ImGui::TableSetBgColor(ImGuiTableBgTarget_RowBg0, theme::kAccentSoft);
        ImGui::TableNextColumn();
        ImGui::PushFont(sh.ui.fonts.bold());
        ui::textColored(tx, picked ? theme::kAccent : theme::kMuted, std::to_string(k + 1));
        ImGui::PopFont();
        ImGui::TableNextColumn();
        ui::textWrapped(tx, answerText(tx, r.scenario(), t.node, id),
                        picked ? theme::kText : theme::rgba(70, 70, 74));
        if (picked) ui::pill(tx, tx.t(Msg::UiPicked), theme::kAccent, theme::rgba(255, 255, 255));
        if (isBetter)
            ui::pill(tx, tx.t(Msg::UiBetterPill), theme::kGood, theme::rgba(255, 255, 255), picked);
        ImGui::TableNextColumn();
        ImGui::PushStyleColor(ImGuiCol_Button, asked ? theme::kWarn : theme::rgba(246, 238, 224));
        ImGui::PushStyleColor(ImGuiCol_Text, asked ? theme::rgba(255, 255, 255) : theme::kWarn);
        if (ImGui::SmallButton(tx.t(Msg::UiWhatIfAsk))) r.askWhatIf(id);
        ImGui::PopStyleColor(2);
        ImGui::PopID();
    }
    ImGui::EndTable();
}

void ReviewPanel::drawCurves(Shell& sh, const Review& r) {
    const TextCtx tx = sh.ui.text();
    const float fs = ImGui::GetFontSize();
    ui::heading(tx, tx.t(Msg::UiCurveReal));
    ImGui::PushID("real");
    drawMoodChart(
        tx, r.attempt().moodCurve(),
        chartTurns(tx, r.scenario(), r.attempt().turns(), r.turnCount(), nullptr, &r.report()),
        ImVec2(ImGui::GetContentRegionAvail().x, fs * 8.5f), static_cast<int>(r.turn()) + 1);
    ImGui::PopID();
}

void ReviewPanel::drawWhatIf(Shell& sh, const Review& r) {
    const TextCtx tx = sh.ui.text();
    const float fs = ImGui::GetFontSize();
    ImGui::Spacing();
    ui::heading(tx, tx.t(Msg::UiCurveWhatIf));
    const WhatIf* w = r.whatIf();
    if (w == nullptr || !w->ok()) {
        ui::textWrapped(tx, tx.t(r.whatIfPending() ? Msg::UiWhatIfSearching : Msg::UiWhatIfHelp),
                        theme::kMuted);
        return;
    }
    const Scenario& sc = r.scenario();
    const Turn& t = r.attempt().turns()[r.turn()];
    ui::textWrapped(tx,
                    w->answer == w->picked
                        ? std::string(tx.t(Msg::UiWhatIfSameAnswer))
                        : tx.tr(Msg::UiWhatIfAnswer, {answerText(tx, sc, t.node, w->answer)}),
                    theme::kWarn);
    // Best and worst still reachable, and the run as it was: score, grade, ending.
    if (ImGui::BeginTable("range", 3, ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_PadOuterX)) {
        ImGui::TableSetupColumn("what", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("score", ImGuiTableColumnFlags_WidthFixed);
        ImGui::TableSetupColumn("ending", ImGuiTableColumnFlags_WidthStretch);
        const Ending* real = r.attempt().ending();
        auto row = [&](Msg label, int score, const std::string& grade, const std::string& ending) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ui::textColored(tx, theme::kMuted, tx.t(label));
            ImGui::TableNextColumn();
            ImGui::PushFont(sh.ui.fonts.bold());
            ui::textColored(tx, theme::scoreColor(score / 100.0),
                            std::to_string(score) + "  " + grade);
            ImGui::PopFont();
            ImGui::TableNextColumn();
            ui::textWrapped(tx, ending, theme::kText);
        };
        row(Msg::UiWhatIfBest, w->best.score, w->best.grade, endingTitle(tx, sc, w->best.ending));
        row(Msg::UiWhatIfWorst, w->worst.score, w->worst.grade,
            endingTitle(tx, sc, w->worst.ending));
        row(Msg::UiWhatIfReal, w->realScore, r.report().grade,
            real != nullptr ? tx.of(real->title) : std::string(tx.t(Msg::UiUnfinished)));
        ImGui::EndTable();
    }
    ImGui::PushID("whatif");
    drawMoodChart(
        tx, w->best.curve, chartTurns(tx, sc, r.attempt().turns(), r.turn(), &w->best, nullptr),
        ImVec2(ImGui::GetContentRegionAvail().x, fs * 8.5f), static_cast<int>(r.turn()) + 1);
    ImGui::PopID();
    if (w->boundHit)
        ui::textWrapped(tx, tx.t(Msg::UiWhatIfBound), theme::kBad);
    else
        ui::textColored(tx, theme::kMuted, tx.tr(Msg::UiWhatIfPaths, {std::to_string(w->paths)}));
    // The best way on, answer by answer.
    if (w->best.answers.size() > 1) {
        ImGui::Spacing();
        ImGui::PushFont(sh.ui.fonts.bold());
        ui::text(tx, tx.t(Msg::UiWhatIfThen));
        ImGui::PopFont();
        for (std::size_t k = 1; k < w->best.answers.size(); ++k)
            ui::textWrapped(
                tx,
                tx.tr(Msg::UiLabelled,
                      {tx.tr(Msg::UiTurn, {std::to_string(w->turn + static_cast<int>(k))}),
                       answerText(tx, sc, w->best.nodes[k], w->best.answers[k])}),
                theme::kMuted);
    }
}

void ReviewPanel::drawScore(Shell& sh, const Review& r) {
    const float colW = (ImGui::GetContentRegionAvail().x - ImGui::GetStyle().ItemSpacing.x) * 0.5f;
    ui::beginCard("lines", ImVec2(colW, 0));
    m_debrief.drawCriticals(sh, r.attempt());
    m_debrief.drawLines(sh, r.report());
    ui::endCard();
    ImGui::SameLine();
    ui::beginCard("more", ImVec2(0, 0));
    m_debrief.drawCompetencies(sh, r.report());
    ImGui::Spacing();
    m_debrief.drawBetter(sh, r.attempt());
    m_debrief.drawRewound(sh, r.attempt());
    ui::endCard();
}

}  // namespace defuse::desktop
