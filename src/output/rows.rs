//! Rows of `documents.csv` and `quotes.csv`, rendered to bytes per document so rendering
//! can run in parallel and writing stays a sequential copy.

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

/// Renders one outcome's rows.
pub fn render(outcome: &Outcome) -> Rendered {
    match outcome {
        Outcome::Ok(a) => Rendered {
            documents: document_row(a),
            quotes: quote_rows(a),
        },
        Outcome::Failed(e) => {
            let mut w = writer();
            let line = e.line.map(|l| l.to_string()).unwrap_or_default();
            // Writing into a Vec cannot fail.
            let _ = w.write_record([
                e.id.as_str(),
                e.source_file.as_str(),
                &line,
                "",
                "",
                "error",
                &format!("{}: {}", e.location, e.message),
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

fn document_row(a: &Analysis) -> Vec<u8> {
    let m = &a.doc.meta;
    let mut w = writer();
    let _ = w.write_record([
        m.id.as_str(),
        m.source_file.as_str(),
        &m.line.map(|l| l.to_string()).unwrap_or_default(),
        m.date.as_deref().unwrap_or(""),
        m.title.as_deref().unwrap_or(""),
        "ok",
        &a.warnings.join(" | "),
        &a.doc.text.len().to_string(),
        &a.paragraphs.to_string(),
        &a.sentences.to_string(),
        &a.quotes.len().to_string(),
        &a.warnings.len().to_string(),
    ]);
    into_bytes(w)
}

fn quote_rows(a: &Analysis) -> Vec<u8> {
    let text = a.doc.text.as_str();
    let mut w = writer();
    for (i, q) in a.quotes.iter().enumerate() {
        write_quote(&mut w, text, &a.doc.meta.id, i, q);
    }
    into_bytes(w)
}

/// Appends `v` with three decimals into a reused buffer.
fn push_fixed3(out: &mut String, v: f64) {
    use std::fmt::Write as _;
    let _ = write!(out, "{v:.3}");
}

/// Writes one quote row field by field: numbers through a stack buffer, text straight from
/// the document, so a row costs no allocation beyond the joined content of split quotes.
fn write_quote(w: &mut csv::Writer<Vec<u8>>, text: &str, doc_id: &str, index: usize, q: &Quote) {
    let mut num = itoa::Buffer::new();
    let span = q.span();
    let field = |w: &mut csv::Writer<Vec<u8>>, s: &str| {
        let _ = w.write_field(s);
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
        [one] => field(w, one.slice(text)),
        many => {
            let joined: Vec<&str> = many.iter().map(|f| f.slice(text)).collect();
            field(w, &joined.join(" "));
        }
    }
    field(w, num.format(q.paragraph));
    field(w, num.format(q.sentence));
    field(w, if q.headline { "true" } else { "false" });
    let speaker = q.speaker.as_ref();
    field(w, speaker.map_or("", |s| s.mention.slice(text)));
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
    field(w, speaker.and_then(|s| s.name.as_deref()).unwrap_or(""));
    field(w, speaker.map_or("", |s| s.kind.as_str()));
    field(
        w,
        speaker.and_then(|s| s.affiliation.as_deref()).unwrap_or(""),
    );
    field(w, q.cue.map_or("", |c| c.slice(text)));
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
            field(w, &st.terms);
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
