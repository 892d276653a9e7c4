//! Tokens: words (with inner hyphens and apostrophes: `military-to-military`, `don't`,
//! `Taiwan's`), numbers (`3.5`, `1,000`), dotted abbreviations (`U.S.`), and single
//! punctuation marks (an ellipsis `...` is one token).

use super::chars::char_at;
use crate::document::Span;
use crate::lexicon::{Abbreviations, WordIndex};

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
    /// The byte of a one-byte token (a mark such as `,`, or a one-letter word), 0 for a
    /// longer one: rules test for marks at most tokens, and this answers without reading
    /// the text. (It fills what was padding: a token is still 12 bytes.)
    mark: u8,
}

impl Token {
    /// A token over `span` of `text` (which must end below 4 GiB).
    #[inline(always)]
    pub fn new(text: &str, span: Span, kind: TokenKind) -> Token {
        let mark = match text.as_bytes().get(span.start..span.end) {
            Some(&[b]) => b,
            _ => 0,
        };
        Token::with_mark(span, kind, mark)
    }

    /// [`Token::new`] for the tokenizer, which knows the byte of a one-byte token.
    #[inline(always)]
    fn with_mark(span: Span, kind: TokenKind, mark: u8) -> Token {
        debug_assert!(span.end <= u32::MAX as usize);
        Token {
            start: span.start as u32,
            end: span.end as u32,
            kind,
            mark,
        }
    }

    /// Where the token is in the text.
    #[inline(always)]
    pub fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }

    /// Length in bytes.
    #[inline(always)]
    pub fn len(&self) -> usize {
        (self.end - self.start) as usize
    }

    /// True for a token of no bytes (the tokenizer makes none).
    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.end == self.start
    }

    /// The byte of a one-byte token, 0 for a longer one (and for the NUL byte, which is a
    /// one-byte mark: test `len() == 1` as well to tell it).
    #[inline(always)]
    pub fn mark(&self) -> u8 {
        self.mark
    }
}

/// Appends the tokens of `region` to `out`.
pub fn tokenize(text: &str, region: Span, abbreviations: &Abbreviations, out: &mut Vec<Token>) {
    let mut sink = Sink {
        hashes: &mut Vec::new(),
        terminals: &mut Vec::new(),
    };
    tokenize_into::<false>(text, region, abbreviations, out, &mut sink);
}

/// [`tokenize`], also appending each token's [`WordIndex::word_hash`] to `hashes` (the
/// segmenter's word hashes, computed while the token's bytes are at hand rather than in a
/// second pass over the tokens), and to `terminals` the index in `out` of every token that
/// may end a sentence (a superset of those: `.`, `!`, `?`, `...`, `…`, and words ending in a
/// period), so the sentence splitter visits those alone.
pub fn tokenize_hashed(
    text: &str,
    region: Span,
    abbreviations: &Abbreviations,
    out: &mut Vec<Token>,
    hashes: &mut Vec<u64>,
    terminals: &mut Vec<usize>,
) {
    let mut sink = Sink { hashes, terminals };
    tokenize_into::<true>(text, region, abbreviations, out, &mut sink);
}

/// Where the tokenizer puts what it finds besides the tokens (with `HASH`; plain
/// [`tokenize`] fills neither).
struct Sink<'a> {
    hashes: &'a mut Vec<u64>,
    terminals: &'a mut Vec<usize>,
}

/// What the tokenizer does at a byte: ASCII whitespace is skipped, an ASCII letter or
/// digit starts a word, another ASCII byte is a mark, and a non-ASCII byte is decoded.
const SPACE: u8 = 0;
const ALNUM: u8 = 1;
const MARK: u8 = 2;
const NON_ASCII: u8 = 3;

/// [`SPACE`], [`ALNUM`], [`MARK`] or [`NON_ASCII`] of every byte (one load and one
/// branch per token start in the main loop).
static BYTE_CLASS: [u8; 256] = {
    let mut table = [NON_ASCII; 256];
    let mut b = 0;
    while b < 128 {
        let byte = b as u8;
        table[b] = if byte.is_ascii_whitespace() {
            SPACE
        } else if byte.is_ascii_alphanumeric() {
            ALNUM
        } else {
            MARK
        };
        b += 1;
    }
    table
};

/// Bytes after a letter or digit that may continue a word (`-`, `'`, `.`, `,` and the
/// first byte of `’`) or end it with an abbreviation's period: only after these does a
/// word need more than its run of letters and digits.
static MAY_JOIN: [bool; 256] = {
    let mut table = [false; 256];
    table[b'-' as usize] = true;
    table[b'\'' as usize] = true;
    table[b'.' as usize] = true;
    table[b',' as usize] = true;
    table[0xE2] = true;
    table
};

#[inline(always)]
fn tokenize_into<const HASH: bool>(
    text: &str,
    region: Span,
    abbreviations: &Abbreviations,
    out: &mut Vec<Token>,
    sink: &mut Sink,
) {
    let bytes = &text.as_bytes()[..region.end];
    let end = region.end;
    let mut i = region.start;
    while let Some(&b) = bytes.get(i) {
        match BYTE_CLASS[b as usize] {
            SPACE => i += 1,
            ALNUM => i = push_ascii_word::<HASH>(text, i, end, abbreviations, out, sink),
            MARK => {
                let len = if b == b'.' && bytes[i..].starts_with(b"...") {
                    3
                } else {
                    1
                };
                let mark = if len == 1 { b } else { 0 };
                if HASH && matches!(b, b'.' | b'!' | b'?') {
                    sink.terminals.push(out.len());
                }
                out.push(Token::with_mark(
                    Span::new(i, i + len),
                    TokenKind::Punct,
                    mark,
                ));
                if HASH {
                    sink.hashes.push(if len == 1 {
                        WordIndex::ascii_byte_hash(b)
                    } else {
                        WordIndex::word_hash(text, i, i + len)
                    });
                }
                i += len;
            }
            _ => {
                let c = char_at(text, i, end).unwrap_or(' ');
                if c.is_whitespace() {
                    i += c.len_utf8();
                } else if is_alphanumeric(c) {
                    i = push_word::<HASH>(text, i, end, abbreviations, out, sink);
                } else {
                    let next = i + c.len_utf8();
                    if HASH && c == '\u{2026}' {
                        sink.terminals.push(out.len());
                    }
                    out.push(Token::with_mark(Span::new(i, next), TokenKind::Punct, 0));
                    if HASH {
                        sink.hashes.push(WordIndex::word_hash(text, i, next));
                    }
                    i = next;
                }
            }
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
        // Eight bytes at a time while they are all ASCII letters or digits; the last few
        // one at a time.
        loop {
            if let Some(chunk) = bytes.get(pos..pos + 8) {
                let stop = non_alnum_mask(u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8])));
                if stop != 0 {
                    pos += (stop.trailing_zeros() / 8) as usize;
                    break;
                }
                pos += 8;
            } else {
                while pos < bytes.len() && ASCII_ALNUM[bytes[pos] as usize] {
                    pos += 1;
                }
                break;
            }
        }
        // At the end or at a byte that is no ASCII letter or digit: only a non-ASCII
        // letter or digit continues the run.
        match bytes.get(pos) {
            Some(&b) if b >= 0x80 => {}
            _ => return pos,
        }
        match char_at(text, pos, end) {
            Some(c) if is_alphanumeric(c) => pos += c.len_utf8(),
            _ => return pos,
        }
    }
}

/// [`push_word`] for a word or number starting with an ASCII letter or digit. Most are
/// done within the sixteen bytes from `start`: a run of ASCII letters and digits ending
/// there at an ASCII byte that joins nothing to it (no hyphen or apostrophe; a comma after
/// a letter; a period that is no abbreviation's), whose hash is that of the bytes loaded.
#[inline(always)]
fn push_ascii_word<const HASH: bool>(
    text: &str,
    start: usize,
    end: usize,
    abbreviations: &Abbreviations,
    out: &mut Vec<Token>,
    sink: &mut Sink,
) -> usize {
    let bytes = &text.as_bytes()[..end];
    if let Some((pos, hash)) = short_ascii_run(bytes, start) {
        let stop = bytes[pos];
        if stop < 0x80
            && (!MAY_JOIN[stop as usize]
                // (A comma joins only digits: `1,000`.)
                || (stop == b',' && !bytes[pos - 1].is_ascii_digit())
                || (stop == b'.' && period_stays_apart(text, start, pos, end, abbreviations)))
        {
            let kind = if bytes[start].is_ascii_digit() {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            let mark = if pos - start == 1 { bytes[start] } else { 0 };
            out.push(Token::with_mark(Span::new(start, pos), kind, mark));
            if HASH {
                sink.hashes.push(hash);
            }
            // (The space after most words is skipped here rather than by the main loop.)
            return pos + usize::from(stop == b' ');
        }
    }
    push_word::<HASH>(text, start, end, abbreviations, out, sink)
}

/// Where the run of ASCII letters and digits starting at `start` (an ASCII letter or digit)
/// ends, with its [`WordIndex::word_hash`], when it ends before the sixteenth byte and
/// those bytes lie in `bytes` (the byte where it ends is then in `bytes` too).
#[inline(always)]
fn short_ascii_run(bytes: &[u8], start: usize) -> Option<(usize, u64)> {
    let load = |chunk: &[u8]| u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
    let w = load(bytes.get(start..start + 8)?);
    // (At least 1: `start` holds a letter or digit.)
    let len = (non_alnum_mask(w).trailing_zeros() / 8) as usize;
    if (1..8).contains(&len) {
        return Some((start + len, WordIndex::short_ascii_hash(w, len)));
    }
    let w2 = load(bytes.get(start + 8..start + 16)?);
    let len2 = (non_alnum_mask(w2).trailing_zeros() / 8) as usize;
    (len == 8 && len2 < 8).then(|| {
        (
            start + 8 + len2,
            WordIndex::two_chunk_ascii_hash(w, w2, len2),
        )
    })
}

/// True when the period at `pos` after the run of ASCII letters and digits `start..pos`
/// is a token of its own (`said.`): no letter or digit follows it (ASCII; a non-ASCII byte
/// is left to [`joined_word_end`]) and the word with it is no abbreviation (`Mr.`). A run
/// holds no period, so it is no dotted abbreviation either.
#[inline]
fn period_stays_apart(
    text: &str,
    start: usize,
    pos: usize,
    end: usize,
    abbreviations: &Abbreviations,
) -> bool {
    let bytes = text.as_bytes();
    let joins = match bytes.get(pos + 1) {
        Some(&b) if pos + 1 < end => b >= 0x80 || ASCII_ALNUM[b as usize],
        _ => false,
    };
    !joins
        && !text
            .get(start..=pos)
            .is_some_and(|word| abbreviations.is_abbreviation(word))
}

/// Pushes the word or number starting at `start` (and its hash with `HASH`), returning
/// where it ends.
#[inline(always)]
fn push_word<const HASH: bool>(
    text: &str,
    start: usize,
    end: usize,
    abbreviations: &Abbreviations,
    out: &mut Vec<Token>,
    sink: &mut Sink,
) -> usize {
    let bytes = text.as_bytes();
    let mut pos = alnum_run(text, start, end);
    // Most words end at a byte that can neither join another run nor be their period.
    if pos < end && MAY_JOIN[bytes[pos] as usize] {
        pos = joined_word_end(text, start, pos, end, abbreviations);
    }
    let kind = if bytes[start].is_ascii_digit() {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    if HASH && bytes[pos - 1] == b'.' {
        sink.terminals.push(out.len());
    }
    out.push(Token::new(text, Span::new(start, pos), kind));
    if HASH {
        sink.hashes.push(WordIndex::word_hash(text, start, pos));
    }
    pos
}

/// The end of the word starting at `start` whose first run of letters and digits ends at
/// `pos`, before a byte of [`MAY_JOIN`]: runs joined by hyphens, apostrophes, decimal
/// points and thousands separators (`military-to-military`, `don’t`, `3.5`, `1,000`,
/// `U.S`), then a final period that belongs to a dotted abbreviation or a lexicon entry.
#[inline(never)]
fn joined_word_end(
    text: &str,
    start: usize,
    mut pos: usize,
    end: usize,
    abbreviations: &Abbreviations,
) -> usize {
    let bytes = text.as_bytes();
    let mut segment_start = start;
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
        let mut rng = crate::segment::TestRng::new(0x9E37_79B9_7F4A_7C15);
        for _ in 0..100_000 {
            let state = rng.bits();
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

    /// The tokenizer before the byte-class table, kept to check that the current one cuts
    /// every text the same way.
    fn reference_tokenize(text: &str, region: Span, abbreviations: &Abbreviations) -> Vec<Token> {
        // (The joined-word slow path is shared: the reference checks the byte-table fast
        // path and the token loop against it.)
        fn push_word(
            text: &str,
            start: usize,
            end: usize,
            abbreviations: &Abbreviations,
            out: &mut Vec<Token>,
        ) -> usize {
            let numeric = text.as_bytes()[start].is_ascii_digit();
            let run_end = reference_alnum_run(text, start, end);
            let pos = joined_word_end(text, start, run_end, end, abbreviations);
            let kind = if numeric {
                TokenKind::Number
            } else {
                TokenKind::Word
            };
            out.push(Token::new(text, Span::new(start, pos), kind));
            pos
        }
        fn reference_alnum_run(text: &str, mut pos: usize, end: usize) -> usize {
            let bytes = &text.as_bytes()[..end];
            loop {
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
        let mut out = Vec::new();
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
                i = push_word(text, i, end, abbreviations, &mut out);
                continue;
            }
            if b < 0x80 {
                let len = if b == b'.' && bytes[i..end].starts_with(b"...") {
                    3
                } else {
                    1
                };
                out.push(Token::new(text, Span::new(i, i + len), TokenKind::Punct));
                i += len;
                continue;
            }
            let c = char_at(text, i, end).unwrap_or(' ');
            if c.is_whitespace() {
                i += c.len_utf8();
            } else if is_alphanumeric(c) {
                i = push_word(text, i, end, abbreviations, &mut out);
            } else {
                out.push(Token::new(
                    text,
                    Span::new(i, i + c.len_utf8()),
                    TokenKind::Punct,
                ));
                i += c.len_utf8();
            }
        }
        out
    }

    #[test]
    fn byte_classes_agree_with_the_char_tests() {
        for b in 0..=255u8 {
            let expected = if b >= 0x80 {
                NON_ASCII
            } else if b.is_ascii_whitespace() {
                SPACE
            } else if b.is_ascii_alphanumeric() {
                ALNUM
            } else {
                MARK
            };
            assert_eq!(BYTE_CLASS[b as usize], expected, "byte {b:#x}");
            let joins = matches!(b, b'-' | b'\'' | b'.' | b',' | 0xE2);
            assert_eq!(MAY_JOIN[b as usize], joins, "byte {b:#x}");
        }
    }

    /// Random texts of news-like pieces (abbreviations, numbers, joiners, curly quotes,
    /// non-ASCII letters, digits and spaces, control characters) in random regions: the
    /// same tokens as the reference tokenizer, and every hash that of its word.
    #[test]
    fn tokens_and_hashes_agree_with_the_reference() {
        const PIECES: &[&str] = &[
            "a",
            "B",
            "z9",
            "said",
            "Internationalisation",
            "U.S.",
            "Mr.",
            "Gen.",
            "p.m.",
            "a.m",
            "J.K.",
            "3",
            "3.5",
            "1,000",
            "12,34",
            "2024",
            ".",
            "...",
            "..",
            ",",
            "-",
            "'",
            "\u{2019}",
            "\u{201C}",
            "\u{201D}",
            "\u{2014}",
            "\u{2026}",
            "\u{2018}",
            "\u{00E9}",
            "\u{00D6}",
            "\u{00DF}",
            "\u{0130}",
            "\u{212A}",
            "\u{0663}",
            "\u{65E5}",
            "\u{0301}",
            "\u{00A0}",
            "\u{2009}",
            "\u{3000}",
            " ",
            " ",
            " ",
            "\n",
            "\t",
            "\r",
            "\u{000B}",
            "\u{000C}",
            ":",
            "(",
            ")",
            "\"",
            "$",
            "don",
            "t",
            "s",
            "x",
            "military",
            "to",
            "AbCdEfGhIj",
            "\u{1F600}",
        ];
        let abbreviations = &Lexicons::embedded().abbreviations;
        let mut rng = crate::segment::TestRng::new(0x2545_F491_4F6C_DD1D);
        let mut next = |n: usize| rng.below(n);
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..next(24) {
                text.push_str(PIECES[next(PIECES.len())]);
            }
            let bounds: Vec<usize> = (0..=text.len())
                .filter(|&i| text.is_char_boundary(i))
                .collect();
            let (a, b) = (bounds[next(bounds.len())], bounds[next(bounds.len())]);
            for region in [Span::new(0, text.len()), Span::new(a.min(b), a.max(b))] {
                let expected = reference_tokenize(&text, region, abbreviations);
                let mut plain = Vec::new();
                tokenize(&text, region, abbreviations, &mut plain);
                assert_eq!(plain, expected, "{text:?} in {region:?}");
                let (mut tokens, mut hashes, mut terminals) = (Vec::new(), Vec::new(), Vec::new());
                tokenize_hashed(
                    &text,
                    region,
                    abbreviations,
                    &mut tokens,
                    &mut hashes,
                    &mut terminals,
                );
                assert_eq!(tokens, expected, "{text:?} in {region:?}");
                // Every token that may end a sentence is listed, in order, and no other.
                let may_end: Vec<usize> = (0..tokens.len())
                    .filter(|&k| {
                        let word = tokens[k].span().slice(&text);
                        match tokens[k].kind {
                            TokenKind::Punct => {
                                matches!(word.as_bytes()[0], b'.' | b'!' | b'?')
                                    || word == "\u{2026}"
                            }
                            _ => word.ends_with('.'),
                        }
                    })
                    .collect();
                assert_eq!(terminals, may_end, "{text:?} in {region:?}");
                let words: Vec<u64> = tokens
                    .iter()
                    .map(|t| WordIndex::word_hash(&text, t.span().start, t.span().end))
                    .collect();
                assert_eq!(hashes, words, "{text:?} in {region:?}");
            }
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
