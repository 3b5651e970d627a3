#!/usr/bin/env bash
# Makes the theme's web fonts (static/fonts/*.woff2) from Debian's fonts-noto-core:
# Noto Sans Devanagari and Noto Sans (Latin), regular and bold, subset to what Hindi and
# English news text uses, with every layout feature of the Devanagari face kept (conjuncts,
# reph, matras), no hinting (phones do not use it), WOFF2.
# Needs: apt-get install fonts-noto-core; pip install fonttools brotli
set -euo pipefail
cd "$(dirname "$0")/.."
N=${NOTO_DIR:-/usr/share/fonts/truetype/noto}
OUT=static/fonts
mkdir -p "$OUT"

# Keep these in step with the unicode-range of each @font-face in static/style.css.
DEVANAGARI="U+0900-097F,U+1CD0-1CF9,U+200C-200D,U+20B9,U+25CC,U+A830-A839,U+A8E0-A8FF"
LATIN="U+0000-00FF,U+0131,U+0152-0153,U+02BB-02BC,U+02C6,U+02DA,U+02DC,U+2000-206F,U+20AC,U+2122,U+2191,U+2193,U+2212,U+2215,U+FEFF,U+FFFD"

for weight in Regular:400 Bold:700; do
  name=${weight%%:*} number=${weight##*:}
  pyftsubset "$N/NotoSansDevanagari-$name.ttf" --unicodes="$DEVANAGARI" \
    --layout-features='*' --no-hinting --flavor=woff2 \
    --output-file="$OUT/noto-sans-devanagari-$number.woff2"
  pyftsubset "$N/NotoSans-$name.ttf" --unicodes="$LATIN" \
    --layout-features='kern,liga,clig,calt,ccmp,locl,mark,mkmk,tnum,lnum,pnum,frac' \
    --no-hinting --flavor=woff2 \
    --output-file="$OUT/noto-sans-$number.woff2"
done
cp assets/fonts/OFL.txt "$OUT/OFL.txt"
ls -l "$OUT"
