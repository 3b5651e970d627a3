//! Writing the card's SVG document: rectangles, lines and text lines cut into runs.
//!
//! Every run becomes its own `<text>` naming one bundled face, placed at the x where the
//! measured runs before it end, so what is measured is exactly what resvg draws. All text
//! is XML-escaped here and nowhere else.

use std::fmt::Write as _;

use super::fonts::{self, Lang, Weight};

/// How a text line sits on its x.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Start,
    /// Centred on x.
    Middle,
    End,
}

/// Where a line of text went: its left edge, width, baseline and size, and the text.
/// Kept for every line so tests can check what lies inside the square a chat app crops.
#[derive(Debug, Clone, PartialEq)]
pub struct TextBox {
    pub x: f64,
    pub width: f64,
    pub baseline: f64,
    pub size: f64,
    pub text: String,
}

/// Size, weight, colour and language (which face digits and spaces come from) of a line.
#[derive(Debug, Clone, Copy)]
pub struct TextStyle {
    pub size: f64,
    pub weight: Weight,
    pub fill: &'static str,
    pub lang: Lang,
}

impl TextStyle {
    /// Width of `text` in this style, measured as it will be drawn.
    pub fn width(&self, text: &str) -> f64 {
        fonts::line_width(text, self.size, self.weight, self.lang)
    }
}

pub struct Svg {
    out: String,
    boxes: Vec<TextBox>,
}

impl Svg {
    pub fn new(width: u32, height: u32, background: &str) -> Svg {
        let mut out = String::with_capacity(8 * 1024);
        // `preserve`: a run may begin or end with a space that its x already allows for.
        let _ = write!(
            out,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" \
             viewBox=\"0 0 {width} {height}\" xml:space=\"preserve\">\n\
             <rect width=\"{width}\" height=\"{height}\" fill=\"{background}\"/>\n"
        );
        Svg {
            out,
            boxes: Vec::new(),
        }
    }

    pub fn rect(&mut self, x: f64, y: f64, width: f64, height: f64, fill: &str, radius: f64) {
        let _ = write!(
            self.out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" fill=\"{}\"",
            num(x),
            num(y),
            num(width.max(0.0)),
            num(height.max(0.0)),
            escape(fill)
        );
        if radius > 0.0 {
            let _ = write!(self.out, " rx=\"{}\"", num(radius));
        }
        self.out.push_str("/>\n");
    }

    pub fn line(&mut self, from: (f64, f64), to: (f64, f64), stroke: &str, width: f64) {
        let _ = writeln!(
            self.out,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" stroke=\"{}\" stroke-width=\"{}\"/>",
            num(from.0),
            num(from.1),
            num(to.0),
            num(to.1),
            escape(stroke),
            num(width)
        );
    }

    /// One line of text with its baseline at `baseline`; returns its width.
    pub fn text(
        &mut self,
        x: f64,
        baseline: f64,
        text: &str,
        style: &TextStyle,
        align: Align,
    ) -> f64 {
        let Ok(runs) = fonts::runs(text, style.weight, style.lang) else {
            return 0.0;
        };
        let widths: Vec<f64> = runs
            .iter()
            .map(|run| fonts::run_width(run, style.size))
            .collect();
        let total: f64 = widths.iter().sum();
        let mut at = match align {
            Align::Start => x,
            Align::Middle => x - total / 2.0,
            Align::End => x - total,
        };
        self.boxes.push(TextBox {
            x: at,
            width: total,
            baseline,
            size: style.size,
            text: text.to_string(),
        });
        for (run, width) in runs.iter().zip(&widths) {
            let _ = writeln!(
                self.out,
                "<text x=\"{}\" y=\"{}\" font-family=\"{}\" font-weight=\"{}\" font-size=\"{}\" \
                 fill=\"{}\">{}</text>",
                num(at),
                num(baseline),
                run.face.family(),
                run.face.css_weight(),
                num(style.size),
                escape(style.fill),
                escape(run.text)
            );
            at += width;
        }
        total
    }

    /// Where the next element will go, for `shift_since`.
    pub fn mark(&self) -> usize {
        self.out.len()
    }

    /// Where the next text box will go, for `shift_since`.
    pub fn box_mark(&self) -> usize {
        self.boxes.len()
    }

    /// Moves everything written since `mark` (and the text boxes since `boxes`) down by `dy`.
    pub fn shift_since(&mut self, mark: usize, boxes: usize, dy: f64) {
        if dy.abs() < 0.5 || mark > self.out.len() || !self.out.is_char_boundary(mark) {
            return;
        }
        for text in self.boxes.iter_mut().skip(boxes) {
            text.baseline += dy;
        }
        let group = format!("<g transform=\"translate(0 {})\">\n", num(dy));
        self.out.insert_str(mark, &group);
        self.out.push_str("</g>\n");
    }

    /// The document and where each line of text went.
    pub fn finish_with_boxes(mut self) -> (String, Vec<TextBox>) {
        self.out.push_str("</svg>\n");
        (self.out, self.boxes)
    }
}

/// Coordinates with at most two decimals, so the document is short and stable.
fn num(value: f64) -> String {
    let value = if value.is_finite() { value } else { 0.0 };
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    match text {
        "-0" | "" => "0".to_string(),
        other => other.to_string(),
    }
}

/// Text and attribute values safe inside the SVG document (the chart module's escaper).
pub(crate) use crate::chart::escape;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_short_and_stable() {
        assert_eq!(num(12.0), "12");
        assert_eq!(num(12.345), "12.35");
        assert_eq!(num(-0.001), "0");
        assert_eq!(num(f64::NAN), "0");
        assert_eq!(num(0.5), "0.5");
    }

    #[test]
    fn markup_characters_are_escaped() {
        assert_eq!(escape("<script>&\"'"), "&lt;script&gt;&amp;&quot;&#39;");
    }
}
