//! Text filled by exact area coverage: each glyph's outline is accumulated as signed areas
//! (ab_glyph_rasterizer, the rasteriser plotters' font stack already builds) over its own
//! bounding box, the glyphs of a run are united into one coverage grid, and the run's
//! colour is blended into the card by it.
//!
//! tiny-skia fills a path by supersampling every pixel row four times through its general
//! blending pipeline, which was most of a card's drawing time: a card's text is nearly
//! all of its curves. Glyphs are united by the larger coverage, not summed, so where two
//! glyphs meet (Devanagari's headstroke runs on from letter to letter) their shared edge
//! is drawn once, not twice as dark. Edge pixels differ from tiny-skia's by a few levels;
//! the tests bound that against resvg's drawing.

use ab_glyph_rasterizer::{Point, Rasterizer, point};
use tiny_skia::{Path, PathSegment, Pixmap, Transform};

use super::scene::Rgb;

/// A run's coverage grid and the rasteriser its glyphs are drawn with, kept between runs
/// so a card allocates them once.
pub struct Coverage {
    raster: Rasterizer,
    grid: Vec<f32>,
}

/// Pixel bounds (left, top, right, bottom; right and bottom exclusive) of `path` under `ts`.
fn pixel_bounds(path: &Path, ts: Transform) -> (i64, i64, i64, i64) {
    let b = path.bounds();
    let mut corners = [
        tiny_skia::Point::from_xy(b.left(), b.top()),
        tiny_skia::Point::from_xy(b.right(), b.top()),
        tiny_skia::Point::from_xy(b.left(), b.bottom()),
        tiny_skia::Point::from_xy(b.right(), b.bottom()),
    ];
    ts.map_points(&mut corners);
    let xs = corners.iter().map(|p| p.x);
    let ys = corners.iter().map(|p| p.y);
    let (left, right) = xs.fold((f32::MAX, f32::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
    let (top, bottom) = ys.fold((f32::MAX, f32::MIN), |(lo, hi), v| (lo.min(v), hi.max(v)));
    (
        left.floor() as i64,
        top.floor() as i64,
        right.ceil() as i64 + 1,
        bottom.ceil() as i64 + 1,
    )
}

/// Glyph outlines and where each goes, given one by one to the callback (`fonts::run_glyphs`).
pub type Glyphs<'g> = &'g dyn Fn(&mut dyn FnMut(&Path, Transform));

impl Coverage {
    pub fn new() -> Coverage {
        Coverage {
            raster: Rasterizer::new(0, 0),
            grid: Vec::new(),
        }
    }

    /// Fills a run's glyphs in `color`.
    pub fn fill_run(&mut self, pixmap: &mut Pixmap, color: Rgb, glyphs: Glyphs<'_>) {
        let mut run: Option<(i64, i64, i64, i64)> = None;
        glyphs(&mut |outline, ts| {
            let b = pixel_bounds(outline, ts);
            run = Some(match run {
                None => b,
                Some(a) => (a.0.min(b.0), a.1.min(b.1), a.2.max(b.2), a.3.max(b.3)),
            });
        });
        let Some(run) = run else {
            return;
        };
        // Only the part on the card is kept.
        let run = (
            run.0.max(0),
            run.1.max(0),
            run.2.min(i64::from(pixmap.width())),
            run.3.min(i64::from(pixmap.height())),
        );
        if run.2 <= run.0 || run.3 <= run.1 {
            return;
        }
        let width = (run.2 - run.0) as usize;
        self.grid.clear();
        self.grid.resize(width * (run.3 - run.1) as usize, 0.0);
        glyphs(&mut |outline, ts| {
            let own = pixel_bounds(outline, ts);
            self.glyph(outline, ts, own, run, width);
        });
        blend(pixmap, &self.grid, (run.0, run.1), width, color);
    }

    /// One glyph's coverage over its own box, united into the run's grid.
    fn glyph(
        &mut self,
        outline: &Path,
        ts: Transform,
        glyph: (i64, i64, i64, i64),
        run: (i64, i64, i64, i64),
        run_width: usize,
    ) {
        let (left, top) = (glyph.0, glyph.1);
        let width = (glyph.2 - glyph.0).max(0) as usize;
        let height = (glyph.3 - glyph.1).max(0) as usize;
        if width == 0 || height == 0 {
            return;
        }
        self.raster.reset(width, height);
        let local = |p: tiny_skia::Point| {
            let mut p = p;
            ts.map_point(&mut p);
            point(p.x - left as f32, p.y - top as f32)
        };
        draw_outline(&mut self.raster, outline, local);
        let grid = &mut self.grid;
        self.raster.for_each_pixel(|index, alpha| {
            if alpha <= 0.0 {
                return;
            }
            let x = left + (index % width) as i64;
            let y = top + (index / width) as i64;
            if x < run.0 || y < run.1 || x >= run.2 || y >= run.3 {
                return;
            }
            let cell = &mut grid[(y - run.1) as usize * run_width + (x - run.0) as usize];
            *cell = cell.max(alpha.min(1.0));
        });
    }
}

/// Feeds the outline's segments, mapped by `local`, to the rasteriser; every contour is
/// closed.
fn draw_outline(
    raster: &mut Rasterizer,
    outline: &Path,
    local: impl Fn(tiny_skia::Point) -> Point,
) {
    let mut start: Option<Point> = None;
    let mut at = point(0.0, 0.0);
    for segment in outline.segments() {
        match segment {
            PathSegment::MoveTo(p) => {
                if let Some(s) = start {
                    raster.draw_line(at, s);
                }
                at = local(p);
                start = Some(at);
            }
            PathSegment::LineTo(p) => {
                let p = local(p);
                raster.draw_line(at, p);
                at = p;
            }
            PathSegment::QuadTo(c, p) => {
                let (c, p) = (local(c), local(p));
                raster.draw_quad(at, c, p);
                at = p;
            }
            PathSegment::CubicTo(c0, c1, p) => {
                let (c0, c1, p) = (local(c0), local(c1), local(p));
                raster.draw_cubic(at, c0, c1, p);
                at = p;
            }
            PathSegment::Close => {
                if let Some(s) = start.take() {
                    raster.draw_line(at, s);
                    at = s;
                }
            }
        }
    }
    if let Some(s) = start {
        raster.draw_line(at, s);
    }
}

/// `color` over the card's pixels by `grid`'s coverage (`width` to a row, its first cell
/// at `origin`, which is on the card, as is the whole grid).
fn blend(pixmap: &mut Pixmap, grid: &[f32], origin: (i64, i64), width: usize, color: Rgb) {
    let card_width = pixmap.width() as usize;
    let data = pixmap.data_mut();
    let source = [u32::from(color.0), u32::from(color.1), u32::from(color.2)];
    for (row, cells) in grid.chunks_exact(width).enumerate() {
        let start = 4 * ((origin.1 as usize + row) * card_width + origin.0 as usize);
        for (pixel, &alpha) in data[start..start + 4 * width]
            .chunks_exact_mut(4)
            .zip(cells)
        {
            let cover = (alpha * 255.0 + 0.5) as u32;
            if cover == 0 {
                continue;
            }
            for (channel, &src) in pixel[..3].iter_mut().zip(&source) {
                let dst = u32::from(*channel);
                *channel = ((src * cover + dst * (255 - cover) + 127) / 255) as u8;
            }
        }
    }
}
