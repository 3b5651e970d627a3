//! The words the default theme needs in each language, and dates written out for readers.

use crate::content::Date;
use std::collections::BTreeMap;

const HI: &[(&str, &str)] = &[
    ("skip_to_content", "सीधे लेख पर जाएँ"),
    ("latest", "ताज़ा लेख"),
    ("sections", "खंड"),
    ("articles", "लेख"),
    ("published", "प्रकाशित"),
    ("updated", "अपडेट"),
    ("by", "लेखक"),
    ("tags", "टैग"),
    ("contents", "इस लेख में"),
    ("home", "मुख्य पृष्ठ"),
    ("not_found_title", "पृष्ठ नहीं मिला"),
    (
        "not_found_text",
        "आप जो पृष्ठ खोज रहे हैं, वह यहाँ नहीं है। मुख्य पृष्ठ से ताज़ा लेख देखें।",
    ),
    ("no_articles", "अभी यहाँ कोई लेख नहीं है।"),
    ("read_in", "यह लेख इस भाषा में भी:"),
    ("related", "इसी क्षेत्र पर और लेख"),
    ("winner", "विजेता"),
    ("runner_up", "उपविजेता"),
    ("margin", "जीत का अंतर"),
    ("turnout", "मतदान"),
    ("votes", "वोट"),
    ("share", "वोट प्रतिशत"),
    ("candidate", "उम्मीदवार"),
    ("party", "दल"),
    ("total_valid", "कुल वैध वोट"),
    ("source", "स्रोत"),
    ("approx", "से अधिक"),
    ("points", "अंक"),
    ("powered_by", "chunav से बनी साइट"),
    ("result", "नतीजा"),
    ("tie", "बराबरी"),
    ("unopposed", "निर्विरोध निर्वाचित"),
    ("about", "लगभग"),
    ("electors", "मतदाता"),
    ("with_nota", "नोटा सहित"),
    ("swing", "वोट प्रतिशत में बदलाव"),
    ("only_one", "केवल एक चुनाव में"),
    ("swing_then", "{year} में"),
    ("turnout_polled", "ECI की तरह: डाले गए कुल वोट ÷ कुल मतदाता"),
    (
        "turnout_valid",
        "कुल वैध वोट (नोटा सहित) ÷ कुल मतदाता; ECI के आँकड़े में अमान्य डाक मत भी गिने जाते हैं",
    ),
    (
        "partial_result",
        "आंशिक नतीजा: स्रोत में सभी उम्मीदवारों के आँकड़े नहीं हैं, इसलिए प्रतिशत, अंतर और कुल वोट नहीं दिखाए गए।",
    ),
    ("alliance_of", "गठबंधन"),
    ("deposit_lost", "ज़मानत ज़ब्त"),
    (
        "deposit_rule",
        "उम्मीदवारों की; ज़मानत बचाने को कम से कम {n} वोट चाहिए थे (कुल वैध वोटों का छठा हिस्सा, नोटा छोड़कर; जन प्रतिनिधित्व अधिनियम, धारा 158)",
    ),
    ("named_in_source", "स्रोत में दिए आँकड़े"),
    ("leading", "अग्रणी"),
    ("leader", "अग्रणी"),
    ("counted", "अब तक गिने गए वोट"),
    ("trailing", "पीछे"),
    ("lead", "बढ़त"),
    ("counting", "गिनती जारी"),
    ("declared", "नतीजा घोषित"),
    ("round_of", "राउंड {n}/{m}"),
    ("round_n", "राउंड {n}"),
    (
        "counting_note",
        "गिनती जारी है: आँकड़े अब तक गिने गए वोटों के हैं और बदल सकते हैं।",
    ),
    ("seats", "सीटें"),
    ("won", "जीते"),
    ("seats_total", "कुल"),
    ("others", "अन्य"),
    ("alliance", "गठबंधन"),
    (
        "tally_counting",
        "सीटें: {seats} · नतीजे घोषित: {declared} · गिनती जारी: {counting}",
    ),
    ("tally_declared", "सीटें: {seats}, सभी के नतीजे घोषित"),
    ("tally_undecided", "अभी कोई आगे नहीं: {n} (बराबरी या अधूरे आँकड़े)"),
    ("tally_unopposed", "निर्विरोध निर्वाचन: {n} (जीत में शामिल)"),
    (
        "winner_not_named",
        "विजेता: स्रोत में न विजेता का नाम है, न उसके दल का",
    ),
    ("search", "खोजें"),
    ("search_label", "लेखों में खोजें: नाम, जगह या शब्द"),
    ("search_one", "{n} लेख मिला"),
    ("search_many", "{n} लेख मिले"),
    (
        "search_some",
        "किसी लेख में खोज के सारे शब्द नहीं मिले; {n} लेखों में इनमें से कुछ हैं",
    ),
    (
        "search_needs_js",
        "खोज के लिए ब्राउज़र में JavaScript चालू होना चाहिए। उसके बिना लेख यहाँ से देखें:",
    ),
    ("search_browse", "विषय के हिसाब से लेख"),
    ("search_more", "और लेख दिखाएँ"),
    ("pages", "पन्ने"),
    ("page", "पन्ना"),
    ("previous", "पिछला"),
    ("next", "अगला"),
    ("search_failed", "खोज अभी नहीं चल सकी। पन्ना दोबारा खोलकर देखें।"),
];

const EN: &[(&str, &str)] = &[
    ("skip_to_content", "Skip to content"),
    ("latest", "Latest"),
    ("sections", "Sections"),
    ("articles", "Articles"),
    ("published", "Published"),
    ("updated", "Updated"),
    ("by", "By"),
    ("tags", "Tags"),
    ("contents", "In this article"),
    ("home", "Home"),
    ("not_found_title", "Page not found"),
    (
        "not_found_text",
        "The page you are looking for is not here. The home page has the latest articles.",
    ),
    ("no_articles", "No articles here yet."),
    ("read_in", "This article is also available in:"),
    ("related", "More on this constituency"),
    ("winner", "Winner"),
    ("runner_up", "Runner-up"),
    ("margin", "Margin"),
    ("turnout", "Turnout"),
    ("votes", "Votes"),
    ("share", "Vote share"),
    ("candidate", "Candidate"),
    ("party", "Party"),
    ("total_valid", "Total valid votes"),
    ("source", "Source"),
    ("approx", "more than"),
    ("points", "points"),
    ("powered_by", "Built with chunav"),
    ("result", "Result"),
    ("tie", "Tie"),
    ("unopposed", "Elected unopposed"),
    ("about", "about"),
    ("electors", "electors"),
    ("with_nota", "including NOTA"),
    ("swing", "Change in vote share"),
    ("only_one", "stood in one only"),
    ("swing_then", "in {year}"),
    (
        "turnout_polled",
        "as ECI computes it: votes polled ÷ electors",
    ),
    (
        "turnout_valid",
        "valid votes (NOTA included) ÷ electors; ECI's figure also counts rejected postal ballots",
    ),
    (
        "partial_result",
        "Partial result: the source does not give every candidate, so no shares, margin or total are shown.",
    ),
    ("alliance_of", "alliance"),
    ("deposit_lost", "Deposits lost"),
    (
        "deposit_rule",
        "candidates; keeping it took at least {n} votes (one sixth of the valid votes, NOTA excluded; RP Act, s.158)",
    ),
    ("named_in_source", "as the source gives it"),
    ("leading", "Leading"),
    ("leader", "Leading"),
    ("counted", "Votes counted so far"),
    ("trailing", "Trailing"),
    ("lead", "Lead"),
    ("counting", "Counting"),
    ("declared", "Declared"),
    ("round_of", "round {n} of {m}"),
    ("round_n", "round {n}"),
    (
        "counting_note",
        "Counting is under way: figures are of the votes counted so far and can change.",
    ),
    ("seats", "Seats"),
    ("won", "Won"),
    ("seats_total", "Total"),
    ("others", "Others"),
    ("alliance", "Alliance"),
    (
        "tally_counting",
        "Seats: {seats} · declared: {declared} · still counting: {counting}",
    ),
    ("tally_declared", "Seats: {seats}, all declared"),
    (
        "tally_undecided",
        "Nobody ahead yet: {n} (a tie or partial figures)",
    ),
    ("tally_unopposed", "Elected unopposed: {n} (counted as won)"),
    (
        "winner_not_named",
        "Winner: the source names neither the winner nor their party",
    ),
    ("search", "Search"),
    (
        "search_label",
        "Search the articles: a name, a place or a word",
    ),
    ("search_one", "{n} article found"),
    ("search_many", "{n} articles found"),
    (
        "search_some",
        "No article has every word; {n} have some of them",
    ),
    (
        "search_needs_js",
        "Search needs JavaScript in your browser. Without it, browse the articles here:",
    ),
    ("search_browse", "Articles by subject"),
    ("search_more", "Show more articles"),
    ("pages", "Pages"),
    ("page", "Page"),
    ("previous", "Previous"),
    ("next", "Next"),
    (
        "search_failed",
        "Search could not run just now. Try reloading the page.",
    ),
];

/// The theme's words for `lang` ("hi" or "en"; anything else gets English).
pub fn strings(lang: &str) -> BTreeMap<&'static str, &'static str> {
    let table = if lang == "hi" { HI } else { EN };
    table.iter().copied().collect()
}

/// The language's own name, for "also in: English / हिन्दी" links.
pub fn language_name(lang: &str) -> &'static str {
    match lang {
        "hi" => "हिन्दी",
        _ => "English",
    }
}

const MONTHS_HI: [&str; 12] = [
    "जनवरी",
    "फ़रवरी",
    "मार्च",
    "अप्रैल",
    "मई",
    "जून",
    "जुलाई",
    "अगस्त",
    "सितंबर",
    "अक्टूबर",
    "नवंबर",
    "दिसंबर",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "5 जून 2024" or "5 June 2024".
pub fn format_date(date: Date, lang: &str) -> String {
    let months = if lang == "hi" { &MONTHS_HI } else { &MONTHS_EN };
    let month = months
        .get(usize::from(date.month).saturating_sub(1))
        .copied()
        .unwrap_or("");
    format!("{} {} {}", date.day, month, date.year)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_the_same_keys() {
        let hi: Vec<_> = strings("hi").into_keys().collect();
        let en: Vec<_> = strings("en").into_keys().collect();
        assert_eq!(hi, en);
    }

    #[test]
    fn dates_are_written_out() {
        let d = Date {
            year: 2024,
            month: 6,
            day: 5,
        };
        assert_eq!(format_date(d, "hi"), "5 जून 2024");
        assert_eq!(format_date(d, "en"), "5 June 2024");
    }
}
