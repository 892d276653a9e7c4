//! A view of a document's tokens with the lexicon questions attribution asks of them.

use crate::document::Span;
use crate::lexicon::{
    normalize, AdjunctRole, Body, Cue, CueKind, IndexEntry, Lexicons, Title, WordClass, WordIndex,
};
use crate::segment::{Segmentation, Token, TokenKind};

/// Word classes in the order of their codes in a token's flags (code 0: no class).
const CLASSES: [WordClass; 11] = [
    WordClass::Determiner,
    WordClass::PronounPerson,
    WordClass::PronounThing,
    WordClass::PronounGroup,
    WordClass::Auxiliary,
    WordClass::Adverb,
    WordClass::Clause,
    WordClass::Preposition,
    WordClass::Modifier,
    WordClass::Place,
    WordClass::Catenative,
];
const CLASS_BITS: u8 = 0b1111;
const CAPITALIZED: u8 = 1 << 4;
const CUE_START: u8 = 1 << 5;
const TITLE_START: u8 = 1 << 6;
const BODY_START: u8 = 1 << 7;

/// The code of a word class in a token's flags: one more than its place in [`CLASSES`].
fn class_code(class: Option<WordClass>) -> u8 {
    match class {
        None => 0,
        Some(WordClass::Determiner) => 1,
        Some(WordClass::PronounPerson) => 2,
        Some(WordClass::PronounThing) => 3,
        Some(WordClass::PronounGroup) => 4,
        Some(WordClass::Auxiliary) => 5,
        Some(WordClass::Adverb) => 6,
        Some(WordClass::Clause) => 7,
        Some(WordClass::Preposition) => 8,
        Some(WordClass::Modifier) => 9,
        Some(WordClass::Place) => 10,
        Some(WordClass::Catenative) => 11,
    }
}

/// Lexicon matches in token order (ties by length): the token where each starts, its
/// length in tokens, and its entry, with the index of the first match of every token
/// where one starts (the rules ask at many tokens; no search finds them).
struct TokenMatches<'a, V> {
    items: Vec<(u32, u8, &'a V)>,
    /// Per token: the index in `items` of its first match (0 where none starts).
    first: Vec<u32>,
}

impl<'a, V> TokenMatches<'a, V> {
    /// Wraps the matches and marks where they start in `flags` with `bit`.
    fn new(items: Vec<(u32, u8, &'a V)>, flags: &mut [u8], bit: u8) -> Self {
        let mut first = vec![0u32; if items.is_empty() { 0 } else { flags.len() }];
        for (i, m) in items.iter().enumerate().rev() {
            flags[m.0 as usize] |= bit;
            first[m.0 as usize] = i as u32;
        }
        TokenMatches { items, first }
    }

    /// The longest match starting at token `k` and ending at or before token `limit`.
    fn longest(&self, k: usize, limit: usize) -> Option<(&'a V, usize)> {
        let a = self.first.get(k).map_or(self.items.len(), |&i| i as usize);
        let b = a + self.items[a..]
            .iter()
            .take_while(|m| m.0 as usize == k)
            .count();
        self.items[a..b]
            .iter()
            .rev()
            .find(|m| k + (m.1 as usize) <= limit)
            .map(|&(_, len, v)| (v, len as usize))
    }
}

/// The tokens of a range that are one mark ([`Words::marks`]).
#[derive(Debug, Clone)]
pub struct Marks<'a> {
    tokens: &'a [Token],
    front: usize,
    back: usize,
    mark: u8,
}

impl Iterator for Marks<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        let k = first_mark(self.tokens, self.front, self.back, self.mark)?;
        self.front = k + 1;
        Some(k)
    }
}

impl DoubleEndedIterator for Marks<'_> {
    fn next_back(&mut self) -> Option<usize> {
        let k = last_mark(self.tokens, self.front, self.back, self.mark)?;
        self.back = k;
        Some(k)
    }
}

/// The first token among `from..to` whose [`Token::mark`] is `mark`.
#[inline(never)]
fn first_mark(tokens: &[Token], from: usize, to: usize, mark: u8) -> Option<usize> {
    let i = tokens
        .get(from..to)?
        .iter()
        .position(|t| t.mark() == mark)?;
    Some(from + i)
}

/// The last token among `from..to` whose [`Token::mark`] is `mark`.
#[inline(never)]
fn last_mark(tokens: &[Token], from: usize, to: usize, mark: u8) -> Option<usize> {
    let i = tokens
        .get(from..to)?
        .iter()
        .rposition(|t| t.mark() == mark)?;
    Some(from + i)
}

/// Tokens of one document plus the lexicons: the vocabulary of every attribution rule.
/// Lexicon matches, word classes and sentence membership are computed once per document.
pub struct Words<'a> {
    pub text: &'a str,
    pub seg: &'a Segmentation,
    pub tokens: &'a [Token],
    lex: &'a Lexicons,
    /// Per token: word-class code, capitalisation and where lexicon matches start.
    flags: Vec<u8>,
    cues: TokenMatches<'a, Cue>,
    titles: TokenMatches<'a, Title>,
    bodies: TokenMatches<'a, Body>,
    /// Per token: its adjunct role, when [`WordIndex::has_adjuncts`] (see
    /// [`Words::adjunct_role`]).
    adjuncts: Vec<Option<AdjunctRole>>,
    /// The text of each token, sliced once: the rules ask for words many times over, and
    /// a slice of the text checks its bounds and char boundaries every time.
    texts: Vec<&'a str>,
    /// Sentence index of each token.
    sentence: Vec<u32>,
    /// Token range of each sentence.
    sentence_ranges: Vec<(usize, usize)>,
}

/// What the lexicons say about a document's tokens.
struct Lexical<'a> {
    /// Word-class codes (the low bits of the token flags).
    flags: Vec<u8>,
    cues: Vec<(u32, u8, &'a Cue)>,
    titles: Vec<(u32, u8, &'a Title)>,
    bodies: Vec<(u32, u8, &'a Body)>,
    /// Adjunct roles of every token (when [`WordIndex::has_adjuncts`]).
    adjuncts: Vec<Option<AdjunctRole>>,
    /// Tokens past the first that are capitalised auxiliaries (`Will`, `May`), which
    /// [`Words::new`] may read as names.
    capitalized_auxiliaries: Vec<u32>,
}

/// True when `entry` is really the key of the words `tokens[k..k + n]`. Single words are
/// trusted to their 64-bit hash (a false hit would need two of a few thousand keys to
/// collide with the word); the rarer multi-word hits are compared word by word.
fn confirms(index: &WordIndex, entry: &IndexEntry, texts: &[&str], k: usize, n: usize) -> bool {
    if n == 1 {
        return true;
    }
    let mut parts = index.key(entry).split(' ');
    (k..k + n).all(|i| {
        let word = texts[i];
        parts.next().is_some_and(|part| {
            if word.is_ascii() {
                part.eq_ignore_ascii_case(word)
            } else {
                part == normalize(word)
            }
        })
    }) && parts.next().is_none()
}

/// One probe of the word index per token (plus one per following word where a longer key
/// may start), with the word hashes the segmenter computed: word classes, capitalisation,
/// adjunct roles and every cue, title and body match, in token order.
fn lexical<'a>(tokens: &[Token], texts: &[&str], hashes: &[u64], lex: &'a Lexicons) -> Lexical<'a> {
    let index = &lex.word_index;
    let mut out = Lexical {
        flags: vec![0; tokens.len()],
        // (Room for the usual share of matches: a cue every 30 or so words of news text,
        // fewer titles and bodies.)
        cues: Vec::with_capacity(tokens.len() / 16),
        titles: Vec::with_capacity(tokens.len() / 32),
        bodies: Vec::with_capacity(tokens.len() / 32),
        adjuncts: vec![None; tokens.len()],
        capitalized_auxiliaries: Vec::new(),
    };
    let auxiliary = class_code(Some(WordClass::Auxiliary));
    let adjuncts = index.has_adjuncts();
    // (Every slice cut to one length, and the flags and roles taken out of `out`, so the
    // loop indexes them without bounds checks or reloads.)
    let n = tokens.len().min(texts.len()).min(hashes.len());
    let (tokens, texts, hashes) = (&tokens[..n], &texts[..n], &hashes[..n]);
    let mut flags = std::mem::take(&mut out.flags);
    let mut roles = std::mem::take(&mut out.adjuncts);
    let (flags_n, roles_n) = (&mut flags[..n], &mut roles[..n]);
    for k in 0..n {
        let (token, word) = (&tokens[k], texts[k]);
        let h = WordIndex::push_hash(WordIndex::start(), hashes[k]);
        if token.kind == TokenKind::Punct {
            if adjuncts {
                roles_n[k] = punct_adjunct_role(lex, word, h);
            }
            continue;
        }
        let entry = index.get(h);
        let mut class = entry.and_then(|e| e.class);
        // `administration's`: the class of the word without its possessive.
        if class.is_none() && word.as_bytes().last() == Some(&b's') {
            class = word
                .strip_suffix("'s")
                .or_else(|| word.strip_suffix("\u{2019}s"))
                .and_then(|stem| index.get(WordIndex::push_word(WordIndex::start(), stem)))
                .and_then(|e| e.class);
        }
        let mut flag = class_code(class);
        if token.kind == TokenKind::Word && is_capitalized_word(word) {
            flag |= CAPITALIZED;
            if flag & CLASS_BITS == auxiliary && k > 0 {
                out.capitalized_auxiliaries.push(k as u32);
            }
        }
        flags_n[k] = flag;
        // (A word with an adjunct role has an entry: its lower-case form is an ASCII key
        // entered in the index, which is also its normalised form.)
        let Some(entry) = entry else {
            continue;
        };
        // (Only an entry with a role can be a word's: a word whose lower-case form is an
        // adjunct has that key's hash, and that key's entry has its role. A non-ASCII word
        // gets it only with the Kelvin sign, as looked up.)
        if adjuncts && entry.adjunct.is_some() {
            roles_n[k] = if word.is_ascii() {
                index.adjunct_of(entry, word)
            } else {
                kelvin_adjunct_role(lex, word)
            };
        }
        if entry.cue.is_some() || entry.title.is_some() || entry.body.is_some() {
            push_values(&mut out, lex, entry, k, 1);
        }
        if !entry.continues {
            continue;
        }
        let mut h = h;
        for len in 2..=n - k {
            let last = k + len - 1;
            if tokens[last].kind == TokenKind::Punct && !matches!(texts[last], "-" | "'") {
                break;
            }
            h = WordIndex::push_hash(h, hashes[last]);
            let Some(e) = index.get(h) else { break };
            let has_value = e.cue.is_some() || e.title.is_some() || e.body.is_some();
            if has_value && confirms(index, e, texts, k, len) {
                push_values(&mut out, lex, e, k, len);
            }
            if !e.continues {
                break;
            }
        }
    }
    out.flags = flags;
    out.adjuncts = roles;
    out
}

/// True when `word` starts with an upper-case letter.
#[inline]
fn is_capitalized_word(word: &str) -> bool {
    match word.as_bytes().first() {
        Some(first) if first.is_ascii() => first.is_ascii_uppercase(),
        _ => word.chars().next().is_some_and(char::is_uppercase),
    }
}

/// The adjunct role of a punctuation token `word` (with [`WordIndex::has_adjuncts`]; `h`
/// is its key hash): an ASCII mark's from the index, as for words; other marks have none
/// unless they hold the Kelvin sign.
fn punct_adjunct_role(lex: &Lexicons, word: &str, h: u64) -> Option<AdjunctRole> {
    if word.is_ascii() {
        lex.word_index
            .get(h)
            .and_then(|e| lex.word_index.adjunct_of(e, word))
    } else {
        kelvin_adjunct_role(lex, word)
    }
}

/// The adjunct role of a non-ASCII token when every adjunct word is ASCII
/// ([`WordIndex::has_adjuncts`]): lower-casing makes no token ASCII unless it holds the
/// Kelvin sign (`\u{212A}` becomes `k`), which is looked up.
fn kelvin_adjunct_role(lex: &Lexicons, word: &str) -> Option<AdjunctRole> {
    if word.contains('\u{212A}') {
        looked_up_adjunct(lex, word)
    } else {
        None
    }
}

/// The role of `word` in `adjuncts.csv`: as written, else in lower case when it has an
/// upper-case ASCII letter.
fn looked_up_adjunct(lex: &Lexicons, word: &str) -> Option<AdjunctRole> {
    match lex.adjuncts.get(word) {
        Some(role) => Some(*role),
        None if word.bytes().any(|b| b.is_ascii_uppercase()) => {
            lex.adjuncts.get(&word.to_lowercase()).copied()
        }
        None => None,
    }
}

/// True when sentence `s` lies in a headline or sub-heading.
fn sentence_in_headline(seg: &Segmentation, s: usize) -> bool {
    seg.sentences
        .get(s)
        .and_then(|s| seg.paragraphs.get(s.paragraph))
        .is_some_and(|p| p.headline)
}

fn push_values<'a>(out: &mut Lexical<'a>, lex: &'a Lexicons, e: &IndexEntry, k: usize, n: usize) {
    let (k, n) = (k as u32, n.min(u8::MAX as usize) as u8);
    if let Some(i) = e.cue {
        out.cues.push((k, n, lex.cues.value(i)));
    }
    if let Some(i) = e.title {
        out.titles.push((k, n, lex.titles.value(i)));
    }
    if let Some(i) = e.body {
        out.bodies.push((k, n, lex.bodies.value(i)));
    }
}

impl<'a> Words<'a> {
    pub fn new(text: &'a str, seg: &'a Segmentation, lex: &'a Lexicons) -> Self {
        let tokens = &seg.tokens;
        // (Each token's slot written once, sentence by sentence.)
        let mut sentence = Vec::with_capacity(tokens.len());
        let mut sentence_ranges = Vec::with_capacity(seg.sentences.len());
        let mut k = 0;
        for (i, s) in seg.sentences.iter().enumerate() {
            // Tokens before the sentence belong to the one before it; then its own.
            let first = k + tokens[k..]
                .iter()
                .take_while(|t| t.span().start < s.span.start)
                .count();
            sentence.resize(first, i.saturating_sub(1) as u32);
            k = first
                + tokens[first..]
                    .iter()
                    .take_while(|t| t.span().end <= s.span.end)
                    .count();
            sentence.resize(k, i as u32);
            sentence_ranges.push((first, k));
        }
        sentence.resize(tokens.len(), seg.sentences.len().saturating_sub(1) as u32);
        // (A segmentation made by `segment` has the hashes; one built otherwise gets them.)
        let hashes = if seg.word_hashes.len() == tokens.len() {
            std::borrow::Cow::Borrowed(&seg.word_hashes[..])
        } else {
            std::borrow::Cow::Owned(crate::segment::word_hashes(text, tokens))
        };
        let texts: Vec<&'a str> = tokens.iter().map(|t| t.span().slice(text)).collect();
        let found = lexical(tokens, &texts, &hashes, lex);
        let mut flags = found.flags;
        // `Theresa May`, `…, Will described …`, `"…," Will said`: inside a sentence of
        // running text, a capitalised auxiliary after a word, a comma or a closing quotation
        // mark is a name, not a verb. (Headlines are
        // title-cased, and an auxiliary may open a quotation or a clause after a colon.)
        // (The lexical pass lists the capitalised auxiliaries after the first token.)
        for k in found.capitalized_auxiliaries.iter().map(|&k| k as usize) {
            if sentence[k] == sentence[k - 1]
                && (tokens[k - 1].kind == TokenKind::Word
                    || matches!(texts[k - 1], "," | "\"" | "\u{201D}"))
                && !sentence_in_headline(seg, sentence[k] as usize)
            {
                flags[k] &= !CLASS_BITS;
            }
        }
        Words {
            text,
            seg,
            tokens,
            lex,
            texts,
            cues: TokenMatches::new(found.cues, &mut flags, CUE_START),
            titles: TokenMatches::new(found.titles, &mut flags, TITLE_START),
            bodies: TokenMatches::new(found.bodies, &mut flags, BODY_START),
            adjuncts: found.adjuncts,
            flags,
            sentence,
            sentence_ranges,
        }
    }

    /// The text of token `k`.
    #[inline]
    pub fn word(&self, k: usize) -> &'a str {
        self.texts[k]
    }

    pub fn span(&self, k: usize) -> Span {
        self.tokens[k].span()
    }

    /// Byte span covering tokens `a..b` (non-empty range).
    pub fn range_span(&self, a: usize, b: usize) -> Span {
        Span::new(self.tokens[a].span().start, self.tokens[b - 1].span().end)
    }

    pub fn is_punct(&self, k: usize) -> bool {
        self.tokens[k].kind == TokenKind::Punct
    }

    /// True when token `k` is this punctuation mark. (A one-byte mark is compared with
    /// the token's [`Token::mark`], without reading the text.)
    #[inline]
    pub fn is(&self, k: usize, mark: &str) -> bool {
        match *mark.as_bytes() {
            [m] if m != 0 => self.tokens[k].mark() == m,
            _ => self.bytes(k) == mark.as_bytes(),
        }
    }

    /// The bytes of token `k` (comparisons need no char-boundary checks).
    #[inline]
    fn bytes(&self, k: usize) -> &'a [u8] {
        self.texts[k].as_bytes()
    }

    /// True for any quotation mark token.
    pub fn is_quote_mark(&self, k: usize) -> bool {
        let token = &self.tokens[k];
        token.kind == TokenKind::Punct
            && (token.mark() == b'"'
                || matches!(
                    self.bytes(k),
                    b"\xE2\x80\x9C" | b"\xE2\x80\x9D" | b"\xE2\x80\x9E" | b"\xC2\xAB" | b"\xC2\xBB"
                ))
    }

    /// The flag bits of token `k`; none past the last token, so a rule probing one token
    /// beyond a sentence or the text (`,,` at the end) sees a plain word, not a panic.
    #[inline]
    fn flag(&self, k: usize) -> u8 {
        self.flags.get(k).copied().unwrap_or(0)
    }

    /// Starts with an upper-case letter.
    pub fn is_capitalized(&self, k: usize) -> bool {
        self.flag(k) & CAPITALIZED != 0
    }

    /// The tokens among `from..to` that are the one-byte mark `mark` (not 0), in text
    /// order (or backwards with `rev`): what `(from..to).filter(|&k| w.is(k, ","))` gives,
    /// found by a search of the token marks of its own rather than a test per token inside
    /// the rules' loops.
    pub fn marks(&self, from: usize, to: usize, mark: u8) -> Marks<'a> {
        debug_assert!(mark != 0, "0 marks every longer token");
        let back = to.min(self.tokens.len());
        Marks {
            tokens: self.tokens,
            front: from.min(back),
            back,
            mark,
        }
    }

    /// The first token among `from..to` that equals `word` ignoring ASCII case, or `to`
    /// (at most the number of tokens, at least `from`) when there is none: a search of the
    /// token lengths and texts of its own for rules that look for one word.
    #[inline(never)]
    pub fn next_eq(&self, from: usize, to: usize, word: &str) -> usize {
        let to = to.min(self.texts.len());
        let Some(texts) = self.texts.get(from..to) else {
            return to.max(from);
        };
        let word = word.as_bytes();
        from + texts
            .iter()
            .position(|t| t.len() == word.len() && t.as_bytes().eq_ignore_ascii_case(word))
            .unwrap_or(texts.len())
    }

    /// The first capitalised token among `from..to`, or `to` when there is none. (Eight
    /// tokens' flags are tested at a time: most tokens are not capitalised.)
    pub fn next_capitalized(&self, from: usize, to: usize) -> usize {
        self.next_flagged(from, to, CAPITALIZED)
    }

    /// The first token among `from..to` where some cue starts (where [`Words::cue_at`] may
    /// find one), or `to` when there is none.
    pub fn next_cue_start(&self, from: usize, to: usize) -> usize {
        self.next_flagged(from, to, CUE_START)
    }

    /// The tokens among `from..to` where some cue starts, in order: the only tokens where
    /// [`Words::cue_at`] and the tests built on it (`according to`, reporting nouns) can
    /// find anything.
    pub fn cue_starts(&self, from: usize, to: usize) -> impl Iterator<Item = usize> + '_ {
        let mut k = from;
        std::iter::from_fn(move || {
            k = self.next_cue_start(k, to);
            (k < to.min(self.flags.len())).then(|| {
                k += 1;
                k - 1
            })
        })
    }

    /// The first token among `from..to` with flag `bit`, or `to` (at most the number of
    /// tokens, at least `from`) when there is none; eight tokens' flags at a time.
    fn next_flagged(&self, from: usize, to: usize, bit: u8) -> usize {
        let to = to.min(self.flags.len());
        let Some(flags) = self.flags.get(from..to) else {
            return to.max(from);
        };
        let each = 0x0101_0101_0101_0101 * u64::from(bit);
        let mut i = 0;
        while let Some(chunk) = flags.get(i..i + 8) {
            let set = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8])) & each;
            if set != 0 {
                return from + i + (set.trailing_zeros() / 8) as usize;
            }
            i += 8;
        }
        from + i + flags[i..].iter().take_while(|&&f| f & bit == 0).count()
    }

    /// Word equals `w`, ignoring ASCII case. (Lengths first: most tokens differ there.)
    #[inline]
    pub fn eq(&self, k: usize, w: &str) -> bool {
        self.tokens[k].len() == w.len() && self.bytes(k).eq_ignore_ascii_case(w.as_bytes())
    }

    pub fn class(&self, k: usize) -> Option<WordClass> {
        match self.flag(k) & CLASS_BITS {
            0 => None,
            code => CLASSES.get(code as usize - 1).copied(),
        }
    }

    /// What token `k` opens when it follows a cue (`adjuncts.csv`), if anything: the role
    /// of the word in lower case. When every adjunct word is ASCII
    /// ([`WordIndex::has_adjuncts`]) every token has it from [`Words::new`] (an ASCII
    /// token from its word index probe); otherwise the word is looked up.
    pub fn adjunct_role(&self, k: usize) -> Option<AdjunctRole> {
        if self.lex.word_index.has_adjuncts() {
            self.adjuncts[k]
        } else {
            looked_up_adjunct(self.lex, self.word(k))
        }
    }

    /// True when token `k` labels a line without naming a speaker (`UPDATE`, `EXCLUSIVE`:
    /// `heading_labels.csv`).
    pub fn is_heading_label(&self, k: usize) -> bool {
        self.lex.heading_labels.contains(self.word(k))
    }

    /// True when token `k` is a word that ends organisation names (`organization_words.csv`:
    /// `Association`, `Bank`, `Council`).
    pub fn is_organization_word(&self, k: usize) -> bool {
        self.lex.organization_words.contains(self.word(k))
    }

    /// `"The X-Files"`, `"Monday Night Baseball"`: words `a..b` in title case, which in
    /// quotation marks name a work, show or group that nobody says.
    pub fn is_title_case(&self, a: usize, b: usize) -> bool {
        let mut capitalized = 0;
        for k in a..b {
            if self.is_punct(k) {
                continue;
            }
            if self.is_capitalized(k) {
                capitalized += 1;
            } else if !matches!(
                self.class(k),
                Some(WordClass::Determiner | WordClass::Preposition)
            ) && !matches!(self.word(k), "and" | "or")
            {
                return false;
            }
        }
        capitalized > 0
    }

    /// `Monday`, `yesterday`, `earlier`, `evening`: a time word (`adjuncts.csv`).
    pub fn is_time_word(&self, k: usize) -> bool {
        self.adjunct_role(k) == Some(AdjunctRole::Time)
    }

    /// A four-digit number (`2010`): a year in a time phrase (`who in 2010 said`).
    pub fn is_year(&self, k: usize) -> bool {
        let s = self.word(k);
        s.len() == 4 && s.bytes().all(|b| b.is_ascii_digit())
    }

    /// Ends in a possessive `'s`.
    pub fn is_possessive(&self, k: usize) -> bool {
        let s = self.word(k);
        s.ends_with("'s") || s.ends_with("\u{2019}s")
    }

    /// `his`, `her`, `its`, `their`: a possessive determiner that refers back to a speaker
    /// (`his call for …`).
    pub fn is_possessive_determiner(&self, k: usize) -> bool {
        self.eq_any(k, &["his", "her", "its", "their"])
    }

    /// True when the word equals one of `words` ignoring ASCII case (what comparing its
    /// `to_ascii_lowercase()` with lower-case `words` tells, without allocating a copy).
    #[inline]
    pub fn eq_any(&self, k: usize, words: &[&str]) -> bool {
        let word = self.bytes(k);
        words
            .iter()
            .any(|w| word.eq_ignore_ascii_case(w.as_bytes()))
    }

    /// A possessive noun (`Austin's`), not a pronoun contraction (`he's`): a phrase ending
    /// in one owns what follows rather than being its subject.
    pub fn is_possessive_noun(&self, k: usize) -> bool {
        self.is_possessive(k) && !self.is_pronoun(k)
    }

    pub fn is_pronoun(&self, k: usize) -> bool {
        matches!(
            self.class(k),
            Some(WordClass::PronounPerson | WordClass::PronounThing | WordClass::PronounGroup)
        )
    }

    /// `wouldn't`, `didn’t`, `won't`: an auxiliary with its negation in one token.
    pub fn is_negated_auxiliary(&self, k: usize) -> bool {
        let word = self.word(k);
        let Some(stem) = word
            .strip_suffix("n't")
            .or_else(|| word.strip_suffix("n\u{2019}t"))
        else {
            return false;
        };
        // `won't` and `can't` lose letters of their auxiliary.
        let auxiliary = |stem: &str| {
            matches!(stem, "wo" | "ca")
                || self.lex.function_words.get(stem) == Some(&WordClass::Auxiliary)
        };
        if stem.bytes().any(|b| b.is_ascii_uppercase()) {
            auxiliary(&stem.to_ascii_lowercase())
        } else {
            auxiliary(stem)
        }
    }

    /// The longest cue starting at token `k` and ending before `limit`. A capitalised word
    /// inside a sentence is a name (`the United States`), not a cue.
    /// (The rules ask this of most tokens of a sentence with a cue, and few start one: the
    /// flag test is inlined into them, the rest is [`Words::cue_starting_at`].)
    #[inline]
    pub fn cue_at(&self, k: usize, limit: usize) -> Option<(&'a Cue, usize)> {
        if k >= limit || self.flag(k) & CUE_START == 0 {
            return None;
        }
        self.cue_starting_at(k, limit)
    }

    /// [`Words::cue_at`] for a token where some cue starts.
    #[inline(never)]
    fn cue_starting_at(&self, k: usize, limit: usize) -> Option<(&'a Cue, usize)> {
        if self.is_capitalized(k) && !self.starts_sentence(k) && !self.in_headline(k) {
            return None;
        }
        self.cues.longest(k, limit)
    }

    /// True when some cue of the lexicon starts among tokens `a..b`: a cheap test that lets
    /// the rules skip the many sentences without one.
    pub fn any_cue_start(&self, a: usize, b: usize) -> bool {
        self.next_cue_start(a, b) < b.min(self.flags.len())
    }

    /// A speech cue (reporting verb, noun or phrase; not a belief verb) at `k`.
    pub fn speech_cue_at(&self, k: usize, limit: usize) -> Option<(&'a Cue, usize)> {
        self.cue_at(k, limit)
            .filter(|(c, _)| c.kind != CueKind::Belief)
    }

    /// A reporting verb at `k`: one verb, or a phrase that starts with one (`told
    /// reporters`, `said in a statement`), not `according to` or `in a statement`.
    /// (Its first test, that some cue starts at `k`, is inlined as in [`Words::cue_at`].)
    #[inline]
    pub fn verb_cue_at(&self, k: usize, limit: usize) -> Option<(&'a Cue, usize)> {
        if k >= limit || self.flag(k) & CUE_START == 0 {
            return None;
        }
        self.verb_cue_starting_at(k, limit)
    }

    /// [`Words::verb_cue_at`] for a token where some cue starts.
    #[inline(never)]
    fn verb_cue_starting_at(&self, k: usize, limit: usize) -> Option<(&'a Cue, usize)> {
        let found = self.cue_at(k, limit).filter(|(c, _)| match c.kind {
            CueKind::Verb | CueKind::Event => true,
            CueKind::Phrase => {
                self.class(k) != Some(WordClass::Preposition) && !self.eq(k, "according")
            }
            _ => false,
        })?;
        // `the report said`, `his claim`: after an article the word is a noun.
        if self.after_article(k) {
            return None;
        }
        // `the congressional report said`: a cue right before a reporting verb is its subject.
        if k + 1 < limit
            && self
                .cue_at(k + 1, limit)
                .is_some_and(|(c, _)| c.kind == CueKind::Verb && c.strength >= 0.9)
        {
            return None;
        }
        Some(found)
    }

    /// True when token `k` follows an article or possessive determiner (`the`, `his`, not a
    /// quantifier that can stand alone like `some` or `one`): a word there is a noun.
    fn after_article(&self, k: usize) -> bool {
        k > 0
            && self.class(k - 1) == Some(WordClass::Determiner)
            && !super::speaker::is_quantifier_pronoun(self, k - 1)
            && !self.eq_any(
                k - 1,
                &["one", "two", "three", "each", "another", "any", "this"],
            )
    }

    /// The country or organisation of a possessive word (`Brazil's`).
    pub fn possessive_body(&self, k: usize) -> Option<&'a Body> {
        let word = self.word(k);
        let stem = word
            .strip_suffix("'s")
            .or_else(|| word.strip_suffix("\u{2019}s"))?;
        let entry = self
            .lex
            .word_index
            .get(WordIndex::push_word(WordIndex::start(), stem))?;
        entry.body.map(|i| self.lex.bodies.value(i))
    }

    /// The longest title or role starting at `k` within `limit`.
    #[inline]
    pub fn title_at(&self, k: usize, limit: usize) -> Option<(&'a Title, usize)> {
        if k >= limit || self.flag(k) & TITLE_START == 0 {
            return None;
        }
        self.titles.longest(k, limit)
    }

    /// The longest country or organisation name starting at `k` within `limit`.
    pub fn body_at(&self, k: usize, limit: usize) -> Option<(&'a Body, usize)> {
        if k >= limit || self.flag(k) & BODY_START == 0 {
            return None;
        }
        self.bodies.longest(k, limit).filter(|(_, n)| {
            // Short all-lower-case aliases (`us`, `un`, `ap`) only count when written in capitals.
            *n > 1 || self.word(k).len() > 3 || self.is_capitalized(k)
        })
    }

    /// True when token `k` lies in a headline or sub-heading (title case: `Bush Says …`).
    pub fn in_headline(&self, k: usize) -> bool {
        sentence_in_headline(self.seg, self.sentence[k] as usize)
    }

    /// True when token `k` is the first word of its sentence (after any opening marks).
    pub fn starts_sentence(&self, k: usize) -> bool {
        let (a, _) = self.sentence_tokens(self.sentence[k] as usize);
        (a..k).all(|j| self.is_punct(j))
    }

    /// Index of the sentence containing token `k`.
    pub fn sentence_of(&self, k: usize) -> usize {
        self.sentence[k] as usize
    }

    /// Token index range of sentence `s`.
    pub fn sentence_tokens(&self, s: usize) -> (usize, usize) {
        self.sentence_ranges.get(s).copied().unwrap_or((0, 0))
    }

    /// True when token `k` lies inside the quotation marks of a quote fragment (the quoted
    /// speaker's words, not the writer's).
    pub fn in_quotation(&self, k: usize) -> bool {
        let pos = self.span(k).start;
        let quotes = &self.seg.quotes;
        let after = quotes.partition_point(|q| q.outer.start <= pos);
        // Quotations in text order: only the few opened last before `pos` can hold it.
        quotes[..after].iter().rev().take(4).any(|q| {
            q.fragments
                .iter()
                .any(|f| f.content.start <= pos && pos < f.content.end)
        })
    }

    /// Index of the first token starting at or after byte `pos`.
    pub fn token_at_or_after(&self, pos: usize) -> usize {
        self.tokens.partition_point(|t| t.span().start < pos)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::segment;
    use crate::Document;

    /// Every class's code is one more than its place in `CLASSES` and fits the flag bits,
    /// so `class()` decodes what `class_code` encoded.
    #[test]
    fn class_codes_follow_the_class_table() {
        assert_eq!(class_code(None), 0);
        for (i, &c) in CLASSES.iter().enumerate() {
            assert_eq!(class_code(Some(c)) as usize, i + 1, "{c:?}");
            assert!(class_code(Some(c)) <= CLASS_BITS);
        }
    }

    /// The role of `word` in `adjuncts.csv`: as written, else in lower case when it has an
    /// upper-case ASCII letter.
    fn looked_up(lex: &Lexicons, word: &str) -> Option<AdjunctRole> {
        lex.adjuncts
            .get(word)
            .or_else(|| {
                word.bytes()
                    .any(|b| b.is_ascii_uppercase())
                    .then(|| lex.adjuncts.get(&word.to_lowercase()))
                    .flatten()
            })
            .copied()
    }

    #[test]
    fn indexed_adjunct_roles_equal_the_lookup() {
        let lex = Lexicons::embedded();
        assert!(lex.word_index.has_adjuncts());
        let text = "On Monday, MONDAY and monday he said on Tuesday with a smile about \
                    Müller's ÉTÉ plans, Yesterday's vote and ABOUT-face; later, Earlier: \
                    \u{201C}Why?\u{201D} he asked repeatedly in 2010 \u{2014} or \
                    wee\u{212A}end, WEE\u{212A}END, \u{212A}, ..., -- and ON Trump\u{2019}s WEEKEND.";
        let doc = Document::new("t", text);
        let seg = segment(&doc, lex);
        let w = Words::new(&doc.text, &seg, lex);
        let mut roles = 0;
        for k in 0..seg.tokens.len() {
            let expected = looked_up(lex, w.word(k));
            assert_eq!(w.adjunct_role(k), expected, "token {k} `{}`", w.word(k));
            roles += usize::from(expected.is_some());
        }
        assert!(roles >= 8, "{roles} tokens with a role");
    }

    /// `is`, `eq` and `is_quote_mark`, which read token marks and lengths first, answer
    /// as comparisons of the token's text do.
    #[test]
    fn mark_tests_equal_text_comparisons() {
        let lex = Lexicons::embedded();
        let text = "\"A\u{201C}b,\u{201D} c: (d) \u{00AB}e\u{00BB} \u{201E}f' g - h; <i> ... . \
                    ASKED asked a I \u{2018}j\u{2019} k\u{0000}l, \u{2014} Mr. U.S. x\"";
        let doc = Document::new("t", text);
        let seg = segment(&doc, lex);
        let w = Words::new(&doc.text, &seg, lex);
        let marks = [
            ",", ".", ":", "(", ")", "<", ">", "-", ";", "\"", "'", "a", "I", "\u{0000}", "...",
            "\u{201C}", "\u{2014}", "asked", "Mr.",
        ];
        for k in 0..seg.tokens.len() {
            let word = w.word(k);
            for m in marks {
                assert_eq!(w.is(k, m), word == m, "token {k} `{word}` is `{m}`");
                assert_eq!(
                    w.eq(k, m),
                    word.eq_ignore_ascii_case(m),
                    "token {k} `{word}` eq `{m}`"
                );
            }
            let quote = w.is_punct(k)
                && matches!(
                    word,
                    "\"" | "\u{201C}" | "\u{201D}" | "\u{201E}" | "\u{00AB}" | "\u{00BB}"
                );
            assert_eq!(w.is_quote_mark(k), quote, "token {k} `{word}`");
        }
    }

    /// `eq_any` answers as comparing the lower-cased copy with lower-case words does.
    #[test]
    fn eq_any_equals_comparing_lower_case_copies() {
        let lex = Lexicons::embedded();
        let text = "His HER its Their theirs hi \u{212A}its \u{00C9}t\u{00E9} one ONE another.";
        let doc = Document::new("t", text);
        let seg = segment(&doc, lex);
        let w = Words::new(&doc.text, &seg, lex);
        let words = [
            "his",
            "her",
            "its",
            "their",
            "one",
            "another",
            "\u{00E9}t\u{00E9}",
        ];
        for k in 0..seg.tokens.len() {
            let lower = w.word(k).to_ascii_lowercase();
            assert_eq!(
                w.eq_any(k, &words),
                words.contains(&lower.as_str()),
                "{lower}"
            );
        }
    }

    /// `next_capitalized` finds what a token-by-token search finds, from any start.
    #[test]
    fn next_capitalized_equals_a_linear_search() {
        let lex = Lexicons::embedded();
        let text = "the Bank of England said on Monday that a B c d e f g h i j k l m n o p \
                    q r s t u v w X y z and \u{00C9}tienne said it, Ms. Li added.";
        let doc = Document::new("t", text);
        let seg = segment(&doc, lex);
        let w = Words::new(&doc.text, &seg, lex);
        let n = seg.tokens.len();
        for from in 0..=n + 2 {
            for to in [from, from + 3, n, n + 5] {
                let to_n = to.min(n);
                let expected = (from..to_n)
                    .find(|&k| w.is_capitalized(k))
                    .unwrap_or(to_n.max(from));
                assert_eq!(w.next_capitalized(from, to), expected, "{from}..{to}");
            }
        }
    }

    /// `marks` gives the commas (or colons) a filter of every token gives, both ways.
    #[test]
    fn marks_equal_a_filter_of_every_token() {
        let lex = Lexicons::embedded();
        let text = "A, b, c: d , e,, f \"g,\" h: i, 1,000 and j.";
        let doc = Document::new("t", text);
        let seg = segment(&doc, lex);
        let w = Words::new(&doc.text, &seg, lex);
        let n = seg.tokens.len();
        for (mark, s) in [(b',', ","), (b':', ":")] {
            for from in 0..=n {
                for to in from..=n {
                    let expected: Vec<usize> = (from..to).filter(|&k| w.is(k, s)).collect();
                    assert_eq!(w.marks(from, to, mark).collect::<Vec<_>>(), expected);
                    let mut back: Vec<usize> = w.marks(from, to, mark).rev().collect();
                    back.reverse();
                    assert_eq!(back, expected);
                }
            }
        }
    }

    /// `cue_starts` lists the tokens where `cue_at` can find a cue, and `next_cue_start`
    /// the first of them, from any start.
    #[test]
    fn cue_starts_hold_every_cue() {
        let lex = Lexicons::embedded();
        let text = "According to officials, the senator said on Monday that his claim was \
                    true, and she told reporters she believes it, aides added, per the report.";
        let doc = Document::new("t", text);
        let seg = segment(&doc, lex);
        let w = Words::new(&doc.text, &seg, lex);
        let n = seg.tokens.len();
        assert!(w.cue_starts(0, n).count() >= 5);
        for from in 0..=n {
            for to in [from, from + 4, n] {
                let starts: Vec<usize> = w.cue_starts(from, to).collect();
                let expected: Vec<usize> = (from..to.min(n))
                    .filter(|&k| w.any_cue_start(k, k + 1))
                    .collect();
                assert_eq!(starts, expected, "{from}..{to}");
                assert_eq!(
                    w.next_cue_start(from, to),
                    expected.first().copied().unwrap_or(to.min(n).max(from))
                );
                for k in from..to.min(n) {
                    if !starts.contains(&k) {
                        assert!(w.cue_at(k, n).is_none(), "{k}");
                    }
                }
            }
        }
    }

    /// `next_eq` finds what a token-by-token `eq` finds; `any_cue_start` answers as a
    /// test of every token's flag does.
    #[test]
    fn word_and_cue_searches_equal_token_by_token_tests() {
        let lex = Lexicons::embedded();
        let text = "When asked, he said ASKED Asked. She was asked whether it was asked; no.";
        let doc = Document::new("t", text);
        let seg = segment(&doc, lex);
        let w = Words::new(&doc.text, &seg, lex);
        let n = seg.tokens.len();
        for from in 0..=n + 1 {
            for to in [from, from + 2, n, n + 3] {
                let expected = (from..to.min(n))
                    .find(|&k| w.eq(k, "asked"))
                    .unwrap_or(to.min(n).max(from));
                assert_eq!(w.next_eq(from, to, "asked"), expected, "{from}..{to}");
                let any = (from..to.min(n)).any(|k| w.flag(k) & CUE_START != 0);
                assert_eq!(w.any_cue_start(from, to), any, "{from}..{to}");
            }
        }
    }

    #[test]
    fn only_the_kelvin_sign_lower_cases_to_ascii() {
        let to_ascii: Vec<char> = (0..=u32::from(char::MAX))
            .filter_map(char::from_u32)
            .filter(|c| !c.is_ascii() && c.to_lowercase().all(|l| l.is_ascii()))
            .collect();
        assert_eq!(to_ascii, ['\u{212A}']);
    }
}
