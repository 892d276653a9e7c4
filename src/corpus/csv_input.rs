//! CSV input: a header row naming `text` and `id` or `doc_id` (optional `date`, `title`,
//! `source`); quoted cells may span lines.

use super::csv_guard::{CsvGuard, Marks};
use super::{Record, RecordError};
use crate::document::{DocMeta, Document};
use std::cell::RefCell;
use std::io::Read;
use std::rc::Rc;

struct Columns {
    id: Option<usize>,
    text: usize,
    date: Option<usize>,
    title: Option<usize>,
    source: Option<usize>,
}

/// Streams the documents of a CSV input, one per record.
pub struct CsvReader {
    reader: csv::Reader<CsvGuard<Box<dyn Read>>>,
    name: String,
    /// What the guard saw (cut records, an unclosed quote at the end).
    marks: Rc<RefCell<Marks>>,
    limit: u64,
    /// Records returned so far, to report a file with a header and nothing else.
    records: u64,
    columns: Option<Columns>,
    done: bool,
    record: csv::ByteRecord,
    last_offset: u64,
}

impl CsvReader {
    /// A reader of `reader`, named `name` in messages, cutting records over `limit` bytes.
    pub fn new(reader: Box<dyn Read>, name: String, limit: u64) -> Self {
        let marks = Rc::new(RefCell::new(Marks::default()));
        let guard = CsvGuard::new(reader, limit, Rc::clone(&marks));
        let reader = csv::ReaderBuilder::new().flexible(true).from_reader(guard);
        CsvReader {
            reader,
            name,
            marks,
            limit,
            records: 0,
            columns: None,
            done: false,
            record: csv::ByteRecord::new(),
            last_offset: 0,
        }
    }

    fn read_header(&mut self) -> Result<(), RecordError> {
        let headers = self
            .reader
            .byte_headers()
            .map_err(|e| {
                RecordError::new(
                    self.name.clone(),
                    &self.name,
                    Some(1),
                    format!("cannot read CSV header: {e}"),
                )
            })?
            .clone();
        let find = |names: &[&str]| {
            headers.iter().position(|h| {
                let h = String::from_utf8_lossy(h);
                names.iter().any(|n| h.trim().eq_ignore_ascii_case(n))
            })
        };
        let text = find(&["text"]).ok_or_else(|| {
            RecordError::new(
                self.name.clone(),
                &self.name,
                Some(1),
                "CSV header has no `text` column",
            )
        })?;
        self.columns = Some(Columns {
            id: find(&["id"]).or_else(|| find(&["doc_id"])),
            text,
            date: find(&["date"]),
            title: find(&["title"]),
            source: find(&["source"]),
        });
        Ok(())
    }
}

fn field(record: &csv::ByteRecord, index: Option<usize>) -> Option<String> {
    let bytes = record.get(index?)?;
    let s = String::from_utf8_lossy(bytes).trim().to_string();
    (!s.is_empty()).then_some(s)
}

impl Iterator for CsvReader {
    type Item = Record;

    fn next(&mut self) -> Option<Record> {
        if self.done {
            return None;
        }
        if self.columns.is_none() {
            if let Err(e) = self.read_header() {
                self.done = true;
                return Some(Record {
                    result: Err(e),
                    input_bytes: 0,
                });
            }
        }
        let columns = self.columns.as_ref()?;
        let read = self.reader.read_byte_record(&mut self.record);
        let offset = self.reader.position().byte();
        let record_start = self.record.position().map_or(offset, |p| p.byte());
        let input_bytes = offset.saturating_sub(self.last_offset);
        self.last_offset = offset;
        let line = self.record.position().map_or(0, |p| p.line());
        match read {
            Ok(false) => {
                self.done = true;
                (self.records == 0).then(|| Record {
                    result: Err(RecordError::new(
                        self.name.clone(),
                        &self.name,
                        None,
                        "no CSV records after the header",
                    )),
                    input_bytes,
                })
            }
            Err(e) => {
                self.done = true;
                let line = e.position().map_or(line, |p| p.line());
                Some(Record {
                    result: Err(RecordError::new(
                        format!("{}:{line}", self.name),
                        &self.name,
                        Some(line),
                        format!("malformed CSV: {e}; the rest of this file is skipped"),
                    )),
                    input_bytes,
                })
            }
            Ok(true) => {
                self.records += 1;
                let id = field(&self.record, columns.id)
                    .unwrap_or_else(|| format!("{}:{line}", self.name));
                let (cut, unclosed) = self.marks.borrow_mut().take_in(record_start, offset);
                let result = match self.record.get(columns.text) {
                    _ if cut => Err(RecordError::new(
                        id,
                        &self.name,
                        Some(line),
                        format!(
                            "record larger than --max-doc-bytes ({} bytes); skipped (raise the limit to analyse it)",
                            self.limit
                        ),
                    )),
                    _ if unclosed => Err(RecordError::new(
                        id,
                        &self.name,
                        Some(line),
                        "unclosed quoted field: the record runs to the end of the file; skipped",
                    )),
                    None => Err(RecordError::new(
                        id,
                        &self.name,
                        Some(line),
                        "record has no `text` cell",
                    )),
                    Some(bytes) => {
                        let (text, warning) = super::decode::decode_lossy(bytes.to_vec());
                        Ok(Document {
                            meta: DocMeta {
                                id,
                                source_file: self.name.clone(),
                                line: Some(line),
                                date: field(&self.record, columns.date),
                                title: field(&self.record, columns.title),
                                source: field(&self.record, columns.source),
                            },
                            text,
                            warnings: warning.into_iter().collect(),
                        })
                    }
                };
                Some(Record {
                    result,
                    input_bytes,
                })
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(input: &'static [u8]) -> Vec<Result<Document, RecordError>> {
        read_limited(input.to_vec(), 1 << 20)
    }

    fn read_limited(input: Vec<u8>, limit: u64) -> Vec<Result<Document, RecordError>> {
        CsvReader::new(
            Box::new(std::io::Cursor::new(input)),
            "in.csv".to_string(),
            limit,
        )
        .map(|r| r.result)
        .collect()
    }

    #[test]
    fn unclosed_quoted_field_is_an_error_not_a_giant_cell() {
        let out = read(b"id,text\na,ok\nb,\"never closed\nc,more\n");
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].as_ref().unwrap().text, "ok");
        let err = out[1].as_ref().unwrap_err();
        assert_eq!((err.id.as_str(), err.line), ("b", Some(3)));
        assert!(err.message.contains("unclosed quoted field"), "{err}");
        // A closed field with escaped quotes and CRLF line ends is fine.
        let out = read(b"id,text\r\na,\"x \"\"y\"\" z\"\r\nb,w\r\n");
        assert_eq!(out[0].as_ref().unwrap().text, "x \"y\" z");
        assert_eq!(out[1].as_ref().unwrap().text, "w");
    }

    #[test]
    fn records_over_the_limit_are_cut_and_the_next_one_reads() {
        for (open, close) in [("\"", "\""), ("", "")] {
            let mut input = b"id,text\na,".to_vec();
            input.extend(open.as_bytes());
            input.extend(std::iter::repeat_n(b'x', 500));
            input.extend(close.as_bytes());
            input.extend(b"\nb,short\nc,\"also \"\"fine\"\"\"\n");
            let out = read_limited(input, 100);
            assert_eq!(out.len(), 3, "{out:?}");
            let err = out[0].as_ref().unwrap_err();
            assert_eq!(err.id, "a");
            assert!(err.message.contains("--max-doc-bytes (100 bytes)"), "{err}");
            assert_eq!(out[1].as_ref().unwrap().text, "short");
            assert_eq!(out[2].as_ref().unwrap().text, "also \"fine\"");
        }
    }

    #[test]
    fn a_header_without_records_is_reported() {
        let out = read(b"id,text\n");
        assert_eq!(out.len(), 1);
        assert!(out[0]
            .as_ref()
            .unwrap_err()
            .message
            .contains("no CSV records"));
    }

    #[test]
    fn header_columns_and_multiline_cells() {
        let out = read(b"doc_id,title,text\na,T,\"Line one.\nLine \"\"two\"\".\"\nb,,Short.\n");
        let a = out[0].as_ref().unwrap();
        assert_eq!(a.meta.id, "a");
        assert_eq!(a.text, "Line one.\nLine \"two\".");
        assert_eq!(a.meta.title.as_deref(), Some("T"));
        assert_eq!(a.meta.line, Some(2));
        let b = out[1].as_ref().unwrap();
        assert_eq!(b.meta.line, Some(4));
        assert_eq!(b.meta.title, None);
    }

    #[test]
    fn missing_text_column_is_one_error() {
        let out = read(b"id,body\na,x\n");
        assert_eq!(out.len(), 1);
        assert!(out[0]
            .as_ref()
            .unwrap_err()
            .message
            .contains("no `text` column"));
    }

    #[test]
    fn short_record_is_an_error_row() {
        let out = read(b"id,text\na\nb,ok\n");
        assert!(out[0].is_err());
        assert_eq!(out[1].as_ref().unwrap().text, "ok");
    }
}
