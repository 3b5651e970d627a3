#!/usr/bin/env bash
# Held-out measurement of `chunav check` (docs/checks.md, "Held-out measurement").
#
# Runs `chunav check` on every site under tests/fixtures/heldout/ and compares what it
# reports with tests/fixtures/heldout/manifest.toml:
#   - planted mistakes (sites *-planted*): caught when a warning or error names the
#     mistake's file and a line within 1 of it; each diagnostic catches at most one mistake;
#   - clean sites (kanpur, seats-hi, seats-en): every warning or error is a false alarm.
#
# Usage: scripts/heldout.sh [--bin PATH] [--verbose]
#   --bin PATH   the chunav binary (default: target/release/chunav)
#   --verbose    also list the planted mistakes missed and the diagnostics in planted
#                sites that match no planted mistake
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$root/target/release/chunav"
verbose=0
while [ $# -gt 0 ]; do
    case "$1" in
        --bin) bin="$2"; shift 2 ;;
        --bin=*) bin="${1#--bin=}"; shift ;;
        --verbose|-v) verbose=1; shift ;;
        -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "heldout.sh: unknown argument $1 (try --help)" >&2; exit 2 ;;
    esac
done
case "$bin" in /*) ;; *) bin="$PWD/$bin" ;; esac
if [ ! -x "$bin" ]; then
    echo "heldout.sh: no chunav binary at $bin; build it (cargo build --release) or pass --bin PATH" >&2
    exit 2
fi

fixtures="$root/tests/fixtures/heldout"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

# Every site is a folder with a site.toml. Each is checked in a copy, since `check` keeps
# a cache (.chunav/) in the site and the fixtures must stay as committed.
mkdir "$out/sites"
for site in "$fixtures"/*/; do
    site="${site%/}"
    [ -f "$site/site.toml" ] || continue
    name="$(basename "$site")"
    cp -R "$site" "$out/sites/$name"
    set +e
    "$bin" check --root "$out/sites/$name" >"$out/$name.log" 2>&1
    echo $? >"$out/$name.rc"
    set -e
done

python3 - "$fixtures" "$out" "$verbose" "$bin" <<'PY'
import os, re, sys, tomllib
from collections import Counter, defaultdict

fixtures, out, verbose, binary = sys.argv[1], sys.argv[2], sys.argv[3] == "1", sys.argv[4]
manifest = tomllib.load(open(os.path.join(fixtures, "manifest.toml"), "rb"))["mistake"]
clean_sites = ["kanpur", "seats-hi", "seats-en"]

# `warning: content/a.md:42: message` / `error: data/x.toml:7: results[0]...: message`
diag_re = re.compile(r"^(warning|error): (.+?):(\d+): (.*)$")
diags = defaultdict(list)       # site -> [(level, file, line, message)]
unlocated = defaultdict(list)   # site -> diagnostics without a file and line
sites = sorted(f[:-4] for f in os.listdir(out) if f.endswith(".log"))
for site in sites:
    for raw in open(os.path.join(out, site + ".log"), encoding="utf-8", errors="replace"):
        raw = raw.rstrip("\n")
        m = diag_re.match(raw)
        if m:
            diags[site].append((m[1], m[2], int(m[3]), m[4]))
        elif raw.startswith(("warning:", "error:")):
            unlocated[site].append(raw)

# A figure as a message quotes it: Latin digits, no grouping commas.
DIGITS = str.maketrans("०१२३४५६७८९", "0123456789")
def figures(text):
    return {t.translate(DIGITS).replace(",", "") for t in re.findall(r"[\d०-९][\d०-९,]*(?:\.[\d०-९]+)?", text)}

def quotes(mk, msg):
    return "typed" in mk and mk["typed"].translate(DIGITS).replace(",", "") in figures(msg)

# One diagnostic catches one mistake. Passes, best first: on the line and quoting the typed
# figure, a line off and quoting it, on the line, a line off.
caught = {}
used = set()
for tolerance, need_quote in ((0, True), (1, True), (0, False), (1, False)):
    for i, mk in enumerate(manifest):
        if i in caught:
            continue
        for j, (level, f, line, msg) in enumerate(diags[mk["site"]]):
            if (mk["site"], j) in used:
                continue
            if f == mk["file"] and abs(line - mk["line"]) <= tolerance and (not need_quote or quotes(mk, msg)):
                caught[i] = (level, f, line, msg)
                used.add((mk["site"], j))
                break

order = []
for mk in manifest:
    if mk["kind"] not in order:
        order.append(mk["kind"])
planted = Counter(mk["kind"] for mk in manifest)
hit = Counter(manifest[i]["kind"] for i in caught)
with_figure = Counter(mk["kind"] for mk in manifest if "typed" in mk)
quoted = Counter(manifest[i]["kind"] for i, d in caught.items() if quotes(manifest[i], d[3]))
group_of = {mk["kind"]: mk["group"] for mk in manifest}

print(f"chunav held-out measurement: {binary}")
print(f"{len(manifest)} planted mistakes in {len({m['site'] for m in manifest})} sites; clean sites: {', '.join(clean_sites)}")
print()
print(f"| {'kind':<17} | {'group':<17} | caught / planted | quoting the typed figure |")
print(f"|{'-'*19}|{'-'*19}|{'-'*18}|{'-'*26}|")
for group in ("claims", "outside the body", "data"):
    for kind in order:
        if group_of[kind] != group:
            continue
        q = f"{quoted[kind]:>6} / {with_figure[kind]:<7}" if with_figure[kind] else ""
        print(f"| {kind:<17} | {group:<17} | {hit[kind]:>6} / {planted[kind]:<7} | {q:<24} |")
total_hit, total = sum(hit.values()), len(manifest)
q = f"{sum(quoted.values()):>6} / {sum(with_figure.values()):<7}"
print(f"| {'all':<17} | {'':<17} | {total_hit:>6} / {total:<7} | {q:<24} |")
print(f"| {'caught, share':<17} | {'':<17} | {100.0 * total_hit / total:>13.1f} %  | {'':<24} |")
false_alarms = [(s, d) for s in clean_sites for d in diags[s]] + [(s, (None, None, None, u)) for s in clean_sites for u in unlocated[s]]
print(f"| {'false alarms':<17} | {'clean sites':<17} | {len(false_alarms):>6}{'':<10} | {'':<24} |")
print()

print(f"False alarms on clean articles and data ({len(false_alarms)}):")
for site, (level, f, line, msg) in false_alarms:
    where = f"{site}/{f}:{line}" if f else site
    print(f"  {where}: {level or ''}{': ' if level else ''}{msg}")
if not false_alarms:
    print("  none")
for site in sites:
    rc = open(os.path.join(out, site + ".rc")).read().strip()
    if site in clean_sites and rc != "0":
        print(f"  {site}: chunav check exited with status {rc}")

if verbose:
    print()
    print("Missed:")
    for i, mk in enumerate(manifest):
        if i not in caught:
            print(f"  {mk['site']}/{mk['file']}:{mk['line']} [{mk['kind']}] {mk['what']}")
    print()
    print("Diagnostics in planted sites that match no planted mistake:")
    for site in sites:
        if site in clean_sites:
            continue
        for j, (level, f, line, msg) in enumerate(diags[site]):
            if (site, j) not in used:
                print(f"  {site}/{f}:{line}: {level}: {msg}")
        for u in unlocated[site]:
            print(f"  {site}: {u}")
PY
