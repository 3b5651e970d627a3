//! The index builder's folding and keys against the table static/search.js is also tested
//! on (tests/search-cases.json): a word folded differently on the two sides is never found.

use chunav::search::{first_file, fold, latin};
use serde_json::Value;

fn cases(section: &str) -> Vec<Value> {
    let table: Value = serde_json::from_str(include_str!("search-cases.json"))
        .expect("tests/search-cases.json is JSON");
    table[section]
        .as_array()
        .unwrap_or_else(|| panic!("no {section} cases"))
        .clone()
}

fn text(v: &Value) -> &str {
    v.as_str().expect("a string")
}

#[test]
fn folding_matches_the_table() {
    let mut wrong = Vec::new();
    for case in cases("fold") {
        let got = fold::fold(text(&case[0]));
        if got != text(&case[1]) {
            wrong.push(format!(
                "{} ({}): got {got:?}, want {:?}",
                text(&case[0]),
                case[2],
                text(&case[1])
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn words_match_the_table() {
    for case in cases("words") {
        let want: Vec<&str> = case[1].as_array().unwrap().iter().map(text).collect();
        assert_eq!(
            fold::words(&fold::fold(text(&case[0]))),
            want,
            "{}",
            case[0]
        );
    }
}

#[test]
fn keys_and_skeletons_match_the_table() {
    let mut wrong = Vec::new();
    for case in cases("key") {
        let got = latin::key(&fold::fold(text(&case[0])));
        if got != text(&case[1]) {
            wrong.push(format!(
                "key {}: got {got:?}, want {:?}",
                case[0],
                text(&case[1])
            ));
        }
    }
    for case in cases("first_file") {
        let (n, want) = (case[1].as_u64().unwrap(), case[2].as_u64().unwrap());
        let got = first_file(text(&case[0]), n as usize);
        if got as u64 != want {
            wrong.push(format!(
                "first file of {} among {n}: got {got}, want {want}",
                case[0]
            ));
        }
    }
    for case in cases("skeleton") {
        let got = latin::skeleton(text(&case[0]));
        if got != text(&case[1]) {
            wrong.push(format!(
                "skeleton {}: got {got:?}, want {:?}",
                case[0],
                text(&case[1])
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn distinct_words_keep_distinct_folds() {
    let words = ["कला", "काला", "कल", "किला", "कानपुर", "खानपुर", "जानपुर"];
    let mut folded: Vec<String> = words.iter().map(|w| fold::fold(w)).collect();
    folded.sort();
    folded.dedup();
    assert_eq!(folded.len(), words.len());
}
