#!/usr/bin/env bash
# Chronomap's two commands on a fresh Debian 12 machine (see README):
#   bash dev.sh run    install what is missing, build (Release), open the window on the bundled atlas
#                      (with no display: export it as a PNG and print its status table)
#   bash dev.sh test   install what is missing, build, pass the whole test suite headless
#                      (Release with -Werror, then AddressSanitizer + UndefinedBehaviorSanitizer)
set -euo pipefail
cd "$(dirname "$0")"

PACKAGES=(
  g++ cmake make pkg-config
  libgdal-dev gdal-bin nlohmann-json3-dev libpng-dev libfontconfig-dev libfreetype-dev fonts-noto-core
  libimgui-dev libglfw3-dev libepoxy-dev libegl-dev libegl-mesa0 libgl1-mesa-dri
  libgtest-dev libbenchmark-dev libglu1-mesa-dev xvfb xauth
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
    build build-ci -DCMAKE_BUILD_TYPE=Release -DCHRONOMAP_WERROR=ON
    (cd build-ci && ctest --output-on-failure -j "$JOBS")
    echo "== AddressSanitizer + UndefinedBehaviorSanitizer build"
    build build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCHRONOMAP_SANITIZE=ON -DCHRONOMAP_WERROR=ON \
      -DCHRONOMAP_BUILD_BENCH=OFF
    (cd build-asan && ctest --output-on-failure -j "$JOBS")
    echo "== all tests passed (Release and ASan/UBSan)"
    ;;
  *)
    echo "usage: bash dev.sh run | test" >&2
    exit 2
    ;;
esac
