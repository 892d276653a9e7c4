//! What the corpus-wide tables need to know about a quote, and nothing more: the same
//! facts come from an [`Analysis`] during `whosaid run` and from the rows of
//! `quotes.csv` and `documents.csv` during `whosaid merge`, so both commands feed one
//! implementation of `speakers.csv`, `affiliations.csv` and `timeline.csv`.

use crate::pipeline::Analysis;

/// One quote as the aggregate tables see it. Text fields are the plain text (never
/// spreadsheet-neutralised); empty strings mean "none".
#[derive(Debug, Clone, PartialEq)]
pub struct QuoteFacts<'a> {
    /// The resolved speaker (`None` when unresolved or unattributed).
    pub speaker: Option<&'a str>,
    /// `person`, `organization`, … (empty when there is no speaker).
    pub speaker_type: &'a str,
    /// The speaker's affiliation (`None` when the speaker has none).
    pub affiliation: Option<&'a str>,
    /// The speaker as written (`He`, `Lloyd Austin's`).
    pub mention: &'a str,
    /// Tone, conflict and certainty exactly as written in `quotes.csv` (three decimals),
    /// so that a merge of partial outputs, which only has those cells, computes the same
    /// means and intervals as the run; `None` when the quote was not scored.
    pub stance: Option<[f64; 3]>,
}

/// The score `v` as it reads back from its `quotes.csv` cell (`{:.3}`).
pub fn as_written(v: f64) -> f64 {
    // Formatting then parsing is what a reader of the table does; doing the same here
    // makes the run and a merge of its parts agree to the last bit. `round3` gives that
    // value without the round trip through text.
    super::decimal::round3(v)
}

/// The facts of every quote of an analysed document, in text order.
pub fn quote_facts(a: &Analysis) -> Vec<QuoteFacts<'_>> {
    let text = a.doc.text.as_str();
    a.quotes
        .iter()
        .map(|q| {
            let speaker = q.speaker.as_ref();
            QuoteFacts {
                speaker: speaker
                    .and_then(|s| s.name.as_deref())
                    .filter(|n| !n.is_empty()),
                speaker_type: speaker.map_or("", |s| s.kind.as_str()),
                affiliation: speaker
                    .and_then(|s| s.affiliation.as_deref())
                    .filter(|n| !n.is_empty()),
                mention: speaker.map_or("", |s| s.mention.slice(text)),
                stance: q.stance.as_ref().map(|st| {
                    [
                        as_written(st.tone),
                        as_written(st.conflict),
                        as_written(st.certainty),
                    ]
                }),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::as_written;

    #[test]
    fn scores_round_like_their_cells() {
        assert_eq!(as_written(0.123_456), 0.123);
        assert_eq!(as_written(-0.000_4), -0.0);
        assert_eq!(as_written(1.0), 1.0);
    }
}
