#!/usr/bin/env bash
# Chronomap against QGIS 3.22 (../shared/bench/qgis_export.py, the peer) on real outlines at their
# real sizes, nothing densified or decimated:
#   wa110m, wa50m, wa10m   Natural Earth countries 1:110m, 1:50m, 1:10m (npm world-atlas 2.0.2)
#   geo1km, geo10m         @geo-maps/countries-land-1km and -10m 0.6.0 from npm (every lake and islet)
#   series                 the nine historical-basemaps snapshots in ../shared/data, through
#                          `chronomap init`, drawn at 1800 (QGIS draws world_1800.geojson)
#   floor                  one square: what any export costs, whatever the data
# Each run is end to end (process start to PNG written), 3840x2160, a categorised fill with
# outlines, map only; the tools alternate; medians are printed. QGIS runs with its on-the-fly
# simplification (--simplify 1), as its window does by default. Chronomap is timed with its cache
# off (cold: every file parsed, every polygon triangulated) and on (warm: the atlas opened before).
#   bash bench/compare_qgis.sh [REPEATS] [DATASETS...]
# QGIS is skipped when python3-qgis is not installed (apt-get install python3-qgis qgis-providers).
# The downloads need npm and the network; they are kept in build/bench-data.
set -euo pipefail
cd "$(dirname "$0")/.."
reps=${1:-3}
shift || true
sets=("$@")
[ ${#sets[@]} -gt 0 ] || sets=(floor wa110m wa50m wa10m geo1km geo10m series)
exe=$PWD/build/app/chronomap
peer=$PWD/../shared/bench/qgis_export.py
shared=$PWD/../shared/data/historical-basemaps
data=$PWD/build/bench-data
mkdir -p "$data"
[ -x "$exe" ] || { echo "build first: bash dev.sh run" >&2; exit 2; }
have_qgis=0
/usr/bin/python3 -c "import qgis.core" 2>/dev/null && have_qgis=1
[ $have_qgis = 1 ] || echo "python3-qgis is not installed: QGIS is skipped" >&2

npm_file() {  # npm_file PACKAGE@VERSION PATH-IN-PACKAGE OUT
  [ -f "$3" ] && return
  local tmp
  tmp=$(mktemp -d)
  (cd "$tmp" && npm pack --silent "$1" >/dev/null && tar xzf ./*.tgz "package/$2")
  mv "$tmp/package/$2" "$3"
  rm -rf "$tmp"
}

atlas() {  # atlas DIR NAME_FIELD: an atlas of one territories layer, countries.geojson
  cat > "$1/atlas.json" <<JSON
{"title": "Countries", "time_range": {"start": "2000", "end": "2020"}, "crs": "EPSG:4326",
 "layers": [{"name": "countries", "source": "countries.geojson", "role": "territories", "name_field": "$2"}]}
JSON
}

# Prepares build/bench-data/NAME with atlas.json, the file QGIS draws (qgis_source), its name
# field (field), the date to draw (date) and the vertex count (vertices).
prepare() {
  local name=$1 dir=$data/$1
  [ -f "$dir/atlas.json" ] && return
  mkdir -p "$dir"
  case $name in
    wa*)
      local scale=${name#wa}
      npm_file world-atlas@2.0.2 "countries-$scale.json" "$dir/countries-$scale.json"
      ogr2ogr -f GeoJSON "$dir/countries.geojson" "$dir/countries-$scale.json" countries
      atlas "$dir" name; echo name > "$dir/field"; echo 2010 > "$dir/date"
      echo "$dir/countries.geojson" > "$dir/qgis_source" ;;
    geo1km | geo10m)
      local scale=${name#geo}
      npm_file "@geo-maps/countries-land-$scale@0.6.0" map.geo.json "$dir/countries.geojson"
      atlas "$dir" A3; echo A3 > "$dir/field"; echo 2010 > "$dir/date"
      echo "$dir/countries.geojson" > "$dir/qgis_source" ;;
    series)
      [ -d "$shared" ] || { echo "no $shared: series skipped" >&2; rmdir "$dir"; return 1; }
      cp "$shared"/*.geojson "$dir/"
      "$exe" init "$dir" >/dev/null
      echo NAME > "$dir/field"; echo 1800 > "$dir/date"
      echo "$dir/world_1800.geojson" > "$dir/qgis_source" ;;
    floor)
      printf '%s\n' '{"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"name": "Square"},' \
        '"geometry": {"type": "Polygon", "coordinates": [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]]}}]}' \
        > "$dir/countries.geojson"
      atlas "$dir" name; echo name > "$dir/field"; echo 2010 > "$dir/date"
      echo "$dir/countries.geojson" > "$dir/qgis_source" ;;
    *) echo "unknown data set $name" >&2; rmdir "$dir"; return 1 ;;
  esac
  python3 - "$(cat "$dir/qgis_source")" > "$dir/vertices" <<'PY'
import json, sys
def count(c):
    return 0 if not c else 1 if isinstance(c[0], (int, float)) else sum(count(x) for x in c)
print(sum(count(f["geometry"]["coordinates"]) for f in json.load(open(sys.argv[1]))["features"] if f["geometry"]))
PY
}

# Seconds a command took. One that did not write its image stops the benchmark rather than give
# a time for nothing: QGIS prints {"error": "layer not valid"} on a layer GDAL cannot read (and
# its exit status says nothing: it can crash on the way out after writing the image).
seconds() {
  local t0 t1
  t0=$(date +%s.%N)
  "$@" > "$data/last.out" 2>&1 || true
  t1=$(date +%s.%N)
  grep -q '^wrote \|"total_s"' "$data/last.out" || { echo "failed: $* ($(tail -c 300 "$data/last.out"))" >&2; exit 1; }
  awk "BEGIN {printf \"%.2f\", $t1 - $t0}"
}
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
map_only=(--size 3840x2160 --no-title --no-legend --no-caption --no-labels --no-scale-bar)

export XDG_CACHE_HOME=$data/cache
floor=
printf '%-8s %10s %8s %8s %8s %9s %9s %9s\n' data vertices cold warm qgis cold_x warm_x cold/floor
for name in "${sets[@]}"; do
  prepare "$name" || continue
  dir=$data/$name date=$(cat "$data/$name/date")
  cold=() warm=() peer_t=()
  env -u DISPLAY "$exe" export "$dir" --date "$date" "${map_only[@]}" --out "$dir/warmup.png" >/dev/null 2>&1 || true
  for ((i = 0; i < reps; i++)); do
    cold+=("$(seconds env -u DISPLAY CHRONOMAP_NO_CACHE=1 "$exe" export "$dir" --date "$date" "${map_only[@]}" --out "$dir/cold.png")")
    # GDAL refuses a GeoJSON feature over 200 MB by default (mainland Russia in geo10m is one).
    [ $have_qgis = 1 ] && peer_t+=("$(seconds env QT_QPA_PLATFORM=offscreen OGR_GEOJSON_MAX_OBJ_SIZE=0 /usr/bin/python3 "$peer" \
      "$(cat "$dir/qgis_source")" "$dir/qgis.png" 3840 2160 --field "$(cat "$dir/field")" --simplify 1)")
    warm+=("$(seconds env -u DISPLAY "$exe" export "$dir" --date "$date" "${map_only[@]}" --out "$dir/warm.png")")
  done
  c=$(median "${cold[@]}") w=$(median "${warm[@]}") q=- cx=- wx=- fx=-
  [ "$name" = floor ] && floor=$c
  if [ $have_qgis = 1 ]; then
    q=$(median "${peer_t[@]}")
    cx=$(awk "BEGIN {printf \"%.1f\", $q / $c}") wx=$(awk "BEGIN {printf \"%.1f\", $q / $w}")
  fi
  [ -n "$floor" ] && fx=$(awk "BEGIN {printf \"%.2f\", $c / $floor}")
  printf '%-8s %10s %8s %8s %8s %9s %9s %9s\n' "$name" "$(cat "$dir/vertices")" "$c" "$w" "$q" "$cx" "$wx" "$fx"
done
