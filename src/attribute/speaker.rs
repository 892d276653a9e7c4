//! Finding the speaker phrase next to a cue: walking back from `X said` or forward from
//! `said X`, over auxiliaries, adverbs and appositions (`Hugh Hill, a doctor, said`).

use super::words::Words;
use crate::lexicon::WordClass;

/// Longest speaker phrase, in tokens.
const MAX_PHRASE: usize = 10;
/// Longest apposition skipped between a speaker and its cue, in tokens.
const MAX_APPOSITION: usize = 24;

/// Tokens `start..end` of a speaker phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Phrase {
    pub start: usize,
    pub end: usize,
}

/// True when token `k` opens a clause: the first token from `lo`, or after a comma or a
/// conjunction.
pub(super) fn is_clause_start(w: &Words, lo: usize, k: usize) -> bool {
    k == lo
        || w.is(k - 1, ",")
        || matches!(w.word(k - 1), "But" | "And" | "Yet" | "yet")
        || w.class(k - 1) == Some(WordClass::Clause)
}

/// `some`, `many`, `others`: quantifiers that can stand for people on their own.
pub(super) fn is_quantifier_pronoun(w: &Words, k: usize) -> bool {
    matches!(
        w.word(k).to_ascii_lowercase().as_str(),
        "some" | "many" | "most" | "both" | "several" | "few" | "others" | "all" | "another"
    )
}

/// A word that can be a common noun heading a speaker phrase (`poll`, `source`): letters
/// only, and not an adverb, participle or past form.
fn is_plain_noun(s: &str) -> bool {
    s.len() >= 3
        && s.chars().all(|c| c.is_alphabetic() || c == '-')
        && !s.ends_with("ly")
        && !s.ends_with("ing")
        && !s.ends_with("ed")
}

/// `a rally`, `the family`, `his ally`, `a pro-Trump rally`: a lower-case `-ly` word
/// after a determiner or a possessive (and at most one modifier) is a noun, not an adverb.
fn is_ly_noun(w: &Words, k: usize) -> bool {
    let word = w.word(k);
    let opens_noun = |j: usize| w.class(j) == Some(WordClass::Determiner) || w.is_possessive(j);
    let modifier = |j: usize| !w.is_punct(j) && w.class(j).is_none_or(|c| c == WordClass::Modifier);
    k > 0
        && word.len() >= 4
        && word.ends_with("ly")
        && word.bytes().all(|b| b.is_ascii_lowercase())
        && (opens_noun(k - 1) || (k > 1 && modifier(k - 1) && opens_noun(k - 2)))
}

/// Numbers and quantity words that can head a speaker phrase of poll respondents.
fn is_quantity(w: &Words, k: usize) -> bool {
    let s = w.word(k);
    let lower = s.to_ascii_lowercase();
    // `Seventy-four`: the tens word decides.
    let first = lower.split('-').next().unwrap_or_default();
    // `two-thirds`: a number word with a fraction
    let fraction = (first != lower && lower.ends_with("ths")) || lower.ends_with("thirds");
    s.bytes().next().is_some_and(|b| b.is_ascii_digit())
        || (fraction && is_number_word(first))
        || matches!(
            first,
            "twenty"
                | "thirty"
                | "forty"
                | "fifty"
                | "sixty"
                | "seventy"
                | "eighty"
                | "ninety"
                | "hundred"
                | "thousand"
        )
        || matches!(
            lower.as_str(),
            "percent"
                | "%"
                | "one"
                | "two"
                | "three"
                | "four"
                | "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "half"
                | "third"
                | "quarter"
                | "majority"
                | "plurality"
                | "most"
                | "few"
        )
}

/// Where a quantity's phrase starts once the words that approximate or bound it are
/// taken in (`about half`, `more than a third`, `at least 40 percent`, `the majority`).
fn approximation_start(w: &Words, lo: usize, mut start: usize) -> usize {
    let bounding_word = |k: usize| {
        w.class(k) == Some(WordClass::Determiner)
            || matches!(
                w.word(k).to_ascii_lowercase().as_str(),
                "about"
                    | "nearly"
                    | "almost"
                    | "roughly"
                    | "around"
                    | "approximately"
                    | "just"
                    | "only"
                    | "over"
                    | "fully"
                    | "some"
            )
    };
    loop {
        if start > lo && bounding_word(start - 1) {
            start -= 1;
        } else if start > lo + 1
            && ((w.eq(start - 1, "than")
                && matches!(
                    w.word(start - 2).to_ascii_lowercase().as_str(),
                    "more" | "less" | "fewer"
                ))
                || (w.eq(start - 1, "least") && w.eq(start - 2, "at")))
        {
            start -= 2;
        } else {
            return start;
        }
    }
}

/// Where the quantity ending at token `k` starts (`six in 10`, `four out of 10`, `about
/// half`).
fn quantity_start(w: &Words, lo: usize, k: usize) -> usize {
    let mut start = k;
    loop {
        if start > lo && (is_quantity(w, start - 1) || w.eq(start - 1, "in")) {
            start -= 1;
        } else if start > lo + 2 && is_out_of(w, start - 2) && is_quantity(w, start - 3) {
            start -= 3;
        } else {
            return approximation_start(w, lo, start);
        }
    }
}

/// Where a quantity that ends right before token `start` with `of`, `in` or `out of`
/// starts (`half of`, `Nine in`, `four out of`), if one does.
fn share_before(w: &Words, lo: usize, start: usize) -> Option<usize> {
    let share = |k: usize| w.eq(k, "of") || w.eq(k, "in");
    if start > lo + 1 && share(start - 1) && is_quantity(w, start - 2) {
        Some(quantity_start(w, lo, start - 2))
    } else if start > lo + 2 && is_out_of(w, start - 2) && is_quantity(w, start - 3) {
        Some(quantity_start(w, lo, start - 3))
    } else {
        None
    }
}

/// `out of` at tokens `k`, `k + 1` (`four out of 10`).
fn is_out_of(w: &Words, k: usize) -> bool {
    w.eq(k, "out") && w.eq(k + 1, "of")
}

fn is_number_word(s: &str) -> bool {
    matches!(
        s,
        "one" | "two" | "three" | "four" | "five" | "six" | "seven" | "eight" | "nine" | "ten"
    )
}

/// Can token `k` be part of a speaker phrase (beyond its head)?
fn is_phrase_word(w: &Words, k: usize, limit: usize) -> bool {
    if w.is_punct(k) {
        return false;
    }
    match w.class(k) {
        Some(WordClass::Modifier) => true,
        Some(_) => false,
        None => {
            w.is_capitalized(k)
                || w.title_at(k, limit).is_some()
                || ends_title(w, k)
                || w.body_at(k, limit).is_some()
                || is_hyphenated_word(w.word(k))
        }
    }
}

/// True when a title of several words ends at token `k` (`manager` in `campaign manager
/// Robby Mook`): walking back from the name, its last word belongs to the phrase.
fn ends_title(w: &Words, k: usize) -> bool {
    (k.saturating_sub(3)..k).any(|t| w.title_at(t, k + 1).is_some_and(|(_, n)| t + n == k + 1))
}

/// Closed-class words cannot head a speaker phrase; modifiers can (`campaign`), and so can
/// capitalised place words, which are often surnames (`Ms. Park`).
fn blocks_head(w: &Words, k: usize) -> bool {
    match w.class(k) {
        None | Some(WordClass::Modifier) => false,
        Some(WordClass::Place) => !w.is_capitalized(k),
        Some(_) => true,
    }
}

/// `military-to-military`, `long-time`: letters joined by hyphens (not dates or numbers).
fn is_hyphenated_word(s: &str) -> bool {
    s.contains('-') && s.chars().all(|c| c.is_alphabetic() || c == '-')
}

/// Can token `k` head a speaker phrase? (A name, a title or role, an organisation or
/// country, or the last word of a multi-word one such as `defense department`.)
fn is_head(w: &Words, k: usize, limit: usize) -> bool {
    if w.is_punct(k) || blocks_head(w, k) {
        return false;
    }
    if w.is_capitalized(k) || w.title_at(k, limit).is_some() || w.body_at(k, limit).is_some() {
        return true;
    }
    (1..4).any(|n| {
        k >= n
            && (w.body_at(k - n, k + 1).is_some_and(|(_, len)| len == n + 1)
                || w.title_at(k - n, k + 1)
                    .is_some_and(|(_, len)| len == n + 1))
    })
}

/// The speaker phrase that ends right before token `end` (exclusive), not reaching before `lo`.
/// Skips auxiliaries and adverbs (`has also said`) and one apposition.
pub fn before(w: &Words, lo: usize, end: usize) -> Option<Phrase> {
    let Some(mut p) = nearest_before(w, lo, end) else {
        // `a source close to him said`: an object pronoun ends a complement of the subject.
        let j = skip_auxiliaries(w, lo, end);
        let complement = j > lo + 1 && w.class(j - 2) == Some(WordClass::Preposition);
        return complement.then(|| subject_before(w, lo, end)).flatten();
    };
    // `half of the farmers`, `a third of the senators`: the quantity is the speaker.
    if let Some(start) = share_before(w, lo, p.start) {
        return Some(Phrase { start, end: p.end });
    }
    // `The organizer of the parade said`, `Residents who lost power in the storm say`: the
    // phrase after a preposition is a complement; the speaker is the whole noun phrase.
    let after_preposition = p.start > lo + 1
        && (w.eq(p.start - 1, "of") || w.class(p.start - 1) == Some(WordClass::Preposition));
    // `the University of Michigan said`, `the Board of Elections said`: an organisation
    // word before `of` heads one name with what follows.
    if p.start > lo + 1
        && w.eq(p.start - 1, "of")
        && w.is_capitalized(p.start - 2)
        && w.is_organization_word(p.start - 2)
    {
        if let Some(org) = nearest_before(w, lo, p.start - 1) {
            p = Phrase {
                start: org.start,
                end: p.end,
            };
        }
    }
    // (A capital that only opens the sentence is no name: `Voters in Ohio say`.)
    let named = |k: usize| w.is_capitalized(k) && !w.starts_sentence(k);
    if after_preposition && !named(p.start - 2) {
        if let Some(whole) = subject_before(w, lo, end) {
            if whole.start < p.start {
                return Some(whole);
            }
        }
        // `Beck, who has in the past described …`: a prepositional phrase between the
        // auxiliary and the cue; the subject stands before both.
        let preposition = p.start - 1;
        if matches!(
            w.class(preposition - 1),
            Some(WordClass::Auxiliary | WordClass::Adverb)
        ) {
            return nearest_before(w, lo, preposition);
        }
    }
    Some(p)
}

/// The owner of what follows a possessive ending at token `end - 1` (`Lloyd Austin's`,
/// `the mayor's`, `the Chinese ministry's`): the speaker phrase before `end`, or else the
/// plain noun phrase back to its determiner.
pub fn possessor_before(w: &Words, lo: usize, end: usize) -> Option<Phrase> {
    if let Some(p) = before(w, lo, end).filter(|p| p.end == end) {
        return Some(p);
    }
    let mut start = end - 1;
    while start > lo {
        let k = start - 1;
        if w.is_punct(k) || w.is_possessive(k) || w.cue_at(k, k + 1).is_some() {
            break;
        }
        match w.class(k) {
            None | Some(WordClass::Modifier) => start = k,
            Some(WordClass::Determiner) => {
                start = k;
                break;
            }
            Some(_) => break,
        }
    }
    Some(Phrase { start, end })
}

/// `Trump issued a statement`, `the ministry released a brief statement`: for the reporting
/// noun at token `noun` that ends a verb's object (a determiner and at most one modifier
/// before it), the verb and its subject, who speaks through the noun.
pub fn issuer_of_reporting_noun(w: &Words, lo: usize, noun: usize) -> Option<(usize, Phrase)> {
    let mut d = noun.checked_sub(1)?;
    if d > lo && w.class(d).is_none() && !w.is_punct(d) {
        d -= 1; // a modifier: `a brief statement`
    }
    if d <= lo || w.class(d) != Some(WordClass::Determiner) {
        return None;
    }
    let verb = d - 1;
    let plain_verb = !w.is_capitalized(verb) && !w.is_punct(verb) && w.class(verb).is_none();
    if !plain_verb {
        return None;
    }
    let p = before(w, lo, verb)
        .or_else(|| subject_before(w, lo, verb))
        .filter(|p| !w.is_possessive_noun(p.end - 1))?;
    Some((verb, p))
}

/// Most descriptor words [`with_descriptors`] takes in.
const MAX_DESCRIPTORS: usize = 3;

/// Phrase `p` widened back to `from` when the words between are descriptors of a person
/// (`former FBI agent Timothy Gill`, `legal experts`, `the presumptive Republican
/// presidential nominee`): at most [`MAX_DESCRIPTORS`] plain words, modifiers or place
/// words, no punctuation and no cue, a determiner allowed first. For positions where
/// nothing but the subject can stand before the name (after a closing quotation mark or
/// the comma of a tail attribution).
pub fn with_descriptors(w: &Words, from: usize, p: Phrase) -> Phrase {
    let plain = |j: usize| {
        !w.is_punct(j)
            && w.class(j)
                .is_none_or(|c| matches!(c, WordClass::Modifier | WordClass::Place))
            && !w.any_cue_start(j, j + 1)
    };
    let determiner_first = |j: usize| j == from && w.class(j) == Some(WordClass::Determiner);
    let fits = p.start > from
        && p.start - from <= MAX_DESCRIPTORS
        && (from..p.start).all(|j| plain(j) || determiner_first(j));
    if fits {
        Phrase {
            start: from,
            end: p.end,
        }
    } else {
        p
    }
}

/// `end` moved back over auxiliaries and adverbs (`has also said`).
pub(super) fn skip_auxiliaries(w: &Words, lo: usize, end: usize) -> usize {
    let mut j = end;
    while j > lo
        && (matches!(
            w.class(j - 1),
            Some(WordClass::Auxiliary | WordClass::Catenative | WordClass::Adverb)
        ) || w.is_negated_auxiliary(j - 1)
            || (j - 1 > lo && is_manner_adverb(w, j - 1))
            || (j - 1 > lo
                && w.eq(j - 1, "to")
                && matches!(
                    w.class(j - 2),
                    Some(WordClass::Auxiliary | WordClass::Catenative)
                ))
            || (j - 1 > lo && w.eq(j - 1, "since") && w.class(j - 2) == Some(WordClass::Auxiliary)))
    {
        // (`continued to insist`, `has to say`, `declined to say`: `to` after an auxiliary,
        // aspect or catenative verb;
        // `has since said`: `since` after one is an adverb.)
        j -= 1;
    }
    j
}

/// A lower-case word of six letters or more in `-ly` that is not a closed-class word
/// (`falsely`, `ridiculously`); whether it is an adverb depends on what precedes it.
pub(super) fn is_ly_adverb(w: &Words, k: usize) -> bool {
    let word = w.word(k);
    word.len() >= 6
        && word.ends_with("ly")
        && w.class(k).is_none()
        && word.bytes().all(|b| b.is_ascii_lowercase())
}

/// `has ridiculously claimed`, `Trump jokingly said`: a lower-case `-ly` word after an
/// auxiliary, a pronoun or a name is an adverb (after a determiner it would be a noun:
/// `the family said`).
fn is_manner_adverb(w: &Words, k: usize) -> bool {
    is_ly_adverb(w, k)
        && (w.class(k - 1) == Some(WordClass::Auxiliary)
            || w.is_pronoun(k - 1)
            || (w.is_capitalized(k - 1) && !w.starts_sentence(k - 1)))
}

/// The phrase of [`before`] without the `of` extension.
fn nearest_before(w: &Words, lo: usize, end: usize) -> Option<Phrase> {
    let mut j = skip_auxiliaries(w, lo, end);
    // `RNC spokesman Sean Spicer on Thursday evening said`, `who in 2010 said`: a time phrase
    // before the cue.
    let mut t = j;
    // (`who in the past has voiced`: the article of a time phrase after `in`.)
    let article_of_time_phrase =
        |t: usize| t >= lo + 2 && w.eq(t - 1, "the") && w.eq(t - 2, "in") && w.is_time_word(t);
    while t > lo
        && (w.is_time_word(t - 1)
            || w.is_year(t - 1)
            || ((w.eq(t - 1, "on") || w.eq(t - 1, "in")) && t < j)
            || (t < j && article_of_time_phrase(t)))
    {
        t -= 1;
    }
    // (`her March comment`, `the last claim`: a time word after a determiner modifies the
    // noun the cue word is; after an article no one is named.)
    let modifies_noun = t < j && t > lo && w.class(t - 1) == Some(WordClass::Determiner);
    if modifies_noun && matches!(w.word(t - 1), "the" | "The" | "a" | "A" | "an" | "An") {
        return None;
    }
    let this_time = w.eq(t, "this") && t + 1 < j && w.is_time_word(t + 1);
    if t < j
        && t > lo
        && (!w.is_punct(t - 1) || w.is(t - 1, ","))
        && (!w.eq(t, "this") || this_time)
        && !modifies_noun
    {
        j = skip_auxiliaries(w, lo, t);
    }
    if j == lo {
        return None;
    }
    // `Kall -- co-editor of a book -- said`: an apposition between dashes.
    if is_dash(w, j - 1) {
        let mut close = j - 1;
        while close > lo && is_dash(w, close - 1) {
            close -= 1;
        }
        let mut open = (close.saturating_sub(MAX_APPOSITION).max(lo)..close)
            .rev()
            .find(|&k| is_dash(w, k))?;
        while open > lo && is_dash(w, open - 1) {
            open -= 1;
        }
        return name_before(w, lo, open);
    }
    if w.is(j - 1, ",") {
        // `Name, a role at Body, said`: the speaker is the name before the apposition;
        // `Sanders, meanwhile, who sits …, said`: a second comma may stand before it.
        let mut comma = j - 1;
        let mut appositions = 0;
        while appositions < 2 {
            let Some(p) = apposition_start(w, lo, comma) else {
                // `Sen. Jack Reed (D-R.I.), said`: a comma after the parenthesis only.
                let parenthesis = appositions == 0 && comma > lo && w.is(comma - 1, ")");
                return parenthesis.then(|| name_before(w, lo, comma)).flatten();
            };
            // `In an interview with CNN, Trump attacked Cruz, saying …`: a reporting verb
            // makes the part between the commas a clause, not an apposition (unless a
            // relative clause holds it: `Zeke Emanuel, an oncologist who advised Obama, said`).
            let described = w.class(p + 1) == Some(WordClass::Determiner);
            let relative = (p + 2..comma)
                .find(|&k| described && matches!(w.word(k), "who" | "whose"))
                .unwrap_or(comma);
            // (`Trump, speaking at a rally in Ohio, said`: a participle opening the part
            // after a name is an aside of the speaker's.)
            let participle_aside = p > lo
                && w.is_capitalized(p - 1)
                && w.word(p + 1).ends_with("ing")
                && !(p + 2..comma).any(|k| w.verb_cue_at(k, comma).is_some());
            if !participle_aside && (p + 1..relative).any(|k| w.verb_cue_at(k, comma).is_some()) {
                return None;
            }
            // `Chastened by the analyses, Trump revised his plan, promising …`: a name opening
            // the part between the commas, then a past-tense verb, make it a clause too.
            let name_end = (p + 1..comma)
                .find(|&k| !w.is_capitalized(k))
                .unwrap_or(comma);
            let name_and_verb = name_end > p + 1 && name_end < comma && {
                let word = w.word(name_end);
                w.class(name_end).is_none() && word.len() > 4 && word.ends_with("ed")
            };
            if name_and_verb {
                return None;
            }
            // `Brianne Stone, 29, of Huntsville, Ala., says`: the state of a place is part
            // of the apposition before it.
            let state_of_place = comma == p + 2
                && p > lo + 1
                && w.is_capitalized(p - 1)
                && matches!(w.word(p - 2), "of" | "from" | "in");
            if state_of_place {
                comma = p;
                continue;
            }
            // `The operator's spokeswoman, Ana Li, said`: a name in apposition speaks.
            let name = p + 1..comma;
            if !name.is_empty()
                && name.len() <= 4
                && name
                    .clone()
                    .all(|k| w.is_capitalized(k) && w.class(k).is_none())
            {
                return Some(Phrase {
                    start: p + 1,
                    end: comma,
                });
            }
            // `Nora Lind, 52, a ferry captain …, said`: an age before the apposition.
            let is_age =
                p > lo + 1 && w.is(p - 2, ",") && w.word(p - 1).bytes().all(|b| b.is_ascii_digit());
            if is_age {
                return name_before(w, lo, p - 2);
            }
            if let Some(found) = name_before(w, lo, p) {
                return Some(found);
            }
            comma = p;
            appositions += 1;
        }
        return None;
    }
    name_before(w, lo, j)
}

/// The comma that opens the apposition closed by the comma at `comma`, within
/// [`MAX_APPOSITION`] tokens and the sentence; quotation marks inside it must pair up
/// (`Hemsley, the co-author of "Going Viral," said`).
fn apposition_start(w: &Words, lo: usize, comma: usize) -> Option<usize> {
    let mut quote_marks = 0;
    let mut p = comma;
    while p > lo && comma - p < MAX_APPOSITION {
        p -= 1;
        if w.is(p, ",") && quote_marks % 2 == 0 {
            return Some(p);
        }
        // `McConnell, R-Ky., said`: the period of an abbreviation.
        let abbreviation = p > lo && is_abbreviation_period(w, p);
        if w.is_quote_mark(p) {
            quote_marks += 1;
        } else if matches!(w.word(p), "." | ";" | ":" | "?" | "!") && !abbreviation {
            return None;
        }
    }
    None
}

/// True when token `k` is the period of a middle initial (`Jeffrey M. Jones`): a single
/// capital letter before it and a capitalised word after it.
pub(super) fn is_initial_period(w: &Words, k: usize) -> bool {
    k > 0
        && k + 1 < w.tokens.len()
        && w.is(k, ".")
        && w.is_capitalized(k + 1)
        && matches!(w.word(k - 1).as_bytes(), [c] if c.is_ascii_uppercase())
}

/// True when token `k` is the period of an abbreviated party and state inside a name's
/// apposition (`McConnell, R-Ky., said`), not a sentence end.
pub(super) fn is_abbreviation_period(w: &Words, k: usize) -> bool {
    if k == 0 || !w.is(k, ".") {
        return false;
    }
    let word = w.word(k - 1);
    let Some((party, state)) = word.split_once('-') else {
        return false;
    };
    party.len() == 1
        && party.chars().all(|c| c.is_ascii_uppercase())
        && (2..=5).contains(&state.len())
        && state.starts_with(|c: char| c.is_ascii_uppercase())
        && state.chars().all(|c| c.is_ascii_alphabetic())
}

/// The speaker phrase ending at `end`, past a parenthesis after the name (`Sen. Chuck
/// Grassley (R-Iowa)`).
fn name_before(w: &Words, lo: usize, end: usize) -> Option<Phrase> {
    if end > lo && w.is(end - 1, ")") {
        let open = (end.saturating_sub(8).max(lo)..end - 1)
            .rev()
            .find(|&k| w.is(k, "("))?;
        return core_before(w, lo, open);
    }
    core_before(w, lo, end)
}

fn is_dash(w: &Words, k: usize) -> bool {
    matches!(w.word(k), "-" | "--" | "\u{2014}" | "\u{2013}")
}

fn core_before(w: &Words, lo: usize, end: usize) -> Option<Phrase> {
    if end <= lo {
        return None;
    }
    let head = end - 1;
    if w.is_pronoun(head) || w.eq(head, "who") {
        return Some(Phrase { start: head, end });
    }
    // `many of whom say`, `some of which said`: a share of a relative pronoun's antecedent.
    if head >= lo + 2
        && matches!(w.word(head), "whom" | "which")
        && w.eq(head - 1, "of")
        && (is_quantifier_pronoun(w, head - 2) || is_quantity(w, head - 2))
    {
        return Some(Phrase {
            start: head - 2,
            end,
        });
    }
    // `Doyle and others said`
    if w.eq(head, "others") {
        if let Some(joined) = joined_with_and(w, lo, head, end) {
            return Some(joined);
        }
    }
    // `Some said …`, `Many argue …`: a quantifier standing alone at the start of a clause.
    if is_clause_start(w, lo, head) && is_quantifier_pronoun(w, head) {
        return Some(Phrase { start: head, end });
    }
    if is_quantity(w, head) {
        // `61 percent said`, `Six in 10 say`, `nine in 10 said`
        let mut start = head;
        while start > lo
            && (is_quantity(w, start - 1) || w.eq(start - 1, "in") || w.eq(start - 1, "of"))
        {
            start -= 1;
        }
        start = approximation_start(w, lo, start);
        while start < head && (w.eq(start, "in") || w.eq(start, "of")) {
            start += 1;
        }
        return Some(Phrase { start, end });
    }
    if w.is_punct(head) || blocks_head(w, head) {
        return None;
    }
    if !is_head(w, head, end) {
        // A bare plural opening its clause: `Respondents said`, `Abortion rights advocates
        // said`, `Seventy-four percent of Democratic voters say`.
        if w.word(head).ends_with('s') && w.class(head).is_none() {
            let mut start = head;
            while start > lo
                && head - start < 3
                && !w.is_punct(start - 1)
                && w.class(start - 1).is_none_or(|c| c == WordClass::Modifier)
            {
                start -= 1;
            }
            // (`Seventy-four percent of Democratic voters`, `Nine in 10 registered voters`)
            if let Some(share) = share_before(w, lo, start) {
                start = share;
            }
            if is_clause_start(w, lo, start) {
                return Some(Phrase { start, end });
            }
        }
        // A generic noun after a determiner: `the poll`, `a source close to him`.
        if !is_plain_noun(w.word(head)) && !is_ly_noun(w, head) {
            return None;
        }
        let mut p = head;
        loop {
            if p < head && w.class(p) == Some(WordClass::Determiner) {
                return Some(Phrase { start: p, end });
            }
            if p < head && w.is_possessive(p) {
                // `the company's chief executive`: the possessor's phrase opens the speaker.
                return core_before(w, lo, p + 1).map(|owner| Phrase {
                    start: owner.start,
                    end,
                });
            }
            if p != head
                && w.class(p)
                    .is_some_and(|c| !matches!(c, WordClass::Modifier | WordClass::Place))
            {
                return None;
            }
            if p == lo || head - p >= 3 || w.is_punct(p - 1) {
                break;
            }
            p -= 1;
        }
        return None;
    }
    let mut start = head;
    while start > lo && end - start < MAX_PHRASE {
        let k = start - 1;
        if is_phrase_word(w, k, end) {
            start = k;
        } else if w.is(k, ".") && k > lo && w.word(k - 1).len() == 1 && w.is_capitalized(k - 1) {
            // An initial: `Frank G. Jackson`.
            start = k - 1;
        } else if matches!(w.word(k), "of" | "for") && start < head && w.is_capitalized(start) {
            // `Secretary of Defense Lloyd Austin`, `Minister for National Defense`
            start = k;
        } else if w.class(k) == Some(WordClass::Determiner) {
            start = k;
            break;
        } else if let Some(det) = noun_modifiers_after_determiner(w, lo, k) {
            // `a ministry official`, `the harbor board chairman`
            start = det;
            break;
        } else {
            break;
        }
    }
    // Never begin on a dangling connector.
    while start < head && matches!(w.word(start), "of" | "for") {
        start += 1;
    }
    // `current and former officials said`: two modifiers joined by `and` share the head.
    if start >= lo + 2
        && w.eq(start - 1, "and")
        && w.class(start) == Some(WordClass::Modifier)
        && w.class(start - 2) == Some(WordClass::Modifier)
    {
        start -= 2;
        if start > lo && w.class(start - 1) == Some(WordClass::Determiner) {
            start -= 1;
        }
    }
    if let Some(joined) = joined_with_and(w, lo, start, end) {
        return Some(joined);
    }
    Some(Phrase { start, end })
}

/// A speaker phrase of two members joined by `and` whose second member starts at token
/// `second`: `David Albright and Serena Kelleher wrote`, `Trump and other officials`, `she
/// and another reporter said`, `he and Mr. Allen said`.
fn joined_with_and(w: &Words, lo: usize, second: usize, end: usize) -> Option<Phrase> {
    if second <= lo + 1 || !w.eq(second - 1, "and") {
        return None;
    }
    let first_end = second - 1;
    let subject_pronoun = matches!(
        w.word(first_end - 1),
        "he" | "she" | "they" | "we" | "He" | "She" | "They" | "We" | "I"
    );
    let second_member = (w.is_capitalized(second) && !w.is_pronoun(second))
        || w.class(second) == Some(WordClass::Determiner)
        || w.eq(second, "others");
    if subject_pronoun && second_member {
        return Some(Phrase {
            start: first_end - 1,
            end,
        });
    }
    let names = w.is_capitalized(second) && !w.is_pronoun(second);
    let others = w.eq(second, "other") || w.eq(second, "others");
    if !(names || others) || !w.is_capitalized(first_end - 1) || w.is_pronoun(first_end - 1) {
        return None;
    }
    let first = core_before(w, lo, first_end)?;
    Some(Phrase {
        start: first.start,
        end,
    })
}

/// Longest subject noun phrase taken by [`subject_before`], in tokens.
const MAX_SUBJECT: usize = 16;

/// The whole subject noun phrase before a reporting verb, for subjects the name and role
/// rules above do not cover: a head noun with prepositional phrases or a relative clause
/// (`the organizer of a pro-Trump rally said`, `people who have battled online threats
/// say`, `That person said`). It runs back from the verb to the clause start — the sentence
/// start, a comma or a clause word such as `although` — and is refused when it could be
/// a clause rather than a noun phrase: an auxiliary or a number-only head, a lower-case head
/// ending in `-ly`, or a preposition or pronoun to open it.
pub fn subject_before(w: &Words, lo: usize, end: usize) -> Option<Phrase> {
    let j = skip_auxiliaries(w, lo, end);
    if j == lo {
        return None;
    }
    let head = j - 1;
    if w.is_punct(head)
        || w.class(head).is_some_and(|c| c != WordClass::Modifier)
        || w.word(head)
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b',')
        || (w.word(head).ends_with("ly") && !w.is_capitalized(head) && !is_ly_noun(w, head))
    {
        return None;
    }
    // Walk back to the clause start; a relative word (`who`, `that`, `which`) with a noun
    // before it is part of the subject (`people who have …`).
    let mut start = head;
    let mut relative = false;
    while start > lo && j - start < MAX_SUBJECT {
        let k = start - 1;
        let word = w.word(k);
        let boundary = (w.is_punct(k) && !matches!(word, "." | "-" | "'" | "(" | ")" | "/" | "&"))
            || w.is_quote_mark(k);
        if boundary {
            break;
        }
        if w.class(k) == Some(WordClass::Clause) {
            let relative_word = matches!(word, "who" | "that" | "which" | "whose");
            // `a town in which 61 percent say`: after a preposition the relative word opens
            // the clause whose subject this is.
            let after_preposition = k > lo && w.class(k - 1) == Some(WordClass::Preposition);
            // `One thing … is that 78 percent … said`: after a verb `that` opens a clause.
            let after_auxiliary = k > lo && w.class(k - 1) == Some(WordClass::Auxiliary);
            if relative_word
                && !relative
                && !after_auxiliary
                && k > lo
                && !w.is_punct(k - 1)
                && !after_preposition
                && k + 1 < head
            {
                relative = true;
                start = k;
                continue;
            }
            // `Khizr and Ghazala Khan`: names joined by `and` stay together.
            if w.eq(k, "and") && w.is_capitalized(k + 1) && k > lo && w.is_capitalized(k - 1) {
                start = k;
                continue;
            }
            break;
        }
        start = k;
    }
    // The part before a relative clause must not hold a verb of its own.
    let main_end = if relative {
        (start..head)
            .find(|&k| matches!(w.word(k), "who" | "that" | "which" | "whose"))
            .unwrap_or(head)
    } else {
        j
    };
    while start < main_end && w.class(start) == Some(WordClass::Adverb) {
        start += 1; // `Even the organizer …`
    }
    let verb_like = |k: usize| {
        let word = w.word(k);
        // (`the planning`, `Thursday's meeting`: after a determiner or a possessive an
        // `-ing` or `-ed` word is a noun or an adjective.)
        w.class(k) == Some(WordClass::Auxiliary)
            || w.is_possessive(k) && k + 1 == main_end
            || word.ends_with("n't")
            || word.ends_with("n\u{2019}t")
            || (!w.is_capitalized(k)
                && (word.ends_with("ed") || word.ends_with("ing"))
                && !is_survey_participle(w, start, k)
                && !(k > start
                    && (w.class(k - 1) == Some(WordClass::Determiner) || w.is_possessive(k - 1))))
    };
    if start >= main_end
        || w.class(start) == Some(WordClass::Preposition)
        || w.is_pronoun(start)
        || (start..main_end).any(verb_like)
    {
        return None;
    }
    Some(Phrase { start, end: j })
}

/// `voters polled`, `veterans interviewed at rallies`, `residents living near the harbor`: a
/// participle right after a plural noun modifies it; it is not the subject's verb.
fn is_survey_participle(w: &Words, start: usize, k: usize) -> bool {
    let plural = |j: usize| {
        let s = w.word(j);
        s.len() > 3 && s.ends_with('s') && w.class(j).is_none() && !w.is_possessive(j)
    };
    k > start && (w.word(k).ends_with("ed") || w.word(k).ends_with("ing")) && plural(k - 1)
}

/// Up to two lower-case nouns ending at `k` that a determiner opens (`a ministry`, `the
/// harbor board`): the determiner's index, so they join the phrase as modifiers.
fn noun_modifiers_after_determiner(w: &Words, lo: usize, k: usize) -> Option<usize> {
    let mut j = k;
    for _ in 0..2 {
        if !is_plain_noun(w.word(j)) || w.class(j).is_some() || w.is_capitalized(j) {
            return None;
        }
        if j > lo && w.class(j - 1) == Some(WordClass::Determiner) {
            return Some(j - 1);
        }
        if j == lo {
            return None;
        }
        j -= 1;
    }
    None
}

/// The speaker phrase that starts at token `start` (after a cue: `said John Smith`),
/// ending before `hi`.
pub fn after(w: &Words, start: usize, hi: usize) -> Option<Phrase> {
    let mut k = start;
    while k < hi && matches!(w.class(k), Some(WordClass::Adverb)) {
        k += 1;
    }
    if k >= hi {
        return None;
    }
    if w.is_pronoun(k) {
        return Some(Phrase {
            start: k,
            end: k + 1,
        });
    }
    let first = k;
    if w.class(k) == Some(WordClass::Determiner) {
        k += 1;
    }
    let mut last_head = None;
    while k < hi && k - first < MAX_PHRASE {
        if is_head(w, k, hi) {
            last_head = Some(k);
        } else if is_phrase_word(w, k, hi) || (!w.is_punct(k) && w.class(k).is_none()) {
            // Descriptors before a name: `said chief engineer Rosa Alvarez`.
        } else if (w.is(k, ".") && k > first && w.word(k - 1).len() == 1 && w.is_capitalized(k - 1))
            || (k > first && is_initial_period(w, k + 1))
        {
            // An initial inside a name: `Lindsey O. Graham`, `James A. Baker` (not the
            // article `A`).
        } else if k > first
            && matches!(w.word(k), "of" | "for")
            && k + 1 < hi
            && w.is_capitalized(k + 1)
        {
        } else {
            break;
        }
        k += 1;
    }
    if last_head.is_none() && first < k && w.class(first) == Some(WordClass::Determiner) {
        // `according to the agency`: a determiner and a plain noun.
        let mut end = first + 1;
        while end < hi
            && end - first <= 4
            && !w.is_punct(end)
            && w.class(end).is_none_or(|c| c == WordClass::Modifier)
        {
            end += 1;
        }
        return (end > first + 1).then_some(Phrase { start: first, end });
    }
    // (`said Tuesday`: a day names no one.)
    let p = last_head
        .map(|h| Phrase {
            start: first,
            end: h + 1,
        })
        .filter(|p| !(p.start..p.end).all(|k| w.is_time_word(k)))?;
    // `said Doyle and others`, `said lobbyist and GOP strategist Charlie Black`: a second
    // member joined by `and`.
    if p.end + 1 < hi && w.eq(p.end, "and") {
        if w.eq(p.end + 1, "others") {
            return Some(Phrase {
                start: p.start,
                end: p.end + 2,
            });
        }
        if !w.is_pronoun(p.end + 1) && (w.is_capitalized(p.end + 1) || is_head(w, p.end + 1, hi)) {
            if let Some(second) = after(w, p.end + 1, hi).filter(|s| s.start == p.end + 1) {
                return Some(Phrase {
                    start: p.start,
                    end: second.end,
                });
            }
        }
    }
    Some(p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicons;
    use crate::segment::segment;
    use crate::Document;

    /// The speaker phrase before the first occurrence of `cue` in `text`.
    fn speaker_before(text: &str, cue: &str) -> Option<String> {
        let doc = Document::new("t", text);
        let seg = segment(&doc, Lexicons::embedded());
        let w = Words::new(&doc.text, &seg, Lexicons::embedded());
        let k = (0..seg.tokens.len()).find(|&k| w.word(k) == cue)?;
        before(&w, 0, k).map(|p| w.range_span(p.start, p.end).slice(text).to_string())
    }

    fn speaker_after(text: &str, cue: &str) -> Option<String> {
        let doc = Document::new("t", text);
        let seg = segment(&doc, Lexicons::embedded());
        let w = Words::new(&doc.text, &seg, Lexicons::embedded());
        let k = (0..seg.tokens.len()).find(|&k| w.word(k) == cue)?;
        after(&w, k + 1, seg.tokens.len())
            .map(|p| w.range_span(p.start, p.end).slice(text).to_string())
    }

    #[test]
    fn names_titles_and_descriptions_before_a_cue() {
        assert_eq!(
            speaker_before("Then he said it.", "said").as_deref(),
            Some("he")
        );
        assert_eq!(
            speaker_before("US Secretary of Defense Lloyd Austin said so.", "said").as_deref(),
            Some("US Secretary of Defense Lloyd Austin")
        );
        assert_eq!(
            speaker_before("Yesterday the defense department said so.", "said").as_deref(),
            Some("the defense department")
        );
        assert_eq!(
            speaker_before(
                "Later a senior administration official has also said so.",
                "said"
            )
            .as_deref(),
            Some("a senior administration official")
        );
        assert_eq!(
            speaker_before("But the poll said so.", "said").as_deref(),
            Some("the poll")
        );
    }

    #[test]
    fn apposition_is_skipped() {
        assert_eq!(
            speaker_before("Hugh Hill, a doctor at the clinic, said: no.", "said").as_deref(),
            Some("Hugh Hill")
        );
    }

    #[test]
    fn no_speaker_after_a_verb_or_clause_word() {
        assert_eq!(
            speaker_before("It was raining and said nothing.", "said"),
            None
        );
    }

    #[test]
    fn speaker_after_an_inverted_cue() {
        assert_eq!(
            speaker_after("\"Go,\" said chief engineer Rosa Alvarez, smiling.", "said").as_deref(),
            Some("chief engineer Rosa Alvarez")
        );
        assert_eq!(
            speaker_after("\"Go,\" said the source.", "said").as_deref(),
            Some("the source")
        );
    }
}
