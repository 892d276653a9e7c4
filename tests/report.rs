//! `whosaid report`: the page built from the sample data's tables has every section, the
//! counts of the tables, no external resource, safe escaping of hostile text, the same
//! bytes every time, and a clear error (exit 2) for missing or broken tables.

mod common;

use common::{read_table, tempdir, whosaid};
use std::collections::{BTreeMap, HashSet};
use std::path::Path;

fn ok(args: &[&str]) -> std::process::Output {
    let out = whosaid(args);
    assert!(
        out.status.success(),
        "whosaid {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

/// Runs the sample data into `dir`.
fn run_sample(dir: &Path) {
    ok(&["run", "data", "--out", s(dir), "--quiet"]);
}

/// The content of the `<script type="application/json" id="ID">` element.
fn blob<'a>(html: &'a str, id: &str) -> Option<&'a str> {
    let open = format!("<script type=\"application/json\" id=\"{id}\">");
    let start = html.find(&open)? + open.len();
    let end = start + html[start..].find("</script>")?;
    Some(&html[start..end])
}

fn data(html: &str) -> serde_json::Value {
    serde_json::from_str(blob(html, "report-data").expect("the data blob")).expect("valid JSON")
}

/// The number in `<dd data-count="NAME">N</dd>`.
fn count(html: &str, name: &str) -> usize {
    let open = format!("data-count=\"{name}\">");
    let start = html
        .find(&open)
        .unwrap_or_else(|| panic!("no {name} count"))
        + open.len();
    let end = start + html[start..].find('<').unwrap();
    html[start..end].parse().unwrap()
}

/// Rows of the `<table id="ID">` body.
fn table_rows(html: &str, id: &str) -> usize {
    let start = html.find(&format!("id=\"{id}\"")).unwrap();
    let body = &html[start..];
    let body = &body[body.find("<tbody>").unwrap()..body.find("</tbody>").unwrap()];
    body.matches("<tr>").count()
}

/// The page with its scripts' and styles' contents removed (what the HTML parser reads
/// as markup).
fn markup(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    loop {
        let next = ["<script", "<style"]
            .iter()
            .filter_map(|t| rest.find(t).map(|i| (i, *t)))
            .min();
        let Some((i, tag)) = next else {
            out.push_str(rest);
            return out;
        };
        let open_end = i + rest[i..].find('>').unwrap() + 1;
        out.push_str(&rest[..open_end]);
        let close = format!("</{}", &tag[1..]);
        let close_at = open_end + rest[open_end..].find(&close).unwrap();
        rest = &rest[close_at..];
    }
}

#[test]
fn sample_report_has_every_section_and_the_tables_counts() {
    let tmp = tempdir();
    let out = tmp.path().join("out");
    run_sample(&out);
    ok(&["report", s(&out), "--input", "data", "--quiet"]);
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();

    for id in [
        "summary", "stance", "timeline", "speakers", "quotes", "document",
    ] {
        assert!(html.contains(&format!("<section id=\"{id}\"")), "{id}");
    }
    assert!(
        html.matches("<svg").count() >= 3,
        "stance, timeline and speaker charts"
    );

    let documents = read_table(&out.join("documents.csv"));
    let quotes = read_table(&out.join("quotes.csv"));
    let speakers = read_table(&out.join("speakers.csv"));
    let affiliations = read_table(&out.join("affiliations.csv"));
    let timeline = read_table(&out.join("timeline.csv"));
    assert_eq!(count(&html, "documents"), documents.len());
    assert_eq!(count(&html, "quotes"), quotes.len());
    assert_eq!(count(&html, "speakers"), speakers.len());
    assert_eq!(count(&html, "affiliations"), affiliations.len());
    let with_quotes = documents.iter().filter(|d| d["quotes"] != "0").count();
    assert_eq!(
        count(&html, "texts"),
        with_quotes,
        "every text found in data/"
    );
    for kind in ["direct", "mixed", "indirect"] {
        let n = quotes.iter().filter(|q| q["kind"] == kind).count();
        assert!(html.contains(&format!("<span data-kind=\"{kind}\">{n} {kind}</span>")));
    }
    assert_eq!(table_rows(&html, "affiliation-table"), affiliations.len());
    let top6: HashSet<&str> = affiliations
        .iter()
        .take(6)
        .map(|a| a["affiliation"].as_str())
        .collect();
    let top6_rows = timeline
        .iter()
        .filter(|t| top6.contains(t["affiliation"].as_str()) && t["period"] != "undated")
        .count();
    assert_eq!(table_rows(&html, "timeline-table"), top6_rows);

    // The quote table's data: every row of quotes.csv, in order, under its document.
    let data = data(&html);
    let fields: Vec<&str> = data["fields"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap())
        .collect();
    let field = |name: &str| fields.iter().position(|f| *f == name).unwrap();
    let docs = data["docs"].as_array().unwrap();
    let rows = data["quotes"].as_array().unwrap();
    assert_eq!(docs.len(), documents.len());
    assert_eq!(rows.len(), quotes.len());
    for (row, q) in rows.iter().zip(&quotes) {
        let doc = &docs[row[field("doc")].as_u64().unwrap() as usize];
        assert_eq!(doc[0], q["doc_id"].as_str());
        assert_eq!(row[field("quote_id")], q["quote_id"].as_str());
        assert_eq!(row[field("affiliation")], q["affiliation"].as_str());
        let tone = row[field("tone")].as_f64().unwrap();
        assert_eq!(tone, q["tone"].parse::<f64>().unwrap());
    }
    let mut per_affiliation: BTreeMap<&str, usize> = BTreeMap::new();
    for row in rows {
        let a = row[field("affiliation")].as_str().unwrap();
        if !a.is_empty() {
            *per_affiliation.entry(a).or_default() += 1;
        }
    }
    for a in &affiliations {
        assert_eq!(
            per_affiliation[a["affiliation"].as_str()].to_string(),
            a["quotes"]
        );
    }

    // The texts: one entry per document, the analysed text where there are quotes.
    let texts: Vec<Option<String>> =
        serde_json::from_str(blob(&html, "report-texts").unwrap()).unwrap();
    assert_eq!(texts.len(), documents.len());
    for (text, d) in texts.iter().zip(&documents) {
        match text {
            Some(t) => assert_eq!(t.len().to_string(), d["bytes"]),
            None => assert_eq!(d["quotes"], "0", "{}", d["doc_id"]),
        }
    }

    // Nothing from the network: no remote src/href, no @import, no url() to a host.
    let lower = html.to_ascii_lowercase();
    for bad in [
        "src=\"http",
        "src=\"//",
        "href=\"http",
        "href=\"//",
        "@import",
        "url(http",
        "url(//",
    ] {
        assert!(!lower.contains(bad), "{bad}");
    }
    assert!(html.contains("Content-Security-Policy"));
    assert_eq!(
        html.matches("<script").count(),
        3,
        "data, texts and the page script"
    );
}

#[test]
fn same_tables_give_the_same_bytes() {
    let tmp = tempdir();
    let out = tmp.path().join("out");
    run_sample(&out);
    let a = tmp.path().join("a.html");
    let b = tmp.path().join("b.html");
    ok(&["report", s(&out), "--input", "data", "--html", s(&a), "-q"]);
    ok(&["report", s(&out), "--input", "data", "--html", s(&b), "-q"]);
    assert!(std::fs::read(&a).unwrap() == std::fs::read(&b).unwrap());
}

/// Quote text, titles, speakers and affiliations that look like markup stay text: in the
/// HTML tables, the SVG labels and the JSON blobs, and `</script>` cannot end a blob.
#[test]
fn hostile_text_is_escaped_everywhere() {
    let tmp = tempdir();
    let input = tmp.path().join("hostile.jsonl");
    let text = "\"We will <b>not</b> accept </script><script>alert(1)</script> threats,\" \
                said Brazil’s Foreign Minister Ana Duarte.\n\n\"Talks <!-- must --> resume,\" \
                Duarte said.";
    let record = serde_json::json!({
        "id": "h<1>",
        "date": "2025-01-02",
        "title": "</title><script>alert(2)</script>",
        "text": text,
    });
    std::fs::write(&input, format!("{record}\n")).unwrap();
    let out = tmp.path().join("out");
    ok(&["run", s(&input), "--out", s(&out), "--quiet"]);
    // An affiliation name that is markup, in every table that names it.
    for table in [
        "quotes.csv",
        "speakers.csv",
        "affiliations.csv",
        "timeline.csv",
    ] {
        rename_affiliation(&out.join(table), "Brazil", "Bra<i>zil</i>&amp");
    }
    ok(&["report", s(&out), "--input", s(&input), "-q"]);
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();

    assert_eq!(html.matches("<script").count(), 3);
    assert!(
        !html.contains("<script>alert"),
        "scripts from the data never appear raw"
    );
    assert!(
        !html.contains("<i>zil"),
        "names are escaped in tables and charts"
    );
    assert!(html.contains("Bra&lt;i&gt;zil&lt;/i&gt;&amp;amp"));
    let page = markup(&html);
    assert!(!page.contains("<b>not"));
    assert!(!page.contains("<!-- must"));
    let data = data(&html);
    let quote = data["quotes"][0].to_string();
    assert!(quote.contains("</script><script>alert(1)</script>"));
    assert!(quote.contains("Bra<i>zil</i>&amp"));
    assert_eq!(data["docs"][0][0], "h<1>");
    assert_eq!(data["docs"][0][1], "</title><script>alert(2)</script>");
    let texts: Vec<Option<String>> =
        serde_json::from_str(blob(&html, "report-texts").unwrap()).unwrap();
    assert_eq!(texts[0].as_deref(), Some(text));
}

/// Replaces the affiliation `from` by `to` in the `affiliation` column of a table.
fn rename_affiliation(path: &Path, from: &str, to: &str) {
    let mut reader = csv::Reader::from_path(path).unwrap();
    let header = reader.headers().unwrap().clone();
    let column = header.iter().position(|h| h == "affiliation").unwrap();
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(&header).unwrap();
    let mut renamed = 0;
    for row in reader.records() {
        let row: Vec<String> = row
            .unwrap()
            .iter()
            .enumerate()
            .map(|(i, cell)| {
                if i == column && cell == from {
                    renamed += 1;
                    to.to_string()
                } else {
                    cell.to_string()
                }
            })
            .collect();
        writer.write_record(&row).unwrap();
    }
    assert!(renamed > 0, "{} names {from}", path.display());
    std::fs::write(path, writer.into_inner().unwrap()).unwrap();
}

#[test]
fn without_input_the_document_view_says_how_to_add_the_texts() {
    let tmp = tempdir();
    let out = tmp.path().join("out");
    run_sample(&out);
    let page = tmp.path().join("page.html");
    let run = ok(&["report", s(&out), "--html", s(&page)]);
    assert!(String::from_utf8_lossy(&run.stderr).contains("page.html"));
    let html = std::fs::read_to_string(&page).unwrap();
    assert!(html.contains("id=\"doc-missing\""));
    assert!(html.contains("--input INPUT..."));
    assert!(blob(&html, "report-texts").is_none());
    assert_eq!(count(&html, "texts"), 0);
    assert_eq!(data(&html)["texts"], false);
}

/// A document whose input changed since the run gets a note instead of a text whose
/// offsets would highlight the wrong words; the others keep theirs.
#[test]
fn a_changed_input_text_is_left_out_with_a_note() {
    let tmp = tempdir();
    let corpus = tmp.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let sample = common::root().join("data/sample");
    for entry in std::fs::read_dir(&sample).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, corpus.join(path.file_name().unwrap())).unwrap();
    }
    let out = tmp.path().join("out");
    ok(&["run", s(&corpus), "--out", s(&out), "--quiet"]);
    let changed = corpus.join("102_drought_relief.txt");
    let text = std::fs::read_to_string(&changed).unwrap();
    std::fs::write(&changed, text.replacen(' ', "  ", 1)).unwrap();
    ok(&["report", s(&out), "--input", s(&corpus), "-q"]);
    let html = std::fs::read_to_string(out.join("report.html")).unwrap();
    let data = data(&html);
    let docs = data["docs"].as_array().unwrap();
    let texts: Vec<Option<String>> =
        serde_json::from_str(blob(&html, "report-texts").unwrap()).unwrap();
    for (doc, text) in docs.iter().zip(&texts) {
        if doc[0] == "102_drought_relief" {
            assert!(text.is_none());
            assert!(doc[7].as_str().unwrap().contains("bytes"), "{doc}");
        } else if doc[6].as_u64().unwrap() > 0 {
            assert!(text.is_some(), "{doc}");
            assert!(doc[7].is_null());
        }
    }
}

#[test]
fn missing_or_broken_tables_exit_2_naming_the_file() {
    let tmp = tempdir();
    let missing = tmp.path().join("nothing");
    let out = whosaid(&["report", s(&missing)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("nothing is not a directory"));

    let dir = tmp.path().join("out");
    run_sample(&dir);
    let timeline = dir.join("timeline.csv");
    std::fs::rename(&timeline, tmp.path().join("timeline.csv")).unwrap();
    let out = whosaid(&["report", s(&dir)]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("cannot read") && err.contains("timeline.csv"),
        "{err}"
    );
    std::fs::rename(tmp.path().join("timeline.csv"), &timeline).unwrap();

    let affiliations = dir.join("affiliations.csv");
    let content = std::fs::read_to_string(&affiliations).unwrap();
    let mut lines: Vec<String> = content.lines().map(str::to_string).collect();
    let fields: Vec<&str> = lines[2].split(',').collect();
    lines[2] = format!("{},many,{}", fields[0], fields[2..].join(","));
    std::fs::write(&affiliations, lines.join("\n") + "\n").unwrap();
    let out = whosaid(&["report", s(&dir)]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("affiliations.csv:3: quotes \"many\" is not a number"),
        "{err}"
    );

    std::fs::write(dir.join("speakers.csv"), "name,count\nx,1\n").unwrap();
    let out = whosaid(&["report", s(&dir)]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("speakers.csv:1: not a whosaid"));
    assert!(
        !dir.join("report.html").exists(),
        "nothing written on error"
    );
}
