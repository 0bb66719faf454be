// The font atlas holds a glyph for every character the UI and the bundled scenarios use,
// and stays small (only the used characters, not the whole CJK range).
#include <imgui.h>

#include <catch2/catch.hpp>

#include "app_state.hpp"
#include "defuse/loader.hpp"

using namespace defuse::desktop;

TEST_CASE("every UI and scenario character has a glyph", "[desktop][fonts]") {
    ImGui::CreateContext();
    {
        GuiOptions o;
        AppState st(o);
        int scenarios = 0;
        for (const auto& f : defuse::loadLibrary(DEFUSE_SCENARIO_DIR))
            if (f.scenario) {
                st.wantScenario(*f.scenario);
                ++scenarios;
            }
        REQUIRE(scenarios >= 8);  // the eight bundled today: not a vacuous pass on a moved folder
        REQUIRE(st.fonts.build(18.0f));
        if (!st.fonts.haveCjk())
            WARN("no CJK font installed (fonts-noto-cjk): Chinese cannot render");
        CHECK(st.fonts.haveCjk());
        CHECK(st.fonts.missingGlyphs() == 0);
        const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
        INFO("atlas " << atlas->TexWidth << "x" << atlas->TexHeight << ", " << st.fonts.glyphCount()
                      << " glyphs");
        CHECK(atlas->TexHeight <= 4096);
        CHECK(atlas->TexWidth * atlas->TexHeight <=
              2048 * 2048);  // a full CJK range needs 4096x4096

        SECTION("new text from the engine marks the atlas for a rebuild") {
            CHECK_FALSE(st.fonts.dirty());
            st.want("龘");
            CHECK(st.fonts.dirty());
            REQUIRE(st.fonts.build(18.0f));
            CHECK_FALSE(st.fonts.dirty());
        }
    }
    ImGui::DestroyContext();
}
