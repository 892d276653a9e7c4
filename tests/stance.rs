//! Stance scores on clear cases, and the stance tables of a run.

mod common;

use common::{read_table, tempdir, whosaid};
use whosaid::document::Span;
use whosaid::segment::tokenize;
use whosaid::stance::{score_tokens, StanceScores};
use whosaid::Lexicons;

fn score(text: &str) -> StanceScores {
    let lex = Lexicons::embedded();
    let mut tokens = Vec::new();
    tokenize(
        text,
        Span::new(0, text.len()),
        &lex.abbreviations,
        &mut tokens,
    );
    score_tokens(text, &tokens, &lex.stance)
}

#[test]
fn punishment_is_hostile_and_negative() {
    let s = score("a strong punishment");
    assert!(s.conflict > 0.2 && s.tone < -0.2, "{s:?}");
}

#[test]
fn a_working_group_is_cooperative_and_positive() {
    let s = score(
        "welcomed plans to convene a crisis-communications working group by the end of the year",
    );
    assert!(s.conflict < -0.2 && s.tone > 0.2, "{s:?}");
}

#[test]
fn will_continue_is_assertive_and_may_consider_hedged() {
    let s = score("The United States will continue to fly, sail, and operate wherever international law allows.");
    assert!(s.certainty > 0.2, "{s:?}");
    let s = score("We may consider further steps.");
    assert!(s.certainty < -0.2, "{s:?}");
}

#[test]
fn negation_lowers_hostility() {
    let threat = score("This is a threat.");
    let not_threat = score("This is not a threat.");
    assert!(
        not_threat.conflict < threat.conflict,
        "{not_threat:?} vs {threat:?}"
    );
    assert!(
        not_threat.terms.contains("(negated)"),
        "{}",
        not_threat.terms
    );
}

#[test]
fn intensifiers_and_contrast() {
    let concerned = score("We are concerned.");
    let deeply = score("We are deeply concerned.");
    assert!(deeply.tone < concerned.tone, "{deeply:?} vs {concerned:?}");
    // After `but`, the second clause dominates.
    let s = score("The talks were useful, but the provocations are dangerous and unacceptable.");
    assert!(s.tone < 0.0, "{s:?}");
}

#[test]
fn scores_are_bounded_and_explained() {
    let s = score("terrible terrible terrible awful disaster catastrophe war war war");
    for v in [s.tone, s.conflict, s.certainty] {
        assert!((-1.0..=1.0).contains(&v), "{s:?}");
    }
    assert!(
        s.terms
            .split(';')
            .all(|t| t.contains(':') && t.contains('=')),
        "{}",
        s.terms
    );
    let neutral = score("The meeting took place on Tuesday.");
    assert_eq!((neutral.tone, neutral.conflict), (0.0, 0.0), "{neutral:?}");
}

#[test]
fn score_command_reads_lines_from_stdin() {
    let out = common::whosaid_with_stdin(
        &["score"],
        b"We welcome the constructive talks.\n\nThis is a dangerous provocation.\n",
    );
    assert!(out.status.success());
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(&rows[1][0], "3", "ids are line numbers");
    let tone = |r: &csv::StringRecord| r[1].parse::<f64>().unwrap();
    assert!(tone(&rows[0]) > 0.0 && tone(&rows[1]) < 0.0, "{rows:?}");
}

#[test]
fn sample_run_has_tone_tables_by_government() {
    let dir = tempdir();
    let o = whosaid(&[
        "run",
        "data/sample",
        "--out",
        dir.path().to_str().unwrap(),
        "-q",
    ]);
    assert!(o.status.success());
    let quotes = read_table(&dir.path().join("quotes.csv"));
    assert!(quotes
        .iter()
        .all(|q| !q["tone"].is_empty() && !q["certainty"].is_empty()));
    let affiliations = read_table(&dir.path().join("affiliations.csv"));
    for country in ["United States", "China"] {
        let row = affiliations
            .iter()
            .find(|a| a["affiliation"] == country)
            .unwrap_or_else(|| panic!("no {country} row"));
        let expected = quotes
            .iter()
            .filter(|q| q["affiliation"] == country)
            .count();
        assert_eq!(row["quotes"], expected.to_string(), "{country}");
        let (low, mean, high): (f64, f64, f64) = (
            row["tone_ci_low"].parse().unwrap(),
            row["mean_tone"].parse().unwrap(),
            row["tone_ci_high"].parse().unwrap(),
        );
        assert!(low <= mean && mean <= high, "{row:?}");
    }
    let timeline = read_table(&dir.path().join("timeline.csv"));
    assert!(timeline
        .iter()
        .any(|t| t["affiliation"] == "China" && t["period"] == "2024-05"));
    let speakers = read_table(&dir.path().join("speakers.csv"));
    assert!(speakers.iter().all(|s| !s["mean_tone"].is_empty()));
}

#[test]
fn stance_tables_are_identical_across_thread_counts() {
    let a = tempdir();
    let b = tempdir();
    for (dir, threads) in [(&a, "1"), (&b, "3")] {
        let o = whosaid(&[
            "run",
            "data",
            "--out",
            dir.path().to_str().unwrap(),
            "-q",
            "--threads",
            threads,
            "--period",
            "week",
        ]);
        assert!(o.status.success());
    }
    for table in [
        "affiliations.csv",
        "timeline.csv",
        "speakers.csv",
        "quotes.csv",
    ] {
        assert_eq!(
            std::fs::read(a.path().join(table)).unwrap(),
            std::fs::read(b.path().join(table)).unwrap(),
            "{table}"
        );
    }
}

#[test]
fn user_lexicons_in_every_format() {
    let dir = tempdir();
    let write = |name: &str, text: &str| {
        let p = dir.path().join(name);
        std::fs::write(&p, text).unwrap();
        p.display().to_string()
    };
    let vader = write("mine.txt", "zorbful\t3.1\t0.7\t[3, 3, 4]\n");
    let csv_lex = write("mine.csv", "term,weight\nflimflam,2.5\n");
    let dict = write(
        "cats.yml",
        "# made-up\nhappyish:\n  - zorb*\nwary: [flimflam]\n",
    );
    let input = write("in.txt", "A zorbful day of flimflam.\n");
    let out = whosaid(&[
        "score",
        &input,
        "--lexicon",
        &vader,
        "--lexicon",
        &format!("{csv_lex}:conflict"),
        "--lexicon",
        &dict,
    ]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let header = reader.headers().unwrap().clone();
    assert_eq!(
        header.iter().skip(5).collect::<Vec<_>>(),
        ["happyish", "happyish_share", "wary", "wary_share"]
    );
    let row = reader.records().next().unwrap().unwrap();
    assert!(
        row[1].parse::<f64>().unwrap() > 0.3,
        "tone from the VADER-format entry: {row:?}"
    );
    assert!(
        row[2].parse::<f64>().unwrap() > 0.3,
        "conflict from the CSV entry: {row:?}"
    );
    assert_eq!((&row[5], &row[7]), ("1", "1"));

    let bad = write("bad.txt", "good\tvery\n");
    let out = whosaid(&["score", &input, "--lexicon", &bad]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad.txt:1"));
}
