//! The scoring rules: lexicon terms summed per dimension, with negation, intensifiers and
//! diminishers, and contrast; the sums mapped to -1..1.
//!
//! Normalisation: a raw sum `x` (on the lexicon's -4..4 scale) becomes `x / sqrt(x² + 15)`,
//! the mapping VADER uses: one strong term (±3) gives ±0.61, two give ±0.84, and the score
//! approaches ±1 only with many consistent terms.

use super::StanceScores;
use crate::lexicon::{Dimension, ModifierKind, StanceLexicon, WordIndex};
use crate::segment::{Token, TokenKind};

/// How many tokens after a negator its scope reaches.
const NEGATION_WINDOW: usize = 3;
/// How many tokens after an intensifier it still applies (the next word, or one later).
const INTENSITY_WINDOW: usize = 2;
/// How many tokens after a shifter (`reduce`, `end`) its object may stand.
const SHIFT_WINDOW: usize = 4;
/// Default factor of a negator without its own value.
const NEGATION: f32 = -0.74;
/// Normalisation constant (see the module doc).
const ALPHA: f64 = 15.0;
/// Weight of what precedes a strong contrast (`… but …`).
const BEFORE_CONTRAST: f32 = 0.5;

/// One lexicon term that contributed to a score.
#[derive(Debug, Clone, PartialEq)]
pub struct TermHit<'a> {
    /// The term's normalised key, borrowed from the lexicon.
    pub term: &'a str,
    pub negated: bool,
    /// Contributions on the lexicon scale per dimension (tone, conflict, certainty).
    pub contributions: [f32; 3],
}

/// Maps a raw sum to -1..1.
pub fn normalize_score(x: f64) -> f64 {
    if x == 0.0 {
        0.0
    } else {
        x / (x * x + ALPHA).sqrt()
    }
}

/// True for punctuation that ends a negation's scope and a contrast's clause.
fn breaks_scope(word: &str) -> bool {
    matches!(
        word,
        "." | ";" | ":" | "!" | "?" | "," | "\u{2014}" | "\u{2013}"
    )
}

/// [`breaks_scope`] of a one-byte token, given its [`Token::mark`] (0, which breaks
/// nothing, for a longer token).
#[inline]
fn breaks_scope_mark(mark: u8) -> bool {
    matches!(mark, b'.' | b';' | b':' | b'!' | b'?' | b',')
}

/// True when the token at `k` is `also` (`but also`).
fn followed_by_also(text: &str, tokens: &[&Token], k: usize) -> bool {
    tokens
        .get(k)
        .is_some_and(|t| t.span().slice(text).eq_ignore_ascii_case("also"))
}

/// Finds the longest stance key starting at word token `k` of `tokens`, given what the
/// lexicon holds for the one word at `k` (`first`, from [`StanceLexicon::get`]).
fn longest_at(
    text: &str,
    tokens: &[&Token],
    hashes: &[u64],
    k: usize,
    first: (Option<usize>, bool),
    lex: &StanceLexicon,
) -> Option<(usize, usize)> {
    let (entry, mut continues) = first;
    let mut best = entry.map(|i| (i, 1));
    let mut h = WordIndex::push_hash(WordIndex::start(), hashes[k]);
    for n in 2..=lex.max_words.min(tokens.len() - k) {
        if !continues {
            break;
        }
        let t = tokens[k + n - 1];
        if t.kind == TokenKind::Punct && !matches!(t.span().slice(text), "-" | "'") {
            break;
        }
        h = WordIndex::push_hash(h, hashes[k + n - 1]);
        let Some((entry, more)) = lex.get(h) else {
            break;
        };
        if let Some(i) = entry {
            if confirm(text, tokens, k, n, lex.key(i)) {
                best = Some((i, n));
            }
        }
        continues = more;
    }
    best
}

/// Compares a multi-word key with the words it was hashed from.
fn confirm(text: &str, tokens: &[&Token], k: usize, n: usize, key: &str) -> bool {
    let mut parts = key.split(' ');
    (k..k + n).all(|i| {
        let w = tokens[i].span().slice(text);
        parts
            .next()
            .is_some_and(|p| p.eq_ignore_ascii_case(w) || p == crate::lexicon::normalize(w))
    }) && parts.next().is_none()
}

/// Scores a run of tokens of `text` (one text, or a quote's fragments in order).
pub fn score_tokens<'t>(
    text: &str,
    tokens: impl IntoIterator<Item = &'t Token>,
    lex: &StanceLexicon,
) -> StanceScores {
    let tokens: Vec<&Token> = tokens.into_iter().collect();
    let hashes: Vec<u64> = tokens
        .iter()
        .map(|t| WordIndex::word_hash(text, t.span().start, t.span().end))
        .collect();
    score_hashed(text, &tokens, &hashes, lex)
}

/// [`score_tokens`] for tokens whose [`WordIndex::word_hash`]es are known (`hashes[i]`
/// is that of `tokens[i]`), as the segmenter computed them for a document's quotes.
pub fn score_hashed(
    text: &str,
    tokens: &[&Token],
    hashes: &[u64],
    lex: &StanceLexicon,
) -> StanceScores {
    let (categories, words) = count_categories(text, tokens, lex);
    let mut hits: Vec<TermHit<'_>> = Vec::new();
    // Contributions of the current sentence start at this hit index (for `but`).
    let mut sentence_first_hit = 0;
    let mut clause_weight = 1.0f32;
    let mut weak_clause = false;
    let mut negation_until: Option<(usize, f32)> = None;
    let mut intensity: Option<(usize, f32)> = None;
    let mut shift_until: Option<(usize, f32)> = None;
    let mut k = 0;
    while k < tokens.len() {
        let t = tokens[k];
        if t.kind == TokenKind::Punct {
            // (A one-byte mark is told by its byte; the text is read only for the others.)
            let mark = t.mark();
            if breaks_scope_mark(mark) || (t.len() > 1 && breaks_scope(t.span().slice(text))) {
                negation_until = None;
                intensity = None;
                shift_until = None;
                if weak_clause && mark == b',' {
                    weak_clause = false;
                    clause_weight = 1.0;
                }
                if matches!(mark, b'.' | b'!' | b'?' | b';') {
                    sentence_first_hit = hits.len();
                    clause_weight = 1.0;
                    weak_clause = false;
                }
            }
            k += 1;
            continue;
        }
        // Most words are in no stance lexicon: one probe with the word's hash turns them
        // away before the search for a longer key.
        let first = lex.get(WordIndex::push_hash(WordIndex::start(), hashes[k]));
        let Some((i, n)) = first.and_then(|first| longest_at(text, tokens, hashes, k, first, lex))
        else {
            k += 1;
            continue;
        };
        let entry = *lex.entry(i);
        let end = k + n;
        // A word's own weight is scored before it modifies what follows (`totally` is
        // assertive itself and intensifies the next word, not itself).
        if entry.weights.iter().any(|&w| w != 0.0) {
            let mut mult = clause_weight;
            if let Some((until, factor)) = intensity {
                if k < until {
                    mult *= factor;
                }
                intensity = None;
            }
            let negated = negation_until.is_some_and(|(until, _)| k < until);
            let mut contributions = [0.0f32; 3];
            for d in Dimension::ALL {
                let w = entry.weights[d as usize];
                contributions[d as usize] = match d {
                    // Negation turns a judgement around; it does not make a modal less certain.
                    Dimension::Certainty => w * mult,
                    _ if negated => w * mult * negation_until.map_or(NEGATION, |(_, f)| f),
                    _ => w * mult,
                };
            }
            if let Some((until, factor)) = shift_until {
                if k < until {
                    // `reduce the risk`: a bad thing reduced reads as good.
                    if contributions[0] < 0.0 {
                        contributions[0] *= factor;
                    }
                    if contributions[1] > 0.0 {
                        contributions[1] *= factor;
                    }
                }
            }
            hits.push(TermHit {
                term: lex.key(i),
                negated,
                contributions,
            });
        }
        if let Some((kind, value)) = entry.modifier {
            match kind {
                ModifierKind::Negator => {
                    let factor = if value != 0.0 { value } else { NEGATION };
                    negation_until = Some((end + NEGATION_WINDOW, factor));
                }
                ModifierKind::NegationException => negation_until = None,
                ModifierKind::Shifter => shift_until = Some((end + SHIFT_WINDOW, value)),
                ModifierKind::Intensifier | ModifierKind::Diminisher => {
                    intensity = Some((end + INTENSITY_WINDOW, value));
                }
                // `not only … but also`: no contrast.
                ModifierKind::Contrast if followed_by_also(text, tokens, end) => {}
                ModifierKind::Contrast => {
                    if value >= 1.0 {
                        // `…, but …`: what came before in the sentence counts less.
                        for hit in &mut hits[sentence_first_hit..] {
                            for c in &mut hit.contributions {
                                *c *= BEFORE_CONTRAST;
                            }
                        }
                        clause_weight = value;
                        weak_clause = false;
                    } else {
                        // `although …,`: the clause it opens counts less.
                        clause_weight = value;
                        weak_clause = true;
                    }
                }
            }
        }
        k = end;
    }
    let mut scores = summarize(&hits);
    scores.categories = categories;
    scores.words = words;
    scores
}

/// Word count and dictionary-category counts of the tokens.
fn count_categories(text: &str, tokens: &[&Token], lex: &StanceLexicon) -> (Vec<u32>, u32) {
    let words = tokens.iter().filter(|t| t.kind != TokenKind::Punct).count() as u32;
    if lex.dictionaries.is_empty() {
        return (Vec::new(), words);
    }
    let mut counts = Vec::new();
    for d in &lex.dictionaries {
        let mut c = vec![0u32; d.categories.len()];
        for t in tokens.iter().filter(|t| t.kind != TokenKind::Punct) {
            d.count_word(t.span().slice(text), &mut c);
        }
        counts.extend(c);
    }
    (counts, words)
}

/// Appends `v` as a signed number with two decimals (`+0.25`, `-1.00`) without going
/// through the formatter (this runs for every term of every scored text).
fn push_signed_hundredths(out: &mut String, v: f32) {
    let hundredths = (f64::from(v) * 100.0).round() as i64;
    out.push(if hundredths < 0 { '-' } else { '+' });
    let h = hundredths.unsigned_abs();
    let mut num = itoa::Buffer::new();
    out.push_str(num.format(h / 100));
    out.push('.');
    let frac = h % 100;
    if frac < 10 {
        out.push('0');
    }
    out.push_str(num.format(frac));
}

/// Bytes of a `terms` entry besides its term: `;`, `(negated)`, `:`, the longest dimension
/// name, `=`, and a signed weight with two decimals (room for three integer digits).
const ENTRY_OVERHEAD: usize = 1 + 9 + 1 + 9 + 1 + 7;

/// Sums the hits per dimension, normalises, and writes the explanation.
fn summarize(hits: &[TermHit<'_>]) -> StanceScores {
    let mut sums = [0.0f64; 3];
    // Sized up front (an entry is `;term(negated):certainty=+1.00` at most, a weight of a
    // few units at most): one allocation instead of a doubling per few entries.
    let capacity: usize = hits
        .iter()
        .map(|hit| {
            let entries = hit.contributions.iter().filter(|&&c| c != 0.0).count();
            entries * (hit.term.len() + ENTRY_OVERHEAD)
        })
        .sum();
    let mut terms = String::with_capacity(capacity);
    for hit in hits {
        for d in Dimension::ALL {
            let c = hit.contributions[d as usize];
            if c == 0.0 {
                continue;
            }
            sums[d as usize] += f64::from(c);
            if !terms.is_empty() {
                terms.push(';');
            }
            terms.push_str(hit.term);
            if hit.negated {
                terms.push_str("(negated)");
            }
            terms.push(':');
            terms.push_str(d.as_str());
            terms.push('=');
            push_signed_hundredths(&mut terms, c / crate::lexicon::MAX_WEIGHT);
        }
    }
    StanceScores {
        tone: normalize_score(sums[0]),
        conflict: normalize_score(sums[1]),
        certainty: normalize_score(sums[2]),
        terms,
        categories: Vec::new(),
        words: 0,
    }
}

#[cfg(test)]
mod tests {
    use super::{breaks_scope, breaks_scope_mark, push_signed_hundredths};

    /// Every one-byte mark breaks a scope by its byte as by its text, and no longer
    /// token's mark breaks one.
    #[test]
    fn scope_breaks_by_mark_equal_by_text() {
        for b in 0..0x80u8 {
            let word = (b as char).to_string();
            assert_eq!(breaks_scope_mark(b), breaks_scope(&word), "{b:#x}");
        }
        assert!(!breaks_scope_mark(0));
    }

    #[test]
    fn signed_hundredths() {
        for (v, text) in [
            (0.25f32, "+0.25"),
            (-1.0, "-1.00"),
            (0.0, "+0.00"),
            (0.054, "+0.05"),
            (-0.3749, "-0.37"),
        ] {
            let mut s = String::new();
            push_signed_hundredths(&mut s, v);
            assert_eq!(s, text, "{v}");
        }
    }
}
