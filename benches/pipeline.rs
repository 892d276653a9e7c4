//! Throughput of each pipeline stage and of the whole pipeline, on the bundled sample
//! replicated to ~50 MB (txt files) and on PolNeAR's training articles (JSONL) when
//! `../shared/dev-data` is present (skipped with a message otherwise).
//!
//! Every benchmark runs twice: `…/MB` reports MB/s of document text (decimal MB, like the
//! summary line of `whosaid run`), `…/docs` reports documents per second (criterion's
//! `elem/s`). The stages, each given the previous stage's output:
//!
//! - `read`: the corpus's reader (`corpus::read_bytes`, txt or JSONL) from bytes in memory
//!   to documents;
//! - `segment`, `attribute`, `stance`: `segment::segment`, `attribute::attribute`,
//!   `stance::score_quotes`;
//! - `csv_write`: rendering each analysed document's rows (`output::render`), adding it to
//!   the aggregates and writing the rows through `output::TableSet` (the table writer of
//!   `whosaid run`) into temporary files, then rendering the aggregate tables; the final
//!   fsync and rename of `TableSet::finish` are left out so that the disk does not decide
//!   the figure;
//! - `end_to_end`: all of the above as `whosaid run` chains them
//!   (`pipeline::run_batches_prepared`, each document's rows rendered in the task that
//!   analysed it), on a rayon pool of 1 and of 2 threads.
//!
//! Run: `cargo bench --bench pipeline` (about 4½ minutes on two cores); one line with
//! e.g. `cargo bench --bench pipeline -- sample_50MB/end_to_end/1_thread/MB`.

use criterion::{
    criterion_group, criterion_main, BenchmarkGroup, BenchmarkId, Criterion, SamplingMode,
    Throughput,
};
use std::path::Path;
use std::time::Duration;
use whosaid::attribute::{attribute, Quote};
use whosaid::corpus::{read_bytes, InputFormat, ReadOptions, Record};
use whosaid::output::{render, Aggregates, CellMode, Period, Rendered, TableSet};
use whosaid::pipeline::{run_batches_prepared, Outcome};
use whosaid::segment::{segment, Segmentation};
use whosaid::stance::score_quotes;
use whosaid::{analyze, Document, Lexicons};

/// Size the sample is replicated to.
const TARGET_BYTES: usize = 50_000_000;
const MODE: CellMode = CellMode::Safe;

/// A corpus as the reader sees it: named files of one format, held in memory.
struct Corpus {
    name: &'static str,
    format: InputFormat,
    files: Vec<(String, Vec<u8>)>,
}

impl Corpus {
    /// The records of every file, in order, read from (copies of) the bytes in memory.
    fn records(&self) -> impl Iterator<Item = Record> + '_ {
        self.files.iter().flat_map(|(name, bytes)| {
            read_bytes(bytes.clone(), self.format, name, ReadOptions::default())
        })
    }

    /// The documents the reader makes of the corpus.
    fn documents(&self) -> Vec<Document> {
        self.records().filter_map(|r| r.result.ok()).collect()
    }
}

/// The txt articles of `data/sample`, replicated (as files `r<N>_<name>`) until their
/// texts hold ~50 MB.
fn sample_corpus() -> Corpus {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sample");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .expect("data/sample exists")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    let texts: Vec<(String, Vec<u8>)> = paths
        .iter()
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(p).expect("readable sample"))
        })
        .collect();
    let mut files = Vec::new();
    let mut total = 0;
    for round in 0.. {
        if total >= TARGET_BYTES {
            break;
        }
        for (name, bytes) in &texts {
            total += bytes.len();
            files.push((format!("r{round}_{name}"), bytes.clone()));
        }
    }
    Corpus {
        name: "sample_50MB",
        format: InputFormat::Txt,
        files,
    }
}

/// PolNeAR's training file as it is (840 articles with their labels), or `None` when the
/// shared data is absent.
fn polnear_corpus() -> Option<Corpus> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/dev-data/polnear/polnear_train.jsonl");
    let Ok(bytes) = std::fs::read(&path) else {
        eprintln!("skipping PolNeAR benches: {} not found", path.display());
        return None;
    };
    Some(Corpus {
        name: "polnear_train",
        format: InputFormat::Jsonl,
        files: vec![("polnear_train.jsonl".to_string(), bytes)],
    })
}

/// The two throughputs every benchmark is reported in.
fn throughputs(docs: &[Document]) -> [(&'static str, Throughput); 2] {
    let bytes = docs.iter().map(|d| d.text.len() as u64).sum();
    [
        ("MB", Throughput::BytesDecimal(bytes)),
        ("docs", Throughput::Elements(docs.len() as u64)),
    ]
}

/// Benches `routine` once per throughput, as `<stage>/<param>/MB` and `…/docs`.
fn bench_both<R>(
    group: &mut BenchmarkGroup<'_, criterion::measurement::WallTime>,
    units: &[(&'static str, Throughput); 2],
    stage: &str,
    param: &str,
    mut routine: impl FnMut() -> R,
) {
    for (unit, throughput) in units {
        group.throughput(throughput.clone());
        group.bench_function(BenchmarkId::new(stage, format!("{param}/{unit}")), |b| {
            b.iter(&mut routine)
        });
    }
}

/// The part of `whosaid run` after analysis: each document's rows rendered, added to the
/// aggregates and written to the tables; returns the bytes of rows written.
struct Writer {
    tables: TableSet,
    aggregates: Aggregates,
    written: usize,
}

impl Writer {
    fn new(dir: &Path) -> Writer {
        Writer {
            tables: TableSet::create(dir, &[], MODE).expect("temporary tables"),
            aggregates: Aggregates::new(Period::Month),
            written: 0,
        }
    }

    fn write(&mut self, outcome: &Outcome, rows: &Rendered) {
        if let Outcome::Ok(a) = outcome {
            self.aggregates.add(a);
        }
        self.tables.write(rows).expect("table write");
        self.written += rows.documents.len() + rows.quotes.len();
    }

    /// Renders the aggregate tables; dropping the set then removes its temporary files.
    fn finish(self) -> usize {
        let a = &self.aggregates;
        self.written
            + a.speakers.rows().len()
            + a.affiliations.affiliation_rows().len()
            + a.affiliations.timeline_rows().len()
    }
}

fn bench_corpus(c: &mut Criterion, corpus: &Corpus) {
    let lex = Lexicons::embedded();
    let out = tempfile::tempdir().expect("temporary directory");
    let docs = corpus.documents();
    let units = throughputs(&docs);
    let text_bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let input_bytes: usize = corpus.files.iter().map(|(_, b)| b.len()).sum();
    eprintln!(
        "{}: {} documents, {:.2} MB of text in {:.2} MB of input",
        corpus.name,
        docs.len(),
        text_bytes as f64 / 1e6,
        input_bytes as f64 / 1e6
    );

    let mut group = c.benchmark_group(corpus.name);
    group
        .sample_size(10)
        .sampling_mode(SamplingMode::Flat)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));

    bench_both(&mut group, &units, "read", "1_thread", || {
        corpus.records().filter(|r| r.result.is_ok()).count()
    });

    bench_both(&mut group, &units, "segment", "1_thread", || {
        docs.iter()
            .map(|d| segment(d, lex).tokens.len())
            .sum::<usize>()
    });
    let segs: Vec<Segmentation> = docs.iter().map(|d| segment(d, lex)).collect();

    bench_both(&mut group, &units, "attribute", "1_thread", || {
        docs.iter()
            .zip(&segs)
            .map(|(d, s)| attribute(d, s, lex).len())
            .sum::<usize>()
    });
    let mut quotes: Vec<Vec<Quote>> = docs
        .iter()
        .zip(&segs)
        .map(|(d, s)| attribute(d, s, lex))
        .collect();

    // Scoring overwrites each quote's scores, so the same quotes are scored every time.
    bench_both(&mut group, &units, "stance", "1_thread", || {
        for ((d, s), q) in docs.iter().zip(&segs).zip(quotes.iter_mut()) {
            score_quotes(d, s, q, lex);
        }
        quotes.len()
    });
    drop((segs, quotes));

    let outcomes: Vec<Outcome> = docs
        .iter()
        .map(|d| Outcome::Ok(analyze(d.clone(), lex)))
        .collect();
    bench_both(&mut group, &units, "csv_write", "1_thread", || {
        let mut writer = Writer::new(out.path());
        for o in &outcomes {
            writer.write(o, &render(o, MODE));
        }
        writer.finish()
    });
    drop(outcomes);
    drop(docs);

    for threads in [1, 2] {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .expect("thread pool");
        let param = format!("{threads}_thread{}", if threads > 1 { "s" } else { "" });
        bench_both(&mut group, &units, "end_to_end", &param, || {
            pool.install(|| {
                let mut writer = Writer::new(out.path());
                run_batches_prepared(
                    corpus.records(),
                    lex,
                    |o| render(o, MODE),
                    |outcomes, rendered, _| {
                        for (o, rows) in outcomes.iter().zip(rendered) {
                            writer.write(o, rows);
                        }
                        Ok::<(), ()>(())
                    },
                )
                .expect("infallible sink");
                writer.finish()
            })
        });
    }
    group.finish();
}

fn benches(c: &mut Criterion) {
    bench_corpus(c, &sample_corpus());
    if let Some(polnear) = polnear_corpus() {
        bench_corpus(c, &polnear);
    }
}

criterion_group!(pipeline, benches);
criterion_main!(pipeline);
