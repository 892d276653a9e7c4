//! `whosaid run`: analyse a corpus and write the tables.

use super::{progress, EXIT_FAILED_DOCS};
use crate::corpus::{discover, read_all, InputFormat, ReadOptions};
use crate::lexicon::Lexicons;
use crate::output::{
    check_writable, render, Aggregates, CellMode, Period, Rendered, StreamTable, TableSet,
};
use crate::pipeline::{run_pipelined, Outcome, ReadAhead};
use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use std::io::Write;
use std::path::PathBuf;
use std::time::Instant;

/// Input format choice, `auto` meaning "by file extension" (stdin: JSONL).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    Auto,
    Txt,
    Jsonl,
    Csv,
}

impl FormatArg {
    /// The format forced on every input (`None` for `auto`: by extension).
    pub fn forced(self) -> Option<InputFormat> {
        match self {
            FormatArg::Auto => None,
            FormatArg::Txt => Some(InputFormat::Txt),
            FormatArg::Jsonl => Some(InputFormat::Jsonl),
            FormatArg::Csv => Some(InputFormat::Csv),
        }
    }
}

#[derive(Args, Debug)]
#[command(
    after_help = "Examples:\n  whosaid run data --out out\n  whosaid run articles.jsonl more/ --out tables --threads 4\n  cat corpus.jsonl | whosaid run - --out out --quiet\n  cat part.jsonl | whosaid run - --emit quotes --no-header > part_quotes.csv"
)]
pub struct RunArgs {
    /// Files or directories to read (directories are searched recursively for *.txt,
    /// *.jsonl and *.csv, in sorted order); `-` reads JSONL from stdin.
    #[arg(required = true, value_name = "INPUT")]
    inputs: Vec<PathBuf>,

    /// Directory for documents.csv, quotes.csv, speakers.csv, affiliations.csv and
    /// timeline.csv (created if missing). Required unless `--emit` is given.
    #[arg(
        long,
        short,
        value_name = "DIR",
        required_unless_present = "emit",
        conflicts_with = "emit"
    )]
    out: Option<PathBuf>,

    /// Stream mode: write the rows of one per-document table to stdout instead of the
    /// tables to `--out` (every row carries its doc_id; combine parts with `whosaid
    /// merge`). An empty JSONL input then gives no rows, and a record's `_source_file`
    /// and `_line` fields, when present, give its original location.
    #[arg(long, value_enum, value_name = "TABLE")]
    emit: Option<StreamTable>,

    /// With `--emit`: no header row.
    #[arg(long)]
    no_header: bool,

    /// Input format: by extension (auto), or force txt, jsonl or csv for every input.
    #[arg(long, value_enum, default_value_t = FormatArg::Auto)]
    format: FormatArg,

    /// Worker threads (default: one per core). Output is identical for any value.
    #[arg(long, short = 'j', value_name = "N")]
    threads: Option<usize>,

    /// Directory of lexicon files; each file found there replaces the embedded default of
    /// the same name (see lexicons/ in the source for the formats).
    #[arg(long, value_name = "DIR")]
    lexicons: Option<PathBuf>,

    /// A stance lexicon to add, in VADER (`word<TAB>mean<TAB>sd<TAB>ratings`), AFINN
    /// (`word<TAB>integer`) or CSV (`term,weight`) format, with the dimension its weights
    /// go to (tone, conflict or certainty; default tone); or a YAML category dictionary
    /// (`.yml`, `*` wildcards) whose categories become count and share columns. Repeatable.
    #[arg(long, value_name = "FILE[:DIMENSION]")]
    lexicon: Vec<crate::lexicon::UserLexicon>,

    /// Period of timeline.csv rows.
    #[arg(long, value_enum, default_value_t = Period::Month)]
    period: Period,

    /// No progress bar and no summary line.
    #[arg(long, short)]
    quiet: bool,

    /// Exit with status 1 when any document could not be processed.
    #[arg(long)]
    strict: bool,

    /// Largest document accepted, in bytes (a txt file, a JSONL line, a CSV record);
    /// larger ones become `error` rows in documents.csv without being read into memory.
    #[arg(long, value_name = "BYTES", default_value_t = crate::corpus::DEFAULT_MAX_DOC_BYTES,
          value_parser = clap::value_parser!(u64).range(1..))]
    max_doc_bytes: u64,

    /// Write text cells exactly as they are. By default a text cell starting with `=`,
    /// `+`, `-`, `@`, tab or carriage return gets a leading `'` so spreadsheets do not run
    /// it as a formula (numbers are never changed).
    #[arg(long)]
    raw_csv: bool,
}

/// Counts for the summary line.
#[derive(Default)]
struct Totals {
    ok: usize,
    failed: usize,
    quotes: usize,
    bytes: u64,
}

impl Totals {
    /// `N documents (a ok, b error), q quotes`: the start of both summary lines.
    fn counts(&self) -> String {
        format!(
            "{} documents ({} ok, {} error), {} quotes",
            self.ok + self.failed,
            self.ok,
            self.failed,
            self.quotes
        )
    }
}

pub fn run(args: RunArgs) -> Result<i32> {
    let forced = args.format.forced();
    if args.no_header && args.emit.is_none() {
        anyhow::bail!("--no-header applies only to --emit (tables in --out always have a header)");
    }
    let inputs = discover(&args.inputs, forced)?;
    let total_bytes = inputs.iter().map(|f| f.size).sum::<Option<u64>>();
    let options = ReadOptions {
        max_doc_bytes: args.max_doc_bytes,
        stream: args.emit.is_some(),
    };
    // Reading starts here, beside the lexicon load.
    let records = ReadAhead::spawn(move || read_all(inputs, options));
    let lexicons = Lexicons::load_with(args.lexicons.as_deref(), &args.lexicon)?;
    let out = match (&args.out, args.emit) {
        (_, Some(table)) => return stream(&args, table, records, &lexicons),
        (Some(out), None) => out.clone(),
        // clap requires one of the two.
        (None, None) => anyhow::bail!("give --out DIR or --emit TABLE"),
    };
    check_writable(&out)?;
    let pool = pool(&args)?;

    let bar = progress::bar(total_bytes, args.quiet);
    let started = Instant::now();
    let mode = CellMode::from_raw_flag(args.raw_csv);
    let mut tables = TableSet::create(&out, &lexicons.stance.category_names(), mode)?;
    let mut aggregates = Aggregates::new(args.period);
    let totals = analyse_all(
        &pool,
        records,
        &lexicons,
        mode,
        &|e| bar.suspend(|| eprintln!("whosaid: warning: {e}")),
        |outcome, rows| {
            if let Outcome::Ok(a) = outcome {
                aggregates.add(a);
            }
            tables.write(rows)
        },
        |input_bytes, docs| {
            bar.inc(input_bytes);
            bar.set_message(format!("{docs} docs"));
        },
    )?;
    tables.finish(&aggregates)?;
    bar.finish_and_clear();

    let seconds = started.elapsed().as_secs_f64();
    if !args.quiet {
        eprintln!(
            "whosaid: {}, {:.2} s, {:.1} MB/s -> {}",
            totals.counts(),
            seconds,
            totals.bytes as f64 / 1e6 / seconds.max(1e-9),
            out.display()
        );
    }
    Ok(exit_code(&args, &totals))
}

/// Analyses every record in parallel batches and hands each document's outcome and rendered
/// rows to `write`, in input order; `progress` hears the input bytes and documents done
/// after each batch, `warn` each failed record. Shared by the table run and `--emit`.
fn analyse_all(
    pool: &rayon::ThreadPool,
    records: ReadAhead,
    lexicons: &Lexicons,
    mode: CellMode,
    warn: &(dyn Fn(&dyn std::fmt::Display) + Sync),
    mut write: impl FnMut(&Outcome, &Rendered) -> Result<()> + Send,
    mut progress: impl FnMut(u64, usize) + Send,
) -> Result<Totals> {
    pool.install(|| {
        let mut totals = Totals::default();
        run_pipelined(
            records,
            lexicons,
            |outcome| render(outcome, mode),
            |outcomes, rendered, input_bytes| {
                for (outcome, rows) in outcomes.iter().zip(&rendered) {
                    match outcome {
                        Outcome::Ok(a) => {
                            totals.ok += 1;
                            totals.quotes += a.quotes.len();
                        }
                        Outcome::Failed(e) => {
                            totals.failed += 1;
                            warn(e);
                        }
                    }
                    write(outcome, rows)?;
                }
                totals.bytes += input_bytes;
                progress(input_bytes, totals.ok + totals.failed);
                anyhow::Ok(())
            },
        )?;
        Ok(totals)
    })
}

/// `--strict` turns failed documents into a non-zero exit.
fn exit_code(args: &RunArgs, totals: &Totals) -> i32 {
    if args.strict && totals.failed > 0 {
        EXIT_FAILED_DOCS
    } else {
        0
    }
}

fn pool(args: &RunArgs) -> Result<rayon::ThreadPool> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.unwrap_or(0))
        .build()
        .context("cannot start worker threads")
}

/// `--emit TABLE`: the rows of one per-document table on stdout, in input order.
fn stream(
    args: &RunArgs,
    table: StreamTable,
    records: ReadAhead,
    lexicons: &Lexicons,
) -> Result<i32> {
    let mode = CellMode::from_raw_flag(args.raw_csv);
    let mut out = std::io::BufWriter::with_capacity(1 << 20, std::io::stdout());
    if !args.no_header {
        out.write_all(&table.header(&lexicons.stance.category_names(), mode)?)
            .context("cannot write to stdout")?;
    }
    let started = Instant::now();
    let totals = analyse_all(
        &pool(args)?,
        records,
        lexicons,
        mode,
        &|e| {
            if !args.quiet {
                eprintln!("whosaid: warning: {e}");
            }
        },
        |_, rows| {
            out.write_all(table.rows(rows))
                .context("cannot write to stdout")
        },
        |_, _| {},
    )?;
    out.flush().context("cannot write to stdout")?;
    if !args.quiet {
        eprintln!(
            "whosaid: {}, {:.2} s -> stdout",
            totals.counts(),
            started.elapsed().as_secs_f64(),
        );
    }
    Ok(exit_code(args, &totals))
}
