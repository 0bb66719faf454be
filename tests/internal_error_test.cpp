// [main] What escapes every command becomes one line on stderr and exit status 70
// (app/internal_error.hpp, used by app/main.cpp), never an abort.
#include "internal_error.hpp"

#include <catch2/catch.hpp>
#include <sstream>
#include <stdexcept>

using defuse::exitOnInternalError;
using defuse::kInternalErrorExit;

TEST_CASE("a command's own exit status passes through", "[main]") {
    std::ostringstream err;
    CHECK(exitOnInternalError([] { return 3; }, err) == 3);
    CHECK(exitOnInternalError([] { return 0; }, err) == 0);
    CHECK(err.str().empty());
}

TEST_CASE("a std::exception is one line and status 70", "[main]") {
    std::ostringstream err;
    int status = exitOnInternalError([]() -> int { throw std::runtime_error("map::at"); }, err);
    CHECK(status == kInternalErrorExit);
    CHECK(kInternalErrorExit == 70);
    CHECK(err.str() == "defuse: internal error: map::at\n");
}

TEST_CASE("a message with line breaks still prints as one line", "[main]") {
    std::ostringstream err;
    exitOnInternalError([]() -> int { throw std::logic_error("first\nsecond\r\nthird"); }, err);
    CHECK(err.str() == "defuse: internal error: first second  third\n");
}

TEST_CASE("an exception that is not a std::exception is caught too", "[main]") {
    std::ostringstream err;
    int status = exitOnInternalError([]() -> int { throw 42; }, err);
    CHECK(status == kInternalErrorExit);
    CHECK(err.str() == "defuse: internal error: an exception that is not a std::exception\n");
}

TEST_CASE("bad_alloc is reported like any other", "[main]") {
    std::ostringstream err;
    int status = exitOnInternalError([]() -> int { throw std::bad_alloc(); }, err);
    CHECK(status == kInternalErrorExit);
    CHECK(err.str().rfind("defuse: internal error: ", 0) == 0);
    CHECK(err.str().find('\n') == err.str().size() - 1);
}
