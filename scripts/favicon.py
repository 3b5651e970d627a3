"""Draws static/favicon.ico (16, 32 and 48 px) from the same shapes as static/favicon.svg:
a dark tile with three bars. Run: python3 scripts/favicon.py (needs Pillow)."""
from pathlib import Path
from PIL import Image, ImageDraw

SCALE = 8  # draw large, then shrink with a good filter
TILE, BARS = "#1d3557", [((7, 16, 12, 26), "#ff9933"), ((14, 9, 19, 26), "#19aaed"), ((21, 13, 26, 26), "#f1faee")]

big = Image.new("RGBA", (32 * SCALE, 32 * SCALE), (0, 0, 0, 0))
draw = ImageDraw.Draw(big)
draw.rounded_rectangle((0, 0, 32 * SCALE - 1, 32 * SCALE - 1), radius=6 * SCALE, fill=TILE)
for (x0, y0, x1, y1), colour in BARS:
    draw.rectangle((x0 * SCALE, y0 * SCALE, x1 * SCALE - 1, y1 * SCALE - 1), fill=colour)
out = Path(__file__).resolve().parent.parent / "static" / "favicon.ico"
big.save(out, sizes=[(16, 16), (32, 32), (48, 48)])
print(out, out.stat().st_size, "bytes")
