//! `whosaid merge`: combine the partial outputs of runs over parts of a corpus into the
//! tables of one run over the whole corpus.

use crate::output::{check_writable, Aggregates, CellMode, PartReader, Period, TableSet};
use anyhow::{bail, Result};
use clap::Args;
use std::path::PathBuf;

#[derive(Args, Debug)]
#[command(
    after_help = "Examples:\n  whosaid run part1 --out p1 && whosaid run part2 --out p2\n  whosaid merge p1 p2 --out out     # equals whosaid run part1 part2 --out out"
)]
pub struct MergeArgs {
    /// Part directories, in corpus order, each holding the documents.csv and quotes.csv
    /// of a `whosaid run` over one part (or the rows of `whosaid run - --emit` with their
    /// header).
    #[arg(required = true, value_name = "PART_DIR")]
    parts: Vec<PathBuf>,

    /// Directory for the merged tables (created if missing).
    #[arg(long, short, value_name = "DIR")]
    out: PathBuf,

    /// Period of timeline.csv rows (as given to the runs that made the parts).
    #[arg(long, value_enum, default_value_t = Period::Month)]
    period: Period,

    /// The parts were written with `--raw-csv` (and so is the output): cells are read
    /// and written exactly as they are.
    #[arg(long)]
    raw_csv: bool,

    /// No summary line.
    #[arg(long, short)]
    quiet: bool,
}

/// Merges the parts into `--out`; every part is opened and checked before work starts.
pub fn run(args: MergeArgs) -> Result<i32> {
    let mode = CellMode::from_raw_flag(args.raw_csv);
    for part in &args.parts {
        if !part.is_dir() {
            bail!("part {} is not a directory", part.display());
        }
    }
    // Every part is opened (and its headers checked) before any work starts.
    let mut parts = args
        .parts
        .iter()
        .map(|p| PartReader::open(p, mode))
        .collect::<Result<Vec<_>>>()?;
    if let Some((first, rest)) = parts.split_first() {
        for part in rest {
            first.check_same_columns(part)?;
        }
    }
    check_writable(&args.out)?;
    let categories = parts
        .first()
        .map(PartReader::categories)
        .unwrap_or_default();
    let mut tables = TableSet::create(&args.out, &categories, mode)?;
    let mut aggregates = Aggregates::new(args.period);
    let (mut documents, mut quotes) = (0usize, 0usize);
    for part in &mut parts {
        while let Some(doc) = part.next_document()? {
            if doc.is_ok() {
                let facts = doc.facts()?;
                quotes += facts.len();
                aggregates.add_facts(doc.date(), &facts);
            }
            tables.write(&doc.rendered()?)?;
            documents += 1;
        }
    }
    tables.finish(&aggregates)?;
    if !args.quiet {
        eprintln!(
            "whosaid: merged {} parts: {documents} documents, {quotes} quotes -> {}",
            args.parts.len(),
            args.out.display()
        );
    }
    Ok(0)
}
