//! Attribution of quotations in quotation marks: `"…," X said`, `"…," said X`,
//! `X said: "…"`, `X described it as "…"`, `X's call for "…"`, `He "welcomed …"`, and
//! quotes that inherit a speaker from the same sentence or the previous paragraph.

use super::found::Found;
use super::speaker;
use super::words::Words;
use crate::lexicon::CueKind;
use crate::segment::QuoteSpan;

/// How far back from an opening mark a cue may stand (`described it as a "…"`).
const CUE_WINDOW: usize = 7;
/// How far after a closing mark the cue of `"…," the defense department said` may stand.
const TAIL_WINDOW: usize = 14;

/// Token index of a quote's opening mark and one past its closing mark.
pub fn quote_tokens(w: &Words, q: &QuoteSpan) -> (usize, usize) {
    let open = w.token_at_or_after(q.outer.start);
    let close_end = w.token_at_or_after(q.outer.end);
    (open, close_end)
}

fn is_boundary(w: &Words, k: usize) -> bool {
    w.is_quote_mark(k) || matches!(w.word(k), "." | ";" | "?" | "!")
}

/// `"…," said X` and `"…," X said` after the closing mark.
pub fn after_quote(w: &Words, close_end: usize, hi: usize) -> Option<Found> {
    let mut k = close_end;
    while k < hi && matches!(w.word(k), "," | "\u{2014}" | "\u{2013}" | "-") {
        k += 1;
    }
    if k >= hi {
        return None;
    }
    if let Some((cue, len)) = w.verb_cue_at(k, hi) {
        if let Some(p) = speaker::after(w, k + len, hi) {
            return Some(Found::new(
                p,
                (k, k + len),
                "quote_cue_speaker",
                cue.strength * 0.95,
                p.end.max(k + len),
            ));
        }
    }
    let limit = hi.min(k + TAIL_WINDOW);
    for c in k + 1..limit {
        if is_boundary(w, c) {
            break;
        }
        if let Some((cue, len)) = w.verb_cue_at(c, hi) {
            let p = speaker::before(w, k, c)?;
            // `"…," another friend, Mariam Emara, told CNN`: a description may precede.
            let described =
                p.start > k && w.is(p.start - 1, ",") && (k..p.start - 1).all(|j| !w.is_punct(j));
            if p.start != k && !described {
                return None;
            }
            return Some(Found::new(
                p,
                (c, c + len),
                "quote_speaker_cue",
                cue.strength * 0.95,
                c + len,
            ));
        }
    }
    None
}

/// `X said: "…"`, `X described it as "…"`, `X's call for "…"`, and a cue with the
/// sentence's earlier speaker (`…, and criticized the US for being "hypocritical"`).
pub fn before_quote(w: &Words, open: usize, lo: usize) -> Option<Found> {
    let mut j = open;
    if j > lo && matches!(w.word(j - 1), ":" | ",") {
        j -= 1;
    }
    let from = j.saturating_sub(CUE_WINDOW).max(lo);
    for c in (from..j).rev() {
        if is_boundary(w, c) {
            break;
        }
        let Some((cue, len)) = w.speech_cue_at(c, j) else {
            continue;
        };
        let adjacent = c + len >= j;
        if cue.kind == CueKind::Noun
            || (cue.kind == CueKind::Phrase && c > lo && w.is_possessive(c - 1))
        {
            if c > lo && w.is_possessive(c - 1) {
                if let Some(p) = speaker::before(w, lo, c) {
                    return Some(Found::new(
                        p,
                        (c, c + len),
                        "nominal",
                        cue.strength * 0.8,
                        open,
                    ));
                }
            }
            continue;
        }
        if let Some(p) = speaker::before(w, lo, c) {
            return Some(Found {
                speaker: p,
                cue: (c, c + len),
                method: if adjacent {
                    "speaker_cue_quote"
                } else {
                    "clause_cue"
                },
                confidence: cue.strength * if adjacent { 0.9 } else { 0.75 },
                end: open,
            });
        }
        if let Some(p) = sentence_speaker(w, lo, c) {
            return Some(Found::new(
                p,
                (c, c + len),
                "clause_cue",
                cue.strength * 0.6,
                open,
            ));
        }
        return None;
    }
    None
}

/// The speaker of an earlier reporting verb in the same sentence (`China said …, and
/// criticized …`).
pub fn sentence_speaker(w: &Words, lo: usize, before: usize) -> Option<speaker::Phrase> {
    (lo..before).find_map(|c| {
        w.verb_cue_at(c, before)?;
        speaker::before(w, lo, c)
    })
}

/// `He "welcomed plans …"`: a subject right before a quote that opens with a reporting verb.
pub fn subject_quote(w: &Words, open: usize, lo: usize, hi: usize) -> Option<Found> {
    if open <= lo || open + 1 >= hi {
        return None;
    }
    let (cue, len) = w.verb_cue_at(open + 1, hi)?;
    let p = speaker::before(w, lo, open)?;
    if p.end != open {
        return None;
    }
    Some(Found::new(
        p,
        (open + 1, open + 1 + len),
        "subject_quote",
        cue.strength * 0.75,
        open,
    ))
}
