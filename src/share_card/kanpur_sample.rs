//! The Kanpur result of 2024 as the build gives it to a share card, in Hindi and English:
//! the sample the card tests and `examples/bench_card.rs` both draw (each includes this
//! file with `#[path]`, beside `CardPerson` and `CardResult` in scope).

use super::{CardPerson, CardResult};

/// The Kanpur result of 2024 as the build gives it to a card.
pub fn kanpur_result(lang: &str) -> CardResult {
    let hindi = lang == "hi";
    let person =
        |role: &str, name: &str, party: &str, color: &str, votes: &str, share| CardPerson {
            role: role.to_string(),
            name: name.to_string(),
            party: party.to_string(),
            color: Some(color.to_string()),
            votes: votes.to_string(),
            share: Some(share),
        };
    if hindi {
        CardResult {
            heading: "कानपुर · लोकसभा 2024".to_string(),
            lead: person(
                "विजेता",
                "रमेश अवस्थी",
                "भाजपा",
                "#FF9933",
                "4,43,055 वोट · 49.93%",
                49.93,
            ),
            figures: vec!["जीत का अंतर: 20,968 वोट (2.36%)".to_string()],
            second: Some(person(
                "उपविजेता",
                "आलोक मिश्रा",
                "कांग्रेस",
                "#19AAED",
                "4,22,087 वोट · 47.56%",
                47.56,
            )),
            aside: vec![("कुल वैध वोट".to_string(), "8,87,396".to_string())],
            source: Some("स्रोत: भारत निर्वाचन आयोग".to_string()),
        }
    } else {
        CardResult {
            heading: "Kanpur · Lok Sabha 2024".to_string(),
            lead: person(
                "Winner",
                "Ramesh Awasthi",
                "BJP",
                "#FF9933",
                "4,43,055 votes · 49.93%",
                49.93,
            ),
            figures: vec!["Margin: 20,968 votes (2.36%)".to_string()],
            second: Some(person(
                "Runner-up",
                "Alok Mishra",
                "Congress",
                "#19AAED",
                "4,22,087 votes · 47.56%",
                47.56,
            )),
            aside: vec![("Total valid votes".to_string(), "8,87,396".to_string())],
            source: Some("Source: Election Commission of India".to_string()),
        }
    }
}
