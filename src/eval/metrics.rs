//! The matching and the metrics.

use super::gold::{GoldDoc, GoldQuote};
use once_cell::sync::Lazy;
use regex::Regex;
use std::collections::{BTreeMap, HashMap, HashSet};

static TOKEN: Lazy<Regex> = Lazy::new(|| Regex::new(r"\w+").unwrap_or_else(|e| panic!("{e}")));

const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "who",
];

/// Which gold quotes recall is measured on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum, Default)]
pub enum Subset {
    /// Direct and mixed quotes, and indirect ones with a speech cue.
    #[default]
    Speech,
    All,
    Direct,
    Mixed,
    Indirect,
}

impl Subset {
    fn includes(self, q: &GoldQuote) -> bool {
        match self {
            Subset::All => true,
            Subset::Speech => q.kind == "direct" || q.kind == "mixed" || q.speech_cue,
            Subset::Direct => q.kind == "direct",
            Subset::Mixed => q.kind == "mixed",
            Subset::Indirect => q.kind == "indirect",
        }
    }
}

/// A predicted quote (byte offsets), from quotes.csv or from the pipeline.
#[derive(Debug, Clone, Default)]
pub struct Pred {
    pub doc_id: String,
    pub start: usize,
    pub end: usize,
    pub fragments: Vec<(usize, usize)>,
    pub kind: String,
    pub speaker_mention: String,
    pub speaker_span: Option<(usize, usize)>,
    pub speaker: String,
    pub affiliation: String,
}

/// One row of the error table.
#[derive(Debug, Clone)]
pub struct ErrorRow {
    pub doc_id: String,
    /// `missed`, `spurious` or `wrong_speaker`.
    pub error: &'static str,
    pub kind: String,
    pub text: String,
    pub gold_speaker: String,
    pub predicted_speaker: String,
    pub context: String,
}

/// Per-document counts.
#[derive(Debug, Clone, Default)]
pub struct DocResult {
    pub doc_id: String,
    pub gold: usize,
    pub predicted: usize,
    pub matched_gold: usize,
    pub predicted_matching_any: usize,
    pub speaker_ok: usize,
    pub speaker_scored: usize,
}

/// Everything an evaluation measured.
#[derive(Debug, Clone, Default)]
pub struct Evaluation {
    pub docs: usize,
    pub gold: usize,
    pub predicted: usize,
    pub predicted_ok: usize,
    pub tp_overlap: usize,
    pub tp_exact: usize,
    pub speaker_scored: usize,
    pub speaker_ok: usize,
    pub e2e: usize,
    pub affiliation_scored: usize,
    pub affiliation_ok: usize,
    pub resolved_scored: usize,
    pub resolved_ok: usize,
    /// Per kind: gold, overlap hits, exact hits.
    pub by_kind: BTreeMap<String, (usize, usize, usize)>,
    pub unknown_docs: usize,
    pub documents: Vec<DocResult>,
    pub errors: Vec<ErrorRow>,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

impl Evaluation {
    pub fn precision(&self) -> f64 {
        ratio(self.predicted_ok, self.predicted)
    }
    pub fn recall_overlap(&self) -> f64 {
        ratio(self.tp_overlap, self.gold)
    }
    pub fn recall_exact(&self) -> f64 {
        ratio(self.tp_exact, self.gold)
    }
    pub fn f1_overlap(&self) -> f64 {
        f1(self.precision(), self.recall_overlap())
    }
    /// Exact precision is approximated by the exact share of overlap matches (as the
    /// reference scorer does).
    pub fn f1_exact(&self) -> f64 {
        let p = self.precision() * ratio(self.tp_exact, self.tp_overlap);
        f1(p, self.recall_exact())
    }
    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.speaker_ok, self.speaker_scored)
    }
    pub fn e2e_f1(&self) -> f64 {
        let p = self.precision() * ratio(self.e2e, self.tp_overlap);
        f1(p, ratio(self.e2e, self.gold))
    }
    pub fn affiliation_accuracy(&self) -> Option<f64> {
        (self.affiliation_scored > 0).then(|| ratio(self.affiliation_ok, self.affiliation_scored))
    }
    pub fn resolved_accuracy(&self) -> Option<f64> {
        (self.resolved_scored > 0).then(|| ratio(self.resolved_ok, self.resolved_scored))
    }

    /// `(metric, value)` pairs for the summary table.
    pub fn summary(&self) -> Vec<(String, f64)> {
        let mut out = vec![
            ("documents".to_string(), self.docs as f64),
            ("gold".to_string(), self.gold as f64),
            ("predicted".to_string(), self.predicted as f64),
            ("precision".to_string(), self.precision()),
            ("recall_overlap".to_string(), self.recall_overlap()),
            ("recall_exact".to_string(), self.recall_exact()),
            ("F1_overlap".to_string(), self.f1_overlap()),
            ("F1_exact".to_string(), self.f1_exact()),
            ("speaker_acc".to_string(), self.speaker_accuracy()),
            ("e2e_F1".to_string(), self.e2e_f1()),
        ];
        if let Some(a) = self.affiliation_accuracy() {
            out.push(("affiliation_acc".to_string(), a));
        }
        if let Some(a) = self.resolved_accuracy() {
            out.push(("resolved_acc".to_string(), a));
        }
        for (kind, (n, ov, ex)) in &self.by_kind {
            out.push((format!("recall_overlap_{kind}"), ratio(*ov, *n)));
            out.push((format!("recall_exact_{kind}"), ratio(*ex, *n)));
        }
        out
    }
}

/// Lower-case word tokens of `text` within byte spans, in order.
fn tokens(text: &str, spans: &[(usize, usize)]) -> Vec<String> {
    let mut out = Vec::new();
    for &(s, e) in spans {
        let Some(slice) = text.get(s..e.min(text.len())) else {
            continue;
        };
        out.extend(TOKEN.find_iter(slice).map(|m| m.as_str().to_lowercase()));
    }
    out
}

/// Lower-case words joined by single spaces.
fn norm(s: &str) -> String {
    TOKEN
        .find_iter(&s.to_lowercase())
        .map(|m| m.as_str().to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

fn jaccard(a: &HashSet<&str>, b: &HashSet<&str>) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let inter = a.intersection(b).count();
    let union = a.len() + b.len() - inter;
    inter as f64 / union as f64
}

fn has_word(haystack: &str, word: &str) -> bool {
    haystack.split(' ').any(|w| w == word)
}

/// None when the gold quote has no speaker to score.
fn speaker_ok(g: &GoldQuote, p: &Pred) -> Option<bool> {
    let gs = g.speaker.as_deref().filter(|s| !s.is_empty())?;
    let (gstart, gend) = g.speaker_span?;
    if let Some((ps, pe)) = p.speaker_span {
        if ps < gend && gstart < pe {
            return Some(true);
        }
    }
    let gm = norm(gs);
    if !gm.is_empty() && gm == norm(&p.speaker_mention) {
        return Some(true);
    }
    let words: Vec<&str> = gm
        .split(' ')
        .filter(|w| !w.is_empty() && !["the", "a", "an", "mr", "ms", "mrs", "dr"].contains(w))
        .collect();
    if let Some(last) = words.last() {
        if !PRONOUNS.contains(last) {
            let resolved = format!("{} {}", norm(&p.speaker), norm(&p.speaker_mention));
            if has_word(&resolved, last) {
                return Some(true);
            }
        }
    }
    Some(false)
}

/// The sentence-sized context around a byte span (for the error table).
fn context(text: &str, start: usize, end: usize) -> String {
    let from = text[..start.min(text.len())]
        .rfind(['\n', '.'])
        .map_or(0, |p| p + 1);
    let to = text[end.min(text.len())..]
        .find('\n')
        .map_or(text.len(), |p| end + p);
    text.get(from..to)
        .unwrap_or_default()
        .trim()
        .chars()
        .take(400)
        .collect()
}

/// Scores predictions against gold documents.
pub fn evaluate(gold: &[GoldDoc], preds: &[Pred], subset: Subset) -> Evaluation {
    let mut ev = Evaluation {
        docs: gold.len(),
        ..Evaluation::default()
    };
    let mut by_doc: HashMap<&str, Vec<&Pred>> = HashMap::new();
    for p in preds {
        by_doc.entry(p.doc_id.as_str()).or_default().push(p);
    }
    let gold_ids: HashSet<&str> = gold.iter().map(|d| d.doc_id.as_str()).collect();
    ev.unknown_docs = by_doc.keys().filter(|k| !gold_ids.contains(*k)).count();
    for d in gold {
        let text = d.text.as_str();
        let plist: Vec<&Pred> = by_doc.get(d.doc_id.as_str()).cloned().unwrap_or_default();
        let gtoks: Vec<Vec<String>> = d.quotes.iter().map(|q| tokens(text, &q.spans)).collect();
        let gsets: Vec<HashSet<&str>> = gtoks
            .iter()
            .map(|t| t.iter().map(String::as_str).collect())
            .collect();
        // A prediction whose offsets are not on char boundaries cannot match.
        let valid = |p: &Pred| {
            text.is_char_boundary(p.start.min(text.len()))
                && p.start <= text.len()
                && p.end <= text.len()
                && text.is_char_boundary(p.end)
        };
        let ptoks: Vec<Option<Vec<String>>> = plist
            .iter()
            .map(|p| {
                valid(p).then(|| {
                    let frags = if p.fragments.is_empty()
                        || !p.fragments.iter().all(|&(a, b)| {
                            b <= text.len() && text.is_char_boundary(a) && text.is_char_boundary(b)
                        }) {
                        vec![(p.start, p.end)]
                    } else {
                        p.fragments.clone()
                    };
                    tokens(text, &frags)
                })
            })
            .collect();
        ev.predicted += plist.len();
        let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
        for (i, p) in plist.iter().enumerate() {
            let Some(pt) = &ptoks[i] else { continue };
            let pset: HashSet<&str> = pt.iter().map(String::as_str).collect();
            for (j, g) in d.quotes.iter().enumerate() {
                if p.end <= g.start || g.end <= p.start {
                    continue;
                }
                let jac = jaccard(&pset, &gsets[j]);
                if jac > 0.0 {
                    pairs.push((jac, i, j));
                }
            }
        }
        // Descending by (jaccard, i, j), as Python's reverse tuple sort.
        pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(b.1.cmp(&a.1)).then(b.2.cmp(&a.2)));
        let (mut used_p, mut used_g) = (HashSet::new(), HashSet::new());
        let mut matched: HashMap<usize, usize> = HashMap::new();
        for (jac, i, j) in pairs {
            if used_p.contains(&i) || used_g.contains(&j) || jac < 0.5 {
                continue;
            }
            used_p.insert(i);
            used_g.insert(j);
            matched.insert(j, i);
        }
        ev.predicted_ok += used_p.len();
        let mut doc = DocResult {
            doc_id: d.doc_id.clone(),
            predicted: plist.len(),
            predicted_matching_any: used_p.len(),
            ..DocResult::default()
        };
        for (j, g) in d.quotes.iter().enumerate() {
            if !subset.includes(g) {
                continue;
            }
            let kind = ev.by_kind.entry(g.kind.clone()).or_default();
            kind.0 += 1;
            ev.gold += 1;
            doc.gold += 1;
            let Some(&i) = matched.get(&j) else {
                ev.errors.push(ErrorRow {
                    doc_id: d.doc_id.clone(),
                    error: "missed",
                    kind: g.kind.clone(),
                    text: text[g.start..g.end].to_string(),
                    gold_speaker: g.speaker.clone().unwrap_or_default(),
                    predicted_speaker: String::new(),
                    context: context(text, g.start, g.end),
                });
                continue;
            };
            let p = plist[i];
            kind.1 += 1;
            ev.tp_overlap += 1;
            doc.matched_gold += 1;
            if ptoks[i].as_ref() == Some(&gtoks[j]) {
                kind.2 += 1;
                ev.tp_exact += 1;
            }
            let ok = speaker_ok(g, p);
            if let Some(ok) = ok {
                ev.speaker_scored += 1;
                doc.speaker_scored += 1;
                if ok {
                    ev.speaker_ok += 1;
                    doc.speaker_ok += 1;
                } else {
                    ev.errors.push(ErrorRow {
                        doc_id: d.doc_id.clone(),
                        error: "wrong_speaker",
                        kind: g.kind.clone(),
                        text: text[g.start..g.end].to_string(),
                        gold_speaker: g.speaker.clone().unwrap_or_default(),
                        predicted_speaker: format!("{} ({})", p.speaker_mention, p.speaker),
                        context: context(text, g.start, g.end),
                    });
                }
            }
            if ok != Some(false) {
                ev.e2e += 1;
            }
            if let Some(ga) = g.affiliation.as_deref().filter(|a| !a.is_empty()) {
                ev.affiliation_scored += 1;
                let (pa, ga) = (norm(&p.affiliation), norm(ga));
                if !pa.is_empty()
                    && (pa == ga
                        || format!(" {ga} ").contains(&format!(" {pa} "))
                        || format!(" {pa} ").contains(&format!(" {ga} ")))
                {
                    ev.affiliation_ok += 1;
                }
            }
            if let Some(gr) = g.speaker_resolved.as_deref().filter(|a| !a.is_empty()) {
                ev.resolved_scored += 1;
                let gn = norm(gr);
                let gw: Vec<&str> = gn
                    .split(' ')
                    .filter(|w| !w.is_empty() && !["the", "a", "an"].contains(w))
                    .collect();
                if gw.last().is_some_and(|w| has_word(&norm(&p.speaker), w)) {
                    ev.resolved_ok += 1;
                }
            }
        }
        for (i, p) in plist.iter().enumerate() {
            if !used_p.contains(&i) && valid(p) {
                ev.errors.push(ErrorRow {
                    doc_id: d.doc_id.clone(),
                    error: "spurious",
                    kind: p.kind.clone(),
                    text: text[p.start..p.end].to_string(),
                    gold_speaker: String::new(),
                    predicted_speaker: p.speaker_mention.clone(),
                    context: context(text, p.start, p.end),
                });
            }
        }
        ev.documents.push(doc);
    }
    ev
}
