//! What the page template shows besides the scripted quote table and document view:
//! summary counts, the rows of the affiliation, timeline and speaker tables, and which
//! affiliations and speakers the charts pick. Everything here comes from the aggregate
//! tables (and counts over the quotes), preformatted as strings.

use super::data::{AffiliationRow, SpeakerRow, Tables, TimelineRow};
use super::texts::DocText;
use serde::Serialize;
use std::collections::BTreeMap;

/// Affiliations in the dot-and-whisker chart.
pub const STANCE_AFFILIATIONS: usize = 20;
/// Affiliations with a timeline panel.
pub const TIMELINE_AFFILIATIONS: usize = 6;
/// Speakers in the bar chart.
pub const CHART_SPEAKERS: usize = 15;
/// Speakers in the speaker table and the speaker × affiliation table.
pub const TABLE_SPEAKERS: usize = 25;
/// Affiliation columns of the speaker × affiliation table.
pub const CROSSTAB_AFFILIATIONS: usize = 8;
/// Rows of the affiliation table on the page (the rest is in affiliations.csv).
pub const TABLE_AFFILIATIONS: usize = 300;

/// Headline counts.
#[derive(Debug, Serialize, PartialEq)]
pub struct Summary {
    pub documents: usize,
    pub documents_ok: usize,
    pub documents_error: usize,
    pub quotes: usize,
    /// Quote counts by kind, most frequent first.
    pub kinds: Vec<(String, usize)>,
    pub speakers: usize,
    pub affiliations: usize,
    /// First and last dated period of timeline.csv (`None` when nothing is dated).
    pub periods: Option<(String, String)>,
    /// Documents with quotes, and how many of them the document view has the text of.
    pub documents_with_quotes: usize,
    pub documents_with_text: usize,
}

impl Summary {
    /// Counts over `tables`, with the texts found for the document view.
    pub fn of(tables: &Tables, texts: &[DocText]) -> Summary {
        let ok = tables.documents.iter().filter(|d| d.status == "ok").count();
        let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
        for q in &tables.quotes {
            *kinds.entry(q.kind.as_str()).or_default() += 1;
        }
        let mut kinds: Vec<(String, usize)> =
            kinds.into_iter().map(|(k, n)| (k.to_string(), n)).collect();
        kinds.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        let dated = tables.timeline.iter().map(|r| r.period.as_str());
        let dated: Vec<&str> = dated.filter(|p| *p != "undated").collect();
        let periods = match (dated.iter().min(), dated.iter().max()) {
            (Some(a), Some(b)) => Some((a.to_string(), b.to_string())),
            _ => None,
        };
        Summary {
            documents: tables.documents.len(),
            documents_ok: ok,
            documents_error: tables.documents.len() - ok,
            quotes: tables.quotes.len(),
            kinds,
            speakers: tables.speakers.len(),
            affiliations: tables.affiliations.len(),
            periods,
            documents_with_quotes: tables.documents.iter().filter(|d| d.quotes > 0).count(),
            documents_with_text: texts
                .iter()
                .filter(|t| matches!(t, DocText::Text(_)))
                .count(),
        }
    }
}

/// A score with three decimals and its sign (`+0.120`, `-0.005`, `+0.000`).
pub fn signed(v: f64) -> String {
    // `-0.000` would read as a negative score.
    let v = if v.abs() < 0.0005 { 0.0 } else { v };
    format!("{v:+.3}")
}

/// One row of the affiliation table.
#[derive(Debug, Serialize)]
pub struct AffiliationLine {
    pub affiliation: String,
    pub quotes: u64,
    pub speakers: u64,
    pub documents: u64,
    /// Mean and interval per dimension (`+0.006`, `-0.167 … +0.189`).
    pub stance: Vec<(String, String)>,
    pub share_negative: String,
}

/// Affiliations most quoted first (ties by name), as the aggregate table sorts them.
pub fn by_quotes(tables: &Tables) -> Vec<&AffiliationRow> {
    let mut rows: Vec<&AffiliationRow> = tables.affiliations.iter().collect();
    rows.sort_by(|a, b| {
        b.quotes
            .cmp(&a.quotes)
            .then_with(|| a.affiliation.cmp(&b.affiliation))
    });
    rows
}

/// The affiliation table's rows (at most [`TABLE_AFFILIATIONS`]).
pub fn affiliation_lines(rows: &[&AffiliationRow]) -> Vec<AffiliationLine> {
    rows.iter()
        .take(TABLE_AFFILIATIONS)
        .map(|r| AffiliationLine {
            affiliation: r.affiliation.clone(),
            quotes: r.quotes,
            speakers: r.speakers,
            documents: r.documents,
            stance: r
                .stance
                .iter()
                .map(|e| {
                    (
                        signed(e.mean),
                        format!("{} … {}", signed(e.low), signed(e.high)),
                    )
                })
                .collect(),
            share_negative: format!("{:.0}%", r.share_negative * 100.0),
        })
        .collect()
}

/// The timeline of the most quoted affiliations: their rows, the dated periods on the
/// shared axis (sorted; ISO dates, weeks and months sort as text) and the undated
/// quote count.
pub struct Timeline<'a> {
    pub panels: Vec<(&'a AffiliationRow, Vec<&'a TimelineRow>)>,
    pub periods: Vec<String>,
    pub undated: u64,
}

/// Picks the timeline's affiliations and periods.
pub fn timeline<'a>(tables: &'a Tables, by_quotes: &[&'a AffiliationRow]) -> Timeline<'a> {
    let mut panels = Vec::new();
    let mut periods = std::collections::BTreeSet::new();
    let mut undated = 0;
    for a in by_quotes.iter().take(TIMELINE_AFFILIATIONS) {
        let rows: Vec<&TimelineRow> = tables
            .timeline
            .iter()
            .filter(|r| r.affiliation == a.affiliation)
            .collect();
        let (dated, other): (Vec<&TimelineRow>, Vec<&TimelineRow>) =
            rows.into_iter().partition(|r| r.period != "undated");
        undated += other.iter().map(|r| r.quotes).sum::<u64>();
        periods.extend(dated.iter().map(|r| r.period.clone()));
        panels.push((*a, dated));
    }
    Timeline {
        panels,
        periods: periods.into_iter().collect(),
        undated,
    }
}

/// One row of a timeline's table.
#[derive(Debug, Serialize)]
pub struct TimelineLine {
    pub affiliation: String,
    pub period: String,
    pub quotes: u64,
    pub means: Vec<String>,
}

impl Timeline<'_> {
    /// The rows behind the panels, for the table under them.
    pub fn lines(&self) -> Vec<TimelineLine> {
        self.panels
            .iter()
            .flat_map(|(_, rows)| rows.iter())
            .map(|r| TimelineLine {
                affiliation: r.affiliation.clone(),
                period: r.period.clone(),
                quotes: r.quotes,
                means: r.means.iter().map(|&m| signed(m)).collect(),
            })
            .collect()
    }
}

/// Speakers most quoted first (ties by name), as speakers.csv sorts them.
pub fn speakers_by_quotes(tables: &Tables) -> Vec<&SpeakerRow> {
    let mut rows: Vec<&SpeakerRow> = tables.speakers.iter().collect();
    rows.sort_by(|a, b| {
        b.quotes
            .cmp(&a.quotes)
            .then_with(|| a.speaker.cmp(&b.speaker))
            .then_with(|| a.affiliation.cmp(&b.affiliation))
    });
    rows
}

/// One row of the speaker table.
#[derive(Debug, Serialize)]
pub struct SpeakerLine {
    pub speaker: String,
    pub speaker_type: String,
    pub affiliation: String,
    pub quotes: u64,
    pub documents: u64,
    pub means: Vec<String>,
}

/// The speaker table's rows.
pub fn speaker_lines(rows: &[&SpeakerRow]) -> Vec<SpeakerLine> {
    rows.iter()
        .take(TABLE_SPEAKERS)
        .map(|r| SpeakerLine {
            speaker: r.speaker.clone(),
            speaker_type: r.speaker_type.clone(),
            affiliation: r.affiliation.clone(),
            quotes: r.quotes,
            documents: r.documents,
            means: match r.means {
                Some(m) => m.iter().map(|&v| signed(v)).collect(),
                None => vec![String::new(); 3],
            },
        })
        .collect()
}

/// Quote counts of the most quoted speaker names (summed over their speakers.csv rows) by
/// the most quoted affiliations, with `other` and `none` columns.
#[derive(Debug, Serialize, PartialEq)]
pub struct Crosstab {
    pub columns: Vec<String>,
    /// Speaker name, counts per column (0 shows as empty), total.
    pub rows: Vec<(String, Vec<u64>, u64)>,
}

/// Builds the speaker × affiliation table.
pub fn crosstab(tables: &Tables, by_quotes: &[&AffiliationRow]) -> Crosstab {
    let columns: Vec<String> = by_quotes
        .iter()
        .take(CROSSTAB_AFFILIATIONS)
        .map(|a| a.affiliation.clone())
        .collect();
    let other = columns.len();
    let none = columns.len() + 1;
    let mut by_name: BTreeMap<&str, (Vec<u64>, u64)> = BTreeMap::new();
    for s in &tables.speakers {
        let (cells, total) = by_name
            .entry(s.speaker.as_str())
            .or_insert_with(|| (vec![0; columns.len() + 2], 0));
        let column = if s.affiliation.is_empty() {
            none
        } else {
            columns
                .iter()
                .position(|c| *c == s.affiliation)
                .unwrap_or(other)
        };
        cells[column] += s.quotes;
        *total += s.quotes;
    }
    let mut rows: Vec<(String, Vec<u64>, u64)> = by_name
        .into_iter()
        .map(|(name, (cells, total))| (name.to_string(), cells, total))
        .collect();
    rows.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.0.cmp(&b.0)));
    rows.truncate(TABLE_SPEAKERS);
    let mut columns = columns;
    columns.push("other".to_string());
    columns.push("none".to_string());
    Crosstab { columns, rows }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn speaker(name: &str, affiliation: &str, quotes: u64) -> SpeakerRow {
        SpeakerRow {
            speaker: name.into(),
            speaker_type: "person".into(),
            affiliation: affiliation.into(),
            quotes,
            documents: 1,
            means: None,
        }
    }

    #[test]
    fn crosstab_sums_a_name_over_its_affiliations() {
        let tables = Tables {
            speakers: vec![
                speaker("government", "China", 3),
                speaker("government", "Peru", 2),
                speaker("ministry", "", 4),
                speaker("Ana", "China", 1),
            ],
            affiliations: vec![AffiliationRow {
                affiliation: "China".into(),
                quotes: 4,
                speakers: 2,
                documents: 1,
                stance: [super::super::data::Estimate {
                    mean: 0.0,
                    low: 0.0,
                    high: 0.0,
                }; 3],
                share_negative: 0.0,
            }],
            ..Tables::default()
        };
        let by = by_quotes(&tables);
        let table = crosstab(&tables, &by);
        assert_eq!(table.columns, ["China", "other", "none"]);
        assert_eq!(
            table.rows,
            vec![
                ("government".to_string(), vec![3, 2, 0], 5),
                ("ministry".to_string(), vec![0, 0, 4], 4),
                ("Ana".to_string(), vec![1, 0, 0], 1),
            ]
        );
    }

    #[test]
    fn signed_scores_never_show_minus_zero() {
        assert_eq!(signed(-0.0001), "+0.000");
        assert_eq!(signed(-0.25), "-0.250");
        assert_eq!(signed(0.1), "+0.100");
    }
}
