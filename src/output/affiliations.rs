//! `affiliations.csv` and `timeline.csv`: stance by government or organisation, overall
//! (with bootstrap confidence intervals) and per period. Kept as running sums while the
//! corpus streams past: memory grows with affiliations and periods, not with quotes.

use super::decimal::fixed3;
use super::facts::QuoteFacts;
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, BTreeSet};

/// Columns of `affiliations.csv`, in order.
pub const AFFILIATION_COLUMNS: &[&str] = &[
    "affiliation",
    "quotes",
    "speakers",
    "documents",
    "mean_tone",
    "tone_ci_low",
    "tone_ci_high",
    "mean_conflict",
    "conflict_ci_low",
    "conflict_ci_high",
    "mean_certainty",
    "certainty_ci_low",
    "certainty_ci_high",
    "share_negative",
];

/// Columns of `timeline.csv`, in order.
pub const TIMELINE_COLUMNS: &[&str] = &[
    "affiliation",
    "period",
    "quotes",
    "mean_tone",
    "mean_conflict",
    "mean_certainty",
];

/// Bootstrap replicates behind each confidence interval.
const REPLICATES: usize = 200;
/// Tone below this counts as a negative quote.
const NEGATIVE_TONE: f64 = -0.05;
/// Seed of the bootstrap's random numbers (fixed: same input, same intervals).
const SEED: u64 = 0x005e_ed0f_a111_a710;

/// The time unit of `timeline.csv`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Period {
    Day,
    Week,
    #[default]
    Month,
}

impl Period {
    /// The period of a `YYYY-MM-DD` date (`2024-05`, `2024-W22`, `2024-05-31`), or
    /// `undated` when the date is missing or malformed.
    pub fn of(self, date: Option<&str>) -> String {
        let Some((y, m, d)) = date.and_then(parse_date) else {
            return "undated".to_string();
        };
        match self {
            Period::Day => format!("{y:04}-{m:02}-{d:02}"),
            Period::Month => format!("{y:04}-{m:02}"),
            Period::Week => {
                let (wy, w) = iso_week(y, m, d);
                format!("{wy:04}-W{w:02}")
            }
        }
    }
}

fn parse_date(s: &str) -> Option<(i64, u32, u32)> {
    let s = s.get(..10)?;
    let y: i64 = s.get(..4)?.parse().ok()?;
    let m: u32 = s.get(5..7)?.parse().ok()?;
    let d: u32 = s.get(8..10)?.parse().ok()?;
    (s.as_bytes()[4] == b'-'
        && s.as_bytes()[7] == b'-'
        && (1..=12).contains(&m)
        && (1..=31).contains(&d))
    .then_some((y, m, d))
}

/// Days since 1970-01-01 (proleptic Gregorian).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// ISO 8601 week-numbering year and week.
fn iso_week(y: i64, m: u32, d: u32) -> (i64, u32) {
    let days = days_from_civil(y, m, d);
    let weekday = (days + 3).rem_euclid(7); // Monday = 0
    let thursday = days - weekday + 3;
    let ty = {
        // The year of that Thursday.
        let mut year = y;
        if thursday < days_from_civil(y, 1, 1) {
            year -= 1;
        } else if thursday >= days_from_civil(y + 1, 1, 1) {
            year += 1;
        }
        year
    };
    let week = (thursday - days_from_civil(ty, 1, 1)) / 7 + 1;
    (ty, week as u32)
}

/// splitmix64: small, fast, and the same on every machine.
#[derive(Debug, Clone)]
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A Poisson(1) count: how often a quote appears in one bootstrap resample. The
    /// draw is `u = (next >> 11) / 2^53` and the count is the first `k` with `u < CDF[k]`
    /// (8 past the table); [`POISSON_THRESHOLDS`] makes that comparison in integers, and
    /// [`POISSON_BUCKETS`] answers it for all but the few draws near a threshold.
    #[inline]
    fn poisson1(&mut self) -> u32 {
        bucketed_count(self.next() >> 11)
    }
}

/// [`poisson_count`] of a 53-bit draw by its bucket, compared only near a threshold.
#[inline]
fn bucketed_count(x: u64) -> u32 {
    match POISSON_BUCKETS[(x >> BUCKET_SHIFT) as usize] {
        NEAR_THRESHOLD => poisson_count(x),
        count => u32::from(count),
    }
}

/// Cumulative probabilities of Poisson(1) counts 0..=7 (the rest is negligible).
const CDF: [f64; 8] = [
    0.367_879, 0.735_759, 0.919_699, 0.981_012, 0.996_340, 0.999_406, 0.999_917, 0.999_990,
];

/// `CDF` scaled to the 53-bit draws: for an integer `x < 2^53`, `x as f64 / 2^53 < c`
/// (both sides exact) holds exactly when `x < ceil(c * 2^53)`, and `c * 2^53` is exact
/// too (a power-of-two scaling).
const POISSON_THRESHOLDS: [u64; 8] = {
    let mut t = [0u64; 8];
    let mut k = 0;
    while k < 8 {
        let y = CDF[k] * (1u64 << 53) as f64;
        let floor = y as u64;
        t[k] = if (floor as f64) < y { floor + 1 } else { floor };
        k += 1;
    }
    t
};

/// The Poisson(1) count of a 53-bit draw `x`: the first `k` with `x < POISSON_THRESHOLDS[k]`,
/// 8 past the table. (A `const fn`: [`POISSON_BUCKETS`] is built with it.)
const fn poisson_count(x: u64) -> u32 {
    let mut k = 0;
    while k < POISSON_THRESHOLDS.len() && x >= POISSON_THRESHOLDS[k] {
        k += 1;
    }
    k as u32
}

/// The 53-bit draws fall in 256 buckets by their top 8 bits.
const BUCKET_SHIFT: u32 = 53 - 8;
/// A bucket some threshold cuts, where the draw is compared with the thresholds.
const NEAR_THRESHOLD: u8 = u8::MAX;

/// The count of every draw in each bucket, or [`NEAR_THRESHOLD`] when a threshold lies
/// inside it (at most 8 of the 256). [`poisson_count`] never decreases with the draw, so
/// a bucket whose first and last draws have the same count has it throughout.
const POISSON_BUCKETS: [u8; 256] = {
    let mut buckets = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let first = (b as u64) << BUCKET_SHIFT;
        let last = first + (1u64 << BUCKET_SHIFT) - 1;
        let count = poisson_count(first);
        buckets[b] = if count == poisson_count(last) {
            count as u8
        } else {
            NEAR_THRESHOLD
        };
        b += 1;
    }
    buckets
};

#[derive(Debug, Clone)]
struct Stats {
    quotes: u64,
    speakers: BTreeSet<String>,
    documents: u64,
    last_document: Option<u64>,
    sums: [f64; 3],
    negative: u64,
    /// Per replicate: weighted sums of the three scores, then the weight (the sum of the
    /// weights times 1), so that one replicate takes one four-lane update.
    replicates: Vec<[f64; 4]>,
}

impl Default for Stats {
    fn default() -> Self {
        Stats {
            quotes: 0,
            speakers: BTreeSet::new(),
            documents: 0,
            last_document: None,
            sums: [0.0; 3],
            negative: 0,
            replicates: vec![[0.0; 4]; REPLICATES],
        }
    }
}

/// Running stance totals by affiliation, and by affiliation and period.
#[derive(Debug)]
pub struct AffiliationTable {
    period: Period,
    /// By affiliation ([`AffiliationTable::affiliation_rows`] puts them in order).
    stats: FxHashMap<String, Stats>,
    /// By affiliation, then period: score sums and quotes.
    /// ([`AffiliationTable::timeline_rows`] puts the affiliations in order.)
    timeline: FxHashMap<String, BTreeMap<String, ([f64; 3], u64)>>,
    rng: Rng,
    documents_seen: u64,
}

impl AffiliationTable {
    pub fn new(period: Period) -> Self {
        AffiliationTable {
            period,
            stats: FxHashMap::default(),
            timeline: FxHashMap::default(),
            rng: Rng(SEED),
            documents_seen: 0,
        }
    }

    /// Adds the scored, affiliated quotes of one document dated `date`. The bootstrap
    /// draws its random weights quote by quote, so the intervals depend on the order of
    /// the quotes: callers add documents in input order and quotes in text order.
    pub fn add(&mut self, date: Option<&str>, quotes: &[QuoteFacts<'_>]) {
        let doc = self.documents_seen;
        self.documents_seen += 1;
        let period = self.period.of(date);
        for q in quotes {
            let Some(scores) = q.stance else {
                continue;
            };
            let Some(affiliation) = q.affiliation.filter(|s| !s.is_empty()) else {
                continue;
            };
            // (Looked up before a key is made: most quotes name a known affiliation.)
            let st = match self.stats.get_mut(affiliation) {
                Some(st) => st,
                None => self.stats.entry(affiliation.to_string()).or_default(),
            };
            st.quotes += 1;
            if let Some(name) = q.speaker {
                if !st.speakers.contains(name) {
                    st.speakers.insert(name.to_string());
                }
            }
            if st.last_document != Some(doc) {
                st.last_document = Some(doc);
                st.documents += 1;
            }
            for (sum, s) in st.sums.iter_mut().zip(scores) {
                *sum += s;
            }
            if scores[0] < NEGATIVE_TONE {
                st.negative += 1;
            }
            add_replicates(&mut self.rng, &mut st.replicates, scores);
            let periods = match self.timeline.get_mut(affiliation) {
                Some(periods) => periods,
                None => self.timeline.entry(affiliation.to_string()).or_default(),
            };
            let entry = match periods.get_mut(&period) {
                Some(entry) => entry,
                None => periods.entry(period.clone()).or_insert(([0.0; 3], 0)),
            };
            for (sum, s) in entry.0.iter_mut().zip(scores) {
                *sum += s;
            }
            entry.1 += 1;
        }
    }

    /// Rows of `affiliations.csv`, most quoted first (ties by name).
    pub fn affiliation_rows(&self) -> Vec<Vec<String>> {
        let mut entries: Vec<_> = self.stats.iter().collect();
        entries.sort_by(|a, b| b.1.quotes.cmp(&a.1.quotes).then_with(|| a.0.cmp(b.0)));
        entries
            .into_iter()
            .map(|(name, st)| {
                let n = st.quotes as f64;
                let mut row = vec![
                    name.clone(),
                    st.quotes.to_string(),
                    st.speakers.len().to_string(),
                    st.documents.to_string(),
                ];
                for d in 0..3 {
                    let (low, high) = interval(&st.replicates, d);
                    row.push(fixed3(st.sums[d] / n));
                    row.push(fixed3(low));
                    row.push(fixed3(high));
                }
                row.push(fixed3(st.negative as f64 / n));
                row
            })
            .collect()
    }

    /// Rows of `timeline.csv`, by affiliation then period.
    pub fn timeline_rows(&self) -> Vec<Vec<String>> {
        let mut affiliations: Vec<_> = self.timeline.iter().collect();
        affiliations.sort_unstable_by(|a, b| a.0.cmp(b.0));
        affiliations
            .into_iter()
            .flat_map(|(affiliation, periods)| periods.iter().map(move |p| (affiliation, p)))
            .map(|(affiliation, (period, (sums, n)))| {
                let n = *n as f64;
                vec![
                    affiliation.clone(),
                    period.clone(),
                    format!("{n}"),
                    fixed3(sums[0] / n),
                    fixed3(sums[1] / n),
                    fixed3(sums[2] / n),
                ]
            })
            .collect()
    }
}

/// Adds one quote's `scores` to every bootstrap replicate with a Poisson(1) weight drawn
/// from `rng`, one draw per replicate in replicate order. With finite scores the sums take
/// `w * s` without a branch on the count: a count of 0 adds `0 * s`, a zero, which leaves
/// every sum as it is (they start at +0.0 and so are never -0.0); the weight lane adds
/// `w * 1`, which is `w`. An infinite or NaN score is added only where counted.
fn add_replicates(rng: &mut Rng, replicates: &mut [[f64; 4]], scores: [f64; 3]) {
    if scores.iter().all(|s| s.is_finite()) {
        let lanes = [scores[0], scores[1], scores[2], 1.0];
        for sums in replicates.iter_mut() {
            let w = f64::from(rng.poisson1());
            for (sum, s) in sums.iter_mut().zip(lanes) {
                *sum += w * s;
            }
        }
    } else {
        for sums in replicates.iter_mut() {
            let c = rng.poisson1();
            let w = f64::from(c);
            if c > 0 {
                for (sum, s) in sums[..3].iter_mut().zip(scores) {
                    *sum += w * s;
                }
            }
            sums[3] += w;
        }
    }
}

/// The 2.5th and 97.5th percentiles of the replicate means of dimension `d`. Each mean is
/// computed once and ranked by its [`total_order_key`], so the selections compare integers.
fn interval(replicates: &[[f64; 4]], d: usize) -> (f64, f64) {
    let mut keys = Vec::with_capacity(replicates.len());
    keys.extend(
        replicates
            .iter()
            .filter(|r| r[3] > 0.0)
            .map(|r| total_order_key(r[d] / r[3])),
    );
    let len = keys.len();
    if len == 0 {
        return (f64::NAN, f64::NAN);
    }
    let rank = |q: f64| ((q * (len - 1) as f64).round() as usize).min(len - 1);
    let low = nth_smallest(keys.iter().copied(), rank(0.025));
    // (`!k` reverses the order of the keys: the high percentile is a low one of those.)
    let high = !nth_smallest(keys.iter().map(|&k| !k), len - 1 - rank(0.975));
    (from_total_order_key(low), from_total_order_key(high))
}

/// The key of `x` under [`f64::total_cmp`]: keys compare as integers exactly as their values
/// compare by `total_cmp` (the transformation `total_cmp` itself makes; it is its own
/// inverse, see [`from_total_order_key`]).
#[inline]
fn total_order_key(x: f64) -> i64 {
    let bits = x.to_bits() as i64;
    bits ^ ((((bits >> 63) as u64) >> 1) as i64)
}

/// The value whose [`total_order_key`] is `key`.
#[inline]
fn from_total_order_key(key: i64) -> f64 {
    f64::from_bits((key ^ ((((key >> 63) as u64) >> 1) as i64)) as u64)
}

/// The key at rank `n` (from 0) of `keys` in increasing order (the largest when there are
/// `n` or fewer), found with a sorted buffer of the `n + 1` smallest so far: the ranks asked
/// for sit within a few places of either end of 200 means, so this is one cheap pass where
/// a sort is many. Equal keys are equal values (the same bits), so the value at a rank is
/// exactly the one a full sort would put there.
fn nth_smallest(keys: impl Iterator<Item = i64>, n: usize) -> i64 {
    let mut first: Vec<i64> = Vec::with_capacity(n + 1);
    for v in keys {
        if first.len() == n + 1 {
            if v >= first[n] {
                continue;
            }
            first.pop();
        }
        let at = first.partition_point(|&x| x <= v);
        first.insert(at, v);
    }
    first.get(n).or(first.last()).copied().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods() {
        assert_eq!(Period::Month.of(Some("2024-05-31")), "2024-05");
        assert_eq!(Period::Day.of(Some("2024-05-31")), "2024-05-31");
        assert_eq!(Period::Week.of(Some("2024-05-31")), "2024-W22");
        assert_eq!(Period::Week.of(Some("2021-01-01")), "2020-W53");
        assert_eq!(Period::Week.of(Some("2024-12-30")), "2025-W01");
        assert_eq!(Period::Month.of(None), "undated");
        assert_eq!(Period::Month.of(Some("May 2024")), "undated");
    }

    #[test]
    fn poisson_counts_average_one() {
        let mut rng = Rng(1);
        let total: u32 = (0..100_000).map(|_| rng.poisson1()).sum();
        assert!((95_000..105_000).contains(&total), "{total}");
    }

    #[test]
    fn integer_thresholds_draw_like_the_float_comparison() {
        let float_draw = |x: u64| {
            let u = x as f64 / (1u64 << 53) as f64;
            CDF.iter().position(|&c| u < c).unwrap_or(8) as u32
        };
        let mut rng = Rng(SEED);
        for _ in 0..200_000 {
            let mut copy = rng.clone();
            let x = copy.next() >> 11;
            assert_eq!(rng.poisson1(), float_draw(x), "{x}");
        }
        for &t in &POISSON_THRESHOLDS {
            for x in [t - 2, t - 1, t, t + 1] {
                let count = POISSON_THRESHOLDS.iter().position(|&u| x < u).unwrap_or(8) as u32;
                assert_eq!(count, float_draw(x), "{x}");
            }
        }
    }

    #[test]
    fn bucketed_draws_count_like_the_thresholds() {
        assert!(POISSON_THRESHOLDS.windows(2).all(|t| t[0] < t[1]));
        let near = POISSON_BUCKETS
            .iter()
            .filter(|&&b| b == NEAR_THRESHOLD)
            .count();
        assert!(near <= POISSON_THRESHOLDS.len(), "{near}");
        let compared = |x: u64| POISSON_THRESHOLDS.iter().position(|&u| x < u).unwrap_or(8) as u32;
        let mut rng = Rng(SEED);
        for _ in 0..200_000 {
            let mut copy = rng.clone();
            let x = copy.next() >> 11;
            assert_eq!(rng.poisson1(), compared(x), "{x}");
        }
        // Both ends of every bucket, and around every threshold.
        for b in 0..256u64 {
            let first = b << BUCKET_SHIFT;
            for x in [first, first + 1, first + (1 << BUCKET_SHIFT) - 1] {
                assert_eq!(bucketed_count(x), compared(x), "{x}");
            }
        }
        for &t in &POISSON_THRESHOLDS {
            for x in [t - 2, t - 1, t, t + 1] {
                assert_eq!(bucketed_count(x), compared(x), "{x}");
            }
        }
    }

    #[test]
    fn interval_selects_what_a_sort_would() {
        let sorted = |reps: &[[f64; 4]]| {
            let mut means: Vec<f64> = reps
                .iter()
                .filter(|r| r[3] > 0.0)
                .map(|r| r[0] / r[3])
                .collect();
            if means.is_empty() {
                return (f64::NAN, f64::NAN);
            }
            means.sort_by(f64::total_cmp);
            let at = |q: f64| {
                means[((q * (means.len() - 1) as f64).round() as usize).min(means.len() - 1)]
            };
            (at(0.025), at(0.975))
        };
        let mut rng = Rng(7);
        for len in [1usize, 2, 3, 5, 40, 199, 200] {
            for _ in 0..20 {
                let reps: Vec<[f64; 4]> = (0..len)
                    .map(|_| {
                        let v = match rng.next() % 12 {
                            7 => -0.0,
                            8 => f64::NAN,
                            9 => f64::INFINITY,
                            10 => f64::NEG_INFINITY,
                            11 => -f64::NAN,
                            v => v as f64 - 3.0,
                        };
                        [v, 0.0, 0.0, f64::from(rng.poisson1())]
                    })
                    .collect();
                let (a, b) = interval(&reps, 0);
                let (c, d) = sorted(&reps);
                assert_eq!((a.to_bits(), b.to_bits()), (c.to_bits(), d.to_bits()));
            }
        }
    }

    #[test]
    fn total_order_keys_order_like_total_cmp() {
        let values = [
            f64::NEG_INFINITY,
            -1.5,
            -0.0,
            0.0,
            f64::MIN_POSITIVE,
            2.0,
            f64::INFINITY,
            f64::NAN,
            -f64::NAN,
            f64::from_bits(1),
            f64::from_bits(u64::MAX),
        ];
        for a in values {
            assert_eq!(
                from_total_order_key(total_order_key(a)).to_bits(),
                a.to_bits()
            );
            for b in values {
                assert_eq!(total_order_key(a).cmp(&total_order_key(b)), a.total_cmp(&b));
            }
        }
    }

    #[test]
    fn interval_brackets_the_mean() {
        let reps: Vec<[f64; 4]> = (0..100).map(|i| [i as f64, 0.0, 0.0, 1.0]).collect();
        let (low, high) = interval(&reps, 0);
        assert!(low <= 3.0 && high >= 96.0 && low < high);
    }

    /// The replicate sums as the two passes before [`add_replicates`] made them (all the
    /// counts drawn first, then weighted sums and weights), bit for bit, with finite,
    /// infinite and NaN scores.
    #[test]
    fn replicate_sums_equal_the_two_pass_bootstrap() {
        let mut draw = Rng(11);
        let mut quotes: Vec<[f64; 3]> = (0..300)
            .map(|_| {
                let mut v = || (draw.next() % 2001) as f64 / 1000.0 - 1.0;
                [v(), v(), v()]
            })
            .collect();
        quotes[17][1] = f64::INFINITY;
        quotes[40][0] = f64::NAN;
        quotes[41][2] = f64::NEG_INFINITY;
        quotes[99] = [-0.0, 0.0, -1.0];
        let mut old_rng = Rng(SEED);
        let mut old: Vec<([f64; 3], f64)> = vec![([0.0; 3], 0.0); REPLICATES];
        let mut new_rng = Rng(SEED);
        let mut new = vec![[0.0f64; 4]; REPLICATES];
        for scores in &quotes {
            let mut counts = [0u8; REPLICATES];
            for c in &mut counts {
                *c = old_rng.poisson1() as u8;
            }
            let finite = scores.iter().all(|s| s.is_finite());
            for ((sums, weight), &c) in old.iter_mut().zip(&counts) {
                let w = f64::from(c);
                if finite || c > 0 {
                    for (sum, s) in sums.iter_mut().zip(scores) {
                        *sum += w * s;
                    }
                }
                *weight += w;
            }
            add_replicates(&mut new_rng, &mut new, *scores);
            for ((sums, weight), lanes) in old.iter().zip(&new) {
                for d in 0..3 {
                    assert_eq!(sums[d].to_bits(), lanes[d].to_bits());
                }
                assert_eq!(weight.to_bits(), lanes[3].to_bits());
            }
        }
        assert_eq!(old_rng.next(), new_rng.next());
    }
}
