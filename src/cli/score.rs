//! `whosaid score`: stance scores of plain texts, one row per text — for checking the
//! lexicons and for users who have sentences rather than articles.

use crate::corpus::{discover, read_all, InputFormat, ReadOptions, Record};
use crate::document::{Document, Span};
use crate::lexicon::Lexicons;
use crate::output::{cell, CellMode};
use crate::segment::{tokenize, Token};
use crate::stance::score_tokens;
use anyhow::{Context, Result};
use clap::Args;
use std::io::{BufRead, Write};
use std::path::PathBuf;

#[derive(Args, Debug)]
#[command(
    after_help = "Examples:\n  echo 'We welcome the talks.' | whosaid score\n  whosaid score sentences.jsonl --out scores.csv\n  whosaid score articles/ --format txt"
)]
pub struct ScoreArgs {
    /// Files or directories to read like `whosaid run` (txt, jsonl, csv); without any,
    /// every non-empty line of stdin is one text (its id is the line number).
    #[arg(value_name = "INPUT")]
    inputs: Vec<PathBuf>,

    /// Write the CSV here instead of stdout.
    #[arg(long, short, value_name = "FILE")]
    out: Option<PathBuf>,

    /// Input format for every input (default: by extension).
    #[arg(long, value_enum)]
    format: Option<InputFormat>,

    /// Directory of lexicon files replacing the embedded defaults by name.
    #[arg(long, value_name = "DIR")]
    lexicons: Option<PathBuf>,

    /// A stance lexicon to add, in VADER (`word<TAB>mean<TAB>sd<TAB>ratings`), AFINN
    /// (`word<TAB>integer`) or CSV (`term,weight`) format, with the dimension its weights
    /// go to (tone, conflict or certainty; default tone); or a YAML category dictionary
    /// (`.yml`, `*` wildcards) whose categories become count and share columns. Repeatable.
    #[arg(long, value_name = "FILE[:DIMENSION]")]
    lexicon: Vec<crate::lexicon::UserLexicon>,

    /// Largest document accepted, in bytes (see `whosaid run --help`).
    #[arg(long, value_name = "BYTES", default_value_t = crate::corpus::DEFAULT_MAX_DOC_BYTES,
          value_parser = clap::value_parser!(u64).range(1..))]
    max_doc_bytes: u64,

    /// Write text cells exactly as they are (no `'` before a leading `=`, `+`, `-`, `@`).
    #[arg(long)]
    raw_csv: bool,
}

/// Columns of the score table.
pub const SCORE_COLUMNS: &[&str] = &["id", "tone", "conflict", "certainty", "stance_terms"];

pub fn run(args: ScoreArgs) -> Result<i32> {
    let lex = Lexicons::load_with(args.lexicons.as_deref(), &args.lexicon)?;
    let sink: Box<dyn Write> = match &args.out {
        Some(path) => Box::new(
            std::fs::File::create(path)
                .with_context(|| format!("cannot create {}", path.display()))?,
        ),
        None => Box::new(std::io::stdout().lock()),
    };
    let mut w =
        csv::WriterBuilder::new().from_writer(std::io::BufWriter::with_capacity(1 << 16, sink));
    let categories = lex.stance.category_names();
    let mode = CellMode::from_raw_flag(args.raw_csv);
    let mut header: Vec<String> = SCORE_COLUMNS.iter().map(|c| c.to_string()).collect();
    for c in &categories {
        header.push(c.clone());
        header.push(format!("{c}_share"));
    }
    w.write_record(header.iter().map(|h| cell(h, mode).into_owned()))?;
    let mut tokens = Vec::new();
    let mut row = |w: &mut csv::Writer<_>, id: &str, text: &str| -> Result<()> {
        write_row(w, &mut tokens, &lex, mode, id, text)
    };
    if args.inputs.is_empty() {
        let stdin = std::io::stdin();
        for (i, line) in stdin.lock().lines().enumerate() {
            let line = line.context("cannot read stdin")?;
            if !line.trim().is_empty() {
                row(&mut w, &(i + 1).to_string(), &line)?;
            }
        }
    } else {
        let inputs = discover(&args.inputs, args.format)?;
        let options = ReadOptions {
            max_doc_bytes: args.max_doc_bytes,
            ..ReadOptions::default()
        };
        for Record { result, .. } in read_all(inputs, options) {
            match result {
                Ok(Document { meta, text, .. }) => row(&mut w, &meta.id, &text)?,
                Err(e) => eprintln!("whosaid: warning: {e}"),
            }
        }
    }
    w.flush().context("cannot write scores")?;
    Ok(0)
}

/// Scores one text and writes its row of the score table (`id`, tone, conflict,
/// certainty, stance terms, then a count and a share per user category) to `w`.
/// `tokens` is scratch space reused from row to row. This is all the work `whosaid score`
/// does per text, public so that `benches/score.rs` measures exactly it.
pub fn write_row<W: Write>(
    w: &mut csv::Writer<W>,
    tokens: &mut Vec<Token>,
    lex: &Lexicons,
    mode: CellMode,
    id: &str,
    text: &str,
) -> Result<()> {
    tokens.clear();
    tokenize(text, Span::new(0, text.len()), &lex.abbreviations, tokens);
    let s = score_tokens(text, tokens.iter(), &lex.stance);
    let mut num = String::with_capacity(24);
    w.write_field(cell(id, mode).as_bytes())?;
    for v in [s.tone, s.conflict, s.certainty] {
        num.clear();
        use std::fmt::Write as _;
        let _ = write!(num, "{v:.3}");
        w.write_field(&num)?;
    }
    w.write_field(cell(&s.terms, mode).as_bytes())?;
    for count in &s.categories {
        w.write_field(count.to_string())?;
        w.write_field(format!("{:.4}", *count as f64 / f64::from(s.words.max(1))))?;
    }
    w.write_record(None::<&[u8]>)?;
    Ok(())
}
