//! The composed SVG to PNG bytes: resvg draws it with the bundled faces only, and the
//! pixels are written as RGB (the card is opaque), or indexed when it has few colours.

use resvg::tiny_skia::{Pixmap, Transform};
use resvg::usvg;

use super::fonts;

/// Indices are Paeth-filtered and compressed with fdeflate: measured on the Kanpur card,
/// 0.4 ms and 34.7 KB, against 4-12 ms and 30.1 KB for zlib level 3 unfiltered (level 1:
/// 1.3 ms, 38.6 KB; fdeflate unfiltered or with Sub/Up: 49-442 KB).
const INDEXED_COMPRESSION: png::DeflateCompression = png::DeflateCompression::FdeflateUltraFast;
const INDEXED_FILTER: png::Filter = png::Filter::Paeth;

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
/// those are written indexed, about a third of the RGB file.
fn encode(pixmap: &Pixmap) -> Result<Vec<u8>, String> {
    let mut out = Vec::with_capacity(64 * 1024);
    let mut encoder = png::Encoder::new(&mut out, pixmap.width(), pixmap.height());
    encoder.set_depth(png::BitDepth::Eight);
    let data = match Palette::of(pixmap.data()) {
        Some(palette) => {
            encoder.set_color(png::ColorType::Indexed);
            encoder.set_palette(palette.colors);
            encoder.set_deflate_compression(INDEXED_COMPRESSION);
            encoder.set_filter(INDEXED_FILTER);
            palette.indices
        }
        None => {
            encoder.set_color(png::ColorType::Rgb);
            encoder.set_deflate_compression(png::DeflateCompression::Level(3));
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
        let mut indices = vec![0u8; rgba.len() / 4];
        // Neighbouring pixels are mostly the same colour: skip the lookup for them.
        // (No key equals `u32::MAX`: the top byte is always 0.)
        let mut last_color = u32::MAX;
        let mut last_index = 0u8;
        for (index, pixel) in indices.iter_mut().zip(rgba.chunks_exact(4)) {
            let color = u32::from_le_bytes([pixel[0], pixel[1], pixel[2], 0]);
            if color != last_color {
                last_index = table.index_of(color, || colors.extend_from_slice(&pixel[..3]))?;
                last_color = color;
            }
            *index = last_index;
        }
        Some(Palette { colors, indices })
    }
}

/// Colour → palette index, open addressing in a table four times the palette's size.
struct ColorTable {
    colors: [u32; ColorTable::SLOTS],
    indices: [u8; ColorTable::SLOTS],
    len: usize,
}

impl ColorTable {
    const SLOTS: usize = 1024;
    const EMPTY: u32 = u32::MAX;

    fn new() -> ColorTable {
        ColorTable {
            colors: [Self::EMPTY; Self::SLOTS],
            indices: [0; Self::SLOTS],
            len: 0,
        }
    }

    /// The colour's index; a new colour gets the next one (and `added` is called), `None`
    /// once there would be more than 256.
    fn index_of(&mut self, color: u32, added: impl FnOnce()) -> Option<u8> {
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
