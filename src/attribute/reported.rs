//! Reported speech: `X said (that) <clause>`, `<clause>, X said.`, `According to X,
//! <clause>`, `<clause>, according to X.`, and agency relays (`AFP quoted a spokesperson
//! saying <clause>`). A reported clause that contains quotation marks is `mixed`; without
//! them it is `indirect`.

use super::found::Found;
use super::speaker;
use super::words::Words;
use crate::lexicon::{AdjunctRole, Cue, CueKind, WordClass};

/// Weakest cue that reports with the sentence's subject (`…, saying …`, `… and added …`).
const MIN_PARTICIPLE_STRENGTH: f32 = 0.6;
/// Weakest cue that reports with a long subject noun phrase (`People with direct knowledge
/// of the talks said that …`): the unambiguous reporting verbs and phrases.
const MIN_LONG_SUBJECT_STRENGTH: f32 = 0.95;
/// Fewest tokens of the part after the attribution in `<A>, X said, <B>.`
const MIN_SECOND_PART: usize = 2;
/// Fewest tokens a reported clause must have.
const MIN_CLAUSE: usize = 3;

/// Most tokens of circumstance between a cue and its complementizer (`said in an interview
/// with The Associated Press last week that …`).
const MAX_ADJUNCT_BEFORE_THAT: usize = 12;
/// The same after cues other than `say` and `tell`, whose prepositional phrases may be
/// content.
const MAX_TOPIC_BEFORE_THAT: usize = 9;
/// Longest source phrase after `according to`, in tokens.
const MAX_SOURCE: usize = 24;
/// Longest trailing phrase after the speaker in `<clause>, said X of Ohio.`
const MAX_INVERTED_EXTRA: usize = 0;
/// Longest prepositional phrase of place after the speaker in `<clause>, said a source in
/// the room.`
const MAX_INVERTED_PLACE: usize = 4;
/// Longest trailing phrase after a cue in `<clause>, X said on Tuesday.`
const MAX_TAIL_EXTRA: usize = 8;

/// A reported clause (tokens `start..end`) and its attribution.
#[derive(Debug, Clone, Copy)]
pub struct Reported {
    pub start: usize,
    pub end: usize,
    pub found: Found,
    /// For `<A>, X said, <B>.`: the tokens of B (A is `start..end`).
    pub second: Option<(usize, usize)>,
}

impl Reported {
    /// A report whose content is the one token range `start..end`.
    fn single(start: usize, end: usize, found: Found) -> Reported {
        Reported {
            start,
            end,
            found,
            second: None,
        }
    }
}

/// Finds the reported clause of every sentence that has one. `in_quote(k)` says whether
/// token `k` lies inside quotation marks (cues there belong to the quoted speaker).
pub fn find(w: &Words, in_quote: &impl Fn(usize) -> bool) -> Vec<Reported> {
    let mut out = Vec::new();
    let mut transcripts = transcript_lines(w);
    transcripts.sort_by_key(|r| r.found.speaker.start);
    // (Lines are disjoint and sorted: the one that could hold `k` is the last to start at or
    // before it.)
    let in_transcript = |k: usize| {
        let after = transcripts.partition_point(|r| r.found.speaker.start <= k);
        after > 0 && k < transcripts[after - 1].end
    };
    for s in 0..w.seg.sentences.len() {
        let (a, b) = w.sentence_tokens(s);
        // Every rule but the headline's and `As X put it, …` needs a cue in the sentence.
        let has_cue = w.any_cue_start(a, b) || w.in_headline(a) || w.eq(a, "as");
        if b <= a || in_transcript(a) || !has_cue {
            continue;
        }
        if let Some(r) = block_quote(w, s, a, b, in_quote) {
            out.push(r);
            continue;
        }
        let end = clause_end(w, a, b);
        let questions = asked_questions(w, a, end, in_quote);
        let first_new = out.len();
        let found = headline_colon(w, a, end)
            .or_else(|| according_to_first(w, a, end))
            .or_else(|| as_speaker_cue_first(w, a, end))
            .or_else(|| parenthetical(w, a, end, in_quote))
            .or_else(|| tail_attribution(w, a, end, in_quote))
            .or_else(|| according_to_last(w, a, end, in_quote));
        if let Some(r) = found {
            out.push(r);
        } else {
            // A sentence may hold several reports (`X criticized …, though he added that
            // …`); later ones start after the previous report's content.
            let mut from = a;
            while let Some(r) = lead_attribution(w, a, from, end, in_quote) {
                from = r.end.max(r.found.cue.1);
                out.push(r);
            }
        }
        // `Pence's call for a special prosecutor`, `his claim that …`: reports a possessive
        // and a reporting noun introduce, beside the sentence's other reports.
        let nouns = super::noun_report::find(w, a, end, in_quote, &out[first_new..]);
        out.extend(nouns);
        // A report running over the question (`said when asked whether …`) yields to it:
        // it ends before the words that open the question (`…, and when asked …`), or goes
        // when nothing of its own is left.
        for q in questions {
            let asked = q.found.cue.0;
            let opener = question_opener(w, a, asked);
            out.retain_mut(|r| {
                // `when asked whether …` read as a cue of the sentence's subject: the
                // question rule knows where the question ends.
                if r.found.cue.0 <= asked && asked < r.found.cue.1 {
                    return false;
                }
                if !(r.start <= asked && asked < r.end) {
                    return true;
                }
                let end = cut(w, r.start, opener);
                r.end = end;
                r.second.is_none() && end >= r.start + MIN_CLAUSE
            });
            let overlaps = out[first_new..]
                .iter()
                .any(|r| r.start < q.end && q.start < r.end);
            if !overlaps {
                out.push(q);
            }
        }
    }
    out.extend(transcripts);
    out.sort_by_key(|r| r.start);
    out
}

/// `The governor added: ⏎ It's typical of …`, `One activist tweeted: ⏎ …`: a speaker and
/// cue ending their paragraph with a colon report the next paragraph when no quotation mark
/// opens it (a block quotation). Sentence `s` spans tokens `a..b`.
fn block_quote(
    w: &Words,
    s: usize,
    a: usize,
    b: usize,
    in_quote: &dyn Fn(usize) -> bool,
) -> Option<Reported> {
    if b < a + 3 || !w.is(b - 1, ":") {
        return None;
    }
    let colon = b - 1;
    let sentences = &w.seg.sentences;
    let this = sentences.get(s)?.paragraph;
    let next = sentences.get(s + 1)?.paragraph;
    let (paragraph, block) = (w.seg.paragraphs.get(this)?, w.seg.paragraphs.get(next)?);
    // (A line of markup may look like a sub-heading: it has no final punctuation.)
    let heading = block.headline && !w.is(block.tokens.start, "<");
    if next != this + 1 || paragraph.tokens.end != b || heading {
        return None;
    }
    let (mut start, mut end) = (block.tokens.start, block.tokens.end);
    // (`<tweet author="…">…</tweet>`: markup around the block is not its text.)
    if w.is(start, "<") {
        start = (start..end).find(|&k| w.is(k, ">"))? + 1;
        end = (start..end).find(|&k| w.is(k, "<")).unwrap_or(end);
    }
    if end <= start + MIN_CLAUSE || w.is_quote_mark(start) {
        return None;
    }
    if w.is(end - 1, ".") {
        end -= 1;
    }
    // The cue ends at the colon, or before `the following`.
    let following = colon >= a + 2 && w.eq(colon - 2, "the") && w.eq(colon - 1, "following");
    let cue_limit = if following { colon - 2 } else { colon };
    let (c, len) = (a..cue_limit).rev().take(3).find_map(|c| {
        w.verb_cue_at(c, cue_limit)
            .filter(|(cue, len)| c + len == cue_limit && cue.kind != CueKind::Belief)
            .map(|(cue, len)| (c, (cue, len)))
    })?;
    if in_quote(c) {
        return None;
    }
    let (cue, len) = len;
    let speaker = match speaker::before(w, a, c) {
        Some(p) if !is_bad_subject(w, p) => p,
        Some(_) => return None,
        None if c > a && follows_comma_or_by(w, a, c) => sentence_subject(w, a, c)?,
        None => return None,
    };
    Some(Reported::single(
        start,
        end,
        Found::new(speaker, (c, c + len), "block_quote", cue.strength * 0.7, b),
    ))
}

/// Words after which a bare `asked` is passive: the sentence's question, not a verb with
/// a subject (`Asked …`, `When asked …`, `after being asked …`).
fn opens_passive_asked(w: &Words, a: usize, k: usize) -> bool {
    k == after_opening_conjunction(w, a, k + 1) || leads_into_asked(w, k - 1)
}

/// Words that lead into a passive `asked` (`when`, `being`, `after`, `, and` …).
fn leads_into_asked(w: &Words, k: usize) -> bool {
    matches!(
        w.word(k).to_ascii_lowercase().as_str(),
        "when" | "being" | "if" | "once" | "after" | "before" | "while" | "," | "and" | "but"
    )
}

/// First token of the words that lead into a passive `asked` at `k` (`, and when asked`,
/// `after being asked`), not before the sentence start `a`.
fn question_opener(w: &Words, a: usize, k: usize) -> usize {
    let mut opener = k;
    while opener > a && leads_into_asked(w, opener - 1) {
        opener -= 1;
    }
    opener
}

/// Words that open the question after `asked` (`if`, `whether`, `what`, `about` …).
fn opens_question(w: &Words, k: usize) -> bool {
    matches!(
        w.word(k).to_ascii_lowercase().as_str(),
        "if" | "whether"
            | "what"
            | "who"
            | "whom"
            | "which"
            | "how"
            | "why"
            | "when"
            | "where"
            | "about"
    )
}

/// Longest circumstance between `asked` and its question (`asked at a briefing Monday in
/// Washington about …`), in tokens.
const MAX_QUESTION_GAP: usize = 8;

/// `Asked whether he would run, Smith said …`, `… when asked about the deal`: the question
/// put to someone, reported without naming who asked it (or naming them after `by`).
fn asked_questions(
    w: &Words,
    a: usize,
    end: usize,
    in_quote: &dyn Fn(usize) -> bool,
) -> Vec<Reported> {
    let mut out = Vec::new();
    let mut k = a;
    while k < end {
        k = w.next_eq(k, end, "asked");
        if k >= end {
            break;
        }
        if in_quote(k) || !w.eq(k, "asked") || !opens_passive_asked(w, a, k) {
            k += 1;
            continue;
        }
        let mut speaker = speaker::Phrase { start: k, end: k };
        let mut j = k + 1;
        if j < end && w.eq(j, "by") {
            if let Some(p) = speaker::after(w, j + 1, end) {
                speaker = p;
                j = p.end;
            }
        }
        let Some(start) = (j..end.min(j + MAX_QUESTION_GAP))
            .take_while(|&t| !w.is_punct(t))
            .find(|&t| opens_question(w, t))
        else {
            k += 1;
            continue;
        };
        let stop = (start + 1..end)
            .find(|&t| matches!(w.word(t), "," | ";" | ":") && !in_quote(t))
            .unwrap_or(end);
        let stop = cut(w, start, stop);
        if stop - start >= MIN_CLAUSE {
            out.push(Reported::single(
                start,
                stop,
                Found::new(speaker, (k, k + 1), "asked", 0.6, k + 1),
            ));
        }
        k = stop.max(k + 1);
    }
    out
}

/// Interview transcripts: a paragraph opening with an upper-case name and a colon
/// (`WALLACE: Let's start with …`) reports that speaker's words verbatim.
fn transcript_lines(w: &Words) -> Vec<Reported> {
    let mut out = Vec::new();
    // Lines led by a capitalised name (`Matthews: Well, …`) count only when one such name
    // leads two lines or more: then the document is a transcript.
    let mut named: Vec<Reported> = Vec::new();
    for p in &w.seg.paragraphs {
        let (mut a, end) = (p.tokens.start, p.tokens.end);
        // Transcripts quoted as a whole open each paragraph with a quotation mark.
        if a < end && w.is_quote_mark(a) {
            a += 1;
        }
        let Some(colon) = (a + 1..end.min(a + 5)).find(|&k| w.is(k, ":")) else {
            continue;
        };
        // `Q:` and `A:` lines count too, though `A` is also an article.
        let upper_name = (a..colon).all(|k| {
            let word = w.word(k);
            word.chars().any(char::is_alphabetic)
                && word.chars().all(|c| !c.is_lowercase())
                && (w.class(k).is_none() || (colon == a + 1 && matches!(word, "Q" | "A")))
        });
        let title_name = !upper_name
            && colon <= a + 3
            && (a..colon).all(|k| w.is_capitalized(k) && w.class(k).is_none() && !w.is_punct(k));
        let label = colon == a + 1 && w.is_heading_label(a);
        if !(upper_name || title_name) || label || end - (colon + 1) < MIN_CLAUSE {
            continue;
        }
        let lines = if upper_name { &mut out } else { &mut named };
        lines.push(Reported {
            start: colon + 1,
            end,
            found: Found {
                speaker: speaker::Phrase {
                    start: a,
                    end: colon,
                },
                cue: (colon, colon + 1),
                method: "transcript",
                confidence: 0.8,
                end: colon + 1,
            },
            second: None,
        });
    }
    let name = |r: &Reported| w.range_span(r.found.speaker.start, r.found.speaker.end);
    let text = w.text;
    let repeated: Vec<bool> = named
        .iter()
        .map(|r| {
            let n = name(r).slice(text);
            named.iter().filter(|o| name(o).slice(text) == n).count() >= 2
        })
        .collect();
    if repeated.iter().any(|&x| x) {
        out.extend(named);
        out.sort_by_key(|r| r.start);
    }
    out
}

/// End of a sentence's content: before its final `.`, `!`, `?` (outside quotes).
pub(super) fn clause_end(w: &Words, a: usize, b: usize) -> usize {
    let mut end = b;
    while end > a && matches!(w.word(end - 1), "." | "!" | "?" | "...") {
        end -= 1;
    }
    end
}

/// A headline `Name: what they said` (`Lynch: No outside influence on probe`).
fn headline_colon(w: &Words, a: usize, end: usize) -> Option<Reported> {
    if !w.in_headline(a) {
        return None;
    }
    let colon = (a + 1..end.min(a + 6)).find(|&k| w.is(k, ":"))?;
    let p = speaker::before(w, a, colon)?;
    // (`Update:`, `The Latest:`: a label, perhaps after an article.)
    let label = (colon == a + 1 && w.is_heading_label(a))
        || (colon == a + 2
            && w.class(a) == Some(WordClass::Determiner)
            && w.is_heading_label(a + 1));
    if p.start != a || label || end - (colon + 1) < MIN_CLAUSE {
        return None;
    }
    Some(Reported {
        start: colon + 1,
        end,
        found: Found::new(p, (colon, colon + 1), "headline_colon", 0.6, colon + 1),
        second: None,
    })
}

/// `<A>, X said, <B>.`: the attribution interrupts the reported sentence.
fn parenthetical(
    w: &Words,
    a: usize,
    end: usize,
    in_quote: &dyn Fn(usize) -> bool,
) -> Option<Reported> {
    for m in w.marks(a + 1, end, b',') {
        if in_quote(m) {
            continue;
        }
        let t = m + 1;
        // `Precedents at risk, according to Ms. Epstein, are 16 cases …`
        if let Some((cue, len)) = according_to_at(w, t, end) {
            if let Some(src) = source_after(w, t + len, end) {
                if src.end < end && w.is(src.end, ",") && end - (src.end + 1) >= MIN_CLAUSE && m > a
                {
                    return Some(Reported {
                        start: a,
                        end: m,
                        found: Found::new(
                            src,
                            (t, t + len),
                            "parenthetical",
                            cue.strength * 0.9,
                            src.end,
                        ),
                        second: continuation(w, a, m, src.end + 1, end),
                    });
                }
            }
        }
        let Some(c) = (t + 1..end.min(t + 10)).find(|&c| {
            w.verb_cue_at(c, end)
                .is_some_and(|(cue, _)| cue.kind == CueKind::Verb)
        }) else {
            continue;
        };
        let (cue, len) = w.verb_cue_at(c, end)?;
        // `…, the agency said in a June report, and …`: a circumstance may follow the cue.
        let mut close = c + len;
        if close < end && (w.class(close) == Some(WordClass::Preposition) || w.is_time_word(close))
        {
            if let Some(k) = (close..end.min(close + 7)).find(|&k| w.is_punct(k)) {
                close = k;
            }
        }
        if close >= end || !w.is(close, ",") {
            continue;
        }
        let Some(p) = speaker_or_subject(w, t, c, cue.strength) else {
            continue;
        };
        // `In a statement, an official said, "We …"`: a quotation after the attribution is
        // a direct quote of its own, not the rest of a report. (`This campaign, he says, is
        // different.`: the rest may be short.)
        if p.start != t || end - (close + 1) < MIN_SECOND_PART || in_quote(close + 1) {
            continue;
        }
        // `But, he said, it is risky.`: a lone conjunction before the attribution is not
        // part of the report (a lone noun or adverb is: `Voters, she said, don't …`).
        let mut lead = (a..m).filter(|&k| !w.is_punct(k));
        let lone_conjunction = match (lead.next(), lead.next()) {
            (Some(k), None) => w.class(k) == Some(WordClass::Clause),
            (None, _) => true,
            _ => false,
        };
        if lone_conjunction {
            return Some(Reported {
                start: close + 1,
                end,
                found: Found::new(p, (c, close), "parenthetical", cue.strength * 0.9, close),
                second: None,
            });
        }
        return Some(Reported {
            start: a,
            end: m,
            found: Found::new(p, (c, close), "parenthetical", cue.strength * 0.9, close),
            second: Some((close + 1, end)),
        });
    }
    None
}

/// The rest `b..end` of a report interrupted at `m` by its attribution, unless it is an
/// apposition or relative clause about the source (`…, according to a report from WKOW,
/// the ABC affiliate in Madison`, `…, according to SITE, which tracks terrorists`) after a
/// clause `a..m` that stands on its own.
fn continuation(w: &Words, a: usize, m: usize, b: usize, end: usize) -> Option<(usize, usize)> {
    let about_the_source = w.class(b) == Some(WordClass::Determiner)
        || w.word(b).starts_with(|c: char| c.is_ascii_digit())
        || matches!(
            w.word(b).to_ascii_lowercase().as_str(),
            "which" | "who" | "whose" | "where" | "including"
        );
    (!(about_the_source && m - a >= MIN_CLAUSE)).then_some((b, end))
}

/// Where a sentence starting at `a` begins once a conjunction that opens it is passed
/// (`But according to …`, `And as she noted, …`), within `end`.
fn after_opening_conjunction(w: &Words, a: usize, end: usize) -> usize {
    let opens = matches!(w.word(a), "But" | "And" | "Yet" | "So" | "Still");
    if a + 1 < end && opens {
        a + 1
    } else {
        a
    }
}

/// `according to` at token `k`: its cue entry and length. (`according to reports` and
/// `according to a statement` are cue phrases of their own, whose last words belong to
/// the source.)
pub(super) fn according_to_at<'l>(w: &Words<'l>, k: usize, end: usize) -> Option<(&'l Cue, usize)> {
    let (cue, len) = w.cue_at(k, end)?;
    cue.lemma
        .starts_with("according to")
        .then_some((cue, len.min(2)))
}

/// `According to X, <clause>.`
fn according_to_first(w: &Words, a: usize, end: usize) -> Option<Reported> {
    // `But according to …, …`, `(According to …, …)`
    let a = after_opening_conjunction(w, a, end);
    let (a, end) = if w.is(a, "(") && w.is(end - 1, ")") {
        let close = end - 1;
        (
            a + 1,
            if w.is(close - 1, ".") {
                close - 1
            } else {
                close
            },
        )
    } else {
        (a, end)
    };
    let (cue, len) = according_to_at(w, a, end)?;
    let p = source_after(w, a + len, end)?;
    let comma = p.end;
    if comma >= end || !w.is(comma, ",") {
        return None;
    }
    let found = Found::new(p, (a, a + len), "according_to", cue.strength * 0.9, p.end);
    (end - (comma + 1) >= MIN_CLAUSE).then_some(Reported::single(comma + 1, end, found))
}

/// Most tokens between the cue of `As X noted on Monday,` and its comma.
const MAX_AS_ADJUNCT: usize = 6;

/// `As The Atlantic recently noted, <clause>.`, `But as Smith told reporters, <clause>.`:
/// a comparative `as` with a speaker and a cue opens the sentence; what follows the comma
/// is what was said.
fn as_speaker_cue_first(w: &Words, a: usize, end: usize) -> Option<Reported> {
    let first = after_opening_conjunction(w, a, end);
    if !w.eq(first, "as") {
        return None;
    }
    // `As he put it, …`: the cue phrase holds the speaker.
    if let Some((cue, len)) = w
        .cue_at(first, end)
        .filter(|(c, _)| c.lemma == "as he put it")
    {
        let comma = first + len;
        let p = speaker::Phrase {
            start: first + 1,
            end: first + 2,
        };
        let found = Found::new(
            p,
            (first, comma),
            "as_speaker_cue",
            cue.strength * 0.85,
            comma,
        );
        return (comma < end && w.is(comma, ",") && end - (comma + 1) >= MIN_CLAUSE)
            .then_some(Reported::single(comma + 1, end, found));
    }
    if let Some(r) = as_reported_by(w, first, end).or_else(|| as_name_put_it(w, first, end)) {
        return Some(r);
    }
    let subject = first + 1;
    let c = (subject + 1..end.min(subject + MAX_SOURCE))
        .take_while(|&k| !w.is_punct(k) || w.is(k, "."))
        .find(|&k| w.verb_cue_at(k, end).is_some())?;
    let (cue, len) = w.verb_cue_at(c, end)?;
    let p = speaker::with_descriptors(w, subject, speaker::before(w, subject, c)?);
    if p.start != subject || cue.kind == CueKind::Event {
        return None;
    }
    // The cue's adjuncts (`told reporters`, `noted on Monday`, `put it`) up to the comma.
    let comma = (c + len..end.min(c + len + MAX_AS_ADJUNCT + 1)).find(|&k| w.is(k, ","))?;
    if (c + len..comma).any(|k| w.is_punct(k) || w.any_cue_start(k, k + 1)) {
        return None;
    }
    let found = Found::new(
        p,
        (c, c + len),
        "as_speaker_cue",
        cue.strength * 0.85,
        c + len,
    );
    (end - (comma + 1) >= MIN_CLAUSE).then_some(Reported::single(comma + 1, end, found))
}

/// `As (first) reported by X, <clause>`: the passive of [`as_speaker_cue_first`], with the
/// source after `by`; `as` is token `first`.
fn as_reported_by(w: &Words, first: usize, end: usize) -> Option<Reported> {
    let (cue, strength, p) = reported_by(w, first + 1, end)?;
    if !(p.end < end && w.is(p.end, ",")) || end - (p.end + 1) < MIN_CLAUSE {
        return None;
    }
    let found = Found::new(p, cue, "as_speaker_cue", strength * 0.85, cue.1);
    Some(Reported::single(p.end + 1, end, found))
}

/// Strength of `put it` in `As Vulture put it, …` (that of `as he put it` in cues.csv).
const PUT_IT_STRENGTH: f32 = 0.8;

/// `As The Post's Dana Milbank puts it, …`: [`as_speaker_cue_first`] with a named speaker
/// and `put(s) it`, which is a cue only here; `as` is token `first`.
fn as_name_put_it(w: &Words, first: usize, end: usize) -> Option<Reported> {
    let subject = first + 1;
    let c = (subject + 1..end.min(subject + MAX_SOURCE))
        .take_while(|&k| !w.is_punct(k) || w.is(k, "."))
        .find(|&k| (w.eq(k, "put") || w.eq(k, "puts")) && w.eq(k + 1, "it"))?;
    let comma = c + 2;
    let p = speaker::before(w, subject, c)?;
    if p.start != subject || !(comma < end && w.is(comma, ",")) || end - (comma + 1) < MIN_CLAUSE {
        return None;
    }
    let found = Found::new(
        p,
        (c, comma),
        "as_speaker_cue",
        PUT_IT_STRENGTH * 0.85,
        comma,
    );
    Some(Reported::single(comma + 1, end, found))
}

/// `(first) reported by X` from token `k`: the cue tokens (through `by`), the cue's
/// strength and the source.
fn reported_by(w: &Words, k: usize, end: usize) -> Option<((usize, usize), f32, speaker::Phrase)> {
    let mut c = k;
    if c < end && w.class(c) == Some(WordClass::Adverb) {
        c += 1; // `As first reported by`, `as previously reported by`
    }
    let (cue, len) = w.verb_cue_at(c, end)?;
    let by = c + len;
    if cue.kind == CueKind::Event || !w.word(c).ends_with("ed") || !(by < end && w.eq(by, "by")) {
        return None;
    }
    let p = speaker::after(w, by + 1, end)?;
    Some(((c, by + 1), cue.strength, p))
}

/// `<clause> according to X.` without a comma: the source closes the sentence.
fn according_to_last(
    w: &Words,
    a: usize,
    end: usize,
    in_quote: &dyn Fn(usize) -> bool,
) -> Option<Reported> {
    let t = w
        .cue_starts(a + MIN_CLAUSE, end)
        .find(|&k| !in_quote(k) && according_to_at(w, k, end).is_some())?;
    let (cue, len) = according_to_at(w, t, end)?;
    let src = source_after(w, t + len, end)?;
    if src.end != end {
        return None;
    }
    Some(Reported::single(
        a,
        t,
        Found::new(
            src,
            (t, t + len),
            "clause_according_to",
            cue.strength * 0.85,
            src.end,
        ),
    ))
}

/// The source named after `according to`: any noun phrase (`exit polls`, `figures her
/// campaign released Friday`, `data from the U.S. Department of Education`), up to the next
/// comma, colon or dash.
pub(super) fn source_after(w: &Words, start: usize, end: usize) -> Option<speaker::Phrase> {
    // `a Reuters/Ipsos poll`, `her "clawback" plan`: slashes, ampersands and a quoted name
    // stay inside the source.
    let mut quote_marks = 0;
    let stop = (start..end.min(start + MAX_SOURCE))
        .find(|&k| {
            if w.is_quote_mark(k) {
                quote_marks += 1;
                return false;
            }
            w.is_punct(k)
                && !matches!(w.word(k), "'" | "-" | "." | "/" | "&")
                && !(w.is(k, ",") && quote_marks % 2 == 1)
        })
        .unwrap_or(end.min(start + MAX_SOURCE));
    (stop > start).then_some(speaker::Phrase { start, end: stop })
}

/// `<clause>, X said.`, `<clause>, said X.`, `<clause>, according to X.`
fn tail_attribution(
    w: &Words,
    a: usize,
    end: usize,
    in_quote: &dyn Fn(usize) -> bool,
) -> Option<Reported> {
    // The tail follows one of the last commas (`…, said David Gilbert, its president.`,
    // `…, said Mark Kantrowitz, an expert who has published books, papers and editorials`).
    w.marks(a + 1, end, b',')
        .rev()
        .filter(|&k| !in_quote(k))
        .take(4)
        .find_map(|comma| tail_after(w, a, comma, end, in_quote))
}

/// The `<clause>, X said` tail that starts after `comma`, if it is one.
fn tail_after(
    w: &Words,
    a: usize,
    comma: usize,
    end: usize,
    in_quote: &dyn Fn(usize) -> bool,
) -> Option<Reported> {
    let t = comma + 1;
    if t >= end || w.is_quote_mark(t) {
        return None;
    }
    let content_end = comma;
    if content_end - a < MIN_CLAUSE {
        return None;
    }
    // `…, as first reported by the Miami Herald.`
    if w.eq(t, "as") {
        if let Some((cue, strength, p)) = reported_by(w, t + 1, end).filter(|r| r.2.end == end) {
            let found = Found::new(p, cue, "clause_speaker_cue", strength * 0.9, p.end);
            return Some(Reported::single(a, content_end, found));
        }
    }
    // `according to X`
    if let Some((cue, len)) = according_to_at(w, t, end) {
        let p = source_after(w, t + len, end)?;
        return Some(Reported::single(
            a,
            content_end,
            Found::new(
                p,
                (t, t + len),
                "clause_according_to",
                cue.strength * 0.9,
                p.end,
            ),
        ));
    }
    if let Some((cue, len)) = w.cue_at(t, end) {
        // `said X` (not `, saying it …`, a participle whose clause follows)
        if w.verb_cue_at(t, end)
            .is_some_and(|(c, _)| c.kind != CueKind::Event)
            && !w.word(t).ends_with("ing")
        {
            // `Mr. Trump's former campaign manager, Corey Lewandowski, said the staff …`:
            // what stands before the cue is its subject with an apposition, not a clause.
            let verbless = (a..comma).all(|k| {
                w.class(k) != Some(WordClass::Auxiliary)
                    && !is_verb_like(w, k)
                    && !w.is_negated_auxiliary(k)
            });
            if verbless && speaker::before(w, a, t).is_some() {
                return None;
            }
            let p = speaker::after(w, t + len, end)?;
            // `…, said David Gilbert, its president`, `…, said an official who was briefed`
            let apposition = p.end < end && (w.is(p.end, ",") || w.eq(p.end, "who"));
            // `…, said one source in the room`, `…, says a scientist in Almaty`: a short
            // prepositional phrase of place after the speaker.
            let place = p.end < end
                && cue.strength >= MIN_LONG_SUBJECT_STRENGTH
                && end - p.end <= MAX_INVERTED_PLACE
                && w.class(p.end) == Some(WordClass::Preposition)
                && !(p.end..end).any(|k| {
                    w.is_punct(k)
                        || w.class(k) == Some(WordClass::Auxiliary)
                        || w.verb_cue_at(k, end).is_some()
                });
            if (end - p.end > MAX_INVERTED_EXTRA && !apposition && !place) || w.is_pronoun(p.start)
            {
                return None;
            }
            return Some(Reported::single(
                a,
                content_end,
                Found::new(
                    p,
                    (t, t + len),
                    "clause_cue_speaker",
                    cue.strength * 0.9,
                    p.end,
                ),
            ));
        }
    }
    // `X said`
    let c = (t + 1..end.min(t + 14)).find(|&c| {
        w.verb_cue_at(c, end)
            .is_some_and(|(cue, _)| cue.kind != CueKind::Event)
    })?;
    let (cue, len) = w.verb_cue_at(c, end)?;
    // `…, as Breitbart reported a few days later.`: a comparative `as` opens the tail.
    let subject = if w.eq(t, "as") && t + 1 < c { t + 1 } else { t };
    // `…, legal experts say.`: plain adjectives before the speaker belong to it.
    let p = speaker::with_descriptors(w, subject, speaker_or_subject(w, subject, c, cue.strength)?);
    // `"…," said O'Donnell, who wrote about it`: a relative pronoun's clause is about the
    // speaker before it, not a report of what comes first.
    if w.eq(p.start, "who") {
        return None;
    }
    // After the cue only a circumstance may follow (`said on Tuesday`, `told reporters`),
    // not a clause of its own (`…, both candidates said it was no big deal`: a lead report).
    let mut extra = c + len;
    // `…, a school spokesman told The Wall Street Journal.`: the listener, then circumstance.
    // (`the president told her.`: an object pronoun.)
    if cue.takes_addressee && extra < end {
        let object_pronoun = ["him", "her", "them", "us", "me"]
            .iter()
            .any(|o| w.eq(extra, o));
        if object_pronoun {
            extra += 1;
        } else if let Some(listener) = speaker::after(w, extra, end) {
            extra = listener.end;
        }
    }
    // (`…, X asked the congregation to stand`: an infinitive is the report of a lead
    // attribution; `…, Obama told his advisers as he labored over …`: a subordinate clause
    // is the writer's circumstance.)
    let infinitive = w.eq(extra, "to") && is_infinitive_verb(w, extra + 1, end);
    let circumstance_only = extra >= end
        || (w.class(extra) == Some(WordClass::Preposition) && !infinitive)
        || is_subordinator(w, extra)
        || w.is_time_word(extra)
        || w.is(extra, ",")
        || w.is(extra, ";");
    // `…, and when asked …, he said, "I hope not."`: the attribution introduces the
    // quotation after it, not the clause before.
    let introduces_quote =
        (extra..end.saturating_sub(1)).any(|k| matches!(w.word(k), "," | ":") && in_quote(k + 1));
    // (`…, Bill Clinton said this week at an event in Wyoming — an apparent reversal …`: the
    // writer's aside after a dash does not count.)
    let aside = (extra..end)
        .find(|&k| matches!(w.word(k), "\u{2014}" | "\u{2013}" | "--" | ";"))
        .unwrap_or(end);
    if p.start != subject
        || aside - extra > MAX_TAIL_EXTRA
        || !circumstance_only
        || introduces_quote
    {
        return None;
    }
    Some(Reported::single(
        a,
        content_end,
        Found::new(
            p,
            (c, c + len),
            "clause_speaker_cue",
            cue.strength * 0.9,
            c + len,
        ),
    ))
}

/// `X said (that) <clause>` and `AFP quoted X saying (that) <clause>`.
fn lead_attribution(
    w: &Words,
    a: usize,
    from: usize,
    end: usize,
    in_quote: &dyn Fn(usize) -> bool,
) -> Option<Reported> {
    for c in w.cue_starts(from, end) {
        if in_quote(c) {
            continue;
        }
        let Some((cue, len)) = w.verb_cue_at(c, end) else {
            continue;
        };
        // An event (`spoke`, `talked`) reports only with a topic (`talked of reforms …`).
        if cue.kind == CueKind::Event
            && !(c + len < end && w.adjunct_role(c + len) == Some(AdjunctRole::Topic))
        {
            continue;
        }
        let mut k = c + len;
        let (speaker, method) = if cue.lemma == "quote" {
            let p = speaker::after(w, k, end)?;
            k = p.end;
            if k < end && w.eq(k, "as") {
                k += 1;
            }
            if !(k < end && w.eq(k, "saying")) {
                continue;
            }
            k += 1;
            (p, "agency_relay")
        } else if let Some(p) = relative_antecedent(w, a, c) {
            (p, "speaker_cue_clause")
        } else {
            // `Some voters who have listened to his speeches, on television …, said`: a
            // phrase after a preposition, or one that cannot speak, is no subject when the
            // sentence opens with one and an aside stands before the cue.
            let nearest = speaker::before(w, a, c);
            let doubtful = nearest.is_none_or(|p| {
                is_bad_subject(w, p)
                    || w.is_possessive_noun(p.end - 1)
                    || (p.start > a && w.class(p.start - 1) == Some(WordClass::Preposition))
            });
            let nearest = if doubtful && cue.strength >= MIN_LONG_SUBJECT_STRENGTH {
                subject_before_aside(w, a, c, c + len, end).or(nearest)
            } else {
                nearest
            };
            match nearest {
                // `Austin's call for …` is a noun, not a verb with a subject (`he's
                // predicting` is a pronoun and a verb).
                Some(p) if !w.is_possessive_noun(p.end - 1) && !is_bad_subject(w, p) => {
                    match noun_source(w, p, c, len, &cue.lemma) {
                        Some(source) => (source, "nominal"),
                        None => (p, "speaker_cue_clause"),
                    }
                }
                Some(_) => continue,
                // `…, saying that …`, `by saying …`, `… and said …`, `… but said …`: the subject is the
                // sentence's.
                // (Weak cues such as `laughed` or `outlining` do not report there.)
                // `Ramos used his speech to call for …`, `took to Twitter to say …`: an
                // infinitive of purpose takes the sentence's subject too (`back to boasting
                // about` is no infinitive).
                None if c > a
                    && cue.strength >= MIN_PARTICIPLE_STRENGTH
                    && ((follows_comma_or_by(w, a, c) && w.word(c).ends_with("ing"))
                        || after_conjunction(w, a, c)
                        || (w.eq(c - 1, "to") && !w.word(c).ends_with("ing"))) =>
                {
                    match sentence_subject(w, a, c) {
                        Some(p) => (p, "participle_clause"),
                        None => continue,
                    }
                }
                // A long subject only before an unambiguous reporting verb (`say`, `tell`,
                // `said that`, `told reporters`).
                None if cue.strength >= MIN_LONG_SUBJECT_STRENGTH => {
                    match speaker::subject_before(w, a, c) {
                        Some(p) if !is_bad_subject(w, p) => (p, "speaker_cue_clause"),
                        _ => continue,
                    }
                }
                None => continue,
            }
        };
        // `McConnell issued a statement saying that …`: the statement's issuer speaks.
        let speaker = match w.cue_at(speaker.end - 1, speaker.end) {
            Some((noun, _))
                if noun.kind == CueKind::Noun
                    && w.class(speaker.start) == Some(WordClass::Determiner) =>
            {
                speaker::issuer_of_reporting_noun(w, a, speaker.end - 1).map_or(speaker, |(_, p)| p)
            }
            _ => speaker,
        };
        // `a group called Citizens for Trump`, `a band dubbed "…"`: naming, not speech.
        if cue.also_names
            && matches!(w.word(speaker.start), "a" | "A" | "an" | "An")
            && k < end
            && (w.is_quote_mark(k)
                || (w.is_capitalized(k) && !w.is_pronoun(k))
                || (w.eq(k, "the") && w.is_capitalized(k + 1)))
        {
            continue;
        }
        if cue.takes_addressee {
            if let Some(obj) = speaker::after(w, k, end) {
                // `told Jeb Bush to quiet down`, `asked the congregation to stand`: the
                // addressee is the subject of the infinitive and opens the report.
                let infinitive = w.eq(obj.end, "to") && is_infinitive_verb(w, obj.end + 1, end);
                if !infinitive {
                    k = obj.end;
                }
                // `asked the candidates - Trump, Cruz and Kasich - why …`: an aside naming
                // the addressees.
                if k < end && (is_aside_dash(w, k) || w.is(k, "-")) {
                    let close = (k + 1..end.min(k + MAX_ADJUNCT_BEFORE_THAT))
                        .find(|&t| is_aside_dash(w, t) || w.is(t, "-"));
                    if let Some(close) = close {
                        k = close + 1;
                    }
                }
            }
        }
        // `Obama told his advisers as he labored over …`: a subordinate clause of the
        // writer's, no report.
        // (`asked Clinton if …`, `asked whether …` report a question.)
        if k < end && k > c + len && is_subordinator(w, k) && !matches!(w.word(k), "if" | "whether")
        {
            continue;
        }
        // Skip `that`, or `in a statement on Thursday that`.
        // `said that` may be one cue phrase; its `that` is the complementizer.
        // `said in an interview with …`, `told CNN on Monday`: after say and tell a
        // prepositional phrase is circumstance, not content (`warned against`, `called for`,
        // `promised to` take theirs as content).
        let adjunct_only = matches!(cue.lemma.as_str(), "say" | "tell" | "say that");
        // `won the primary, adding to her delegate lead`: `add to` means increase.
        if cue.lemma == "add" && k < end && w.eq(k, "to") {
            continue;
        }
        // `Boston went on to win Game 7`: `go on to` reports only before a reporting verb,
        // which joins the cue (`went on to explain that …`; `went on to say` is a phrase).
        let mut go_on_cue_end = None;
        if cue.lemma == "go on" && k + 1 < end && w.eq(k, "to") {
            let Some((_, verb_len)) = w.verb_cue_at(k + 1, end) else {
                continue;
            };
            k += 1 + verb_len;
            go_on_cue_end = Some(k);
        }
        let mut complementizer = w.eq(k - 1, "that");
        if k < end && w.eq(k, "that") {
            k += 1;
            complementizer = true;
        } else if k < end
            && (adjunct_only || w.adjunct_role(k) != Some(AdjunctRole::Topic))
            && (w.class(k) == Some(WordClass::Preposition)
                || w.is_time_word(k)
                || is_circumstance(w, k))
        {
            // (After other cues a `that` further on is mostly a relative pronoun: `agreed to
            // divide the primaries in ways that …`.)
            let reach = if adjunct_only {
                MAX_ADJUNCT_BEFORE_THAT
            } else {
                MAX_TOPIC_BEFORE_THAT
            };
            // (A verb ends the adjunct: `wouldn't say Tuesday how the party would …, saying
            // only that`.)
            if let Some(t) = (k..end.min(k + reach))
                .take_while(|&t| {
                    (!w.is_punct(t) || w.is(t, ","))
                        && w.class(t) != Some(WordClass::Auxiliary)
                        && w.verb_cue_at(t, end).is_none()
                })
                .find(|&t| w.eq(t, "that"))
            {
                k = t + 1;
                complementizer = true;
            }
        }
        // `said — on Twitter, as it happens — that …`: an aside between dashes before the
        // complementizer.
        if !complementizer && k < end && is_aside_dash(w, k) {
            let close =
                (k + 1..end.min(k + MAX_ADJUNCT_BEFORE_THAT)).find(|&t| is_aside_dash(w, t));
            if let Some(close) = close.filter(|&t| t + 1 < end && w.eq(t + 1, "that")) {
                k = close + 2;
                complementizer = true;
            }
        }
        // `says, however, that …`: an adverb between commas before the complementizer.
        if !complementizer
            && k + 3 < end
            && w.is(k, ",")
            && w.class(k + 1) == Some(WordClass::Adverb)
            && w.is(k + 2, ",")
            && w.eq(k + 3, "that")
        {
            k += 4;
            complementizer = true;
        }
        // `said on CNN, where he is now a paid contributor, that …`, `says, win or lose in
        // the primary, he's staying in`: an adjunct between commas, then the complementizer
        // or (after say and tell) a pronoun subject; the adjunct without `that` opens the
        // report.
        if !complementizer && k + 3 < end && w.is(k, ",") && !in_quote(k + 1) {
            let close = (k + 2..end.min(k + MAX_ADJUNCT_BEFORE_THAT))
                .take_while(|&t| w.verb_cue_at(t, end).is_none() && !in_quote(t))
                .find(|&t| w.is(t, ","));
            if let Some(close) = close.filter(|&t| t + 2 < end) {
                if w.eq(close + 1, "that") {
                    k = close + 2;
                    complementizer = true;
                } else if adjunct_only
                    && opens_pronoun_clause(w, close + 1)
                    && !w.is_capitalized(k + 1)
                {
                    // (`said, smiling, he would …`: a lone participle or adverb is the
                    // speaker's manner.)
                    let manner = close == k + 2
                        && (w.word(k + 1).ends_with("ing") || w.word(k + 1).ends_with("ly"));
                    k = if manner { close + 1 } else { k + 1 };
                    complementizer = true;
                }
            }
        }
        // `He added, that there is …`: a stray comma before the complementizer.
        if !complementizer && k + 1 < end && w.is(k, ",") && w.eq(k + 1, "that") {
            k += 2;
            complementizer = true;
        }
        // `Christie said that was a natural part of …`: `that` before a verb is the subject.
        let mut cue_end = go_on_cue_end.unwrap_or(c + len);
        if complementizer
            && k < end
            && k - 1 <= c + len
            && cue.strength >= MIN_LONG_SUBJECT_STRENGTH
            && w.eq(k - 1, "that")
            && w.class(k) == Some(WordClass::Auxiliary)
        {
            k -= 1;
            complementizer = false;
            cue_end = cue_end.min(k);
        } else if complementizer && k < end && w.is(k, ",") {
            k += 1; // `said that, at the request of …, it has …`
        } else if k < end && matches!(w.word(k), "," | ":" | ";") {
            // `X said: "…"` is a direct quote; `X said, …` a parenthetical; `…, analysts
            // say; in 2012 …` a tail whose sentence runs on.
            continue;
        }
        // `said on Tuesday the plan …`, `said in 2010 the …`: a date phrase, then the clause.
        // (`has said for weeks he is …`: a duration. `said in August after …`: no clause
        // follows; the report is elsewhere.)
        let date_phrase = k + 2 < end
            && (((w.eq(k, "on") || w.eq(k, "for")) && w.is_time_word(k + 1))
                || (w.eq(k, "in")
                    && (w.is_year(k + 1) || w.is_time_word(k + 1))
                    && !is_subordinator(w, k + 2)
                    && w.class(k + 2) != Some(WordClass::Preposition)
                    && !w.is_punct(k + 2)));
        if !complementizer && date_phrase {
            k += 2;
            if w.eq(k, "that") {
                k += 1;
                complementizer = true;
            }
        }
        if !complementizer
            && k < end
            && w.class(k) == Some(WordClass::Preposition)
            && (adjunct_only || is_circumstance(w, k))
        {
            // `said in politics it takes time`, `told a rally in Iowa he would …`: after say
            // and tell, a subject pronoun ends the adjunct and opens the clause.
            // The adjunct is the speaker's circumstance when it names a time or a speech
            // event (`said in a statement he would …`), else it opens the reported clause.
            match adjunct_only
                .then(|| pronoun_clause_after_adjunct(w, k, end))
                .flatten()
            {
                Some(subject) => {
                    let circumstance = (k..subject).any(|t| {
                        w.is_time_word(t)
                            || w.cue_at(t, subject)
                                .is_some_and(|(c, _)| c.kind == CueKind::Noun)
                    });
                    if circumstance {
                        k = subject;
                    }
                }
                None => continue,
            }
        }
        // `In a Facebook message posted Friday, Cruz said …`: a time word and a comma after
        // the cue close an opening phrase; the report is the next clause's.
        if !complementizer && k + 1 < end && w.is_time_word(k) && w.is(k + 1, ",") {
            continue;
        }
        // `said Wednesday she wants …`, `said last week the …`: a time phrase between the
        // cue and the clause (`said this was …` has none).
        if k + 1 < end && w.is_time_word(k) && !w.is(k + 1, ",") {
            if !matches!(w.word(k), "this" | "last") {
                k += 1;
            } else if k + 2 < end && w.is_time_word(k + 1) {
                k += 2;
            }
        }
        // `warned about the risks`, `argued for a tax`: the preposition opening the topic
        // joins the cue; the content is its object.
        if !complementizer && k + 1 < end && w.adjunct_role(k) == Some(AdjunctRole::Topic) {
            if k == cue_end {
                cue_end += 1;
            }
            k += 1;
        }
        // `While critics argue that …, the president has …`: a report inside an opening
        // subordinate clause ends with it.
        // `The mayor, who in 2010 said the pier would reopen, has changed her mind`: a
        // report in a relative clause between commas ends at the comma before the main verb.
        // (`…, many of whom say …, were angry`: a share of the relative pronoun too.)
        let relative = speaker.start > a
            && w.is(speaker.start - 1, ",")
            && matches!(w.word(speaker.end - 1), "who" | "whom" | "which")
            && (speaker.end == speaker.start + 1 || w.eq(speaker.end - 2, "of"));
        let clause_limit = if in_opening_subordinate(w, a, c) {
            (k..end)
                .find(|&t| w.is(t, ",") && !in_quote(t))
                .unwrap_or(end)
        } else if relative {
            // (`Ruiz, who called the plan "a disaster," said …`: the comma may stand inside
            // the closing quotation mark.)
            let after_comma = |t: usize| {
                if !w.is(t, ",") {
                    None
                } else if !in_quote(t) {
                    Some(t + 1)
                } else if w.is_quote_mark(t + 1) {
                    Some(t + 2)
                } else {
                    None
                }
            };
            (k..end.saturating_sub(1))
                .find(|&t| {
                    after_comma(t).is_some_and(|n| {
                        n < end && (w.class(n) == Some(WordClass::Auxiliary) || is_verb_like(w, n))
                    })
                })
                .unwrap_or(end)
        } else {
            end
        };
        let stop = cut(w, k, clause_limit);
        let stop = next_report_start(w, k, stop, in_quote).unwrap_or(stop);
        // `72 percent said yes.`, `Asked who leads the party, he said Ryan.`: after an
        // unambiguous reporting verb a short answer that ends the sentence is the report.
        let short_answer = stop == end
            && stop > k
            && cue.strength >= MIN_LONG_SUBJECT_STRENGTH
            && ((k..stop).all(|t| {
                !w.is_punct(t)
                    && !w.is_time_word(t)
                    && !in_quote(t)
                    && w.class(t).is_none_or(|c| c == WordClass::Determiner)
            }) || is_elliptical_clause(w, k, stop));
        if stop <= k || (stop - k < MIN_CLAUSE && !short_answer) {
            continue;
        }
        return Some(Reported {
            start: k,
            end: stop,
            found: Found {
                speaker,
                cue: (c, cue_end),
                method,
                confidence: cue.strength * 0.8,
                end: cue_end,
            },
            second: None,
        });
    }
    None
}

/// Longest aside between a sentence's subject and its cue taken by [`subject_before_aside`].
const MAX_ASIDE: usize = 32;

/// `The employee, a Republican who spoke on the condition of anonymity, said she …`,
/// `Wilcox, whose education … was paid for by the military, said he …`: the subject that
/// opens the sentence (after an opening conjunction) when a long aside between commas
/// stands before the cue at `c`. Only when the clause after the cue (at `after`) starts
/// with a lower-case word or a pronoun: in `The contrast with Trump, said Doyle, would be
/// clear` the cue is an inverted tail.
fn subject_before_aside(
    w: &Words,
    a: usize,
    c: usize,
    after: usize,
    end: usize,
) -> Option<speaker::Phrase> {
    let clause_follows = after < end
        && !w.is_punct(after)
        && !w.is_quote_mark(after)
        && (!w.is_capitalized(after) || w.is_pronoun(after));
    if c < a + 3 || !w.is(c - 1, ",") || w.word(c).ends_with("ing") || !clause_follows {
        return None;
    }
    let start = after_opening_conjunction(w, a, c);
    let comma = (start + 1..c - 1).find(|&k| w.is(k, ",") && !w.in_quotation(k))?;
    let opener = matches!(
        w.class(start),
        Some(WordClass::Preposition | WordClass::Clause | WordClass::Adverb | WordClass::Auxiliary)
    ) || w.is_time_word(start)
        || w.word(start).ends_with("ing")
        || is_subordinator(w, start);
    if opener || c - 1 - comma > MAX_ASIDE || (start..c).any(|k| w.is_quote_mark(k)) {
        return None;
    }
    let subject = speaker::subject_before(w, start, comma).filter(|p| p.start == start)?;
    // The speaker is the head noun phrase, not the names in its complement
    // (`veterans interviewed at Trump rallies`, `officials familiar with the server taken from
    // Mrs. Clinton's house`): it ends before a relative word, a participle or a preposition
    // other than `of` that follows a lower-case word.
    let lower = |k: usize| !w.is_capitalized(k) && !w.is_punct(k);
    let core_end = (subject.start + 1..subject.end)
        .find(|&k| {
            let participle = lower(k)
                && (w.word(k).ends_with("ed") || w.word(k).ends_with("ing"))
                && w.class(k - 1).is_none();
            let complement = w.class(k) == Some(WordClass::Preposition) && !w.eq(k, "of");
            lower(k - 1) && (participle || complement || w.class(k) == Some(WordClass::Clause))
        })
        .unwrap_or(subject.end);
    // (`officials familiar with the server`)
    let core_end = if core_end > subject.start + 1 && w.eq(core_end - 1, "familiar") {
        core_end - 1
    } else {
        core_end
    };
    Some(speaker::Phrase {
        start: subject.start,
        end: core_end,
    })
}

/// `Trump, who said Sanders was not qualified, said on Wednesday …`: the subject of a cue right
/// after a relative clause between commas is the phrase the relative pronoun follows.
fn relative_antecedent(w: &Words, a: usize, c: usize) -> Option<speaker::Phrase> {
    if c < a + 3 {
        return None;
    }
    // (`Ruiz, who called it "a disaster," said …`: the comma inside the closing mark.)
    let comma = if c >= a + 4 && w.is_quote_mark(c - 1) && w.is(c - 2, ",") {
        c - 2
    } else {
        c - 1
    };
    if comma < a + 2 || !w.is(comma, ",") {
        return None;
    }
    let relative = (a + 1..comma)
        .rev()
        .take_while(|&k| !w.is(k, ","))
        .find(|&k| w.is(k - 1, ",") && matches!(w.word(k), "who" | "which"))?;
    speaker::before(w, a, relative - 1).filter(|p| !is_bad_subject(w, *p))
}

/// Where a second report joined to the content starts (`… claimed responsibility but U.S.
/// officials have said …`, `… after the candidate suggested that …`): before the
/// conjunction that opens a clause whose subject speaks through a reporting verb. That
/// report is found on its own once this one ends.
fn next_report_start(
    w: &Words,
    start: usize,
    end: usize,
    in_quote: &dyn Fn(usize) -> bool,
) -> Option<usize> {
    (start + MIN_CLAUSE..end).find_map(|c| {
        if in_quote(c) {
            return None;
        }
        let (cue, _) = w.verb_cue_at(c, end)?;
        if !matches!(cue.kind, CueKind::Verb | CueKind::Phrase) {
            return None;
        }
        let p = speaker::before(w, start + 1, c)?;
        let joint = p.start - 1;
        let joins = w.eq(joint, "and") || w.eq(joint, "but") || is_subordinator(w, joint);
        if !joins || w.is_possessive_noun(p.end - 1) || is_bad_subject(w, p) {
            return None;
        }
        Some(if joint > start && w.is(joint - 1, ",") {
            joint - 1
        } else {
            joint
        })
    })
}

/// `… and said`, `… but have speculated`: the cue follows `and` or `but`, perhaps with
/// auxiliaries and adverbs between.
fn after_conjunction(w: &Words, a: usize, c: usize) -> bool {
    let k = speaker::skip_auxiliaries(w, a + 1, c);
    // (`offered him a job, then says …`; `then` is an adverb the skip passed)
    let then = k > a && k < c && w.eq(k, "then") && w.is(k - 1, ",");
    k > a && (w.eq(k - 1, "and") || w.eq(k - 1, "but") || then)
}

/// The speaker phrase between `lo` and the cue at `c`; before an unambiguous reporting cue
/// also a long subject noun phrase (`the Texas senator's allies say`).
fn speaker_or_subject(w: &Words, lo: usize, c: usize, strength: f32) -> Option<speaker::Phrase> {
    speaker::before(w, lo, c).or_else(|| {
        (strength >= MIN_LONG_SUBJECT_STRENGTH)
            .then(|| speaker::subject_before(w, lo, c))
            .flatten()
    })
}

/// True when token `c` follows `,` or `by`, or a comma and a closing quotation mark
/// (`…,” adding that …`).
fn follows_comma_or_by(w: &Words, a: usize, c: usize) -> bool {
    // `…, falsely suggesting that …`: an adverb may stand before the participle.
    let adverb = |k: usize| w.class(k) == Some(WordClass::Adverb) || speaker::is_ly_adverb(w, k);
    let c = if c > a + 1 && adverb(c - 1) { c - 1 } else { c };
    // (`despite admitting that …`, `after saying …`, `while insisting …`: a participle
    // after a subordinator has the sentence's subject too.)
    matches!(
        w.word(c - 1),
        "," | "by" | "despite" | "after" | "before" | "while" | "without"
    ) || is_aside_dash(w, c - 1)
        || (c >= a + 2 && w.is_quote_mark(c - 1) && w.is(c - 2, ","))
}

/// The subject of a sentence: the speaker of its first reporting verb, else its first
/// pronoun or name (after an introductory phrase ending in a comma).
pub(super) fn sentence_subject(w: &Words, a: usize, before: usize) -> Option<speaker::Phrase> {
    if let Some(p) = super::direct::sentence_speaker(w, a, before) {
        return Some(p);
    }
    let mut start = a;
    if w.class(a) == Some(WordClass::Preposition) {
        start = (a..before).find(|&k| w.is(k, ","))? + 1;
    }
    // The first pronoun, or the first name or title with the words that continue it.
    // (`Hours later, …`, `Speaking in his real voice, …`: an opening time word or
    // participle is no subject.)
    // (`Chastened by the analyses, …`: a past participle before a preposition too.)
    let participle = |k: usize| {
        w.word(k).ends_with("ing")
            || (w.word(k).ends_with("ed") && w.class(k + 1) == Some(WordClass::Preposition))
    };
    let opener = |k: usize| k == start && (w.is_time_word(k) || participle(k));
    let is_head = |k: usize| {
        !w.is_punct(k)
            && !opener(k)
            && (w.is_pronoun(k)
                || (w.class(k).is_none()
                    && (w.is_capitalized(k) || w.title_at(k, before).is_some())))
            && !w.in_quotation(k)
    };
    let phrase_end = |head: usize| {
        let mut end = head + 1;
        while end < before
            && !w.is_pronoun(head)
            && w.class(end).is_none()
            && (w.is_capitalized(end) || w.title_at(end, before).is_some())
        {
            end += 1;
        }
        end
    };
    // (`At an event in Ames, Iowa, on Sunday, Mrs. Clinton tried …, saying`, `Facing
    // criticism from Democrats, Mr. Trump released …`: the name a verb follows is the
    // subject, not a name in an opening phrase.)
    let verb_follows = |end: usize| {
        let mut k = end;
        if k < before && w.is(k, "(") {
            k = (k..before.min(k + 8))
                .find(|&j| w.is(j, ")"))
                .map_or(k, |j| j + 1);
        }
        while k < before && w.class(k) == Some(WordClass::Adverb) {
            k += 1;
        }
        k < before && (w.class(k) == Some(WordClass::Auxiliary) || is_verb_like(w, k))
    };
    // (The subject stands before the sentence's first reporting verb: in `Trump, speaking
    // …, said he would … and warned …`, `he` is the report's.)
    let limit = (start..before)
        .find(|&k| w.verb_cue_at(k, before).is_some())
        .unwrap_or(before);
    let Some(first) = (start..before).find(|&k| is_head(k)) else {
        // `The departments declined …, saying`: a determiner and plain nouns before the
        // verb.
        let verb = (start + 1..before.min(start + 5)).find(|&k| verb_follows(k))?;
        let plain = (start + 1..verb)
            .all(|k| !w.is_punct(k) && w.class(k).is_none_or(|c| c == WordClass::Modifier));
        return (w.class(start) == Some(WordClass::Determiner) && plain)
            .then_some(speaker::Phrase { start, end: verb });
    };
    let head = (first..limit)
        .find(|&k| is_head(k) && verb_follows(phrase_end(k)))
        .unwrap_or(first);
    speaker::before(w, start, phrase_end(head))
}

/// Where a reported clause ends: before `and <verb>ed` / `, but <verb>ed` (a second
/// past-tense verb of the same subject: `warned of war and proceeded to …`), else at `end`.
pub(super) fn cut(w: &Words, start: usize, end: usize) -> usize {
    // Without a comma, `and <verb>ed` coordinates the main verb only when the clause has no
    // subject of its own (`warned of war and proceeded`), not in `it started … and changed`.
    let objectlike = matches!(
        w.class(start),
        Some(WordClass::Preposition | WordClass::Determiner)
    );
    // `the documents leaked from the DNC — which included research files — had been
    // altered`: a pair of dashes encloses an aside, not the end of the report.
    let mut aside_end = 0;
    for k in start + 1..end {
        if k < aside_end {
            continue;
        }
        if is_aside_dash(w, k) {
            if let Some(close) = (k + 1..end.min(k + 20)).find(|&j| is_aside_dash(w, j)) {
                aside_end = close + 1;
                continue;
            }
        }
        // A new subject or verb counts only once the clause has words of its own (`he and
        // many others are …`, `the heat and unsettled weather …` are subjects, not cuts).
        let has_own_words = k - start >= MIN_CLAUSE;
        // A new clause after a semicolon or a dash ends the report (a colon mostly introduces
        // more of it: `it falls flat for one reason: the pride …`).
        if matches!(w.word(k), ";" | "\u{2013}" | "\u{2014}" | "--") {
            return k;
        }
        // `… warned of one thing: "…"`: the quotation after the colon is a direct quote.
        if w.is(k, ":") && k + 1 < end && w.is_quote_mark(k + 1) {
            return k;
        }
        // (`said Trump, despite his wealth, is …`: a prepositional aside after the subject.)
        let aside_after_subject =
            !has_own_words && k + 1 < end && matches!(w.word(k + 1), "despite" | "unlike");
        if w.is(k, ",") && k + 1 < end && ends_report_after_comma(w, k + 1) && !aside_after_subject
        {
            return k;
        }
        // `…, writing that …`, `…,” adding that …`: a reporting participle opens a report
        // of its own (after the closing mark when a quotation ends before the comma).
        let closes_quote = k + 2 < end && w.is(k, ",") && w.is_quote_mark(k + 1);
        let participle = if closes_quote { k + 2 } else { k + 1 };
        if w.is(k, ",")
            && participle < end
            && w.word(participle).ends_with("ing")
            && w.verb_cue_at(participle, end)
                .is_some_and(|(c, _)| matches!(c.kind, CueKind::Verb | CueKind::Phrase))
        {
            return if closes_quote { participle } else { k };
        }
        // `…, he's said the same thing`, `… and others have said …`: a new subject starts a
        // clause of its own.
        // (A first-person or `it` subject is usually the speaker's own: the report goes on.)
        if has_own_words
            && (w.is(k, ",") || w.eq(k, "and") || w.eq(k, "but"))
            && k + 1 < end
            && starts_new_subject(w, k + 1, end)
            && (!w.is_pronoun(k + 1) || (!w.is(k, ",") && after_comma(w, start, k)))
            && !closes_subordinate_clause(w, start, k)
        {
            return if w.is(k - 1, ",") { k - 1 } else { k };
        }
        // `… for president while adding …`: an adverbial participle clause of the writer's.
        if matches!(w.word(k), "while" | "before" | "after")
            && k + 1 < end
            && w.word(k + 1).ends_with("ing")
            && w.word(k + 1).len() > 4
        {
            return k;
        }
        if w.eq(k, "and") || w.eq(k, "but") {
            let next = k + 1;
            let comma = w.is(k - 1, ",");
            // `… and added, "…"`, `praised the deal but said …`: another reporting verb
            // always starts a new report (a short first one is then dropped).
            let mut verb = next;
            while verb + 1 < end
                && matches!(
                    w.class(verb),
                    Some(WordClass::Auxiliary | WordClass::Adverb)
                )
            {
                verb += 1;
            }
            let new_report = next < end
                && !w.is_capitalized(next)
                && w.verb_cue_at(verb, end)
                    .is_some_and(|(c, _)| matches!(c.kind, CueKind::Verb | CueKind::Phrase));
            if next < end
                && (new_report || (has_own_words && is_verb_like(w, next) && (comma || objectlike)))
            {
                return if comma { k - 1 } else { k };
            }
        }
    }
    end
}

/// The subject pronoun that opens a clause after an adjunct starting at token `k` (`in
/// politics it takes time`): within [`MAX_ADJUNCT_BEFORE_THAT`] tokens, before any
/// punctuation, auxiliary or reporting verb, and followed by a word.
fn pronoun_clause_after_adjunct(w: &Words, k: usize, end: usize) -> Option<usize> {
    // (`after she took the stage` is a subordinate clause; `about what it says` a topic.)
    if is_subordinator(w, k) || w.adjunct_role(k) == Some(AdjunctRole::Topic) {
        return None;
    }
    (k + 1..end.min(k + MAX_ADJUNCT_BEFORE_THAT))
        .take_while(|&t| {
            !w.is_punct(t)
                && w.class(t) != Some(WordClass::Auxiliary)
                && w.verb_cue_at(t, end).is_none()
        })
        .find(|&t| {
            is_subject_pronoun(w.word(t))
                && w.class(t - 1)
                    .is_none_or(|c| matches!(c, WordClass::Modifier | WordClass::Place))
                && !is_subordinator(w, t - 1)
                && t + 1 < end
                && !w.is_punct(t + 1)
                && w.class(t + 1) != Some(WordClass::Preposition)
        })
}

/// Can token `k` be the verb of a `to`-infinitive (`to stand`, `to quiet down`)? A
/// lower-case word that no closed class claims and that is not a number.
pub(super) fn is_infinitive_verb(w: &Words, k: usize, end: usize) -> bool {
    k < end
        && !w.is_punct(k)
        && !w.is_capitalized(k)
        && !w.is_quote_mark(k)
        && w.class(k).is_none_or(|c| c == WordClass::Adverb)
        && !w.word(k).bytes().next().is_some_and(|b| b.is_ascii_digit())
}

/// `he is`, `they would`, `he's staying`: a subject pronoun and a verb at token `k`.
fn opens_pronoun_clause(w: &Words, k: usize) -> bool {
    let word = w.word(k);
    let (pronoun, contraction) = match word.find(['\'', '\u{2019}']) {
        Some(i) => (&word[..i], true),
        None => (word, false),
    };
    is_subject_pronoun(pronoun)
        && k + 1 < w.tokens.len()
        && (contraction
            || w.class(k + 1) == Some(WordClass::Auxiliary)
            || is_verb_like(w, k + 1)
            || w.is_negated_auxiliary(k + 1))
}

/// A lower-case subject pronoun that can open a reported clause (`he`, `it`, `I` …).
fn is_subject_pronoun(word: &str) -> bool {
    matches!(word, "he" | "she" | "they" | "we" | "I" | "it")
}

/// `he would`, `she could not`, `they had`: a subject pronoun and auxiliaries only, a clause
/// whose verb phrase is understood (`Jeff Flake said he would.`).
fn is_elliptical_clause(w: &Words, start: usize, end: usize) -> bool {
    end > start + 1
        && w.is_pronoun(start)
        && !w.is_possessive(start)
        && (start + 1..end).all(|t| {
            w.class(t) == Some(WordClass::Auxiliary) || w.eq(t, "not") || w.is_negated_auxiliary(t)
        })
}

/// An en or em dash (or `--`), which opens or closes an aside; not a hyphen.
fn is_aside_dash(w: &Words, k: usize) -> bool {
    matches!(w.word(k), "\u{2013}" | "\u{2014}" | "--")
}

/// True when a comma stands before token `k`, perhaps with a closing quotation mark
/// between (`lower taxes and "jobs, jobs, jobs," but he …`).
fn after_comma(w: &Words, start: usize, k: usize) -> bool {
    (k > start && w.is(k - 1, ",")) || (k > start + 1 && w.is_quote_mark(k - 1) && w.is(k - 2, ","))
}

/// True when token `k` is a subject pronoun, or a quantifier that a verb follows: `others have
/// said` starts a clause, `the breaks used by Trump and others "do nothing"` does not.
fn starts_new_subject(w: &Words, k: usize, end: usize) -> bool {
    match w.word(k) {
        "he" | "she" | "they" | "He" | "She" | "They" => true,
        "others" | "some" | "many" => {
            k + 1 < end
                && !w.is_quote_mark(k + 1)
                && (w.class(k + 1) == Some(WordClass::Auxiliary)
                    || w.class(k + 1) == Some(WordClass::Adverb)
                    || is_verb_like(w, k + 1)
                    || (w.word(k + 1).ends_with("ing") && w.word(k + 1).len() > 4))
        }
        _ => false,
    }
}

/// True when cue `c` lies in a subordinate clause that opens the sentence at `a`
/// (`Although she said …,`, `Yet by calling out …,`): no comma stands between them.
fn in_opening_subordinate(w: &Words, a: usize, c: usize) -> bool {
    let first = after_opening_conjunction(w, a, c);
    // `Now that X has claimed …, …`
    let now_that = first + 1 < c && w.eq(first, "now") && w.eq(first + 1, "that");
    first < c
        && (is_subordinator(w, first) || w.eq(first, "by") || now_that)
        && !w.eq(first, "whether")
        && (first..c).all(|t| !w.is(t, ","))
}

/// True when the comma at `k` closes a subordinate clause that opened after the previous
/// comma (`said if Trump wins, he would …`, `said that lately, when he speaks, he is …`):
/// the subject after it belongs to the report.
fn closes_subordinate_clause(w: &Words, start: usize, k: usize) -> bool {
    (start..k)
        .rev()
        .take_while(|&j| j + 1 == k || !w.is(j, ","))
        .any(|j| is_subordinator(w, j))
}

/// `if`, `when`, `because` …: words that open a subordinate clause.
fn is_subordinator(w: &Words, k: usize) -> bool {
    matches!(
        w.word(k).to_ascii_lowercase().as_str(),
        "if" | "when"
            | "because"
            | "although"
            | "though"
            | "while"
            | "as"
            | "after"
            | "before"
            | "since"
            | "unless"
            | "once"
            | "until"
            | "whether"
    )
}

/// Words that open a clause of the writer's own after a comma (`, while her rival …`,
/// `, according to …`). `, which`, `, who`, `, including` and `, but` are not among them:
/// in the training split of PolNeAR the report runs on past them more often than not.
fn ends_report_after_comma(w: &Words, k: usize) -> bool {
    matches!(
        w.word(k).to_ascii_lowercase().as_str(),
        "while" | "whereas" | "although" | "though" | "according" | "despite" | "unlike" | "yet"
    )
}

/// Subjects that cannot be speakers: a day or month (`Wednesday added …`), a bare number
/// (`11 states …`: the cue is a noun), `there`.
pub(super) fn is_bad_subject(w: &Words, p: speaker::Phrase) -> bool {
    let head = p.end - 1;
    let number_only =
        (p.start..p.end).all(|k| w.word(k).bytes().all(|b| b.is_ascii_digit() || b == b','));
    // (`people I've spoken with over the last couple of weeks said`: a time word ends a
    // longer subject.)
    let time_only = (p.start..p.end).all(|k| {
        w.is_time_word(k)
            || w.class(k) == Some(WordClass::Determiner)
            || w.word(k).bytes().all(|b| b.is_ascii_digit())
    });
    number_only || (w.is_time_word(head) && time_only) || w.eq(head, "there")
}

/// `a nostalgic note`, `no overt mention`, `Trump's initial request`: a cue in its bare form
/// after a singular phrase (one opened by `a`, `no`, `each` …, or a possessive with a
/// singular last word) is a noun; a singular subject would take `notes` or `noted`. The
/// source is then the possessor (`Trump's`), or the names modifying the noun (`a New York
/// Times report`), or nobody (an empty phrase at the cue: `a strong message that …`).
fn noun_source(
    w: &Words,
    p: speaker::Phrase,
    c: usize,
    len: usize,
    lemma: &str,
) -> Option<speaker::Phrase> {
    let bare = len == 1 && w.eq(c, lemma);
    let after_auxiliary = w.class(c - 1) == Some(WordClass::Auxiliary) || w.eq(c - 1, "to");
    if !bare || after_auxiliary || w.is_pronoun(p.end - 1) {
        return None;
    }
    if let Some(k) = (p.start..p.end).find(|&k| w.is_possessive(k)) {
        let singular = !w.word(p.end - 1).ends_with('s');
        return singular.then_some(speaker::Phrase {
            start: p.start,
            end: k + 1,
        });
    }
    let singular_determiner = matches!(
        w.word(p.start).to_ascii_lowercase().as_str(),
        "a" | "an" | "no" | "another" | "each" | "every"
    );
    if !singular_determiner {
        return None;
    }
    let names_end = (p.start + 1..p.end)
        .find(|&k| !w.is_capitalized(k))
        .unwrap_or(p.end);
    Some(if names_end > p.start + 1 {
        speaker::Phrase {
            start: p.start + 1,
            end: names_end,
        }
    } else {
        speaker::Phrase { start: c, end: c }
    })
}

/// A preposition of time, place or manner (`wrote on her page`, `asked by the host`):
/// after any cue it opens circumstance, not content.
fn is_circumstance(w: &Words, k: usize) -> bool {
    w.adjunct_role(k) == Some(AdjunctRole::Circumstance)
}

fn is_verb_like(w: &Words, k: usize) -> bool {
    let s = w.word(k);
    !w.is_capitalized(k)
        && ((s.ends_with("ed") && s.len() > 4)
            || w.verb_cue_at(k, k + 1)
                .is_some_and(|(c, _)| c.kind == CueKind::Verb))
}
