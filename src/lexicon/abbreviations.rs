//! Abbreviations whose final period does not end a sentence.

use super::{LexiconError, LexiconFile};
use rustc_hash::FxHashSet as HashSet;

/// Abbreviations (with their periods, case-sensitive) and the subset that may also close a
/// sentence (`U.S.`, `Inc.`) when the next word is a typical sentence opener.
#[derive(Debug, Default)]
pub struct Abbreviations {
    all: HashSet<String>,
    may_end: HashSet<String>,
    longest: usize,
}

impl Abbreviations {
    /// Parses `ABBREV [may_end]` lines.
    pub fn parse(file: &LexiconFile) -> Result<Self, LexiconError> {
        let mut out = Abbreviations::default();
        for line in file.lines() {
            let mut fields = line.content.split_whitespace();
            let abbr = fields.next().unwrap_or_default();
            if !abbr.ends_with('.') {
                return Err(file.error(line.number, format!("`{abbr}` must end with a period")));
            }
            match fields.next() {
                None => {}
                Some("may_end") => {
                    out.may_end.insert(abbr.to_string());
                }
                Some(other) => {
                    return Err(file.error(
                        line.number,
                        format!("unknown flag `{other}` (expected `may_end` or nothing)"),
                    ))
                }
            }
            if let Some(extra) = fields.next() {
                return Err(file.error(line.number, format!("unexpected field `{extra}`")));
            }
            out.longest = out.longest.max(abbr.len());
            out.all.insert(abbr.to_string());
        }
        Ok(out)
    }

    /// True when `word` (including its final period) is a known abbreviation.
    pub fn is_abbreviation(&self, word: &str) -> bool {
        word.len() <= self.longest && self.all.contains(word)
    }

    /// True when the abbreviation can also be the last word of a sentence.
    pub fn may_end_sentence(&self, word: &str) -> bool {
        self.may_end.contains(word)
    }
}
