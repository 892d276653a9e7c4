//! Quotations no cue attributes but a verb governs: `Reid has been pounding Trump as a
//! "con artist"`, `Trump likened the refugees to a "vicious snake"`. The subject chose the
//! quoted words, so the clause that holds them is reported as the subject's (`mixed`).

use super::found::Found;
use super::reported::{clause_end, cut, is_bad_subject};
use super::speaker;
use super::words::Words;
use crate::lexicon::{AdjunctRole, WordClass};

/// Confidence of a governed clause: lower than any cue's, since the verb is not one.
const GOVERNED_CONFIDENCE: f32 = 0.35;
/// Shortest word taken for a verb.
const MIN_VERB_LEN: usize = 4;

/// A clause (tokens `start..end`) holding a quotation, and who governs it.
#[derive(Debug, Clone, Copy)]
pub struct Governed {
    pub start: usize,
    pub end: usize,
    pub found: Found,
}

/// The clause governed by the nearest verb with a speaker subject before the quotation
/// whose marks are tokens `open..close_end`, within the sentence `lo..hi`.
pub fn clause(
    w: &Words,
    open: usize,
    close_end: usize,
    (lo, hi): (usize, usize),
    in_quote: &dyn Fn(usize) -> bool,
) -> Option<Governed> {
    let end = clause_end(w, lo, hi);
    if open <= lo + 1 || close_end > end || w.is_title_case(open + 1, close_end - 1) {
        return None;
    }
    // `punctuated his list by saying "Too many."`, `boasting about "winning"`: a verb right
    // before the quotation takes it as its whole object.
    let object_of_nearer_verb = {
        let mut v = open - 1;
        if v > lo && (w.is(v, ",") || w.adjunct_role(v) == Some(AdjunctRole::Topic)) {
            v -= 1;
        }
        (is_verb(w, v) || w.verb_cue_at(v, v + 1).is_some()).then_some(v)
    };
    // (Only a reporting verb takes a quotation as the subject's words: `including "playbooks"`
    // does not.)
    if object_of_nearer_verb.is_some_and(|v| w.verb_cue_at(v, v + 1).is_none()) {
        return None;
    }
    for c in (lo + 1..open).rev() {
        if in_quote(c) || matches!(w.word(c), "." | ";" | ":" | "?" | "!") {
            return None;
        }
        if !is_verb(w, c) || is_passive(w, lo, c) {
            continue;
        }
        let Some(p) = speaker::before(w, lo, c) else {
            continue;
        };
        if w.is_possessive_noun(p.end - 1)
            || is_bad_subject(w, p)
            || !speaker::is_clause_start(w, lo, p.start)
        {
            continue;
        }
        let mut k = c + 1;
        let mut cue_end = c + 1;
        // `warned about the "threat"`, `called for a "reset"`: the preposition joins the verb.
        if k < open && w.adjunct_role(k) == Some(AdjunctRole::Topic) {
            k += 1;
            cue_end = k;
        }
        if k < open && w.eq(k, "that") {
            k += 1;
        }
        let stop = cut(w, k, end);
        if stop < close_end {
            return None;
        }
        // The nearer reporting verb is the cue of its quotation (`boasting about "winning"`).
        let (k, stop, cue) = match object_of_nearer_verb {
            Some(v) if v != c => (open, close_end, (v, v + 1)),
            _ => (k, stop, (c, cue_end)),
        };
        let found = Found::new(p, cue, "governed", GOVERNED_CONFIDENCE, cue.1);
        return Some(Governed {
            start: k,
            end: stop,
            found,
        });
    }
    None
}

/// A lower-case open-class word that reads as a verb: a past or `-ing` form (`likened`,
/// `pounding`). Lexicon cues are left to the cue rules.
fn is_verb(w: &Words, k: usize) -> bool {
    let s = w.word(k);
    let plain = s.len() >= MIN_VERB_LEN
        && s.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')
        && w.class(k).is_none()
        && !w.is_time_word(k)
        && !w.any_cue_start(k, k + 1);
    // (After a form of `be` a bare word is a complement: `was back`, `is sure`.)
    let after_auxiliary = k > 0 && w.class(k - 1) == Some(WordClass::Auxiliary) && !is_be(w, k - 1);
    plain && (s.ends_with("ed") || s.ends_with("ing") || after_auxiliary)
}

/// A form of `be`.
fn is_be(w: &Words, k: usize) -> bool {
    matches!(
        w.word(k).to_ascii_lowercase().as_str(),
        "is" | "are" | "was" | "were" | "be" | "been" | "being" | "am"
    )
}

/// `were featured in`, `was caught`, `is scheduled to`: a past participle after a form of
/// `be` is passive; its subject did not choose the words.
fn is_passive(w: &Words, lo: usize, k: usize) -> bool {
    let mut j = k;
    while j > lo && w.class(j - 1) == Some(WordClass::Adverb) {
        j -= 1;
    }
    w.word(k).ends_with("ed") && j > lo && is_be(w, j - 1)
}
