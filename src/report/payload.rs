//! The data the page's script renders from: every quote and document as compact JSON
//! arrays (the script pages through them, so the HTML stays small for any corpus), and
//! the document texts in a second blob that the script parses only when the document
//! view is first opened. Both go into `<script type="application/json">` elements,
//! escaped by [`script_json`] so that no text can end the element early.

use super::data::Tables;
use super::texts::DocText;
use anyhow::{Context, Result};
use serde::Serialize;

/// One document: `[id, title, date, source_file, status, first_quote, quotes, note]`;
/// `note` says why the document view has no text for it (`null` when it has one or
/// needs none).
#[derive(Serialize)]
struct DocJson<'a>(
    &'a str,
    &'a str,
    &'a str,
    &'a str,
    &'a str,
    usize,
    usize,
    Option<&'a str>,
);

/// One stance term: `[term, negated, tone, conflict, certainty]`.
#[derive(Serialize)]
struct TermJson<'a>(&'a str, bool, f64, f64, f64);

/// One quote, in the column order of [`QUOTE_FIELDS`].
#[derive(Serialize)]
struct QuoteJson<'a>(
    usize,
    &'a str,
    &'a str,
    &'a str,
    &'a str,
    &'a str,
    &'a str,
    &'a str,
    &'a str,
    &'a str,
    f64,
    Option<f64>,
    Option<f64>,
    Option<f64>,
    Vec<TermJson<'a>>,
    &'a [(usize, usize)],
    Option<(usize, usize)>,
    Option<(usize, usize)>,
);

/// Names of a quote array's fields, in order; the page script reads them from the blob
/// (`fields`), so the two cannot drift apart.
pub const QUOTE_FIELDS: [&str; 18] = [
    "doc",
    "quote_id",
    "kind",
    "text",
    "mention",
    "speaker",
    "speaker_type",
    "affiliation",
    "cue",
    "method",
    "confidence",
    "tone",
    "conflict",
    "certainty",
    "terms",
    "fragments",
    "mention_span",
    "cue_span",
];

#[derive(Serialize)]
struct Payload<'a> {
    fields: [&'static str; 18],
    docs: Vec<DocJson<'a>>,
    quotes: Vec<QuoteJson<'a>>,
    /// Whether a texts blob with at least one text is on the page.
    texts: bool,
}

/// The quotes-and-documents blob.
pub fn data_json(tables: &Tables, texts: &[DocText]) -> Result<String> {
    let docs = tables
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let note = match texts.get(i) {
                Some(DocText::Unusable(why)) => Some(why.as_str()),
                _ => None,
            };
            DocJson(
                &d.id,
                &d.title,
                &d.date,
                &d.source_file,
                &d.status,
                d.first_quote,
                d.quotes,
                note,
            )
        })
        .collect();
    let quotes = tables
        .quotes
        .iter()
        .map(|q| {
            let score = |d: usize| q.scores.map(|s| s[d]);
            QuoteJson(
                q.doc,
                &q.quote_id,
                &q.kind,
                &q.text,
                &q.mention,
                &q.speaker,
                &q.speaker_type,
                &q.affiliation,
                &q.cue,
                &q.method,
                q.confidence,
                score(0),
                score(1),
                score(2),
                q.terms
                    .iter()
                    .map(|t| TermJson(&t.term, t.negated, t.scores[0], t.scores[1], t.scores[2]))
                    .collect(),
                &q.fragments,
                q.mention_span,
                q.cue_span,
            )
        })
        .collect();
    let payload = Payload {
        fields: QUOTE_FIELDS,
        docs,
        quotes,
        texts: texts.iter().any(|t| matches!(t, DocText::Text(_))),
    };
    script_json(&payload)
}

/// The texts blob: one entry per document, its text or `null`.
pub fn texts_json(texts: &[DocText]) -> Result<String> {
    let texts: Vec<Option<&str>> = texts
        .iter()
        .map(|t| match t {
            DocText::Text(text) => Some(text.as_str()),
            _ => None,
        })
        .collect();
    script_json(&texts)
}

/// `value` as JSON that is safe inside a `<script>` element: `<`, `>` and `&` (and the
/// line separators U+2028 and U+2029) are written as `\u` escapes. They can only occur
/// inside JSON strings, where the escapes mean the same characters, so the JSON parses
/// to the same value while `</script>` or `<!--` in a quote cannot end the element.
pub fn script_json(value: &impl Serialize) -> Result<String> {
    let json = serde_json::to_string(value).context("cannot serialise the report data")?;
    let mut out = String::with_capacity(json.len() + json.len() / 64);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_json_cannot_close_its_element_and_parses_back() {
        let hostile = "</script><script>alert(1)</script> <!-- & \u{2028}";
        let json = script_json(&vec![hostile]).unwrap();
        assert!(!json.contains('<') && !json.contains('>') && !json.contains('&'));
        let back: Vec<String> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, vec![hostile]);
    }
}
