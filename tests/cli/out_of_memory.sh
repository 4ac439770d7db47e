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
# The address space the program needs to start depends on the libraries it links: find it, then
# allow 200 MB more, far less than 120 MB of events take to load.
base=150000
while ! ( ulimit -v $base; "$exe" --version ) > /dev/null 2>&1; do
  base=$((base + 25000))
  [ $base -lt 4000000 ] || { echo "chronomap does not start even with 4 GB of address space" >&2; exit 1; }
done
limit=$((base + 200000))
echo "starts within $base KB; loading under $limit KB"
set +e
( ulimit -v $limit; "$exe" validate "$dir" ) > "$dir/out.txt" 2> "$dir/err.txt"
rc=$?
set -e
tail -c 400 "$dir/err.txt"
rm -f "$dir/events.json"
if [ $rc -ne 1 ] || ! grep -q "internal error" "$dir/err.txt"; then
  echo "expected exit 1 with an internal error, got $rc" >&2
  exit 1
fi
echo "exit 1, internal error: as the README says"
