//! The result card: the seat, who won (or leads, or what the source names), the party,
//! the votes and the margin, all inside the card's centre square, so a chat app that crops
//! the 1200×630 image to a square thumbnail (WhatsApp's small preview, Facebook's small
//! link share, X's summary card) still shows them whole. The runner-up and the secondary
//! figures sit in the flanks left and right of that square: the wide card shows them, the
//! square crop loses them and nothing else.
//!
//! Names are never cut: a name wraps, then shrinks, then takes more lines.

use crate::chart::{mark_color, wrap};

use super::fonts::{Lang, Weight};
use super::palette::{ACCENT, BAR_REST, INK, MUTED};
use super::svg::{Align, Svg, TextStyle};
use super::{CardPerson, CardResult, HEIGHT, WIDTH};

/// The square a chat app crops to: the card's full height, centred.
pub const SQUARE_LEFT: f64 = (WIDTH - HEIGHT) as f64 / 2.0;
pub const SQUARE_RIGHT: f64 = SQUARE_LEFT + HEIGHT as f64;
/// Text keeps this far inside the square (and the flanks this far outside it), so a crop a
/// few pixels off centre, or rounded corners on the thumbnail, cut nothing.
const INSET: f64 = 24.0;
const COLUMN_LEFT: f64 = SQUARE_LEFT + INSET;
const COLUMN_RIGHT: f64 = SQUARE_RIGHT - INSET;
const CENTER: f64 = (COLUMN_LEFT + COLUMN_RIGHT) / 2.0;
const FLANK_LEFT: f64 = super::MARGIN;
const FLANK_RIGHT: f64 = SQUARE_LEFT - INSET;
const ASIDE_LEFT: f64 = SQUARE_RIGHT + INSET;
const FLANK_WIDTH: f64 = FLANK_RIGHT - FLANK_LEFT;
/// The centre block is centred between these.
const TOP: f64 = 36.0;
const BOTTOM: f64 = 532.0;

const HEADING_SIZES: [f64; 4] = [34.0, 30.0, 26.0, 22.0];
const ROLE_SIZE: f64 = 26.0;
/// Sizes tried for the lead's name: the first at which it fits in two lines (and the block
/// in the card) wins; at the smallest it takes the lines it needs.
const NAME_SIZES: [f64; 6] = [76.0, 68.0, 60.0, 52.0, 44.0, 36.0];
const NAME_MAX_LINES: usize = 5;
/// A name that fits in one line at this size or larger takes one line.
const NAME_ONE_LINE_DOWN_TO: f64 = 60.0;
const PARTY_SIZES: [f64; 4] = [38.0, 32.0, 28.0, 24.0];
const VOTES_SIZE: f64 = 40.0;
const FIGURE_SIZE: f64 = 34.0;
const SWATCH: f64 = 26.0;
const SWATCH_GAP: f64 = 10.0;
const FLANK_SWATCH: f64 = 20.0;
const FLANK_SWATCH_GAP: f64 = 8.0;
const BAR: f64 = 18.0;
const GAP: f64 = 14.0;
const FLANK_ROLE_SIZE: f64 = 20.0;
const FLANK_NAME_SIZES: [f64; 3] = [28.0, 24.0, 20.0];
const FLANK_SIZE: f64 = 22.0;
const SOURCE_SIZE: f64 = 18.0;

fn style(size: f64, weight: Weight, fill: &'static str, lang: Lang) -> TextStyle {
    TextStyle {
        size,
        weight,
        fill,
        lang,
    }
}

/// Height of one line of `size` in `lang`: Devanagari needs room above and below.
fn line(size: f64, lang: Lang) -> f64 {
    match lang {
        Lang::Hindi => 1.3 * size,
        Lang::English => 1.2 * size,
    }
}

/// Lines of `text` at the first of `sizes` at which it takes at most `lines`; at the last
/// size as many lines as it needs, up to `max`. Only a text longer than `max` lines at the
/// smallest size ends in "…".
fn fit(
    text: &str,
    width: f64,
    sizes: &[f64],
    lines: usize,
    max: usize,
    weight: Weight,
    lang: Lang,
) -> (f64, Vec<String>) {
    let at = |size: f64, max: usize| {
        let style = style(size, weight, INK, lang);
        wrap(text, width, max, &|t| style.width(t))
    };
    for &size in sizes {
        let wrapped = at(size, lines + 1);
        if wrapped.len() <= lines && unbroken(text, &wrapped) {
            return (size, wrapped);
        }
    }
    // At the smallest size a name takes the lines it needs (a single word wider than the
    // column is then the only thing ever split).
    let size = sizes.last().copied().unwrap_or(FIGURE_SIZE);
    (size, at(size, max))
}

/// The lines break between words only: no word was split to fit.
fn unbroken(text: &str, lines: &[String]) -> bool {
    let words = text.split_whitespace();
    lines.iter().flat_map(|l| l.split_whitespace()).eq(words)
}

/// One block of centred lines, measured before it is drawn.
struct Lines {
    size: f64,
    weight: Weight,
    fill: &'static str,
    lines: Vec<String>,
    /// A party swatch before the first line.
    swatch: Option<String>,
}

impl Lines {
    fn height(&self, lang: Lang) -> f64 {
        self.lines.len() as f64 * line(self.size, lang)
    }
}

/// Draws `result` (its colours are checked here: a malformed one is an error).
pub fn draw(svg: &mut Svg, result: &CardResult, lang: Lang) -> Result<(), String> {
    let lead_color = swatch_color(&result.lead)?;
    let second_color = match &result.second {
        Some(person) => swatch_color(person)?,
        None => None,
    };
    let width = COLUMN_RIGHT - COLUMN_LEFT;
    let drawable = |t: &str, w: Weight| super::fonts::drawable(t, w);
    let heading = drawable(&result.heading, Weight::Bold)?;
    let (heading_size, heading_lines) =
        fit(&heading, width, &HEADING_SIZES, 1, 3, Weight::Bold, lang);
    let party = drawable(&result.lead.party, Weight::Bold)?;
    let (party_size, party_lines) = fit(
        &party,
        width - SWATCH - SWATCH_GAP,
        &PARTY_SIZES,
        2,
        3,
        Weight::Bold,
        lang,
    );
    let mut figures = Vec::new();
    for text in [&result.lead.votes]
        .into_iter()
        .chain(result.figures.iter())
    {
        let text = drawable(text, Weight::Regular)?;
        if text.is_empty() {
            continue;
        }
        let size = if figures.is_empty() {
            VOTES_SIZE
        } else {
            FIGURE_SIZE
        };
        let measure = style(size, Weight::Regular, INK, lang);
        figures.push(Lines {
            size,
            weight: Weight::Regular,
            fill: if figures.is_empty() { INK } else { MUTED },
            lines: wrap(&text, width, 3, &|t| measure.width(t)),
            swatch: None,
        });
    }
    let role = drawable(&result.lead.role, Weight::Bold)?;
    let name = drawable(&result.lead.name, Weight::Bold)?;
    let mut blocks = vec![Lines {
        size: heading_size,
        weight: Weight::Bold,
        fill: ACCENT,
        lines: heading_lines,
        swatch: None,
    }];
    if !role.is_empty() {
        blocks.push(Lines {
            size: ROLE_SIZE,
            weight: Weight::Bold,
            fill: MUTED,
            lines: vec![role],
            swatch: None,
        });
    }
    let bar = result.lead.share.is_some();
    let fixed: f64 = blocks.iter().map(|b| b.height(lang)).sum::<f64>()
        + line(party_size, lang) * party_lines.len() as f64
        + figures.iter().map(|b| b.height(lang)).sum::<f64>()
        + if bar { BAR + GAP } else { 0.0 };
    let gaps = GAP * (blocks.len() + 1 + figures.len()) as f64;
    let room = BOTTOM - TOP - fixed - gaps;
    let (name_size, name_lines) = fit_name(&name, width, lang, room);
    blocks.push(Lines {
        size: name_size,
        weight: Weight::Bold,
        fill: INK,
        lines: name_lines,
        swatch: None,
    });
    if !party.is_empty() {
        blocks.push(Lines {
            size: party_size,
            weight: Weight::Bold,
            fill: INK,
            lines: party_lines,
            swatch: Some(lead_color.clone().unwrap_or_else(|| MUTED.to_string())),
        });
    }
    blocks.extend(figures);
    let height = blocks.iter().map(|b| b.height(lang)).sum::<f64>()
        + GAP * (blocks.len() - 1) as f64
        + if bar { GAP + BAR } else { 0.0 };
    let mut top = (TOP + (BOTTOM - TOP - height) / 2.0).max(TOP);
    for block in &blocks {
        top = centred(svg, block, lang, top) + GAP;
    }
    if bar {
        share_bar(
            svg,
            result,
            lead_color.as_deref(),
            second_color.as_deref(),
            top,
        );
    }
    if let Some(second) = &result.second {
        flank(svg, second, second_color.as_deref(), lang)?;
    }
    aside(svg, result, lang)?;
    Ok(())
}

/// The lead's name at the largest size at which it fits in two lines within `room`; at the
/// smallest size in as many lines as it needs.
fn fit_name(name: &str, width: f64, lang: Lang, room: f64) -> (f64, Vec<String>) {
    // One line at a somewhat smaller size reads better than two at the largest.
    for &size in NAME_SIZES.iter().filter(|&&s| s >= NAME_ONE_LINE_DOWN_TO) {
        let (size, lines) = fit(name, width, &[size], 1, 1, Weight::Bold, lang);
        if lines.len() == 1 && unbroken(name, &lines) && line(size, lang) <= room {
            return (size, lines);
        }
    }
    for index in 0..NAME_SIZES.len() {
        let (size, lines) = fit(
            name,
            width,
            &NAME_SIZES[index..=index],
            2,
            NAME_MAX_LINES,
            Weight::Bold,
            lang,
        );
        if lines.len() <= 2 && lines.len() as f64 * line(size, lang) <= room {
            return (size, lines);
        }
    }
    fit(
        name,
        width,
        &NAME_SIZES[NAME_SIZES.len() - 1..],
        NAME_MAX_LINES,
        NAME_MAX_LINES,
        Weight::Bold,
        lang,
    )
}

fn swatch_color(person: &CardPerson) -> Result<Option<String>, String> {
    match &person.color {
        Some(color) => mark_color(color).map(Some).ok_or_else(|| {
            format!(
                "party `{}` has colour {color:?}; write it as \"#RRGGBB\"",
                person.party
            )
        }),
        None => Ok(None),
    }
}

/// Draws the lines of `block` centred on the column from `top`; returns where it ends.
fn centred(svg: &mut Svg, block: &Lines, lang: Lang, top: f64) -> f64 {
    let text = style(block.size, block.weight, block.fill, lang);
    let height = line(block.size, lang);
    let mut top = top;
    for (index, text_line) in block.lines.iter().enumerate() {
        let baseline = top + height / 2.0 + 0.36 * block.size;
        match (&block.swatch, index) {
            (Some(color), 0) => {
                let total = SWATCH + SWATCH_GAP + text.width(text_line);
                let left = CENTER - total / 2.0;
                svg.rect(
                    left.round(),
                    (top + (height - SWATCH) / 2.0).round(),
                    SWATCH,
                    SWATCH,
                    color,
                    4.0,
                );
                svg.text(
                    left + SWATCH + SWATCH_GAP,
                    baseline,
                    text_line,
                    &text,
                    Align::Start,
                );
            }
            _ => {
                svg.text(CENTER, baseline, text_line, &text, Align::Middle);
            }
        }
        top += height;
    }
    top
}

/// The lead's share (and the runner-up's) of the vote as one bar across the column.
fn share_bar(svg: &mut Svg, result: &CardResult, lead: Option<&str>, second: Option<&str>, y: f64) {
    let width = COLUMN_RIGHT - COLUMN_LEFT;
    svg.rect(COLUMN_LEFT, y, width, BAR, BAR_REST, 0.0);
    let part = |share: Option<f64>| {
        share
            .filter(|s| s.is_finite())
            .unwrap_or(0.0)
            .clamp(0.0, 100.0)
    };
    let lead_width = (width * part(result.lead.share) / 100.0).round();
    svg.rect(COLUMN_LEFT, y, lead_width, BAR, lead.unwrap_or(MUTED), 0.0);
    if let Some(person) = &result.second {
        let second_width = (width * part(person.share) / 100.0)
            .round()
            .min(width - lead_width);
        // A white hairline between the two, so like colours stay apart.
        svg.rect(
            COLUMN_LEFT + lead_width + 2.0,
            y,
            (second_width - 2.0).max(0.0),
            BAR,
            second.unwrap_or(MUTED),
            0.0,
        );
    }
}

/// The runner-up in the left flank, outside the square.
fn flank(
    svg: &mut Svg,
    person: &CardPerson,
    color: Option<&str>,
    lang: Lang,
) -> Result<(), String> {
    let drawable = |t: &str, w: Weight| super::fonts::drawable(t, w);
    let role = drawable(&person.role, Weight::Bold)?;
    let name = drawable(&person.name, Weight::Bold)?;
    let party = drawable(&person.party, Weight::Regular)?;
    let votes = drawable(&person.votes, Weight::Regular)?;
    let (name_size, name_lines) = fit(
        &name,
        FLANK_WIDTH,
        &FLANK_NAME_SIZES,
        2,
        8,
        Weight::Bold,
        lang,
    );
    let small = style(FLANK_SIZE, Weight::Regular, INK, lang);
    let (party_size, party_lines) = fit(
        &party,
        FLANK_WIDTH - FLANK_SWATCH - FLANK_SWATCH_GAP,
        &[FLANK_SIZE, 20.0, 18.0],
        8,
        8,
        Weight::Regular,
        lang,
    );
    let party_style = style(party_size, Weight::Regular, INK, lang);
    // "4,22,087 वोट · 47.56%": each part on its own line rather than broken mid-way.
    let vote_lines: Vec<String> = votes
        .split(" · ")
        .flat_map(|part| wrap(part, FLANK_WIDTH, 4, &|t| small.width(t)))
        .collect();
    let height = line(FLANK_ROLE_SIZE, lang)
        + line(name_size, lang) * name_lines.len() as f64
        + line(party_size, lang) * party_lines.len() as f64
        + line(FLANK_SIZE, lang) * vote_lines.len() as f64
        + 2.0 * GAP;
    let mut top = (TOP + (BOTTOM - TOP - height) / 2.0).max(TOP);
    let role_style = style(FLANK_ROLE_SIZE, Weight::Bold, MUTED, lang);
    top = left_lines(svg, &[role], &role_style, lang, FLANK_LEFT, top) + 4.0;
    let name_style = style(name_size, Weight::Bold, INK, lang);
    top = left_lines(svg, &name_lines, &name_style, lang, FLANK_LEFT, top) + GAP - 4.0;
    if !party_lines.is_empty() {
        let height = line(party_size, lang);
        svg.rect(
            FLANK_LEFT,
            (top + (height - FLANK_SWATCH) / 2.0).round(),
            FLANK_SWATCH,
            FLANK_SWATCH,
            color.unwrap_or(MUTED),
            4.0,
        );
        top = left_lines(
            svg,
            &party_lines,
            &party_style,
            lang,
            FLANK_LEFT + FLANK_SWATCH + FLANK_SWATCH_GAP,
            top,
        );
    }
    left_lines(svg, &vote_lines, &small, lang, FLANK_LEFT, top + GAP);
    Ok(())
}

/// Secondary figures (label over value) and the source in the right flank.
fn aside(svg: &mut Svg, result: &CardResult, lang: Lang) -> Result<(), String> {
    let labels = style(FLANK_ROLE_SIZE, Weight::Bold, MUTED, lang);
    let values = style(FLANK_NAME_SIZES[1], Weight::Bold, INK, lang);
    let source = style(SOURCE_SIZE, Weight::Regular, MUTED, lang);
    let mut items: Vec<(Vec<String>, &TextStyle)> = Vec::new();
    for (label, value) in &result.aside {
        let label = super::fonts::drawable(label, Weight::Bold)?;
        let value = super::fonts::drawable(value, Weight::Bold)?;
        items.push((wrap(&label, FLANK_WIDTH, 3, &|t| labels.width(t)), &labels));
        items.push((wrap(&value, FLANK_WIDTH, 3, &|t| values.width(t)), &values));
    }
    if let Some(text) = &result.source {
        let text = super::fonts::drawable(text, Weight::Regular)?;
        items.push((wrap(&text, FLANK_WIDTH, 6, &|t| source.width(t)), &source));
    }
    let height: f64 = items
        .iter()
        .map(|(lines, style)| lines.len() as f64 * line(style.size, lang) + 4.0)
        .sum::<f64>()
        + GAP * (result.aside.len() as f64);
    let mut top = (TOP + (BOTTOM - TOP - height) / 2.0).max(TOP);
    for (index, (lines, style)) in items.iter().enumerate() {
        top = left_lines(svg, lines, style, lang, ASIDE_LEFT, top) + 4.0;
        // A gap after each value and before the source.
        if index % 2 == 1 {
            top += GAP;
        }
    }
    Ok(())
}

/// Left-aligned lines from `top`; returns where they end.
fn left_lines(
    svg: &mut Svg,
    lines: &[String],
    style: &TextStyle,
    lang: Lang,
    x: f64,
    top: f64,
) -> f64 {
    let height = line(style.size, lang);
    let mut top = top;
    for text in lines {
        if !text.is_empty() {
            svg.text(
                x,
                top + height / 2.0 + 0.36 * style.size,
                text,
                style,
                Align::Start,
            );
        }
        top += height;
    }
    top
}
