// [condition] The small condition language trainers write after `if:`.
#include "defuse/condition.hpp"

#include "test_support.hpp"

using namespace defuse;

namespace {
Condition parse(const std::string& s) {
    ParsedCondition r = Condition::parse(s);
    INFO(s << " -> " << render(r.error, Lang::En));
    REQUIRE(r.ok());
    REQUIRE(r.condition->valid());
    return *r.condition;
}
RunFacts facts(int anger, int trust, int patience) {
    RunFacts f;
    f.mood = Mood{{anger, trust, patience}};
    return f;
}
}  // namespace

TEST_CASE("comparisons, and/or/not and parentheses", "[condition]") {
    CHECK(parse("anger >= 70").evaluate(facts(70, 0, 0)));
    CHECK_FALSE(parse("anger > 70").evaluate(facts(70, 0, 0)));
    CHECK(parse("trust < 40 and patience > 20").evaluate(facts(0, 39, 21)));
    CHECK_FALSE(parse("trust < 40 and patience > 20").evaluate(facts(0, 40, 21)));
    CHECK(parse("anger == 1 or trust != 5").evaluate(facts(0, 4, 0)));
    CHECK(parse("not (anger < 10 or trust < 10)").evaluate(facts(10, 10, 0)));
    // and binds tighter than or
    CHECK(parse("anger > 90 or trust > 10 and patience > 10").evaluate(facts(95, 0, 0)));
}

TEST_CASE("picked, used and visited look at the run so far", "[condition]") {
    RunFacts f = facts(50, 50, 50);
    f.picked = {"own_it"};
    f.used = {"empathy"};
    f.visited = {"inspection"};
    CHECK(parse("picked own_it").evaluate(f));
    CHECK(parse("used empathy and visited inspection").evaluate(f));
    CHECK_FALSE(parse("picked other or used blame_customer").evaluate(f));
    auto refs = parse("picked a or used empathy").refs();
    REQUIRE(refs.size() == 2);
    CHECK(refs[0].kind == Condition::Ref::Kind::Answer);
    CHECK(refs[0].offset == 7);
    CHECK(refs[1].name == "empathy");
}

TEST_CASE("parse errors say what and where", "[condition]") {
    auto fails = [](const std::string& s, const std::string& msg, int offset) {
        ParsedCondition r = Condition::parse(s);
        CHECK_FALSE(r.ok());
        CHECK(render(r.error, Lang::En) == msg);
        CHECK(r.errorOffset == offset);
        CHECK_FALSE(render(r.error, Lang::Zh).empty());
    };
    fails("anger >> 5", "expected a number after '>'", 7);
    fails("angr > 5",
          "unknown name 'angr'; a condition starts with anger, trust, patience, picked, used, "
          "visited, not or '('",
          0);
    fails("anger = 5", "'=' is not a comparison; use == or !=", 6);
    fails("(anger > 5", "missing ')'", 10);
    fails("anger > 5 trust", "expected 'and', 'or' or the end of the condition, found 'trust'", 10);
    fails("怒气 > 5", "unexpected '怒' in the condition", 0);
    fails(std::string(200, '('), "the condition nests too deeply", 32);
}

TEST_CASE("parse errors are messages, not text: they render in Chinese too", "[condition]") {
    ParsedCondition r = Condition::parse("anger >> 5");
    REQUIRE_FALSE(r.ok());
    CHECK(r.error.id == Msg::ConditionExpectedNumber);
    CHECK(render(r.error, Lang::Zh) == "「>」后面应该是数字");
    CHECK(render(Condition::parse("(anger > 5").error, Lang::Zh) == "缺少「)」");
    CHECK(render(Condition::parse("怒气 > 5").error, Lang::Zh) == "条件中出现了意外的「怒」");
}

TEST_CASE("a condition that parses has no error", "[condition]") {
    ParsedCondition r = Condition::parse("used empathy");
    REQUIRE(r.ok());
    CHECK(r.error.empty());
    CHECK(r.errorOffset == 0);
    CHECK(r.condition->text() == "used empathy");
}
