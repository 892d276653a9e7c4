//! `whosaid merge` and the streaming mode (`run - --emit`): partial outputs of parts of a
//! corpus, merged, equal the tables of one run over the whole corpus, byte for byte.

mod common;

use common::{root, tempdir, whosaid, whosaid_with_stdin, TABLES};
use std::path::Path;

fn ok(out: std::process::Output, what: &str) -> Vec<u8> {
    assert!(
        out.status.success(),
        "{what} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

fn assert_same_tables(a: &Path, b: &Path) {
    for table in TABLES {
        let left = std::fs::read(a.join(table)).unwrap();
        let right = std::fs::read(b.join(table)).unwrap();
        assert!(
            left == right,
            "{table} differs between {} and {}",
            a.display(),
            b.display()
        );
        assert!(left.contains(&b'\n'), "{table} has a header row");
    }
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn merged_run_parts_equal_the_whole_run() {
    for raw in [false, true] {
        let tmp = tempdir();
        let flag: &[&str] = if raw { &["--raw-csv"] } else { &[] };
        let whole = tmp.path().join("whole");
        let run = |inputs: &[&str], out: &Path| {
            let mut args = vec!["run", "--quiet", "--out", s(out), "--period", "week"];
            args.extend(inputs);
            args.extend(flag);
            ok(whosaid(&args), "run");
        };
        run(&["data"], &whole);
        let sample: Vec<String> = {
            let mut files: Vec<String> = std::fs::read_dir(root().join("data/sample"))
                .unwrap()
                .map(|e| format!("data/sample/{}", e.unwrap().file_name().to_string_lossy()))
                .filter(|f| f.ends_with(".txt"))
                .collect();
            files.sort();
            files
        };
        let parts = [
            (tmp.path().join("p1"), vec!["data/labeled".to_string()]),
            (tmp.path().join("p2"), sample[..1].to_vec()),
            (tmp.path().join("p3"), sample[1..].to_vec()),
        ];
        for (dir, inputs) in &parts {
            let inputs: Vec<&str> = inputs.iter().map(String::as_str).collect();
            run(&inputs, dir);
        }
        let merged = tmp.path().join("merged");
        let mut args = vec!["merge", "--quiet", "--period", "week", "--out", s(&merged)];
        for (dir, _) in &parts {
            args.push(s(dir));
        }
        args.extend(flag);
        ok(whosaid(&args), "merge");
        assert_same_tables(&whole, &merged);
    }
}

/// The labeled articles split into parts (one of them empty, as a Spark partition can
/// be), each record carrying its original location as the Spark driver writes it.
fn located_parts() -> Vec<Vec<u8>> {
    let text = std::fs::read_to_string(root().join("data/labeled/articles.jsonl")).unwrap();
    let lines: Vec<String> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            let mut v: serde_json::Value = serde_json::from_str(l).unwrap();
            v["_source_file"] = "data/labeled/articles.jsonl".into();
            v["_line"] = (i + 1).into();
            format!("{v}\n")
        })
        .collect();
    let cut = lines.len() / 3;
    vec![
        lines[..cut].concat().into_bytes(),
        Vec::new(),
        lines[cut..].concat().into_bytes(),
    ]
}

#[test]
fn merged_streams_equal_the_whole_run() {
    let tmp = tempdir();
    let whole = tmp.path().join("whole");
    ok(
        whosaid(&[
            "run",
            "data/labeled/articles.jsonl",
            "--quiet",
            "--out",
            s(&whole),
        ]),
        "run",
    );
    let mut dirs = Vec::new();
    for (i, input) in located_parts().iter().enumerate() {
        let dir = tmp.path().join(format!("part{i}"));
        std::fs::create_dir_all(&dir).unwrap();
        for table in ["documents", "quotes"] {
            let rows = ok(
                whosaid_with_stdin(&["run", "-", "--quiet", "--emit", table], input),
                "run --emit",
            );
            std::fs::write(dir.join(format!("{table}.csv")), rows).unwrap();
        }
        dirs.push(dir);
    }
    let merged = tmp.path().join("merged");
    let mut args = vec!["merge", "--quiet", "--out", s(&merged)];
    args.extend(dirs.iter().map(|d| s(d)));
    ok(whosaid(&args), "merge");
    assert_same_tables(&whole, &merged);
}

#[test]
fn no_header_streams_only_rows_and_an_empty_stream_gives_none() {
    let input = &located_parts()[0];
    let with = ok(
        whosaid_with_stdin(&["run", "-", "-q", "--emit", "quotes"], input),
        "emit",
    );
    let without = ok(
        whosaid_with_stdin(
            &["run", "-", "-q", "--emit", "quotes", "--no-header"],
            input,
        ),
        "emit --no-header",
    );
    let header_end = with.iter().position(|&b| b == b'\n').unwrap() + 1;
    assert!(with.starts_with(b"doc_id,quote_id,kind,"));
    assert_eq!(&with[header_end..], &without[..]);
    assert!(
        without.starts_with(b"lab_001,q1,"),
        "every row carries doc_id"
    );
    let empty = ok(
        whosaid_with_stdin(
            &["run", "-", "-q", "--emit", "documents", "--no-header"],
            b"",
        ),
        "empty stream",
    );
    assert!(empty.is_empty(), "{}", String::from_utf8_lossy(&empty));
    // Without --emit an empty stdin is still one `error` row.
    let tmp = tempdir();
    ok(
        whosaid_with_stdin(&["run", "-", "-q", "--out", s(tmp.path())], b""),
        "run -",
    );
    let docs = std::fs::read_to_string(tmp.path().join("documents.csv")).unwrap();
    assert!(docs.contains("empty file"), "{docs}");
}

#[test]
fn usage_and_broken_parts_exit_2_with_file_and_line() {
    let tmp = tempdir();
    let unused = tmp.path().join("unused");
    // --out and --emit exclude each other; --no-header needs --emit.
    for args in [
        &["run", "-", "--emit", "quotes", "--out", s(&unused)][..],
        &["run", "-", "--no-header", "--out", s(&unused)][..],
        &["run", "-"][..],
    ] {
        assert_eq!(whosaid(args).status.code(), Some(2), "{args:?}");
    }
    assert!(!unused.exists(), "a usage error writes nothing");
    let missing = whosaid(&["merge", "no/such/part", "--out", s(tmp.path())]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("no/such/part"));

    let part = tmp.path().join("part");
    ok(
        whosaid(&["run", "data/sample", "-q", "--out", s(&part)]),
        "run",
    );
    // Drop the last quote row: documents.csv announces more than quotes.csv holds.
    let quotes = std::fs::read_to_string(part.join("quotes.csv")).unwrap();
    let cut = quotes.trim_end().rfind('\n').unwrap() + 1;
    std::fs::write(part.join("quotes.csv"), &quotes[..cut]).unwrap();
    let out = whosaid(&["merge", s(&part), "--out", s(&tmp.path().join("m"))]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("quotes.csv") && err.contains("documents.csv:"),
        "{err}"
    );

    // A part that is not a whosaid table names the file and line 1.
    std::fs::write(part.join("documents.csv"), "id,text\n1,x\n").unwrap();
    let out = whosaid(&["merge", s(&part), "--out", s(&tmp.path().join("m"))]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("documents.csv:1:"));
}
