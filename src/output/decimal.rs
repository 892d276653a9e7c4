//! Scores with three decimals, as `format!("{v:.3}")` writes them, without the general
//! float formatter: every quote row has four or more such cells and the formatter's exact
//! mode (Grisu with a Dragon fallback) costs several hundred instructions per cell.
//!
//! The rounding is the formatter's: the exact binary value of `v` rounded to the nearest
//! thousandth, ties to even, and the sign kept for negative values that round to zero
//! (`-0.000`). Values the shortcut does not cover (NaN, infinities, magnitudes of
//! 2^53 / 1000 and more) go through the formatter, so the text is the same for every `f64`.

use std::fmt::Write as _;

/// Largest magnitude taken by the shortcut: `|v| * 1000` then fits in 53 bits.
const LIMIT: f64 = 9_007_199_254_740.0;

/// `v` rounded to thousandths as (negative sign, thousandths), exactly as `{:.3}` rounds;
/// `None` for the values left to the formatter.
#[inline]
fn thousandths(v: f64) -> Option<(bool, u64)> {
    // NaN and the infinities go to the formatter.
    if v.is_nan() || v.abs() >= LIMIT {
        return None;
    }
    let bits = v.to_bits();
    let negative = bits >> 63 == 1;
    let exponent = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1 << 52) - 1);
    // |v| = mantissa * 2^-shift exactly.
    let (mantissa, shift) = if exponent == 0 {
        (fraction, 1074)
    } else {
        (fraction | (1 << 52), 1075 - exponent)
    };
    // |v| < 2^53 / 1000 < 2^44, so the shift is at least 9: |v| * 1000 is not an integer
    // in general, and its integer part and remainder come from one exact product.
    let scaled = u128::from(mantissa) * 1000;
    if shift >= 128 {
        // |v| * 1000 < 2^63 / 2^128: far below one half.
        return Some((negative, 0));
    }
    let whole = (scaled >> shift) as u64;
    let rest = scaled & ((1u128 << shift) - 1);
    let half = 1u128 << (shift - 1);
    let up = rest > half || (rest == half && whole & 1 == 1);
    Some((negative, whole + u64::from(up)))
}

/// Appends `v` with three decimals, exactly as `write!(out, "{v:.3}")` would.
#[inline]
pub fn push_fixed3(out: &mut String, v: f64) {
    let Some((negative, n)) = thousandths(v) else {
        let _ = write!(out, "{v:.3}");
        return;
    };
    if negative {
        out.push('-');
    }
    let mut int = itoa::Buffer::new();
    out.push_str(int.format(n / 1000));
    let frac = n % 1000;
    out.push('.');
    for digit in [frac / 100, frac / 10 % 10, frac % 10] {
        out.push(char::from(b'0' + digit as u8));
    }
}

/// `v` with three decimals, equal to `format!("{v:.3}")`.
pub fn fixed3(v: f64) -> String {
    let mut s = String::with_capacity(8);
    push_fixed3(&mut s, v);
    s
}

/// `v` as it reads back from its three-decimal cell: equal to
/// `format!("{v:.3}").parse::<f64>()`. The thousandths and 1000 are exact `f64`s, so one
/// correctly rounded division gives the nearest `f64` to the decimal, as parsing does.
pub fn round3(v: f64) -> f64 {
    match thousandths(v) {
        Some((negative, n)) => {
            let r = n as f64 / 1000.0;
            if negative {
                -r
            } else {
                r
            }
        }
        None => format!("{v:.3}").parse().unwrap_or(v),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(v: f64) {
        let expected = format!("{v:.3}");
        assert_eq!(fixed3(v), expected, "{v:e} ({:#x})", v.to_bits());
        let parsed: f64 = expected.parse().unwrap_or(v);
        let got = round3(v);
        assert!(
            got.to_bits() == parsed.to_bits() || (got.is_nan() && parsed.is_nan()),
            "{v:e}: {got} vs {parsed}"
        );
    }

    /// A small deterministic generator for the sweep (splitmix64).
    fn next(state: &mut u64) -> u64 {
        *state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = *state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    #[test]
    fn special_values_and_ties_match_the_formatter() {
        for v in [
            0.0,
            -0.0,
            0.0625,
            0.1875,
            -0.0625,
            0.0005,
            -0.0005,
            0.0015,
            0.0025,
            0.9995,
            -0.9995,
            1.0,
            -1.0,
            123_456.062_5,
            1e-300,
            -1e-300,
            f64::MIN_POSITIVE,
            5e-324,
            -5e-324,
            f64::NAN,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::MAX,
            LIMIT,
            -LIMIT,
            LIMIT * 0.999_999_9,
            1e20,
        ] {
            check(v);
        }
    }

    #[test]
    fn thousandths_and_their_neighbours_match_the_formatter() {
        // Halfway points k/1000 + 1/2000 and the floats next to them are where a rounding
        // shortcut goes wrong.
        for k in -5_000i64..5_000 {
            for base in [k as f64 / 1000.0, (2 * k + 1) as f64 / 2000.0] {
                let bits = base.to_bits();
                for b in [bits.wrapping_sub(1), bits, bits.wrapping_add(1)] {
                    check(f64::from_bits(b));
                }
            }
        }
        for k in [1u64 << 20, 1 << 30, 1 << 40, 9_007_199_254] {
            for j in 0..1000 {
                let base = (k * 1000 + j) as f64 / 1000.0 + 0.0005;
                let bits = base.to_bits();
                for b in [bits - 1, bits, bits + 1] {
                    check(f64::from_bits(b));
                    check(-f64::from_bits(b));
                }
            }
        }
    }

    #[test]
    fn random_values_match_the_formatter() {
        let mut state = 7u64;
        for _ in 0..100_000 {
            // Uniform bit patterns (every exponent) and scores in -1..1.
            check(f64::from_bits(next(&mut state)));
            let u = (next(&mut state) >> 11) as f64 / (1u64 << 53) as f64;
            check(2.0 * u - 1.0);
            check((u - 0.5) * 1e6);
        }
    }

    #[test]
    fn fractions_of_small_counts_match_the_formatter() {
        // Category shares (count / words) and means of a few scores.
        for words in 1..400u32 {
            for count in 0..=words.min(60) {
                check(f64::from(count) / f64::from(words));
            }
        }
    }
}
