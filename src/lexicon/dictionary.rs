//! Category dictionaries in the quanteda / LIWC style (YAML): each category lists words,
//! with `*` as a suffix wildcard (`terribl*`). Every category becomes a count and share
//! column — for licensed dictionaries such as Lexicoder's, which whosaid does not ship.
//!
//! The YAML subset read: top-level `category:` keys, nested keys (flattened as
//! `parent.child`), and list items (`- word`, or inline `[a, b]`); `#` comments.

use super::attribution::normalize;
use super::{LexiconError, LexiconFile};
use rustc_hash::FxHashMap;

/// A category dictionary.
#[derive(Debug, Default, Clone)]
pub struct Dictionary {
    /// Category names in file order.
    pub categories: Vec<String>,
    exact: FxHashMap<String, Vec<u16>>,
    prefixes: FxHashMap<String, Vec<u16>>,
    longest_prefix: usize,
}

impl Dictionary {
    /// Parses a YAML dictionary.
    pub fn parse(file: &LexiconFile) -> Result<Dictionary, LexiconError> {
        let mut d = Dictionary::default();
        // Open keys by indentation: (indent, name).
        let mut path: Vec<(usize, String)> = Vec::new();
        for (i, raw) in file.text.lines().enumerate() {
            let number = i + 1;
            let line = match raw.find(" #") {
                Some(p) => &raw[..p],
                None if raw.trim_start().starts_with('#') => "",
                None => raw,
            };
            if line.trim().is_empty() {
                continue;
            }
            let indent = line.len() - line.trim_start().len();
            let content = line.trim();
            if let Some(item) = content
                .strip_prefix("- ")
                .or_else(|| (content == "-").then_some(""))
            {
                let category = d
                    .current(&path)
                    .ok_or_else(|| file.error(number, "list item outside a category"))?;
                d.add_term(category, unquote(item), file, number)?;
                continue;
            }
            let Some((key, rest)) = content.split_once(':') else {
                return Err(file.error(number, "expected `category:` or `- word`"));
            };
            while path.last().is_some_and(|(ind, _)| *ind >= indent) {
                path.pop();
            }
            path.push((indent, unquote(key).to_string()));
            let rest = rest.trim();
            if let Some(list) = rest.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
                let category = d
                    .current(&path)
                    .ok_or_else(|| file.error(number, "bad category"))?;
                for item in list.split(',').filter(|s| !s.trim().is_empty()) {
                    d.add_term(category, unquote(item), file, number)?;
                }
            } else if !rest.is_empty() {
                return Err(file.error(number, "expected a list after the category name"));
            }
        }
        if d.categories.is_empty() {
            return Err(file.error(0, "no categories"));
        }
        Ok(d)
    }

    /// The category of the innermost open key (created on first use).
    fn current(&mut self, path: &[(usize, String)]) -> Option<u16> {
        if path.is_empty() {
            return None;
        }
        let name = path
            .iter()
            .map(|(_, n)| n.as_str())
            .collect::<Vec<_>>()
            .join(".");
        Some(match self.categories.iter().position(|c| *c == name) {
            Some(i) => i as u16,
            None => {
                self.categories.push(name);
                (self.categories.len() - 1) as u16
            }
        })
    }

    fn add_term(
        &mut self,
        category: u16,
        term: &str,
        file: &LexiconFile,
        line: usize,
    ) -> Result<(), LexiconError> {
        let term = normalize(term);
        if term.is_empty() || term == "*" {
            return Err(file.error(line, "empty dictionary entry"));
        }
        match term.strip_suffix('*') {
            Some(prefix) => {
                self.longest_prefix = self.longest_prefix.max(prefix.len());
                self.prefixes
                    .entry(prefix.to_string())
                    .or_default()
                    .push(category);
            }
            None => self.exact.entry(term).or_default().push(category),
        }
        Ok(())
    }

    /// Adds one word's categories to `counts` (indexed like `categories`).
    pub fn count_word(&self, word: &str, counts: &mut [u32]) {
        let key = normalize(word);
        let mut matched: Vec<u16> = Vec::new();
        if let Some(cats) = self.exact.get(&key) {
            matched.extend(cats);
        }
        for (end, _) in key
            .char_indices()
            .skip(1)
            .chain(std::iter::once((key.len(), ' ')))
        {
            if end > self.longest_prefix {
                break;
            }
            if let Some(cats) = self.prefixes.get(&key[..end]) {
                matched.extend(cats);
            }
        }
        matched.sort_unstable();
        matched.dedup();
        for c in matched {
            counts[c as usize] += 1;
        }
    }
}

fn unquote(s: &str) -> &str {
    s.trim().trim_matches(|c| c == '"' || c == '\'')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dict(text: &str) -> Result<Dictionary, LexiconError> {
        Dictionary::parse(&LexiconFile {
            display_name: "d.yml".into(),
            text: text.into(),
        })
    }

    #[test]
    fn categories_wildcards_and_nesting() {
        let d = dict("# made-up entries\npositive:\n  - good\n  - great*\nnegative: [bad, terribl*]\ntone:\n  mild:\n    - meh\n").unwrap();
        assert_eq!(d.categories, ["positive", "negative", "tone.mild"]);
        let mut counts = vec![0; 3];
        for w in ["Good", "greatest", "terribly", "bad", "meh", "fine"] {
            d.count_word(w, &mut counts);
        }
        assert_eq!(counts, [2, 2, 1]);
    }

    #[test]
    fn malformed_line_names_the_line() {
        let err = dict("positive:\n  - good\nthis is not yaml\n")
            .unwrap_err()
            .to_string();
        assert!(err.contains("d.yml:3"), "{err}");
    }
}
