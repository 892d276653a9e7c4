//! Output tables: typed analysis records turned into CSV rows, written to temporary files
//! in the output directory and renamed into place only when the whole run succeeded.

mod affiliations;
pub mod cells;
mod rows;
mod speakers;
mod tables;

pub use affiliations::{AffiliationTable, Period, AFFILIATION_COLUMNS, TIMELINE_COLUMNS};
pub use cells::{cell, restore, CellMode};
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

    /// Adds one analysed document.
    pub fn add(&mut self, a: &Analysis) {
        self.speakers.add(a);
        self.affiliations.add(a);
    }
}
pub use tables::{check_writable, TableSet};
