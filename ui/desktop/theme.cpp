// The look: warm light background, white cards, teal accent.
#include "theme.hpp"

#include <algorithm>

namespace defuse::desktop::theme {

ImU32 bandColor(MoodBand band) {
    switch (band) {
        case MoodBand::Calm:
            return kGood;
        case MoodBand::Irritated:
            return rgba(212, 160, 23);
        case MoodBand::Angry:
            return rgba(230, 110, 30);
        case MoodBand::Furious:
            return kAnger;
    }
    return kMuted;
}

ImU32 endingColor(EndingKind kind) {
    switch (kind) {
        case EndingKind::Resolved:
            return kGood;
        case EndingKind::Partial:
            return rgba(214, 140, 20);
        case EndingKind::Escalated:
        case EndingKind::Lost:
            return kBad;
    }
    return kMuted;
}

ImU32 mix(ImU32 a, ImU32 b, float t) {
    t = std::clamp(t, 0.0f, 1.0f);
    auto ch = [&](int shift) {
        const float x = static_cast<float>((a >> shift) & 0xFF);
        const float y = static_cast<float>((b >> shift) & 0xFF);
        return static_cast<ImU32>(x + (y - x) * t + 0.5f) << shift;
    };
    return ch(IM_COL32_R_SHIFT) | ch(IM_COL32_G_SHIFT) | ch(IM_COL32_B_SHIFT) |
           ch(IM_COL32_A_SHIFT);
}

ImU32 scoreColor(double fraction) {
    if (fraction >= 0.7) return kGood;
    if (fraction >= 0.4) return kWarn;
    return kBad;
}

ImVec4 vec(ImU32 c) { return ImGui::ColorConvertU32ToFloat4(c); }

void apply(float textSize) {
    ImGuiStyle style;
    ImGui::StyleColorsLight(&style);
    const float s = textSize / 18.0f;
    style.WindowPadding = ImVec2(14 * s, 12 * s);
    style.FramePadding = ImVec2(10 * s, 6 * s);
    style.ItemSpacing = ImVec2(10 * s, 8 * s);
    style.ItemInnerSpacing = ImVec2(6 * s, 6 * s);
    style.ScrollbarSize = 14 * s;
    style.GrabMinSize = 12 * s;
    style.WindowRounding = 0;
    style.ChildRounding = 8 * s;
    style.FrameRounding = 6 * s;
    style.PopupRounding = 8 * s;
    style.GrabRounding = 6 * s;
    style.ScrollbarRounding = 8 * s;
    style.TabRounding = 6 * s;
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 1;
    style.FrameBorderSize = 0;
    ImVec4* c = style.Colors;
    c[ImGuiCol_Text] = vec(kText);
    c[ImGuiCol_TextDisabled] = vec(kMuted);
    c[ImGuiCol_WindowBg] = vec(kBackground);
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_PopupBg] = vec(kCard);
    c[ImGuiCol_Border] = vec(kBorder);
    c[ImGuiCol_FrameBg] = vec(rgba(232, 228, 220));
    c[ImGuiCol_FrameBgHovered] = vec(rgba(222, 236, 238));
    c[ImGuiCol_FrameBgActive] = vec(kAccentSoft);
    c[ImGuiCol_Button] = vec(rgba(222, 236, 239));
    c[ImGuiCol_ButtonHovered] = vec(rgba(196, 226, 232));
    c[ImGuiCol_ButtonActive] = vec(rgba(172, 212, 222));
    c[ImGuiCol_Header] = vec(kAccentSoft);
    c[ImGuiCol_HeaderHovered] = vec(rgba(200, 228, 234));
    c[ImGuiCol_HeaderActive] = vec(rgba(186, 220, 228));
    c[ImGuiCol_CheckMark] = vec(kAccent);
    c[ImGuiCol_SliderGrab] = vec(kAccent);
    c[ImGuiCol_SliderGrabActive] = vec(rgba(14, 90, 106));
    c[ImGuiCol_Separator] = vec(kBorder);
    c[ImGuiCol_TableHeaderBg] = vec(rgba(236, 232, 225));
    c[ImGuiCol_TableRowBgAlt] = vec(rgba(248, 246, 242));
    c[ImGuiCol_ModalWindowDimBg] = ImVec4(0.1f, 0.1f, 0.1f, 0.35f);
    ImGui::GetStyle() = style;
}

}  // namespace defuse::desktop::theme
