//! The few words a chart writes itself, in the article's language.

pub struct Words {
    pub source: &'static str,
    pub not_available: &'static str,
    pub no_figures: &'static str,
    /// The visual switch that shows the data table on screen (docs/charts.md).
    pub show_table: &'static str,
}

const HINDI: Words = Words {
    source: "स्रोत",
    not_available: "उपलब्ध नहीं",
    no_figures: "आँकड़े उपलब्ध नहीं",
    show_table: "आँकड़े तालिका में",
};

const ENGLISH: Words = Words {
    source: "Source",
    not_available: "not available",
    no_figures: "No figures available",
    show_table: "The figures as a table",
};

/// Hindi for `hi` (and regional tags such as `hi-IN`), English otherwise.
pub fn for_lang(lang: &str) -> &'static Words {
    let primary = lang.split(['-', '_']).next().unwrap_or_default();
    if primary.eq_ignore_ascii_case("hi") {
        &HINDI
    } else {
        &ENGLISH
    }
}
