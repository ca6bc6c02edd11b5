//! The Markdown export over the shared corpus (issue 8's bars): rendered back to
//! text with pulldown-cmark, every page keeps ≥ 99 % of its article's tokens,
//! table cells and code blocks; the seed mirror case carries its attribution in
//! the front matter and none of its clutter in the body.
//!
//! Skips (with a message) when the shared corpus is absent: `../shared` from the
//! repository root, or `UNMIRROR_SHARED`.

mod support;

use pulldown_cmark::{Event, Options as MdOptions, Parser, Tag, TagEnd};
use scraper::{Html, Selector};
use std::collections::HashMap;
use std::fs;
use std::path::Path;
use support::{case_dirs, is_block, shared_dir};
use unmirror::{decode_html, export, extract, Article, ExportContext, ExportFormat};

const MIN_KEPT: f64 = 0.99;
const DATE: &str = "2026-01-01";

/// The page's source, its URL (meta.json `url`, else `harness_url`) and article.
fn run(case: &Path) -> (String, Option<String>, Option<Article>) {
    let html = decode_html(&fs::read(case.join("source.html")).expect("source.html"));
    let meta: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(case.join("meta.json")).unwrap_or_default())
            .unwrap_or_default();
    let url = meta["url"]
        .as_str()
        .or(meta["harness_url"].as_str())
        .map(str::to_string);
    let art = extract(&html, url.as_deref()).ok();
    (html, url, art)
}

fn export_md(art: &Article, url: Option<&str>) -> String {
    let ctx = ExportContext {
        source_url: url.map(str::to_string),
        exported: DATE.to_string(),
    };
    export(art, ExportFormat::Markdown, &ctx)
}

/// The front matter (without its `---` lines) and the body.
fn split_front_matter(md: &str) -> (&str, &str) {
    let rest = md.strip_prefix("---\n").expect("front matter opens");
    let end = rest.find("\n---\n").expect("front matter closes");
    (&rest[..end], &rest[end + 5..])
}

struct Rendered {
    text: String,
    code: Vec<String>,
    cells: Vec<String>,
}

/// Markdown back to text: blocks and cells separated by spaces, plus the code
/// blocks' exact text and the table cells' text.
fn render(md: &str) -> Rendered {
    let mut opts = MdOptions::empty();
    opts.insert(MdOptions::ENABLE_TABLES);
    opts.insert(MdOptions::ENABLE_STRIKETHROUGH);
    let mut r = Rendered {
        text: String::new(),
        code: Vec::new(),
        cells: Vec::new(),
    };
    let (mut in_code, mut in_cell, mut in_image) = (false, false, 0);
    for ev in Parser::new_ext(md, opts) {
        let t = match ev {
            Event::Text(t) if in_code => {
                if let Some(c) = r.code.last_mut() {
                    c.push_str(&t);
                }
                Some(t.to_string())
            }
            Event::Text(t) if in_image == 0 => Some(t.to_string()),
            Event::Code(t) => Some(t.to_string()),
            Event::Start(Tag::CodeBlock(_)) => {
                in_code = true;
                r.code.push(String::new());
                None
            }
            Event::End(TagEnd::CodeBlock) => {
                in_code = false;
                Some(" ".into())
            }
            Event::Start(Tag::TableCell) => {
                in_cell = true;
                r.cells.push(String::new());
                Some(" ".into())
            }
            Event::End(TagEnd::TableCell) => {
                in_cell = false;
                Some(" ".into())
            }
            Event::Start(Tag::Image { .. }) => {
                in_image += 1;
                None
            }
            Event::End(TagEnd::Image) => {
                in_image -= 1;
                None
            }
            Event::Html(h) | Event::InlineHtml(h) => panic!("raw HTML in Markdown: {h:?}"),
            Event::SoftBreak | Event::HardBreak => Some(" ".into()),
            Event::Start(t) if is_block(&t.to_end()) => Some(" ".into()),
            Event::End(t) if is_block(&t) => Some(" ".into()),
            _ => None,
        };
        if let Some(t) = t {
            if in_cell {
                if let Some(c) = r.cells.last_mut() {
                    c.push_str(&t);
                }
            }
            r.text.push_str(&t);
        }
    }
    r
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Share of `want`'s tokens (as a multiset) found in `got`.
fn kept(want: &str, got: &str) -> f64 {
    let mut have: HashMap<&str, usize> = HashMap::new();
    for t in got.split_whitespace() {
        *have.entry(t).or_default() += 1;
    }
    let (mut total, mut found) = (0usize, 0usize);
    for t in want.split_whitespace() {
        total += 1;
        if let Some(n) = have.get_mut(t).filter(|n| **n > 0) {
            *n -= 1;
            found += 1;
        }
    }
    if total == 0 {
        1.0
    } else {
        found as f64 / total as f64
    }
}

/// Checks one page; `Err` says what fell short.
fn check_page(art: &Article, url: Option<&str>) -> Result<f64, String> {
    let md = export_md(art, url);
    let (_, body) = split_front_matter(&md);
    let r = render(body);
    let k = kept(&art.text, &r.text);
    if k < MIN_KEPT {
        let mut have: HashMap<&str, usize> = HashMap::new();
        for t in r.text.split_whitespace() {
            *have.entry(t).or_default() += 1;
        }
        let missing: Vec<&str> = art
            .text
            .split_whitespace()
            .filter(|t| match have.get_mut(t) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    false
                }
                _ => true,
            })
            .take(12)
            .collect();
        return Err(format!(
            "kept {k:.4} of the article's tokens; missing e.g. {missing:?}"
        ));
    }
    // Code blocks: the text of every <pre> is one code block, exactly.
    let doc = Html::parse_fragment(&art.content_html);
    let pre = Selector::parse("pre").expect("selector");
    for p in doc.select(&pre) {
        let want = pre_text(p);
        let want = want.strip_suffix('\n').unwrap_or(&want);
        if !r
            .code
            .iter()
            .any(|c| c.strip_suffix('\n').unwrap_or(c) == want)
        {
            return Err(format!("code block not kept exactly: {:?}", clip(want)));
        }
    }
    // Table cells: every cell of a data table without nested tables is a
    // cell. Layout tables (one column, or a heading or quotation in a cell)
    // are written as their content: their text is checked above.
    let table = Selector::parse("table").expect("selector");
    let cell = Selector::parse("td, th").expect("selector");
    let row = Selector::parse("tr").expect("selector");
    let layout_content = Selector::parse("h1, h2, h3, h4, h5, h6, blockquote").expect("selector");
    let md_cells: Vec<String> = r.cells.iter().map(|c| collapse(c)).collect();
    for t in doc.select(&table) {
        // GFM has no nested tables: a table in a table is flattened to text.
        let nested = t
            .ancestors()
            .any(|a| a.value().as_element().is_some_and(|e| e.name() == "table"));
        if nested || t.select(&table).nth(1).is_some() {
            continue;
        }
        let columns = t
            .select(&row)
            .map(|r| r.select(&cell).count())
            .max()
            .unwrap_or(0);
        if columns <= 1 || t.select(&layout_content).next().is_some() {
            continue;
        }
        for c in t.select(&cell) {
            let want = collapse(&c.text().collect::<String>());
            if !want.is_empty() && !md_cells.contains(&want) {
                return Err(format!("table cell not kept: {:?}", clip(&want)));
            }
        }
    }
    Ok(k)
}

/// A `<pre>`'s text as the browser shows it: `<br>` is a line break.
fn pre_text(pre: scraper::ElementRef) -> String {
    let mut s = String::new();
    for n in pre.descendants() {
        match n.value() {
            scraper::Node::Text(t) => s.push_str(t),
            scraper::Node::Element(e) if e.name() == "br" => s.push('\n'),
            _ => {}
        }
    }
    s
}

fn clip(s: &str) -> String {
    s.chars().take(120).collect()
}

#[test]
fn markdown_round_trip_over_corpus() {
    let Some(shared) = shared_dir(&["corpus"]) else {
        eprintln!("SKIP: shared corpus not found (../shared or UNMIRROR_SHARED)");
        return;
    };
    let mut pages = case_dirs(&shared.join("corpus/readability"));
    pages.extend(case_dirs(&shared.join("corpus/mirrors/dev")));
    assert!(pages.len() > 100, "corpus too small: {}", pages.len());
    let (mut n, mut worst, mut sum) = (0usize, (1.0f64, String::new()), 0.0);
    let mut failures = Vec::new();
    for case in &pages {
        let id = case
            .strip_prefix(&shared)
            .unwrap_or(case)
            .display()
            .to_string();
        let (_, url, art) = run(case);
        let Some(art) = art else { continue };
        match check_page(&art, url.as_deref()) {
            Ok(k) => {
                n += 1;
                sum += k;
                if k < worst.0 {
                    worst = (k, id);
                }
            }
            Err(e) => failures.push(format!("{id}: {e}")),
        }
    }
    eprintln!(
        "export round trip: {n} pages ok, mean kept {:.4}, worst {:.4} ({})",
        sum / n.max(1) as f64,
        worst.0,
        worst.1
    );
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(n > 100, "too few articles: {n}");
}

#[test]
fn seed_case_front_matter_and_no_clutter() {
    let Some(shared) = shared_dir(&["corpus"]) else {
        eprintln!("SKIP: shared corpus not found (../shared or UNMIRROR_SHARED)");
        return;
    };
    let case = shared.join("corpus/mirrors/dev/seed-cbs-korea");
    let (html, url, art) = run(&case);
    let url = url.expect("seed url in meta.json");
    let art = art.expect("seed article");
    let md = export_md(&art, Some(&url));
    let (front, body) = split_front_matter(&md);
    let lines: Vec<&str> = front.lines().collect();
    assert!(
        lines.contains(&"original_publisher: \"CBS News\""),
        "{front}"
    );
    assert!(lines.contains(&"mirror: true"), "{front}");
    assert!(
        lines.contains(&format!("source_url: \"{url}\"").as_str()),
        "{front}"
    );
    assert!(lines.contains(&"exported: \"2026-01-01\""), "{front}");

    let truth: serde_json::Value =
        serde_json::from_str(&fs::read_to_string(case.join("truth.json")).expect("truth.json"))
            .expect("truth json");
    let body_text = collapse(&render(body).text);
    // Clutter text that is also the article's (a tag naming a person in the
    // story) says nothing: only text outside the true article counts.
    let article = collapse(&fs::read_to_string(case.join("expected.txt")).expect("expected.txt"));
    let doc = Html::parse_document(&html);
    let mut checked = 0;
    for s in truth["clutter_selectors"].as_array().expect("selectors") {
        let s = s.as_str().expect("selector string");
        let sel = Selector::parse(s).unwrap_or_else(|_| panic!("selector {s}"));
        for e in doc.select(&sel) {
            // Each text line of the clutter block (link labels, dates, list items).
            let pieces = e.text().map(collapse);
            for piece in pieces.filter(|t| t.chars().count() >= 12 && !article.contains(t)) {
                checked += 1;
                assert!(
                    !body_text.contains(&piece),
                    "clutter of {s} in the exported body: {piece:?}"
                );
            }
        }
    }
    assert!(checked > 5, "too little clutter text checked: {checked}");
}
