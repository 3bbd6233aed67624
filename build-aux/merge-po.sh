#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerates po/traindesk.pot from po/POTFILES.in, merges the translation fragments
# po/parts/*.po into po/zh_CN.po (translations already in po/zh_CN.po win), and reports
# what is still untranslated or fuzzy.
#
#   build-aux/merge-po.sh [SOURCE_ROOT]
set -eu

root=${1:-$(dirname "$0")/..}
cd "$root"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

header='msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"
'

# 1. the template
build-aux/make-pot.sh . po/traindesk.pot

# 2. what is translated already, then every fragment (each given a charset header)
msgattrib --force-po --translated --no-fuzzy --no-obsolete -o "$tmp/existing.po" po/zh_CN.po
set -- "$tmp/existing.po"
for part in po/parts/*.po; do
  [ -e "$part" ] || continue
  name=$(basename "$part")
  if grep -q 'Content-Type: text/plain; charset=' "$part"; then
    cp "$part" "$tmp/part-$name"
  else
    { printf '%s\n' "$header"; cat "$part"; } > "$tmp/part-$name"
  fi
  set -- "$@" "$tmp/part-$name"
done
msgcat --force-po --use-first -o "$tmp/all.po" "$@"

# 3. onto the template: obsolete entries dropped, no fuzzy guesses
msgmerge --force-po --quiet --no-fuzzy-matching --no-wrap -o "$tmp/zh_CN.po" "$tmp/all.po" po/traindesk.pot
msgattrib --force-po --no-obsolete --no-wrap -o po/zh_CN.po "$tmp/zh_CN.po"

# 4. report
msgfmt --check --statistics -o /dev/null po/zh_CN.po
untranslated=$(msgattrib --untranslated --no-obsolete po/zh_CN.po | grep -c '^msgid ' || true)
fuzzy=$(msgattrib --only-fuzzy --no-obsolete po/zh_CN.po | grep -c '^msgid ' || true)
# the header entry counts as one msgid in each listing
untranslated=$((untranslated > 0 ? untranslated - 1 : 0))
fuzzy=$((fuzzy > 0 ? fuzzy - 1 : 0))
echo "po/zh_CN.po: $untranslated untranslated, $fuzzy fuzzy"
