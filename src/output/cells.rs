//! Spreadsheet-safe text cells. Excel and LibreOffice run a cell that starts with `=`,
//! `+`, `-` or `@` as a formula (and tab or carriage return can smuggle one in), so a
//! quotation such as `=HYPERLINK(…)` in a scraped article could attack the analyst who
//! opens the table. By default every text cell starting with one of those characters is
//! written with a leading `'`, which spreadsheets show as plain text; `--raw-csv` turns
//! this off. Cells that are plain numbers (`-0.250`, `-3`) are left as they are, so scores
//! and offsets stay numeric. Whosaid's own readers of its tables (`eval --pred`, `diff`)
//! undo the prefix with [`restore`].

use std::borrow::Cow;

/// Whether text cells are neutralised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum CellMode {
    /// Text cells starting with a formula character get a leading `'` (the default).
    #[default]
    Safe,
    /// Cells are written exactly as they are (`--raw-csv`).
    Raw,
}

impl CellMode {
    /// `Raw` when `raw` is set (the `--raw-csv` flag), `Safe` otherwise.
    pub fn from_raw_flag(raw: bool) -> Self {
        if raw {
            CellMode::Raw
        } else {
            CellMode::Safe
        }
    }
}

/// The prefix that neutralises a cell.
pub const NEUTRALIZER: char = '\'';

fn starts_with_trigger(s: &str) -> bool {
    matches!(
        s.as_bytes().first(),
        Some(b'=' | b'+' | b'-' | b'@' | b'\t' | b'\r')
    )
}

/// True when a spreadsheet would treat `s` as a formula rather than text or a number.
pub fn is_dangerous(s: &str) -> bool {
    starts_with_trigger(s) && s.trim().parse::<f64>().is_err()
}

/// The cell to write for text `s` under `mode`.
pub fn cell(s: &str, mode: CellMode) -> Cow<'_, str> {
    if mode == CellMode::Safe && is_dangerous(s) {
        let mut out = String::with_capacity(s.len() + 1);
        out.push(NEUTRALIZER);
        out.push_str(s);
        Cow::Owned(out)
    } else {
        Cow::Borrowed(s)
    }
}

/// The text of a cell read back from a whosaid table: the neutralising `'` is removed
/// (only where [`cell`] would have added it, so `'quoted'` stays as it is).
pub fn restore(s: &str) -> &str {
    match s.strip_prefix(NEUTRALIZER) {
        Some(rest) if is_dangerous(rest) => rest,
        _ => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_starts_are_neutralised_and_restored() {
        for s in [
            "=1+1",
            "+SUM(A1)",
            "-- and then",
            "@cmd",
            "\tx",
            "\r=x",
            "-x",
        ] {
            let c = cell(s, CellMode::Safe);
            assert_eq!(c, format!("'{s}"), "{s:?}");
            assert_eq!(restore(&c), s);
            assert_eq!(cell(s, CellMode::Raw), s);
        }
    }

    #[test]
    fn numbers_and_plain_text_are_untouched() {
        for s in [
            "-0.250", "-3", "+1", "12", "", "said", "'quoted'", "a=b", " =x",
        ] {
            assert_eq!(cell(s, CellMode::Safe), s, "{s:?}");
            assert_eq!(restore(s), s, "{s:?}");
        }
    }
}
