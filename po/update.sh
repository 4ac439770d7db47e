#!/usr/bin/env bash
# Extracts every string marked _("...") or N_("...") in the interface into po/chronomap.pot and
# merges it into each translation (new strings arrive untranslated; the tests then fail until
# they are translated).
set -euo pipefail
cd "$(dirname "$0")/.."
xgettext --from-code=UTF-8 --language=C++ --keyword=_ --keyword=_n:1,2 --keyword=N_ --add-comments=TRANSLATORS \
  --no-location --sort-output --package-name=Chronomap -o po/chronomap.pot \
  app/gui/*.cpp app/view/*/*.cpp
for po in po/*.po; do
  msgmerge --quiet --update --backup=none --no-fuzzy-matching --sort-output "$po" po/chronomap.pot
done
