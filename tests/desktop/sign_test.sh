#!/usr/bin/env bash
# Signing at the end of a desktop assessment, under Xvfb. With the assessor's private key and
# a trusted public key set in desktop.ini: the driven assessment's replay is signed when it
# ends and `defuse verify --pub` accepts it; the viewer checks it with the trusted key, and
# says so plainly when the trusted key is another one. A key others can read is refused with
# a message and the replay stays saved, unsigned.
# Environment: DEFUSE, PNG_CHECK, XVFB_RUN, UI_LANG, OUT.
set -u
rm -rf "$OUT"
mkdir -p "$OUT/data" "$OUT/config/defuse" "$OUT/keys"
export XDG_DATA_HOME="$OUT/data" XDG_CONFIG_HOME="$OUT/config"
fail() { echo "FAIL: $*"; exit 1; }
expect() { grep -qxE "$1" "$2" || fail "expected a line '$1' in $2"; }
"$DEFUSE" keygen --out "$OUT/keys/assessor" >/dev/null || fail "no key pair"
"$DEFUSE" keygen --out "$OUT/keys/other" >/dev/null || fail "no second key pair"
settings() {
  printf 'language = %s\ntrainee = Li Ming\nassessor_key = %s\ntrusted_key = %s\n' \
    "$UI_LANG" "$1" "$2" >"$OUT/config/defuse/desktop.ini"
}
gui() { "$XVFB_RUN" -a -s "-screen 0 1280x800x24" "$DEFUSE" gui --lang "$UI_LANG" "$@" </dev/null; }
best="own_it,listen_all,summarise,honour,empathise_inspect,show_him,agree_caught,plan_with_manager,hand_on"

# The assessment, signed when it ends.
settings "$OUT/keys/assessor.key" "$OUT/keys/assessor.pub"
gui --drive brake-pads-furious --assessment --answers "$best" --seed 1 \
  --screenshots "$OUT/shots" >"$OUT/drive.log" 2>&1 || { cat "$OUT/drive.log"; fail "the drive failed"; }
cat "$OUT/drive.log"
replay=$(sed -n 's/^replay: //p' "$OUT/drive.log")
[ -s "$replay" ] || fail "no replay"
expect "signed: [0-9a-f]{16} $replay.sig" "$OUT/drive.log"
"$DEFUSE" verify "$replay" --pub "$OUT/keys/assessor.pub" >"$OUT/verify.txt" ||
  { cat "$OUT/verify.txt"; fail "defuse verify does not accept the desktop's signature"; }
cat "$OUT/verify.txt"
grep -q "valid" "$OUT/verify.txt" || fail "verify does not say valid"
"$PNG_CHECK" "$OUT/shots/debrief.png" || fail "blank debrief"

# The viewer checks it with the trusted key...
gui --review "$replay" --turn 1 --screenshots "$OUT/trusted" >"$OUT/trusted.log" 2>&1 ||
  { cat "$OUT/trusted.log"; fail "the viewer failed"; }
expect "signature: valid" "$OUT/trusted.log"
# ...and says when the trusted key is another one.
settings "" "$OUT/keys/other.pub"
gui --review "$replay" --turn 1 --screenshots "$OUT/untrusted" >"$OUT/untrusted.log" 2>&1 ||
  { cat "$OUT/untrusted.log"; fail "the viewer failed"; }
expect "signature: other key" "$OUT/untrusted.log"
"$PNG_CHECK" "$OUT/trusted/review.png" "$OUT/untrusted/review.png" || fail "blank viewer"

# A private key others can read: not signed, said in the UI's language, the replay saved.
chmod 644 "$OUT/keys/assessor.key"
settings "$OUT/keys/assessor.key" ""
gui --drive brake-pads-furious --assessment --answers "$best" --seed 1 \
  --screenshots "$OUT/open" >"$OUT/open.log" 2>&1 || { cat "$OUT/open.log"; fail "the drive failed"; }
cat "$OUT/open.log"
replay2=$(sed -n 's/^replay: //p' "$OUT/open.log")
[ -s "$replay2" ] && [ "$replay2" != "$replay" ] || fail "the second replay is not saved"
[ -e "$replay2.sig" ] && fail "signed with a key others can read"
if [ "$UI_LANG" = zh ]; then
  expect "signed: no: 其他人可以读取 $OUT/keys/assessor.key（权限 644）.*" "$OUT/open.log"
else
  expect "signed: no: $OUT/keys/assessor.key can be read by others \(mode 644\).*" "$OUT/open.log"
fi
"$DEFUSE" score "$replay2" >/dev/null || fail "the unsigned replay does not score"
# A key that cannot be read at all.
settings "$OUT/keys/missing.key" ""
gui --drive brake-pads-furious --assessment --answers "$best" --seed 1 >"$OUT/missing.log" 2>&1 ||
  { cat "$OUT/missing.log"; fail "the drive failed"; }
grep -qE "^signed: no: .*missing.key" "$OUT/missing.log" || fail "an unreadable key is not said"
echo "PASS"
