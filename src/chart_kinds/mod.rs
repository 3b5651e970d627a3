//! From a chart's options and a page's results to a drawn figure.
//!
//! The same path serves a ```` ```chart ```` block in an article and the `chart()` function
//! in templates: parse the options, check them against the page's results and the site's
//! parties, build a plain `ChartSpec` for the chosen kind, and let `chart` draw it.

use crate::chart::{self, ChartSpec, Highlight, Layout, Series, Source, Value};
use crate::config::{Digits, Party};
use crate::diagnostics::closest;
use crate::election::derive::{CandidateFigures, ResultFigures};
use crate::election::{PageResults, share};
use crate::numfmt;
use serde::Deserialize;
use std::collections::BTreeMap;

/// What a chart may read: the page's checked results and the site's parties.
pub struct ChartContext<'a> {
    pub results: &'a PageResults,
    pub parties: &'a BTreeMap<String, Party>,
    pub lang: &'a str,
    pub digits: Digits,
}

pub const KINDS: [&str; 4] = ["segments", "candidates", "contest", "swing"];

/// A chart's options as written in the block (TOML) or passed to `chart()`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChartOptions {
    pub kind: String,
    pub id: Option<String>,
    pub title: Option<String>,
    pub note: Option<String>,
    /// Replaces the results' own source line.
    pub source: Option<String>,
    /// `segments`: one bar per result; `swing`: [from, to].
    pub results: Option<Vec<String>>,
    /// `candidates`, `contest`: the result shown.
    pub result: Option<String>,
    /// `segments`, `swing`: the party followed.
    pub party: Option<String>,
    /// `segments`: a candidate instead of a party.
    pub candidate: Option<String>,
    /// `contest`: parties per segment (default 3); `candidates`: candidates shown before
    /// the rest are folded into "Others".
    pub top: Option<usize>,
    /// `candidates`: fold candidates under this vote share (percent) into "Others".
    pub others_below: Option<f64>,
    /// `segments`, `swing`: "data" (the result's segment order, default) or "votes".
    pub sort: Option<String>,
}

/// Which options each kind takes (besides kind, id, title, note, source).
fn allowed(kind: &str) -> &'static [&'static str] {
    match kind {
        "segments" => &["results", "party", "candidate", "sort"],
        "candidates" => &["result", "top", "others_below"],
        "contest" => &["result", "top"],
        "swing" => &["results", "party", "sort"],
        _ => &[],
    }
}

/// Parses a chart block's TOML.
pub fn parse_options(text: &str) -> Result<ChartOptions, String> {
    toml::from_str::<ChartOptions>(text).map_err(|e| {
        let message = crate::toml_errors::improve_message(e.message().trim());
        match e.span() {
            Some(span) => {
                let line = text[..span.start.min(text.len())].matches('\n').count() + 1;
                format!("{message} (line {line} of the chart block)")
            }
            None => message,
        }
    })
}

/// The `<figure>` for `options`, or what is wrong with them.
pub fn figure(
    options: &ChartOptions,
    ctx: &ChartContext<'_>,
    default_id: &str,
) -> Result<String, String> {
    let spec = spec(options, ctx, default_id)?;
    chart::render_figure(&spec).map_err(|e| e.to_string())
}

pub fn spec(
    options: &ChartOptions,
    ctx: &ChartContext<'_>,
    default_id: &str,
) -> Result<ChartSpec, String> {
    let kind = options.kind.as_str();
    if !KINDS.contains(&kind) {
        let hint = closest(kind, KINDS)
            .map(|k| format!("did you mean `{k}`? "))
            .unwrap_or_default();
        return Err(format!(
            "unknown chart kind `{kind}`; {hint}kinds: {}",
            KINDS.join(", ")
        ));
    }
    check_keys(options, kind)?;
    let id = options.id.clone().unwrap_or_else(|| default_id.to_string());
    let mut spec = match kind {
        "segments" => segments(options, ctx)?,
        "candidates" => candidates(options, ctx)?,
        "contest" => contest(options, ctx)?,
        _ => swing(options, ctx)?,
    };
    spec.id = id;
    if let Some(title) = &options.title {
        spec.title = title.clone();
    }
    if let Some(note) = &options.note {
        spec.note = Some(match spec.note.take() {
            Some(auto) => format!("{note} {auto}"),
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

fn check_keys(o: &ChartOptions, kind: &str) -> Result<(), String> {
    let given = [
        ("results", o.results.is_some()),
        ("result", o.result.is_some()),
        ("party", o.party.is_some()),
        ("candidate", o.candidate.is_some()),
        ("top", o.top.is_some()),
        ("others_below", o.others_below.is_some()),
        ("sort", o.sort.is_some()),
    ];
    let allowed = allowed(kind);
    for (key, present) in given {
        if present && !allowed.contains(&key) {
            return Err(format!(
                "`{key}` does not apply to a {kind} chart; it takes: {}, and title, note, source, id",
                allowed.join(", ")
            ));
        }
    }
    if let Some(sort) = &o.sort
        && sort != "data"
        && sort != "votes"
    {
        return Err(format!(
            "sort = \"{sort}\": use \"data\" (the segments' order) or \"votes\""
        ));
    }
    Ok(())
}

fn words(lang: &str) -> Words {
    if lang == "hi" {
        Words {
            segment: "विधानसभा क्षेत्र",
            candidate: "उम्मीदवार",
            votes: "वोट",
            others: "अन्य",
            winner: "विजेता",
            more_than: "से अधिक",
            swing_series: "वोट प्रतिशत में बदलाव (अंक)",
            partial_segments: "क्षेत्रवार प्रतिशत उन्हीं वोटों पर निकाला गया है जिनका क्षेत्रवार ब्योरा उपलब्ध है।",
        }
    } else {
        Words {
            segment: "Assembly segment",
            candidate: "Candidate",
            votes: "Votes",
            others: "Others",
            winner: "winner",
            more_than: "more than",
            swing_series: "Change in vote share (points)",
            partial_segments: "Segment shares are computed over the votes for which segment figures are given.",
        }
    }
}

struct Words {
    segment: &'static str,
    candidate: &'static str,
    votes: &'static str,
    others: &'static str,
    winner: &'static str,
    more_than: &'static str,
    swing_series: &'static str,
    partial_segments: &'static str,
}

impl ChartContext<'_> {
    fn result(&self, id: &str) -> Result<&ResultFigures, String> {
        self.results.find_result(id)
    }

    fn party(&self, code: &str) -> Result<&Party, String> {
        self.parties.get(code).ok_or_else(|| {
            let hint = closest(code, self.parties.keys().map(String::as_str))
                .map(|c| format!("; did you mean `{c}`?"))
                .unwrap_or_default();
            format!("party `{code}` is not defined in site.toml [parties]{hint}")
        })
    }

    fn short(&self, code: &str) -> String {
        self.parties
            .get(code)
            .map(|p| p.short.clone())
            .unwrap_or_else(|| code.to_string())
    }

    fn color(&self, code: &str) -> String {
        self.parties
            .get(code)
            .map(|p| p.color.clone())
            .unwrap_or_else(|| "#7a7a7a".to_string())
    }

    fn votes(&self, n: u64, approx: bool) -> String {
        let text = numfmt::inr_unsigned(n);
        let text = if approx {
            if self.lang == "hi" {
                format!("{text} {}", words(self.lang).more_than)
            } else {
                format!("{} {text}", words(self.lang).more_than)
            }
        } else {
            text
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
    // One link only when all results cite the same source.
    let url = if texts.len() == 1 { url } else { None };
    Some(Source {
        text: texts.join("; "),
        url,
    })
}

fn required<'o>(
    value: &'o Option<String>,
    key: &str,
    kind: &str,
    example: &str,
) -> Result<&'o str, String> {
    value
        .as_deref()
        .ok_or_else(|| format!("a {kind} chart needs `{key}`, e.g. {key} = {example}"))
}

fn results_list<'o>(o: &'o ChartOptions, kind: &str) -> Result<&'o [String], String> {
    match &o.results {
        Some(list) if !list.is_empty() => Ok(list),
        _ => Err(format!(
            "a {kind} chart needs `results`, e.g. results = [\"ls2019\", \"ls2024\"]"
        )),
    }
}

/// Segment names in the order of the first result, then any others' new ones.
fn segment_rows(results: &[&ResultFigures]) -> Vec<String> {
    let mut rows: Vec<String> = Vec::new();
    for r in results {
        for s in &r.segments {
            if !rows.contains(&s.name) {
                rows.push(s.name.clone());
            }
        }
    }
    rows
}

/// A lighter tint of a colour for earlier elections, so the latest stands out.
fn earlier_tint(hex: &str) -> String {
    let parse = |i: usize| u8::from_str_radix(hex.get(i..i + 2).unwrap_or("80"), 16).unwrap_or(128);
    let mix = |c: u8| (f64::from(c) + (255.0 - f64::from(c)) * 0.45).round() as u8;
    format!(
        "#{:02x}{:02x}{:02x}",
        mix(parse(1)),
        mix(parse(3)),
        mix(parse(5))
    )
}

/// `segments`: one party's (or candidate's) votes in each segment, one bar per result.
fn segments(o: &ChartOptions, ctx: &ChartContext<'_>) -> Result<ChartSpec, String> {
    let w = words(ctx.lang);
    let ids = results_list(o, "segments")?;
    let results = ids
        .iter()
        .map(|id| ctx.result(id))
        .collect::<Result<Vec<_>, _>>()?;
    let (follow, label, color) = match (&o.party, &o.candidate) {
        (Some(_), Some(_)) => return Err("give `party` or `candidate`, not both".into()),
        (Some(code), None) => {
            ctx.party(code)?;
            for r in &results {
                r.find_party(code)?;
            }
            (
                Follow::Party(code.as_str()),
                ctx.short(code),
                ctx.color(code),
            )
        }
        (None, Some(name)) => {
            let first = results[0].find_candidate(name)?;
            (
                Follow::Candidate(name.as_str()),
                name.clone(),
                ctx.color(&first.party),
            )
        }
        (None, None) => {
            return Err(
                "a segments chart needs `party` (e.g. party = \"INC\") or `candidate`".into(),
            );
        }
    };
    let mut rows = segment_rows(&results);
    if rows.is_empty() {
        return Err(format!(
            "result `{}` lists no segments to chart",
            results[0].id
        ));
    }
    let value = |r: &ResultFigures, segment: &str| -> Option<u64> {
        match follow {
            Follow::Party(code) => r.party_votes_in_segment(code, segment),
            Follow::Candidate(name) => r
                .find_candidate(name)
                .ok()?
                .by_segment
                .get(segment)
                .copied(),
        }
    };
    if o.sort.as_deref() == Some("votes")
        && let Some(last) = results.last()
    {
        rows.sort_by_key(|s| std::cmp::Reverse(value(last, s).unwrap_or(0)));
    }
    if results
        .iter()
        .all(|r| rows.iter().all(|s| value(r, s).is_none()))
    {
        return Err(format!(
            "no segment figures for {label} in {}",
            ids.join(", ")
        ));
    }
    let last = results.len() - 1;
    let series = results
        .iter()
        .enumerate()
        .map(|(i, r)| Series {
            label: r.election.clone(),
            color: if i == last {
                color.clone()
            } else {
                earlier_tint(&color)
            },
            values: rows
                .iter()
                .map(|s| value(r, s).map(|v| Value::new(v as f64, ctx.votes(v, r.approx))))
                .collect(),
        })
        .collect();
    let title = if ctx.lang == "hi" {
        format!("{label} के वोट, विधानसभा क्षेत्रवार")
    } else {
        format!("{label}: votes by assembly segment")
    };
    Ok(ChartSpec {
        id: String::new(),
        kind: Layout::Grouped,
        title,
        note: None,
        source: source_of(&results),
        lang: ctx.lang.to_string(),
        row_header: w.segment.to_string(),
        rows,
        series,
        highlight: None,
    })
}

#[derive(Clone, Copy)]
enum Follow<'a> {
    Party(&'a str),
    Candidate(&'a str),
}

/// `candidates`: every candidate of one result, most votes first, NOTA last; the small
/// ones optionally folded into "Others".
fn candidates(o: &ChartOptions, ctx: &ChartContext<'_>) -> Result<ChartSpec, String> {
    let w = words(ctx.lang);
    let result = ctx.result(required(&o.result, "result", "candidates", "\"ls2024\"")?)?;
    if let Some(threshold) = o.others_below
        && !(0.0..=100.0).contains(&threshold)
    {
        return Err(format!(
            "others_below = {threshold}: give a vote share in percent, between 0 and 100"
        ));
    }
    let (shown, folded): (Vec<&CandidateFigures>, Vec<&CandidateFigures>) = {
        let mut shown = Vec::new();
        let mut folded = Vec::new();
        for (i, c) in result.candidates.iter().enumerate() {
            let is_nota = c.party == "NOTA";
            let over_top = o.top.is_some_and(|top| i >= top) && !is_nota;
            let too_small =
                o.others_below.is_some_and(|t| c.share < t) && !is_nota && c.rank != Some(1);
            if over_top || too_small {
                folded.push(c)
            } else {
                shown.push(c)
            }
        }
        (shown, folded)
    };
    let mut rows = Vec::new();
    let mut values = Vec::new();
    let label = |c: &CandidateFigures| {
        format!(
            "{} ({})",
            ctx.votes(c.votes, c.approx),
            ctx.digits(numfmt::pct(c.share))
        )
    };
    let nota = shown.iter().position(|c| c.party == "NOTA");
    let (mut main, nota): (Vec<&CandidateFigures>, Option<&CandidateFigures>) = match nota {
        Some(i) => {
            let mut main = shown.clone();
            let n = main.remove(i);
            (main, Some(n))
        }
        None => (shown, None),
    };
    for c in main.drain(..) {
        rows.push(format!("{} · {}", c.name, ctx.short(&c.party)));
        values.push(Some(Value {
            color: Some(ctx.color(&c.party)),
            ..Value::new(c.votes as f64, label(c))
        }));
    }
    if !folded.is_empty() {
        let votes: u64 = folded.iter().map(|c| c.votes).sum();
        let approx = folded.iter().any(|c| c.approx);
        let pct = share::percent(votes, result.total);
        rows.push(format!(
            "{} ({})",
            w.others,
            ctx.digits(folded.len().to_string())
        ));
        values.push(Some(Value {
            color: Some("#7a7a7a".into()),
            ..Value::new(
                votes as f64,
                format!(
                    "{} ({})",
                    ctx.votes(votes, approx),
                    ctx.digits(numfmt::pct(pct))
                ),
            )
        }));
    }
    if let Some(c) = nota {
        rows.push(ctx.short("NOTA"));
        values.push(Some(Value {
            color: Some(ctx.color("NOTA")),
            ..Value::new(c.votes as f64, label(c))
        }));
    }
    let highlight = result
        .winner
        .as_ref()
        .filter(|_| !result.tie)
        .map(|_| Highlight {
            row: 0,
            label: w.winner.to_string(),
        });
    let color = result
        .winner
        .as_ref()
        .map(|c| ctx.color(&c.party))
        .unwrap_or_else(|| "#7a7a7a".into());
    let title = if ctx.lang == "hi" {
        format!(
            "{} {}: उम्मीदवारों के वोट",
            result.constituency, result.election
        )
    } else {
        format!(
            "{}, {}: votes by candidate",
            result.constituency, result.election
        )
    };
    Ok(ChartSpec {
        id: String::new(),
        kind: Layout::Grouped,
        title,
        note: None,
        source: source_of(&[result]),
        lang: ctx.lang.to_string(),
        row_header: w.candidate.to_string(),
        rows,
        series: vec![Series {
            label: w.votes.to_string(),
            color,
            values,
        }],
        highlight,
    })
}

/// `contest`: in each segment, the votes of the result's top N parties side by side.
fn contest(o: &ChartOptions, ctx: &ChartContext<'_>) -> Result<ChartSpec, String> {
    let w = words(ctx.lang);
    let result = ctx.result(required(&o.result, "result", "contest", "\"ls2024\"")?)?;
    let top = o.top.unwrap_or(3);
    if top == 0 {
        return Err(
            "top = 0 shows nothing; give how many parties to show per segment, e.g. top = 3".into(),
        );
    }
    let rows = segment_rows(&[result]);
    if rows.is_empty() {
        return Err(format!("result `{}` lists no segments to chart", result.id));
    }
    let parties: Vec<&String> = result
        .party_order
        .iter()
        .filter(|p| p.as_str() != "NOTA")
        .filter(|p| {
            rows.iter()
                .any(|s| result.party_votes_in_segment(p, s).is_some())
        })
        .take(top)
        .collect();
    if parties.is_empty() {
        return Err(format!(
            "result `{}` has no segment figures for any party",
            result.id
        ));
    }
    let series = parties
        .iter()
        .map(|code| Series {
            label: ctx.short(code),
            color: ctx.color(code),
            values: rows
                .iter()
                .map(|s| {
                    result
                        .party_votes_in_segment(code, s)
                        .map(|v| Value::new(v as f64, ctx.votes(v, result.approx)))
                })
                .collect(),
        })
        .collect();
    let title = if ctx.lang == "hi" {
        format!(
            "{} {}: विधानसभा क्षेत्रवार मुकाबला",
            result.constituency, result.election
        )
    } else {
        format!(
            "{}, {}: the contest in each assembly segment",
            result.constituency, result.election
        )
    };
    Ok(ChartSpec {
        id: String::new(),
        kind: Layout::Grouped,
        title,
        note: None,
        source: source_of(&[result]),
        lang: ctx.lang.to_string(),
        row_header: w.segment.to_string(),
        rows,
        series,
        highlight: None,
    })
}

/// `swing`: the change in one party's vote share in each segment between two results.
fn swing(o: &ChartOptions, ctx: &ChartContext<'_>) -> Result<ChartSpec, String> {
    let w = words(ctx.lang);
    let ids = results_list(o, "swing")?;
    let [from_id, to_id] = ids else {
        return Err(format!(
            "a swing chart compares two results: results = [\"from\", \"to\"], got {}",
            ids.len()
        ));
    };
    let (from, to) = (ctx.result(from_id)?, ctx.result(to_id)?);
    let code = required(&o.party, "party", "swing", "\"INC\"")?;
    ctx.party(code)?;
    from.find_party(code)?;
    to.find_party(code)?;
    let mut rows = segment_rows(&[to, from]);
    if rows.is_empty() {
        return Err(format!(
            "results `{from_id}` and `{to_id}` list no segments to chart"
        ));
    }
    let share_in = |r: &ResultFigures, segment: &str| -> Option<(u64, u64)> {
        let s = r.segments.iter().find(|s| s.name == segment)?;
        Some((s.parties.get(code).copied()?, s.total))
    };
    let points = |segment: &str| -> Option<f64> {
        let (a, a_total) = share_in(to, segment)?;
        let (b, b_total) = share_in(from, segment)?;
        (a_total > 0 && b_total > 0).then(|| share::points_between(a, a_total, b, b_total))
    };
    if o.sort.as_deref() == Some("votes") {
        rows.sort_by(|a, b| {
            points(b)
                .unwrap_or(f64::MIN)
                .total_cmp(&points(a).unwrap_or(f64::MIN))
        });
    }
    if rows.iter().all(|s| points(s).is_none()) {
        return Err(format!(
            "no segment figures for {code} in both {from_id} and {to_id}"
        ));
    }
    let values = rows
        .iter()
        .map(|s| points(s).map(|p| Value::new(p, ctx.digits(numfmt::signed(p, 2)))))
        .collect();
    let partial = [from, to].iter().any(|r| {
        r.segments
            .iter()
            .any(|s| rows.contains(&s.name) && !s.complete)
    });
    let short = ctx.short(code);
    let title = if ctx.lang == "hi" {
        format!(
            "{short} के वोट प्रतिशत में बदलाव, {} से {}",
            from.election, to.election
        )
    } else {
        format!(
            "{short}: change in vote share, {} to {}",
            from.election, to.election
        )
    };
    Ok(ChartSpec {
        id: String::new(),
        kind: Layout::Diverging,
        title,
        note: partial.then(|| w.partial_segments.to_string()),
        source: source_of(&[from, to]),
        lang: ctx.lang.to_string(),
        row_header: w.segment.to_string(),
        rows,
        series: vec![Series {
            label: w.swing_series.to_string(),
            color: ctx.color(code),
            values,
        }],
        highlight: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn earlier_results_are_a_lighter_tint() {
        assert_eq!(earlier_tint("#19aaed"), "#81d0f5");
    }

    #[test]
    fn unknown_keys_and_kinds_are_explained() {
        let e = parse_options("kind = \"segments\"\nparti = \"INC\"\n").unwrap_err();
        assert_eq!(
            e,
            "unknown key `parti`; did you mean `party`? (line 2 of the chart block)"
        );
        let o = parse_options("kind = \"segment\"").unwrap();
        let results = PageResults::default();
        let parties = BTreeMap::new();
        let ctx = ChartContext {
            results: &results,
            parties: &parties,
            lang: "hi",
            digits: Digits::Latin,
        };
        assert_eq!(
            spec(&o, &ctx, "c").unwrap_err(),
            "unknown chart kind `segment`; did you mean `segments`? kinds: segments, candidates, contest, swing"
        );
        let o = parse_options("kind = \"contest\"\nparty = \"INC\"").unwrap();
        assert_eq!(
            spec(&o, &ctx, "c").unwrap_err(),
            "`party` does not apply to a contest chart; it takes: result, top, and title, note, source, id"
        );
    }
}
