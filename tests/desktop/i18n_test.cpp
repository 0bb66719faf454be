// The UI string table: complete in both languages, and formatting.
#include "i18n.hpp"

#include <catch2/catch.hpp>

using namespace defuse::desktop;

TEST_CASE("every UI string exists in English and Chinese", "[desktop][i18n]") {
    for (int i = 0; i < static_cast<int>(Str::Count); ++i) {
        const auto id = static_cast<Str>(i);
        INFO("string #" << i);
        CHECK(std::string(tr(id, Lang::En)).size() > 0);
        CHECK(std::string(tr(id, Lang::Zh)).size() > 0);
    }
    CHECK(std::string(tr(Str::Library, Lang::Zh)) == "场景库");
    CHECK(allUiStrings().size() == 2 * static_cast<std::size_t>(Str::Count));
}

TEST_CASE("format fills numbered places in any order", "[desktop][i18n]") {
    CHECK(format("%1 of %2", {"3", "5"}) == "3 of 5");
    CHECK(format("已从 %2 添加 %1 个场景", {"4", "/tmp"}) == "已从 /tmp 添加 4 个场景");
    CHECK(format("100%", {}) == "100%");
    CHECK(format("%3", {"a"}) == "");
}

TEST_CASE("the language follows the locale", "[desktop][i18n]") {
    CHECK(langFromCode("zh_CN.UTF-8") == Lang::Zh);
    CHECK(langFromCode("zh") == Lang::Zh);
    CHECK(langFromCode("en_GB.UTF-8") == Lang::En);
    CHECK(langFromCode("C") == Lang::En);
    CHECK(langFromCode("") == Lang::En);
}
