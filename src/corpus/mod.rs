//! Reading a corpus: files, directories and stdin in txt, JSONL or CSV, streamed record by
//! record. A broken record becomes a [`RecordError`] (file and line named) and the rest of
//! the corpus still runs.

mod csv_guard;
mod csv_input;
mod decode;
mod discover;
mod jsonl;
mod txt;

pub use discover::{discover, InputFile, InputFormat, InputSource};

use crate::document::Document;
use std::io::BufReader;
use thiserror::Error;

/// Why a record could not become a document.
#[derive(Debug, Clone, Error, PartialEq, Eq)]
#[error("{location}: {message}")]
pub struct RecordError {
    /// The id the record would have had (`<file>:<line>` when it names none).
    pub id: String,
    pub source_file: String,
    pub line: Option<u64>,
    /// `file:line` or `file`, for messages.
    pub location: String,
    pub message: String,
}

impl RecordError {
    /// An error for `line` of `file` (or the whole file when `line` is `None`).
    pub fn new(id: String, file: &str, line: Option<u64>, message: impl Into<String>) -> Self {
        let location = match line {
            Some(l) => format!("{file}:{l}"),
            None => file.to_string(),
        };
        RecordError {
            id,
            source_file: file.to_string(),
            line,
            location,
            message: message.into(),
        }
    }
}

/// Default of `--max-doc-bytes`: 16 MiB. A news article is a few kilobytes; a document
/// this large is almost always a scraping accident (a whole site dumped into one record).
pub const DEFAULT_MAX_DOC_BYTES: u64 = 16 << 20;

/// Limits applied while reading, so that no input can make the reader's memory grow
/// without bound.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ReadOptions {
    /// Largest document text accepted, in bytes: a txt file, a JSONL line, or a CSV
    /// record. Larger ones become `error` rows and are never held in memory whole.
    pub max_doc_bytes: u64,
    /// Stream mode (`whosaid run - --emit …`, one partition of a larger corpus): JSONL
    /// input without records gives no document rather than an `empty file` error row
    /// (an empty partition is normal), and a record's `_source_file` and `_line` fields,
    /// when present, replace the stream's own name and line, so a driver that splits a
    /// corpus keeps each record's original location (and `<file>:<line>` id).
    pub stream: bool,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_doc_bytes: DEFAULT_MAX_DOC_BYTES,
            stream: false,
        }
    }
}

/// One input record: a document or the reason there is none, and the input bytes it used.
#[derive(Debug)]
pub struct Record {
    pub result: Result<Document, RecordError>,
    /// Bytes of input consumed for this record (for progress and throughput).
    pub input_bytes: u64,
}

/// Streams the records of `inputs` in order, one file after another.
pub fn read_all(inputs: Vec<InputFile>, options: ReadOptions) -> impl Iterator<Item = Record> {
    inputs
        .into_iter()
        .flat_map(move |input| read_file(input, options))
}

/// Streams the records of one input.
pub fn read_file(input: InputFile, options: ReadOptions) -> Box<dyn Iterator<Item = Record>> {
    let name = input.display_name();
    let opened: std::io::Result<Box<dyn std::io::Read>> = match &input.source {
        InputSource::Stdin => Ok(Box::new(std::io::stdin())),
        InputSource::Path(path) => {
            std::fs::File::open(path).map(|f| Box::new(f) as Box<dyn std::io::Read>)
        }
        InputSource::Unreadable { message, .. } => Err(std::io::Error::other(message.clone())),
    };
    match opened {
        Ok(reader) => read_reader(reader, input.format, name, input.default_id(), options),
        Err(e) => Box::new(std::iter::once(Record {
            result: Err(RecordError::new(
                input.default_id(),
                &name,
                None,
                format!("cannot read: {e}"),
            )),
            input_bytes: 0,
        })),
    }
}

/// Streams the records of in-memory bytes as if they were a file called `name` in
/// `format` (used by the fuzz target and tests; the id of a txt document is `name`).
pub fn read_bytes(
    bytes: Vec<u8>,
    format: InputFormat,
    name: &str,
    options: ReadOptions,
) -> Box<dyn Iterator<Item = Record>> {
    let reader: Box<dyn std::io::Read> = Box::new(std::io::Cursor::new(bytes));
    read_reader(reader, format, name.to_string(), name.to_string(), options)
}

/// Streams the records of `reader`, named `name` in messages; `default_id` is the id of a
/// txt document.
fn read_reader(
    reader: Box<dyn std::io::Read>,
    format: InputFormat,
    name: String,
    default_id: String,
    options: ReadOptions,
) -> Box<dyn Iterator<Item = Record>> {
    let limit = options.max_doc_bytes;
    match format {
        InputFormat::Txt => Box::new(std::iter::once(txt::read(reader, name, default_id, limit))),
        InputFormat::Jsonl => Box::new(
            jsonl::JsonlReader::new(BufReader::new(reader), name, limit).streaming(options.stream),
        ),
        InputFormat::Csv => Box::new(csv_input::CsvReader::new(reader, name, limit)),
    }
}
