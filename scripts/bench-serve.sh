#!/usr/bin/env bash
# Prints how fast `chunav serve` shows an edit on a 1,000-article site, and how it
# handles 10,000 requests. See examples/bench_serve.rs for what is measured.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --quiet
cargo run --release --quiet --example bench_serve
