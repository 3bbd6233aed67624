#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Regenerates po/traindesk.pot from po/POTFILES.in, brings po/zh_CN.po onto it (source
# references refreshed, messages the sources no longer have dropped, no fuzzy guesses), and
# reports what is still untranslated or fuzzy.  po/zh_CN.po is the one catalogue: add a new
# translation to it directly (appending is fine), then run this to put it in order.
#
#   build-aux/merge-po.sh [SOURCE_ROOT]
set -eu

root=${1:-$(dirname "$0")/..}
cd "$root"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# 1. the template
build-aux/make-pot.sh . po/traindesk.pot

# 2. onto the template: obsolete entries dropped, no fuzzy guesses
msgattrib --force-po --translated --no-fuzzy --no-obsolete -o "$tmp/existing.po" po/zh_CN.po
msgmerge --force-po --quiet --no-fuzzy-matching --no-wrap -o "$tmp/zh_CN.po" \
  "$tmp/existing.po" po/traindesk.pot
msgattrib --force-po --no-obsolete --no-wrap -o po/zh_CN.po "$tmp/zh_CN.po"

# 3. report
msgfmt --check --statistics -o /dev/null po/zh_CN.po
untranslated=$(msgattrib --untranslated --no-obsolete po/zh_CN.po | grep -c '^msgid ' || true)
fuzzy=$(msgattrib --only-fuzzy --no-obsolete po/zh_CN.po | grep -c '^msgid ' || true)
# the header entry counts as one msgid in each listing
untranslated=$((untranslated > 0 ? untranslated - 1 : 0))
fuzzy=$((fuzzy > 0 ? fuzzy - 1 : 0))
echo "po/zh_CN.po: $untranslated untranslated, $fuzzy fuzzy"
