//! Party names as official files write them, mapped to the site's party codes through
//! `aliases` in site.toml. Nothing is guessed: a name no code claims is an error that
//! names the closest code and the line to add, or (`--add-parties`) a suggested table.

use crate::config::{Party, SiteConfig, fold_name};
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Names every site understands without configuration.
const BUILTIN_ALIASES: [(&str, &str); 4] = [
    ("Independent", "IND"),
    ("None of the Above", "NOTA"),
    ("IND", "IND"),
    ("NOTA", "NOTA"),
];

pub struct PartyMap {
    /// Folded name → code.
    by_name: HashMap<String, String>,
    parties: BTreeMap<String, Party>,
}

impl PartyMap {
    pub fn new(config: &SiteConfig) -> PartyMap {
        let mut by_name: HashMap<String, String> = HashMap::new();
        for (name, code) in BUILTIN_ALIASES {
            by_name.insert(fold_name(name), code.to_string());
        }
        for (code, party) in &config.parties {
            by_name.insert(fold_name(code), code.clone());
            for alias in &party.aliases {
                by_name.insert(fold_name(alias), code.clone());
            }
        }
        // A party's names in each language ("Bharatiya Janata Party" as its `en` name)
        // are aliases too, where no code or alias claims them already.
        for (code, party) in &config.parties {
            for lang in crate::config::LANGUAGES {
                by_name
                    .entry(fold_name(&party.names(lang).name))
                    .or_insert_with(|| code.clone());
            }
        }
        PartyMap {
            by_name,
            parties: config.parties.clone(),
        }
    }

    /// The site's code for a party name from a file.
    pub fn code(&self, source_name: &str) -> Option<&str> {
        self.by_name
            .get(&fold_name(source_name))
            .map(String::as_str)
    }

    /// What to tell an editor about a party name no code claims.
    pub fn unmapped_message(&self, source_name: &str) -> String {
        let name = source_name.split_whitespace().collect::<Vec<_>>().join(" ");
        let mut message = format!("party \"{name}\" has no code in site.toml");
        match self.closest(&name) {
            Some(code) => {
                let party = &self.parties[code];
                let mut aliases = party.aliases.clone();
                aliases.push(name.clone());
                message.push_str(&format!(
                    "; the closest is {code} ({}). If it is that party, write under [parties.{code}]: {}",
                    party.name,
                    alias_line(&aliases)
                ));
            }
            None => message.push_str("; no defined party is close"),
        }
        message.push_str(
            ". Otherwise define it: `chunav import … --add-parties` prints a [parties.X] table for every unmapped party",
        );
        message
    }

    /// The code whose names look most like `name`: by spelling, and by initials against
    /// the code ("Sabhi Jan Party" and SABJANP share little spelling but S, J, P).
    fn closest(&self, name: &str) -> Option<&str> {
        let folded = fold_name(name);
        let initials: String = folded
            .split(|c: char| !c.is_alphanumeric())
            .filter_map(|w| w.chars().next())
            .collect();
        let mut best: Option<(f64, &str)> = None;
        // IND and NOTA are known by their own names; no other name is one of them.
        let candidates = self
            .parties
            .iter()
            .filter(|(code, _)| !["IND", "NOTA"].contains(&code.as_str()));
        for (code, party) in candidates {
            let code_folded = code.to_lowercase();
            let mut score = strsim::jaro_winkler(&initials, &code_folded) * 0.8;
            if is_abbreviation(&code_folded, &folded) {
                // SABJANP for "Sabhi Jan Party": the code's letters in order, same first letter.
                score = score.max(0.9 + 0.01 * code_folded.len().min(9) as f64);
            }
            for alias in party.aliases.iter().chain([&party.name, code]) {
                score = score.max(strsim::normalized_levenshtein(&folded, &fold_name(alias)));
            }
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, code.as_str()));
            }
        }
        best.filter(|(score, _)| *score >= 0.6)
            .map(|(_, code)| code)
    }

    /// `[parties.X]` tables for names no code claims, with codes made from their initials
    /// and kept apart from the site's codes and from each other.
    pub fn suggested_tables(&self, unmapped: &[String]) -> String {
        let mut taken: BTreeSet<String> = self.parties.keys().cloned().collect();
        let mut out = String::new();
        for name in unmapped {
            let code = unique_code(&initials_code(name), &mut taken);
            out.push_str(&format!(
                "[parties.{code}]\nname = {}\n{}\n\n",
                super::write::quote(name),
                alias_line(std::slice::from_ref(name))
            ));
        }
        out
    }
}

/// Whether `code`'s letters appear in `name` in order, starting with its first letter.
fn is_abbreviation(code: &str, name: &str) -> bool {
    let letters: Vec<char> = code.chars().filter(|c| c.is_alphanumeric()).collect();
    if letters.len() < 2 || name.chars().next() != letters.first().copied() {
        return false;
    }
    let mut rest = name.chars();
    letters.iter().all(|l| rest.any(|c| c == *l))
}

fn alias_line(aliases: &[String]) -> String {
    let quoted: Vec<String> = aliases.iter().map(|a| super::write::quote(a)).collect();
    format!("aliases = [{}]", quoted.join(", "))
}

/// "Socialist Unity Centre Of India (COMMUNIST)" → "SUCOIC": the initials of its words,
/// ASCII letters and digits only so the code is a plain TOML key.
fn initials_code(name: &str) -> String {
    let code: String = name
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter_map(|w| w.chars().next())
        .map(|c| c.to_ascii_uppercase())
        .collect();
    if code.is_empty() {
        "PARTY".to_string()
    } else {
        code
    }
}

fn unique_code(base: &str, taken: &mut BTreeSet<String>) -> String {
    let mut code = base.to_string();
    let mut n = 2;
    while taken.contains(&code) {
        code = format!("{base}{n}");
        n += 1;
    }
    taken.insert(code.clone());
    code
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> SiteConfig {
        SiteConfig::parse(
            "title = \"x\"\n[parties.BJP]\nname = \"भाजपा\"\naliases = [\"Bharatiya Janata Party\"]\n[parties.SABJANP]\nname = \"सभी जन पार्टी\"\n[parties.JDU]\nname = \"जदयू\"\naliases = [\"Janata Dal (United)\"]\n",
        )
        .unwrap()
    }

    #[test]
    fn names_map_with_case_and_spacing_folded() {
        let map = PartyMap::new(&site());
        assert_eq!(map.code("BHARATIYA  JANATA PARTY "), Some("BJP"));
        assert_eq!(map.code("bjp"), Some("BJP"));
        assert_eq!(map.code("Janata Dal  (United)"), Some("JDU"));
        assert_eq!(map.code("Independent"), Some("IND"));
        assert_eq!(map.code("None of the Above"), Some("NOTA"));
        assert_eq!(map.code("Sabhi Jan Party"), None);
    }

    #[test]
    fn an_unmapped_name_gets_the_closest_code_and_the_line_to_add() {
        let map = PartyMap::new(&site());
        assert_eq!(
            map.unmapped_message("Sabhi Jan Party"),
            "party \"Sabhi Jan Party\" has no code in site.toml; the closest is SABJANP (सभी जन पार्टी). If it is that party, write under [parties.SABJANP]: aliases = [\"Sabhi Jan Party\"]. Otherwise define it: `chunav import … --add-parties` prints a [parties.X] table for every unmapped party"
        );
        assert!(
            map.unmapped_message("Telugu Desam")
                .contains("no defined party is close")
        );
    }

    #[test]
    fn suggested_codes_stay_apart() {
        let map = PartyMap::new(&site());
        let tables =
            map.suggested_tables(&["Bharat Jan Party".into(), "Bahujan Janata Party".into()]);
        assert!(
            tables.starts_with(
                "[parties.BJP2]\nname = \"Bharat Jan Party\"\naliases = [\"Bharat Jan Party\"]\n"
            ),
            "{tables}"
        );
        assert!(tables.contains("[parties.BJP3]"), "{tables}");
    }
}
