//! Reading whosaid's own tables back: one CSV file with its header checked against the
//! columns `whosaid run` writes, row by row, with every error naming the file and line.
//! `whosaid merge` reads partial outputs through it and `whosaid report` a run's tables.

use anyhow::{bail, Context, Result};
use std::fs::File;
use std::path::{Path, PathBuf};

/// One table of an output directory, open for reading.
pub struct TableReader {
    path: PathBuf,
    reader: csv::Reader<File>,
    header: csv::StringRecord,
}

impl TableReader {
    /// Opens `dir/name` and checks that its header starts with `columns` (user category
    /// columns may follow); fails naming the file when it is missing or not that table.
    pub fn open(dir: &Path, name: &str, columns: &[&str]) -> Result<TableReader> {
        let path = dir.join(name);
        let file = File::open(&path).with_context(|| format!("cannot read {}", path.display()))?;
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(true)
            .from_reader(file);
        let header = reader
            .headers()
            .with_context(|| format!("{}:1: cannot read the header row", path.display()))?
            .clone();
        let found: Vec<&str> = header.iter().take(columns.len()).collect();
        if found != columns {
            bail!(
                "{}:1: not a whosaid {name} header (expected {})",
                path.display(),
                columns.join(",")
            );
        }
        Ok(TableReader {
            path,
            reader,
            header,
        })
    }

    /// The file's path, for messages.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The header row as read (the fixed columns, then any user category columns).
    pub fn header(&self) -> &csv::StringRecord {
        &self.header
    }

    /// The next row and its line, or `None` at the end of the file. A row whose field
    /// count differs from the header's is an error naming the line.
    pub fn next_row(&mut self) -> Result<Option<(csv::StringRecord, u64)>> {
        let mut row = csv::StringRecord::new();
        let more = self
            .reader
            .read_record(&mut row)
            .with_context(|| format!("{}: malformed CSV", self.path.display()))?;
        let line = row.position().map_or(0, |p| p.line());
        if more && row.len() != self.header.len() {
            bail!(
                "{}:{line}: {} fields where the header has {}",
                self.path.display(),
                row.len(),
                self.header.len()
            );
        }
        Ok(more.then_some((row, line)))
    }
}

/// The position of `name` in `columns` (a table's fixed columns, which
/// [`TableReader::open`] has checked are the first columns of the file).
pub fn column(columns: &[&str], name: &str) -> usize {
    columns.iter().position(|c| *c == name).unwrap_or(0)
}
