//! The card's colours: dark text on white, and one accent that belongs to no party.
//!
//! Indian parties own saffron, sky and deep blue, red, green and yellow; a deep violet is
//! claimed by none of the major ones, so the card's frame says nothing about who won.

pub const BACKGROUND: &str = "#FFFFFF";
/// Headline and chart text: 17:1 on white.
pub const INK: &str = "#1A1A1F";
/// Dateline, values, legend and footer text: 8.7:1 on white (7.8:1 on the panel).
pub const MUTED: &str = "#4A4A55";
/// The strip at the top, the kicker and the site name: 11:1 on white.
pub const ACCENT: &str = "#4B2A7B";
/// The chart's panel.
pub const PANEL: &str = "#F3F1F7";
/// Hairlines: the footer rule and zero lines (3:1 on the panel).
pub const RULE: &str = "#8A8794";
/// The rest of the vote in a result card's share bar.
pub const BAR_REST: &str = "#DEDAE5";
