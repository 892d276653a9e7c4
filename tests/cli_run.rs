//! End-to-end tests of `whosaid run` through the binary.

mod common;

use common::{read_table, root, tempdir, whosaid};
use std::collections::HashMap;

fn run_ok(args: &[&str]) {
    let out = whosaid(args);
    assert!(
        out.status.success(),
        "whosaid {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Content spans of the sample article's quotations (byte offsets, marks excluded).
const SAMPLE_QUOTES: [(usize, usize); 11] = [
    (485, 572),
    (594, 601),
    (888, 905),
    (922, 938),
    (941, 1151),
    (1198, 1321),
    (1362, 1372),
    (1399, 1465),
    (1682, 1714),
    (1790, 1802),
    (1978, 1983),
];

#[test]
fn sample_article_segments_into_exactly_the_eleven_quotes() {
    let text =
        std::fs::read_to_string(root().join("data/sample/000_fa62bcc0bea388f4.txt")).unwrap();
    let doc = whosaid::Document::new("seed", text);
    let seg = whosaid::segment::segment(&doc, whosaid::Lexicons::embedded());
    let spans: Vec<(usize, usize)> = seg
        .quotes
        .iter()
        .map(|q| (q.content_span().start, q.content_span().end))
        .collect();
    assert_eq!(spans, SAMPLE_QUOTES);
    let headline: Vec<bool> = seg.quotes.iter().map(|q| q.headline).collect();
    assert!(headline[6], "the sub-heading quote is marked");
    assert_eq!(headline.iter().filter(|h| **h).count(), 1);
}

/// Through the CLI, every quotation appears exactly once: as a direct row, or inside the
/// one mixed row whose reported clause contains it; no other direct rows exist.
#[test]
fn sample_article_quotes_appear_once_in_the_table() {
    let dir = tempdir();
    let out = dir.path().to_str().unwrap();
    run_ok(&[
        "run",
        "data/sample/000_fa62bcc0bea388f4.txt",
        "--out",
        out,
        "--quiet",
    ]);
    let quotes = read_table(&dir.path().join("quotes.csv"));
    let span = |q: &HashMap<String, String>| -> (usize, usize) {
        (q["start"].parse().unwrap(), q["end"].parse().unwrap())
    };
    for (s, e) in SAMPLE_QUOTES {
        let holders = quotes
            .iter()
            .filter(|q| match q["kind"].as_str() {
                "direct" => span(q) == (s, e),
                "mixed" => span(q).0 <= s && e <= span(q).1,
                _ => false,
            })
            .count();
        assert_eq!(holders, 1, "quote {s}..{e} appears {holders} times");
    }
    let direct: Vec<(usize, usize)> = quotes
        .iter()
        .filter(|q| q["kind"] == "direct")
        .map(span)
        .collect();
    assert!(
        direct.iter().all(|d| SAMPLE_QUOTES.contains(d)),
        "a direct row that is not a quotation: {direct:?}"
    );
    let ids: Vec<&str> = quotes.iter().map(|q| q["quote_id"].as_str()).collect();
    assert_eq!(ids[0], "q1");
    let docs = read_table(&dir.path().join("documents.csv"));
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["doc_id"], "000_fa62bcc0bea388f4");
    assert_eq!(docs[0]["date"], "2024-05-31");
    assert_eq!(docs[0]["status"], "ok");
    assert_eq!(docs[0]["quotes"], quotes.len().to_string());
    assert_eq!(docs[0]["bytes"], "1985");
}

/// Every offset in every quote row points at its text in the source document, for every
/// document of the sample and the labeled data: `text[s..e]` of the fragments joined by a
/// space is the `text` cell, and the speaker and cue spans give the `speaker_mention` and
/// `cue` cells. Cells are read back through `whosaid::output::restore`, which drops the
/// spreadsheet-safety `'` (the tables are written in the default, neutralised mode).
#[test]
fn quote_offsets_point_into_the_source_text() {
    use whosaid::output::restore;
    let dir = tempdir();
    run_ok(&[
        "run",
        "data/sample",
        "data/labeled/articles.jsonl",
        "--out",
        dir.path().to_str().unwrap(),
        "-q",
    ]);
    let mut texts: HashMap<String, String> = HashMap::new();
    for line in std::fs::read_to_string(root().join("data/labeled/articles.jsonl"))
        .unwrap()
        .lines()
    {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        texts.insert(
            v["doc_id"].as_str().unwrap().to_string(),
            v["text"].as_str().unwrap().to_string(),
        );
    }
    let labeled = texts.len();
    let docs = read_table(&dir.path().join("documents.csv"));
    for d in docs.iter().filter(|d| d["source_file"].ends_with(".txt")) {
        let text = std::fs::read_to_string(root().join(&d["source_file"])).unwrap();
        texts.insert(d["doc_id"].clone(), text);
    }
    assert_eq!(docs.len(), 5 + labeled);
    assert!(docs.iter().all(|d| d["status"] == "ok"));
    let quotes = read_table(&dir.path().join("quotes.csv"));
    assert!(quotes.len() > 300);
    let slice = |text: &str, s: &str, e: &str| -> String {
        text[s.parse::<usize>().unwrap()..e.parse::<usize>().unwrap()].to_string()
    };
    for q in &quotes {
        let text = &texts[restore(&q["doc_id"])];
        let pieces: Vec<String> = q["fragments"]
            .split(';')
            .map(|f| {
                let (s, e) = f.split_once('-').unwrap();
                slice(text, s, e)
            })
            .collect();
        assert_eq!(pieces.join(" "), restore(&q["text"]), "{q:?}");
        let start: usize = q["start"].parse().unwrap();
        assert!(q["fragments"].starts_with(&format!("{start}-")));
        assert!(q["fragments"].ends_with(&format!("-{}", q["end"])));
        if !q["speaker_start"].is_empty() {
            let mention = slice(text, &q["speaker_start"], &q["speaker_end"]);
            assert_eq!(mention, restore(&q["speaker_mention"]), "{q:?}");
        }
        if !q["cue_start"].is_empty() {
            assert_eq!(
                slice(text, &q["cue_start"], &q["cue_end"]),
                restore(&q["cue"]),
                "{q:?}"
            );
        }
    }
}

/// All five tables are byte-identical across thread counts and repeated runs, on the
/// bundled data and on a corpus of hostile records.
#[test]
fn output_is_identical_across_thread_counts() {
    let hostile = tempdir();
    let mut jsonl = String::new();
    for (i, text) in [
        "\"Bob.\"\n\n\"What.\"",
        "\"\"=",
        "\"-- and then,\" he said. \"=1+1,\" she said.",
        "\u{201C}\u{2018}\u{201C}\u{2018} open",
        "",
    ]
    .iter()
    .cycle()
    .take(600)
    .enumerate()
    {
        jsonl.push_str(&serde_json::json!({"id": format!("h{i}"), "text": text}).to_string());
        jsonl.push('\n');
    }
    std::fs::write(hostile.path().join("h.jsonl"), jsonl).unwrap();
    let h = hostile.path().join("h.jsonl");
    let runs: Vec<tempfile::TempDir> = ["1", "4", "4", "2"]
        .iter()
        .map(|threads| {
            let out = tempdir();
            run_ok(&[
                "run",
                "data",
                h.to_str().unwrap(),
                "--out",
                out.path().to_str().unwrap(),
                "-q",
                "--threads",
                threads,
            ]);
            out
        })
        .collect();
    for table in common::TABLES {
        let first = std::fs::read(runs[0].path().join(table)).unwrap();
        assert!(first.len() > 100, "{table} is empty");
        for (k, run) in runs.iter().enumerate().skip(1) {
            let other = std::fs::read(run.path().join(table)).unwrap();
            assert!(first == other, "{table} differs between run 0 and run {k}");
        }
    }
}

#[test]
fn broken_records_get_error_rows_and_the_rest_runs() {
    let dir = tempdir();
    let input = dir.path().join("mixed.jsonl");
    std::fs::write(
        &input,
        b"{\"id\":\"good1\",\"text\":\"\\\"Yes,\\\" she said.\"}\n{broken\n{\"id\":\"notext\"}\n{\"id\":\"bad-utf8\",\"text\":\"caf\xe9 \\\"ok\\\" here\"}\n{\"id\":\"good2\",\"text\":\"Fine.\"}\n",
    )
    .unwrap();
    let out = dir.path().join("out");
    let o = whosaid(&[
        "run",
        input.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "-q",
    ]);
    assert_eq!(o.status.code(), Some(0));
    let docs = read_table(&out.join("documents.csv"));
    let status: Vec<(&str, &str)> = docs
        .iter()
        .map(|d| (d["doc_id"].as_str(), d["status"].as_str()))
        .collect();
    let broken_id = format!("{}:2", input.display());
    assert_eq!(
        status,
        [
            ("good1", "ok"),
            (broken_id.as_str(), "error"),
            ("notext", "error"),
            ("bad-utf8", "ok"),
            ("good2", "ok")
        ]
    );
    assert!(
        docs[1]["message"].contains("mixed.jsonl:2"),
        "{:?}",
        docs[1]
    );
    assert!(docs[2]["message"].contains("missing `text`"));
    assert!(docs[3]["message"].contains("invalid UTF-8"));
    assert_eq!(docs[3]["warnings"], "1");
    let quotes = read_table(&out.join("quotes.csv"));
    assert_eq!(quotes.len(), 2);

    let strict = whosaid(&[
        "run",
        input.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "-q",
        "--strict",
    ]);
    assert_eq!(strict.status.code(), Some(1));
}

#[test]
fn csv_and_txt_inputs_read_alike() {
    let dir = tempdir();
    std::fs::write(
        dir.path().join("a.csv"),
        "doc_id,date,title,text\nc1,2024-01-02,T,\"She said \"\"we agree.\"\"\nNext line.\"\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("b.txt"), "He said \u{201C}no.\u{201D}\n").unwrap();
    let out = dir.path().join("out");
    run_ok(&[
        "run",
        dir.path().to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "-q",
    ]);
    let quotes = read_table(&out.join("quotes.csv"));
    let got: Vec<(&str, &str)> = quotes
        .iter()
        .map(|q| (q["doc_id"].as_str(), q["text"].as_str()))
        .collect();
    assert_eq!(got, [("c1", "we agree."), ("b", "no.")]);
}

#[test]
fn usage_and_io_errors_exit_2_before_any_work() {
    assert_eq!(
        whosaid(&["run", "--out", "x"]).status.code(),
        Some(2),
        "no input"
    );
    let dir = tempdir();
    let out = dir.path().join("out");
    let o = whosaid(&["run", "/no/such/file.txt", "--out", out.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("/no/such/file.txt"));
    assert!(
        !out.exists(),
        "nothing is written when the input is missing"
    );

    let file = dir.path().join("afile");
    std::fs::write(&file, "x").unwrap();
    let o = whosaid(&["run", "data/sample", "--out", file.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("not a directory"));

    let lex = dir.path().join("lex");
    std::fs::create_dir(&lex).unwrap();
    std::fs::write(lex.join("abbreviations.txt"), "Mr.\nbad entry here\n").unwrap();
    let o = whosaid(&[
        "run",
        "data/sample",
        "--out",
        out.to_str().unwrap(),
        "--lexicons",
        lex.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("abbreviations.txt:2"));
}

#[test]
fn help_explains_options_with_an_example() {
    let o = whosaid(&["run", "--help"]);
    assert!(o.status.success());
    let help = String::from_utf8_lossy(&o.stdout);
    for word in [
        "--out",
        "--format",
        "--threads",
        "--lexicons",
        "--quiet",
        "--strict",
        "Examples",
    ] {
        assert!(help.contains(word), "run --help lacks {word}");
    }
    let o = whosaid(&["--help"]);
    assert!(String::from_utf8_lossy(&o.stdout).contains("Example"));
}

#[test]
fn stdin_jsonl_is_read_with_dash() {
    let dir = tempdir();
    let out = common::whosaid_with_stdin(
        &["run", "-", "--out", dir.path().to_str().unwrap(), "-q"],
        b"{\"id\":\"s1\",\"text\":\"\\\"Hi,\\\" he said.\"}\n",
    );
    assert!(out.status.success());
    let quotes = read_table(&dir.path().join("quotes.csv"));
    assert_eq!(quotes[0]["doc_id"], "s1");
    assert_eq!(quotes[0]["text"], "Hi,");
}
