// The conversation screen. Everything it shows of the run comes from the engine's Attempt:
// the mood, the transcript, what the last answer did, the answers on offer.
#include "panels/conversation.hpp"

#include <GLFW/glfw3.h>

#include <cmath>
#include <functional>

#include "defuse/replay.hpp"
#include "defuse/scoring_model.hpp"
#include "defuse/workbench.hpp"
#include "portrait.hpp"
#include "widgets.hpp"

namespace defuse::desktop {

namespace {

using ui::operator+;
using ui::operator-;

constexpr double kMeterSpeed = 5.0;  // per second, exponential approach
constexpr double kFlashSeconds = 1.6;
constexpr double kSpeakSeconds = 1.2;
constexpr double kFadeSeconds = 0.35;

/// The number keys answer only when no text field and no settings window takes them.
bool keysFree(const Shell& sh) { return !ImGui::GetIO().WantTextInput && !sh.nav.settingsOpen(); }

ImU32 withAlpha(ImU32 c, float a) {
    const auto alpha = static_cast<unsigned>(255.0f * std::clamp(a, 0.0f, 1.0f));
    return (c & 0x00FFFFFFu) | (alpha << IM_COL32_A_SHIFT);
}

}  // namespace

void ConversationPanel::sync(Shell& sh, const Play& play) {
    const Attempt& a = play.attempt();
    const Mood& m = a.mood();
    const double now = sh.ui.now();
    if (m_serial != sh.nav.playSerial()) {  // a new attempt: snap to its mood
        m_serial = sh.nav.playSerial();
        m_version = a.version();
        for (std::size_t i = 0; i < 3; ++i) m_shown[i] = static_cast<float>(m.v[i]);
        m_delta = {0, 0, 0};
        m_changedAt = now;
        m_lastFrame = now;
        m_scrollFrames = 2;
    }
    if (m_version != a.version()) {
        m_version = a.version();
        m_changedAt = now;
        m_scrollFrames = 3;
        const auto& last = a.lastOutcome();
        for (std::size_t i = 0; i < 3; ++i)
            m_delta[i] = last ? last->after.v[i] - last->before.v[i] : 0;
    }
    const double dt = std::clamp(now - m_lastFrame, 0.0, 0.1);
    m_lastFrame = now;
    const float k = static_cast<float>(1.0 - std::exp(-dt * kMeterSpeed));
    // Hesitating costs patience (like silence on a phone line): in a timed scenario the meter
    // drains as the engine will count it once the answer comes.
    std::array<float, 3> targets{static_cast<float>(m.v[0]), static_cast<float>(m.v[1]),
                                 static_cast<float>(m.v[2])};
    if (!a.finished())
        targets[2] =
            static_cast<float>(std::max(0.0, m.patience() - a.hesitationCost(play.elapsed(now))));
    for (std::size_t i = 0; i < 3; ++i) {
        const float target = targets[i];
        m_shown[i] += (target - m_shown[i]) * k;
        if (std::fabs(target - m_shown[i]) < 0.2f)
            m_shown[i] = target;
        else
            sh.ui.frames.animate();
    }
    if (now - m_changedAt < std::max(kFlashSeconds, kSpeakSeconds)) sh.ui.frames.animate();
}

// What the last live reload did, and a broken file's first problems (file:line:col).
void ConversationPanel::drawReloadNote(Shell& sh) {
    const LiveReload& live = sh.live;
    if (live.note().empty()) return;
    const TextCtx& tx = sh.ui.text();
    ui::textWrapped(tx, live.note(), live.warning() ? theme::kBad : theme::kMuted);
    std::size_t shown = 0;
    for (const Diagnostic& d : live.diagnostics()) {
        if (shown++ == 3) {
            ui::textColored(tx, theme::kMuted,
                            tr(sh.ui.lang(), Msg::UiMoreProblems,
                               {std::to_string(live.diagnostics().size() - 3)}));
            break;
        }
        ui::textWrapped(tx, d.format(sh.ui.lang()), theme::kBad);
    }
    ImGui::Separator();
}

void ConversationPanel::draw(Shell& sh) {
    Play* play = sh.nav.play();
    if (play == nullptr) return;
    sync(sh, *play);
    sh.voice.update(sh.ui, *play, sh.nav.playSerial());
    const Attempt& a = play->attempt();
    const float fs = ImGui::GetFontSize();
    const float sideW = std::min(fs * 17, ImGui::GetContentRegionAvail().x * 0.34f);
    ImGui::BeginChild("side", ImVec2(sideW, 0), false);
    const bool leave = drawSide(sh, *play, ImGui::GetContentRegionAvail().x);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("main", ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollbar);
    const float width = ImGui::GetContentRegionAvail().x;
    const float answersH =
        std::min(answersHeight(sh, a, width), ImGui::GetContentRegionAvail().y * 0.55f);
    drawReloadNote(sh);
    drawTranscript(sh, *play,
                   ImGui::GetContentRegionAvail().y - answersH - ImGui::GetStyle().ItemSpacing.y);
    ImGui::BeginChild("answers", ImVec2(0, 0), false);
    const SaveState& save = a.saveState();
    if (a.finished())
        drawEnding(sh, a);
    else if (play->stopped())  // the replay could not be saved: no more answers
        ui::textWrapped(sh.ui.text(),
                        tr(sh.ui.lang(), Msg::ErrCannotSave,
                           {save.error, save.path.string(), std::to_string(save.savedTurns)}));
    else if (a.atTurnLimit())
        ui::textWrapped(sh.ui.text(),
                        tr(sh.ui.lang(), Msg::TurnLimitReached, {std::to_string(kMaxReplayTurns)}));
    else if (sh.voice.waitingForLine())  // listen only: the answers come when it is said
        ui::textColored(sh.ui.text(), theme::kMuted, sh.ui.text().t(Msg::UiListening));
    else
        drawAnswers(sh, *play);
    ImGui::EndChild();
    ImGui::EndChild();
    if (leave) {
        sh.voice.stop();
        sh.nav.toLibrary();  // last: the attempt drawn above goes with it
    }
}

bool ConversationPanel::drawSide(Shell& sh, const Play& play, float width) {
    const TextCtx tx = sh.ui.text();
    const Attempt& a = play.attempt();
    const Scenario& sc = a.scenario();
    const ConversationHints hints = hintsFor(a.mode());
    const double now = sh.ui.now();
    const float fs = ImGui::GetFontSize();
    const float since = static_cast<float>(now - m_changedAt);
    const float speaking = std::clamp(1.0f - since / static_cast<float>(kSpeakSeconds), 0.0f, 1.0f);
    Mood shownMood;
    for (std::size_t i = 0; i < 3; ++i) shownMood.v[i] = static_cast<int>(std::lround(m_shown[i]));
    const MoodBand band = bandOf(shownMood);
    // The band names the mood like a meter does: an assessment leaves it to the face.
    const std::string bandText = hints.moodMeters ? tx.label(bandMsg(band)) : std::string();
    const ImU32 bandColor = hints.moodMeters ? theme::bandColor(band) : theme::kAccent;

    const Node* node = a.node();
    PortraitLook look = portraitFor(sc, node ? &node->cues : nullptr);
    look.anger = m_shown[0];
    look.trust = m_shown[1];
    look.patience = m_shown[2];
    look.speaking = speaking;
    look.time = static_cast<float>(now);
    const float h = sc.channel == "phone" ? fs * 15.0f : fs * 12.5f;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const std::string name = tx(sc.displayName());
    ImFont* bold = sh.ui.fonts.bold();
    ImFont* regular = sh.ui.fonts.regular();
    if (sc.channel == "phone") {
        const PhoneLayout pl =
            drawPhoneFrame(dl, p, ImVec2(p.x + width, p.y + h), fs, bandColor, speaking, look.time);
        look.headOnly = true;
        drawPortrait(dl, ImVec2(pl.avatar.x, pl.avatar.y + pl.radius * 0.05f), pl.radius * 0.62f,
                     look);
        const std::string call = tx.tr(Msg::UiCallWith, {name});
        const ImVec2 ts = ui::measure(bold, call);
        ui::drawText(tx, dl, bold, ImVec2(p.x + (width - ts.x) * 0.5f, pl.headerY),
                     theme::rgba(255, 255, 255), call);
        const char* onCall = tx.t(Msg::UiOnCall);
        const ImVec2 os = ui::measure(regular, onCall);
        const ImVec2 op(p.x + (width - os.x) * 0.5f + fs * 0.4f, pl.headerY + ts.y + fs * 0.1f);
        dl->AddCircleFilled(ImVec2(op.x - fs * 0.6f, op.y + os.y * 0.5f), fs * 0.25f,
                            theme::kPhoneGreen);
        ui::drawText(tx, dl, regular, op, theme::rgba(190, 200, 210), onCall);
        if (!bandText.empty()) {
            const ImVec2 bs = ui::measure(bold, bandText);
            ui::drawText(tx, dl, bold, ImVec2(p.x + (width - bs.x) * 0.5f, pl.labelY), bandColor,
                         bandText);
        }
    } else {
        dl->AddRectFilled(p, ImVec2(p.x + width, p.y + h),
                          hints.moodMeters ? theme::mix(theme::kAccentSoft, bandColor, 0.12f)
                                           : theme::kAccentSoft,
                          fs * 0.5f);
        dl->PushClipRect(p, ImVec2(p.x + width, p.y + h), true);
        drawPortrait(dl, ImVec2(p.x + width * 0.5f, p.y + h * 0.4f), h * 0.27f, look);
        dl->PopClipRect();
        if (!bandText.empty()) {  // the band, as a label on the picture
            const ImVec2 bs = ui::measure(bold, bandText);
            const ImVec2 bp(p.x + fs * 0.5f, p.y + h - bs.y - fs * 0.6f);
            dl->AddRectFilled(bp - ImVec2(fs * 0.4f, fs * 0.15f),
                              bp + bs + ImVec2(fs * 0.4f, fs * 0.15f), bandColor, fs);
            ui::drawText(tx, dl, bold, bp, theme::rgba(255, 255, 255), bandText);
        }
    }
    ImGui::Dummy(ImVec2(width, h));
    if (sc.channel != "phone") {
        ImGui::PushFont(bold);
        ui::text(tx, name);
        ImGui::PopFont();
    }

    if (hints.moodMeters) {
        const float flash =
            std::clamp(1.0f - since / static_cast<float>(kFlashSeconds), 0.0f, 1.0f);
        ui::meter(tx, tx.label(Msg::DimAnger), m_shown[0], theme::kAnger, width, m_delta[0], flash);
        ui::meter(tx, tx.label(Msg::DimTrust), m_shown[1], theme::kTrust, width, m_delta[1], flash);
        ui::meter(tx, tx.label(Msg::DimPatience), m_shown[2], theme::kPatience, width, m_delta[2],
                  flash);
        // The state watch: what conditions, cue counts and order rules read now (workbench.hpp).
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        for (const auto& line : describeWatch(watchState(a), tx.lang))
            ui::textColored(tx, theme::kMuted, line);
        ImGui::PopTextWrapPos();
    } else {
        ImGui::Spacing();
        ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
        ui::textColored(tx, theme::kMuted, tx.t(Msg::UiAssessmentNoHints));
        ImGui::PopTextWrapPos();
    }
    drawClock(sh, play, width);
    drawVoice(sh, width);
    ImGui::Spacing();
    const std::size_t turn = a.turns().size() + (a.finished() ? 0 : 1);
    ui::textColored(
        tx, theme::kMuted,
        tx.tr(Msg::UiTurn, {std::to_string(turn)}) + "  \u00B7  " +
            tx.label(a.mode() == Mode::Practice ? Msg::ModePractice : Msg::ModeAssessment));
    return ImGui::Button(tx.t(Msg::UiLeave));
}

void ConversationPanel::drawClock(Shell& sh, const Play& play, float width) {
    // The response timer: the time limit plus the time to read the customer's line and the
    // answers, counted from when the answers appear. Patience drains only past the reading
    // time and the customer's grace (Attempt::hesitationCost, as the meter shows it).
    const Attempt& a = play.attempt();
    const double limit = a.timeLimit();
    if (limit <= 0 || a.finished()) return;
    const TextCtx tx = sh.ui.text();
    const double now = sh.ui.now();
    const float fs = ImGui::GetFontSize();
    const double reading = a.readingAllowance();
    const double left = limit - play.elapsed(now);
    ImGui::Spacing();
    const bool over = left < 0;
    const float frac = static_cast<float>(std::clamp(left / limit, 0.0, 1.0));
    const ImU32 col = over ? theme::kBad : frac < 0.3f ? theme::kWarn : theme::kGood;
    ui::textColored(tx, col,
                    over
                        ? std::string(tx.t(Msg::UiOverTime))
                        : tx.tr(Msg::Seconds, {std::to_string(static_cast<int>(std::ceil(left)))}));
    const ImVec2 at = ImGui::GetCursorScreenPos();
    const float barH = fs * 0.5f;
    ui::bar(over ? 1.0f : frac, ImVec2(width, barH),
            over ? withAlpha(theme::kBad, 0.55f + 0.45f * static_cast<float>(std::sin(now * 6.0)))
                 : col,
            theme::rgba(228, 223, 214));
    if (reading > 0 && reading < limit) {  // where the reading time ends
        const float x = at.x + width * static_cast<float>((limit - reading) / limit);
        ImGui::GetWindowDrawList()->AddLine(ImVec2(x, at.y - fs * 0.15f),
                                            ImVec2(x, at.y + barH + fs * 0.15f), theme::kMuted,
                                            std::max(1.0f, fs * 0.08f));
    }
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ui::textColored(tx, theme::kMuted,
                    tx.tr(Msg::UiClockAllowance, {std::to_string(std::lround(limit - reading)),
                                                  std::to_string(std::lround(reading))}));
    ImGui::PopTextWrapPos();
    if (play.answersOnScreen()) sh.ui.frames.wakeAt(now + 0.05);  // 20 times a second
}

void ConversationPanel::drawVoice(Shell& sh, float width) {
    // The speaker (on by default on the phone) and, with it, listen only.
    const TextCtx tx = sh.ui.text();
    ImGui::Spacing();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    bool on = sh.voice.speakerOn();
    if (ImGui::Checkbox(tx.t(Msg::UiSpeaker), &on)) sh.voice.setSpeaker(on);
    if (on) {
        bool listen = sh.voice.listenOnly();
        if (ImGui::Checkbox(tx.t(Msg::UiListenOnly), &listen)) sh.voice.setListenOnly(listen);
        if (ImGui::IsItemHovered()) {
            ImGui::BeginTooltip();
            ImGui::PushTextWrapPos(ImGui::GetFontSize() * 20);
            ui::text(tx, tx.t(Msg::UiListenOnlyHelp));
            ImGui::PopTextWrapPos();
            ImGui::EndTooltip();
        }
        if (!sh.voice.speaking() && ImGui::SmallButton(tx.t(Msg::UiHearAgain))) sh.voice.repeat();
    }
    ImGui::PopTextWrapPos();
}

float ConversationPanel::answersHeight(Shell& sh, const Attempt& a, float width) const {
    const float fs = ImGui::GetFontSize();
    const ImGuiStyle& style = ImGui::GetStyle();
    if (a.finished()) return fs * 9.5f;
    float h = fs * 1.6f + style.ItemSpacing.y * 2;  // header line
    const float wrap = width - fs * 1.6f - 3 * fs * 0.6f - style.ScrollbarSize;
    for (const Choice& c : a.choices()) {
        const ImVec2 ts = ui::measure(sh.ui.fonts.regular(), c.text, wrap);
        h += std::max(ts.y, fs * 1.6f) + 2 * fs * 0.6f + style.ItemSpacing.y;
    }
    return h + style.ItemSpacing.y;
}

void ConversationPanel::drawTranscript(Shell& sh, const Play& play, float height) {
    const TextCtx tx = sh.ui.text();
    const Attempt& a = play.attempt();
    const Scenario& sc = a.scenario();
    const bool phone = sc.channel == "phone";
    const ConversationHints hints = hintsFor(a.mode());
    const auto& last = a.lastOutcome();
    ui::beginCard("transcript", ImVec2(0, height),
                  phone ? theme::rgba(236, 241, 246) : theme::kCard);
    const float fs = ImGui::GetFontSize();
    const float full = ImGui::GetContentRegionAvail().x;
    const float maxW = full * 0.78f;
    const float pad = fs * 0.55f;
    ImFont* font = sh.ui.fonts.regular();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const std::vector<TranscriptLine>& lines = play.transcript();
    const std::string name = tx(sc.displayName());
    const float fade =
        std::clamp(static_cast<float>((sh.ui.now() - m_changedAt) / kFadeSeconds), 0.0f, 1.0f);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const TranscriptLine& line = lines[i];
        if (line.who == TranscriptLine::Who::Event) {  // what the customer did, centred
            const std::string event = tx(line.event);
            ImGui::SetCursorPosX(ImGui::GetCursorPosX() +
                                 std::max(0.0f, (full - ui::measure(font, event, full).x) * 0.5f));
            ImGui::PushTextWrapPos(0.0f);
            ui::textColored(tx, theme::kBad, event);
            ImGui::PopTextWrapPos();
            ImGui::Spacing();
            continue;
        }
        const bool you = line.who == TranscriptLine::Who::Advisor;
        const bool lastLine = i + 1 == lines.size();
        const float alpha = lastLine && !you ? fade : 1.0f;
        // Listen only: the line being answered is heard, not read.
        const bool hidden = lastLine && !you && !a.finished() && sh.voice.hidingLine();
        const std::string& said = hidden ? std::string(tx.t(Msg::UiListening)) : line.text;
        const ImVec2 ts = ui::measure(font, said, maxW - 2 * pad);
        const ImVec2 bubble(ts.x + 2 * pad, ts.y + 2 * pad);
        const float x0 = ImGui::GetCursorPosX();
        const std::string who = you ? std::string(tx.t(Msg::UiYou)) : name;
        const float labelW = ui::measure(font, who).x;
        ImGui::SetCursorPosX(you ? x0 + full - labelW : x0);
        ui::textColored(tx, withAlpha(theme::kMuted, alpha), who);
        ImGui::SetCursorPosX(you ? x0 + full - bubble.x : x0);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const ImU32 bg = you     ? theme::kAccentSoft
                         : phone ? theme::rgba(255, 255, 255)
                                 : theme::rgba(244, 241, 236);
        dl->AddRectFilled(p, p + bubble, withAlpha(bg, alpha), fs * 0.6f);
        ui::drawText(tx, dl, font, p + ImVec2(pad, pad),
                     withAlpha(hidden ? theme::kMuted : theme::kText, alpha), said, maxW - 2 * pad);
        ImGui::Dummy(bubble);
        ImGui::SetCursorPosX(x0);
        if (!you || line.turn < 1 || line.turn > static_cast<int>(a.turns().size())) continue;
        const Turn& turn = a.turns()[static_cast<std::size_t>(line.turn - 1)];
        // How the mood moved, as small chips under the answer: green when it got better on
        // balance (the scoring model's rule), red when it got worse.
        std::string chips;
        for (Dim d : kAllDims) {
            const int v = hints.moodChips ? line.delta.get(d) : 0;  // none in an assessment
            if (v == 0) continue;
            if (!chips.empty()) chips += "   ";
            chips += tx.label(dimMsg(d)) + " " + tx(Message::signedNum(v));
        }
        if (!chips.empty()) {
            ImGui::SetCursorPosX(x0 + full - ui::measure(font, chips).x);
            ui::textColored(tx, improved(turn.before, turn.after) ? theme::kGood : theme::kBad,
                            chips);
        }
        // The latest answer: what moved the mood, from what the engine says it did.
        const bool latest = line.turn == static_cast<int>(a.turns().size());
        if (hints.reasons && latest && last && last->turn == line.turn && !last->reasons.empty()) {
            ui::textColored(tx, theme::kMuted, tx.t(Msg::UiWhatMoved));
            for (const MoodReason& r : last->reasons) {  // a small dot, then the wrapped line
                const ImVec2 at = ImGui::GetCursorScreenPos();
                dl->AddCircleFilled(ImVec2(at.x + fs * 0.4f, at.y + fs * 0.55f), fs * 0.13f,
                                    theme::kMuted);
                ImGui::Indent(fs);
                ui::textWrapped(tx, tx(r.message()), theme::kMuted);
                ImGui::Unindent(fs);
            }
        }
        // The coaching note of the answer picked (practice only).
        const Answer* picked = sc.answer(turn.node, turn.picked);
        const std::string note = hints.coaching && picked != nullptr ? tx.of(picked->note) : "";
        if (!note.empty()) {
            if (latest) {
                const float noteW = full;
                const ImVec2 ns = ui::measure(font, note, noteW - 2 * pad);
                const float headH = fs * 1.3f;
                const ImVec2 np = ImGui::GetCursorScreenPos();
                const ImVec2 box(noteW, ns.y + headH + 2 * pad);
                dl->AddRectFilled(np, np + box, theme::kCoach, fs * 0.5f);
                dl->AddRectFilled(np, ImVec2(np.x + fs * 0.25f, np.y + box.y),
                                  theme::rgba(240, 180, 40), fs * 0.5f);
                ui::drawText(tx, dl, sh.ui.fonts.bold(), np + ImVec2(pad, pad * 0.7f),
                             theme::rgba(150, 100, 0), tx.t(Msg::UiCoach));
                ui::drawText(tx, dl, font, np + ImVec2(pad, pad * 0.7f + headH), theme::kText, note,
                             noteW - 2 * pad);
                ImGui::Dummy(box);
            } else {
                ui::textWrapped(tx, tx.tr(Msg::UiLabelled, {tx.t(Msg::UiCoach), note}),
                                theme::rgba(150, 110, 30));
            }
        }
        ImGui::Spacing();
    }
    if (m_scrollFrames > 0) {
        ImGui::SetScrollHereY(1.0f);
        --m_scrollFrames;
        sh.ui.frames.animate();
    }
    ui::endCard();
}

void ConversationPanel::drawAnswers(Shell& sh, Play& play) {
    const Attempt& a = play.attempt();
    // The answers appear once the customer's line has come in; the clock starts then.
    if (sh.ui.now() - m_changedAt < kFadeSeconds) {
        sh.ui.frames.animate();
        return;
    }
    play.answersShown(sh.ui.now());
    const TextCtx tx = sh.ui.text();
    const std::vector<Choice> choices = a.choices();
    const int n = static_cast<int>(std::min<std::size_t>(choices.size(), 9));
    const bool canRewind = a.canRewind();
    ImGui::PushFont(sh.ui.fonts.bold());
    ui::text(tx, tx.tr(Msg::UiChooseAnswer, {std::to_string(n)}));
    ImGui::PopFont();
    bool rewind = false;
    if (canRewind) {
        ImGui::SameLine();
        ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x -
                             ImGui::CalcTextSize(tx.t(Msg::UiRewind)).x -
                             ImGui::GetStyle().FramePadding.x * 2);
        rewind = ImGui::SmallButton(tx.t(Msg::UiRewind));
    }
    const float width = ImGui::GetContentRegionAvail().x;
    int picked = -1;
    for (int i = 0; i < n; ++i)
        if (ui::answerCard(tx, i + 1, choices[static_cast<std::size_t>(i)].text, width)) picked = i;
    if (keysFree(sh)) {
        for (int i = 0; i < n && picked < 0; ++i)
            if (ImGui::IsKeyPressed(GLFW_KEY_1 + i, false) ||
                ImGui::IsKeyPressed(GLFW_KEY_KP_1 + i, false))
                picked = i;
        rewind = rewind || (canRewind && ImGui::IsKeyPressed(GLFW_KEY_BACKSPACE, false));
    }
    if (picked >= 0)
        sh.choose(static_cast<std::size_t>(picked));
    else if (rewind)
        sh.rewind();
}

void ConversationPanel::drawEnding(Shell& sh, const Attempt& a) {
    const TextCtx tx = sh.ui.text();
    const float fs = ImGui::GetFontSize();
    ui::beginCard("ending", ImVec2(0, 0), theme::rgba(250, 248, 244));
    ui::textColored(tx, theme::kMuted, tx.t(Msg::UiConversationOver));
    if (const Ending* end = a.ending()) {
        ui::title(tx, tx.of(end->title));
        ui::pill(tx, tx.t(endingKindMsg(end->kind)), theme::endingColor(end->kind),
                 theme::rgba(255, 255, 255));
    }
    const Redirect redirect = a.turns().empty() ? Redirect::None : a.turns().back().redirect;
    if (redirect == Redirect::Escalated)
        ui::textWrapped(tx, tx.t(Msg::UiEscalatedNote), theme::kBad);
    if (redirect == Redirect::WalkedOut)
        ui::textWrapped(
            tx, tx.t(a.scenario().channel == "phone" ? Msg::UiHungUpNote : Msg::UiWalkedOutNote),
            theme::kBad);
    ImGui::Spacing();
    bool debrief = ui::primaryButton(tx, tx.t(Msg::UiSeeDebrief));
    bool rewind = false;
    if (a.canRewind()) {
        ImGui::SameLine();
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + fs * 0.05f);
        rewind = ImGui::Button(tx.t(Msg::UiRewind));
    }
    if (keysFree(sh)) {
        debrief = debrief || ImGui::IsKeyPressed(GLFW_KEY_ENTER, false);
        rewind = rewind || (a.canRewind() && ImGui::IsKeyPressed(GLFW_KEY_BACKSPACE, false));
    }
    ui::endCard();
    if (debrief)
        sh.nav.toDebrief();
    else if (rewind)
        sh.rewind();
}

}  // namespace defuse::desktop
