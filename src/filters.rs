//! Tera filters for numbers in prose and templates: `inr`, `lakh`, `pct`, `signed`,
//! `points_change`.
//! All of them honour the site's `digits` option, so a site set to Devanagari digits
//! prints ४,२२,०८७ everywhere a number is formatted.

use crate::config::{Digits, SiteConfig};
use crate::numfmt;
use tera::{Kwargs, State, Tera, Value};

pub fn register(tera: &mut Tera, config: &SiteConfig) {
    let digits = config.digits;
    let default_lang = config.language.clone();
    // Figures readers see carry the minus sign U+2212; `ascii=true` gives the hyphen-minus
    // for text meant to be copied or parsed (a data attribute, a CSV cell).
    tera.register_filter("inr", move |v: &Value, kw: Kwargs, _: &State| {
        let n = whole(v, "inr")?;
        let text = numfmt::inr(n);
        let text = match text.strip_prefix('-') {
            Some(magnitude) if !ascii(&kw)? => format!("{}{magnitude}", numfmt::MINUS),
            _ => text,
        };
        Ok::<_, tera::Error>(localise(digits, text))
    });
    tera.register_filter("lakh", move |v: &Value, kw: Kwargs, state: &State| {
        let n = number(v, "lakh")?;
        let lang = match kw.get::<String>("lang")? {
            Some(l) => l,
            None => page_lang(state).unwrap_or_else(|| default_lang.clone()),
        };
        Ok::<_, tera::Error>(localise(digits, numfmt::lakh(n, &lang)))
    });
    tera.register_filter("pct", move |v: &Value, _: Kwargs, _: &State| {
        let x = number(v, "pct")?;
        Ok::<_, tera::Error>(localise(digits, numfmt::pct(x)))
    });
    tera.register_filter("signed", move |v: &Value, kw: Kwargs, _: &State| {
        let x = number(v, "signed")?;
        let decimals = match kw.get::<Value>("decimals")? {
            None => {
                if v.is_i64() || v.is_u64() {
                    0
                } else {
                    2
                }
            }
            Some(d) => match d.as_i64() {
                Some(n) if (0..=6).contains(&n) => n as usize,
                _ => {
                    return Err(tera::Error::message(format!(
                        "`signed(decimals=…)` takes a whole number of decimals from 0 to 6, e.g. signed(decimals=2); got {d}"
                    )));
                }
            },
        };
        let text = numfmt::signed(x, decimals);
        let text = if ascii(&kw)? {
            numfmt::ascii_minus(&text).into_owned()
        } else {
            text
        };
        Ok::<_, tera::Error>(localise(digits, text))
    });
    let default_lang = config.language.clone();
    tera.register_filter(
        "points_change",
        move |v: &Value, kw: Kwargs, state: &State| {
            let x = number(v, "points_change")?;
            let decimals = kw.get::<usize>("decimals")?.unwrap_or(2);
            let lang = match kw.get::<String>("lang")? {
                Some(l) => l,
                None => page_lang(state).unwrap_or_else(|| default_lang.clone()),
            };
            Ok::<_, tera::Error>(localise(digits, numfmt::points_change(x, decimals, &lang)))
        },
    );
}

fn ascii(kw: &Kwargs) -> Result<bool, tera::Error> {
    Ok(kw.get::<bool>("ascii")?.unwrap_or(false))
}

fn page_lang(state: &State) -> Option<String> {
    state.get::<String>("lang").ok().flatten()
}

fn localise(digits: Digits, s: String) -> String {
    match digits {
        Digits::Latin => s,
        Digits::Devanagari => numfmt::devanagari_digits(&s),
    }
}

fn number(v: &Value, filter: &str) -> Result<f64, tera::Error> {
    v.as_f64()
        .ok_or_else(|| tera::Error::message(format!("`{filter}` needs a number, got {}", v.name())))
}

fn whole(v: &Value, filter: &str) -> Result<i64, tera::Error> {
    if let Some(n) = v.as_i64() {
        return Ok(n);
    }
    let x = number(v, filter)?;
    Ok(x.round() as i64)
}
