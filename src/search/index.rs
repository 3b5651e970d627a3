//! The index's files, as the browser reads them (docs/search.md has the format):
//!
//! - `search/meta.json`: `{"v":4,"docs":N,"shards":[the shard key each shard starts at …],
//!   "firsts":M}`;
//! - `search/t/<n>.json`: shard n, `[[word, key, [postings]], …]` ordered by shard key
//!   (latin::shard_key: the key's skeleton, then the key), so that the words a query can
//!   meet through its key, and most of those one typo away, sit in one shard; a word in at
//!   most RARE articles has a fourth item, `[id, title, url, lang]` of its best article;
//! - `search/f/<m>.json`: what the first screen of results shows, for the words whose key
//!   skeleton hashes to m (`first_file`): `{"d":{id:[title,url,lang]},"w":{word:[[id,snippet]…]}}`,
//!   the snippet of each word's first results. The browser fetches it beside the shard (it
//!   knows m from the query alone), so a query's first results need one round trip. "d"
//!   also has every title article of a word in at most TITLE_LIST titles, and the best
//!   article of each frequent pair of title words whose first is one of the file's words
//!   (`pairs_of`): a query of two words then finds its best article's title and address
//!   in the files of its own words, whichever of them it is;
//! - `search/d/<id>.json`: article `id` (0 = oldest, so that a new article takes a new id
//!   and leaves the others' alone): title, URL, language, date, description, tags and
//!   text, fetched only for results beyond the first ones.
//!
//! A posting is `gap * 8 + fields`, where gap is the distance from the previous article id
//! (the first from 0) and fields has 4 for the title, 2 for a heading, the description or a
//! tag, 1 for the body.
//!
//! `Index` holds what the files are computed from — each article's prepared words
//! (prepare.rs), every word's postings, JSON and first results — so that an edit changes
//! only what it touches: `update` applies changed and removed articles, `changes` gives the
//! files whose bytes differ from those last `commit`ted. Where shards and first-results
//! files are cut depends on nothing but the words near the cut, so an edit rewrites the
//! shards and first-results files of the words it touched and its article's file, at any
//! size of site. The files never depend on the order of edits: they are always those that
//! `build_files` gives for the same entries (tested on random sequences of edits).

use super::prepare::{self, BODY, HEADING, Prepared, TITLE};
use super::snippet::Sources;
use super::{Entry, Synonyms, fold, latin};
use crate::escape::json_string;
use crate::fingerprint::{self, Fingerprinter};
use rayon::prelude::*;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt::Write;
use std::ops::Range;

pub const META_FILE: &str = "search/meta.json";
const FORMAT_VERSION: u32 = 4;

/// How many results of each word the index carries title, address and snippet for: a
/// phone's first screen of results. The others come from their article files.
const FIRST_RESULTS: usize = 3;

/// A word in at most this many titles (a place, a rarer name) has all its title articles'
/// titles, addresses and languages in its first-results file: a query of that word and a
/// common one (a place and a year, a party, "result") finds the title of its best article
/// there, without waiting for the article's file.
const TITLE_LIST: usize = 40;

/// For a word in more titles than TITLE_LIST (a common first name), the words that follow
/// it in at least PAIR_TITLES titles, at most PAIRS of them (the most frequent first), each
/// give the best article that has both (a full name typed as two words).
const PAIR_TITLES: usize = 2;
const PAIRS: usize = 24;

/// A word in at most this many articles carries its best article's id, title, address and
/// language in its shard entry: a query that meets it by a typo or as a prefix (2024 is the
/// prefix of a vote count, 20,245), whose key names another first-results file than the
/// word's, then still has the title of the article it most likely puts first in the first
/// round trip.
const RARE: usize = 3;

/// The files of first results hold between this and twice this many bytes of JSON (2-5 KB
/// once gzipped): their number is the power of two that gives that, so that it changes
/// only when the site doubles or halves, not with every edit (every word moves then). A
/// query fetches one for each of its words, and a throttled phone's main thread spends
/// about a millisecond on each 4 KB of JSON it receives: at 16,000 a query of a compound
/// typed apart (six files) waited 40-50 ms for them after the last had arrived.
const FIRSTS_BYTES: usize = 8_000;

/// A shard holds at least SHARD_MIN bytes of JSON, then ends before the first key whose
/// hash's high bits say one in SHARD_CUT (`cuts_before`), or before the key that would take it past SHARD_MAX:
/// about 8 KB once gzipped, so a query of a few words stays far below 100 KB on the wire,
/// while a 10,000-article site has hundreds of shards, not thousands. Since a cut depends
/// on the keys around it rather than on where the shard began, an edit that makes one
/// shard longer or shorter moves no cut after the next one. The words of a key too many
/// for SHARD_MAX (the commonest words of a large site) get a shard of their own.
const SHARD_MIN: usize = 16_000;
const SHARD_MAX: usize = 32_000;
const SHARD_CUT: u32 = 32;

type Files = Vec<(String, Vec<u8>)>;

/// The index files for `entries`, as (path relative to the site root, bytes), with no
/// synonyms.
pub fn build_files(entries: Vec<Entry>) -> Files {
    build_files_with(entries, &Synonyms::default())
}

/// The index files for `entries`, where the phrases of each group of `synonyms` find one
/// another (`Synonyms::of_site` gives a site's).
pub fn build_files_with(entries: Vec<Entry>, synonyms: &Synonyms) -> Files {
    Index::new(entries, synonyms.clone()).files()
}

/// Which file of first results holds the words of loose key `key`, of `files`: FNV-1a of
/// the bytes of the key's skeleton (static/search.js computes the same from the query), so
/// that the words a query meets by the same consonants (`kongres` and कांग्रेस `kangres`,
/// `dharmnagar` and धर्मनगर `dharmangar`) have their first results in the file it fetches.
pub fn first_file(key: &str, files: usize) -> usize {
    first_hash(key) as usize % files.max(1)
}

/// FNV-1a of the key's skeleton, or of the key itself when it has letters of no Latin
/// alphabet (their skeleton is one for all).
fn first_hash(key: &str) -> u32 {
    match latin::skeleton(key) {
        s if s == "~" => fnv(key),
        s => fnv(&s),
    }
}

fn fnv(text: &str) -> u32 {
    text.bytes().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    })
}

/// The search index of a site, kept between edits.
pub struct Index {
    synonyms: Synonyms,
    synonyms_print: u64,
    /// Oldest first (`doc_order`): an article's id is its place here.
    docs: Vec<Doc>,
    /// By shard key, then word. Boxed, so that a word coming or going moves pointers, not
    /// the 118,000 words of a 10,000-article site.
    #[allow(clippy::vec_box)]
    terms: Vec<Box<Term>>,
    /// Each word's `Term::hash`, in the order of `terms`: scanned to find the words of a
    /// first-results file without visiting every word.
    hashes: Vec<u32>,
    next_serial: u64,
    /// Each article's id, by path.
    ids: HashMap<String, usize>,
    /// The files as the index now is, and as they were when last committed.
    current: Layout,
    published: Layout,
}

/// The files that differ from the last committed ones.
#[derive(Debug, Default)]
pub struct Changes {
    pub files: Files,
    /// Files the index no longer has.
    pub gone: Vec<String>,
}

/// What each file of an index is made of, by file: the fingerprints of the shards, the
/// first-results files and the article files, and meta.json's bytes. A build keeps those
/// of the files it published, so that the next build, another process, writes only the
/// files whose prints differ and links the others (`Index::published_as`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Prints {
    pub shards: Vec<u64>,
    pub firsts: Vec<u64>,
    pub docs: Vec<u64>,
    pub meta: Vec<u8>,
}

struct Doc {
    entry: Entry,
    words: Prepared,
    /// Tells this version of an article from any other (its snippets are kept by it).
    serial: u64,
    /// Fingerprints of its article file, and of its title, address and language.
    file_print: u64,
    info_print: u64,
    /// The folded words of its title, in order (for pairs of title words).
    title: Vec<String>,
}

struct Term {
    word: String,
    key: String,
    shard_key: String,
    /// FNV-1a of the key's skeleton (which first-results file the word is in).
    hash: u32,
    postings: Vec<(u32, u8)>,
    /// `[word, key, [postings]]` (and, for a rare word, `[id, title, url, lang]` of its
    /// best article) and its fingerprint.
    json: String,
    json_print: u64,
    /// The word's first results, and the snippet of each, by the article's serial.
    firsts: Vec<u32>,
    /// Every article with the word in its title, when there are at most TITLE_LIST; and
    /// the best article of each of its frequent pairs of title words (`pairs_of`): their
    /// titles, addresses and languages go in its first-results file.
    titles: Vec<u32>,
    pairs: Vec<u32>,
    /// The words whose pairs with this one `pairs` are the best articles of: when none
    /// of their postings and none of this word's titles changed, neither did `pairs`.
    follows: Vec<String>,
    snippets: Vec<(u64, String)>,
    /// `"word":[[id,snippet]…]`; its fingerprint with the first results' titles, addresses
    /// and languages; and the bytes it adds to its file.
    first_json: String,
    first_print: u64,
    first_size: usize,
}

/// Where the files are cut, and a fingerprint of what each is made of.
#[derive(Clone, Default, PartialEq, Debug)]
struct Layout {
    shards: Vec<Range<usize>>,
    shard_prints: Vec<u64>,
    /// Of each first-results file, the sum of its words' `first_print`s (a sum, so that
    /// a word can be taken out and put in without visiting the others).
    first_prints: Vec<u64>,
    /// What the first-results files add up to (it decides how many there are).
    first_bytes: usize,
    doc_prints: Vec<u64>,
    meta: Vec<u8>,
}

/// What an update in place changed, for `Index::relayout`.
#[derive(Default)]
struct Touched {
    /// The first place in `terms` whose shard entry changed, and the place from which
    /// every word is as it was (shifted by the words that came and went); `None` when no
    /// word's postings changed.
    shards: Option<(usize, usize)>,
    /// First-results entries taken out (the words gone, and the refreshed ones as they
    /// were: their key's hash and print) and their bytes; the places of the refreshed
    /// words, whose new entries go in, and their bytes.
    first_out: Vec<(u32, u64)>,
    first_taken: usize,
    first_in: Vec<usize>,
    first_added: usize,
    /// Ids whose article file may have changed.
    docs: Vec<usize>,
}

/// An article's fields for a word, before and after an update (`None`: not there).
type Change = (Option<u8>, Option<u8>);

/// The best articles of a word's frequent pairs of title words, and the words it is
/// paired with (`Index::pairs_of`).
type Pairs = (Vec<u32>, Vec<String>);

/// How much of a word to compute again.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Stale {
    /// An article among its first results changed: their snippets and titles.
    Firsts,
    /// Also what its pairs of title words are made of: the postings of a word that
    /// follows it in titles, or the title of an article with it.
    Pairs,
    /// Its postings changed: everything.
    Postings,
}

impl Index {
    /// The index of `entries` (each article once: of two entries with one path, the last).
    pub fn new(entries: Vec<Entry>, synonyms: Synonyms) -> Index {
        let mut index = Index {
            synonyms_print: prepare::synonyms_print(&synonyms),
            synonyms,
            docs: Vec::new(),
            terms: Vec::new(),
            hashes: Vec::new(),
            next_serial: 0,
            ids: HashMap::new(),
            current: Layout::default(),
            published: Layout::default(),
        };
        let mut by_path: BTreeMap<String, Entry> = BTreeMap::new();
        for e in entries {
            by_path.insert(e.path.clone(), e);
        }
        index.docs = index.prepare(by_path.into_values().collect());
        sort_docs(&mut index.docs);
        index.ids = ids_of(&index.docs);
        index.rebuild_terms(HashMap::new());
        index.current = index.layout();
        index
    }

    /// The groups of synonyms the index was built with.
    pub fn synonyms(&self) -> &Synonyms {
        &self.synonyms
    }

    /// Builds the index again with other groups of synonyms (every article's words are
    /// prepared again); `changes` then compares with the files last committed, as ever.
    pub fn set_synonyms(&mut self, synonyms: Synonyms) {
        self.synonyms_print = prepare::synonyms_print(&synonyms);
        self.synonyms = synonyms;
        let entries: Vec<Entry> = std::mem::take(&mut self.docs)
            .into_iter()
            .map(|d| d.entry)
            .collect();
        self.docs = self.prepare(entries);
        sort_docs(&mut self.docs);
        self.ids = ids_of(&self.docs);
        self.rebuild_terms(HashMap::new());
        self.current = self.layout();
    }

    /// Takes in `changed` articles (new ones, or new versions of ones the index has, by
    /// path) and drops the articles at `removed`. An article whose id stays the same
    /// touches only its own words (as does a new article newer than all others); one that
    /// moves (a changed date, an article added or removed before others) renumbers those
    /// after it, and every word's postings are gathered again
    /// from the prepared words (nothing is folded again but the changed articles).
    pub fn update(&mut self, changed: Vec<Entry>, removed: &[String]) {
        let mut fresh: BTreeMap<String, Entry> = BTreeMap::new();
        for e in changed {
            let same = self
                .ids
                .get(e.path.as_str())
                .is_some_and(|&id| same_entry(&self.docs[id].entry, &e));
            if !same {
                fresh.insert(e.path.clone(), e);
            }
        }
        let leaving: HashSet<&str> = removed
            .iter()
            .map(String::as_str)
            .filter(|p| self.ids.contains_key(*p) && !fresh.contains_key(*p))
            .collect();
        if fresh.is_empty() && leaving.is_empty() {
            return;
        }
        let leaving: HashSet<String> = leaving.into_iter().map(str::to_string).collect();
        let fresh = self.prepare(fresh.into_values().collect());
        let fresh = match leaving.is_empty() {
            true => match self.replace_in_place(fresh) {
                Ok(()) => return,
                Err(fresh) => fresh,
            },
            false => fresh,
        };
        let replaced: HashSet<String> = fresh.iter().map(|d| d.entry.path.clone()).collect();
        let mut departed: Vec<(usize, Doc)> = Vec::new();
        let mut next: Vec<(Option<usize>, Doc)> = Vec::with_capacity(self.docs.len() + 1);
        for (id, doc) in std::mem::take(&mut self.docs).into_iter().enumerate() {
            let path = &doc.entry.path;
            if replaced.contains(path) || leaving.contains(path) {
                departed.push((id, doc));
            } else {
                next.push((Some(id), doc));
            }
        }
        next.extend(fresh.into_iter().map(|d| (None, d)));
        next.sort_by(|(_, a), (_, b)| doc_order(&a.entry, &b.entry));
        let stays = next
            .iter()
            .enumerate()
            .all(|(id, (old, _))| old.is_none_or(|old| old == id));
        let arrived: Vec<usize> = (0..next.len()).filter(|&id| next[id].0.is_none()).collect();
        self.docs = next.into_iter().map(|(_, d)| d).collect();
        if stays {
            for (_, doc) in &departed {
                self.ids.remove(doc.entry.path.as_str());
            }
            for &id in &arrived {
                self.ids.insert(self.docs[id].entry.path.clone(), id);
            }
            self.apply_in_place(departed, &arrived);
        } else {
            self.ids = ids_of(&self.docs);
            let snippets = std::mem::take(&mut self.terms)
                .into_iter()
                .map(|t| (t.word, t.snippets))
                .collect();
            self.rebuild_terms(snippets);
            self.current = self.layout();
        }
    }

    /// The common edit of `serve`: each of `fresh` is a new version of an article the
    /// index has, and sorts where the old one was (its date and path unchanged, or not
    /// moved past a neighbour). Each takes its old one's place and id; no other article
    /// is moved or looked at. `Err` gives `fresh` back, the index untouched, otherwise.
    fn replace_in_place(&mut self, fresh: Vec<Doc>) -> Result<(), Vec<Doc>> {
        let Some(ids) = fresh
            .iter()
            .map(|d| self.ids.get(d.entry.path.as_str()).copied())
            .collect::<Option<Vec<usize>>>()
        else {
            return Err(fresh);
        };
        let departed: Vec<(usize, Doc)> = ids
            .iter()
            .copied()
            .zip(fresh)
            .map(|(id, doc)| (id, std::mem::replace(&mut self.docs[id], doc)))
            .collect();
        let docs = &self.docs;
        let before = |a: usize, b: usize| doc_order(&docs[a].entry, &docs[b].entry).is_lt();
        let sorted = ids.iter().all(|&id| {
            (id == 0 || before(id - 1, id)) && (id + 1 >= docs.len() || before(id, id + 1))
        });
        if !sorted {
            let fresh = departed
                .into_iter()
                .map(|(id, old)| std::mem::replace(&mut self.docs[id], old))
                .collect();
            return Err(fresh);
        }
        self.apply_in_place(departed, &ids);
        Ok(())
    }

    /// The files whose bytes differ from those last committed (all of them, before the
    /// first commit), and the files the index no longer has.
    pub fn changes(&self) -> Changes {
        self.diff(&self.published)
    }

    /// Marks the current files as the ones published: `changes` compares with them now.
    pub fn commit(&mut self) {
        self.published = self.current.clone();
    }

    /// What the current files are made of (see `Prints`).
    pub fn prints(&self) -> Prints {
        let now = &self.current;
        Prints {
            shards: now.shard_prints.clone(),
            firsts: now.first_prints.clone(),
            docs: now.doc_prints.clone(),
            meta: now.meta.clone(),
        }
    }

    /// The files published are those `prints` describes (what an index of the same
    /// synonyms gave for the last build): `changes` compares with them from now on.
    pub fn published_as(&mut self, prints: Prints) {
        self.published = Layout {
            shards: Vec::new(),
            shard_prints: prints.shards,
            first_prints: prints.firsts,
            // Only `relayout` reads it, and only from the current layout: a published one
            // is compared by its prints alone.
            first_bytes: 0,
            doc_prints: prints.docs,
            meta: prints.meta,
        };
    }

    /// Every file of the index, as (path relative to the site root, bytes).
    pub fn files(&self) -> Files {
        self.diff(&Layout::default()).files
    }

    /// The path of every file of the index.
    pub fn paths(&self) -> Vec<String> {
        let mut paths: Vec<String> = (0..self.current.shards.len()).map(shard_path).collect();
        paths.push(META_FILE.to_string());
        paths.extend((0..self.current.first_prints.len()).map(first_path));
        paths.extend((0..self.docs.len()).map(doc_path));
        paths
    }

    /// The paths of the articles the index has.
    pub fn articles(&self) -> impl Iterator<Item = &str> {
        self.docs.iter().map(|d| d.entry.path.as_str())
    }

    /// The articles with their prepared words (oldest first).
    pub fn entries(&self) -> impl Iterator<Item = (&Entry, &Prepared)> {
        self.docs.iter().map(|d| (&d.entry, &d.words))
    }

    /// Prepares new articles (in parallel), giving each a serial of its own.
    fn prepare(&mut self, entries: Vec<Entry>) -> Vec<Doc> {
        let first = self.next_serial;
        self.next_serial += entries.len() as u64;
        let (synonyms, print) = (&self.synonyms, self.synonyms_print);
        entries
            .into_par_iter()
            .enumerate()
            .map(|(n, mut entry)| {
                let words = match entry.prepared.take() {
                    Some(words) if words.synonyms == print => words,
                    _ => prepare::prepare(&entry, synonyms),
                };
                Doc::new(entry, words, first + n as u64)
            })
            .collect()
    }

    /// Every word's postings gathered again from the articles' prepared words, keeping
    /// the snippets of articles that did not change (`snippets`, by word).
    fn rebuild_terms(&mut self, mut snippets: HashMap<String, Vec<(u64, String)>>) {
        let mut postings: HashMap<&str, Vec<(u32, u8)>> = HashMap::new();
        for (id, doc) in self.docs.iter().enumerate() {
            for (word, fields, _) in doc.words.iter() {
                postings.entry(word).or_default().push((id as u32, fields));
            }
        }
        let mut terms: Vec<Box<Term>> = postings
            .into_par_iter()
            .map(|(word, postings)| Box::new(Term::new(word.to_string(), postings)))
            .collect();
        terms.par_sort_unstable_by(|a, b| term_order(a, b.shard_key.as_str(), &b.word));
        for term in &mut terms {
            if let Some(kept) = snippets.remove(&term.word) {
                term.snippets = kept;
            }
        }
        self.hashes = terms.iter().map(|t| t.hash).collect();
        self.terms = terms;
        let stale: Vec<(usize, Stale)> = (0..self.terms.len())
            .map(|at| (at, Stale::Postings))
            .collect();
        self.refresh(&stale);
    }

    /// An update where every article that stays keeps its id (`self.docs` is the new
    /// list): only the words of the articles that left (`departed`, with their old ids)
    /// or came (`arrived`, ids in the new list) are touched.
    fn apply_in_place(&mut self, departed: Vec<(usize, Doc)>, arrived: &[usize]) {
        // For each touched (word, id): its fields before and after.
        let mut edits: BTreeMap<(&str, u32), Change> = BTreeMap::new();
        for (id, doc) in &departed {
            for (word, fields, _) in doc.words.iter() {
                edits.entry((word, *id as u32)).or_default().0 = Some(fields);
            }
        }
        for &id in arrived {
            for (word, fields, _) in self.docs[id].words.iter() {
                edits.entry((word, id as u32)).or_default().1 = Some(fields);
            }
        }
        let mut levels: BTreeMap<&str, Stale> = BTreeMap::new();
        let mut touched = Touched::default();
        for (&(word, id), &(before, after)) in &edits {
            let stale = if before == after {
                Stale::Firsts
            } else {
                let gone = set_posting(&mut self.terms, &mut self.hashes, word, id, after);
                if let Some(gone) = gone {
                    touched.first_out.push((gone.hash, gone.first_print));
                    touched.first_taken += gone.first_size;
                }
                Stale::Postings
            };
            let level = levels.entry(word).or_insert(stale);
            if stale > *level {
                *level = stale;
            }
        }
        // A word whose pairs of title words may have changed though its postings did not:
        // one in the title of an article whose title changed, or one followed in titles
        // by a word whose postings changed.
        for word in retitled(&departed, arrived, &self.docs) {
            if let Some(level) = levels.get_mut(word) {
                *level = (*level).max(Stale::Pairs);
            }
        }
        let moved: HashSet<&str> = levels
            .iter()
            .filter(|(_, l)| **l == Stale::Postings)
            .map(|(word, _)| *word)
            .collect();
        for (word, level) in levels.iter_mut() {
            if *level == Stale::Firsts
                && find(&self.terms, word).is_some_and(|at| {
                    self.terms[at]
                        .follows
                        .iter()
                        .any(|next| moved.contains(next.as_str()))
                })
            {
                *level = Stale::Pairs;
            }
        }
        // Where the shards may have changed: from the first word whose postings did (or
        // rare word, whose entry has its best article's title, which an edit may change) to
        // just past the last (a word gone counts at the place it left).
        let rare = |word: &str| {
            find(&self.terms, word).is_some_and(|at| self.terms[at].postings.len() <= RARE)
        };
        let reshard: Vec<&str> = levels
            .iter()
            .filter(|(word, l)| **l == Stale::Postings || rare(word))
            .map(|(word, _)| *word)
            .collect();
        for word in reshard {
            let (first, after) = match locate(&self.terms, word) {
                Ok(at) => (at, at + 1),
                Err(at) => (at, at),
            };
            touched.shards = Some(match touched.shards {
                Some((f, a)) => (f.min(first), a.max(after)),
                None => (first, after),
            });
        }
        let mut stale: Vec<(usize, Stale)> = levels
            .into_iter()
            .filter_map(|(word, level)| find(&self.terms, word).map(|at| (at, level)))
            .collect();
        stale.sort_unstable_by_key(|&(at, _)| at);
        touched.docs = departed.iter().map(|(id, _)| *id).collect();
        touched.docs.extend(arrived);
        drop(edits);
        drop(departed);
        for &(at, _) in &stale {
            let t = &self.terms[at];
            touched.first_out.push((t.hash, t.first_print));
            touched.first_taken += t.first_size;
        }
        self.refresh(&stale);
        for &(at, _) in &stale {
            touched.first_in.push(at);
            touched.first_added += self.terms[at].first_size;
        }
        self.current = match self.current.shards.is_empty() {
            true => self.layout(),
            false => self.relayout(&touched),
        };
    }

    /// Computes again what `stale` says of each word (by its place in `terms`, in order).
    fn refresh(&mut self, stale: &[(usize, Stale)]) {
        let postings = stale
            .iter()
            .filter(|(_, s)| *s == Stale::Postings)
            .map(|(at, _)| *at);
        pick_mut(&mut self.terms, postings)
            .into_par_iter()
            .for_each(|term| term.index_postings());
        // A rare word's shard entry has its best article's title: an edit of that article
        // changes it without changing the word's postings.
        let entries: Vec<usize> = stale
            .iter()
            .filter(|(at, s)| *s == Stale::Postings || self.terms[*at].postings.len() <= RARE)
            .map(|(at, _)| *at)
            .collect();
        let docs = &self.docs;
        pick_mut(&mut self.terms, entries.into_iter())
            .into_par_iter()
            .for_each(|term| term.index_entry(docs));
        // A word's pairs depend only on the articles that have it, their titles and the
        // postings of the words that follow it there: the words an update left at
        // `Stale::Firsts` keep theirs.
        let pairs: Vec<(usize, Pairs)> = stale
            .par_iter()
            .filter(|(_, s)| *s >= Stale::Pairs)
            .map(|&(at, _)| (at, self.pairs_of(at)))
            .collect();
        for (at, (ids, follows)) in pairs {
            let term = &mut self.terms[at];
            term.pairs = ids;
            term.follows = follows;
        }
        // The snippets not kept from before, cut once per article for all its words.
        let mut wanted: HashMap<u32, Vec<usize>> = HashMap::new();
        for &(at, _) in stale {
            let term = &self.terms[at];
            for &id in &term.firsts {
                let serial = self.docs[id as usize].serial;
                if !term.snippets.iter().any(|(s, _)| *s == serial) {
                    wanted.entry(id).or_default().push(at);
                }
            }
        }
        let terms = &self.terms;
        let docs = &self.docs;
        let cut: HashMap<(usize, u32), String> = wanted
            .into_par_iter()
            .flat_map_iter(|(id, ats)| {
                let doc = &docs[id as usize];
                let sources = Sources::of(&doc.entry);
                ats.into_iter()
                    .map(|at| {
                        let place = doc.words.get(&terms[at].word).map_or(u32::MAX, |w| w.1);
                        ((at, id), sources.cut(place))
                    })
                    .collect::<Vec<_>>()
            })
            .collect();
        let docs = &self.docs;
        let places: Vec<usize> = stale.iter().map(|(at, _)| *at).collect();
        pick_mut(&mut self.terms, places.iter().copied())
            .into_par_iter()
            .zip(places)
            .for_each(|(term, at)| term.index_firsts(docs, at, &cut));
    }

    /// For the word at `at`, when it is in more than TITLE_LIST titles: the best article
    /// (by fields, then newest, as `best` and the browser rank) that has both it and a
    /// word following it in at least PAIR_TITLES titles, for the PAIRS most frequent
    /// such words. They depend only on the articles with this word, so an edit of any
    /// other article leaves them as they are. With them, the words they pair it with.
    fn pairs_of(&self, at: usize) -> Pairs {
        let term = &self.terms[at];
        let titled: Vec<u32> = term
            .postings
            .iter()
            .filter(|(_, fields)| fields & TITLE != 0)
            .map(|(id, _)| *id)
            .collect();
        if titled.len() <= TITLE_LIST {
            return (Vec::new(), Vec::new());
        }
        let mut follow: HashMap<&str, usize> = HashMap::new();
        for id in titled {
            let title = &self.docs[id as usize].title;
            let mut seen: Vec<&str> = Vec::new();
            for pair in title.windows(2) {
                let next = pair[1].as_str();
                if pair[0] == term.word && next != term.word && !seen.contains(&next) {
                    seen.push(next);
                    *follow.entry(next).or_default() += 1;
                }
            }
        }
        let mut follow: Vec<(&str, usize)> = follow
            .into_iter()
            .filter(|(_, n)| *n >= PAIR_TITLES)
            .collect();
        follow.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        follow.truncate(PAIRS);
        let mut ids: Vec<u32> = follow
            .iter()
            .filter_map(|(word, _)| find(&self.terms, word))
            .filter_map(|other| best_of_both(&term.postings, &self.terms[other].postings))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        let follows = follow
            .into_iter()
            .map(|(word, _)| word.to_string())
            .collect();
        (ids, follows)
    }

    /// Where the files are cut and what each is made of, from every word.
    fn layout(&self) -> Layout {
        let terms = &self.terms;
        let (shards, _) = cut_shards(terms, 0, |_| None);
        let shard_prints = shards
            .iter()
            .map(|r| shard_print(&terms[r.clone()]))
            .collect();
        let first_bytes: usize = terms.iter().map(|t| t.first_size).sum();
        let count = firsts_count(first_bytes);
        let mut first_prints = vec![0u64; count];
        for t in terms {
            let print = &mut first_prints[t.hash as usize % count];
            *print = print.wrapping_add(t.first_print);
        }
        let mut layout = Layout {
            shards,
            shard_prints,
            first_prints,
            first_bytes,
            doc_prints: self.docs.iter().map(|d| d.file_print).collect(),
            meta: Vec::new(),
        };
        layout.meta = self.meta(&layout);
        layout
    }

    /// The layout after an update in place, from the one before it, looking only at what
    /// the update touched (`touched`). Equal to `layout()`, which looks at every word.
    fn relayout(&self, touched: &Touched) -> Layout {
        let before = &self.current;
        let terms = &self.terms;
        let mut layout = Layout {
            shards: before.shards.clone(),
            shard_prints: before.shard_prints.clone(),
            ..Layout::default()
        };
        if let Some((first, after)) = touched.shards {
            let old_len = before.shards.last().map_or(0, |r| r.end);
            let delta = terms.len() as isize - old_len as isize;
            // The last shard wholly before the first change starts where it did, with what
            // it had before it: cutting goes on from there until a cut falls where one
            // fell before, past the last change; from there on the shards are the old ones.
            let kept = before
                .shards
                .iter()
                .rposition(|r| r.end < first)
                .unwrap_or(0);
            let from = before.shards[kept].start;
            let old_starts: Vec<usize> = before.shards.iter().map(|r| r.start).collect();
            let (cut, rejoined) = cut_shards(terms, from, |at| {
                let old = at as isize - delta;
                (at >= after && old > 0)
                    .then(|| old_starts.binary_search(&(old as usize)).ok())
                    .flatten()
            });
            let tail = rejoined.unwrap_or(before.shards.len());
            let moved = before.shards[tail..]
                .iter()
                .map(|r| (r.start as isize + delta) as usize..(r.end as isize + delta) as usize);
            let prints: Vec<u64> = cut.iter().map(|r| shard_print(&terms[r.clone()])).collect();
            let shards: Vec<Range<usize>> = before.shards[..kept]
                .iter()
                .cloned()
                .chain(cut)
                .chain(moved)
                .collect();
            let shard_prints = before.shard_prints[..kept]
                .iter()
                .copied()
                .chain(prints)
                .chain(before.shard_prints[tail..].iter().copied())
                .collect();
            layout.shards = shards;
            layout.shard_prints = shard_prints;
        }
        let first_bytes = (before.first_bytes + touched.first_added) - touched.first_taken;
        layout.first_bytes = first_bytes;
        let count = firsts_count(first_bytes);
        if count == before.first_prints.len() {
            let mut prints = before.first_prints.clone();
            for &(hash, print) in &touched.first_out {
                let slot = &mut prints[hash as usize % count];
                *slot = slot.wrapping_sub(print);
            }
            for &at in &touched.first_in {
                let t = &terms[at];
                let slot = &mut prints[t.hash as usize % count];
                *slot = slot.wrapping_add(t.first_print);
            }
            layout.first_prints = prints;
        } else {
            // The site doubled or halved: every word moves to another file.
            let mut prints = vec![0u64; count];
            for t in terms {
                let slot = &mut prints[t.hash as usize % count];
                *slot = slot.wrapping_add(t.first_print);
            }
            layout.first_prints = prints;
        }
        layout.doc_prints = match before.doc_prints.len() == self.docs.len() {
            true => {
                let mut prints = before.doc_prints.clone();
                for &id in &touched.docs {
                    prints[id] = self.docs[id].file_print;
                }
                prints
            }
            false => self.docs.iter().map(|d| d.file_print).collect(),
        };
        layout.meta = self.meta(&layout);
        layout
    }

    /// meta.json of `layout`.
    fn meta(&self, layout: &Layout) -> Vec<u8> {
        let terms = &self.terms;
        let starts: Vec<String> = layout
            .shards
            .iter()
            .enumerate()
            .map(|(n, range)| match n {
                0 => json_string(""),
                _ => json_string(&terms[range.start].shard_key),
            })
            .collect();
        let syn = if self.synonyms.groups.is_empty() {
            String::new()
        } else {
            format!(",\"syn\":{}", self.synonyms.json())
        };
        format!(
            "{{\"v\":{FORMAT_VERSION},\"docs\":{},\"shards\":[{}],\"firsts\":{}{syn}}}\n",
            self.docs.len(),
            starts.join(","),
            layout.first_prints.len(),
        )
        .into_bytes()
    }

    /// The files of the current layout that differ from `before`'s, and those gone.
    fn diff(&self, before: &Layout) -> Changes {
        let now = &self.current;
        let differ = |a: &[u64], b: &[u64]| -> Vec<usize> {
            (0..a.len()).filter(|&n| b.get(n) != Some(&a[n])).collect()
        };
        let gone = |a: usize, b: usize, path: fn(usize) -> String| (a..b).map(path);
        let mut changes = Changes::default();
        changes.files.extend(
            differ(&now.shard_prints, &before.shard_prints)
                .into_par_iter()
                .map(|n| (shard_path(n), self.shard_bytes(now.shards[n].clone())))
                .collect::<Vec<_>>(),
        );
        if now.meta != before.meta {
            changes
                .files
                .push((META_FILE.to_string(), now.meta.clone()));
        }
        let firsts = differ(&now.first_prints, &before.first_prints);
        changes
            .files
            .extend(self.first_files(&firsts, now.first_prints.len()));
        changes.files.extend(
            differ(&now.doc_prints, &before.doc_prints)
                .into_par_iter()
                .map(|id| (doc_path(id), document_json(&self.docs[id].entry)))
                .collect::<Vec<_>>(),
        );
        changes.gone.extend(gone(
            now.shards.len(),
            before.shard_prints.len(),
            shard_path,
        ));
        changes.gone.extend(gone(
            now.first_prints.len(),
            before.first_prints.len(),
            first_path,
        ));
        changes
            .gone
            .extend(gone(self.docs.len(), before.doc_prints.len(), doc_path));
        changes
    }

    fn shard_bytes(&self, range: Range<usize>) -> Vec<u8> {
        let terms = &self.terms[range];
        let mut out =
            String::with_capacity(terms.iter().map(|t| t.json.len() + 1).sum::<usize>() + 2);
        out.push('[');
        for (i, t) in terms.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(&t.json);
        }
        out.push_str("]\n");
        out.into_bytes()
    }

    /// First-results files `which` of `count`.
    fn first_files(&self, which: &[usize], count: usize) -> Files {
        if which.is_empty() {
            return Vec::new();
        }
        let mut slot = vec![usize::MAX; count];
        for (n, &m) in which.iter().enumerate() {
            slot[m] = n;
        }
        let mut members: Vec<Vec<&Term>> = vec![Vec::new(); which.len()];
        for (at, &hash) in self.hashes.iter().enumerate() {
            let n = slot[hash as usize % count];
            if n != usize::MAX {
                members[n].push(&self.terms[at]);
            }
        }
        which
            .par_iter()
            .zip(members)
            .map(|(&m, terms)| {
                let ids: BTreeSet<u32> = terms.iter().flat_map(|t| t.listed()).collect();
                let docs: Vec<String> = ids
                    .iter()
                    .map(|&id| {
                        let e = &self.docs[id as usize].entry;
                        format!(
                            "\"{id}\":[{},{},{}]",
                            json_string(&e.title),
                            json_string(&e.path),
                            json_string(&e.lang)
                        )
                    })
                    .collect();
                let words: Vec<&str> = terms.iter().map(|t| t.first_json.as_str()).collect();
                (
                    first_path(m),
                    format!(
                        "{{\"d\":{{{}}},\"w\":{{{}}}}}\n",
                        docs.join(","),
                        words.join(",")
                    )
                    .into_bytes(),
                )
            })
            .collect()
    }
}

impl Doc {
    fn new(entry: Entry, words: Prepared, serial: u64) -> Doc {
        let e = &entry;
        let mut file = Fingerprinter::new();
        file.add(&e.title)
            .add(&e.path)
            .add(&e.lang)
            .add(&e.date)
            .add(&e.description)
            .add(&e.tags)
            .add(&e.text.body)
            .add(&e.text.beside);
        Doc {
            title: fold::words(&fold::fold(&e.title)),
            file_print: file.finish(),
            info_print: fingerprint::of(&(&e.title, &e.path, &e.lang)),
            entry,
            words,
            serial,
        }
    }
}

impl Term {
    fn new(word: String, postings: Vec<(u32, u8)>) -> Term {
        let key = latin::key(&word);
        Term {
            shard_key: latin::shard_key(&key),
            hash: first_hash(&key),
            key,
            word,
            postings,
            json: String::new(),
            json_print: 0,
            firsts: Vec::new(),
            titles: Vec::new(),
            pairs: Vec::new(),
            follows: Vec::new(),
            snippets: Vec::new(),
            first_json: String::new(),
            first_print: 0,
            first_size: 0,
        }
    }

    /// The first results and title articles, from the postings (`index_entry` then writes
    /// the shard entry).
    fn index_postings(&mut self) {
        self.firsts = best(&self.postings);
        let titled = self.postings.iter().filter(|(_, f)| f & TITLE != 0);
        self.titles = if titled.clone().count() <= TITLE_LIST {
            titled.map(|(id, _)| *id).collect()
        } else {
            Vec::new()
        };
    }

    /// The shard entry, from the postings and, for a rare word, its best article.
    fn index_entry(&mut self, docs: &[Doc]) {
        self.json.clear();
        // The key is left empty when it is the word itself (English words, numbers).
        let key = if self.key == self.word { "" } else { &self.key };
        let _ = write!(
            self.json,
            "[{},{},[",
            json_string(&self.word),
            json_string(key)
        );
        let mut previous = 0;
        for (i, (id, fields)) in self.postings.iter().enumerate() {
            if i > 0 {
                self.json.push(',');
            }
            let _ = write!(
                self.json,
                "{}",
                (id - previous) * 8 + u32::from(*fields & 7)
            );
            previous = *id;
        }
        self.json.push(']');
        if let (true, Some(&id)) = (self.postings.len() <= RARE, self.firsts.first()) {
            let e = &docs[id as usize].entry;
            let _ = write!(
                self.json,
                ",[{id},{},{},{}]",
                json_string(&e.title),
                json_string(&e.path),
                json_string(&e.lang)
            );
        }
        self.json.push(']');
        self.json_print = fingerprint::of(&self.json);
    }

    /// The articles whose title, address and language the word's first-results file has.
    fn listed(&self) -> impl Iterator<Item = u32> + '_ {
        self.firsts
            .iter()
            .chain(&self.titles)
            .chain(&self.pairs)
            .copied()
    }

    /// The first-results entry, from the first results (`cut`: snippets newly cut, by
    /// (place of the word, article id)).
    fn index_firsts(&mut self, docs: &[Doc], at: usize, cut: &HashMap<(usize, u32), String>) {
        let mut kept = std::mem::take(&mut self.snippets);
        self.snippets = self
            .firsts
            .iter()
            .map(|&id| {
                let serial = docs[id as usize].serial;
                let snippet = match kept.iter().position(|(s, _)| *s == serial) {
                    Some(k) => kept.swap_remove(k).1,
                    None => cut.get(&(at, id)).cloned().unwrap_or_default(),
                };
                (serial, snippet)
            })
            .collect();
        let list: Vec<String> = self
            .firsts
            .iter()
            .zip(&self.snippets)
            .map(|(id, (_, snippet))| format!("[{id},{}]", json_string(snippet)))
            .collect();
        self.first_json = format!("{}:[{}]", json_string(&self.word), list.join(","));
        let mut print = Fingerprinter::new();
        print.add(&self.first_json);
        self.first_size = self.first_json.len();
        let listed: Vec<u32> = self.listed().collect();
        for id in listed {
            let doc = &docs[id as usize];
            print.add(&id).add(&doc.info_print);
            self.first_size += doc.entry.title.len() + doc.entry.path.len() + 16;
        }
        self.first_print = print.finish();
    }
}

/// The words of the titles of the articles of an update whose title changed: of those
/// that left (`departed`, with their old ids) with no article of the same path and title
/// among those that came (`arrived`, ids in `docs`), and the other way round.
fn retitled<'a>(departed: &'a [(usize, Doc)], arrived: &[usize], docs: &'a [Doc]) -> Vec<&'a str> {
    let came: Vec<&Doc> = arrived.iter().map(|&id| &docs[id]).collect();
    let left: Vec<&Doc> = departed.iter().map(|(_, d)| d).collect();
    let unmatched = |these: &[&'a Doc], those: &[&Doc]| -> Vec<&'a str> {
        these
            .iter()
            .filter(|d| {
                !those
                    .iter()
                    .any(|o| o.entry.path == d.entry.path && o.title == d.title)
            })
            .flat_map(|d| d.title.iter().map(String::as_str))
            .collect()
    };
    let mut words = unmatched(&left, &came);
    words.extend(unmatched(&came, &left));
    words
}

/// A word's best FIRST_RESULTS articles: by field, then newest (the higher id).
fn best(postings: &[(u32, u8)]) -> Vec<u32> {
    let mut best: Vec<(u32, u32)> = Vec::with_capacity(FIRST_RESULTS + 1);
    for &(id, fields) in postings {
        let rank = (u32::MAX - field_score(fields), u32::MAX - id);
        if best.len() < FIRST_RESULTS || rank < best[FIRST_RESULTS - 1] {
            let at = best.partition_point(|b| *b < rank);
            best.insert(at, rank);
            best.truncate(FIRST_RESULTS);
        }
    }
    best.into_iter().map(|(_, id)| u32::MAX - id).collect()
}

/// The best article with both words of postings `a` and `b`: the highest sum of their
/// field scores, then the newest.
fn best_of_both(a: &[(u32, u8)], b: &[(u32, u8)]) -> Option<u32> {
    let (few, many) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    // Newest first, so that the first article found at a score wins its ties; an article
    // that cannot beat the best so far even with `many`'s best score is not looked up, and
    // once an article has both lists' best scores nothing can beat it. Common title words
    // are in thousands of articles: this keeps a title edit from looking each one up.
    let top = |list: &[(u32, u8)]| list.iter().map(|p| field_score(p.1)).max().unwrap_or(0);
    let (top_few, top_many) = (top(few), top(many));
    let mut best: Option<(u32, u32)> = None;
    for &(id, fields) in few.iter().rev() {
        let own = field_score(fields);
        if best.is_some_and(|(score, _)| own + top_many <= score) {
            continue;
        }
        if let Ok(k) = many.binary_search_by_key(&id, |p| p.0) {
            let score = own + field_score(many[k].1);
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, id));
                if score == top_few + top_many {
                    break;
                }
            }
        }
    }
    best.map(|(_, id)| id)
}

/// Title weight 8, a heading, the description or a tag 3, the body 1, added up, and 0.5
/// for a word only beside the body (in twice these units): the browser ranks by the same.
fn field_score(fields: u8) -> u32 {
    let has = |f: u8, w: u32| if fields & f != 0 { w } else { 0 };
    match has(TITLE, 16) + has(HEADING, 6) + has(BODY, 2) {
        0 => 1,
        score => score,
    }
}

/// Oldest first; on one date, by path from the last: the reverse of the order results are
/// listed in on a tie (newest first, on one date by path), so that the higher id wins a
/// tie. A new article is nearly always the newest, so it takes the next id and every other
/// article keeps its own (and its files).
fn doc_order(a: &Entry, b: &Entry) -> std::cmp::Ordering {
    (&a.date, &b.path).cmp(&(&b.date, &a.path))
}

fn sort_docs(docs: &mut [Doc]) {
    docs.sort_by(|a, b| doc_order(&a.entry, &b.entry));
}

/// Where `word` is in `terms`.
fn find(terms: &[Box<Term>], word: &str) -> Option<usize> {
    locate(terms, word).ok()
}

/// Where `word` is in `terms` (`Ok`), or would be (`Err`).
fn locate(terms: &[Box<Term>], word: &str) -> Result<usize, usize> {
    let shard_key = latin::shard_key(&latin::key(word));
    terms.binary_search_by(|t| term_order(t, &shard_key, word))
}

/// Sets (or with `None` removes) article `id`'s posting of `word`, keeping `hashes` in
/// step with `terms`; gives back the word's entry if it has no posting left.
#[allow(clippy::vec_box)]
fn set_posting(
    terms: &mut Vec<Box<Term>>,
    hashes: &mut Vec<u32>,
    word: &str,
    id: u32,
    fields: Option<u8>,
) -> Option<Box<Term>> {
    let at = match locate(terms, word) {
        Ok(at) => at,
        Err(at) => {
            fields?;
            let term = Term::new(word.to_string(), Vec::new());
            hashes.insert(at, term.hash);
            terms.insert(at, Box::new(term));
            at
        }
    };
    let postings = &mut terms[at].postings;
    match (postings.binary_search_by_key(&id, |p| p.0), fields) {
        (Ok(p), Some(f)) => postings[p].1 = f,
        (Ok(p), None) => {
            postings.remove(p);
        }
        (Err(p), Some(f)) => postings.insert(p, (id, f)),
        (Err(_), None) => {}
    }
    if !postings.is_empty() {
        return None;
    }
    hashes.remove(at);
    Some(terms.remove(at))
}

/// Cuts `terms` into shards from `from` (where a shard starts) on. `stop`, asked at each
/// cut made, may end the cutting there, giving the old shard that starts at that place.
fn cut_shards(
    terms: &[Box<Term>],
    from: usize,
    stop: impl Fn(usize) -> Option<usize>,
) -> (Vec<Range<usize>>, Option<usize>) {
    let mut shards = Vec::new();
    let (mut start, mut size, mut i) = (from, 0, from);
    while i < terms.len() {
        let key = &terms[i].shard_key;
        let mut end = i;
        let mut group = 0;
        while end < terms.len() && terms[end].shard_key == *key {
            group += terms[end].json.len() + 1;
            end += 1;
        }
        let cut = size > 0 && (size + group > SHARD_MAX || (size >= SHARD_MIN && cuts_before(key)));
        if cut {
            shards.push(start..i);
            if let Some(old) = stop(i) {
                return (shards, Some(old));
            }
            start = i;
            size = 0;
        }
        size += group;
        i = end;
    }
    shards.push(start..terms.len());
    (shards, None)
}

/// Whether a shard past SHARD_MIN ends before shard key `key`: for one key in SHARD_CUT, by
/// the high bits of its FNV-1a hash (the low bits of FNV-1a are those of the bytes' low
/// bits alone, so keys alike but for a number, `sabda441`, rarely had a multiple of 32
/// among them, and their shards were cut by size, where an edit moves every cut after it).
fn cuts_before(key: &str) -> bool {
    (fnv(key) >> (32 - SHARD_CUT.trailing_zeros())) == 0
}

fn shard_print(terms: &[Box<Term>]) -> u64 {
    let mut f = Fingerprinter::new();
    for t in terms {
        f.add(&t.json_print);
    }
    f.finish()
}

/// How many first-results files `bytes` of them make.
fn firsts_count(bytes: usize) -> usize {
    prev_power_of_two(bytes.div_ceil(FIRSTS_BYTES).max(1))
}

/// The items of `items` at the places `at` (ascending, each once), to change together.
fn pick_mut<T>(mut items: &mut [T], at: impl Iterator<Item = usize>) -> Vec<&mut T> {
    let mut picked = Vec::new();
    let mut offset = 0;
    for place in at {
        let rest = std::mem::take(&mut items);
        let Some((item, after)) = rest[place - offset..].split_first_mut() else {
            break;
        };
        picked.push(item);
        items = after;
        offset = place + 1;
    }
    picked
}

fn ids_of(docs: &[Doc]) -> HashMap<String, usize> {
    docs.iter()
        .enumerate()
        .map(|(id, d)| (d.entry.path.clone(), id))
        .collect()
}

fn term_order(t: &Term, shard_key: &str, word: &str) -> std::cmp::Ordering {
    (t.shard_key.as_str(), t.word.as_str()).cmp(&(shard_key, word))
}

fn same_entry(a: &Entry, b: &Entry) -> bool {
    (
        &a.title,
        &a.description,
        &a.path,
        &a.lang,
        &a.date,
        &a.tags,
        &a.text,
    ) == (
        &b.title,
        &b.description,
        &b.path,
        &b.lang,
        &b.date,
        &b.tags,
        &b.text,
    )
}

fn prev_power_of_two(n: usize) -> usize {
    1 << (usize::BITS - 1 - n.max(1).leading_zeros())
}

fn shard_path(n: usize) -> String {
    format!("search/t/{n}.json")
}

fn first_path(m: usize) -> String {
    format!("search/f/{m}.json")
}

fn doc_path(id: usize) -> String {
    format!("search/d/{id}.json")
}

fn document_json(e: &Entry) -> Vec<u8> {
    format!(
        "{{\"t\":{},\"u\":{},\"l\":{},\"p\":{},\"d\":{},\"g\":[{}],\"x\":{}}}\n",
        json_string(&e.title),
        json_string(&e.path),
        json_string(&e.lang),
        json_string(&e.date),
        json_string(&e.description),
        e.tags
            .iter()
            .map(|t| json_string(t))
            .collect::<Vec<_>>()
            .join(","),
        json_string(&e.text.shown())
    )
    .into_bytes()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::PageText;
    use std::collections::BTreeMap;

    #[test]
    fn the_best_article_of_two_words_is_the_one_every_pair_would_rank_first() {
        // The plain reading: every article with both, ranked by score, then newest.
        fn looked_up_one_by_one(a: &[(u32, u8)], b: &[(u32, u8)]) -> Option<u32> {
            a.iter()
                .filter_map(|&(id, f)| {
                    let k = b.iter().position(|p| p.0 == id)?;
                    Some((field_score(f) + field_score(b[k].1), id))
                })
                .max()
                .map(|(_, id)| id)
        }
        let mut seed = 7u64;
        let mut next = || {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as u32
        };
        for round in 0..500 {
            let mut list = |len: u32| -> Vec<(u32, u8)> {
                let mut ids: Vec<u32> = (0..len).map(|_| next() % 200).collect();
                ids.sort_unstable();
                ids.dedup();
                ids.into_iter().map(|id| (id, (next() % 8) as u8)).collect()
            };
            let a = list(round % 60);
            let b = list((round * 7) % 150);
            assert_eq!(
                best_of_both(&a, &b),
                looked_up_one_by_one(&a, &b),
                "{a:?} {b:?}"
            );
        }
    }

    fn entry(date: &str, title: &str, body: &str) -> Entry {
        Entry {
            title: title.into(),
            path: format!("{date}/"),
            lang: "hi".into(),
            date: date.into(),
            text: PageText {
                headings: vec![],
                body: body.into(),
                beside: String::new(),
            },
            ..Entry::default()
        }
    }

    fn file<'a>(files: &'a [(String, Vec<u8>)], path: &str) -> &'a str {
        let (_, bytes) = files
            .iter()
            .find(|(p, _)| p == path)
            .unwrap_or_else(|| panic!("no {path}"));
        std::str::from_utf8(bytes).unwrap()
    }

    #[test]
    fn articles_are_numbered_oldest_first_and_postings_say_the_field() {
        let files = build_files(vec![
            entry("2024-06-05", "कानपुर \"</script>\"", "नया"),
            entry("2023-05-20", "पुराना लेख", "कानपुर"),
        ]);
        assert!(file(&files, "search/d/0.json").contains("2023-05-20"));
        assert!(file(&files, "search/d/1.json").contains("2024-06-05"));
        let meta: serde_json::Value = serde_json::from_str(file(&files, META_FILE)).unwrap();
        assert_eq!(meta["docs"], 2);
        let shard: serde_json::Value =
            serde_json::from_str(file(&files, "search/t/0.json")).unwrap();
        let kanpur = shard
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t[0] == "कानपुर")
            .unwrap();
        assert_eq!(kanpur[1], "kanpur");
        // Article 0 has it in the body (0*8+1), article 1 in the title (1*8+4).
        assert_eq!(kanpur[2], serde_json::json!([1, 12]));
        assert!(
            files
                .iter()
                .all(|(_, b)| !String::from_utf8_lossy(b).contains("</script>"))
        );
    }

    #[test]
    fn a_word_only_beside_the_body_has_no_field_and_ranks_below_the_body() {
        let mut boxed = entry("2024-06-05", "नया", "पाठ");
        boxed.text.beside = "विजेता 4,22,087 वोट".into();
        let files = build_files(vec![
            boxed,
            entry("2024-06-01", "पुराना", "उन्हें 4,22,087 वोट"),
        ]);
        let shard: serde_json::Value =
            serde_json::from_str(file(&files, "search/t/0.json")).unwrap();
        let number = shard
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t[0] == "422087")
            .unwrap();
        // Article 0 has it in the body (0*8+1), article 1 only beside its body (1*8+0).
        assert_eq!(number[2], serde_json::json!([1, 8]));
        let meta: serde_json::Value = serde_json::from_str(file(&files, META_FILE)).unwrap();
        let name = format!(
            "search/f/{}.json",
            first_file("422087", meta["firsts"].as_u64().unwrap() as usize)
        );
        let firsts: serde_json::Value = serde_json::from_str(file(&files, &name)).unwrap();
        assert_eq!(firsts["w"]["422087"][0][0], 0);
        assert_eq!(firsts["w"]["422087"][1][1], "पाठ विजेता 4,22,087 वोट");
        assert!(file(&files, "search/d/1.json").contains("\"x\":\"पाठ विजेता 4,22,087 वोट\""));
    }

    #[test]
    fn a_words_first_results_sit_in_the_file_its_key_names() {
        let files = build_files(vec![
            entry("2024-06-05", "कानपुर का नतीजा", "पहला पाठ"),
            entry("2024-06-04", "दूसरा लेख", "यहाँ कानपुर के बारे में पाठ"),
            entry("2024-06-03", "तीसरा", "फिर कानपुर"),
            entry("2024-06-02", "चौथा", "और कानपुर"),
            entry("2024-06-01", "पाँचवाँ", "बिना उस शब्द के"),
        ]);
        let meta: serde_json::Value = serde_json::from_str(file(&files, META_FILE)).unwrap();
        let count = meta["firsts"].as_u64().unwrap() as usize;
        assert!(count >= 1);
        let name = format!("search/f/{}.json", first_file("kanpur", count));
        let firsts: serde_json::Value = serde_json::from_str(file(&files, &name)).unwrap();
        // The three best: the title first, then the newest of the body matches (ids are
        // oldest first: 4 is the newest).
        let list = firsts["w"]["कानपुर"].as_array().unwrap();
        let ids: Vec<u64> = list.iter().map(|f| f[0].as_u64().unwrap()).collect();
        assert_eq!(ids, [4, 3, 2]);
        assert_eq!(list[1][1], "यहाँ कानपुर के बारे में पाठ");
        assert_eq!(
            firsts["d"]["3"],
            serde_json::json!(["दूसरा लेख", "2024-06-04/", "hi"])
        );
    }

    /// The first-results file of `word` in `files`.
    fn firsts_of(files: &Files, word: &str) -> serde_json::Value {
        let meta: serde_json::Value = serde_json::from_str(file(files, META_FILE)).unwrap();
        let count = meta["firsts"].as_u64().unwrap() as usize;
        let name = format!("search/f/{}.json", first_file(&latin::key(word), count));
        serde_json::from_str(file(files, &name)).unwrap()
    }

    #[test]
    fn a_rare_title_words_file_has_all_its_titles_and_a_common_ones_its_pairs_best() {
        // A place in 12 titles, a first name in 60 (a common title word), followed by one
        // of three surnames (the five newest all यादव); the one body mention of the place
        // is not listed.
        let mut entries: Vec<Entry> = (0..60)
            .map(|n| {
                let surname = if n >= 55 {
                    "यादव"
                } else {
                    ["यादव", "मिश्रा", "वर्मा"][n % 3]
                };
                let place = if n % 5 == 0 {
                    "रामघाट"
                } else {
                    "सीतापुर"
                };
                entry(
                    &format!("2024-{:02}-{:02}", 1 + n / 28, 1 + n % 28),
                    &format!("{place}: पूनम {surname} जीतीं"),
                    "पाठ",
                )
            })
            .collect();
        entries.push(entry("2023-01-01", "दूसरा", "रामघाट का ज़िक्र"));
        let index = Index::new(entries.clone(), Synonyms::default());
        let files = index.files();
        // The paths of the articles a word lists, which its first-results file has.
        let listed = |word: &str| -> BTreeSet<String> {
            let term = &index.terms[find(&index.terms, word).unwrap()];
            let in_file = firsts_of(&files, word);
            term.listed()
                .map(|id| {
                    assert!(in_file["d"].get(id.to_string()).is_some(), "{id} not in d");
                    index.docs[id as usize].entry.path.clone()
                })
                .collect()
        };
        let place: BTreeSet<String> = entries
            .iter()
            .filter(|e| e.title.starts_with("रामघाट"))
            .map(|e| e.path.clone())
            .collect();
        assert_eq!(place.len(), 12);
        assert_eq!(listed("रामघाट"), place);
        // पूनम is in 60 titles: not all listed, but its first results (three पूनम यादव)
        // and the newest पूनम मिश्रा and पूनम वर्मा are.
        let name = listed("पूनम");
        let want: BTreeSet<String> = [59, 58, 57, 52, 53]
            .iter()
            .map(|&n| entries[n].path.clone())
            .collect();
        assert_eq!(name, want);
    }

    /// Shard entry of `word` in `files`.
    fn shard_entry(files: &Files, word: &str) -> serde_json::Value {
        files
            .iter()
            .filter(|(p, _)| p.starts_with("search/t/"))
            .flat_map(|(_, bytes)| serde_json::from_slice::<Vec<serde_json::Value>>(bytes).unwrap())
            .find(|e| e[0] == word)
            .unwrap_or_else(|| panic!("{word} in no shard"))
    }

    #[test]
    fn a_rare_words_shard_entry_has_its_best_articles_title_after_any_edit() {
        // दुर्लभ in two articles (the newer has it in its title), आम in four, a number in one.
        let entries = vec![
            entry("2024-01-01", "पहला", "दुर्लभ आम"),
            entry("2024-01-02", "दुर्लभ दूसरा", "आम"),
            entry("2024-01-03", "तीसरा", "आम 422087"),
            entry("2024-01-04", "चौथा", "आम"),
        ];
        let mut index = Index::new(entries.clone(), Synonyms::default());
        let files = index.files();
        let rare = shard_entry(&files, "दुर्लभ");
        assert_eq!(
            rare[3],
            serde_json::json!([1, "दुर्लभ दूसरा", "2024-01-02/", "hi"])
        );
        assert_eq!(
            shard_entry(&files, "आम").as_array().unwrap().len(),
            3,
            "a common word has none"
        );
        assert_eq!(
            shard_entry(&files, "422087")[3][0],
            2,
            "a rare number has its article"
        );
        // A new title keeps दुर्लभ's postings (it is still in the title) and changes its entry.
        let mut retitled = entries[1].clone();
        retitled.title = "दुर्लभ नया".into();
        index.update(vec![retitled.clone()], &[]);
        let changes = index.changes();
        assert_eq!(shard_entry(&index.files(), "दुर्लभ")[3][1], "दुर्लभ नया");
        let fresh = as_map(build_files(vec![
            entries[0].clone(),
            retitled,
            entries[2].clone(),
            entries[3].clone(),
        ]));
        assert_eq!(as_map(index.files()), fresh);
        assert!(
            changes
                .files
                .iter()
                .any(|(p, _)| p.starts_with("search/t/")),
            "its shard is rewritten"
        );
    }

    #[test]
    fn a_new_newest_article_rewrites_only_its_own_words_files() {
        let mut dice = Dice(4242);
        let entries: Vec<Entry> = (0..150).map(|n| random_entry(&mut dice, n)).collect();
        let mut index = Index::new(entries, synonyms());
        index.commit();
        let mut new = random_entry(&mut dice, 999);
        new.date = "2024-07-01".into();
        index.update(vec![new.clone()], &[]);
        let changes = index.changes();
        let paths: Vec<&str> = changes.files.iter().map(|(p, _)| p.as_str()).collect();
        let docs: Vec<&&str> = paths
            .iter()
            .filter(|p| p.starts_with("search/d/"))
            .collect();
        assert_eq!(docs, [&"search/d/150.json"]);
        let files = index.current.first_prints.len();
        let words = prepare::prepare(&new, &synonyms());
        let own: BTreeSet<String> = words
            .iter()
            .map(|(w, _, _)| first_path(first_file(&latin::key(w), files)))
            .collect();
        assert!(
            paths
                .iter()
                .filter(|p| p.starts_with("search/f/"))
                .all(|p| own.contains(*p)),
            "{paths:?}"
        );
        assert!(paths.len() < index.paths().len() / 2, "{paths:?}");
        assert!(changes.gone.is_empty());
    }

    #[test]
    fn shards_split_between_keys_and_say_where_they_start() {
        let words: Vec<String> = (0..4000).map(|n| format!("शब्द{n} kanpur{n}")).collect();
        let files = build_files(vec![entry("2024-01-01", "t", &words.join(" "))]);
        let meta: serde_json::Value = serde_json::from_str(file(&files, META_FILE)).unwrap();
        let starts = meta["shards"].as_array().unwrap();
        assert!(starts.len() > 1, "{starts:?}");
        assert_eq!(starts[0], "");
        for (n, start) in starts.iter().enumerate() {
            let shard: serde_json::Value =
                serde_json::from_str(file(&files, &format!("search/t/{n}.json"))).unwrap();
            let first = &shard[0];
            let key = if first[1] == "" {
                first[0].as_str().unwrap()
            } else {
                first[1].as_str().unwrap()
            };
            assert!(latin::shard_key(key).as_str() >= start.as_str().unwrap());
        }
    }

    /// A small deterministic generator (xorshift), so that a failure can be replayed.
    struct Dice(u64);

    impl Dice {
        fn roll(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }
    }

    const VOCABULARY: &[&str] = &[
        "कानपुर",
        "काँग्रेस",
        "कांग्रेस",
        "भाजपा",
        "BJP",
        "सपा",
        "मतदान",
        "वोट",
        "विजेता",
        "Kanpur",
        "results",
        "turnout",
        "4,22,087",
        "51.2",
        "ज़मानत",
        "अवस्थी",
        "मिश्रा",
        "गोविंदनगर",
        "कला",
        "काला",
        "किला",
        "mayor",
        "महापौर",
        "मेयर",
        "भारतीय",
        "जनता",
        "पार्टी",
    ];

    fn word(dice: &mut Dice) -> String {
        match dice.roll(3) {
            0 => VOCABULARY[dice.roll(VOCABULARY.len())].to_string(),
            1 => format!("शब्द{}", dice.roll(900)),
            _ => format!("word{}", dice.roll(2500)),
        }
    }

    fn text(dice: &mut Dice, words: usize) -> String {
        (0..words).map(|_| word(dice)).collect::<Vec<_>>().join(" ")
    }

    fn random_entry(dice: &mut Dice, path: usize) -> Entry {
        let (n, title, description) = (20 + dice.roll(120), 2 + dice.roll(4), dice.roll(8));
        Entry {
            title: text(dice, title),
            description: text(dice, description),
            path: format!("lekh/{path}/"),
            lang: ["hi", "en"][dice.roll(2)].into(),
            date: format!("2024-06-{:02}", 1 + dice.roll(6)),
            tags: (0..dice.roll(3)).map(|_| word(dice)).collect(),
            text: PageText {
                headings: (0..dice.roll(3)).map(|_| text(dice, 3)).collect(),
                body: text(dice, n),
                beside: if dice.roll(3) == 0 {
                    text(dice, 6)
                } else {
                    String::new()
                },
            },
            prepared: None,
        }
    }

    /// The same article with a few words of its body replaced (its date and so its id
    /// kept).
    fn edited(dice: &mut Dice, e: &Entry) -> Entry {
        let mut words: Vec<String> = e.text.body.split(' ').map(str::to_string).collect();
        for _ in 0..1 + dice.roll(3) {
            let at = dice.roll(words.len());
            words[at] = word(dice);
        }
        let mut e = e.clone();
        e.text.body = words.join(" ");
        // Now and then a new title too: the rare words of the body keep their postings,
        // and their shard entries (their best article's title) change.
        if dice.roll(4) == 0 {
            e.title = format!("{} {}", e.title, word(dice));
        }
        e
    }

    fn synonyms() -> Synonyms {
        let lists: Vec<Vec<String>> = [
            &["BJP", "भाजपा", "भारतीय जनता पार्टी"][..],
            &["mayor", "मेयर", "महापौर"],
        ]
        .iter()
        .map(|g| g.iter().map(|p| p.to_string()).collect())
        .collect();
        Synonyms::new(&lists)
    }

    fn as_map(files: Files) -> BTreeMap<String, Vec<u8>> {
        files.into_iter().collect()
    }

    #[test]
    fn a_fresh_index_told_the_last_builds_prints_changes_only_the_files_that_differ() {
        let mut dice = Dice(0x9e3_7795);
        let mut entries: Vec<Entry> = (0..60).map(|n| random_entry(&mut dice, n)).collect();
        let before = Index::new(entries.clone(), synonyms());
        let (prints, old) = (before.prints(), as_map(before.files()));
        // Another process: one article's body edited, one article gone.
        entries[7] = edited(&mut dice, &entries[7]);
        entries.remove(30);
        let mut after = Index::new(entries, synonyms());
        let new = as_map(after.files());
        after.published_as(prints);
        let changes = after.changes();
        let differ: BTreeMap<String, Vec<u8>> = new
            .iter()
            .filter(|(path, bytes)| old.get(*path) != Some(*bytes))
            .map(|(p, b)| (p.clone(), b.clone()))
            .collect();
        // The articles after the removed one are renumbered, so their files differ too.
        assert!(
            !differ.is_empty() && differ.len() < new.len(),
            "{}",
            differ.len()
        );
        assert_eq!(as_map(changes.files), differ);
        let gone: Vec<&String> = old.keys().filter(|p| !new.contains_key(*p)).collect();
        assert_eq!(changes.gone.iter().collect::<Vec<_>>(), gone);
    }

    #[test]
    fn the_files_after_any_edits_are_those_of_a_fresh_build() {
        let mut dice = Dice(0x5eed_1234_abcd);
        let mut entries: BTreeMap<String, Entry> = BTreeMap::new();
        let mut next_path = 0;
        for _ in 0..40 {
            let e = random_entry(&mut dice, next_path);
            next_path += 1;
            entries.insert(e.path.clone(), e);
        }
        let mut index = Index::new(entries.values().cloned().collect(), synonyms());
        let mut published = as_map(index.changes().files);
        index.commit();
        assert!(
            published
                .keys()
                .filter(|p| p.starts_with("search/t/"))
                .count()
                > 1
        );
        for step in 0..30 {
            let (mut changed, mut removed) = (Vec::new(), Vec::new());
            for _ in 0..1 + dice.roll(3) {
                let paths: Vec<String> = entries.keys().cloned().collect();
                match dice.roll(10) {
                    // Mostly edits in place, as in `serve`.
                    0..=5 => {
                        let at = dice.roll(paths.len());
                        let e = edited(&mut dice, &entries[&paths[at]]);
                        entries.insert(e.path.clone(), e.clone());
                        changed.push(e);
                    }
                    6 => {
                        let mut e = entries[&paths[dice.roll(paths.len())]].clone();
                        e.date = format!("2024-06-{:02}", 1 + dice.roll(6));
                        e.title = text(&mut dice, 3);
                        entries.insert(e.path.clone(), e.clone());
                        changed.push(e);
                    }
                    7 | 8 => {
                        let e = random_entry(&mut dice, next_path);
                        next_path += 1;
                        entries.insert(e.path.clone(), e.clone());
                        changed.push(e);
                    }
                    _ => {
                        let path = paths[dice.roll(paths.len())].clone();
                        entries.remove(&path);
                        changed.retain(|e: &Entry| e.path != path);
                        removed.push(path);
                    }
                }
            }
            // Unchanged entries given again change nothing.
            changed.extend(entries.values().take(2).cloned());
            index.update(changed, &removed);
            // What the update worked out from what it touched is what looking at every
            // word gives.
            assert_eq!(index.current, index.layout(), "step {step}: layout");
            let want = as_map(build_files_with(
                entries.values().cloned().collect(),
                &synonyms(),
            ));
            assert_eq!(as_map(index.files()), want, "step {step}: all files");
            let mut paths = index.paths();
            paths.sort();
            assert_eq!(
                paths,
                want.keys().cloned().collect::<Vec<_>>(),
                "step {step}"
            );
            // Now and then a rebuild is not published: the next changes make up for it.
            if dice.roll(4) == 0 {
                continue;
            }
            let changes = index.changes();
            for path in &changes.gone {
                assert!(
                    published.remove(path).is_some(),
                    "step {step}: {path} was not there"
                );
            }
            for (path, bytes) in changes.files {
                assert_ne!(
                    published.get(&path),
                    Some(&bytes),
                    "step {step}: {path} unchanged"
                );
                published.insert(path, bytes);
            }
            index.commit();
            assert!(published == want, "step {step}: the published files differ");
        }
    }

    #[test]
    fn edits_in_place_on_a_site_of_many_shards_lay_out_as_a_fresh_build() {
        let mut dice = Dice(0xfeed_5678);
        let mut entries: Vec<Entry> = (0..400).map(|n| random_entry(&mut dice, n)).collect();
        let mut index = Index::new(entries.clone(), synonyms());
        index.commit();
        assert!(
            index.current.shards.len() > 6,
            "{} shards",
            index.current.shards.len()
        );
        for step in 0..25 {
            // Bodies edited in place: words come, go and change fields, and with them
            // shard entries and cuts anywhere in the index.
            let mut changed = Vec::new();
            for _ in 0..1 + dice.roll(2) {
                let at = dice.roll(entries.len());
                let mut e = edited(&mut dice, &entries[at]);
                if dice.roll(3) == 0 {
                    e.text
                        .body
                        .push_str(&format!(" नयाशब्द{step} newword{step}"));
                }
                if dice.roll(4) == 0 {
                    e.text.body = text(&mut dice, 5);
                }
                entries[at] = e.clone();
                changed.push(e);
            }
            index.update(changed, &[]);
            assert_eq!(index.current, index.layout(), "step {step}");
            if step % 12 == 0 {
                let want = as_map(build_files_with(entries.clone(), &synonyms()));
                assert_eq!(as_map(index.files()), want, "step {step}: files");
            }
            index.commit();
        }
    }

    /// Words of titles and bodies for `title_pairs_after_body_edits_are_those_of_a_fresh_build`:
    /// two first names each in about half of 120 titles, followed by one of five surnames.
    const FIRST_NAMES: &[&str] = &["पूनम", "आलोक"];
    const SURNAMES: &[&str] = &["यादव", "मिश्रा", "वर्मा", "अवस्थी", "Khan"];

    fn named_entry(dice: &mut Dice, path: usize) -> Entry {
        let name = |dice: &mut Dice| {
            format!(
                "{} {}",
                FIRST_NAMES[dice.roll(FIRST_NAMES.len())],
                SURNAMES[dice.roll(SURNAMES.len())]
            )
        };
        let mut e = random_entry(dice, path);
        e.title = format!("{} जीते, {}", name(dice), text(dice, 1));
        // Bodies name people too: an edit there moves a surname's postings, and with them
        // the best article of the pairs of title words it is in.
        e.text.body = format!("{} {} {}", text(dice, 8), name(dice), text(dice, 8));
        e
    }

    /// A body edit that names other people, or none, keeping the title (`retitle`: or with
    /// its words in another order, or another title).
    fn renamed(dice: &mut Dice, e: &Entry, retitle: bool) -> Entry {
        let mut e = edited(dice, e);
        let mut words: Vec<String> = e.text.body.split(' ').map(str::to_string).collect();
        let at = dice.roll(words.len());
        words[at] = match dice.roll(3) {
            0 => FIRST_NAMES[dice.roll(FIRST_NAMES.len())].to_string(),
            1 => SURNAMES[dice.roll(SURNAMES.len())].to_string(),
            _ => word(dice),
        };
        e.text.body = words.join(" ");
        if retitle {
            let mut title: Vec<&str> = e.title.split(' ').collect();
            title.reverse();
            e.title = match dice.roll(2) {
                0 => title.join(" "),
                _ => named_entry(dice, 0).title,
            };
        }
        e
    }

    #[test]
    fn title_pairs_after_body_edits_are_those_of_a_fresh_build() {
        let mut dice = Dice(0x7a1e_9a15);
        let mut entries: Vec<Entry> = (0..120).map(|n| named_entry(&mut dice, n)).collect();
        let mut index = Index::new(entries.clone(), synonyms());
        index.commit();
        let paired = |index: &Index| {
            FIRST_NAMES
                .iter()
                .filter(|w| !index.terms[find(&index.terms, w).unwrap()].pairs.is_empty())
                .count()
        };
        assert_eq!(paired(&index), FIRST_NAMES.len());
        for step in 0..60 {
            let mut changed = Vec::new();
            for _ in 0..1 + dice.roll(2) {
                let at = dice.roll(entries.len());
                let retitle = dice.roll(6) == 0;
                let e = renamed(&mut dice, &entries[at], retitle);
                entries[at] = e.clone();
                changed.push(e);
            }
            index.update(changed, &[]);
            let fresh = Index::new(entries.clone(), synonyms());
            for (t, f) in index.terms.iter().zip(&fresh.terms) {
                assert_eq!(
                    (&t.word, &t.pairs, &t.follows),
                    (&f.word, &f.pairs, &f.follows),
                    "step {step}"
                );
            }
            assert_eq!(index.terms.len(), fresh.terms.len(), "step {step}");
            assert_eq!(index.current, index.layout(), "step {step}: layout");
            if step % 10 == 0 {
                assert_eq!(as_map(index.files()), as_map(fresh.files()), "step {step}");
            }
            index.commit();
        }
        assert_eq!(paired(&index), FIRST_NAMES.len());
    }

    #[test]
    fn an_edit_of_one_body_rewrites_only_what_its_words_touch() {
        let mut dice = Dice(77);
        let entries: Vec<Entry> = (0..150).map(|n| random_entry(&mut dice, n)).collect();
        let mut index = Index::new(entries.clone(), Synonyms::default());
        index.commit();
        let total = index.paths().len();
        let (shards, firsts) = (index.current.shards.len(), index.current.first_prints.len());
        assert!(
            shards > 4 && firsts > 16,
            "{shards} shards, {firsts} first-results files"
        );
        for e in entries.iter().take(10) {
            // One word of the body's end changed for one no article has.
            let mut e = e.clone();
            e.text.body.push_str(" नयाशब्द");
            index.update(vec![e.clone()], &[]);
            let changes = index.changes();
            index.commit();
            let paths: Vec<&str> = changes.files.iter().map(|(p, _)| p.as_str()).collect();
            let count = |dir: &str| paths.iter().filter(|p| p.starts_with(dir)).count();
            assert_eq!(count("search/d/"), 1, "{paths:?}");
            // The new word's shard (and its neighbour's, when the cut between them moved).
            assert!(count("search/t/") <= 2, "{paths:?}");
            // The new word's first results, and those of the article's words whose snippet
            // shows the body's end: files of its own words only, and few of them.
            let files = index.current.first_prints.len();
            let doc = index.docs.iter().find(|d| d.entry.path == e.path).unwrap();
            let own: BTreeSet<String> = doc
                .words
                .iter()
                .map(|(w, _, _)| first_path(first_file(&latin::key(w), files)))
                .collect();
            let rewritten: Vec<&&str> = paths
                .iter()
                .filter(|p| p.starts_with("search/f/"))
                .collect();
            assert!(rewritten.iter().all(|p| own.contains(**p)), "{paths:?}");
            assert!(rewritten.len() <= 16, "{paths:?} of {total}");
            assert!(changes.gone.is_empty());
            // And back.
            let mut e = e.clone();
            e.text.body.truncate(e.text.body.len() - " नयाशब्द".len());
            index.update(vec![e], &[]);
            index.commit();
        }
    }

    #[test]
    fn new_synonyms_and_an_emptied_index_give_a_fresh_builds_files() {
        let mut dice = Dice(99);
        let entries: Vec<Entry> = (0..12).map(|n| random_entry(&mut dice, n)).collect();
        let mut index = Index::new(entries.clone(), Synonyms::default());
        index.commit();
        index.set_synonyms(synonyms());
        assert_eq!(
            as_map(index.files()),
            as_map(build_files_with(entries.clone(), &synonyms()))
        );
        let paths: Vec<String> = entries.iter().map(|e| e.path.clone()).collect();
        index.update(Vec::new(), &paths);
        let changes = index.changes();
        assert!(changes.gone.iter().any(|p| p == "search/d/11.json"));
        assert_eq!(
            as_map(index.files()),
            as_map(build_files_with(Vec::new(), &synonyms()))
        );
        assert!(
            index
                .files()
                .iter()
                .any(|(p, b)| p == "search/t/0.json" && b == b"[]\n")
        );
    }
}
