//! Tokens: words (with inner hyphens and apostrophes: `military-to-military`, `don't`,
//! `Taiwan's`), numbers (`3.5`, `1,000`), dotted abbreviations (`U.S.`), and single
//! punctuation marks (an ellipsis `...` is one token).

use super::chars::char_at;
use crate::document::Span;
use crate::lexicon::Abbreviations;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

/// One token and where it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

/// Appends the tokens of `region` to `out`.
pub fn tokenize(text: &str, region: Span, abbreviations: &Abbreviations, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let end = region.end;
    let mut i = region.start;
    while i < end {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        if b.is_ascii_alphanumeric() {
            i = push_word(text, i, end, abbreviations, out);
            continue;
        }
        if b < 0x80 {
            let len = if b == b'.' && bytes[i..end].starts_with(b"...") { 3 } else { 1 };
            out.push(Token { span: Span::new(i, i + len), kind: TokenKind::Punct });
            i += len;
            continue;
        }
        let c = char_at(text, i, end).unwrap_or(' ');
        if c.is_whitespace() {
            i += c.len_utf8();
        } else if c.is_alphanumeric() {
            i = push_word(text, i, end, abbreviations, out);
        } else {
            out.push(Token { span: Span::new(i, i + c.len_utf8()), kind: TokenKind::Punct });
            i += c.len_utf8();
        }
    }
}

fn is_alnum_at(text: &str, pos: usize, end: usize) -> bool {
    match text.as_bytes().get(pos) {
        Some(b) if pos < end && b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) if pos < end => char_at(text, pos, end).is_some_and(char::is_alphanumeric),
        _ => false,
    }
}

/// Consumes alphanumerics starting at `pos`, returning the end of the run.
fn alnum_run(text: &str, mut pos: usize, end: usize) -> usize {
    let bytes = text.as_bytes();
    while pos < end {
        let b = bytes[pos];
        if b.is_ascii_alphanumeric() {
            pos += 1;
        } else if b >= 0x80 {
            match char_at(text, pos, end) {
                Some(c) if c.is_alphanumeric() => pos += c.len_utf8(),
                _ => break,
            }
        } else {
            break;
        }
    }
    pos
}

fn push_word(
    text: &str,
    start: usize,
    end: usize,
    abbreviations: &Abbreviations,
    out: &mut Vec<Token>,
) -> usize {
    let bytes = text.as_bytes();
    let numeric = bytes[start].is_ascii_digit();
    let mut segment_start = start;
    let mut pos = alnum_run(text, start, end);
    loop {
        let joiner_len = match bytes.get(pos) {
            Some(b'-' | b'\'' | b'.' | b',') if pos < end => 1,
            Some(0xE2) if bytes[pos..end].starts_with("\u{2019}".as_bytes()) => 3,
            _ => break,
        };
        let next = pos + joiner_len;
        if !is_alnum_at(text, next, end) {
            break;
        }
        let next_end = alnum_run(text, next, end);
        let joins = match bytes[pos] {
            b'.' => {
                let digits = bytes[pos - 1].is_ascii_digit() && bytes[next].is_ascii_digit();
                digits || (pos - segment_start <= 2 && next_end - next <= 2)
            }
            b',' => {
                bytes[pos - 1].is_ascii_digit()
                    && next_end - next == 3
                    && bytes[next..next_end].iter().all(u8::is_ascii_digit)
            }
            _ => true,
        };
        if !joins {
            break;
        }
        segment_start = next;
        pos = next_end;
    }
    // A final period belongs to a dotted abbreviation (`U.S.`, `a.m.`) or a lexicon entry.
    if bytes.get(pos) == Some(&b'.') && pos < end {
        let with_period = &text[start..=pos];
        let dotted = with_period[..with_period.len() - 1].contains('.') && pos - segment_start <= 2;
        if dotted || abbreviations.is_abbreviation(with_period) {
            pos += 1;
        }
    }
    let kind = if numeric { TokenKind::Number } else { TokenKind::Word };
    out.push(Token { span: Span::new(start, pos), kind });
    pos
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicons;

    fn toks(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize(text, Span::new(0, text.len()), &Lexicons::embedded().abbreviations, &mut out);
        out.iter().map(|t| t.span.slice(text)).collect()
    }

    #[test]
    fn words_with_hyphens_and_apostrophes() {
        assert_eq!(
            toks("Taiwan's military-to-military don't O\u{2019}Brien"),
            ["Taiwan's", "military-to-military", "don't", "O\u{2019}Brien"]
        );
    }

    #[test]
    fn numbers_abbreviations_and_punctuation() {
        assert_eq!(
            toks("The U.S. spent $3.5 billion, or 1,000 units, at 5 p.m. Mr. Li said..."),
            [
                "The", "U.S.", "spent", "$", "3.5", "billion", ",", "or", "1,000", "units", ",",
                "at", "5", "p.m.", "Mr.", "Li", "said", "..."
            ]
        );
    }

    #[test]
    fn sentence_final_period_is_its_own_token() {
        assert_eq!(toks("He left. Then"), ["He", "left", ".", "Then"]);
    }

    #[test]
    fn quote_marks_are_punctuation_tokens() {
        assert_eq!(toks("\u{201C}Go,\u{201D} he said"), ["\u{201C}", "Go", ",", "\u{201D}", "he", "said"]);
    }

    #[test]
    fn token_kinds() {
        let text = "Austin 2024 !";
        let mut out = Vec::new();
        tokenize(text, Span::new(0, text.len()), &Lexicons::embedded().abbreviations, &mut out);
        let kinds: Vec<TokenKind> = out.iter().map(|t| t.kind).collect();
        assert_eq!(kinds, [TokenKind::Word, TokenKind::Number, TokenKind::Punct]);
    }
}
