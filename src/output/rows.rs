//! Rows of `documents.csv` and `quotes.csv`, rendered to bytes per document so rendering
//! can run in parallel and writing stays a sequential copy.

use super::cells::{cell, CellMode};
use super::decimal::push_fixed3;
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

fn writer() -> csv::Writer<Vec<u8>> {
    // A small buffer: the default 64 KB would be allocated and zeroed for every document.
    csv::WriterBuilder::new()
        .has_headers(false)
        .buffer_capacity(1024)
        .from_writer(Vec::new())
}

fn into_bytes(w: csv::Writer<Vec<u8>>) -> Vec<u8> {
    // Flushing into a Vec cannot fail.
    w.into_inner().unwrap_or_default()
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
            let mut w = writer();
            let line = e.line.map(|l| l.to_string()).unwrap_or_default();
            // Writing into a Vec cannot fail.
            let _ = w.write_record([
                cell(&e.id, mode).as_ref(),
                &cell(&e.source_file, mode),
                &line,
                "",
                "",
                "error",
                &cell(&format!("{}: {}", e.location, e.message), mode),
                "0",
                "0",
                "0",
                "0",
                "0",
            ]);
            Rendered {
                documents: into_bytes(w),
                quotes: Vec::new(),
            }
        }
    }
}

fn document_row(a: &Analysis, mode: CellMode) -> Vec<u8> {
    let m = &a.doc.meta;
    let mut w = writer();
    let _ = w.write_record([
        cell(&m.id, mode).as_ref(),
        &cell(&m.source_file, mode),
        &m.line.map(|l| l.to_string()).unwrap_or_default(),
        &cell(m.date.as_deref().unwrap_or(""), mode),
        &cell(m.title.as_deref().unwrap_or(""), mode),
        "ok",
        &cell(&a.warnings.join(" | "), mode),
        &a.doc.text.len().to_string(),
        &a.paragraphs.to_string(),
        &a.sentences.to_string(),
        &a.quotes.len().to_string(),
        &a.warnings.len().to_string(),
    ]);
    into_bytes(w)
}

fn quote_rows(a: &Analysis, mode: CellMode) -> Vec<u8> {
    let text = a.doc.text.as_str();
    let mut w = writer();
    let doc_id = cell(&a.doc.meta.id, mode);
    for (i, q) in a.quotes.iter().enumerate() {
        write_quote(&mut w, text, &doc_id, i, q, mode);
    }
    into_bytes(w)
}

/// Writes one quote row field by field: numbers through a stack buffer, text straight from
/// the document, so a row costs no allocation beyond the joined content of split quotes
/// (and the neutralised copy of a text cell that starts like a formula). `doc_id` is
/// already neutralised.
fn write_quote(
    w: &mut csv::Writer<Vec<u8>>,
    text: &str,
    doc_id: &str,
    index: usize,
    q: &Quote,
    mode: CellMode,
) {
    let mut num = itoa::Buffer::new();
    let span = q.span();
    let field = |w: &mut csv::Writer<Vec<u8>>, s: &str| {
        let _ = w.write_field(s);
    };
    let text_field = |w: &mut csv::Writer<Vec<u8>>, s: &str| {
        let _ = w.write_field(cell(s, mode).as_bytes());
    };
    field(w, doc_id);
    let mut scratch = String::with_capacity(32);
    scratch.push('q');
    scratch.push_str(num.format(index + 1));
    field(w, &scratch);
    field(w, q.kind.as_str());
    field(w, num.format(span.start));
    field(w, num.format(span.end));
    scratch.clear();
    for (k, f) in q.fragments.iter().enumerate() {
        if k > 0 {
            scratch.push(';');
        }
        scratch.push_str(num.format(f.start));
        scratch.push('-');
        scratch.push_str(num.format(f.end));
    }
    field(w, &scratch);
    match q.fragments.as_slice() {
        [one] => text_field(w, one.slice(text)),
        many => {
            let joined: Vec<&str> = many.iter().map(|f| f.slice(text)).collect();
            text_field(w, &joined.join(" "));
        }
    }
    field(w, num.format(q.paragraph));
    field(w, num.format(q.sentence));
    field(w, if q.headline { "true" } else { "false" });
    let speaker = q.speaker.as_ref();
    text_field(w, speaker.map_or("", |s| s.mention.slice(text)));
    match speaker {
        Some(s) => {
            field(w, num.format(s.mention.start));
            field(w, num.format(s.mention.end));
        }
        None => {
            field(w, "");
            field(w, "");
        }
    }
    text_field(w, speaker.and_then(|s| s.name.as_deref()).unwrap_or(""));
    field(w, speaker.map_or("", |s| s.kind.as_str()));
    text_field(
        w,
        speaker.and_then(|s| s.affiliation.as_deref()).unwrap_or(""),
    );
    text_field(w, q.cue.map_or("", |c| c.slice(text)));
    match q.cue {
        Some(c) => {
            field(w, num.format(c.start));
            field(w, num.format(c.end));
        }
        None => {
            field(w, "");
            field(w, "");
        }
    }
    field(w, q.method);
    scratch.clear();
    push_fixed3(&mut scratch, f64::from(q.confidence));
    field(w, &scratch);
    match &q.stance {
        Some(st) => {
            for v in [st.tone, st.conflict, st.certainty] {
                scratch.clear();
                push_fixed3(&mut scratch, v);
                field(w, &scratch);
            }
            text_field(w, &st.terms);
        }
        None => {
            for _ in 0..4 {
                field(w, "");
            }
        }
    }
    if let Some(st) = &q.stance {
        for count in &st.categories {
            field(w, num.format(*count));
            scratch.clear();
            push_fixed3(&mut scratch, f64::from(*count) / f64::from(st.words.max(1)));
            field(w, &scratch);
        }
    }
    let _ = w.write_record(None::<&[u8]>);
}
