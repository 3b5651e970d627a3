//! Claims of a seat's reservation: "reserved for Scheduled Castes", "अनुसूचित जनजाति के
//! लिए आरक्षित", "a general seat". The category must be the data's `reserved` (SC, ST,
//! GEN); a result without `reserved` is left alone (hand-typed data often leaves it out).

use super::{Checker, Named, find_word};

/// What the text calls the seat: the words and the category they name.
const CATEGORIES: &[(&str, Category)] = &[
    ("scheduled castes", Category::Sc),
    ("scheduled caste", Category::Sc),
    ("sc-reserved", Category::Sc),
    ("reserved for sc", Category::Sc),
    ("अनुसूचित जाति", Category::Sc),
    ("अनुसूचित जातियों", Category::Sc),
    ("scheduled tribes", Category::St),
    ("scheduled tribe", Category::St),
    ("st-reserved", Category::St),
    ("reserved for st", Category::St),
    ("अनुसूचित जनजाति", Category::St),
    ("अनुसूचित जनजातियों", Category::St),
    ("general seat", Category::General),
    ("unreserved", Category::General),
    ("सामान्य सीट", Category::General),
    ("अनारक्षित", Category::General),
];

/// Words that make a category a claim about the seat, not about voters ("Scheduled Caste
/// voters are a fifth of the electorate").
const RESERVED_WORDS: &[&str] = &[
    "reserved",
    "आरक्षित",
    "सुरक्षित",
    "general seat",
    "unreserved",
    "सामान्य सीट",
    "अनारक्षित",
];

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Category {
    Sc,
    St,
    General,
}

impl Category {
    fn of(data: Option<&str>) -> Option<Category> {
        match data.map(|s| s.trim().to_ascii_uppercase()) {
            Some(s) if s == "SC" => Some(Category::Sc),
            Some(s) if s == "ST" => Some(Category::St),
            Some(s) if s.is_empty() || s == "GEN" || s == "GENERAL" => Some(Category::General),
            Some(_) => None,
            None => None,
        }
    }

    fn said(self) -> &'static str {
        match self {
            Category::Sc => "reserved for Scheduled Castes (SC)",
            Category::St => "reserved for Scheduled Tribes (ST)",
            Category::General => "a general (unreserved) seat",
        }
    }
}

impl Checker<'_> {
    /// (offset, message) for a seat the sentence calls reserved for another category.
    pub(super) fn reserved_claim(&self, lower: &str, named: &Named) -> Option<(usize, String)> {
        if !RESERVED_WORDS.iter().any(|w| lower.contains(w)) {
            return None;
        }
        // The category named first at each place ("scheduled caste" inside "scheduled
        // castes" is one mention).
        let mut mentions: Vec<(usize, Category)> = Vec::new();
        for (w, category) in CATEGORIES {
            for at in super::find_words(lower, w, 8) {
                if !mentions.iter().any(|(m, _)| *m <= at && at < m + 24) {
                    mentions.push((at, *category));
                }
            }
        }
        mentions.sort_by_key(|(at, _)| *at);
        // A category said of people ("अनुसूचित जाति के मतदाता", "Scheduled Caste voters"),
        // denied ("not a general seat"), or in a clause that says nothing of reservation, is
        // no claim about the seat.
        mentions.retain(|(at, _)| {
            let clause = named
                .clauses
                .iter()
                .find(|(a, b)| at >= a && at < b)
                .map_or(lower, |(a, b)| lower.get(*a..*b).unwrap_or(lower));
            let after = lower[*at..]
                .split_whitespace()
                .take(5)
                .collect::<Vec<_>>()
                .join(" ");
            let before = super::sums::window_before(lower, *at);
            let people = [
                "मतदाता",
                "मतदाताओं",
                "voters",
                "voter",
                "population",
                "आबादी",
                "समुदाय",
                "community",
                "candidates",
                "उम्मीदवार",
                "leaders",
                "नेता",
            ]
            .iter()
            .any(|w| after.contains(w));
            let denied = ["not ", "n't ", "never "]
                .iter()
                .any(|w| before.ends_with(w) || before.ends_with(&format!("{w}a ")))
                || after.contains("नहीं");
            // "12,500 रुपये, जो सामान्य सीट के 25,000 की आधी है": a figure of such seats in
            // general, not this seat's category.
            let words: Vec<&str> = after.split_whitespace().collect();
            let of_such_seats = words.windows(3).any(|w| {
                ["सीट", "सीटों", "seat", "seats"].contains(&w[0])
                    && ["के", "की", "का"].contains(&w[1])
                    && w[2].starts_with(|c: char| super::numbers::ascii_digit(c).is_some())
            });
            !people
                && !denied
                && !of_such_seats
                && RESERVED_WORDS.iter().any(|w| clause.contains(w))
        });
        // Where each seat of the page is named in the sentence.
        let seat_at: Vec<(usize, &Vec<usize>)> = self
            .seats
            .iter()
            .flat_map(|(forms, list, _)| {
                forms
                    .iter()
                    .filter_map(|f| find_word(lower, f))
                    .min()
                    .map(|at| (at, list))
            })
            .collect();
        let both = ["both", "दोनों", "all three", "तीनों", "all the seats"]
            .iter()
            .any(|w| find_word(lower, w).is_some());
        for (at, said) in mentions {
            // The seat named last before the category, else after it ("अनुसूचित जाति के
            // लिए सुरक्षित बस्तर सीट"), else every seat of the page when the sentence says
            // both or the page has one.
            let before = seat_at
                .iter()
                .filter(|(s, _)| *s < at)
                .max_by_key(|(s, _)| *s);
            let after = seat_at
                .iter()
                .filter(|(s, _)| *s > at)
                .min_by_key(|(s, _)| *s);
            let results: Vec<usize> = match before.or(after) {
                Some((_, list)) if !both => (*list).clone(),
                _ if both || self.seats.len() == 1 => {
                    self.seats.iter().flat_map(|(_, l, _)| l.clone()).collect()
                }
                _ => continue,
            };
            let results: Vec<usize> = if named.results.is_empty() {
                results
            } else {
                results
                    .into_iter()
                    .filter(|i| named.results.contains(i))
                    .collect()
            };
            for i in results {
                let r = self.result(i);
                // Without `reserved` the data does not say (hand-typed data often leaves
                // it out), so only a category the data gives is compared.
                let Some(data) = Category::of(r.reserved.as_deref()) else {
                    continue;
                };
                if data != said {
                    let shown = format!(
                        "the data has reserved = \"{}\"",
                        r.reserved.as_deref().unwrap_or_default()
                    );
                    return Some((
                        at,
                        format!(
                            "the text calls {} {}, but {shown}: it is {}",
                            r.constituency,
                            said.said(),
                            data.said()
                        ),
                    ));
                }
            }
        }
        None
    }
}
