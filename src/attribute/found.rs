//! An attribution found by a pattern: who, by which cue, by which rule.

use super::speaker::Phrase;

/// A speaker phrase and cue linked to a quote by a named rule.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Found {
    pub speaker: Phrase,
    /// Cue tokens `start..end` (empty when the rule needs no cue, e.g. continuation).
    pub cue: (usize, usize),
    pub method: &'static str,
    /// Cue strength times the rule's reliability, 0..1.
    pub confidence: f32,
    /// Token just after the attribution (for joining `"A," he said, "B."`).
    pub end: usize,
}

impl Found {
    /// An attribution by `method` of the speaker phrase `speaker` through the cue tokens
    /// `cue`, ending before token `end`.
    pub fn new(
        speaker: Phrase,
        cue: (usize, usize),
        method: &'static str,
        confidence: f32,
        end: usize,
    ) -> Found {
        Found {
            speaker,
            cue,
            method,
            confidence,
            end,
        }
    }
}
