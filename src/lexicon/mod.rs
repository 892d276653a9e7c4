//! Language knowledge as data: the files in `lexicons/`, embedded as defaults and
//! replaceable file by file with `--lexicons DIR`.
//!
//! Every file is plain text with `#` comments. A malformed line is a [`LexiconError`] naming
//! the file and the 1-based line number.

mod abbreviations;
mod elisions;
mod source;

pub use abbreviations::Abbreviations;
pub use elisions::Elisions;
pub use source::{DataLine, LexiconError, LexiconFile};

use once_cell::sync::Lazy;
use std::path::Path;

/// All lexicons the pipeline uses, parsed once and shared read-only by every thread.
#[derive(Debug)]
pub struct Lexicons {
    pub abbreviations: Abbreviations,
    pub elisions: Elisions,
}

static EMBEDDED: Lazy<Lexicons> = Lazy::new(|| {
    Lexicons::load(None).unwrap_or_else(|e| panic!("embedded lexicon is malformed: {e}"))
});

impl Lexicons {
    /// The lexicons compiled into the binary (parsed on first use, then shared).
    pub fn embedded() -> &'static Lexicons {
        &EMBEDDED
    }

    /// Loads the lexicons, taking each file from `dir` when it holds one and from the
    /// embedded defaults otherwise.
    pub fn load(dir: Option<&Path>) -> Result<Lexicons, LexiconError> {
        Ok(Lexicons {
            abbreviations: Abbreviations::parse(&LexiconFile::open(dir, "abbreviations.txt")?)?,
            elisions: Elisions::parse(&LexiconFile::open(dir, "elisions.txt")?)?,
        })
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
    }

    #[test]
    fn directory_overrides_one_file_and_keeps_the_others() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("abbreviations.txt"), "# mine\nZz.\n").unwrap();
        let lex = Lexicons::load(Some(dir.path())).unwrap();
        assert!(lex.abbreviations.is_abbreviation("Zz."));
        assert!(!lex.abbreviations.is_abbreviation("Mr."));
        assert!(lex.elisions.contains("'em"));
    }

    #[test]
    fn malformed_line_names_file_and_line() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("abbreviations.txt"),
            "Mr.\n\nDr. sometimes\n",
        )
        .unwrap();
        let err = Lexicons::load(Some(dir.path())).unwrap_err().to_string();
        assert!(err.contains("abbreviations.txt:3"), "{err}");
    }
}
