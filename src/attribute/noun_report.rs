//! Reports a reporting noun introduces after a possessive: `Pence's call for a special
//! prosecutor`, `his claim that the vote was rigged`, `her promise to cut taxes`, `Trump's
//! comments about the debate`. The possessor is the speaker (method `nominal`); the content
//! is what the noun introduces: a `that` clause, a `to`-infinitive, or the object of the
//! preposition that names the topic.

use super::found::Found;
use super::reported::{cut, is_infinitive_verb, Reported};
use super::speaker::{self, Phrase};
use super::words::Words;
use crate::lexicon::{AdjunctRole, CueKind, WordClass};

/// Confidence of a noun's report relative to its cue's strength: a noun reports less surely
/// than a verb (`his calls` may be telephone calls).
const NOUN_REPORT_WEIGHT: f32 = 0.6;

/// Every report a possessive and a reporting noun introduce in the sentence tokens `a..end`
/// (up to its final punctuation) that does not overlap a report in `taken`.
pub fn find(
    w: &Words,
    a: usize,
    end: usize,
    in_quote: &dyn Fn(usize) -> bool,
    taken: &[Reported],
) -> Vec<Reported> {
    let mut out: Vec<Reported> = Vec::new();
    // (A report starts at a cue: tokens where none starts are skipped.)
    let mut c = w.next_cue_start(a + 1, end);
    while c < end {
        let report = (!in_quote(c))
            .then(|| report_at(w, a, c, end, in_quote))
            .flatten()
            .filter(|r| {
                !taken
                    .iter()
                    .chain(&out)
                    .any(|t| t.start < r.end && r.start < t.end)
            });
        match report {
            Some(r) => {
                c = r.end;
                out.push(r);
            }
            None => c = w.next_cue_start(c + 1, end),
        }
    }
    out
}

/// The report of a reporting noun at token `c` after a possessive, if it introduces one.
fn report_at(
    w: &Words,
    a: usize,
    c: usize,
    end: usize,
    in_quote: &dyn Fn(usize) -> bool,
) -> Option<Reported> {
    let (cue, len) = w.cue_at(c, end)?;
    // Reporting nouns, and verbs whose form is also a noun (`call`, `claims`, `promise`);
    // not speech events (`speech`) or beliefs (`hope`).
    // (A medium, `his speech to the crowd`, `her email to staff`, introduces no content.)
    if !matches!(cue.kind, CueKind::Noun | CueKind::Verb | CueKind::Phrase)
        || cue.is_medium
        || (cue.kind == CueKind::Noun && cue.takes_addressee)
    {
        return None;
    }
    let speaker = possessor(w, a, c)?;
    // `Ortiz's call for a new tax drew criticism`: a possessive opening a clause makes the
    // noun phrase its subject, and the main verb (which cannot be told from a noun) follows
    // the content; such a report is taken only when a boundary ends it.
    let subject = speaker.start == a
        || w.is_punct(speaker.start - 1)
        || w.class(speaker.start - 1) == Some(WordClass::Clause);
    let cue_end = c + len;
    let last = cue_end - 1;
    // `calls for`, `comments about`: the cue form may end in its preposition already.
    let cue_has_preposition = w.class(last) == Some(WordClass::Preposition)
        || w.adjunct_role(last) == Some(AdjunctRole::Topic);
    let start = if cue_has_preposition {
        cue_end
    } else if w.eq(cue_end, "that") {
        // `his claim that the vote was rigged`: a clause, cut like a verb's (not in a
        // subject, where the clause's verbs and the main verb cannot be told apart).
        if subject {
            return None;
        }
        let start = cue_end + 1;
        let stop = cut(w, start, end);
        return (stop > start).then(|| report(speaker, c, cue_end, cue.strength, start, stop));
    } else if w.eq(cue_end, "to") && is_infinitive_verb(w, cue_end + 1, end) {
        cue_end // `her promise to cut taxes` (the infinitive keeps its `to`)
    } else if cue_end + 1 < end
        && (w.adjunct_role(cue_end) == Some(AdjunctRole::Topic) || w.eq(cue_end, "on"))
        && !w.is_time_word(cue_end + 1)
    {
        cue_end + 1 // `his comments on immigration`
    } else {
        return None;
    };
    // (`Ortiz's call for "fare-free buses"`: a quotation right after the noun is its direct
    // quote, method `nominal`.)
    if w.is_quote_mark(start) {
        return None;
    }
    let stop = object_end(w, start, end, in_quote);
    if stop <= start || (subject && stop == end) {
        return None;
    }
    Some(report(speaker, c, cue_end, cue.strength, start, stop))
}

fn report(
    speaker: Phrase,
    c: usize,
    cue_end: usize,
    strength: f32,
    start: usize,
    stop: usize,
) -> Reported {
    let found = Found::new(
        speaker,
        (c, cue_end),
        "nominal",
        strength * NOUN_REPORT_WEIGHT,
        cue_end,
    );
    Reported {
        start,
        end: stop,
        found,
        second: None,
    }
}

/// The possessive before the noun at `c` (`Pence's call`, `his repeated calls`): a
/// possessive noun phrase or a possessive determiner, perhaps with one modifier between.
fn possessor(w: &Words, a: usize, c: usize) -> Option<Phrase> {
    let mut o = c.checked_sub(1).filter(|&o| o >= a)?;
    let is_owner = |k: usize| w.is_possessive_noun(k) || w.is_possessive_determiner(k);
    if !is_owner(o) && o > a {
        // `his controversial remarks`: one lower-case modifier.
        let modifier = !w.is_punct(o)
            && !w.is_capitalized(o)
            && w.class(o).is_none_or(|k| k == WordClass::Modifier)
            && w.cue_at(o, o + 1).is_none();
        if !modifier {
            return None;
        }
        o -= 1;
    }
    if w.is_possessive_determiner(o) {
        return Some(Phrase {
            start: o,
            end: o + 1,
        });
    }
    if !w.is_possessive_noun(o) || is_contraction(w, o) {
        return None;
    }
    speaker::possessor_before(w, a, o + 1)
}

/// `What's`, `that's`, `there's`: a word and `is`, not a possessive.
fn is_contraction(w: &Words, k: usize) -> bool {
    let word = w.word(k);
    let stem = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix("\u{2019}s"))
        .unwrap_or(word);
    [
        "what", "that", "there", "here", "who", "where", "how", "it", "he", "she", "let",
    ]
    .iter()
    .any(|s| stem.eq_ignore_ascii_case(s))
}

/// Where the object a noun introduces ends (`a special prosecutor`, `to bring both parties
/// together`): at the first punctuation, auxiliary or reporting verb outside quotation
/// marks (`Pence's call for a special prosecutor was rejected`), or before a conjunction
/// that opens another possessive phrase (`his promise to build a wall and his views on
/// trade`).
fn object_end(w: &Words, start: usize, end: usize, in_quote: &dyn Fn(usize) -> bool) -> usize {
    (start..end)
        .find(|&t| {
            if in_quote(t) || w.is_quote_mark(t) {
                return false;
            }
            let word = w.word(t);
            (w.is_punct(t) && word != "-" && word != "\u{2010}")
                || w.class(t) == Some(WordClass::Auxiliary)
                || w.is_negated_auxiliary(t)
                || (t > start && w.verb_cue_at(t, end).is_some())
                || (matches!(word, "and" | "but" | "or")
                    && t + 1 < end
                    && (w.is_possessive_determiner(t + 1) || w.is_possessive_noun(t + 1)))
        })
        .unwrap_or(end)
}
