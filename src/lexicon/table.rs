//! Comma-separated lexicon files: a header row naming the columns, then one entry per line.

use super::{DataLine, LexiconError, LexiconFile};

/// One data row: its line number and its fields (trimmed).
pub struct Row<'a> {
    pub number: usize,
    pub fields: Vec<&'a str>,
}

impl LexiconFile {
    /// The data rows of a CSV lexicon whose header must be exactly `columns`.
    pub fn rows(&self, columns: &[&str]) -> Result<Vec<Row<'_>>, LexiconError> {
        let mut lines = self.lines();
        let header: Option<DataLine<'_>> = lines.next();
        let header_fields: Vec<&str> = header
            .map(|h| h.content.split(',').map(str::trim).collect())
            .unwrap_or_default();
        if header_fields != columns {
            return Err(self.error(
                header.map_or(0, |h| h.number),
                format!("header must be `{}`", columns.join(",")),
            ));
        }
        lines
            .map(|line| {
                let mut fields: Vec<&str> = Vec::with_capacity(columns.len());
                let mut rest = line.content;
                while let Some(comma) = memchr::memchr(b',', rest.as_bytes()) {
                    fields.push(rest[..comma].trim());
                    rest = &rest[comma + 1..];
                }
                fields.push(rest.trim());
                if fields.len() != columns.len() {
                    return Err(self.error(
                        line.number,
                        format!(
                            "expected {} fields ({}), found {}",
                            columns.len(),
                            columns.join(","),
                            fields.len()
                        ),
                    ));
                }
                Ok(Row {
                    number: line.number,
                    fields,
                })
            })
            .collect()
    }
}
