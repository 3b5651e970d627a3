//! A chart's options, as written in a ```` ```chart ```` block (TOML) or passed to the
//! `chart()` template function: one table of keys, checked here against the chart kind.
//!
//! Which key applies to which kind is data (`Kind::keys`), so the messages for an unknown
//! or misplaced key list exactly what the chart takes.

use crate::diagnostics::closest;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Segments,
    Candidates,
    Contest,
    Swing,
    Reported,
    Seats,
}

/// Keys every chart takes besides its kind's own.
pub const COMMON_KEYS: [&str; 5] = ["kind", "title", "note", "source", "id"];

impl Kind {
    pub const ALL: [Kind; 6] = [
        Kind::Segments,
        Kind::Candidates,
        Kind::Contest,
        Kind::Swing,
        Kind::Reported,
        Kind::Seats,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Kind::Segments => "segments",
            Kind::Candidates => "candidates",
            Kind::Contest => "contest",
            Kind::Swing => "swing",
            Kind::Reported => "reported",
            Kind::Seats => "seats",
        }
    }

    /// The keys of this kind, besides `COMMON_KEYS`.
    pub fn keys(self) -> &'static [&'static str] {
        match self {
            Kind::Segments => &["results", "party", "candidate", "sort"],
            Kind::Candidates => &["result", "top", "others_below"],
            Kind::Contest => &["result", "top"],
            Kind::Swing => &["results", "party", "sort"],
            Kind::Reported => &["result", "party", "reported", "report"],
            Kind::Seats => &["election", "state", "section", "by"],
        }
    }

    /// The `sort` values this kind accepts, the default first.
    pub fn sorts(self) -> &'static [Sort] {
        match self {
            Kind::Segments => &[Sort::Data, Sort::Votes],
            Kind::Swing => &[Sort::Data, Sort::Change],
            Kind::Candidates | Kind::Contest | Kind::Reported | Kind::Seats => &[],
        }
    }

    fn parse(name: &str) -> Result<Kind, String> {
        if let Some(kind) = Kind::ALL.into_iter().find(|k| k.name() == name) {
            return Ok(kind);
        }
        let names = Kind::ALL.map(Kind::name);
        let hint = closest(name, names)
            .map(|k| format!("did you mean `{k}`? "))
            .unwrap_or_default();
        Err(format!(
            "unknown chart kind `{name}`; {hint}kinds: {}",
            names.join(", ")
        ))
    }

    /// "results, party, candidate, sort, and title, note, source, id".
    fn key_list(self) -> String {
        format!(
            "{}, and {}",
            self.keys().join(", "),
            COMMON_KEYS[1..].join(", ")
        )
    }
}

/// Row order of `segments` and `swing` charts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Sort {
    /// The order the result lists its segments in.
    Data,
    /// Most votes in the latest result first (`segments`).
    Votes,
    /// Largest gain first (`swing`).
    Change,
}

impl Sort {
    pub fn name(self) -> &'static str {
        match self {
            Sort::Data => "data",
            Sort::Votes => "votes",
            Sort::Change => "change",
        }
    }
}

/// Checked options. Keys a kind does not take are refused before this is built, so a
/// field that does not apply to the kind is always empty.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartOptions {
    pub kind: Kind,
    pub id: Option<String>,
    pub title: Option<String>,
    pub note: Option<String>,
    /// Replaces the results' own source line.
    pub source: Option<String>,
    /// `segments`: one bar per result; `swing`: [from, to].
    pub results: Vec<String>,
    /// `candidates`, `contest`: the result shown.
    pub result: Option<String>,
    /// `segments`, `swing`: the party followed.
    pub party: Option<String>,
    /// `segments`: a candidate instead of a party.
    pub candidate: Option<String>,
    /// `contest`: parties per segment; `candidates`: candidates shown before the rest are
    /// folded into "Others".
    pub top: Option<usize>,
    /// `candidates`: fold candidates under this vote share (percent) into "Others".
    pub others_below: Option<f64>,
    pub sort: Sort,
    /// `reported`: segment → the figure(s) a report gave for it (rows follow the result).
    pub reported: Vec<(String, Vec<u64>)>,
    /// `reported`: what the report is called in the chart (the series name).
    pub report: Option<String>,
    /// `seats`: the tally drawn (as for `tally()`): election, state, section, and `by`
    /// ("party" or "alliance").
    pub election: Option<String>,
    pub state: Option<String>,
    pub section: Option<String>,
    pub by: Option<String>,
}

/// A report that contradicts itself gives a segment two figures, rarely more.
pub const MAX_REPORTED_FIGURES: usize = 3;

/// What is wrong with the options, and the key it is about (to find its line in a block).
#[derive(Debug, Clone, PartialEq)]
pub struct OptionError {
    pub key: Option<String>,
    pub message: String,
}

impl OptionError {
    fn about(key: &str, message: String) -> OptionError {
        OptionError {
            key: Some(key.to_string()),
            message,
        }
    }
}

/// Parses a chart block's TOML. Messages about one key say which line of the block it is on.
pub fn parse_options(text: &str) -> Result<ChartOptions, String> {
    let table: toml::Table = toml::from_str(text).map_err(|e| syntax_message(text, &e))?;
    let options = ChartOptions::from_table(&table).map_err(|e| {
        match e.key.and_then(|k| line_of_key(text, &k)) {
            Some(line) => format!("{} (line {line} of the chart block)", e.message),
            None => e.message,
        }
    })?;
    Ok(options.unescaped())
}

/// Undoes the HTML escaping of the prose engine. A chart block is rendered with the rest
/// of the body, so `title = "{{ results.r1.winner.name }}"` arrives as `&quot;…` for a
/// name with a `"`; the chart escapes its text itself, and would show `&quot;`.
fn unescape_html(text: &str) -> String {
    if !text.contains('&') {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let entity = [
            ("&quot;", '"'),
            ("&#39;", '\''),
            ("&#x27;", '\''),
            ("&lt;", '<'),
            ("&gt;", '>'),
            ("&amp;", '&'),
        ]
        .into_iter()
        .find(|(e, _)| rest.starts_with(e));
        match entity {
            Some((e, c)) => {
                out.push(c);
                rest = &rest[e.len()..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

impl ChartOptions {
    fn unescaped(self) -> ChartOptions {
        let one = |s: Option<String>| s.map(|s| unescape_html(&s));
        ChartOptions {
            id: one(self.id),
            title: one(self.title),
            note: one(self.note),
            source: one(self.source),
            results: self.results.iter().map(|s| unescape_html(s)).collect(),
            result: one(self.result),
            party: one(self.party),
            candidate: one(self.candidate),
            election: one(self.election),
            state: one(self.state),
            section: one(self.section),
            ..self
        }
    }
}

fn syntax_message(text: &str, e: &toml::de::Error) -> String {
    let message = crate::toml_errors::improve_message(e.message().trim());
    match e.span() {
        Some(span) => {
            let line = text[..span.start.min(text.len())].matches('\n').count() + 1;
            format!("{message} (line {line} of the chart block)")
        }
        None => message,
    }
}

/// The 1-based line of the block on which `key = …` is written.
fn line_of_key(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .position(|line| {
            let line = line.trim_start();
            let rest = line
                .strip_prefix(key)
                .or_else(|| line.strip_prefix(&format!("\"{key}\"")));
            rest.is_some_and(|r| r.trim_start().starts_with('='))
        })
        .map(|i| i + 1)
}

impl ChartOptions {
    /// Checks a table of options (from a block or from `chart()`'s arguments).
    pub fn from_table(table: &toml::Table) -> Result<ChartOptions, OptionError> {
        let kind = kind_of(table)?;
        for key in table.keys() {
            check_key(kind, key)?;
        }
        let options = ChartOptions {
            kind,
            id: text(table, "id")?,
            title: text(table, "title")?,
            note: text(table, "note")?,
            source: text(table, "source")?,
            results: text_list(table, "results")?,
            result: text(table, "result")?,
            party: text(table, "party")?,
            candidate: text(table, "candidate")?,
            top: count(table, "top")?,
            others_below: percent(table, "others_below")?,
            sort: sort(table, kind)?,
            reported: reported(table, "reported")?,
            report: text(table, "report")?,
            election: text(table, "election")?,
            state: text(table, "state")?,
            section: text(table, "section")?,
            by: text(table, "by")?,
        };
        Ok(options)
    }
}

fn kind_of(table: &toml::Table) -> Result<Kind, OptionError> {
    let names = Kind::ALL.map(Kind::name).join(", ");
    match table.get("kind") {
        None => Err(OptionError {
            key: None,
            message: format!("a chart needs `kind`, one of: {names}"),
        }),
        Some(toml::Value::String(name)) => {
            Kind::parse(name).map_err(|message| OptionError::about("kind", message))
        }
        Some(other) => Err(OptionError::about(
            "kind",
            format!("`kind` must be text, one of: {names}; got {other}"),
        )),
    }
}

fn check_key(kind: Kind, key: &str) -> Result<(), OptionError> {
    if COMMON_KEYS.contains(&key) || kind.keys().contains(&key) {
        return Ok(());
    }
    let takes = format!("{} chart takes: {}", kind.name(), kind.key_list());
    let elsewhere: Vec<&str> = Kind::ALL
        .into_iter()
        .filter(|k| k.keys().contains(&key))
        .map(Kind::name)
        .collect();
    let message = if elsewhere.is_empty() {
        let every_key = COMMON_KEYS.iter().chain(kind.keys()).copied();
        match closest(key, every_key) {
            Some(k) => format!("unknown key `{key}`; did you mean `{k}`? A {takes}"),
            None => format!("unknown key `{key}`; a {takes}"),
        }
    } else {
        format!(
            "`{key}` does not apply to a {} chart, only to {}; a {takes}",
            kind.name(),
            elsewhere.join(", ")
        )
    };
    Err(OptionError::about(key, message))
}

fn text(table: &toml::Table, key: &str) -> Result<Option<String>, OptionError> {
    match table.get(key) {
        None => Ok(None),
        Some(toml::Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(OptionError::about(
            key,
            format!("`{key}` must be text in quotes, e.g. {key} = \"…\"; got {other}"),
        )),
    }
}

fn text_list(table: &toml::Table, key: &str) -> Result<Vec<String>, OptionError> {
    let wrong = |got: &toml::Value| {
        OptionError::about(
            key,
            format!(
                "`{key}` must be a list of result ids, e.g. {key} = [\"ls2019\", \"ls2024\"]; got {got}"
            ),
        )
    };
    match table.get(key) {
        None => Ok(Vec::new()),
        Some(toml::Value::Array(items)) => items
            .iter()
            .map(|item| match item {
                toml::Value::String(s) => Ok(s.clone()),
                other => Err(wrong(other)),
            })
            .collect(),
        Some(other) => Err(wrong(other)),
    }
}

fn count(table: &toml::Table, key: &str) -> Result<Option<usize>, OptionError> {
    match table.get(key) {
        None => Ok(None),
        Some(toml::Value::Integer(n)) if *n >= 1 => Ok(usize::try_from(*n).ok()),
        Some(other) => Err(OptionError::about(
            key,
            format!("`{key}` must be a whole number of at least 1, e.g. {key} = 3; got {other}"),
        )),
    }
}

fn percent(table: &toml::Table, key: &str) -> Result<Option<f64>, OptionError> {
    let value = match table.get(key) {
        None => return Ok(None),
        Some(toml::Value::Integer(n)) => Some(*n as f64),
        Some(toml::Value::Float(x)) => Some(*x),
        Some(_) => None,
    };
    match value {
        Some(x) if (0.0..=100.0).contains(&x) => Ok(Some(x)),
        _ => Err(OptionError::about(
            key,
            format!(
                "`{key}` must be a vote share in percent between 0 and 100, e.g. {key} = 2.5; got {}",
                table.get(key).map(ToString::to_string).unwrap_or_default()
            ),
        )),
    }
}

/// `reported = { "कैंट" = 86940, "आर्यनगर" = [46196, 46200] }`: whole numbers of votes, one
/// or up to `MAX_REPORTED_FIGURES` per segment.
fn reported(table: &toml::Table, key: &str) -> Result<Vec<(String, Vec<u64>)>, OptionError> {
    let example = format!("{key} = {{ \"कैंट\" = 86940, \"आर्यनगर\" = [46196, 46200] }}");
    let Some(value) = table.get(key) else {
        return Ok(Vec::new());
    };
    let toml::Value::Table(segments) = value else {
        return Err(OptionError::about(
            key,
            format!("`{key}` must be a table of segment = votes, e.g. {example}; got {value}"),
        ));
    };
    let votes = |v: &toml::Value| match v {
        toml::Value::Integer(n) => u64::try_from(*n).ok(),
        _ => None,
    };
    segments
        .iter()
        .map(|(segment, v)| {
            let figures: Option<Vec<u64>> = match v {
                toml::Value::Array(items) => items.iter().map(votes).collect(),
                one => votes(one).map(|n| vec![n]),
            };
            match figures {
                Some(f) if (1..=MAX_REPORTED_FIGURES).contains(&f.len()) => {
                    Ok((segment.clone(), f))
                }
                _ => Err(OptionError::about(
                    key,
                    format!(
                        "`{key}`: the figure for {segment} must be a whole number of votes, or a list of up to {MAX_REPORTED_FIGURES} when the report gives several, e.g. {example}; got {v}"
                    ),
                )),
            }
        })
        .collect()
}

fn sort(table: &toml::Table, kind: Kind) -> Result<Sort, OptionError> {
    let Some(name) = text(table, "sort")? else {
        return Ok(Sort::Data);
    };
    let allowed = kind.sorts();
    allowed
        .iter()
        .copied()
        .find(|s| s.name() == name)
        .ok_or_else(|| {
            let names: Vec<String> = allowed
                .iter()
                .map(|s| format!("\"{}\"", s.name()))
                .collect();
            OptionError::about(
                "sort",
                format!(
                    "sort = \"{name}\" is not a sort of a {} chart; use {}",
                    kind.name(),
                    names.join(" or ")
                ),
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escaped_expression_output_is_unescaped_once() {
        let o = parse_options(
            "kind = \"swing\"\ntitle = \"&quot;Tiger&quot; &amp; the &lt;b&gt; &#39;x&#39; & y\"\n",
        )
        .unwrap();
        assert_eq!(o.title.as_deref(), Some("\"Tiger\" & the <b> 'x' & y"));
        let o = parse_options("kind = \"swing\"\ntitle = \"&amp;quot;\"\n").unwrap();
        assert_eq!(o.title.as_deref(), Some("&quot;"), "one level only");
    }

    fn error(text: &str) -> String {
        match parse_options(text) {
            Ok(options) => panic!("{text:?} parsed: {options:?}"),
            Err(message) => message,
        }
    }

    #[test]
    fn a_full_block_parses() {
        let o = parse_options(
            "kind = \"segments\"\nparty = \"INC\"\nresults = [\"ls2019\", \"ls2024\"]\nsort = \"votes\"\ntitle = \"t\"\n",
        )
        .expect("valid");
        assert_eq!(o.kind, Kind::Segments);
        assert_eq!(o.results, ["ls2019", "ls2024"]);
        assert_eq!(o.sort, Sort::Votes);
        assert_eq!(o.title.as_deref(), Some("t"));
    }

    #[test]
    fn each_mistake_has_its_message() {
        let cases = [
            (
                "party = \"INC\"",
                "a chart needs `kind`, one of: segments, candidates, contest, swing, reported, seats",
            ),
            (
                "kind = \"segment\"",
                "unknown chart kind `segment`; did you mean `segments`? kinds: segments, candidates, contest, swing, reported, seats (line 1 of the chart block)",
            ),
            (
                "kind = \"segments\"\nparti = \"INC\"",
                "unknown key `parti`; did you mean `party`? A segments chart takes: results, party, candidate, sort, and title, note, source, id (line 2 of the chart block)",
            ),
            (
                "kind = \"contest\"\nparty = \"INC\"",
                "`party` does not apply to a contest chart, only to segments, swing, reported; a contest chart takes: result, top, and title, note, source, id (line 2 of the chart block)",
            ),
            (
                "kind = \"contest\"\ntop = 0",
                "`top` must be a whole number of at least 1, e.g. top = 3; got 0 (line 2 of the chart block)",
            ),
            (
                "kind = \"candidates\"\nothers_below = 120",
                "`others_below` must be a vote share in percent between 0 and 100, e.g. others_below = 2.5; got 120 (line 2 of the chart block)",
            ),
            (
                "kind = \"swing\"\nresults = \"ls2024\"",
                "`results` must be a list of result ids, e.g. results = [\"ls2019\", \"ls2024\"]; got \"ls2024\" (line 2 of the chart block)",
            ),
            (
                "kind = \"swing\"\nsort = \"votes\"",
                "sort = \"votes\" is not a sort of a swing chart; use \"data\" or \"change\" (line 2 of the chart block)",
            ),
            (
                "kind = \"swing\"\ntitle = 3",
                "`title` must be text in quotes, e.g. title = \"…\"; got 3 (line 2 of the chart block)",
            ),
            (
                "kind = \"swing\"\nparty = ",
                "string values must be quoted, expected literal string (line 2 of the chart block)",
            ),
        ];
        for (text, expected) in cases {
            assert_eq!(error(text), expected, "for {text:?}");
        }
    }
}
