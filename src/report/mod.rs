//! `whosaid report`: a run's tables turned into one self-contained HTML page — stance by
//! affiliation with confidence intervals, timelines, top speakers, a filterable and
//! sortable quote table, and a document view with the evidence behind each row.
//!
//! The page needs nothing but itself: charts are inline SVG (plotters), styles and the
//! script are inline, and the quotes travel as a JSON blob that the script renders a page
//! at a time, so a corpus of 100,000 quotes stays usable. The same tables (and texts)
//! always give the same bytes.

mod charts;
mod data;
mod model;
mod page;
mod payload;
mod texts;

pub use data::{
    parse_terms, AffiliationRow, ByteSpan, DocumentRow, Estimate, QuoteRow, SpeakerRow, Tables,
    Term, TimelineRow,
};
pub use payload::{script_json, QUOTE_FIELDS};
pub use texts::{read_texts, DocText, TextSource};

use crate::output::CellMode;
use anyhow::Result;
use std::path::Path;

/// How to build a report.
#[derive(Debug, Clone, Default)]
pub struct ReportOptions {
    /// How the tables' text cells were written (`--raw-csv` or not).
    pub mode: CellMode,
    /// Where to read the document texts for the document view (`None`: the view shows
    /// the quotes' evidence from the tables only, with a note).
    pub texts: Option<TextSource>,
}

/// The report page for the tables in `dir`.
pub fn build(dir: &Path, options: &ReportOptions) -> Result<String> {
    let tables = Tables::read(dir, options.mode)?;
    let texts = match &options.texts {
        Some(source) => read_texts(&tables, source)?,
        None => vec![DocText::Absent; tables.documents.len()],
    };
    page::render(&tables, &texts, options.texts.is_some())
}
