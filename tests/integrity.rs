//! Integrity of the output directory when a run does not finish: killed during processing,
//! or a write failing (a full disk). Either the previous complete tables stay, or there are
//! none; never a half-written table.

mod common;

use common::{root, tempdir, whosaid, TABLES};
use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use whosaid::corpus::{discover, read_all, ReadOptions};
use whosaid::output::{render, Aggregates, CellMode, Period, TableSet};
use whosaid::pipeline::{run_batches, Outcome};
use whosaid::Lexicons;

/// The visible (non-hidden) files of `dir` with their bytes.
fn visible(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with('.'))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&p).unwrap())
        })
        .collect()
}

fn hidden_tmp_files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.') && n.ends_with(".tmp"))
        .collect()
}

fn previous_run(out: &Path) -> BTreeMap<String, Vec<u8>> {
    let o = whosaid(&["run", "data/sample", "--out", out.to_str().unwrap(), "-q"]);
    assert!(o.status.success());
    let before = visible(out);
    assert_eq!(before.len(), TABLES.len());
    before
}

/// A corpus large enough that a run takes seconds: the labeled articles repeated.
fn big_corpus(path: &Path) {
    let labeled = std::fs::read_to_string(root().join("data/labeled/articles.jsonl")).unwrap();
    std::fs::write(path, labeled.repeat(500)).unwrap();
}

/// Starts a run into `out`, waits until it is writing its temporary tables, kills it.
fn kill_during_processing(input: &Path, out: &Path) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_whosaid"))
        .args([
            "run",
            input.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
            "-q",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while hidden_tmp_files(out).len() < TABLES.len() {
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "run never started"
        );
        assert!(child.try_wait().unwrap().is_none(), "run finished too soon");
        std::thread::sleep(Duration::from_millis(20));
    }
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        child.try_wait().unwrap().is_none(),
        "the run finished before it could be killed; make the corpus bigger"
    );
    child.kill().unwrap(); // SIGKILL: no destructor runs
    child.wait().unwrap();
}

#[test]
fn a_killed_run_leaves_the_previous_tables_or_none() {
    let dir = tempdir();
    let input = dir.path().join("big.jsonl");
    big_corpus(&input);

    let out = dir.path().join("out");
    let before = previous_run(&out);
    kill_during_processing(&input, &out);
    assert!(visible(&out) == before, "previous tables changed");
    // What a kill can leave is hidden temporary files, never a visible partial table.
    assert!(hidden_tmp_files(&out).len() <= TABLES.len());

    let fresh = dir.path().join("fresh");
    std::fs::create_dir(&fresh).unwrap();
    kill_during_processing(&input, &fresh);
    assert!(visible(&fresh).is_empty(), "{:?}", visible(&fresh).keys());
}

/// A write failing mid-run (simulated full disk, in process): the error says which table
/// and why, the temporary files are removed, and the previous tables stay untouched.
#[test]
fn a_full_disk_mid_run_leaves_the_previous_tables_untouched() {
    let dir = tempdir();
    let out = dir.path().join("out");
    let before = previous_run(&out);
    let lex = Lexicons::embedded();
    let input = dir.path().join("corpus.jsonl");
    let labeled = std::fs::read_to_string(root().join("data/labeled/articles.jsonl")).unwrap();
    std::fs::write(&input, labeled.repeat(20)).unwrap();
    let big = discover(&[input], None).unwrap();
    let small = discover(&[root().join("data/sample")], None).unwrap();
    // Small output fails when the tables are flushed at the end; large output fails while
    // documents still stream.
    for (inputs, budget, mid_run) in [
        (&small, 0, false),
        (&small, 3_000, false),
        (&big, 500_000, true),
    ] {
        let mut tables = TableSet::create(&out, &[], CellMode::Safe).unwrap();
        tables.simulate_full_disk_after(budget);
        let mut aggregates = Aggregates::new(Period::Month);
        let streamed = run_batches(
            read_all(inputs.clone(), ReadOptions::default()),
            lex,
            |outcomes, _| {
                for o in outcomes {
                    if let Outcome::Ok(a) = o {
                        aggregates.add(a);
                    }
                    tables.write(&render(o, CellMode::Safe))?;
                }
                anyhow::Ok(())
            },
        );
        assert_eq!(streamed.is_err(), mid_run, "budget {budget}");
        let err = match streamed {
            Err(e) => {
                drop(tables); // as `whosaid run` does when an error returns
                e
            }
            Ok(()) => tables
                .finish(&aggregates)
                .expect_err("the simulated disk fills up"),
        };
        let message = format!("{err:#}");
        assert!(message.contains("No space left on device"), "{message}");
        assert!(
            message.contains(".csv"),
            "the message names the table: {message}"
        );
        assert!(
            visible(&out) == before,
            "budget {budget}: previous tables changed"
        );
        assert!(
            hidden_tmp_files(&out).is_empty(),
            "temporary files left: {:?}",
            hidden_tmp_files(&out)
        );
    }
}
