//! Start-up cost: parsing every embedded lexicon and building the word index and phrase
//! tables, i.e. `Lexicons::load(None)`, the constructor behind the cached
//! `Lexicons::embedded()` (a `once_cell` static, so benching that would measure a pointer
//! read). Every `whosaid` command pays this once. Target (issue 6): ≤ 20 ms.
//!
//! Run: `cargo bench --bench startup`. The binary's whole start-up (process, lexicons,
//! a tiny run) is measured with hyperfine, see README "Performance".

use criterion::{criterion_group, criterion_main, Criterion};
use std::time::Duration;
use whosaid::Lexicons;

fn benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("startup");
    group
        .sample_size(20)
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(3));
    group.bench_function("embedded_lexicons", |b| {
        b.iter(|| Lexicons::load(None).expect("embedded lexicons parse"))
    });
    group.finish();
}

criterion_group!(startup, benches);
criterion_main!(startup);
