#!/usr/bin/env bash
# Makes the theme's web fonts (static/fonts/*.woff2) from Debian's fonts-noto-core:
# - noto-sans-devanagari-400: Noto Sans Devanagari Regular, the whole Devanagari block
#   (U+0900–097F: every letter, matra, sign and digit, so text a desk writes later shapes
#   as well as the example's) plus the digits and punctuation the face draws itself, ₹, −,
#   ZWJ/ZWNJ and the dotted circle; every OpenType layout feature kept (akhn, half, rphf,
#   blwf, pres, abvs, blws, psts, abvm, blwm, …: conjuncts, reph, matras).
# - noto-sans-400 / -700: Noto Sans Regular and Bold, Basic Latin, Latin-1, the common
#   quotes and dashes, €, ₹, −; kerning and mark positioning kept.
# No hinting (phones do not use it), WOFF2. There is no bold Devanagari file: one
# Devanagari face is about 39 KB, and the article budget (60 KB gzipped with its fonts,
# scripts/audit.sh) has room for one; the browser draws bold Devanagari from the regular
# face (docs/theme.md).
#
# Needs: apt-get install fonts-noto-core; fontTools from PyPI, e.g.
#   python3 -m venv /tmp/fonts-venv && /tmp/fonts-venv/bin/pip install fonttools brotli
#   PATH=/tmp/fonts-venv/bin:$PATH scripts/fonts.sh
set -euo pipefail
cd "$(dirname "$0")/.."
N=${NOTO_DIR:-/usr/share/fonts/truetype/noto}
OUT=static/fonts
mkdir -p "$OUT"

# Keep these in step with the unicode-range of each @font-face in static/style.css.
# The ASCII part of DEVANAGARI is exactly what the Devanagari face has (no letters, no $ & @).
DEVANAGARI="U+0020-0023,U+0025,U+0027-003F,U+005B-005F,U+007B-007E,U+00A0,U+00AD,U+00D7,U+0900-097F,U+200B-200D,U+2010,U+2013-2014,U+2018-2019,U+201C-201D,U+2026,U+20B9,U+2212,U+25CC"
LATIN="U+0020-007E,U+00A0-00FF,U+0131,U+0152-0153,U+2013-2014,U+2018-201E,U+2022,U+2026,U+20AC,U+20B9,U+2212"

pyftsubset "$N/NotoSansDevanagari-Regular.ttf" --unicodes="$DEVANAGARI" \
  --layout-features='*' --no-hinting --flavor=woff2 \
  --output-file="$OUT/noto-sans-devanagari-400.woff2"
for weight in Regular:400 Bold:700; do
  name=${weight%%:*} number=${weight##*:}
  pyftsubset "$N/NotoSans-$name.ttf" --unicodes="$LATIN" \
    --layout-features='kern,liga,ccmp,locl,mark,mkmk' \
    --no-hinting --flavor=woff2 \
    --output-file="$OUT/noto-sans-$number.woff2"
done
rm -f "$OUT/noto-sans-devanagari-700.woff2"
cp assets/fonts/OFL.txt "$OUT/OFL.txt"
ls -l "$OUT"
