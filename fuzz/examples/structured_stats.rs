//! Diagnostics for the `html_structured` generator: over the inputs of a
//! corpus directory (or pseudo-random bytes), how large the pages are and how
//! often the pipeline finds an article. `cargo run --example structured_stats [DIR]`.
use arbitrary::{Arbitrary, Unstructured};
use unmirror_fuzz::{input, structured::Page};

fn main() {
    let inputs: Vec<Vec<u8>> = match std::env::args().nth(1) {
        Some(dir) => std::fs::read_dir(dir)
            .expect("corpus dir")
            .filter_map(|e| std::fs::read(e.ok()?.path()).ok())
            .collect(),
        None => {
            let mut x = 0x9E37_79B9_7F4A_7C15u64;
            (0..2000)
                .map(|i| {
                    (0..(64 + i % 4000))
                        .map(|_| {
                            x ^= x << 13;
                            x ^= x >> 7;
                            x ^= x << 17;
                            x as u8
                        })
                        .collect()
                })
                .collect()
        }
    };
    let (mut ok, mut err, mut bytes, mut words) = (0usize, 0usize, 0usize, 0usize);
    let mut errors = std::collections::BTreeMap::new();
    for data in &inputs {
        let Ok(page) = Page::arbitrary_take_rest(Unstructured::new(data)) else {
            continue;
        };
        let header = input::Header::new(page.flags, page.param);
        let html = page.html();
        bytes += html.len();
        let url = header.url(&page.url_tail);
        match unmirror::extract_with(&html, Some(&url), &header.opts) {
            Ok(a) => {
                ok += 1;
                words += a.word_count;
            }
            Err(e) => {
                err += 1;
                *errors.entry(e.code()).or_insert(0usize) += 1;
            }
        }
    }
    let n = (ok + err).max(1);
    println!(
        "{} inputs, {n} pages, mean html {} bytes, ok {ok} ({}%), mean words when ok {}, errors {errors:?}",
        inputs.len(),
        bytes / n,
        ok * 100 / n,
        words / ok.max(1)
    );
}
