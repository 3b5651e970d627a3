//! The card's SVG document read back into the shapes `raster` draws.
//!
//! The build keys its card cache by the SVG text (`card_svg`) and draws cards from it, so
//! the drawing starts from that text. It is always the document `svg::Svg` wrote, in the
//! few elements it writes (`rect`, `line`, `text` naming one bundled face, `g` moving its
//! contents down): reading exactly those is cheaper than a general SVG parser, and
//! anything else is refused with a message rather than drawn some other way.

use std::borrow::Cow;

use super::fonts::Face;

/// An opaque sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

#[derive(Debug, Clone, PartialEq)]
pub enum Shape<'a> {
    /// A filled rectangle, its corners rounded by `radius` when that is above zero.
    Rect {
        x: f32,
        y: f32,
        width: f32,
        height: f32,
        radius: f32,
        fill: Rgb,
    },
    /// A straight stroke with butt ends.
    Line {
        from: (f32, f32),
        to: (f32, f32),
        width: f32,
        stroke: Rgb,
    },
    /// One run of text in one face, starting at `x` on its baseline.
    Text {
        x: f32,
        baseline: f32,
        size: f32,
        face: Face,
        fill: Rgb,
        text: Cow<'a, str>,
    },
}

/// The shapes of a card in painting order, `g` translations already applied.
pub fn read(svg: &str) -> Result<Vec<Shape<'_>>, String> {
    let mut shapes = Vec::with_capacity(64);
    let mut offsets: Vec<f32> = Vec::new();
    let mut rest = svg;
    let mut root = false;
    while let Some(start) = rest.find('<') {
        rest = &rest[start..];
        let end = rest
            .find('>')
            .ok_or_else(|| unreadable("an element that is never closed"))?;
        let tag = &rest[1..end];
        rest = &rest[end + 1..];
        let dy: f32 = offsets.iter().sum();
        let (name, attributes) = tag
            .split_once(' ')
            .unwrap_or((tag.trim_end_matches('/'), ""));
        match name {
            "svg" => root = true,
            "/svg" => return Ok(shapes),
            "g" => offsets.push(translation(Attributes(attributes).get("transform")?)?),
            "/g" => {
                offsets.pop();
            }
            "rect" => shapes.push(rect(Attributes(attributes), dy)?),
            "line" => shapes.push(line(Attributes(attributes), dy)?),
            "text" => {
                let close = rest
                    .find("</text>")
                    .ok_or_else(|| unreadable("a <text> that is never closed"))?;
                shapes.push(text(Attributes(attributes), &rest[..close], dy)?);
                rest = &rest[close + "</text>".len()..];
            }
            other => {
                return Err(unreadable(&format!(
                    "<{other}>, which share cards never contain"
                )));
            }
        }
        if !root {
            return Err(unreadable("no <svg> element first"));
        }
    }
    Err(unreadable("no closing </svg>"))
}

fn unreadable(what: &str) -> String {
    format!("the share card's SVG could not be drawn: {what}")
}

fn rect(a: Attributes<'_>, dy: f32) -> Result<Shape<'static>, String> {
    Ok(Shape::Rect {
        x: a.number_or("x", 0.0)?,
        y: a.number_or("y", 0.0)? + dy,
        width: a.number("width")?,
        height: a.number("height")?,
        radius: a.number_or("rx", 0.0)?,
        fill: a.color("fill")?,
    })
}

fn line(a: Attributes<'_>, dy: f32) -> Result<Shape<'static>, String> {
    Ok(Shape::Line {
        from: (a.number("x1")?, a.number("y1")? + dy),
        to: (a.number("x2")?, a.number("y2")? + dy),
        width: a.number_or("stroke-width", 1.0)?,
        stroke: a.color("stroke")?,
    })
}

fn text<'a>(a: Attributes<'_>, content: &'a str, dy: f32) -> Result<Shape<'a>, String> {
    let family = a.get("font-family")?;
    let weight = a.get("font-weight")?;
    let face = Face::named(family, weight)
        .ok_or_else(|| unreadable(&format!("text in {family} {weight}, not a bundled face")))?;
    Ok(Shape::Text {
        x: a.number("x")?,
        baseline: a.number("y")? + dy,
        size: a.number("font-size")?,
        face,
        fill: a.color("fill")?,
        text: unescape(content),
    })
}

/// `translate(0 12.5)` (the only transform `Svg::shift_since` writes): the 12.5.
fn translation(value: &str) -> Result<f32, String> {
    value
        .strip_prefix("translate(0 ")
        .and_then(|v| v.strip_suffix(')'))
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| unreadable(&format!("transform {value:?}")))
}

/// The attributes of one start tag, as `svg::Svg` writes them: `name="value"` pairs.
#[derive(Clone, Copy)]
struct Attributes<'a>(&'a str);

impl<'a> Attributes<'a> {
    fn find(self, name: &str) -> Option<&'a str> {
        let mut rest = self.0;
        loop {
            let (key, after) = rest.split_once("=\"")?;
            let (value, next) = after.split_once('"')?;
            if key.trim() == name {
                return Some(value);
            }
            rest = next;
        }
    }

    fn get(self, name: &str) -> Result<&'a str, String> {
        self.find(name)
            .ok_or_else(|| unreadable(&format!("an element without its {name}")))
    }

    fn number(self, name: &str) -> Result<f32, String> {
        let value = self.get(name)?;
        value
            .parse::<f32>()
            .ok()
            .filter(|n| n.is_finite())
            .ok_or_else(|| unreadable(&format!("{name}={value:?}")))
    }

    fn number_or(self, name: &str, default: f32) -> Result<f32, String> {
        match self.find(name) {
            Some(_) => self.number(name),
            None => Ok(default),
        }
    }

    /// `#RRGGBB` or `#RGB`, as the card's palette and `chart::mark_color` write them.
    fn color(self, name: &str) -> Result<Rgb, String> {
        let value = self.get(name)?;
        let hex = value.strip_prefix('#').filter(|h| h.is_ascii());
        let channel = |h: &str| u8::from_str_radix(h, 16).ok();
        let parsed = hex.and_then(|h| match h.len() {
            6 => Some(Rgb(
                channel(&h[0..2])?,
                channel(&h[2..4])?,
                channel(&h[4..6])?,
            )),
            3 => {
                let short = |i: usize| channel(&h[i..=i]).map(|c| c * 17);
                Some(Rgb(short(0)?, short(1)?, short(2)?))
            }
            _ => None,
        });
        parsed.ok_or_else(|| unreadable(&format!("{name}={value:?}")))
    }
}

/// Text content back from `escape::xml_escape`; line breaks and tabs are spaces, as
/// `xml:space="preserve"` makes them.
fn unescape(text: &str) -> Cow<'_, str> {
    if !text.contains(['&', '\t', '\n', '\r']) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(['&', '\t', '\n', '\r']) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        if !rest.starts_with('&') {
            out.push(' ');
            rest = &rest[1..];
            continue;
        }
        let entity = [
            ("&lt;", '<'),
            ("&gt;", '>'),
            ("&amp;", '&'),
            ("&quot;", '"'),
            ("&#39;", '\''),
        ]
        .into_iter()
        .find(|(name, _)| rest.starts_with(name));
        match entity {
            Some((name, c)) => {
                out.push(c);
                rest = &rest[name.len()..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_what_the_card_writer_writes() {
        let svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\" height=\"630\" \
                   viewBox=\"0 0 1200 630\" xml:space=\"preserve\">\n\
                   <rect width=\"1200\" height=\"630\" fill=\"#FFFFFF\"/>\n\
                   <g transform=\"translate(0 10)\">\n\
                   <rect x=\"628\" y=\"56\" width=\"516\" height=\"464\" fill=\"#F3F1F7\" rx=\"12\"/>\n\
                   <line x1=\"56\" y1=\"548\" x2=\"1144\" y2=\"548\" stroke=\"#8A8794\" stroke-width=\"1\"/>\n\
                   </g>\n\
                   <text x=\"56\" y=\"594.5\" font-family=\"Noto Sans Devanagari\" font-weight=\"700\" \
                   font-size=\"28\" fill=\"#4B2A7B\">&lt;चुनाव&gt; &amp; &quot;x&quot;</text>\n\
                   </svg>\n";
        let shapes = read(svg).expect("reads");
        assert_eq!(shapes.len(), 4);
        assert_eq!(
            shapes[1],
            Shape::Rect {
                x: 628.0,
                y: 66.0,
                width: 516.0,
                height: 464.0,
                radius: 12.0,
                fill: Rgb(0xF3, 0xF1, 0xF7),
            }
        );
        assert!(matches!(
            shapes[2],
            Shape::Line {
                from: (_, 558.0),
                ..
            }
        ));
        let Shape::Text { text, baseline, .. } = &shapes[3] else {
            panic!("{:?}", shapes[3]);
        };
        assert_eq!(text, "<चुनाव> & \"x\"");
        assert_eq!(*baseline, 594.5, "the group ended before the text");
    }

    #[test]
    fn anything_else_is_refused_not_drawn_otherwise() {
        let head = "<svg width=\"10\" height=\"10\">";
        for body in [
            "<circle r=\"3\" fill=\"#000\"/>",
            "<rect width=\"3\" height=\"3\" fill=\"red\"/>",
            "<text x=\"0\" y=\"0\" font-family=\"Arial\" font-weight=\"400\" font-size=\"9\" fill=\"#000\">a</text>",
            "<g transform=\"scale(2)\"></g>",
            "<rect width=\"3\"",
        ] {
            let svg = format!("{head}{body}</svg>");
            let error = read(&svg).expect_err(body);
            assert!(error.contains("could not be drawn"), "{error}");
        }
        assert!(read("<rect width=\"3\" height=\"3\" fill=\"#000\"/>").is_err());
    }
}
