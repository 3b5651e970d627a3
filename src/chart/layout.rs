//! Where everything goes: a checked spec becomes a `Scene` of bars and measured labels.
//!
//! Laid out for a phone first. The viewBox is 360 units wide and shown about 328 CSS px
//! wide (360 px screen less page margins), so 15-unit text renders at 13.7 px and row
//! names (16 units) at 14.6 px. Row names sit above their bars and get the full width;
//! each row has one bar per series with its value label at the bar's end. Series are named
//! in a column beside each bar when the names are short, otherwise in a legend (swatch +
//! text), so colour is never the only cue. A single series needs neither: the title says
//! what it is.

use super::color::{Rgb, mark_rgb};
use super::fonts::text_width;
use super::spec::{Checked, Layout};
use super::text::{with_ellipsis, wrap};
use super::words::Words;

pub const WIDTH: i32 = 360;
const PAD: f64 = 4.0;
const INNER: f64 = WIDTH as f64 - 2.0 * PAD;

const ROW_SIZE: u32 = 16;
const ROW_LINE: f64 = 24.0;
const ROW_MAX_LINES: usize = 3;
/// The smallest text: 13.7 px on a 360 px phone (at least 13, the theme's floor).
const SMALL_SIZE: u32 = 15;
const LEGEND_LINE: f64 = 24.0;
const SWATCH_RADIUS: i32 = 6;

const SLOT: f64 = 22.0;
const BAR_HEIGHT: f64 = 16.0;
const ROW_GAP: f64 = 10.0;
const LABEL_GAP: f64 = 4.0;
/// The shortest bar drawn for a value that is not zero.
const MIN_BAR: f64 = 1.0;
const COLUMN_GAP: f64 = 6.0;
/// Direct series labels are used while their column takes at most this share of the width.
const MAX_COLUMN_SHARE: f64 = 0.32;
/// Bars keep at least this share of the plot width, or value labels move under the bars.
const MIN_BAR_SHARE: f64 = 0.35;
/// Room for a browser whose fallback font is wider than the bundled one.
const SAFETY: f64 = 1.08;
/// Bold is synthesised from the regular face; allow for its extra width.
const BOLD_SAFETY: f64 = 1.12;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    End,
}

/// A line of text; `y` is its top (plotters writes `dy="0.76em"` to reach the baseline).
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub x: i32,
    pub y: i32,
    pub text: String,
    pub size: u32,
    pub anchor: Anchor,
    pub bold: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub x0: i32,
    pub y0: i32,
    pub x1: i32,
    pub y1: i32,
    pub color: Rgb,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Swatch {
    pub cx: i32,
    pub cy: i32,
    pub radius: i32,
    pub color: Rgb,
}

/// A vertical zero line beside one row's bars (never through the row names).
#[derive(Debug, Clone, PartialEq)]
pub struct ZeroLine {
    pub x: i32,
    pub y0: i32,
    pub y1: i32,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scene {
    pub width: i32,
    pub height: i32,
    pub bars: Vec<Bar>,
    pub labels: Vec<Label>,
    pub swatches: Vec<Swatch>,
    pub zero_lines: Vec<ZeroLine>,
}

fn measure(size: u32) -> impl Fn(&str) -> f64 {
    move |text: &str| text_width(text, f64::from(size)) * SAFETY
}

fn measure_bold(size: u32) -> impl Fn(&str) -> f64 {
    move |text: &str| text_width(text, f64::from(size)) * BOLD_SAFETY
}

fn px(value: f64) -> i32 {
    value
        .round()
        .clamp(f64::from(i32::MIN), f64::from(i32::MAX)) as i32
}

/// Top of a text line of `size` so that its glyphs sit centred in a band around `center`.
fn text_top(center: f64, size: u32) -> i32 {
    px(center - 0.4 * f64::from(size))
}

pub fn layout(checked: &Checked<'_>, words: &Words) -> Scene {
    let spec = checked.spec;
    let mut scene = Scene {
        width: WIDTH,
        ..Scene::default()
    };
    let mut y = PAD;
    if spec.rows.is_empty() || spec.series.is_empty() || !spec.has_data() {
        scene.labels.push(label(
            PAD,
            y + 4.0,
            words.no_figures,
            SMALL_SIZE,
            Anchor::Start,
        ));
        scene.height = px(y + ROW_LINE + PAD);
        return scene;
    }
    let marks: Vec<Rgb> = checked.colors.iter().map(|c| mark_rgb(*c)).collect();
    let column = series_column_width(checked);
    if column == 0.0 && needs_legend(checked) {
        y = legend(&mut scene, checked, &marks, y);
    }
    let values = ValueAxis::new(checked, words, column);
    for row in 0..spec.rows.len() {
        y = row_group(&mut scene, checked, &marks, &values, row, y);
    }
    scene.height = px(y - ROW_GAP + PAD);
    scene
}

fn label(x: f64, y: f64, text: &str, size: u32, anchor: Anchor) -> Label {
    Label {
        x: px(x),
        y: px(y),
        // Newlines and runs of spaces would break the one-line `<text>`; SVG collapses them anyway.
        text: text.split_whitespace().collect::<Vec<_>>().join(" "),
        size,
        anchor,
        bold: false,
    }
}

/// Width of the direct-label column, or 0.0 when a legend is used instead.
fn series_column_width(checked: &Checked<'_>) -> f64 {
    let series = &checked.spec.series;
    if series.len() < 2 {
        return 0.0;
    }
    let measure = measure(SMALL_SIZE);
    let widest = series.iter().map(|s| measure(&s.label)).fold(0.0, f64::max);
    let column = widest + COLUMN_GAP;
    if column <= INNER * MAX_COLUMN_SHARE {
        column.ceil()
    } else {
        0.0
    }
}

/// Only several series need naming: a single one is what the title says it is (and when
/// its bars carry their own colours, candidates in their parties', a swatch would match
/// none of them; the row names say whose each bar is).
fn needs_legend(checked: &Checked<'_>) -> bool {
    checked.spec.series.len() > 1
}

/// Swatch + name for each series, flowing onto more lines as needed. Returns the next y.
fn legend(scene: &mut Scene, checked: &Checked<'_>, marks: &[Rgb], top: f64) -> f64 {
    let measure = measure(SMALL_SIZE);
    let text_offset = f64::from(2 * SWATCH_RADIUS + 4);
    let item_gap = 14.0;
    let (mut x, mut line_top) = (PAD, top);
    for (series, color) in checked.spec.series.iter().zip(marks) {
        let name = if measure(&series.label) > INNER - text_offset {
            with_ellipsis(&series.label, INNER - text_offset, &measure)
        } else {
            series.label.clone()
        };
        let item = text_offset + measure(&name);
        if x > PAD && x + item > PAD + INNER {
            x = PAD;
            line_top += LEGEND_LINE;
        }
        let center = line_top + LEGEND_LINE / 2.0;
        scene.swatches.push(Swatch {
            cx: px(x) + SWATCH_RADIUS,
            cy: px(center),
            radius: SWATCH_RADIUS,
            color: *color,
        });
        let top = text_top(center, SMALL_SIZE);
        scene.labels.push(label(
            x + text_offset,
            f64::from(top),
            &name,
            SMALL_SIZE,
            Anchor::Start,
        ));
        x += item + item_gap;
    }
    line_top + LEGEND_LINE + 4.0
}

/// The horizontal scale shared by all bars, with room for value labels at bar ends.
struct ValueAxis {
    plot_left: f64,
    zero_x: f64,
    scale: f64,
    /// Labels too wide to sit beside bars go on their own line under each bar.
    labels_below: bool,
    zero_line: bool,
    texts: Vec<Vec<String>>,
}

impl ValueAxis {
    fn new(checked: &Checked<'_>, words: &Words, column: f64) -> ValueAxis {
        let spec = checked.spec;
        let measure = measure(SMALL_SIZE);
        let (low, high) = spec.value_range();
        let texts: Vec<Vec<String>> = spec
            .series
            .iter()
            .map(|s| {
                s.values
                    .iter()
                    .map(|v| {
                        v.as_ref()
                            .map_or(words.not_available, |v| v.label.as_str())
                            .to_string()
                    })
                    .collect()
            })
            .collect();
        let (mut left_room, mut right_room) = (0.0_f64, 0.0_f64);
        for (series, labels) in spec.series.iter().zip(&texts) {
            for (value, text) in series.values.iter().zip(labels) {
                let room = measure(text) + LABEL_GAP;
                match value {
                    Some(v) if v.number < 0.0 => left_room = left_room.max(room),
                    _ => right_room = right_room.max(room),
                }
            }
        }
        let plot_left = PAD + column;
        let plot_width = INNER - column;
        let mut span = plot_width - left_room - right_room;
        let labels_below = span < plot_width * MIN_BAR_SHARE;
        if labels_below {
            (left_room, span) = (0.0, plot_width);
        }
        let scale = if high > low { span / (high - low) } else { 0.0 };
        ValueAxis {
            plot_left,
            zero_x: plot_left + left_room - low * scale,
            scale,
            labels_below,
            zero_line: spec.kind == Layout::Diverging || low < 0.0,
            texts,
        }
    }

    fn plot_width(&self) -> f64 {
        f64::from(WIDTH) - PAD - self.plot_left
    }
}

/// Where a bar of `length` units from `zero_x` ends: a value that is not zero gets at
/// least a sliver (half a unit rounds away), so a small party is still seen to have votes.
fn bar_end(zero_x: f64, length: f64) -> f64 {
    if length == 0.0 || length.abs() >= MIN_BAR {
        zero_x + length
    } else {
        zero_x + MIN_BAR.copysign(length)
    }
}

/// Row name, then one bar (and value label) per series. Returns the next row's y.
fn row_group(
    scene: &mut Scene,
    checked: &Checked<'_>,
    marks: &[Rgb],
    axis: &ValueAxis,
    row: usize,
    top: f64,
) -> f64 {
    let spec = checked.spec;
    let bold = measure_bold(ROW_SIZE);
    let mut y = top;
    for line in wrap(&spec.row_name(row), INNER, ROW_MAX_LINES, &bold) {
        let mut name = label(PAD, y + 4.0, &line, ROW_SIZE, Anchor::Start);
        name.bold = true;
        scene.labels.push(name);
        y += ROW_LINE;
    }
    let bars_top = y;
    let column = axis.plot_left > PAD;
    for (index, series) in spec.series.iter().enumerate() {
        let center = y + SLOT / 2.0;
        if column {
            let top = f64::from(text_top(center, SMALL_SIZE));
            let x = axis.plot_left - COLUMN_GAP;
            scene
                .labels
                .push(label(x, top, &series.label, SMALL_SIZE, Anchor::End));
        }
        let value = series.values.get(row).and_then(Option::as_ref);
        let number = value.map_or(0.0, |v| if v.number.is_finite() { v.number } else { 0.0 });
        let end = bar_end(axis.zero_x, number * axis.scale);
        let (x0, x1) = (axis.zero_x.min(end), axis.zero_x.max(end));
        let half = BAR_HEIGHT / 2.0;
        if value.is_some() {
            scene.bars.push(Bar {
                x0: px(x0),
                y0: px(center - half),
                x1: px(x1),
                y1: px(center + half),
                color: value
                    .and_then(|v| v.color.as_deref())
                    .and_then(Rgb::parse)
                    .map_or(marks[index], mark_rgb),
            });
        }
        let text = &axis.texts[index][row];
        y += SLOT;
        if axis.labels_below {
            let measure = measure(SMALL_SIZE);
            for line in wrap(text, axis.plot_width(), ROW_MAX_LINES, &measure) {
                scene
                    .labels
                    .push(label(axis.plot_left, y, &line, SMALL_SIZE, Anchor::Start));
                y += SLOT;
            }
        } else {
            let top = f64::from(text_top(center, SMALL_SIZE));
            let (x, anchor) = if number < 0.0 {
                (x0 - LABEL_GAP, Anchor::End)
            } else {
                (x1 + LABEL_GAP, Anchor::Start)
            };
            scene.labels.push(label(x, top, text, SMALL_SIZE, anchor));
        }
    }
    if axis.zero_line {
        scene.zero_lines.push(ZeroLine {
            x: px(axis.zero_x),
            y0: px(bars_top),
            y1: px(y),
        });
    }
    y + ROW_GAP
}
