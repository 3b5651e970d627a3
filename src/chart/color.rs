//! Series colours: parsing and the contrast rule for marks.
//!
//! WCAG 2.1 asks for 3:1 between a graphical object and what is around it. Party colours
//! are often light (saffron, yellow, sky blue), so bars use a darker shade of the same hue
//! until they reach 3:1 against the white page. Text never takes a series colour.

/// Minimum contrast of a bar against the page background (WCAG 1.4.11).
pub const MIN_MARK_CONTRAST: f64 = 3.0;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

pub const WHITE: Rgb = Rgb(0xff, 0xff, 0xff);

impl Rgb {
    /// `#RRGGBB` or `#RGB`, case-insensitive.
    pub fn parse(text: &str) -> Option<Rgb> {
        let hex = text.trim().strip_prefix('#')?;
        if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let digit = |i: usize| u8::from_str_radix(&hex[i..i + 1], 16).ok();
        let pair = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        match hex.len() {
            3 => Some(Rgb(digit(0)? * 17, digit(1)? * 17, digit(2)? * 17)),
            6 => Some(Rgb(pair(0)?, pair(2)?, pair(4)?)),
            _ => None,
        }
    }

    pub fn to_hex(self) -> String {
        format!("#{:02X}{:02X}{:02X}", self.0, self.1, self.2)
    }

    /// Relative luminance as defined by WCAG 2.1.
    pub fn luminance(self) -> f64 {
        let channel = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(self.0) + 0.7152 * channel(self.1) + 0.0722 * channel(self.2)
    }

    /// Mixes toward black; `amount` 0.0 keeps the colour, 1.0 gives black.
    fn darken(self, amount: f64) -> Rgb {
        let scale = |c: u8| (f64::from(c) * (1.0 - amount)).round().clamp(0.0, 255.0) as u8;
        Rgb(scale(self.0), scale(self.1), scale(self.2))
    }
}

/// WCAG contrast ratio, from 1.0 (same) to 21.0 (black on white).
pub fn contrast_ratio(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (a.luminance(), b.luminance());
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// The colour to paint a bar: the series colour itself when it has 3:1 against white,
/// otherwise the lightest darker shade of it that has. `None` for a malformed colour.
pub fn mark_color(hex: &str) -> Option<String> {
    Rgb::parse(hex).map(|c| mark_rgb(c).to_hex())
}

pub(crate) fn mark_rgb(color: Rgb) -> Rgb {
    // 5% steps keep the hue recognisable; black (21:1) ends the loop at the latest.
    (0..=20)
        .map(|step| color.darken(f64::from(step) * 0.05))
        .find(|c| contrast_ratio(*c, WHITE) >= MIN_MARK_CONTRAST)
        .unwrap_or(Rgb(0, 0, 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_long_and_short_hex_and_rejects_the_rest() {
        assert_eq!(Rgb::parse("#19AAED"), Some(Rgb(0x19, 0xaa, 0xed)));
        assert_eq!(Rgb::parse("#fff"), Some(WHITE));
        for bad in ["19AAED", "#19AAE", "#GGGGGG", "blue", "", "#", "#१२३"] {
            assert_eq!(Rgb::parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn contrast_matches_wcag_reference_values() {
        assert!((contrast_ratio(Rgb(0, 0, 0), WHITE) - 21.0).abs() < 1e-9);
        // #767676 is the classic lightest grey with 4.5:1 on white.
        let grey = contrast_ratio(Rgb(0x76, 0x76, 0x76), WHITE);
        assert!((grey - 4.54).abs() < 0.01, "{grey}");
    }

    #[test]
    fn light_party_colours_are_darkened_to_three_to_one() {
        for light in ["#FF9933", "#FFFF00", "#19AAED", "#FFFFFF", "#0f0"] {
            let mark = mark_color(light).expect("valid colour");
            let ratio = contrast_ratio(Rgb::parse(&mark).expect("hex"), WHITE);
            assert!(ratio >= MIN_MARK_CONTRAST, "{light} -> {mark}: {ratio}");
            assert_ne!(
                mark,
                light.to_uppercase(),
                "{light} should have been darkened"
            );
        }
    }

    #[test]
    fn dark_enough_colours_are_kept() {
        assert_eq!(mark_color("#1f4e79").as_deref(), Some("#1F4E79"));
        assert_eq!(mark_color("#000000").as_deref(), Some("#000000"));
        assert_eq!(mark_color("nope"), None);
    }
}
