//! Reading lexicon files: embedded defaults or a user directory, comments stripped,
//! line numbers kept for error messages.

use std::path::{Path, PathBuf};
use thiserror::Error;

/// A lexicon problem, always naming the file and (when it is about content) the line.
#[derive(Debug, Error)]
pub enum LexiconError {
    #[error("{file}:{line}: {message}")]
    Malformed {
        file: String,
        line: usize,
        message: String,
    },
    #[error("cannot read lexicon {}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// The text of one lexicon file together with the name used in error messages.
pub struct LexiconFile {
    /// `lexicons/NAME` for embedded files, the full path for user files.
    pub display_name: String,
    pub text: String,
}

/// One non-comment, non-blank line of a lexicon file.
#[derive(Debug, Clone, Copy)]
pub struct DataLine<'a> {
    /// 1-based line number in the file.
    pub number: usize,
    /// The line without its comment and surrounding whitespace.
    pub content: &'a str,
}

/// The default lexicons, compiled into the binary.
fn embedded(name: &str) -> Option<&'static str> {
    Some(match name {
        "abbreviations.txt" => include_str!("../../lexicons/abbreviations.txt"),
        "elisions.txt" => include_str!("../../lexicons/elisions.txt"),
        "cues.csv" => include_str!("../../lexicons/cues.csv"),
        "titles.csv" => include_str!("../../lexicons/titles.csv"),
        "affiliations.csv" => include_str!("../../lexicons/affiliations.csv"),
        "organizations.csv" => include_str!("../../lexicons/organizations.csv"),
        "function_words.csv" => include_str!("../../lexicons/function_words.csv"),
        "adjuncts.csv" => include_str!("../../lexicons/adjuncts.csv"),
        "organization_words.csv" => include_str!("../../lexicons/organization_words.csv"),
        "heading_labels.csv" => include_str!("../../lexicons/heading_labels.csv"),
        "tone.csv" => include_str!("../../lexicons/tone.csv"),
        "conflict.csv" => include_str!("../../lexicons/conflict.csv"),
        "certainty.csv" => include_str!("../../lexicons/certainty.csv"),
        "modifiers.csv" => include_str!("../../lexicons/modifiers.csv"),
        _ => return None,
    })
}

impl LexiconFile {
    /// The file `name` from `dir` when present there, else the embedded default.
    pub fn open(dir: Option<&Path>, name: &str) -> Result<LexiconFile, LexiconError> {
        if let Some(dir) = dir {
            let path = dir.join(name);
            if path.exists() {
                let text = std::fs::read_to_string(&path).map_err(|source| LexiconError::Io {
                    path: path.clone(),
                    source,
                })?;
                return Ok(LexiconFile {
                    display_name: path.display().to_string(),
                    text,
                });
            }
        }
        let text = embedded(name).ok_or_else(|| LexiconError::Malformed {
            file: name.to_string(),
            line: 0,
            message: "no such lexicon is known".to_string(),
        })?;
        Ok(LexiconFile {
            display_name: format!("lexicons/{name}"),
            text: text.to_string(),
        })
    }

    /// Data lines: comments (`#` to end of line) and blank lines removed.
    pub fn lines(&self) -> impl Iterator<Item = DataLine<'_>> {
        self.text.lines().enumerate().filter_map(|(i, raw)| {
            // memchr: `str::find` pays a searcher set-up on every short line.
            let content = match memchr::memchr(b'#', raw.as_bytes()) {
                Some(pos) => &raw[..pos],
                None => raw,
            }
            .trim();
            (!content.is_empty()).then_some(DataLine {
                number: i + 1,
                content,
            })
        })
    }

    /// An error about `line` of this file.
    pub fn error(&self, line: usize, message: impl Into<String>) -> LexiconError {
        LexiconError::Malformed {
            file: self.display_name.clone(),
            line,
            message: message.into(),
        }
    }
}
