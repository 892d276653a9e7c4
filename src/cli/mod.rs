//! The command line: argument parsing and exit codes. Each subcommand lives in its own
//! file with one `run` function; analysis and table formatting live in the library.

mod diff;
mod eval;
mod merge;
mod progress;
mod report;
mod run;
mod score;

pub use score::{write_row as write_score_row, SCORE_COLUMNS};

use clap::{Parser, Subcommand};

/// Exit code for usage and I/O errors reported before any work starts.
pub const EXIT_USAGE: i32 = 2;
/// Exit code when `--strict` is given and a document failed, or an eval threshold is missed.
pub const EXIT_FAILED_DOCS: i32 = 1;

#[derive(Parser, Debug)]
#[command(
    name = "whosaid",
    version,
    about = "Find every quotation in a news corpus, link it to who said it, and write CSV tables.",
    long_about = None,
    after_help = "Examples:\n  whosaid run data --out out        # analyse the bundled sample, tables in out/\n  echo 'We welcome the talks.' | whosaid score\n  whosaid run --help                # every option of `run`"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Analyse a corpus and write documents.csv, quotes.csv, speakers.csv,
    /// affiliations.csv and timeline.csv.
    Run(run::RunArgs),
    /// Score plain texts for tone, conflict and certainty (CSV on stdout).
    Score(score::ScoreArgs),
    /// Score attribution against gold labels; exit 1 below the given thresholds.
    Eval(eval::EvalArgs),
    /// Compare two runs' quotes: added, removed and changed attributions.
    Diff(diff::DiffArgs),
    /// Combine partial outputs (runs over parts of a corpus) into the tables of one run.
    Merge(merge::MergeArgs),
    /// Turn a run's tables into one self-contained HTML report with charts, a quote
    /// table and a document view.
    Report(report::ReportArgs),
}

/// Parses the arguments, runs the command, and returns the process exit code.
pub fn main() -> i32 {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let code = e.exit_code();
            let _ = e.print();
            return code;
        }
    };
    let result = match cli.command {
        Command::Run(args) => run::run(args),
        Command::Score(args) => score::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Diff(args) => diff::run(args),
        Command::Merge(args) => merge::run(args),
        Command::Report(args) => report::run(args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("whosaid: error: {e:#}");
            EXIT_USAGE
        }
    }
}
