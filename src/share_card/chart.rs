//! The article's main chart redrawn for the card: horizontal bars, row names in a column on
//! the left, values at the bar ends, a legend when there is more than one series.
//!
//! A row name is never cut: names wrap onto a second line, then all of a chart's names
//! shrink together (22 → 20 → 18 px), and only then does a name take more lines; the row grows to hold it and the rows that no longer
//! fit are counted under the last one shown. Only a name longer than `MAX_NAME_LINES`
//! lines at the smallest size would end in "…".
//!
//! The page's chart is laid out for a 360-unit phone column; scaled into a card its labels
//! would shrink. Drawing from the `ChartSpec` instead gives labels sized for the card and
//! drops what a thumbnail cannot carry (the table, the note): the card leads to the article.

use crate::chart::{ChartSpec, mark_color, with_ellipsis, wrap};

use super::fonts::{Lang, Weight};
use super::palette::{INK, MUTED, RULE};
use super::svg::{Align, Svg, TextStyle};

/// Where the chart may draw.
#[derive(Debug, Clone, Copy)]
pub struct Area {
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
}

const TITLE_SIZE: f64 = 22.0;
const TITLE_LINE: f64 = 30.0;
const TITLE_MAX_LINES: usize = 2;
const LEGEND_SIZE: f64 = 20.0;
const LEGEND_LINE: f64 = 34.0;
const SWATCH: f64 = 16.0;
const NAME_SIZE: f64 = 22.0;
/// Sizes tried in turn for a name that does not fit in two lines.
const NAME_SIZES: [f64; 3] = [NAME_SIZE, 20.0, 18.0];
const NAME_LINE: f64 = 1.3;
const MAX_NAME_LINES: usize = 6;
const VALUE_SIZE: f64 = 20.0;
/// Row names take at most this share of the width; longer ones wrap.
const NAME_SHARE: f64 = 0.40;
const GAP: f64 = 10.0;
const BAR_GAP: f64 = 4.0;
const ROW_GAP: f64 = 14.0;
const MAX_BAR: f64 = 26.0;
/// Thinner bars are not drawn: the rows that do not fit are counted instead. At 18 px a
/// bar is as tall as its value label, so the labels of neighbouring bars do not touch.
const MIN_BAR: f64 = 18.0;
const OVERFLOW_LINE: f64 = 30.0;
const NOT_AVAILABLE: &str = "—";

/// Draws `spec` into the top of `area` and returns where the drawing ends (`area.y` when
/// nothing was drawn: a chart without figures).
pub fn draw(svg: &mut Svg, spec: &ChartSpec, area: Area) -> Result<f64, String> {
    let colors = bar_colors(spec)?;
    if spec.rows.is_empty() || spec.series.is_empty() || !spec.has_data() {
        return Ok(area.y);
    }
    let lang = Lang::from_code(&spec.lang);
    let mut y = area.y;
    y = title(svg, spec, area, lang, y);
    if needs_legend(spec) {
        y = legend(svg, spec, &colors, area, lang, y);
    }
    let scale = Scale::new(spec, area, lang);
    let texts: Vec<String> = (0..spec.rows.len()).map(|row| spec.row_name(row)).collect();
    let names = Name::fit_all(&texts, scale.name_width, lang);
    let rows = RowFit::new(spec, names, area.y + area.height - y);
    for row in 0..rows.shown {
        y = row_group(svg, spec, &colors, &scale, &rows, row, y);
    }
    if rows.hidden > 0 {
        y = overflow(svg, rows.hidden, area, lang, y);
    }
    Ok(y - ROW_GAP)
}

/// One colour per series and one per bar that has its own, darkened to 3:1 on white as
/// the page's chart does. A malformed colour is the caller's mistake: it is reported.
struct BarColors {
    series: Vec<String>,
    own: Vec<Vec<Option<String>>>,
}

fn bar_colors(spec: &ChartSpec) -> Result<BarColors, String> {
    let parse = |color: &str, series: &str| {
        mark_color(color).ok_or_else(|| {
            format!(
                "chart `{}`: series `{series}` has colour {color:?}; write it as \"#RRGGBB\"",
                spec.id
            )
        })
    };
    let mut colors = BarColors {
        series: Vec::with_capacity(spec.series.len()),
        own: Vec::with_capacity(spec.series.len()),
    };
    for series in &spec.series {
        colors.series.push(parse(&series.color, &series.label)?);
        let own = series
            .values
            .iter()
            .map(|v| match v.as_ref().and_then(|v| v.color.as_deref()) {
                Some(color) => parse(color, &series.label).map(Some),
                None => Ok(None),
            })
            .collect::<Result<Vec<_>, String>>()?;
        colors.own.push(own);
    }
    Ok(colors)
}

impl BarColors {
    fn of(&self, series: usize, row: usize) -> &str {
        self.own
            .get(series)
            .and_then(|own| own.get(row))
            .and_then(Option::as_deref)
            .or_else(|| self.series.get(series).map(String::as_str))
            .unwrap_or(MUTED)
    }
}

fn style(size: f64, weight: Weight, fill: &'static str, lang: Lang) -> TextStyle {
    TextStyle {
        size,
        weight,
        fill,
        lang,
    }
}

/// The chart's title, up to two lines. Returns the next y.
fn title(svg: &mut Svg, spec: &ChartSpec, area: Area, lang: Lang, top: f64) -> f64 {
    let style = style(TITLE_SIZE, Weight::Bold, INK, lang);
    let mut y = top;
    for line in wrap(&spec.title, area.width, TITLE_MAX_LINES, &|t| {
        style.width(t)
    }) {
        svg.text(area.x, y + TITLE_SIZE, &line, &style, Align::Start);
        y += TITLE_LINE;
    }
    if y > top { y + 6.0 } else { y }
}

/// Same rule as the page's chart: only several series need naming.
fn needs_legend(spec: &ChartSpec) -> bool {
    spec.series.len() > 1
}

/// Swatch + series name for each series, flowing onto more lines. Returns the next y.
fn legend(
    svg: &mut Svg,
    spec: &ChartSpec,
    colors: &BarColors,
    area: Area,
    lang: Lang,
    top: f64,
) -> f64 {
    let style = style(LEGEND_SIZE, Weight::Regular, MUTED, lang);
    let text_offset = SWATCH + 8.0;
    let room = area.width - text_offset;
    let (mut x, mut line_top) = (area.x, top);
    for (index, series) in spec.series.iter().enumerate() {
        let name = with_ellipsis_if_wide(&series.label, room, &style);
        let item = text_offset + style.width(&name);
        if x > area.x && x + item > area.x + area.width {
            x = area.x;
            line_top += LEGEND_LINE;
        }
        let center = line_top + LEGEND_LINE / 2.0;
        let color = colors.series.get(index).map_or(MUTED, String::as_str);
        svg.rect(x, center - SWATCH / 2.0, SWATCH, SWATCH, color, 3.0);
        svg.text(
            x + text_offset,
            center + 0.36 * LEGEND_SIZE,
            &name,
            &style,
            Align::Start,
        );
        x += item + 24.0;
    }
    line_top + LEGEND_LINE + 6.0
}

fn with_ellipsis_if_wide(text: &str, width: f64, style: &TextStyle) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if style.width(&text) <= width {
        text
    } else {
        with_ellipsis(&text, width, &|t| style.width(t))
    }
}

/// A row's name as drawn: the size and the lines that hold it whole.
struct Name {
    size: f64,
    lines: Vec<String>,
}

impl Name {
    /// Every row at one size, the largest at which each name fits in two lines of `width`
    /// (at the smallest size a name takes as many lines as it needs, up to
    /// `MAX_NAME_LINES`): rows of one chart read alike.
    fn fit_all(texts: &[String], width: f64, lang: Lang) -> Vec<Name> {
        let lines_at = |text: &str, size: f64, max: usize| {
            let style = style(size, Weight::Regular, INK, lang);
            let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
            wrap(&text, width, max, &|t| style.width(t))
        };
        let fits = |size: f64| texts.iter().all(|t| lines_at(t, size, 3).len() <= 2);
        let smallest = NAME_SIZES[NAME_SIZES.len() - 1];
        let size = NAME_SIZES
            .into_iter()
            .find(|&s| fits(s))
            .unwrap_or(smallest);
        texts
            .iter()
            .map(|t| Name {
                size,
                lines: lines_at(t, size, MAX_NAME_LINES),
            })
            .collect()
    }

    fn height(&self) -> f64 {
        self.lines.len() as f64 * self.size * NAME_LINE
    }
}

/// How many rows fit, how thick their bars are, and each row's name as drawn.
struct RowFit {
    shown: usize,
    hidden: usize,
    bar: f64,
    names: Vec<Name>,
}

impl RowFit {
    /// The thickest bars (up to `MAX_BAR`) at which every row fits, a row being as tall as
    /// its bars or its name, whichever is taller; else `MIN_BAR` and the rows that fit.
    fn new(spec: &ChartSpec, names: Vec<Name>, height: f64) -> RowFit {
        let rows = names.len();
        let series = spec.series.len() as f64;
        let group = |bar: f64| bar * series + BAR_GAP * (series - 1.0);
        let total = |bar: f64, shown: usize| -> f64 {
            names[..shown]
                .iter()
                .map(|n| group(bar).max(n.height()) + ROW_GAP)
                .sum::<f64>()
                - ROW_GAP
        };
        if total(MIN_BAR, rows) <= height {
            let mut bar = MAX_BAR;
            while bar > MIN_BAR && total(bar, rows) > height {
                bar -= 1.0;
            }
            return RowFit {
                shown: rows,
                hidden: 0,
                bar,
                names,
            };
        }
        // Room for the "+N more" line, then as many rows as fit with bars at MIN_BAR.
        let room = height - OVERFLOW_LINE - ROW_GAP;
        let shown = (0..=rows)
            .take_while(|&n| n == 0 || total(MIN_BAR, n) <= room)
            .last()
            .unwrap_or(0);
        RowFit {
            shown,
            hidden: rows - shown,
            bar: MIN_BAR,
            names,
        }
    }

    fn group_height(&self, series: usize) -> f64 {
        let series = series as f64;
        self.bar * series + BAR_GAP * (series - 1.0)
    }
}

/// The shared horizontal scale: name column, zero, and room for value labels.
struct Scale {
    name_x: f64,
    name_width: f64,
    zero_x: f64,
    per_unit: f64,
    zero_line: bool,
}

impl Scale {
    fn new(spec: &ChartSpec, area: Area, lang: Lang) -> Scale {
        let names = style(NAME_SIZE, Weight::Regular, INK, lang);
        let values = style(VALUE_SIZE, Weight::Regular, MUTED, lang);
        let widest_name = (0..spec.rows.len())
            .map(|row| names.width(&spec.row_name(row)))
            .fold(0.0, f64::max);
        let name_width = widest_name.min(area.width * NAME_SHARE).ceil();
        let (low, high) = spec.value_range();
        let (mut left_room, mut right_room) = (0.0_f64, 0.0_f64);
        for series in &spec.series {
            for value in &series.values {
                let (text, negative) = value_text(value.as_ref());
                let room = values.width(&text) + GAP;
                if negative {
                    left_room = left_room.max(room);
                } else {
                    right_room = right_room.max(room);
                }
            }
        }
        let plot_left = area.x + name_width + GAP;
        let span = (area.x + area.width - plot_left - left_room - right_room).max(0.0);
        let per_unit = if high > low { span / (high - low) } else { 0.0 };
        Scale {
            name_x: area.x,
            name_width,
            zero_x: (plot_left + left_room - low * per_unit).round(),
            per_unit,
            zero_line: spec.kind == crate::chart::Layout::Diverging || low < 0.0,
        }
    }
}

/// The label at a bar's end and whether it goes on the left (a negative value).
fn value_text(value: Option<&crate::chart::Value>) -> (String, bool) {
    match value {
        Some(v) => (
            v.label.split_whitespace().collect::<Vec<_>>().join(" "),
            v.number < 0.0,
        ),
        None => (NOT_AVAILABLE.to_string(), false),
    }
}

/// The row's name beside its group of bars, one bar per series, the shorter of the two
/// centred on the taller. Returns the next y.
fn row_group(
    svg: &mut Svg,
    spec: &ChartSpec,
    colors: &BarColors,
    scale: &Scale,
    rows: &RowFit,
    row: usize,
    top: f64,
) -> f64 {
    let name = &rows.names[row];
    let lang = Lang::from_code(&spec.lang);
    let names = style(name.size, Weight::Regular, INK, lang);
    let values = style(VALUE_SIZE, Weight::Regular, MUTED, lang);
    let bars = rows.group_height(spec.series.len());
    let group = bars.max(name.height());
    let line = name.size * NAME_LINE;
    let mut baseline = top + (group - name.height()) / 2.0 + line / 2.0 + 0.36 * name.size;
    for text in &name.lines {
        svg.text(scale.name_x, baseline, text, &names, Align::Start);
        baseline += line;
    }
    let top = top + (group - bars) / 2.0;
    let mut y = top;
    for (index, series) in spec.series.iter().enumerate() {
        let value = series.values.get(row).and_then(Option::as_ref);
        let number = value.map_or(0.0, |v| if v.number.is_finite() { v.number } else { 0.0 });
        let end = bar_end(scale.zero_x, number * scale.per_unit);
        // Whole pixels: sharp bar edges, and fewer colours for the PNG's palette.
        let (x0, x1) = (scale.zero_x.min(end).round(), scale.zero_x.max(end).round());
        if value.is_some() {
            svg.rect(x0, y, x1 - x0, rows.bar, colors.of(index, row), 0.0);
        }
        let (text, negative) = value_text(value);
        let baseline = y + rows.bar / 2.0 + 0.36 * VALUE_SIZE;
        if negative {
            svg.text(x0 - GAP / 2.0, baseline, &text, &values, Align::End);
        } else {
            svg.text(x1 + GAP / 2.0, baseline, &text, &values, Align::Start);
        }
        y += rows.bar + BAR_GAP;
    }
    if scale.zero_line {
        svg.line(
            (scale.zero_x, top - 3.0),
            (scale.zero_x, top + bars + 3.0),
            RULE,
            2.0,
        );
    }
    top - (group - bars) / 2.0 + group + ROW_GAP
}

/// A value that is not zero gets at least a sliver, so a small figure is still seen.
fn bar_end(zero_x: f64, length: f64) -> f64 {
    if length == 0.0 || length.abs() >= 2.0 {
        zero_x + length
    } else {
        zero_x + 2.0_f64.copysign(length)
    }
}

/// "+3 more rows in the article", under the last row shown. Returns the next y.
fn overflow(svg: &mut Svg, hidden: usize, area: Area, lang: Lang, top: f64) -> f64 {
    let text = match lang {
        Lang::Hindi => format!("+{hidden} और पंक्तियाँ लेख में"),
        Lang::English => format!("+{hidden} more in the article"),
    };
    let style = style(LEGEND_SIZE, Weight::Regular, MUTED, lang);
    svg.text(area.x, top + LEGEND_SIZE, &text, &style, Align::Start);
    top + OVERFLOW_LINE + ROW_GAP
}
