#!/usr/bin/env bash
# Takes the README's screenshots again from the example site: the 2024 result article on a
# 360 px phone and the home page at 1280 px, the first 800 px of each (light scheme), into
# docs/screenshots/. Needs node and Chromium (apt-get install chromium fonts-noto-core).
#   scripts/screenshots.sh          (CHUNAV_BIN=path/to/chunav to skip the cargo build)
set -euo pipefail
cd "$(dirname "$0")/.."

bin=${CHUNAV_BIN:-}
if [ -z "$bin" ]; then
  cargo build --quiet
  bin=target/debug/chunav
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$bin" build -o "$work/public"

if [ ! -d tests/browser/node_modules/playwright-core ]; then
  (cd tests/browser && npm ci --no-audit --no-fund --loglevel=error --ignore-scripts)
fi
FULL=0 node tests/browser/shots.mjs "$work/public" "$work/shots" kanpur/result-2024/ '' \
  up-2024/ up-2024/kanpur/

cp "$work/shots/kanpur_result-2024-360.png" docs/screenshots/article-360.png
cp "$work/shots/home-1280.png" docs/screenshots/home-1280.png
# The Uttar Pradesh results section (pages made from data): its hub and one seat.
cp "$work/shots/up-2024-360.png" docs/screenshots/results-hub-360.png
cp "$work/shots/up-2024_kanpur-360.png" docs/screenshots/results-seat-360.png
ls -l docs/screenshots/
