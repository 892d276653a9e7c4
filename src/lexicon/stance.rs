//! Stance lexicons: weighted terms on three dimensions (`tone.csv`, `conflict.csv`,
//! `certainty.csv`) and the modifiers that change them (`modifiers.csv`), all in one
//! hashed phrase table so a text's words are looked up once each.

use super::attribution::normalize;
use super::word_index::hash_normalized;
use super::{LexiconError, LexiconFile};

/// A stance dimension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dimension {
    /// Negative (-1) … positive (+1).
    Tone,
    /// Cooperative (-1) … hostile (+1).
    Conflict,
    /// Hedged (-1) … assertive (+1).
    Certainty,
}

impl Dimension {
    pub const ALL: [Dimension; 3] = [Dimension::Tone, Dimension::Conflict, Dimension::Certainty];

    /// The name used in tables and `term:dimension=weight` explanations.
    pub fn as_str(self) -> &'static str {
        match self {
            Dimension::Tone => "tone",
            Dimension::Conflict => "conflict",
            Dimension::Certainty => "certainty",
        }
    }

    /// Parses a dimension name.
    pub fn parse(s: &str) -> Option<Dimension> {
        Dimension::ALL.into_iter().find(|d| d.as_str() == s)
    }
}

/// How a modifier acts on the lexicon terms near it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModifierKind {
    /// Flips and damps the terms that follow within a short window (`not`, `never`).
    Negator,
    /// Strengthens the next term (`very`).
    Intensifier,
    /// Weakens the next term (`slightly`).
    Diminisher,
    /// Reweights the clause it introduces (`but` 1.5, `although` 0.5).
    Contrast,
    /// A phrase beginning with a negator that does not negate (`not only`, `no doubt`).
    NegationException,
    /// A verb that turns a bad thing it acts on into a good outcome (`reduce` the risk,
    /// `end` the war, `ease` tensions): negative tone and hostile conflict in its window
    /// are multiplied by the (negative) value.
    Shifter,
}

/// What the stance lexicons hold for one key.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct StanceEntry {
    /// Weights on the lexicon scale (-4..4) for tone, conflict, certainty.
    pub weights: [f32; 3],
    pub modifier: Option<(ModifierKind, f32)>,
}

/// 64-bit words in the prefilter of [`StanceLexicon::get`] (65,536 bits, 8 KB).
const FILTER_WORDS: usize = 1024;

/// The prefilter bit of a key hash: bits of the hash that the table's own hashing of the
/// key does not favour.
#[inline(always)]
fn filter_bit(h: u64) -> usize {
    ((h >> 24) as usize) & (FILTER_WORDS * 64 - 1)
}

/// A map from key hashes to what [`StanceLexicon`] holds for them: open addressing with
/// linear probing in one flat array (a probe of a quote word is a load or two, where a
/// general hash map hashes the hash again and probes control bytes first). Kept at most
/// half full.
#[derive(Debug, Default)]
struct HashSlots {
    /// (hash, value), `None` where empty; the length is 0 or a power of two.
    slots: Vec<Option<(u64, (u32, bool))>>,
    len: usize,
}

impl HashSlots {
    /// The home slot of `h` in a table of `size` slots: the top bits (the hashes fold
    /// each word with a multiply, which mixes upward).
    #[inline(always)]
    fn home(h: u64, size: usize) -> usize {
        (h >> (64 - size.trailing_zeros())) as usize
    }

    /// The value of `h`, if entered.
    #[inline]
    fn get(&self, h: u64) -> Option<&(u32, bool)> {
        let mask = self.slots.len().checked_sub(1)?;
        let mut i = Self::home(h, self.slots.len());
        loop {
            match &self.slots[i] {
                Some((key, value)) if *key == h => return Some(value),
                Some(_) => i = (i + 1) & mask,
                None => return None,
            }
        }
    }

    /// The value of `h`, entered as `default` first if it is new.
    fn entry(&mut self, h: u64, default: (u32, bool)) -> &mut (u32, bool) {
        self.reserve(1);
        let mask = self.slots.len() - 1;
        let mut i = Self::home(h, self.slots.len());
        while let Some((key, _)) = self.slots[i] {
            if key == h {
                break;
            }
            i = (i + 1) & mask;
        }
        if self.slots[i].is_none() {
            self.len += 1;
        }
        &mut self.slots[i].get_or_insert((h, default)).1
    }

    /// Room for `additional` more keys with the table at most half full.
    fn reserve(&mut self, additional: usize) {
        let needed = (self.len + additional) * 2;
        if needed <= self.slots.len() {
            return;
        }
        let size = needed.next_power_of_two().max(64);
        let old = std::mem::replace(&mut self.slots, vec![None; size]);
        for (h, value) in old.into_iter().flatten() {
            let mut i = Self::home(h, size);
            while self.slots[i].is_some() {
                i = (i + 1) & (size - 1);
            }
            self.slots[i] = Some((h, value));
        }
    }
}

/// All stance terms and modifiers, keyed by the hash of their normalised form.
#[derive(Debug, Default)]
pub struct StanceLexicon {
    entries: Vec<StanceEntry>,
    keys: Vec<String>,
    /// Hash -> (entry index or `u32::MAX` for a bare prefix, a longer key continues).
    table: HashSlots,
    /// One bit per [`filter_bit`] of every hash in `table` (8 KB, stays in L1): most
    /// words of a quote are in no stance lexicon and are turned away here without a
    /// probe of the table. Empty until the first key is added.
    filter: Vec<u64>,
    /// Most words in any key.
    pub max_words: usize,
    /// Category dictionaries added by the user (counted, not weighted).
    pub dictionaries: Vec<super::Dictionary>,
}

/// Largest absolute weight on the lexicon scale.
pub const MAX_WEIGHT: f32 = 4.0;

impl StanceLexicon {
    /// Marks hash `h` in the prefilter (every hash put in `table` goes through here).
    fn mark(&mut self, h: u64) {
        if self.filter.is_empty() {
            self.filter = vec![0; FILTER_WORDS];
        }
        let bit = filter_bit(h);
        self.filter[bit / 64] |= 1 << (bit % 64);
    }

    fn slot(&mut self, key: &str) -> usize {
        for (end, _) in key.match_indices(' ') {
            let prefix = hash_normalized(&key[..end]);
            self.mark(prefix);
            self.table.entry(prefix, (u32::MAX, true)).1 = true;
        }
        self.max_words = self.max_words.max(key.split(' ').count());
        let h = hash_normalized(key);
        self.mark(h);
        let next = self.entries.len() as u32;
        let slot = self.table.entry(h, (u32::MAX, false));
        if slot.0 == u32::MAX {
            slot.0 = next;
            self.entries.push(StanceEntry::default());
            self.keys.push(key.to_string());
        }
        slot.0 as usize
    }

    /// Sets (or replaces) the weight of `term` on one dimension.
    pub fn set_weight(&mut self, term: &str, dimension: Dimension, weight: f32) {
        let i = self.slot(&normalize(term));
        self.entries[i].weights[dimension as usize] = weight;
    }

    /// Sets a modifier.
    pub fn set_modifier(&mut self, term: &str, kind: ModifierKind, value: f32) {
        let i = self.slot(&normalize(term));
        self.entries[i].modifier = Some((kind, value));
    }

    /// For a key hash: the entry index (if the key is an entry, not only a prefix) and
    /// whether a longer key continues it.
    #[inline]
    pub fn get(&self, h: u64) -> Option<(Option<usize>, bool)> {
        let bit = filter_bit(h);
        // No bit, no key (an empty filter: no key at all).
        if self
            .filter
            .get(bit / 64)
            .is_none_or(|&word| word & (1 << (bit % 64)) == 0)
        {
            return None;
        }
        self.table.get(h).map(|&(i, continues)| {
            (
                ((i as usize) < self.entries.len()).then_some(i as usize),
                continues,
            )
        })
    }

    /// Entry `i`.
    pub fn entry(&self, i: usize) -> &StanceEntry {
        &self.entries[i]
    }

    /// The normalised key of entry `i` (for explanations and multi-word confirmation).
    pub fn key(&self, i: usize) -> &str {
        &self.keys[i]
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Names of the dictionary categories, in output order.
    pub fn category_names(&self) -> Vec<String> {
        self.dictionaries
            .iter()
            .flat_map(|d| d.categories.iter().cloned())
            .collect()
    }

    /// Reads a `term,weight` file for one dimension (weights within -4..4, not 0).
    pub fn add_weights(
        &mut self,
        file: &LexiconFile,
        dimension: Dimension,
    ) -> Result<(), LexiconError> {
        let rows = file.rows(&["term", "weight"])?;
        // Most rows are new keys: room for them up front instead of rehashing as it grows.
        self.table.reserve(rows.len());
        self.entries.reserve(rows.len());
        self.keys.reserve(rows.len());
        for row in rows {
            let [term, weight] = row.fields[..] else {
                continue;
            };
            let w = parse_weight(file, row.number, weight)?;
            self.set_weight(term, dimension, w);
        }
        Ok(())
    }

    /// Reads `modifiers.csv` (`term,kind,value`).
    pub fn add_modifiers(&mut self, file: &LexiconFile) -> Result<(), LexiconError> {
        for row in file.rows(&["term", "kind", "value"])? {
            let [term, kind, value] = row.fields[..] else {
                continue;
            };
            let kind = match kind {
                "negator" => ModifierKind::Negator,
                "intensifier" => ModifierKind::Intensifier,
                "diminisher" => ModifierKind::Diminisher,
                "contrast" => ModifierKind::Contrast,
                "negation_exception" => ModifierKind::NegationException,
                "shifter" => ModifierKind::Shifter,
                other => {
                    return Err(file.error(
                        row.number,
                        format!("unknown modifier kind `{other}` (negator, intensifier, diminisher, contrast, negation_exception, shifter)"),
                    ))
                }
            };
            let value: f32 = value
                .parse()
                .ok()
                .filter(|v: &f32| v.is_finite() && v.abs() <= 10.0)
                .ok_or_else(|| file.error(row.number, format!("`{value}` is not a number")))?;
            self.set_modifier(term, kind, value);
        }
        Ok(())
    }
}

/// A weight on the lexicon scale: a number within -4..4, not 0.
pub fn parse_weight(file: &LexiconFile, line: usize, s: &str) -> Result<f32, LexiconError> {
    s.parse::<f32>()
        .ok()
        .filter(|w| w.is_finite() && *w != 0.0 && w.abs() <= MAX_WEIGHT)
        .ok_or_else(|| {
            file.error(
                line,
                format!("`{s}` is not a non-zero weight between -4 and 4"),
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The flat table answers as a hash map given the same entries does, through growth,
    /// repeated keys and colliding home slots.
    #[test]
    fn hash_slots_behave_like_a_map() {
        let mut slots = HashSlots::default();
        let mut map = std::collections::HashMap::new();
        assert_eq!(slots.get(7), None);
        let mut state = 0x853C_49E6_748F_EA9Bu64;
        for i in 0..5000u32 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            // Few distinct top bits and repeats: long probe runs and existing keys.
            let h = match i % 4 {
                0 => state,
                1 => state & 0xF000_0000_0000_00FF,
                2 => u64::from(i % 50),
                _ => state >> 40 << 40,
            };
            let continues = i % 3 == 0;
            let entry = slots.entry(h, (i, continues));
            let expected = map.entry(h).or_insert((i, continues));
            assert_eq!(*entry, *expected);
            if i % 7 == 0 {
                entry.1 = true;
                expected.1 = true;
            }
            assert_eq!(slots.len, map.len());
        }
        for (&h, value) in &map {
            assert_eq!(slots.get(h), Some(value));
        }
        for h in [1u64, 99, u64::MAX, 0xDEAD_BEEF] {
            assert_eq!(slots.get(h), map.get(&h));
        }
    }

    #[test]
    fn the_prefilter_keeps_every_key_and_prefix() {
        let mut lex = StanceLexicon::default();
        assert_eq!(lex.get(hash_normalized("good")), None);
        let terms: Vec<String> = (0..5000).map(|i| format!("term{i}")).collect();
        for t in &terms {
            lex.set_weight(t, Dimension::Tone, 1.0);
        }
        lex.set_weight("out of the blue", Dimension::Tone, -1.0);
        lex.set_modifier("not", ModifierKind::Negator, 0.0);
        for t in &terms {
            let (entry, _) = lex.get(hash_normalized(t)).expect("a key is found");
            assert_eq!(lex.key(entry.expect("an entry")), t);
        }
        for prefix in ["out", "out of", "out of the"] {
            assert_eq!(lex.get(hash_normalized(prefix)), Some((None, true)));
        }
        let (entry, continues) = lex.get(hash_normalized("out of the blue")).expect("found");
        assert_eq!(lex.key(entry.expect("an entry")), "out of the blue");
        assert!(!continues);
        assert!(lex.get(hash_normalized("not")).is_some());
        // Most words that are no key are turned away by the filter alone.
        let bit_set = |h: u64| lex.filter[filter_bit(h) / 64] & (1 << (filter_bit(h) % 64)) != 0;
        let passed = (0..10_000)
            .filter(|i| bit_set(hash_normalized(&format!("other{i}"))))
            .count();
        assert!(
            passed < 2_000,
            "{passed} of 10000 unknown words pass the filter"
        );
    }
}
