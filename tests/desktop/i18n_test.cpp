// The desktop's words are rows of the engine's one catalogue (desktop.def): complete in
// English and Chinese, with the same placeholders in both.
#include "i18n.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>
#include <set>
#include <string>

#include "fonts.hpp"

using namespace defuse;
using namespace defuse::desktop;

namespace {

std::set<char> placeholders(std::string_view s) {
    std::set<char> out;
    for (std::size_t i = 0; i + 1 < s.size(); ++i)
        if (s[i] == '%' && s[i + 1] >= '1' && s[i + 1] <= '9') out.insert(s[i + 1]);
    return out;
}

}  // namespace

TEST_CASE("every desktop row exists in English and Chinese", "[desktop][i18n]") {
    REQUIRE(desktopRows().size() > 50);
    for (Msg id : desktopRows()) {
        INFO(msgName(id));
        CHECK(msgName(id).substr(0, 2) == "Ui");
        CHECK_FALSE(templateOf(id, Lang::En).empty());
        CHECK_FALSE(templateOf(id, Lang::Zh).empty());
        CHECK(placeholders(templateOf(id, Lang::En)) == placeholders(templateOf(id, Lang::Zh)));
    }
    CHECK(std::string(templateOf(Msg::UiLibrary, Lang::Zh)) == "场景库");
}

TEST_CASE("the text context renders catalogue rows in its language", "[desktop][i18n]") {
    Fonts fonts;
    const TextCtx en{Lang::En, fonts};
    const TextCtx zh{Lang::Zh, fonts};
    CHECK(std::string(en.t(Msg::UiSettings)) == "Settings");
    CHECK(zh.tr(Msg::UiFolderAdded, {"4", "/tmp"}) == "已从 /tmp 添加 4 个场景");
    CHECK(en.label(Msg::DimAnger) == "Anger");
    CHECK(zh.label(Msg::DimAnger) == "愤怒");
    CHECK(en.label(bandMsg(MoodBand::Furious)) == "Furious");
    CHECK(en(Message(Msg::UiTurn, {Message::num(3LL)})) == "Turn 3");
}

TEST_CASE("the language follows the locale", "[desktop][i18n]") {
    CHECK(langFromCode("zh_CN.UTF-8") == Lang::Zh);
    CHECK(langFromCode("zh") == Lang::Zh);
    CHECK(langFromCode("en_GB.UTF-8") == Lang::En);
    CHECK(langFromCode("C") == Lang::En);
    CHECK(langFromCode("") == Lang::En);
    ::setenv("LC_ALL", "zh_TW.UTF-8", 1);
    CHECK(systemLang() == Lang::Zh);
    ::setenv("LC_ALL", "de_DE.UTF-8", 1);
    CHECK(systemLang() == Lang::En);
    ::unsetenv("LC_ALL");
}
