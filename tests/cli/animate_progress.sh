#!/bin/sh
# chronomap animate shows its progress on a terminal ("frame k of n, about s left") and is quiet
# when its output goes to a file or a pipe.
#   animate_progress.sh CHRONOMAP ATLAS OUT_DIR
set -eu
exe=$1 atlas=$2 out=$3
rm -rf "$out" && mkdir -p "$out"
args="animate $atlas --out $out/film.mp4 --from 1918 --to 1921 --size 320x180 --per-event 0.2"
# script(1) gives the program a terminal; its output comes back through the typescript.
script -qec "$exe $args" /dev/null > "$out/terminal.txt"
grep -q "frame [0-9]* of [0-9]*" "$out/terminal.txt" || { echo "no progress on a terminal:"; cat "$out/terminal.txt"; exit 1; }
"$exe" $args > "$out/piped.txt" 2>&1
if grep -q "frame [0-9]* of" "$out/piped.txt"; then echo "progress written to a pipe:"; cat "$out/piped.txt"; exit 1; fi
echo "progress on a terminal, none in a pipe"
