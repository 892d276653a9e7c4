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

/// One token and where it is. Offsets are stored as `u32` (12 bytes a token, a quarter of
/// the text's size in memory); the pipeline rejects documents of 4 GiB or more.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    start: u32,
    end: u32,
    pub kind: TokenKind,
}

impl Token {
    /// A token over `span` (which must end below 4 GiB).
    #[inline(always)]
    pub fn new(span: Span, kind: TokenKind) -> Token {
        debug_assert!(span.end <= u32::MAX as usize);
        Token {
            start: span.start as u32,
            end: span.end as u32,
            kind,
        }
    }

    /// Where the token is in the text.
    #[inline(always)]
    pub fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }
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
            let len = if b == b'.' && bytes[i..end].starts_with(b"...") {
                3
            } else {
                1
            };
            out.push(Token::new(Span::new(i, i + len), TokenKind::Punct));
            i += len;
            continue;
        }
        let c = char_at(text, i, end).unwrap_or(' ');
        if c.is_whitespace() {
            i += c.len_utf8();
        } else if is_alphanumeric(c) {
            i = push_word(text, i, end, abbreviations, out);
        } else {
            out.push(Token::new(Span::new(i, i + c.len_utf8()), TokenKind::Punct));
            i += c.len_utf8();
        }
    }
}

/// `char::is_alphanumeric` with a shortcut for the punctuation block news text is full of
/// (curly quotes, dashes, ellipses, special spaces).
#[inline(always)]
fn is_alphanumeric(c: char) -> bool {
    match c as u32 {
        0..=0x7F => ASCII_ALNUM[c as usize],
        0x2000..=0x206F => false,
        _ => c.is_alphanumeric(),
    }
}

#[inline(always)]
fn is_alnum_at(text: &str, pos: usize, end: usize) -> bool {
    match text.as_bytes().get(pos) {
        Some(b) if pos < end && b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) if pos < end => char_at(text, pos, end).is_some_and(is_alphanumeric),
        _ => false,
    }
}

/// ASCII letters and digits, as a table (the tokenizer's innermost loop).
static ASCII_ALNUM: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

/// For eight bytes read little-endian, a mask with the high bit set in every byte that is
/// not an ASCII letter or digit (non-ASCII bytes included). No byte's arithmetic carries
/// into the next because every addend keeps ASCII values below 0x100.
#[inline(always)]
fn non_alnum_mask(w: u64) -> u64 {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const fn splat(b: u8) -> u64 {
        (b as u64) * 0x0101_0101_0101_0101
    }
    let ascii = w & !HIGH;
    let lower = ascii | splat(0x20);
    let letter =
        lower.wrapping_add(splat(0x80 - b'a')) & !lower.wrapping_add(splat(0x80 - b'z' - 1));
    let digit =
        ascii.wrapping_add(splat(0x80 - b'0')) & !ascii.wrapping_add(splat(0x80 - b'9' - 1));
    (!(letter | digit) | w) & HIGH
}

/// Consumes alphanumerics starting at `pos`, returning the end of the run.
#[inline(always)]
fn alnum_run(text: &str, mut pos: usize, end: usize) -> usize {
    let bytes = &text.as_bytes()[..end];
    loop {
        // Eight bytes at a time while they are all ASCII letters or digits.
        while let Some(chunk) = bytes.get(pos..pos + 8) {
            let stop = non_alnum_mask(u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8])));
            if stop != 0 {
                pos += (stop.trailing_zeros() / 8) as usize;
                break;
            }
            pos += 8;
        }
        while pos < bytes.len() && ASCII_ALNUM[bytes[pos] as usize] {
            pos += 1;
        }
        if pos >= bytes.len() || bytes[pos] < 0x80 {
            return pos;
        }
        match char_at(text, pos, end) {
            Some(c) if is_alphanumeric(c) => pos += c.len_utf8(),
            _ => return pos,
        }
    }
}

#[inline(always)]
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
    let kind = if numeric {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    out.push(Token::new(Span::new(start, pos), kind));
    pos
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicons;

    fn toks(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize(
            text,
            Span::new(0, text.len()),
            &Lexicons::embedded().abbreviations,
            &mut out,
        );
        out.iter().map(|t| t.span().slice(text)).collect()
    }

    #[test]
    fn words_with_hyphens_and_apostrophes() {
        assert_eq!(
            toks("Taiwan's military-to-military don't O\u{2019}Brien"),
            [
                "Taiwan's",
                "military-to-military",
                "don't",
                "O\u{2019}Brien"
            ]
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
        assert_eq!(
            toks("\u{201C}Go,\u{201D} he said"),
            ["\u{201C}", "Go", ",", "\u{201D}", "he", "said"]
        );
    }

    #[test]
    fn eight_byte_alnum_mask_agrees_with_the_byte_table() {
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..100_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let mask = non_alnum_mask(state);
            for (i, b) in state.to_le_bytes().iter().enumerate() {
                let stop = mask >> (i * 8 + 7) & 1 == 1;
                assert_eq!(stop, !ASCII_ALNUM[*b as usize], "byte {b:#x}");
            }
        }
        for b in 0..=255u8 {
            let mask = non_alnum_mask(u64::from(b));
            assert_eq!(mask & 0x80 != 0, !ASCII_ALNUM[b as usize], "byte {b:#x}");
        }
    }

    #[test]
    fn token_kinds() {
        let text = "Austin 2024 !";
        let mut out = Vec::new();
        tokenize(
            text,
            Span::new(0, text.len()),
            &Lexicons::embedded().abbreviations,
            &mut out,
        );
        let kinds: Vec<TokenKind> = out.iter().map(|t| t.kind).collect();
        assert_eq!(
            kinds,
            [TokenKind::Word, TokenKind::Number, TokenKind::Punct]
        );
    }
}
