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
