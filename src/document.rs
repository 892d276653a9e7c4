//! The document model: one text, owned once, annotated by byte spans.

use std::fmt;

/// A byte range `start..end` (end-exclusive) into a document's text, always on char boundaries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`; callers guarantee `start <= end`.
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The text this span points at.
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// True when the two spans share at least one byte.
    pub const fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies entirely inside this span.
    pub const fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.start, self.end)
    }
}

/// Where a document came from and what the corpus says about it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocMeta {
    /// Identifier from the record (`id`/`doc_id`), the file stem, or `<file>:<line>`.
    pub id: String,
    /// The input file the document was read from (`-` for stdin).
    pub source_file: String,
    /// 1-based line (JSONL) or record start line (CSV) in `source_file`; `None` for txt files.
    pub line: Option<u64>,
    /// Publication date as given (`YYYY-MM-DD` expected, not enforced).
    pub date: Option<String>,
    pub title: Option<String>,
    /// Publisher or outlet, when the record names one.
    pub source: Option<String>,
}

/// One article: its metadata, its text (never rewritten), and reader warnings.
#[derive(Debug, Clone, Default)]
pub struct Document {
    pub meta: DocMeta,
    pub text: String,
    /// Problems noticed while reading (e.g. invalid UTF-8 replaced); the document still runs.
    pub warnings: Vec<String>,
}

impl Document {
    /// A document with the given id and text and no other metadata (handy in tests and APIs).
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Document {
            meta: DocMeta {
                id: id.into(),
                ..DocMeta::default()
            },
            text: text.into(),
            warnings: Vec::new(),
        }
    }
}
