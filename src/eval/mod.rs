//! Scoring attribution against gold labels, with the definitions of the reference scorer
//! (`../shared/tools/score_quotes.py`): predictions are matched one-to-one per document,
//! greedily by token Jaccard (≥ 0.5); recall is measured on a subset of the gold quotes,
//! precision against any gold attribution; speaker, affiliation and resolution accuracy
//! are measured on the matched pairs.

mod gold;
mod metrics;

pub use gold::{read_gold, GoldDoc, GoldQuote};
pub use metrics::{evaluate, DocResult, ErrorRow, Evaluation, Pred, Subset};
