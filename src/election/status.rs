//! Counting status: a result still being counted (`status = "counting"`, `round`, `rounds`)
//! or declared, and the time its figures were taken (`updated`, a time with its zone).
//!
//! While a seat is counting its first candidate leads and has won nothing: `derive` names
//! leaders instead of winners, and every reader-facing word follows from [`Status`].

use super::check::ResultChecker;
use super::count::printable;
use super::model::ResultInput;
use super::result::{Candidate, Place};
use serde::Serialize;

/// Whether a result is final.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// The returning officer has declared the result (or it is a past election's).
    #[default]
    Declared,
    /// Votes are still being counted: figures are of the latest round.
    Counting,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Declared => "declared",
            Status::Counting => "counting",
        }
    }
}

/// The status fields of a checked result.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct Count {
    pub status: Status,
    /// The latest round counted, while counting.
    pub round: Option<u32>,
    /// How many rounds the count has.
    pub rounds: Option<u32>,
    pub updated: Option<UpdateTime>,
    /// The `status` value, when written.
    pub status_place: Option<Place>,
}

/// When the figures were taken: a moment with its UTC offset, as written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UpdateTime {
    pub year: u16,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
    /// Minutes east of UTC (+05:30 is 330).
    pub offset_minutes: i16,
}

/// Indian Standard Time, the zone counting-day figures are usually given in.
const IST_MINUTES: i16 = 330;

impl UpdateTime {
    /// `2024-06-04T14:30:00+05:30`, as written.
    pub fn rfc3339(&self) -> String {
        format!(
            "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}{}",
            self.year,
            self.month,
            self.day,
            self.hour,
            self.minute,
            self.second,
            offset_text(self.offset_minutes)
        )
    }

    /// The same moment in UTC, `2024-06-04T09:00:00Z`: what feeds and sitemaps compare.
    pub fn utc(&self) -> String {
        let days = days_from_civil(i64::from(self.year), self.month, self.day);
        let minutes = days * 1440 + i64::from(self.hour) * 60 + i64::from(self.minute)
            - i64::from(self.offset_minutes);
        let (days, minute_of_day) = (minutes.div_euclid(1440), minutes.rem_euclid(1440));
        let (y, m, d) = civil_from_days(days);
        format!(
            "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
            minute_of_day / 60,
            minute_of_day % 60,
            self.second
        )
    }

    /// "4 जून 2024, 14:30 IST" / "4 June 2024, 14:30 IST", in the zone it was written in.
    pub fn for_readers(&self, lang: &str) -> String {
        let date = crate::i18n::format_date(
            crate::content::Date {
                year: self.year,
                month: self.month,
                day: self.day,
            },
            lang,
        );
        let zone = match self.offset_minutes {
            IST_MINUTES => "IST".to_string(),
            0 => "UTC".to_string(),
            m => format!("UTC{}", offset_text(m)),
        };
        format!("{date}, {:02}:{:02} {zone}", self.hour, self.minute)
    }
}

fn offset_text(minutes: i16) -> String {
    if minutes == 0 {
        return "Z".to_string();
    }
    let sign = if minutes < 0 { '-' } else { '+' };
    let m = minutes.unsigned_abs();
    format!("{sign}{:02}:{:02}", m / 60, m % 60)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: u8, d: u8) -> i64 {
    let (m, d) = (i64::from(m), i64::from(d));
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

const EXAMPLE_TIME: &str = "2024-06-04T14:30:00+05:30";

impl ResultChecker<'_> {
    /// `status`, `round`, `rounds` and `updated` of `results[…]` at `path`.
    pub(super) fn check_count(&mut self, path: &str, input: &ResultInput) -> Count {
        let mut count = Count::default();
        if let Some(status) = &input.status {
            let at = self.place(status, format!("{path}.status"));
            match status.get_ref().trim() {
                "counting" => count.status = Status::Counting,
                "declared" => count.status = Status::Declared,
                other => self.error(
                    &at,
                    format!(
                        "status \"{}\" is not a counting status; write \"counting\" while votes are being counted or \"declared\" once the returning officer has declared the result",
                        printable(other)
                    ),
                ),
            }
            count.status_place = Some(at);
        }
        let counting = count.status == Status::Counting;
        let round_at = input
            .round
            .as_ref()
            .map(|v| (self.place(v, format!("{path}.round")), v));
        let rounds_at = input
            .rounds
            .as_ref()
            .map(|v| (self.place(v, format!("{path}.rounds")), v));
        count.round = round_at
            .as_ref()
            .and_then(|(at, v)| self.rounds_value(at, v.get_ref(), "round", 12));
        count.rounds = rounds_at
            .as_ref()
            .and_then(|(at, v)| self.rounds_value(at, v.get_ref(), "rounds", 20));
        if let (Some(round), Some((at, _))) = (count.round, &round_at) {
            if !counting {
                match count.rounds {
                    Some(rounds) if rounds == round => {}
                    _ => self.error(
                        at,
                        format!(
                            "round = {round} says which round is being counted, but this result is not counting; add status = \"counting\", or remove round from a declared result"
                        ),
                    ),
                }
            } else if let Some(rounds) = count.rounds
                && round > rounds
            {
                self.error(
                    at,
                    format!(
                        "round {round} is past the last round: the count has rounds = {rounds}; check both figures"
                    ),
                );
            }
        }
        if counting && input.uncontested {
            let at = count
                .status_place
                .clone()
                .unwrap_or_else(|| self.place(&input.id, format!("{path}.id")));
            self.error(
                &at,
                "an uncontested seat has no count: its only candidate was elected unopposed; remove status = \"counting\" (or uncontested = true)",
            );
        }
        count.updated = input.updated.as_ref().and_then(|value| {
            let at = self.place(value, format!("{path}.updated"));
            match update_time(value.get_ref()) {
                Ok(time) => Some(time),
                Err(message) => {
                    self.error(&at, message);
                    None
                }
            }
        });
        if counting
            && input.updated.is_none()
            && let Some(at) = count.status_place.clone()
        {
            self.warning(
                &at,
                format!(
                    "a result still counting should say when its figures were taken, so readers know how fresh they are: add updated = {EXAMPLE_TIME}"
                ),
            );
        }
        count
    }

    /// Checks that need the checked candidates: a count with no votes, a declared tie.
    pub(super) fn check_count_against_votes(
        &mut self,
        count: &Count,
        input: &ResultInput,
        candidates: &[Candidate],
    ) {
        let Some(at) = count.status_place.clone() else {
            return;
        };
        if input.uncontested || candidates.is_empty() {
            return;
        }
        let counted: u64 = candidates.iter().map(|c| c.votes).sum();
        let every_figure_given = candidates.len() == input.candidates.len();
        match count.status {
            Status::Counting if counted == 0 && every_figure_given => self.error(
                &at,
                "status = \"counting\" but no candidate has any votes yet; give the figures of the latest round, or leave the seat out until the first round is in",
            ),
            Status::Counting
                if input.complete
                && count.round.is_some()
                && count.round == count.rounds
                && !candidates.iter().any(|c| c.approx) =>
            {
                let mut ranked: Vec<&Candidate> =
                    candidates.iter().filter(|c| !c.is_nota()).collect();
                ranked.sort_by_key(|c| std::cmp::Reverse(c.votes));
                if let [first, second, ..] = ranked.as_slice()
                    && first.votes > second.votes
                {
                    let rounds = count.rounds.unwrap_or_default();
                    self.warning(
                        &at,
                        format!(
                            "status = \"counting\", but round {rounds} of {rounds} is counted and {} leads by {} votes: every word on the page still calls the result open (a leader, not a winner); once the returning officer has declared it, write status = \"declared\"",
                            printable(&first.name),
                            crate::numfmt::inr_unsigned(first.votes - second.votes)
                        ),
                    );
                }
            }
            Status::Declared if input.complete => {
                let mut ranked: Vec<&Candidate> =
                    candidates.iter().filter(|c| !c.is_nota()).collect();
                ranked.sort_by_key(|c| std::cmp::Reverse(c.votes));
                if let [first, second, ..] = ranked.as_slice()
                    && first.votes == second.votes
                    && !first.approx
                    && !second.approx
                {
                    self.error(
                        &at,
                        format!(
                            "status = \"declared\" but {} and {} have the same {} votes; a tie is decided by drawing lots, so check the figures, or keep status = \"counting\" until the returning officer declares the result",
                            printable(&first.name),
                            printable(&second.name),
                            crate::numfmt::inr_unsigned(first.votes)
                        ),
                    );
                }
            }
            _ => {}
        }
    }

    fn rounds_value(
        &mut self,
        at: &Place,
        value: &toml::Value,
        key: &str,
        example: u32,
    ) -> Option<u32> {
        match value {
            toml::Value::Integer(n) if (1..=999).contains(n) => Some(*n as u32),
            other => {
                let found = match other {
                    toml::Value::String(s) => format!("\"{}\"", printable(s)),
                    v => v.to_string(),
                };
                self.error(
                    at,
                    format!(
                        "{key} must be a whole number of rounds from 1, e.g. {key} = {example}; found {found}"
                    ),
                );
                None
            }
        }
    }
}

/// A TOML offset date-time, or what to write instead.
pub fn update_time(value: &toml::Value) -> Result<UpdateTime, String> {
    let hint =
        format!("write the time with its zone and without quotes, e.g. updated = {EXAMPLE_TIME}");
    let datetime = match value {
        toml::Value::Datetime(d) => d,
        toml::Value::String(s) => {
            return Err(format!("updated is the text \"{}\"; {hint}", printable(s)));
        }
        other => return Err(format!("updated must be a time, found {other}; {hint}")),
    };
    let (Some(date), Some(time)) = (datetime.date, datetime.time) else {
        return Err(match (datetime.date, datetime.time) {
            (Some(_), None) => format!(
                "updated {datetime} is a date; counting figures change by the hour: give the time of the update with its zone, e.g. updated = {EXAMPLE_TIME}"
            ),
            _ => format!("updated {datetime} has no date; {hint}"),
        });
    };
    let Some(offset) = datetime.offset else {
        return Err(format!(
            "updated {datetime} has no time zone, so readers abroad and feeds cannot place it; add one, e.g. updated = {datetime}+05:30 for IST"
        ));
    };
    let offset_minutes = match offset {
        toml::value::Offset::Z => 0,
        toml::value::Offset::Custom { minutes } => minutes,
    };
    if !(1900..=2100).contains(&date.year) {
        return Err(format!(
            "updated {datetime} is not a plausible time of a count; expected a year such as 2024"
        ));
    }
    Ok(UpdateTime {
        year: date.year,
        month: date.month,
        day: date.day,
        hour: time.hour,
        minute: time.minute,
        second: time.second.unwrap_or(0),
        offset_minutes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn time(text: &str) -> Result<UpdateTime, String> {
        let value: toml::Table = toml::from_str(&format!("t = {text}")).expect("parses");
        update_time(&value["t"])
    }

    #[test]
    fn an_update_time_is_placed_in_utc_and_written_for_readers() {
        let t = time("2024-06-04T14:30:00+05:30").expect("valid");
        assert_eq!(t.rfc3339(), "2024-06-04T14:30:00+05:30");
        assert_eq!(t.utc(), "2024-06-04T09:00:00Z");
        assert_eq!(t.for_readers("hi"), "4 जून 2024, 14:30 IST");
        assert_eq!(t.for_readers("en"), "4 June 2024, 14:30 IST");
        let t = time("2024-06-04T02:15:00+05:30").expect("valid");
        assert_eq!(t.utc(), "2024-06-03T20:45:00Z", "the day before in UTC");
        let t = time("2024-12-31T23:30:00-02:00").expect("valid");
        assert_eq!(t.utc(), "2025-01-01T01:30:00Z");
        assert_eq!(t.for_readers("en"), "31 December 2024, 23:30 UTC-02:00");
        assert_eq!(
            time("2024-06-04T09:00:00Z").expect("valid").rfc3339(),
            "2024-06-04T09:00:00Z"
        );
    }

    #[test]
    fn an_update_time_needs_a_date_a_time_and_a_zone() {
        let message = |text: &str| time(text).expect_err(text);
        assert!(
            message("2024-06-04").contains("is a date"),
            "{}",
            message("2024-06-04")
        );
        assert!(message("2024-06-04T14:30:00").contains("no time zone"));
        assert!(message("2024-06-04T14:30:00").contains("2024-06-04T14:30:00+05:30"));
        assert!(message("\"2024-06-04 14:30\"").contains("without quotes"));
        assert!(message("14:30:00").contains("no date"));
    }
}
