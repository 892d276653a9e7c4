//! Segmentation: paragraphs, sentences, tokens and quotation spans, all as byte spans into
//! the document's text. One linear pass per layer; nothing is copied or rewritten.

mod chars;
mod paragraphs;
mod quotes;
mod sentences;
mod tokens;

pub use paragraphs::{split_paragraphs, Paragraph};
pub use quotes::{find_quotes, Fragment, QuoteSpan};
pub use sentences::{split_sentences, split_sentences_at, Sentence};
pub use tokens::{tokenize, tokenize_hashed, Token, TokenKind};

use crate::document::{Document, Span};
use crate::lexicon::{Lexicons, WordIndex};

/// Every structural annotation of one document.
#[derive(Debug, Clone, Default)]
pub struct Segmentation {
    pub paragraphs: Vec<Paragraph>,
    /// Sentences in text order; each lies inside one paragraph.
    pub sentences: Vec<Sentence>,
    /// Word, number and punctuation tokens in text order.
    pub tokens: Vec<Token>,
    /// Per token: the hash of its normalised word ([`WordIndex::word_hash`]), computed once
    /// here for the lexicon probes of both attribution and stance, which fold these into
    /// the hashes of multi-word keys without reading the text again.
    pub word_hashes: Vec<u64>,
    /// Top-level quotations in text order (nested quotes stay inside their outer quote).
    pub quotes: Vec<QuoteSpan>,
    /// Problems worth telling the user about, such as unbalanced quote marks.
    pub warnings: Vec<String>,
}

/// Largest text (exclusive) that can be segmented: token offsets are stored in 32 bits.
pub const MAX_TEXT_BYTES: usize = u32::MAX as usize;

/// Warnings kept per document; beyond this only a count is reported.
const MAX_WARNINGS: usize = 20;

impl Segmentation {
    /// Index of the sentence containing byte `pos` (the nearest preceding one when `pos`
    /// falls between sentences).
    pub fn sentence_at(&self, pos: usize) -> usize {
        self.sentences
            .partition_point(|s| s.span.start <= pos)
            .saturating_sub(1)
    }

    /// Index range of the tokens lying inside `span`.
    pub fn tokens_in(&self, span: Span) -> std::ops::Range<usize> {
        let first = self.tokens.partition_point(|t| t.span().start < span.start);
        let last = self.tokens.partition_point(|t| t.span().end <= span.end);
        first..last.max(first)
    }
}

/// [`WordIndex::word_hash`] of every token.
pub fn word_hashes(text: &str, tokens: &[Token]) -> Vec<u64> {
    tokens
        .iter()
        .map(|t| WordIndex::word_hash(text, t.span().start, t.span().end))
        .collect()
}

/// Segments a document into paragraphs, sentences, tokens and quotation spans.
///
/// Documents of [`MAX_TEXT_BYTES`] or more are not segmented (one warning, no spans): token
/// offsets are 32-bit. The pipeline reports such documents as errors before they get here.
pub fn segment(doc: &Document, lex: &Lexicons) -> Segmentation {
    let text = doc.text.as_str();
    if text.len() >= MAX_TEXT_BYTES {
        return Segmentation {
            warnings: vec![format!(
                "document of {} bytes is too large to segment",
                text.len()
            )],
            ..Segmentation::default()
        };
    }
    let mut paragraphs = split_paragraphs(text, doc.meta.title.as_deref());
    // The ` date YYYY-MM-DD ` prefix of a txt headline is metadata, not headline words.
    if let (Some(first), Some(date)) = (paragraphs.first_mut(), doc.meta.date.as_deref()) {
        let line = first.span.slice(text);
        if let Some(rest) = line
            .strip_prefix("date ")
            .and_then(|r| r.strip_prefix(date))
        {
            let skip = line.len() - rest.trim_start().len();
            first.span.start += skip;
        }
    }
    // (Sized for the usual prose, about 130 bytes a sentence: rarely grown.)
    let mut sentences = Vec::with_capacity(text.len() / 64 + 4);
    // (About one token per five bytes of news text; room for one per four.)
    let mut tokens = Vec::with_capacity(text.len() / 4 + 16);
    let mut word_hashes = Vec::with_capacity(tokens.capacity());
    // The tokens of a paragraph that may end a sentence (reused from paragraph to paragraph).
    let mut terminals = Vec::with_capacity(64);
    for (index, paragraph) in paragraphs.iter_mut().enumerate() {
        let first = tokens.len();
        terminals.clear();
        tokenize_hashed(
            text,
            paragraph.span,
            &lex.abbreviations,
            &mut tokens,
            &mut word_hashes,
            &mut terminals,
        );
        paragraph.tokens = first..tokens.len();
        for t in &mut terminals {
            *t -= first;
        }
        split_sentences_at(
            text,
            paragraph.span,
            &tokens[first..],
            &terminals,
            index,
            &lex.abbreviations,
            &mut sentences,
        );
    }
    let mut warnings = Vec::new();
    let mut quotes = find_quotes(text, &paragraphs, &tokens, &lex.elisions, &mut warnings);
    let mut seg = Segmentation {
        paragraphs,
        sentences,
        tokens,
        word_hashes,
        quotes: Vec::new(),
        warnings: Vec::new(),
    };
    for quote in &mut quotes {
        quote.sentence = seg.sentence_at(quote.outer.start);
        quote.headline = seg.paragraphs[quote.paragraph].headline;
    }
    seg.quotes = quotes;
    if warnings.len() > MAX_WARNINGS {
        let more = warnings.len() - MAX_WARNINGS;
        warnings.truncate(MAX_WARNINGS);
        warnings.push(format!("... and {more} more quote-mark warnings"));
    }
    seg.warnings = warnings;
    seg
}

/// A small deterministic xorshift generator for the segmenter's randomised tests, which
/// compare fast paths with plain reference code on many generated texts.
#[cfg(test)]
pub(crate) struct TestRng(u64);

#[cfg(test)]
impl TestRng {
    pub(crate) fn new(seed: u64) -> Self {
        TestRng(seed)
    }

    /// The next 64 random bits.
    pub(crate) fn bits(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    /// A number below `n`.
    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.bits() % n as u64) as usize
    }
}
