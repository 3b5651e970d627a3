//! Share cards: the 1200×630 PNG that WhatsApp, X and Facebook show for an article link
//! (`og:image`). Plain data in (`Card`), PNG bytes out.
//!
//! `compose` lays the card out as an SVG document (headline measured and wrapped, the
//! article's main chart redrawn by `chart`, site name in the footer) → `raster` reads it
//! back (`scene`), fills its shapes and the bundled faces' glyphs (`fonts`) with tiny-skia
//! and encodes the PNG. The same card always
//! gives the same bytes: no system fonts, no clock, no randomness.

mod chart;
mod fonts;
mod glyphs;
mod indexed;
mod palette;
mod raster;
mod result;
mod scene;
mod svg;

#[cfg(test)]
mod tests;

use crate::chart::{ChartSpec, with_ellipsis, wrap};
use fonts::{Lang, Weight};
use palette::{ACCENT, BACKGROUND, INK, MUTED, PANEL, RULE};
use svg::{Align, Svg, TextStyle};

/// Card size in pixels: the 1.91:1 that Open Graph and X's large summary card expect.
pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

/// What a card shows. Text is plain (not HTML); it is escaped when composed.
#[derive(Debug, Clone, Copy)]
pub struct Card<'a> {
    /// The article's title, up to three lines; longer ones end in "…".
    pub headline: &'a str,
    /// The site's name, in the footer.
    pub site_title: &'a str,
    /// "hi" or "en": the card's few words, and which face digits and spaces take.
    pub lang: &'a str,
    /// A short line above the headline, e.g. "कानपुर · 4 जून 2024".
    pub dateline: Option<&'a str>,
    /// The article's main chart, redrawn beside the headline (its source goes in the footer).
    pub chart: Option<&'a ChartSpec>,
    /// The article's result: when given, the card shows it instead of the headline and the
    /// chart, laid out so a square crop of the card keeps it whole (see `result`).
    pub result: Option<&'a CardResult>,
}

/// A result as a card shows it, in the words a reader sees: the caller formats the
/// numbers and chooses the words ("विजेता", or "आगे" while votes are being counted).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CardResult {
    /// Seat and election, e.g. "कानपुर · लोकसभा 2024".
    pub heading: String,
    /// The winner, the leader, or the first candidate the source names.
    pub lead: CardPerson,
    /// Lines under the lead's votes, e.g. "जीत का अंतर 20,968 वोट (2.36%)".
    pub figures: Vec<String>,
    /// The runner-up, left of the centre square (the wide card only).
    pub second: Option<CardPerson>,
    /// Label and value pairs right of the centre square, e.g. total valid votes.
    pub aside: Vec<(String, String)>,
    /// "स्रोत: …", under the aside.
    pub source: Option<String>,
}

/// A candidate on a result card.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct CardPerson {
    /// "विजेता", "उपविजेता", "आगे", …
    pub role: String,
    pub name: String,
    /// The party's short name.
    pub party: String,
    /// The party's colour ("#RRGGBB"), for its swatch and the share bar; none: grey.
    pub color: Option<String>,
    /// The votes as a reader reads them: "4,43,055 वोट · 49.93%".
    pub votes: String,
    /// Share of the vote in percent, for the bar (none: no bar).
    pub share: Option<f64>,
}

/// The card as PNG bytes, or why it could not be drawn (a malformed chart colour).
pub fn card_png(card: &Card<'_>) -> Result<Vec<u8>, String> {
    svg_to_png(&card_svg(card)?)
}

/// The card laid out as an SVG document, the part of a card that is cheap to make: the
/// build's card cache is keyed by it.
pub fn card_svg(card: &Card<'_>) -> Result<String, String> {
    compose(card)
}

/// Draws a composed card and encodes it.
pub fn svg_to_png(svg: &str) -> Result<Vec<u8>, String> {
    raster::png(svg, WIDTH, HEIGHT)
}

/// Changes whenever one SVG could come out as other PNG bytes: the bundled faces and the
/// code that reads, draws and encodes it (its source is hashed, so a new setting never
/// meets an old cached card).
pub fn drawing_fingerprint() -> u128 {
    static FINGERPRINT: std::sync::OnceLock<u128> = std::sync::OnceLock::new();
    *FINGERPRINT.get_or_init(|| {
        let mut f = crate::fingerprint::Fingerprinter::new();
        for face in fonts::face_bytes() {
            f.add_bytes(face);
        }
        for source in [
            include_str!("raster.rs"),
            include_str!("scene.rs"),
            include_str!("fonts.rs"),
            include_str!("glyphs.rs"),
        ] {
            f.add_bytes(source.as_bytes());
        }
        f.add(&(WIDTH, HEIGHT));
        f.finish128()
    })
}

const MARGIN: f64 = 56.0;
const STRIP: f64 = 12.0;
const CONTENT_TOP: f64 = 56.0;
const CONTENT_BOTTOM: f64 = 520.0;
const FOOTER_RULE: f64 = 548.0;
const FOOTER_BASELINE: f64 = 594.0;
const SITE_SIZE: f64 = 28.0;
const SOURCE_SIZE: f64 = 20.0;
const KICKER_SIZE: f64 = 26.0;
const KICKER_GAP: f64 = 18.0;
/// Headline sizes tried in turn; the first at which it fits in three lines is used.
const HEADLINE_SIZES_BESIDE_CHART: [f64; 4] = [60.0, 54.0, 48.0, 44.0];
const HEADLINE_SIZES_ALONE: [f64; 4] = [76.0, 68.0, 60.0, 52.0];
const HEADLINE_MAX_LINES: usize = 3;
/// Longer headlines are cut (at a cluster boundary) before measuring: three lines never
/// hold more, and measuring stays fast whatever the input.
const HEADLINE_MAX_CHARS: usize = 300;
/// Halvings of the width range when balancing lines: 8 get within 0.2% of the column.
const BALANCE_STEPS: usize = 8;
const COLUMN_GAP: f64 = 36.0;
const PANEL_LEFT: f64 = 628.0;
const PANEL_PADDING: f64 = 24.0;

fn compose(card: &Card<'_>) -> Result<String, String> {
    compose_layout(card).map(|(svg, _)| svg)
}

/// The SVG document and where each line of text went.
fn compose_layout(card: &Card<'_>) -> Result<(String, Vec<svg::TextBox>), String> {
    let lang = Lang::from_code(card.lang);
    let mut svg = Svg::new(WIDTH, HEIGHT, BACKGROUND);
    svg.rect(0.0, 0.0, f64::from(WIDTH), STRIP, ACCENT, 0.0);
    if let Some(outcome) = card.result {
        result::draw(&mut svg, outcome, lang)?;
        centred_footer(&mut svg, card, lang)?;
        return Ok(svg.finish_with_boxes());
    }
    let chart = card.chart.filter(|spec| spec.has_data());
    let column_right = match chart {
        Some(spec) => {
            chart_panel(&mut svg, spec)?;
            PANEL_LEFT - COLUMN_GAP
        }
        None => f64::from(WIDTH) - MARGIN,
    };
    let sizes = if chart.is_some() {
        &HEADLINE_SIZES_BESIDE_CHART
    } else {
        &HEADLINE_SIZES_ALONE
    };
    headline_block(&mut svg, card, lang, column_right - MARGIN, sizes)?;
    footer(&mut svg, card, lang, chart)?;
    Ok(svg.finish_with_boxes())
}

fn chart_panel(svg: &mut Svg, spec: &ChartSpec) -> Result<(), String> {
    let right = f64::from(WIDTH) - MARGIN;
    svg.rect(
        PANEL_LEFT,
        CONTENT_TOP,
        right - PANEL_LEFT,
        CONTENT_BOTTOM - CONTENT_TOP,
        PANEL,
        12.0,
    );
    let area = chart::Area {
        x: PANEL_LEFT + PANEL_PADDING,
        y: CONTENT_TOP + PANEL_PADDING,
        width: right - PANEL_LEFT - 2.0 * PANEL_PADDING,
        height: CONTENT_BOTTOM - CONTENT_TOP - 2.0 * PANEL_PADDING,
    };
    let (start, boxes) = (svg.mark(), svg.box_mark());
    let bottom = chart::draw(svg, spec, area)?;
    // Centred in the panel when it needs less than the panel's height.
    svg.shift_since(
        start,
        boxes,
        ((area.y + area.height - bottom) / 2.0).round().max(0.0),
    );
    Ok(())
}

/// Vertical metrics of a headline line, in em: where the baseline sits in the line box.
struct LineBox {
    height: f64,
    baseline: f64,
}

impl LineBox {
    /// Devanagari needs room above the headstroke (matras, reph) and below (ु, ृ, halant
    /// forms): the face's ascent 0.896 and descent 0.408 fit in a 1.34 em line.
    fn for_lang(lang: Lang) -> LineBox {
        match lang {
            Lang::Hindi => LineBox {
                height: 1.34,
                baseline: 0.914,
            },
            Lang::English => LineBox {
                height: 1.2,
                baseline: 0.93,
            },
        }
    }
}

/// Dateline and headline, centred in the column. The headline takes the largest size at
/// which it fits in three lines, else the smallest with "…".
fn headline_block(
    svg: &mut Svg,
    card: &Card<'_>,
    lang: Lang,
    width: f64,
    sizes: &[f64],
) -> Result<(), String> {
    let kicker = kicker_line(card, lang, width)?;
    let headline = fit_headline(
        &fonts::drawable(card.headline, Weight::Bold)?,
        lang,
        width,
        sizes,
    );
    let line = LineBox::for_lang(lang);
    let line_height = line.height * headline.size;
    let kicker_height = if kicker.is_empty() {
        0.0
    } else {
        KICKER_SIZE * 1.4 + KICKER_GAP
    };
    let block = kicker_height + line_height * headline.lines.len() as f64;
    let mut top = (CONTENT_TOP + (CONTENT_BOTTOM - CONTENT_TOP - block) / 2.0).max(CONTENT_TOP);
    if !kicker.is_empty() {
        let style = TextStyle {
            size: KICKER_SIZE,
            weight: Weight::Bold,
            fill: ACCENT,
            lang,
        };
        svg.text(MARGIN, top + KICKER_SIZE, &kicker, &style, Align::Start);
        top += kicker_height;
    }
    let style = TextStyle {
        size: headline.size,
        weight: Weight::Bold,
        fill: INK,
        lang,
    };
    for text in &headline.lines {
        svg.text(
            MARGIN,
            top + line.baseline * headline.size,
            text,
            &style,
            Align::Start,
        );
        top += line_height;
    }
    Ok(())
}

fn kicker_line(card: &Card<'_>, lang: Lang, width: f64) -> Result<String, String> {
    let Some(dateline) = card.dateline else {
        return Ok(String::new());
    };
    let text = fonts::drawable(dateline, Weight::Bold)?;
    let measure = |t: &str| fonts::line_width(t, KICKER_SIZE, Weight::Bold, lang);
    Ok(if text.is_empty() || measure(&text) <= width {
        text
    } else {
        with_ellipsis(&text, width, &measure)
    })
}

struct Headline {
    size: f64,
    lines: Vec<String>,
}

fn fit_headline(text: &str, lang: Lang, width: f64, sizes: &[f64]) -> Headline {
    let text = at_most_chars(text, HEADLINE_MAX_CHARS);
    let lines_at = |size: f64, max_lines: usize| {
        let measure = |t: &str| fonts::line_width(t, size, Weight::Bold, lang);
        wrap(&text, width, max_lines, &measure)
    };
    for &size in sizes {
        // One line more than allowed tells whether it overflows.
        let lines = lines_at(size, HEADLINE_MAX_LINES + 1);
        if lines.len() <= HEADLINE_MAX_LINES {
            return Headline {
                size,
                lines: balanced(&text, lang, size, width, lines),
            };
        }
    }
    let size = sizes.last().copied().unwrap_or(44.0);
    Headline {
        size,
        lines: lines_at(size, HEADLINE_MAX_LINES),
    }
}

/// The same number of lines, as even as they go: wrapped at the narrowest width that
/// needs no more lines, so a last line is not left with one word.
fn balanced(text: &str, lang: Lang, size: f64, width: f64, lines: Vec<String>) -> Vec<String> {
    if lines.len() < 2 {
        return lines;
    }
    let measure = |t: &str| fonts::line_width(t, size, Weight::Bold, lang);
    let fits = |w: f64| wrap(text, w, lines.len() + 1, &measure).len() <= lines.len();
    let (mut narrow, mut wide) = (width / 2.0, width);
    for _ in 0..BALANCE_STEPS {
        let middle = (narrow + wide) / 2.0;
        if fits(middle) {
            wide = middle;
        } else {
            narrow = middle;
        }
    }
    wrap(text, wide, lines.len(), &measure)
}

/// `text` cut to at most `max` characters at a cluster boundary, ending in "…" when cut.
fn at_most_chars(text: &str, max: usize) -> String {
    let Some((cut, _)) = text.char_indices().nth(max + 1) else {
        return text.to_string();
    };
    let count = |t: &str| t.chars().count() as f64;
    with_ellipsis(&text[..cut], max as f64, &count)
}

/// The rule, the site's name on the left and the chart's source on the right.
fn footer(
    svg: &mut Svg,
    card: &Card<'_>,
    lang: Lang,
    chart: Option<&ChartSpec>,
) -> Result<(), String> {
    let right = f64::from(WIDTH) - MARGIN;
    svg.line((MARGIN, FOOTER_RULE), (right, FOOTER_RULE), RULE, 1.0);
    let site = TextStyle {
        size: SITE_SIZE,
        weight: Weight::Bold,
        fill: ACCENT,
        lang,
    };
    let name = fonts::drawable(card.site_title, Weight::Bold)?;
    let name = fit_one_line(&name, (right - MARGIN) * 0.6, &site);
    let used = svg.text(MARGIN, FOOTER_BASELINE, &name, &site, Align::Start);
    let Some(source) = chart.and_then(|spec| spec.source.as_ref()) else {
        return Ok(());
    };
    let style = TextStyle {
        size: SOURCE_SIZE,
        weight: Weight::Regular,
        fill: MUTED,
        lang,
    };
    let label = match lang {
        Lang::Hindi => "स्रोत",
        Lang::English => "Source",
    };
    let text = fonts::drawable(&format!("{label}: {}", source.text), Weight::Regular)?;
    let room = right - MARGIN - used - COLUMN_GAP;
    let text = fit_one_line(&text, room, &style);
    svg.text(right, FOOTER_BASELINE, &text, &style, Align::End);
    Ok(())
}

/// The rule and the site's name, centred so the square crop keeps it.
fn centred_footer(svg: &mut Svg, card: &Card<'_>, lang: Lang) -> Result<(), String> {
    let right = f64::from(WIDTH) - MARGIN;
    svg.line((MARGIN, FOOTER_RULE), (right, FOOTER_RULE), RULE, 1.0);
    let site = TextStyle {
        size: SITE_SIZE,
        weight: Weight::Bold,
        fill: ACCENT,
        lang,
    };
    let name = fonts::drawable(card.site_title, Weight::Bold)?;
    let room = result::SQUARE_RIGHT - result::SQUARE_LEFT - 2.0 * PANEL_PADDING;
    let name = fit_one_line(&name, room, &site);
    svg.text(
        f64::from(WIDTH) / 2.0,
        FOOTER_BASELINE,
        &name,
        &site,
        Align::Middle,
    );
    Ok(())
}

fn fit_one_line(text: &str, width: f64, style: &TextStyle) -> String {
    if text.is_empty() || style.width(text) <= width {
        text.to_string()
    } else {
        with_ellipsis(text, width, &|t| style.width(t))
    }
}
