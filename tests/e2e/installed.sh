# `cmake --install` gives a binary with no source path in it that finds its bundled scenarios
# in <prefix>/share/defuse/scenarios, from any folder and after the prefix is moved; the build
# tree's binary finds the source's scenarios/ through <build>/share/defuse/scenarios.
source "$(dirname "$0")/lib.sh"
: "${CMAKE:?cmake}" "${BUILD_DIR:?the build folder}" "${SOURCE_DIR:?the source folder}"
unset DEFUSE_SCENARIOS DISPLAY WAYLAND_DISPLAY  # no override, and the terminal library, not a window

# --strip, as packages are: a RelWithDebInfo build's debug info names the source files (that
# is what a debugger needs); what must not name them is the code and data the program uses.
prefix="$WORK/prefix"
"$CMAKE" --install "$BUILD_DIR" --prefix "$prefix" --strip > "$WORK/install.txt" 2>&1 ||
  { cat "$WORK/install.txt"; fail "cmake --install failed"; }
bin="$prefix/bin/defuse"
[ -x "$bin" ] || fail "cmake --install made no $bin"
ls "$prefix"/share/defuse/scenarios/*.yaml > /dev/null || fail "no scenarios in $prefix/share/defuse/scenarios"

hits=$(strings "$bin" | grep -c -F "$SOURCE_DIR" || true)
if [ "$hits" -ne 0 ]; then
  strings "$bin" | grep -F "$SOURCE_DIR" | head -5
  fail "the installed binary holds $hits strings with the source path $SOURCE_DIR"
fi

# The installed binary plays a bundled scenario by its id, run from a folder with no scenarios.
plays() {  # binary label
  mkdir -p "$WORK/elsewhere"
  (cd "$WORK/elsewhere" && "$1" play brake-pads-furious --seed 1 --choices 4,3,2,4,1,2,3,2,1) \
    > "$WORK/play.txt" 2>&1 || { cat "$WORK/play.txt"; fail "$2 cannot play a bundled scenario by its id"; }
  expect_contains "$WORK/play.txt" "Score: " "$2 plays to the debrief"
}
lists() {  # binary expected-folder label
  (cd "$WORK/elsewhere" && "$1" < /dev/null) > "$WORK/library.txt" 2>&1 ||
    { cat "$WORK/library.txt"; fail "$3 cannot list the bundled scenarios"; }
  expect_contains "$WORK/library.txt" "defuse: scenarios in $2" "$3 lists the scenarios in $2"
  grep -q "brake-pads-furious" "$WORK/library.txt" || { cat "$WORK/library.txt"; fail "$3 lists no scenarios"; }
}
plays "$bin" "the installed binary"
lists "$bin" "$(realpath "$prefix/share/defuse/scenarios")" "the installed binary"

# Nothing points back at where it was installed either: move the whole prefix.
mv "$prefix" "$WORK/moved"
plays "$WORK/moved/bin/defuse" "the moved installation"
lists "$WORK/moved/bin/defuse" "$(realpath "$WORK/moved/share/defuse/scenarios")" "the moved installation"

# The build tree's binary finds the source tree's scenarios, through the link CMake made.
plays "$DEFUSE" "the build tree's binary"
lists "$DEFUSE" "$(realpath "$SOURCE_DIR/scenarios")" "the build tree's binary"
echo "installed binary: ok"
