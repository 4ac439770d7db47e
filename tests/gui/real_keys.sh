#!/bin/sh
# Real key presses, through X, the way a presentation clicker sends them: four Page Downs 1 ms
# apart, all between two frames. When the window read the keys' state each frame, it stepped
# once or not at all; queued, it steps four events.
#   real_keys.sh CHRONOMAP ATLAS OUT_DIR   (run under xvfb-run)
# Skipped (77) without xdotool, except under CI, where it fails.
set -u
exe=$1 atlas=$2 out=$3
if ! command -v xdotool >/dev/null 2>&1; then
  echo "xdotool is not installed"
  [ -n "${CI:-}" ] && exit 1
  exit 77
fi
rm -rf "$out" && mkdir -p "$out"
printf 'wait 150\nexpect date 1918-03-03\nquit\n' > "$out/keys.script"
XDG_CONFIG_HOME="$out/config" "$exe" "$atlas" --date 1914 --script "$out/keys.script" &
pid=$!
win=$(timeout 60 xdotool search --sync --onlyvisible --class chronomap | head -1)
[ -n "$win" ] || { echo "the window did not appear"; kill "$pid"; exit 1; }
xdotool windowfocus --sync "$win"
sleep 1
xdotool key --delay 1 Next Next Next Next
wait "$pid"
rc=$?
[ $rc -eq 0 ] || echo "the window exited with $rc"
exit $rc
