//! Reading back the partial outputs of `whosaid run` (one directory per part, each with
//! `documents.csv` and `quotes.csv`) for `whosaid merge`: document by document, each
//! `documents.csv` row with the `quotes` rows that follow it in `quotes.csv`, re-rendered
//! byte for byte and turned into the [`QuoteFacts`] the aggregate tables are built from.

use super::cells::{restore, CellMode};
use super::facts::QuoteFacts;
use super::reader::{column, TableReader};
use super::rows::{Rendered, DOCUMENT_COLUMNS, QUOTE_COLUMNS};
use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};

/// The partial tables of one part directory, read in step.
pub struct PartReader {
    documents: TableReader,
    quotes: TableReader,
    mode: CellMode,
}

/// One document of a part: its `documents.csv` row and its `quotes.csv` rows.
pub struct PartDocument {
    document: csv::StringRecord,
    quotes: Vec<(csv::StringRecord, u64)>,
    quotes_path: PathBuf,
    mode: CellMode,
}

impl PartReader {
    /// Opens `dir/documents.csv` and `dir/quotes.csv`, written with cells under `mode`
    /// (`--raw-csv` or not: neutralised cells are restored only in the safe mode).
    pub fn open(dir: &Path, mode: CellMode) -> Result<PartReader> {
        Ok(PartReader {
            documents: TableReader::open(dir, "documents.csv", DOCUMENT_COLUMNS)?,
            quotes: TableReader::open(dir, "quotes.csv", QUOTE_COLUMNS)?,
            mode,
        })
    }

    /// The user dictionary categories named by the extra `quotes.csv` columns (a count
    /// and a share column each).
    pub fn categories(&self) -> Vec<String> {
        self.quotes
            .header()
            .iter()
            .skip(QUOTE_COLUMNS.len())
            .step_by(2)
            .map(|c| text(c, self.mode).to_string())
            .collect()
    }

    /// Fails unless `other` has the same table headers (same categories), naming both.
    pub fn check_same_columns(&self, other: &PartReader) -> Result<()> {
        for (a, b) in [
            (&self.documents, &other.documents),
            (&self.quotes, &other.quotes),
        ] {
            if a.header() != b.header() {
                bail!(
                    "{}:1: header differs from {}:1 (parts must come from runs with the same lexicon options)",
                    b.path().display(),
                    a.path().display()
                );
            }
        }
        Ok(())
    }

    /// The next document, with its quote rows; `None` after the last. Fails when
    /// `quotes.csv` does not hold exactly the rows `documents.csv` announces, in order.
    pub fn next_document(&mut self) -> Result<Option<PartDocument>> {
        let Some((document, doc_line)) = self.documents.next_row()? else {
            if let Some((_, line)) = self.quotes.next_row()? {
                bail!(
                    "{}:{line}: quote row after the last document of {}",
                    self.quotes.path().display(),
                    self.documents.path().display()
                );
            }
            return Ok(None);
        };
        let doc_id = &document[column(DOCUMENT_COLUMNS, "doc_id")];
        let count_cell = &document[column(DOCUMENT_COLUMNS, "quotes")];
        let count: usize = count_cell.parse().with_context(|| {
            format!(
                "{}:{doc_line}: quotes count {count_cell:?} is not a number",
                self.documents.path().display()
            )
        })?;
        let mut quotes = Vec::with_capacity(count);
        for _ in 0..count {
            let Some((row, line)) = self.quotes.next_row()? else {
                bail!(
                    "{}: ends before the {count} quotes of document {doc_id} ({}:{doc_line})",
                    self.quotes.path().display(),
                    self.documents.path().display()
                );
            };
            if &row[column(QUOTE_COLUMNS, "doc_id")] != doc_id {
                bail!(
                    "{}:{line}: quote of document {} where {doc_id} ({}:{doc_line}) has {count} quotes",
                    self.quotes.path().display(),
                    &row[column(QUOTE_COLUMNS, "doc_id")],
                    self.documents.path().display()
                );
            }
            quotes.push((row, line));
        }
        Ok(Some(PartDocument {
            document,
            quotes,
            quotes_path: self.quotes.path().to_path_buf(),
            mode: self.mode,
        }))
    }
}

/// A text cell's content: neutralised cells are restored in the safe mode.
fn text(s: &str, mode: CellMode) -> &str {
    match mode {
        CellMode::Safe => restore(s),
        CellMode::Raw => s,
    }
}

fn non_empty(s: &str) -> Option<&str> {
    (!s.is_empty()).then_some(s)
}

impl PartDocument {
    /// True for an analysed document (`status` `ok`), whose quotes enter the aggregates.
    pub fn is_ok(&self) -> bool {
        &self.document[column(DOCUMENT_COLUMNS, "status")] == "ok"
    }

    /// The document's date as given in the input (`None` when empty).
    pub fn date(&self) -> Option<&str> {
        non_empty(text(
            &self.document[column(DOCUMENT_COLUMNS, "date")],
            self.mode,
        ))
    }

    /// A cell of the document's `documents.csv` row, by column name (a text cell as its
    /// text: a neutralised cell is restored in the safe mode).
    pub fn cell(&self, name: &str) -> &str {
        text(&self.document[column(DOCUMENT_COLUMNS, name)], self.mode)
    }

    /// The document's `quotes.csv` rows, in text order.
    pub fn quotes(&self) -> impl Iterator<Item = PartQuote<'_>> {
        self.quotes.iter().map(|(row, line)| PartQuote {
            row,
            line: *line,
            mode: self.mode,
        })
    }

    /// The `quotes.csv` file the document's quote rows come from, for messages.
    pub fn quotes_path(&self) -> &Path {
        &self.quotes_path
    }

    /// The aggregate facts of the document's quotes, in text order.
    pub fn facts(&self) -> Result<Vec<QuoteFacts<'_>>> {
        self.quotes
            .iter()
            .map(|(row, line)| {
                let cell = |name: &str| &row[column(QUOTE_COLUMNS, name)];
                let stance = if cell("tone").is_empty() {
                    None
                } else {
                    let mut scores = [0.0; 3];
                    for (score, name) in scores.iter_mut().zip(["tone", "conflict", "certainty"]) {
                        *score = cell(name).parse().with_context(|| {
                            format!(
                                "{}:{line}: {name} {:?} is not a number",
                                self.quotes_path.display(),
                                cell(name)
                            )
                        })?;
                    }
                    Some(scores)
                };
                Ok(QuoteFacts {
                    speaker: non_empty(text(cell("speaker"), self.mode)),
                    speaker_type: cell("speaker_type"),
                    affiliation: non_empty(text(cell("affiliation"), self.mode)),
                    mention: text(cell("speaker_mention"), self.mode),
                    stance,
                })
            })
            .collect()
    }

    /// The document's rows rendered again, byte for byte as `whosaid run` wrote them.
    pub fn rendered(&self) -> Result<Rendered> {
        let bytes = |rows: &mut dyn Iterator<Item = &csv::StringRecord>| -> Result<Vec<u8>> {
            let mut w = csv::WriterBuilder::new()
                .has_headers(false)
                .from_writer(Vec::new());
            for row in rows {
                w.write_record(row)?;
            }
            Ok(w.into_inner().map_err(|e| e.into_error())?)
        };
        Ok(Rendered {
            documents: bytes(&mut std::iter::once(&self.document))?,
            quotes: bytes(&mut self.quotes.iter().map(|(row, _)| row))?,
        })
    }
}

/// One `quotes.csv` row of a [`PartDocument`].
pub struct PartQuote<'a> {
    row: &'a csv::StringRecord,
    line: u64,
    mode: CellMode,
}

impl<'a> PartQuote<'a> {
    /// A cell by column name (a text cell as its text, as in [`PartDocument::cell`]).
    pub fn cell(&self, name: &str) -> &'a str {
        text(&self.row[column(QUOTE_COLUMNS, name)], self.mode)
    }

    /// The row's line in `quotes.csv`, for messages.
    pub fn line(&self) -> u64 {
        self.line
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A hand-written part whose text cells start like formulas: merge must see the
    /// text the run saw (restored in the safe mode, as it is in the raw mode), or the
    /// aggregate tables would group and sort different names.
    #[test]
    fn neutralised_cells_read_back_as_their_text() {
        let dir = tempfile::tempdir().unwrap();
        let docs = format!(
            "{}\n'=d1,f.txt,,'+2024-05-01,,ok,,10,1,1,1,0\n",
            DOCUMENT_COLUMNS.join(",")
        );
        let quotes = format!(
            "{}\n'=d1,q1,direct,0,5,0-5,'-x,0,0,false,'@He,6,8,'=Zed,person,'=Zeta,said,9,13,m,0.5,-0.250,0.000,1.000,\n",
            QUOTE_COLUMNS.join(",")
        );
        std::fs::write(dir.path().join("documents.csv"), docs).unwrap();
        std::fs::write(dir.path().join("quotes.csv"), &quotes).unwrap();
        for (mode, prefix) in [(CellMode::Safe, ""), (CellMode::Raw, "'")] {
            let mut part = PartReader::open(dir.path(), mode).unwrap();
            let doc = part.next_document().unwrap().unwrap();
            assert!(doc.is_ok());
            assert_eq!(doc.date(), Some(format!("{prefix}+2024-05-01").as_str()));
            let facts = doc.facts().unwrap();
            assert_eq!(facts[0].speaker, Some(format!("{prefix}=Zed").as_str()));
            assert_eq!(
                facts[0].affiliation,
                Some(format!("{prefix}=Zeta").as_str())
            );
            assert_eq!(facts[0].mention, format!("{prefix}@He"));
            assert_eq!(facts[0].stance, Some([-0.25, 0.0, 1.0]));
            let rendered = doc.rendered().unwrap();
            assert!(quotes.ends_with(std::str::from_utf8(&rendered.quotes).unwrap()));
            assert!(part.next_document().unwrap().is_none());
        }
    }
}
