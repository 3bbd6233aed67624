#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Writes the message template of the files in po/POTFILES.in.
#   build-aux/make-pot.sh SOURCE_ROOT OUTPUT.pot
set -eu
cd "$1"
out=$2
case "$out" in /*) ;; *) out="$PWD/$out" ;; esac
grep -v '^#' po/POTFILES.in | grep -v '^[[:space:]]*$' > "$out.files"
xgettext --files-from="$out.files" --directory=. --output="$out" --from-code=UTF-8 \
  --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 --keyword=g_dpgettext2:2c,3 \
  --package-name=traindesk --msgid-bugs-address=https://github.com/traindesk/traindesk/issues \
  --no-wrap
rm -f "$out.files"
