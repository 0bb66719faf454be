// The font atlas holds a glyph for every character the UI and the bundled scenarios use,
// and stays small (only the used characters, not the whole CJK range).
#include <imgui.h>

#include <catch2/catch.hpp>

#include "defuse/library.hpp"
#include "services.hpp"
#include "widgets.hpp"

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

// The desktop breaks lines with the real fonts by the Chinese rules: every customer line and
// answer of the bundled library, at a narrow and a wide column, never starts a line with
// closing punctuation or ends one with opening punctuation, and never overflows unless a piece
// cannot fit at all.
TEST_CASE("Chinese text breaks by the rules with the real fonts at two widths",
          "[desktop][fonts][wrap]") {
    ImGui::CreateContext();
    {
        Services svc("zh", true);
        Library library;
        REQUIRE(library.addFolder(DEFUSE_SCENARIO_DIR, true));
        for (const auto& sc : library.scenarios()) svc.wantScenario(*sc);
        REQUIRE(svc.fonts.build(18.0f));
        ImFont* font = svc.fonts.regular();
        const std::string closing[] = {"，", "。", "、", "；", "：", "！",
                                       "？", "）", "”",  "’",  "》"};
        const std::string opening[] = {"“", "‘", "（", "《"};
        int lines = 0;
        for (float width : {180.0f, 420.0f}) {
            for (const auto& sc : library.scenarios()) {
                for (const auto& n : sc->nodes) {
                    std::vector<std::string> texts{n.say.get("zh")};
                    for (const auto& a : n.answers) texts.push_back(a.text.get("zh"));
                    for (const auto& t : texts) {
                        const std::string out = ui::broken(font, 18.0f, t, width);
                        std::size_t start = 0;
                        while (start <= out.size()) {
                            std::size_t nl = out.find('\n', start);
                            if (nl == std::string::npos) nl = out.size();
                            const std::string line = out.substr(start, nl - start);
                            INFO(sc->id << " " << n.id << " width " << width << ": [" << line
                                        << "]");
                            ++lines;
                            for (const auto& c : closing) CHECK(line.rfind(c, 0) != 0);
                            for (const auto& o : opening)
                                CHECK_FALSE(
                                    (line.size() >= o.size() &&
                                     line.compare(line.size() - o.size(), o.size(), o) == 0));
                            CHECK(font->CalcTextSizeA(18.0f, 1e9f, 0.0f, line.c_str()).x <=
                                  width + 0.5f);
                            start = nl + 1;
                        }
                        std::string joined;
                        for (char ch : out)
                            if (ch != '\n') joined += ch;
                        std::string plain;
                        for (char ch : t)
                            if (ch != '\n' && ch != ' ') plain += ch;
                        std::string joinedPlain;
                        for (char ch : joined)
                            if (ch != ' ') joinedPlain += ch;
                        CHECK(joinedPlain == plain);  // nothing lost or reordered
                    }
                }
            }
        }
        CHECK(lines > 1000);
    }
    ImGui::DestroyContext();
}
