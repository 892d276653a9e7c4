//! `speakers.csv`: one row per resolved speaker across the corpus, accumulated as documents
//! stream past (memory grows with distinct speakers, not with quotes).

use super::decimal::fixed3;
use super::facts::QuoteFacts;
use rustc_hash::FxHashMap;
use std::collections::BTreeSet;

/// Columns of `speakers.csv`, in order.
pub const SPEAKER_COLUMNS: &[&str] = &[
    "speaker",
    "speaker_type",
    "affiliation",
    "quotes",
    "documents",
    "first_date",
    "last_date",
    "mentions",
    "mean_tone",
    "mean_conflict",
    "mean_certainty",
];

/// Most distinct surface forms kept per speaker.
const MAX_MENTION_FORMS: usize = 20;

#[derive(Debug, Default, Clone)]
struct SpeakerStats {
    quotes: u64,
    documents: u64,
    last_document: Option<u64>,
    first_date: Option<String>,
    last_date: Option<String>,
    mentions: BTreeSet<String>,
    /// Sums of tone, conflict, certainty over the scored quotes, and their count.
    stance_sums: [f64; 3],
    scored: u64,
}

/// Running totals per (speaker, type, affiliation).
#[derive(Debug, Default)]
pub struct SpeakerTable {
    /// By speaker name: each (type, affiliation) it was quoted as, with its totals (looked
    /// up without making a key; [`SpeakerTable::rows`] puts them in order).
    stats: FxHashMap<String, Vec<(String, String, SpeakerStats)>>,
    documents_seen: u64,
}

impl SpeakerTable {
    /// Adds the quotes of one document dated `date`.
    pub fn add(&mut self, date: Option<&str>, quotes: &[QuoteFacts<'_>]) {
        let doc_index = self.documents_seen;
        self.documents_seen += 1;
        let date = date.filter(|d| !d.is_empty());
        for q in quotes {
            let Some(name) = q.speaker else { continue };
            let kind = q.speaker_type;
            let affiliation = q.affiliation.unwrap_or_default();
            let forms = match self.stats.get_mut(name) {
                Some(forms) => forms,
                None => self.stats.entry(name.to_string()).or_default(),
            };
            let at = match forms
                .iter()
                .position(|(k, a, _)| k == kind && a == affiliation)
            {
                Some(at) => at,
                None => {
                    let stats = SpeakerStats::default();
                    forms.push((kind.to_string(), affiliation.to_string(), stats));
                    forms.len() - 1
                }
            };
            let st = &mut forms[at].2;
            st.quotes += 1;
            if st.last_document != Some(doc_index) {
                st.last_document = Some(doc_index);
                st.documents += 1;
            }
            if let Some(d) = date {
                if st.first_date.as_deref().is_none_or(|f| d < f) {
                    st.first_date = Some(d.to_string());
                }
                if st.last_date.as_deref().is_none_or(|l| d > l) {
                    st.last_date = Some(d.to_string());
                }
            }
            if let Some(scores) = q.stance {
                for (sum, s) in st.stance_sums.iter_mut().zip(scores) {
                    *sum += s;
                }
                st.scored += 1;
            }
            if st.mentions.len() < MAX_MENTION_FORMS && !st.mentions.contains(q.mention) {
                st.mentions.insert(q.mention.to_string());
            }
        }
    }

    /// The rows, most quoted first (ties by name), ready for a CSV writer.
    pub fn rows(&self) -> Vec<Vec<String>> {
        let mut entries: Vec<_> = self
            .stats
            .iter()
            .flat_map(|(name, forms)| forms.iter().map(move |(k, a, st)| ((name, k, a), st)))
            .collect();
        // (Keys are unique: the order is total, whatever order the map gives them in.)
        entries.sort_by(|a, b| b.1.quotes.cmp(&a.1.quotes).then_with(|| a.0.cmp(&b.0)));
        entries
            .into_iter()
            .map(|((name, kind, affiliation), st)| {
                let mut row = vec![
                    name.clone(),
                    kind.clone(),
                    affiliation.clone(),
                    st.quotes.to_string(),
                    st.documents.to_string(),
                    st.first_date.clone().unwrap_or_default(),
                    st.last_date.clone().unwrap_or_default(),
                    st.mentions.iter().cloned().collect::<Vec<_>>().join("|"),
                ];
                for sum in st.stance_sums {
                    row.push(if st.scored > 0 {
                        fixed3(sum / st.scored as f64)
                    } else {
                        String::new()
                    });
                }
                row
            })
            .collect()
    }
}
