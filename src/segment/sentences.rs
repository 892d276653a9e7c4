//! Sentence boundaries inside a paragraph, found by walking its tokens: terminal
//! punctuation, optionally followed by closing quotes or brackets, then whitespace and a
//! sentence-like start. Abbreviations, initials, decimals and mid-sentence ellipses do not
//! end sentences (the tokenizer already keeps `U.S.`, `Mr.` and `3.5` whole).

use super::chars::{char_at, is_quote_mark};
use super::tokens::{Token, TokenKind};
use crate::document::Span;
use crate::lexicon::Abbreviations;

/// One sentence, trimmed, inside paragraph `paragraph`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub paragraph: usize,
}

/// How a token may end a sentence.
enum Terminal {
    /// `.` on its own.
    Period,
    /// `!`, `?`, `…`, `...`.
    Other,
    /// A word that absorbed its final period (`U.S.`, `Mr.`, `J.K.`).
    AbbreviationPeriod,
}

fn terminal(text: &str, t: &Token) -> Option<Terminal> {
    let bytes = text.as_bytes();
    match t.kind {
        TokenKind::Punct => match bytes[t.span().start] {
            b'.' if t.span().len() == 1 => Some(Terminal::Period),
            b'.' | b'!' | b'?' => Some(Terminal::Other),
            0xE2 if t.span().slice(text) == "\u{2026}" => Some(Terminal::Other),
            _ => None,
        },
        TokenKind::Word if bytes[t.span().end - 1] == b'.' => Some(Terminal::AbbreviationPeriod),
        _ => None,
    }
}

/// Appends the sentences of `paragraph` (whose tokens are `tokens`) to `out`.
pub fn split_sentences(
    text: &str,
    paragraph: Span,
    tokens: &[Token],
    paragraph_index: usize,
    abbreviations: &Abbreviations,
    out: &mut Vec<Sentence>,
) {
    let paragraph = ParagraphTokens::new(paragraph, tokens, paragraph_index);
    split_at(text, &paragraph, 0..tokens.len(), abbreviations, out);
}

/// [`split_sentences`] visiting only the tokens `candidates` (indices into `tokens`, in
/// order) for sentence ends: any list that holds every token [`terminal`] accepts, such as
/// the one [`super::tokenize_hashed`] makes, splits as a visit of every token does.
pub fn split_sentences_at(
    text: &str,
    paragraph: Span,
    tokens: &[Token],
    candidates: &[usize],
    paragraph_index: usize,
    abbreviations: &Abbreviations,
    out: &mut Vec<Sentence>,
) {
    let paragraph = ParagraphTokens::new(paragraph, tokens, paragraph_index);
    split_at(
        text,
        &paragraph,
        candidates.iter().copied(),
        abbreviations,
        out,
    );
}

/// A paragraph's span, tokens and index.
struct ParagraphTokens<'t> {
    span: Span,
    tokens: &'t [Token],
    index: usize,
}

impl<'t> ParagraphTokens<'t> {
    fn new(span: Span, tokens: &'t [Token], index: usize) -> Self {
        ParagraphTokens {
            span,
            tokens,
            index,
        }
    }
}

fn split_at(
    text: &str,
    paragraph: &ParagraphTokens,
    candidates: impl Iterator<Item = usize>,
    abbreviations: &Abbreviations,
    out: &mut Vec<Sentence>,
) {
    let (tokens, paragraph_index) = (paragraph.tokens, paragraph.index);
    let paragraph = paragraph.span;
    let mut sentence_start = paragraph.start;
    let mut k = 0;
    for candidate in candidates {
        // (Tokens the previous end took in, up to `k`, are no candidates.)
        if candidate < k {
            continue;
        }
        k = candidate;
        let Some(kind) = tokens.get(k).and_then(|t| terminal(text, t)) else {
            continue;
        };
        let term = k;
        let mut end = tokens[k].span().end;
        k += 1;
        // Adjacent terminators ("?!", ". . .") and closing quotes or brackets join the end.
        let mut run = false;
        while let Some(t) = tokens.get(k).filter(|t| t.span().start == end) {
            let s = t.span().slice(text);
            let closing = s
                .chars()
                .next()
                .is_some_and(|c| is_quote_mark(c) || matches!(c, ')' | ']' | '\u{00BB}'));
            if matches!(s, "." | "!" | "?" | "...") {
                run = true;
            } else if !closing {
                break;
            }
            end = t.span().end;
            k += 1;
        }
        let Some(next) = tokens.get(k) else {
            break;
        };
        if next.span().start == end {
            continue; // no whitespace after the terminator: `end.The`, `3.5`
        }
        let Some(first) = char_at(text, next.span().start, paragraph.end) else {
            break;
        };
        if !(first.is_uppercase() || first.is_ascii_digit() || is_opening(first)) {
            continue;
        }
        let ends = match kind {
            Terminal::Other => true,
            _ if run => true,
            Terminal::Period => !(term > 0 && is_initial(text, &tokens[term - 1], &tokens[term])),
            Terminal::AbbreviationPeriod => {
                let word = tokens[term].span().slice(text);
                if abbreviations.is_abbreviation(word) {
                    abbreviations.may_end_sentence(word)
                        && abbreviations.is_sentence_opener(next_word(text, next, &tokens[k..]))
                } else {
                    !is_initials(word)
                }
            }
        };
        if ends {
            out.push(Sentence {
                span: Span::new(sentence_start, end),
                paragraph: paragraph_index,
            });
            sentence_start = next.span().start;
        }
    }
    if sentence_start < paragraph.end {
        out.push(Sentence {
            span: Span::new(sentence_start, paragraph.end),
            paragraph: paragraph_index,
        });
    }
}

fn is_opening(c: char) -> bool {
    is_quote_mark(c) || matches!(c, '(' | '[' | '\u{00AB}')
}

/// The first word at or after `next` (skipping opening quotes and brackets).
fn next_word<'t>(text: &'t str, next: &Token, rest: &[Token]) -> &'t str {
    rest.iter()
        .find(|t| t.kind != TokenKind::Punct)
        .map_or_else(|| next.span().slice(text), |t| t.span().slice(text))
}

/// A single capital letter directly before the period: an initial (`John F. Kennedy`).
fn is_initial(text: &str, word: &Token, period: &Token) -> bool {
    let w = word.span().slice(text).as_bytes();
    word.span().end == period.span().start && w.len() == 1 && w[0].is_ascii_uppercase()
}

/// `J.K.`: capital letters each followed by a period.
fn is_initials(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() >= 2
        && b.len() % 2 == 0
        && b.chunks(2)
            .all(|p| p[0].is_ascii_uppercase() && p[1] == b'.')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicons;
    use crate::segment::tokenize;

    fn split(text: &str) -> Vec<&str> {
        let abbreviations = &Lexicons::embedded().abbreviations;
        let span = Span::new(0, text.len());
        let mut tokens = Vec::new();
        tokenize(text, span, abbreviations, &mut tokens);
        let mut out = Vec::new();
        split_sentences(text, span, &tokens, 0, abbreviations, &mut out);
        out.iter().map(|s| s.span.slice(text)).collect()
    }

    /// Visiting only the tokenizer's candidate ends splits random paragraphs as visiting
    /// every token does.
    #[test]
    fn candidate_ends_split_like_every_token() {
        const PIECES: &[&str] = &[
            "It",
            "rained",
            "we",
            "U.S.",
            "Mr.",
            "Inc.",
            "J.K.",
            "F.",
            "The",
            "He",
            "3.5",
            "2",
            ".",
            "...",
            "!",
            "?",
            "?!",
            "\u{2026}",
            ",",
            "\"",
            "\u{201C}",
            "\u{201D}",
            "(",
            ")",
            "]",
            "\u{00BB}",
            "'",
            " ",
            " ",
            " ",
            "\u{00C9}t\u{00E9}",
            "a.m.",
            "x.",
        ];
        let abbreviations = &Lexicons::embedded().abbreviations;
        let mut rng = crate::segment::TestRng::new(0x9E37_79B9_7F4A_7C15);
        let mut next = |n: usize| rng.below(n);
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..next(30) {
                text.push_str(PIECES[next(PIECES.len())]);
                if next(3) > 0 {
                    text.push(' ');
                }
            }
            let span = Span::new(0, text.len());
            let (mut tokens, mut hashes, mut terminals) = (Vec::new(), Vec::new(), Vec::new());
            crate::segment::tokenize_hashed(
                &text,
                span,
                abbreviations,
                &mut tokens,
                &mut hashes,
                &mut terminals,
            );
            let (mut all, mut some) = (Vec::new(), Vec::new());
            split_sentences(&text, span, &tokens, 0, abbreviations, &mut all);
            split_sentences_at(
                &text,
                span,
                &tokens,
                &terminals,
                0,
                abbreviations,
                &mut some,
            );
            assert_eq!(all, some, "{text:?}");
        }
    }

    #[test]
    fn plain_sentences() {
        assert_eq!(
            split("It rained. We left! Why? No."),
            ["It rained.", "We left!", "Why?", "No."]
        );
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            split("Mr. Smith met Gen. Lee and Sen. Warren on Jan. 5 in St. Louis. They talked."),
            [
                "Mr. Smith met Gen. Lee and Sen. Warren on Jan. 5 in St. Louis.",
                "They talked."
            ]
        );
    }

    #[test]
    fn may_end_abbreviation_ends_before_a_sentence_opener_only() {
        assert_eq!(
            split("He moved to the U.S. The move was hard. The U.S. Navy agreed."),
            [
                "He moved to the U.S.",
                "The move was hard.",
                "The U.S. Navy agreed."
            ]
        );
    }

    #[test]
    fn initials_and_decimals() {
        assert_eq!(
            split("John F. Kennedy and J.K. Rowling earned 3.5 million. Then more."),
            [
                "John F. Kennedy and J.K. Rowling earned 3.5 million.",
                "Then more."
            ]
        );
    }

    #[test]
    fn ellipsis_mid_sentence_and_at_end() {
        assert_eq!(
            split("Its transition... as a pretext. Then\u{2026} Later."),
            ["Its transition... as a pretext.", "Then\u{2026}", "Later."]
        );
    }

    #[test]
    fn sentence_ends_inside_closing_quote() {
        assert_eq!(
            split("He said it was \"good.\" Then he left. She said \u{201C}fine.\u{201D} Done."),
            [
                "He said it was \"good.\"",
                "Then he left.",
                "She said \u{201C}fine.\u{201D}",
                "Done."
            ]
        );
    }

    #[test]
    fn lowercase_after_period_does_not_split() {
        assert_eq!(
            split("Use approx. ten. the end"),
            ["Use approx. ten. the end"]
        );
    }

    #[test]
    fn terminators_in_runs_and_brackets() {
        assert_eq!(
            split("Really?! Yes (he agreed.) Then \"Why?\" she asked."),
            ["Really?!", "Yes (he agreed.)", "Then \"Why?\" she asked."]
        );
    }
}
