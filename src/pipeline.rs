//! One document through every stage, and a corpus through the pipeline in ordered,
//! bounded parallel batches.

use crate::attribute::{attribute, Quote};
use crate::corpus::{Record, RecordError};
use crate::document::Document;
use crate::lexicon::Lexicons;
use crate::segment::{segment, MAX_TEXT_BYTES};
use crate::stance::score_quotes;
use rayon::prelude::*;

/// Everything the pipeline found in one document.
#[derive(Debug, Clone)]
pub struct Analysis {
    pub doc: Document,
    pub paragraphs: usize,
    pub sentences: usize,
    pub quotes: Vec<Quote>,
    /// Reader and segmenter warnings together.
    pub warnings: Vec<String>,
}

/// The result of one input record: analysed, or unusable with a reason.
#[derive(Debug, Clone)]
pub enum Outcome {
    Ok(Analysis),
    Failed(RecordError),
}

/// Runs every stage on one document.
pub fn analyze(doc: Document, lex: &Lexicons) -> Analysis {
    let seg = segment(&doc, lex);
    let mut quotes = attribute(&doc, &seg, lex);
    score_quotes(&doc, &seg, &mut quotes, lex);
    let mut warnings = doc.warnings.clone();
    warnings.extend(text_warnings(&doc.text));
    warnings.extend(seg.warnings);
    Analysis {
        paragraphs: seg.paragraphs.len(),
        sentences: seg.sentences.len(),
        quotes,
        warnings,
        doc,
    }
}

/// [`analyze`], with a bug in a rule confined to its document: a panic becomes that
/// document's failure (named in documents.csv and on stderr) and the run goes on.
fn analyze_isolated(doc: Document, lex: &Lexicons) -> Outcome {
    let (id, file, line) = (
        doc.meta.id.clone(),
        doc.meta.source_file.clone(),
        doc.meta.line,
    );
    isolated(&id, &file, line, || analyze(doc, lex))
}

/// Runs `work` for the record `id` (at `file`:`line`), turning a panic into its failure.
fn isolated(id: &str, file: &str, line: Option<u64>, work: impl FnOnce() -> Analysis) -> Outcome {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)) {
        Ok(analysis) => Outcome::Ok(analysis),
        Err(panic) => {
            let reason = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown cause".to_string());
            Outcome::Failed(RecordError::new(
                id.to_string(),
                file,
                line,
                format!(
                    "internal error while analysing the document (a whosaid bug, please \
                     report it): {reason}"
                ),
            ))
        }
    }
}

/// Warnings about the text itself: empty, or holding control characters (NUL and other
/// C0 controls except tab and line breaks, DEL), which are kept as they are.
fn text_warnings(text: &str) -> Option<String> {
    if text.trim().is_empty() {
        return Some("empty text".to_string());
    }
    let controls = count_controls(text.as_bytes());
    (controls > 0)
        .then(|| format!("{controls} control characters (NUL, other C0 or DEL) kept in the text"))
}

/// True for a control byte that [`text_warnings`] reports: C0 other than tab, line feed
/// and carriage return, or DEL. Written with `&` and `|` rather than `&&` and `||` so a
/// loop over it compiles to vector compares with no branch per byte.
#[inline(always)]
fn is_reported_control(b: u8) -> bool {
    (b < 0x20) & (b != b'\t') & (b != b'\n') & (b != b'\r') | (b == 0x7f)
}

/// Bytes per block of [`count_controls`]: the per-block count fits in a `u8`.
const CONTROL_BLOCK: usize = 128;

/// How many bytes of `bytes` are reported controls ([`is_reported_control`]). Every
/// document's text goes through here, so it counts a block at a time into a byte-wide
/// sum (vectorised, no branch per byte) instead of testing byte by byte.
fn count_controls(bytes: &[u8]) -> usize {
    let mut blocks = bytes.chunks_exact(CONTROL_BLOCK);
    let mut count = 0usize;
    for block in &mut blocks {
        let in_block: u8 = block
            .iter()
            .fold(0u8, |n, &b| n + u8::from(is_reported_control(b)));
        count += usize::from(in_block);
    }
    count
        + blocks
            .remainder()
            .iter()
            .filter(|&&b| is_reported_control(b))
            .count()
}

/// Documents per batch: enough to keep every thread busy, few enough to bound memory.
pub const BATCH_DOCS: usize = 256;
/// Text bytes per batch.
pub const BATCH_BYTES: usize = 32 << 20;

/// Reads `records` in bounded batches, analyses each batch in parallel on the current
/// rayon pool, and hands the outcomes to `sink` in input order.
pub fn run_batches<I, F, E>(records: I, lex: &Lexicons, mut sink: F) -> Result<(), E>
where
    I: IntoIterator<Item = Record>,
    F: FnMut(&[Outcome], u64) -> Result<(), E>,
{
    for_each_batch(
        records,
        lex,
        |_| (),
        |outcomes, _, input_bytes| sink(&outcomes, input_bytes),
    )
}

/// [`run_batches`] with each outcome also `prepare`d (say, rendered to CSV rows) in the
/// task that analysed it, as `whosaid run` does; `sink` gets the outcomes and what was
/// made of them, in input order.
pub fn run_batches_prepared<I, P, T, F, E>(
    records: I,
    lex: &Lexicons,
    prepare: P,
    mut sink: F,
) -> Result<(), E>
where
    I: IntoIterator<Item = Record>,
    P: Fn(&Outcome) -> T + Sync,
    T: Send,
    F: FnMut(&[Outcome], &[T], u64) -> Result<(), E>,
{
    for_each_batch(records, lex, prepare, |outcomes, prepared, input_bytes| {
        sink(&outcomes, &prepared, input_bytes)
    })
}

/// Records read on a thread of their own, started as soon as the inputs are known: the
/// first batch is read while the rest of the run gets ready (the lexicons are parsed, the
/// output opened), and reading then goes on beside the analysis. At most [`BATCH_DOCS`]
/// records wait to be taken. Dropped without [`run_pipelined`], it lets the reader stop at
/// its next record.
pub struct ReadAhead {
    records: std::sync::mpsc::Receiver<Record>,
    reader: std::thread::JoinHandle<()>,
}

impl ReadAhead {
    /// Starts iterating `records()` on a new thread (the iterator is made there, so it
    /// need not be `Send`).
    pub fn spawn<M, I>(records: M) -> ReadAhead
    where
        M: FnOnce() -> I + Send + 'static,
        I: IntoIterator<Item = Record>,
    {
        let (record_tx, record_rx) = std::sync::mpsc::sync_channel::<Record>(BATCH_DOCS);
        let reader = std::thread::spawn(move || {
            for record in records() {
                if record_tx.send(record).is_err() {
                    break; // the run stopped
                }
            }
        });
        ReadAhead {
            records: record_rx,
            reader,
        }
    }
}

/// [`run_batches`] with reading, analysis and writing overlapped: the records come from
/// the reader thread of `records`, each document of a batch is analysed and `prepare`d
/// (say, rendered to CSV rows) in the same task on the current rayon pool, while its
/// analysis is still in cache, and `sink` consumes the batches in input order on another
/// thread while the next batch is analysed. Reading and writing are serial work; run in
/// line with the analysis they would leave the pool's threads idle. At most one batch
/// waits on each side, so memory stays bounded. The first error of `sink` stops the run
/// and is returned; a panic of the reader is resumed here.
pub fn run_pipelined<P, T, S, E>(
    records: ReadAhead,
    lex: &Lexicons,
    prepare: P,
    sink: S,
) -> Result<(), E>
where
    P: Fn(&Outcome) -> T + Sync,
    T: Send,
    S: FnMut(Vec<Outcome>, Vec<T>, u64) -> Result<(), E> + Send,
    E: Send,
{
    let ReadAhead { records, reader } = records;
    let written = std::thread::scope(|scope| {
        let (batch_tx, batch_rx) = std::sync::mpsc::sync_channel::<(Vec<Outcome>, Vec<T>, u64)>(1);
        let writer = scope.spawn(move || {
            let mut sink = sink;
            for (outcomes, prepared, input_bytes) in batch_rx {
                sink(outcomes, prepared, input_bytes)?;
            }
            Ok(())
        });
        // An error here only means the writer stopped; its own error is the one to report.
        // The records are dropped with the loop, so a reader still going stops.
        let _ = for_each_batch(records, lex, prepare, |outcomes, prepared, input_bytes| {
            batch_tx.send((outcomes, prepared, input_bytes))
        });
        drop(batch_tx);
        match writer.join() {
            Ok(result) => result,
            Err(panic) => std::panic::resume_unwind(panic),
        }
    });
    match reader.join() {
        Ok(()) => written,
        Err(panic) => std::panic::resume_unwind(panic),
    }
}

/// The batch loop behind [`run_batches`] and [`run_pipelined`]: owned outcomes per batch,
/// each with what `prepare` made of it in the task that produced it, in input order.
fn for_each_batch<I, P, T, F, E>(
    records: I,
    lex: &Lexicons,
    prepare: P,
    mut sink: F,
) -> Result<(), E>
where
    I: IntoIterator<Item = Record>,
    P: Fn(&Outcome) -> T + Sync,
    T: Send,
    F: FnMut(Vec<Outcome>, Vec<T>, u64) -> Result<(), E>,
{
    let mut records = records.into_iter();
    loop {
        let mut batch = Vec::new();
        let mut batch_bytes = 0usize;
        let mut input_bytes = 0u64;
        for record in records.by_ref() {
            input_bytes += record.input_bytes;
            batch_bytes += record.result.as_ref().map_or(0, |d| d.text.len());
            batch.push(record.result);
            if batch.len() >= BATCH_DOCS || batch_bytes >= BATCH_BYTES {
                break;
            }
        }
        if batch.is_empty() {
            return Ok(());
        }
        let (outcomes, prepared): (Vec<Outcome>, Vec<T>) = batch
            .into_par_iter()
            .map(|r| match r {
                Ok(doc) if doc.text.len() >= MAX_TEXT_BYTES => Outcome::Failed(RecordError::new(
                    doc.meta.id.clone(),
                    &doc.meta.source_file,
                    doc.meta.line,
                    format!(
                        "document of {} bytes exceeds the 4 GiB limit",
                        doc.text.len()
                    ),
                )),
                Ok(doc) => analyze_isolated(doc, lex),
                Err(e) => Outcome::Failed(e),
            })
            .map(|outcome| {
                let prepared = prepare(&outcome);
                (outcome, prepared)
            })
            .unzip();
        sink(outcomes, prepared, input_bytes)?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_count_matches_the_byte_test() {
        // Every byte value, at every position of a block and across block boundaries.
        let all: Vec<u8> = (0..=255u8).collect();
        let mut text = Vec::new();
        for round in 0..3 {
            text.extend(all.iter().cycle().skip(round * 37).take(1000));
            text.extend(std::iter::repeat_n(0u8, CONTROL_BLOCK * 2 + round));
        }
        for len in [0, 1, 127, 128, 129, 255, 256, 300, text.len()] {
            let slice = &text[..len];
            let expected = slice
                .iter()
                .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0x7f)
                .count();
            assert_eq!(count_controls(slice), expected, "length {len}");
        }
    }

    #[test]
    fn a_panic_in_the_analysis_fails_only_its_document() {
        let outcome = isolated("doc-7", "news.jsonl", Some(7), || {
            panic!("index out of bounds: the len is 3 but the index is 5")
        });
        let Outcome::Failed(e) = outcome else {
            panic!("a panicking analysis must become a failed record");
        };
        assert_eq!(e.id, "doc-7");
        assert_eq!(e.location, "news.jsonl:7");
        assert!(e.message.contains("internal error"), "{}", e.message);
        assert!(e.message.contains("index out of bounds"), "{}", e.message);
    }
}
