//! Rows of `documents.csv` and `quotes.csv`, rendered to bytes per document so rendering
//! can run in parallel and writing stays a sequential copy.

use crate::attribute::Quote;
use crate::document::Span;
use crate::pipeline::{Analysis, Outcome};
use std::fmt::Write as _;

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
    csv::WriterBuilder::new()
        .has_headers(false)
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

fn opt_span(span: Option<Span>) -> (String, String) {
    span.map_or((String::new(), String::new()), |s| {
        (s.start.to_string(), s.end.to_string())
    })
}

fn quote_rows(a: &Analysis) -> Vec<u8> {
    let text = a.doc.text.as_str();
    let mut w = writer();
    for (i, q) in a.quotes.iter().enumerate() {
        let _ = w.write_record(quote_fields(text, &a.doc.meta.id, i, q));
    }
    into_bytes(w)
}

fn quote_fields(text: &str, doc_id: &str, index: usize, q: &Quote) -> Vec<String> {
    let span = q.span();
    let mut fragments = String::new();
    let mut content = String::new();
    for (k, f) in q.fragments.iter().enumerate() {
        if k > 0 {
            fragments.push(';');
            content.push(' ');
        }
        let _ = write!(fragments, "{}-{}", f.start, f.end);
        content.push_str(f.slice(text));
    }
    let (speaker_start, speaker_end) = opt_span(q.speaker.as_ref().map(|s| s.mention));
    let (cue_start, cue_end) = opt_span(q.cue);
    let speaker = q.speaker.as_ref();
    let score = |f: fn(&crate::stance::StanceScores) -> f64| {
        q.stance
            .as_ref()
            .map_or(String::new(), |s| format!("{:.3}", f(s)))
    };
    vec![
        doc_id.to_string(),
        format!("q{}", index + 1),
        q.kind.as_str().to_string(),
        span.start.to_string(),
        span.end.to_string(),
        fragments,
        content,
        q.paragraph.to_string(),
        q.sentence.to_string(),
        q.headline.to_string(),
        speaker.map_or(String::new(), |s| s.mention.slice(text).to_string()),
        speaker_start,
        speaker_end,
        speaker.and_then(|s| s.name.clone()).unwrap_or_default(),
        speaker.map_or(String::new(), |s| s.kind.as_str().to_string()),
        speaker
            .and_then(|s| s.affiliation.clone())
            .unwrap_or_default(),
        q.cue.map_or(String::new(), |c| c.slice(text).to_string()),
        cue_start,
        cue_end,
        q.method.to_string(),
        format!("{:.3}", q.confidence),
        score(|s| s.tone),
        score(|s| s.conflict),
        score(|s| s.certainty),
        q.stance.as_ref().map_or(String::new(), |s| s.terms.clone()),
    ]
}
