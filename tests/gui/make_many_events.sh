#!/bin/sh
# An atlas with 100,000 events (row 7 of the hardening issue: frames cost 3.1 s each with them,
# because every event was laid out and visited every frame).
#   make_many_events.sh DIR TERRITORIES_GEOJSON
set -eu
dir=$1 territories=$2
rm -rf "$dir" && mkdir -p "$dir"
cat > "$dir/atlas.json" <<JSON
{"title": "100,000 events", "time_range": {"start": "1900", "end": "2000"},
 "layers": [{"name": "base", "source": "$territories", "role": "territories"}],
 "powers": [{"id": "red", "name": "Red", "color": "#D55E00"}],
 "sources": [{"id": "src", "title": "Generated"}],
 "events": ["rows.csv"]}
JSON
{
  echo "event_id,date,title,kind,territory,status,controller,basis,change_date,source,locator"
  echo "start,1900-01-01,Start,other,alpha,integral,red,,,src,p. 1"
  seq 1 100000 | awk '{ printf "e%d,%04d-%02d-%02d,Event %d,other,,,,,,src,p. %d\n", $1, 1900 + $1 % 100, 1 + $1 % 12, 1 + $1 % 28, $1, $1 }'
} > "$dir/rows.csv"
