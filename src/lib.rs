//! whosaid: find every quotation in news text, link it to who said it, score its tone,
//! and write tidy CSV tables.
//!
//! The pipeline is `read corpus -> segment -> attribute -> score stance -> write tables`.
//! A [`Document`] owns its text; every later stage only adds byte-span annotations into
//! it, so any offset printed to a table can be checked with `text[start..end]`.

pub mod attribute;
pub mod cli;
pub mod corpus;
pub mod document;
pub mod eval;
pub mod lexicon;
pub mod output;
pub mod pipeline;
pub mod segment;
pub mod stance;

pub use document::{DocMeta, Document, Span};
pub use lexicon::Lexicons;
pub use pipeline::{analyze, Analysis};
