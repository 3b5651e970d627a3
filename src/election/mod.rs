//! Election data: typed results, their checks, and the figures derived from them.
//!
//! `model` is the input as written; `check` validates one result into `result`'s checked
//! types; `derive` computes the quoted figures (with `share`, the one place percentages
//! are computed) and `compare` the changes between results; `page` does all of this for a
//! page, `data` for data/*.toml, `site` across pages; `prose_check` compares hand-typed
//! numbers in the body with the data.

pub mod check;
pub mod compare;
pub mod count;
pub mod data;
pub mod derive;
pub mod digest;
pub mod fold;
pub mod model;
pub mod page;
pub mod prose_check;
pub mod result;
pub mod share;
pub mod site;
pub mod status;
pub mod tally;

pub use check::unusual_tag_forms;
pub use compare::Alliances;
pub use data::{DataStore, load_data_dir};
pub use derive::{
    AllianceFigures, CandidateFigures, PartyChange, PartyFigures, ResultFigures, SegmentFigures,
};
pub use digest::ResultDigest;
pub use page::{PageResults, check_page};
pub use prose_check::check_prose;
pub use site::{check_site, check_site_by_seat};

#[cfg(test)]
pub(crate) mod testutil;
