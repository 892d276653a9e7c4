//! Sentence boundaries inside a paragraph: terminal punctuation, optionally followed by
//! closing quotes or brackets, then whitespace and a sentence-like start. Abbreviations,
//! initials, decimals and mid-sentence ellipses do not end sentences.

use super::chars::{char_at, is_quote_mark};
use crate::document::Span;
use crate::lexicon::Abbreviations;

/// One sentence, trimmed, inside paragraph `paragraph`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sentence {
    pub span: Span,
    pub paragraph: usize,
}

/// Words after which an abbreviation marked `may_end` does close the sentence.
const SENTENCE_OPENERS: &[&str] = &[
    "The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These",
    "Those", "But", "And", "In", "On", "At", "For", "As", "If", "When", "While", "Its", "His",
    "Her", "Their", "Our", "There", "Some", "Many", "Most", "After", "Before", "Since",
];

/// Appends the sentences of `paragraph` to `out`.
pub fn split_sentences(
    text: &str,
    paragraph: Span,
    paragraph_index: usize,
    abbreviations: &Abbreviations,
    out: &mut Vec<Sentence>,
) {
    let bytes = text.as_bytes();
    let end = paragraph.end;
    let mut sentence_start = paragraph.start;
    let mut i = paragraph.start;
    while i < end {
        let b = bytes[i];
        let term_len = match b {
            b'.' | b'!' | b'?' => 1,
            0xE2 if bytes[i..end].starts_with("\u{2026}".as_bytes()) => 3,
            _ => {
                i += 1;
                continue;
            }
        };
        let term_start = i;
        let mut j = i + term_len;
        // Runs of terminators ("...", "?!") count as one.
        while j < end && matches!(bytes[j], b'.' | b'!' | b'?') {
            j += 1;
        }
        let single_period = b == b'.' && j == term_start + 1;
        // Closing quotes and brackets belong to the sentence they close.
        while let Some(c) = char_at(text, j, end) {
            if is_quote_mark(c) || matches!(c, ')' | ']' | '\u{00BB}') {
                j += c.len_utf8();
            } else {
                break;
            }
        }
        i = j;
        let Some(after) = char_at(text, j, end) else {
            break;
        };
        if !after.is_whitespace() {
            continue;
        }
        let next_start = skip_whitespace(text, j, end);
        let Some(next) = char_at(text, next_start, end) else {
            break;
        };
        if !(next.is_uppercase() || next.is_ascii_digit() || is_opening(next)) {
            continue;
        }
        if single_period {
            let word = word_before(text, sentence_start, term_start + 1);
            if !period_ends_sentence(text, word, next_start, end, abbreviations) {
                continue;
            }
        }
        out.push(Sentence {
            span: Span::new(sentence_start, j),
            paragraph: paragraph_index,
        });
        sentence_start = next_start;
        i = next_start;
    }
    if sentence_start < end {
        out.push(Sentence {
            span: Span::new(sentence_start, end),
            paragraph: paragraph_index,
        });
    }
}

fn is_opening(c: char) -> bool {
    is_quote_mark(c) || matches!(c, '(' | '[' | '\u{00AB}')
}

fn skip_whitespace(text: &str, mut pos: usize, end: usize) -> usize {
    while let Some(c) = char_at(text, pos, end) {
        if !c.is_whitespace() {
            break;
        }
        pos += c.len_utf8();
    }
    pos
}

/// The whitespace-delimited word ending at `end` (which includes its period), without
/// leading quote marks or brackets.
fn word_before(text: &str, floor: usize, end: usize) -> &str {
    let s = &text[floor..end];
    let start = s
        .rfind(|c: char| c.is_whitespace())
        .map_or(0, |p| p + s[p..].chars().next().map_or(1, char::len_utf8));
    s[start..].trim_start_matches(|c: char| is_opening(c) || c == '-')
}

fn period_ends_sentence(
    text: &str,
    word: &str,
    next_start: usize,
    end: usize,
    abbreviations: &Abbreviations,
) -> bool {
    if !abbreviations.is_abbreviation(word) {
        return !is_initials(word);
    }
    if !abbreviations.may_end_sentence(word) {
        return false;
    }
    let next_word = text[next_start..end]
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or_default();
    SENTENCE_OPENERS.contains(&next_word)
}

/// `F.` or `J.K.`: capital letters each followed by a period.
fn is_initials(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() >= 2 && b.len() % 2 == 0 && b.chunks(2).all(|p| p[0].is_ascii_uppercase() && p[1] == b'.')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicons;

    fn split(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        split_sentences(
            text,
            Span::new(0, text.len()),
            0,
            &Lexicons::embedded().abbreviations,
            &mut out,
        );
        out.iter().map(|s| s.span.slice(text)).collect()
    }

    #[test]
    fn plain_sentences() {
        assert_eq!(split("It rained. We left! Why? No."), ["It rained.", "We left!", "Why?", "No."]);
    }

    #[test]
    fn abbreviations_do_not_end_sentences() {
        assert_eq!(
            split("Mr. Smith met Gen. Lee and Sen. Warren on Jan. 5 in St. Louis. They talked."),
            ["Mr. Smith met Gen. Lee and Sen. Warren on Jan. 5 in St. Louis.", "They talked."]
        );
    }

    #[test]
    fn may_end_abbreviation_ends_before_a_sentence_opener_only() {
        assert_eq!(
            split("He moved to the U.S. The move was hard. The U.S. Navy agreed."),
            ["He moved to the U.S.", "The move was hard.", "The U.S. Navy agreed."]
        );
    }

    #[test]
    fn initials_and_decimals() {
        assert_eq!(
            split("John F. Kennedy and J.K. Rowling earned 3.5 million. Then more."),
            ["John F. Kennedy and J.K. Rowling earned 3.5 million.", "Then more."]
        );
    }

    #[test]
    fn ellipsis_mid_sentence_and_at_end() {
        assert_eq!(
            split("Its transition... as a pretext. Then… Later."),
            ["Its transition... as a pretext.", "Then…", "Later."]
        );
    }

    #[test]
    fn sentence_ends_inside_closing_quote() {
        assert_eq!(
            split("He said it was \"good.\" Then he left. She said \u{201C}fine.\u{201D} Done."),
            ["He said it was \"good.\"", "Then he left.", "She said \u{201C}fine.\u{201D}", "Done."]
        );
    }

    #[test]
    fn lowercase_after_period_does_not_split() {
        assert_eq!(split("Use approx. ten. the end"), ["Use approx. ten. the end"]);
    }
}
