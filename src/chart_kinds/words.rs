//! The words a chart kind writes itself (row headers, series names, default titles and
//! notes), in Hindi for `hi` pages and English otherwise.

pub struct Words {
    pub segment: &'static str,
    pub candidate: &'static str,
    pub votes_and_share: &'static str,
    pub others: &'static str,
    pub winner: &'static str,
    /// The first candidate while votes are still being counted.
    pub leading: &'static str,
    /// `seats`: the series and the first column.
    pub seats_won: &'static str,
    pub leading_series: &'static str,
    pub party: &'static str,
    pub alliance: &'static str,
    pub did_not_stand: &'static str,
    pub swing_series: &'static str,
    pub partial_segments: &'static str,
    pub tie: &'static str,
    /// Said under a chart with "more than" figures.
    pub approx_note: &'static str,
    /// `reported`: the report's series (unless the block names it), the data's, and the
    /// row of votes the report leaves in no segment.
    pub report: &'static str,
    pub official: &'static str,
    pub in_no_segment: &'static str,
    hindi: bool,
}

const HINDI: Words = Words {
    segment: "विधानसभा क्षेत्र",
    candidate: "उम्मीदवार",
    votes_and_share: "वोट (प्रतिशत)",
    others: "अन्य",
    winner: "विजेता",
    leading: "अग्रणी",
    seats_won: "जीते",
    leading_series: "अग्रणी",
    party: "दल",
    alliance: "गठबंधन",
    did_not_stand: "उम्मीदवार नहीं",
    swing_series: "वोट प्रतिशत में बदलाव (अंक)",
    partial_segments: "क्षेत्रवार प्रतिशत उन्हीं वोटों पर निकाला गया है जिनका क्षेत्रवार ब्योरा उपलब्ध है।",
    tie: "पहले दो उम्मीदवारों को बराबर वोट मिले।",
    approx_note: "आँकड़े लगभग हैं: स्रोत केवल निचली सीमा बताता है (“से अधिक”), इसलिए पट्टी असली संख्या से छोटी हो सकती है।",
    report: "रिपोर्ट",
    official: "आधिकारिक आँकड़ा",
    in_no_segment: "किसी क्षेत्र में नहीं",
    hindi: true,
};

const ENGLISH: Words = Words {
    segment: "Assembly segment",
    candidate: "Candidate",
    votes_and_share: "Votes (share)",
    others: "Others",
    winner: "winner",
    leading: "leading",
    seats_won: "Won",
    leading_series: "Leading",
    party: "Party",
    alliance: "Alliance",
    did_not_stand: "did not stand",
    swing_series: "Change in vote share (points)",
    partial_segments: "Segment shares are computed over the votes for which segment figures are given.",
    tie: "The first two candidates have the same number of votes.",
    approx_note: "Approximate figures: the source gives only a lower bound (“more than”), so a bar may be shorter than the true count.",
    report: "Report",
    official: "Official figure",
    in_no_segment: "In no segment",
    hindi: false,
};

pub fn for_lang(lang: &str) -> &'static Words {
    if lang == "hi" { &HINDI } else { &ENGLISH }
}

impl Words {
    /// The note under a candidates chart cut at its row limit.
    pub fn capped(&self, shown: &str, folded: &str) -> String {
        if self.hindi {
            format!(
                "चार्ट में पहले {shown} उम्मीदवार अलग-अलग दिखाए गए हैं; बाकी {folded} के वोट “{}” में जोड़े गए हैं।",
                self.others
            )
        } else {
            format!(
                "The chart draws the first {shown} candidates; the votes of the other {folded} are added up under “{}”.",
                self.others
            )
        }
    }

    /// "उत्तर प्रदेश, लोकसभा 2024: दलवार सीटें" / "Uttar Pradesh, Lok Sabha 2024: seats by party".
    pub fn seats_title(&self, state: Option<&str>, election: &str, by_alliance: bool) -> String {
        let place = state.map(|s| format!("{s}, ")).unwrap_or_default();
        match (self.hindi, by_alliance) {
            (true, false) => format!("{place}{election}: दलवार सीटें"),
            (true, true) => format!("{place}{election}: गठबंधनवार सीटें"),
            (false, false) => format!("{place}{election}: seats by party"),
            (false, true) => format!("{place}{election}: seats by alliance"),
        }
    }

    /// Under a seats chart while some seats are counting.
    pub fn seats_counting(&self, seats: &str, declared: &str, counting: &str) -> String {
        if self.hindi {
            format!(
                "सीटें: {seats}; नतीजे घोषित: {declared}; गिनती जारी: {counting}। “अग्रणी” सीटें अभी बदल सकती हैं।"
            )
        } else {
            format!(
                "Of {seats} seats, {declared} declared and {counting} still counting: seats “leading” can still change."
            )
        }
    }

    pub fn seats_undecided(&self, n: &str) -> String {
        if self.hindi {
            format!("जिन सीटों पर अभी कोई आगे नहीं (बराबरी या अधूरे आँकड़े): {n}।")
        } else {
            format!("Nobody is ahead yet in {n} seats (a tie or partial figures).")
        }
    }

    /// Under a chart of a result still counting: "गिनती जारी: राउंड 12/20 तक के वोट।"
    pub fn counting_note(&self, round: Option<u32>, rounds: Option<u32>) -> String {
        match (self.hindi, round, rounds) {
            (true, Some(n), Some(m)) => {
                format!("गिनती जारी: राउंड {n}/{m} तक के वोट, नतीजा अभी घोषित नहीं।")
            }
            (true, Some(n), None) => format!("गिनती जारी: राउंड {n} तक के वोट, नतीजा अभी घोषित नहीं।"),
            (true, None, _) => "गिनती जारी: अब तक गिने गए वोट, नतीजा अभी घोषित नहीं।".to_string(),
            (false, Some(n), Some(m)) => {
                format!("Counting: votes up to round {n} of {m}; no result declared yet.")
            }
            (false, Some(n), None) => {
                format!("Counting: votes up to round {n}; no result declared yet.")
            }
            (false, None, _) => {
                "Counting: the votes counted so far; no result declared yet.".to_string()
            }
        }
    }

    /// "4,43,055 से अधिक" / "more than 4,43,055".
    pub fn more_than(&self, number: &str) -> String {
        if self.hindi {
            format!("{number} से अधिक")
        } else {
            format!("more than {number}")
        }
    }

    /// Which votes a segment swing's shares are of, in both years alike.
    pub fn swing_base(&self, nota_included: bool) -> &'static str {
        match (self.hindi, nota_included) {
            (true, true) => "दोनों चुनावों में प्रतिशत क्षेत्र के कुल वैध वोटों (नोटा सहित) पर निकाला गया है।",
            (true, false) => {
                "दोनों चुनावों में प्रतिशत एक ही आधार पर निकाला गया है: क्षेत्र के उम्मीदवारों के वोट, नोटा को छोड़कर।"
            }
            (false, true) => {
                "Shares in both elections are of all valid votes in the segment, NOTA included."
            }
            (false, false) => {
                "Shares in both elections are of the candidates' votes in the segment, NOTA left out of both, so they share one base."
            }
        }
    }

    /// The candidates chart's series (its table's column): "वोट (प्रतिशत)", without the
    /// share when the result has none, and saying "लगभग" when its figures are "more than".
    pub fn votes_column(&self, shares: bool, approx: bool) -> String {
        let base = if shares {
            self.votes_and_share
        } else if self.hindi {
            "वोट"
        } else {
            "Votes"
        };
        match (approx, self.hindi) {
            (false, _) => base.to_string(),
            (true, true) => format!("{base}, लगभग"),
            (true, false) => format!("{base}, approximate"),
        }
    }

    /// "लगभग 49.93%" / "about 49.93%": a share of an approximate total.
    pub fn about(&self, share: &str) -> String {
        if self.hindi {
            format!("लगभग {share}")
        } else {
            format!("about {share}")
        }
    }

    pub fn segments_title(&self, constituency: &str, who: &str, elections: &[&str]) -> String {
        let single = match elections {
            [one] => format!(", {one}"),
            _ => String::new(),
        };
        if self.hindi {
            format!("{constituency}: {who} के वोट, विधानसभा क्षेत्रवार{single}")
        } else {
            format!("{constituency}: {who} votes by assembly segment{single}")
        }
    }

    pub fn candidates_title(&self, constituency: &str, election: &str) -> String {
        if self.hindi {
            format!("{constituency}, {election}: उम्मीदवारों के वोट")
        } else {
            format!("{constituency}, {election}: votes by candidate")
        }
    }

    pub fn contest_title(&self, constituency: &str, election: &str) -> String {
        if self.hindi {
            format!("{constituency}, {election}: विधानसभा क्षेत्रवार मुकाबला")
        } else {
            format!("{constituency}, {election}: the contest in each assembly segment")
        }
    }

    pub fn swing_title(&self, constituency: &str, party: &str, from: &str, to: &str) -> String {
        if self.hindi {
            format!("{constituency}: {party} के वोट प्रतिशत में बदलाव, {from} से {to}")
        } else {
            format!("{constituency}: change in {party}'s vote share, {from} to {to}")
        }
    }

    pub fn reported_title(&self, constituency: &str, election: &str, party: &str) -> String {
        if self.hindi {
            format!("{constituency}, {election}: {party} के वोट, रिपोर्ट बनाम आधिकारिक आँकड़े")
        } else {
            format!(
                "{constituency}, {election}: {party} votes, the report against the official figures"
            )
        }
    }

    /// How the "in no segment" row is computed, with the party's total.
    pub fn in_no_segment_note(&self, total: &str) -> String {
        if self.hindi {
            format!(
                "“{}” = कुल {total} वोट में से क्षेत्रवार वोटों का जोड़ घटाकर; आधिकारिक आँकड़ों में यह आम तौर पर डाक मतपत्र होते हैं।",
                self.in_no_segment
            )
        } else {
            format!(
                "“{}” = the total of {total} votes less the sum of the segment figures; in official figures these are usually postal ballots.",
                self.in_no_segment
            )
        }
    }

    /// "कैंट (रिपोर्ट का दूसरा आँकड़ा)" / "Cantt (the report's second figure)".
    pub fn nth_figure(&self, row: &str, i: usize) -> String {
        let nth = super::reported::ordinal(self.hindi, i);
        if self.hindi {
            format!("{row} (रिपोर्ट का {nth} आँकड़ा)")
        } else {
            format!("{row} (the report's {nth} figure)")
        }
    }

    /// "किसी क्षेत्र में नहीं (दूसरे आँकड़े से)" / "In no segment (with the second figure)".
    pub fn in_no_segment_with(&self, i: usize) -> String {
        if self.hindi {
            let nth = super::reported::ordinal(true, i);
            let oblique = nth
                .strip_suffix('ा')
                .map_or(nth.clone(), |stem| format!("{stem}े"));
            format!("{} ({oblique} आँकड़े से)", self.in_no_segment)
        } else {
            let nth = super::reported::ordinal(false, i);
            format!("{} (with the {nth} figure)", self.in_no_segment)
        }
    }

    /// Said when a swing is counted from (or to) a result the party did not stand in.
    pub fn swing_from_nothing(&self, party: &str, election: &str) -> String {
        if self.hindi {
            format!("{party} ने {election} में चुनाव नहीं लड़ा; बदलाव शून्य से गिना गया है।")
        } else {
            format!("{party} did not stand in {election}; the change is counted from zero.")
        }
    }
}
