#!/bin/sh
# Row 21 of the hardening issue: running out of memory while loading is an internal failure
# (exit 1, "internal error"), not an error in the user's data (exit 2).
#   out_of_memory.sh CHRONOMAP_EXE WORK_DIR
set -eu
exe=$1 dir=$2
rm -rf "$dir" && mkdir -p "$dir"
printf '{"title": "t", "time_range": {"start": "1900", "end": "2000"}, "layers": [], "events": ["events.json"]}' \
  > "$dir/atlas.json"
line='{"id": "e", "date": "1950", "title": "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "summary": "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy"},'
{ echo '['; yes "$line" | head -n 600000; echo '{"id": "last", "date": "1950"}]'; } > "$dir/events.json"
set +e
( ulimit -v 250000; "$exe" validate "$dir" ) > "$dir/out.txt" 2> "$dir/err.txt"
rc=$?
set -e
tail -c 400 "$dir/err.txt"
rm -f "$dir/events.json"
if [ $rc -ne 1 ] || ! grep -q "internal error" "$dir/err.txt"; then
  echo "expected exit 1 with an internal error, got $rc" >&2
  exit 1
fi
echo "exit 1, internal error: as the README says"
