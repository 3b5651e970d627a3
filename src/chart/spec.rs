//! The chart engine's input: plain data a caller fills in, and the checks run on it.
//!
//! Nothing here knows about elections; `election` turns results into a `ChartSpec`.
//! Numbers arrive twice on purpose: `Value::number` sizes the bar, `Value::label` is what
//! readers see (pre-formatted by the caller in Indian grouping, "> 2.5 लाख", "+10.43").

use std::fmt;

use super::color::Rgb;

/// How bars are arranged. Both draw horizontal bars, one per series per row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Bars grow right from zero. Negative values, if any, grow left of a zero line.
    Grouped,
    /// Signed values around a zero line that is always drawn (swings, margins).
    Diverging,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChartSpec {
    /// Unique on the page; element ids (`{id}-title`, `{id}-desc`, …) derive from it.
    pub id: String,
    pub kind: Layout,
    pub title: String,
    pub note: Option<String>,
    pub source: Option<Source>,
    /// "hi" gives Hindi words ("स्रोत"), anything else English; also the `lang` attribute.
    pub lang: String,
    /// Header of the table's first column, e.g. "विधानसभा क्षेत्र".
    pub row_header: String,
    /// Row names, top to bottom (segments, candidates).
    pub rows: Vec<String>,
    pub series: Vec<Series>,
    pub highlight: Option<Highlight>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Source {
    pub text: String,
    /// Linked when given; only `http(s)://` or site-relative addresses are accepted.
    pub url: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub label: String,
    /// `#RRGGBB` (or `#RGB`); darkened for bars when too light against white.
    pub color: String,
    /// One per row, in row order; `None` where the figure is not known.
    pub values: Vec<Option<Value>>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Value {
    pub number: f64,
    pub label: String,
    /// Paints this bar in its own colour (e.g. each candidate in their party's), instead
    /// of the series colour. `#RRGGBB`.
    pub color: Option<String>,
}

/// A row to single out (the winner in a candidates chart). The label is shown as text
/// beside the row name, so the mark never rests on colour or weight alone.
#[derive(Debug, Clone, PartialEq)]
pub struct Highlight {
    pub row: usize,
    pub label: String,
}

impl Value {
    pub fn new(number: f64, label: impl Into<String>) -> Self {
        Value {
            number,
            label: label.into(),
            color: None,
        }
    }
}

/// A caller mistake that would otherwise draw a wrong chart. Messages name the chart.
#[derive(Debug, Clone, PartialEq)]
pub enum ChartError {
    /// The id is empty or has whitespace (ids are joined with spaces in `aria-labelledby`).
    InvalidId {
        id: String,
    },
    InvalidColor {
        id: String,
        series: String,
        color: String,
    },
    ValueCount {
        id: String,
        series: String,
        values: usize,
        rows: usize,
    },
    HighlightOutOfRange {
        id: String,
        row: usize,
        rows: usize,
    },
    UnsafeSourceUrl {
        id: String,
        url: String,
    },
    /// plotters refused to draw; with bundled fonts and a String target this is a bug.
    Draw {
        id: String,
        message: String,
    },
}

impl fmt::Display for ChartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChartError::InvalidId { id } => write!(
                f,
                "chart id {id:?} must be non-empty and have no spaces (it becomes an HTML id)"
            ),
            ChartError::InvalidColor { id, series, color } => write!(
                f,
                "chart `{id}`: series `{series}` has colour {color:?}; write it as \"#RRGGBB\", e.g. \"#19AAED\""
            ),
            ChartError::ValueCount {
                id,
                series,
                values,
                rows,
            } => write!(
                f,
                "chart `{id}`: series `{series}` has {values} values for {rows} rows; give one per row (none where unknown)"
            ),
            ChartError::HighlightOutOfRange { id, row, rows } => write!(
                f,
                "chart `{id}`: highlighted row {row} does not exist (there are {rows} rows, counted from 0)"
            ),
            ChartError::UnsafeSourceUrl { id, url } => write!(
                f,
                "chart `{id}`: source link {url:?} must start with http://, https:// or /"
            ),
            ChartError::Draw { id, message } => {
                write!(f, "chart `{id}` could not be drawn: {message}")
            }
        }
    }
}

impl std::error::Error for ChartError {}

/// A spec that passed `check`: colours parsed, counts consistent.
pub(crate) struct Checked<'a> {
    pub spec: &'a ChartSpec,
    /// One per series, in series order.
    pub colors: Vec<Rgb>,
}

pub(crate) fn check(spec: &ChartSpec) -> Result<Checked<'_>, ChartError> {
    let id = &spec.id;
    if id.is_empty() || id.chars().any(char::is_whitespace) {
        return Err(ChartError::InvalidId { id: id.clone() });
    }
    let mut colors = Vec::with_capacity(spec.series.len());
    for series in &spec.series {
        let color = Rgb::parse(&series.color).ok_or_else(|| ChartError::InvalidColor {
            id: id.clone(),
            series: series.label.clone(),
            color: series.color.clone(),
        })?;
        colors.push(color);
        for value in series.values.iter().flatten() {
            if let Some(own) = &value.color
                && Rgb::parse(own).is_none()
            {
                return Err(ChartError::InvalidColor {
                    id: id.clone(),
                    series: series.label.clone(),
                    color: own.clone(),
                });
            }
        }
        if series.values.len() != spec.rows.len() {
            return Err(ChartError::ValueCount {
                id: id.clone(),
                series: series.label.clone(),
                values: series.values.len(),
                rows: spec.rows.len(),
            });
        }
    }
    if let Some(highlight) = &spec.highlight
        && highlight.row >= spec.rows.len()
    {
        return Err(ChartError::HighlightOutOfRange {
            id: id.clone(),
            row: highlight.row,
            rows: spec.rows.len(),
        });
    }
    if let Some(url) = spec.source.as_ref().and_then(|s| s.url.as_ref())
        && !is_safe_url(url)
    {
        return Err(ChartError::UnsafeSourceUrl {
            id: id.clone(),
            url: url.clone(),
        });
    }
    Ok(Checked { spec, colors })
}

/// Rejects `javascript:` and other schemes a source link has no business using.
fn is_safe_url(url: &str) -> bool {
    let lower = url.trim_start().to_ascii_lowercase();
    lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with('/')
}

impl ChartSpec {
    /// The row name as shown everywhere: with the highlight's label when it is that row.
    pub(crate) fn row_name(&self, row: usize) -> String {
        let name = self.rows.get(row).map(String::as_str).unwrap_or_default();
        match &self.highlight {
            Some(h) if h.row == row && !h.label.is_empty() => format!("{name} ({})", h.label),
            _ => name.to_string(),
        }
    }

    /// The smallest and largest finite values, each widened to include zero (bars grow
    /// from zero).
    pub(crate) fn value_range(&self) -> (f64, f64) {
        let numbers = || {
            self.series
                .iter()
                .flat_map(|s| s.values.iter().flatten())
                .map(|v| v.number)
                .filter(|n| n.is_finite())
        };
        (numbers().fold(0.0, f64::min), numbers().fold(0.0, f64::max))
    }

    pub(crate) fn has_data(&self) -> bool {
        self.series
            .iter()
            .any(|s| s.values.iter().any(Option::is_some))
    }
}
