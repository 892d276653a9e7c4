//! One hash table over every word-level lexicon entry (function words, cues, titles,
//! organisations and countries, and the word prefixes of their multi-word keys), probed with
//! a hash computed while lower-casing each token: one probe per token, no allocation.

use super::attribution::{normalize, Body, Cue, PhraseMap, Title, WordClass};
use rustc_hash::FxHashMap;

/// What the lexicons say about one normalised key (one or more words).
#[derive(Debug, Default, Clone)]
pub struct IndexEntry {
    /// The normalised key, to confirm a hash hit.
    pub key: String,
    pub class: Option<WordClass>,
    pub cue: Option<u32>,
    pub title: Option<u32>,
    pub body: Option<u32>,
    /// Some longer key starts with this one (word-wise).
    pub continues: bool,
}

/// The table of every key's hash.
#[derive(Debug, Default)]
pub struct WordIndex {
    table: FxHashMap<u64, u32>,
    entries: Vec<IndexEntry>,
}

const SEED: u64 = 0x243f_6a88_85a3_08d3;
const K: u64 = 0x517c_c1b7_2722_0a95;

#[inline(always)]
fn fold(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(K)
}

/// Hash of one word already in normalised form, eight bytes at a time.
#[inline(always)]
fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h = SEED ^ bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        h = fold(h, u64::from_le_bytes(c.try_into().unwrap_or([0; 8])));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut last = [0u8; 8];
        last[..rest.len()].copy_from_slice(rest);
        h = fold(h, u64::from_le_bytes(last));
    }
    h
}

/// The hash of a normalised key: its words' hashes folded in order.
fn hash_normalized(key: &str) -> u64 {
    key.split(' ')
        .fold(WordIndex::start(), |h, w| fold(h, hash_bytes(w.as_bytes())))
}

impl WordIndex {
    /// The hash of the empty key.
    pub const fn start() -> u64 {
        SEED
    }

    /// Continues key hash `h` with one more word (normalised on the fly: ASCII lower case,
    /// curly apostrophes folded), as if it were joined to the key by a space.
    #[inline]
    pub fn push_word(h: u64, word: &str) -> u64 {
        let b = word.as_bytes();
        if b.len() <= 32 && word.is_ascii() {
            let mut buf = [0u8; 32];
            for (d, s) in buf.iter_mut().zip(b) {
                *d = s.to_ascii_lowercase();
            }
            return fold(h, hash_bytes(&buf[..b.len()]));
        }
        let mut key = String::with_capacity(word.len());
        super::attribution::push_normalized(&mut key, word);
        fold(h, hash_bytes(key.as_bytes()))
    }

    fn entry_mut(&mut self, key: &str) -> &mut IndexEntry {
        let h = hash_normalized(key);
        let i = *self.table.entry(h).or_insert_with(|| {
            self.entries.push(IndexEntry {
                key: key.to_string(),
                ..IndexEntry::default()
            });
            (self.entries.len() - 1) as u32
        });
        &mut self.entries[i as usize]
    }

    fn add_phrase_keys<V>(&mut self, map: &PhraseMap<V>, set: impl Fn(&mut IndexEntry, u32)) {
        for (key, i) in map.keys() {
            for (end, _) in key.match_indices(' ') {
                self.entry_mut(&key[..end]).continues = true;
            }
            set(self.entry_mut(key), i);
        }
    }

    /// Builds the index from the lexicons.
    pub fn build(
        function_words: &FxHashMap<String, WordClass>,
        cues: &PhraseMap<Cue>,
        titles: &PhraseMap<Title>,
        bodies: &PhraseMap<Body>,
    ) -> WordIndex {
        let mut index = WordIndex::default();
        for (word, &class) in function_words {
            index.entry_mut(&normalize(word)).class = Some(class);
        }
        index.add_phrase_keys(cues, |e, i| e.cue = Some(i));
        index.add_phrase_keys(titles, |e, i| e.title = Some(i));
        index.add_phrase_keys(bodies, |e, i| e.body = Some(i));
        index
    }

    /// The entry whose key hashes to `h`, if any (callers confirm with [`IndexEntry::key`]
    /// when a false hit would matter).
    #[inline]
    pub fn get(&self, h: u64) -> Option<&IndexEntry> {
        self.table.get(&h).map(|&i| &self.entries[i as usize])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicons;

    #[test]
    fn token_hashes_equal_key_hashes() {
        let h = WordIndex::push_word(WordIndex::start(), "According");
        let h = WordIndex::push_word(h, "TO");
        assert_eq!(h, hash_normalized("according to"));
        let curly = WordIndex::push_word(WordIndex::start(), "People\u{2019}s");
        assert_eq!(curly, hash_normalized("people's"));
        let long = WordIndex::push_word(WordIndex::start(), "Internationalization-Committee");
        assert_eq!(long, hash_normalized("internationalization-committee"));
    }

    #[test]
    fn one_probe_finds_every_lexicon() {
        let lex = Lexicons::embedded();
        let said = lex.word_index.get(hash_normalized("said")).unwrap();
        assert!(said.cue.is_some());
        let the = lex.word_index.get(hash_normalized("the")).unwrap();
        assert_eq!(the.class, Some(WordClass::Determiner));
        let according = lex.word_index.get(hash_normalized("according")).unwrap();
        assert!(according.continues);
        let pentagon = lex.word_index.get(hash_normalized("pentagon")).unwrap();
        assert!(pentagon.body.is_some());
    }
}
