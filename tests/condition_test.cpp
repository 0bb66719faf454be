// [condition] The small condition language trainers write after `if:`.
#include "test_support.hpp"

#include "defuse/condition.hpp"

using namespace defuse;

namespace {
Condition parse(const std::string& s) {
    std::string err;
    int off = -1;
    Condition c = Condition::parse(s, err, off);
    INFO(s << " -> " << err);
    REQUIRE(c.valid());
    return c;
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
        std::string err;
        int off = -1;
        Condition c = Condition::parse(s, err, off);
        CHECK_FALSE(c.valid());
        CHECK(err == msg);
        CHECK(off == offset);
    };
    fails("anger >> 5", "expected a number after '>'", 7);
    fails("angr > 5", "unknown name 'angr'; a condition starts with anger, trust, patience, picked, used, visited, not or '('", 0);
    fails("anger = 5", "'=' is not a comparison; use == or !=", 6);
    fails("(anger > 5", "missing ')'", 10);
    fails("anger > 5 trust", "expected 'and', 'or' or the end of the condition, found 'trust'", 10);
    fails("怒气 > 5", "unexpected '怒' in the condition", 0);
    fails(std::string(200, '('), "the condition nests too deeply", 32);
}
