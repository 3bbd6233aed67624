#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The translation test: fails when a source file with translatable strings is missing from
# po/POTFILES.in, or when po/zh_CN.po leaves a message of the sources untranslated or fuzzy.
#   build-aux/check-po.sh SOURCE_ROOT
set -eu
root=$1
cd "$root"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

# 1. POTFILES.in completeness
grep -v '^#' po/POTFILES.in | grep -v '^[[:space:]]*$' | sort -u > "$tmp/listed"
{
  grep -rlE '(^|[^A-Za-z0-9_])(_|N_|C_|NC_|ngettext)[[:space:]]*\(' src --include='*.c' || true
  grep -rl 'translatable="yes"' resources --include='*.ui' || true
} | sort -u > "$tmp/found"
missing=$(comm -23 "$tmp/found" "$tmp/listed")
if [ -n "$missing" ]; then
  echo "Files with translatable strings missing from po/POTFILES.in:"
  echo "$missing" | sed 's/^/  /'
  status=1
fi
gone=$(while read -r f; do [ -e "$f" ] || echo "$f"; done < "$tmp/listed")
if [ -n "$gone" ]; then
  echo "po/POTFILES.in names files that do not exist:"
  echo "$gone" | sed 's/^/  /'
  status=1
fi

# 2. every message of the sources translated in po/zh_CN.po, none fuzzy
build-aux/make-pot.sh . "$tmp/traindesk.pot"
msgmerge --quiet --no-fuzzy-matching -o "$tmp/zh_CN.po" po/zh_CN.po "$tmp/traindesk.pot"
msgfmt --check -o /dev/null po/zh_CN.po || status=1
stats=$(msgfmt --statistics -o /dev/null "$tmp/zh_CN.po" 2>&1)
echo "po/zh_CN.po against the sources: $stats"
case "$stats" in
  *untranslated*|*fuzzy*)
    echo "Untranslated or fuzzy (first 40):"
    { msgattrib --untranslated --no-obsolete "$tmp/zh_CN.po"; \
      msgattrib --only-fuzzy --no-obsolete "$tmp/zh_CN.po"; } \
      | grep '^msgid "..*"' | head -40 | sed 's/^/  /'
    status=1 ;;
esac
exit $status
