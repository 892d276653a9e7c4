//! Properties on arbitrary input: segmentation and the whole pipeline (readers, stages,
//! rows) never panic and give valid spans; CSV records round-trip; linear time.

use proptest::prelude::*;
use std::time::{Duration, Instant};
use whosaid::segment::{segment, Segmentation};
use whosaid::{Document, Lexicons, Span};

/// Characters that stress the quote and sentence rules, plus arbitrary Unicode.
fn tricky_text() -> impl Strategy<Value = String> {
    let special = prop::sample::select(vec![
        '"',
        '\'',
        '\u{201C}',
        '\u{201D}',
        '\u{2018}',
        '\u{2019}',
        '\u{201E}',
        '\u{00AB}',
        '\u{00BB}',
        '\u{2039}',
        '\u{203A}',
        '.',
        '!',
        '?',
        '\u{2026}',
        ' ',
        ' ',
        '\n',
        '\n',
        '\r',
        '\t',
        'a',
        'B',
        'z',
        'M',
        'r',
        'U',
        'S',
        '9',
        '-',
        ',',
        ':',
        '(',
        ')',
        '=',
        '\u{00E9}',
        '\u{4E2D}',
        '\u{1F600}',
    ]);
    let ch = prop_oneof![4 => special, 1 => any::<char>()];
    prop::collection::vec(ch, 0..400).prop_map(|v| v.into_iter().collect())
}

fn check_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what} {span:?} out of bounds"
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} not on char boundaries"
    );
}

fn check(text: &str, seg: &Segmentation) {
    let mut last = 0;
    for p in &seg.paragraphs {
        check_span(text, p.span, "paragraph");
        assert!(p.span.start >= last, "paragraphs out of order");
        last = p.span.end;
    }
    let mut last = 0;
    for s in &seg.sentences {
        check_span(text, s.span, "sentence");
        assert!(s.span.start >= last, "sentences out of order");
        assert!(
            seg.paragraphs[s.paragraph].span.contains(&s.span),
            "sentence outside its paragraph"
        );
        last = s.span.end;
    }
    let mut last = 0;
    for t in &seg.tokens {
        check_span(text, t.span(), "token");
        assert!(
            !t.span().is_empty() && t.span().start >= last,
            "tokens empty or out of order"
        );
        last = t.span().end;
    }
    let mut last = 0;
    for q in &seg.quotes {
        check_span(text, q.outer, "quote");
        assert!(q.paragraph < seg.paragraphs.len() && q.sentence < seg.sentences.len().max(1));
        assert!(!q.fragments.is_empty(), "quote without fragments");
        for f in &q.fragments {
            check_span(text, f.content, "fragment");
            check_span(text, f.outer, "fragment outer");
            assert!(!f.content.is_empty(), "empty fragment");
            assert!(
                f.content.start >= last,
                "fragments overlap or are out of order"
            );
            assert!(f.outer.contains(&f.content));
            last = f.content.end;
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() })]
    #[test]
    fn arbitrary_text_segments_into_valid_spans(text in tricky_text()) {
        let doc = Document::new("p", text);
        let seg = segment(&doc, Lexicons::embedded());
        check(&doc.text, &seg);
    }
}

/// Pseudo-random text of quote marks and letters (deterministic).
fn adversarial(len: usize, alphabet: &[&str]) -> String {
    let mut state = 0x2545_F491_4F6C_DD1Du64;
    let mut out = String::with_capacity(len + 8);
    while out.len() < len {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        out.push_str(alphabet[(state % alphabet.len() as u64) as usize]);
    }
    out
}

fn time_segment(text: String) -> Duration {
    let doc = Document::new("big", text);
    let started = Instant::now();
    let seg = segment(&doc, Lexicons::embedded());
    let elapsed = started.elapsed();
    check(&doc.text, &seg);
    elapsed
}

/// A 1 MB document of random quote marks and letters segments in linear time: a quadratic
/// pairing would take minutes here, a linear scan takes well under a second even unoptimised.
#[test]
fn one_megabyte_of_quote_marks_segments_in_linear_time() {
    let marks = [
        "\"", "\u{201C}", "\u{201D}", "'", "\u{2018}", "\u{2019}", "a", "b", " ", "\u{00AB}", ".",
    ];
    let t_small = time_segment(adversarial(1 << 16, &marks));
    let t_big = time_segment(adversarial(1 << 20, &marks));
    // 16x the input may cost at most ~50x the time (linear plus generous noise).
    assert!(
        t_big < t_small * 50 + Duration::from_millis(200),
        "64 KB took {t_small:?}, 1 MB took {t_big:?}"
    );
    assert!(t_big < Duration::from_secs(10), "1 MB took {t_big:?}");
    for pattern in [
        &["\""][..],
        &["\"a"],
        &["'"],
        &["\u{201C}\u{2018}"],
        &["word "],
    ] {
        let t = time_segment(adversarial(1 << 20, pattern));
        assert!(t < Duration::from_secs(10), "{pattern:?}: {t:?}");
    }
}

/// Raw bytes: tricky text with stray invalid UTF-8, NUL and control bytes mixed in.
fn tricky_bytes() -> impl Strategy<Value = Vec<u8>> {
    let piece = prop_oneof![
        6 => tricky_text().prop_map(String::into_bytes),
        1 => prop::collection::vec(prop::sample::select(vec![0xffu8, 0xfe, 0xc3, 0x80, 0xe2, 0x00, 0x01, 0x1b, 0x7f, b'\n', b',', b'"']), 0..8),
    ];
    prop::collection::vec(piece, 0..4).prop_map(|v| v.concat())
}

/// How a proptest input is packaged: as a txt file, a JSONL record, or a CSV record, or
/// the raw bytes handed to the JSONL or CSV reader as they are.
fn package(kind: u8, body: &[u8]) -> (whosaid::corpus::InputFormat, Vec<u8>) {
    use whosaid::corpus::InputFormat;
    let text = String::from_utf8_lossy(body);
    match kind % 5 {
        0 => (InputFormat::Txt, body.to_vec()),
        1 => {
            let mut line = b"{\"id\":\"p\",\"text\":".to_vec();
            line.extend(serde_json::to_vec(&text).expect("a JSON string"));
            line.extend(b"}\n{\"id\":\"q\",\"text\":\"after\"}\n");
            (InputFormat::Jsonl, line)
        }
        2 => {
            let mut w = csv::Writer::from_writer(Vec::new());
            w.write_record(["id", "text"]).expect("in memory");
            w.write_record(["p", text.as_ref()]).expect("in memory");
            w.write_record(["q", "after"]).expect("in memory");
            (InputFormat::Csv, w.into_inner().expect("in memory"))
        }
        3 => (InputFormat::Jsonl, body.to_vec()),
        _ => {
            let mut csv = b"id,text\n".to_vec();
            csv.extend(body);
            (InputFormat::Csv, csv)
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1500, failure_persistence: None, ..ProptestConfig::default() })]
    /// The whole pipeline (reader, stages, rows) on arbitrary bytes in every format, with
    /// the default document limit or a tiny one that cuts records: no panic, valid spans,
    /// one documents.csv row per record (the fuzz target's checks, `whosaid::check`).
    #[test]
    fn arbitrary_bytes_run_through_the_whole_pipeline(
        kind in 0u8..5,
        body in tricky_bytes(),
        tiny_limit in prop::option::of(1u64..300),
    ) {
        let (format, bytes) = package(kind, &body);
        let options = whosaid::corpus::ReadOptions {
            max_doc_bytes: tiny_limit.unwrap_or(whosaid::corpus::DEFAULT_MAX_DOC_BYTES),
            ..Default::default()
        };
        let records = whosaid::check::check_bytes_with(&bytes, format, options);
        prop_assert!(records >= 1, "every input yields at least one row");
    }

    /// CSV written by a conforming writer reads back exactly, record for record; with a
    /// limit, exactly the records longer than it become errors and the others are exact.
    #[test]
    fn csv_records_read_back_exactly_around_the_limit(
        texts in prop::collection::vec(tricky_text(), 1..6),
        limit in prop_oneof![Just(1u64 << 20), 20u64..400],
    ) {
        let mut w = csv::Writer::from_writer(Vec::new());
        w.write_record(["id", "text"]).expect("in memory");
        for (i, t) in texts.iter().enumerate() {
            w.write_record([format!("r{i}").as_str(), t.as_str()]).expect("in memory");
        }
        let bytes = w.into_inner().expect("in memory");
        let options = whosaid::corpus::ReadOptions {
            max_doc_bytes: limit,
            ..Default::default()
        };
        let got: Vec<_> = whosaid::corpus::read_bytes(bytes, whosaid::corpus::InputFormat::Csv, "p.csv", options)
            .map(|r| r.result)
            .collect();
        prop_assert_eq!(got.len(), texts.len());
        for (i, (t, r)) in texts.iter().zip(&got).enumerate() {
            // The record as written: id, comma, the (possibly quoted) cell; the limit counts
            // these bytes, not the line terminator.
            let mut one = csv::Writer::from_writer(Vec::new());
            one.write_record([format!("r{i}").as_str(), t.as_str()]).expect("in memory");
            let raw = one.into_inner().expect("in memory");
            let raw_len = raw.strip_suffix(b"\r\n").or_else(|| raw.strip_suffix(b"\n")).unwrap_or(&raw).len() as u64;
            match r {
                Ok(doc) => {
                    prop_assert!(raw_len <= limit, "record {i} of {raw_len} bytes passed a limit of {limit}");
                    prop_assert_eq!(&doc.text, t);
                    prop_assert_eq!(&doc.meta.id, &format!("r{i}"));
                }
                Err(e) => {
                    prop_assert!(raw_len > limit, "record {i} ({raw_len} bytes) rejected: {e}");
                    prop_assert!(e.message.contains("--max-doc-bytes"), "{}", e);
                }
            }
        }
    }
}
