// Settings survive a save and a load, and a damaged file never breaks anything.
#include "settings.hpp"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <fstream>

using namespace defuse;
using namespace defuse::desktop;

namespace {
std::filesystem::path tempDir(const char* name) {
    auto d = std::filesystem::temp_directory_path() /
             ("defuse-desktop-test-" + std::to_string(::getpid()) + "-" + name);
    std::filesystem::remove_all(d);
    return d;
}
}  // namespace

TEST_CASE("settings round-trip through the file", "[desktop][settings]") {
    const auto dir = tempDir("roundtrip");
    const auto file = dir / "defuse" / "desktop.ini";
    Settings s;
    s.lang = Lang::Zh;
    s.textSize = 22;
    s.timerInPractice = false;
    s.trainee = "李明";
    s.assessorKey = "/home/li/keys/assessor.key";
    s.trustedKey = "/srv/keys/assessor.pub";
    std::string error;
    REQUIRE(saveSettings(file, s, &error));
    const Settings back = loadSettings(file);
    CHECK(back.lang == Lang::Zh);
    CHECK(back.textSize == Approx(22));
    CHECK_FALSE(back.timerInPractice);
    CHECK(back.trainee == "李明");
    CHECK(back.assessorKey == "/home/li/keys/assessor.key");
    CHECK(back.trustedKey == "/srv/keys/assessor.pub");
    std::filesystem::remove_all(dir);
}

TEST_CASE("a damaged settings file keeps the defaults", "[desktop][settings]") {
    const auto dir = tempDir("damaged");
    std::filesystem::create_directories(dir);
    const auto file = dir / "desktop.ini";
    std::ofstream(file)
        << "text_size = huge\nlanguage = klingon\n\x01\x02 = \nno equals sign\ntext_size=1000\n";
    ::setenv("LC_ALL", "zh_CN.UTF-8", 1);
    const Settings s = loadSettings(file);
    ::unsetenv("LC_ALL");
    CHECK(s.lang == Lang::Zh);  // from the locale, since the file's value is unknown
    CHECK(s.textSize == Approx(Settings::kMaxTextSize));
    CHECK(s.timerInPractice);
    CHECK(loadSettings(dir / "missing.ini").textSize == Approx(18));
    std::filesystem::remove_all(dir);
}
