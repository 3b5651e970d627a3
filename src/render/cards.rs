//! An article's share card as data for `share_card`: its headline, dateline, language,
//! first chart and, when the article carries results, the result it leads with in the
//! words of its result box. Composing the SVG is cheap; drawing it is what the card cache
//! saves.

use super::context::Shared;
use crate::config::{Digits, SiteConfig};
use crate::election::{CandidateFigures, PageResults, ResultFigures};
use crate::i18n;
use crate::numfmt;
use crate::share_card::{CardPerson, CardResult};

/// The card of page `i` laid out as SVG; `chart` is the page's first chart.
pub fn card_svg(
    shared: &Shared<'_>,
    i: usize,
    chart: Option<&crate::chart::ChartSpec>,
) -> Result<String, String> {
    let page = &shared.pages[i];
    let last = shared.charts.results[i].iter().last();
    let place = last.map(|r| r.constituency.as_str());
    let date = match last.filter(|r| r.counting) {
        // A seat still counting says so on its card, with the round and the time of the
        // figures, so a card shared hours later cannot pass for a result.
        Some(r) => Some(counting_line(r, &page.lang)),
        None => page.date.map(|d| i18n::format_date(d, &page.lang)),
    };
    let dateline = match (place, date) {
        (Some(place), Some(date)) => Some(format!("{place} · {date}")),
        (Some(place), None) => Some(place.to_string()),
        (None, date) => date,
    };
    let result = main_result(&shared.charts.results[i])
        .and_then(|r| card_result(r, shared.config, &page.lang));
    crate::share_card::card_svg(&crate::share_card::Card {
        headline: &page.front.title,
        site_title: shared.config.title_in(&page.lang),
        lang: &page.lang,
        dateline: dateline.as_deref(),
        chart,
        result: result.as_ref(),
    })
}

/// The result a page leads with (its result box and its card): the most recent one, the
/// first written on a tie.
pub fn main_result(results: &PageResults) -> Option<&ResultFigures> {
    results
        .iter()
        .fold(None::<&ResultFigures>, |best, r| match best {
            Some(b) if b.year >= r.year => Some(b),
            _ => Some(r),
        })
}

/// What the card says of `r`, in the result box's words; none when the result names
/// nobody (the card then shows the headline).
fn card_result(r: &ResultFigures, config: &SiteConfig, lang: &str) -> Option<CardResult> {
    let t = i18n::strings(lang);
    let word = |key: &str| t.get(key).copied().unwrap_or_default().to_string();
    let digits = |s: String| match config.digits {
        Digits::Latin => s,
        Digits::Devanagari => numfmt::devanagari_digits(&s),
    };
    let hi = lang != "en";
    let votes_words = |c: &CandidateFigures| {
        let n = numfmt::inr_unsigned(c.votes);
        let votes = word("votes");
        digits(match (c.approx, hi) {
            (true, true) => format!("{n} {} {votes}", word("approx")),
            (true, false) => format!("{} {n} {}", word("approx"), votes.to_lowercase()),
            (false, true) => format!("{n} {votes}"),
            (false, false) => format!("{n} {}", votes.to_lowercase()),
        })
    };
    let person = |c: &CandidateFigures, role: String| {
        let party = config.parties.get(&c.party);
        let mut votes = if r.uncontested {
            word("unopposed")
        } else {
            votes_words(c)
        };
        if let Some(share) = c.share.filter(|_| !r.uncontested) {
            let about = if r.approx {
                format!("{} ", word("about"))
            } else {
                String::new()
            };
            votes = format!("{votes} · {about}{}", digits(numfmt::pct(share)));
        }
        CardPerson {
            role,
            name: c.name.clone(),
            party: party.map_or_else(|| c.party.clone(), |p| p.names(lang).short),
            color: party.map(|p| p.color.clone()),
            votes,
            share: c.share.filter(|_| !r.uncontested),
        }
    };
    let heading = format!("{} · {}", r.constituency, r.election);
    let source = r
        .source
        .as_ref()
        .map(|s| format!("{}: {}", word("source"), s.text));
    // While counting, the leader and the trailing candidate, never a winner, and the
    // round with the time of the figures.
    let (first, second, gap, gap_points, role, second_role, gap_word) = if r.counting {
        (
            &r.leader,
            &r.trailing,
            r.lead,
            r.lead_points,
            "leader",
            "trailing",
            "lead",
        )
    } else {
        (
            &r.winner,
            &r.runner_up,
            r.margin,
            r.margin_points,
            "winner",
            "runner_up",
            "margin",
        )
    };
    if let Some(winner) = first {
        let role = if r.tie { word("tie") } else { word(role) };
        let mut figures = Vec::new();
        if let Some(margin) = gap {
            let about = if r.approx {
                format!("{} ", word("about"))
            } else {
                String::new()
            };
            let points = gap_points
                .map(|p| format!(" ({about}{})", digits(numfmt::pct(p))))
                .unwrap_or_default();
            let votes = if hi {
                word("votes")
            } else {
                word("votes").to_lowercase()
            };
            figures.push(format!(
                "{}: {about}{} {votes}{points}",
                word(gap_word),
                digits(numfmt::inr_unsigned(margin)),
            ));
        }
        if r.counting {
            figures.push(counting_line(r, lang));
        }
        let mut aside = Vec::new();
        if r.complete && !r.uncontested {
            let total = digits(numfmt::inr_unsigned(r.total));
            let total = match (r.approx, hi) {
                (true, true) => format!("{total} {}", word("approx")),
                (true, false) => format!("{} {total}", word("approx")),
                _ => total,
            };
            let label = if r.counting { "counted" } else { "total_valid" };
            aside.push((word(label), total));
        }
        if let Some(turnout) = r.turnout {
            aside.push((word("turnout"), digits(numfmt::pct(turnout))));
        }
        return Some(CardResult {
            heading,
            lead: person(winner, role),
            figures,
            second: second.as_ref().map(|c| person(c, word(second_role))),
            aside,
            source,
        });
    }
    // A result that does not list every candidate: the winner the source names, else the
    // first candidate it names and, plainly, that it does not name the winner.
    let elected = r.candidates.iter().find(|c| c.elected);
    let (lead, role) = match elected {
        Some(c) => (c, word("winner")),
        None => (
            r.candidates.iter().find(|c| c.party != "NOTA")?,
            word("named_in_source"),
        ),
    };
    let mut figures: Vec<String> = lead.note.iter().cloned().collect();
    if elected.is_none() {
        figures.push(word("winner_not_named"));
    }
    Some(CardResult {
        heading,
        lead: person(lead, role),
        figures,
        second: None,
        aside: Vec::new(),
        source,
    })
}

/// "गिनती जारी, राउंड 12/20 · 4 जून 2024, 14:30 IST" / "Counting, round 12 of 20 · …".
pub fn counting_line(r: &crate::election::ResultFigures, lang: &str) -> String {
    let t = i18n::strings(lang);
    let mut line = t["counting"].to_string();
    match (r.round, r.rounds) {
        (Some(n), Some(m)) => {
            line.push_str(", ");
            line.push_str(
                &t["round_of"]
                    .replace("{n}", &n.to_string())
                    .replace("{m}", &m.to_string()),
            );
        }
        (Some(n), None) => {
            line.push_str(", ");
            line.push_str(&t["round_n"].replace("{n}", &n.to_string()));
        }
        _ => {}
    }
    if let Some(updated) = &r.updated {
        line.push_str(" · ");
        line.push_str(if lang == "hi" {
            &updated.hi
        } else {
            &updated.en
        });
    }
    line
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_card_of_a_seat_still_counting_says_leading_and_the_round_never_winner() {
        let (page, diagnostics) = crate::election::testutil::check(
            "[[results]]\nid = \"k\"\nelection = \"लोकसभा 2024\"\nyear = 2024\nconstituency = \"कानपुर\"\n\
             status = \"counting\"\nround = 12\nrounds = 20\nupdated = 2024-06-04T14:30:00+05:30\n\
             [[results.candidates]]\nname = \"रमेश अवस्थी\"\nparty = \"BJP\"\nvotes = 265833\n\
             [[results.candidates]]\nname = \"आलोक मिश्रा\"\nparty = \"INC\"\nvotes = 253252\n",
        );
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let config = SiteConfig::parse("title = \"x\"\n").expect("config");
        let card = card_result(page.get("k").expect("k"), &config, "hi").expect("card");
        assert_eq!(card.lead.role, "अग्रणी");
        assert_eq!(card.second.as_ref().expect("second").role, "पीछे");
        assert_eq!(
            card.figures,
            [
                "बढ़त: 12,581 वोट (2.42%)",
                "गिनती जारी, राउंड 12/20 · 4 जून 2024, 14:30 IST"
            ]
        );
        assert_eq!(card.aside[0].0, "अब तक गिने गए वोट");
        let all = format!("{:?}", card.figures) + &card.lead.role;
        assert!(!all.contains("विजेता"), "{all}");
    }
}
