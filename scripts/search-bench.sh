#!/usr/bin/env bash
# Search bench: precision at 3 and bytes fetched per query, chunav's search against
# Pagefind (npm `pagefind` 1.5, installed into a temporary folder) on the same built sites:
# the example Kanpur site with scripts/search-bench/example-queries.json, and a generated
# site of N articles (default 10,000; scripts/search-bench/corpus.mjs writes it and its
# queries). On both it also measures the first result's time on throttled phone profiles. Needs node, /usr/bin/chromium and `npm ci` in tests/browser.
#   scripts/search-bench.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
articles=${1:-10000}
work=$(mktemp -d /tmp/chunav-search-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT

# The release binary if it is at least as new as the sources, else a debug build.
if [[ -x target/release/chunav && -z $(find src static templates -newer target/release/chunav -print -quit) ]]; then
  chunav=target/release/chunav
else
  cargo build --quiet
  chunav=target/debug/chunav
fi
[[ -d tests/browser/node_modules/playwright-core ]] || (cd tests/browser && npm ci --silent --ignore-scripts)
(cd "$work" && npm install --silent --no-audit --no-fund --prefix "$work/pf" pagefind@1.5 >/dev/null)
pagefind=$work/pf/node_modules/.bin/pagefind

index_both() { # SITE_DIR: Pagefind's index next to chunav's, in the same built site
  "$pagefind" --site "$1" --output-subdir pagefind >/dev/null
  echo "chunav index: $(du -sk "$1/search" | cut -f1) KB in $(find "$1/search" -type f | wc -l) files;" \
    "Pagefind index: $(du -sk "$1/pagefind" | cut -f1) KB in $(find "$1/pagefind" -type f | wc -l) files"
}

echo "== Example site (content/ of this repository)"
"$chunav" --root . build -o "$work/example" >/dev/null
index_both "$work/example"
node scripts/search-bench/run.mjs "$work/example" /kanpur-explainers/ scripts/search-bench/example-queries.json --throttle

echo
echo "== Generated site of $articles articles"
node scripts/search-bench/corpus.mjs "$work/gen" "$articles"
start=$(date +%s.%N)
"$chunav" --root "$work/gen" build -o "$work/gen/public" >/dev/null
echo "chunav build ($chunav): $(echo "$(date +%s.%N) - $start" | bc | cut -c1-5) s"
index_both "$work/gen/public"
node scripts/search-bench/run.mjs "$work/gen/public" /bench/ "$work/gen/queries.json" --throttle
echo
echo "(Timings on a shared machine: other work running beside this bench slows them.)"
