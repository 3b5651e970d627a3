//! An article's share card as data for `share_card`: its headline, dateline, language and
//! first chart. Composing the SVG is cheap; drawing it is what the card cache saves.

use super::context::Shared;
use crate::i18n;

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
    crate::share_card::card_svg(&crate::share_card::Card {
        headline: &page.front.title,
        site_title: shared.site_title,
        lang: &page.lang,
        dateline: dateline.as_deref(),
        chart,
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
