//! Quotation spans.
//!
//! Top-level quotations use double marks: straight `"`, curly `“ ”`, low `„`, guillemets
//! `« »`. Single marks (`‘ ’`, `'`, `‹ ›`) open nested quotations only inside a double
//! quotation, so apostrophes (`don't`, `Taiwan's`, `'90s`, `rock 'n' roll`, `Austin'`) are
//! never taken for quote marks outside one, and rarely inside.
//!
//! Each paragraph is scanned once with a small stack, so the work is linear in the text.
//! A quotation left open at the end of a paragraph continues into the next paragraph when
//! that paragraph begins with an opening mark (the news convention for multi-paragraph
//! quotes); otherwise it is closed at the end of its paragraph and a warning is recorded.
//! A quotation is never paired across paragraphs in any other way.

use super::chars::{
    char_at, char_before, is_closing_context, is_double_opener, is_opening_context,
};
use super::paragraphs::Paragraph;
use super::tokens::{Token, TokenKind};
use crate::document::Span;
use crate::lexicon::Elisions;

/// One piece of a quotation: the content and the outer extent including its marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fragment {
    /// The quoted words, marks and surrounding whitespace excluded.
    pub content: Span,
    /// From the opening mark to the closing mark inclusive (to the paragraph end when the
    /// fragment is continued or unclosed).
    pub outer: Span,
}

/// A top-level quotation, possibly in several fragments (one per paragraph it spans).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteSpan {
    pub fragments: Vec<Fragment>,
    /// From the first opening mark to the last closing mark.
    pub outer: Span,
    /// Paragraph of the first fragment.
    pub paragraph: usize,
    /// Sentence containing the opening mark (filled in by [`super::segment`]).
    pub sentence: usize,
    /// True when the first fragment sits in a headline or sub-heading.
    pub headline: bool,
    /// False when the closing mark was missing and the quote was closed at a paragraph end.
    pub closed: bool,
}

impl QuoteSpan {
    /// Content span from the start of the first fragment to the end of the last.
    pub fn content_span(&self) -> Span {
        let first = self.fragments.first().map_or(self.outer, |f| f.content);
        let last = self.fragments.last().map_or(self.outer, |f| f.content);
        Span::new(first.start, last.end)
    }
}

/// Deepest nesting tracked; deeper opening marks are ignored.
const MAX_DEPTH: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    /// `"` opens and closes.
    Straight,
    /// `“` … `”`, or `„` … `“`/`”`.
    Curly,
    /// `«` … `»`.
    Guillemet,
    /// `‘ ’ ' ‹ ›`: nested quotations.
    Single,
}

#[derive(Debug, Clone, Copy)]
struct Open {
    family: Family,
    mark: Span,
}

/// A quotation being built, possibly across paragraphs.
struct Building {
    fragments: Vec<Fragment>,
    paragraph: usize,
    open: Open,
}

/// The state of the scan: the stack of open marks within the current paragraph.
struct Scanner<'a> {
    text: &'a str,
    elisions: &'a Elisions,
    paragraph: Span,
    stack: Vec<Open>,
    /// Double quotations closed directly inside the open top-level one, in case that
    /// top-level mark turns out to be stray (never closed in its paragraph).
    nested: Vec<Fragment>,
    warnings: &'a mut Vec<String>,
}

/// Finds the top-level quotations of a document, paragraph by paragraph.
pub fn find_quotes(
    text: &str,
    paragraphs: &[Paragraph],
    all_tokens: &[Token],
    elisions: &Elisions,
    warnings: &mut Vec<String>,
) -> Vec<QuoteSpan> {
    // (Room for a quotation every 300 or so bytes, as in news text: rarely grown.)
    let mut quotes = Vec::with_capacity(text.len() / 256 + 1);
    let mut carried: Option<Building> = None;
    // The scanner's stacks start each paragraph empty; their buffers go from one paragraph
    // to the next.
    let (mut stack, mut nested) = (Vec::new(), Vec::new());
    for (index, paragraph) in paragraphs.iter().enumerate() {
        stack.clear();
        nested.clear();
        let mut scanner = Scanner {
            text,
            elisions,
            paragraph: paragraph.span,
            stack: std::mem::take(&mut stack),
            nested: std::mem::take(&mut nested),
            warnings,
        };
        let mut building = carried.take();
        // A carried quotation continues only if this paragraph opens with a double mark.
        if let Some(b) = building.take() {
            let first = char_at(text, paragraph.span.start, paragraph.span.end);
            if first.is_some_and(is_double_opener) {
                building = Some(b);
            } else {
                quotes.extend(close_unfinished(b, scanner.warnings));
            }
        }
        let open_quote = scanner.scan(
            &all_tokens[paragraph.tokens.clone()],
            index,
            building,
            &mut quotes,
        );
        if let Some(b) = open_quote {
            let next_opens = paragraphs.get(index + 1).is_some_and(|p| {
                char_at(text, p.span.start, p.span.end).is_some_and(is_double_opener)
            });
            if next_opens {
                carried = Some(b);
            } else if !scanner.nested.is_empty() && b.fragments.len() == 1 {
                // The unclosed mark was stray: the quotations it seemed to contain stand alone.
                scanner.warnings.push(format!(
                    "unmatched opening quotation mark at byte {} ignored",
                    b.open.mark.start
                ));
                for fragment in std::mem::take(&mut scanner.nested) {
                    quotes.push(QuoteSpan {
                        fragments: vec![fragment],
                        outer: fragment.outer,
                        paragraph: index,
                        sentence: 0,
                        headline: false,
                        closed: true,
                    });
                }
            } else {
                quotes.extend(close_unfinished(b, scanner.warnings));
            }
        }
        stack = scanner.stack;
        nested = scanner.nested;
    }
    if let Some(b) = carried {
        quotes.extend(close_unfinished(b, warnings));
    }
    quotes.sort_by_key(|q| q.outer.start);
    quotes
}

/// Closes a quotation whose last fragment reached the end of its paragraph unclosed
/// (dropped, still with a warning, when it has no content).
fn close_unfinished(b: Building, warnings: &mut Vec<String>) -> Option<QuoteSpan> {
    warnings.push(format!(
        "unclosed quotation mark at byte {} closed at the end of its paragraph",
        b.open.mark.start
    ));
    (!b.fragments.is_empty()).then(|| finish(b, false))
}

fn finish(b: Building, closed: bool) -> QuoteSpan {
    let outer = Span::new(
        b.fragments
            .first()
            .map_or(b.open.mark.start, |f| f.outer.start),
        b.fragments.last().map_or(b.open.mark.end, |f| f.outer.end),
    );
    QuoteSpan {
        fragments: b.fragments,
        outer,
        paragraph: b.paragraph,
        sentence: 0,
        headline: false,
        closed,
    }
}

/// `span` without leading and trailing whitespace.
fn trim(text: &str, span: Span) -> Span {
    let s = span.slice(text);
    let start = span.start + (s.len() - s.trim_start().len());
    let end = span.end - (s.len() - s.trim_end().len());
    Span::new(start, end.max(start))
}

impl Scanner<'_> {
    /// Scans one paragraph; returns the quotation still open at its end, if any.
    fn scan(
        &mut self,
        tokens: &[Token],
        index: usize,
        mut building: Option<Building>,
        quotes: &mut Vec<QuoteSpan>,
    ) -> Option<Building> {
        let Span { start, end } = self.paragraph;
        let mut skip_until = 0;
        for token in tokens {
            if token.kind != TokenKind::Punct || token.span().start < skip_until {
                continue;
            }
            let b = self.text.as_bytes()[token.span().start];
            if !(b == b'"' || b == b'\'' || b == 0xE2 || b == 0xC2) {
                continue;
            }
            let Some(mut c) = char_at(self.text, token.span().start, end) else {
                break;
            };
            let mut mark = Span::new(token.span().start, token.span().start + c.len_utf8());
            // Two apostrophes `''` stand for a straight double mark in some archives.
            if c == '\'' && self.text[mark.end..end].starts_with('\'') {
                mark.end += 1;
                skip_until = mark.end;
                c = '"';
            }
            let prev = char_before(self.text, mark.start, start);
            let next = char_at(self.text, mark.end, end);
            let can_open =
                next.is_some_and(|n| !n.is_whitespace()) && prev.is_none_or(is_opening_context);
            let can_close =
                prev.is_some_and(|p| !p.is_whitespace()) && next.is_none_or(is_closing_context);
            let double_open = self.innermost_double().is_some();
            match c {
                '"' => {
                    if double_open && (can_close || !can_open) {
                        self.close_double(mark, index, &mut building, quotes);
                    } else if can_open {
                        self.open(Family::Straight, mark, index, &mut building);
                    } else {
                        self.warn_stray(mark);
                    }
                }
                '\u{201C}' => {
                    if double_open && can_close && !can_open {
                        self.close_double(mark, index, &mut building, quotes);
                    } else if self.top_is(Family::Curly, true) && can_close {
                        // `„ … “` (German style): the left mark closes a low-9 opening.
                        self.close_double(mark, index, &mut building, quotes);
                    } else {
                        self.open(Family::Curly, mark, index, &mut building);
                    }
                }
                '\u{201E}' => self.open(Family::Curly, mark, index, &mut building),
                '\u{201D}' => {
                    if double_open {
                        self.close_double(mark, index, &mut building, quotes);
                    } else if can_open && !can_close {
                        // A right mark used as an opening mark.
                        self.open(Family::Curly, mark, index, &mut building);
                    } else {
                        self.warn_stray(mark);
                    }
                }
                '\u{00AB}' => self.open(Family::Guillemet, mark, index, &mut building),
                '\u{00BB}' => {
                    if double_open {
                        self.close_double(mark, index, &mut building, quotes);
                    } else {
                        self.warn_stray(mark);
                    }
                }
                '\u{2018}' | '\u{2039}' | '\'' => {
                    let single_open = self
                        .stack
                        .last()
                        .is_some_and(|o| o.family == Family::Single);
                    if c == '\''
                        && single_open
                        && can_close
                        && !next.is_some_and(char::is_alphanumeric)
                    {
                        self.stack.pop();
                    } else if double_open && can_open && self.opens_nested(mark, next) {
                        self.push(Family::Single, mark);
                    }
                }
                '\u{2019}' | '\u{203A}' => {
                    let single_open = self
                        .stack
                        .last()
                        .is_some_and(|o| o.family == Family::Single);
                    if single_open && can_close && !next.is_some_and(char::is_alphanumeric) {
                        self.stack.pop();
                    }
                }
                _ => {}
            }
        }
        let top = self.stack.first().copied();
        self.stack.clear();
        match (building, top) {
            (Some(mut b), Some(open)) => {
                let content_start = open.mark.end;
                let content = trim(self.text, Span::new(content_start, end));
                if !content.is_empty() {
                    b.fragments.push(Fragment {
                        content,
                        outer: Span::new(open.mark.start, end),
                    });
                }
                b.open = open;
                Some(b)
            }
            (b, _) => b,
        }
    }

    /// True when an opening single mark starts a nested quotation rather than an elision.
    fn opens_nested(&self, mark: Span, next: Option<char>) -> bool {
        if !next.is_some_and(char::is_alphabetic) {
            return false;
        }
        let rest = &self.text[mark.end..self.paragraph.end];
        let word_len = rest
            .find(|c: char| !c.is_alphanumeric())
            .unwrap_or(rest.len());
        let word_end = mark.end + word_len;
        let mut form = &self.text[mark.start..word_end];
        if self.elisions.contains(form) {
            return false;
        }
        if let Some(c) = char_at(self.text, word_end, self.paragraph.end) {
            if matches!(c, '\'' | '\u{2019}') {
                form = &self.text[mark.start..word_end + c.len_utf8()];
                if self.elisions.contains(form) {
                    return false;
                }
            }
        }
        true
    }

    fn innermost_double(&self) -> Option<usize> {
        self.stack.iter().rposition(|o| o.family != Family::Single)
    }

    fn top_is(&self, family: Family, low: bool) -> bool {
        self.stack.last().is_some_and(|o| {
            o.family == family && (!low || self.text[o.mark.start..].starts_with('\u{201E}'))
        })
    }

    fn push(&mut self, family: Family, mark: Span) {
        if self.stack.len() < MAX_DEPTH {
            self.stack.push(Open { family, mark });
        }
    }

    /// Opens a double quotation: top-level when nothing is open, nested otherwise.
    fn open(&mut self, family: Family, mark: Span, index: usize, building: &mut Option<Building>) {
        if !self.stack.is_empty() {
            self.push(family, mark);
            return;
        }
        self.nested.clear();
        self.stack.push(Open { family, mark });
        // A continued quotation (carried from the previous paragraph) keeps its fragments
        // only when this is the paragraph's very first character.
        let continues = mark.start == self.paragraph.start;
        match building {
            Some(b) if continues => b.open = Open { family, mark },
            _ => {
                *building = Some(Building {
                    fragments: Vec::new(),
                    paragraph: index,
                    open: Open { family, mark },
                })
            }
        }
    }

    /// Closes the innermost open double quotation (dropping unclosed nested singles).
    fn close_double(
        &mut self,
        mark: Span,
        _index: usize,
        building: &mut Option<Building>,
        quotes: &mut Vec<QuoteSpan>,
    ) {
        let Some(pos) = self.innermost_double() else {
            return;
        };
        let open = self.stack[pos];
        self.stack.truncate(pos);
        if pos > 0 {
            // A nested double quotation closed; remember it in case the outer mark is stray.
            if pos == 1 {
                let content = trim(self.text, Span::new(open.mark.end, mark.start));
                if !content.is_empty() {
                    self.nested.push(Fragment {
                        content,
                        outer: Span::new(open.mark.start, mark.end),
                    });
                }
            }
            return;
        }
        self.nested.clear();
        let Some(mut b) = building.take() else {
            return;
        };
        let content = trim(self.text, Span::new(open.mark.end, mark.start));
        if !content.is_empty() {
            b.fragments.push(Fragment {
                content,
                outer: Span::new(open.mark.start, mark.end),
            });
        }
        if !b.fragments.is_empty() {
            quotes.push(finish(b, true));
        }
    }

    fn warn_stray(&mut self, mark: Span) {
        self.warnings.push(format!(
            "stray closing quotation mark at byte {} ignored",
            mark.start
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicons;

    fn quotes(text: &str) -> (Vec<Vec<&str>>, Vec<String>) {
        let doc = crate::Document::new("t", text);
        let seg = crate::segment::segment(&doc, Lexicons::embedded());
        let mut warnings = Vec::new();
        let qs = find_quotes(
            text,
            &seg.paragraphs,
            &seg.tokens,
            &Lexicons::embedded().elisions,
            &mut warnings,
        );
        let contents = qs
            .iter()
            .map(|q| q.fragments.iter().map(|f| f.content.slice(text)).collect())
            .collect();
        (contents, warnings)
    }

    fn single(text: &str) -> Vec<String> {
        quotes(text).0.into_iter().map(|f| f.join(" | ")).collect()
    }

    #[test]
    fn straight_and_curly_double_quotes() {
        assert_eq!(
            single("He said \"we will go,\" and she said \u{201C}no.\u{201D}"),
            ["we will go,", "no."]
        );
    }

    #[test]
    fn low_and_guillemet_quotes() {
        assert_eq!(
            single("Er sagte \u{201E}ja\u{201C} und \u{00AB}non\u{00BB} dit-il."),
            ["ja", "non"]
        );
    }

    #[test]
    fn nested_single_quotes_stay_inside() {
        assert_eq!(
            single("\u{201C}He told me \u{2018}never again\u{2019} today,\u{201D} she said."),
            ["He told me \u{2018}never again\u{2019} today,"]
        );
        assert_eq!(
            single("\"He told me 'never again' today,\" she said."),
            ["He told me 'never again' today,"]
        );
    }

    #[test]
    fn apostrophes_are_not_quote_marks() {
        for text in [
            "Taiwan's leaders don't agree, and the 'Austin' plan is off.",
            "\"We don't accept Taiwan's claims,\" he said.",
            "\"In the '90s we played rock 'n' roll,\" he said.",
            "\"The Austins' house, 'em all,\" he said.",
            "\u{201C}It\u{2019}s the \u{2019}90s and Taiwan\u{2019}s turn,\u{201D} he said.",
        ] {
            let (qs, _) = quotes(text);
            let inner: Vec<&str> = qs.iter().flatten().copied().collect();
            if text.starts_with("Taiwan") {
                assert!(inner.is_empty(), "{text}: {inner:?}");
            } else {
                assert_eq!(inner.len(), 1, "{text}: {inner:?}");
                assert!(
                    text.contains(&format!("{} he said", &inner[0])) || text.contains(inner[0])
                );
            }
        }
        assert_eq!(
            single("\"In the '90s we played rock 'n' roll,\" he said."),
            ["In the '90s we played rock 'n' roll,"]
        );
    }

    #[test]
    fn multi_paragraph_quote_is_one_quote_with_fragments() {
        let text = "\u{201C}We will win this fight.\n\u{201C}And we will not stop,\u{201D} she said.\nNext.";
        let (qs, warnings) = quotes(text);
        assert_eq!(
            qs,
            [vec!["We will win this fight.", "And we will not stop,"]]
        );
        assert!(warnings.is_empty(), "{warnings:?}");
    }

    #[test]
    fn multi_paragraph_with_blank_lines_and_straight_marks() {
        let text = "\"First part.\n\n\"Second part.\n\n\"Third,\" he said.";
        assert_eq!(
            quotes(text).0,
            [vec!["First part.", "Second part.", "Third,"]]
        );
    }

    #[test]
    fn unbalanced_quote_closes_at_paragraph_end_with_warning() {
        let text = "He said \"this never closes.\nThe next paragraph has \"a quote\" here.";
        let (qs, warnings) = quotes(text);
        assert_eq!(qs, [vec!["this never closes."], vec!["a quote"]]);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
    }

    #[test]
    fn stray_opening_mark_releases_the_quotes_it_swallowed() {
        let text = "\"CNN's host called it \u{201C}a farce\u{201D} and said, \u{201C}No way.\u{201D}\nNext.";
        let (qs, warnings) = quotes(text);
        assert_eq!(qs, [vec!["a farce"], vec!["No way."]]);
        assert_eq!(warnings.len(), 1, "{warnings:?}");
    }

    #[test]
    fn stray_closing_mark_is_ignored() {
        let (qs, warnings) = quotes("Nothing here\u{201D} at all.");
        assert!(qs.is_empty());
        assert_eq!(warnings.len(), 1);
    }

    #[test]
    fn empty_quotes_are_dropped() {
        assert!(single("An empty \"\" pair and \u{201C} \u{201D}.").is_empty());
    }

    #[test]
    fn quote_in_headline_and_at_paragraph_start() {
        assert_eq!(
            single("Officials describe meeting as \"successful\"\n\"Good,\" he said."),
            ["successful", "Good,"]
        );
    }

    #[test]
    fn doubled_apostrophes_are_double_quotes() {
        assert_eq!(
            single("''We like it,'' Ms. Aubrey said of the ''title.''"),
            ["We like it,", "title."]
        );
    }

    #[test]
    fn inch_marks_do_not_open_quotes() {
        assert!(single("He is 6'2\" tall and the pipe is 12\" wide.").is_empty());
    }

    #[test]
    fn right_mark_used_as_opener() {
        assert_eq!(single("He said \u{201D}yes\u{201D} loudly."), ["yes"]);
    }
}
