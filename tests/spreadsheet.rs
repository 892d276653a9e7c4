//! Spreadsheet-safe output: text cells that a spreadsheet would run as a formula get a
//! leading `'` by default, `--raw-csv` writes them as they are, numbers are never touched,
//! and whosaid's own readers (`eval --pred`, `diff`) see the same text either way.

mod common;

use common::{tempdir, whosaid};
use std::path::Path;
use whosaid::output::restore;

/// Quotes that begin like formulas, a dash-led quote as news writes them, ids and titles
/// that begin like formulas.
const TEXTS: [(&str, &str, &str); 3] = [
    (
        "=g1",
        "+Council",
        "\u{201C}-- and then we lost everything, the worst disaster,\u{201D} said Maria Lopez, a farmer.",
    ),
    (
        "-g2",
        "@Title",
        "\"=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\", he wrote. \"+1 for the plan,\" said Tom Baker.",
    ),
    ("g3", "Plain", "\"@everyone, it is over,\" the mayor said."),
];

fn corpus(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("in.jsonl");
    let lines: Vec<String> = TEXTS
        .iter()
        .map(|(id, title, text)| {
            serde_json::json!({"id": id, "title": title, "text": text}).to_string()
        })
        .collect();
    std::fs::write(&path, lines.join("\n") + "\n").unwrap();
    path
}

fn run(input: &Path, out: &Path, extra: &[&str]) {
    let mut args = vec![
        "run",
        input.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "-q",
    ];
    args.extend(extra);
    let o = whosaid(&args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
}

fn records(path: &Path) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .from_path(path)
        .unwrap()
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

fn dangerous(cell: &str) -> bool {
    matches!(
        cell.as_bytes().first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
    ) && cell.parse::<f64>().is_err()
}

#[test]
fn formula_cells_are_neutralised_unless_raw_csv() {
    let dir = tempdir();
    let input = corpus(dir.path());
    let (safe, raw) = (dir.path().join("safe"), dir.path().join("raw"));
    run(&input, &safe, &[]);
    run(&input, &raw, &["--raw-csv"]);
    let mut neutralised = 0;
    for table in common::TABLES {
        let (s, r) = (records(&safe.join(table)), records(&raw.join(table)));
        assert_eq!(s.len(), r.len(), "{table}");
        for (srow, rrow) in s.iter().zip(&r) {
            for (sc, rc) in srow.iter().zip(rrow) {
                assert!(!dangerous(sc), "{table}: unsafe cell {sc:?}");
                assert_eq!(
                    restore(sc),
                    rc,
                    "{table}: restore undoes exactly the prefix"
                );
                if sc != rc {
                    assert_eq!(sc, &format!("'{rc}"));
                    neutralised += 1;
                }
            }
        }
    }
    assert!(
        neutralised >= 6,
        "ids, titles and quote texts were neutralised: {neutralised}"
    );

    let quotes = common::read_table(&safe.join("quotes.csv"));
    let texts: Vec<&str> = quotes.iter().map(|q| q["text"].as_str()).collect();
    assert!(
        texts.contains(&"'-- and then we lost everything, the worst disaster,"),
        "{texts:?}"
    );
    assert!(
        texts.iter().any(|t| t.starts_with("'=HYPERLINK(")),
        "{texts:?}"
    );
    assert!(texts.contains(&"'@everyone, it is over,"), "{texts:?}");
    let tones: Vec<f64> = quotes.iter().map(|q| q["tone"].parse().unwrap()).collect();
    assert!(
        tones.iter().any(|t| *t < 0.0),
        "a negative tone stays a number: {tones:?}"
    );
    for q in &quotes {
        q["start"].parse::<usize>().unwrap();
        q["confidence"].parse::<f64>().unwrap();
    }
    let raw_quotes = common::read_table(&raw.join("quotes.csv"));
    assert_eq!(raw_quotes[0]["doc_id"], "=g1");
    assert_eq!(
        raw_quotes[0]["text"],
        "-- and then we lost everything, the worst disaster,"
    );
}

#[test]
fn eval_and_diff_read_neutralised_tables_like_raw_ones() {
    let dir = tempdir();
    let input = corpus(dir.path());
    let (safe, raw) = (dir.path().join("safe"), dir.path().join("raw"));
    run(&input, &safe, &[]);
    run(&input, &raw, &["--raw-csv"]);

    // Gold in PolNeAR form (code-point offsets) for the quote contents.
    let gold = dir.path().join("gold.jsonl");
    let mut lines = Vec::new();
    for (id, _, text) in TEXTS {
        let quotes: Vec<serde_json::Value> = common::read_table(&raw.join("quotes.csv"))
            .iter()
            .filter(|q| q["doc_id"] == id && q["kind"] == "direct")
            .map(|q| {
                let cp = |b: &str| text[..b.parse::<usize>().unwrap()].chars().count();
                let (s, e) = (cp(&q["start"]), cp(&q["end"]));
                serde_json::json!({"start": s, "end": e, "spans": [[s, e]], "kind": "direct",
                    "speech_cue": true, "speaker": "x", "speaker_start": 0, "speaker_end": 1})
            })
            .collect();
        assert!(!quotes.is_empty(), "{id} has direct quotes");
        lines.push(serde_json::json!({"doc_id": id, "text": text, "quotes": quotes}).to_string());
    }
    std::fs::write(&gold, lines.join("\n") + "\n").unwrap();
    let eval = |pred: &Path| {
        let o = whosaid(&[
            "eval",
            gold.to_str().unwrap(),
            "--pred",
            pred.to_str().unwrap(),
        ]);
        assert!(o.status.success());
        String::from_utf8_lossy(&o.stdout).to_string()
    };
    let (e_safe, e_raw) = (eval(&safe), eval(&raw));
    assert_eq!(e_safe, e_raw);
    // The neutralised doc ids matched their gold documents (an unrestored `'=g1` would
    // match nothing and score 0).
    let f1: f64 = e_safe
        .split("F1_overlap=")
        .nth(1)
        .and_then(|r| r.split_whitespace().next())
        .and_then(|v| v.parse().ok())
        .unwrap();
    // (Punctuation-only pieces of the HYPERLINK quote have no tokens and never match.)
    assert!(f1 > 0.5, "{e_safe}");

    let o = whosaid(&[
        "diff",
        raw.to_str().unwrap(),
        safe.to_str().unwrap(),
        "--out",
        dir.path().join("d.csv").to_str().unwrap(),
    ]);
    assert!(o.status.success());
    let printed = String::from_utf8_lossy(&o.stdout);
    assert!(printed.starts_with("0 differences"), "{printed}");
}
