//! The mirror bars on the shared corpus (skipped when the corpus is absent):
//! - every dev mirror case flagged; ≥ 98 % of the truth's clutter text covered
//!   by reported clutter; ≤ 1 % of the article's words inside reported clutter;
//!   every reported selector matches exactly its element (checked with
//!   `scraper`, an independent selector engine);
//! - publisher right (any alias) on ≥ 95 % of cases, precision ≥ 95 %,
//!   `original_url` equal to the truth whenever the page holds it and never
//!   wrong; the seed names CBS News with AFP as agency;
//! - none of the 425 ordinary pages (`readability`, `wcxb-dev`) flagged.
//!
//! Run the ordinary-page test in release mode: `cargo test --release --test
//! mirrors_corpus`.

mod support;

use scraper::{Html, Node, Selector};
use std::collections::{HashMap, HashSet};
use std::fs;
use std::path::Path;
use support::{case_dirs, shared_dir};
use unmirror::{decode_html, extract_with, Article, Options};

fn run(case: &Path) -> (String, Option<String>, Article) {
    let bytes = fs::read(case.join("source.html")).expect("source.html");
    let html = decode_html(&bytes);
    let meta: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(case.join("meta.json")).expect("meta.json"))
            .expect("meta json");
    let url = meta["url"].as_str().map(str::to_string);
    let art = extract_with(&html, url.as_deref(), &Options::default()).expect("article");
    (html, url, art)
}

const INVISIBLE: &[&str] = &["script", "style", "noscript", "template", "head", "title"];

/// Ids of the elements `selectors` match.
fn matched(doc: &Html, selectors: &[String]) -> HashSet<ego_tree::NodeId> {
    let mut out = HashSet::new();
    for s in selectors {
        let sel = Selector::parse(s).unwrap_or_else(|_| panic!("selector {s}"));
        for e in doc.select(&sel) {
            out.insert(e.id());
        }
    }
    out
}

/// Visible text nodes: (node id, text).
fn text_nodes(doc: &Html) -> Vec<(ego_tree::NodeId, String)> {
    let mut out = Vec::new();
    for n in doc.tree.nodes() {
        if let Node::Text(t) = n.value() {
            let hidden = n.ancestors().any(|a| {
                a.value()
                    .as_element()
                    .is_some_and(|e| INVISIBLE.contains(&e.name()))
            });
            if !hidden {
                out.push((n.id(), t.text.to_string()));
            }
        }
    }
    out
}

fn inside(doc: &Html, node: ego_tree::NodeId, set: &HashSet<ego_tree::NodeId>) -> bool {
    doc.tree
        .get(node)
        .is_some_and(|n| n.ancestors().any(|a| set.contains(&a.id())))
}

fn non_ws(s: &str) -> usize {
    s.chars().filter(|c| !c.is_whitespace()).count()
}

fn tokens(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn shingles(tok: &[String]) -> HashMap<String, usize> {
    let mut m = HashMap::new();
    for w in tok.windows(4) {
        *m.entry(w.join(" ")).or_insert(0) += 1;
    }
    m
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn bow_f1(pred: &str, truth: &str) -> f64 {
    let mut t: HashMap<String, usize> = HashMap::new();
    for w in tokens(truth) {
        *t.entry(w).or_insert(0) += 1;
    }
    let p = tokens(pred);
    let (np, nt) = (p.len(), t.values().sum::<usize>());
    let mut overlap = 0;
    for w in p {
        if let Some(c) = t.get_mut(&w) {
            if *c > 0 {
                *c -= 1;
                overlap += 1;
            }
        }
    }
    if np == 0 || nt == 0 {
        return 0.0;
    }
    let (pr, rc) = (overlap as f64 / np as f64, overlap as f64 / nt as f64);
    if pr + rc == 0.0 {
        0.0
    } else {
        2.0 * pr * rc / (pr + rc)
    }
}

fn norm(s: &str) -> String {
    s.to_lowercase()
        .trim()
        .trim_start_matches("the ")
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

#[test]
fn dev_mirror_cases_meet_the_bars() {
    let Some(shared) = shared_dir(&["corpus"]) else {
        eprintln!("SKIP: shared corpus not found (../shared or UNMIRROR_SHARED)");
        return;
    };
    let dev = case_dirs(&shared.join("corpus/mirrors/dev"));
    assert!(!dev.is_empty(), "no dev cases");
    let (mut clutter_total, mut clutter_covered) = (0usize, 0usize);
    let (mut art_shingles, mut art_leaked) = (0usize, 0usize);
    let (mut flagged, mut named, mut right) = (0, 0, 0);
    let (mut url_cases, mut url_right, mut url_wrong) = (0, 0, 0);
    let mut f1_sum = 0.0;
    let mut failures: Vec<String> = Vec::new();
    for case in &dev {
        let id = case.file_name().unwrap().to_string_lossy().to_string();
        let (html, _url, art) = run(case);
        let truth: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(case.join("truth.json")).unwrap()).unwrap();
        let expected = fs::read_to_string(case.join("expected.txt")).unwrap();
        let doc = Html::parse_document(&html);

        // every reported selector: exactly one element, with the reported text
        for c in &art.clutter {
            let sel = Selector::parse(&c.selector)
                .unwrap_or_else(|_| panic!("{id}: bad selector {}", c.selector));
            let hits: Vec<_> = doc.select(&sel).collect();
            assert_eq!(hits.len(), 1, "{id}: {} matches {}", c.selector, hits.len());
            let text: String = text_nodes(&doc)
                .into_iter()
                .filter(|(n, _)| *n == hits[0].id() || inside(&doc, *n, &[hits[0].id()].into()))
                .map(|(_, t)| t)
                .collect();
            assert_eq!(
                collapse(&text).chars().count(),
                c.text_chars,
                "{id}: text_chars of {}",
                c.selector
            );
        }

        let truth_sel: Vec<String> = truth["clutter_selectors"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|s| s.as_str().map(str::to_string))
            .collect();
        let truth_set = matched(&doc, &truth_sel);
        let ours: Vec<String> = art.clutter.iter().map(|c| c.selector.clone()).collect();
        let our_set = matched(&doc, &ours);
        let (mut tot, mut cov) = (0, 0);
        let mut leaked_text = String::new();
        for (n, t) in text_nodes(&doc) {
            let in_truth = truth_set.contains(&n) || inside(&doc, n, &truth_set);
            let in_ours = our_set.contains(&n) || inside(&doc, n, &our_set);
            if in_truth {
                tot += non_ws(&t);
                if in_ours {
                    cov += non_ws(&t);
                }
            }
            if in_ours {
                leaked_text.push(' ');
                leaked_text.push_str(&t);
            }
        }
        // article words inside our clutter: the expected text's 4-gram shingles
        // that also occur in reported clutter text
        let exp = shingles(&tokens(&expected));
        let ours_sh = shingles(&tokens(&leaked_text));
        let exp_n: usize = exp.values().sum();
        let leak: usize = exp
            .iter()
            .map(|(k, v)| (*v).min(*ours_sh.get(k).unwrap_or(&0)))
            .sum();
        clutter_total += tot;
        clutter_covered += cov;
        art_shingles += exp_n;
        art_leaked += leak;
        let f1 = bow_f1(&art.text, &expected);
        f1_sum += f1;

        if art.mirror.is_mirror {
            flagged += 1;
        } else {
            failures.push(format!("{id}: not flagged"));
        }
        // attribution
        let aliases: Vec<String> = truth["original_publisher_aliases"]
            .as_array()
            .map(|a| a.iter().filter_map(|s| s.as_str().map(norm)).collect())
            .unwrap_or_default();
        let mut ok_pub = false;
        if let Some(p) = &art.attribution.publisher {
            named += 1;
            ok_pub = aliases.contains(&norm(p))
                || norm(truth["original_publisher"].as_str().unwrap_or("")) == norm(p);
            if ok_pub {
                right += 1;
            }
        }
        let truth_url = truth["original_url"].as_str().map(str::to_string);
        let page_has_url = truth_url
            .as_ref()
            .is_some_and(|u| html.contains(u.as_str()) || html.contains(&u.replace('&', "&amp;")));
        if page_has_url {
            url_cases += 1;
        }
        match (&art.attribution.original_url, &truth_url) {
            (Some(g), Some(t)) if g == t => url_right += 1,
            (Some(g), _) => {
                url_wrong += 1;
                failures.push(format!("{id}: wrong original_url {g}"));
            }
            _ => {}
        }
        eprintln!(
            "{id:22} mirror={} ({:.2}, {:?}) clutter {:5.1}% of {tot:5} chars, leak {leak:3}/{exp_n:4} shingles, f1 {f1:.3}, publisher {:?} {} agencies {:?} url {}",
            art.mirror.is_mirror,
            art.mirror.confidence,
            art.mirror.family.as_deref().unwrap_or("-"),
            100.0 * cov as f64 / tot.max(1) as f64,
            art.attribution.publisher,
            if ok_pub { "ok" } else { "WRONG/none" },
            art.attribution.agencies,
            art.attribution.original_url.as_deref().map_or("-", |u| if Some(u) == truth_url.as_deref() { "ok" } else { "WRONG" }),
        );
        if id == "seed-cbs-korea" {
            assert_eq!(art.attribution.publisher.as_deref(), Some("CBS News"));
            assert!(
                art.attribution
                    .agencies
                    .iter()
                    .any(|a| a == "Agence France-Presse" || a == "AFP"),
                "seed agencies {:?}",
                art.attribution.agencies
            );
        }
    }
    let n = dev.len();
    let coverage = clutter_covered as f64 / clutter_total.max(1) as f64;
    let leak = art_leaked as f64 / art_shingles.max(1) as f64;
    let recall = right as f64 / n as f64;
    let precision = if named == 0 {
        1.0
    } else {
        right as f64 / named as f64
    };
    eprintln!(
        "SUMMARY: flagged {flagged}/{n}; clutter covered {:.2}%; article shingles in clutter {:.2}%; publisher right {right}/{n} ({:.0}%), precision {right}/{named} ({:.0}%); original_url {url_right}/{url_cases} right where the page holds it, {url_wrong} wrong; mean text F1 {:.3}",
        100.0 * coverage,
        100.0 * leak,
        100.0 * recall,
        100.0 * precision,
        f1_sum / n as f64
    );
    for f in &failures {
        eprintln!("  {f}");
    }
    assert_eq!(flagged, n, "every dev case must be flagged");
    assert!(coverage >= 0.98, "clutter coverage {coverage:.4}");
    assert!(leak <= 0.01, "article words in clutter {leak:.4}");
    assert!(recall >= 0.95, "publisher recall {recall:.3}");
    assert!(precision >= 0.95, "publisher precision {precision:.3}");
    assert_eq!(url_wrong, 0, "wrong original URLs");
}

#[test]
fn ordinary_pages_are_not_mirrors() {
    let Some(shared) = shared_dir(&["corpus"]) else {
        eprintln!("SKIP: shared corpus not found (../shared or UNMIRROR_SHARED)");
        return;
    };
    let mut pages = case_dirs(&shared.join("corpus/readability"));
    pages.extend(case_dirs(&shared.join("corpus/wcxb-dev")));
    assert!(pages.len() >= 400, "expected the 425 ordinary pages");
    let mut flagged = Vec::new();
    let mut checked = 0;
    for p in &pages {
        let bytes = fs::read(p.join("source.html")).unwrap();
        let html = decode_html(&bytes);
        let meta: serde_json::Value =
            serde_json::from_str(&fs::read_to_string(p.join("meta.json")).unwrap_or_default())
                .unwrap_or_default();
        let url = meta["url"].as_str().map(str::to_string);
        let Ok(art) = extract_with(&html, url.as_deref(), &Options::default()) else {
            continue; // no article: nothing to flag
        };
        checked += 1;
        if art.mirror.is_mirror || !art.clutter.is_empty() {
            flagged.push(format!(
                "{} ({:?}: {:?})",
                p.display(),
                art.mirror.family,
                art.mirror
                    .evidence
                    .iter()
                    .map(|e| format!("{}: {}", e.kind, e.text))
                    .collect::<Vec<_>>()
            ));
        }
    }
    eprintln!(
        "checked {checked} ordinary pages, flagged {}",
        flagged.len()
    );
    for f in &flagged {
        eprintln!("  FLAGGED {f}");
    }
    assert!(
        flagged.is_empty(),
        "{} ordinary pages flagged as mirrors",
        flagged.len()
    );
}
