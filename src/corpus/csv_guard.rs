//! A reader between a CSV file and the `csv` parser that follows the quoting state, so
//! the reader can tell two things the parser does not: that the file ended inside a quoted
//! field (the parser silently returns the rest of the file as one cell), and that a record
//! grew past `--max-doc-bytes` (the parser would buffer it whole). An over-long record is
//! cut: the bytes beyond the limit are dropped up to the record's end and the record is
//! closed there, so memory stays bounded and the next record reads normally.

use std::cell::RefCell;
use std::io::{self, Read};
use std::rc::Rc;

/// What the guard noticed, as byte offsets into the stream the parser sees.
#[derive(Debug, Default)]
pub struct Marks {
    /// Offsets where an over-long record was cut.
    pub cut: Vec<u64>,
    /// Offset where the input ended inside a quoted field.
    pub unclosed: Option<u64>,
}

impl Marks {
    /// True when a mark lies in `start..end`; marks before `start` are dropped (records
    /// arrive in order).
    pub fn take_in(&mut self, start: u64, end: u64) -> (bool, bool) {
        self.cut.retain(|&c| c >= start);
        let cut = self.cut.first().is_some_and(|&c| c < end);
        let unclosed = self.unclosed.is_some_and(|u| start <= u && u < end);
        (cut, unclosed)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    StartField,
    InField,
    InQuoted,
    QuoteInQuoted,
}

/// Wraps the CSV input; see the module documentation.
pub struct CsvGuard<R> {
    inner: R,
    state: State,
    /// Bytes of the current record passed on so far.
    record_bytes: u64,
    limit: u64,
    /// Dropping bytes until the current (over-long) record ends.
    skipping: bool,
    /// Synthetic bytes still to hand to the parser (the end of a cut record).
    pending: Vec<u8>,
    /// Bytes handed to the parser so far.
    emitted: u64,
    eof: bool,
    /// Read-ahead from `inner`: `buf[pos..len]` is still to filter.
    pos: usize,
    len: usize,
    marks: Rc<RefCell<Marks>>,
    buf: Vec<u8>,
}

impl<R: Read> CsvGuard<R> {
    /// A guard cutting records longer than `limit` bytes; `marks` receives what it saw.
    pub fn new(inner: R, limit: u64, marks: Rc<RefCell<Marks>>) -> Self {
        CsvGuard {
            inner,
            state: State::StartField,
            record_bytes: 0,
            limit,
            skipping: false,
            pending: Vec::new(),
            emitted: 0,
            eof: false,
            pos: 0,
            len: 0,
            marks,
            buf: vec![0; 64 * 1024],
        }
    }

    /// Advances the quoting state over one byte; returns true at a record end.
    fn step(&mut self, b: u8) -> bool {
        let terminator = b == b'\n' || b == b'\r';
        let (next, ends) = match (self.state, b) {
            (State::StartField, b'"') => (State::InQuoted, false),
            (State::InQuoted, b'"') => (State::QuoteInQuoted, false),
            (State::InQuoted, _) => (State::InQuoted, false),
            (State::QuoteInQuoted, b'"') => (State::InQuoted, false),
            (_, b',') => (State::StartField, false),
            (_, _) if terminator => (State::StartField, true),
            _ => (State::InField, false),
        };
        self.state = next;
        ends
    }

    /// Moves bytes from the buffer to `out`; stops early when a cut record ends, so its
    /// synthetic end goes out before the next record.
    fn filter(&mut self, out: &mut [u8]) -> usize {
        let mut written = 0;
        while self.pos < self.len && written < out.len() {
            let b = self.buf[self.pos];
            self.pos += 1;
            let ends = self.step(b);
            if self.skipping {
                if ends {
                    self.skipping = false;
                    self.record_bytes = 0;
                    break;
                }
                continue;
            }
            out[written] = b;
            written += 1;
            self.record_bytes += 1;
            if ends {
                self.record_bytes = 0;
            } else if self.record_bytes > self.limit {
                self.skipping = true;
                self.marks
                    .borrow_mut()
                    .cut
                    .push(self.emitted + written as u64 - 1);
                if self.state == State::InQuoted {
                    self.pending.push(b'"');
                }
                self.pending.push(b'\n');
            }
        }
        written
    }
}

impl<R: Read> Read for CsvGuard<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if out.is_empty() {
            return Ok(0);
        }
        loop {
            // The end of a cut record goes out once the rest of it has been dropped.
            if !self.pending.is_empty() && !self.skipping {
                let n = self.pending.len().min(out.len());
                out[..n].copy_from_slice(&self.pending[..n]);
                self.pending.drain(..n);
                self.emitted += n as u64;
                return Ok(n);
            }
            if self.pos == self.len {
                if self.eof {
                    return Ok(0);
                }
                self.pos = 0;
                self.len = self.inner.read(&mut self.buf)?;
                if self.len == 0 {
                    self.eof = true;
                    if self.skipping {
                        self.skipping = false;
                    } else if self.state == State::InQuoted && self.emitted > 0 {
                        self.marks.borrow_mut().unclosed = Some(self.emitted - 1);
                    }
                }
                continue;
            }
            let written = self.filter(out);
            if written > 0 {
                self.emitted += written as u64;
                return Ok(written);
            }
        }
    }
}
