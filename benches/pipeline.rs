//! Throughput of the pipeline stages on the bundled sample replicated to ~50 MB, and on
//! PolNeAR's training texts when `../shared/dev-data` is present.
//!
//! Run: `cargo bench --bench pipeline` (MB/s is criterion's "thrpt" line).

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use rayon::prelude::*;
use std::path::Path;
use whosaid::output::render;
use whosaid::pipeline::Outcome;
use whosaid::segment::segment;
use whosaid::{analyze, Document, Lexicons};

const TARGET_BYTES: usize = 50 << 20;

/// The txt articles of `data/sample`, replicated until they hold ~50 MB.
fn sample_corpus() -> Vec<Document> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sample");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("data/sample exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let texts: Vec<String> = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("readable sample"))
        .collect();
    replicate(&texts)
}

/// PolNeAR training texts, or nothing when the shared data is absent.
fn polnear_corpus() -> Vec<Document> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/dev-data/polnear/polnear_train.jsonl");
    let Ok(data) = std::fs::read_to_string(&path) else {
        eprintln!("skipping PolNeAR benches: {} not found", path.display());
        return Vec::new();
    };
    data.lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .enumerate()
        .map(|(i, v)| Document::new(format!("p{i}"), v["text"].as_str().unwrap_or_default()))
        .collect()
}

fn replicate(texts: &[String]) -> Vec<Document> {
    let mut docs = Vec::new();
    let mut total = 0;
    while total < TARGET_BYTES {
        for t in texts {
            total += t.len();
            docs.push(Document::new(format!("d{}", docs.len()), t.clone()));
        }
    }
    docs
}

fn bytes(docs: &[Document]) -> u64 {
    docs.iter().map(|d| d.text.len() as u64).sum()
}

fn bench_corpus(c: &mut Criterion, name: &str, docs: &[Document]) {
    if docs.is_empty() {
        return;
    }
    let lex = Lexicons::embedded();
    let mut group = c.benchmark_group(name);
    group.sample_size(10);
    group.throughput(Throughput::Bytes(bytes(docs)));
    group.bench_function(BenchmarkId::new("segment", "1 thread"), |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| segment(d, lex).tokens.len())
                .sum::<usize>()
        })
    });
    group.bench_function(BenchmarkId::new("end_to_end", "1 thread"), |b| {
        b.iter(|| {
            docs.iter()
                .map(|d| {
                    let outcome = Outcome::Ok(analyze(d.clone(), lex));
                    let rows = render(&outcome, whosaid::output::CellMode::Safe);
                    rows.documents.len() + rows.quotes.len()
                })
                .sum::<usize>()
        })
    });
    group.bench_function(BenchmarkId::new("end_to_end", "all threads"), |b| {
        b.iter(|| {
            docs.par_iter()
                .map(|d| {
                    let outcome = Outcome::Ok(analyze(d.clone(), lex));
                    let rows = render(&outcome, whosaid::output::CellMode::Safe);
                    rows.documents.len() + rows.quotes.len()
                })
                .sum::<usize>()
        })
    });
    group.finish();
}

fn benches(c: &mut Criterion) {
    bench_corpus(c, "sample_50MB", &sample_corpus());
    bench_corpus(c, "polnear_train", &polnear_corpus());
}

criterion_group!(pipeline, benches);
criterion_main!(pipeline);
