//! `whosaid score` throughput in sentences per second on one core: every sentence goes
//! through `whosaid::cli::write_score_row` (tokenise, score, write the CSV row), the
//! function the command runs per text, into a discarding sink.
//!
//! Sentences: NYT editorial sentences (`../shared/dev-data/tone/`, 2,619, when present;
//! skipped with a message otherwise) and the 202 stance sentences of
//! `data/labeled/stance.jsonl`. Target (issue 6): ≥ 500,000 sentences/s.
//!
//! Run: `cargo bench --bench score`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use std::path::Path;
use std::time::Duration;
use whosaid::cli::write_score_row;
use whosaid::output::CellMode;
use whosaid::Lexicons;

/// The `text` field of every line of a JSONL file, or `None` when it cannot be read.
fn sentences(path: &Path) -> Option<Vec<String>> {
    let data = std::fs::read_to_string(path).ok()?;
    Some(
        data.lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v["text"].as_str().map(str::to_string))
            .collect(),
    )
}

fn bench_sentences(c: &mut Criterion, name: &str, texts: &[String]) {
    let lex = Lexicons::embedded();
    let mut group = c.benchmark_group("score");
    group
        .sample_size(10)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2))
        .throughput(Throughput::Elements(texts.len() as u64));
    let mut tokens = Vec::new();
    let mut w = csv::WriterBuilder::new().from_writer(std::io::sink());
    group.bench_function(name, |b| {
        b.iter(|| {
            for (i, text) in texts.iter().enumerate() {
                write_score_row(
                    &mut w,
                    &mut tokens,
                    lex,
                    CellMode::Safe,
                    &i.to_string(),
                    text,
                )
                .expect("writing to a sink");
            }
        })
    });
    group.finish();
}

fn benches(c: &mut Criterion) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let nyt = root.join("../shared/dev-data/tone/nyt_editorial_dev.jsonl");
    match sentences(&nyt) {
        Some(texts) => bench_sentences(c, "nyt_editorial_sentences", &texts),
        None => eprintln!("skipping NYT sentences: {} not found", nyt.display()),
    }
    let labeled = sentences(&root.join("data/labeled/stance.jsonl")).expect("stance.jsonl");
    bench_sentences(c, "stance_labeled_sentences", &labeled);
}

criterion_group!(score, benches);
criterion_main!(score);
