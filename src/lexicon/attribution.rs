//! Lexicons behind attribution: reporting cues, titles and roles, countries and their
//! aliases, organisations, and the closed-class words the speaker rules rely on.

use super::{LexiconError, LexiconFile};
use rustc_hash::FxHashMap;

/// What kind of cue an entry is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    /// A reporting verb form (`said`, `warned`).
    Verb,
    /// An attitude verb (`believes`, `wants`): attribution, but not speech.
    Belief,
    /// A reporting noun (`statement`, `call`).
    Noun,
    /// A multi-word reporting phrase (`according to`, `in a statement`).
    Phrase,
    /// A speech event (`continued`, `spoke`): attributes an adjacent quotation only.
    Event,
}

/// One cue entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Cue {
    pub lemma: String,
    pub kind: CueKind,
    /// 0..1, used in the attribution's confidence.
    pub strength: f32,
    /// The verb's object is the listener (`told reporters that …`), not the content.
    pub takes_addressee: bool,
    /// The verb also names things (`a group called Citizens for Trump`).
    pub also_names: bool,
    /// The verb's object may be a work (`She read "The Quiet Orchard"`): a title-case
    /// quotation right after it is named, not said.
    pub takes_work: bool,
    /// A noun naming how or where words were said (`interview`, `speech`, `email`): after a
    /// possessive it introduces no content of its own (`his speech to the crowd`).
    pub is_medium: bool,
}

/// Lower-cased keys of one or more words (single spaces; curly apostrophes folded).
#[derive(Debug)]
pub struct PhraseMap<V> {
    index: FxHashMap<String, usize>,
    values: Vec<V>,
    /// Most words in any key.
    pub max_words: usize,
}

impl<V> Default for PhraseMap<V> {
    fn default() -> Self {
        PhraseMap {
            index: FxHashMap::default(),
            values: Vec::new(),
            max_words: 0,
        }
    }
}

impl<V> PhraseMap<V> {
    /// Adds or replaces the value of a normalised key.
    fn insert(&mut self, key: &str, value: V) {
        self.max_words = self.max_words.max(key.split(' ').count());
        match self.index.get(key) {
            Some(&i) => self.values[i] = value,
            None => {
                self.index.insert(key.to_string(), self.values.len());
                self.values.push(value);
            }
        }
    }

    /// The value of a normalised key (lower case, single spaces).
    pub fn get(&self, key: &str) -> Option<&V> {
        self.index.get(key).map(|&i| &self.values[i])
    }

    /// The value with index `i` (see [`super::WordIndex`]).
    pub fn value(&self, i: u32) -> &V {
        &self.values[i as usize]
    }

    /// Index of a normalised key.
    pub fn index_of(&self, key: &str) -> Option<u32> {
        self.index.get(key).map(|&i| i as u32)
    }

    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    pub(crate) fn keys(&self) -> impl Iterator<Item = (&str, u32)> {
        self.index.iter().map(|(k, &i)| (k.as_str(), i as u32))
    }
}

fn parse_float(file: &LexiconFile, line: usize, s: &str) -> Result<f32, LexiconError> {
    s.parse::<f32>()
        .ok()
        .filter(|v| (0.0..=1.0).contains(v))
        .ok_or_else(|| file.error(line, format!("`{s}` is not a number between 0 and 1")))
}

/// Reporting cues from `cues.csv` (`form,lemma,type,strength,object`).
pub fn parse_cues(file: &LexiconFile) -> Result<PhraseMap<Cue>, LexiconError> {
    let mut out = PhraseMap::default();
    for row in file.rows(&["form", "lemma", "type", "strength", "object"])? {
        let [form, lemma, kind, strength, object] = row.fields[..] else {
            continue;
        };
        let kind = match kind {
            "verb" => CueKind::Verb,
            "belief" => CueKind::Belief,
            "noun" => CueKind::Noun,
            "phrase" => CueKind::Phrase,
            "event" => CueKind::Event,
            other => {
                return Err(file.error(
                    row.number,
                    format!("unknown cue type `{other}` (verb, event, belief, noun, phrase)"),
                ))
            }
        };
        let strength = parse_float(file, row.number, strength)?;
        let (takes_addressee, also_names, takes_work, is_medium) = match object {
            "" => (false, false, false, false),
            "addressee" => (true, false, false, false),
            "name" => (false, true, false, false),
            "work" => (false, false, true, false),
            "medium" => (false, false, false, true),
            other => {
                return Err(file.error(
                    row.number,
                    format!(
                        "unknown cue object `{other}` (addressee, name, work, medium or empty)"
                    ),
                ))
            }
        };
        out.insert(
            &normalize(form),
            Cue {
                lemma: lemma.to_string(),
                kind,
                strength,
                takes_addressee,
                also_names,
                takes_work,
                is_medium,
            },
        );
    }
    Ok(out)
}

/// What a title is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TitleKind {
    /// Mr, Dr: says nothing about the office.
    Honorific,
    /// President, Secretary of Defense: an office a named person holds.
    Office,
    /// spokesperson, official, source: a role, often without a name.
    Role,
}

/// A title entry; `plural` marks the plural form (`officials`), which denotes a group.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Title {
    pub kind: TitleKind,
    pub plural: bool,
}

/// Titles and roles from `titles.csv` (`title,kind,plural`).
pub fn parse_titles(file: &LexiconFile) -> Result<PhraseMap<Title>, LexiconError> {
    let mut out: PhraseMap<Title> = PhraseMap::default();
    for row in file.rows(&["title", "kind", "plural"])? {
        let [title, kind, plural] = row.fields[..] else {
            continue;
        };
        let kind = match kind {
            "honorific" => TitleKind::Honorific,
            "office" => TitleKind::Office,
            "role" => TitleKind::Role,
            other => {
                return Err(file.error(
                    row.number,
                    format!("unknown title kind `{other}` (honorific, office, role)"),
                ))
            }
        };
        let key = normalize(title);
        // `officials` may be listed on its own after `official,role,officials`: stay plural.
        if !out.get(&key).is_some_and(|t: &Title| t.plural) {
            out.insert(
                &key,
                Title {
                    kind,
                    plural: false,
                },
            );
        }
        if !plural.is_empty() {
            let key = normalize(plural);
            out.insert(&key, Title { kind, plural: true });
        }
    }
    Ok(out)
}

/// A country, bloc or organisation a name stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Body {
    /// Canonical name (`United States`, `US Department of Defense`).
    pub canonical: String,
    /// Canonical affiliation; `None` for generic bodies whose country comes from context.
    pub affiliation: Option<String>,
    /// `government`, `international`, `military`, `media`, ...
    pub kind: String,
    /// True for countries and blocs (from `affiliations.csv`).
    pub is_country: bool,
}

/// Countries and blocs (`affiliations.csv`: `alias,canonical,type`) and organisations
/// (`organizations.csv`: `alias,canonical,affiliation,type`) in one alias table.
pub fn parse_bodies(
    affiliations: &LexiconFile,
    organizations: &LexiconFile,
) -> Result<PhraseMap<Body>, LexiconError> {
    let mut out = PhraseMap::default();
    for row in affiliations.rows(&["alias", "canonical", "type"])? {
        let [alias, canonical, kind] = row.fields[..] else {
            continue;
        };
        out.insert(
            &normalize(alias),
            Body {
                canonical: canonical.to_string(),
                affiliation: Some(canonical.to_string()),
                kind: kind.to_string(),
                is_country: true,
            },
        );
    }
    for row in organizations.rows(&["alias", "canonical", "affiliation", "type"])? {
        let [alias, canonical, affiliation, kind] = row.fields[..] else {
            continue;
        };
        out.insert(
            &normalize(alias),
            Body {
                canonical: canonical.to_string(),
                affiliation: (!affiliation.is_empty()).then(|| affiliation.to_string()),
                kind: kind.to_string(),
                is_country: false,
            },
        );
    }
    Ok(out)
}

/// Closed-class word classes (`function_words.csv`: `word,class`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WordClass {
    Determiner,
    PronounPerson,
    PronounThing,
    PronounGroup,
    Auxiliary,
    /// A verb or adjective whose `to`-infinitive carries the report (`declined to say`,
    /// `was unwilling to tell`): its subject is the speaker.
    Catenative,
    Adverb,
    Clause,
    Preposition,
    Modifier,
    /// Last word of a place name (`Island`, `Street`).
    Place,
}

/// Parses `function_words.csv`.
pub fn parse_function_words(
    file: &LexiconFile,
) -> Result<FxHashMap<String, WordClass>, LexiconError> {
    let mut out = FxHashMap::default();
    for row in file.rows(&["word", "class"])? {
        let [word, class] = row.fields[..] else {
            continue;
        };
        let class = match class {
            "determiner" => WordClass::Determiner,
            "pronoun_person" => WordClass::PronounPerson,
            "pronoun_thing" => WordClass::PronounThing,
            "pronoun_group" => WordClass::PronounGroup,
            "auxiliary" => WordClass::Auxiliary,
            "catenative" => WordClass::Catenative,
            "adverb" => WordClass::Adverb,
            "clause" => WordClass::Clause,
            "preposition" => WordClass::Preposition,
            "modifier" => WordClass::Modifier,
            "place" => WordClass::Place,
            other => return Err(file.error(row.number, format!("unknown word class `{other}`"))),
        };
        out.insert(word.to_lowercase(), class);
    }
    Ok(out)
}

/// What an adjunct word opens after a reporting cue (`adjuncts.csv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdjunctRole {
    /// A time word (`Monday`, `repeatedly`) between a cue and its clause.
    Time,
    /// A preposition (`on`, `with`) opening circumstance rather than content.
    Circumstance,
    /// A preposition (`about`, `against`) opening the topic a cue's content names; it joins
    /// the cue.
    Topic,
}

/// Adjunct words from `adjuncts.csv` (`word,role`), keyed in lower case.
pub fn parse_adjuncts(file: &LexiconFile) -> Result<FxHashMap<String, AdjunctRole>, LexiconError> {
    let mut out = FxHashMap::default();
    for row in file.rows(&["word", "role"])? {
        let [word, role] = row.fields[..] else {
            continue;
        };
        let role = match role {
            "time" => AdjunctRole::Time,
            "circumstance" => AdjunctRole::Circumstance,
            "topic" => AdjunctRole::Topic,
            other => {
                return Err(file.error(
                    row.number,
                    format!("unknown adjunct role `{other}` (time, circumstance, topic)"),
                ))
            }
        };
        out.insert(word.to_lowercase(), role);
    }
    Ok(out)
}

/// A one-column word list (`word` header), keyed as written in news text: lower case,
/// capitalised and upper case (`bank`, `Bank`, `BANK`), so a lookup needs no allocation.
pub fn parse_word_list(file: &LexiconFile) -> Result<rustc_hash::FxHashSet<String>, LexiconError> {
    let mut out = rustc_hash::FxHashSet::default();
    for row in file.rows(&["word"])? {
        let Some(word) = row.fields.first() else {
            continue;
        };
        let lower = word.to_lowercase();
        let mut chars = lower.chars();
        let capitalised: String = chars
            .next()
            .map(|c| c.to_uppercase().chain(chars).collect())
            .unwrap_or_default();
        out.insert(lower.to_uppercase());
        out.insert(capitalised);
        out.insert(lower);
    }
    Ok(out)
}

/// Lookup key: lower case, curly apostrophes folded, single spaces.
pub fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        push_normalized(&mut out, word);
    }
    out
}

/// Appends one word in lookup form.
pub fn push_normalized(out: &mut String, word: &str) {
    if word.is_ascii() {
        let start = out.len();
        out.push_str(word);
        out[start..].make_ascii_lowercase();
        return;
    }
    for c in word.chars() {
        match c {
            '\u{2019}' | '\u{2018}' => out.push('\''),
            c => out.extend(c.to_lowercase()),
        }
    }
}
