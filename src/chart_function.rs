//! Charts for templates: the `chart()` Tera function, drawing through the same path as
//! chart blocks in Markdown (`chart_kinds`), from the checked results of the page being
//! rendered.

use crate::chart_kinds::{self, ChartContext, ChartOptions};
use crate::config::{Digits, Party, SiteConfig};
use crate::content::Page;
use crate::election::{PageResults, ResultDigest};
use std::collections::BTreeMap;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::sync::{Arc, RwLock};
use tera::{Kwargs, State, Tera, Value};

/// Every page's checked results, shared read-only by all renders.
pub struct ChartData {
    /// Empty for a summarised page (`Page::summarised`), which is never rendered.
    pub results: Vec<Arc<PageResults>>,
    /// What the site-wide steps read of each page's results (listings, taxonomies, cards).
    pub digests: Vec<Arc<[ResultDigest]>>,
    /// Every seat of the site once, for `tally()`.
    pub ledger: crate::election::tally::Ledger,
    pub alliances: crate::election::Alliances,
    langs: Vec<String>,
    parties: BTreeMap<String, Party>,
    digits: Digits,
}

/// The site's `ChartData` as the template functions (`chart()`, `tally()`) read it:
/// `serve` puts the new site's in after an edit and keeps its compiled templates.
#[derive(Clone)]
pub struct ChartSlot(Arc<RwLock<Arc<ChartData>>>);

impl ChartSlot {
    pub fn new(data: Arc<ChartData>) -> ChartSlot {
        ChartSlot(Arc::new(RwLock::new(data)))
    }

    pub fn get(&self) -> Arc<ChartData> {
        match self.0.read() {
            Ok(data) => Arc::clone(&data),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }

    pub fn set(&self, data: Arc<ChartData>) {
        match self.0.write() {
            Ok(mut slot) => *slot = data,
            Err(poisoned) => *poisoned.into_inner() = data,
        }
    }
}

/// The context variable naming the page being rendered, so `chart()` finds its results.
pub const PAGE_INDEX: &str = "page_index";

impl ChartData {
    pub fn empty() -> ChartData {
        ChartData {
            results: Vec::new(),
            digests: Vec::new(),
            ledger: Default::default(),
            alliances: Default::default(),
            langs: Vec::new(),
            parties: BTreeMap::new(),
            digits: Digits::Latin,
        }
    }

    pub fn new(
        pages: &[std::sync::Arc<Page>],
        (results, digests): (Vec<Arc<PageResults>>, Vec<Arc<[ResultDigest]>>),
        ledger: crate::election::tally::Ledger,
        config: &SiteConfig,
    ) -> ChartData {
        ChartData {
            results,
            digests,
            ledger,
            alliances: config.alliances.clone(),
            langs: pages.iter().map(|p| p.lang.clone()).collect(),
            parties: config.parties.clone(),
            digits: config.digits,
        }
    }

    /// The same data with `results` in place of the pages' results (pages loaded whole).
    pub fn with_results(&self, results: Vec<Arc<PageResults>>) -> ChartData {
        ChartData {
            results,
            digests: self.digests.clone(),
            ledger: self.ledger.clone(),
            alliances: self.alliances.clone(),
            langs: self.langs.clone(),
            parties: self.parties.clone(),
            digits: self.digits,
        }
    }

    pub fn context(&self, page: usize) -> Option<ChartContext<'_>> {
        Some(ChartContext {
            results: self.results.get(page)?.as_ref(),
            ledger: &self.ledger,
            alliances: &self.alliances,
            parties: &self.parties,
            lang: self.langs.get(page)?,
            digits: self.digits,
        })
    }
}

/// `{{ chart(kind="segments", party="INC", results=["ls2019", "ls2024"]) }}` in a template.
pub fn register(tera: &mut Tera, slot: ChartSlot) {
    tera.register_function(
        "chart",
        move |kwargs: Kwargs, state: &State| -> Result<Value, tera::Error> {
            let data = slot.get();
            let options = options_of(&kwargs)
                .map_err(|message| tera::Error::message(format!("chart(): {message}")))?;
            let page = state.get::<usize>(PAGE_INDEX)?.ok_or_else(|| {
                tera::Error::message(
                    "chart() can only be used in pages that have results (articles and sections)",
                )
            })?;
            let ctx = data
                .context(page)
                .ok_or_else(|| tera::Error::message("chart(): no results for this page"))?;
            let figure = chart_kinds::figure(&options, &ctx, &default_id(&options))
                .map_err(|e| tera::Error::message(format!("chart(): {e}")))?;
            Ok(Value::safe_string(&figure))
        },
    );
}

/// The function's arguments, checked by the same rules as a chart block's keys.
fn options_of(kwargs: &Kwargs) -> Result<ChartOptions, String> {
    let table: toml::Table = kwargs.deserialize().map_err(|e| {
        format!("arguments must be text, numbers or lists of text, e.g. results=[\"ls2019\", \"ls2024\"] ({e})")
    })?;
    ChartOptions::from_table(&table).map_err(|e| e.message)
}

/// Template charts are named after their options, so the same template drawing two
/// different charts on a page gives them different ids, stable from build to build.
fn default_id(options: &ChartOptions) -> String {
    let mut hasher = DefaultHasher::new();
    format!("{options:?}").hash(&mut hasher);
    format!("chart-t{:08x}", hasher.finish() as u32)
}
