//! The set of output tables of one run, written atomically.

use super::affiliations::{AFFILIATION_COLUMNS, TIMELINE_COLUMNS};
use super::cells::{cell, CellMode};
use super::row_writer::RowWriter;
use super::rows::{Rendered, DOCUMENT_COLUMNS, QUOTE_COLUMNS};
use super::speakers::SPEAKER_COLUMNS;
use super::Aggregates;
use anyhow::{Context, Result};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use tempfile::NamedTempFile;

/// A table's temporary file, with an optional byte budget that simulates a full disk
/// (see [`TableSet::simulate_full_disk_after`]).
struct TempTable {
    tmp: NamedTempFile,
    budget: Option<Arc<AtomicU64>>,
}

impl Write for TempTable {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if let Some(budget) = &self.budget {
            let left = budget.load(Ordering::Relaxed);
            if left < buf.len() as u64 {
                return Err(std::io::Error::new(
                    std::io::ErrorKind::StorageFull,
                    "No space left on device (simulated)",
                ));
            }
            budget.fetch_sub(buf.len() as u64, Ordering::Relaxed);
        }
        self.tmp.write(buf)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.tmp.flush()
    }
}

/// One table being written to a temporary file next to its final name.
struct Table {
    name: &'static str,
    file: BufWriter<TempTable>,
    mode: CellMode,
}

impl Table {
    fn create(dir: &Path, name: &'static str, columns: &[&str], mode: CellMode) -> Result<Table> {
        Table::create_with(dir, name, columns, &[], mode)
    }

    fn create_with(
        dir: &Path,
        name: &'static str,
        columns: &[&str],
        extra: &[String],
        mode: CellMode,
    ) -> Result<Table> {
        let tmp = tempfile::Builder::new()
            .prefix(&format!(".{name}."))
            .suffix(".tmp")
            .tempfile_in(dir)
            .with_context(|| format!("cannot create a temporary file in {}", dir.display()))?;
        let mut file = BufWriter::with_capacity(1 << 20, TempTable { tmp, budget: None });
        file.write_all(&header_row(columns, extra, mode)?)
            .with_context(|| format!("cannot write {name}"))?;
        Ok(Table { name, file, mode })
    }

    /// Flushes the table and syncs it to disk, returning the temporary file (not yet in
    /// place).
    fn flush(self, dir: &Path) -> Result<(PathBuf, NamedTempFile)> {
        let target = dir.join(self.name);
        let tmp = self
            .file
            .into_inner()
            .map_err(|e| e.into_error())
            .with_context(|| format!("cannot write {}", target.display()))?
            .tmp;
        tmp.as_file()
            .sync_all()
            .with_context(|| format!("cannot write {}", target.display()))?;
        Ok((target, tmp))
    }
}

/// The header row of a table: `columns`, then `extra` (user category columns), as CSV
/// bytes with text cells written under `mode`.
fn header_row(columns: &[&str], extra: &[String], mode: CellMode) -> Result<Vec<u8>> {
    let mut header = csv::Writer::from_writer(Vec::new());
    header.write_record(
        columns
            .iter()
            .copied()
            .chain(extra.iter().map(String::as_str))
            .map(|c| cell(c, mode).into_owned()),
    )?;
    Ok(header.into_inner().map_err(|e| e.into_error())?)
}

/// The count and share columns that user dictionary `categories` add to `quotes.csv`.
fn category_columns(categories: &[String]) -> Vec<String> {
    categories
        .iter()
        .flat_map(|c| [c.clone(), format!("{c}_share")])
        .collect()
}

/// A table that `whosaid run --emit` streams to stdout instead of writing the five
/// tables: the per-document tables, whose rows each carry their `doc_id`, so partial
/// streams can be concatenated (and merged with `whosaid merge`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StreamTable {
    /// Rows of `quotes.csv`.
    Quotes,
    /// Rows of `documents.csv`.
    Documents,
}

impl StreamTable {
    /// The table's header row, exactly as in the file `whosaid run --out` writes.
    pub fn header(self, categories: &[String], mode: CellMode) -> Result<Vec<u8>> {
        match self {
            StreamTable::Quotes => header_row(QUOTE_COLUMNS, &category_columns(categories), mode),
            StreamTable::Documents => header_row(DOCUMENT_COLUMNS, &[], mode),
        }
    }

    /// This table's share of one document's rendered rows.
    pub fn rows(self, rendered: &Rendered) -> &[u8] {
        match self {
            StreamTable::Quotes => &rendered.quotes,
            StreamTable::Documents => &rendered.documents,
        }
    }
}

/// The tables of one run: `documents.csv` and `quotes.csv` stream row by row;
/// `speakers.csv`, `affiliations.csv` and `timeline.csv` are accumulated and written at
/// the end. Dropping the set without
/// [`TableSet::finish`] removes the temporary files and leaves earlier tables untouched.
pub struct TableSet {
    dir: PathBuf,
    documents: Table,
    quotes: Table,
    speakers: Table,
    affiliations: Table,
    timeline: Table,
}

impl TableSet {
    /// Creates the output directory if needed and opens the temporary tables;
    /// `categories` are the user dictionary categories (a count and a share column each,
    /// after the fixed quote columns).
    pub fn create(dir: &Path, categories: &[String], mode: CellMode) -> Result<TableSet> {
        let extra = category_columns(categories);
        std::fs::create_dir_all(dir)
            .with_context(|| format!("cannot create output directory {}", dir.display()))?;
        Ok(TableSet {
            dir: dir.to_path_buf(),
            documents: Table::create(dir, "documents.csv", DOCUMENT_COLUMNS, mode)?,
            quotes: Table::create_with(dir, "quotes.csv", QUOTE_COLUMNS, &extra, mode)?,
            speakers: Table::create(dir, "speakers.csv", SPEAKER_COLUMNS, mode)?,
            affiliations: Table::create(dir, "affiliations.csv", AFFILIATION_COLUMNS, mode)?,
            timeline: Table::create(dir, "timeline.csv", TIMELINE_COLUMNS, mode)?,
        })
    }

    /// Makes every later write fail with "No space left on device" once `bytes` more
    /// bytes have gone to the temporary files (all tables share the budget). For tests of
    /// the full-disk path, which cannot be produced on demand otherwise.
    #[doc(hidden)]
    pub fn simulate_full_disk_after(&mut self, bytes: u64) {
        let budget = Arc::new(AtomicU64::new(bytes));
        for table in [
            &mut self.documents,
            &mut self.quotes,
            &mut self.speakers,
            &mut self.affiliations,
            &mut self.timeline,
        ] {
            table.file.get_mut().budget = Some(Arc::clone(&budget));
        }
    }

    /// Appends one document's rendered rows.
    pub fn write(&mut self, rows: &Rendered) -> Result<()> {
        self.documents
            .file
            .write_all(&rows.documents)
            .with_context(|| self.write_error("documents.csv"))?;
        self.quotes
            .file
            .write_all(&rows.quotes)
            .with_context(|| self.write_error("quotes.csv"))?;
        Ok(())
    }

    fn write_error(&self, name: &str) -> String {
        format!(
            "cannot write {} (the previous tables in {} are left as they were)",
            self.dir.join(name).display(),
            self.dir.display()
        )
    }

    /// Writes the aggregate tables, flushes every table and renames it into place;
    /// returns the final paths.
    pub fn finish(mut self, aggregates: &Aggregates) -> Result<Vec<PathBuf>> {
        write_rows(&mut self.speakers, aggregates.speakers.rows())?;
        write_rows(
            &mut self.affiliations,
            aggregates.affiliations.affiliation_rows(),
        )?;
        write_rows(&mut self.timeline, aggregates.affiliations.timeline_rows())?;
        // Every table is complete on disk before the first one is renamed, so a write
        // failure (a full disk) leaves all of the previous tables in place.
        let flushed = [
            self.documents.flush(&self.dir)?,
            self.quotes.flush(&self.dir)?,
            self.speakers.flush(&self.dir)?,
            self.affiliations.flush(&self.dir)?,
            self.timeline.flush(&self.dir)?,
        ];
        let mut paths = Vec::with_capacity(flushed.len());
        for (target, tmp) in flushed {
            tmp.persist(&target)
                .map_err(|e| e.error)
                .with_context(|| format!("cannot move {} into place", target.display()))?;
            paths.push(target);
        }
        Ok(paths)
    }
}

/// Appends rows to a table.
fn write_rows(table: &mut Table, rows: Vec<Vec<String>>) -> Result<()> {
    let mut w = RowWriter::default();
    // The cells borrow from `rows`; only a neutralised cell is a new string.
    for row in &rows {
        w.record(row.iter().map(|c| cell(c, table.mode)));
    }
    let bytes = w.into_bytes();
    table
        .file
        .write_all(&bytes)
        .with_context(|| format!("cannot write {}", table.name))
}

/// Fails early (before any work) when `dir` cannot hold the output tables.
pub fn check_writable(dir: &Path) -> Result<()> {
    if dir.exists() && !dir.is_dir() {
        anyhow::bail!(
            "output path {} exists and is not a directory",
            dir.display()
        );
    }
    std::fs::create_dir_all(dir)
        .with_context(|| format!("cannot create output directory {}", dir.display()))?;
    tempfile::Builder::new()
        .prefix(".whosaid-check.")
        .tempfile_in(dir)
        .with_context(|| format!("output directory {} is not writable", dir.display()))?;
    Ok(())
}
