//! `whosaid eval`: score attribution against gold labels, for CI gates and error analysis.

use super::EXIT_FAILED_DOCS;
use crate::document::Document;
use crate::eval::{evaluate, read_gold, Evaluation, Pred, Subset};
use crate::lexicon::Lexicons;
use crate::output::{cell, restore, CellMode};
use crate::pipeline::analyze;
use anyhow::{Context, Result};
use clap::Args;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

#[derive(Args, Debug)]
#[command(
    after_help = "Examples:\n  whosaid eval data/labeled/articles.jsonl\n  whosaid eval gold.jsonl --pred out --errors 20 --report eval_out\n  whosaid eval data/labeled/articles.jsonl --min-f1 0.8 --min-speaker-acc 0.85   # CI gate"
)]
pub struct EvalArgs {
    /// Gold JSONL files (PolNeAR format: `doc_id`, `text`, `quotes` with code-point offsets).
    #[arg(required = true, value_name = "GOLD")]
    gold: Vec<PathBuf>,

    /// Score an existing run's quotes.csv in this directory instead of running the pipeline.
    #[arg(long, value_name = "OUT_DIR")]
    pred: Option<PathBuf>,

    /// Gold quotes recall is measured on.
    #[arg(long, value_enum, default_value_t = Subset::Speech)]
    subset: Subset,

    /// Exit 1 when F1 (overlap) is below this.
    #[arg(long, value_name = "X")]
    min_f1: Option<f64>,

    /// Exit 1 when speaker accuracy is below this.
    #[arg(long, value_name = "Y")]
    min_speaker_acc: Option<f64>,

    /// Print this many missed and spurious examples.
    #[arg(long, value_name = "N", default_value_t = 0)]
    errors: usize,

    /// Write eval_summary.csv, eval_documents.csv and eval_errors.csv here.
    #[arg(long, value_name = "DIR")]
    report: Option<PathBuf>,

    /// Write the report's text cells exactly as they are (no `'` before a leading `=`,
    /// `+`, `-`, `@`).
    #[arg(long)]
    raw_csv: bool,

    /// Lexicon directory for the pipeline run (see `whosaid run`).
    #[arg(long, value_name = "DIR")]
    lexicons: Option<PathBuf>,
}

fn read_predictions(dir: &Path) -> Result<Vec<Pred>> {
    let path = dir.join("quotes.csv");
    let mut reader =
        csv::Reader::from_path(&path).with_context(|| format!("cannot read {}", path.display()))?;
    let headers = reader.headers()?.clone();
    let col = |name: &str| headers.iter().position(|h| h == name);
    let (doc, start, end) = (col("doc_id"), col("start"), col("end"));
    let (Some(doc), Some(start), Some(end)) = (doc, start, end) else {
        anyhow::bail!("{} lacks doc_id, start or end", path.display());
    };
    // Text cells may carry the spreadsheet-safety prefix; score the text itself.
    let get = |r: &csv::StringRecord, c: Option<usize>| {
        restore(c.and_then(|c| r.get(c)).unwrap_or("")).to_string()
    };
    let mut out = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let r = record.with_context(|| format!("{}: row {}", path.display(), i + 2))?;
        let num = |c: Option<usize>| {
            c.and_then(|c| r.get(c))
                .and_then(|v| v.parse::<usize>().ok())
        };
        let fragments = get(&r, col("fragments"))
            .split(';')
            .filter_map(|f| f.split_once('-'))
            .filter_map(|(a, b)| Some((a.parse().ok()?, b.parse().ok()?)))
            .collect();
        out.push(Pred {
            doc_id: restore(r.get(doc).unwrap_or("")).to_string(),
            start: r
                .get(start)
                .and_then(|v| v.parse().ok())
                .unwrap_or(usize::MAX),
            end: r
                .get(end)
                .and_then(|v| v.parse().ok())
                .unwrap_or(usize::MAX),
            fragments,
            kind: get(&r, col("kind")),
            speaker_mention: get(&r, col("speaker_mention")),
            speaker_span: num(col("speaker_start")).zip(num(col("speaker_end"))),
            speaker: get(&r, col("speaker")),
            affiliation: get(&r, col("affiliation")),
        });
    }
    Ok(out)
}

fn run_pipeline(gold: &[crate::eval::GoldDoc], lex: &Lexicons) -> Vec<Pred> {
    gold.par_iter()
        .flat_map_iter(|g| {
            let mut doc = Document::new(g.doc_id.clone(), g.text.clone());
            doc.meta.title = g.title.clone();
            doc.meta.date = g.date.clone();
            let a = analyze(doc, lex);
            a.quotes
                .into_iter()
                .map(|q| {
                    let span = q.span();
                    let speaker = q.speaker.as_ref();
                    Pred {
                        doc_id: g.doc_id.clone(),
                        start: span.start,
                        end: span.end,
                        fragments: q.fragments.iter().map(|f| (f.start, f.end)).collect(),
                        kind: q.kind.as_str().to_string(),
                        speaker_mention: speaker
                            .map_or(String::new(), |s| s.mention.slice(&g.text).to_string()),
                        speaker_span: speaker.map(|s| (s.mention.start, s.mention.end)),
                        speaker: speaker.and_then(|s| s.name.clone()).unwrap_or_default(),
                        affiliation: speaker
                            .and_then(|s| s.affiliation.clone())
                            .unwrap_or_default(),
                    }
                })
                .collect::<Vec<_>>()
        })
        .collect()
}

fn print_summary(ev: &Evaluation, subset: Subset, errors: usize) {
    println!(
        "docs {}  gold({subset:?}) {}  predicted {}  predicted matching any gold {}",
        ev.docs, ev.gold, ev.predicted, ev.predicted_ok
    );
    if ev.unknown_docs > 0 {
        println!("warning: {} predicted doc_ids not in gold", ev.unknown_docs);
    }
    println!(
        "{:10} {:>6} {:>10} {:>10}",
        "kind", "gold", "recall_ov", "recall_ex"
    );
    for (kind, (n, ov, ex)) in &ev.by_kind {
        println!(
            "{kind:10} {n:6} {:10.3} {:10.3}",
            *ov as f64 / *n as f64,
            *ex as f64 / *n as f64
        );
    }
    println!(
        "precision(any gold) {:.3}  recall_overlap {:.3}  recall_exact {:.3}",
        ev.precision(),
        ev.recall_overlap(),
        ev.recall_exact()
    );
    println!(
        "speaker accuracy on matched quotes {}/{} = {:.3}",
        ev.speaker_ok,
        ev.speaker_scored,
        ev.speaker_accuracy()
    );
    for e in ev
        .errors
        .iter()
        .filter(|e| e.error == "missed")
        .take(errors)
    {
        println!(
            "MISSED {} {} [{}] {}",
            e.doc_id, e.kind, e.gold_speaker, e.text
        );
    }
    for e in ev
        .errors
        .iter()
        .filter(|e| e.error == "spurious")
        .take(errors)
    {
        println!(
            "SPURIOUS {} {} [{}] {}",
            e.doc_id, e.kind, e.predicted_speaker, e.text
        );
    }
    let mut last = format!(
        "F1_overlap={:.3} F1_exact={:.3} speaker_acc={:.3} e2e_F1={:.3}",
        ev.f1_overlap(),
        ev.f1_exact(),
        ev.speaker_accuracy(),
        ev.e2e_f1()
    );
    if let Some(a) = ev.affiliation_accuracy() {
        last.push_str(&format!(" affiliation_acc={a:.3}"));
    }
    if let Some(a) = ev.resolved_accuracy() {
        last.push_str(&format!(" resolved_acc={a:.3}"));
    }
    println!("{last}");
}

fn write_report(dir: &Path, ev: &Evaluation, mode: CellMode) -> Result<()> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut w = csv::Writer::from_path(dir.join("eval_summary.csv"))?;
    w.write_record(["metric", "value"])?;
    for (m, v) in ev.summary() {
        w.write_record([m, format!("{v:.4}")])?;
    }
    w.flush()?;
    let mut w = csv::Writer::from_path(dir.join("eval_documents.csv"))?;
    w.write_record([
        "doc_id",
        "gold",
        "predicted",
        "matched_gold",
        "predicted_matching_any",
        "speaker_ok",
        "speaker_scored",
    ])?;
    for d in &ev.documents {
        w.write_record([
            cell(&d.doc_id, mode).into_owned(),
            d.gold.to_string(),
            d.predicted.to_string(),
            d.matched_gold.to_string(),
            d.predicted_matching_any.to_string(),
            d.speaker_ok.to_string(),
            d.speaker_scored.to_string(),
        ])?;
    }
    w.flush()?;
    let mut w = csv::Writer::from_path(dir.join("eval_errors.csv"))?;
    w.write_record([
        "doc_id",
        "error",
        "kind",
        "text",
        "gold_speaker",
        "predicted_speaker",
        "context",
    ])?;
    for e in &ev.errors {
        w.write_record(
            [
                e.doc_id.as_str(),
                e.error,
                &e.kind,
                &e.text,
                &e.gold_speaker,
                &e.predicted_speaker,
                &e.context,
            ]
            .map(|c| cell(c, mode).into_owned()),
        )?;
    }
    w.flush()?;
    Ok(())
}

pub fn run(args: EvalArgs) -> Result<i32> {
    let gold = read_gold(&args.gold)?;
    let preds = match &args.pred {
        Some(dir) => read_predictions(dir)?,
        None => {
            let lex = Lexicons::load(args.lexicons.as_deref())?;
            run_pipeline(&gold, &lex)
        }
    };
    let ev = evaluate(&gold, &preds, args.subset);
    print_summary(&ev, args.subset, args.errors);
    if let Some(dir) = &args.report {
        write_report(dir, &ev, CellMode::from_raw_flag(args.raw_csv))?;
    }
    let mut failed = false;
    if let Some(min) = args.min_f1 {
        if ev.f1_overlap() < min {
            eprintln!(
                "whosaid: F1_overlap {:.3} is below --min-f1 {min}",
                ev.f1_overlap()
            );
            failed = true;
        }
    }
    if let Some(min) = args.min_speaker_acc {
        if ev.speaker_accuracy() < min {
            eprintln!(
                "whosaid: speaker accuracy {:.3} is below --min-speaker-acc {min}",
                ev.speaker_accuracy()
            );
            failed = true;
        }
    }
    Ok(if failed { EXIT_FAILED_DOCS } else { 0 })
}
