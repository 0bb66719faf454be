# `defuse say` writes the customer's line as a WAV that sox can measure; angrier is faster and
# louder; Chinese speaks; mistakes get clear errors; `defuse voices` lists what is installed.
source "$(dirname "$0")/lib.sh"
stat_of() { sox "$1" -n stat 2>&1 | awk -F: -v k="$2" '$1 ~ k {gsub(/ /, "", $2); print $2}'; }

"$DEFUSE" say phone-angry-call picks_up --mood anger=30 -o "$WORK/calm.wav" > "$WORK/calm.txt"
"$DEFUSE" say phone-angry-call picks_up --mood anger=90 -o "$WORK/angry.wav" > "$WORK/angry.txt"
expect_contains "$WORK/calm.txt" "voice en+m7, rate 87%" "say names the voice and the prosody"
calm_len=$(stat_of "$WORK/calm.wav" "Length")
angry_len=$(stat_of "$WORK/angry.wav" "Length")
calm_rms=$(stat_of "$WORK/calm.wav" "RMS +amplitude")
angry_rms=$(stat_of "$WORK/angry.wav" "RMS +amplitude")
awk -v c="$calm_len" -v a="$angry_len" 'BEGIN { exit !(c > 3 && a < 0.8 * c) }' ||
  fail "anger 90 is not faster: $angry_len s against $calm_len s"
awk -v c="$calm_rms" -v a="$angry_rms" 'BEGIN { exit !(a > 1.3 * c) }' ||
  fail "anger 90 is not louder: RMS $angry_rms against $calm_rms"

"$DEFUSE" say "$SCENARIOS/phone_angry_call.yaml" picks_up --lang zh -o "$WORK/zh.wav" > "$WORK/zh.txt"
expect_contains "$WORK/zh.txt" "声音 cmn-latn-pinyin+m7" "Chinese goes through the pinyin voice"
zh_len=$(stat_of "$WORK/zh.wav" "Length")
awk -v z="$zh_len" 'BEGIN { exit !(z > 3) }' || fail "the Chinese line is too short: $zh_len s"

set +e
"$DEFUSE" say phone-angry-call nowhere -o "$WORK/x.wav" 2> "$WORK/node.err"
expect_eq "$?" 1 "exit status for an unknown node"
"$DEFUSE" say phone-angry-call picks_up --mood anger=200 -o "$WORK/x.wav" 2> "$WORK/mood.err"
expect_eq "$?" 2 "exit status for a bad mood"
"$DEFUSE" say phone-angry-call picks_up -o "$WORK/calm.wav" 2> "$WORK/exists.err"
expect_eq "$?" 4 "exit status when the output exists"
set -e
expect_contains "$WORK/node.err" "no node or ending “nowhere” (nodes: picks_up," "an unknown node is named"
expect_contains "$WORK/mood.err" "--mood: expected anger=N,trust=N,patience=N with N from 0 to 100, got “anger=200”" "a bad mood is explained"
expect_contains "$WORK/exists.err" "calm.wav already exists (--force replaces it)" "nothing is overwritten without asking"
[ ! -e "$WORK/x.wav" ] || fail "a failed say wrote a file"

"$DEFUSE" voices > "$WORK/voices.txt"
expect_contains "$WORK/voices.txt" "English: voice en, installed" "the English voice is listed"
expect_contains "$WORK/voices.txt" "voice cmn-latn-pinyin, installed" "the pinyin voice is listed"
expect_contains "$WORK/voices.txt" "archetype furious: variant m1" "the customers' voices are listed"
# play --voice: the lines are spoken (here, with no sound device, timed silently); a missing
# device is said once, and the run is the same as without the voice.
"$DEFUSE" play "$DATA/scenarios/feature.yaml" --seed 1 --choices 4,1,2 --voice > "$WORK/voice-play.txt" 2> "$WORK/voice-play.err"
"$DEFUSE" play "$DATA/scenarios/feature.yaml" --seed 1 --choices 4,1,2 > "$WORK/plain-play.txt"
diff "$WORK/voice-play.txt" "$WORK/plain-play.txt" || fail "--voice changed what is shown"
notices=$(grep -c "no sound device" "$WORK/voice-play.err" || true)
[ "$notices" -le 1 ] || fail "the missing sound device was reported $notices times"
echo "voice: calm ${calm_len}s RMS $calm_rms, angry ${angry_len}s RMS $angry_rms, zh ${zh_len}s"
