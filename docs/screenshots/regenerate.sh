#!/usr/bin/env bash
# Regenerates the README screenshots with the real window under Xvfb:
#   docs/screenshots/regenerate.sh [path/to/defuse]
# Two earlier practice runs are played first, so the debrief compares against a history.
# Answers are picked by id (--answers), whatever order the seed shows them in.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
defuse="${1:-$here/../../build/app/defuse}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
run() {  # lang, answers, extra args...
  local lang="$1" answers="$2"; shift 2
  XDG_DATA_HOME="$work/$lang/data" XDG_CONFIG_HOME="$work/$lang/config" \
    xvfb-run -a -s "-screen 0 1280x800x24" "$defuse" gui --drive brake-pads-furious \
    --seed 1 --lang "$lang" --answers "$answers" "$@" </dev/null
}
for lang in en zh; do
  run "$lang" calm_down,hot_spec,defend_self >/dev/null
  run "$lang" own_it,listen_all,summarise,honour,empathise_inspect,blunt_habits,repair,show_findings,standard_charge,goodwill,confirm_wary >/dev/null
  run "$lang" own_it,listen_all,summarise,honour,empathise_inspect,indirect_q,agree_caught,plan_own,sure_standard \
    --conversation-shot 4 --screenshots "$work/$lang/shots"
  cp "$work/$lang/shots/conversation.png" "$here/conversation-$lang.png"
  cp "$work/$lang/shots/debrief.png" "$here/debrief-$lang.png"
done
echo "updated $here/{conversation,debrief}-{en,zh}.png"

# The author view on the bundled brake-pads-furious (graph fitted, best and worst marked).
XDG_DATA_HOME="$work/author/data" XDG_CONFIG_HOME="$work/author/config" \
  xvfb-run -a -s "-screen 0 1600x1000x24" "$defuse" gui --width 1600 --height 1000 \
  --author "$here/../../scenarios/brake_pads_furious.yaml" --screenshots "$work/author/shots" \
  </dev/null >/dev/null
cp "$work/author/shots/author-graph.png" "$here/author-en.png"
echo "updated $here/author-en.png (live-reload-{en,zh}.png come from ctest -R desktop.live_reload)"
