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

    /// True when `word` typically starts a sentence, so a `may_end` abbreviation before it
    /// closes the previous one.
    pub fn is_sentence_opener(&self, word: &str) -> bool {
        self.openers.contains(word)
    }
}
