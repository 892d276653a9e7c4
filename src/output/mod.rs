//! Output tables: typed analysis records turned into CSV rows, written to temporary files
//! in the output directory and renamed into place only when the whole run succeeded.

mod rows;
mod speakers;
mod tables;

pub use rows::{render, Rendered, DOCUMENT_COLUMNS, QUOTE_COLUMNS};
pub use speakers::{SpeakerTable, SPEAKER_COLUMNS};
pub use tables::{check_writable, TableSet};
