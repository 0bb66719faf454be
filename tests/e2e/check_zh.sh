# `defuse check --lang zh` prints the diagnostics in Chinese: for each FILE.expected.zh in
# tests/data/zh/KIND/ (reviewed by hand), tests/data/bad/KIND/FILE gives exactly that, with the
# same exit status as in English. `--lang en` still gives FILE.expected, byte for byte, and
# without --lang the locale (LC_ALL, then LC_MESSAGES, then LANG) picks the language.
# CHECK_ZH_UPDATE=1 rewrites the .expected.zh files from the current output (review the diff).
source "$(dirname "$0")/lib.sh"
bad="$DATA/bad"
zh="$DATA/zh"
count=0

# Runs `defuse check -q ARGS... NAME` inside DIR with the locale given as VAR=VALUE words (the
# test's own locale is dropped); prints the output, then "status=N".
check_in() {
  local dir=$1 name=$2 locale=$3
  shift 3
  set +e
  # shellcheck disable=SC2086
  (cd "$dir" && env -u LC_ALL -u LC_MESSAGES -u LANG $locale "$DEFUSE" check -q "$@" "$name" 2>&1)
  echo "status=$?"
  set -e
}
split() { status=${1##*status=}; out=${1%status=*}; out=${out%$'\n'}; }

for expected in "$zh"/*/*.expected.zh; do
  [ -f "$expected" ] || continue
  kind=$(basename "$(dirname "$expected")")
  name=$(basename "$expected" .expected.zh)
  input="$bad/$kind/$name"
  [ -f "$input" ] || fail "$expected has no input $input"
  count=$((count + 1))

  split "$(check_in "$bad/$kind" "$name" "LANG=C.UTF-8" --lang en)"
  expect_eq "$out" "$(cat "$input.expected")" "$kind/$name --lang en"
  en_status=$status

  split "$(check_in "$bad/$kind" "$name" "LANG=C.UTF-8" --lang zh)"
  if [ "${CHECK_ZH_UPDATE:-0}" = 1 ]; then printf '%s\n' "$out" > "$expected"; fi
  expect_eq "$out" "$(cat "$expected")" "$kind/$name --lang zh"
  expect_eq "$status" "$en_status" "$kind/$name: the exit status does not depend on the language"
  # Every line keeps its place and severity; nothing is left in English or unfilled.
  [ "$(wc -l <<< "$out")" = "$(wc -l < "$input.expected")" ] || fail "$kind/$name: another number of lines in Chinese"
  if grep -qE ': (error|warning): |%[1-9]' <<< "$out"; then fail "$kind/$name: English or an unfilled %N in [$out]"; fi
  paste -d '\n' <(cut -d' ' -f1 "$input.expected") <(cut -d' ' -f1 <<< "$out") |
    paste - - | awk '$1 != $2 { exit 1 }' || fail "$kind/$name: the places differ between English and Chinese"
done
[ "$count" -ge 5 ] || fail "only $count .expected.zh files in $zh"

# The locale decides when --lang is not given; --lang wins over it.
one=scenario/duplicate_key.yaml
split "$(check_in "$bad/scenario" duplicate_key.yaml "LANG=zh_CN.UTF-8")"
expect_eq "$out" "$(cat "$zh/$one.expected.zh")" "LANG=zh_CN.UTF-8 without --lang"
split "$(check_in "$bad/scenario" duplicate_key.yaml "LANG=C.UTF-8 LC_MESSAGES=zh_TW.UTF-8")"
expect_eq "$out" "$(cat "$zh/$one.expected.zh")" "LC_MESSAGES=zh_TW.UTF-8 without --lang"
split "$(check_in "$bad/scenario" duplicate_key.yaml "LANG=zh_CN.UTF-8 LC_ALL=C")"
expect_eq "$out" "$(cat "$bad/$one.expected")" "LC_ALL=C over LANG=zh_CN.UTF-8"
split "$(check_in "$bad/scenario" duplicate_key.yaml "LANG=zh_CN.UTF-8" --lang en)"
expect_eq "$out" "$(cat "$bad/$one.expected")" "--lang en over LANG=zh_CN.UTF-8"
split "$(check_in "$bad/scenario" duplicate_key.yaml "")"
expect_eq "$out" "$(cat "$bad/$one.expected")" "no locale at all"

# The summary on stderr speaks the same language.
set +e
(cd "$bad/scenario" && "$DEFUSE" check --lang zh duplicate_key.yaml unknown_key.yaml > "$WORK/out.txt" 2> "$WORK/err.txt")
set -e
# (each file's answer also does nothing to the test customer's mood: one warning more each)
expect_contains "$WORK/err.txt" "已检查 2 个文件：1 个错误，3 个警告" "the Chinese summary"
expect_contains "$WORK/out.txt" "unknown_key.yaml:3:1: 警告：" "a Chinese warning"

echo "check --lang zh: $count files ok"
