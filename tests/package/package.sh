#!/usr/bin/env bash
# The .deb as a user gets it: made by CPack from this build, unpacked into a scratch root, its
# program run on its own atlas and catalogues, its desktop file, metainfo, manual page and
# completion checked with the tools a distribution uses.
#   package.sh BUILD_DIR SCRATCH_DIR
# Exit 77 (skipped) when a tool is missing, except under CI, where that fails.
set -euo pipefail
build=$1 scratch=$2
missing=()
for tool in cpack dpkg-deb dpkg-shlibdeps desktop-file-validate appstreamcli man; do
  command -v "$tool" >/dev/null || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "missing: ${missing[*]} (apt-get install desktop-file-utils appstream man-db dpkg-dev)"
  [ -n "${CI:-}" ] && exit 1
  exit 77
fi
fail() { echo "FAIL: $*" >&2; exit 1; }
rm -rf "$scratch" && mkdir -p "$scratch/out" "$scratch/root"
(cd "$build" && cpack -G DEB -B "$scratch/out" >"$scratch/cpack.log" 2>&1) || { cat "$scratch/cpack.log"; fail "cpack"; }
deb=$(ls "$scratch"/out/chronomap_*.deb)
depends=$(dpkg-deb -f "$deb" Depends)
echo "Depends: $depends"
# What dpkg-shlibdeps cannot see (FFmpeg opened by soname, fonts, Mesa) and what it can (GDAL).
for need in libavcodec59 libavformat59 libswscale6 fonts-noto-core libegl-mesa0 libgdal; do
  [[ $depends == *"$need"* ]] || fail "the package does not depend on $need"
done
dpkg-deb -x "$deb" "$scratch/root"
root=$scratch/root/usr
exe=$root/bin/chronomap
# The installed program finds the installed atlas and catalogues, not the build tree's.
"$exe" --help | grep -q "The bundled atlas is $root/share/chronomap/maps/kars/atlas.json" || fail "bundled atlas path"
"$exe" validate "$root/share/chronomap/maps/kars" | grep -q "0 error(s), 0 warning(s)" || fail "validate"
env -u DISPLAY CHRONOMAP_LOCALE_DIR= "$exe" export "$root/share/chronomap/maps/kars" --date 1921-10-13 --lang ru \
  --size 640x360 --out "$scratch/ru.svg" >/dev/null || fail "export"
grep -q "Контроль" "$scratch/ru.svg" || fail "the export's legend is not in Russian (catalogue not found)"
test -s "$root/share/locale/ru/LC_MESSAGES/chronomap.mo" || fail "no Russian catalogue"
desktop-file-validate "$root/share/applications/org.chronomap.Chronomap.desktop" || fail "desktop file"
appstreamcli validate --no-net "$root/share/metainfo/org.chronomap.Chronomap.metainfo.xml" || fail "metainfo"
test -s "$root/share/icons/hicolor/scalable/apps/org.chronomap.Chronomap.svg" || fail "icon"
test -s "$root/share/mime/packages/org.chronomap.Chronomap.xml" || fail "MIME type"
test -s "$root/share/doc/chronomap/copyright" || fail "copyright"
page=$(MANWIDTH=100 man -l "$root/share/man/man1/chronomap.1.gz" 2>&1)
[[ $page == *"chronomap export ATLAS --date DATE"* ]] || fail "the manual page lacks the commands"
[[ $page != *"$build"* && $page != *"The bundled atlas is"* ]] || fail "the manual page names the build tree"
completions=$(PATH="$root/bin:$PATH" bash -c "source '$root/share/bash-completion/completions/chronomap';
  COMP_WORDS=(chronomap export --no-l); COMP_CWORD=2; _chronomap; echo \${COMPREPLY[*]}")
[[ $completions == *--no-legend* && $completions == *--no-labels* ]] || fail "completion gave: $completions"
echo "package ok: $(basename "$deb"), $(du -h "$deb" | cut -f1)"
