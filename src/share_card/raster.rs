//! The composed SVG to PNG bytes: the shapes `scene` reads back from it are filled with
//! tiny-skia, text is laid over them through its coverage (`glyphs`: the bundled faces'
//! glyphs filled once and reused), and the pixels are written as RGB (the card is opaque),
//! or indexed when it has few colours.
//!
//! This draws what resvg drew from the same document (the tests compare the two): rects and
//! glyphs filled anti-aliased with the non-zero rule, lines stroked with butt ends, rounded
//! corners as one cubic each, glyphs shaped by rustybuzz as `fonts` measures them. It skips
//! what resvg spent a third of a card on: parsing a general SVG, resolving fonts and
//! shaping every run again for each card.

use tiny_skia::{Color, FillRule, Paint, PathBuilder, Pixmap, Rect, Stroke, Transform};

use super::scene::{self, Rgb, Shape};
use super::{glyphs, indexed};

/// Indices are Paeth-filtered and compressed with fdeflate: measured on the Kanpur card,
/// 0.4 ms and 34.7 KB, against 4-12 ms and 30.1 KB for zlib level 3 unfiltered (level 1:
/// 1.3 ms, 38.6 KB; fdeflate unfiltered or with Sub/Up: 49-442 KB). They are written by
/// `indexed_png` (the png crate writes the cards of more than 256 colours): a row equal to
/// the row above filters to zeros, which it writes without filtering them.
const PAETH: u8 = 4;

/// A quarter circle of radius 1 as one cubic: the control points' distance from the ends
/// (4/3 · tan(π/8)), as kurbo, and so resvg, approximates the SVG arc of a rounded corner.
const QUARTER_ARC: f32 = 0.552_284_8;

/// The card's PNG: drawn into palette indices (`indexed`) when it has at most 256 colours,
/// else drawn in RGBA and written as such.
pub fn png(svg: &str, width: u32, height: u32) -> Result<Vec<u8>, String> {
    let shapes = scene::read(svg)?;
    if let Some(palette) = indexed::draw(&shapes, width, height) {
        return Ok(indexed_png(width, height, &palette));
    }
    encode(&draw_shapes(&shapes, width, height)?)
}

#[cfg(test)]
pub(super) fn draw(svg: &str, width: u32, height: u32) -> Result<Pixmap, String> {
    draw_shapes(&scene::read(svg)?, width, height)
}

fn draw_shapes(shapes: &[Shape<'_>], width: u32, height: u32) -> Result<Pixmap, String> {
    let (mut pixmap, rest) = canvas(shapes, width, height)
        .ok_or_else(|| format!("a {width}×{height} share card cannot be allocated"))?;
    for shape in rest {
        paint_shape(&mut pixmap, shape);
    }
    Ok(pixmap)
}

/// The pixmap, already filled with the background when the first shape covers it all (as
/// the card's does: one pass over the pixels instead of clearing and then painting them),
/// and the shapes left to paint.
fn canvas<'s, 'a>(
    shapes: &'s [Shape<'a>],
    width: u32,
    height: u32,
) -> Option<(Pixmap, &'s [Shape<'a>])> {
    let size = tiny_skia::IntSize::from_wh(width, height)?;
    if let Some((Shape::Rect { fill, .. }, rest)) = shapes
        .split_first()
        .filter(|(first, _)| covers(first, width, height))
    {
        // One row, then copies of it.
        let row: Vec<u8> = std::iter::repeat_n([fill.0, fill.1, fill.2, 255], width as usize)
            .flatten()
            .collect();
        let mut data = Vec::with_capacity(row.len() * height as usize);
        for _ in 0..height {
            data.extend_from_slice(&row);
        }
        return Some((Pixmap::from_vec(data, size)?, rest));
    }
    Some((Pixmap::new(width, height)?, shapes))
}

/// The shape is a plain rectangle over every pixel.
pub(super) fn covers(shape: &Shape<'_>, width: u32, height: u32) -> bool {
    matches!(*shape, Shape::Rect { x, y, width: w, height: h, radius, .. }
        if x <= 0.0 && y <= 0.0 && x + w >= width as f32 && y + h >= height as f32 && radius <= 0.0)
}

pub(super) fn paint_of(color: Rgb) -> Paint<'static> {
    let mut paint = Paint::default();
    paint.set_color_rgba8(color.0, color.1, color.2, 255);
    paint.anti_alias = true;
    paint
}

/// Fills `path` (card coordinates, non-zero winding) in one colour, anti-aliased.
fn fill_path(pixmap: &mut Pixmap, path: &tiny_skia::Path, color: Rgb) {
    pixmap.fill_path(
        path,
        &paint_of(color),
        FillRule::Winding,
        Transform::identity(),
        None,
    );
}

fn paint_shape(pixmap: &mut Pixmap, shape: &Shape<'_>) {
    match *shape {
        Shape::Rect {
            x,
            y,
            width,
            height,
            radius,
            fill,
        } => {
            if covers(shape, pixmap.width(), pixmap.height()) {
                pixmap.fill(Color::from_rgba8(fill.0, fill.1, fill.2, 255));
                return;
            }
            if let Some(path) = rect_path(x, y, width, height, radius) {
                fill_path(pixmap, &path, fill);
            }
        }
        Shape::Line {
            from,
            to,
            width,
            stroke,
        } => {
            let mut builder = PathBuilder::new();
            builder.move_to(from.0, from.1);
            builder.line_to(to.0, to.1);
            if let Some(path) = builder.finish() {
                let stroke_style = Stroke {
                    width,
                    ..Stroke::default()
                };
                let paint = paint_of(stroke);
                pixmap.stroke_path(&path, &paint, &stroke_style, Transform::identity(), None);
            }
        }
        Shape::Text {
            x,
            baseline,
            size,
            face,
            fill,
            ref text,
        } => {
            let canvas = (pixmap.width() as usize, pixmap.height() as usize);
            if let Some(coverage) = glyphs::run(face, text, (x, baseline), size, canvas) {
                composite(pixmap, &coverage, fill);
            }
        }
    }
}

/// `color` laid over the pixmap through `coverage`, as tiny-skia blends an opaque colour
/// into an opaque pixmap (the pixmap stays opaque).
fn composite(pixmap: &mut Pixmap, coverage: &glyphs::Coverage, color: Rgb) {
    let stride = 4 * pixmap.width() as usize;
    let data = pixmap.data_mut();
    let ink = [color.0, color.1, color.2, 255];
    let rows = coverage
        .data
        .chunks_exact(coverage.width)
        .take(coverage.height);
    for (row, line) in rows.enumerate() {
        let start = (coverage.top + row) * stride + 4 * coverage.left;
        let pixels = &mut data[start..start + 4 * coverage.width];
        // Most of a run's coverage is the blank between and around its glyphs: eight
        // pixels of none are passed over with one test.
        let (eights, rest) = line.as_chunks::<8>();
        let (pixel_eights, pixel_rest) = pixels.as_chunks_mut::<32>();
        for (eight, pixels) in eights.iter().zip(pixel_eights) {
            if u64::from_ne_bytes(*eight) != 0 {
                lay(eight, pixels, ink);
            }
        }
        lay(rest, pixel_rest, ink);
    }
}

/// `ink` laid over `pixels` (RGBA) through `coverage`, one value a pixel.
fn lay(coverage: &[u8], pixels: &mut [u8], ink: [u8; 4]) {
    for (&c, pixel) in coverage.iter().zip(pixels.chunks_exact_mut(4)) {
        match c {
            0 => {}
            255 => pixel.copy_from_slice(&ink),
            c => {
                for (channel, &source) in pixel.iter_mut().zip(&ink[..3]) {
                    *channel = blend(source, *channel, c);
                }
            }
        }
    }
}

/// `source` over `under` at `coverage`/255, rounded.
pub(super) fn blend(source: u8, under: u8, coverage: u8) -> u8 {
    let c = u32::from(coverage);
    let v = u32::from(source) * c + u32::from(under) * (255 - c) + 128;
    ((v + (v >> 8)) >> 8) as u8
}

/// A rectangle as SVG defines it: `rx` is clamped to half the width and height.
pub(super) fn rect_path(
    x: f32,
    y: f32,
    width: f32,
    height: f32,
    radius: f32,
) -> Option<tiny_skia::Path> {
    if width <= 0.0 || height <= 0.0 {
        return None;
    }
    let r = radius.min(width / 2.0).min(height / 2.0);
    if r <= 0.0 {
        return Some(PathBuilder::from_rect(Rect::from_xywh(
            x, y, width, height,
        )?));
    }
    let k = r * QUARTER_ARC;
    let (right, bottom) = (x + width, y + height);
    let mut b = PathBuilder::new();
    b.move_to(x + r, y);
    b.line_to(right - r, y);
    b.cubic_to(right - r + k, y, right, y + r - k, right, y + r);
    b.line_to(right, bottom - r);
    b.cubic_to(
        right,
        bottom - r + k,
        right - r + k,
        bottom,
        right - r,
        bottom,
    );
    b.line_to(x + r, bottom);
    b.cubic_to(x + r - k, bottom, x, bottom - r + k, x, bottom - r);
    b.line_to(x, y + r);
    b.cubic_to(x, y + r - k, x + r - k, y, x + r, y);
    b.close();
    b.finish()
}

/// The card has an opaque background, so alpha is dropped (premultiplied equals straight).
/// Cards have a few flat colours and their anti-aliased edges, usually under 256 in all:
/// those are written indexed, about a third of the RGB file.
fn encode(pixmap: &Pixmap) -> Result<Vec<u8>, String> {
    let (width, height) = (pixmap.width(), pixmap.height());
    if let Some(palette) = Palette::of(pixmap.data(), width as usize) {
        return Ok(indexed_png(width, height, &palette));
    }
    let mut out = Vec::with_capacity(64 * 1024);
    let mut encoder = png::Encoder::new(&mut out, width, height);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_deflate_compression(png::DeflateCompression::Level(3));
    encoder.set_filter(png::Filter::Adaptive);
    let fail = |e: png::EncodingError| format!("the share card's PNG could not be written: {e}");
    let mut writer = encoder.write_header().map_err(fail)?;
    writer
        .write_image_data(&rgb_of(pixmap.data()))
        .map_err(fail)?;
    writer.finish().map_err(fail)?;
    Ok(out)
}

/// The PNG of an indexed image, 8 bits a pixel: signature, header, palette, one data chunk
/// (every row Paeth-filtered, compressed with fdeflate), end. What the png crate writes with
/// the same settings, less the filtering of rows equal to the row above (their filtered
/// bytes are all zeros: Paeth predicts each byte as the one above it).
pub(super) fn indexed_png(width: u32, height: u32, palette: &Palette) -> Vec<u8> {
    let row_len = width as usize;
    let mut zlib = fdeflate::Compressor::new(Vec::with_capacity(64 * 1024))
        .expect("writing to memory does not fail");
    let mut filtered = vec![0u8; row_len + 1];
    filtered[0] = PAETH;
    // A repeated row, filtered: the filter's number and zeros.
    let repeated = filtered.clone();
    let zeros = vec![0u8; row_len];
    let rows = palette.indices.chunks_exact(row_len.max(1));
    let mut above: &[u8] = &zeros;
    for (row, &same) in rows.zip(&palette.same_as_above) {
        let bytes = if same {
            &repeated
        } else {
            paeth(row, above, &mut filtered[1..]);
            &filtered
        };
        zlib.write_data(bytes)
            .expect("writing to memory does not fail");
        above = row;
    }
    let data = zlib.finish().expect("writing to memory does not fail");

    let mut out = Vec::with_capacity(data.len() + palette.colors.len() + 64);
    out.extend_from_slice(b"\x89PNG\r\n\x1a\n");
    let mut header = Vec::with_capacity(13);
    header.extend_from_slice(&width.to_be_bytes());
    header.extend_from_slice(&height.to_be_bytes());
    // 8 bits, indexed colour, deflate, adaptive filtering, not interlaced.
    header.extend_from_slice(&[8, 3, 0, 0, 0]);
    chunk(&mut out, b"IHDR", &header);
    chunk(&mut out, b"PLTE", &palette.colors);
    chunk(&mut out, b"IDAT", &data);
    chunk(&mut out, b"IEND", &[]);
    out
}

/// A PNG chunk: length, type, data, and the CRC-32 of type and data.
fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    let length = u32::try_from(data.len()).expect("a card's chunk is far below 2 GB");
    out.extend_from_slice(&length.to_be_bytes());
    out.extend_from_slice(kind);
    out.extend_from_slice(data);
    let mut crc = crc32fast::Hasher::new();
    crc.update(kind);
    crc.update(data);
    out.extend_from_slice(&crc.finalize().to_be_bytes());
}

/// `row` Paeth-filtered against `above` (one byte a pixel) into `out`: each byte less the
/// one of left (a), above (b) and above-left (c) nearest to a + b − c, ties in that order.
/// Written without branches over plain slices so that it compiles to vector code.
fn paeth(row: &[u8], above: &[u8], out: &mut [u8]) {
    let Some((&first, _)) = row.split_first() else {
        return;
    };
    // No pixel left of the first: a = c = 0, so the prediction is the byte above.
    out[0] = first.wrapping_sub(above[0]);
    let n = row.len();
    let pixels = row[1..].iter().zip(&row[..n - 1]);
    let aboves = above[1..n].iter().zip(&above[..n - 1]);
    for ((o, (&x, &a)), (&b, &c)) in out[1..n].iter_mut().zip(pixels).zip(aboves) {
        // stb_image's branch-free form of the same choice (ties included).
        let (a, b, c) = (i16::from(a), i16::from(b), i16::from(c));
        let threshold = 3 * c - (a + b);
        let (low, high) = (a.min(b), a.max(b));
        let pick = if high <= threshold { low } else { c };
        let predicted = if threshold <= low { high } else { pick };
        *o = x.wrapping_sub(predicted as u8);
    }
}

fn rgb_of(rgba: &[u8]) -> Vec<u8> {
    rgba.chunks_exact(4)
        .flat_map(|p| [p[0], p[1], p[2]])
        .collect()
}

/// An exact palette, colours numbered in the order they first appear (so the bytes are
/// the same on every run), or `None` past 256 colours.
pub(super) struct Palette {
    /// RGB triples, by index.
    pub colors: Vec<u8>,
    pub indices: Vec<u8>,
    /// Per row: its pixels are those of the row above.
    pub same_as_above: Vec<bool>,
}

impl Palette {
    /// From RGBA pixels whose alpha is all 255 (it is ignored), `width` to a row.
    fn of(rgba: &[u8], width: usize) -> Option<Palette> {
        let mut table = ColorTable::new();
        let mut colors = Vec::with_capacity(3 * 256);
        let pixels = rgba.len() / 4;
        let mut indices = vec![0u8; pixels];
        let width = width.clamp(1, pixels.max(1));
        let mut last = (u32::MAX, 0u8); // no key is `u32::MAX`: the top byte is always 0
        let mut index_of = |pixel: &[u8]| -> Option<u8> {
            let color = u32::from_le_bytes([pixel[0], pixel[1], pixel[2], 0]);
            if color != last.0 {
                let index = table.index_of(color, || colors.extend_from_slice(&pixel[..3]))?;
                last = (color, index);
            }
            Some(last.1)
        };
        // Most of a card is rows equal to the row above (background, panel, bars) and runs
        // of one colour: four pixels equal to the four before them (compared as one
        // number) take the same indices without a lookup.
        let mut last_four: Option<u128> = None;
        let mut four_indices = [0u8; 4];
        let mut same_as_above = Vec::with_capacity(pixels.div_ceil(width));
        for start in (0..pixels).step_by(width) {
            let end = (start + width).min(pixels);
            let row = &rgba[4 * start..4 * end];
            let same = start >= width
                && end - start == width
                && row == &rgba[4 * (start - width)..4 * (end - width)];
            same_as_above.push(same);
            if same {
                indices.copy_within(start - width..end - width, start);
                continue;
            }
            let (quads, rest) = row.as_chunks::<16>();
            let (fours, out_rest) = indices[start..end].as_chunks_mut::<4>();
            for (quad, four) in quads.iter().zip(fours) {
                let key = u128::from_le_bytes(*quad);
                if last_four != Some(key) {
                    for (index, pixel) in four_indices.iter_mut().zip(quad.chunks_exact(4)) {
                        *index = index_of(pixel)?;
                    }
                    last_four = Some(key);
                }
                *four = four_indices;
            }
            for (index, pixel) in out_rest.iter_mut().zip(rest.chunks_exact(4)) {
                *index = index_of(pixel)?;
            }
        }
        Some(Palette {
            colors,
            indices,
            same_as_above,
        })
    }
}

/// Colour → palette index, open addressing in a table four times the palette's size.
pub(super) struct ColorTable {
    colors: [u32; ColorTable::SLOTS],
    indices: [u8; ColorTable::SLOTS],
    len: usize,
}

impl ColorTable {
    const SLOTS: usize = 1024;
    const EMPTY: u32 = u32::MAX;

    pub fn new() -> ColorTable {
        ColorTable {
            colors: [Self::EMPTY; Self::SLOTS],
            indices: [0; Self::SLOTS],
            len: 0,
        }
    }

    /// The colour's index; a new colour gets the next one (and `added` is called), `None`
    /// once there would be more than 256.
    pub fn index_of(&mut self, color: u32, added: impl FnOnce()) -> Option<u8> {
        let mut slot = (color.wrapping_mul(0x9E37_79B1) >> 22) as usize % Self::SLOTS;
        loop {
            match self.colors[slot] {
                known if known == color => return Some(self.indices[slot]),
                Self::EMPTY => {
                    let index = u8::try_from(self.len).ok()?;
                    added();
                    self.colors[slot] = color;
                    self.indices[slot] = index;
                    self.len += 1;
                    return Some(index);
                }
                _ => slot = (slot + 1) % Self::SLOTS,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_palette_gives_back_every_pixel() {
        // Runs, single pixels and a count that is not a multiple of four.
        let colors = [[255, 255, 255], [26, 26, 31], [75, 42, 123], [200, 10, 10]];
        let pick = [
            0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 2, 2, 3, 0, 0, 0, 0, 1, 1, 1, 1, 2, 0,
        ];
        let rgba: Vec<u8> = pick
            .iter()
            .flat_map(|&i| {
                let [r, g, b] = colors[i];
                [r, g, b, 255]
            })
            .collect();
        let palette = Palette::of(&rgba, 5).expect("four colours");
        assert_eq!(palette.colors.len(), 3 * 4);
        let back: Vec<u8> = palette
            .indices
            .iter()
            .flat_map(|&i| {
                let at = 3 * usize::from(i);
                [
                    palette.colors[at],
                    palette.colors[at + 1],
                    palette.colors[at + 2],
                    255,
                ]
            })
            .collect();
        assert_eq!(back, rgba);
    }

    #[test]
    fn an_indexed_card_reads_back_as_drawn() {
        // Rows that repeat the row above, rows that do not, edges between colours.
        let (width, height) = (37usize, 9usize);
        let colors = [[255, 255, 255], [26, 26, 31], [75, 42, 123], [200, 10, 10]];
        let mut rgba = Vec::new();
        for y in 0..height {
            for x in 0..width {
                let pick = match y {
                    2 | 3 => 1,
                    5 => (x * 7 + y) % 4,
                    6 => (x / 3) % 4,
                    _ => usize::from(x > 20),
                };
                let [r, g, b] = colors[pick];
                rgba.extend_from_slice(&[r, g, b, 255]);
            }
        }
        let size = tiny_skia::IntSize::from_wh(width as u32, height as u32).expect("size");
        let pixmap = Pixmap::from_vec(rgba.clone(), size).expect("pixmap");
        let bytes = encode(&pixmap).expect("encoded");
        let decoder = png::Decoder::new(std::io::Cursor::new(bytes));
        let mut reader = decoder.read_info().expect("a PNG");
        let info = reader.info();
        assert_eq!(info.color_type, png::ColorType::Indexed);
        let palette = info.palette.as_ref().expect("a palette").to_vec();
        let mut indices = vec![0; reader.output_buffer_size().expect("size")];
        reader.next_frame(&mut indices).expect("the image data");
        let back: Vec<u8> = indices
            .iter()
            .flat_map(|&i| {
                let at = 3 * usize::from(i);
                [palette[at], palette[at + 1], palette[at + 2], 255]
            })
            .collect();
        assert_eq!(back, rgba);
    }

    #[test]
    fn the_paeth_filter_predicts_as_the_png_specification_does() {
        let reference = |a: u8, b: u8, c: u8| {
            let (a16, b16, c16) = (i16::from(a), i16::from(b), i16::from(c));
            let p = a16 + b16 - c16;
            let (pa, pb, pc) = ((p - a16).abs(), (p - b16).abs(), (p - c16).abs());
            if pa <= pb && pa <= pc {
                a
            } else if pb <= pc {
                b
            } else {
                c
            }
        };
        let mut out = [0u8; 2];
        for a in 0..=255u8 {
            for b in 0..=255u8 {
                for c in 0..=255u8 {
                    // The second pixel: left a, above b, above-left c; its value 0.
                    paeth(&[a, 0], &[c, b], &mut out);
                    assert_eq!(0u8.wrapping_sub(out[1]), reference(a, b, c), "{a} {b} {c}");
                }
            }
        }
    }

    #[test]
    fn more_than_256_colours_are_not_indexed() {
        let rgba: Vec<u8> = (0..300u32)
            .flat_map(|i| [i as u8, (i >> 8) as u8, 0, 255])
            .collect();
        assert!(Palette::of(&rgba, 7).is_none());
    }
}
