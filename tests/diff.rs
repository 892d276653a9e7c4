//! `whosaid diff` finds added, removed and changed attributions.

mod common;

use common::{tempdir, whosaid};

#[test]
fn diff_reports_each_kind_of_change() {
    let dir = tempdir();
    let a = dir.path().join("a");
    let b = dir.path().join("b");
    assert!(
        whosaid(&["run", "data/sample", "--out", a.to_str().unwrap(), "-q"])
            .status
            .success()
    );
    std::fs::create_dir(&b).unwrap();
    // B: the first quote removed, the second with another speaker and kind.
    let mut reader = csv::Reader::from_path(a.join("quotes.csv")).unwrap();
    let headers = reader.headers().unwrap().clone();
    let speaker = headers.iter().position(|h| h == "speaker").unwrap();
    let kind = headers.iter().position(|h| h == "kind").unwrap();
    let mut w = csv::Writer::from_path(b.join("quotes.csv")).unwrap();
    w.write_record(&headers).unwrap();
    for (i, r) in reader.records().enumerate() {
        let mut r: Vec<String> = r.unwrap().iter().map(str::to_string).collect();
        match i {
            0 => continue,
            1 => {
                r[speaker] = "Somebody Else".to_string();
                r[kind] = "indirect".to_string();
            }
            _ => {}
        }
        w.write_record(&r).unwrap();
    }
    w.flush().unwrap();
    let out = dir.path().join("diff.csv");
    let o = whosaid(&[
        "diff",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let summary = String::from_utf8_lossy(&o.stdout);
    for line in ["removed      1", "speaker      1", "kind         1"] {
        assert!(summary.contains(line), "{summary}");
    }
    let rows = std::fs::read_to_string(&out).unwrap();
    assert!(rows.contains("Somebody Else"));
    // Identical runs: no differences.
    let o = whosaid(&[
        "diff",
        a.to_str().unwrap(),
        a.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("0 differences"));
}
