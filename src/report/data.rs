//! The five tables of one run, read back into typed rows for the report. Every table is
//! read through [`crate::output`]'s readers, so a missing file, a foreign header or a
//! malformed cell is an error naming the file and line.

use crate::output::{
    column, restore, CellMode, PartReader, TableReader, AFFILIATION_COLUMNS, SPEAKER_COLUMNS,
    TIMELINE_COLUMNS,
};
use anyhow::{bail, Context, Result};
use std::path::Path;
use std::str::FromStr;

/// One `documents.csv` row, with where its quotes are in [`Tables::quotes`].
#[derive(Debug, Clone, PartialEq)]
pub struct DocumentRow {
    pub id: String,
    pub source_file: String,
    pub date: String,
    pub title: String,
    /// `ok` or `error`.
    pub status: String,
    pub message: String,
    /// Length of the analysed text in bytes (to check a re-read text against).
    pub bytes: usize,
    /// Index of the document's first quote in [`Tables::quotes`].
    pub first_quote: usize,
    /// Number of quote rows.
    pub quotes: usize,
}

/// A byte span `start..end` (end-exclusive) into a document's text.
pub type ByteSpan = (usize, usize);

/// One stance term of a quote, its contributions merged over the dimensions
/// (`agreement:tone=+0.38;agreement:conflict=-0.63` becomes one term).
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    /// The lexicon entry as written in `stance_terms` (lower case).
    pub term: String,
    /// The term stood in a negator's scope.
    pub negated: bool,
    /// Contributions to tone, conflict and certainty (-1..1 scale).
    pub scores: [f64; 3],
}

/// One `quotes.csv` row, with the columns the report shows or highlights.
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteRow {
    /// Index of the quote's document in [`Tables::documents`].
    pub doc: usize,
    pub quote_id: String,
    pub kind: String,
    pub fragments: Vec<ByteSpan>,
    pub text: String,
    pub mention: String,
    pub mention_span: Option<ByteSpan>,
    pub speaker: String,
    pub speaker_type: String,
    pub affiliation: String,
    pub cue: String,
    pub cue_span: Option<ByteSpan>,
    pub method: String,
    pub confidence: f64,
    /// Tone, conflict and certainty (`None` when the quote was not scored).
    pub scores: Option<[f64; 3]>,
    pub terms: Vec<Term>,
}

/// One `speakers.csv` row.
#[derive(Debug, Clone, PartialEq)]
pub struct SpeakerRow {
    pub speaker: String,
    pub speaker_type: String,
    pub affiliation: String,
    pub quotes: u64,
    pub documents: u64,
    /// Mean tone, conflict and certainty (`None` when no quote was scored).
    pub means: Option<[f64; 3]>,
}

/// A mean with its 95% interval.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    pub mean: f64,
    pub low: f64,
    pub high: f64,
}

/// One `affiliations.csv` row.
#[derive(Debug, Clone, PartialEq)]
pub struct AffiliationRow {
    pub affiliation: String,
    pub quotes: u64,
    pub speakers: u64,
    pub documents: u64,
    /// Tone, conflict and certainty with their intervals.
    pub stance: [Estimate; 3],
    pub share_negative: f64,
}

/// One `timeline.csv` row.
#[derive(Debug, Clone, PartialEq)]
pub struct TimelineRow {
    pub affiliation: String,
    pub period: String,
    pub quotes: u64,
    /// Mean tone, conflict and certainty in the period.
    pub means: [f64; 3],
}

/// A run's tables, in file order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Tables {
    pub documents: Vec<DocumentRow>,
    pub quotes: Vec<QuoteRow>,
    pub speakers: Vec<SpeakerRow>,
    pub affiliations: Vec<AffiliationRow>,
    pub timeline: Vec<TimelineRow>,
}

/// The dimensions in the order of every `[f64; 3]` here.
pub const DIMENSIONS: [&str; 3] = ["tone", "conflict", "certainty"];

impl Tables {
    /// Reads the five tables of `dir`, written with text cells under `mode` (as the
    /// run's `--raw-csv` said). All of them are opened before any is read, so a missing
    /// table is reported first.
    pub fn read(dir: &Path, mode: CellMode) -> Result<Tables> {
        if !dir.is_dir() {
            bail!(
                "{} is not a directory (give the --out directory of a whosaid run)",
                dir.display()
            );
        }
        let mut parts = PartReader::open(dir, mode)?;
        let speakers = TableReader::open(dir, "speakers.csv", SPEAKER_COLUMNS)?;
        let affiliations = TableReader::open(dir, "affiliations.csv", AFFILIATION_COLUMNS)?;
        let timeline = TableReader::open(dir, "timeline.csv", TIMELINE_COLUMNS)?;
        let mut tables = Tables::default();
        while let Some(doc) = parts.next_document()? {
            let path = doc.quotes_path().to_path_buf();
            let index = tables.documents.len();
            let first_quote = tables.quotes.len();
            for q in doc.quotes() {
                let at = Cells {
                    path: &path,
                    line: q.line(),
                };
                let scores = if q.cell("tone").is_empty() {
                    None
                } else {
                    Some([
                        at.number("tone", q.cell("tone"))?,
                        at.number("conflict", q.cell("conflict"))?,
                        at.number("certainty", q.cell("certainty"))?,
                    ])
                };
                tables.quotes.push(QuoteRow {
                    doc: index,
                    quote_id: q.cell("quote_id").to_string(),
                    kind: q.cell("kind").to_string(),
                    fragments: at.fragments(q.cell("fragments"))?,
                    text: q.cell("text").to_string(),
                    mention: q.cell("speaker_mention").to_string(),
                    mention_span: at.span(
                        "speaker_start",
                        q.cell("speaker_start"),
                        q.cell("speaker_end"),
                    )?,
                    speaker: q.cell("speaker").to_string(),
                    speaker_type: q.cell("speaker_type").to_string(),
                    affiliation: q.cell("affiliation").to_string(),
                    cue: q.cell("cue").to_string(),
                    cue_span: at.span("cue_start", q.cell("cue_start"), q.cell("cue_end"))?,
                    method: q.cell("method").to_string(),
                    confidence: at.number("confidence", q.cell("confidence"))?,
                    scores,
                    terms: parse_terms(q.cell("stance_terms")),
                });
            }
            let documents_path = dir.join("documents.csv");
            let bytes = doc.cell("bytes");
            tables.documents.push(DocumentRow {
                id: doc.cell("doc_id").to_string(),
                source_file: doc.cell("source_file").to_string(),
                date: doc.cell("date").to_string(),
                title: doc.cell("title").to_string(),
                status: doc.cell("status").to_string(),
                message: doc.cell("message").to_string(),
                bytes: bytes.parse().with_context(|| {
                    format!(
                        "{}: document {}: bytes {bytes:?} is not a number",
                        documents_path.display(),
                        doc.cell("doc_id")
                    )
                })?,
                first_quote,
                quotes: tables.quotes.len() - first_quote,
            });
        }
        tables.speakers = read_rows(speakers, mode, speaker_row)?;
        tables.affiliations = read_rows(affiliations, mode, affiliation_row)?;
        tables.timeline = read_rows(timeline, mode, timeline_row)?;
        Ok(tables)
    }

    /// The quotes of document `doc`.
    pub fn quotes_of(&self, doc: &DocumentRow) -> &[QuoteRow] {
        &self.quotes[doc.first_quote..doc.first_quote + doc.quotes]
    }
}

/// Where a row's cells come from, for messages; parses numbers and spans.
struct Cells<'a> {
    path: &'a Path,
    line: u64,
}

impl Cells<'_> {
    fn number<T: FromStr>(&self, name: &str, cell: &str) -> Result<T> {
        match cell.trim().parse::<T>() {
            Ok(v) => Ok(v),
            Err(_) => bail!(
                "{}:{}: {name} {cell:?} is not a number",
                self.path.display(),
                self.line
            ),
        }
    }

    fn score(&self, name: &str, cell: &str) -> Result<f64> {
        let v: f64 = self.number(name, cell)?;
        if !v.is_finite() {
            bail!(
                "{}:{}: {name} {cell:?} is not a finite number",
                self.path.display(),
                self.line
            );
        }
        Ok(v)
    }

    /// Start and end cells of an optional span (both empty: none).
    fn span(&self, name: &str, start: &str, end: &str) -> Result<Option<ByteSpan>> {
        if start.is_empty() && end.is_empty() {
            return Ok(None);
        }
        let span = (self.number(name, start)?, self.number(name, end)?);
        self.ordered(name, span)?;
        Ok(Some(span))
    }

    /// `s-e;s-e` fragment cells.
    fn fragments(&self, cell: &str) -> Result<Vec<ByteSpan>> {
        cell.split(';')
            .filter(|f| !f.is_empty())
            .map(|f| {
                let Some((s, e)) = f.split_once('-') else {
                    bail!(
                        "{}:{}: fragments {cell:?} is not a list of start-end offsets",
                        self.path.display(),
                        self.line
                    );
                };
                let span = (self.number("fragments", s)?, self.number("fragments", e)?);
                self.ordered("fragments", span)?;
                Ok(span)
            })
            .collect()
    }

    fn ordered(&self, name: &str, (start, end): ByteSpan) -> Result<()> {
        if start > end {
            bail!(
                "{}:{}: {name}: span {start}-{end} ends before it starts",
                self.path.display(),
                self.line
            );
        }
        Ok(())
    }
}

/// One row of an aggregate table: its cells by column name (text cells restored under
/// the table's [`CellMode`]) and its location for messages.
struct Row<'a> {
    record: &'a csv::StringRecord,
    names: &'a [&'a str],
    mode: CellMode,
    at: Cells<'a>,
}

impl Row<'_> {
    fn get(&self, name: &str) -> &str {
        let cell = &self.record[column(self.names, name)];
        match self.mode {
            CellMode::Safe => restore(cell),
            CellMode::Raw => cell,
        }
    }

    fn count(&self, name: &str) -> Result<u64> {
        self.at.number(name, self.get(name))
    }

    fn score(&self, name: &str) -> Result<f64> {
        self.at.score(name, self.get(name))
    }

    fn scores(&self, names: [&str; 3]) -> Result<[f64; 3]> {
        Ok([
            self.score(names[0])?,
            self.score(names[1])?,
            self.score(names[2])?,
        ])
    }
}

/// Reads every row of `table` with `make`.
fn read_rows<T>(
    mut table: TableReader,
    mode: CellMode,
    make: fn(&Row<'_>) -> Result<T>,
) -> Result<Vec<T>> {
    let path = table.path().to_path_buf();
    let columns: Vec<String> = table.header().iter().map(str::to_string).collect();
    let names: Vec<&str> = columns.iter().map(String::as_str).collect();
    let mut rows = Vec::new();
    while let Some((record, line)) = table.next_row()? {
        rows.push(make(&Row {
            record: &record,
            names: &names,
            mode,
            at: Cells { path: &path, line },
        })?);
    }
    Ok(rows)
}

const MEANS: [&str; 3] = ["mean_tone", "mean_conflict", "mean_certainty"];

fn speaker_row(row: &Row<'_>) -> Result<SpeakerRow> {
    Ok(SpeakerRow {
        speaker: row.get("speaker").to_string(),
        speaker_type: row.get("speaker_type").to_string(),
        affiliation: row.get("affiliation").to_string(),
        quotes: row.count("quotes")?,
        documents: row.count("documents")?,
        means: if row.get("mean_tone").is_empty() {
            None
        } else {
            Some(row.scores(MEANS)?)
        },
    })
}

fn affiliation_row(row: &Row<'_>) -> Result<AffiliationRow> {
    let estimate = |d: &str| -> Result<Estimate> {
        Ok(Estimate {
            mean: row.score(&format!("mean_{d}"))?,
            low: row.score(&format!("{d}_ci_low"))?,
            high: row.score(&format!("{d}_ci_high"))?,
        })
    };
    Ok(AffiliationRow {
        affiliation: row.get("affiliation").to_string(),
        quotes: row.count("quotes")?,
        speakers: row.count("speakers")?,
        documents: row.count("documents")?,
        stance: [
            estimate(DIMENSIONS[0])?,
            estimate(DIMENSIONS[1])?,
            estimate(DIMENSIONS[2])?,
        ],
        share_negative: row.score("share_negative")?,
    })
}

fn timeline_row(row: &Row<'_>) -> Result<TimelineRow> {
    Ok(TimelineRow {
        affiliation: row.get("affiliation").to_string(),
        period: row.get("period").to_string(),
        quotes: row.count("quotes")?,
        means: row.scores(MEANS)?,
    })
}

/// Parses a `stance_terms` cell (`concern:tone=-0.25;threat(negated):conflict=-0.37`)
/// into one [`Term`] per term, in order of first appearance. Pieces that do not parse
/// are skipped: the terms only decide what the report highlights.
pub fn parse_terms(cell: &str) -> Vec<Term> {
    let mut terms: Vec<Term> = Vec::new();
    for piece in cell.split(';') {
        let Some((term, contribution)) = piece.rsplit_once(':') else {
            continue;
        };
        let Some((dimension, value)) = contribution.split_once('=') else {
            continue;
        };
        let Some(d) = DIMENSIONS.iter().position(|n| *n == dimension) else {
            continue;
        };
        let Ok(value) = value.parse::<f64>() else {
            continue;
        };
        let (term, negated) = match term.strip_suffix("(negated)") {
            Some(t) => (t, true),
            None => (term, false),
        };
        if term.is_empty() || !value.is_finite() {
            continue;
        }
        match terms
            .iter_mut()
            .find(|t| t.term == term && t.negated == negated)
        {
            Some(t) => t.scores[d] += value,
            None => {
                let mut scores = [0.0; 3];
                scores[d] = value;
                terms.push(Term {
                    term: term.to_string(),
                    negated,
                    scores,
                });
            }
        }
    }
    terms
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stance_terms_merge_per_term_and_skip_broken_pieces() {
        let terms = parse_terms(
            "agreement:tone=+0.38;agreement:conflict=-0.63;threat(negated):conflict=-0.37;broken;x:size=1",
        );
        assert_eq!(
            terms,
            vec![
                Term {
                    term: "agreement".into(),
                    negated: false,
                    scores: [0.38, -0.63, 0.0]
                },
                Term {
                    term: "threat".into(),
                    negated: true,
                    scores: [0.0, -0.37, 0.0]
                },
            ]
        );
        assert!(parse_terms("").is_empty());
    }
}
