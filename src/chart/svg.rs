//! Drawing a `Scene` with plotters' SVG backend, then tidying its output for the web.
//!
//! plotters writes one element per line with every attribute spelled out. The tidy pass
//! turns that into an inline, scalable, accessible `<svg>`:
//! - the root loses width/height (it scales to its container) and gains `role="img"`,
//!   `aria-labelledby`, `<title>` and `<desc>` with ids derived from the chart id;
//! - the font family and the text colour move to the root once (`currentColor`, so text
//!   follows the page's colour, dark mode included) instead of repeating on every label;
//! - defaults (`opacity="1"`, `stroke="none"`, `text-anchor="start"`) are dropped and
//!   numbers are rounded to one decimal (plotters writes font sizes like 13.000000000000002).

use std::borrow::Cow;
use std::fmt::Write as _;

use plotters::backend::SVGBackend;
use plotters::element::{Circle, PathElement, Rectangle};
use plotters::prelude::IntoDrawingArea;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{BLACK, Color, FontDesc, FontFamily, FontStyle, RGBColor, TextStyle};

use super::color::Rgb;
use super::fonts::{FONT_FAMILY, ensure_registered};
use super::html::escape;
use super::layout::{Anchor, Scene};

/// plotters divides font sizes by this when writing them (its px-to-pt convention).
const PLOTTERS_FONT_SCALE: f64 = 1.24;

/// Drawn in black, then rewritten to `currentColor` by `tidy`.
const INK: RGBColor = BLACK;

/// The accessible names the root `<svg>` points at.
pub struct SvgText<'a> {
    pub id: &'a str,
    pub title: &'a str,
    pub desc: &'a str,
}

pub fn render(scene: &Scene, text: &SvgText<'_>) -> Result<String, String> {
    let raw = draw(scene)?;
    Ok(tidy(&raw, scene, text))
}

fn rgb(color: Rgb) -> RGBColor {
    RGBColor(color.0, color.1, color.2)
}

fn draw(scene: &Scene) -> Result<String, String> {
    ensure_registered()?;
    let size = (
        u32::try_from(scene.width).unwrap_or(0),
        u32::try_from(scene.height).unwrap_or(0),
    );
    let mut raw = String::with_capacity(8 * 1024);
    {
        let area = SVGBackend::with_string(&mut raw, size).into_drawing_area();
        let fail = |e: plotters::drawing::DrawingAreaErrorKind<std::io::Error>| e.to_string();
        for bar in &scene.bars {
            let corners = [(bar.x0, bar.y0), (bar.x1, bar.y1)];
            area.draw(&Rectangle::new(corners, rgb(bar.color).filled()))
                .map_err(fail)?;
        }
        for line in &scene.zero_lines {
            let points = vec![(line.x, line.y0), (line.x, line.y1)];
            area.draw(&PathElement::new(points, INK.stroke_width(1)))
                .map_err(fail)?;
        }
        for swatch in &scene.swatches {
            let center = (swatch.cx, swatch.cy);
            let radius = swatch.radius;
            area.draw(&Circle::new(center, radius, rgb(swatch.color).filled()))
                .map_err(fail)?;
        }
        // A TextStyle per (size, weight, anchor): creating one looks the font up and
        // clones its parsed tables, which was a fifth of the drawing time per label.
        let mut styles: Vec<((u32, bool, Anchor), TextStyle)> = Vec::new();
        for label in &scene.labels {
            let key = (label.size, label.bold, label.anchor);
            let index = match styles.iter().position(|(k, _)| *k == key) {
                Some(index) => index,
                None => {
                    styles.push((key, text_style(key)));
                    styles.len() - 1
                }
            };
            area.draw_text(&label.text, &styles[index].1, (label.x, label.y))
                .map_err(fail)?;
        }
        area.present().map_err(fail)?;
    }
    Ok(raw)
}

fn text_style((size, bold, anchor): (u32, bool, Anchor)) -> TextStyle<'static> {
    let weight = if bold {
        FontStyle::Bold
    } else {
        FontStyle::Normal
    };
    let size = f64::from(size) * PLOTTERS_FONT_SCALE;
    let font = FontDesc::new(FontFamily::Name(FONT_FAMILY), size, weight);
    let h_pos = match anchor {
        Anchor::Start => HPos::Left,
        Anchor::End => HPos::Right,
    };
    TextStyle::from(font)
        .color(&INK)
        .pos(Pos::new(h_pos, VPos::Top))
}

/// Rewrites plotters' line-per-element output (see the module comment for the rules).
fn tidy(raw: &str, scene: &Scene, text: &SvgText<'_>) -> String {
    let mut out = String::with_capacity(raw.len());
    for line in raw.lines() {
        if line.starts_with("</") {
            out.push_str(line);
            out.push('\n');
        } else if let Some(tag) = line.strip_prefix('<') {
            if tag.starts_with("svg ") {
                root(&mut out, scene, text);
            } else {
                Element::parse(tag).write(&mut out);
            }
        } else {
            // Text content, already escaped by plotters: keep it on the `<text>` line so
            // no whitespace is added around a label.
            out.push_str(line);
        }
    }
    out.truncate(out.trim_end().len());
    out
}

fn root(out: &mut String, scene: &Scene, text: &SvgText<'_>) {
    let id = escape(text.id);
    let _ = write!(
        out,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {w} {h}\" class=\"chart-svg\" \
         role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" font-family=\"{FONT_FAMILY}\" \
         fill=\"currentColor\">\n<title id=\"{id}-title\">{title}</title>\n\
         <desc id=\"{id}-desc\">{desc}</desc>\n",
        w = scene.width,
        h = scene.height,
        title = escape(text.title),
        desc = escape(text.desc),
    );
}

/// One opening tag as plotters writes it: `name k="v" … >` or `… />`.
struct Element<'a> {
    name: &'a str,
    attrs: Vec<(&'a str, &'a str)>,
    self_closing: bool,
}

impl<'a> Element<'a> {
    fn parse(tag: &'a str) -> Element<'a> {
        let self_closing = tag.ends_with("/>");
        let body = tag
            .strip_suffix("/>")
            .or_else(|| tag.strip_suffix('>'))
            .unwrap_or(tag);
        let (name, mut rest) = body.split_once(' ').unwrap_or((body, ""));
        let mut attrs = Vec::with_capacity(10);
        // plotters escapes `"` inside values, so a value always ends at the next quote.
        while let Some((key, after)) = rest.split_once('=') {
            let Some((value, tail)) = after.strip_prefix('"').and_then(|a| a.split_once('"'))
            else {
                break;
            };
            attrs.push((key.trim_start(), value));
            rest = tail;
        }
        Element {
            name,
            attrs,
            self_closing,
        }
    }

    fn keeps(&self, key: &str, value: &str, stroke_none: bool) -> bool {
        match (key, value) {
            ("opacity", "1") | ("stroke", "none") | ("text-anchor", "start") => false,
            ("stroke-width", _) => !stroke_none,
            ("font-family", _) | ("fill", _) => self.name != "text",
            _ => true,
        }
    }

    fn write(&self, out: &mut String) {
        out.push('<');
        out.push_str(self.name);
        let stroke_none = self.attrs.contains(&("stroke", "none"));
        for &(key, value) in &self.attrs {
            if !self.keeps(key, value, stroke_none) {
                continue;
            }
            let value = match key {
                "stroke" if value == "#000000" && self.name == "polyline" => {
                    Cow::Borrowed("currentColor")
                }
                "points" => Cow::Borrowed(value.trim_end()),
                _ => round_number(value),
            };
            out.push(' ');
            out.push_str(key);
            out.push_str("=\"");
            out.push_str(&value);
            out.push('"');
        }
        if self.self_closing {
            out.push_str("/>\n");
        } else {
            out.push('>');
        }
    }
}

/// `13.000000000000002` → `13`, `9.87654` → `9.9`; anything not a number is kept as is.
fn round_number(value: &str) -> Cow<'_, str> {
    if !value.contains('.') {
        return Cow::Borrowed(value);
    }
    match value.parse::<f64>() {
        Ok(number) if number.is_finite() => {
            let rounded = format!("{number:.1}");
            match rounded.strip_suffix(".0") {
                Some(whole) => Cow::Owned(whole.to_string()),
                None => Cow::Owned(rounded),
            }
        }
        _ => Cow::Borrowed(value),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounds_long_floats_and_keeps_other_values() {
        assert_eq!(round_number("13.000000000000002"), "13");
        assert_eq!(round_number("17.741935483870968"), "17.7");
        assert_eq!(round_number("0.76em"), "0.76em");
        assert_eq!(round_number("#19AAED"), "#19AAED");
        assert_eq!(round_number("42"), "42");
    }

    #[test]
    fn drops_defaults_and_hoisted_text_attributes() {
        let tag = r##"text x="4" y="8" dy="0.76em" text-anchor="start" font-family="f" font-size="13.000000000000002" opacity="1" fill="#000000">"##;
        let mut out = String::new();
        Element::parse(tag).write(&mut out);
        assert_eq!(out, r#"<text x="4" y="8" dy="0.76em" font-size="13">"#);
        let rect =
            r##"rect x="1" y="2" width="3" height="4" opacity="1" fill="#19AAED" stroke="none"/>"##;
        out.clear();
        Element::parse(rect).write(&mut out);
        assert_eq!(
            out,
            "<rect x=\"1\" y=\"2\" width=\"3\" height=\"4\" fill=\"#19AAED\"/>\n"
        );
    }
}
