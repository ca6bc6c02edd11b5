//! A structured hostile page (`unmirror_fuzz::structured::Page`: metadata,
//! JSON-LD, prose, tables, lists, XSS vectors, misnesting, deep nesting)
//! through `extract_with`, with a URL and options from the structure, checking
//! the result's invariants.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unmirror_fuzz::structured::Page;
use unmirror_fuzz::{input, invariants};

fuzz_target!(|page: Page| {
    let header = input::Header::new(page.flags, page.param);
    let html = page.html();
    let url = header.url(&page.url_tail);
    // URL base 3 is empty: let the structure also try without a URL.
    let url = if header.url_base == 3 && page.url_tail.is_empty() {
        None
    } else {
        Some(url.as_str())
    };
    let result = unmirror::extract_with(&html, url, &header.opts);
    invariants::check_result(&result);
});
