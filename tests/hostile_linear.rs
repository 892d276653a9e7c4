//! Linear time on inputs built to trigger quadratic behaviour: each hostile 1 MB document
//! goes through every stage (segmentation, attribution, stance, CSV rows) in at most a few
//! times the time of an ordinary 1 MB article. Timings are printed
//! (`cargo test --release --test hostile_linear -- --nocapture` for the README figures).

use std::time::{Duration, Instant};
use whosaid::check::check_analysis;
use whosaid::output::{render, CellMode};
use whosaid::pipeline::Outcome;
use whosaid::{analyze, Document, Lexicons};

const MB: usize = 1 << 20;

fn repeat_to(piece: &str, len: usize) -> String {
    truncate_on_char(piece.repeat(len / piece.len() + 1), len)
}

fn truncate_on_char(mut s: String, len: usize) -> String {
    let mut end = len.min(s.len());
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    s.truncate(end);
    s
}

fn sample_text() -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/sample");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("data/sample")
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    files
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("sample text"))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The ordinary article: the sample articles repeated to 1 MB.
fn ordinary() -> String {
    truncate_on_char(repeat_to(&(sample_text() + "\n\n"), MB), MB)
}

/// Distinct capitalised names `Ka…` from a counter.
fn name(mut i: usize) -> String {
    let mut s = String::from("Ka");
    loop {
        s.push((b'a' + (i % 26) as u8) as char);
        i /= 26;
        if i == 0 {
            return s;
        }
    }
}

fn hostile() -> Vec<(&'static str, String)> {
    let no_punct: String = sample_text()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let no_punct = no_punct.split_whitespace().collect::<Vec<_>>().join(" ") + " ";
    let paragraphs = [
        "\"Yes.\"\n\n",
        "He said no.\n\n",
        "\u{201C}Go,\u{201D} she said.\n\n",
        "Officials said.\n\n",
        "\"\n\n",
        "Bob:\n\n",
    ];
    let short: String = (0..100_000)
        .map(|k| paragraphs[k % paragraphs.len()])
        .collect();
    let mut names = String::new();
    let mut i = 0;
    while names.len() < 3 * MB {
        let (a, b) = (name(2 * i), name(2 * i + 1));
        names.push_str(&format!("{a} {b} said. "));
        if i % 50 == 49 {
            names.push_str("\"We disagree,\" he said.\n\n");
        }
        i += 1;
    }
    assert!(i >= 100_000, "{i} names");
    vec![
        ("1 MB of \"", repeat_to("\"", MB)),
        ("1 MB of \"a", repeat_to("\"a", MB)),
        ("1 MB of '", repeat_to("'", MB)),
        (
            "1 MB of nested \u{201C}\u{2018}",
            repeat_to("\u{201C}\u{2018}", MB),
        ),
        (
            "one 1 MB sentence without punctuation",
            truncate_on_char(repeat_to(&no_punct, MB), MB),
        ),
        ("100k short paragraphs", short),
        ("200k candidate speaker names (3 MB)", names),
    ]
}

fn time_pipeline(text: String) -> Duration {
    let lex = Lexicons::embedded();
    let started = Instant::now();
    let analysis = analyze(Document::new("big", text), lex);
    let rows = render(&Outcome::Ok(analysis.clone()), CellMode::Safe);
    let elapsed = started.elapsed();
    assert!(!rows.documents.is_empty());
    check_analysis(&analysis);
    elapsed
}

#[test]
fn hostile_documents_take_linear_time() {
    let base = time_pipeline(ordinary());
    let per_mb = |t: Duration, len: usize| t.as_secs_f64() * MB as f64 / len as f64;
    println!("ordinary 1 MB article: {:.3} s", base.as_secs_f64());
    let mut failures = Vec::new();
    for (what, text) in hostile() {
        let len = text.len();
        let t = time_pipeline(text);
        let ratio = per_mb(t, len) / base.as_secs_f64();
        println!(
            "{what}: {:.3} s ({:.3} s/MB, {ratio:.2}x the ordinary article per MB)",
            t.as_secs_f64(),
            per_mb(t, len)
        );
        // A few times the ordinary article per MB; quadratic behaviour is 100x and more here.
        if ratio > 8.0 && per_mb(t, len) > 0.5 {
            failures.push(format!("{what}: {t:?} vs {base:?}"));
        }
    }
    assert!(failures.is_empty(), "{failures:?}");
}
