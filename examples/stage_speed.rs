//! Per-stage speed on a JSONL file of `{"text": ...}` records, for profiling by hand:
//! `cargo run --release --example stage_speed -- ../shared/dev-data/polnear/polnear_train.jsonl`
//! (criterion benches in `benches/` are the reference figures).

use std::time::Instant;
use whosaid::attribute::attribute;
use whosaid::output::render;
use whosaid::pipeline::Outcome;
use whosaid::segment::segment;
use whosaid::{analyze, Document, Lexicons};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: stage_speed FILE.jsonl [ROUNDS]");
        std::process::exit(2);
    };
    let rounds: usize = std::env::args()
        .nth(2)
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    let data = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let docs: Vec<Document> = data
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|v| Document::new("d", v["text"].as_str().unwrap_or_default()))
        .collect();
    let lex = Lexicons::embedded();
    let mb = docs.iter().map(|d| d.text.len()).sum::<usize>() as f64 * rounds as f64 / 1e6;
    let segs: Vec<_> = docs.iter().map(|d| segment(d, lex)).collect();
    let time = |name: &str, f: &mut dyn FnMut() -> usize| {
        let t = Instant::now();
        let n: usize = (0..rounds).map(|_| f()).sum();
        eprintln!(
            "{name:10} {:8.1} MB/s  ({n})",
            mb / t.elapsed().as_secs_f64()
        );
    };
    time("segment", &mut || {
        docs.iter().map(|d| segment(d, lex).tokens.len()).sum()
    });
    time("attribute", &mut || {
        docs.iter()
            .zip(&segs)
            .map(|(d, s)| attribute(d, s, lex).len())
            .sum()
    });
    time("analyze", &mut || {
        docs.iter()
            .map(|d| analyze(d.clone(), lex).quotes.len())
            .sum()
    });
    let analyses: Vec<Outcome> = docs
        .iter()
        .map(|d| Outcome::Ok(analyze(d.clone(), lex)))
        .collect();
    time("render", &mut || {
        analyses
            .iter()
            .map(|a| render(a, whosaid::output::CellMode::Safe).quotes.len())
            .sum()
    });
}
