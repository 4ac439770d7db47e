#!/usr/bin/env bash
# Chronomap against QGIS 3.22 (../shared/bench/qgis_export.py, the peer) on real country outlines:
# Natural Earth 1:10m from npm world-atlas (255 countries, 544,862 vertices), decimated or
# densified to several sizes. Each run is end to end (process start to PNG written), 3840x2160,
# a categorised fill with outlines, map only; A and B alternate; medians are printed.
#   bash bench/compare_qgis.sh [REPEATS] [SIZES...]     SIZES are factors of 544,862: 0.5 1 2 4 8 15
# Chronomap is timed without its cache (cold) and with it (warm: the same atlas opened before).
# QGIS is skipped when python3-qgis is not installed (apt-get install python3-qgis qgis-providers).
set -euo pipefail
cd "$(dirname "$0")/.."
reps=${1:-3}
shift || true
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(0.5 1 2 4 8 15)
exe=build/app/chronomap
peer=../shared/bench/qgis_export.py
data=build/bench-data
mkdir -p "$data"
[ -x "$exe" ] || { echo "build first: bash dev.sh run" >&2; exit 2; }
if [ ! -f "$data/countries.geojson" ]; then
  (cd "$data" && npm pack world-atlas@2.0.2 >/dev/null && tar xzf world-atlas-2.0.2.tgz package/countries-10m.json \
     && mv package/countries-10m.json . && rmdir package)
  ogr2ogr -f GeoJSON "$data/countries.geojson" "$data/countries-10m.json" countries
fi
have_qgis=0
/usr/bin/python3 -c "import qgis.core" 2>/dev/null && have_qgis=1
[ $have_qgis = 1 ] || echo "python3-qgis is not installed: QGIS is skipped" >&2

seconds() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>&1; t1=$(date +%s.%N); awk "BEGIN {printf \"%.2f\", $t1 - $t0}"; }
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

printf '%-10s %14s %14s %10s %10s\n' vertices chronomap_cold chronomap_warm qgis cold_x_faster
for k in "${sizes[@]}"; do
  dir="$data/size-$k"
  if [ ! -f "$dir/atlas.json" ]; then
    mkdir -p "$dir"
    python3 bench/densify.py "$data/countries.geojson" "$dir/countries.geojson" "$k" > "$dir/vertices"
    cat > "$dir/atlas.json" <<JSON
{"title": "Countries", "time_range": {"start": "2000", "end": "2020"}, "crs": "EPSG:4326",
 "layers": [{"name": "countries", "source": "countries.geojson", "role": "territories", "name_field": "name"}]}
JSON
  fi
  cold=() warm=() peer_t=()
  export XDG_CACHE_HOME="$PWD/$data/cache"
  env -u DISPLAY "$exe" export "$dir" --date 2010 --size 3840x2160 --out "$dir/warmup.png" >/dev/null 2>&1 || true
  for ((i = 0; i < reps; i++)); do
    cold+=("$(seconds env -u DISPLAY CHRONOMAP_NO_CACHE=1 "$exe" export "$dir" --date 2010 --size 3840x2160 \
      --no-title --no-legend --no-caption --no-labels --no-scale-bar --out "$dir/cold.png")")
    [ $have_qgis = 1 ] && peer_t+=("$(seconds env QT_QPA_PLATFORM=offscreen /usr/bin/python3 "$peer" \
      "$dir/countries.geojson" "$dir/qgis.png" 3840 2160 --field name)")
    warm+=("$(seconds env -u DISPLAY "$exe" export "$dir" --date 2010 --size 3840x2160 \
      --no-title --no-legend --no-caption --no-labels --no-scale-bar --out "$dir/warm.png")")
  done
  c=$(median "${cold[@]}") w=$(median "${warm[@]}") q=-
  ratio=-
  if [ $have_qgis = 1 ]; then q=$(median "${peer_t[@]}"); ratio=$(awk "BEGIN {printf \"%.1f\", $q / $c}"); fi
  printf '%-10s %14s %14s %10s %10s\n' "$(cat "$dir/vertices")" "$c" "$w" "$q" "$ratio"
done
