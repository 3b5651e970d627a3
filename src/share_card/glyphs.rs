//! A run of text as anti-aliased coverage, built from glyph masks filled once.
//!
//! A build's cards repeat the same glyphs at the same few sizes (digits, the Devanagari
//! letters and matras, the card's own words), so each glyph is filled by tiny-skia once per
//! face, size and position inside a pixel (in eighths), kept per thread, and copied into the
//! run's coverage from then on. The glyphs of a run overlap (a Devanagari letter's headline
//! bar runs on into the next one's): the run's coverage is the larger of theirs at each
//! pixel, which is what filling their union gives where their edges coincide, so a join
//! shows no darker seam.

use std::cell::RefCell;
use std::collections::HashMap;

use tiny_skia::{FillRule, Mask, Transform};

use super::fonts::{self, Face};

/// Glyph origins are rounded to this fraction of a pixel: an eighth moves an edge by at
/// most a sixteenth of a pixel, a shade of at most 1/16 of the ink on an edge pixel.
const PHASES: f32 = 8.0;

/// A thread's masks are dropped past this many bytes; a build's cards need a few MB.
const MAX_CACHED_BYTES: usize = 24 << 20;

/// One glyph of one face at one size (`f32` bits), its origin `phase` eighths of a pixel
/// right of and below a pixel corner.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Key {
    face: usize,
    glyph: u16,
    size: u32,
    phase: (u8, u8),
}

/// A glyph's coverage, `width` bytes to a row, its top left corner (`left`, `top`) pixels
/// from the pixel corner its origin is rounded to.
struct GlyphMask {
    left: i32,
    top: i32,
    width: usize,
    height: usize,
    data: Vec<u8>,
}

#[derive(Default)]
struct Cache {
    masks: HashMap<Key, Option<GlyphMask>>,
    bytes: usize,
}

thread_local! {
    static MASKS: RefCell<Cache> = RefCell::default();
}

/// Coverage (0 none, 255 full) of a rectangle of the canvas: `width` × `height` pixels
/// from (`left`, `top`).
pub struct Coverage {
    pub left: usize,
    pub top: usize,
    pub width: usize,
    pub height: usize,
    pub data: Vec<u8>,
}

/// The coverage of `text` set in `face` at `size` px, its pen starting at (`x`,
/// `baseline`), clipped to a canvas of `canvas` (width, height) pixels; `None` when no ink
/// falls on the canvas.
pub fn run(
    face: Face,
    text: &str,
    (x, baseline): (f32, f32),
    size: f32,
    canvas: (usize, usize),
) -> Option<Coverage> {
    MASKS.with(|cache| {
        let cache = &mut *cache.borrow_mut();
        if cache.bytes > MAX_CACHED_BYTES {
            *cache = Cache::default();
        }
        let mut placed: Vec<(Key, i32, i32)> = Vec::with_capacity(text.len());
        fonts::run_glyphs(face, text, (x, baseline), size, |glyph, outline, at| {
            let (column, phase_x) = split(at.tx);
            let (row, phase_y) = split(at.ty);
            let key = Key {
                face: face.index(),
                glyph,
                size: size.to_bits(),
                phase: (phase_x, phase_y),
            };
            if !cache.masks.contains_key(&key) {
                let mask = fill(outline, at, key.phase);
                cache.bytes += mask.as_ref().map_or(0, |m| m.data.len()) + 64;
                cache.masks.insert(key, mask);
            }
            placed.push((key, column, row));
        });
        combine(&cache.masks, &placed, canvas)
    })
}

/// A coordinate as a whole pixel and the eighths past it.
fn split(at: f32) -> (i32, u8) {
    let whole = at.floor();
    let phase = ((at - whole) * PHASES).round();
    if phase >= PHASES {
        (whole as i32 + 1, 0)
    } else {
        (whole as i32, phase as u8)
    }
}

/// The glyph filled anti-aliased with the non-zero rule, scaled as `at` scales it and its
/// origin `phase` eighths into a pixel.
fn fill(outline: &tiny_skia::Path, at: Transform, phase: (u8, u8)) -> Option<GlyphMask> {
    let place = Transform::from_row(
        at.sx,
        0.0,
        0.0,
        at.sy,
        f32::from(phase.0) / PHASES,
        f32::from(phase.1) / PHASES,
    );
    let path = outline.clone().transform(place)?;
    let bounds = path.bounds();
    let (left, top) = (bounds.left().floor() as i32, bounds.top().floor() as i32);
    let width = (bounds.right().ceil() as i32 - left).max(1) as u32;
    let height = (bounds.bottom().ceil() as i32 - top).max(1) as u32;
    let mut mask = Mask::new(width, height)?;
    mask.fill_path(
        &path,
        FillRule::Winding,
        true,
        Transform::from_translate(-left as f32, -top as f32),
    );
    Some(GlyphMask {
        left,
        top,
        width: width as usize,
        height: height as usize,
        data: mask.take(),
    })
}

/// The placed glyphs' masks in one coverage, the larger value where they overlap.
fn combine(
    masks: &HashMap<Key, Option<GlyphMask>>,
    placed: &[(Key, i32, i32)],
    (canvas_width, canvas_height): (usize, usize),
) -> Option<Coverage> {
    let at = |&(key, column, row): &(Key, i32, i32)| {
        let mask = masks.get(&key)?.as_ref()?;
        Some((mask, column + mask.left, row + mask.top))
    };
    let (mut left, mut top, mut right, mut bottom) = (i32::MAX, i32::MAX, i32::MIN, i32::MIN);
    for (mask, x, y) in placed.iter().filter_map(at) {
        left = left.min(x);
        top = top.min(y);
        right = right.max(x + mask.width as i32);
        bottom = bottom.max(y + mask.height as i32);
    }
    let (left, top) = (left.max(0), top.max(0));
    let right = right.min(canvas_width as i32);
    let bottom = bottom.min(canvas_height as i32);
    if left >= right || top >= bottom {
        return None;
    }
    let width = (right - left) as usize;
    let height = (bottom - top) as usize;
    let mut data = vec![0u8; width * height];
    for (mask, x, y) in placed.iter().filter_map(at) {
        // The mask's rows and columns that fall inside the coverage.
        let skip_x = (left - x).max(0) as usize;
        let skip_y = (top - y).max(0) as usize;
        let end_x = ((right - x) as usize).min(mask.width);
        let end_y = ((bottom - y) as usize).min(mask.height);
        if skip_x >= end_x || skip_y >= end_y {
            continue;
        }
        let to_x = (x + skip_x as i32 - left) as usize;
        for mask_row in skip_y..end_y {
            let to_row = (y + mask_row as i32 - top) as usize;
            let from = &mask.data[mask_row * mask.width + skip_x..mask_row * mask.width + end_x];
            let to = &mut data[to_row * width + to_x..][..from.len()];
            for (t, f) in to.iter_mut().zip(from) {
                *t = (*t).max(*f);
            }
        }
    }
    Some(Coverage {
        left: left as usize,
        top: top as usize,
        width,
        height,
        data,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_split_into_pixels_and_eighths() {
        assert_eq!(split(10.0), (10, 0));
        assert_eq!(split(10.5), (10, 4));
        assert_eq!(split(10.97), (11, 0));
        assert_eq!(split(-0.25), (-1, 6));
    }

    #[test]
    fn a_run_is_covered_where_its_glyphs_are_and_clipped_to_the_canvas() {
        let face = Face::named("Noto Sans", "700").expect("bundled");
        let whole = run(face, "Kanpur 2024", (10.0, 60.0), 40.0, (400, 100)).expect("ink");
        assert!(whole.left >= 10 && whole.top < 60 && whole.top + whole.height > 60);
        assert!(whole.data.contains(&255) && whole.data.contains(&0));
        // The same run half off the canvas keeps only what lies on it.
        let cut = run(face, "Kanpur 2024", (-100.0, 60.0), 40.0, (400, 100)).expect("ink");
        assert_eq!(cut.left, 0);
        assert!(cut.width < whole.width);
        assert!(run(face, "Kanpur", (500.0, 60.0), 40.0, (400, 100)).is_none());
    }
}
