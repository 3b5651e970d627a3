//! The composed SVG to PNG bytes: resvg draws it with the bundled faces only, and the
//! pixels are written as RGB (the card is opaque), or indexed when it has few colours.

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg;

use super::fonts;

/// Measured on the Kanpur card: level 1 is 26% larger, level 6 9% smaller and twice as slow.
const DEFLATE_LEVEL: u8 = 3;

pub fn png(svg: &str, width: u32, height: u32) -> Result<Vec<u8>, String> {
    let pixmap = draw(svg, width, height)?;
    encode(&pixmap)
}

fn draw(svg: &str, width: u32, height: u32) -> Result<Pixmap, String> {
    let options = usvg::Options {
        fontdb: fonts::database()?,
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options)
        .map_err(|e| format!("the share card's SVG did not parse: {e}"))?;
    let mut pixmap = Pixmap::new(width, height)
        .ok_or_else(|| format!("a {width}×{height} share card cannot be allocated"))?;
    resvg::render(&tree, Transform::identity(), &mut pixmap.as_mut());
    Ok(pixmap)
}

/// The card has an opaque background, so alpha is dropped (premultiplied equals straight).
/// Cards have a few flat colours and their anti-aliased edges, usually under 256 in all:
/// those are written indexed and unfiltered (filters only hurt palette images), which
/// with zlib level 3 gives about a third of the RGB file in a few milliseconds.
fn encode(pixmap: &Pixmap) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(64 * 1024);
    let mut encoder = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_deflate_compression(png::DeflateCompression::Level(DEFLATE_LEVEL));
    let data = match Palette::of(pixmap.data()) {
        Some(palette) => {
            encoder.set_color(png::ColorType::Indexed);
            encoder.set_palette(palette.colors);
            encoder.set_filter(png::Filter::NoFilter);
            palette.indices
        }
        None => {
            encoder.set_color(png::ColorType::Rgb);
            encoder.set_filter(png::Filter::Adaptive);
            rgb_of(pixmap.data())
        }
    };
    let fail = |e: png::EncodingError| format!("the share card's PNG could not be written: {e}");
    let mut writer = encoder.write_header().map_err(fail)?;
    writer.write_image_data(&data).map_err(fail)?;
    writer.finish().map_err(fail)?;
    Ok(out)
}

fn rgb_of(rgba: &[u8]) -> Vec<u8> {
    rgba.chunks_exact(4)
        .flat_map(|p| [p[0], p[1], p[2]])
        .collect()
}

/// An exact palette, colours numbered in the order they first appear (so the bytes are
/// the same on every run), or `None` past 256 colours.
struct Palette {
    colors: Vec<u8>,
    indices: Vec<u8>,
}

impl Palette {
    /// From RGBA pixels whose alpha is all 255 (it is ignored).
    fn of(rgba: &[u8]) -> Option<Palette> {
        let mut table = ColorTable::new();
        let mut colors = Vec::with_capacity(3 * 256);
        let mut indices = Vec::with_capacity(rgba.len() / 4);
        // Neighbouring pixels are mostly the same colour: skip the lookup for them.
        let mut last: Option<(u32, u8)> = None;
        for pixel in rgba.chunks_exact(4) {
            let key = u32::from_be_bytes([0, pixel[0], pixel[1], pixel[2]]);
            let index = match last {
                Some((color, index)) if color == key => index,
                _ => {
                    let index = table.index_of(key, |index| {
                        colors.extend_from_slice(&pixel[..3]);
                        index
                    })?;
                    last = Some((key, index));
                    index
                }
            };
            indices.push(index);
        }
        Some(Palette { colors, indices })
    }
}

/// Colour → palette index, open addressing in a table four times the palette's size.
struct ColorTable {
    slots: [Option<(u32, u8)>; ColorTable::SLOTS],
    len: usize,
}

impl ColorTable {
    const SLOTS: usize = 1024;

    fn new() -> ColorTable {
        ColorTable {
            slots: [None; ColorTable::SLOTS],
            len: 0,
        }
    }

    /// The colour's index; a new colour gets the next one (and `added` is told), `None`
    /// once there would be more than 256.
    fn index_of(&mut self, color: u32, added: impl FnOnce(u8) -> u8) -> Option<u8> {
        let mut slot = (color.wrapping_mul(0x9E37_79B1) >> 22) as usize % Self::SLOTS;
        loop {
            match self.slots[slot] {
                Some((known, index)) if known == color => return Some(index),
                Some(_) => slot = (slot + 1) % Self::SLOTS,
                None => {
                    let index = added(u8::try_from(self.len).ok()?);
                    self.slots[slot] = Some((color, index));
                    self.len += 1;
                    return Some(index);
                }
            }
        }
    }
}
