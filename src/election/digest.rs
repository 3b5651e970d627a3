//! What the site-wide steps read of one checked result: seat tallies (`tally::Ledger`),
//! the constituency and party taxonomies, related articles and the listings' update
//! times. A few strings per result, where the checked result itself (every candidate, its
//! segment figures and their places) is kilobytes: a warm build keeps only this of the
//! pages it will not render (`site::summary_cache`), and reads it back from its cache.

use super::derive::{ResultFigures, UpdatedFigures};
use crate::record::{Reader, Writer};
use std::path::PathBuf;

/// How many leading candidates of a result make an article "about" their party.
pub const PARTIES_PER_RESULT: usize = 3;

#[derive(Debug, Clone, PartialEq)]
pub struct ResultDigest {
    pub id: String,
    pub election: String,
    pub year: i64,
    pub constituency: String,
    pub state: Option<String>,
    /// Where its `[[results]]` table is (a data file's for a result pulled in from data/):
    /// one table shown on several pages is one seat.
    pub file: PathBuf,
    pub line: usize,
    pub counting: bool,
    pub uncontested: bool,
    /// The winner's party (declared) or the leader's (counting); none when the result
    /// names nobody first (a tie at the top, an incomplete result, no candidates).
    pub first: Option<String>,
    pub updated: Option<UpdatedFigures>,
    /// The first PARTIES_PER_RESULT parties by votes, independents and NOTA left out.
    pub leading_parties: Vec<String>,
}

impl ResultDigest {
    pub fn of(r: &ResultFigures) -> ResultDigest {
        let first = if r.tie {
            None
        } else if r.counting {
            r.leader.as_ref().map(|c| c.party.clone())
        } else {
            r.winner.as_ref().map(|c| c.party.clone())
        };
        ResultDigest {
            id: r.id.clone(),
            election: r.election.clone(),
            year: r.year,
            constituency: r.constituency.clone(),
            state: r.state.clone(),
            file: r.result.place.file.clone(),
            line: r.result.place.line,
            counting: r.counting,
            uncontested: r.uncontested,
            first,
            updated: r.updated.clone(),
            leading_parties: r
                .party_order
                .iter()
                .filter(|code| !matches!(code.as_str(), "IND" | "NOTA"))
                .take(PARTIES_PER_RESULT)
                .cloned()
                .collect(),
        }
    }

    pub fn all_of<'a>(results: impl IntoIterator<Item = &'a ResultFigures>) -> Vec<ResultDigest> {
        results.into_iter().map(ResultDigest::of).collect()
    }

    pub fn write(&self, w: &mut Writer) {
        w.str(&self.id);
        w.str(&self.election);
        w.u64(self.year as u64);
        w.str(&self.constituency);
        write_opt(w, self.state.as_deref());
        w.str(&self.file.to_string_lossy());
        w.u64(self.line as u64);
        w.u8(u8::from(self.counting) | u8::from(self.uncontested) << 1);
        write_opt(w, self.first.as_deref());
        match &self.updated {
            Some(u) => {
                w.u8(1);
                for s in [&u.iso, &u.utc, &u.hi, &u.en] {
                    w.str(s);
                }
            }
            None => w.u8(0),
        }
        w.strings(&self.leading_parties);
    }

    pub fn read(r: &mut Reader<'_>) -> Option<ResultDigest> {
        let id = r.str()?.to_string();
        let election = r.str()?.to_string();
        let year = r.u64()? as i64;
        let constituency = r.str()?.to_string();
        let state = read_opt(r)?;
        let file = PathBuf::from(r.str()?);
        let line = r.u64()? as usize;
        let flags = r.u8()?;
        let first = read_opt(r)?;
        let updated = match r.u8()? {
            0 => None,
            1 => Some(UpdatedFigures {
                iso: r.str()?.to_string(),
                utc: r.str()?.to_string(),
                hi: r.str()?.to_string(),
                en: r.str()?.to_string(),
            }),
            _ => return None,
        };
        Some(ResultDigest {
            id,
            election,
            year,
            constituency,
            state,
            file,
            line,
            counting: flags & 1 != 0,
            uncontested: flags & 2 != 0,
            first,
            updated,
            leading_parties: r.strings()?,
        })
    }
}

fn write_opt(w: &mut Writer, s: Option<&str>) {
    match s {
        Some(s) => {
            w.u8(1);
            w.str(s);
        }
        None => w.u8(0),
    }
}

fn read_opt(r: &mut Reader<'_>) -> Option<Option<String>> {
    match r.u8()? {
        0 => Some(None),
        1 => Some(Some(r.str()?.to_string())),
        _ => None,
    }
}
