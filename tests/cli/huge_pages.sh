#!/bin/sh
# An export re-executes itself once so that glibc's malloc advises transparent huge pages for
# its large buffers, unless the user said otherwise.
#   huge_pages.sh CHRONOMAP_EXE ATLAS WORK_DIR      (exit 77: skipped, the kernel gives none)
set -eu
exe=$1 atlas=$2 dir=$3
mkdir -p "$dir"
if grep -q '\[never\]' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null || \
   [ ! -r /sys/kernel/mm/transparent_hugepage/enabled ]; then
  echo "this kernel gives no transparent huge pages"; exit 77
fi
pages() {
  env -u DISPLAY CHRONOMAP_TIMING=1 "$@" "$exe" export "$atlas" --date 1921-11-01 --size 640x360 \
    --out "$dir/map.png" 2>&1 >/dev/null | sed -n 's/^timing: large buffers in //p'
}
expect() {
  [ "$1" = "$2" ] || { echo "$3: expected '$2', got '$1'" >&2; exit 1; }
}
unset GLIBC_TUNABLES || true
expect "$(pages)" "huge pages" "by default"
expect "$(pages GLIBC_TUNABLES=glibc.malloc.tcache_count=0)" "huge pages" "with another tunable set"
expect "$(pages CHRONOMAP_NO_HUGE_PAGES=1)" "4 KB pages" "with CHRONOMAP_NO_HUGE_PAGES"
expect "$(pages GLIBC_TUNABLES=glibc.malloc.hugetlb=0)" "4 KB pages" "when the user turned them off"
echo "huge pages when advised; the user's choice respected"
