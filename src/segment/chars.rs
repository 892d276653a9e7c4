//! Character classes shared by the segmenters.

/// The character just before byte `pos` (None at `floor` or before).
pub fn char_before(text: &str, pos: usize, floor: usize) -> Option<char> {
    if pos <= floor {
        return None;
    }
    text[floor..pos].chars().next_back()
}

/// The character starting at byte `pos` (None at `ceil` or after).
pub fn char_at(text: &str, pos: usize, ceil: usize) -> Option<char> {
    if pos >= ceil {
        return None;
    }
    text[pos..ceil].chars().next()
}

/// Any quotation mark whisaid recognises (double, single, guillemets, low-9).
pub fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '\u{201C}'
            | '\u{201D}'
            | '\u{2018}'
            | '\u{2019}'
            | '\u{201E}'
            | '\u{00AB}'
            | '\u{00BB}'
            | '\u{2039}'
            | '\u{203A}'
    )
}

/// Punctuation after which an opening quote mark may follow directly.
pub fn is_opening_context(c: char) -> bool {
    c.is_whitespace()
        || is_quote_mark(c)
        || matches!(
            c,
            '(' | '[' | '{' | '<' | '-' | '\u{2013}' | '\u{2014}' | '/' | ':'
        )
}

/// Punctuation before which a closing quote mark may stand directly.
pub fn is_closing_context(c: char) -> bool {
    c.is_whitespace()
        || is_quote_mark(c)
        || matches!(
            c,
            '.' | ','
                | ';'
                | ':'
                | '!'
                | '?'
                | ')'
                | ']'
                | '}'
                | '>'
                | '-'
                | '\u{2013}'
                | '\u{2014}'
                | '\u{2026}'
                | '/'
        )
}

/// Marks that can open a top-level (double) quotation.
pub fn is_double_opener(c: char) -> bool {
    matches!(c, '"' | '\u{201C}' | '\u{201E}' | '\u{00AB}')
}
