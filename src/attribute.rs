//! Attribution: turns quotation spans into quotes and (in a later stage of the project)
//! links each to its speaker. For now every quotation becomes a `direct` quote with
//! method `none` and no speaker; the record already carries every field attribution fills.

use crate::document::{Document, Span};
use crate::lexicon::Lexicons;
use crate::segment::Segmentation;
use crate::stance::StanceScores;

/// How a quote is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteKind {
    /// The content is inside quotation marks.
    Direct,
    /// Reported speech that contains a partial quotation.
    Mixed,
    /// Reported speech without quotation marks.
    Indirect,
}

impl QuoteKind {
    /// The name used in tables.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Mixed => "mixed",
            QuoteKind::Indirect => "indirect",
        }
    }
}

/// What kind of entity a speaker is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeakerType {
    Person,
    Organization,
    Government,
    Group,
    Unknown,
}

impl SpeakerType {
    /// The name used in tables.
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerType::Person => "person",
            SpeakerType::Organization => "organization",
            SpeakerType::Government => "government",
            SpeakerType::Group => "group",
            SpeakerType::Unknown => "unknown",
        }
    }
}

/// Who said a quote: the mention as written and, when resolved, the entity behind it.
#[derive(Debug, Clone, PartialEq)]
pub struct Speaker {
    pub mention: Span,
    /// Canonical name (full name for persons); `None` when the mention could not be resolved.
    pub name: Option<String>,
    pub kind: SpeakerType,
    pub affiliation: Option<String>,
}

/// One row of the quotes table.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    pub kind: QuoteKind,
    /// Content pieces in text order (quote marks excluded).
    pub fragments: Vec<Span>,
    pub paragraph: usize,
    pub sentence: usize,
    pub headline: bool,
    pub speaker: Option<Speaker>,
    pub cue: Option<Span>,
    /// The rule that produced the attribution (`none` when nothing attributes the quote).
    pub method: &'static str,
    /// How sure the attribution is, 0..1 (0 with method `none`).
    pub confidence: f32,
    pub stance: Option<StanceScores>,
}

impl Quote {
    /// From the start of the first fragment to the end of the last.
    pub fn span(&self) -> Span {
        match (self.fragments.first(), self.fragments.last()) {
            (Some(first), Some(last)) => Span::new(first.start, last.end),
            _ => Span::default(),
        }
    }
}

/// Builds the quotes of a document from its segmentation.
pub fn attribute(_doc: &Document, seg: &Segmentation, _lex: &Lexicons) -> Vec<Quote> {
    seg.quotes
        .iter()
        .map(|q| Quote {
            kind: QuoteKind::Direct,
            fragments: q.fragments.iter().map(|f| f.content).collect(),
            paragraph: q.paragraph,
            sentence: q.sentence,
            headline: q.headline,
            speaker: None,
            cue: None,
            method: "none",
            confidence: 0.0,
            stance: None,
        })
        .collect()
}
