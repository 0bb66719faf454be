// The conversation screen.
#include "panels/conversation.hpp"

#include <GLFW/glfw3.h>

#include <cmath>
#include <functional>

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

Str bandLabel(MoodBand b) {
    switch (b) {
        case MoodBand::Calm:
            return Str::Calm;
        case MoodBand::Irritated:
            return Str::Irritated;
        case MoodBand::Angry:
            return Str::Angry;
        case MoodBand::Furious:
            return Str::Furious;
    }
    return Str::Calm;
}

/// The number keys answer only when no text field and no settings window takes them.
bool keysFree(const AppState& st) { return !ImGui::GetIO().WantTextInput && !st.settingsOpen; }

ImU32 withAlpha(ImU32 c, float a) {
    const auto alpha = static_cast<unsigned>(255.0f * std::clamp(a, 0.0f, 1.0f));
    return (c & 0x00FFFFFFu) | (alpha << IM_COL32_A_SHIFT);
}

}  // namespace

void ConversationPanel::sync(AppState& st) {
    const Session& s = st.play->session();
    const Mood& m = s.mood();
    if (m_serial != st.playSerial) {  // a new attempt: snap to its mood
        m_serial = st.playSerial;
        m_version = st.play->version();
        for (int i = 0; i < 3; ++i)
            m_shown[static_cast<std::size_t>(i)] =
                static_cast<float>(m.v[static_cast<std::size_t>(i)]);
        m_delta = {0, 0, 0};
        m_changedAt = st.now;
        m_lastFrame = st.now;
        m_scrollFrames = 2;
    }
    if (m_version != st.play->version()) {
        m_version = st.play->version();
        m_changedAt = st.now;
        m_scrollFrames = 3;
        const auto& fb = st.play->lastFeedback();
        for (std::size_t i = 0; i < 3; ++i) m_delta[i] = fb ? fb->after.v[i] - fb->before.v[i] : 0;
    }
    const double dt = std::clamp(st.now - m_lastFrame, 0.0, 0.1);
    m_lastFrame = st.now;
    const float k = static_cast<float>(1.0 - std::exp(-dt * kMeterSpeed));
    // Hesitating costs patience (like silence on a phone line): in a timed scenario the meter
    // drains as the engine will count it once the answer comes.
    std::array<float, 3> targets{static_cast<float>(m.v[0]), static_cast<float>(m.v[1]),
                                 static_cast<float>(m.v[2])};
    if (!s.finished())
        targets[2] = static_cast<float>(std::max(0.0, m.patience() - s.hesitationCost(st.play->elapsed(st.now))));
    for (std::size_t i = 0; i < 3; ++i) {
        const float target = targets[i];
        m_shown[i] += (target - m_shown[i]) * k;
        if (std::fabs(target - m_shown[i]) < 0.2f)
            m_shown[i] = target;
        else
            st.animate();
    }
    if (st.now - m_changedAt < std::max(kFlashSeconds, kSpeakSeconds)) st.animate();
}

void ConversationPanel::draw(AppState& st) {
    if (!st.play) {
        st.screen = Screen::Library;
        return;
    }
    sync(st);
    const float fs = ImGui::GetFontSize();
    const float sideW = std::min(fs * 17, ImGui::GetContentRegionAvail().x * 0.34f);
    ImGui::BeginChild("side", ImVec2(sideW, 0), false);
    drawSide(st, ImGui::GetContentRegionAvail().x);
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("main", ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollbar);
    const float width = ImGui::GetContentRegionAvail().x;
    const float answersH =
        std::min(answersHeight(st, width), ImGui::GetContentRegionAvail().y * 0.55f);
    drawTranscript(st,
                   ImGui::GetContentRegionAvail().y - answersH - ImGui::GetStyle().ItemSpacing.y);
    ImGui::BeginChild("answers", ImVec2(0, 0), false);
    if (st.play->session().finished())
        drawEnding(st);
    else
        drawAnswers(st);
    ImGui::EndChild();
    ImGui::EndChild();
}

void ConversationPanel::drawSide(AppState& st, float width) {
    const Session& s = st.play->session();
    const Scenario& sc = s.scenario();
    const std::string lang = st.langId();
    const float fs = ImGui::GetFontSize();
    const float since = static_cast<float>(st.now - m_changedAt);
    const float speaking = std::clamp(1.0f - since / static_cast<float>(kSpeakSeconds), 0.0f, 1.0f);
    Mood shownMood;
    for (std::size_t i = 0; i < 3; ++i) shownMood.v[i] = static_cast<int>(std::lround(m_shown[i]));
    const MoodBand band = bandOf(shownMood);

    PortraitLook look;
    look.anger = m_shown[0];
    look.trust = m_shown[1];
    look.speaking = speaking;
    look.time = static_cast<float>(st.now);
    look.variant = static_cast<unsigned>(std::hash<std::string>{}(sc.id));
    const float h = sc.channel == "phone" ? fs * 15.0f : fs * 12.5f;
    const ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const std::string name =
        sc.customerName.empty() ? sc.customer.name.get(lang) : sc.customerName.get(lang);
    if (sc.channel == "phone") {
        const PhoneLayout pl = drawPhoneFrame(dl, p, ImVec2(p.x + width, p.y + h), fs,
                                              theme::bandColor(band), speaking, look.time);
        look.headOnly = true;
        drawPortrait(dl, ImVec2(pl.avatar.x, pl.avatar.y + pl.radius * 0.05f), pl.radius * 0.62f,
                     look);
        const std::string call = format(st.t(Str::CallWith), {name});
        const ImVec2 ts = ui::measure(st.fonts.bold(), call);
        ui::drawText(st, dl, st.fonts.bold(), ImVec2(p.x + (width - ts.x) * 0.5f, pl.headerY),
                     theme::rgba(255, 255, 255), call);
        const ImVec2 os = ui::measure(st.fonts.regular(), st.t(Str::OnCall));
        const ImVec2 op(p.x + (width - os.x) * 0.5f + fs * 0.4f, pl.headerY + ts.y + fs * 0.1f);
        dl->AddCircleFilled(ImVec2(op.x - fs * 0.6f, op.y + os.y * 0.5f), fs * 0.25f,
                            theme::kPhoneGreen);
        ui::drawText(st, dl, st.fonts.regular(), op, theme::rgba(190, 200, 210), st.t(Str::OnCall));
        const char* bandText = st.t(bandLabel(band));
        const ImVec2 bs = ui::measure(st.fonts.bold(), bandText);
        ui::drawText(st, dl, st.fonts.bold(), ImVec2(p.x + (width - bs.x) * 0.5f, pl.labelY),
                     theme::bandColor(band), bandText);
    } else {
        dl->AddRectFilled(p, ImVec2(p.x + width, p.y + h),
                          theme::mix(theme::kAccentSoft, theme::bandColor(band), 0.12f), fs * 0.5f);
        dl->PushClipRect(p, ImVec2(p.x + width, p.y + h), true);
        drawPortrait(dl, ImVec2(p.x + width * 0.5f, p.y + h * 0.4f), h * 0.27f, look);
        dl->PopClipRect();
        // The band, as a label on the picture.
        const char* bandText = st.t(bandLabel(band));
        const ImVec2 bs = ui::measure(st.fonts.bold(), bandText);
        const ImVec2 bp(p.x + fs * 0.5f, p.y + h - bs.y - fs * 0.6f);
        dl->AddRectFilled(bp - ImVec2(fs * 0.4f, fs * 0.15f),
                          bp + bs + ImVec2(fs * 0.4f, fs * 0.15f), theme::bandColor(band), fs);
        ui::drawText(st, dl, st.fonts.bold(), bp, theme::rgba(255, 255, 255), bandText);
    }
    ImGui::Dummy(ImVec2(width, h));
    if (sc.channel != "phone") {
        ImGui::PushFont(st.fonts.bold());
        ui::text(st, name);
        ImGui::PopFont();
    }

    const float flash = std::clamp(1.0f - since / static_cast<float>(kFlashSeconds), 0.0f, 1.0f);
    ui::meter(st, st.t(Str::Anger), m_shown[0], theme::kAnger, width, m_delta[0], flash);
    ui::meter(st, st.t(Str::Trust), m_shown[1], theme::kTrust, width, m_delta[1], flash);
    ui::meter(st, st.t(Str::Patience), m_shown[2], theme::kPatience, width, m_delta[2], flash);

    const double limit = s.timeLimit();
    if (limit > 0 && !s.finished()) {
        const double left = limit - st.play->elapsed(st.now);
        ImGui::Spacing();
        const bool over = left < 0;
        const float frac = static_cast<float>(std::clamp(left / limit, 0.0, 1.0));
        const ImU32 col = over ? theme::kBad : frac < 0.3f ? theme::kWarn : theme::kGood;
        ui::textColored(st, col,
                        over ? st.t(Str::OverTime)
                             : format(st.t(Str::SecondsLeft),
                                      {std::to_string(static_cast<int>(std::ceil(left)))}));
        ui::bar(over ? 1.0f : frac, ImVec2(width, fs * 0.5f),
                over ? withAlpha(theme::kBad,
                                 0.55f + 0.45f * static_cast<float>(std::sin(st.now * 6.0)))
                     : col,
                theme::rgba(228, 223, 214));
        st.wakeAt(st.now + 0.05);  // keep the bar moving, 20 times a second
    }
    ImGui::Spacing();
    ui::textColored(
        st, theme::kMuted,
        format(st.t(Str::TurnFmt), {std::to_string(s.turns().size() + (s.finished() ? 0 : 1))}) +
            "  ·  " + st.t(s.options().mode == Mode::Practice ? Str::Practice : Str::Assessment));
    if (ImGui::Button(st.t(Str::Leave))) st.backToLibrary();
}

float ConversationPanel::answersHeight(AppState& st, float width) const {
    const float fs = ImGui::GetFontSize();
    const ImGuiStyle& style = ImGui::GetStyle();
    const Session& s = st.play->session();
    if (s.finished()) return fs * 9.5f;
    float h = fs * 1.6f + style.ItemSpacing.y * 2;  // header line
    const float wrap = width - fs * 1.6f - 3 * fs * 0.6f - style.ScrollbarSize;
    for (const Answer* a : s.answers()) {
        const ImVec2 ts = ui::measure(st.fonts.regular(), a->text.get(s.options().lang), wrap);
        h += std::max(ts.y, fs * 1.6f) + 2 * fs * 0.6f + style.ItemSpacing.y;
    }
    return h + style.ItemSpacing.y;
}

void ConversationPanel::drawTranscript(AppState& st, float height) {
    const Session& s = st.play->session();
    const Scenario& sc = s.scenario();
    const std::string lang = st.langId();
    const bool phone = sc.channel == "phone";
    const bool practice = s.options().mode == Mode::Practice;
    ui::beginCard("transcript", ImVec2(0, height),
                  phone ? theme::rgba(236, 241, 246) : theme::kCard);
    const float fs = ImGui::GetFontSize();
    const float full = ImGui::GetContentRegionAvail().x;
    const float maxW = full * 0.78f;
    const float pad = fs * 0.55f;
    ImFont* font = st.fonts.regular();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const auto& entries = st.play->transcript();
    const std::string name =
        sc.customerName.empty() ? sc.customer.name.get(lang) : sc.customerName.get(lang);
    const float fade =
        std::clamp(static_cast<float>((st.now - m_changedAt) / kFadeSeconds), 0.0f, 1.0f);
    for (std::size_t i = 0; i < entries.size(); ++i) {
        const TranscriptEntry& e = entries[i];
        const bool last = i + 1 == entries.size();
        const bool you = e.who == TranscriptEntry::Who::Advisor;
        const float alpha = last && !you ? fade : 1.0f;
        const ImVec2 ts = ui::measure(font, e.text, maxW - 2 * pad);
        const ImVec2 bubble(ts.x + 2 * pad, ts.y + 2 * pad);
        const float x0 = ImGui::GetCursorPosX();
        const std::string who = you ? st.t(Str::You) : name;
        const float labelW = ui::measure(font, who).x;
        ImGui::SetCursorPosX(you ? x0 + full - labelW : x0);
        ui::textColored(st, withAlpha(theme::kMuted, alpha), who);
        ImGui::SetCursorPosX(you ? x0 + full - bubble.x : x0);
        const ImVec2 p = ImGui::GetCursorScreenPos();
        const ImU32 bg = you     ? theme::kAccentSoft
                         : phone ? theme::rgba(255, 255, 255)
                                 : theme::rgba(244, 241, 236);
        dl->AddRectFilled(p, p + bubble, withAlpha(bg, alpha), fs * 0.6f);
        ui::drawText(st, dl, font, p + ImVec2(pad, pad), withAlpha(theme::kText, alpha), e.text,
                     maxW - 2 * pad);
        ImGui::Dummy(bubble);
        ImGui::SetCursorPosX(x0);
        if (!you) continue;
        // How the mood moved, as small chips under the answer.
        std::string chips;
        const Str dimNames[] = {Str::Anger, Str::Trust, Str::Patience};
        for (int d = 0; d < 3; ++d) {
            const int v = e.delta.d[static_cast<std::size_t>(d)];
            if (v == 0) continue;
            if (!chips.empty()) chips += "   ";
            chips += std::string(st.t(dimNames[d])) + " " + (v > 0 ? "+" : "") + std::to_string(v);
        }
        if (!chips.empty()) {
            const bool better = e.delta.d[0] < 0 || (e.delta.d[0] == 0 && e.delta.d[1] > 0);
            ImGui::SetCursorPosX(x0 + full - ui::measure(font, chips).x);
            ui::textColored(st, better ? theme::kGood : theme::kBad, chips);
        }
        const bool latest = i + 2 >= entries.size();
        if (latest && !e.reasons.empty()) {
            ui::textColored(st, theme::kMuted, st.t(Str::WhatMoved));
            for (const std::string& r : e.reasons) {  // a small dot, then the wrapped line
                const ImVec2 at = ImGui::GetCursorScreenPos();
                dl->AddCircleFilled(ImVec2(at.x + fs * 0.4f, at.y + fs * 0.55f), fs * 0.13f,
                                    theme::kMuted);
                ImGui::Indent(fs);
                ui::textWrapped(st, r, theme::kMuted);
                ImGui::Unindent(fs);
            }
        }
        if (practice && !e.note.empty()) {
            if (latest) {
                const float noteW = full;
                const ImVec2 ns = ui::measure(font, e.note, noteW - 2 * pad);
                const float headH = fs * 1.3f;
                const ImVec2 np = ImGui::GetCursorScreenPos();
                const ImVec2 box(noteW, ns.y + headH + 2 * pad);
                dl->AddRectFilled(np, np + box, theme::kCoach, fs * 0.5f);
                dl->AddRectFilled(np, ImVec2(np.x + fs * 0.25f, np.y + box.y),
                                  theme::rgba(240, 180, 40), fs * 0.5f);
                ui::drawText(st, dl, st.fonts.bold(), np + ImVec2(pad, pad * 0.7f),
                             theme::rgba(150, 100, 0), st.t(Str::Coach));
                ui::drawText(st, dl, font, np + ImVec2(pad, pad * 0.7f + headH), theme::kText,
                             e.note, noteW - 2 * pad);
                ImGui::Dummy(box);
            } else {
                ui::textWrapped(st, format(st.t(Str::Labelled), {st.t(Str::Coach), e.note}),
                                theme::rgba(150, 110, 30));
            }
        }
        ImGui::Spacing();
    }
    if (m_scrollFrames > 0) {
        ImGui::SetScrollHereY(1.0f);
        --m_scrollFrames;
        st.animate();
    }
    ui::endCard();
}

void ConversationPanel::drawAnswers(AppState& st) {
    const Session& s = st.play->session();
    const auto answers = s.answers();
    const int n = static_cast<int>(std::min<std::size_t>(answers.size(), 9));
    ImGui::PushFont(st.fonts.bold());
    ui::text(st, format(st.t(Str::ChooseAnswer), {std::to_string(n)}));
    ImGui::PopFont();
    if (s.canRewind()) {
        ImGui::SameLine();
        ImGui::SetCursorPosX(ImGui::GetWindowContentRegionMax().x -
                             ImGui::CalcTextSize(st.t(Str::Rewind)).x -
                             ImGui::GetStyle().FramePadding.x * 2);
        if (ImGui::SmallButton(st.t(Str::Rewind))) st.rewind();
    }
    const float width = ImGui::GetContentRegionAvail().x;
    int picked = -1;
    for (int i = 0; i < n; ++i)
        if (ui::answerCard(st, i + 1,
                           answers[static_cast<std::size_t>(i)]->text.get(s.options().lang), width))
            picked = i;
    if (keysFree(st)) {
        for (int i = 0; i < n && picked < 0; ++i)
            if (ImGui::IsKeyPressed(GLFW_KEY_1 + i, false) ||
                ImGui::IsKeyPressed(GLFW_KEY_KP_1 + i, false))
                picked = i;
    }
    if (picked >= 0)
        st.chooseAnswer(static_cast<std::size_t>(picked));
    else if (s.canRewind() && keysFree(st) && ImGui::IsKeyPressed(GLFW_KEY_BACKSPACE, false))
        st.rewind();
}

void ConversationPanel::drawEnding(AppState& st) {
    const Session& s = st.play->session();
    const Ending* end = s.ending();
    const std::string lang = st.langId();
    const float fs = ImGui::GetFontSize();
    ui::beginCard("ending", ImVec2(0, 0), theme::rgba(250, 248, 244));
    ui::textColored(st, theme::kMuted, st.t(Str::ConversationOver));
    if (end != nullptr) {
        ui::title(st, end->title.get(lang));
        ui::pill(st, endingKindLabel(end->kind, lang), theme::endingColor(end->kind),
                 theme::rgba(255, 255, 255));
    }
    const auto& fb = st.play->lastFeedback();
    if (fb && fb->escalated) ui::textWrapped(st, st.t(Str::EscalatedNote), theme::kBad);
    if (fb && fb->walkedOut)
        ui::textWrapped(
            st, st.t(s.scenario().channel == "phone" ? Str::HungUpNote : Str::WalkedOutNote),
            theme::kBad);
    ImGui::Spacing();
    if (ui::primaryButton(st, st.t(Str::SeeDebrief))) st.showDebrief();
    if (s.canRewind()) {
        ImGui::SameLine();
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + fs * 0.05f);
        if (ImGui::Button(st.t(Str::Rewind))) st.rewind();
    }
    if (keysFree(st) && ImGui::IsKeyPressed(GLFW_KEY_ENTER, false))
        st.showDebrief();
    else if (s.canRewind() && keysFree(st) && ImGui::IsKeyPressed(GLFW_KEY_BACKSPACE, false))
        st.rewind();
    ui::endCard();
}

}  // namespace defuse::desktop
