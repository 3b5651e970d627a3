//! Numbers as Indian readers write them (interim; replaced by the election branch's version).

pub fn inr(n: i64) -> String {
    let digits = n.unsigned_abs().to_string();
    let mut out = String::new();
    let len = digits.len();
    for (i, c) in digits.chars().enumerate() {
        let left = len - i;
        if i > 0 && (left == 3 || (left > 3 && (left - 3).is_multiple_of(2))) {
            out.push(',');
        }
        out.push(c);
    }
    if n < 0 { format!("-{out}") } else { out }
}

pub fn lakh(n: f64, lang: &str) -> String {
    let (value, unit) = if n.abs() >= 1e7 {
        (
            n / 1e7,
            if lang == "hi" {
                "करोड़"
            } else {
                "crore"
            },
        )
    } else {
        (n / 1e5, if lang == "hi" { "लाख" } else { "lakh" })
    };
    format!("{value:.2} {unit}")
}

pub fn pct(x: f64) -> String {
    format!("{x:.2}%")
}

pub fn signed(x: f64, decimals: usize) -> String {
    let s = format!("{:.*}", decimals, x.abs());
    if x > 0.0 {
        format!("+{s}")
    } else if x < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0') {
        format!("-{s}")
    } else {
        s
    }
}

pub fn devanagari_digits(s: &str) -> String {
    s.chars()
        .map(|c| match c.to_digit(10) {
            Some(d) if c.is_ascii_digit() => char::from_u32(0x0966 + d).unwrap_or(c),
            _ => c,
        })
        .collect()
}
