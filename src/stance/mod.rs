//! Stance scoring: every quote's content gets a tone, conflict and certainty score in
//! -1..1 from the stance lexicons, with the terms that produced each score.

mod scorer;

pub use scorer::{score_hashed, score_tokens, TermHit};

use crate::attribute::Quote;
use crate::document::Document;
use crate::lexicon::Lexicons;
use crate::segment::Segmentation;

/// Lexicon scores for one text, each in -1..1, with the terms that produced them.
#[derive(Debug, Clone, PartialEq)]
pub struct StanceScores {
    pub tone: f64,
    pub conflict: f64,
    pub certainty: f64,
    /// `term:dimension=weight` entries joined by `;` (weights on the -1..1 scale, signed;
    /// a negated term is written `term(negated)`).
    pub terms: String,
    /// Per user dictionary category (in [`crate::lexicon::StanceLexicon::category_names`]
    /// order): how many words fell in it.
    pub categories: Vec<u32>,
    /// Words scored (the denominator of a category's share).
    pub words: u32,
}

/// Scores every quote on its content only (the quote's fragments), with the word hashes
/// the segmenter computed for its tokens.
pub fn score_quotes(doc: &Document, seg: &Segmentation, quotes: &mut [Quote], lex: &Lexicons) {
    if seg.word_hashes.len() != seg.tokens.len() {
        // (Not made by `segment`: hashed here.)
        for q in quotes.iter_mut() {
            let tokens = q.fragments.iter().flat_map(|f| {
                let range = seg.tokens_in(*f);
                seg.tokens[range].iter()
            });
            q.stance = Some(score_tokens(&doc.text, tokens, &lex.stance));
        }
        return;
    }
    // Reused from quote to quote.
    let mut tokens = Vec::new();
    let mut hashes = Vec::new();
    for q in quotes.iter_mut() {
        tokens.clear();
        hashes.clear();
        for f in &q.fragments {
            let range = seg.tokens_in(*f);
            tokens.extend(seg.tokens[range.clone()].iter());
            hashes.extend_from_slice(&seg.word_hashes[range]);
        }
        q.stance = Some(score_hashed(&doc.text, &tokens, &hashes, &lex.stance));
    }
}
