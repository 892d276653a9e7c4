//! Rows of `documents.csv` and `quotes.csv`, rendered to bytes per document so rendering
//! can run in parallel and writing stays a sequential copy.

use super::cells::{cell, CellMode};
use super::decimal::push_fixed3;
use super::row_writer::RowWriter;
use crate::attribute::Quote;
use crate::pipeline::{Analysis, Outcome};

/// Columns of `documents.csv`, in order.
pub const DOCUMENT_COLUMNS: &[&str] = &[
    "doc_id",
    "source_file",
    "line",
    "date",
    "title",
    "status",
    "message",
    "bytes",
    "paragraphs",
    "sentences",
    "quotes",
    "warnings",
];

/// Columns of `quotes.csv`, in order.
pub const QUOTE_COLUMNS: &[&str] = &[
    "doc_id",
    "quote_id",
    "kind",
    "start",
    "end",
    "fragments",
    "text",
    "paragraph",
    "sentence",
    "headline",
    "speaker_mention",
    "speaker_start",
    "speaker_end",
    "speaker",
    "speaker_type",
    "affiliation",
    "cue",
    "cue_start",
    "cue_end",
    "method",
    "confidence",
    "tone",
    "conflict",
    "certainty",
    "stance_terms",
];

/// The CSV bytes one document contributes to each table (no header rows).
#[derive(Debug, Default)]
pub struct Rendered {
    pub documents: Vec<u8>,
    pub quotes: Vec<u8>,
}

/// Renders one outcome's rows; `mode` says whether text cells are neutralised for
/// spreadsheets (see [`super::cells`]).
pub fn render(outcome: &Outcome, mode: CellMode) -> Rendered {
    match outcome {
        Outcome::Ok(a) => Rendered {
            documents: document_row(a, mode),
            quotes: quote_rows(a, mode),
        },
        Outcome::Failed(e) => {
            let mut w = RowWriter::with_capacity(256);
            let mut num = itoa::Buffer::new();
            w.field(&cell(&e.id, mode));
            w.field(&cell(&e.source_file, mode));
            w.plain(e.line.map_or("", |l| num.format(l)));
            w.field("");
            w.field("");
            w.field("error");
            w.field(&cell(&format!("{}: {}", e.location, e.message), mode));
            for _ in 0..5 {
                w.plain("0");
            }
            w.end_record();
            Rendered {
                documents: w.into_bytes(),
                quotes: Vec::new(),
            }
        }
    }
}

fn document_row(a: &Analysis, mode: CellMode) -> Vec<u8> {
    let m = &a.doc.meta;
    let mut w = RowWriter::with_capacity(256);
    let mut num = itoa::Buffer::new();
    w.field(&cell(&m.id, mode));
    w.field(&cell(&m.source_file, mode));
    w.plain(m.line.map_or("", |l| num.format(l)));
    w.field(&cell(m.date.as_deref().unwrap_or(""), mode));
    w.field(&cell(m.title.as_deref().unwrap_or(""), mode));
    w.field("ok");
    w.field(&cell(&a.warnings.join(" | "), mode));
    w.plain(num.format(a.doc.text.len()));
    w.plain(num.format(a.paragraphs));
    w.plain(num.format(a.sentences));
    w.plain(num.format(a.quotes.len()));
    w.plain(num.format(a.warnings.len()));
    w.end_record();
    w.into_bytes()
}

fn quote_rows(a: &Analysis, mode: CellMode) -> Vec<u8> {
    let text = a.doc.text.as_str();
    // About 400 bytes a row with its text.
    let mut w = RowWriter::with_capacity(a.quotes.len() * 400);
    let doc_id = cell(&a.doc.meta.id, mode);
    for (i, q) in a.quotes.iter().enumerate() {
        write_quote(&mut w, text, &doc_id, i, q, mode);
    }
    w.into_bytes()
}

/// Writes one quote row field by field: numbers through a stack buffer, text straight from
/// the document, so a row costs no allocation beyond the joined content of split quotes
/// (and the neutralised copy of a text cell that starts like a formula). `doc_id` is
/// already neutralised.
fn write_quote(
    w: &mut RowWriter,
    text: &str,
    doc_id: &str,
    index: usize,
    q: &Quote,
    mode: CellMode,
) {
    let mut num = itoa::Buffer::new();
    let span = q.span();
    let text_field = |w: &mut RowWriter, s: &str| w.field(&cell(s, mode));
    w.field(doc_id);
    let mut scratch = String::with_capacity(32);
    scratch.push('q');
    scratch.push_str(num.format(index + 1));
    w.plain(&scratch);
    w.field(q.kind.as_str());
    w.plain(num.format(span.start));
    w.plain(num.format(span.end));
    scratch.clear();
    for (k, f) in q.fragments.iter().enumerate() {
        if k > 0 {
            scratch.push(';');
        }
        scratch.push_str(num.format(f.start));
        scratch.push('-');
        scratch.push_str(num.format(f.end));
    }
    w.plain(&scratch);
    match q.fragments.as_slice() {
        [one] => text_field(w, one.slice(text)),
        many => {
            let joined: Vec<&str> = many.iter().map(|f| f.slice(text)).collect();
            text_field(w, &joined.join(" "));
        }
    }
    w.plain(num.format(q.paragraph));
    w.plain(num.format(q.sentence));
    w.plain(if q.headline { "true" } else { "false" });
    let speaker = q.speaker.as_ref();
    text_field(w, speaker.map_or("", |s| s.mention.slice(text)));
    match speaker {
        Some(s) => {
            w.plain(num.format(s.mention.start));
            w.plain(num.format(s.mention.end));
        }
        None => {
            w.plain("");
            w.plain("");
        }
    }
    text_field(w, speaker.and_then(|s| s.name.as_deref()).unwrap_or(""));
    w.field(speaker.map_or("", |s| s.kind.as_str()));
    text_field(
        w,
        speaker.and_then(|s| s.affiliation.as_deref()).unwrap_or(""),
    );
    text_field(w, q.cue.map_or("", |c| c.slice(text)));
    match q.cue {
        Some(c) => {
            w.plain(num.format(c.start));
            w.plain(num.format(c.end));
        }
        None => {
            w.plain("");
            w.plain("");
        }
    }
    w.field(q.method);
    scratch.clear();
    push_fixed3(&mut scratch, f64::from(q.confidence));
    w.plain(&scratch);
    match &q.stance {
        Some(st) => {
            for v in [st.tone, st.conflict, st.certainty] {
                scratch.clear();
                push_fixed3(&mut scratch, v);
                w.plain(&scratch);
            }
            text_field(w, &st.terms);
        }
        None => {
            for _ in 0..4 {
                w.plain("");
            }
        }
    }
    if let Some(st) = &q.stance {
        for count in &st.categories {
            w.plain(num.format(*count));
            scratch.clear();
            push_fixed3(&mut scratch, f64::from(*count) / f64::from(st.words.max(1)));
            w.plain(&scratch);
        }
    }
    w.end_record();
}
