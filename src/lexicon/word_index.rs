//! One hash table over every word-level lexicon entry (function words, cues, titles,
//! organisations and countries, and the word prefixes of their multi-word keys), probed with
//! a hash computed while lower-casing each token: one probe per token, no allocation.

use super::attribution::{normalize, AdjunctRole, Body, Cue, PhraseMap, Title, WordClass};
use rustc_hash::FxHashMap;

/// What the lexicons say about one normalised key (one or more words). Small and stored
/// in the hash table itself, so a probe touches one cache line.
#[derive(Debug, Default, Clone, Copy)]
pub struct IndexEntry {
    /// Index of the normalised key in [`WordIndex::key`], to confirm a multi-word hit.
    pub key: u32,
    pub class: Option<WordClass>,
    pub cue: Option<u32>,
    pub title: Option<u32>,
    pub body: Option<u32>,
    /// The adjunct role of this one-word key (`adjuncts.csv`), set only when
    /// [`WordIndex::has_adjuncts`] holds.
    pub adjunct: Option<AdjunctRole>,
    /// Some longer key starts with this one (word-wise).
    pub continues: bool,
}

/// The table of every key's hash.
#[derive(Debug, Default)]
pub struct WordIndex {
    /// One bit per hash prefix (8 KB, stays in L1): most words of a text are in no lexicon
    /// and are turned away here without touching the table.
    filter: Vec<u64>,
    /// Built from `table` once complete: open addressing, linear probing, hash 0 = empty.
    slots: Vec<(u64, IndexEntry)>,
    table: FxHashMap<u64, IndexEntry>,
    keys: Vec<String>,
    /// Every adjunct word is an ASCII word without spaces, entered under its own key
    /// ([`IndexEntry::adjunct`]): the role of an ASCII token is then its entry's.
    adjuncts: bool,
}

const SEED: u64 = 0x243f_6a88_85a3_08d3;
const K: u64 = 0x517c_c1b7_2722_0a95;

#[inline(always)]
fn fold(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(K)
}

/// Every byte with bit 5 set: ASCII lower case for the letters of a word token (digits,
/// `-`, `'`, `.` and `,` already have it), applied alike to keys and tokens.
const LOWER: u64 = 0x2020_2020_2020_2020;

/// Hash of one word, eight bytes at a time, each byte with bit 5 set.
#[inline(always)]
fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h = SEED ^ bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        h = fold(
            h,
            u64::from_le_bytes(c.try_into().unwrap_or([0; 8])) | LOWER,
        );
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        // Assembled byte by byte: no call to memcpy for a handful of bytes.
        let mut x = 0u64;
        for (i, &b) in rest.iter().enumerate() {
            x |= ((b | 0x20) as u64) << (8 * i);
        }
        h = fold(h, x);
    }
    h
}

/// Bytes of a normalised word built on the stack by [`hash_normalized_chars`].
const STACK_WORD: usize = 64;

/// [`hash_bytes`] of the normalised form of a non-ASCII `word`, as `push_normalized`
/// writes it (curly single quotes become `'`, everything else is lower-cased), built in a
/// buffer on the stack (a `String` only past [`STACK_WORD`] bytes). Marks of the General
/// Punctuation block (curly quotes, dashes), common tokens in news text, have no case and
/// skip the case tables.
fn hash_normalized_chars(word: &str) -> u64 {
    let mut buf = [0u8; STACK_WORD];
    let mut len = 0;
    for c in word.chars() {
        let mut put = |c: char| {
            let n = c.len_utf8();
            let room = buf.get_mut(len..len + n)?;
            c.encode_utf8(room);
            len += n;
            Some(())
        };
        let fits = match c {
            '\u{2019}' | '\u{2018}' => put('\''),
            '\u{2000}'..='\u{206F}' => put(c),
            c => c.to_lowercase().try_for_each(&mut put),
        };
        if fits.is_none() {
            let mut key = String::with_capacity(word.len() + 8);
            super::attribution::push_normalized(&mut key, word);
            return hash_bytes(key.as_bytes());
        }
    }
    hash_bytes(&buf[..len])
}

/// The hash of a normalised key: its words' hashes folded in order.
pub(crate) fn hash_normalized(key: &str) -> u64 {
    key.split(' ')
        .fold(WordIndex::start(), |h, w| fold(h, hash_bytes(w.as_bytes())))
}

/// The home slot of a hash: its top bits (the multiplicative fold mixes upward, so the
/// low bits are poor).
#[inline(always)]
fn slot_of(h: u64, size: usize) -> usize {
    (h >> (64 - size.trailing_zeros())) as usize
}

/// 64-bit words in the prefilter (65,536 bits).
const FILTER_WORDS: usize = 1024;

/// The prefilter bit of a hash (bits other than the slot's).
#[inline(always)]
fn filter_bit(h: u64) -> usize {
    ((h >> 20) as usize) & (FILTER_WORDS * 64 - 1)
}

/// Slots in the open-addressing table (a power of two, kept under half full).
fn table_size(entries: usize) -> usize {
    (entries * 3).next_power_of_two().max(64)
}

impl WordIndex {
    /// The hash of the empty key.
    pub const fn start() -> u64 {
        SEED
    }

    /// [`WordIndex::push_word`] for the word at `start..end` of `text`, reading whole
    /// eight-byte words from the text where it can (no byte loop, no branch per byte).
    #[inline]
    pub fn push_token(h: u64, text: &str, start: usize, end: usize) -> u64 {
        fold(h, Self::word_hash(text, start, end))
    }

    /// The hash of the one word at `start..end` of `text` (normalised on the fly, as
    /// [`WordIndex::push_word`] does), which [`WordIndex::push_hash`] folds into a key
    /// hash. The segmenter computes it once per token (`Segmentation::word_hashes`) for
    /// every lexicon probe of attribution and stance. An ASCII word is read eight bytes at
    /// a time from the text; no word allocates.
    #[inline(always)]
    pub fn word_hash(text: &str, start: usize, end: usize) -> u64 {
        let bytes = text.as_bytes();
        let len = end.wrapping_sub(start);
        // Most tokens: up to eight ASCII bytes, read as one masked eight-byte word.
        if (1..=8).contains(&len) {
            if let Some(chunk) = bytes.get(start..start + 8) {
                let mask = u64::MAX >> (64 - 8 * len);
                let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
                if x & mask & 0x8080_8080_8080_8080 == 0 {
                    return Self::short_ascii_hash(x, len);
                }
            }
        }
        Self::long_word_hash(text, start, end)
    }

    /// [`WordIndex::word_hash`] of an ASCII word of `len` bytes (1 to 8) that are the
    /// first bytes of `x` (eight bytes of the text read little-endian from the word's
    /// start; the bytes past the word are masked off). The tokenizer, which has read those
    /// eight bytes to find where the word ends, hashes most words with it.
    #[inline(always)]
    pub fn short_ascii_hash(x: u64, len: usize) -> u64 {
        debug_assert!((1..=8).contains(&len));
        let mask = u64::MAX >> (64 - 8 * len);
        fold(SEED ^ len as u64, (x | LOWER) & mask)
    }

    /// [`WordIndex::word_hash`] of an ASCII word of `8 + len2` bytes (`len2` below 8): the
    /// eight bytes `x` from its start, then the next eight `x2`, of which the first `len2`
    /// are the word's (as [`WordIndex::short_ascii_hash`], for the tokenizer).
    #[inline(always)]
    pub fn two_chunk_ascii_hash(x: u64, x2: u64, len2: usize) -> u64 {
        debug_assert!(len2 < 8);
        let h = fold(SEED ^ (8 + len2) as u64, x | LOWER);
        if len2 == 0 {
            return h;
        }
        let mask = u64::MAX >> (64 - 8 * len2);
        fold(h, (x2 | LOWER) & mask)
    }

    /// [`WordIndex::word_hash`] of a one-byte ASCII token (a mark such as `,` or `.`, or a
    /// one-letter word), for the tokenizer, which has the byte at hand.
    #[inline(always)]
    pub fn ascii_byte_hash(b: u8) -> u64 {
        debug_assert!(b.is_ascii());
        fold(SEED ^ 1, u64::from(b | 0x20))
    }

    /// [`WordIndex::word_hash`] of a longer word, a non-ASCII one, or one near the end of
    /// the text. An ASCII word is read eight bytes at a time, its last few bytes as one
    /// masked eight-byte load where the text goes on; a mark of the General Punctuation
    /// block (curly quotes, dashes) is its own normalised form.
    #[inline(never)]
    fn long_word_hash(text: &str, start: usize, end: usize) -> u64 {
        const HIGH: u64 = 0x8080_8080_8080_8080;
        let bytes = text.as_bytes();
        let Some(word) = bytes.get(start..end) else {
            return hash_normalized_chars(&text[start..end]);
        };
        if let [0xE2, second @ (0x80 | 0x81), third] = *word {
            // U+2000..=U+206F but for the curly single quotes (U+2018, U+2019).
            let general = if second == 0x80 {
                !matches!(third, 0x98 | 0x99)
            } else {
                third <= 0xAF
            };
            if general {
                return hash_bytes(word);
            }
        }
        let mut h = SEED ^ word.len() as u64;
        let mut seen = 0u64;
        let mut chunks = word.chunks_exact(8);
        for c in &mut chunks {
            let x = u64::from_le_bytes(c.try_into().unwrap_or([0; 8]));
            seen |= x;
            h = fold(h, x | LOWER);
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let at = end - rest.len();
            let mask = u64::MAX >> (64 - 8 * rest.len());
            let x = match bytes.get(at..at + 8) {
                Some(c) => u64::from_le_bytes(c.try_into().unwrap_or([0; 8])) & mask,
                None => rest
                    .iter()
                    .enumerate()
                    .fold(0u64, |x, (i, &b)| x | (u64::from(b) << (8 * i))),
            };
            seen |= x;
            h = fold(h, (x | LOWER) & mask);
        }
        if seen & HIGH != 0 {
            return hash_normalized_chars(&text[start..end]);
        }
        h
    }

    /// Continues key hash `h` with one more word given by its [`WordIndex::word_hash`].
    #[inline(always)]
    pub fn push_hash(h: u64, word_hash: u64) -> u64 {
        fold(h, word_hash)
    }

    /// Continues key hash `h` with one more word (normalised on the fly: ASCII lower case,
    /// curly apostrophes folded), as if it were joined to the key by a space.
    #[inline]
    pub fn push_word(h: u64, word: &str) -> u64 {
        if word.is_ascii() {
            return fold(h, hash_bytes(word.as_bytes()));
        }
        fold(h, hash_normalized_chars(word))
    }

    fn entry_mut(&mut self, key: &str) -> &mut IndexEntry {
        let h = hash_normalized(key);
        let keys = &mut self.keys;
        self.table.entry(h).or_insert_with(|| {
            keys.push(key.to_string());
            IndexEntry {
                key: (keys.len() - 1) as u32,
                ..IndexEntry::default()
            }
        })
    }

    /// The normalised key of an entry.
    pub fn key(&self, entry: &IndexEntry) -> &str {
        &self.keys[entry.key as usize]
    }

    fn add_phrase_keys<V>(&mut self, map: &PhraseMap<V>, set: impl Fn(&mut IndexEntry, u32)) {
        for (key, i) in map.keys() {
            for (end, _) in key.match_indices(' ') {
                self.entry_mut(&key[..end]).continues = true;
            }
            set(self.entry_mut(key), i);
        }
    }

    /// Enters the adjunct words (keyed in lower case). Only when every one is an ASCII word
    /// without spaces that gets an entry of its own key (no hash shared with another key)
    /// does the index answer for them ([`WordIndex::has_adjuncts`]); otherwise no entry
    /// keeps a role and callers look words up in the map.
    fn add_adjuncts(&mut self, adjuncts: &FxHashMap<String, AdjunctRole>) {
        self.adjuncts = adjuncts
            .keys()
            .all(|word| !word.is_empty() && word.is_ascii() && !word.contains(' '));
        if !self.adjuncts {
            return;
        }
        let mut entered = Vec::with_capacity(adjuncts.len());
        for (word, &role) in adjuncts {
            let entry = self.entry_mut(word);
            entry.adjunct = Some(role);
            let key = entry.key as usize;
            entered.push(hash_normalized(word));
            if self.keys[key] != *word {
                self.adjuncts = false;
            }
        }
        if !self.adjuncts {
            for h in entered {
                if let Some(e) = self.table.get_mut(&h) {
                    e.adjunct = None;
                }
            }
        }
    }

    /// True when [`IndexEntry::adjunct`] is the role of every ASCII word token: the role
    /// of its lower-case form in `adjuncts.csv` (confirmed against [`WordIndex::key`]), and
    /// none for a token without an entry or without a role in it.
    pub fn has_adjuncts(&self) -> bool {
        self.adjuncts
    }

    /// The adjunct role of an ASCII `word` in any case (with [`WordIndex::has_adjuncts`]).
    pub fn adjunct(&self, word: &str) -> Option<AdjunctRole> {
        self.adjunct_of(self.get(Self::push_word(Self::start(), word))?, word)
    }

    /// The adjunct role of an ASCII `word` whose hash found `entry`.
    #[inline]
    pub fn adjunct_of(&self, entry: &IndexEntry, word: &str) -> Option<AdjunctRole> {
        let role = entry.adjunct?;
        // (Confirmed: the hash folds bytes that differ in bit 5 alone.)
        word.eq_ignore_ascii_case(self.key(entry)).then_some(role)
    }

    /// Builds the index from the lexicons.
    pub fn build(
        function_words: &FxHashMap<String, WordClass>,
        cues: &PhraseMap<Cue>,
        titles: &PhraseMap<Title>,
        bodies: &PhraseMap<Body>,
        adjuncts: &FxHashMap<String, AdjunctRole>,
    ) -> WordIndex {
        let mut index = WordIndex::default();
        for (word, &class) in function_words {
            index.entry_mut(&normalize(word)).class = Some(class);
        }
        index.add_phrase_keys(cues, |e, i| e.cue = Some(i));
        index.add_phrase_keys(titles, |e, i| e.title = Some(i));
        index.add_phrase_keys(bodies, |e, i| e.body = Some(i));
        index.add_adjuncts(adjuncts);
        let size = table_size(index.table.len());
        let mut slots = vec![(0u64, IndexEntry::default()); size];
        for (&h, &e) in &index.table {
            let h = h.max(1);
            let mut i = slot_of(h, size);
            while slots[i].0 != 0 {
                i = (i + 1) & (size - 1);
            }
            slots[i] = (h, e);
        }
        index.slots = slots;
        index.filter = vec![0u64; FILTER_WORDS];
        for &h in index.table.keys() {
            let bit = filter_bit(h.max(1));
            index.filter[bit / 64] |= 1 << (bit % 64);
        }
        index
    }

    /// The entry whose key hashes to `h`, if any (callers confirm with [`IndexEntry::key`]
    /// when a false hit would matter).
    #[inline]
    pub fn get(&self, h: u64) -> Option<&IndexEntry> {
        let h = h.max(1);
        let bit = filter_bit(h);
        if self
            .filter
            .get(bit / 64)
            .is_none_or(|w| w & (1 << (bit % 64)) == 0)
        {
            return None;
        }
        let mask = self.slots.len().checked_sub(1)?;
        let mut i = slot_of(h, self.slots.len());
        loop {
            let (key, ref entry) = self.slots[i];
            if key == h {
                return Some(entry);
            }
            if key == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicons;

    #[test]
    fn reading_from_the_text_hashes_like_the_word() {
        let text = "He said Pentagon officials, according to reports, 8 months ago.";
        for (start, word) in [
            (0, "He"),
            (3, "said"),
            (8, "Pentagon"),
            (28, "according"),
            (3, ""),
        ] {
            assert_eq!(
                WordIndex::push_token(WordIndex::start(), text, start, start + word.len()),
                WordIndex::push_word(WordIndex::start(), word),
                "{word}"
            );
        }
        // Near the end of the text the fallback is used.
        let end = text.len();
        assert_eq!(
            WordIndex::push_token(WordIndex::start(), text, end - 4, end - 1),
            WordIndex::push_word(WordIndex::start(), "ago")
        );
    }

    #[test]
    fn word_hashes_equal_the_hash_of_the_normalised_word() {
        let words = [
            "",
            "a",
            "He",
            "said",
            "Pentagon",
            "according",
            "Internationalization",
            "12,000",
            "don't",
            "People\u{2019}s",
            "\u{2018}til",
            "M\u{00FC}ller",
            "\u{00C9}T\u{00C9}",
            "\u{0130}stanbul",
            "\u{01C5}",
            "\u{FB01}x",
            "wee\u{212A}end",
            "\u{201C}",
            "\u{2014}",
            "\u{03A3}\u{039F}\u{03A3}",
            "caf\u{00E9}-au-lait-\u{00E0}-la-carte",
            // Past the stack buffer (`I` with a dot grows when lower-cased).
            "\u{00DC}ber-\u{00C9}l\u{00E8}ve-\u{00C9}l\u{00E8}ve-\u{00C9}l\u{00E8}ve-\u{00C9}l\u{00E8}ve-\u{0130}\u{0130}\u{0130}\u{0130}\u{0130}\u{0130}\u{0130}\u{0130}",
        ];
        for word in words {
            let mut key = String::new();
            crate::lexicon::attribution::push_normalized(&mut key, word);
            let expected = hash_bytes(key.as_bytes());
            let text = format!("{word} and some more text after it");
            assert_eq!(
                WordIndex::word_hash(&text, 0, word.len()),
                expected,
                "{word}"
            );
            assert_eq!(
                WordIndex::word_hash(word, 0, word.len()),
                expected,
                "{word} at the end"
            );
            assert_eq!(
                WordIndex::push_hash(WordIndex::start(), expected),
                WordIndex::push_word(WordIndex::start(), word),
                "{word}"
            );
        }
    }

    /// The tokenizer's hashes of words read as one or two eight-byte loads equal
    /// `word_hash` of the same words.
    #[test]
    fn chunk_hashes_equal_word_hashes() {
        let text = "Xa1bCdEfGhIjKlMnOpQrStUvWxYz0123456789 and more text after the words";
        let bytes = text.as_bytes();
        let load = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap());
        for start in 0..20 {
            for len in 1..16 {
                let expected = WordIndex::word_hash(text, start, start + len);
                let got = if len < 8 {
                    WordIndex::short_ascii_hash(load(start), len)
                } else {
                    WordIndex::two_chunk_ascii_hash(load(start), load(start + 8), len - 8)
                };
                assert_eq!(got, expected, "{start} {len}");
            }
        }
    }

    #[test]
    fn ascii_byte_hashes_equal_word_hashes() {
        for b in 0..0x80u8 {
            let word = (b as char).to_string();
            let text = format!("{word} and more");
            assert_eq!(
                WordIndex::ascii_byte_hash(b),
                WordIndex::word_hash(&text, 0, 1)
            );
            assert_eq!(
                WordIndex::ascii_byte_hash(b),
                WordIndex::word_hash(&word, 0, 1)
            );
        }
    }

    /// Long words, non-ASCII words and marks hash like their normalised form wherever
    /// they stand (mid-text the last bytes are one masked load, at the end byte by byte).
    #[test]
    fn long_and_non_ascii_word_hashes_anywhere() {
        let mut words: Vec<String> = [
            "Internationalization",
            "abcdefghi",
            "ABCDEFGHIJKLMNOP",
            "ABCDEFGHIJKLMNOPQ",
            "military-to-military",
            "twelve-o'clock",
            "Trump\u{2019}s",
            "\u{2018}90s",
            "na\u{00EF}ve-and-more",
            "abcdefgh\u{00E9}",
        ]
        .iter()
        .map(|w| w.to_string())
        .collect();
        words.extend(
            ('\u{1FF0}'..='\u{2080}')
                .chain(['\u{212A}', '\u{00AB}', '\u{00BB}'])
                .map(String::from),
        );
        for word in &words {
            let mut key = String::new();
            crate::lexicon::attribution::push_normalized(&mut key, word);
            let expected = hash_bytes(key.as_bytes());
            for (before, after) in [("", ""), ("x ", ""), ("", " and more text"), ("x ", "yz")] {
                let text = format!("{before}{word}{after}");
                let start = before.len();
                assert_eq!(
                    WordIndex::word_hash(&text, start, start + word.len()),
                    expected,
                    "{word:?} in {text:?}"
                );
            }
        }
    }

    #[test]
    fn general_punctuation_has_no_case() {
        for c in ('\u{2000}'..='\u{206F}').filter(|c| !matches!(c, '\u{2018}' | '\u{2019}')) {
            assert_eq!(c.to_lowercase().collect::<String>(), c.to_string(), "{c:?}");
        }
    }

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
