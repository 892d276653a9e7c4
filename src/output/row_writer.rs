//! CSV rows written straight into a byte buffer, byte for byte as `csv::Writer` writes
//! them with its default settings, without its state machine: the per-document rows are
//! rendered for every document, and `csv::Writer` costs a buffer, a core writer's
//! bookkeeping per field and a copy of everything written.
//!
//! The rules are those of `csv::WriterBuilder::new()` (`QuoteStyle::Necessary`, `,`
//! delimiter, `"` quote doubled inside quotes, `\n` terminator): a field is quoted when it
//! holds a `,`, a `"`, a `\n` or a `\r` (anywhere), and a record that would otherwise be
//! empty (no field, or one empty field) is written as `""` so that it reads back as a
//! record. Unlike `csv::Writer` nothing checks that records have the same number of
//! fields; the callers write fixed columns.

/// True for the bytes that make a field quoted.
#[inline(always)]
fn is_special(b: u8) -> bool {
    matches!(b, b',' | b'"' | b'\n' | b'\r')
}

/// Fields shorter than this are tested byte by byte; longer ones with `memchr`.
const SHORT_FIELD: usize = 16;

/// True when `field` must be quoted.
#[inline]
fn needs_quotes(field: &[u8]) -> bool {
    if field.len() < SHORT_FIELD {
        field.iter().any(|&b| is_special(b))
    } else {
        memchr::memchr3(b',', b'"', b'\n', field).is_some()
            || memchr::memchr(b'\r', field).is_some()
    }
}

/// Rows of CSV appended to an in-memory buffer.
#[derive(Debug, Default)]
pub struct RowWriter {
    buf: Vec<u8>,
    /// Where the current record starts in `buf`.
    record_start: usize,
    /// Fields written in the current record.
    fields: usize,
}

impl RowWriter {
    /// An empty writer whose buffer has room for `capacity` bytes.
    pub fn with_capacity(capacity: usize) -> Self {
        RowWriter {
            buf: Vec::with_capacity(capacity),
            record_start: 0,
            fields: 0,
        }
    }

    #[inline]
    fn delimit(&mut self) {
        if self.fields > 0 {
            self.buf.push(b',');
        }
        self.fields += 1;
    }

    /// Appends one field to the current record, quoted where CSV needs it.
    #[inline]
    pub fn field(&mut self, field: &str) {
        let field = field.as_bytes();
        self.delimit();
        if !needs_quotes(field) {
            self.buf.extend_from_slice(field);
            return;
        }
        self.buf.push(b'"');
        let mut rest = field;
        while let Some(i) = memchr::memchr(b'"', rest) {
            // The quote itself, then its double.
            self.buf.extend_from_slice(&rest[..=i]);
            self.buf.push(b'"');
            rest = &rest[i + 1..];
        }
        self.buf.extend_from_slice(rest);
        self.buf.push(b'"');
    }

    /// Appends a field known to need no quotes (a number as written by `itoa` or the
    /// score formatter: digits, `-`, `.`, `;`, letters), without testing its bytes.
    #[inline]
    pub fn plain(&mut self, field: &str) {
        debug_assert!(!needs_quotes(field.as_bytes()), "{field:?} needs quotes");
        self.delimit();
        self.buf.extend_from_slice(field.as_bytes());
    }

    /// Ends the current record.
    #[inline]
    pub fn end_record(&mut self) {
        if self.buf.len() == self.record_start {
            // Nothing written (no field, or a single empty one): `""`, as csv does.
            self.buf.extend_from_slice(b"\"\"");
        }
        self.buf.push(b'\n');
        self.record_start = self.buf.len();
        self.fields = 0;
    }

    /// Writes the fields of `record` as one record.
    pub fn record<I, T>(&mut self, record: I)
    where
        I: IntoIterator<Item = T>,
        T: AsRef<str>,
    {
        for f in record {
            self.field(f.as_ref());
        }
        self.end_record();
    }

    /// The bytes written (complete records, and the current record's fields so far).
    pub fn into_bytes(self) -> Vec<u8> {
        self.buf
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `csv::Writer` with its defaults writes for `records`.
    fn csv_bytes(records: &[Vec<&str>]) -> Vec<u8> {
        let mut w = csv::WriterBuilder::new()
            .flexible(true)
            .has_headers(false)
            .from_writer(Vec::new());
        for r in records {
            w.write_record(r).expect("writing into a Vec");
        }
        w.into_inner().expect("flushing into a Vec")
    }

    fn row_bytes(records: &[Vec<&str>]) -> Vec<u8> {
        let mut w = RowWriter::default();
        for r in records {
            w.record(r);
        }
        w.into_bytes()
    }

    const TRICKY: &[&str] = &[
        "",
        " ",
        "plain",
        "a,b",
        ",",
        "\"",
        "\"\"",
        "say \"no\"",
        "\"quoted\"",
        "line\nbreak",
        "cr\ronly",
        "crlf\r\n",
        "\n",
        "\r",
        "tab\there",
        "'=1+1",
        "-0.250",
        "#comment",
        " leading and trailing ",
        "émigré — “curly” ‘quotes’ 中文",
        "naïve, \"café\"\r\n…",
        "a long field of more than sixteen bytes without anything special in it",
        "a long field of more than sixteen bytes with a comma, late",
        "a long field of more than sixteen bytes with a carriage return\r",
        "a long field of more than sixteen bytes with a \"quote\" or two \"\"",
        "sixteen bytes!!,",
        "fifteen bytes!,",
        "\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"\"",
    ];

    #[test]
    fn each_tricky_field_alone_and_among_others_is_written_as_csv_writes_it() {
        for &f in TRICKY {
            for record in [
                vec![f],
                vec![f, f],
                vec!["x", f],
                vec![f, ""],
                vec!["", f, ""],
            ] {
                let records = [record];
                assert_eq!(
                    String::from_utf8_lossy(&row_bytes(&records)),
                    String::from_utf8_lossy(&csv_bytes(&records)),
                    "{:?}",
                    records[0]
                );
            }
        }
    }

    #[test]
    fn whole_tables_and_empty_records_are_written_as_csv_writes_them() {
        let records: Vec<Vec<&str>> = vec![
            TRICKY.to_vec(),
            vec![""],
            vec![],
            vec!["", ""],
            TRICKY.iter().rev().copied().collect(),
            vec![""],
        ];
        assert_eq!(row_bytes(&records), csv_bytes(&records));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig {
            cases: 2000,
            failure_persistence: None,
            ..proptest::prelude::ProptestConfig::default()
        })]
        #[test]
        fn any_records_are_written_as_csv_writes_them(
            records in proptest::collection::vec(
                proptest::collection::vec("[a \",\r\n\t'=é“中]{0,24}", 0..4),
                0..4,
            )
        ) {
            let records: Vec<Vec<&str>> = records
                .iter()
                .map(|r| r.iter().map(String::as_str).collect())
                .collect();
            proptest::prop_assert_eq!(row_bytes(&records), csv_bytes(&records));
        }
    }

    #[test]
    fn plain_fields_are_written_as_they_are() {
        let mut w = RowWriter::with_capacity(8);
        w.plain("-0.250");
        w.field("a,b");
        w.plain("1-2;3-4");
        w.end_record();
        assert_eq!(
            w.into_bytes(),
            csv_bytes(&[vec!["-0.250", "a,b", "1-2;3-4"]])
        );
    }
}
