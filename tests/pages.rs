//! Golden pages: every folder under `tests/pages/` is one case.
//!
//! ```text
//! tests/pages/<slug>/source.html     the page (input only)
//! tests/pages/<slug>/case.json       {"url": ..., "description": ..., "origin": ...,
//!                                     "known_failure": false, "reason": ...}
//! tests/pages/<slug>/expected.json   the JSON the CLI prints, minus content_html/text
//! tests/pages/<slug>/expected.html   content_html, one block per line
//! tests/pages/<slug>/expected.txt    text
//! tests/pages/<slug>/expected.md     Markdown export, exported on EXPORT_DATE
//! tests/pages/<slug>/expected-page.html  standalone HTML page export (same date)
//! tests/pages/<slug>/expected-export.txt text export (same date)
//! ```
//! `BLESS=1 cargo test --test pages [-- <slug>]` writes the expected files; review
//! the diff in git. A missing expected file fails without `BLESS`, so CI can never
//! pass on a baseline it just created. A case marked `known_failure` must still
//! differ from its expected output: the runner fails when it starts passing.

use libtest_mimic::{Arguments, Failed, Trial};
use serde_json::Value;
use std::fs;
use std::path::{Path, PathBuf};

/// The URL a case is read at when `case.json` gives none (Readability's harness URL).
const DEFAULT_URL: &str = "http://fakehost/test/page.html";
/// The export date the golden Markdown carries.
const EXPORT_DATE: &str = "2026-01-01";

fn main() {
    let args = Arguments::from_args();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/pages");
    let mut dirs: Vec<PathBuf> = fs::read_dir(&root)
        .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    dirs.retain(|d| d.join("source.html").is_file());
    dirs.sort();
    let trials = dirs
        .into_iter()
        .map(|dir| {
            let name = dir.file_name().unwrap().to_string_lossy().into_owned();
            Trial::test(name, move || run_case(&dir))
        })
        .collect();
    libtest_mimic::run(&args, trials).exit();
}

fn run_case(dir: &Path) -> Result<(), Failed> {
    let case: Value = match fs::read_to_string(dir.join("case.json")) {
        Ok(s) => serde_json::from_str(&s).map_err(|e| format!("case.json: {e}"))?,
        Err(_) => Value::Null,
    };
    let url = case["url"].as_str().unwrap_or(DEFAULT_URL).to_string();
    let known_failure = case["known_failure"].as_bool().unwrap_or(false);
    let bytes = fs::read(dir.join("source.html")).map_err(|e| format!("source.html: {e}"))?;
    let html = unmirror::decode_html(&bytes);

    let outputs = render_outputs(&html, &url);
    let bless = std::env::var_os("BLESS").is_some();
    let mut problems = Vec::new();
    for (file, actual) in &outputs {
        let path = dir.join(file);
        if bless {
            fs::write(&path, actual).map_err(|e| format!("{file}: {e}"))?;
            continue;
        }
        match fs::read_to_string(&path) {
            Err(_) => problems.push(format!("{file}: missing (run with BLESS=1 to create)")),
            Ok(expected) => {
                if let Some(diff) = first_difference(&expected, actual) {
                    problems.push(format!("{file}: {diff}"));
                }
            }
        }
    }
    if bless {
        return Ok(());
    }
    match (problems.is_empty(), known_failure) {
        (true, false) => Ok(()),
        (false, true) => Ok(()),
        (true, true) => Err("marked known_failure but now passes: flip the flag".into()),
        (false, false) => Err(format!(
            "{}\nrerun with `BLESS=1 cargo test --test pages -- {}` to accept",
            problems.join("\n"),
            dir.file_name().unwrap().to_string_lossy()
        )
        .into()),
    }
}

/// The expected files for one page, in a stable, diff-friendly form.
fn render_outputs(html: &str, url: &str) -> Vec<(&'static str, String)> {
    match unmirror::extract(html, Some(url)) {
        Ok(article) => {
            let mut json = serde_json::to_value(&article).expect("article serialises");
            if let Some(obj) = json.as_object_mut() {
                obj.remove("content_html");
                obj.remove("text");
            }
            let ctx = unmirror::ExportContext {
                source_url: Some(url.to_string()),
                exported: EXPORT_DATE.to_string(),
            };
            let export = |format| unmirror::export(&article, format, &ctx);
            vec![
                ("expected.json", pretty(&json)),
                ("expected.html", one_block_per_line(&article.content_html)),
                ("expected.txt", format!("{}\n", article.text)),
                ("expected.md", export(unmirror::ExportFormat::Markdown)),
                (
                    "expected-page.html",
                    export(unmirror::ExportFormat::HtmlPage),
                ),
                (
                    "expected-export.txt",
                    export(unmirror::ExportFormat::TextExport),
                ),
            ]
        }
        Err(e) => {
            let json = serde_json::json!({ "error": e.code(), "message": e.to_string() });
            vec![("expected.json", pretty(&json))]
        }
    }
}

fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).expect("json") + "\n"
}

/// Break serialised HTML after block-level closing tags so diffs are readable.
fn one_block_per_line(html: &str) -> String {
    const BLOCK_ENDS: &[&str] = &[
        "</p>",
        "</div>",
        "</h1>",
        "</h2>",
        "</h3>",
        "</h4>",
        "</h5>",
        "</h6>",
        "</li>",
        "</ul>",
        "</ol>",
        "</blockquote>",
        "</figure>",
        "</table>",
        "</tr>",
        "</pre>",
        "</section>",
        "<br>",
        "<hr>",
    ];
    let mut out = String::with_capacity(html.len() + html.len() / 20);
    let mut rest = html;
    while !rest.is_empty() {
        let next = BLOCK_ENDS
            .iter()
            .filter_map(|t| rest.find(t).map(|p| (p + t.len(), *t)))
            .min_by_key(|&(p, _)| p);
        match next {
            Some((end, _)) => {
                out.push_str(&rest[..end]);
                out.push('\n');
                rest = &rest[end..];
            }
            None => {
                out.push_str(rest);
                out.push('\n');
                break;
            }
        }
    }
    out
}

fn first_difference(expected: &str, actual: &str) -> Option<String> {
    if expected == actual {
        return None;
    }
    for (i, (e, a)) in expected.lines().zip(actual.lines()).enumerate() {
        if e != a {
            return Some(format!(
                "line {}:\n  expected: {}\n  actual:   {}",
                i + 1,
                clip(e),
                clip(a)
            ));
        }
    }
    Some(format!(
        "lengths differ: expected {} lines, got {}",
        expected.lines().count(),
        actual.lines().count()
    ))
}

fn clip(s: &str) -> String {
    const MAX: usize = 160;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        s.chars().take(MAX).collect::<String>() + "…"
    }
}
