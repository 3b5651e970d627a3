//! The results of one page: its own `[[results]]` plus those pulled in from data/, checked,
//! derived and compared. Templates see them as `results.<id>`.

use super::check::ResultChecker;
use super::compare::fill_changes;
use super::count::printable;
use super::data::DataStore;
use super::derive::{ResultFigures, derive, not_found};
use super::model::ResultInput;
use super::result::Place;
use crate::diagnostics::{Diagnostic, LineIndex, closest};
use serde::ser::{Serialize, SerializeMap, Serializer};
use std::collections::{BTreeSet, HashMap};
use std::path::Path;
use toml::Spanned;

/// Longest list of data ids spelled out in a message.
const LIST_LIMIT: usize = 12;

/// A page's results in page order: its own first, then those named in `data`.
#[derive(Debug, Clone, Default)]
pub struct PageResults {
    results: Vec<ResultFigures>,
}

/// Serializes as a map id → figures, so templates write `{{ results.ls2024.margin }}`.
impl Serialize for PageResults {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.results.len()))?;
        for result in &self.results {
            map.serialize_entry(&result.id, result)?;
        }
        map.end()
    }
}

impl PageResults {
    pub fn new(mut results: Vec<ResultFigures>) -> Self {
        fill_changes(&mut results);
        PageResults { results }
    }

    /// Alliance figures and swings from site.toml `[alliances.YEAR]`.
    pub fn follow_alliances(&mut self, alliances: &super::compare::Alliances) {
        super::compare::fill_alliances(&mut self.results, alliances);
    }

    pub fn get(&self, id: &str) -> Option<&ResultFigures> {
        self.results.iter().find(|r| r.id == id)
    }

    /// Calls result `from` `to` on this page, in `changes` too: a page generated from
    /// data reads its result as `results.seat` whatever its id in data/. Where the
    /// result is defined (`result.place`) does not change.
    pub fn rename(&mut self, from: &str, to: &str) {
        for result in &mut self.results {
            if result.id == from {
                result.id = to.to_string();
            }
            for map in [&mut result.changes, &mut result.alliance_changes] {
                if let Some(change) = map.remove(from) {
                    map.insert(to.to_string(), change);
                }
            }
        }
    }

    /// Shows result `id`'s constituency as `name` (a names table's Hindi name for an
    /// imported "KANPUR"); the figures are untouched.
    pub fn name_constituency(&mut self, id: &str, name: &str) {
        for result in self.results.iter_mut().filter(|r| r.id == id) {
            result.constituency = name.to_string();
            result.result.constituency = name.to_string();
        }
    }

    /// The result `id`, or a message for a chart or expression that names a missing one:
    /// "no result `ls2025` on this page; results here: ls2019, ls2024; did you mean `ls2024`?"
    pub fn find_result(&self, id: &str) -> Result<&ResultFigures, String> {
        self.get(id).ok_or_else(|| {
            let what = format!("no result `{}` on this page", printable(id));
            if self.results.is_empty() {
                format!(
                    "{what}; it has none (add [[results]] to the front matter or data = [\"…\"])"
                )
            } else {
                not_found(
                    &what,
                    "results here",
                    id,
                    self.results.iter().map(|r| r.id.as_str()),
                )
            }
        })
    }

    /// Result ids in page order. Tera does not keep the order of a map, so templates that
    /// loop over all results should loop over these ids.
    pub fn ids(&self) -> Vec<&str> {
        self.results.iter().map(|r| r.id.as_str()).collect()
    }

    /// The results in page order, as a slice.
    pub fn as_slice(&self) -> &[ResultFigures] {
        &self.results
    }

    pub fn iter(&self) -> impl Iterator<Item = &ResultFigures> {
        self.results.iter()
    }

    pub fn len(&self) -> usize {
        self.results.len()
    }

    pub fn is_empty(&self) -> bool {
        self.results.is_empty()
    }
}

/// Checks the results of one page and derives their figures.
///
/// `file` is relative to the site root; `lines` indexes the front matter text the inputs
/// were parsed from; `data_refs` is the page's `data = [...]`. Problems of the data files
/// themselves are reported once by [`DataStore::check`], not again for every page.
pub fn check_page(
    file: &Path,
    lines: &LineIndex,
    inputs: &[ResultInput],
    data_refs: &[Spanned<String>],
    data: &DataStore,
    parties: &BTreeSet<String>,
) -> (PageResults, Vec<Diagnostic>) {
    let mut checker = ResultChecker::new(file, lines, parties);
    let mut results = Vec::new();
    let mut first_line_of_id: HashMap<String, usize> = HashMap::new();
    for (i, input) in inputs.iter().enumerate() {
        let checked = checker.check_result(i, input);
        if let Some(first) = first_line_of_id.get(&checked.id) {
            let message = format!(
                "result id \"{}\" is used twice on this page (first at line {first})",
                printable(&checked.id)
            );
            checker.diagnostics.push(
                Diagnostic::error(file, message)
                    .at_line(checked.place.line)
                    .with_field(&checked.place.field),
            );
            continue;
        }
        first_line_of_id.insert(checked.id.clone(), checked.place.line);
        results.push(checked);
    }
    let mut diagnostics = checker.diagnostics;

    let mut referenced: HashMap<String, usize> = HashMap::new();
    for (i, reference) in data_refs.iter().enumerate() {
        let id = reference.get_ref().trim();
        let line = lines.line_of(reference.span().start);
        let at = |message: String| {
            Diagnostic::error(file, message)
                .at_line(line)
                .with_field(format!("data[{i}]"))
        };
        if referenced.contains_key(id) {
            diagnostics.push(at(format!("data lists \"{}\" twice", printable(id))));
            continue;
        }
        referenced.insert(id.to_string(), line);
        if let Some(first) = first_line_of_id.get(id) {
            let defined = data
                .place_of(id)
                .map(|p| format!(" and in {}", p.short()))
                .unwrap_or_default();
            diagnostics.push(at(format!(
                "result id \"{}\" is used twice on this page: in [[results]] at line {first}{defined}; rename one or drop it from data",
                printable(id)
            )));
            continue;
        }
        match data.checked(id, parties) {
            Some(result) => results.push(result),
            None => diagnostics.push(at(unknown_data_message(id, data))),
        }
    }

    let figures: Vec<ResultFigures> = results.iter().map(derive).collect();
    diagnostics.extend(unmatched_segments(&figures));
    diagnostics.extend(segments_spelled_apart(&figures));
    diagnostics.extend(swapped_parties(&figures));
    (PageResults::new(figures), diagnostics)
}

/// Two candidates standing in two elections of one seat with their party codes exchanged
/// (A was BJP and B INC, now A is INC and B BJP): almost always the codes were swapped
/// when typing one of the results.
fn swapped_parties(results: &[ResultFigures]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, a) in results.iter().enumerate() {
        for b in &results[i + 1..] {
            if super::fold::key(&a.constituency) != super::fold::key(&b.constituency) {
                continue;
            }
            // Each name's key once (they were made for every pair: a fifth of a warm build).
            let b_keys: Vec<String> = b
                .result
                .candidates
                .iter()
                .map(|y| super::fold::key(&y.name))
                .collect();
            let both: Vec<(&super::result::Candidate, &super::result::Candidate)> = a
                .result
                .candidates
                .iter()
                .filter_map(|x| {
                    let x_key = super::fold::key(&x.name);
                    let at = b_keys.iter().position(|k| *k == x_key)?;
                    Some((x, &b.result.candidates[at]))
                })
                .collect();
            for (k, (x_a, x_b)) in both.iter().enumerate() {
                for (y_a, y_b) in &both[k + 1..] {
                    if x_a.party != x_b.party && x_a.party == y_b.party && y_a.party == x_b.party {
                        let at = &y_b.name_place;
                        out.push(
                            Diagnostic::warning(
                                &at.file,
                                format!(
                                    "party codes look swapped: in \"{}\" {} is {} and {} is {}, in \"{}\" the other way round; check both results' `party`",
                                    a.id, x_a.name, x_a.party, y_a.name, y_a.party, b.id
                                ),
                            )
                            .at_line(at.line)
                            .with_field(at.field.replace(".name", ".party")),
                        );
                    }
                }
            }
        }
    }
    out
}

/// Two results of one constituency whose segment lists do not match up: a segment of one
/// that is no segment of the other, while the other has one of its own that is unmatched
/// too, is most likely one assembly segment spelled two ways. Charts would show it as two.
fn unmatched_segments(results: &[ResultFigures]) -> Vec<Diagnostic> {
    // A segment of one result that the other lacks: its name, and (index, line) of its
    // entry in `segments` when it is listed there.
    type Lonely = (String, Option<(usize, usize)>);
    let mut out = Vec::new();
    for (i, a) in results.iter().enumerate() {
        for b in &results[i + 1..] {
            let same_seat = super::fold::key(&a.constituency) == super::fold::key(&b.constituency);
            if !same_seat || a.segments.is_empty() || b.segments.is_empty() {
                continue;
            }
            // Each unmatched segment's name, and its entry in `segments` when it has one.
            let lonely = |x: &ResultFigures, y: &ResultFigures| -> Vec<Lonely> {
                x.segments
                    .iter()
                    .filter(|s| !y.segments.iter().any(|t| t.same_segment(s)))
                    .map(|s| {
                        let entry = x
                            .result
                            .segments
                            .iter()
                            .enumerate()
                            .find(|(_, e)| e.name == s.name);
                        (s.name.clone(), entry.map(|(k, e)| (k, e.line)))
                    })
                    .collect()
            };
            let (in_a, in_b) = (lonely(a, b), lonely(b, a));
            if in_a.is_empty() || in_b.is_empty() {
                continue;
            }
            // Each result is told at its first unmatched segment's entry (where the wrong
            // spelling is, if it is this one's), naming the other's: either may be wrong.
            let first_lonely = |x: &ResultFigures, lonely: &[Lonely]| -> Place {
                match (&x.result.segments_place, lonely.first().and_then(|l| l.1)) {
                    (Some(list), Some((k, line))) => Place {
                        file: list.file.clone(),
                        line,
                        field: format!("{}[{k}]", list.field),
                    },
                    (Some(list), None) => list.clone(),
                    (None, _) => x.result.place.clone(),
                }
            };
            let (place_a, place_b) = (first_lonely(a, &in_a), first_lonely(b, &in_b));
            let names = |lonely: &[Lonely]| -> String {
                let names: Vec<&str> = lonely.iter().map(|(name, _)| name.as_str()).collect();
                names.join(", ")
            };
            for (here, there, lonely_here, lonely_there, at, other_at) in [
                (b, a, &in_b, &in_a, &place_b, &place_a),
                (a, b, &in_a, &in_b, &place_a, &place_b),
            ] {
                out.push(
                    Diagnostic::warning(
                        &at.file,
                        format!(
                            "segments of \"{}\" ({}) match none of \"{}\" ({}, at {}); if they are the same assembly segments spelled differently, correct the spelling that is wrong or write them as {{ name = \"…\", ac = N }} with ECI's assembly-constituency number in both results",
                            here.id,
                            names(lonely_here),
                            there.id,
                            names(lonely_there),
                            other_at.short()
                        ),
                    )
                    .at_line(at.line)
                    .with_field(&at.field),
                );
            }
        }
    }
    out
}

/// One segment of two results of one seat, matched by its folded name (no AC number in
/// either), but spelled two ways: tables and charts show each result's spelling, so the
/// later result's entry is told, naming the earlier one's.
fn segments_spelled_apart(results: &[ResultFigures]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (i, a) in results.iter().enumerate() {
        for b in &results[i + 1..] {
            if super::fold::key(&a.constituency) != super::fold::key(&b.constituency) {
                continue;
            }
            for (k, later) in b.result.segments.iter().enumerate() {
                let Some(earlier) = a.result.segments.iter().find(|s| {
                    s.ac.is_none()
                        && later.ac.is_none()
                        && s.key() == later.key()
                        && super::fold::spelled_apart(&s.name, &later.name)
                }) else {
                    continue;
                };
                let field = b
                    .result
                    .segments_place
                    .as_ref()
                    .map_or_else(|| "segments".to_string(), |p| format!("{}[{k}]", p.field));
                out.push(
                    Diagnostic::warning(
                        &b.result.place.file,
                        format!(
                            "segment \"{}\" is written \"{}\" in \"{}\" (line {}); chunav takes them as one segment, but tables and charts show each result's spelling — write it one way in both (or give both {{ name = \"…\", ac = N }})",
                            printable(&later.name),
                            printable(&earlier.name),
                            a.id,
                            earlier.line
                        ),
                    )
                    .at_line(later.line)
                    .with_field(field),
                );
            }
        }
    }
    out
}

fn unknown_data_message(id: &str, data: &DataStore) -> String {
    let ids: Vec<&str> = data.ids().collect();
    if ids.is_empty() {
        return format!(
            "no result \"{}\" in data/: the site has no data/*.toml results",
            printable(id)
        );
    }
    let mut message = format!("no result \"{}\" in data/", printable(id));
    if ids.len() <= LIST_LIMIT {
        message.push_str(&format!("; available: {}", ids.join(", ")));
    } else {
        message.push_str(&format!(
            "; available: {}, … ({} in all)",
            ids[..LIST_LIMIT].join(", "),
            ids.len()
        ));
    }
    if let Some(suggestion) = closest(id, ids.iter().copied()) {
        message.push_str(&format!("; did you mean \"{suggestion}\"?"));
    }
    message
}

#[cfg(test)]
mod tests {
    use crate::election::testutil::{KANPUR_2019, KANPUR_2024, check};

    /// Renders `template` with the Kanpur page's results as `results`, as templates get them.
    fn render(template: &str) -> String {
        let (page, _) = check(&format!("{KANPUR_2019}\n{KANPUR_2024}"));
        let mut context = tera::Context::new();
        context.insert("results", &page);
        match tera::Tera::new().render_str(template, &context, true) {
            Ok(text) => text,
            Err(err) => panic!("template {template:?} failed: {err:?}"),
        }
    }

    #[test]
    fn templates_reach_figures_by_result_id() {
        assert_eq!(render("{{ results.ls2024.margin }}"), "20968");
        assert_eq!(
            render("{{ results.ls2024.winner.name }} {{ results.ls2024.winner.share }}"),
            "रमेश अवस्थी 49.93"
        );
        assert_eq!(render("{{ results.ls2024.parties.INC.share }}"), "47.56");
        assert_eq!(
            render("{{ results.ls2024.changes.ls2019.INC.share_points }}"),
            "10.43"
        );
        assert_eq!(
            render("{{ results.ls2024.changes.ls2019.INC.votes }}"),
            "109084"
        );
        assert_eq!(
            render("{{ results.ls2019.segments_led.BJP }}-{{ results.ls2019.segments_led.INC }}"),
            "3-2"
        );
        assert_eq!(
            render(
                "{% for s in results.ls2024.segments %}{{ s.name }}:{{ s.leader }} {% endfor %}"
            ),
            "गोविंदनगर:BJP सीसामऊ:INC आर्यनगर:INC किदवईनगर:BJP कैंट:INC "
        );
        assert_eq!(
            render("{{ results.ls2024.candidates[1].by_segment[\"कैंट\"] }}"),
            "115028"
        );
        // Maps have no stable order in Tera: loops go over party_order.
        assert_eq!(
            render(
                "{% for code in results.ls2019.party_order %}{{ code }}={{ results.ls2019.parties[code].votes }} {% endfor %}"
            ),
            "BJP=468937 INC=313003 SP=48275 IND=4433 SABJANP=1885 BSCP=1130 SHS=591 SFP=367 BRM=316 NOTA=4057 "
        );
    }

    #[test]
    fn ids_keep_page_order() {
        let (page, _) = check(&format!("{KANPUR_2024}\n{KANPUR_2019}"));
        assert_eq!(page.ids(), ["ls2024", "ls2019"]);
    }

    #[test]
    fn places_stay_out_of_templates() {
        assert_eq!(render("{{ results.ls2024.result is defined }}"), "false");
    }
}

#[cfg(test)]
mod docs_tests {
    use crate::election::data::DataStore;
    use crate::election::testutil::{KANPUR_2019, check_with_data, shown};
    use std::path::PathBuf;

    /// The front matter example that opens docs/front-matter.md must pass every check.
    #[test]
    fn the_documented_example_is_valid() {
        let docs = include_str!("../../docs/front-matter.md");
        let front_matter = docs
            .split("+++\n")
            .nth(1)
            .expect("docs/front-matter.md opens with a +++ example");
        let (data, _) = DataStore::parse([(
            PathBuf::from("data/kanpur-2019.toml"),
            KANPUR_2019.to_string(),
        )]);
        let (page, diagnostics) = check_with_data(front_matter, &data);
        assert!(diagnostics.is_empty(), "{:#?}", shown(&diagnostics));
        let ls2024 = page.find_result("ls2024").expect("ls2024");
        assert_eq!(ls2024.margin, Some(20968));
        assert!(ls2024.changes.contains_key("ls2019"));
    }
}
