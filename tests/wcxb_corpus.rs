//! Extraction quality on the human-reviewed WCXB dev pages (the shared
//! `corpus/wcxb-dev`, 296 pages of 7 types): each page is extracted at its own
//! URL, `bench/score.py` scores the text, and the shingle and bag-of-words F1
//! must stay above floors set a little below what the extractor reaches, per
//! dataset and per page type, so a regression fails.
//!
//! The corpus lives outside the repository: `$UNMIRROR_SHARED`, else
//! `<repo>/../shared`, else `/work/shared`. Without it the test prints why and
//! passes.

mod support;

use support::{page_ids, read_page, score, shared_dir};
use unmirror::{extract_with, Options};

/// Floors: (dataset shingle F1, dataset bag-of-words F1).
const MIN_SHINGLE_F1: f64 = 0.855;
const MIN_BOW_F1: f64 = 0.865;
/// Per page type shingle F1 floors.
const MIN_TYPE_SHINGLE_F1: &[(&str, f64)] = &[
    ("article", 0.955),
    ("documentation", 0.9),
    ("service", 0.83),
    ("forum", 0.755),
    ("listing", 0.665),
    ("collection", 0.68),
    ("product", 0.485),
];

#[test]
fn wcxb_dev_score_floor() {
    let Some(shared) = shared_dir(&["corpus/wcxb-dev", "bench/score.py"]) else {
        println!(
            "skipped: no shared wcxb-dev corpus (set UNMIRROR_SHARED, or put `shared/` beside the repo)"
        );
        return;
    };
    let pages_dir = shared.join("corpus/wcxb-dev");
    let pred = std::env::temp_dir().join(format!("unmirror-wcxb-{}", std::process::id()));
    let pred_ds = pred.join("wcxb-dev");
    std::fs::create_dir_all(&pred_ds).expect("temp dir");

    let ids = page_ids(&pages_dir);
    assert!(ids.len() > 250, "only {} pages", ids.len());

    let opts = Options::default();
    for id in &ids {
        let dir = pages_dir.join(id);
        let html = read_page(&dir.join("source.html"));
        let meta: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(dir.join("meta.json")).expect("meta"))
                .expect("meta.json is JSON");
        let url = meta.get("url").and_then(|v| v.as_str());
        let text = extract_with(&html, url, &opts)
            .map(|a| a.text)
            .unwrap_or_default();
        std::fs::write(pred_ds.join(format!("{id}.txt")), format!("{text}\n")).expect("write");
    }

    let scores = score(&shared, &pred, "wcxb-dev", &["--group-by", "page_type"]);
    let _ = std::fs::remove_dir_all(&pred);
    let ds = &scores["datasets"]["wcxb-dev"];
    let f1 = ds["shingle_f1"].as_f64().expect("shingle_f1");
    let bow = ds["bow_f1"].as_f64().expect("bow_f1");
    println!(
        "wcxb-dev: {} pages, shingle F1 {f1:.4}, bow F1 {bow:.4}",
        ids.len()
    );
    let mut low = Vec::new();
    for &(kind, floor) in MIN_TYPE_SHINGLE_F1 {
        let got = ds["groups"][kind]["shingle_f1"]
            .as_f64()
            .unwrap_or_else(|| panic!("no {kind} group"));
        println!("  {kind}: shingle F1 {got:.4} (floor {floor})");
        if got < floor {
            low.push(format!("{kind} {got:.4} < {floor}"));
        }
    }
    assert!(
        f1 >= MIN_SHINGLE_F1,
        "shingle F1 {f1:.4} < {MIN_SHINGLE_F1}"
    );
    assert!(bow >= MIN_BOW_F1, "bow F1 {bow:.4} < {MIN_BOW_F1}");
    assert!(low.is_empty(), "page types below their floors: {low:?}");
}
