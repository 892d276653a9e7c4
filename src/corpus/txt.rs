//! Plain-text files: one document per file, optional ` date YYYY-MM-DD Title` first line.

use super::decode::decode_lossy;
use super::{Record, RecordError};
use crate::document::{DocMeta, Document};
use std::io::Read;

/// Reads a whole text file as one document; the text is the file's content unchanged.
pub fn read(reader: Box<dyn Read>, name: String, default_id: String, limit: u64) -> Record {
    let mut bytes = Vec::new();
    // One byte past the limit tells an over-long file without reading all of it.
    if let Err(e) = reader.take(limit.saturating_add(1)).read_to_end(&mut bytes) {
        return Record {
            input_bytes: bytes.len() as u64,
            result: Err(RecordError::new(
                default_id,
                &name,
                None,
                format!("cannot read file: {e}"),
            )),
        };
    }
    let input_bytes = bytes.len() as u64;
    if input_bytes > limit {
        return Record {
            input_bytes,
            result: Err(RecordError::new(
                default_id,
                &name,
                None,
                format!(
                    "file larger than --max-doc-bytes ({limit} bytes); skipped (raise the limit to analyse it)"
                ),
            )),
        };
    }
    let (text, warning) = decode_lossy(bytes);
    let (date, title) = parse_date_line(&text).unzip();
    Record {
        input_bytes,
        result: Ok(Document {
            meta: DocMeta {
                id: default_id,
                source_file: name,
                line: None,
                date,
                title,
                source: None,
            },
            text,
            warnings: warning.into_iter().collect(),
        }),
    }
}

/// Parses a first line of the form ` date YYYY-MM-DD Title` (leading space optional).
pub fn parse_date_line(text: &str) -> Option<(String, String)> {
    let first = text.lines().next()?;
    let rest = first
        .strip_prefix(' ')
        .unwrap_or(first)
        .strip_prefix("date ")?;
    let date = rest.get(..10)?;
    let b = date.as_bytes();
    let shape_ok = b.iter().enumerate().all(|(i, c)| match i {
        4 | 7 => *c == b'-',
        _ => c.is_ascii_digit(),
    });
    if !shape_ok {
        return None;
    }
    let title = rest[10..].trim();
    Some((date.to_string(), title.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_over_the_limit_are_errors_read_only_up_to_the_limit() {
        let big = vec![b'a'; 10_000];
        let r = read(
            Box::new(std::io::Cursor::new(big)),
            "f.txt".into(),
            "f".into(),
            100,
        );
        assert_eq!(r.input_bytes, 101, "reading stops one byte past the limit");
        assert!(r.result.unwrap_err().message.contains("--max-doc-bytes"));
        let r = read(Box::new(&b""[..]), "e.txt".into(), "e".into(), 100);
        assert_eq!(r.result.unwrap().text, "");
    }

    #[test]
    fn date_line_with_and_without_leading_space() {
        assert_eq!(
            parse_date_line(" date 2024-05-31 US and China meet\nBody"),
            Some(("2024-05-31".into(), "US and China meet".into()))
        );
        assert_eq!(
            parse_date_line("date 2024-05-31 T"),
            Some(("2024-05-31".into(), "T".into()))
        );
        assert_eq!(parse_date_line("dated 2024-05-31 T"), None);
        assert_eq!(parse_date_line("date 2024-5-31 T"), None);
    }
}
