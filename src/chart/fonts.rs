//! Bundled fonts and text measurement, so a chart lays out the same on every machine.
//!
//! The faces are registered with plotters' ab_glyph backend once per process. Noto Sans
//! Devanagari has digits and punctuation but no Latin letters, so a string is split into
//! runs and each run is measured with the face a browser would pick from `FONT_FAMILY`.
//! Widths are sums of advances (no shaping): conjuncts come out a little wide, which only
//! errs toward more room.

use std::sync::OnceLock;

use plotters::style::{FontDesc, FontFamily, FontStyle, register_font};

/// The CSS family list written into the SVG. The page serves the web fonts; the fallbacks
/// keep text readable where it does not.
pub const FONT_FAMILY: &str = "'Noto Sans Devanagari','Noto Sans',sans-serif";

/// Registered under a private name: only measured, never written into the SVG.
const LATIN_FAMILY: &str = "chunav-measure-noto-sans";

static DEVANAGARI_TTF: &[u8] =
    include_bytes!("../../assets/fonts/NotoSansDevanagari-Regular.subset.ttf");
static LATIN_TTF: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.subset.ttf");

/// Measuring at 100 px per em keeps ab_glyph's whole-pixel rounding below 1% of an em.
const MEASURE_EM_PX: f64 = 100.0;

struct Face {
    desc: FontDesc<'static>,
}

struct Faces {
    devanagari: Face,
    latin: Face,
}

static FACES: OnceLock<Result<Faces, String>> = OnceLock::new();

/// Registers the bundled faces (first call only) so plotters can use `FONT_FAMILY`.
pub fn ensure_registered() -> Result<(), String> {
    faces().map(|_| ())
}

fn faces() -> Result<&'static Faces, String> {
    FACES
        .get_or_init(|| {
            Ok(Faces {
                devanagari: Face::register(FONT_FAMILY, DEVANAGARI_TTF)?,
                latin: Face::register(LATIN_FAMILY, LATIN_TTF)?,
            })
        })
        .as_ref()
        .map_err(Clone::clone)
}

impl Face {
    fn register(family: &'static str, bytes: &'static [u8]) -> Result<Face, String> {
        register_font(family, FontStyle::Normal, bytes)
            .map_err(|_| format!("bundled font for {family} is not a valid font file"))?;
        // ab_glyph scales so that ascent − descent (not the em) equals the size it is given.
        let height_em = height_in_em(bytes)
            .ok_or_else(|| format!("bundled font for {family} has no head/hhea metrics"))?;
        let desc = FontDesc::new(
            FontFamily::Name(family),
            MEASURE_EM_PX * height_em,
            FontStyle::Normal,
        );
        desc.box_size("0")
            .map_err(|e| format!("bundled font for {family} cannot be measured: {e}"))?;
        Ok(Face { desc })
    }

    fn width_em(&self, run: &str) -> f64 {
        match self.desc.box_size(run) {
            Ok((width, _)) => f64::from(width) / MEASURE_EM_PX,
            // Unreachable once `register` measured "0"; a generous guess beats a panic.
            Err(_) => run.chars().count() as f64 * 0.7,
        }
    }
}

/// Width in px of `text` set at `size` px, following the browser's per-glyph fallback.
pub fn text_width(text: &str, size: f64) -> f64 {
    let Ok(faces) = faces() else {
        return text.chars().count() as f64 * 0.7 * size;
    };
    let mut em = 0.0;
    let mut start = 0;
    let mut current: Option<bool> = None;
    for (index, c) in text.char_indices() {
        let devanagari = in_devanagari_face(c);
        if current.is_some_and(|d| d != devanagari) {
            em += faces.width_em_of(&text[start..index], current == Some(true));
            start = index;
        }
        current = Some(devanagari);
    }
    if let Some(devanagari) = current {
        em += faces.width_em_of(&text[start..], devanagari);
    }
    em * size
}

impl Faces {
    fn width_em_of(&self, run: &str, devanagari: bool) -> f64 {
        if devanagari {
            self.devanagari.width_em(run)
        } else {
            self.latin.width_em(run)
        }
    }
}

/// The characters in the bundled Devanagari face's cmap (listed with fontTools). Browsers
/// take these from the first family in `FONT_FAMILY`, so measurement does too.
fn in_devanagari_face(c: char) -> bool {
    matches!(c,
        '\u{0900}'..='\u{097F}' | '\u{1CD0}'..='\u{1CF9}' | '\u{A830}'..='\u{A839}'
        | '\u{A8E0}'..='\u{A8FF}' | '\u{200C}' | '\u{200D}' | '\u{20B9}' | '\u{25CC}'
        | '\u{00A0}' | ' ' | '!' | '"' | '#' | '%' | '\''..='?' | '['..='_' | '{'..='~')
}

/// (ascent − descent) / unitsPerEm, read the way ttf-parser (and so ab_glyph) reads it.
fn height_in_em(ttf: &[u8]) -> Option<f64> {
    let u16_at = |data: &[u8], at: usize| -> Option<u16> {
        Some(u16::from_be_bytes([*data.get(at)?, *data.get(at + 1)?]))
    };
    let i16_at = |data: &[u8], at: usize| u16_at(data, at).map(|v| v as i16);
    let table = |tag: &[u8; 4]| -> Option<&[u8]> {
        let count = usize::from(u16_at(ttf, 4)?);
        (0..count).find_map(|i| {
            let record = ttf.get(12 + 16 * i..28 + 16 * i)?;
            if &record[..4] != tag {
                return None;
            }
            let offset = u32::from_be_bytes(record[8..12].try_into().ok()?) as usize;
            let length = u32::from_be_bytes(record[12..16].try_into().ok()?) as usize;
            ttf.get(offset..offset.checked_add(length)?)
        })
    };
    let units_per_em = f64::from(u16_at(table(b"head")?, 18)?);
    let os2 = table(b"OS/2");
    // fsSelection bit 7 (USE_TYPO_METRICS) switches to the OS/2 typographic metrics.
    let use_typo = os2
        .and_then(|t| u16_at(t, 62))
        .is_some_and(|f| f & 0x80 != 0);
    let (ascent, descent) = match os2 {
        Some(t) if use_typo => (i16_at(t, 68)?, i16_at(t, 70)?),
        _ => {
            let hhea = table(b"hhea")?;
            (i16_at(hhea, 4)?, i16_at(hhea, 6)?)
        }
    };
    (units_per_em > 0.0).then(|| (f64::from(ascent) - f64::from(descent)) / units_per_em)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bundled_fonts_register_and_have_known_metrics() {
        ensure_registered().expect("bundled fonts register");
        // Values from fontTools: hhea 896/−408 and 1069/−293, 1000 units per em.
        assert_eq!(height_in_em(DEVANAGARI_TTF), Some(1.304));
        assert_eq!(height_in_em(LATIN_TTF), Some(1.362));
        assert_eq!(height_in_em(b"not a font"), None);
    }

    #[test]
    fn widths_match_the_fonts_advances() {
        // Sums of hmtx advances from fontTools: गोविंदनगर 3684, digits 0–9 5510 units.
        let name = text_width("गोविंदनगर", 100.0);
        assert!((name - 368.4).abs() < 1.5, "{name}");
        let digits = text_width("0123456789", 10.0);
        assert!((digits - 55.1).abs() < 0.3, "{digits}");
    }

    #[test]
    fn latin_letters_are_measured_with_the_latin_face() {
        // Without the Latin face every letter would be .notdef, 0.6 em wide.
        let narrow = text_width("iiii", 10.0);
        let wide = text_width("WWWW", 10.0);
        assert!(narrow < 12.0 && wide > 30.0, "{narrow} {wide}");
        let mixed = text_width("Kanpur कैंट", 14.0);
        let parts = text_width("Kanpur", 14.0) + text_width(" कैंट", 14.0);
        assert!((mixed - parts).abs() < 0.5, "{mixed} vs {parts}");
        assert_eq!(text_width("", 14.0), 0.0);
    }
}
