//! Names that mean the same thing: BJP, भाजपा, भारतीय जनता पार्टी and Bharatiya Janata Party;
//! मेयर and महापौर. Taken from what the site already says — every party of `[parties]`
//! (its code, names and short names in both languages, its aliases, and the built-in ones
//! such as निर्दलीय/Independent), the theme's words for a few election terms in Hindi and
//! English (विजेता/winner …), and the groups a site lists in `[search] synonyms`.
//!
//! The index gives each group one word of its own (`=bjp`), which every article that has
//! any of the group's phrases carries, in the fields where the phrase is; the meta file
//! lists the groups, and static/search.js looks a query's phrase up as that word. A phrase
//! that two groups claim (two parties whose short name is शिवसेना) belongs to neither: it
//! stays an ordinary word.

use super::{fold, latin};
use crate::config::SiteConfig;
use crate::fast_hash::FastMap;
use std::collections::{BTreeMap, HashMap};

/// The theme's words (src/i18n.rs) that name one election term in each language.
const TERMS: &[&str] = &[
    "winner",
    "runner_up",
    "turnout",
    "votes",
    "candidate",
    "party",
    "result",
    "electors",
    "leader",
];

/// How Hindi writes the letters of an abbreviation as they are spoken (BJP is बीजेपी, BSP
/// बीएसपी, TMC टीएमसी).
const LETTERS: [&str; 26] = [
    "ए",
    "बी",
    "सी",
    "डी",
    "ई",
    "एफ",
    "जी",
    "एच",
    "आई",
    "जे",
    "के",
    "एल",
    "एम",
    "एन",
    "ओ",
    "पी",
    "क्यू",
    "आर",
    "एस",
    "टी",
    "यू",
    "वी",
    "डब्ल्यू",
    "एक्स",
    "वाई",
    "ज़ेड",
];

/// An abbreviation of three to six capital Latin letters (a party's code: BJP, BSP, RJD)
/// as Hindi text writes it, letter by letter as spoken: बीजेपी. Two-letter ones are left
/// alone: एसपी is as often the district's Superintendent of Police as the Samajwadi Party.
fn spelled_out(phrase: &str) -> Option<String> {
    let n = phrase.chars().count();
    if !(3..=6).contains(&n) || !phrase.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    Some(
        phrase
            .bytes()
            .map(|b| LETTERS[usize::from(b - b'A')])
            .collect(),
    )
}

/// One group of phrases that mean the same.
#[derive(Debug, Clone, PartialEq)]
pub struct Group {
    /// The index word of the group: `=` and a Latin key, which no text folds to.
    pub token: String,
    /// Its phrases, folded, as words.
    pub phrases: Vec<Vec<String>>,
    /// The words a result's snippet is cut around and marks: its phrases of one word
    /// (भाजपा, BJP; not the words of भारतीय जनता पार्टी, where पार्टी is any party's).
    pub marks: Vec<String>,
}

/// Every group of a site, and where each phrase's first word starts one.
#[derive(Debug, Clone, Default)]
pub struct Synonyms {
    pub groups: Vec<Group>,
    /// Asked of every word of every page (`found_in`): a quick hash.
    starts: FastMap<String, Vec<(usize, usize)>>,
}

impl Synonyms {
    /// The groups of `config`: its parties, the theme's election words, `[search] synonyms`.
    pub fn of_site(config: &SiteConfig) -> Synonyms {
        let mut lists: Vec<Vec<String>> = Vec::new();
        for (code, party) in &config.parties {
            let mut names = vec![code.clone(), party.name.clone(), party.short.clone()];
            for form in party.hi.iter().chain(&party.en) {
                names.push(form.name.clone());
                names.push(form.short.clone());
            }
            names.extend(party.aliases.iter().cloned());
            lists.push(names);
        }
        let (hi, en) = (crate::i18n::strings("hi"), crate::i18n::strings("en"));
        for term in TERMS {
            if let (Some(h), Some(e)) = (hi.get(term), en.get(term)) {
                lists.push(vec![e.to_string(), h.to_string()]);
            }
        }
        lists.extend(config.search.synonyms.iter().cloned());
        for list in &mut lists {
            let spoken: Vec<String> = list.iter().filter_map(|p| spelled_out(p)).collect();
            list.extend(spoken);
        }
        Synonyms::new(&lists)
    }

    /// Groups from lists of phrases (as written); a list with fewer than two distinct
    /// phrases is no group.
    pub fn new(lists: &[Vec<String>]) -> Synonyms {
        let folded: Vec<Vec<Vec<String>>> = lists
            .iter()
            .map(|list| {
                // In the order given (a party's code first), each once.
                let mut phrases: Vec<Vec<String>> = Vec::new();
                for p in list {
                    let words = fold::words(&fold::fold(p));
                    if !words.is_empty() && !phrases.contains(&words) {
                        phrases.push(words);
                    }
                }
                phrases
            })
            .collect();
        let mut claims: HashMap<&[String], usize> = HashMap::new();
        for phrases in &folded {
            for p in phrases {
                *claims.entry(p.as_slice()).or_default() += 1;
            }
        }
        let mut kept: Vec<Vec<Vec<String>>> = Vec::new();
        for phrases in &folded {
            let own: Vec<Vec<String>> = phrases
                .iter()
                .filter(|p| claims[p.as_slice()] == 1)
                .cloned()
                .collect();
            if own.len() < 2 {
                continue;
            }
            kept.push(own);
        }
        let mut tokens: BTreeMap<String, usize> = BTreeMap::new();
        let mut groups = Vec::new();
        for phrases in kept {
            // Named after its first phrase in Latin letters (a party's code), else after the
            // Latin key of its first.
            let name = match phrases.iter().find(|p| p.iter().all(|w| w.is_ascii())) {
                Some(latin) => latin.concat(),
                None => phrases[0].iter().map(|w| latin::key(w)).collect(),
            };
            let n = tokens.entry(name.clone()).or_default();
            *n += 1;
            let token = match *n {
                1 => format!("={name}"),
                n => format!("={name}{n}"),
            };
            // A word of a longer phrase may be a common one (से in इनमें से कोई नहीं): only
            // the phrases of one word mark.
            let mut marks: Vec<String> = phrases
                .iter()
                .filter(|p| p.len() == 1)
                .flatten()
                .cloned()
                .collect();
            marks.sort();
            marks.dedup();
            groups.push(Group {
                token,
                phrases,
                marks,
            });
        }
        let mut starts: FastMap<String, Vec<(usize, usize)>> = FastMap::default();
        for (g, group) in groups.iter().enumerate() {
            for (p, phrase) in group.phrases.iter().enumerate() {
                starts.entry(phrase[0].clone()).or_default().push((g, p));
            }
        }
        Synonyms { groups, starts }
    }

    /// The groups whose phrases occur in `words` (a folded text's words, in order), by number.
    pub fn found_in(&self, words: &[String]) -> Vec<usize> {
        let mut found = Vec::new();
        for (i, word) in words.iter().enumerate() {
            for &(g, p) in self.starts.get(word).into_iter().flatten() {
                let phrase = &self.groups[g].phrases[p];
                if words[i..].starts_with(phrase) && !found.contains(&g) {
                    found.push(g);
                }
            }
        }
        found
    }

    /// The groups as the meta file lists them: `[[token, [phrase …], [mark …]] …]`, each
    /// phrase its words joined by a space.
    pub fn json(&self) -> String {
        use crate::escape::json_string;
        let list = |items: &mut dyn Iterator<Item = String>| {
            items.map(|s| json_string(&s)).collect::<Vec<_>>().join(",")
        };
        let groups: Vec<String> = self
            .groups
            .iter()
            .map(|g| {
                format!(
                    "[{},[{}],[{}]]",
                    json_string(&g.token),
                    list(&mut g.phrases.iter().map(|p| p.join(" "))),
                    list(&mut g.marks.iter().cloned())
                )
            })
            .collect();
        format!("[{}]", groups.join(","))
    }

    /// The group whose index word is `token`.
    pub fn group(&self, token: &str) -> Option<&Group> {
        self.groups.iter().find(|g| g.token == token)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The tokens of the groups found in `text`'s words, in the order found.
    fn tokens_found<'a>(s: &'a Synonyms, text: &[String]) -> Vec<&'a str> {
        s.found_in(text)
            .iter()
            .map(|&g| s.groups[g].token.as_str())
            .collect()
    }

    fn lists(groups: &[&[&str]]) -> Vec<Vec<String>> {
        groups
            .iter()
            .map(|g| g.iter().map(|s| s.to_string()).collect())
            .collect()
    }

    #[test]
    fn a_party_is_one_group_whose_marks_are_its_own_words() {
        let s = Synonyms::new(&lists(&[
            &[
                "BJP",
                "भारतीय जनता पार्टी",
                "भाजपा",
                "Bharatiya Janata Party",
            ],
            &["INC", "भारतीय राष्ट्रीय कांग्रेस", "कांग्रेस", "Congress"],
            &["SP", "समाजवादी पार्टी", "सपा", "Samajwadi Party"],
        ]));
        let bjp = s.group("=bjp").unwrap();
        assert!(bjp.phrases.contains(&vec!["भाजपा".to_string()]));
        assert_eq!(bjp.marks, ["bjp", "भाजपा"]);
        let text = fold::words(&fold::fold("कानपुर में समाजवादी पार्टी और कांग्रेस"));
        let found = tokens_found(&s, &text);
        assert_eq!(found, ["=sp", "=inc"]);
        // पार्टी alone is no party.
        assert!(s.found_in(&fold::words("पार्टी")).is_empty());
    }

    #[test]
    fn a_partys_code_is_also_found_spelt_out_in_hindi() {
        assert_eq!(spelled_out("BJP").as_deref(), Some("बीजेपी"));
        assert_eq!(spelled_out("BSP").as_deref(), Some("बीएसपी"));
        assert_eq!(spelled_out("RJD").as_deref(), Some("आरजेडी"));
        assert_eq!(spelled_out("SP"), None);
        assert_eq!(spelled_out("Congress"), None);
        assert_eq!(spelled_out("AD(S)"), None);
        let toml = "title = \"t\"\nbase_url = \"https://x.example/\"\n\
                    [parties.BJP]\nname = \"भारतीय जनता पार्टी\"\nshort = \"भाजपा\"\n\
                    [parties.SP]\nname = \"समाजवादी पार्टी\"\nshort = \"सपा\"\n";
        let config = SiteConfig::parse(toml).unwrap();
        let s = Synonyms::of_site(&config);
        let text = fold::words(&fold::fold("इस बार बीजेपी और एसपी आमने-सामने"));
        let found = tokens_found(&s, &text);
        assert_eq!(found, ["=bjp"]);
        assert!(
            s.group("=bjp")
                .unwrap()
                .marks
                .contains(&"बीजेपी".to_string())
        );
    }

    #[test]
    fn a_phrase_two_groups_claim_belongs_to_neither() {
        let s = Synonyms::new(&lists(&[
            &["SHS", "शिवसेना"],
            &["SHSUBT", "शिवसेना", "शिवसेना (उद्धव बालासाहेब ठाकरे)"],
            &["mayor", "मेयर", "महापौर"],
            &["IND", "IND"],
        ]));
        let tokens: Vec<&str> = s.groups.iter().map(|g| g.token.as_str()).collect();
        assert_eq!(tokens, ["=shsubt", "=mayor"]);
        assert!(s.found_in(&fold::words("शिवसेना")).is_empty());
        assert_eq!(s.found_in(&fold::words("नए महापौर")), [1]);
    }
}
