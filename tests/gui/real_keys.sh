#!/bin/sh
# Real key presses, through X, the way a presentation clicker sends them.
#   real_keys.sh CHRONOMAP ATLAS OUT_DIR EXPECTED_DATE FRAME_TIME_MS KEY_DELAY_MS KEY...
# Without the last four, four Page Downs 1 ms apart, all between two frames: when the window read
# the keys' state each frame, it stepped once or not at all; queued, it steps four events. With
# them, a lesson's keys on a window whose frames take FRAME_TIME_MS (--frame-time), KEY_DELAY_MS
# apart; the window must end on EXPECTED_DATE, each press handled once.
# Skipped (77) without xdotool, except under CI, where it fails. Run under xvfb-run.
set -u
exe=$1 atlas=$2 out=$3
expected=${4:-1918-03-03} frame_time=${5:-0} delay=${6:-1}
[ $# -gt 6 ] && shift 6 || set -- Next Next Next Next
if ! command -v xdotool >/dev/null 2>&1; then
  echo "xdotool is not installed"
  [ -n "${CI:-}" ] && exit 1
  exit 77
fi
rm -rf "$out" && mkdir -p "$out"
# The script waits while the keys are pressed: 150 frames (3 s at 20 ms), or 10 s of slow frames.
frames=150
[ "$frame_time" -gt 0 ] && frames=$((10000 / frame_time))
printf 'wait %s\nexpect date %s\nquit\n' "$frames" "$expected" > "$out/keys.script"
XDG_CONFIG_HOME="$out/config" "$exe" "$atlas" --date 1914 --frame-time "$frame_time" --script "$out/keys.script" &
pid=$!
win=$(timeout 60 xdotool search --sync --onlyvisible --class chronomap | head -1)
[ -n "$win" ] || { echo "the window did not appear"; kill "$pid"; exit 1; }
xdotool windowfocus --sync "$win"
sleep 1
xdotool key --delay "$delay" "$@"
wait "$pid"
rc=$?
[ $rc -eq 0 ] || echo "the window exited with $rc"
exit $rc
