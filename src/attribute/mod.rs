//! Attribution: every quotation and reported clause, linked to who said it, resolved to a
//! document entity, with that entity's affiliation.
//!
//! Rules are small named pattern functions (`direct`, `reported`); the words they reason
//! about come from the lexicons (`cues.csv`, `titles.csv`, `affiliations.csv`,
//! `organizations.csv`, `function_words.csv`). Each quote records the rule as its `method`.

mod direct;
mod entities;
mod found;
mod governed;
mod noun_report;
mod reported;
mod speaker;
mod words;

use entities::Entities;
use found::Found;
use words::Words;

use crate::document::{Document, Span};
use crate::lexicon::{CueKind, Lexicons, WordClass};
use crate::segment::Segmentation;
use crate::stance::StanceScores;

/// How a quote is reported.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteKind {
    /// The content is inside quotation marks.
    Direct,
    /// Reported speech that contains a partial quotation.
    Mixed,
    /// Reported speech without quotation marks.
    Indirect,
}

impl QuoteKind {
    /// The name used in tables.
    pub fn as_str(self) -> &'static str {
        match self {
            QuoteKind::Direct => "direct",
            QuoteKind::Mixed => "mixed",
            QuoteKind::Indirect => "indirect",
        }
    }
}

/// What kind of entity a speaker is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeakerType {
    Person,
    Organization,
    Government,
    Group,
    Unknown,
}

impl SpeakerType {
    /// The name used in tables.
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerType::Person => "person",
            SpeakerType::Organization => "organization",
            SpeakerType::Government => "government",
            SpeakerType::Group => "group",
            SpeakerType::Unknown => "unknown",
        }
    }
}

/// Who said a quote: the mention as written and, when resolved, the entity behind it.
#[derive(Debug, Clone, PartialEq)]
pub struct Speaker {
    pub mention: Span,
    /// Canonical name (full name for persons); `None` when the mention could not be resolved.
    pub name: Option<String>,
    pub kind: SpeakerType,
    pub affiliation: Option<String>,
}

/// One row of the quotes table.
#[derive(Debug, Clone, PartialEq)]
pub struct Quote {
    pub kind: QuoteKind,
    /// Content pieces in text order (quote marks excluded).
    pub fragments: Vec<Span>,
    pub paragraph: usize,
    pub sentence: usize,
    pub headline: bool,
    pub speaker: Option<Speaker>,
    pub cue: Option<Span>,
    /// The rule that produced the attribution (`none` when nothing attributes the quote).
    pub method: &'static str,
    /// How sure the attribution is, 0..1 (0 with method `none`).
    pub confidence: f32,
    pub stance: Option<StanceScores>,
}

impl Quote {
    /// From the start of the first fragment to the end of the last.
    pub fn span(&self) -> Span {
        match (self.fragments.first(), self.fragments.last()) {
            (Some(first), Some(last)) => Span::new(first.start, last.end),
            _ => Span::default(),
        }
    }
}

/// Most tokens between an attribution and the quotation it continues into.
const MAX_ATTRIBUTION_GAP: usize = 20;
/// The same when the quotation opens the next sentence: the attribution's sentence may end
/// on a long apposition (`"A," said Kevin Barrett, a lawyer at …, who represents …. "B."`).
const MAX_RESUME_GAP: usize = 45;

/// A reported clause with quotation marks is `mixed` only with this many words outside them.
const MIN_WORDS_OUTSIDE_QUOTES: usize = 2;

/// Builds the quotes of a document from its segmentation and attributes each.
pub fn attribute(doc: &Document, seg: &Segmentation, lex: &Lexicons) -> Vec<Quote> {
    let w = Words::new(&doc.text, seg, lex);
    let entities = Entities::scan(&w);
    let quote_tokens: Vec<(usize, usize)> = seg
        .quotes
        .iter()
        .map(|q| direct::quote_tokens(&w, q))
        .collect();
    let mut inside = vec![false; seg.tokens.len()];
    for &(open, close_end) in &quote_tokens {
        for flag in &mut inside[open.min(close_end)..close_end.min(seg.tokens.len())] {
            *flag = true;
        }
    }
    let in_quote = |k: usize| inside.get(k).copied().unwrap_or(false);

    let mut out = Vec::new();
    let mut consumed = vec![false; seg.quotes.len()];
    let mut reported_direct: Vec<Option<Found>> = vec![None; seg.quotes.len()];
    let reports = reported::find(&w, &in_quote);
    // A quoted transcript (`"WALLACE: …` paragraph after paragraph) is reported line by
    // line; the quotation around it is not listed again.
    let transcript_spans: Vec<Span> = reports
        .iter()
        .filter(|r| r.found.method == "transcript")
        .map(|r| w.range_span(r.start, r.end))
        .collect();
    for (i, q) in seg.quotes.iter().enumerate() {
        consumed[i] = !transcript_spans.is_empty()
            && q.fragments
                .iter()
                .all(|f| transcript_spans.iter().any(|t| t.overlaps(&f.content)));
    }
    for r in reports {
        let mut spans = vec![w.range_span(r.start, r.end)];
        if let Some((b0, b1)) = r.second {
            spans.push(w.range_span(b0, b1));
        }
        // Quotations are in text order: only those starting inside the span can lie in it.
        let first = seg
            .quotes
            .partition_point(|q| q.outer.start < spans[0].start);
        // `Cruz added that he was the only one "fighting to defend the Constitution. I'll
        // tell you this, …"`: a quotation opened in the report runs on to its closing mark,
        // past the sentence the report was cut in (within the paragraph).
        if let Some(last) = spans.last_mut() {
            let paragraph_end = seg.paragraphs[seg.sentences[w.sentence_of(r.start)].paragraph]
                .span
                .end;
            let runs_on = (first..seg.quotes.len())
                .take_while(|&i| seg.quotes[i].outer.start < last.end)
                .map(|i| seg.quotes[i].outer)
                .filter(|q| q.start >= last.start && q.end > last.end && q.end <= paragraph_end)
                .map(|q| q.end)
                .max();
            if let Some(end) = runs_on {
                last.end = end;
            }
        }
        let span = Span::new(spans[0].start, spans[spans.len() - 1].end);
        let inner: Vec<usize> = (first..seg.quotes.len())
            .take_while(|&i| seg.quotes[i].outer.start < span.end)
            .filter(|&i| span.contains(&seg.quotes[i].outer))
            .collect();
        // A clause that is one whole quotation, or a quoted phrase with a word or two
        // around it (`described it as "successful"`, `saying that Clinton "did not mean
        // it"`), is a direct quote, handled below: the report's attribution is its fallback.
        // (Both pieces of an interrupted report count: `CNN, Cruz said, called it "…"`.)
        let outside = words_outside_quotes(&w, &in_quote, r.start, r.end)
            + r.second
                .map_or(0, |(b0, b1)| words_outside_quotes(&w, &in_quote, b0, b1));
        if (r.second.is_none()
            && inner.len() == 1
            && covers(&w, &seg.quotes[inner[0]], r.start, r.end))
            || (!inner.is_empty() && outside < MIN_WORDS_OUTSIDE_QUOTES)
        {
            if let [only] = inner[..] {
                reported_direct[only] = Some(r.found);
            }
            continue;
        }
        for &i in &inner {
            consumed[i] = true;
        }
        let kind = if inner.is_empty() {
            QuoteKind::Indirect
        } else {
            QuoteKind::Mixed
        };
        out.push(to_quote(&w, &entities, kind, spans, r.found));
    }

    let mut direct: Vec<(usize, Option<Found>)> = Vec::new();
    for (i, q) in seg.quotes.iter().enumerate() {
        if consumed[i] {
            continue;
        }
        let (open, close_end) = quote_tokens[i];
        let first_sentence = seg.sentence_at(q.outer.start);
        let last_sentence = seg.sentence_at(q.outer.end.saturating_sub(1));
        let (lo, _) = w.sentence_tokens(first_sentence);
        let (_, hi) = w.sentence_tokens(last_sentence);
        let paragraph_end = seg.paragraphs[q.paragraph].tokens.end.max(close_end);
        // A quotation that is a sentence of its own may be attributed in what the splitter
        // took for the next sentence (`"Why?" Smith asked.`); the rule stops at the first
        // boundary. A quotation ending someone else's sentence is not attributed forward.
        let tail_end = if w.starts_sentence(open) {
            paragraph_end
        } else {
            hi.max(close_end)
        };
        let found = direct::after_quote(&w, close_end, tail_end.min(paragraph_end))
            .or_else(|| direct::before_quote(&w, open, lo))
            .or_else(|| direct::subject_quote(&w, open, lo, hi))
            .or_else(|| direct::name_colon(&w, open, lo))
            .or_else(|| direct::after_colon(&w, open))
            .or_else(|| direct::colon_in_sentence(&w, open, lo))
            .or(reported_direct[i]);
        direct.push((i, found));
    }
    inherit(&w, seg, &quote_tokens, &mut direct);

    let mut merged_into: Option<usize> = None;
    let mut rows: Vec<Quote> = Vec::new();
    let mut governed_spans: Vec<Span> = Vec::new();
    for (n, &(i, found)) in direct.iter().enumerate() {
        let q = &seg.quotes[i];
        let fragments: Vec<Span> = q.fragments.iter().map(|f| f.content).collect();
        // `"A," he said, "B."`: B joins A when only the attribution stands between them.
        if let (Some(prev), Some(f)) = (merged_into, n.checked_sub(1).and_then(|p| direct[p].1)) {
            let prev_i = direct[n - 1].0;
            let same_paragraph = seg.quotes[prev_i].paragraph == seg.quotes[i].paragraph;
            // `"B," she said` after the attribution has a cue of its own: not a resumption.
            let close = quote_tokens[i].1.saturating_sub(1);
            let own_cue = found.is_some_and(|g| {
                g.cue != f.cue
                    && g.method.starts_with("quote_")
                    && w.sentence_of(g.cue.0) == w.sentence_of(close)
            });
            if f.method.starts_with("quote_")
                && !own_cue
                && same_paragraph
                && (interrupts(&w, f, quote_tokens[i].0) || resumes(&w, f.end, quote_tokens[i].0))
            {
                if let Some(row) = rows.get_mut(prev) {
                    row.fragments.extend(fragments);
                    if row.method.starts_with("quote_") {
                        row.method = "interrupted";
                    }
                    merged_into = Some(prev);
                    continue;
                }
            }
        }
        let quote = match found {
            Some(f) => match writers_lead_in(&w, seg, i, quote_tokens[i].0, f) {
                Some(start) => {
                    let clause = vec![Span::new(start, q.outer.end)];
                    to_quote(&w, &entities, QuoteKind::Mixed, clause, f)
                }
                None => to_quote(&w, &entities, QuoteKind::Direct, fragments, f),
            },
            None => {
                // A quotation inside a clause already reported as governed is listed
                // through that clause only.
                if governed_spans.iter().any(|g| g.contains(&q.outer)) {
                    continue;
                }
                match governed_clause(
                    &w,
                    &entities,
                    seg,
                    i,
                    &quote_tokens,
                    &in_quote,
                    &direct,
                    &out,
                ) {
                    // `punctuated his list by saying "Too many."`: a quotation that is
                    // all of the clause is a direct quote.
                    Some((_, f, false)) => to_quote(&w, &entities, QuoteKind::Direct, fragments, f),
                    Some((span, f, true)) => {
                        governed_spans.push(span);
                        to_quote(&w, &entities, QuoteKind::Mixed, vec![span], f)
                    }
                    None => Quote {
                        kind: QuoteKind::Direct,
                        fragments,
                        paragraph: q.paragraph,
                        sentence: q.sentence,
                        headline: q.headline,
                        speaker: None,
                        cue: None,
                        method: "none",
                        confidence: 0.0,
                        stance: None,
                    },
                }
            }
        };
        rows.push(quote);
        merged_into = Some(rows.len() - 1);
    }
    // `"…," he said as the crowd booed.`: a cue that attributes a quotation introduces no
    // reported clause of its own; what follows it is circumstance. (Mixed rows stay: their
    // quotations are listed only through them.)
    // (Compared by where the cue starts: the report's cue may have taken a topic
    // preposition, `wrote for`.)
    let mut direct_cues: Vec<usize> = rows.iter().filter_map(|q| q.cue.map(|c| c.start)).collect();
    direct_cues.sort_unstable();
    out.retain(|q| {
        q.kind != QuoteKind::Indirect
            || q.cue
                .is_none_or(|c| direct_cues.binary_search(&c.start).is_err())
    });
    out.extend(rows);
    out.sort_by_key(|q| q.span().start);
    for q in &mut out {
        q.sentence = seg.sentence_at(q.span().start);
        q.paragraph = seg.sentences.get(q.sentence).map_or(0, |s| s.paragraph);
        q.headline = seg.paragraphs.get(q.paragraph).is_some_and(|p| p.headline);
    }
    out
}

/// The clause a verb with a speaker subject governs around quotation `i`, which no cue
/// attributes (see [`governed`]), as a content span, its attribution, and whether the
/// clause has words of its own outside quotation marks. Refused when the clause would take
/// in an attributed quotation or overlap a reported clause.
#[allow(clippy::too_many_arguments)]
fn governed_clause(
    w: &Words,
    entities: &Entities,
    seg: &Segmentation,
    i: usize,
    quote_tokens: &[(usize, usize)],
    in_quote: &dyn Fn(usize) -> bool,
    direct: &[(usize, Option<Found>)],
    reports: &[Quote],
) -> Option<(Span, Found, bool)> {
    let q = &seg.quotes[i];
    let (open, close_end) = quote_tokens[i];
    let sentence = w.sentence_tokens(seg.sentence_at(q.outer.start));
    let g = governed::clause(w, open, close_end, sentence, in_quote)?;
    // (`political escapades were …`, `the job market has …`: a subject that names no one.)
    if entities.resolve(w, g.found.speaker).kind == SpeakerType::Unknown {
        return None;
    }
    let mut span = w.range_span(g.start, g.end);
    span.end = span.end.max(q.outer.end);
    let takes_attributed = direct
        .iter()
        .any(|&(j, f)| f.is_some() && span.overlaps(&seg.quotes[j].outer));
    let overlaps_report = reports.iter().any(|r| r.span().overlaps(&span));
    let clause = words_outside_quotes(w, in_quote, g.start, g.end) >= MIN_WORDS_OUTSIDE_QUOTES;
    (!takes_attributed && !overlaps_report).then_some((span, g.found, clause))
}

/// The writer's own words among tokens `a..b`: neither punctuation nor inside quotation
/// marks (a clause is `mixed` only with [`MIN_WORDS_OUTSIDE_QUOTES`] of them).
fn words_outside_quotes(w: &Words, in_quote: &dyn Fn(usize) -> bool, a: usize, b: usize) -> usize {
    (a..b).filter(|&k| !w.is_punct(k) && !in_quote(k)).count()
}

/// Longest adjunct (`In an interview,`) before a quotation that is not part of what the
/// speaker said, in tokens.
const MAX_LEAD_ADJUNCT: usize = 6;

/// `The former secretary of state will play the "woman card," Fiorina said.`: the writer's
/// words open the sentence and the quotation finishes it before the tail attribution. The
/// whole clause is what the speaker said (a mixed report); returns where it starts.
/// Not for an opening adjunct (`In an interview, "…," he said`) or a lead-in that holds a
/// quotation or a cue of its own.
fn writers_lead_in(
    w: &Words,
    seg: &Segmentation,
    i: usize,
    open: usize,
    f: Found,
) -> Option<usize> {
    if !f.method.starts_with("quote_") || seg.quotes[i].fragments.len() != 1 {
        return None;
    }
    let (lo, _) = w.sentence_tokens(w.sentence_of(open));
    if open <= lo {
        return None;
    }
    let lead = lo..open;
    let words = lead.clone().filter(|&k| !w.is_punct(k)).count();
    let adjunct = w.is(open - 1, ",")
        && open - lo <= MAX_LEAD_ADJUNCT
        && (w.class(lo) == Some(WordClass::Preposition) || w.is_time_word(lo));
    let blocked = lead
        .clone()
        .any(|k| w.is_quote_mark(k) || w.any_cue_start(k, k + 1) || matches!(w.word(k), ":" | ";"));
    (words >= MIN_WORDS_OUTSIDE_QUOTES && !adjunct && !blocked).then(|| w.span(lo).start)
}

/// True when quotation `q` spans the whole clause `start..end` (give or take punctuation).
fn covers(w: &Words, q: &crate::segment::QuoteSpan, start: usize, end: usize) -> bool {
    let (open, close_end) = direct::quote_tokens(w, q);
    open <= start + 1 && close_end + 1 >= end
}

/// `"A," he said, "B."` and `"A," he told reporters on Monday, "B."`: the next opening
/// mark follows the attribution in the same sentence after a comma or colon, with no other
/// quotation in between.
fn interrupts(w: &Words, f: Found, open: usize) -> bool {
    let from = f.end;
    if from > open || open - from > MAX_ATTRIBUTION_GAP {
        return false;
    }
    let addressee = is_addressee(w, f, open);
    let sentence_of = |k: usize| w.sentence_of(k);
    let before_open = open.checked_sub(1);
    before_open.is_some_and(|b| {
        (from == open && !addressee) || matches!(w.word(b), "," | ":" | "\u{2014}")
    }) && (from..open).all(|k| !w.is_quote_mark(k) && !matches!(w.word(k), "." | ";" | "?" | "!"))
        && (from == 0 || sentence_of(open) == sentence_of(from - 1))
        // (`"A," Blige sings before asking her, "B"`: a second reporting verb introduces B.)
        && (from..open).all(|k| {
            w.verb_cue_at(k, open).is_none_or(|(cue, _)| {
                !matches!(cue.kind, CueKind::Verb | CueKind::Phrase)
            })
        })
}

/// `"…," the nominee told "Fox and Friends"`: a quotation right after a cue that takes an
/// addressee is the listener, not more of what was said.
fn is_addressee(w: &Words, f: Found, open: usize) -> bool {
    f.end == open
        && w.verb_cue_at(f.cue.0, f.cue.1)
            .is_some_and(|(cue, _)| cue.takes_addressee)
}

/// `"A," he said. "B."`: the next sentence opens with the quote right after the
/// attribution's sentence ends (nothing but the attribution's own words in between).
fn resumes(w: &Words, from: usize, open: usize) -> bool {
    if from == 0 || from > open || !w.starts_sentence(open) {
        return false;
    }
    let sentence_of = |k: usize| w.sentence_of(k);
    if sentence_of(open) != sentence_of(from - 1) + 1 {
        return false;
    }
    open - from <= MAX_RESUME_GAP && (from..open).all(|k| !w.is_quote_mark(k))
}

/// Quotes without their own cue take the speaker of an earlier quote in the same sentence,
/// or of the previous quote when they open a sentence right after it (a new paragraph
/// included): the news convention for continuing a speaker's words.
fn inherit(
    w: &Words,
    seg: &Segmentation,
    quote_tokens: &[(usize, usize)],
    direct: &mut [(usize, Option<Found>)],
) {
    // A programme or publication named after the cue (`said on "Meet the Press."`)
    // takes no speaker and does not stand between a quote and its continuation.
    let names_medium = |n: usize, direct: &[(usize, Option<Found>)]| {
        let open = quote_tokens[direct[n].0].0;
        direct[n].1.is_none() && open > 0 && direct::names_a_medium(w, open - 1)
    };
    for n in 1..direct.len() {
        if direct[n].1.is_some() || names_medium(n, direct) {
            continue;
        }
        let (i, _) = direct[n];
        let before = if n >= 2 && names_medium(n - 1, direct) {
            n - 2
        } else {
            n - 1
        };
        let (prev_i, Some(prev)) = direct[before] else {
            continue;
        };
        let q = &seg.quotes[i];
        let p = &seg.quotes[prev_i];
        let same_sentence = seg.sentence_at(q.outer.start) == seg.sentence_at(p.outer.start);
        let (open, _) = quote_tokens[i];
        // (`"…," Bill Eastland, wearing "Ted Cruz" pins, said`: a quotation inside the
        // previous quote's attribution is not more of its words.)
        let inside_attribution = open >= quote_tokens[prev_i].1 && open < prev.end;
        if is_addressee(w, prev, open) || inside_attribution {
            continue;
        }
        let sentence_start = w.sentence_tokens(seg.sentence_at(q.outer.start)).0;
        let opens_sentence = open == sentence_start;
        let next_paragraph =
            q.paragraph == p.paragraph + 1 && open == seg.paragraphs[q.paragraph].tokens.start;
        let method = if same_sentence {
            "same_sentence"
        } else if opens_sentence && (q.paragraph == p.paragraph || next_paragraph) {
            "continuation"
        } else {
            continue;
        };
        direct[n].1 = Some(Found {
            method,
            confidence: prev.confidence * 0.7,
            cue: (0, 0),
            end: open,
            ..prev
        });
    }
}

fn to_quote(
    w: &Words,
    entities: &Entities,
    kind: QuoteKind,
    fragments: Vec<Span>,
    f: Found,
) -> Quote {
    // `Asked whether …`: a question whose asker is not named has no speaker.
    let speaker = (f.speaker.end > f.speaker.start).then(|| entities.resolve(w, f.speaker));
    let resolved = if speaker.as_ref().is_some_and(|s| s.name.is_some()) {
        1.0
    } else {
        0.6
    };
    let cue = (f.cue.1 > f.cue.0).then(|| w.range_span(f.cue.0, f.cue.1));
    Quote {
        kind,
        fragments,
        paragraph: 0,
        sentence: 0,
        headline: false,
        speaker,
        cue,
        method: f.method,
        confidence: (f.confidence * resolved).clamp(0.0, 1.0),
        stance: None,
    }
}
