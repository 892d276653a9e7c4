//! Attribution of quotations in quotation marks: `"…," X said`, `"…," said X`,
//! `X said: "…"`, `X described it as "…"`, `X's call for "…"`, `He "welcomed …"`, and
//! quotes that inherit a speaker from the same sentence or the previous paragraph.

use super::found::Found;
use super::speaker;
use super::words::Words;
use crate::lexicon::{AdjunctRole, CueKind};
use crate::segment::QuoteSpan;

/// How far back from an opening mark a cue may stand (`described it as a "…"`).
const CUE_WINDOW: usize = 7;
/// How far after a closing mark the cue of `"…," the defense department said` may stand.
const TAIL_WINDOW: usize = 30;
/// Longest quotation (in tokens, marks included) passed over inside such an attribution.
const MAX_INNER_QUOTE: usize = 8;

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
    if let Some(found) = dash_signature(w, close_end, hi) {
        return Some(found);
    }
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
    let mut c = k + 1;
    while c < limit {
        // `Sen. Claire McCaskill (D-Mo.) said`: the party and state are part of the name.
        if w.is(c, "(") {
            if let Some(close) = (c + 1..limit.min(c + 8)).find(|&j| w.is(j, ")")) {
                c = close + 1;
                continue;
            }
        }
        // `"…," Bill Eastland, wearing "Ted Cruz" pins, said`: a short quotation inside the
        // attribution.
        if w.is_quote_mark(c) {
            let close = (c + 1..limit.min(c + MAX_INNER_QUOTE))
                .take_while(|&j| !matches!(w.word(j), "." | ";" | "?" | "!"))
                .find(|&j| w.is_quote_mark(j));
            if let Some(close) = close {
                c = close + 1;
                continue;
            }
        }
        if is_boundary(w, c)
            && !speaker::is_abbreviation_period(w, c)
            && !speaker::is_initial_period(w, c)
        {
            break;
        }
        if let Some((cue, len)) = w.verb_cue_at(c, hi) {
            // `"…," Scott Pruitt, the attorney general of Oklahoma, one of the states suing
            // the agency, said`: a name right after the closing mark, then asides between
            // commas up to the cue.
            let name_then_asides = || {
                speaker::after(w, k, c)
                    .filter(|p| p.end + 1 < c && w.is(p.end, ",") && w.is(c - 1, ","))
            };
            // A proper name there speaks rather than the description after it.
            let proper_name = name_then_asides()
                .filter(|p| (p.start..p.end).all(|j| w.is_capitalized(j) || w.is_punct(j)));
            // `"…?" a narrator in the Clinton ad asks.`: any noun phrase can stand there.
            let p = proper_name
                .or_else(|| speaker::before(w, k, c))
                .or_else(|| noun_phrase_subject(w, k, c))
                .or_else(name_then_asides)?;
            // `"…," another friend, Mariam Emara, told CNN`: a description may precede.
            let described =
                p.start > k && w.is(p.start - 1, ",") && (k..p.start - 1).all(|j| !w.is_punct(j));
            // `"…," former FBI agent Timothy Gill said`: between the closing mark and the
            // name, descriptors can only be part of the subject; `"…," a spokesman for
            // committee Democrats said`: so can a whole noun phrase.
            let p = speaker::with_descriptors(w, k, p);
            let p = if p.start == k || described {
                p
            } else {
                noun_phrase_subject(w, k, c)
                    .filter(|whole| whole.start == k)
                    .or_else(name_then_asides)?
            };
            return Some(Found::new(
                p,
                (c, c + len),
                "quote_speaker_cue",
                cue.strength * 0.95,
                c + len,
            ));
        }
        c += 1;
    }
    None
}

/// A noun-phrase subject (`a narrator in the Clinton ad`) before the finite cue `c`: it opens
/// with a determiner or a capitalised word, so a preposition (`despite expressing`) is not
/// taken for a speaker.
fn noun_phrase_subject(w: &Words, k: usize, c: usize) -> Option<speaker::Phrase> {
    if w.word(c).ends_with("ing") {
        return None;
    }
    let p = speaker::subject_before(w, k, c)?;
    let opens_noun_phrase = w.class(p.start) == Some(crate::lexicon::WordClass::Determiner)
        || w.is_capitalized(p.start);
    opens_noun_phrase.then_some(p)
}

/// `"…" ― Carla Sanchez.`: a quotation signed with a dash and a name that ends the sentence
/// (reader comments, epigraphs, collected reactions).
fn dash_signature(w: &Words, close_end: usize, hi: usize) -> Option<Found> {
    let dash = close_end;
    if dash >= hi
        || !matches!(
            w.word(dash),
            "\u{2015}" | "\u{2014}" | "\u{2013}" | "--" | "-"
        )
    {
        return None;
    }
    let name = dash + 1;
    let mut end = name;
    // Capitalised words, and the periods of initials (`Christina N. Olidem`).
    while end < hi
        && (w.is_capitalized(end) || (w.is(end, ".") && end > name && w.word(end - 1).len() == 1))
    {
        end += 1;
    }
    // The name closes its sentence or its line.
    let line_ends = || {
        let gap = &w.text[w.span(end - 1).end..w.span(end).start];
        gap.contains('\n')
    };
    let signed_off = end == hi || w.is(end, ".") || (end > name && line_ends());
    if end == name || end - name > 6 || !signed_off || w.class(name).is_some() {
        return None;
    }
    Some(Found::new(
        speaker::Phrase { start: name, end },
        (dash, dash + 1),
        "dash_signature",
        0.7,
        end,
    ))
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
        // `the nominee told "Fox and Friends"`: right after a verb that takes an addressee,
        // with no comma or colon, the quotation is the listener.
        if cue.takes_addressee && c + len == open {
            return None;
        }
        // `She read "The Quiet Orchard" twice`: right after a verb whose object may be a work
        // (`read`, `sing`), quoted words in title case name it.
        if cue.takes_work && c + len == open {
            let close = (open + 1..w.tokens.len())
                .find(|&k| w.is_quote_mark(k))
                .unwrap_or(open + 1);
            if w.is_title_case(open + 1, close) {
                return None;
            }
        }
        // `he said on "Meet the Press."`, `said in an interview with "Off Message"`:
        // after the cue's place or medium, a quotation names a programme or publication.
        if !adjacent && j == open && names_a_medium(w, open - 1) {
            return None;
        }
        // `According to the newspaper, "…"`: the source follows the cue.
        if let Some((cue, len)) = super::reported::according_to_at(w, c, j) {
            let p = super::reported::source_after(w, c + len, j).filter(|p| p.end == j)?;
            return Some(Found::new(
                p,
                (c, c + len),
                "according_to",
                cue.strength * 0.9,
                open,
            ));
        }
        // `Trump issued a statement: "…"`: a reporting noun ending the verb's object.
        if cue.kind == CueKind::Noun && adjacent {
            if let Some(found) = verb_with_reporting_noun(w, lo, c, c + len, open) {
                return Some(found);
            }
        }
        let determiner_owner = c > lo && w.is_possessive_determiner(c - 1);
        if cue.kind == CueKind::Noun
            || (cue.kind == CueKind::Phrase && c > lo && w.is_possessive(c - 1))
            || (matches!(cue.kind, CueKind::Phrase | CueKind::Verb) && determiner_owner)
        {
            // `his call for "…"`: a possessive determiner is the speaker.
            if determiner_owner {
                let p = speaker::Phrase {
                    start: c - 1,
                    end: c,
                };
                return Some(Found::new(
                    p,
                    (c, c + len),
                    "nominal",
                    cue.strength * 0.8,
                    open,
                ));
            }
            if c > lo && w.is_possessive(c - 1) {
                if let Some(p) = speaker::possessor_before(w, lo, c) {
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
        // `Christie bristled at the suggestion, saying, "…"`: a participle after a comma
        // has the sentence's subject.
        if c > lo && w.is(c - 1, ",") && w.word(c).ends_with("ing") {
            if let Some(p) = super::reported::sentence_subject(w, lo, c - 1) {
                return Some(Found::new(
                    p,
                    (c, c + len),
                    "clause_cue",
                    cue.strength * 0.6,
                    open,
                ));
            }
        }
        return None;
    }
    None
}

/// `Trump issued a statement: "…"`, `the ministry released a brief statement, "…"`: the
/// subject of the verb whose object ends in the reporting noun at tokens `noun..noun_end`
/// (a determiner and at most one modifier between them) speaks.
fn verb_with_reporting_noun(
    w: &Words,
    lo: usize,
    noun: usize,
    noun_end: usize,
    open: usize,
) -> Option<Found> {
    let (verb, p) = speaker::issuer_of_reporting_noun(w, lo, noun)?;
    Some(Found::new(
        p,
        (verb, noun_end),
        "speaker_cue_quote",
        0.6,
        open,
    ))
}

/// `In a 1963 speech, he declared:` ⏎ `"We shall overcome."`: a sentence or paragraph that
/// ends on a colon introduces the quotation that opens the next one.
pub fn after_colon(w: &Words, open: usize) -> Option<Found> {
    if open == 0 || !w.is(open - 1, ":") || w.sentence_of(open - 1) == w.sentence_of(open) {
        return None;
    }
    let (lo, _) = w.sentence_tokens(w.sentence_of(open - 1));
    before_quote(w, open, lo)
}

/// `… doesn't surprise pollster Daron Shaw: "…"`, `Kasich resisted: "…"`, `The headline
/// reads: "…"`: a colon inside the sentence introduces the quotation. The speaker is a
/// name right before the colon, or the subject of a lone verb before it (a verb the cue
/// lexicon does not know).
pub fn colon_in_sentence(w: &Words, open: usize, lo: usize) -> Option<Found> {
    if open < lo + 2 || !w.is(open - 1, ":") {
        return None;
    }
    let colon = open - 1;
    if let Some(p) = speaker::before(w, lo, colon) {
        let named = p.end == colon
            && w.is_capitalized(colon - 1)
            && !w.is_pronoun(colon - 1)
            && w.class(colon - 1).is_none()
            && (colon - 1 > lo || p.start == lo);
        if named && p.start > lo {
            return Some(Found::new(p, (colon, colon + 1), "colon", 0.5, open));
        }
    }
    let verb = colon - 1;
    let word = w.word(verb);
    let verb_like = !w.is_capitalized(verb)
        && w.class(verb).is_none()
        && word.len() > 3
        && (word.ends_with("ed") || word.ends_with('s'))
        && word.bytes().all(|b| b.is_ascii_lowercase());
    if !verb_like || verb <= lo {
        return None;
    }
    // The subject opens its clause (`The plan has three parts:` has none before `parts`).
    let p = speaker::before(w, lo, verb)
        .filter(|p| p.end == verb && speaker::is_clause_start(w, lo, p.start))?;
    Some(Found::new(p, (verb, verb + 1), "colon", 0.5, open))
}

/// True when token `k`, right before an opening mark, is a circumstance preposition
/// (`adjuncts.csv`: `on`, `in`, `with` …), or a possessive after one (`on ABC's "Good
/// Morning America"`). (A possessive alone is not: `Obama's "if you like your plan …"` is
/// Obama's words.)
pub fn names_a_medium(w: &Words, k: usize) -> bool {
    let medium = |j: usize| w.adjunct_role(j) == Some(AdjunctRole::Circumstance);
    medium(k) || (k > 0 && w.is_possessive(k) && medium(k - 1))
}

/// The speaker of an earlier reporting verb in the same sentence (`China said …, and
/// criticized …`). A cue word after a possessive is a noun (`Pyongyang's claims`).
pub fn sentence_speaker(w: &Words, lo: usize, before: usize) -> Option<speaker::Phrase> {
    // (A cue inside a quotation is the quoted speaker's, not the sentence's.)
    // (The cue test is a flag; the quotation test a search, so it comes second.)
    (lo..before).find_map(|c| {
        w.verb_cue_at(c, before)?;
        if w.in_quotation(c) {
            return None;
        }
        let p = speaker::before(w, lo, c)?;
        (!w.is_possessive_noun(p.end - 1)).then_some(p)
    })
}

/// Most words of the name in `Name: "…"`.
const MAX_COLON_NAME: usize = 4;

/// `Clinton: "Our goal is …"`, `Pew Research: "All the samples …"`: a short name opening
/// the sentence, a colon, then the quotation (debate and poll write-ups, transcripts).
pub fn name_colon(w: &Words, open: usize, lo: usize) -> Option<Found> {
    if open < lo + 2 || !w.is(open - 1, ":") {
        return None;
    }
    let colon = open - 1;
    let words = colon - lo;
    let all_capitalised = (lo..colon).all(|k| w.is_capitalized(k) && !w.is_punct(k));
    let label = words == 1 && w.is_heading_label(lo);
    if words > MAX_COLON_NAME || !all_capitalised || label || w.class(lo).is_some() {
        return None;
    }
    let p = speaker::before(w, lo, colon)?;
    (p.start == lo).then(|| Found::new(p, (colon, colon + 1), "name_colon", 0.7, open))
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
