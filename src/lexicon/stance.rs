//! Stance lexicons: weighted terms on three dimensions (`tone.csv`, `conflict.csv`,
//! `certainty.csv`) and the modifiers that change them (`modifiers.csv`), all in one
//! hashed phrase table so a text's words are looked up once each.

use super::attribution::normalize;
use super::word_index::hash_normalized;
use super::{LexiconError, LexiconFile};
use rustc_hash::FxHashMap;

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

/// All stance terms and modifiers, keyed by the hash of their normalised form.
#[derive(Debug, Default)]
pub struct StanceLexicon {
    entries: Vec<StanceEntry>,
    keys: Vec<String>,
    /// Hash -> (entry index or `u32::MAX` for a bare prefix, a longer key continues).
    table: FxHashMap<u64, (u32, bool)>,
    /// Most words in any key.
    pub max_words: usize,
    /// Category dictionaries added by the user (counted, not weighted).
    pub dictionaries: Vec<super::Dictionary>,
}

/// Largest absolute weight on the lexicon scale.
pub const MAX_WEIGHT: f32 = 4.0;

impl StanceLexicon {
    fn slot(&mut self, key: &str) -> usize {
        for (end, _) in key.match_indices(' ') {
            let prefix = hash_normalized(&key[..end]);
            self.table.entry(prefix).or_insert((u32::MAX, true)).1 = true;
        }
        self.max_words = self.max_words.max(key.split(' ').count());
        let h = hash_normalized(key);
        let next = self.entries.len() as u32;
        let slot = self.table.entry(h).or_insert((u32::MAX, false));
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
        self.table.get(&h).map(|&(i, continues)| {
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
