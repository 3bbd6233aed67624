#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The libFuzzer harnesses of fuzz/ (packets, receipts, catalogues, CSV, .xlsx, punch logs), built with clang-14 under ASan+UBSan in build-fuzz, each
# run for TD_FUZZ_SECONDS (default 60) on a corpus seeded from tests/data (and from the
# CLI's own .xlsx/.csv output).  A crash, a leak, a GLib critical or a timeout fails the run
# and leaves the input in build-fuzz/crashes/: turn it into a regression test, then fix it.
#
#   build-aux/fuzz.sh [HARNESS…]      (default: all of them)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
seconds=${TD_FUZZ_SECONDS:-60}
build=${TD_FUZZ_BUILD:-build-fuzz}
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(fuzz-packet fuzz-receipt fuzz-catalog fuzz-csv fuzz-xlsx fuzz-punch)

# clang-14 and its libFuzzer runtime (Debian 12: libclang-rt-14-dev).
packages=(clang-14 libclang-rt-14-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update
  $sudo apt-get install -y --no-install-recommends "${missing[@]}"
fi

if [ ! -f "$build/build.ninja" ]; then
  CC=clang-14 meson setup "$build" -Dfuzzing=true -Dtests=false -Dwerror=false \
    -Db_sanitize=address,undefined -Db_lundef=false --buildtype=debugoptimized \
    -Dc_args=-fsanitize=fuzzer-no-link
else
  meson setup --reconfigure "$build" >/dev/null    # harnesses added since it was set up
fi
meson compile -C "$build" "${harnesses[@]}"

# Seeds: what the project's tests already hold, and tables the CLI writes itself.
seeds=$build/seeds
rm -rf "$seeds"
mkdir -p "$seeds"/{fuzz-packet,fuzz-receipt,fuzz-catalog,fuzz-csv,fuzz-xlsx,fuzz-punch}
for d in bureau packets hostile; do
  for f in tests/data/$d/*.xml; do cp "$f" "$seeds/fuzz-packet/$d-$(basename "$f")"; done
done
cp tests/data/bureau/receipt-*.xml "$seeds/fuzz-receipt/"
cp tests/data/bureau/catalog-*.xml "$seeds/fuzz-catalog/"
cp fuzz/seeds/*.csv "$seeds/fuzz-csv/"
cp fuzz/seeds/punch/* "$seeds/fuzz-punch/"
cli=${BUILD_DIR:-build}/src/cli/traindesk-cli    # the build of build-aux/dev, for seeds
if [ -x "$cli" ]; then
  tmp=$(mktemp -d)
  "$cli" --db "$tmp/demo.db" init --demo >/dev/null
  "$cli" --db "$tmp/demo.db" roster-template -o "$seeds/fuzz-xlsx/template.xlsx" >/dev/null
  "$cli" --db "$tmp/demo.db" export-table roster --class YL2026-011 \
    -o "$seeds/fuzz-xlsx/roster.xlsx" >/dev/null
  "$cli" --db "$tmp/demo.db" export-table roster --class YL2026-011 \
    -o "$seeds/fuzz-csv/roster.csv" >/dev/null
  cp "$seeds/fuzz-xlsx/roster.xlsx" "$seeds/fuzz-punch/"
  rm -rf "$tmp"
fi

export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1
export LSAN_OPTIONS=suppressions=$root/build-aux/lsan.supp:print_suppressions=0
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
export G_DEBUG=gc-friendly
# A fixed seed by default, so that a CI run and its rerun walk the same inputs (a red CI is
# then reproducible here); TD_FUZZ_SEED=0 lets libFuzzer pick one for a longer hunt.
seed=${TD_FUZZ_SEED:-1}
status=0
for h in "${harnesses[@]}"; do
  corpus=$build/corpus/$h
  crashes=$build/crashes
  mkdir -p "$corpus" "$crashes"
  echo "== $h for ${seconds}s"
  if ! "$build/fuzz/$h" -max_total_time="$seconds" -seed="$seed" -timeout=10 -rss_limit_mb=2048 \
         -print_final_stats=1 -artifact_prefix="$crashes/$h-" "$corpus" "$seeds/$h" \
         2>"$build/$h.log"; then
    tail -n 60 "$build/$h.log"
    echo "$h found a problem; the input is in $crashes/"
    status=1
  else
    grep -E '^stat::(number_of_executed_units|new_units_added)' "$build/$h.log" || true
  fi
done
exit $status
