//! Inputs that once crashed whosaid (found by the fuzz target in `fuzz/`, or reported
//! against other tools), replayed through the same invariant checks as the fuzzer.
//! Files in `tests/fuzz_regressions/` are fuzz inputs: first byte = format (see
//! `whosaid::check::format_for`), the rest = the file.

use whosaid::check::{check_bytes, check_pipeline_invariants};
use whosaid::corpus::InputFormat;

#[test]
fn every_saved_fuzz_input_runs_clean() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz_regressions");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/fuzz_regressions exists")
        .map(|e| e.expect("readable entry").path())
        .collect();
    files.sort();
    assert!(files.len() >= 2, "the reproducers are in {}", dir.display());
    for path in files {
        let data = std::fs::read(&path).expect("readable reproducer");
        let result = std::panic::catch_unwind(|| check_pipeline_invariants(&data));
        assert!(result.is_ok(), "{} panics", path.display());
    }
}

/// Two-line inputs that crash other quotation tools, in every input format.
#[test]
fn tiny_hostile_inputs_from_the_issue() {
    let inputs: [&[u8]; 12] = [
        b"\"Bob.\"\n\n\"What.\"",
        b"\"\"=",
        b",,",
        b"\"",
        b"\"\"\"",
        b"'",
        b"\"a",
        b"\xe2\x80\x9c\xe2\x80\x98\xe2\x80\x9c\xe2\x80\x98",
        b"\n\n\n",
        b"\0\0\x01\x7f",
        b"said,",
        b"\xff\xfe\"x\",\" he said",
    ];
    for input in inputs {
        assert_eq!(check_bytes(input, InputFormat::Txt), 1, "{input:?}");
        check_bytes(input, InputFormat::Jsonl);
        check_bytes(input, InputFormat::Csv);
        let mut json = b"{\"id\":\"x\",\"text\":".to_vec();
        json.extend(serde_json::to_vec(&String::from_utf8_lossy(input)).expect("json string"));
        json.extend(b"}\n");
        assert_eq!(check_bytes(&json, InputFormat::Jsonl), 1, "{input:?}");
    }
}
