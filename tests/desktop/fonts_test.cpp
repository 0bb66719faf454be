// The font atlas holds a glyph for every character the UI and the bundled scenarios use,
// and stays small (only the used characters, not the whole CJK range).
#include <imgui.h>

#include <catch2/catch.hpp>

#include "defuse/library.hpp"
#include "services.hpp"

using namespace defuse;
using namespace defuse::desktop;

TEST_CASE("every UI and scenario character has a glyph", "[desktop][fonts]") {
    ImGui::CreateContext();
    {
        Services svc("en", true);
        svc.wantUiWords();
        Library library;
        REQUIRE(library.addFolder(DEFUSE_SCENARIO_DIR, true));
        const auto scenarios = library.scenarios();
        REQUIRE(scenarios.size() >=
                8);  // the eight bundled today: not a vacuous pass on a moved folder
        for (const auto& sc : scenarios) svc.wantScenario(*sc);
        Fonts& fonts = svc.fonts;
        REQUIRE(fonts.build(18.0f));
        if (!fonts.haveCjk()) WARN("no CJK font installed (fonts-noto-cjk): Chinese cannot render");
        CHECK(fonts.haveCjk());
        CHECK(fonts.missingGlyphs() == 0);
        const ImFontAtlas* atlas = ImGui::GetIO().Fonts;
        INFO("atlas " << atlas->TexWidth << "x" << atlas->TexHeight << ", " << fonts.glyphCount()
                      << " glyphs");
        CHECK(atlas->TexHeight <= 4096);
        CHECK(atlas->TexWidth * atlas->TexHeight <=
              2048 * 2048);  // a full CJK range needs 4096x4096

        SECTION("new text from the engine marks the atlas for a rebuild") {
            CHECK_FALSE(fonts.dirty());
            fonts.want("龘");
            CHECK(fonts.dirty());
            REQUIRE(fonts.build(18.0f));
            CHECK_FALSE(fonts.dirty());
        }
    }
    ImGui::DestroyContext();
}
