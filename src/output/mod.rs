//! Output tables: typed analysis records turned into CSV rows, written to temporary files
//! in the output directory and renamed into place only when the whole run succeeded.

mod affiliations;
pub mod cells;
mod decimal;
mod facts;
mod parts;
mod reader;
mod row_writer;
mod rows;
mod speakers;
mod tables;

pub use affiliations::{AffiliationTable, Period, AFFILIATION_COLUMNS, TIMELINE_COLUMNS};
pub use cells::{cell, restore, CellMode};
pub use facts::{as_written, quote_facts, QuoteFacts};
pub use parts::{PartDocument, PartQuote, PartReader};
pub use reader::{column, TableReader};
pub use rows::{render, Rendered, DOCUMENT_COLUMNS, QUOTE_COLUMNS};
pub use speakers::{SpeakerTable, SPEAKER_COLUMNS};

use crate::pipeline::Analysis;

/// The corpus-wide tables, accumulated document by document in input order.
#[derive(Debug)]
pub struct Aggregates {
    pub speakers: SpeakerTable,
    pub affiliations: AffiliationTable,
}

impl Aggregates {
    pub fn new(period: Period) -> Self {
        Aggregates {
            speakers: SpeakerTable::default(),
            affiliations: AffiliationTable::new(period),
        }
    }

    /// Adds one analysed document (documents in input order).
    pub fn add(&mut self, a: &Analysis) {
        self.add_facts(a.doc.meta.date.as_deref(), &quote_facts(a));
    }

    /// Adds one document given by its date and its quotes' facts, as read back from
    /// partial tables by `whosaid merge`; [`Aggregates::add`] goes through here too.
    pub fn add_facts(&mut self, date: Option<&str>, quotes: &[QuoteFacts<'_>]) {
        self.speakers.add(date, quotes);
        self.affiliations.add(date, quotes);
    }
}
pub use tables::{check_writable, StreamTable, TableSet};
