//! Paragraphs: blank-line separated blocks when the text has blank lines, otherwise lines.

use crate::document::Span;

/// One paragraph, trimmed of surrounding whitespace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    pub span: Span,
    /// A headline or sub-heading: the title, or a short line without final punctuation.
    pub headline: bool,
    /// Indices of this paragraph's tokens in [`super::Segmentation::tokens`].
    pub tokens: std::ops::Range<usize>,
}

/// Longest paragraph (in words) that can count as a sub-heading.
const MAX_HEADING_WORDS: usize = 20;

/// Splits `text` into paragraphs and marks headlines (`title` is the document's title, if any).
pub fn split_paragraphs(text: &str, title: Option<&str>) -> Vec<Paragraph> {
    let lines = line_spans(text);
    let blank_mode = has_blank_separator(text, &lines);
    let mut out = Vec::with_capacity(lines.len());
    let mut block: Option<Span> = None;
    for line in lines {
        let trimmed = trim(text, line);
        if trimmed.is_empty() {
            if let Some(b) = block.take() {
                out.push(b);
            }
            continue;
        }
        if !blank_mode {
            out.push(trimmed);
            continue;
        }
        block = Some(match block {
            // A line that ends a sentence followed by one that starts a new one is a new
            // paragraph even without a blank line between (mixed formats); a line that
            // wraps mid-sentence continues its block.
            Some(b) if ends_paragraph(text, b) && starts_paragraph(text, trimmed) => {
                out.push(b);
                trimmed
            }
            Some(b) => Span::new(b.start, trimmed.end),
            None => trimmed,
        });
    }
    out.extend(block);
    out.into_iter()
        .enumerate()
        .map(|(index, span)| Paragraph {
            span,
            headline: is_headline(span.slice(text), index, title),
            tokens: 0..0,
        })
        .collect()
}

/// The block so far ends with sentence-final punctuation (closing quotes allowed).
fn ends_paragraph(text: &str, block: Span) -> bool {
    let last = block
        .slice(text)
        .trim_end_matches(|c: char| c.is_whitespace() || super::chars::is_quote_mark(c) || c == ')')
        .chars()
        .next_back();
    matches!(last, Some('.' | '!' | '?' | ':' | '\u{2026}'))
}

/// The line opens like a paragraph: a capital, a digit, an opening quote or a dash.
fn starts_paragraph(text: &str, line: Span) -> bool {
    line.slice(text).chars().next().is_some_and(|c| {
        c.is_uppercase()
            || c.is_ascii_digit()
            || super::chars::is_double_opener(c)
            || matches!(c, '\u{201C}' | '\u{2014}' | '\u{2015}' | '-' | '(')
    })
}

/// Byte spans of lines, without their `\n` terminators.
fn line_spans(text: &str) -> Vec<Span> {
    // (Room for lines of about 100 bytes: rarely grown.)
    let mut spans = Vec::with_capacity(text.len() / 64 + 4);
    let mut start = 0;
    for i in memchr::memchr_iter(b'\n', text.as_bytes()) {
        spans.push(Span::new(start, i));
        start = i + 1;
    }
    if start < text.len() {
        spans.push(Span::new(start, text.len()));
    }
    spans
}

/// True when a whitespace-only line separates two non-blank lines.
fn has_blank_separator(text: &str, lines: &[Span]) -> bool {
    let mut seen_text = false;
    let mut pending_blank = false;
    for line in lines {
        if line.slice(text).trim().is_empty() {
            pending_blank |= seen_text;
        } else {
            if pending_blank {
                return true;
            }
            seen_text = true;
        }
    }
    false
}

fn trim(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.end - (s.len() - s.trim_end().len());
    Span::new(start, end.max(start))
}

/// A headline is the document's title line, or a short line that does not end like a sentence.
fn is_headline(paragraph: &str, index: usize, title: Option<&str>) -> bool {
    if index == 0 {
        if let Some(title) = title.map(str::trim).filter(|t| !t.is_empty()) {
            // `Kasich: ‘We … Nomination.’` for the title `Kasich: ‘We … Nomination’`: the
            // same words with punctuation moved.
            let letters = |s: &str| {
                s.chars()
                    .filter(|c| c.is_alphanumeric())
                    .collect::<Vec<_>>()
            };
            if paragraph.contains(title)
                || title.contains(paragraph.trim_end_matches('.'))
                || (paragraph.len() <= 2 * title.len() && letters(paragraph) == letters(title))
            {
                return true;
            }
        }
    }
    let last = paragraph
        .trim_end_matches(|c: char| super::chars::is_quote_mark(c) || c == ')')
        .chars()
        .next_back();
    if matches!(
        last,
        Some('.' | '!' | '?' | ':' | ';' | ',' | '\u{2026}') | None
    ) {
        return false;
    }
    // Words average well under 12 bytes, so a longer paragraph cannot be a heading.
    paragraph.len() <= MAX_HEADING_WORDS * 12
        && paragraph.bytes().filter(|&b| b == b' ').count() < MAX_HEADING_WORDS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'a>(text: &'a str, ps: &[Paragraph]) -> Vec<&'a str> {
        ps.iter().map(|p| p.span.slice(text)).collect()
    }

    #[test]
    fn lines_are_paragraphs_without_blank_lines() {
        let t = "First line here.\nSecond line here.\n";
        assert_eq!(
            texts(t, &split_paragraphs(t, None)),
            ["First line here.", "Second line here."]
        );
    }

    #[test]
    fn blank_lines_separate_blocks_and_single_newlines_wrap() {
        let t = "Title\n\nOne wrapped\nparagraph here.\n \nTwo.\r\n";
        assert_eq!(
            texts(t, &split_paragraphs(t, None)),
            ["Title", "One wrapped\nparagraph here.", "Two."]
        );
    }

    #[test]
    fn a_finished_sentence_before_a_new_line_ends_the_paragraph_in_blank_line_mode() {
        let t =
            "Lead.\n\nHe said it.\n\u{201C}This is new,\u{201D} she said.\nwrapped line.\n\nEnd.";
        assert_eq!(
            texts(t, &split_paragraphs(t, None)),
            [
                "Lead.",
                "He said it.",
                "\u{201C}This is new,\u{201D} she said.\nwrapped line.",
                "End."
            ]
        );
    }

    #[test]
    fn headline_and_subheading_detection() {
        let t = "US and China meet\nThe ministers met on Thursday in Singapore.\nOfficials describe meeting as \"successful\"\nHe said it was \"good.\"";
        let flags: Vec<bool> = split_paragraphs(t, None)
            .iter()
            .map(|p| p.headline)
            .collect();
        assert_eq!(flags, [true, false, true, false]);
    }

    #[test]
    fn title_with_other_punctuation_is_still_the_headline() {
        let t = "Kasich: \u{2018}We Will Win.\u{2019}\n\nHe spoke on Tuesday.";
        let ps = split_paragraphs(t, Some("Kasich: \u{2018}We Will Win\u{2019}"));
        assert!(ps[0].headline);
        assert!(!ps[1].headline);
    }

    #[test]
    fn title_paragraph_is_headline_even_with_a_period() {
        let t = "Stealth Over Health: A Story.\n\nBody text here.";
        let ps = split_paragraphs(t, Some("Stealth Over Health: A Story"));
        assert!(ps[0].headline);
        assert!(!ps[1].headline);
    }
}
