//! Turning command-line inputs into an ordered list of files with formats.

use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};

/// The format of an input file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum InputFormat {
    Txt,
    Jsonl,
    Csv,
}

impl InputFormat {
    /// The format a file name's extension implies, if it names one.
    pub fn from_path(path: &Path) -> Option<InputFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "txt" => Some(InputFormat::Txt),
            "jsonl" | "ndjson" => Some(InputFormat::Jsonl),
            "csv" => Some(InputFormat::Csv),
            _ => None,
        }
    }
}

/// Where an input's bytes come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InputSource {
    Stdin,
    Path(PathBuf),
    /// A directory that could not be listed: it becomes one `error` row, the rest runs.
    Unreadable {
        path: PathBuf,
        message: String,
    },
}

/// One input file and how to read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    pub source: InputSource,
    pub format: InputFormat,
    /// Size in bytes when known (for progress).
    pub size: Option<u64>,
}

impl InputFile {
    /// The name used in tables and messages (`-` for stdin).
    pub fn display_name(&self) -> String {
        match &self.source {
            InputSource::Stdin => "-".to_string(),
            InputSource::Path(p) | InputSource::Unreadable { path: p, .. } => {
                p.display().to_string()
            }
        }
    }

    /// The id of a document that is the whole file: its name without extension.
    pub fn default_id(&self) -> String {
        match &self.source {
            InputSource::Stdin => "-".to_string(),
            InputSource::Path(p) | InputSource::Unreadable { path: p, .. } => p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| p.display().to_string()),
        }
    }
}

/// Expands inputs (files, directories recursed in sorted order, `-` for stdin) into files.
///
/// `forced` overrides extension-based detection. Inputs that do not exist are an error;
/// files inside directories are kept only when their extension names a known format.
pub fn discover(inputs: &[PathBuf], forced: Option<InputFormat>) -> Result<Vec<InputFile>> {
    let mut files = Vec::new();
    for input in inputs {
        if input.as_os_str() == "-" {
            files.push(InputFile {
                source: InputSource::Stdin,
                format: forced.unwrap_or(InputFormat::Jsonl),
                size: None,
            });
            continue;
        }
        let meta = std::fs::metadata(input)
            .with_context(|| format!("cannot read input {}", input.display()))?;
        if meta.is_dir() {
            let mut found = Vec::new();
            walk(input, &mut found);
            found.sort_by(|a, b| a.path().cmp(b.path()));
            for entry in found {
                let path = match entry {
                    Walked::File(path) => path,
                    Walked::Unreadable(path, message) => {
                        files.push(InputFile {
                            source: InputSource::Unreadable { path, message },
                            format: InputFormat::Txt,
                            size: None,
                        });
                        continue;
                    }
                };
                let format = match forced {
                    Some(f) => Some(f),
                    None => InputFormat::from_path(&path),
                };
                if let Some(format) = format.filter(|_| InputFormat::from_path(&path).is_some()) {
                    let size = std::fs::metadata(&path).ok().map(|m| m.len());
                    files.push(InputFile {
                        source: InputSource::Path(path),
                        format,
                        size,
                    });
                }
            }
        } else {
            let format = match forced.or_else(|| InputFormat::from_path(input)) {
                Some(f) => f,
                None => bail!(
                    "cannot tell the format of {} from its extension; use --format txt|jsonl|csv",
                    input.display()
                ),
            };
            files.push(InputFile {
                source: InputSource::Path(input.clone()),
                format,
                size: Some(meta.len()),
            });
        }
    }
    Ok(files)
}

/// One entry found below an input directory.
#[derive(Debug)]
enum Walked {
    File(PathBuf),
    /// A directory that could not be listed, with the reason.
    Unreadable(PathBuf, String),
}

impl Walked {
    fn path(&self) -> &Path {
        match self {
            Walked::File(p) | Walked::Unreadable(p, _) => p,
        }
    }
}

/// Collects every file below `dir`; a directory that cannot be listed is kept as an
/// [`Walked::Unreadable`] entry so the run reports it as an error row rather than losing
/// it silently or stopping.
fn walk(dir: &Path, out: &mut Vec<Walked>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => {
            out.push(Walked::Unreadable(
                dir.to_path_buf(),
                format!("cannot list directory: {e}"),
            ));
            return;
        }
    };
    for entry in entries {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                out.push(Walked::Unreadable(
                    dir.to_path_buf(),
                    format!("cannot list directory: {e}"),
                ));
                return;
            }
        };
        let path = entry.path();
        let is_dir = entry.file_type().map(|t| t.is_dir()).unwrap_or(false);
        if is_dir {
            walk(&path, out);
        } else {
            out.push(Walked::File(path));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn directories_are_recursed_in_sorted_order_by_extension() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        for name in ["b.txt", "a.jsonl", "sub/c.csv", "notes.md"] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        let files = discover(&[dir.path().to_path_buf()], None).unwrap();
        let names: Vec<String> = files
            .iter()
            .map(|f| f.display_name().rsplit('/').next().unwrap().to_string())
            .collect();
        assert_eq!(names, ["a.jsonl", "b.txt", "c.csv"]);
        assert_eq!(files[0].format, InputFormat::Jsonl);
    }

    #[test]
    fn a_directory_that_cannot_be_listed_is_kept_as_an_entry() {
        // read_dir fails on a file as it does on a directory without permission (which
        // root can list anyway, so a permission test would not run everywhere).
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("not-a-dir");
        std::fs::write(&file, "x").unwrap();
        let mut found = Vec::new();
        walk(&file, &mut found);
        match found.as_slice() {
            [Walked::Unreadable(path, message)] => {
                assert_eq!(path, &file);
                assert!(message.contains("cannot list directory"), "{message}");
            }
            other => panic!("{other:?}"),
        }
        let input = InputFile {
            source: InputSource::Unreadable {
                path: file,
                message: "cannot list directory: denied".into(),
            },
            format: InputFormat::Txt,
            size: None,
        };
        let records: Vec<_> = crate::corpus::read_file(input, Default::default()).collect();
        assert_eq!(records.len(), 1);
        let err = records[0].result.as_ref().unwrap_err();
        assert!(
            err.message.contains("cannot list directory: denied"),
            "{err}"
        );
    }

    #[test]
    fn missing_input_is_an_error() {
        assert!(discover(&[PathBuf::from("/no/such/input.txt")], None).is_err());
    }

    #[test]
    fn stdin_defaults_to_jsonl() {
        let files = discover(&[PathBuf::from("-")], None).unwrap();
        assert_eq!(files[0].source, InputSource::Stdin);
        assert_eq!(files[0].format, InputFormat::Jsonl);
    }
}
