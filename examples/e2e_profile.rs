use whosaid::{analyze, Document, Lexicons};
fn main() {
    let data = std::fs::read_to_string("../shared/dev-data/polnear/polnear_train.jsonl").unwrap();
    let docs: Vec<Document> = data.lines().map(|l| { let v: serde_json::Value = serde_json::from_str(l).unwrap(); Document::new("x", v["text"].as_str().unwrap()) }).collect();
    let lex = Lexicons::embedded();
    let mb: f64 = docs.iter().map(|d| d.text.len()).sum::<usize>() as f64 * 5.0 / 1e6;
    let t = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..5 { for d in &docs { n += analyze(d.clone(), lex).quotes.len(); } }
    eprintln!("analyze {n} {:.1} MB/s", mb / t.elapsed().as_secs_f64());
}
