//! Stance lexicons in the formats researchers already have, added with
//! `--lexicon FILE[:DIMENSION]`: VADER (`word<TAB>mean<TAB>sd<TAB>ratings`), AFINN
//! (`word<TAB>integer`, -5..5, scaled to -4..4) and CSV (`term,weight`, -4..4). Entries
//! add to, or replace, the weights of that dimension (tone by default).

use super::stance::{Dimension, StanceLexicon, MAX_WEIGHT};
use super::{LexiconError, LexiconFile};
use std::path::{Path, PathBuf};

/// A `--lexicon` argument: the file and the dimension its weights go to.
#[derive(Debug, Clone, PartialEq)]
pub struct UserLexicon {
    pub path: PathBuf,
    pub dimension: Dimension,
}

impl std::str::FromStr for UserLexicon {
    type Err = String;

    /// `FILE` or `FILE:DIMENSION` (tone, conflict or certainty).
    fn from_str(s: &str) -> Result<Self, String> {
        if let Some((path, dim)) = s.rsplit_once(':') {
            if let Some(dimension) = Dimension::parse(dim) {
                return Ok(UserLexicon {
                    path: PathBuf::from(path),
                    dimension,
                });
            }
        }
        Ok(UserLexicon {
            path: PathBuf::from(s),
            dimension: Dimension::Tone,
        })
    }
}

/// The formats a user lexicon may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Vader,
    Afinn,
    Csv,
}

fn detect(path: &Path, file: &LexiconFile) -> Format {
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
    {
        return Format::Csv;
    }
    let first = file.lines().next().map(|l| l.content).unwrap_or_default();
    if first.split('\t').count() >= 3 {
        Format::Vader
    } else {
        Format::Afinn
    }
}

/// Reads one user lexicon into `stance`.
pub fn add_user_lexicon(
    stance: &mut StanceLexicon,
    user: &UserLexicon,
) -> Result<usize, LexiconError> {
    let text = std::fs::read_to_string(&user.path).map_err(|source| LexiconError::Io {
        path: user.path.clone(),
        source,
    })?;
    let file = LexiconFile {
        display_name: user.path.display().to_string(),
        text,
    };
    // A `.yml`/`.yaml` file is a category dictionary: counted, not weighted.
    let yaml = user
        .path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("yml") || e.eq_ignore_ascii_case("yaml"));
    if yaml {
        let dictionary = super::Dictionary::parse(&file)?;
        let n = dictionary.categories.len();
        stance.dictionaries.push(dictionary);
        return Ok(n);
    }
    let format = detect(&user.path, &file);
    let mut added = 0;
    for line in file.lines() {
        let (term, weight) = match format {
            Format::Csv => {
                let fields: Vec<&str> = line.content.split(',').map(str::trim).collect();
                if fields == ["term", "weight"] {
                    continue; // header
                }
                let [term, weight] = fields[..] else {
                    return Err(file.error(line.number, "expected `term,weight`"));
                };
                (term, parse_number(&file, line.number, weight)?)
            }
            Format::Vader => {
                let fields: Vec<&str> = line.content.split('\t').collect();
                if fields.len() < 2 {
                    return Err(
                        file.error(line.number, "expected `word<TAB>mean<TAB>sd<TAB>ratings`")
                    );
                }
                (
                    fields[0].trim(),
                    parse_number(&file, line.number, fields[1].trim())?,
                )
            }
            Format::Afinn => {
                let Some((term, weight)) = line.content.rsplit_once('\t') else {
                    return Err(file.error(line.number, "expected `word<TAB>integer`"));
                };
                let w: i32 = weight.trim().parse().map_err(|_| {
                    file.error(
                        line.number,
                        format!("`{}` is not an integer", weight.trim()),
                    )
                })?;
                if !(-5..=5).contains(&w) {
                    return Err(file.error(line.number, "AFINN weights run from -5 to 5"));
                }
                (term.trim(), w as f32 * MAX_WEIGHT / 5.0)
            }
        };
        if term.is_empty() {
            return Err(file.error(line.number, "empty term"));
        }
        if weight.abs() > MAX_WEIGHT {
            return Err(file.error(line.number, format!("weight {weight} is outside -4..4")));
        }
        if weight != 0.0 {
            stance.set_weight(term, user.dimension, weight);
            added += 1;
        }
    }
    Ok(added)
}

fn parse_number(file: &LexiconFile, line: usize, s: &str) -> Result<f32, LexiconError> {
    s.parse::<f32>()
        .ok()
        .filter(|v| v.is_finite())
        .ok_or_else(|| file.error(line, format!("`{s}` is not a number")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(name: &str, text: &str) -> (tempfile::TempDir, PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        (dir, path)
    }

    #[test]
    fn formats_are_read_and_scaled() {
        let mut stance = StanceLexicon::default();
        let (_d1, vader) = write("v.txt", "zorbful\t2.5\t0.9\t[2, 3, 2]\n");
        let (_d2, afinn) = write("a.txt", "grimble\t-5\n");
        let (_d3, csv) = write("c.csv", "term,weight\nquibbly talk,1.5\n");
        for (path, dim) in [(vader, "tone"), (afinn, "tone"), (csv, "conflict")] {
            let user: UserLexicon = format!("{}:{dim}", path.display()).parse().unwrap();
            assert_eq!(add_user_lexicon(&mut stance, &user).unwrap(), 1);
        }
        let weight = |key: &str, d: Dimension| {
            let h = super::super::word_index::hash_normalized(key);
            stance
                .get(h)
                .and_then(|(i, _)| i)
                .map(|i| stance.entry(i).weights[d as usize])
        };
        assert_eq!(weight("zorbful", Dimension::Tone), Some(2.5));
        assert_eq!(weight("grimble", Dimension::Tone), Some(-4.0));
        assert_eq!(weight("quibbly talk", Dimension::Conflict), Some(1.5));
    }

    #[test]
    fn bad_lines_name_file_and_line() {
        let mut stance = StanceLexicon::default();
        let (_d, path) = write("a.txt", "good\t3\nbad\tvery\n");
        let user: UserLexicon = path.display().to_string().parse().unwrap();
        let err = add_user_lexicon(&mut stance, &user)
            .unwrap_err()
            .to_string();
        assert!(err.contains("a.txt:2"), "{err}");
    }
}
