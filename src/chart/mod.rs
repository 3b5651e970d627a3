//! Charts: plain chart data (`ChartSpec`) in, an accessible HTML `<figure>` with inline SVG out.
//!
//! `spec` checks the input → `layout` places bars and measured labels (`fonts`, `text`,
//! `color`) → `svg` draws them with plotters and tidies the SVG → `html` wraps it with the
//! caption, the description and the data table. Turning election results into a
//! `ChartSpec` belongs to `election`, not here.

mod color;
mod fonts;
mod html;
mod layout;
mod spec;
mod svg;
mod text;
mod words;

#[cfg(test)]
mod tests;

pub use color::{MIN_MARK_CONTRAST, mark_color};
pub use fonts::FONT_FAMILY;
/// Cluster-safe wrapping and shortening, shared with the share cards.
pub(crate) use html::escape;
pub use spec::{ChartError, ChartSpec, Highlight, Layout, Series, Source, Value};
pub(crate) use text::{with_ellipsis, wrap};

/// The whole figure: caption, inline SVG and data table.
pub fn render_figure(spec: &ChartSpec) -> Result<String, ChartError> {
    let checked = spec::check(spec)?;
    let words = words::for_lang(&spec.lang);
    let svg = svg_of(&checked, words)?;
    Ok(html::figure(&checked, words, &svg))
}

/// Only the `<svg>` element (for share cards, or to measure drawing alone).
pub fn render_svg(spec: &ChartSpec) -> Result<String, ChartError> {
    let checked = spec::check(spec)?;
    svg_of(&checked, words::for_lang(&spec.lang))
}

fn svg_of(checked: &spec::Checked<'_>, words: &words::Words) -> Result<String, ChartError> {
    let scene = layout::layout(checked, words);
    let desc = html::description(checked, words);
    let text = svg::SvgText {
        id: &checked.spec.id,
        title: &checked.spec.title,
        desc: &desc,
    };
    svg::render(&scene, &text).map_err(|message| ChartError::Draw {
        id: checked.spec.id.clone(),
        message,
    })
}
