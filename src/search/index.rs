//! The index's files, as the browser reads them (docs/search.md has the format):
//!
//! - `search/meta.json`: `{"v":2,"docs":N,"shards":[the shard key each shard starts at …],
//!   "firsts":M}`;
//! - `search/t/<n>.json`: shard n, `[[word, key, [postings]], …]` ordered by shard key
//!   (latin::shard_key: the key's skeleton, then the key), so that the words a query can
//!   meet through its key, and most of those one typo away, sit in one shard;
//! - `search/f/<m>.json`: what the first screen of results shows, for the words whose key
//!   hashes to m (`first_file`): `{"d":{id:[title,url,lang]},"w":{word:[[id,snippet]…]}}`,
//!   the snippet of each word's first results. The browser fetches it beside the shard (it
//!   knows m from the query alone), so a query's first results need one round trip;
//! - `search/d/<id>.json`: article `id` (0 = newest): title, URL, language, date,
//!   description, tags and text, fetched only for results beyond the first ones.
//!
//! A posting is `gap * 8 + fields`, where gap is the distance from the previous article id
//! (the first from 0) and fields has 4 for the title, 2 for a heading, the description or a
//! tag, 1 for the body.

use super::{Entry, Synonyms, fold, latin, snippet};
use crate::escape::json_string;
use rayon::prelude::*;
use std::collections::{BTreeSet, HashMap};
use std::fmt::Write;

pub const META_FILE: &str = "search/meta.json";
const FORMAT_VERSION: u32 = 2;

/// How many results of each word the index carries title, address and snippet for: a
/// phone's first screen of results. The others come from their article files.
const FIRST_RESULTS: usize = 3;

/// About how many bytes of JSON a file of first results holds (their number follows from
/// the site's size): a few KB once gzipped.
const FIRSTS_BYTES: usize = 24_000;

/// The most bytes of JSON a shard holds, unless the words of one key alone hold more (the
/// commonest words of a large site): about 8 KB once gzipped, so a query of a few words stays
/// far below 100 KB on the wire, while a 10,000-article site has hundreds of shards, not
/// thousands.
const SHARD_BYTES: usize = 24_000;

const TITLE: u8 = 4;
const HEADING: u8 = 2;
const BODY: u8 = 1;
/// Beside the body (the result box): written as no field (0) when the word is nowhere else.
const BESIDE: u8 = 8;

struct Term {
    word: String,
    key: String,
    shard_key: String,
    postings: Vec<(u32, u8)>,
}

/// The index files for `entries`, as (path relative to the site root, bytes), with no
/// synonyms.
pub fn build_files(entries: Vec<Entry>) -> Vec<(String, Vec<u8>)> {
    build_files_with(entries, &Synonyms::default())
}

/// The index files for `entries`, where the phrases of each group of `synonyms` find one
/// another (`Synonyms::of_site` gives a site's).
pub fn build_files_with(mut entries: Vec<Entry>, synonyms: &Synonyms) -> Vec<(String, Vec<u8>)> {
    entries.sort_by(|a, b| (&b.date, &a.path).cmp(&(&a.date, &b.path)));
    let per_doc: Vec<Vec<(String, u8)>> = entries
        .par_iter()
        .map(|e| document_words(e, synonyms))
        .collect();
    let mut postings: HashMap<String, Vec<(u32, u8)>> = HashMap::new();
    for (id, words) in per_doc.into_iter().enumerate() {
        for (word, fields) in words {
            postings.entry(word).or_default().push((id as u32, fields));
        }
    }
    let mut terms: Vec<Term> = postings
        .into_par_iter()
        .map(|(word, postings)| {
            let key = latin::key(&word);
            Term {
                shard_key: latin::shard_key(&key),
                word,
                key,
                postings,
            }
        })
        .collect();
    terms.sort_by(|a, b| (&a.shard_key, &a.word).cmp(&(&b.shard_key, &b.word)));

    let mut files = Vec::with_capacity(entries.len() + 64);
    let mut starts = Vec::new();
    let mut shard = String::new();
    let mut previous: Option<&str> = None;
    let mut json = String::new();
    for term in &terms {
        json.clear();
        write_term(&mut json, term);
        // A shard closes where a new key starts, before it would grow past the limit: a very
        // common word then gets a shard of its own rather than swelling another.
        let new_key = previous != Some(term.shard_key.as_str());
        if new_key && !shard.is_empty() && shard.len() + json.len() > SHARD_BYTES {
            files.push(shard_file(starts.len() - 1, &shard));
            shard.clear();
        }
        if shard.is_empty() {
            starts.push(if starts.is_empty() {
                String::new()
            } else {
                term.shard_key.clone()
            });
        } else {
            shard.push(',');
        }
        shard.push_str(&json);
        previous = Some(&term.shard_key);
    }
    if !shard.is_empty() || starts.is_empty() {
        if starts.is_empty() {
            starts.push(String::new());
        }
        files.push(shard_file(starts.len() - 1, &shard));
    }
    let firsts = first_files(&entries, &terms, synonyms);
    let shard_list: Vec<String> = starts.iter().map(|s| json_string(s)).collect();
    let syn = if synonyms.groups.is_empty() {
        String::new()
    } else {
        format!(",\"syn\":{}", synonyms.json())
    };
    files.push((
        META_FILE.to_string(),
        format!(
            "{{\"v\":{FORMAT_VERSION},\"docs\":{},\"shards\":[{}],\"firsts\":{}{syn}}}\n",
            entries.len(),
            shard_list.join(","),
            firsts.len()
        )
        .into_bytes(),
    ));
    files.extend(firsts);
    files.extend(
        entries
            .iter()
            .enumerate()
            .map(|(id, e)| (format!("search/d/{id}.json"), document_json(e))),
    );
    files
}

/// Which file of first results holds the words of loose key `key`, of `files`: FNV-1a of
/// the key's bytes (static/search.js computes the same from the query).
pub fn first_file(key: &str, files: usize) -> usize {
    let hash = key.bytes().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    hash as usize % files.max(1)
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

/// The files of first results: for every word, its best FIRST_RESULTS articles (by field,
/// then newest) with a snippet around the word, and those articles' titles and addresses.
fn first_files(entries: &[Entry], terms: &[Term], synonyms: &Synonyms) -> Vec<(String, Vec<u8>)> {
    let firsts: Vec<Vec<u32>> = terms
        .par_iter()
        .map(|t| {
            let mut best: Vec<(u32, u32)> = t
                .postings
                .iter()
                .map(|&(id, f)| (u32::MAX - field_score(f), id))
                .collect();
            best.sort_unstable();
            best.iter().take(FIRST_RESULTS).map(|&(_, id)| id).collect()
        })
        .collect();
    // The snippets, computed once per article for all the words it is a first result of.
    let mut wanted: Vec<Vec<&str>> = vec![Vec::new(); entries.len()];
    for (term, ids) in terms.iter().zip(&firsts) {
        for &id in ids {
            wanted[id as usize].push(&term.word);
        }
    }
    let snippets: Vec<HashMap<&str, String>> = wanted
        .par_iter()
        .enumerate()
        .map(|(id, words)| {
            // A group's word is in no text: its snippet is cut around its own words.
            let alternatives: Vec<Vec<&str>> = words
                .iter()
                .map(|w| match synonyms.group(w) {
                    Some(g) => g.marks.iter().map(String::as_str).collect(),
                    None => vec![*w],
                })
                .collect();
            let found = snippet::snippets(&entries[id], &alternatives);
            words.iter().copied().zip(found).collect()
        })
        .collect();
    let mut total = 0;
    let listed: Vec<String> = terms
        .iter()
        .zip(&firsts)
        .map(|(term, ids)| {
            let list: Vec<String> = ids
                .iter()
                .map(|&id| {
                    let e = &entries[id as usize];
                    total += e.title.len() + e.path.len() + 16;
                    format!(
                        "[{id},{}]",
                        json_string(&snippets[id as usize][term.word.as_str()])
                    )
                })
                .collect();
            let json = format!("{}:[{}]", json_string(&term.word), list.join(","));
            total += json.len();
            json
        })
        .collect();
    let count = total.div_ceil(FIRSTS_BYTES).max(1);
    let mut files: Vec<(Vec<&str>, BTreeSet<u32>)> = vec![(Vec::new(), BTreeSet::new()); count];
    for ((term, ids), json) in terms.iter().zip(&firsts).zip(&listed) {
        let (words, docs) = &mut files[first_file(&term.key, count)];
        words.push(json);
        docs.extend(ids);
    }
    files
        .into_iter()
        .enumerate()
        .map(|(n, (words, docs))| {
            let docs: Vec<String> = docs
                .iter()
                .map(|&id| {
                    let e = &entries[id as usize];
                    format!(
                        "\"{id}\":[{},{},{}]",
                        json_string(&e.title),
                        json_string(&e.path),
                        json_string(&e.lang)
                    )
                })
                .collect();
            (
                format!("search/f/{n}.json"),
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

/// Every distinct word of an article with the fields it appears in, and the word of each
/// group of synonyms one of whose phrases it has.
fn document_words(entry: &Entry, synonyms: &Synonyms) -> Vec<(String, u8)> {
    let mut fields: HashMap<String, u8> = HashMap::new();
    let mut add = |text: &str, field: u8| {
        let words = fold::words(&fold::fold(text));
        for g in synonyms.found_in(&words) {
            *fields.entry(synonyms.groups[g].token.clone()).or_default() |= field;
        }
        for word in words {
            *fields.entry(word).or_default() |= field;
        }
    };
    add(&entry.title, TITLE);
    add(&entry.description, HEADING);
    for text in entry.tags.iter().chain(&entry.text.headings) {
        add(text, HEADING);
    }
    add(&entry.text.body, BODY);
    add(&entry.text.beside, BESIDE);
    let mut words: Vec<(String, u8)> = fields.into_iter().collect();
    words.sort();
    words
}

fn write_term(out: &mut String, term: &Term) {
    // The key is left empty when it is the word itself (English words, numbers).
    let key = if term.key == term.word { "" } else { &term.key };
    let _ = write!(out, "[{},{},[", json_string(&term.word), json_string(key));
    let mut previous = 0;
    for (i, (id, fields)) in term.postings.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let _ = write!(out, "{}", (id - previous) * 8 + u32::from(*fields & 7));
        previous = *id;
    }
    out.push_str("]]");
}

fn shard_file(n: usize, body: &str) -> (String, Vec<u8>) {
    (
        format!("search/t/{n}.json"),
        format!("[{body}]\n").into_bytes(),
    )
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
    fn articles_are_numbered_newest_first_and_postings_say_the_field() {
        let files = build_files(vec![
            entry("2023-05-20", "पुराना लेख", "कानपुर"),
            entry("2024-06-05", "कानपुर \"</script>\"", "नया"),
        ]);
        assert!(file(&files, "search/d/0.json").contains("2024-06-05"));
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
        // Article 0 has it in the title (0*8+4), article 1 in the body (1*8+1).
        assert_eq!(kanpur[2], serde_json::json!([4, 9]));
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
        // Article 0 has it only beside its body (0*8+0), article 1 in the body (1*8+1).
        assert_eq!(number[2], serde_json::json!([0, 9]));
        let meta: serde_json::Value = serde_json::from_str(file(&files, META_FILE)).unwrap();
        let name = format!(
            "search/f/{}.json",
            first_file("422087", meta["firsts"].as_u64().unwrap() as usize)
        );
        let firsts: serde_json::Value = serde_json::from_str(file(&files, &name)).unwrap();
        assert_eq!(firsts["w"]["422087"][0][0], 1);
        assert_eq!(firsts["w"]["422087"][1][1], "पाठ विजेता 4,22,087 वोट");
        assert!(file(&files, "search/d/0.json").contains("\"x\":\"पाठ विजेता 4,22,087 वोट\""));
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
        // The three best: the title first, then the newest of the body matches.
        let list = firsts["w"]["कानपुर"].as_array().unwrap();
        let ids: Vec<u64> = list.iter().map(|f| f[0].as_u64().unwrap()).collect();
        assert_eq!(ids, [0, 1, 2]);
        assert_eq!(list[1][1], "यहाँ कानपुर के बारे में पाठ");
        assert_eq!(
            firsts["d"]["1"],
            serde_json::json!(["दूसरा लेख", "2024-06-04/", "hi"])
        );
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
}
