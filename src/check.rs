//! Invariant checks over the whole pipeline, shared by the fuzz target (`fuzz/`), the
//! property tests and the fuzz regression tests: raw bytes go through a corpus reader,
//! every stage and the CSV rows, and every span that reaches a table is checked.

use crate::corpus::{read_bytes, InputFormat, ReadOptions};
use crate::document::Span;
use crate::lexicon::Lexicons;
use crate::output::{render, CellMode};
use crate::pipeline::{analyze, Analysis, Outcome};

/// The input format a fuzz input's first byte selects (`byte % 3`: txt, JSONL, CSV).
pub fn format_for(selector: u8) -> InputFormat {
    match selector % 3 {
        0 => InputFormat::Txt,
        1 => InputFormat::Jsonl,
        _ => InputFormat::Csv,
    }
}

/// The `--max-doc-bytes` a fuzz input's first byte selects (`byte / 3 % 4`: the default,
/// 64, 256 or 1024 bytes), so the fuzzer also exercises records cut at the limit.
pub fn limit_for(selector: u8) -> ReadOptions {
    let max_doc_bytes = match (selector / 3) % 4 {
        0 => crate::corpus::DEFAULT_MAX_DOC_BYTES,
        1 => 64,
        2 => 256,
        _ => 1024,
    };
    ReadOptions {
        max_doc_bytes,
        ..ReadOptions::default()
    }
}

/// Runs `data` (first byte: format and limit, see [`format_for`] and [`limit_for`]; rest:
/// the file) through reading, analysis and rendering, and panics when an invariant
/// breaks. Returns the number of records read (each one analysed or reported as an error,
/// none lost).
pub fn check_pipeline_invariants(data: &[u8]) -> usize {
    let Some((&selector, body)) = data.split_first() else {
        return 0;
    };
    check_bytes_with(body, format_for(selector), limit_for(selector))
}

/// Like [`check_pipeline_invariants`] with the format given explicitly.
pub fn check_bytes(body: &[u8], format: InputFormat) -> usize {
    check_bytes_with(body, format, ReadOptions::default())
}

/// Like [`check_bytes`] with reading limits (a small `max_doc_bytes` exercises the cuts).
pub fn check_bytes_with(body: &[u8], format: InputFormat, options: ReadOptions) -> usize {
    let lex = Lexicons::embedded();
    let mut records = 0;
    for record in read_bytes(body.to_vec(), format, "fuzz", options) {
        records += 1;
        let outcome = match record.result {
            Ok(doc) => {
                let analysis = analyze(doc, lex);
                check_analysis(&analysis);
                Outcome::Ok(analysis)
            }
            Err(e) => Outcome::Failed(e),
        };
        let rows = render(&outcome, CellMode::Safe);
        let documents = count_csv_records(&rows.documents);
        assert_eq!(documents, 1, "one documents.csv row per record");
        let quotes = count_csv_records(&rows.quotes);
        let expected = match &outcome {
            Outcome::Ok(a) => a.quotes.len(),
            Outcome::Failed(_) => 0,
        };
        assert_eq!(quotes, expected, "one quotes.csv row per quote");
    }
    records
}

fn count_csv_records(bytes: &[u8]) -> usize {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut n = 0;
    for record in reader.byte_records() {
        assert!(record.is_ok(), "rendered rows are valid CSV: {record:?}");
        n += 1;
    }
    n
}

fn check_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} {span:?} out of bounds (text of {} bytes)",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} not on char boundaries"
    );
}

/// Panics unless every quote of `a` has valid, ordered fragments and valid speaker and
/// cue spans, and its paragraph and sentence indexes exist.
pub fn check_analysis(a: &Analysis) {
    let text = a.doc.text.as_str();
    for q in &a.quotes {
        assert!(!q.fragments.is_empty(), "quote without fragments: {q:?}");
        let mut last = 0;
        for (i, f) in q.fragments.iter().enumerate() {
            check_span(text, *f, "fragment");
            assert!(
                i == 0 || f.start >= last,
                "fragments out of order: {:?}",
                q.fragments
            );
            last = f.end;
        }
        if let Some(s) = &q.speaker {
            check_span(text, s.mention, "speaker mention");
        }
        if let Some(c) = q.cue {
            check_span(text, c, "cue");
        }
        assert!(
            q.paragraph < a.paragraphs.max(1),
            "paragraph {} of {}",
            q.paragraph,
            a.paragraphs
        );
        assert!(
            q.sentence < a.sentences.max(1),
            "sentence {} of {}",
            q.sentence,
            a.sentences
        );
        if let Some(st) = &q.stance {
            for v in [st.tone, st.conflict, st.certainty] {
                assert!(v.is_finite() && (-1.0..=1.0).contains(&v), "score {v}");
            }
        }
        assert!(
            q.confidence.is_finite() && (0.0..=1.0).contains(&q.confidence),
            "confidence {}",
            q.confidence
        );
    }
}
