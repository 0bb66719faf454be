#!/usr/bin/env bash
# Drag and drop, under Xvfb: `defuse gui --drop PATH` hands paths to the same function the
# window's GLFW drop callback leads to. A dropped replay opens in the viewer; a dropped folder
# of scenarios joins the library (and the library shows); a path that is neither says so.
# Environment: DEFUSE, PNG_CHECK, XVFB_RUN, UI_LANG, OUT, FIXTURES (a scenario folder).
set -u
rm -rf "$OUT"
mkdir -p "$OUT/data/defuse/attempts" "$OUT/config" "$OUT/elsewhere"
export XDG_DATA_HOME="$OUT/data" XDG_CONFIG_HOME="$OUT/config"
fail() { echo "FAIL: $*"; exit 1; }
replay="$OUT/elsewhere/dropped.yaml"   # not in the attempts folder: only the drop finds it
printf '%s\n' own_it@4 listen_all@6 summarise@5 |
  "$DEFUSE" play brake-pads-furious --json --seed 1 --mode assessment --trainee "Wang Fang" \
    --record "$replay" >/dev/null 2>&1
grep -q "picked: summarise" "$replay" || fail "the replay to drop was not recorded"
cp -r "$FIXTURES" "$OUT/folder"
echo "not a replay" > "$OUT/elsewhere/notes.txt"
log="$OUT/drop.log"
"$XVFB_RUN" -a -s "-screen 0 1280x800x24" \
  "$DEFUSE" gui --lang "$UI_LANG" --drop "$replay" --drop "$OUT/folder" --drop "$OUT/nothing-here" \
  --drop "$OUT/elsewhere/notes.txt" \
  --screenshots "$OUT/shots" >"$log" 2>&1 </dev/null
status=$?
cat "$log"
[ "$status" -eq 0 ] || fail "defuse gui --drop exited with $status"
expect() { grep -qxE "$1" "$log" || fail "expected a line '$1'"; }
expect "drop 1 $replay: replay viewer $replay, brake-pads-furious, 3 turns, score [0-9]+; library ([0-9]+) entries \(0 added\)"
expect "drop 2 $OUT/folder: library; library [0-9]+ entries \(3 added\)"
if [ "$UI_LANG" = zh ]; then
  expect "toast: 已从 $OUT/folder 添加 3 个场景"
else
  expect "toast: Added 3 scenarios from $OUT/folder"
fi
expect "drop 3 $OUT/nothing-here: library; library [0-9]+ entries \(0 added\)"
expect "drop 4 $OUT/elsewhere/notes.txt: library; library [0-9]+ entries \(0 added\)"
if [ "$UI_LANG" = zh ]; then
  expect "toast \(error\): $OUT/nothing-here 处没有可打开的内容：文件或文件夹不存在"
  expect "toast \(error\): $OUT/elsewhere/notes.txt 既不是回放，也不是场景文件或文件夹"
else
  expect "toast \(error\): Nothing to open at $OUT/nothing-here: no such file or folder"
  expect "toast \(error\): $OUT/elsewhere/notes.txt is neither a replay nor a scenario file or folder"
fi
# The library's broken files, in the language of the window (issue 13): the panel and this
# report render each diagnostic with the same Diagnostic::format in the UI's language.
if [ "$UI_LANG" = zh ]; then
  expect "failed file: $OUT/folder/broken_syntax.yaml:3:8: 错误：YAML 语法错误：.*第 3 行第 8 列的「\{」还没有闭合.*"
  expect "failed file: $OUT/folder/unknown_tag.yaml:11:16: 错误：未知的标签「empathie」；你是不是想写「empathy」？.*"
  expect "failed file: $OUT/folder/unknown_tag.yaml:10:9: 警告：节点「only」的第 1 个回答没有辅导提示"
  ! grep -E "^failed file: .*: (error|warning):" "$log" || fail "an English diagnostic in the Chinese library"
else
  expect "failed file: $OUT/folder/broken_syntax.yaml:3:8: error: .*"
  expect "failed file: $OUT/folder/unknown_tag.yaml:11:16: error: unknown tag 'empathie'; did you mean 'empathy'\? .*"
  ! grep -E "^failed file: .*(错误|警告)" "$log" || fail "a Chinese diagnostic in the English library"
fi
shots=()
for n in 0 1 2 3 4; do
  [ -s "$OUT/shots/drop-$n.png" ] || fail "no screenshot drop-$n.png"
  shots+=("$OUT/shots/drop-$n.png")
done
"$PNG_CHECK" "${shots[@]}" || fail "a screenshot is blank"
echo "PASS"
