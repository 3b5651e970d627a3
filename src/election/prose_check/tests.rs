use super::*;
use crate::election::testutil::{KANPUR_2019, KANPUR_2024, check, shown};

fn kanpur() -> PageResults {
    check(&format!("{KANPUR_2019}\n{KANPUR_2024}")).0
}

/// The warnings for `body`, as shown, with the body starting on line 40 of the file.
fn warnings(body: &str) -> Vec<String> {
    shown(&check_prose(
        Path::new("content/kanpur.md"),
        body,
        40,
        &kanpur(),
    ))
}

#[test]
fn the_reports_cantt_figure_disagrees_with_the_data() {
    let body = "# कांग्रेस का प्रदर्शन\n\n2019 में कैंट से श्रीप्रकाश जायसवाल को 88,313 वोट मिले थे।\n";
    assert_eq!(
        warnings(body),
        [
            "warning: content/kanpur.md:42: 88,313 in the text, the data says 88,489 for INC in कैंट, लोकसभा 2019"
        ]
    );
}

#[test]
fn exact_figures_in_any_notation_are_quiet() {
    let body = concat!(
        "रमेश अवस्थी को 4,43,055 वोट मिले और आलोक मिश्रा को 422087; अंतर 20,968 रहा।\n",
        "कांग्रेस को पहली बार 4.22 लाख वोट मिले, कुल ८,८७,३९६ वैध मत पड़े।\n",
        "Western grouping works too: 443,055 votes. Rounded: 4,22,000 votes, 21 हज़ार का अंतर.\n",
    );
    assert_eq!(warnings(body), Vec::<String>::new());
}

#[test]
fn years_shares_codes_and_far_numbers_are_quiet() {
    let body = concat!(
        "1984 से 2024 तक, 49.93% वोट, S24-43, ls2024 और 1,77,000 (महापौर चुनाव 2023)।\n",
        "मतदान केंद्र 1500 से ज़्यादा थे और लगभग 4,20,000 लोग आए।\n",
    );
    assert_eq!(warnings(body), Vec::<String>::new());
}

#[test]
fn code_and_template_expressions_are_not_prose() {
    let body = concat!(
        "```chart\nkind = \"segments\"\nvotes = 88313\n```\n",
        "`88,313` in code, {{ results.ls2019.total | default(value=88313) }} in a template,\n",
        "{% if x > 88313 %}{% endif %}{# 88313 #}\n",
        "~~~\n88313\n~~~\n",
    );
    assert_eq!(warnings(body), Vec::<String>::new());
}

#[test]
fn heading_ids_and_stray_braces_do_not_hide_the_prose_after_them() {
    let body = "## कैंट {#cantt}\n\nकैंट में 2019 में कांग्रेस को 88,313 वोट मिले। {# टिप्पणी #}\n{{ unclosed\n";
    assert_eq!(
        warnings(body),
        [
            "warning: content/kanpur.md:42: 88,313 in the text, the data says 88,489 for INC in कैंट, लोकसभा 2019"
        ]
    );
}

#[test]
fn a_stated_margin_or_total_the_data_contradicts() {
    let body = "भाजपा 25,000 वोटों के अंतर से जीती।\n\nकुल 9,10,000 वोट पड़े।\n";
    assert_eq!(
        warnings(body),
        [
            "warning: content/kanpur.md:40: 25,000 in the text as a margin, the data says 20,968 for the margin of लोकसभा 2024",
            "warning: content/kanpur.md:42: 9,10,000 in the text as a total, the data says 8,87,396 for the valid votes of लोकसभा 2024",
        ]
    );
}

#[test]
fn lakh_and_devanagari_digits_are_read() {
    let body = "कांग्रेस को ४,२२,८७० वोट मिले, यानी 4.3 लाख।\n";
    assert_eq!(
        warnings(body),
        [
            "warning: content/kanpur.md:40: ४,२२,८७० in the text, the data says 4,22,087 for आलोक मिश्रा (INC), लोकसभा 2024",
            "warning: content/kanpur.md:40: 4.3 लाख in the text, the data says 4,22,087 for आलोक मिश्रा (INC), लोकसभा 2024",
        ]
    );
}

#[test]
fn the_line_context_picks_the_value_meant() {
    // 87,400 is near both INC सीसामऊ 2024 (87,323) and INC कैंट 2019 (88,489).
    let body = "सीसामऊ में 2024 में कांग्रेस को 87,400 वोट।\nकैंट में 2019 में कांग्रेस को 87,400 वोट।\n";
    assert_eq!(
        warnings(body),
        [
            "warning: content/kanpur.md:40: 87,400 in the text, the data says 87,323 for INC in सीसामऊ, लोकसभा 2024",
            "warning: content/kanpur.md:41: 87,400 in the text, the data says 88,489 for INC in कैंट, लोकसभा 2019",
        ]
    );
}

#[test]
fn hostile_prose_does_not_panic() {
    let body = "99999999999999999999999999 लाख, ,,,, 1,,2 .5 ९९९९९९९९९९९९९९९९९९९९९९९ KRORE \u{212a}rore 12\u{212a} {{ unclosed `tick ```\n";
    let _ = warnings(body);
    assert!(check_prose(Path::new("x.md"), "88,313", 1, &PageResults::default()).is_empty());
}

#[test]
fn each_clause_of_a_long_sentence_knows_whom_it_names() {
    // One sentence naming the same parties again and again: every clause is judged by
    // its own names, and each number by a window around it (never the whole sentence).
    let body = "कांग्रेस को 4,22,087 वोट, भाजपा को 4,43,055 वोट, ".repeat(500);
    assert_eq!(warnings(&body), Vec::<String>::new());
    let wrong = format!("{body}कांग्रेस को 4,20,087 वोट।");
    assert_eq!(warnings(&wrong).len(), 1, "{:?}", warnings(&wrong));
}

#[test]
fn a_short_surname_is_not_found_in_a_common_word_of_the_other_script() {
    // SETH, a surname of two consonants (s, t), shares its skeleton with सीट and "seat".
    let data = KANPUR_2024.replace("SANJAY SINGH", "SANJAY SETH");
    let results = check(&format!("{KANPUR_2019}\n{data}")).0;
    let warnings = |body: &str| {
        shown(&check_prose(
            Path::new("content/kanpur.md"),
            body,
            40,
            &results,
        ))
    };
    let quiet = "कानपुर लोकसभा सीट पर 430 वोट रद्द हुए।\n\nThe seat saw 430 votes rejected.\n";
    assert_eq!(warnings(quiet), Vec::<String>::new());
    // Written as the surname, in either script, it still names him.
    for body in ["सेठ को 430 वोट मिले।\n", "Seth polled 430 votes.\n"] {
        assert_eq!(
            warnings(body),
            [
                "warning: content/kanpur.md:40: 430 in the text, the data says 350 for SANJAY SETH (PBI), लोकसभा 2024"
            ]
        );
    }
}

#[test]
fn a_count_of_another_noun_is_not_a_vote_figure() {
    // मतदाताओं makes 450 look like a total; ई-रिक्शा says what it counts.
    let body = "2024 में दिव्यांग मतदाताओं के लिए 450 ई-रिक्शा चले।\n\nप्रचार में 600 रैलियाँ निकाली गईं, 2024 में मतदाताओं तक पहुँचने के लिए।\n";
    assert_eq!(warnings(body), Vec::<String>::new());
}

#[test]
fn lost_by_votes_names_the_loser_of_its_clause() {
    let body = "2024 में भाजपा जीती; कांग्रेस के आलोक मिश्रा 20,968 वोटों से हारे।\n\nरमेश अवस्थी 20,968 वोटों से हारे।\n";
    assert_eq!(
        warnings(body),
        [
            "warning: content/kanpur.md:42: the text says रमेश अवस्थी lost, but रमेश अवस्थी (BJP) came first in लोकसभा 2024"
        ]
    );
}

#[test]
fn votes_fewer_than_before_is_a_change() {
    let body = "2024 में रमेश अवस्थी को 4,43,055 वोट मिले, जो 25,882 वोट कम हैं।\n\n2024 में रमेश अवस्थी को 4,43,055 वोट मिले, जो 28,882 वोट कम हैं।\n";
    let shown = warnings(body);
    assert_eq!(shown.len(), 1, "{shown:#?}");
    assert!(
        shown[0].starts_with("warning: content/kanpur.md:42: 28,882 in the text")
            && shown[0].contains("change in votes of BJP"),
        "{shown:#?}"
    );
}

#[test]
fn a_gap_in_a_heading_is_a_margin() {
    assert_eq!(
        warnings("## 20,986 वोटों का फ़ासला\n"),
        [
            "warning: content/kanpur.md:40: 20,986 in the text as a margin, the data says 20,968 for the margin of लोकसभा 2024"
        ]
    );
}

#[test]
fn a_postal_figure_is_compared_with_the_postal_votes() {
    let shown = warnings("## 5,534 डाक मत\n");
    assert_eq!(shown.len(), 1, "{shown:#?}");
    assert!(
        shown[0].contains("the data says 5,354 for the postal votes of लोकसभा 2024"),
        "{shown:#?}"
    );
}

#[test]
fn a_lead_on_the_machines_is_checked_and_a_round_of_counting_is_not() {
    let body = concat!(
        "ईवीएम पर रमेश अवस्थी की बढ़त 21,410 वोटों की रही।\n\n",
        "पाँचवें राउंड के बाद आलोक मिश्रा 5,310 वोटों से आगे थे।\n\n",
        "डाक मतों में आलोक मिश्रा 172 वोटों से आगे रहे।\n",
    );
    assert_eq!(
        warnings(body),
        [
            "warning: content/kanpur.md:40: 21,410 in the text, the data says 21,140 for the lead of रमेश अवस्थी (BJP) over आलोक मिश्रा (INC) on EVM votes, लोकसभा 2024"
        ]
    );
}

#[test]
fn the_quick_search_finds_what_str_find_finds() {
    let texts = [
        "कानपुर में कांग्रेस के आलोक मिश्र हारे, कांग्रेसी खुश नहीं",
        "aab aaab ab abab b, ab",
        "रामराम राम रामनगर ा राम।",
        "",
    ];
    let needles = [
        "",
        "a",
        "ab",
        "aab",
        "b",
        "राम",
        "ा",
        "कांग्रेस",
        "मिश्र हारे",
        "।",
        "x",
    ];
    for text in texts {
        for w in needles {
            for from in (0..=text.len()).filter(|i| text.is_char_boundary(*i)) {
                assert_eq!(
                    find_from(text, w, from),
                    text[from..].find(w).map(|i| from + i),
                    "{w:?} in {text:?} from {from}"
                );
            }
            assert_eq!(has(text, w), text.contains(w), "{w:?} in {text:?}");
        }
    }
    for text in texts {
        let starts = WordStarts::new(text);
        for w in needles.iter().chain(&["राम।", "2024", "aab aaab"]) {
            assert_eq!(starts.find(w), find_word(text, w), "{w:?} in {text:?}");
            assert_eq!(starts.has(w), has(text, w), "{w:?} in {text:?}");
            assert_eq!(
                starts.find_all(w, 10),
                find_words(text, w, 10),
                "{w:?} in {text:?}"
            );
        }
    }
    assert_eq!(find_word("रामराम राम रामनगर", "राम"), Some(19));
    assert_eq!(find_words("ab abab ab, ab", "ab", 10), [0, 8, 12]);
}

#[test]
fn a_party_put_in_another_alliance_is_told_and_the_right_one_is_quiet() {
    let mut page = kanpur();
    let year: std::collections::BTreeMap<String, Vec<String>> = [
        (
            "INDIA".to_string(),
            vec!["INC".to_string(), "SP".to_string()],
        ),
        ("NDA".to_string(), vec!["BJP".to_string()]),
    ]
    .into_iter()
    .collect();
    let alliances: crate::election::compare::Alliances =
        [("2024".to_string(), year)].into_iter().collect();
    page.follow_alliances(&alliances);
    let said = |body: &str| {
        shown(&check_prose(
            Path::new("content/kanpur.md"),
            body,
            40,
            &page,
        ))
    };
    assert_eq!(
        said("2024 में कांग्रेस एनडीए की ओर से लड़ी।\n"),
        [
            "warning: content/kanpur.md:40: the text puts INC in the NDA, but site.toml has INC in the INDIA for लोकसभा 2024"
        ]
    );
    assert_eq!(
        said("In 2024 the Congress stood for the INDIA bloc and the BJP for the NDA.\n"),
        Vec::<String>::new()
    );
    assert_eq!(
        said("2024 का मुकाबला एनडीए और इंडिया गठबंधन के बीच था: भाजपा और कांग्रेस आमने-सामने थे।\n"),
        Vec::<String>::new()
    );
}

#[test]
fn clauses_cut_at_commas_cut_words_and_dashes_but_not_inside_numbers() {
    let pieces = |s: &str| -> Vec<String> {
        clauses(s)
            .into_iter()
            .map(|(a, b)| s[a..b.min(s.len())].to_string())
            .collect()
    };
    assert_eq!(
        pieces("भाजपा को 4,22,087 वोट मिले, सपा को कम और बसपा तीसरे स्थान पर—नोटा आगे"),
        [
            "भाजपा को 4,22,087 वोट मिले",
            ", सपा को कम",
            " और बसपा तीसरे स्थान पर",
            "—नोटा आगे"
        ]
    );
    // A cut word is not found again inside its own match.
    assert_eq!(pieces("x and and y; z"), ["x", " and and y", "; z"]);
    assert_eq!(pieces("कोई विराम नहीं"), ["कोई विराम नहीं"]);
}

#[test]
fn a_number_written_out_must_say_the_figure_before_it() {
    // Kanpur 2024: margin 20,968.
    let wrong = warnings("जीत का अंतर 20,968 वोट रहा। शब्दों में: बीस हज़ार नौ सौ छियासी।\n");
    assert_eq!(
        wrong,
        [
            "warning: content/kanpur.md:40: बीस हज़ार नौ सौ छियासी in words is 20,986, but the figure it writes out is 20,968; one of them is mistyped"
        ]
    );
    assert!(warnings("जीत का अंतर 20,968 वोट रहा। शब्दों में: बीस हज़ार नौ सौ अड़सठ।\n").is_empty());
    // "the margin in words" restates the margin, not the figure before it.
    assert!(
        warnings("रमेश अवस्थी को 4,43,055 वोट मिले। जीत का अंतर शब्दों में बीस हज़ार नौ सौ अड़सठ वोट है।\n")
            .is_empty()
    );
}

#[test]
fn counts_of_some_candidates_are_not_the_field() {
    // Kanpur 2024: 11 candidates; NOTA (4,117) behind three of them.
    for quiet in [
        "2024 में नोटा से आगे केवल तीन उम्मीदवार थे।\n",
        "In 2024 four candidates on the ballot were called Kumar.\n",
        "रमेश अवस्थी ने कांग्रेस को हराया; भाजपा ने राज्य की दूसरी सीटें भी जीतीं।\n",
        "The BJP won the other seats of the city too.\n",
    ] {
        assert_eq!(warnings(quiet), Vec::<String>::new(), "{quiet}");
    }
    assert!(!warnings("2024 में मैदान में कुल 12 उम्मीदवार थे।\n").is_empty());
}

#[test]
fn a_share_of_a_sum_the_text_made_is_checked() {
    // Kanpur 2024: 4,43,055 + 4,22,087 = 8,65,142 of 8,87,396 valid votes is 97.49%.
    let body = "दोनों को मिलाकर 8,65,142 वोट मिले, यानी कुल का 97.94 प्रतिशत।\n";
    assert_eq!(warnings(body).len(), 1, "{:?}", warnings(body));
    assert!(warnings(&body.replace("97.94", "97.49")).is_empty());
}

#[test]
fn the_independents_of_the_field_are_counted() {
    let independents = KANPUR_2024.matches("party = \"IND\"").count();
    let right = format!("2024 में मैदान में {independents} निर्दलीय थे।\n");
    assert_eq!(warnings(&right), Vec::<String>::new());
    let wrong = format!("2024 में मैदान में {} निर्दलीय थे।\n", independents + 1);
    assert_eq!(warnings(&wrong).len(), 1, "{:?}", warnings(&wrong));
    // Some of them, not all: no claim.
    assert!(warnings("In 2024 two independents shared a name with the runner-up.\n").is_empty());
}

#[test]
fn a_serial_in_brackets_is_no_figure_but_a_figure_after_a_name_is() {
    assert_eq!(
        warnings("2024 में वोट बढ़े, भाजपा की बढ़त बनी रही: कानपुर का नतीजा (520)।\n"),
        Vec::<String>::new()
    );
    assert_eq!(
        warnings("2024 में आलोक मिश्रा (4,20,087) दूसरे स्थान पर रहे।\n").len(),
        1
    );
}

/// The warnings for `body` on a page of the 2024 result alone.
fn warnings_2024(body: &str) -> Vec<String> {
    shown(&check_prose(
        Path::new("content/kanpur.md"),
        body,
        40,
        &check(KANPUR_2024).0,
    ))
}

#[test]
fn some_of_the_field_said_after_the_field() {
    // Eight of the eleven got under 2,000; nine did not; the field is eleven, not twelve.
    assert_eq!(
        warnings("ग्यारह उम्मीदवारों में से आठ को 2,000 से कम वोट मिले।\n"),
        Vec::<String>::new()
    );
    assert_eq!(
        warnings("ग्यारह उम्मीदवारों में से नौ को 2,000 से कम वोट मिले।\n").len(),
        1
    );
    assert_eq!(
        warnings_2024("बारह उम्मीदवारों में से आठ को 2,000 से कम वोट मिले।\n"),
        [
            "warning: content/kanpur.md:40: the text says 12 candidates, but the data lists 11 for लोकसभा 2024 (NOTA not counted)"
        ]
    );
}

#[test]
fn none_of_the_rest_is_a_count_of_the_last_of_the_field() {
    assert_eq!(
        warnings("बाकी नौ प्रत्याशियों में से किसी को 13,000 से ज़्यादा वोट नहीं मिले।\n"),
        Vec::<String>::new()
    );
    let said = warnings("बाकी नौ प्रत्याशियों में से किसी को 10,000 से ज़्यादा वोट नहीं मिले।\n");
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].contains("KULDEEP BHADAURIYA"), "{said:?}");
}

#[test]
fn deposits_lost_by_all_but_the_first_few() {
    assert_eq!(
        warnings("पहले दो को छोड़कर बाकी नौ उम्मीदवारों की ज़मानत ज़ब्त हुई।\n"),
        Vec::<String>::new()
    );
    let said = warnings("पहले दो को छोड़कर बाकी आठों उम्मीदवारों की ज़मानत ज़ब्त हुई।\n");
    assert_eq!(said.len(), 1, "{said:?}");
}

#[test]
fn a_multiple_of_two_typed_figures_is_their_ratio() {
    assert_eq!(
        warnings("Awasthi's postal count, 2,446, was nearly 13 times Bhadauriya's 189.\n"),
        Vec::<String>::new()
    );
    let said = warnings("Awasthi's postal count, 2,446, was nearly 20 times Bhadauriya's 189.\n");
    assert_eq!(said.len(), 1, "{said:?}");
}

#[test]
fn two_places_added_up() {
    assert_eq!(
        warnings(
            "Between them, the second and third placed candidates polled 4,34,119 votes in 2024.\n"
        ),
        Vec::<String>::new()
    );
    let said = warnings(
        "Between them, the second and third placed candidates polled 4,43,119 votes in 2024.\n",
    );
    assert_eq!(said.len(), 1, "{said:?}");
}

#[test]
fn this_time_after_a_clause_about_an_earlier_year() {
    assert_eq!(
        warnings_2024(
            "2019 में यहीं से जीतकर मंत्री बने नेता की पार्टी के रमेश अवस्थी को इस बार 4,43,055 वोट मिले।\n"
        ),
        Vec::<String>::new()
    );
    let said = warnings_2024(
        "2019 में यहीं से जीतकर मंत्री बने नेता की पार्टी के रमेश अवस्थी को इस बार 4,34,055 वोट मिले।\n",
    );
    assert_eq!(said.len(), 1, "{said:?}");
}

#[test]
fn earlier_wins_and_wins_of_a_part_name_no_winner() {
    assert_eq!(
        warnings_2024(concat!(
            "Bhadauriya, who had won Kanpur three times in a row, came third.\n\n",
            "The Congress beat the BJP among postal voters, though not overall.\n",
        )),
        Vec::<String>::new()
    );
    let said = warnings_2024("The Congress beat the BJP, though narrowly.\n");
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].contains("as the winner"), "{said:?}");
}

#[test]
fn words_after_a_sentence_of_several_figures_may_write_out_any() {
    assert_eq!(
        warnings_2024(
            "Awasthi's margin, 20,968, is 2.36 points of the 8,87,396 valid votes. In words: twenty thousand nine hundred and sixty-eight.\n"
        ),
        Vec::<String>::new()
    );
    let said = warnings_2024(
        "Awasthi's margin, 20,968, is 2.36 points of the 8,87,396 valid votes. In words: twenty-one thousand nine hundred and sixty-eight.\n",
    );
    assert_eq!(said.len(), 1, "{said:?}");
}

#[test]
fn a_bound_on_each_of_the_rest_and_a_gap_to_a_line_are_no_sums_or_votes() {
    assert_eq!(
        warnings_2024(concat!(
            "The other nine candidates got under 1.5% each.\n\n",
            "बसपा उम्मीदवार रेखा से एक लाख से अधिक वोट पीछे रहे।\n",
        )),
        Vec::<String>::new()
    );
}

#[test]
fn who_led_the_postal_count_is_checked() {
    assert_eq!(
        warnings_2024(concat!(
            "The Congress led the postal count.\n\n",
            "The Congress beat the BJP among postal voters, though not overall.\n",
        )),
        Vec::<String>::new()
    );
    assert_eq!(
        warnings_2024(
            "The BJP led the postal count.\n\nThe BJP beat the Congress among postal voters.\n"
        ),
        [
            "warning: content/kanpur.md:40: the text says रमेश अवस्थी led the postal votes, but आलोक मिश्रा (INC) had the most, 2,618 to 2,446 in लोकसभा 2024",
            "warning: content/kanpur.md:42: the text says रमेश अवस्थी beat आलोक मिश्रा on postal votes, but the data gives रमेश अवस्थी 2,446 and आलोक मिश्रा 2,618 in लोकसभा 2024",
        ]
    );
}

#[test]
fn deposit_counts_after_a_colon_or_before_an_aside() {
    assert_eq!(
        warnings_2024(concat!(
            "- ज़मानत ज़ब्त: 9 प्रत्याशियों की\n\n",
            "Nine of the 11 candidates, all but the first two, lost their deposits.\n",
        )),
        Vec::<String>::new()
    );
    let said = warnings_2024(concat!(
        "- ज़मानत ज़ब्त: 8 प्रत्याशियों की\n\n",
        "Ten of the 11 candidates, all but the first two, lost their deposits.\n",
    ));
    assert_eq!(said.len(), 2, "{said:?}");
}

#[test]
fn readings_of_counts_and_places_stay_narrow() {
    assert_eq!(
        warnings_2024(concat!(
            "Of the 11 candidates, eight got less than 2,000 votes.\n\n",
            "The first and second rounds together counted 80,000 votes.\n\n",
            "तीनों बड़े दलों के उम्मीदवारों ने ज़मानत बचा ली।\n\n",
            "ẞİ: three candidates got more than 10,000 votes, ẞİ.\n",
        )),
        Vec::<String>::new()
    );
}

#[test]
fn a_share_named_before_its_figure_is_a_percentage() {
    assert_eq!(
        warnings_2024("रमेश अवस्थी का वोट प्रतिशत 49.93 रहा।\n"),
        Vec::<String>::new()
    );
    let said = warnings_2024("रमेश अवस्थी का वोट प्रतिशत 49.39 रहा।\n");
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].contains("49.93%"), "{said:?}");
    // A year after the words is no percentage.
    assert_eq!(
        warnings_2024("मतदान प्रतिशत 2024 में भी कम रहा।\n"),
        Vec::<String>::new()
    );
}

#[test]
fn fifty_per_cent_for_a_share_under_half_says_half() {
    let said = warnings_2024("रमेश अवस्थी को 50% वोट मिले।\n");
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].contains("under half"), "{said:?}");
    for fine in [
        "रमेश अवस्थी को लगभग 50% वोट मिले।\n",
        "रमेश अवस्थी को 50% से कुछ कम वोट मिले।\n",
        "रमेश अवस्थी को 49.9% वोट मिले।\n",
    ] {
        assert_eq!(warnings_2024(fine), Vec::<String>::new(), "{fine}");
    }
}

#[test]
fn a_total_said_to_count_nota_in_a_clause_before() {
    assert_eq!(
        warnings_2024("Counting NOTA, 8,87,396 valid votes were cast.\n"),
        Vec::<String>::new()
    );
    let said = warnings_2024("Counting NOTA, 8,83,279 valid votes were cast.\n");
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].contains("8,87,396"), "{said:?}");
    // Neither total, near the one it says.
    let said = warnings_2024("नोटा को मिलाकर कुल 8,78,396 वैध वोट गिने गए।\n");
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].contains("with NOTA"), "{said:?}");
    // The parts of the total, then the total.
    assert_eq!(
        warnings_2024("ईवीएम के 8,81,112 और डाक के 6,284 वोट मिलाकर नोटा समेत 8,87,396 वैध वोट हुए।\n"),
        Vec::<String>::new()
    );
}

#[test]
fn the_field_stated_after_there_were_or_a_colon() {
    for wrong in [
        "There were 12 candidates in Kanpur.\n",
        "Kanpur had a long ballot: 12 candidates, more than most seats.\n",
        "title = \"कानपुर 2024: 12 उम्मीदवारों के वोट\"|\n",
    ] {
        let said = warnings_2024(wrong);
        assert_eq!(said.len(), 1, "{wrong}: {said:?}");
        assert!(said[0].contains("lists 11"), "{said:?}");
    }
    for fine in [
        "There were 11 candidates in Kanpur.\n",
        "9 candidates, including two women, lost their deposits.\n",
    ] {
        assert_eq!(warnings_2024(fine), Vec::<String>::new(), "{fine}");
    }
}

#[test]
fn the_votes_needed_for_the_deposit_whoever_the_clause_names() {
    // One sixth of 8,83,279 is 1,47,213.17: 1,47,214 keep it.
    assert_eq!(
        warnings_2024("कुलदीप भदौरिया ज़मानत नहीं बचा सके, क्योंकि इसके लिए लगभग 1,47,213 वोट चाहिए थे।\n"),
        Vec::<String>::new()
    );
    let said =
        warnings_2024("कुलदीप भदौरिया ज़मानत नहीं बचा सके, क्योंकि इसके लिए लगभग 1,48,066 वोट चाहिए थे।\n");
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].contains("keep the deposit"), "{said:?}");
    // The line of the sentence before.
    let said = warnings_2024(
        "A candidate keeps the deposit with a sixth of the candidates' votes. In Kanpur the line fell at about 1,48,066.\n",
    );
    assert_eq!(said.len(), 1, "{said:?}");
    // A distance from the line is no line.
    assert_eq!(
        warnings_2024("ज़मानत की रेखा 1,47,214 वोट थी। कुलदीप भदौरिया इस रेखा से 1,35,182 वोट दूर रहे।\n"),
        Vec::<String>::new()
    );
}

#[test]
fn words_after_say_it_in_words_and_a_hyphened_lakh() {
    assert_eq!(
        warnings_2024("जीत का अंतर 20,968 वोट रहा। शब्दों में कहें तो बीस हज़ार नौ सौ अड़सठ वोट।\n"),
        Vec::<String>::new()
    );
    let said =
        warnings_2024("जीत का अंतर 20,968 वोट रहा। शब्दों में कहें तो इक्कीस हज़ार नौ सौ अड़सठ वोट।\n");
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].contains("in words"), "{said:?}");
    assert_eq!(
        warnings_2024("रमेश अवस्थी won with a 0.21-lakh margin.\n"),
        Vec::<String>::new()
    );
    let said = warnings_2024("रमेश अवस्थी won with a 0.12-lakh margin.\n");
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].contains("20,968"), "{said:?}");
}

#[test]
fn the_two_named_in_the_margin_between_them_are_the_margins() {
    // The margin, 20,968, is 5.1 times NOTA's 4,117 (and BJP's votes 1.05 times INC's).
    assert_eq!(
        warnings_2024("भाजपा और कांग्रेस के बीच का अंतर नोटा के वोटों का पाँच गुना था।\n"),
        Vec::<String>::new()
    );
    assert_eq!(
        warnings_2024("The margin between the BJP and the Congress was five times NOTA's votes.\n"),
        Vec::<String>::new()
    );
    let said = warnings_2024("भाजपा और कांग्रेस के बीच का अंतर नोटा के वोटों का दस गुना था।\n");
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].contains("the margin"), "{said:?}");
}

#[test]
fn a_surname_of_two_candidates_leads_the_postal_count_if_either_does() {
    // Secunderabad 2024, cut: "Reddy" is G. Kishan Reddy (the leader, 4,701 postal) and
    // MACHCHERLA VENKATA REDDY (1).
    let front = r#"
[[results]]
id = "s2024"
election = "Lok Sabha 2024"
year = 2024
constituency = "Secunderabad"
source = { text = "ECI, test" }

[[results.candidates]]
name = "G. Kishan Reddy"
party = "BJP"
votes = 473012
postal = 4701

[[results.candidates]]
name = "Danam Nagender"
party = "INC"
votes = 423068
postal = 2848

[[results.candidates]]
name = "MACHCHERLA VENKATA REDDY"
party = "IND"
votes = 540
postal = 1
"#;
    let results = check(front).0;
    let said = |body: &str| shown(&check_prose(Path::new("content/s.md"), body, 40, &results));
    assert_eq!(
        said("Reddy led the postal count too, with 4,701 to Nagender's 2,848.\n"),
        Vec::<String>::new()
    );
    assert_eq!(said("Nagender led the postal count.\n").len(), 1);
}

#[test]
fn a_paragraph_that_opens_with_a_pronoun_is_about_whom_the_last_one_named() {
    let page = |second: &str| {
        warnings_2024(&format!(
            "KULDEEP BHADAURIYA finished third with 12,032 votes.\n\nHe was far behind. {second}\n"
        ))
    };
    assert_eq!(
        page("His 189 postal ballots did not change that."),
        Vec::<String>::new()
    );
    let said = page("His 198 postal ballots did not change that.");
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].contains("KULDEEP BHADAURIYA"), "{said:?}");
    // Only the paragraph's opening looks back.
    assert_eq!(
        warnings_2024(
            "KULDEEP BHADAURIYA finished third with 12,032 votes.\n\nThe count was slow. His 198 postal ballots came last.\n"
        ),
        Vec::<String>::new()
    );
}

#[test]
fn the_value_of_a_fraction_in_brackets_is_no_ones_share() {
    assert_eq!(
        warnings_2024("रमेश अवस्थी का हिस्सा आधे (50%) से ज़रा कम, 49.93% रहा।\n"),
        Vec::<String>::new()
    );
    assert_eq!(
        warnings_2024("KULDEEP BHADAURIYA's share, 1.36%, was far below one sixth (16.67%).\n"),
        Vec::<String>::new()
    );
}

#[test]
fn the_gap_between_them_is_a_difference_not_a_sum() {
    let page = |points: &str| {
        warnings_2024(&format!(
            "रमेश अवस्थी took 49.93%. आलोक मिश्रा took 47.56%. The gap between them came to {points} percentage points.\n"
        ))
    };
    assert_eq!(page("2.36"), Vec::<String>::new());
    let said = page("2.63");
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].contains("margin"), "{said:?}");
}

#[test]
fn each_part_of_a_pair_of_parts_is_its_own() {
    assert_eq!(
        warnings_2024("EVMs accounted for 8,82,042 and postal ballots for 5,354.\n"),
        Vec::<String>::new()
    );
    for (wrong, meant) in [
        (
            "EVMs accounted for 8,82,402 and postal ballots for 5,354.\n",
            "8,82,042",
        ),
        (
            "EVMs accounted for 8,82,042 and postal ballots for 5,534.\n",
            "5,354",
        ),
        ("Postal ballots accounted for 3,554.\n", "5,354"),
    ] {
        let said = warnings_2024(wrong);
        assert_eq!(said.len(), 1, "{wrong}: {said:?}");
        assert!(said[0].contains(meant), "{said:?}");
    }
}

#[test]
fn a_candidates_own_votes_beside_what_was_needed_are_theirs() {
    assert_eq!(
        warnings_2024(
            "KULDEEP BHADAURIYA got 12,032 votes but needed 1,47,214 to keep his deposit.\n"
        ),
        Vec::<String>::new()
    );
    assert_eq!(
        warnings_2024("Not counting NOTA, 8,83,279 valid votes were cast.\n"),
        Vec::<String>::new()
    );
}

#[test]
fn a_clause_that_held_the_seat_speaks_of_the_winner() {
    // The runner-up's share given to whoever "held the seat": no name, but the winner is meant.
    let said = warnings_2024("The sitting MP held the seat with 47.56%.\n");
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].contains("49.93%"), "{said:?}");
    assert_eq!(
        warnings_2024("The sitting MP held the seat with 49.93%.\n"),
        Vec::<String>::new()
    );
}

#[test]
fn a_rounded_figure_after_about_restates_the_count_before_it() {
    // 4.43 lakh is his total, rounded; said after his EVM count it must round that.
    let said = warnings_2024("Awasthi's EVM votes were 4,40,609, about 4.43 lakh.\n");
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].contains("which is 4.41 lakh"), "{said:?}");
    for quiet in [
        "Awasthi's EVM votes were 4,40,609, about 4.41 lakh.\n",
        // One sixth of the valid votes derives another figure, not a rounding.
        "The bar is one sixth of 8,82,132, about 1.47 lakh.\n",
    ] {
        assert_eq!(warnings_2024(quiet), Vec::<String>::new(), "{quiet}");
    }
}

#[test]
fn a_win_by_votes_is_not_a_win_bigger_than_them() {
    // "से बड़ी जीत" after the votes: a big win by 21 thousand (20,968), not one bigger.
    assert_eq!(
        warnings_2024("रमेश अवस्थी की 21 हज़ार वोटों से बड़ी जीत।\n"),
        Vec::<String>::new()
    );
    let said = warnings_2024("रमेश अवस्थी की 25 हज़ार वोटों से बड़ी जीत।\n");
    assert_eq!(said.len(), 1, "{said:?}");
}

#[test]
fn a_multiple_of_two_typed_figures_compares_those_figures() {
    let said = warnings_2024(
        "डाक मतों में अवस्थी को 2,446 वोट मिले, जो आलोक मिश्रा के 2,618 से दोगुने से ज़्यादा हैं।\n",
    );
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].contains("(2,446 to 2,618"), "{said:?}");
}

#[test]
fn a_name_written_without_its_title_names_its_candidate() {
    // आलोक मिश्रा outpolls every other Mishra, so "मिश्रा" alone is his; "मनोज मिश्रा" is
    // डॉ. मनोज मिश्रा's, who came sixth.
    let data = KANPUR_2024.replace("\"MANOJ KUMAR\"", "\"डॉ. मनोज मिश्रा\"");
    let results = check(&data).0;
    let said = shown(&check_prose(
        Path::new("content/kanpur.md"),
        "मनोज मिश्रा दूसरे स्थान पर रहे।\n",
        40,
        &results,
    ));
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].contains("places डॉ. मनोज मिश्रा second"), "{said:?}");
}

#[test]
fn a_deposit_count_said_again_without_the_word_is_checked() {
    for wrong in [
        "The top two kept their deposits and the other ten lost theirs.\n",
        "पहले दो की ज़मानत बची और बाक़ी दस की ज़ब्त हुई।\n",
        "पहले दो उम्मीदवारों के अलावा दसों की ज़मानत ज़ब्त हुई।\n",
    ] {
        let said = warnings_2024(wrong);
        assert_eq!(said.len(), 1, "{wrong}: {said:?}");
        assert!(said[0].contains("the data says 9 did"), "{said:?}");
    }
    for right in [
        "The top two kept their deposits and the other nine lost theirs.\n",
        // The six of the first clause are not the two who kept theirs.
        "Nine of the eleven candidates lost their deposits; only the winner and the runner-up kept theirs.\n",
    ] {
        assert_eq!(warnings_2024(right), Vec::<String>::new(), "{right}");
    }
}

#[test]
fn candidates_nota_beats_are_not_the_field() {
    let said = warnings_2024("## NOTA beats four candidates\n");
    assert!(
        !said.iter().any(|w| w.contains("the data lists")),
        "{said:?}"
    );
}

#[test]
fn words_after_yani_write_out_the_figure_before() {
    assert_eq!(
        warnings_2024("जीत का अंतर 20,968 वोट रहा, यानी बीस हज़ार नौ सौ अड़सठ।\n"),
        Vec::<String>::new()
    );
    // अठासी is अट्ठासी as often spelt; told once, against the digits it writes out.
    assert_eq!(
        warnings_2024("जीत का अंतर 20,968 वोट रहा, यानी बीस हज़ार नौ सौ अठासी।\n"),
        [
            "warning: content/kanpur.md:40: बीस हज़ार नौ सौ अठासी in words is 20,988, but the figure it writes out is 20,968; one of them is mistyped"
        ]
    );
}

#[test]
fn a_bound_after_a_count_is_said_of_that_count() {
    let said = warnings_2024("The margin was 20,968 votes, a little more than 21 thousand.\n");
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(
        said[0].contains("a little more than 21 thousand"),
        "{said:?}"
    );
    let said = warnings_2024("Valid votes numbered 8,87,396, nearly ten lakh.\n");
    assert_eq!(said.len(), 1, "{said:?}");
    for quiet in [
        "The margin was 20,968 votes, just under 21 thousand.\n",
        "Valid votes numbered 8,87,396, nearly nine lakh.\n",
    ] {
        assert_eq!(warnings_2024(quiet), Vec::<String>::new(), "{quiet}");
    }
}

#[test]
fn a_rounded_figure_someone_polled_is_their_votes() {
    let said = warnings_2024("Awasthi polled 4.5 lakh.\n");
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].contains("4,43,055"), "{said:?}");
    assert_eq!(
        warnings_2024("Awasthi polled 4.4 lakh.\n"),
        Vec::<String>::new()
    );
}

#[test]
fn a_relative_pronoun_is_no_short_surname() {
    // जिन्हें has JAIN's consonants; it refers to भदौरिया, named before it.
    let data = KANPUR_2024.replace("\"MANOJ KUMAR\"", "\"ABHAY JAIN\"");
    let results = check(&data).0;
    let said = shown(&check_prose(
        Path::new("content/kanpur.md"),
        "बसपा के कुलदीप भदौरिया तीसरे रहे, जिन्हें 12,032 वोट (1.36%) मिले।\n",
        40,
        &results,
    ));
    assert_eq!(said, Vec::<String>::new());
}

#[test]
fn a_bound_in_words_may_restate_any_figure_before_it() {
    assert_eq!(
        warnings_2024(
            "अवस्थी को 4,43,055 वोट मिले और आलोक मिश्रा को 4,22,087; शब्दों में, चार लाख बयालीस हज़ार से ज़्यादा वोट।\n"
        ),
        Vec::<String>::new()
    );
}

#[test]
fn a_shared_surname_names_the_one_whose_figure_its_clause_types() {
    // Two Bhadauriyas, neither ten times the other: the one with 1,974 votes is meant.
    let data = KANPUR_2024.replace("\"ASHOK PASWAN ADVOCATE\"", "\"ASHOK BHADAURIYA\"");
    let results = check(&data).0;
    let said = |body: &str| {
        shown(&check_prose(
            Path::new("content/kanpur.md"),
            body,
            40,
            &results,
        ))
    };
    assert_eq!(
        said("Awasthi won 4,43,055 votes (49.93%) and Bhadauriya 1,974 (0.22%).\n"),
        Vec::<String>::new()
    );
    // A figure none of them has names neither (and is not Awasthi's either).
    assert!(
        !said("Awasthi won 4,43,055 votes (49.93%) and Bhadauriya 1,794 (0.22%).\n")
            .iter()
            .any(|w| w.contains("रमेश अवस्थी")),
    );
}

#[test]
fn sides_of_a_multiple_named_around_it() {
    // The margin, named between NOTA's figure and the multiple, is the larger side.
    assert_eq!(
        warnings_2024(
            "NOTA got 4,117 votes and finished behind ten candidates; the margin was more than five times NOTA.\n"
        ),
        Vec::<String>::new()
    );
    // "उनके": the candidate the sentence before named.
    let body = "बसपा के कुलदीप भदौरिया को 12,032 वोट मिले। विजेता के वोट उनके 36 गुना से ज़्यादा थे।\n";
    assert_eq!(warnings_2024(body), Vec::<String>::new());
    let said = warnings_2024(&body.replace("36 गुना", "40 गुना"));
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].contains("KULDEEP BHADAURIYA"), "{said:?}");
}

#[test]
fn a_percentage_in_words_with_a_bound_is_checked() {
    assert_eq!(
        warnings_2024("## भाजपा को पैंतालीस प्रतिशत से ज़्यादा वोट\n"),
        Vec::<String>::new()
    );
    let said = warnings_2024("## भाजपा को पचपन प्रतिशत से ज़्यादा वोट\n");
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].contains("49.93%"), "{said:?}");
}

#[test]
fn a_party_the_text_gives_a_candidate_is_the_data_s() {
    for wrong in [
        "कांग्रेस के रमेश अवस्थी जीते।\n",
        "Congress's Ramesh Awasthi won.\n",
        "रमेश अवस्थी (कांग्रेस) जीते।\n",
    ] {
        let said = warnings_2024(wrong);
        assert_eq!(said.len(), 1, "{wrong}: {said:?}");
        assert!(
            said[0].contains("the party INC, but the data has रमेश अवस्थी as BJP"),
            "{said:?}"
        );
    }
    for right in [
        "भाजपा के रमेश अवस्थी जीते।\n",
        "Ramesh Awasthi (BJP) won; the former Congress MP Sriprakash Jaiswal did not stand.\n",
        "पूर्व कांग्रेस नेता के रमेश अवस्थी से कोई संबंध नहीं।\n",
    ] {
        assert_eq!(warnings_2024(right), Vec::<String>::new(), "{right}");
    }
}

#[test]
fn fell_short_by_gives_the_margin() {
    let said = warnings_2024("This time Mishra fell short by more than 25,000 votes.\n");
    assert_eq!(said.len(), 1, "{said:?}");
    assert!(said[0].contains("for the margin"), "{said:?}");
    assert_eq!(
        warnings_2024("This time Mishra fell short by more than 20,000 votes.\n"),
        Vec::<String>::new()
    );
}
