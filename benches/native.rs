//! Native speed: unmirror against dom_smoothie (the fastest Rust Readability port)
//! on the same corpus pages, in one run. Prints per-corpus median and p95 per-page
//! time for each, and the ratio of medians. Not a test: it asserts nothing.
//!
//! `cargo bench --bench native` (reads `../shared/corpus`, or `UNMIRROR_SHARED`).

use std::path::{Path, PathBuf};
use std::time::Instant;

/// Timed repetitions per page (each alternates the two extractors).
const REPS: usize = 5;

struct Page {
    html: String,
    url: String,
}

fn shared_dir() -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("UNMIRROR_SHARED").map(PathBuf::from),
        Some(Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared")),
    ];
    candidates
        .into_iter()
        .flatten()
        .find(|p| p.join("corpus").is_dir())
}

fn load(dir: &Path) -> Vec<Page> {
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    dirs.sort();
    dirs.into_iter()
        .filter_map(|d| {
            let bytes = std::fs::read(d.join("source.html")).ok()?;
            let meta: serde_json::Value = std::fs::read_to_string(d.join("meta.json"))
                .ok()
                .and_then(|s| serde_json::from_str(&s).ok())
                .unwrap_or_default();
            let url = meta["url"]
                .as_str()
                .or(meta["harness_url"].as_str())
                .unwrap_or("http://fakehost/test/page.html")
                .to_string();
            Some(Page {
                html: unmirror::decode_html(&bytes),
                url,
            })
        })
        .collect()
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let idx = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[idx]
}

fn median(v: &mut [f64]) -> f64 {
    v.sort_by(|a, b| a.total_cmp(b));
    percentile(v, 0.5)
}

fn main() {
    let Some(shared) = shared_dir() else {
        println!("native bench skipped: ../shared/corpus not found (set UNMIRROR_SHARED)");
        return;
    };
    let mut all_ratio = Vec::new();
    for corpus in ["readability", "wcxb-dev", "mirrors/dev"] {
        let pages = load(&shared.join("corpus").join(corpus));
        if pages.is_empty() {
            continue;
        }
        let mut ours = Vec::new();
        let mut theirs = Vec::new();
        // Per page, unmirror's time over dom_smoothie's: steadier than the ratio
        // of medians on a loaded machine (both see the same moment's load).
        let mut per_page = Vec::new();
        for p in &pages {
            // Warm-up, then alternate.
            let _ = unmirror::extract(&p.html, Some(&p.url));
            let mut a = Vec::with_capacity(REPS);
            let mut b = Vec::with_capacity(REPS);
            for _ in 0..REPS {
                let t = Instant::now();
                let _ = std::hint::black_box(unmirror::extract(&p.html, Some(&p.url)));
                a.push(t.elapsed().as_secs_f64() * 1e3);
                let t = Instant::now();
                let r = dom_smoothie::Readability::new(p.html.as_str(), Some(&p.url), None)
                    .and_then(|mut r| r.parse());
                let _ = std::hint::black_box(r);
                b.push(t.elapsed().as_secs_f64() * 1e3);
            }
            let (ma, mb) = (median(&mut a), median(&mut b));
            per_page.push(ma / mb.max(1e-6));
            ours.push(ma);
            theirs.push(mb);
        }
        ours.sort_by(|a, b| a.total_cmp(b));
        theirs.sort_by(|a, b| a.total_cmp(b));
        let (om, op) = (percentile(&ours, 0.5), percentile(&ours, 0.95));
        let (tm, tp) = (percentile(&theirs, 0.5), percentile(&theirs, 0.95));
        let ratio = om / tm;
        all_ratio.push(ratio);
        let page_ratio = median(&mut per_page);
        println!(
            "{corpus:12} pages={:4} unmirror median={om:7.2}ms p95={op:7.2}ms | dom_smoothie median={tm:7.2}ms p95={tp:7.2}ms | ratio of medians={ratio:.2} | median per-page ratio={page_ratio:.2}",
            pages.len()
        );
    }
    let worst = all_ratio.iter().cloned().fold(0.0, f64::max);
    println!("NATIVE native_ratio={worst:.2}");
}
