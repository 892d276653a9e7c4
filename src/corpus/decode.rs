//! Bytes to text: invalid UTF-8 is replaced (U+FFFD) and reported, never fatal.

/// Decodes `bytes`, returning the text and a warning when bytes had to be replaced.
pub fn decode_lossy(bytes: Vec<u8>) -> (String, Option<String>) {
    match String::from_utf8(bytes) {
        Ok(s) => (s, None),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            let text = String::from_utf8_lossy(e.as_bytes()).into_owned();
            (
                text,
                Some(format!(
                    "invalid UTF-8 (first at byte {at}) replaced with U+FFFD; offsets refer to the repaired text"
                )),
            )
        }
    }
}
