//! Arbitrary bytes through the whole pipeline: `decode_html`, then
//! `extract_with` without a URL and with one derived from the input (see
//! `unmirror_fuzz::input`), checking every result's invariants. One input in
//! eight is extracted twice more to check the result is deterministic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unmirror_fuzz::{input, invariants};

fuzz_target!(|data: &[u8]| {
    let split = input::split(data);
    let html = unmirror::decode_html(split.html);
    let opts = &split.header.opts;

    let without_url = unmirror::extract_with(&html, None, opts);
    invariants::check_result(&without_url);

    let with_url = unmirror::extract_with(&html, Some(&split.url), opts);
    invariants::check_result(&with_url);

    if data.len() % 8 == 0 {
        let again = unmirror::extract_with(&html, Some(&split.url), opts);
        assert_eq!(with_url, again, "extraction is not deterministic");
    }
});
