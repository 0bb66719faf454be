# Shared by the end-to-end tests: a scratch folder and assertions that say what failed.
set -euo pipefail
: "${DEFUSE:?path to the defuse binary}" "${DATA:?tests/data}" "${SCENARIOS:?scenarios/}"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
export NO_COLOR=1
# The words the tests expect are English: a Chinese locale on the machine must not change them.
unset LC_ALL LC_MESSAGES LANGUAGE
export LANG=C.UTF-8
fail() { echo "FAIL: $*" >&2; exit 1; }
expect_eq() { [ "$1" == "$2" ] || fail "$3: expected [$2], got [$1]"; }
expect_contains() { grep -qF -- "$2" "$1" || { echo "--- $1:"; cat "$1"; fail "$3: [$2] not found"; }; }
