//! Counting day: the status lines an import writes (`--status`, `--round`, `--rounds`,
//! `--updated`), and what changed since the file it replaces (`--force`). During a count a
//! candidate's votes only grow and a declared seat stays declared: a re-import where one
//! did otherwise is a warning naming both figures, because the source may have corrected a
//! round, or the wrong file was imported.

use crate::diagnostics::{Diagnostic, LineIndex};
use crate::election::model::{DataFileInput, ResultInput};
use crate::election::status::update_time;
use crate::numfmt::inr_unsigned;
use std::collections::HashMap;
use std::path::PathBuf;

/// The TOML lines for the count options, checked: `status = "counting"` and so on.
pub fn count_lines(count: &super::CountOptions) -> Result<String, Diagnostic> {
    let mut lines = String::new();
    let problem = |message: String| Diagnostic::error("chunav import", message);
    let counting = count.status.as_deref() == Some("counting");
    if let Some(status) = &count.status {
        lines.push_str(&format!("status = {}\n", super::write::quote(status)));
    }
    if let Some(round) = count.round {
        if !counting {
            return Err(problem(
                "--round says which round is being counted; give --status counting with it"
                    .to_string(),
            ));
        }
        if count.rounds.is_some_and(|rounds| round > rounds) || round == 0 {
            return Err(problem(format!(
                "--round {round} is not a round of a count of --rounds {}; check both",
                count.rounds.unwrap_or(0)
            )));
        }
        lines.push_str(&format!("round = {round}\n"));
    }
    if let Some(rounds) = count.rounds {
        if rounds == 0 {
            return Err(problem("--rounds must be 1 or more".to_string()));
        }
        lines.push_str(&format!("rounds = {rounds}\n"));
    }
    if let Some(updated) = &count.updated {
        let value = toml::from_str::<toml::Table>(&format!("t = {updated}"))
            .ok()
            .and_then(|mut t| t.remove("t"))
            .unwrap_or_else(|| toml::Value::String(updated.clone()));
        let time = update_time(&value).map_err(|m| problem(format!("--updated: {m}")))?;
        lines.push_str(&format!("updated = {}\n", time.rfc3339()));
    } else if counting {
        return Err(problem(
            "--status counting needs --updated, the time the figures were taken, e.g. --updated 2024-06-04T14:30:00+05:30".to_string(),
        ));
    }
    Ok(lines)
}

/// Puts `lines` into the first `[[results]]` table of `text`, before its `source`.
pub fn insert_count_lines(text: &mut String, lines: &str) {
    if lines.is_empty() {
        return;
    }
    if let Some(at) = text.find("\nsource = ") {
        text.insert_str(at + 1, lines);
    }
}

/// Warnings for every file of `files` that replaces an existing one: votes that fell, a
/// declared seat counting again. Files that cannot be read or parsed say nothing here.
pub fn changes(files: &[(PathBuf, String)]) -> Vec<String> {
    let mut out = Vec::new();
    for (path, new_text) in files {
        let Ok(old_text) = std::fs::read_to_string(path) else {
            continue;
        };
        let (Ok(old), Ok(new)) = (
            toml::from_str::<DataFileInput>(&old_text),
            toml::from_str::<DataFileInput>(new_text),
        ) else {
            continue;
        };
        let lines = LineIndex::new(new_text, 1);
        for (i, result) in new.results.iter().enumerate() {
            let Some(before) = old
                .results
                .iter()
                .find(|r| r.id.get_ref() == result.id.get_ref())
            else {
                continue;
            };
            out.extend(
                compare(before, result, i, path, &lines)
                    .into_iter()
                    .map(|d| d.to_string()),
            );
        }
    }
    out
}

fn status_of(r: &ResultInput) -> &str {
    r.status.as_ref().map_or("declared", |s| s.get_ref().trim())
}

fn votes_of(c: &crate::election::model::CandidateInput) -> Option<u64> {
    c.votes
        .as_ref()
        .and_then(|v| v.get_ref().as_integer())
        .and_then(|v| u64::try_from(v).ok())
}

fn compare(
    before: &ResultInput,
    after: &ResultInput,
    index: usize,
    path: &std::path::Path,
    lines: &LineIndex,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let was = status_of(before);
    let now = status_of(after);
    if was == "declared" && now == "counting" && !before.uncontested {
        let at = after
            .status
            .as_ref()
            .map_or(after.id.span().start, |s| s.span().start);
        out.push(
            Diagnostic::warning(
                path,
                format!(
                    "{}: the file replaced had this seat declared (status \"{was}\"), this import has it counting again; check the source before publishing a seat going back to counting",
                    after.id.get_ref()
                ),
            )
            .at_line(lines.line_of(at))
            .with_field(format!("results[{index}].status")),
        );
    }
    // Candidates are matched by name, else by party and place among the party's
    // candidates (names may have been edited since).
    let mut nth_of_party: HashMap<&str, usize> = HashMap::new();
    let position =
        |list: &[toml::Spanned<crate::election::model::CandidateInput>], party: &str, n: usize| {
            list.iter()
                .filter(|c| c.get_ref().party.get_ref() == party)
                .nth(n)
                .map(|c| c.get_ref().clone())
        };
    for (k, c) in after.candidates.iter().enumerate() {
        let c = c.get_ref();
        let party = c.party.get_ref().as_str();
        let n = nth_of_party.entry(party).or_default();
        let old = before
            .candidates
            .iter()
            .map(|o| o.get_ref())
            .find(|o| o.name.get_ref() == c.name.get_ref())
            .cloned()
            .or_else(|| position(&before.candidates, party, *n));
        *n += 1;
        let (Some(old), Some(new_votes)) = (old, votes_of(c)) else {
            continue;
        };
        let Some(old_votes) = votes_of(&old) else {
            continue;
        };
        if new_votes < old_votes {
            let at = c
                .votes
                .as_ref()
                .map_or(c.name.span().start, |v| v.span().start);
            out.push(
                Diagnostic::warning(
                    path,
                    format!(
                        "{} ({party}): votes fell from {} in the file replaced to {} in this import (by {}); during a count votes only grow: check whether the source corrected a round or the wrong file was imported",
                        c.name.get_ref(),
                        inr_unsigned(old_votes),
                        inr_unsigned(new_votes),
                        inr_unsigned(old_votes - new_votes)
                    ),
                )
                .at_line(lines.line_of(at))
                .with_field(format!("results[{index}].candidates[{k}].votes")),
            );
        }
    }
    out
}
