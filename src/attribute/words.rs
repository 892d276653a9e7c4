//! A view of a document's tokens with the lexicon questions attribution asks of them.

use crate::document::Span;
use crate::lexicon::{Body, Cue, CueKind, Lexicons, Title, WordClass};
use crate::segment::{Segmentation, Token, TokenKind};

/// Tokens of one document plus the lexicons: the vocabulary of every attribution rule.
pub struct Words<'a> {
    pub text: &'a str,
    pub seg: &'a Segmentation,
    pub lex: &'a Lexicons,
    pub tokens: &'a [Token],
}

impl<'a> Words<'a> {
    pub fn new(text: &'a str, seg: &'a Segmentation, lex: &'a Lexicons) -> Self {
        Words {
            text,
            seg,
            lex,
            tokens: &seg.tokens,
        }
    }

    /// The text of token `k`.
    pub fn word(&self, k: usize) -> &'a str {
        self.tokens[k].span().slice(self.text)
    }

    pub fn span(&self, k: usize) -> Span {
        self.tokens[k].span()
    }

    /// Byte span covering tokens `a..b` (non-empty range).
    pub fn range_span(&self, a: usize, b: usize) -> Span {
        Span::new(self.tokens[a].span().start, self.tokens[b - 1].span().end)
    }

    pub fn is_punct(&self, k: usize) -> bool {
        self.tokens[k].kind == TokenKind::Punct
    }

    /// True when token `k` is this punctuation mark.
    pub fn is(&self, k: usize, mark: &str) -> bool {
        self.word(k) == mark
    }

    /// True for any quotation mark token.
    pub fn is_quote_mark(&self, k: usize) -> bool {
        self.is_punct(k)
            && matches!(
                self.word(k),
                "\"" | "\u{201C}" | "\u{201D}" | "\u{201E}" | "\u{00AB}" | "\u{00BB}"
            )
    }

    /// Starts with an upper-case letter.
    pub fn is_capitalized(&self, k: usize) -> bool {
        self.tokens[k].kind == TokenKind::Word
            && self.word(k).chars().next().is_some_and(char::is_uppercase)
    }

    /// Word equals `w`, ignoring ASCII case.
    pub fn eq(&self, k: usize, w: &str) -> bool {
        self.word(k).eq_ignore_ascii_case(w)
    }

    pub fn class(&self, k: usize) -> Option<WordClass> {
        if self.tokens[k].kind == TokenKind::Punct {
            return None;
        }
        let w = self.word(k);
        let w = w
            .strip_suffix("'s")
            .or_else(|| w.strip_suffix("\u{2019}s"))
            .unwrap_or(w);
        if w.bytes().any(|b| b.is_ascii_uppercase()) {
            self.lex
                .function_words
                .get(&w.to_ascii_lowercase())
                .copied()
        } else {
            self.lex.function_words.get(w).copied()
        }
    }

    /// Ends in a possessive `'s`.
    pub fn is_possessive(&self, k: usize) -> bool {
        let s = self.word(k);
        s.ends_with("'s") || s.ends_with("\u{2019}s")
    }

    pub fn is_pronoun(&self, k: usize) -> bool {
        matches!(
            self.class(k),
            Some(WordClass::PronounPerson | WordClass::PronounThing | WordClass::PronounGroup)
        )
    }

    /// The longest cue starting at token `k` and ending before `limit`. A capitalised word
    /// inside a sentence is a name (`the United States`), not a cue.
    pub fn cue_at(&self, k: usize, limit: usize) -> Option<(&'a Cue, usize)> {
        if self.is_punct(k)
            || (self.is_capitalized(k) && !self.starts_sentence(k) && !self.in_headline(k))
        {
            return None;
        }
        self.lex
            .cues
            .longest(|i| (k + i < limit).then(|| self.word(k + i)))
    }

    /// A speech cue (reporting verb, noun or phrase; not a belief verb) at `k`.
    pub fn speech_cue_at(&self, k: usize, limit: usize) -> Option<(&'a Cue, usize)> {
        self.cue_at(k, limit)
            .filter(|(c, _)| c.kind != CueKind::Belief)
    }

    /// A reporting verb at `k`: one verb, or a phrase that starts with one (`told
    /// reporters`, `said in a statement`), not `according to` or `in a statement`.
    pub fn verb_cue_at(&self, k: usize, limit: usize) -> Option<(&'a Cue, usize)> {
        self.cue_at(k, limit).filter(|(c, _)| match c.kind {
            CueKind::Verb | CueKind::Event => true,
            CueKind::Phrase => {
                self.class(k) != Some(WordClass::Preposition) && !self.eq(k, "according")
            }
            _ => false,
        })
    }

    /// The longest title or role starting at `k` within `limit`.
    pub fn title_at(&self, k: usize, limit: usize) -> Option<(&'a Title, usize)> {
        if self.is_punct(k) {
            return None;
        }
        self.lex
            .titles
            .longest(|i| (k + i < limit).then(|| self.word(k + i)))
    }

    /// The longest country or organisation name starting at `k` within `limit`.
    pub fn body_at(&self, k: usize, limit: usize) -> Option<(&'a Body, usize)> {
        if self.is_punct(k) {
            return None;
        }
        self.lex
            .bodies
            .longest(|i| (k + i < limit).then(|| self.word(k + i)))
            .filter(|(_, n)| {
                // Short all-lower-case aliases (`us`, `un`, `ap`) only count when written in capitals.
                *n > 1 || self.word(k).len() > 3 || self.is_capitalized(k)
            })
    }

    /// True when token `k` lies in a headline or sub-heading (title case: `Bush Says …`).
    pub fn in_headline(&self, k: usize) -> bool {
        let s = self.seg.sentence_at(self.tokens[k].span().start);
        self.seg
            .sentences
            .get(s)
            .and_then(|s| self.seg.paragraphs.get(s.paragraph))
            .is_some_and(|p| p.headline)
    }

    /// True when token `k` is the first word of its sentence (after any opening marks).
    pub fn starts_sentence(&self, k: usize) -> bool {
        let s = self.seg.sentence_at(self.tokens[k].span().start);
        let (a, _) = self.sentence_tokens(s);
        (a..k).all(|j| self.is_punct(j))
    }

    /// Token index range of sentence `s`.
    pub fn sentence_tokens(&self, s: usize) -> (usize, usize) {
        let r = self.seg.tokens_in(self.seg.sentences[s].span);
        (r.start, r.end)
    }

    /// Index of the first token starting at or after byte `pos`.
    pub fn token_at_or_after(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.span().start < pos)
    }
}
