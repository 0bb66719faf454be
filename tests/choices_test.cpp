// [choices] The --choices list both front ends take (ui/common/choices.hpp): answer numbers,
// "@seconds", "r" to take an answer back, and a message that says what is wrong otherwise.
#include "common/choices.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

using defuse::ui::Choice;
using defuse::ui::parseChoices;

namespace {

struct Parsed {
    bool ok = false;
    std::vector<Choice> choices;
    std::string error;
};

Parsed parse(const std::string& text) {
    Parsed p;
    p.ok = parseChoices(text, p.choices, p.error);
    return p;
}

const std::string kNotANumber =
    "is not an answer number (1, 2, 3, ...), optionally with @SECONDS, or r";
const std::string kBadSeconds = "the seconds after @ must be a number from 0 to 3600";

}  // namespace

TEST_CASE("answer numbers separated by commas", "[choices]") {
    auto p = parse("2,1,3");
    REQUIRE(p.ok);
    CHECK(p.error.empty());
    REQUIRE(p.choices.size() == 3);
    CHECK(p.choices[0].number == 2);
    CHECK(p.choices[1].number == 1);
    CHECK(p.choices[2].number == 3);
    for (const Choice& c : p.choices) {
        CHECK(c.seconds == 0);
        CHECK_FALSE(c.rewind);
    }
}

TEST_CASE("one number, and the largest one", "[choices]") {
    auto one = parse("4");
    REQUIRE(one.ok);
    REQUIRE(one.choices.size() == 1);
    CHECK(one.choices[0].number == 4);

    auto big = parse("999");
    REQUIRE(big.ok);
    CHECK(big.choices[0].number == 999);
}

TEST_CASE("a number can carry the seconds taken", "[choices]") {
    auto p = parse("2@12,1@12.5,3@0,4@3600,1");
    REQUIRE(p.ok);
    REQUIRE(p.choices.size() == 5);
    CHECK(p.choices[0].number == 2);
    CHECK(p.choices[0].seconds == 12);
    CHECK(p.choices[1].number == 1);
    CHECK(p.choices[1].seconds == 12.5);
    CHECK(p.choices[2].seconds == 0);
    CHECK(p.choices[3].seconds == 3600);
    CHECK(p.choices[4].seconds == 0);  // no @: no time given
}

TEST_CASE("r takes the last answer back", "[choices]") {
    auto p = parse("1,r,4,R");
    REQUIRE(p.ok);
    REQUIRE(p.choices.size() == 4);
    CHECK_FALSE(p.choices[0].rewind);
    CHECK(p.choices[1].rewind);
    CHECK(p.choices[1].number == 0);
    CHECK(p.choices[2].number == 4);
    CHECK(p.choices[3].rewind);
}

TEST_CASE("spaces and tabs around items are ignored", "[choices]") {
    auto p = parse(" 2 ,\t1@3 , r ");
    REQUIRE(p.ok);
    REQUIRE(p.choices.size() == 3);
    CHECK(p.choices[0].number == 2);
    CHECK(p.choices[1].number == 1);
    CHECK(p.choices[1].seconds == 3);
    CHECK(p.choices[2].rewind);
}

TEST_CASE("earlier contents of the output list are replaced", "[choices]") {
    std::vector<Choice> out(5);
    std::string error;
    REQUIRE(parseChoices("3", out, error));
    REQUIRE(out.size() == 1);
    CHECK(out[0].number == 3);
}

TEST_CASE("an empty list is refused", "[choices]") {
    auto p = parse("");
    CHECK_FALSE(p.ok);
    CHECK(p.choices.empty());
    CHECK(p.error == "--choices is empty");
}

TEST_CASE("an empty item is refused", "[choices]") {
    for (const char* text : {"2,,3", ",1", " ", ",", "1, ,2"}) {
        INFO("--choices '" << text << "'");
        auto p = parse(text);
        CHECK_FALSE(p.ok);
        CHECK(p.error ==
              "--choices has an empty item; write numbers separated by commas, like 2,1,3");
    }
}

TEST_CASE("what is not an answer number is refused, naming the item", "[choices]") {
    for (const char* item :
         {"x", "0", "00", "-1", "+1", "1.5", "2x", "r2", "rr", "1000", "2 @12", "@5", "@"}) {
        INFO("--choices '" << item << "'");
        auto p = parse(std::string("1,") + item);
        CHECK_FALSE(p.ok);
        CHECK(p.error == "--choices: '" + std::string(item) + "' " + kNotANumber);
    }
}

TEST_CASE("numbers too large for an int are refused, not an exception", "[choices]") {
    for (const char* item : {"2147483648", "99999999999999999999999", "1000000@1"}) {
        INFO("--choices '" << item << "'");
        Parsed p;
        REQUIRE_NOTHROW(p = parse(item));
        CHECK_FALSE(p.ok);
        CHECK(p.error == "--choices: '" + std::string(item) + "' " + kNotANumber);
    }
}

TEST_CASE("seconds must be a number from 0 to 3600", "[choices]") {
    for (const char* item :
         {"2@", "2@-1", "2@3600.5", "2@abc", "2@12s", "2@1@2", "2@nan", "2@inf", "2@1e400"}) {
        INFO("--choices '" << item << "'");
        Parsed p;
        REQUIRE_NOTHROW(p = parse(item));
        CHECK_FALSE(p.ok);
        CHECK(p.error == "--choices: '" + std::string(item) + "': " + kBadSeconds);
    }
}

TEST_CASE("the message shows the item without the spaces around it", "[choices]") {
    auto p = parse("1,  zwei ");
    CHECK_FALSE(p.ok);
    CHECK(p.error == "--choices: 'zwei' " + kNotANumber);
}
