//! Conformance with Mozilla Readability on its own test pages (the shared
//! `corpus/readability`): title and byline exactness against `meta.json`, and
//! the shingle F1 of the plain text as `bench/score.py` measures it.
//!
//! The corpus lives outside the repository: `$UNMIRROR_SHARED`, else
//! `<repo>/../shared`, else `/work/shared`. Without it the test prints why and
//! passes.

mod support;

use support::{page_ids, read_page, score, shared_dir};
use unmirror::{extract_with, Options};

/// The URL Readability's test harness gives every page.
const HARNESS_URL: &str = "http://fakehost/test/page.html";
const MIN_SHINGLE_F1: f64 = 0.99;
const MIN_TITLE_EXACT: f64 = 0.95;
const MIN_BYLINE_EXACT: f64 = 0.80;

fn meta_str<'a>(meta: &'a serde_json::Value, key: &str) -> Option<&'a str> {
    meta.get(key).and_then(|v| v.as_str())
}

#[test]
fn readability_corpus_conformance() {
    let Some(shared) = shared_dir(&["corpus/readability"]) else {
        println!(
            "skipped: no shared corpus (set UNMIRROR_SHARED, or put `shared/` beside the repo)"
        );
        return;
    };
    let pages_dir = shared.join("corpus/readability");
    let pred = std::env::temp_dir().join(format!("unmirror-readability-{}", std::process::id()));
    let pred_ds = pred.join("readability");
    std::fs::create_dir_all(&pred_ds).expect("temp dir");

    let ids = page_ids(&pages_dir);
    assert!(ids.len() > 100, "only {} pages", ids.len());

    let opts = Options::default();
    let (mut titles, mut bylines, mut with_byline) = (0usize, 0usize, 0usize);
    let mut misses = Vec::new();
    for id in &ids {
        let dir = pages_dir.join(id);
        let html = read_page(&dir.join("source.html"));
        let meta: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join("meta.json")).expect("meta"))
                .expect("meta.json is JSON");
        let article = extract_with(&html, Some(HARNESS_URL), &opts);
        let (title, byline, text) = match &article {
            Ok(a) => (a.title.as_str(), a.byline.as_deref(), a.text.as_str()),
            Err(e) => {
                misses.push(format!("{id}: {e}"));
                ("", None, "")
            }
        };
        if title == meta_str(&meta, "title").unwrap_or("") {
            titles += 1;
        } else {
            misses.push(format!("{id}: title {title:?}"));
        }
        if let Some(expected) = meta_str(&meta, "byline").filter(|b| !b.is_empty()) {
            with_byline += 1;
            if byline == Some(expected) {
                bylines += 1;
            } else {
                misses.push(format!("{id}: byline {byline:?}, expected {expected:?}"));
            }
        }
        std::fs::write(pred_ds.join(format!("{id}.txt")), format!("{text}\n")).expect("write");
    }

    let scores = score(&shared, &pred, "readability", &[]);
    let f1 = scores["datasets"]["readability"]["shingle_f1"]
        .as_f64()
        .expect("shingle_f1");
    let _ = std::fs::remove_dir_all(&pred);

    let title_rate = titles as f64 / ids.len() as f64;
    let byline_rate = bylines as f64 / with_byline.max(1) as f64;
    println!(
        "readability corpus: {} pages, shingle F1 {f1:.4}, title {titles}/{} ({title_rate:.3}), byline {bylines}/{with_byline} ({byline_rate:.3})",
        ids.len(),
        ids.len()
    );
    for m in &misses {
        println!("  {m}");
    }
    assert!(
        f1 >= MIN_SHINGLE_F1,
        "shingle F1 {f1:.4} < {MIN_SHINGLE_F1}"
    );
    assert!(
        title_rate >= MIN_TITLE_EXACT,
        "titles exact {title_rate:.3} < {MIN_TITLE_EXACT}"
    );
    assert!(
        byline_rate >= MIN_BYLINE_EXACT,
        "bylines exact {byline_rate:.3} < {MIN_BYLINE_EXACT}"
    );
}
