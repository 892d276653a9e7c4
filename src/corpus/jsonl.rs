//! JSON Lines: one object per line with `text` and optional `id`/`doc_id`, `date`, `title`,
//! `source` (or `meta.date`, `meta.title`, `meta.publisher`). Unknown fields are ignored.

use super::decode::decode_lossy;
use super::{Record, RecordError};
use crate::document::{DocMeta, Document};
use serde::Deserialize;
use std::io::BufRead;

#[derive(Deserialize)]
struct JsonRecord {
    id: Option<serde_json::Value>,
    doc_id: Option<serde_json::Value>,
    text: Option<serde_json::Value>,
    date: Option<String>,
    title: Option<String>,
    source: Option<String>,
    meta: Option<JsonMeta>,
    /// The record's original file, set by a driver that splits a corpus into streams
    /// (honoured only in stream mode, see [`super::ReadOptions::stream`]).
    #[serde(rename = "_source_file")]
    located_file: Option<String>,
    /// The record's original line in `_source_file` (stream mode only).
    #[serde(rename = "_line")]
    located_line: Option<u64>,
}

#[derive(Deserialize)]
struct JsonMeta {
    date: Option<String>,
    title: Option<String>,
    publisher: Option<String>,
}

/// Largest line buffer kept from one line to the next.
const KEEP_BUFFER_BYTES: usize = 1 << 20;

/// Streams the documents of a JSONL input, one per non-blank line.
pub struct JsonlReader<R> {
    reader: R,
    name: String,
    line: u64,
    buf: Vec<u8>,
    done: bool,
    /// Longest line accepted (`--max-doc-bytes`).
    limit: u64,
    /// Records (non-blank lines) seen, to report a file that has none.
    records: u64,
    /// Stream mode: no record is no document, and `_source_file`/`_line` are honoured.
    stream: bool,
}

impl<R: BufRead> JsonlReader<R> {
    /// A reader of `reader`, named `name` in messages, skipping lines over `limit` bytes.
    pub fn new(reader: R, name: String, limit: u64) -> Self {
        JsonlReader {
            reader,
            name,
            line: 0,
            buf: Vec::new(),
            done: false,
            limit,
            records: 0,
            stream: false,
        }
    }

    /// The same reader in stream mode (see [`super::ReadOptions::stream`]).
    pub fn streaming(mut self, stream: bool) -> Self {
        self.stream = stream;
        self
    }

    fn fallback_id(&self) -> String {
        format!("{}:{}", self.name, self.line)
    }

    fn error(&self, message: impl Into<String>) -> RecordError {
        RecordError::new(self.fallback_id(), &self.name, Some(self.line), message)
    }

    fn parse_line(&self, bytes: &[u8]) -> Result<Document, RecordError> {
        // Valid UTF-8 (the usual case) is parsed in place; only a line that needs repair
        // is copied.
        let (line_text, warning) = match std::str::from_utf8(bytes) {
            Ok(text) => (std::borrow::Cow::Borrowed(text), None),
            Err(_) => {
                let (text, warning) = decode_lossy(bytes.to_vec());
                (std::borrow::Cow::Owned(text), warning)
            }
        };
        let rec: JsonRecord = serde_json::from_str(&line_text)
            .map_err(|e| self.error(format!("invalid JSON: {e}")))?;
        let (name, line) = match (self.stream, rec.located_file, rec.located_line) {
            (true, file, line) => (
                file.unwrap_or_else(|| self.name.clone()),
                line.unwrap_or(self.line),
            ),
            (false, _, _) => (self.name.clone(), self.line),
        };
        let id = rec
            .id
            .as_ref()
            .or(rec.doc_id.as_ref())
            .and_then(id_string)
            .unwrap_or_else(|| format!("{name}:{line}"));
        let text = match rec.text {
            Some(serde_json::Value::String(s)) => s,
            Some(_) => {
                return Err(RecordError::new(
                    id,
                    &name,
                    Some(line),
                    "`text` is not a string",
                ))
            }
            None => {
                return Err(RecordError::new(
                    id,
                    &name,
                    Some(line),
                    "missing `text` field",
                ))
            }
        };
        let meta = rec.meta;
        Ok(Document {
            meta: DocMeta {
                id,
                source_file: name,
                line: Some(line),
                date: rec
                    .date
                    .or_else(|| meta.as_ref().and_then(|m| m.date.clone())),
                title: rec
                    .title
                    .or_else(|| meta.as_ref().and_then(|m| m.title.clone())),
                source: rec.source.or_else(|| meta.and_then(|m| m.publisher)),
            },
            text,
            warnings: warning.into_iter().collect(),
        })
    }
}

/// Ids may be strings or numbers in the wild.
fn id_string(v: &serde_json::Value) -> Option<String> {
    match v {
        serde_json::Value::String(s) if !s.is_empty() => Some(s.clone()),
        serde_json::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Reads one line into `buf` (newline included) keeping at most `limit + 1` bytes; the
/// rest of a longer line is consumed and dropped. Returns the bytes consumed.
fn read_line_limited<R: BufRead>(
    reader: &mut R,
    buf: &mut Vec<u8>,
    limit: u64,
) -> std::io::Result<u64> {
    let keep = usize::try_from(limit.saturating_add(1)).unwrap_or(usize::MAX);
    let mut consumed = 0u64;
    loop {
        let chunk = match reader.fill_buf() {
            Ok(chunk) => chunk,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            return Ok(consumed);
        }
        let (take, done) = match memchr::memchr(b'\n', chunk) {
            Some(i) => (i + 1, true),
            None => (chunk.len(), false),
        };
        let room = keep.saturating_sub(buf.len()).min(take);
        buf.extend_from_slice(&chunk[..room]);
        reader.consume(take);
        consumed += take as u64;
        if done {
            return Ok(consumed);
        }
    }
}

impl<R: BufRead> Iterator for JsonlReader<R> {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        while !self.done {
            self.buf.clear();
            self.line += 1;
            let read = match read_line_limited(&mut self.reader, &mut self.buf, self.limit) {
                Ok(0) => {
                    self.done = true;
                    if self.records == 0 && !self.stream {
                        return Some(Record {
                            result: Err(RecordError::new(
                                self.name.clone(),
                                &self.name,
                                None,
                                "empty file: no JSON Lines records",
                            )),
                            input_bytes: 0,
                        });
                    }
                    return None;
                }
                Ok(n) => n,
                Err(e) => {
                    self.done = true;
                    return Some(Record {
                        result: Err(self.error(format!("read error: {e}"))),
                        input_bytes: 0,
                    });
                }
            };
            if self.buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            self.records += 1;
            if self.buf.len() as u64 > self.limit {
                let limit = self.limit;
                return Some(Record {
                    result: Err(self.error(format!(
                        "line of {read} bytes is larger than --max-doc-bytes ({limit} bytes); skipped (raise the limit to analyse it)"
                    ))),
                    input_bytes: read,
                });
            }
            // The line buffer is kept for the next line (no regrowing it line by line),
            // unless an unusually long line has made it large.
            let result = self.parse_line(&self.buf);
            if self.buf.capacity() > KEEP_BUFFER_BYTES {
                self.buf = Vec::new();
            }
            return Some(Record {
                result,
                input_bytes: read,
            });
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(input: &[u8]) -> Vec<Result<Document, RecordError>> {
        JsonlReader::new(input, "in.jsonl".to_string(), 1 << 20)
            .map(|r| r.result)
            .collect()
    }

    #[test]
    fn stream_mode_takes_the_recorded_location_and_allows_no_records() {
        let input: &[u8] =
            b"{\"_source_file\":\"big.jsonl\",\"_line\":41,\"text\":\"Hi.\"}\n{\"_line\":7}\n";
        let read_in = |stream: bool| -> Vec<Result<Document, RecordError>> {
            JsonlReader::new(input, "-".to_string(), 1 << 20)
                .streaming(stream)
                .map(|r| r.result)
                .collect()
        };
        let streamed = read_in(true);
        let doc = streamed[0].as_ref().unwrap();
        assert_eq!(
            (
                doc.meta.id.as_str(),
                doc.meta.source_file.as_str(),
                doc.meta.line
            ),
            ("big.jsonl:41", "big.jsonl", Some(41))
        );
        let err = streamed[1].as_ref().unwrap_err();
        assert_eq!((err.id.as_str(), err.location.as_str()), ("-:7", "-:7"));
        // Outside stream mode the fields are ignored like any unknown field.
        let plain = read_in(false);
        let doc = plain[0].as_ref().unwrap();
        assert_eq!((doc.meta.id.as_str(), doc.meta.line), ("-:1", Some(1)));
        // No records: nothing in stream mode, one error row otherwise.
        let empty = |stream| {
            JsonlReader::new(&b"\n \n"[..], "-".to_string(), 64)
                .streaming(stream)
                .count()
        };
        assert_eq!((empty(true), empty(false)), (0, 1));
    }

    #[test]
    fn ids_metadata_and_unknown_fields() {
        let out = read(
            b"{\"doc_id\":\"a\",\"text\":\"Hi.\",\"quotes\":[{\"x\":1}],\"meta\":{\"date\":\"2016-09-12\",\"title\":\"T\",\"publisher\":\"p\"}}\n\n{\"id\":7,\"text\":\"Yo.\",\"date\":\"2020-01-01\"}\n{\"text\":\"No id.\"}\n",
        );
        let docs: Vec<&Document> = out.iter().map(|r| r.as_ref().unwrap()).collect();
        assert_eq!(docs[0].meta.id, "a");
        assert_eq!(docs[0].meta.date.as_deref(), Some("2016-09-12"));
        assert_eq!(docs[0].meta.source.as_deref(), Some("p"));
        assert_eq!(docs[1].meta.id, "7");
        assert_eq!(docs[1].meta.line, Some(3));
        assert_eq!(docs[2].meta.id, "in.jsonl:4");
    }

    #[test]
    fn broken_lines_become_errors_and_reading_continues() {
        let out = read(b"{\"id\":\"a\",\"text\":\"ok\"}\n{not json\n{\"id\":\"c\"}\n{\"id\":\"d\",\"text\":\"ok\"}\n");
        assert_eq!(out.len(), 4);
        let err = out[1].as_ref().unwrap_err();
        assert_eq!(err.location, "in.jsonl:2");
        assert!(err.message.contains("invalid JSON"));
        let err = out[2].as_ref().unwrap_err();
        assert_eq!(err.id, "c");
        assert!(err.message.contains("missing `text`"));
        assert!(out[3].is_ok());
    }

    #[test]
    fn lines_over_the_limit_are_skipped_without_being_kept() {
        let mut input = b"{\"id\":\"big\",\"text\":\"".to_vec();
        input.extend(std::iter::repeat_n(b'a', 5000));
        input.extend(b"\"}\n{\"id\":\"small\",\"text\":\"ok\"}\n");
        let out: Vec<_> = JsonlReader::new(&input[..], "in.jsonl".to_string(), 1000)
            .map(|r| r.result)
            .collect();
        assert_eq!(out.len(), 2);
        let err = out[0].as_ref().unwrap_err();
        assert_eq!(err.location, "in.jsonl:1");
        assert!(
            err.message.contains("--max-doc-bytes (1000 bytes)"),
            "{err}"
        );
        assert_eq!(out[1].as_ref().unwrap().text, "ok");
    }

    #[test]
    fn an_empty_file_is_one_error_row() {
        for input in [&b""[..], b"\n\n  \n"] {
            let out = read(input);
            assert_eq!(out.len(), 1);
            assert!(out[0].as_ref().unwrap_err().message.contains("empty file"));
        }
    }

    #[test]
    fn invalid_utf8_is_replaced_with_a_warning() {
        let out = read(b"{\"id\":\"a\",\"text\":\"caf\xe9 ok\"}\n");
        let doc = out[0].as_ref().unwrap();
        assert_eq!(doc.text, "caf\u{FFFD} ok");
        assert_eq!(doc.warnings.len(), 1);
    }
}
