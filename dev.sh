#!/usr/bin/env bash
# Chronomap's two commands on a fresh Debian 12 machine (see README):
#   bash dev.sh run    install what is missing, build (Release), open the window on the bundled atlas
#                      (with no display: export it as a PNG and print its status table)
#   bash dev.sh test   install what is missing, build, pass the whole test suite headless
#                      (Release with -Werror, then AddressSanitizer + UndefinedBehaviorSanitizer, then
#                      every fuzzer for a short while)
#   bash dev.sh fuzz [SECONDS]
#                      build the libFuzzer harnesses (clang, ASan+UBSan) and run each for SECONDS
#                      (default 600), from seeds in tests/fixtures and maps; fails on any finding
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(
  g++ cmake make pkg-config
  libgdal-dev gdal-bin nlohmann-json3-dev libpng-dev libfontconfig-dev libfreetype-dev libfribidi-dev fonts-noto-core
  libimgui-dev libglfw3-dev libepoxy-dev libegl-dev libegl-mesa0 libgl1-mesa-dri
  libgtest-dev libbenchmark-dev libglu1-mesa-dev xvfb xauth xdotool
  clang libfuzzer-14-dev libavcodec-dev libavformat-dev libswscale-dev libavutil-dev
  libcairo2-dev poppler-utils libxml2-utils librsvg2-bin gettext
  postgresql postgresql-postgis
  dpkg-dev desktop-file-utils appstream man-db
  qgis-common  # Natural Earth's countries and provinces (world_map.gpkg): a new lesson's base map
)
JOBS=$(nproc 2>/dev/null || echo 2)

install_missing() {
  local missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null | grep -qx installed || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local cmd="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}"
  if [ "$(id -u)" -ne 0 ]; then
    echo "Chronomap needs these Debian packages: ${missing[*]}" >&2
    echo "Install them with:" >&2
    echo "  sudo sh -c '$cmd'" >&2
    echo "then run this command again." >&2
    exit 1
  fi
  echo "== installing ${missing[*]}"
  sh -c "$cmd"
}

build() {  # build DIR [cmake options...]
  local dir=$1; shift
  cmake -S . -B "$dir" "$@"
  cmake --build "$dir" -j "$JOBS"
}

# The seed inputs of one harness: files under tests/fixtures and maps with these extensions.
seeds() {  # seeds NAME EXT...
  local name=$1; shift
  local dir=build-fuzz/seeds/$name
  rm -rf "$dir" && mkdir -p "$dir"
  for ext in "$@"; do
    find tests/fixtures maps fuzz/seeds -name "*.$ext" -size -200k 2>/dev/null | while read -r f; do
      cp "$f" "$dir/$(echo "$f" | tr / _)"
    done
  done
  echo "$dir"
}

run_fuzzers() {  # run_fuzzers SECONDS
  local seconds=$1
  CC=clang CXX=clang++ cmake -S . -B build-fuzz -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCHRONOMAP_FUZZ=ON \
    -DCHRONOMAP_BUILD_TESTS=OFF -DCHRONOMAP_BUILD_BENCH=OFF
  cmake --build build-fuzz -j "$JOBS" --target fuzzers
  mkdir -p build-fuzz/findings
  local failed=0
  for spec in json_doc:json date:date csv_events:csv manifest:json geojson:geojson settings:json workbook:csv; do
    local name=${spec%%:*} ext=${spec#*:}
    local corpus=build-fuzz/corpus/$name
    mkdir -p "$corpus"
    echo "== fuzz_$name for ${seconds}s"
    if ! ASAN_OPTIONS=detect_leaks=1 "build-fuzz/fuzz/fuzz_$name" -max_total_time="$seconds" -timeout=10 \
        -max_len=65536 -rss_limit_mb=4096 -print_final_stats=1 \
        -artifact_prefix="build-fuzz/findings/$name-" "$corpus" "$(seeds "$name" "$ext")" \
        > "build-fuzz/fuzz_$name.log" 2>&1; then
      echo "fuzz_$name found a problem: see build-fuzz/fuzz_$name.log and build-fuzz/findings/" >&2
      tail -30 "build-fuzz/fuzz_$name.log" >&2
      failed=1
    fi
    grep -E "stat::number_of_executed_units|stat::new_units_added" "build-fuzz/fuzz_$name.log" | sed "s/^/   /"
  done
  return $failed
}

default_atlas() {
  sed -n 's/^set(CHRONOMAP_DEFAULT_ATLAS "\([^"]*\)".*/\1/p' app/CMakeLists.txt
}

case "${1:-}" in
  run)
    install_missing
    build build -DCMAKE_BUILD_TYPE=Release
    atlas="maps/$(default_atlas)"
    if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
      echo "== chronomap (the window, on $atlas)"
      ./build/app/chronomap
    else
      # No display: the same map as an image, and the status table.
      echo "== no display: chronomap export $atlas --date 1921-11-01 --out chronomap-1921-11-01.png"
      ./build/app/chronomap export "$atlas" --date 1921-11-01 --out chronomap-1921-11-01.png
      ./build/app/chronomap status "$atlas" --date 1921-11-01
    fi
    ;;
  test)
    install_missing
    echo "== Release build with -Werror"
    build build-ci -DCMAKE_BUILD_TYPE=Release -DCHRONOMAP_WERROR=ON -DCMAKE_VERIFY_INTERFACE_HEADER_SETS=ON
    echo "== every public header builds on its own"
    cmake --build build-ci -j "$JOBS" --target all_verify_interface_header_sets
    (cd build-ci && ctest --output-on-failure -j "$JOBS")
    echo "== AddressSanitizer + UndefinedBehaviorSanitizer build"
    build build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCHRONOMAP_SANITIZE=ON -DCHRONOMAP_WERROR=ON \
      -DCHRONOMAP_BUILD_BENCH=OFF
    # LeakSanitizer's tracer sometimes crashes at exit after a test has passed ("Tracer caught
    # signal 11 ... LeakSanitizer has encountered a fatal error", seen twice in about 1,150 sanitizer test runs
    # of this suite on 2 December 2026, on two different tests, each passing alone 5 of 5): a
    # failed test is run once more. ctest still prints the first failure.
    (cd build-asan && ctest --output-on-failure -j "$JOBS" --repeat until-pass:2)
    echo "== fuzzers, briefly (bash dev.sh fuzz runs them longer)"
    run_fuzzers "${CHRONOMAP_FUZZ_SECONDS:-20}"
    echo "== all tests passed (Release, ASan/UBSan, fuzzers)"
    ;;
  fuzz)
    install_missing
    run_fuzzers "${2:-600}"
    ;;
  *)
    echo "usage: bash dev.sh run | test | fuzz [SECONDS]" >&2
    exit 2
    ;;
esac
