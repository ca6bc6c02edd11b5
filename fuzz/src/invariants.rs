//! Invariants of an extraction result beyond "it did not panic".
//!
//! `content_html` is inserted into pages people visit, so it is re-parsed here
//! with html5ever (the parser the core uses, which follows the HTML standard as
//! browsers do), twice: with scripting enabled (how `innerHTML` parses in a
//! page) and disabled (how `DOMParser` parses, where `<noscript>` content
//! becomes markup). In both trees:
//! - no element from [`FORBIDDEN_ELEMENTS`] and no element outside the HTML
//!   namespace (SVG/MathML smuggled in by namespace confusion);
//! - no event-handler (`on*`), `style`, `srcdoc` or `formaction` attribute;
//! - no attribute value (other than [`TEXT_ATTRIBUTES`]) nor `srcset`
//!   candidate that is a `javascript:` or `vbscript:` URL once normalised as a
//!   browser's URL parser does (leading/trailing C0 and space stripped, tab/CR/LF
//!   removed anywhere, ASCII case folded); no `data:` URL in a link attribute
//!   ([`LINK_ATTRIBUTES`]).
//!
//! And: `word_count` is the number of whitespace-separated words of `text`,
//! `text` is not blank, `reading_minutes` is 0 exactly when there are no words,
//! `lead_image` is not a script URL, and the result serialises to JSON.
//!
//! A violation panics with a message naming it, which libFuzzer reports as a
//! crash (with the input saved under `fuzz/artifacts/`).

use html5ever::driver::{self, ParseOpts};
use html5ever::tendril::TendrilSink;
use html5ever::tree_builder::TreeBuilderOpts;
use html5ever::{local_name, ns, QualName};
use scraper::{Html, HtmlTreeSink, Node};
use unmirror::{Article, Error};

/// Elements that must never come out of the core: they run script, load
/// other documents, submit data, restyle or reparse the page, or switch the
/// parser into another namespace.
pub const FORBIDDEN_ELEMENTS: &[&str] = &[
    // Script and style.
    "script",
    "style",
    "noscript",
    "template",
    // Other documents and plugins.
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "applet",
    "portal",
    "fencedframe",
    // Forms (submission, DOM clobbering of `form.x`).
    "form",
    "input",
    "button",
    "textarea",
    "select",
    "keygen",
    // Document-level: base URL hijack, refresh, preload/stylesheet.
    "base",
    "meta",
    "link",
    // Foreign content.
    "svg",
    "math",
];

/// Attributes whose value is text for people (an `alt` may say "javascript:
/// the good parts"); every other attribute's value is checked as a URL.
pub const TEXT_ATTRIBUTES: &[&str] = &[
    "alt", "title", "abbr", "label", "summary", "class", "id", "lang", "dir", "datetime", "value",
];

/// Attributes that navigate or submit: no `data:` URL either.
pub const LINK_ATTRIBUTES: &[&str] = &["href", "action", "formaction", "xlink:href", "ping"];

/// URL schemes that run script when followed.
pub const SCRIPT_SCHEMES: &[&str] = &["javascript:", "vbscript:"];

/// Checks an `extract_with` result; panics naming the broken invariant.
pub fn check_result(result: &Result<Article, Error>) {
    match result {
        Ok(article) => check_article(article),
        Err(e) => {
            // Errors are fine; their messages must be printable and one line.
            let msg = e.to_string();
            assert!(!e.code().is_empty(), "error without a code: {msg}");
        }
    }
}

/// Checks a successful extraction; panics naming the broken invariant.
pub fn check_article(a: &Article) {
    if let Err(v) = html_violations(&a.content_html) {
        panic!(
            "content_html is unsafe: {v}\n--- content_html ---\n{}",
            a.content_html
        );
    }
    let words = a.text.split_whitespace().count();
    assert_eq!(
        a.word_count, words,
        "word_count {} but text has {words} words",
        a.word_count
    );
    assert!(!a.text.trim().is_empty(), "Ok result with blank text");
    assert_eq!(
        a.reading_minutes == 0,
        a.word_count == 0,
        "reading_minutes {} for {} words",
        a.reading_minutes,
        a.word_count
    );
    if let Some(img) = &a.lead_image {
        assert!(
            script_scheme(img).is_none(),
            "lead_image is a script URL: {img:?}"
        );
    }
    // The JSON is the CLI/wasm contract.
    if let Err(e) = serde_json::to_string(a) {
        panic!("article does not serialise: {e}");
    }
}

/// Every violation found in `html` (parsed as a `<body>` fragment with
/// scripting on and off), or `Ok` when there is none.
pub fn html_violations(html: &str) -> Result<(), String> {
    let mut found = Vec::new();
    for scripting in [true, false] {
        let doc = parse_fragment(html, scripting);
        for node in doc.tree.nodes() {
            let Node::Element(el) = node.value() else {
                continue;
            };
            let tag = &*el.name.local;
            let where_ = if scripting {
                "scripting on"
            } else {
                "scripting off"
            };
            if el.name.ns != ns!(html) {
                found.push(format!("<{tag}> in namespace {:?} ({where_})", el.name.ns));
            }
            if FORBIDDEN_ELEMENTS.contains(&tag) {
                found.push(format!("<{tag}> element ({where_})"));
            }
            for (q, value) in el.attrs.iter() {
                let name = match &q.prefix {
                    Some(p) => format!("{}:{}", &**p, &*q.local),
                    None => q.local.to_ascii_lowercase().to_string(),
                };
                if let Some(v) = attribute_violation(&name, value) {
                    found.push(format!("<{tag} {name}={:?}>: {v} ({where_})", &**value));
                }
            }
        }
    }
    if found.is_empty() {
        Ok(())
    } else {
        found.dedup();
        Err(found.join("; "))
    }
}

/// Why the attribute `name="value"` is unsafe, if it is.
pub fn attribute_violation(name: &str, value: &str) -> Option<String> {
    if name.starts_with("on") {
        return Some("event handler".into());
    }
    if matches!(name, "style" | "srcdoc" | "formaction") {
        return Some(format!("{name} attribute"));
    }
    if TEXT_ATTRIBUTES.contains(&name) || name.starts_with("aria-") {
        return None;
    }
    let candidates: Vec<&str> = if name == "srcset" || name == "imagesrcset" {
        value
            .split(',')
            .filter_map(|c| c.split_ascii_whitespace().next())
            .collect()
    } else {
        vec![value]
    };
    for url in candidates {
        if let Some(s) = script_scheme(url) {
            return Some(format!("{s} URL"));
        }
        if LINK_ATTRIBUTES.contains(&name) && normalise_url(url).starts_with("data:") {
            return Some("data: URL in a link".into());
        }
    }
    None
}

/// The script scheme `url` uses once normalised, if any.
pub fn script_scheme(url: &str) -> Option<&'static str> {
    let n = normalise_url(url);
    SCRIPT_SCHEMES.iter().copied().find(|s| n.starts_with(s))
}

/// A URL as the URL parser sees its scheme: leading and trailing C0 controls
/// and spaces stripped, ASCII tab and newline removed anywhere, ASCII lower case.
pub fn normalise_url(url: &str) -> String {
    url.trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// `html` parsed in a `<body>` context, as `innerHTML` (scripting on) or
/// `DOMParser`/`<template>` (scripting off) would.
fn parse_fragment(html: &str, scripting: bool) -> Html {
    let opts = ParseOpts {
        tree_builder: TreeBuilderOpts {
            scripting_enabled: scripting,
            ..TreeBuilderOpts::default()
        },
        ..ParseOpts::default()
    };
    driver::parse_fragment(
        HtmlTreeSink::new(Html::new_fragment()),
        opts,
        QualName::new(None, ns!(html), local_name!("body")),
        Vec::new(),
        scripting,
    )
    .one(html)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bad(html: &str) -> String {
        html_violations(html).expect_err(html)
    }

    #[test]
    fn clean_html_passes() {
        let ok = r#"<p>Hi <a href="https://example.com/a?b=1">x</a> <img src="/a.png" srcset="a.png 1x, data:image/png;base64,AA 2x" alt="javascript: the good parts"></p><table><tr><td>1</td></tr></table>"#;
        assert_eq!(html_violations(ok), Ok(()));
    }

    #[test]
    fn catches_elements() {
        assert!(bad("<p>x</p><script>alert(1)</script>").contains("<script>"));
        assert!(bad("<svg><circle/></svg>").contains("namespace"));
        assert!(bad("<math><mi>x</mi></math>").contains("<math>"));
        assert!(bad("<form><p>x</p></form>").contains("<form>"));
        assert!(bad("<iframe src=x></iframe>").contains("<iframe>"));
        // Only visible with scripting off.
        assert!(bad(
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></p></noscript>"
        )
        .contains("noscript"));
    }

    #[test]
    fn catches_attributes() {
        assert!(bad("<p onclick=x>y</p>").contains("event handler"));
        assert!(bad("<p OnMouseOver=x>y</p>").contains("event handler"));
        assert!(bad("<p style=color:red>y</p>").contains("style"));
        assert!(bad("<a href=\" java&#x09;script:alert(1)\">y</a>").contains("javascript:"));
        assert!(bad("<a href=\"&#x01;JaVaScRiPt&#58;alert(1)\">y</a>").contains("javascript:"));
        assert!(bad("<img srcset=\"a.png 1x, vbscript:msgbox 2x\">").contains("vbscript:"));
        assert!(
            bad("<a href=\"data:text/html,<script>alert(1)</script>\">y</a>").contains("data:")
        );
        assert!(bad("<a xlink:href=\"javascript:1\">y</a>").contains("javascript:"));
    }

    #[test]
    fn word_count_checked() {
        let a = Article {
            text: "one two  three".into(),
            word_count: 2,
            reading_minutes: 1,
            ..Article::default()
        };
        assert!(std::panic::catch_unwind(|| check_article(&a)).is_err());
        let a = Article { word_count: 3, ..a };
        check_article(&a);
    }
}
