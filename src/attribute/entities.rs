//! Who a speaker mention refers to: the named people, organisations and countries of one
//! document, with titles and affiliations taken from the phrases that introduce them, and
//! pronouns and title aliases (`He`, `The Secretary`) resolved to the most recent fit.

use super::speaker::Phrase;
use super::words::Words;
use super::{Speaker, SpeakerType};
use crate::lexicon::{Body, TitleKind, WordClass};
use rustc_hash::FxHashMap;

/// Pronoun and title links reach back at most this many bytes.
const MAX_LINK_DISTANCE: usize = 3000;

/// A document entity.
#[derive(Debug, Clone)]
struct Entity {
    name: String,
    kind: SpeakerType,
    affiliation: Option<String>,
    /// Lower-case last words of titles held (`secretary`, `president`).
    titles: Vec<String>,
}

/// A place in the text where an entity is named.
#[derive(Debug, Clone, Copy)]
struct Mention {
    pos: usize,
    entity: usize,
}

/// All entities named in one document, in order of mention.
pub struct Entities {
    entities: Vec<Entity>,
    mentions: Vec<Mention>,
    /// Entity by canonical name.
    by_name: FxHashMap<String, usize>,
    /// The first person entity with a given surname.
    by_surname: FxHashMap<String, usize>,
    /// Reused while building names.
    name_buffer: String,
    /// How often each country is named in the document.
    country_mentions: FxHashMap<String, usize>,
    /// The country named most often (first named on a tie): the default affiliation of
    /// office holders and generic government bodies the text gives no country for.
    dominant_country: Option<String>,
}

/// What a capitalised run of words turned out to be.
struct RunAnalysis<'a> {
    affiliation: Option<&'a str>,
    /// Tokens of the title (`Secretary of Defense`).
    title: Option<(usize, usize)>,
    name: Option<(usize, usize)>,
    body: Option<&'a Body>,
}

fn strip_possessive(s: &str) -> &str {
    s.strip_suffix("'s")
        .or_else(|| s.strip_suffix("\u{2019}s"))
        .unwrap_or(s)
}

/// Most tokens searched for the organisation named next to a person.
const MAX_ROLE: usize = 8;

/// The organisation a person speaks for, named next to the name run `a..b`: in an
/// apposition after it (`Kenji Sato, an analyst at Tokai Securities,`, `Ana Li, a
/// spokesperson for the World Health Organization,`) or before a role that precedes it
/// (`Qilin Auto spokesperson Li Wei`). A known organisation or country gives its canonical
/// affiliation; an unknown one its name as written.
fn organisation_around<'a>(w: &Words<'a>, a: usize, b: usize) -> Option<&'a str> {
    let n = w.tokens.len();
    // After: `, <role words> at|of|for|with [the] <Capitalised run>`.
    if b < n && w.is(b, ",") {
        let limit = n.min(b + 1 + MAX_ROLE);
        let mut k = b + 1;
        while k < limit && !w.is_punct(k) && !w.is_capitalized(k) {
            if matches!(w.word(k), "at" | "of" | "for" | "with") {
                let mut start = k + 1;
                if start < n && w.eq(start, "the") {
                    start += 1;
                }
                if let Some(org) = capitalised_run(w, start) {
                    return Some(affiliation_of(w, org));
                }
                return None;
            }
            k += 1;
        }
    }
    // Before: `<Capitalised run> <role words> <name>`.
    let mut k = a;
    while k > 0 && a - k < 3 && !w.is_capitalized(k - 1) && w.title_at(k - 1, a).is_some() {
        k -= 1;
    }
    if k < a && k > 0 && w.is_capitalized(k - 1) {
        let mut start = k - 1;
        while start > 0 && w.is_capitalized(start - 1) && !w.starts_sentence(start) {
            start -= 1;
        }
        return Some(affiliation_of(w, (start, k)));
    }
    None
}

/// The capitalised run of words starting at `k` (joined by `of`, `for`, `and`, `&`).
fn capitalised_run(w: &Words, k: usize) -> Option<(usize, usize)> {
    let n = w.tokens.len();
    if k >= n || !w.is_capitalized(k) {
        return None;
    }
    let mut end = k + 1;
    while end < n {
        if w.is_capitalized(end) {
            end += 1;
        } else if matches!(w.word(end), "of" | "for" | "and" | "&")
            && end + 1 < n
            && w.is_capitalized(end + 1)
        {
            end += 2;
        } else {
            break;
        }
    }
    Some((k, end))
}

/// The affiliation named by tokens `a..b`: a known body's canonical affiliation, else the
/// words themselves.
fn affiliation_of<'a>(w: &Words<'a>, (a, b): (usize, usize)) -> &'a str {
    if let Some((body, len)) = w.body_at(a, b) {
        if len == b - a {
            if let Some(aff) = body.affiliation.as_deref() {
                return aff;
            }
        }
    }
    let text: &'a str = w.text;
    strip_possessive(&text[w.span(a).start..w.span(b - 1).end])
}

impl Entities {
    /// Scans the document for names of people, organisations and countries.
    pub fn scan(w: &Words) -> Entities {
        // (Room for the usual share of names in news text: rarely grown.)
        let mut e = Entities {
            entities: Vec::with_capacity(w.tokens.len() / 64),
            mentions: Vec::with_capacity(w.tokens.len() / 16),
            by_name: FxHashMap::default(),
            by_surname: FxHashMap::default(),
            name_buffer: String::new(),
            country_mentions: FxHashMap::default(),
            dominant_country: None,
        };
        let n = w.tokens.len();
        let mut k = 0;
        loop {
            k = w.next_capitalized(k, n);
            if k >= n {
                break;
            }
            let start = k;
            let mut end = k + 1;
            while end < n {
                if w.is_capitalized(end) && w.span(end).start <= w.span(end - 1).end + 1 {
                    end += 1;
                } else if matches!(w.word(end), "of" | "for")
                    && end + 1 < n
                    && w.is_capitalized(end + 1)
                {
                    end += 2;
                } else {
                    break;
                }
            }
            // `Biden administration`, `the Fifth Avenue crossing`: the name modifies a noun.
            let attributive = (end < n
                && !w.is_capitalized(end)
                && (w.class(end) == Some(WordClass::Modifier) || w.title_at(end, n).is_some()))
                || (start > 0
                    && w.class(start - 1) == Some(WordClass::Determiner)
                    && end < n
                    && !w.is_punct(end)
                    && !w.is_capitalized(end)
                    && w.class(end).is_none());
            // `Gull Island`, `Fifth Avenue`: a place.
            let place = w.class(end - 1) == Some(WordClass::Place);
            let attributive = attributive || place;
            if !attributive {
                e.add_run(w, start, end);
            }
            k = end;
        }
        let mut best: Option<(&String, usize, usize)> = None;
        for (i, m) in e.mentions.iter().enumerate() {
            let entity = &e.entities[m.entity];
            if entity.kind != SpeakerType::Government {
                continue;
            }
            let n = e.country_mentions.get(&entity.name).copied().unwrap_or(0);
            if best.is_none_or(|(_, bn, bi)| n > bn || (n == bn && i < bi)) {
                best = Some((&entity.name, n, i));
            }
        }
        e.dominant_country = best.map(|(name, _, _)| name.clone());
        e
    }

    fn analyse<'a>(w: &Words<'a>, mut a: usize, b: usize) -> RunAnalysis<'a> {
        let mut out = RunAnalysis {
            affiliation: None,
            title: None,
            name: None,
            body: None,
        };
        while a < b && w.class(a).is_some() {
            a += 1;
        }
        if a >= b {
            return out;
        }
        // `Brazil's Foreign Minister Ana Duarte`
        if let Some(body) = w.possessive_body(a).filter(|b| b.is_country) {
            out.affiliation = body.affiliation.as_deref();
            a += 1;
        }
        if let Some((body, len)) = w.body_at(a, b) {
            if a + len == b || (a + len + 1 == b && w.is_punct(b - 1)) {
                out.body = Some(body);
                return out;
            }
            if body.is_country || body.affiliation.is_some() {
                out.affiliation = body.affiliation.as_deref();
                a += len;
            }
        }
        while a < b {
            match w.title_at(a, b) {
                Some((t, len)) if t.kind != TitleKind::Role || len > 0 => {
                    out.title = Some((a, a + len));
                    a += len;
                }
                _ => break,
            }
        }
        if a < b {
            out.name = Some((a, b));
        }
        out
    }

    fn add_run(&mut self, w: &Words, a: usize, b: usize) {
        let r = Self::analyse(w, a, b);
        let pos = w.span(a).start;
        if let Some(body) = r.body {
            let kind = if body.is_country
                || body.affiliation.as_deref() == Some(body.canonical.as_str())
            {
                SpeakerType::Government
            } else {
                SpeakerType::Organization
            };
            // `Germany's Defence Ministry`: a generic body takes the possessive country.
            let affiliation = body.affiliation.as_deref().or(r.affiliation);
            let id = self.find_or_add(&body.canonical, kind, affiliation);
            if body.is_country {
                *self
                    .country_mentions
                    .entry(body.canonical.clone())
                    .or_default() += 1;
            }
            self.mentions.push(Mention { pos, entity: id });
            return;
        }
        let Some((na, nb)) = r.name else {
            // A title alone (`The Secretary`): refers to whoever holds it.
            return;
        };
        // `said Trump Tuesday`, `Friday`, `Super Tuesday`: a day or month after a name, or
        // alone, names no one.
        let Some(nb) = (na..nb)
            .rev()
            .find(|&k| !w.is_punct(k) && !w.is_time_word(k))
            .map(|k| k + 1)
            .filter(|&end| !(na..end).all(|k| w.eq(k, "Super") || w.is_time_word(k)))
        else {
            return;
        };
        // `Banca Dorica Group`, `Lambeth Council`: an organisation the lexicons do not know
        // speaks for itself.
        let last_word = (na..nb).rev().find(|&k| !w.is_punct(k));
        if last_word.is_some_and(|k| w.is_organization_word(k)) && r.title.is_none() {
            let name = &w.text[w.span(na).start..w.span(nb - 1).end];
            let name = strip_possessive(name.trim_end_matches(['.', ',']));
            let id = self.find_or_add(name, SpeakerType::Organization, Some(name));
            self.mentions.push(Mention { pos, entity: id });
            return;
        }
        let mut r = r;
        if r.affiliation.is_none() {
            r.affiliation = organisation_around(w, a, b);
        }
        let mut name = std::mem::take(&mut self.name_buffer);
        name.clear();
        let mut count = 0;
        let mut last = "";
        for k in (na..nb).filter(|&k| !w.is_punct(k)) {
            if count > 0 {
                name.push(' ');
            }
            last = strip_possessive(w.word(k));
            name.push_str(last);
            count += 1;
        }
        self.add_person(w, &r, pos, na, &name, last, count);
        self.name_buffer = name;
    }

    /// Registers a mention of the person named `name` (`count` words, surname `last`).
    #[allow(clippy::too_many_arguments)]
    fn add_person(
        &mut self,
        w: &Words,
        r: &RunAnalysis,
        pos: usize,
        na: usize,
        name: &str,
        last: &str,
        count: usize,
    ) {
        if count == 0 || count > 4 {
            return;
        }
        // A lone capitalised word opening a sentence (`Drivers should …`) names no one,
        // unless it is the surname of someone already named.
        let known_surname = self.by_surname.get(last).copied();
        if count == 1 && r.title.is_none() && w.starts_sentence(na) && known_surname.is_none() {
            return;
        }
        let same_name = self
            .by_name
            .get(name)
            .copied()
            .filter(|&id| self.entities[id].kind == SpeakerType::Person);
        let existing = same_name.or(if count == 1 { known_surname } else { None });
        let id = match existing {
            Some(id) => id,
            None => {
                let id = self.entities.len();
                self.by_name.entry(name.to_string()).or_insert(id);
                self.by_surname.entry(last.to_string()).or_insert(id);
                self.entities.push(Entity {
                    name: name.to_string(),
                    kind: SpeakerType::Person,
                    affiliation: None,
                    titles: Vec::new(),
                });
                id
            }
        };
        let entity = &mut self.entities[id];
        if entity.affiliation.is_none() {
            entity.affiliation = r.affiliation.map(str::to_string);
        }
        if let Some((ta, tb)) = r.title {
            // Every word of the title can stand for it (`The Secretary`, `the defense chief`).
            for k in ta..tb {
                let word = w.word(k);
                if w.class(k).is_none()
                    && !entity.titles.iter().any(|t| t.eq_ignore_ascii_case(word))
                {
                    entity.titles.push(word.to_lowercase());
                }
            }
        }
        self.mentions.push(Mention { pos, entity: id });
    }

    fn find_or_add(&mut self, name: &str, kind: SpeakerType, affiliation: Option<&str>) -> usize {
        if let Some(&id) = self.by_name.get(name) {
            return id;
        }
        self.by_name.insert(name.to_string(), self.entities.len());
        self.entities.push(Entity {
            name: name.to_string(),
            kind,
            affiliation: affiliation.map(str::to_string),
            titles: Vec::new(),
        });
        self.entities.len() - 1
    }

    /// The most recent mention before `pos` whose entity satisfies `fit`.
    fn latest_before(&self, pos: usize, fit: impl Fn(&Entity) -> bool) -> Option<&Entity> {
        let i = self.mentions.partition_point(|m| m.pos < pos);
        self.mentions[..i]
            .iter()
            .rev()
            .take_while(|m| pos - m.pos <= MAX_LINK_DISTANCE)
            .map(|m| &self.entities[m.entity])
            .find(|e| fit(e))
    }

    fn speaker_from(&self, entity: &Entity, mention: crate::document::Span) -> Speaker {
        // An office holder the text names no country for serves the document's country.
        let affiliation = entity.affiliation.clone().or_else(|| {
            (entity.kind == SpeakerType::Person && !entity.titles.is_empty())
                .then(|| self.dominant_country.clone())
                .flatten()
        });
        Speaker {
            mention,
            name: Some(entity.name.clone()),
            kind: entity.kind,
            affiliation,
        }
    }

    /// Resolves a speaker phrase to a speaker.
    pub fn resolve(&self, w: &Words, p: Phrase) -> Speaker {
        let mention = w.range_span(p.start, p.end);
        let head = p.end - 1;
        // (`who` and the possessive determiners of a noun's report, `his call for …`, refer
        // back like pronouns.)
        let back_reference = if w.eq_any(head, &["who", "his", "her"]) {
            Some(WordClass::PronounPerson)
        } else if w.eq(head, "its") {
            Some(WordClass::PronounThing)
        } else if w.eq(head, "their") {
            Some(WordClass::PronounGroup)
        } else {
            None
        };
        match back_reference.or(w.class(head)) {
            Some(WordClass::PronounPerson) => {
                return match self.latest_before(mention.start, |e| e.kind == SpeakerType::Person) {
                    Some(e) => self.speaker_from(e, mention),
                    None => Speaker::unresolved(mention, SpeakerType::Person),
                };
            }
            Some(WordClass::PronounThing) | Some(WordClass::PronounGroup) => {
                return match self.latest_before(mention.start, |e| e.kind != SpeakerType::Person) {
                    Some(e) => self.speaker_from(e, mention),
                    None => Speaker::unresolved(mention, SpeakerType::Unknown),
                };
            }
            _ => {}
        }
        // A named entity inside the phrase (its last mention there is the head).
        let first = self.mentions.partition_point(|m| m.pos < mention.start);
        let inside = self.mentions[first..]
            .iter()
            .take_while(|m| m.pos < mention.end)
            .last();
        let r = Self::analyse(w, p.start, p.end);
        if let Some(m) = inside {
            let e = &self.entities[m.entity];
            let is_modifier = e.kind != SpeakerType::Person
                && (w.title_at(head, p.end).is_some() || w.class(head).is_some());
            if !is_modifier {
                return self.speaker_from(e, mention);
            }
        }
        // A title alone: the entity that holds it.
        let plural_or_role = || {
            w.title_at(head, p.end)
                .is_some_and(|(t, _)| t.plural || t.kind == TitleKind::Role)
        };
        if r.name.is_none() && r.body.is_none() && r.title.is_some() && !plural_or_role() {
            let title = w.word(head);
            if let Some(e) = self.latest_before(mention.start, |e| {
                e.titles.iter().any(|t| t.eq_ignore_ascii_case(title))
            }) {
                return self.speaker_from(e, mention);
            }
        }
        self.describe(w, p, mention)
    }

    /// A speaker known only by description (`a Chinese defense spokesperson`,
    /// `the defense department`, `Chinese officials`).
    fn describe(&self, w: &Words, p: Phrase, mention: crate::document::Span) -> Speaker {
        let mut start = p.start;
        while start < p.end && w.class(start) == Some(WordClass::Determiner) {
            start += 1;
        }
        // Organisation named by the phrase's last words (`the defense department`).
        for a in start..p.end {
            if let Some((body, len)) = w.body_at(a, p.end) {
                if a + len == p.end {
                    // A generic body (`the defence ministry`) belongs to the country named
                    // with it, else to the document's country.
                    let affiliation = body
                        .affiliation
                        .clone()
                        .or_else(|| self.country_in(w, start, a))
                        .or_else(|| self.dominant_country.clone());
                    let kind = if body.is_country {
                        SpeakerType::Government
                    } else {
                        SpeakerType::Organization
                    };
                    let name = if body.affiliation.is_none() {
                        let words: Vec<&str> = (start..p.end).map(|k| w.word(k)).collect();
                        words.join(" ")
                    } else {
                        body.canonical.clone()
                    };
                    return Speaker {
                        mention,
                        name: Some(name),
                        kind,
                        affiliation,
                    };
                }
            }
        }
        let words: Vec<&str> = (start..p.end)
            .map(|k| strip_possessive(w.word(k)))
            .collect();
        let name = words.join(" ");
        let head_title = w.title_at(p.end - 1, p.end);
        let kind = match head_title {
            Some((t, _)) if t.plural => SpeakerType::Group,
            Some(_) => SpeakerType::Person,
            None if (start..p.end).all(|k| w.is_capitalized(k)) => SpeakerType::Person,
            None => SpeakerType::Unknown,
        };
        Speaker {
            mention,
            name: (!name.is_empty()).then_some(name),
            kind,
            affiliation: self.country_in(w, start, p.end),
        }
    }

    /// The affiliation named by a country word or organisation inside tokens `a..b`.
    fn country_in(&self, w: &Words, a: usize, b: usize) -> Option<String> {
        (a..b).find_map(|k| {
            w.body_at(k, b)
                .and_then(|(body, _)| body.affiliation.clone())
        })
    }
}

impl Speaker {
    /// A speaker whose mention could not be linked to an entity.
    pub fn unresolved(mention: crate::document::Span, kind: SpeakerType) -> Speaker {
        Speaker {
            mention,
            name: None,
            kind,
            affiliation: None,
        }
    }
}
