#!/usr/bin/env bash
# Held-out measurement of `chunav check` (docs/checks.md, "Held-out measurement").
#
# Runs `chunav check` on every site under tests/fixtures/heldout/ and compares what it
# reports with tests/fixtures/heldout/manifest.toml:
#   - planted mistakes (sites *-planted*): caught when a warning or error names the
#     mistake's file and a line within 1 of it; each diagnostic catches at most one mistake;
#   - clean sites (those with no planted mistake in the manifest: kanpur, seats-hi, seats-en,
#     r2-hi, r2-en, r3-hi, r3-en): every warning or error is a false alarm.
# Rounds go by the site's prefix: sites named rN-* are round N (each written blind, later than
# the one before), sites without a prefix are round 1; the last lines give each round on its own.
#
# Usage: scripts/heldout.sh [--bin PATH] [--round rN] [--verbose]
#   --bin PATH   the chunav binary (default: target/release/chunav)
#   --round R    measure one round only (r1: the sites without a prefix, r2: the sites named
#                r2-*, r3: r3-*, …)
#   --verbose    also list the planted mistakes missed, the diagnostics in planted sites
#                that match no planted mistake, and the catches a line off that may be
#                borrowed from a neighbouring planted line
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
bin="$root/target/release/chunav"
verbose=0
only_round=""
while [ $# -gt 0 ]; do
    case "$1" in
        --bin) bin="$2"; shift 2 ;;
        --bin=*) bin="${1#--bin=}"; shift ;;
        --round) only_round="$2"; shift 2 ;;
        --round=*) only_round="${1#--round=}"; shift ;;
        --verbose|-v) verbose=1; shift ;;
        -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
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

python3 - "$fixtures" "$out" "$verbose" "$bin" "$only_round" <<'PY'
import os, re, sys, tomllib
from collections import Counter, defaultdict

fixtures, out, verbose, binary, only_round = sys.argv[1], sys.argv[2], sys.argv[3] == "1", sys.argv[4], sys.argv[5]
manifest = tomllib.load(open(os.path.join(fixtures, "manifest.toml"), "rb"))["mistake"]
# A clean site is one with no planted mistake; a site named "rN-…" belongs to round N, one
# without such a prefix to round 1.
planted_sites = {m["site"] for m in manifest}
def round_of(site):
    m = re.match(r"(r[0-9]+)-", site)
    return m[1] if m else "r1"
if only_round and not re.fullmatch(r"r[0-9]+", only_round):
    sys.exit(f"heldout.sh: --round {only_round}: a round is r1, r2, r3, …")
if only_round:
    manifest = [m for m in manifest if round_of(m["site"]) == only_round]

# `warning: content/a.md:42: message` / `error: data/x.toml:7: results[0]...: message`
diag_re = re.compile(r"^(warning|error): (.+?):(\d+): (.*)$")
diags = defaultdict(list)       # site -> [(level, file, line, message)]
unlocated = defaultdict(list)   # site -> diagnostics without a file and line
sites = sorted(f[:-4] for f in os.listdir(out) if f.endswith(".log"))
if only_round:
    sites = [s for s in sites if round_of(s) == only_round]
clean_sites = [s for s in sites if s not in planted_sites]
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

# A diagnostic that the clean copy of a planted site raises too (same file, line and message:
# "r2-hi-planted" is a copy of "r2-hi") is a false alarm there, so it catches nothing here.
def clean_copy(site):
    base = site.replace("-planted", "")
    return base if base != site and base in diags else None
echoes = set()
for site in sites:
    base = clean_copy(site)
    if base:
        seen = {(f, line, msg) for _, f, line, msg in diags[base]}
        echoes |= {(site, j) for j, (_, f, line, msg) in enumerate(diags[site]) if (f, line, msg) in seen}

# One diagnostic catches one mistake. Passes, best first: on the line and quoting the typed
# figure, a line off and quoting it, on the line, a line off.
caught = {}
used = set()
for tolerance, need_quote in ((0, True), (1, True), (0, False), (1, False)):
    for i, mk in enumerate(manifest):
        if i in caught:
            continue
        for j, (level, f, line, msg) in enumerate(diags[mk["site"]]):
            if (mk["site"], j) in used or (mk["site"], j) in echoes:
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
for rnd in sorted({round_of(m["site"]) for m in manifest}, key=lambda r: int(r[1:])):
    idx = [i for i, m in enumerate(manifest) if round_of(m["site"]) == rnd]
    got = sum(1 for i in idx if i in caught)
    fa = sum(1 for s, _ in false_alarms if round_of(s) == rnd)
    cs = [s for s in clean_sites if round_of(s) == rnd]
    print(f"round {rnd}: {got} / {len(idx)} caught ({100.0 * got / len(idx):.1f} %), {fa} false alarms on {', '.join(cs) or 'no clean sites'}")
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
    planted_lines = {(m["site"], m["file"], m["line"]) for m in manifest}
    borrowed = [(i, d) for i, d in caught.items()
                if d[2] != manifest[i]["line"] and (manifest[i]["site"], d[1], d[2]) in planted_lines]
    print(f"Caught a line off by a diagnostic on another planted mistake's line (may be borrowed): {len(borrowed)}")
    for i, (level, f, line, msg) in borrowed:
        mk = manifest[i]
        print(f"  {mk['site']}/{mk['file']}:{mk['line']} [{mk['kind']}] by line {line}: {msg}")
    print()
    print(f"Diagnostics in planted sites that their clean copy raises too (false alarms, not catches): {len(echoes)}")
    for site, j in sorted(echoes):
        level, f, line, msg = diags[site][j]
        print(f"  {site}/{f}:{line}: {level}: {msg}")
    print()
    print("Diagnostics in planted sites that match no planted mistake:")
    for site in sites:
        if site in clean_sites:
            continue
        for j, (level, f, line, msg) in enumerate(diags[site]):
            if (site, j) not in used and (site, j) not in echoes:
                print(f"  {site}/{f}:{line}: {level}: {msg}")
        for u in unlocated[site]:
            print(f"  {site}: {u}")
PY
