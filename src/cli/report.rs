//! `whosaid report`: one self-contained HTML page from a run's tables.

use super::run::FormatArg;
use crate::report::{build, ReportOptions, TextSource};
use anyhow::{Context, Result};
use clap::Args;
use std::path::PathBuf;

#[derive(Args, Debug)]
#[command(
    after_help = "Examples:\n  whosaid run data --out out && whosaid report out --input data\n  whosaid report out --html report.html     # without the document texts"
)]
pub struct ReportArgs {
    /// The output directory of a `whosaid run` (or `whosaid merge`) with its five tables.
    #[arg(value_name = "OUT_DIR")]
    dir: PathBuf,

    /// Where to write the page (default: OUT_DIR/report.html).
    #[arg(long, value_name = "FILE")]
    html: Option<PathBuf>,

    /// The inputs given to `whosaid run`, read again for the document view's article
    /// texts (documents are matched by doc_id; a text that is not the one the run
    /// analysed is left out with a note). Without it the view shows the tables' evidence
    /// only.
    #[arg(long, value_name = "INPUT", num_args = 1..)]
    input: Vec<PathBuf>,

    /// With `--input`: the `--format` given to `whosaid run`.
    #[arg(long, value_enum, default_value_t = FormatArg::Auto)]
    format: FormatArg,

    /// With `--input`: the `--max-doc-bytes` given to `whosaid run`.
    #[arg(long, value_name = "BYTES", default_value_t = crate::corpus::DEFAULT_MAX_DOC_BYTES,
          value_parser = clap::value_parser!(u64).range(1..))]
    max_doc_bytes: u64,

    /// The tables were written with `--raw-csv`: text cells are read exactly as they are.
    #[arg(long)]
    raw_csv: bool,

    /// No summary line.
    #[arg(long, short)]
    quiet: bool,
}

/// Builds the page and writes it in one piece (through a temporary file renamed into
/// place, so a failed write never leaves half a page).
pub fn run(args: ReportArgs) -> Result<i32> {
    let options = ReportOptions {
        mode: crate::output::CellMode::from_raw_flag(args.raw_csv),
        texts: (!args.input.is_empty()).then(|| TextSource {
            inputs: args.input.clone(),
            format: args.format.forced(),
            max_doc_bytes: args.max_doc_bytes,
        }),
    };
    let html = build(&args.dir, &options)?;
    let path = args.html.unwrap_or_else(|| args.dir.join("report.html"));
    let parent = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".report.")
        .suffix(".tmp")
        .tempfile_in(&parent)
        .with_context(|| format!("cannot write {}", path.display()))?;
    std::io::Write::write_all(&mut tmp, html.as_bytes())
        .with_context(|| format!("cannot write {}", path.display()))?;
    tmp.persist(&path)
        .map_err(|e| e.error)
        .with_context(|| format!("cannot write {}", path.display()))?;
    if !args.quiet {
        eprintln!(
            "whosaid: report of {} ({} bytes) -> {}",
            args.dir.display(),
            html.len(),
            path.display()
        );
    }
    Ok(0)
}
