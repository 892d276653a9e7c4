//! Language knowledge as data: the files in `lexicons/`, embedded as defaults and
//! replaceable file by file with `--lexicons DIR`.
//!
//! Every file is plain text with `#` comments. A malformed line is a [`LexiconError`] naming
//! the file and the 1-based line number.

mod abbreviations;
mod attribution;
mod dictionary;
mod elisions;
mod source;
mod stance;
mod table;
mod user;
mod word_index;

pub use abbreviations::Abbreviations;
pub use attribution::{
    normalize, push_normalized, AdjunctRole, Body, Cue, CueKind, PhraseMap, Title, TitleKind,
    WordClass,
};
pub use dictionary::Dictionary;
pub use elisions::Elisions;
pub use source::{DataLine, LexiconError, LexiconFile};
pub use stance::{parse_weight, Dimension, ModifierKind, StanceEntry, StanceLexicon, MAX_WEIGHT};
pub use user::{add_user_lexicon, UserLexicon};
pub use word_index::{IndexEntry, WordIndex};

use once_cell::sync::Lazy;
use std::path::Path;

/// All lexicons the pipeline uses, parsed once and shared read-only by every thread.
#[derive(Debug)]
pub struct Lexicons {
    pub abbreviations: Abbreviations,
    pub elisions: Elisions,
    /// Reporting verbs, nouns and phrases (`cues.csv`).
    pub cues: PhraseMap<Cue>,
    /// Titles and roles (`titles.csv`).
    pub titles: PhraseMap<Title>,
    /// Countries, blocs and organisations (`affiliations.csv` + `organizations.csv`).
    pub bodies: PhraseMap<Body>,
    /// Closed-class words (`function_words.csv`).
    pub function_words: rustc_hash::FxHashMap<String, WordClass>,
    /// Time words and prepositions that open an adjunct after a cue (`adjuncts.csv`).
    pub adjuncts: rustc_hash::FxHashMap<String, AdjunctRole>,
    /// Last words of organisation names (`Association`, `Bank`: `organization_words.csv`).
    pub organization_words: rustc_hash::FxHashSet<String>,
    /// Labels that open a line before a colon without naming a speaker (`UPDATE:`,
    /// `CORRECTION:`: `heading_labels.csv`).
    pub heading_labels: rustc_hash::FxHashSet<String>,
    /// Every word-level entry above in one hash table, for one probe per token.
    pub word_index: WordIndex,
    /// Stance terms and modifiers (`tone.csv`, `conflict.csv`, `certainty.csv`,
    /// `modifiers.csv`).
    pub stance: StanceLexicon,
}

static EMBEDDED: Lazy<Lexicons> = Lazy::new(|| {
    Lexicons::load(None).unwrap_or_else(|e| panic!("embedded lexicon is malformed: {e}"))
});

impl Lexicons {
    /// The lexicons compiled into the binary (parsed on first use, then shared).
    pub fn embedded() -> &'static Lexicons {
        &EMBEDDED
    }

    /// Loads the lexicons like [`Lexicons::load`], then adds user stance lexicons.
    pub fn load_with(dir: Option<&Path>, user: &[UserLexicon]) -> Result<Lexicons, LexiconError> {
        let mut lex = Lexicons::load(dir)?;
        for u in user {
            add_user_lexicon(&mut lex.stance, u)?;
        }
        Ok(lex)
    }

    /// Loads the lexicons, taking each file from `dir` when it holds one and from the
    /// embedded defaults otherwise.
    pub fn load(dir: Option<&Path>) -> Result<Lexicons, LexiconError> {
        // The stance lexicons (two thirds of the work: 10,000 weighted terms) are parsed
        // on a thread of their own while this one parses the attribution lexicons. Both
        // results are awaited and checked in file order, so a malformed file gives the
        // same error as a sequential load would.
        std::thread::scope(|scope| {
            let stance = scope.spawn(|| Lexicons::load_stance(dir));
            let rest = Lexicons::load_attribution(dir);
            let stance = match stance.join() {
                Ok(stance) => stance,
                Err(panic) => std::panic::resume_unwind(panic),
            };
            let mut lex = rest?;
            lex.stance = stance?;
            Ok(lex)
        })
    }

    /// Every lexicon but the stance ones (left empty), with the word index built.
    fn load_attribution(dir: Option<&Path>) -> Result<Lexicons, LexiconError> {
        let mut lex = Lexicons {
            abbreviations: Abbreviations::parse(&LexiconFile::open(dir, "abbreviations.txt")?)?,
            elisions: Elisions::parse(&LexiconFile::open(dir, "elisions.txt")?)?,
            cues: attribution::parse_cues(&LexiconFile::open(dir, "cues.csv")?)?,
            titles: attribution::parse_titles(&LexiconFile::open(dir, "titles.csv")?)?,
            bodies: attribution::parse_bodies(
                &LexiconFile::open(dir, "affiliations.csv")?,
                &LexiconFile::open(dir, "organizations.csv")?,
            )?,
            function_words: attribution::parse_function_words(&LexiconFile::open(
                dir,
                "function_words.csv",
            )?)?,
            adjuncts: attribution::parse_adjuncts(&LexiconFile::open(dir, "adjuncts.csv")?)?,
            organization_words: attribution::parse_word_list(&LexiconFile::open(
                dir,
                "organization_words.csv",
            )?)?,
            heading_labels: attribution::parse_word_list(&LexiconFile::open(
                dir,
                "heading_labels.csv",
            )?)?,
            word_index: WordIndex::default(),
            stance: StanceLexicon::default(),
        };
        lex.word_index = WordIndex::build(
            &lex.function_words,
            &lex.cues,
            &lex.titles,
            &lex.bodies,
            &lex.adjuncts,
        );
        Ok(lex)
    }

    /// The stance lexicons: the three weighted dimensions, then the modifiers.
    fn load_stance(dir: Option<&Path>) -> Result<StanceLexicon, LexiconError> {
        let mut stance = StanceLexicon::default();
        stance.add_weights(&LexiconFile::open(dir, "tone.csv")?, Dimension::Tone)?;
        stance.add_weights(
            &LexiconFile::open(dir, "conflict.csv")?,
            Dimension::Conflict,
        )?;
        stance.add_weights(
            &LexiconFile::open(dir, "certainty.csv")?,
            Dimension::Certainty,
        )?;
        stance.add_modifiers(&LexiconFile::open(dir, "modifiers.csv")?)?;
        Ok(stance)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_lexicons_parse() {
        let lex = Lexicons::embedded();
        assert!(lex.abbreviations.is_abbreviation("Mr."));
        assert!(lex.elisions.contains("'n'"));
        assert_eq!(lex.cues.get("said").map(|c| c.lemma.as_str()), Some("say"));
        assert!(lex.cues.get("according to").is_some());
        assert!(lex.titles.get("spokesperson").is_some());
        assert_eq!(
            lex.bodies
                .get("pentagon")
                .and_then(|b| b.affiliation.as_deref()),
            Some("United States")
        );
        assert_eq!(
            lex.bodies.get("chinese").map(|b| b.canonical.as_str()),
            Some("China")
        );
    }

    /// Loads the lexicons with one file, `name`, replaced by `contents`.
    fn load_with_file(name: &str, contents: &str) -> Result<Lexicons, LexiconError> {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(name), contents).unwrap();
        Lexicons::load(Some(dir.path()))
    }

    #[test]
    fn bad_csv_lexicon_line_names_file_and_line() {
        let cues = "# cues\nform,lemma,type,strength,object\n\
                    said,say,verb,1.0,\nwarned,warn,verb,high,addressee\n";
        let err = load_with_file("cues.csv", cues).unwrap_err().to_string();
        assert!(err.contains("cues.csv:4"), "{err}");
    }

    #[test]
    fn cue_objects_mark_verbs_that_take_the_listener() {
        let lex = Lexicons::load(None).unwrap();
        let told = lex.cues.get("told").unwrap();
        assert!(told.takes_addressee);
        assert!(!lex.cues.get("said").unwrap().takes_addressee);
        assert!(lex.cues.get("read").unwrap().takes_work);
        assert!(!lex.cues.get("said").unwrap().takes_work);

        let err = load_with_file(
            "cues.csv",
            "form,lemma,type,strength,object\nsaid,say,verb,1.0,\nwarned,warn,verb,0.8,listener\n",
        )
        .unwrap_err()
        .to_string();
        assert!(
            err.contains("cues.csv:3") && err.contains("listener"),
            "{err}"
        );
    }

    #[test]
    fn directory_overrides_one_file_and_keeps_the_others() {
        let lex = load_with_file("abbreviations.txt", "# mine\nZz.\n").unwrap();
        assert!(lex.abbreviations.is_abbreviation("Zz."));
        assert!(!lex.abbreviations.is_abbreviation("Mr."));
        assert!(lex.elisions.contains("'em"));
    }

    #[test]
    fn sentence_openers_come_from_the_abbreviations_file() {
        let lex = Lexicons::load(None).unwrap();
        assert!(lex.abbreviations.is_sentence_opener("The"));
        assert!(!lex.abbreviations.is_sentence_opener("Navy"));

        let lex = load_with_file("abbreviations.txt", "U.S. may_end\nNavy opener\n").unwrap();
        assert!(lex.abbreviations.is_sentence_opener("Navy"));
        assert!(!lex.abbreviations.is_sentence_opener("The"));
        assert!(!lex.abbreviations.is_abbreviation("Navy"));
    }

    #[test]
    fn organization_words_match_as_written_in_news() {
        let lex = Lexicons::embedded();
        for form in ["association", "Association", "ASSOCIATION"] {
            assert!(lex.organization_words.contains(form), "{form}");
        }
        assert!(!lex.organization_words.contains("Tuesday"));
        let lex = load_with_file("organization_words.csv", "word\nCooperative\n").unwrap();
        assert!(lex.organization_words.contains("Cooperative"));
        assert!(!lex.organization_words.contains("Association"));
        let err = load_with_file("organization_words.csv", "term\nbank\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("organization_words.csv:1"), "{err}");
    }

    #[test]
    fn adjunct_roles_come_from_adjuncts_csv() {
        let lex = Lexicons::load(None).unwrap();
        assert_eq!(lex.adjuncts.get("monday"), Some(&AdjunctRole::Time));
        assert_eq!(lex.adjuncts.get("with"), Some(&AdjunctRole::Circumstance));
        assert_eq!(lex.adjuncts.get("that"), None);

        let err = load_with_file("adjuncts.csv", "word,role\nmonday,time\nsoon,someday\n")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("adjuncts.csv:3") && err.contains("someday"),
            "{err}"
        );
    }

    #[test]
    fn malformed_line_names_file_and_line() {
        let err = load_with_file("abbreviations.txt", "Mr.\n\nDr. sometimes\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("abbreviations.txt:3"), "{err}");
    }
}
