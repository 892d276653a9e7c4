//! `whosaid eval`: agreement with the reference scorer, thresholds, reports.

mod common;

use common::{root, tempdir, whosaid};
use std::path::Path;

/// A small gold file of our own: code-point offsets, curly quotes and a non-ASCII name so
/// that byte/char conversion is exercised.
const GOLD: &str = r#"{"doc_id": "g1", "text": "Minister José Álvarez spoke on Monday.\n\n“We will not retreat,” Álvarez said. The ministry said talks would resume in May.\n\nCritics called the plan “reckless.”", "quotes": [{"start": 41, "end": 61, "spans": [[41, 61]], "kind": "direct", "speech_cue": true, "speaker": "Álvarez", "speaker_start": 63, "speaker_end": 70, "speaker_resolved": "José Álvarez", "affiliation": "Spain"}, {"start": 95, "end": 120, "spans": [[95, 120]], "kind": "indirect", "speech_cue": true, "speaker": "The ministry", "speaker_start": 77, "speaker_end": 89, "speaker_resolved": "Ministry", "affiliation": "Spain"}]}
{"doc_id": "g2", "text": "The mayor said the bridge would reopen next week. \"It is safe,\" she added.", "quotes": [{"start": 15, "end": 48, "spans": [[15, 48]], "kind": "indirect", "speech_cue": true, "speaker": "The mayor", "speaker_start": 0, "speaker_end": 9}, {"start": 51, "end": 62, "spans": [[51, 62]], "kind": "direct", "speech_cue": true, "speaker": "she", "speaker_start": 64, "speaker_end": 67}]}
"#;

fn last_line(s: &[u8]) -> String {
    String::from_utf8_lossy(s)
        .lines()
        .last()
        .unwrap_or_default()
        .to_string()
}

#[test]
fn gold_offsets_are_well_formed() {
    for line in GOLD.lines() {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        let text: Vec<char> = v["text"].as_str().unwrap().chars().collect();
        for q in v["quotes"].as_array().unwrap() {
            let (s, e) = (
                q["start"].as_u64().unwrap() as usize,
                q["end"].as_u64().unwrap() as usize,
            );
            assert!(s < e && e <= text.len());
            let (ss, se) = (
                q["speaker_start"].as_u64().unwrap() as usize,
                q["speaker_end"].as_u64().unwrap() as usize,
            );
            let speaker: String = text[ss..se].iter().collect();
            assert_eq!(speaker, q["speaker"].as_str().unwrap());
        }
    }
}

#[test]
fn eval_agrees_with_the_reference_scorer() {
    let dir = tempdir();
    let gold = dir.path().join("gold.jsonl");
    std::fs::write(&gold, GOLD).unwrap();
    let out = dir.path().join("out");
    let run = whosaid(&[
        "run",
        gold.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
        "-q",
    ]);
    assert!(run.status.success());
    let ours = whosaid(&[
        "eval",
        gold.to_str().unwrap(),
        "--pred",
        out.to_str().unwrap(),
    ]);
    assert!(
        ours.status.success(),
        "{}",
        String::from_utf8_lossy(&ours.stderr)
    );
    let ours_line = last_line(&ours.stdout);
    assert!(ours_line.starts_with("F1_overlap="), "{ours_line}");
    // Without --pred the pipeline runs in process and must give the same figures.
    let direct = whosaid(&["eval", gold.to_str().unwrap()]);
    assert_eq!(last_line(&direct.stdout), ours_line);

    let scorer = root().join("../shared/tools/score_quotes.py");
    if !scorer.exists()
        || std::process::Command::new("python3")
            .arg("--version")
            .output()
            .is_err()
    {
        eprintln!(
            "skipping the comparison: {} or python3 not available",
            scorer.display()
        );
        return;
    }
    let reference = std::process::Command::new("python3")
        .arg(&scorer)
        .arg(&gold)
        .arg(out.join("quotes.csv"))
        .output()
        .unwrap();
    assert!(reference.status.success());
    let metrics = |line: &str| -> Vec<(String, f64)> {
        line.split_whitespace()
            .filter_map(|kv| kv.split_once('='))
            .map(|(k, v)| (k.to_string(), v.parse().unwrap()))
            .collect()
    };
    let theirs = metrics(&last_line(&reference.stdout));
    let mine = metrics(&ours_line);
    assert_eq!(theirs.len(), mine.len(), "{theirs:?} vs {mine:?}");
    for ((k1, v1), (k2, v2)) in theirs.iter().zip(&mine) {
        assert_eq!(k1, k2);
        assert!(
            (v1 - v2).abs() <= 0.01,
            "{k1}: reference {v1}, whosaid {v2}"
        );
    }
}

#[test]
fn thresholds_and_report() {
    let dir = tempdir();
    let gold = dir.path().join("gold.jsonl");
    std::fs::write(&gold, GOLD).unwrap();
    let report = dir.path().join("report");
    let o = whosaid(&[
        "eval",
        gold.to_str().unwrap(),
        "--min-f1",
        "0.0",
        "--report",
        report.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(0));
    for f in ["eval_summary.csv", "eval_documents.csv", "eval_errors.csv"] {
        assert!(Path::new(&report.join(f)).exists(), "{f}");
    }
    let summary = std::fs::read_to_string(report.join("eval_summary.csv")).unwrap();
    assert!(summary.contains("F1_overlap,") && summary.contains("affiliation_acc,"));
    let o = whosaid(&["eval", gold.to_str().unwrap(), "--min-f1", "1.01"]);
    assert_eq!(o.status.code(), Some(1));
    let o = whosaid(&["eval", "/no/such/gold.jsonl"]);
    assert_eq!(o.status.code(), Some(2));
}
