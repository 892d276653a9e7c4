//! Abbreviations whose final period does not end a sentence.

use super::{LexiconError, LexiconFile};
use rustc_hash::FxHashSet as HashSet;

/// Abbreviations (with their periods, case-sensitive) and the subset that may also close a
/// sentence (`U.S.`, `Inc.`) when the next word is a typical sentence opener, plus those
/// openers (`The`, `He`), which decide that case.
#[derive(Debug, Default)]
pub struct Abbreviations {
    all: HashSet<String>,
    may_end: HashSet<String>,
    openers: HashSet<String>,
    longest: usize,
    /// One bit per byte that starts some abbreviation: most words before a period (`said.`)
    /// are turned away without hashing them.
    starts: [u64; 4],
}

impl Abbreviations {
    /// Parses `ABBREV [may_end]` and `WORD opener` lines.
    pub fn parse(file: &LexiconFile) -> Result<Self, LexiconError> {
        let mut out = Abbreviations::default();
        for line in file.lines() {
            let mut fields = line.content.split_whitespace();
            let abbr = fields.next().unwrap_or_default();
            let flag = fields.next();
            if let Some(extra) = fields.next() {
                return Err(file.error(line.number, format!("unexpected field `{extra}`")));
            }
            if flag == Some("opener") {
                out.openers.insert(abbr.to_string());
                continue;
            }
            if !abbr.ends_with('.') {
                return Err(file.error(line.number, format!("`{abbr}` must end with a period")));
            }
            match flag {
                None => {}
                Some("may_end") => {
                    out.may_end.insert(abbr.to_string());
                }
                Some(other) => {
                    return Err(file.error(
                        line.number,
                        format!("unknown flag `{other}` (expected `may_end`, `opener` or nothing)"),
                    ))
                }
            }
            out.longest = out.longest.max(abbr.len());
            if let Some(&b) = abbr.as_bytes().first() {
                out.starts[usize::from(b / 64)] |= 1 << (b % 64);
            }
            out.all.insert(abbr.to_string());
        }
        Ok(out)
    }

    /// True when `word` (including its final period) is a known abbreviation.
    pub fn is_abbreviation(&self, word: &str) -> bool {
        let starts = |b: u8| self.starts[usize::from(b / 64)] >> (b % 64) & 1 == 1;
        word.len() <= self.longest
            && word.as_bytes().first().is_some_and(|&b| starts(b))
            && self.all.contains(word)
    }

    /// True when the abbreviation can also be the last word of a sentence.
    pub fn may_end_sentence(&self, word: &str) -> bool {
        self.may_end.contains(word)
    }

    /// True when `word` typically starts a sentence, so a `may_end` abbreviation before it
    /// closes the previous one.
    pub fn is_sentence_opener(&self, word: &str) -> bool {
        self.openers.contains(word)
    }
}

#[cfg(test)]
mod tests {
    use crate::lexicon::Lexicons;

    /// The first-byte filter turns away no abbreviation, and answers as the set does for
    /// other words.
    #[test]
    fn start_filter_keeps_every_abbreviation() {
        let abbreviations = &Lexicons::embedded().abbreviations;
        assert!(!abbreviations.all.is_empty());
        for abbr in &abbreviations.all {
            assert!(abbreviations.is_abbreviation(abbr), "{abbr}");
        }
        for word in [
            "said.",
            "",
            ".",
            "mr.",
            "MR.",
            "Inc",
            "U.S",
            "vs.",
            "v.",
            "\u{00C9}t.",
        ] {
            let expected = word.len() <= abbreviations.longest && abbreviations.all.contains(word);
            assert_eq!(abbreviations.is_abbreviation(word), expected, "{word}");
        }
    }
}
