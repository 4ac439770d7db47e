#!/usr/bin/env bash
# PostGIS as a backend, against a real PostgreSQL that this test starts on 127.0.0.1 and stops.
# The nine real snapshots (../shared/data/historical-basemaps) go into tables; an atlas reads
# them through a service file and ~/.pgpass, another with a password in the atlas itself.
#   postgis_backend.sh CHRONOMAP SNAPSHOT_FOLDER WORK_FOLDER
# Exit 77 (skipped) without the snapshots, and without PostgreSQL or PostGIS except under CI,
# where that fails.
set -euo pipefail
chronomap=$1 snapshots=$2 work=$3

fail() { echo "FAIL: $*" >&2; exit 1; }
skip() {
  if [ -n "${CI:-}" ]; then fail "$* (CI must run this test: dev.sh installs postgresql and postgresql-postgis)"; fi
  echo "skipped: $*"; exit 77
}
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
[ -n "$pgbin" ] && [ -x "$pgbin/initdb" ] || skip "no PostgreSQL server (Debian's postgresql)"
ls /usr/share/postgresql/*/extension/postgis.control >/dev/null 2>&1 || skip "no PostGIS (Debian's postgresql-postgis)"
if [ ! -d "$snapshots" ]; then echo "skipped: no $snapshots (shared/ is beside the clone in CI)"; exit 77; fi
command -v ogr2ogr >/dev/null || fail "ogr2ogr (gdal-bin) is missing"

# The server refuses to run as root: as root, it runs as the postgres user.
as_server() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
rm -rf "$work" && mkdir -p "$work"
db=$(mktemp -d /tmp/chronomap-pg.XXXXXX)
[ "$(id -u)" -eq 0 ] && chown postgres "$db"
stop() { as_server "$pgbin/pg_ctl" -D "$db/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$db"; }
trap stop EXIT

secret="chr-$RANDOM$RANDOM-pw"
echo "$secret" > "$db/pw" && [ "$(id -u)" -eq 0 ] && chown postgres "$db/pw"
as_server "$pgbin/initdb" -D "$db/data" -U admin --pwfile="$db/pw" --auth-local=trust \
  --auth-host=scram-sha-256 >/dev/null
port=""
for try in 1 2 3 4 5; do
  candidate=$((20000 + RANDOM % 30000))
  if as_server "$pgbin/pg_ctl" -D "$db/data" -l "$db/log" -w -t 30 start \
      -o "-p $candidate -k $db -c listen_addresses=127.0.0.1 -c log_statement=all" >/dev/null; then
    port=$candidate; break
  fi
done
[ -n "$port" ] || { cat "$db/log" >&2; fail "the PostgreSQL server did not start"; }

sql() { as_server "$pgbin/psql" -h "$db" -p "$port" -U admin -d "${2:-postgres}" -qAtc "$1"; }
sql "CREATE DATABASE history"
sql "CREATE EXTENSION postgis" history
sql "CREATE ROLE reader LOGIN PASSWORD '$secret'" history

# The snapshots as tables (names kept as they are), and the same files as an atlas of files.
mkdir -p "$work/files" "$work/service" "$work/inline"
cp "$snapshots"/*.geojson "$work/files/"
for f in "$work"/files/*.geojson; do
  table=$(basename "$f" .geojson)
  PGPASSWORD=$secret OGR_GEOJSON_MAX_OBJ_SIZE=0 ogr2ogr -f PostgreSQL \
    "PG:host=127.0.0.1 port=$port dbname=history user=admin" "$f" -nln "$table" \
    -lco GEOMETRY_NAME=geom -lco LAUNDER=NO
done
sql "GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader" history
"$chronomap" init "$work/files" >/dev/null

# Credentials from a service file and a password file, as libpq reads them; none in the atlas.
printf '[atlas]\nhost=127.0.0.1\nport=%s\ndbname=history\nuser=reader\n' "$port" > "$work/pg_service.conf"
printf '127.0.0.1:%s:history:reader:%s\n' "$port" "$secret" > "$work/pgpass" && chmod 600 "$work/pgpass"
export PGSERVICEFILE=$work/pg_service.conf PGPASSFILE=$work/pgpass
sed -E 's|"source": "(world_[a-z0-9]+)\.geojson"|"source": "PG:service=atlas tables=\1"|' \
  "$work/files/atlas.json" > "$work/service/atlas.json"
sed -E "s|\"source\": \"(world_[a-z0-9]+)\\.geojson\"|\"source\": \"PG:host=127.0.0.1 port=$port dbname=history user=reader password=$secret tables=\\1\"|" \
  "$work/files/atlas.json" > "$work/inline/atlas.json"
grep -q "PG:service=atlas tables=world_1800" "$work/service/atlas.json" || fail "the service atlas was not written"

cm() { "$chronomap" "$@" --allow-external; }  # the files' faults are reported on stderr: kept aside
map_only=(--no-title --no-legend --no-caption --no-scale-bar --size 960x540)

echo "== the picture and the status table equal the files'"
"$chronomap" export "$work/files" --date 1800 "${map_only[@]}" --out "$work/files.png" >/dev/null 2>&1
cm export "$work/service" --date 1800 "${map_only[@]}" --out "$work/service.png" >/dev/null 2>&1
cmp "$work/files.png" "$work/service.png" || fail "the map from PostGIS differs from the map from the files"
"$chronomap" status "$work/files" --date 1914 2>/dev/null | sed -E 's/world_([a-z0-9]+)\.geojson/table world_\1/' > "$work/files.txt"
cm status "$work/service" --date 1914 > "$work/service.txt" 2>/dev/null
diff "$work/files.txt" "$work/service.txt" > /dev/null || fail "status from PostGIS differs from the files'"
[ "$(wc -l < "$work/service.txt")" -gt 100 ] || fail "status lists too few territories"

echo "== status asks for no geometry"
: > "$work/mark" && mark=$(wc -l < "$db/log")
cm status "$work/service" --date 1914 > /dev/null 2>&1
tail -n +"$((mark + 1))" "$db/log" | grep -q 'SELECT .*FROM "world_1914" ORDER BY' || fail "status did not order its query"
if tail -n +"$((mark + 1))" "$db/log" | grep 'SELECT' | grep -q '"geom"'; then fail "status fetched the geometry"; fi

echo "== the row order on disk does not change the map"
# An UPDATE writes new versions of the rows at the end of the table: read without ORDER BY,
# the pieces would come (and be drawn) in another order.
sql "UPDATE world_1800 SET \"NAME\" = \"NAME\" WHERE ogc_fid IN (SELECT ogc_fid FROM world_1800 ORDER BY ogc_fid LIMIT 60)" history
on_disk=$(sql "SELECT string_agg(ogc_fid::text, ',') FROM world_1800" history)
by_key=$(sql "SELECT string_agg(ogc_fid::text, ',' ORDER BY ogc_fid) FROM world_1800" history)
[ "$on_disk" != "$by_key" ] || fail "the UPDATE did not change the order of the rows on disk"
cm export "$work/service" --date 1800 "${map_only[@]}" --out "$work/after-update.png" >/dev/null 2>&1
cmp "$work/files.png" "$work/after-update.png" || fail "the map changed with the rows' order on disk"

echo "== a password in the atlas is never shown"
cm validate "$work/inline" --no-geometry > "$work/validate.txt" 2>&1 || true
grep -q "hold a password" "$work/validate.txt" || fail "validate does not warn of the password in the atlas"
cm events "$work/inline" --json > "$work/events.json" 2> "$work/events.err"
cm history "$work/inline" Portugal > "$work/history.txt" 2>&1
cm export "$work/inline" --date 1800 --size 960x540 --out "$work/inline.svg" > "$work/export.txt" 2>&1
cm export "$work/inline" --date 1800 --size 960x540 --out "$work/inline.png" >> "$work/export.txt" 2>&1
cm status "$work/inline" --date 1800 --json > "$work/status.json" 2>&1
grep -q "password=\*\*\*" "$work/history.txt" || fail "history does not cite the (hidden) connection"
for f in validate.txt events.json events.err history.txt inline.svg export.txt status.json; do
  if grep -aq -- "$secret" "$work/$f"; then fail "$f shows the password"; fi
done

echo "== a server that is down is an input error (exit 2), and nothing is written"
as_server "$pgbin/pg_ctl" -D "$db/data" -m fast stop >/dev/null
set +e
cm export "$work/service" --date 1800 --size 960x540 --out "$work/down.png" > "$work/down.txt" 2>&1
code=$?
set -e
[ "$code" -eq 2 ] || { cat "$work/down.txt" >&2; fail "exit $code with the server down, not 2"; }
[ ! -e "$work/down.png" ] || fail "a map was written with the server down"
grep -q "could not read" "$work/down.txt" || fail "the error does not say what could not be read"
echo "PostGIS backend: all checks passed (server on 127.0.0.1:$port)"
