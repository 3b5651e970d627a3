//! From a chart's options and a page's results to a drawn figure.
//!
//! The same path serves a ```` ```chart ```` block in an article and the `chart()` function
//! in templates: `options` checks the keys, each kind's module checks the options against
//! the page's results and the site's parties and builds a plain `ChartSpec`, and `chart`
//! draws it. Every figure a kind shows comes from `election::derive`; the one percentage
//! computed here (a segment swing) goes through `election::share`.

mod candidates;
mod contest;
mod options;
mod reported;
mod seats;
mod segments;
mod swing;
mod words;

pub use options::{COMMON_KEYS, ChartOptions, Kind, OptionError, Sort, parse_options};

use crate::chart::{self, ChartSpec, Source};
use crate::config::{Digits, Party};
use crate::diagnostics::closest;
use crate::election::{PageResults, ResultFigures};
use crate::numfmt;
use std::collections::BTreeMap;
use words::Words;

/// Bars with no party colour of their own: "Others", unknown parties.
const NEUTRAL: &str = "#6b6b6b";

/// What a chart may read: the page's checked results and the site's parties.
pub struct ChartContext<'a> {
    pub results: &'a PageResults,
    /// Every seat of the site and the alliances, for `seats` charts.
    pub ledger: &'a crate::election::tally::Ledger,
    pub alliances: &'a crate::election::Alliances,
    pub parties: &'a BTreeMap<String, Party>,
    pub lang: &'a str,
    pub digits: Digits,
}

/// The most rows any chart draws (a candidates chart folds the rest into "Others").
pub const MAX_ROWS: usize = 60;

/// The `<figure>` for `options`, or what is wrong with them.
pub fn figure(
    options: &ChartOptions,
    ctx: &ChartContext<'_>,
    default_id: &str,
) -> Result<String, String> {
    let spec = spec(options, ctx, default_id)?;
    chart::render_figure(&spec).map_err(|e| e.to_string())
}

/// The chart as plain data: the kind's spec with the options' title, note and source.
pub fn spec(
    options: &ChartOptions,
    ctx: &ChartContext<'_>,
    default_id: &str,
) -> Result<ChartSpec, String> {
    let mut spec = match options.kind {
        Kind::Segments => segments::spec(options, ctx)?,
        Kind::Candidates => candidates::spec(options, ctx)?,
        Kind::Contest => contest::spec(options, ctx)?,
        Kind::Swing => swing::spec(options, ctx)?,
        Kind::Reported => reported::spec(options, ctx)?,
        Kind::Seats => seats::spec(options, ctx)?,
    };
    if spec.rows.len() > MAX_ROWS {
        return Err(format!(
            "this chart would have {} rows; a chart draws at most {MAX_ROWS} (more would not fit a screen): \
             choose fewer segments or results, or use `top`",
            spec.rows.len()
        ));
    }
    spec.id = options.id.clone().unwrap_or_else(|| default_id.to_string());
    if let Some(title) = &options.title {
        spec.title = title.clone();
    }
    if let Some(note) = &options.note {
        spec.note = Some(match spec.note.take() {
            Some(automatic) => format!("{note} {automatic}"),
            None => note.clone(),
        });
    }
    if let Some(source) = &options.source {
        spec.source = Some(Source {
            text: source.clone(),
            url: None,
        });
    }
    Ok(spec)
}

impl ChartContext<'_> {
    fn words(&self) -> &'static Words {
        words::for_lang(self.lang)
    }

    fn result(&self, id: &str) -> Result<&ResultFigures, String> {
        self.results.find_result(id)
    }

    /// The results named by `results = [...]`: at least one, each once, each on the page.
    fn results_named(&self, ids: &[String], kind: Kind) -> Result<Vec<&ResultFigures>, String> {
        if ids.is_empty() {
            let here = self.results.ids();
            let example = if here.is_empty() {
                "[\"ls2019\", \"ls2024\"]".to_string()
            } else {
                format!("[\"{}\"]", here.join("\", \""))
            };
            return Err(format!(
                "a {} chart needs `results`, e.g. results = {example}",
                kind.name()
            ));
        }
        for (i, id) in ids.iter().enumerate() {
            if ids[..i].contains(id) {
                return Err(format!("`results` names `{id}` twice"));
            }
        }
        ids.iter().map(|id| self.result(id)).collect()
    }

    /// The site's party `code`, or what the site does define.
    fn party(&self, code: &str) -> Result<&Party, String> {
        self.parties.get(code).ok_or_else(|| {
            let codes = self.parties.keys().map(String::as_str);
            let hint = closest(code, codes.clone())
                .map(|c| format!("; did you mean `{c}`?"))
                .unwrap_or_default();
            let list: Vec<&str> = codes.collect();
            format!(
                "party `{code}` is not defined in site.toml [parties]{hint}; parties: {}",
                list.join(", ")
            )
        })
    }

    /// The party's short name in the page's language.
    fn short(&self, code: &str) -> String {
        self.parties
            .get(code)
            .map_or_else(|| code.to_string(), |p| p.names(self.lang).short)
    }

    fn color(&self, code: &str) -> String {
        self.parties
            .get(code)
            .map_or_else(|| NEUTRAL.to_string(), |p| p.color.clone())
    }

    /// A vote count as readers see it: "1,15,028", "4,43,055 से अधिक".
    fn votes(&self, n: u64, approx: bool) -> String {
        let number = numfmt::inr_unsigned(n);
        let text = if approx {
            self.words().more_than(&number)
        } else {
            number
        };
        self.digits(text)
    }

    fn digits(&self, text: String) -> String {
        match self.digits {
            Digits::Latin => text,
            Digits::Devanagari => numfmt::devanagari_digits(&text),
        }
    }
}

/// The results' source lines, each once; linked only when all cite the same source.
fn source_of(results: &[&ResultFigures]) -> Option<Source> {
    let mut texts: Vec<&str> = Vec::new();
    let mut url = None;
    for r in results {
        if let Some(s) = &r.source {
            if !texts.contains(&s.text.as_str()) {
                texts.push(&s.text);
            }
            if url.is_none() {
                url = s.url.clone();
            }
        }
    }
    if texts.is_empty() {
        return None;
    }
    let url = if texts.len() == 1 { url } else { None };
    Some(Source {
        text: texts.join("; "),
        url,
    })
}

/// The value of a required option that names a result, party or candidate.
fn required<'o>(
    value: &'o Option<String>,
    key: &str,
    kind: Kind,
    example: &str,
) -> Result<&'o str, String> {
    value.as_deref().ok_or_else(|| {
        format!(
            "a {} chart needs `{key}`, e.g. {key} = {example}",
            kind.name()
        )
    })
}

/// A result id to suggest in messages: the page's last result, or a typical one.
fn example_result(ctx: &ChartContext<'_>) -> String {
    let ids = ctx.results.ids();
    format!("\"{}\"", ids.last().copied().unwrap_or("ls2024"))
}

/// Segment charts need the result's `segments` list (and `by_segment` figures).
fn require_segments(result: &ResultFigures, kind: Kind) -> Result<(), String> {
    if result.segments.is_empty() {
        Err(format!(
            "result `{}` lists no segments, so a {} chart has nothing to show; give the result `segments = [...]` and its candidates `by_segment` figures",
            result.id,
            kind.name()
        ))
    } else {
        Ok(())
    }
}

/// Segment names in the order of the first result, then any others' new ones. A segment
/// that is the same assembly segment as one already listed (same AC number, or its name
/// spelled another way) is not a new row: `ResultFigures::segment_for_row` finds it.
fn segment_rows(results: &[&ResultFigures]) -> Vec<String> {
    let mut rows: Vec<&crate::election::SegmentFigures> = Vec::new();
    for r in results {
        for s in &r.segments {
            if !rows
                .iter()
                .any(|row| row.name == s.name || row.same_segment(s))
            {
                rows.push(s);
            }
        }
    }
    rows.into_iter().map(|s| s.name.clone()).collect()
}

#[cfg(test)]
mod tests;
