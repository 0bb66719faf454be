# One interface target carrying the project's warning flags.
add_library(defuse_warnings INTERFACE)
add_library(defuse::warnings ALIAS defuse_warnings)
target_compile_options(defuse_warnings INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Wunused -Woverloaded-virtual -Wnull-dereference -Wdouble-promotion -Wformat=2)
# DEFUSE_WARNINGS_AS_ERRORS (top-level option, on in CI) makes any of them fail the build.
if(DEFUSE_WARNINGS_AS_ERRORS)
  target_compile_options(defuse_warnings INTERFACE -Werror)
endif()
