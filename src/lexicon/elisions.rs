//! Words written with a leading apostrophe (`'em`, `'n'`), which are not opening quotes.

use super::{LexiconError, LexiconFile};
use std::collections::HashSet;

/// Lower-case elided forms, with straight apostrophes.
#[derive(Debug, Default)]
pub struct Elisions {
    words: HashSet<String>,
}

impl Elisions {
    /// Parses one elided form per line, beginning with an apostrophe.
    pub fn parse(file: &LexiconFile) -> Result<Self, LexiconError> {
        let mut words = HashSet::new();
        for line in file.lines() {
            let word = line.content;
            if !word.starts_with('\'') || word.contains(char::is_whitespace) || word.len() < 2 {
                return Err(file.error(
                    line.number,
                    format!("`{word}` must be one word starting with an apostrophe"),
                ));
            }
            words.insert(word.to_lowercase());
        }
        Ok(Elisions { words })
    }

    /// True when `form` (apostrophe first, any case, straight or curly) is a known elision.
    pub fn contains(&self, form: &str) -> bool {
        if form.is_ascii() && !form.bytes().any(|b| b.is_ascii_uppercase()) {
            return self.words.contains(form);
        }
        let folded: String = form
            .chars()
            .map(|c| match c {
                '\u{2018}' | '\u{2019}' => '\'',
                c => c.to_ascii_lowercase(),
            })
            .collect();
        self.words.contains(&folded)
    }
}
