//! Fuzz target: raw bytes through a corpus reader, every pipeline stage and the CSV
//! rows. The first byte picks the input format (txt, JSONL or CSV) and the document size
//! limit (`whosaid::check::limit_for`); the rest is the file.
//! Checks, besides "no panic": every span of every quote lies inside the text on char
//! boundaries, fragments are ordered, and each document's rows render.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    whosaid::check::check_pipeline_invariants(data);
});
