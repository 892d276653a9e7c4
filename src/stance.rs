//! Stance scoring of quote content (tone, conflict, certainty). Placeholder until the
//! stance stage lands: quotes carry no scores yet.

use crate::attribute::Quote;
use crate::document::Document;
use crate::lexicon::Lexicons;

/// Lexicon scores for one text, each in -1..1, with the terms that produced them.
#[derive(Debug, Clone, PartialEq)]
pub struct StanceScores {
    pub tone: f64,
    pub conflict: f64,
    pub certainty: f64,
    /// `term:dimension=weight` entries joined by `;`.
    pub terms: String,
}

/// Scores every quote's content in place (no scores yet).
pub fn score_quotes(_doc: &Document, _quotes: &mut [Quote], _lex: &Lexicons) {}
