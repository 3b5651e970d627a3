//! Seat tallies for templates: the `tally()` Tera function, counting seats won and leading
//! per party and alliance from every result of the site (`election::tally`).

use crate::chart_function::ChartSlot;
use crate::election::tally::TallyQuery;
use tera::{Kwargs, State, Tera, Value};

/// `{% set seats = tally(election="लोकसभा 2024", state="उत्तर प्रदेश", section="up") %}`:
/// plain rows (`seats.parties`, `seats.alliances`, `seats.others`) and counts.
pub fn register(tera: &mut Tera, slot: ChartSlot) {
    tera.register_function(
        "tally",
        move |kwargs: Kwargs, _: &State| -> Result<Value, tera::Error> {
            let data = slot.get();
            let query = query_of(&kwargs)
                .map_err(|message| tera::Error::message(format!("tally(): {message}")))?;
            let tally = data
                .ledger
                .tally(&query, &data.alliances)
                .map_err(|message| tera::Error::message(format!("tally(): {message}")))?;
            Ok(Value::from_serializable(&tally))
        },
    );
}

const KEYS: [&str; 3] = ["election", "state", "section"];

fn query_of(kwargs: &Kwargs) -> Result<TallyQuery, String> {
    let table: toml::Table = kwargs
        .deserialize()
        .map_err(|e| format!("arguments must be text, e.g. election=\"लोकसभा 2024\" ({e})"))?;
    let mut query = TallyQuery::default();
    for (key, value) in &table {
        let Some(text) = value.as_str() else {
            return Err(format!(
                "`{key}` must be text, e.g. {key}=\"{}\"; got {value}",
                example(key)
            ));
        };
        match key.as_str() {
            "election" => query.election = text.to_string(),
            "state" => query.state = Some(text.to_string()),
            "section" => query.section = Some(text.to_string()),
            other => {
                let hint = crate::diagnostics::closest(other, KEYS)
                    .map(|k| format!("did you mean `{k}`? "))
                    .unwrap_or_default();
                return Err(format!(
                    "unknown argument `{other}`; {hint}tally() takes: {}",
                    KEYS.join(", ")
                ));
            }
        }
    }
    if query.election.trim().is_empty() {
        return Err(
            "give the election, e.g. tally(election=\"लोकसभा 2024\") or the id stem of its results, tally(election=\"ls2024\")"
                .to_string(),
        );
    }
    Ok(query)
}

fn example(key: &str) -> &'static str {
    match key {
        "election" => "लोकसभा 2024",
        "state" => "उत्तर प्रदेश",
        _ => "up",
    }
}
