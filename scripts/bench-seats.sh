#!/usr/bin/env bash
# Results night: all 543 seats of 2024 as pages made from one imported file.
#
#   1. import eci-ge2024-constituencywise.csv (every seat, one data file each)
#   2. cold build (no card cache), then a warm build (cards cached)
#   3. a re-import in which 10 seats changed (1,000 votes more for each runner-up: a
#      count update, made up for the bench and never published), then a build
#   4. what that last build changed in the built site, file by file, and how many share
#      cards it had to draw (new entries of the card cache) instead of reusing
#
#   scripts/bench-seats.sh                       # release build of chunav
#   CHUNAV_BIN=target/debug/chunav scripts/bench-seats.sh
#   CSV=path/to/eci-ge2024-constituencywise.csv scripts/bench-seats.sh
#
# Work files go to target/bench-seats/. Figures: docs/performance.md, "Results night".
# Timings are wall clock, user and system CPU and peak memory of one run each (GNU time);
# on a shared machine the wall times move with the load, the CPU times much less.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
csv=${CSV:-$repo/../../shared/sources/data/eci-ge2024-constituencywise.csv}
[ -f "$csv" ] || csv=/work/shared/sources/data/eci-ge2024-constituencywise.csv
bin=${CHUNAV_BIN:-}
if [ -z "$bin" ]; then
  cargo build --release --locked --quiet --bin chunav
  bin=$repo/target/release/chunav
fi
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")

work=$repo/target/bench-seats
site=$work/site
rm -rf "$site"
mkdir -p "$site/sources" "$site/content/ls2024"
cp "$csv" "$site/sources/eci-ge2024-constituencywise.csv"
cd "$site"

cat > site.toml <<'EOF'
title = "लोकसभा 2024: हर सीट"
base_url = "https://example.github.io/results/"
language = "hi"
EOF
"$bin" import sources/eci-ge2024-constituencywise.csv --year 2024 --add-parties >> site.toml 2>/dev/null

cat > content/_index.md <<'EOF'
+++
title = "लोकसभा 2024: हर सीट"
+++

देश की सभी 543 सीटें: [सूची](@/ls2024/_index.md)।
EOF
cat > content/ls2024/_index.md <<'EOF'
+++
title = "लोकसभा 2024: सभी 543 सीटें"

[generate]
data = "data/eci-ge2024-constituencywise/"
slug = "{{ data.state }} {{ data.constituency }}"
title = "{{ results.seat.constituency }} ({{ results.seat.state }}): 2024 का नतीजा"
description = "{{ results.seat.constituency }}, {{ results.seat.election }}"
date = 2024-06-05
tags = ["लोकसभा 2024", "{{ results.seat.state }}"]
body = '''
{% if results.seat.uncontested %}
{! nocheck !} {{ results.seat.winner.name }} निर्विरोध चुने गए; मतदान नहीं हुआ।
{% else %}
{! nocheck !} {{ results.seat.winner.name }} ({{ results.seat.winner.party }}) को
{{ results.seat.winner.votes | inr }} वोट मिले; अंतर {{ results.seat.margin | inr }} वोट।

```chart
kind = "candidates"
result = "seat"
others_below = 1.0
```
{% endif %}
'''
+++

हर सीट का अपना पन्ना।
EOF

timed() { # label, command…
  local label=$1
  shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" > "$work/out" 2>&1 || {
    cat "$work/out"
    exit 1
  }
  read -r wall user sys peak < "$work/time"
  printf '%-34s %7s s wall %7s s user %6s s sys %7d MB peak\n' "$label" "$wall" "$user" "$sys" $((peak / 1024))
}

# Every file of the built site with its checksum, to tell what a build changed.
sums() { (cd public && find . -type f -print0 | sort -z | xargs -0 sha256sum) > "$1"; }
cards() { find .chunav/cache/cards -type f 2>/dev/null | sort; }

echo "chunav: $("$bin" --version 2>/dev/null || echo "$bin")"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) (2 cores, shared)"
timed "import every seat" "$bin" import sources/eci-ge2024-constituencywise.csv --year 2024
echo "  $(find data -name '*.toml' | wc -l) data files"
rm -rf public .chunav
timed "cold build (no card cache)" "$bin" build
tail -n 1 "$work/out" | sed 's/^/  /'
echo "  $(find public -name index.html | wc -l) HTML pages, $(find public -name card.png | wc -l) cards, $(du -sh public | cut -f1)"
sums "$work/before"
timed "warm build (cards cached)" "$bin" build
cards > "$work/cards-before"

# Ten seats across the country get a later count: 1,000 more EVM votes for the runner-up.
python3 - sources/eci-ge2024-constituencywise.csv > "$work/changed" <<'EOF'
import csv, sys
path = sys.argv[1]
rows = list(csv.reader(open(path, newline='', encoding='utf-8')))
header, body = rows[0], rows[1:]
col = {name: i for i, name in enumerate(header)}
codes = sorted({r[col['state_code']] for r in body})
chosen = codes[::len(codes) // 10][:10]
for r in body:
    if r[col['state_code']] in chosen and r[col['sn']] == '2':
        for c in ('evm_votes', 'total_votes'):
            r[col[c]] = str(int(r[col[c]]) + 1000)
        print(r[col['state']], r[col['pc_name']])
with open(path, 'w', newline='', encoding='utf-8') as f:
    csv.writer(f, lineterminator='\n').writerows(rows)
EOF
echo "  changed: $(paste -sd, "$work/changed" | sed 's/,/, /g')"
timed "re-import, 10 seats changed" "$bin" import sources/eci-ge2024-constituencywise.csv --year 2024 --force
timed "build after the re-import" "$bin" build
sums "$work/after"
# The cache is keyed by each card's drawing: an entry that was not there before is a card
# drawn by this build (the build prunes the entries it no longer uses).
drawn=$(cards | comm -13 "$work/cards-before" - | wc -l)
changed=$({ diff "$work/before" "$work/after" || true; } | awk '/^>/ {print $3}' | sort)
echo "  cards drawn: $drawn (the rest reused from the cache)"
echo "  files whose bytes changed: $(echo "$changed" | grep -c . || true) of $(wc -l < "$work/after")"
echo "$changed" | sed -E 's#^\./##' | awk '
  /card\.png$/ { cards++; next }
  /^ls2024\/[^/]+\/index\.html$/ { seats++; next }
  { other[++n] = $0 }
  END {
    printf "    seat pages: %d, their cards: %d\n", seats, cards
    printf "    listings and indexes: %d:", n
    for (i = 1; i <= n; i++) printf " %s", other[i]
    printf "\n"
  }'
