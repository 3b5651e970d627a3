//! The one place where percentages are computed from vote counts.
//!
//! Arithmetic is exact on integers and rounded once, half away from zero, to two decimals:
//! a share or a difference in points is never computed from already rounded figures.
//! Consequence worth knowing: a margin in points (2.36 for Kanpur 2024) can differ by 0.01
//! from the difference of the two rounded shares (49.93 − 47.56 = 2.37).

/// `part` as a percentage of `whole`, two decimals; 0 when `whole` is 0.
pub fn percent(part: u64, whole: u64) -> f64 {
    if whole == 0 {
        return 0.0;
    }
    hundredths_to_f64(round_div(i128::from(part) * 10_000, i128::from(whole)))
}

/// (a / a_whole − b / b_whole) in percentage points, two decimals: a swing.
pub fn points_between(a: u64, a_whole: u64, b: u64, b_whole: u64) -> f64 {
    let (a, a_whole, b, b_whole) = (
        i128::from(a),
        i128::from(a_whole),
        i128::from(b),
        i128::from(b_whole),
    );
    match (a_whole, b_whole) {
        (0, 0) => 0.0,
        (0, _) => hundredths_to_f64(-round_div(b * 10_000, b_whole)),
        (_, 0) => hundredths_to_f64(round_div(a * 10_000, a_whole)),
        _ => hundredths_to_f64(round_div(
            (a * b_whole - b * a_whole) * 10_000,
            a_whole * b_whole,
        )),
    }
}

/// n / d rounded half away from zero; `d` > 0.
fn round_div(n: i128, d: i128) -> i128 {
    let q = n / d;
    let r = n % d;
    if 2 * r.abs() >= d { q + n.signum() } else { q }
}

fn hundredths_to_f64(h: i128) -> f64 {
    // Counts are bounded by count::MAX_COUNT, so a percentage fits easily.
    h as f64 / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_round_half_away_from_zero() {
        assert_eq!(percent(443055, 887396), 49.93);
        assert_eq!(percent(422087, 887396), 47.56);
        assert_eq!(percent(1, 8), 12.5);
        assert_eq!(percent(1, 80000), 0.0); // 0.00125 → 0.00
        assert_eq!(percent(1, 40000), 0.0); // 0.0025 → 0.00 (not a tie at two decimals of a percent)
        assert_eq!(percent(1, 20000), 0.01); // 0.005 → 0.01, the tie goes up
        assert_eq!(percent(5, 0), 0.0);
    }

    #[test]
    fn points_are_exact_then_rounded() {
        assert_eq!(points_between(422087, 887396, 313003, 842994), 10.43);
        assert_eq!(points_between(443055, 887396, 468937, 842994), -5.70);
        assert_eq!(points_between(20968, 887396, 0, 1), 2.36);
        assert_eq!(points_between(5, 0, 1, 20000), -0.01);
    }
}
