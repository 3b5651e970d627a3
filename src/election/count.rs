//! Reading a count (votes, postal ballots, electors) from a raw TOML value.
//!
//! Counts arrive as `toml::Value` so that the common mistakes of hand-typed data — the
//! figure copied with its commas as a string, a decimal point, a minus sign — get a message
//! that says what to write instead.

use crate::numfmt::inr_unsigned;
use toml::Value;

/// No count in an Indian election comes near this (the whole electorate is under 100
/// crore); a larger figure is a typo, and the bound keeps all sums far from overflow.
pub const MAX_COUNT: u64 = 2_000_000_000;

/// The whole non-negative number in `value`, or a message saying what was found and what
/// to write instead.
pub fn read_count(value: &Value) -> Result<u64, String> {
    match value {
        Value::Integer(n) if *n < 0 => Err(format!(
            "expected a whole number, found {n}: a count cannot be negative"
        )),
        Value::Integer(n) => {
            let n = n.unsigned_abs();
            if n > MAX_COUNT {
                Err(format!(
                    "{} is larger than any Indian electorate (at most {}); check the figure",
                    inr_unsigned(n),
                    inr_unsigned(MAX_COUNT)
                ))
            } else {
                Ok(n)
            }
        }
        Value::Float(x) => {
            let whole = x.is_finite() && x.fract() == 0.0 && *x >= 0.0 && *x <= MAX_COUNT as f64;
            if whole {
                Err(format!(
                    "expected a whole number, found {x:?}; write {} without the decimal point",
                    *x as u64
                ))
            } else {
                Err(format!("expected a whole number, found {x:?}"))
            }
        }
        Value::String(text) => Err(match digits_only(text) {
            Some(plain) => format!(
                "expected a whole number, found \"{}\"; write {plain} without commas or quotes",
                printable(text)
            ),
            None => format!("expected a whole number, found \"{}\"", printable(text)),
        }),
        Value::Boolean(b) => Err(format!("expected a whole number, found {b}")),
        Value::Datetime(d) => Err(format!("expected a whole number, found the date {d}")),
        Value::Array(_) => Err("expected a whole number, found a list".to_string()),
        Value::Table(_) => Err("expected a whole number, found a table".to_string()),
    }
}

/// "4,22,087", "422 087", "४,२२,०८७" → "422087": the number a string would be if it were
/// written as TOML wants it, when it is one.
fn digits_only(text: &str) -> Option<String> {
    let mut plain = String::new();
    for c in text.trim().chars() {
        match c {
            '0'..='9' => plain.push(c),
            '०'..='९' => plain.push(char::from(b'0' + (c as u32 - '०' as u32) as u8)),
            ',' | '_' | ' ' | '\u{a0}' => {}
            _ => return None,
        }
    }
    let plain = plain.trim_start_matches('0');
    match plain {
        "" if text.chars().any(|c| c == '0' || c == '०') => Some("0".to_string()),
        "" => None,
        _ => Some(plain.to_string()),
    }
}

/// `text` with control characters escaped, for quoting user input in a one-line message.
/// Unlike `{:?}` it leaves Devanagari combining marks alone.
pub fn printable(text: &str) -> String {
    text.chars()
        .flat_map(|c| -> Box<dyn Iterator<Item = char>> {
            if c.is_control() {
                Box::new(c.escape_default())
            } else {
                Box::new(std::iter::once(c))
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(toml_literal: &str) -> Value {
        let table: toml::Table =
            toml::from_str(&format!("v = {toml_literal}")).expect("valid TOML");
        table["v"].clone()
    }

    #[test]
    fn whole_numbers_pass() {
        assert_eq!(read_count(&value("422087")), Ok(422087));
        assert_eq!(read_count(&value("422_087")), Ok(422087));
        assert_eq!(read_count(&value("0")), Ok(0));
    }

    #[test]
    fn a_grouped_string_gets_the_plain_number_to_write() {
        assert_eq!(
            read_count(&value(r#""4,22,087""#)),
            Err(r#"expected a whole number, found "4,22,087"; write 422087 without commas or quotes"#.to_string())
        );
        assert_eq!(
            read_count(&value(r#""४,२२,०८७""#)),
            Err(r#"expected a whole number, found "४,२२,०८७"; write 422087 without commas or quotes"#.to_string())
        );
        assert_eq!(
            read_count(&value(r#""4.22 लाख""#)),
            Err(r#"expected a whole number, found "4.22 लाख""#.to_string())
        );
        assert_eq!(
            read_count(&value(r#""""#)),
            Err(r#"expected a whole number, found """#.to_string())
        );
    }

    #[test]
    fn floats_negatives_and_other_types_are_refused() {
        assert_eq!(
            read_count(&value("422087.0")),
            Err(
                "expected a whole number, found 422087.0; write 422087 without the decimal point"
                    .to_string()
            )
        );
        assert_eq!(
            read_count(&value("4.5")),
            Err("expected a whole number, found 4.5".to_string())
        );
        assert_eq!(
            read_count(&value("nan")),
            Err("expected a whole number, found NaN".to_string())
        );
        assert_eq!(
            read_count(&value("-5")),
            Err("expected a whole number, found -5: a count cannot be negative".to_string())
        );
        assert_eq!(
            read_count(&value("true")),
            Err("expected a whole number, found true".to_string())
        );
        assert_eq!(
            read_count(&value("[1, 2]")),
            Err("expected a whole number, found a list".to_string())
        );
        assert_eq!(
            read_count(&value("1e300")),
            Err("expected a whole number, found 1e300".to_string())
        );
    }

    #[test]
    fn huge_numbers_are_refused_without_overflow() {
        assert_eq!(
            read_count(&value("9223372036854775807")),
            Err("92,23,37,20,36,85,47,75,807 is larger than any Indian electorate (at most 2,00,00,00,000); check the figure".to_string())
        );
        assert!(toml::from_str::<toml::Table>("v = 99999999999999999999").is_err());
    }

    #[test]
    fn printable_escapes_controls_but_keeps_devanagari() {
        assert_eq!(printable("गोविंदनगर"), "गोविंदनगर");
        assert_eq!(printable("a\nb"), "a\\nb");
    }
}
