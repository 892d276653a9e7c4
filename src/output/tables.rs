//! The set of output tables of one run, written atomically.

use super::affiliations::{AFFILIATION_COLUMNS, TIMELINE_COLUMNS};
use super::cells::{cell, CellMode};
use super::rows::{Rendered, DOCUMENT_COLUMNS, QUOTE_COLUMNS};
use super::speakers::SPEAKER_COLUMNS;
use super::Aggregates;
use anyhow::{Context, Result};
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use tempfile::NamedTempFile;

/// One table being written to a temporary file next to its final name.
struct Table {
    name: &'static str,
    file: BufWriter<NamedTempFile>,
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
        let mut file = BufWriter::with_capacity(1 << 20, tmp);
        let mut header = csv::Writer::from_writer(Vec::new());
        header.write_record(
            columns
                .iter()
                .copied()
                .chain(extra.iter().map(String::as_str))
                .map(|c| cell(c, mode).into_owned()),
        )?;
        file.write_all(&header.into_inner().map_err(|e| e.into_error())?)
            .with_context(|| format!("cannot write {name}"))?;
        Ok(Table { name, file, mode })
    }

    fn finish(self, dir: &Path) -> Result<PathBuf> {
        let target = dir.join(self.name);
        let tmp = self
            .file
            .into_inner()
            .map_err(|e| e.into_error())
            .with_context(|| format!("cannot write {}", target.display()))?;
        tmp.as_file()
            .sync_all()
            .with_context(|| format!("cannot write {}", target.display()))?;
        tmp.persist(&target)
            .map_err(|e| e.error)
            .with_context(|| format!("cannot move {} into place", target.display()))?;
        Ok(target)
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
        let extra: Vec<String> = categories
            .iter()
            .flat_map(|c| [c.clone(), format!("{c}_share")])
            .collect();
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

    /// Appends one document's rendered rows.
    pub fn write(&mut self, rows: &Rendered) -> Result<()> {
        self.documents
            .file
            .write_all(&rows.documents)
            .context("cannot write documents.csv")?;
        self.quotes
            .file
            .write_all(&rows.quotes)
            .context("cannot write quotes.csv")?;
        Ok(())
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
        Ok(vec![
            self.documents.finish(&self.dir)?,
            self.quotes.finish(&self.dir)?,
            self.speakers.finish(&self.dir)?,
            self.affiliations.finish(&self.dir)?,
            self.timeline.finish(&self.dir)?,
        ])
    }
}

/// Appends rows to a table.
fn write_rows(table: &mut Table, rows: Vec<Vec<String>>) -> Result<()> {
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new());
    for row in rows {
        w.write_record(row.iter().map(|c| cell(c, table.mode).into_owned()))?;
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
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
