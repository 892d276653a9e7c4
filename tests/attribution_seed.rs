//! Acceptance of attribution on the seed article: every quotation's speaker, mention and
//! affiliation, the two indirect reports, and the speakers table.

mod common;

use common::{read_table, tempdir, whosaid};
use std::collections::HashMap;

type Row = HashMap<String, String>;

fn run_seed() -> (Vec<Row>, Vec<Row>) {
    let dir = tempdir();
    let out = whosaid(&[
        "run",
        "data/sample/000_fa62bcc0bea388f4.txt",
        "--out",
        dir.path().to_str().unwrap(),
        "-q",
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        read_table(&dir.path().join("quotes.csv")),
        read_table(&dir.path().join("speakers.csv")),
    )
}

/// The row (direct, or the mixed row containing it) that carries the quotation whose
/// content starts with `start`.
fn row_for<'a>(quotes: &'a [Row], start: &str) -> &'a Row {
    quotes
        .iter()
        .find(|q| q["kind"] != "indirect" && q["text"].contains(start))
        .unwrap_or_else(|| panic!("no row carries the quote starting {start:?}"))
}

#[test]
fn seed_quotes_are_attributed_resolved_and_affiliated() {
    let (quotes, _) = run_seed();
    // (quote starts with, canonical speaker, mention or "" for any, affiliation)
    let expected = [
        (
            "welcomed plans to convene",
            "Lloyd Austin",
            "He",
            "United States",
        ),
        ("concern", "Lloyd Austin", "", "United States"),
        ("strong punishment", "China", "it", "China"),
        ("separatist acts.", "China", "", "China"),
        (
            "The Secretary expressed concern",
            "US Department of Defense",
            "the defense department",
            "United States",
        ),
        (
            "The United States will continue",
            "US Department of Defense",
            "",
            "United States",
        ),
        (
            "successful",
            "Chinese officials",
            "Chinese officials",
            "China",
        ),
        (
            "the importance of open lines",
            "Lloyd Austin",
            "Lloyd Austin's",
            "United States",
        ),
        ("prudent and responsible attitude", "China", "", "China"),
        ("hypocritical", "China", "", "China"),
        ("good.", "Chinese defense spokesperson", "", "China"),
    ];
    for (start, speaker, mention, affiliation) in expected {
        let q = row_for(&quotes, start);
        assert_eq!(q["speaker"], speaker, "speaker of {start:?}: {q:?}");
        assert_eq!(q["affiliation"], affiliation, "affiliation of {start:?}");
        if !mention.is_empty() {
            assert_eq!(q["speaker_mention"], mention, "mention of {start:?}");
        }
        assert_ne!(q["method"], "none");
        let confidence: f64 = q["confidence"].parse().unwrap();
        assert!(confidence > 0.0 && confidence <= 1.0);
    }
    let continuation = row_for(&quotes, "The United States will continue");
    assert_eq!(continuation["method"], "continuation");
    assert_eq!(row_for(&quotes, "successful")["headline"], "true");
    assert_eq!(
        row_for(&quotes, "prudent and responsible attitude")["kind"],
        "mixed"
    );
}

#[test]
fn seed_indirect_reports() {
    let (quotes, _) = run_seed();
    let indirect: Vec<&Row> = quotes.iter().filter(|q| q["kind"] == "indirect").collect();
    let austin = indirect
        .iter()
        .find(|q| q["text"].starts_with("the Biden administration's desire"))
        .expect("Austin emphasized ... is an indirect report");
    assert_eq!(austin["speaker"], "Lloyd Austin");
    assert_eq!(austin["affiliation"], "United States");
    assert_eq!(austin["cue"], "emphasized");
    let china = indirect
        .iter()
        .find(|q| q["text"].contains("an impending war with the island nation"))
        .expect("China warned of ... is an indirect report");
    assert_eq!(china["speaker"], "China");
    assert_eq!(china["affiliation"], "China");
    assert!(
        !china["text"].contains("proceeded"),
        "the report stops at the second verb"
    );
}

#[test]
fn seed_speakers_table() {
    let (quotes, speakers) = run_seed();
    let names: Vec<&str> = speakers.iter().map(|s| s["speaker"].as_str()).collect();
    assert!(
        names.contains(&"Lloyd Austin") && names.contains(&"China"),
        "{names:?}"
    );
    assert!(!names.contains(&"Dong Jun"), "Dong Jun is not quoted");
    let austin = speakers
        .iter()
        .find(|s| s["speaker"] == "Lloyd Austin")
        .unwrap();
    assert_eq!(austin["speaker_type"], "person");
    assert_eq!(austin["affiliation"], "United States");
    assert_eq!(austin["first_date"], "2024-05-31");
    assert!(austin["mentions"].split('|').any(|m| m == "He"));
    let attributed = quotes.iter().filter(|q| !q["speaker"].is_empty()).count();
    let counted: usize = speakers
        .iter()
        .map(|s| s["quotes"].parse::<usize>().unwrap())
        .sum();
    assert_eq!(
        counted, attributed,
        "speakers.csv counts every resolved quote once"
    );
}
