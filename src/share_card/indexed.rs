//! The card drawn straight into palette indices, one byte a pixel, when it has at most
//! 256 colours (as cards do): no RGBA canvas to fill (3 MB a card) and no pass over it to
//! find the palette afterwards. Each shape is laid over the indices through its coverage:
//! rects and lines as tiny-skia fills and strokes them (their coverage read from opaque
//! white painted on a transparent pixmap, blended as tiny-skia blends), text through its
//! glyphs' coverage (`glyphs`, blended as `raster::composite` blends). The pixels are those
//! `raster::draw` gives (tests.rs compares every sample card).

use tiny_skia::{FillRule, PathBuilder, Pixmap, Stroke, Transform};

use super::glyphs::{self, Coverage};
use super::raster::{ColorTable, Palette, blend, covers, paint_of, rect_path};
use super::scene::{Rgb, Shape};

/// The card's palette and indices, or `None` when its first shape does not cover it (the
/// RGBA path draws it) or it has more than 256 colours.
pub(super) fn draw(shapes: &[Shape<'_>], width: u32, height: u32) -> Option<Palette> {
    let (first, rest) = shapes.split_first()?;
    let Shape::Rect { fill, .. } = *first else {
        return None;
    };
    if !covers(first, width, height) {
        return None;
    }
    let mut canvas = Canvas::new(fill, width as usize, height as usize);
    for shape in rest {
        canvas.paint(shape)?;
    }
    Some(canvas.finish())
}

struct Canvas {
    width: usize,
    height: usize,
    indices: Vec<u8>,
    /// RGB triples, by index.
    colors: Vec<u8>,
    table: ColorTable,
}

impl Canvas {
    fn new(background: Rgb, width: usize, height: usize) -> Canvas {
        let mut canvas = Canvas {
            width,
            height,
            indices: vec![0; width * height],
            colors: Vec::with_capacity(3 * 256),
            table: ColorTable::new(),
        };
        canvas.index_of(background);
        canvas
    }

    /// The index of `color`, a new one if it is new; `None` past 256 colours.
    fn index_of(&mut self, Rgb(r, g, b): Rgb) -> Option<u8> {
        let colors = &mut self.colors;
        let key = u32::from_le_bytes([r, g, b, 0]);
        self.table
            .index_of(key, || colors.extend_from_slice(&[r, g, b]))
    }

    fn paint(&mut self, shape: &Shape<'_>) -> Option<()> {
        match *shape {
            Shape::Rect {
                x,
                y,
                width,
                height,
                radius,
                fill,
            } if radius <= 0.0
                && width > 0.0
                && height > 0.0
                && [x, y, width, height].iter().all(|v| v.fract() == 0.0) =>
            {
                // Whole pixels: tiny-skia covers each fully or not at all.
                let ink = self.index_of(fill)?;
                let clamp = |v: f32, most: usize| (v.max(0.0) as usize).min(most);
                let (left, right) = (clamp(x, self.width), clamp(x + width, self.width));
                let (top, bottom) = (clamp(y, self.height), clamp(y + height, self.height));
                for row in top..bottom {
                    self.indices[row * self.width + left..row * self.width + right].fill(ink);
                }
                Some(())
            }
            Shape::Rect {
                x,
                y,
                width,
                height,
                radius,
                fill,
            } => match rect_path(x, y, width, height, radius) {
                Some(path) => self.shape(&path, None, fill),
                None => Some(()),
            },
            Shape::Line {
                from,
                to,
                width,
                stroke,
            } => {
                let mut builder = PathBuilder::new();
                builder.move_to(from.0, from.1);
                builder.line_to(to.0, to.1);
                let Some(path) = builder.finish() else {
                    return Some(());
                };
                let style = Stroke {
                    width,
                    ..Stroke::default()
                };
                self.shape(&path, Some(&style), stroke)
            }
            Shape::Text {
                x,
                baseline,
                size,
                face,
                fill,
                ref text,
            } => {
                let canvas = (self.width, self.height);
                match glyphs::run(face, text, (x, baseline), size, canvas) {
                    Some(coverage) => self.lay(&coverage, fill, blend),
                    None => Some(()),
                }
            }
        }
    }

    /// A path filled (or stroked with `stroke`) in `color`, as tiny-skia paints it.
    fn shape(&mut self, path: &tiny_skia::Path, stroke: Option<&Stroke>, color: Rgb) -> Option<()> {
        match coverage(path, stroke, (self.width, self.height)) {
            Some(coverage) => self.lay(&coverage, color, lerp),
            None => Some(()),
        }
    }

    /// `color` laid over the indices through `coverage`, each channel mixed by `mix`
    /// (source, under, coverage).
    fn lay(
        &mut self,
        coverage: &Coverage,
        color: Rgb,
        mix: impl Fn(u8, u8, u8) -> u8,
    ) -> Option<()> {
        let ink = self.index_of(color)?;
        let Canvas {
            width,
            indices,
            colors,
            table,
            ..
        } = self;
        // The index of `color` over the colour of index `under` at coverage `c`; the last
        // one is kept, as edges repeat along a row.
        let mut last: Option<((u8, u8), u8)> = None;
        let mut over = |under: u8, c: u8| -> Option<u8> {
            if let Some((key, index)) = last
                && key == (under, c)
            {
                return Some(index);
            }
            let u = 3 * usize::from(under);
            let [r, g, b] =
                [0, 1, 2].map(|i| mix([color.0, color.1, color.2][i], colors[u + i], c));
            let index = table.index_of(u32::from_le_bytes([r, g, b, 0]), || {
                colors.extend_from_slice(&[r, g, b])
            })?;
            last = Some(((under, c), index));
            Some(index)
        };
        let rows = coverage
            .data
            .chunks_exact(coverage.width)
            .take(coverage.height);
        for (row, line) in rows.enumerate() {
            let start = (coverage.top + row) * *width + coverage.left;
            let pixels = &mut indices[start..start + coverage.width];
            // Eight pixels of no coverage are passed over, eight of full coverage filled,
            // with one test each: most of a run's coverage is one or the other.
            let (eights, _) = line.as_chunks::<8>();
            for (k, eight) in eights.iter().enumerate() {
                match u64::from_ne_bytes(*eight) {
                    0 => continue,
                    u64::MAX => {
                        pixels[8 * k..8 * k + 8].fill(ink);
                        continue;
                    }
                    _ => {}
                }
                for (pixel, &c) in pixels[8 * k..8 * k + 8].iter_mut().zip(eight) {
                    match c {
                        0 => {}
                        255 => *pixel = ink,
                        c => *pixel = over(*pixel, c)?,
                    }
                }
            }
            let done = 8 * eights.len();
            for (pixel, &c) in pixels[done..].iter_mut().zip(&line[done..]) {
                match c {
                    0 => {}
                    255 => *pixel = ink,
                    c => *pixel = over(*pixel, c)?,
                }
            }
        }
        Some(())
    }

    fn finish(self) -> Palette {
        let width = self.width.max(1);
        let same_as_above = (0..self.height)
            .map(|row| {
                row > 0
                    && self.indices[row * width..(row + 1) * width]
                        == self.indices[(row - 1) * width..row * width]
            })
            .collect();
        Palette {
            colors: self.colors,
            indices: self.indices,
            same_as_above,
        }
    }
}

/// The coverage tiny-skia gives `path` filled with the non-zero rule (or stroked with
/// `stroke`), anti-aliased, clipped to the canvas: the alpha of opaque white painted with it
/// on a transparent pixmap around it (for these two, alpha is the coverage).
fn coverage(
    path: &tiny_skia::Path,
    stroke: Option<&Stroke>,
    (canvas_width, canvas_height): (usize, usize),
) -> Option<Coverage> {
    let bounds = path.bounds();
    let pad = stroke.map_or(0.0, |s| s.width / 2.0) + 1.0;
    let clamp = |v: f32, most: usize| (v.max(0.0) as usize).min(most);
    let left = clamp((bounds.left() - pad).floor(), canvas_width);
    let top = clamp((bounds.top() - pad).floor(), canvas_height);
    let right = clamp((bounds.right() + pad).ceil(), canvas_width);
    let bottom = clamp((bounds.bottom() + pad).ceil(), canvas_height);
    if left >= right || top >= bottom {
        return None;
    }
    let (width, height) = (right - left, bottom - top);
    let mut pixmap = Pixmap::new(width as u32, height as u32)?;
    let white = paint_of(Rgb(255, 255, 255));
    let at = Transform::from_translate(-(left as f32), -(top as f32));
    match stroke {
        Some(style) => pixmap.stroke_path(path, &white, style, at, None),
        None => pixmap.fill_path(path, &white, FillRule::Winding, at, None),
    }
    let data = pixmap.data().chunks_exact(4).map(|p| p[3]).collect();
    Some(Coverage {
        left,
        top,
        width,
        height,
        data,
    })
}

/// `source` over `under` at `coverage`/255 as tiny-skia's pipeline mixes them.
fn lerp(source: u8, under: u8, coverage: u8) -> u8 {
    let c = u32::from(coverage);
    ((u32::from(under) * (255 - c) + u32::from(source) * c + 255) >> 8) as u8
}
