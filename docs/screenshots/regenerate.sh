#!/usr/bin/env bash
# Regenerates the README screenshots with the real window under Xvfb:
#   docs/screenshots/regenerate.sh [path/to/defuse]
# Two earlier attempts are played first, so the debrief compares against a history.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
defuse="${1:-$here/../../build/app/defuse}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
run() {  # lang, choices, extra args...
  local lang="$1" choices="$2"; shift 2
  XDG_DATA_HOME="$work/$lang/data" XDG_CONFIG_HOME="$work/$lang/config" \
    xvfb-run -a -s "-screen 0 1280x800x24" "$defuse" gui --drive brake-pads-furious \
    --seed 1 --lang "$lang" --choices "$choices" "$@" </dev/null
}
for lang in en zh; do
  run "$lang" 1,1,1 >/dev/null
  run "$lang" 4,3,2,4,1,2,3,1,2 >/dev/null
  run "$lang" 4,3,2,4,1,2,1,2,1 --conversation-shot 4 --screenshots "$work/$lang/shots"
  cp "$work/$lang/shots/conversation.png" "$here/conversation-$lang.png"
  cp "$work/$lang/shots/debrief.png" "$here/debrief-$lang.png"
done
echo "updated $here/{conversation,debrief}-{en,zh}.png"
