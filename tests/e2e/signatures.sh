# keygen, sign and verify through the real binary: the private key is 0600 and never replaced,
# an untouched replay is valid and re-scored, an edit fails with what changed, a changed
# scenario is reported as such.
source "$(dirname "$0")/lib.sh"
cd "$WORK"
"$DEFUSE" keygen --out assessor > keygen.txt || fail "keygen failed"
expect_contains keygen.txt "assessor.key (private" "keygen names the files"
expect_eq "$(stat -c %a assessor.key)" "600" "the private key is readable only by its owner"
"$DEFUSE" keygen --out assessor > again.txt 2>&1 && fail "keygen replaced a key"
expect_contains again.txt "already exists" "keygen refuses to replace a key"
"$DEFUSE" keygen --out other > /dev/null
mkdir lib && cp -r "$DATA/scenarios/." lib/
"$DEFUSE" play lib/feature.yaml --seed 1 --mode assessment --trainee "Li Ming" --record run.yaml --choices 4@3,1@4,1@2 > /dev/null 2>&1 || true
"$DEFUSE" sign run.yaml --key assessor.key > sign.txt || fail "sign failed"
[ -f run.yaml.sig ] || fail "no run.yaml.sig"
"$DEFUSE" verify run.yaml --pub assessor.pub > v.txt || { cat v.txt; fail "an untouched replay does not verify"; }
expect_contains v.txt "run.yaml: valid, signed with key" "valid"
expect_contains v.txt "Li Ming, assessment on feature-test:" "re-scored"
"$DEFUSE" verify run.yaml --pub other.pub > v.txt && fail "verified with another key"
expect_contains v.txt "NOT VALID: signed with key" "another key"
cp run.yaml edited.yaml && cp run.yaml.sig edited.yaml.sig
sed -i 's/^trainee: Li Ming$/trainee: Wang Fang/; s/seconds: 3.000/seconds: 1.000/' edited.yaml
"$DEFUSE" verify edited.yaml --pub assessor.pub > v.txt && fail "an edited replay verified"
expect_contains v.txt 'trainee: signed "Li Ming", now "Wang Fang"' "the trainee edit is named"
expect_contains v.txt "turn 1 seconds: signed 3.000, now 1.000" "the turn edit is named"
"$DEFUSE" verify edited.yaml --pub assessor.pub --lang zh > v.txt || true
expect_contains v.txt "「trainee」：签名时为" "verify speaks Chinese"
cp run.yaml unsigned.yaml
"$DEFUSE" verify unsigned.yaml --pub assessor.pub > v.txt && fail "an unsigned replay verified"
expect_contains v.txt "NOT SIGNED" "unsigned"
echo "# edited after the run" >> lib/feature.yaml
"$DEFUSE" verify run.yaml --pub assessor.pub --scenarios lib > v.txt || { cat v.txt; fail "the signature itself still holds"; }
expect_contains v.txt "has changed since the run" "a changed scenario is reported"
"$DEFUSE" verify run.yaml --pub run.yaml > v.txt 2>&1 && fail "a replay taken for a public key"
expect_contains v.txt "is not a defuse public key" "bad key file"
echo "signatures: ok"
