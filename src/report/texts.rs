//! The document texts behind the report's document view. The tables hold byte offsets,
//! not texts, so `whosaid report --input INPUT...` reads the corpus again with the readers
//! `whosaid run` uses and matches each record to its `documents.csv` row by `doc_id`: the
//! k-th row with an id gets the k-th record with that id (broken records count too, as
//! they have rows), so repeated ids still pair up in input order.
//!
//! A text is used only when it is the one the run analysed: as long as the row's `bytes`,
//! and every quote, speaker and cue span of the document on char boundaries with the text
//! the table shows there. Otherwise the document gets a note saying why, and no text, so
//! the view never highlights the wrong words.

use super::data::{ByteSpan, DocumentRow, QuoteRow, Tables};
use crate::corpus::{discover, read_all, InputFormat, ReadOptions};
use anyhow::Result;
use std::collections::HashMap;
use std::path::PathBuf;

/// Where to read the corpus again: the inputs and reading options given to `whosaid run`.
#[derive(Debug, Clone)]
pub struct TextSource {
    pub inputs: Vec<PathBuf>,
    /// `--format` (None: by extension).
    pub format: Option<InputFormat>,
    /// `--max-doc-bytes`.
    pub max_doc_bytes: u64,
}

/// What the document view has for one document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocText {
    /// No text wanted or given: no `--input`, or a document without quotes.
    Absent,
    /// The analysed text.
    Text(String),
    /// The input did not give the analysed text; why.
    Unusable(String),
}

/// Reads the texts of every document with quotes, aligned with `tables.documents`.
pub fn read_texts(tables: &Tables, source: &TextSource) -> Result<Vec<DocText>> {
    let mut texts = vec![DocText::Absent; tables.documents.len()];
    // (doc_id, occurrence) of each wanted document -> its index.
    let mut wanted: HashMap<(&str, usize), usize> = HashMap::new();
    let mut seen: HashMap<&str, usize> = HashMap::new();
    for (i, doc) in tables.documents.iter().enumerate() {
        let k = seen.entry(doc.id.as_str()).or_insert(0);
        if doc.status == "ok" && doc.quotes > 0 {
            wanted.insert((doc.id.as_str(), *k), i);
            texts[i] = DocText::Unusable(format!(
                "document {} was not found in the input given to whosaid report",
                doc.id
            ));
        }
        *k += 1;
    }
    let inputs = discover(&source.inputs, source.format)?;
    let options = ReadOptions {
        max_doc_bytes: source.max_doc_bytes,
        stream: false,
    };
    let mut occurrences: HashMap<String, usize> = HashMap::new();
    for record in read_all(inputs, options) {
        let id = match &record.result {
            Ok(doc) => doc.meta.id.clone(),
            Err(e) => e.id.clone(),
        };
        let k = occurrences.entry(id.clone()).or_insert(0);
        let occurrence = *k;
        *k += 1;
        let Some(&i) = wanted.get(&(id.as_str(), occurrence)) else {
            continue;
        };
        texts[i] = match record.result {
            Ok(doc) => {
                let row = &tables.documents[i];
                match check(&doc.text, row, tables.quotes_of(row)) {
                    Ok(()) => DocText::Text(doc.text),
                    Err(why) => DocText::Unusable(why),
                }
            }
            Err(e) => DocText::Unusable(format!(
                "the input record of document {id} no longer reads: {e}"
            )),
        };
    }
    Ok(texts)
}

/// Checks that `text` is the text the run analysed for `doc`.
fn check(text: &str, doc: &DocumentRow, quotes: &[QuoteRow]) -> Result<(), String> {
    if text.len() != doc.bytes {
        return Err(format!(
            "the input's text of document {} has {} bytes where documents.csv says {} \
             (the corpus changed since the run, or was read with other --format or \
             --max-doc-bytes)",
            doc.id,
            text.len(),
            doc.bytes
        ));
    }
    let slice = |(s, e): ByteSpan| text.get(s..e);
    for q in quotes {
        let fragments: Option<Vec<&str>> = q.fragments.iter().map(|&f| slice(f)).collect();
        let spans_match = fragments.is_some_and(|f| f.join(" ") == q.text)
            && q.mention_span
                .is_none_or(|s| slice(s) == Some(q.mention.as_str()))
            && q.cue_span.is_none_or(|s| slice(s) == Some(q.cue.as_str()));
        if !spans_match {
            return Err(format!(
                "the input's text of document {} does not have quote {}'s words at the \
                 offsets in quotes.csv (the corpus changed since the run)",
                doc.id, q.quote_id
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(bytes: usize) -> DocumentRow {
        DocumentRow {
            id: "d".into(),
            source_file: "d.txt".into(),
            date: String::new(),
            title: String::new(),
            status: "ok".into(),
            message: String::new(),
            bytes,
            first_quote: 0,
            quotes: 1,
        }
    }

    fn quote() -> QuoteRow {
        QuoteRow {
            doc: 0,
            quote_id: "q1".into(),
            kind: "direct".into(),
            fragments: vec![(1, 3), (6, 8)],
            text: "ab ef".into(),
            mention: "x".into(),
            mention_span: Some((10, 11)),
            speaker: "X".into(),
            speaker_type: "person".into(),
            affiliation: String::new(),
            cue: "said".into(),
            cue_span: Some((12, 16)),
            method: "m".into(),
            confidence: 1.0,
            scores: None,
            terms: Vec::new(),
        }
    }

    #[test]
    fn a_text_is_used_only_where_the_spans_show_the_table_words() {
        let text = "\"ab\" \"ef\" x said";
        assert_eq!(check(text, &doc(text.len()), &[quote()]), Ok(()));
        let longer = check(text, &doc(text.len() + 1), &[quote()]);
        assert!(longer.unwrap_err().contains("bytes"));
        let mut moved = quote();
        moved.cue_span = Some((11, 15));
        let moved = check(text, &doc(text.len()), &[moved]);
        assert!(moved.unwrap_err().contains("quote q1"));
        // A span inside a multi-byte character is not a match (and does not panic).
        let text = "\"\u{e9}\" x said";
        let mut split = quote();
        split.fragments = vec![(1, 2)];
        split.mention_span = None;
        split.cue_span = None;
        assert!(check(text, &doc(text.len()), &[split]).is_err());
    }
}
