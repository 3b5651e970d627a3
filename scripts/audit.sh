#!/usr/bin/env bash
# The theme's budgets on the example site: Lighthouse 100 in all four categories, no axe
# violations, no Nu HTML Checker errors, the article with the fonts it fetches ≤ 60 KB gzipped.
# Builds the site, serves it on 127.0.0.1 and prints every figure (tests/browser/audit.mjs);
# exits non-zero when a budget is missed.
#
#   scripts/audit.sh                         # the repository's site, target/debug/chunav
#   CHUNAV_BIN=target/release/chunav scripts/audit.sh
#   CHUNAV_SITE=path/to/site AUDIT_PAGES="/ kanpur/ kanpur/result-2024/" scripts/audit.sh
#
# Needs: chromium and fonts-noto-core (Debian), Java 17+, Node 18+; npm packages from
# tests/browser/package.json (installed here with `npm ci` when missing).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
site=${CHUNAV_SITE:-$repo}
bin=${CHUNAV_BIN:-}
if [ -z "$bin" ]; then
  if [ -x "$repo/target/release/chunav" ] && [ "$repo/target/release/chunav" -nt "$repo/Cargo.toml" ]; then
    bin=$repo/target/release/chunav
  else
    (cd "$repo" && cargo build --quiet)
    bin=$repo/target/debug/chunav
  fi
fi

browser=$repo/tests/browser
if [ ! -f "$browser/node_modules/lighthouse/package.json" ] || [ ! -f "$browser/node_modules/vnu-jar/build/dist/vnu.jar" ]; then
  echo "== npm ci (tests/browser)"
  (cd "$browser" && npm ci --no-audit --no-fund --loglevel=error --ignore-scripts)
fi

out=$(mktemp -d "${TMPDIR:-/tmp}/chunav-audit.XXXXXX")
trap 'rm -rf "$out"' EXIT
echo "== build $site with $bin"
"$bin" --root "$site" build -o "$out/public"
echo
node "$browser/audit.mjs" "$out/public"
