//! Gold files: PolNeAR-style JSONL (`doc_id`, `text`, `quotes` with code-point offsets).

use anyhow::{Context, Result};
use serde::Deserialize;
use std::path::Path;

/// One labeled attribution, offsets converted to bytes.
#[derive(Debug, Clone)]
pub struct GoldQuote {
    pub start: usize,
    pub end: usize,
    /// Content fragments (bytes).
    pub spans: Vec<(usize, usize)>,
    pub kind: String,
    pub speech_cue: bool,
    pub speaker: Option<String>,
    pub speaker_span: Option<(usize, usize)>,
    pub speaker_resolved: Option<String>,
    pub affiliation: Option<String>,
}

/// One labeled document.
#[derive(Debug, Clone)]
pub struct GoldDoc {
    pub doc_id: String,
    pub text: String,
    pub quotes: Vec<GoldQuote>,
    /// `title` / `date` (top level or in `meta`), as `whosaid run` would read them.
    pub title: Option<String>,
    pub date: Option<String>,
}

#[derive(Deserialize, Default)]
struct RawMeta {
    title: Option<String>,
    date: Option<String>,
}

#[derive(Deserialize)]
struct RawDoc {
    title: Option<String>,
    date: Option<String>,
    meta: Option<RawMeta>,
    doc_id: Option<String>,
    id: Option<String>,
    text: String,
    #[serde(default)]
    quotes: Vec<RawQuote>,
}

#[derive(Deserialize)]
struct RawQuote {
    start: usize,
    end: usize,
    spans: Option<Vec<[usize; 2]>>,
    kind: String,
    #[serde(default)]
    speech_cue: Option<bool>,
    speaker: Option<String>,
    speaker_start: Option<i64>,
    speaker_end: Option<i64>,
    speaker_resolved: Option<String>,
    affiliation: Option<String>,
}

/// Byte offset of every char offset (and of the end).
fn char_to_byte(text: &str) -> Vec<usize> {
    let mut map: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    map.push(text.len());
    map
}

/// Reads gold JSONL files.
pub fn read_gold(paths: &[impl AsRef<Path>]) -> Result<Vec<GoldDoc>> {
    let mut docs = Vec::new();
    for path in paths {
        let path = path.as_ref();
        let data = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read gold file {}", path.display()))?;
        for (i, line) in data.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let raw: RawDoc = serde_json::from_str(line)
                .with_context(|| format!("{}:{}: invalid gold record", path.display(), i + 1))?;
            let map = char_to_byte(&raw.text);
            let at = |c: usize| -> Result<usize> {
                map.get(c).copied().with_context(|| {
                    format!(
                        "{}:{}: offset {c} is outside the text",
                        path.display(),
                        i + 1
                    )
                })
            };
            let mut quotes = Vec::new();
            for q in raw.quotes {
                let spans = match q.spans {
                    Some(s) if !s.is_empty() => s
                        .iter()
                        .map(|[a, b]| Ok((at(*a)?, at(*b)?)))
                        .collect::<Result<Vec<_>>>()?,
                    _ => vec![(at(q.start)?, at(q.end)?)],
                };
                let speaker_span = match (q.speaker_start, q.speaker_end) {
                    (Some(a), Some(b)) if a >= 0 && b >= a => {
                        Some((at(a as usize)?, at(b as usize)?))
                    }
                    _ => None,
                };
                quotes.push(GoldQuote {
                    start: at(q.start)?,
                    end: at(q.end)?,
                    spans,
                    kind: q.kind,
                    speech_cue: q.speech_cue.unwrap_or(false),
                    speaker: q.speaker,
                    speaker_span,
                    speaker_resolved: q.speaker_resolved,
                    affiliation: q.affiliation,
                });
            }
            let meta = raw.meta.unwrap_or_default();
            docs.push(GoldDoc {
                title: raw.title.or(meta.title),
                date: raw.date.or(meta.date),
                doc_id: raw
                    .doc_id
                    .or(raw.id)
                    .unwrap_or_else(|| format!("{}:{}", path.display(), i + 1)),
                text: raw.text,
                quotes,
            });
        }
    }
    Ok(docs)
}
