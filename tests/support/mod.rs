//! What the corpus tests share: finding `../shared`, reading a page, listing a
//! dataset's pages. Each test binary uses only part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use unmirror::decode_html;

/// The shared material (`$UNMIRROR_SHARED`, else `<repo>/../shared`, else
/// `/work/shared`) when it holds every path in `needs`.
pub fn shared_dir(needs: &[&str]) -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("UNMIRROR_SHARED").map(PathBuf::from),
        Some(Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared")),
        Some(PathBuf::from("/work/shared")),
    ];
    candidates
        .into_iter()
        .flatten()
        .find(|p| needs.iter().all(|n| p.join(n).exists()))
}

/// The page text, decoded as the CLI does (`decode_html`: valid UTF-8 wins over a
/// stale legacy declaration, which is how Readability's harness reads its pages).
pub fn read_page(path: &Path) -> String {
    decode_html(&std::fs::read(path).expect("readable source.html"))
}

/// Score the predictions in `pred/<dataset>/<id>.txt` with `bench/score.py` (no
/// bootstrap) and return its JSON report; `extra` are more score.py arguments.
pub fn score(shared: &Path, pred: &Path, dataset: &str, extra: &[&str]) -> serde_json::Value {
    let out_json = pred.join("score.json");
    let status = std::process::Command::new("python3")
        .arg(shared.join("bench/score.py"))
        .arg("--corpus")
        .arg(shared.join("corpus"))
        .arg("--pred")
        .arg(pred)
        .args(["--datasets", dataset, "--bootstrap", "0"])
        .args(extra)
        .arg("--json")
        .arg(&out_json)
        .status()
        .expect("python3 runs bench/score.py");
    assert!(status.success(), "score.py failed");
    serde_json::from_str(&std::fs::read_to_string(&out_json).expect("score json"))
        .expect("score json parses")
}

/// The ids (folder names) of a dataset's pages that have a `source.html`, sorted.
pub fn page_ids(pages_dir: &Path) -> Vec<String> {
    let mut ids: Vec<String> = std::fs::read_dir(pages_dir)
        .expect("corpus dir")
        .filter_map(Result::ok)
        .filter(|e| e.path().join("source.html").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    ids.sort();
    ids
}

/// The folders of a dataset's pages that have a `source.html`, sorted (empty
/// when the dataset is missing).
pub fn case_dirs(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|r| r.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    v.retain(|p| p.join("source.html").is_file());
    v.sort();
    v
}

/// The words of `article`'s text export (its title and body; the byline and
/// attribution lines are front matter in the Markdown) that the Markdown export,
/// rendered back to text by a CommonMark renderer with the GFM extensions,
/// lacks, counted as a multiset, in text order; raw HTML the renderer would
/// pass through is reported too. Empty when the Markdown keeps every word.
pub fn markdown_lost_words(article: &unmirror::Article) -> Vec<String> {
    use pulldown_cmark::{Event, Parser};
    use std::collections::HashMap;
    use unmirror::{export, Article, ExportContext, ExportFormat};
    let ctx = ExportContext {
        source_url: Some("https://news.example/a.html".to_string()),
        exported: "2026-01-01".to_string(),
    };
    let text = export(article, ExportFormat::TextExport, &ctx);
    let head = export(
        &Article {
            text: String::new(),
            ..article.clone()
        },
        ExportFormat::TextExport,
        &ctx,
    );
    let body = text.strip_prefix(head.as_str()).unwrap_or(&text);
    let md = export(article, ExportFormat::Markdown, &ctx);
    // The body after the front matter (whose closing `---` is the first after line 1).
    let md_body = md
        .strip_prefix("---\n")
        .and_then(|rest| rest.find("\n---\n").map(|end| &rest[end + 5..]))
        .unwrap_or(&md);
    let mut opts = pulldown_cmark::Options::empty();
    opts.insert(pulldown_cmark::Options::ENABLE_TABLES);
    opts.insert(pulldown_cmark::Options::ENABLE_STRIKETHROUGH);
    opts.insert(pulldown_cmark::Options::ENABLE_FOOTNOTES);
    opts.insert(pulldown_cmark::Options::ENABLE_TASKLISTS);
    let mut rendered = String::new();
    let mut lost = Vec::new();
    // Image descriptions are not in the plain text (nor in the word count).
    let mut in_image = 0usize;
    for ev in Parser::new_ext(md_body, opts) {
        match ev {
            Event::Start(pulldown_cmark::Tag::Image { .. }) => in_image += 1,
            Event::End(pulldown_cmark::TagEnd::Image) => in_image = in_image.saturating_sub(1),
            Event::Text(_) if in_image > 0 => {}
            Event::Text(t) | Event::Code(t) => rendered.push_str(&t),
            Event::Html(h) | Event::InlineHtml(h) => lost.push(format!("(raw HTML {h:?})")),
            Event::Start(t) if is_block(&t.to_end()) => rendered.push(' '),
            Event::End(t) if is_block(&t) => rendered.push(' '),
            Event::SoftBreak | Event::HardBreak | Event::Rule => rendered.push(' '),
            _ => {}
        }
    }
    // Control characters are not text (the Markdown leaves them out).
    let plain = |s: &str| s.replace(|c: char| c.is_control() && !c.is_whitespace(), "");
    let (rendered, title, body) = (plain(&rendered), plain(&article.title), plain(body));
    let mut have: HashMap<&str, usize> = HashMap::new();
    for w in words(&rendered) {
        *have.entry(w).or_default() += 1;
    }
    for w in words(&title).chain(words(&body)) {
        match have.get_mut(w) {
            Some(n) if *n > 0 => *n -= 1,
            _ => lost.push(w.to_string()),
        }
    }
    lost
}

/// Words as runs of letters and digits: punctuation is the renderers' to
/// choose (a `<q>` is quoted in Markdown, not in plain text).
fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// Does this tag end a block (a place where rendered text needs a separator)?
pub fn is_block(t: &pulldown_cmark::TagEnd) -> bool {
    use pulldown_cmark::TagEnd;
    !matches!(
        t,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Link
            | TagEnd::Image
            | TagEnd::Superscript
            | TagEnd::Subscript
    )
}
