//! whosaid: find every quotation in news text, link it to who said it, score its tone,
//! and write tidy CSV tables.
//!
//! The pipeline is `read corpus -> segment -> attribute -> score stance -> write tables`.
//! A [`Document`] owns its text; every later stage only adds byte-span annotations into
//! it, so any offset printed to a table can be checked with `text[start..end]`.
//!
//! ```
//! use whosaid::{analyze, Document, Lexicons};
//!
//! let doc = Document::new("d1", "\"We will rebuild the pier,\" the mayor said.");
//! let analysis = analyze(doc, Lexicons::embedded());
//! let quote = &analysis.quotes[0];
//! assert_eq!(quote.fragments[0].slice(&analysis.doc.text), "We will rebuild the pier,");
//! let speaker = quote.speaker.as_ref().unwrap();
//! assert_eq!(speaker.mention.slice(&analysis.doc.text), "the mayor");
//! assert_eq!(quote.method, "quote_speaker_cue");
//! ```

pub mod attribute;
pub mod check;
pub mod cli;
pub mod corpus;
pub mod document;
pub mod eval;
pub mod lexicon;
pub mod output;
pub mod pipeline;
pub mod report;
pub mod segment;
pub mod stance;

pub use document::{DocMeta, Document, Span};
pub use lexicon::Lexicons;
pub use pipeline::{analyze, Analysis};
