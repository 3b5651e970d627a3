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
    let place = shared.charts.results[i]
        .iter()
        .last()
        .map(|r| r.constituency.as_str());
    let date = page.date.map(|d| i18n::format_date(d, &page.lang));
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
