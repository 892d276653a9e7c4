//! `whosaid diff`: what changed between two runs' quotes.csv — attributions added and
//! removed, and changed speaker, kind, affiliation, span or tone — for checking a lexicon
//! or rule change before it lands.

use crate::output::{cell, restore, CellMode};
use anyhow::{Context, Result};
use clap::Args;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

#[derive(Args, Debug)]
#[command(
    after_help = "Example:\n  whosaid run data --out before && <change a lexicon> && whosaid run data --out after\n  whosaid diff before after --out changes.csv"
)]
pub struct DiffArgs {
    /// The earlier run's output directory.
    a: PathBuf,
    /// The later run's output directory.
    b: PathBuf,
    /// Where to write the differences (default: B/diff.csv).
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
    /// Report tone changes larger than this.
    #[arg(long, value_name = "X", default_value_t = 0.2)]
    tone_threshold: f64,
    /// Write text cells exactly as they are (no `'` before a leading `=`, `+`, `-`, `@`).
    #[arg(long)]
    raw_csv: bool,
}

/// The fields of a quote row a diff compares.
#[derive(Debug, Clone)]
struct Row {
    quote_id: String,
    start: usize,
    end: usize,
    kind: String,
    speaker: String,
    affiliation: String,
    tone: Option<f64>,
    text: String,
}

fn read(dir: &Path) -> Result<BTreeMap<String, Vec<Row>>> {
    let path = dir.join("quotes.csv");
    let mut reader =
        csv::Reader::from_path(&path).with_context(|| format!("cannot read {}", path.display()))?;
    let headers = reader.headers()?.clone();
    let col = |n: &str| headers.iter().position(|h| h == n);
    let mut out: BTreeMap<String, Vec<Row>> = BTreeMap::new();
    for record in reader.records() {
        let r = record.with_context(|| format!("cannot read {}", path.display()))?;
        // Text cells may carry the spreadsheet-safety prefix; compare the text itself.
        let get = |n: &str| restore(col(n).and_then(|c| r.get(c)).unwrap_or("")).to_string();
        let speaker = match get("speaker") {
            s if s.is_empty() => get("speaker_mention"),
            s => s,
        };
        out.entry(get("doc_id")).or_default().push(Row {
            quote_id: get("quote_id"),
            start: get("start").parse().unwrap_or(0),
            end: get("end").parse().unwrap_or(0),
            kind: get("kind"),
            speaker,
            affiliation: get("affiliation"),
            tone: get("tone").parse().ok(),
            text: get("text"),
        });
    }
    Ok(out)
}

/// Pairs the rows of one document: same span first, then the largest overlap.
fn pair(a: &[Row], b: &[Row]) -> (Vec<(usize, usize)>, Vec<usize>, Vec<usize>) {
    let mut used_b = vec![false; b.len()];
    let mut pairs = Vec::new();
    let mut unpaired_a = Vec::new();
    let by_span: HashMap<(usize, usize), usize> = b
        .iter()
        .enumerate()
        .map(|(j, r)| ((r.start, r.end), j))
        .collect();
    let mut rest = Vec::new();
    for (i, r) in a.iter().enumerate() {
        match by_span.get(&(r.start, r.end)) {
            Some(&j) if !used_b[j] => {
                used_b[j] = true;
                pairs.push((i, j));
            }
            _ => rest.push(i),
        }
    }
    for i in rest {
        let r = &a[i];
        let best = (0..b.len())
            .filter(|&j| !used_b[j] && b[j].start < r.end && r.start < b[j].end)
            .max_by_key(|&j| r.end.min(b[j].end) - r.start.max(b[j].start));
        match best {
            Some(j) => {
                used_b[j] = true;
                pairs.push((i, j));
            }
            None => unpaired_a.push(i),
        }
    }
    let unpaired_b = (0..b.len()).filter(|&j| !used_b[j]).collect();
    (pairs, unpaired_a, unpaired_b)
}

pub fn run(args: DiffArgs) -> Result<i32> {
    let a = read(&args.a)?;
    let b = read(&args.b)?;
    let out_path = args.out.clone().unwrap_or_else(|| args.b.join("diff.csv"));
    let mut w = csv::Writer::from_path(&out_path)
        .with_context(|| format!("cannot write {}", out_path.display()))?;
    w.write_record([
        "doc_id",
        "change",
        "a_quote_id",
        "b_quote_id",
        "a_value",
        "b_value",
        "text",
    ])?;
    let mode = CellMode::from_raw_flag(args.raw_csv);
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    let empty = Vec::new();
    let docs: std::collections::BTreeSet<&String> = a.keys().chain(b.keys()).collect();
    for doc in docs {
        let ra = a.get(doc).unwrap_or(&empty);
        let rb = b.get(doc).unwrap_or(&empty);
        let (pairs, only_a, only_b) = pair(ra, rb);
        let mut emit = |change: &'static str,
                        qa: &str,
                        qb: &str,
                        va: &str,
                        vb: &str,
                        text: &str|
         -> Result<()> {
            *counts.entry(change).or_default() += 1;
            w.write_record(
                [doc.as_str(), change, qa, qb, va, vb, text].map(|c| cell(c, mode).into_owned()),
            )?;
            Ok(())
        };
        for i in only_a {
            let r = &ra[i];
            emit("removed", &r.quote_id, "", &r.speaker, "", &r.text)?;
        }
        for j in only_b {
            let r = &rb[j];
            emit("added", "", &r.quote_id, "", &r.speaker, &r.text)?;
        }
        for (i, j) in pairs {
            let (x, y) = (&ra[i], &rb[j]);
            if (x.start, x.end) != (y.start, y.end) {
                emit(
                    "span",
                    &x.quote_id,
                    &y.quote_id,
                    &format!("{}-{}", x.start, x.end),
                    &format!("{}-{}", y.start, y.end),
                    &y.text,
                )?;
            }
            if x.kind != y.kind {
                emit("kind", &x.quote_id, &y.quote_id, &x.kind, &y.kind, &y.text)?;
            }
            if x.speaker != y.speaker {
                emit(
                    "speaker",
                    &x.quote_id,
                    &y.quote_id,
                    &x.speaker,
                    &y.speaker,
                    &y.text,
                )?;
            }
            if x.affiliation != y.affiliation {
                emit(
                    "affiliation",
                    &x.quote_id,
                    &y.quote_id,
                    &x.affiliation,
                    &y.affiliation,
                    &y.text,
                )?;
            }
            if let (Some(ta), Some(tb)) = (x.tone, y.tone) {
                if (ta - tb).abs() > args.tone_threshold {
                    emit(
                        "tone",
                        &x.quote_id,
                        &y.quote_id,
                        &format!("{ta:.3}"),
                        &format!("{tb:.3}"),
                        &y.text,
                    )?;
                }
            }
        }
    }
    w.flush()?;
    let total: usize = counts.values().sum();
    println!("{total} differences -> {}", out_path.display());
    for (change, n) in &counts {
        println!("{change:12} {n}");
    }
    Ok(0)
}
