//! XSS corpus: every vector of `tests/xss/vectors.txt`, placed in each part of an
//! article page (body paragraph, own block, title, metadata, heading, byline,
//! caption, link, image attributes), goes through the public API; the
//! `content_html` is then *parsed* (and parsed again after re-serialisation, to
//! catch mutation XSS) and checked structurally: allowlisted elements only, no
//! event handlers, styles, ids or names, every URL http(s)/mailto/relative (or a
//! raster `data:` image in `src`). The text fields (title, byline, ...) must be
//! plain text: no markup the page did not have as text.

mod support;

use scraper::{Html, Node};
use std::collections::HashSet;
use unmirror::{extract_with, Article, Options};

const PAGE_URL: &str = "https://news.example/2024/05/story.html";

/// Elements the output may contain (besides the fragment parser's `html` root).
const ALLOWED_ELEMENTS: &[&str] = &[
    "a",
    "abbr",
    "article",
    "b",
    "bdi",
    "bdo",
    "blockquote",
    "br",
    "caption",
    "cite",
    "code",
    "col",
    "colgroup",
    "data",
    "dd",
    "del",
    "details",
    "dfn",
    "div",
    "dl",
    "dt",
    "em",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "i",
    "img",
    "ins",
    "kbd",
    "li",
    "mark",
    "ol",
    "p",
    "picture",
    "pre",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "section",
    "small",
    "source",
    "span",
    "strong",
    "sub",
    "summary",
    "sup",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "time",
    "tr",
    "u",
    "ul",
    "var",
    "wbr",
];

/// Named explicitly so a failure says what went wrong.
const FORBIDDEN_ELEMENTS: &[&str] = &[
    "script",
    "style",
    "iframe",
    "object",
    "embed",
    "form",
    "base",
    "meta",
    "link",
    "svg",
    "math",
    "frame",
    "frameset",
    "template",
    "noscript",
    "input",
    "button",
    "textarea",
    "select",
    "applet",
    "audio",
    "video",
    "title",
    "xmp",
    "noembed",
    "noframes",
    "plaintext",
    "portal",
    "isindex",
];

/// Attributes the output may contain.
const ALLOWED_ATTRS: &[&str] = &[
    "href", "rel", "hreflang", "src", "srcset", "sizes", "alt", "width", "height", "loading",
    "title", "lang", "dir", "cite", "datetime", "colspan", "rowspan", "headers", "scope", "abbr",
    "span", "start", "reversed", "type", "value", "open", "media",
];

const RASTER_DATA_TYPES: &[&str] = &[
    "image/png",
    "image/jpeg",
    "image/jpg",
    "image/gif",
    "image/webp",
    "image/avif",
    "image/bmp",
];

struct Vector {
    name: String,
    text: String,
}

fn vectors() -> Vec<Vector> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/xss/vectors.txt");
    let raw = std::fs::read_to_string(path).expect("tests/xss/vectors.txt");
    let mut out: Vec<Vector> = Vec::new();
    for line in raw.lines() {
        if let Some(name) = line.strip_prefix("=== ") {
            out.push(Vector {
                name: name.trim().to_string(),
                text: String::new(),
            });
        } else if let Some(v) = out.last_mut() {
            if !v.text.is_empty() {
                v.text.push('\n');
            }
            v.text.push_str(line);
        }
    }
    for v in &mut out {
        v.text = unescape(&v.text);
    }
    out
}

/// `{U+XXXX}` → the character.
fn unescape(s: &str) -> String {
    let mut out = String::new();
    let mut rest = s;
    while let Some(p) = rest.find("{U+") {
        out.push_str(&rest[..p]);
        let after = &rest[p + 3..];
        match after.find('}') {
            Some(end) => {
                let c = u32::from_str_radix(&after[..end], 16)
                    .ok()
                    .and_then(char::from_u32)
                    .expect("bad {U+XXXX} escape");
                out.push(c);
                rest = &after[end + 1..];
            }
            None => {
                out.push_str("{U+");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

const FILLER: &str = "The city council met on Tuesday evening to discuss the new budget, \
    which includes funding for road repairs, two new libraries and an expanded bus service. \
    Residents who spoke at the meeting were broadly supportive, though several asked how the \
    plan would be paid for over the next decade and whether property taxes would rise.";

/// Where a vector goes in the page.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Slot {
    Inline,
    Block,
    Title,
    OgTitle,
    Author,
    Description,
    OgImage,
    Heading,
    Byline,
    Caption,
    Alt,
    Href,
    LinkText,
    Src,
}

const BODY_SLOTS: &[Slot] = &[Slot::Inline, Slot::Block, Slot::Caption, Slot::LinkText];
const META_SLOTS: &[Slot] = &[
    Slot::Title,
    Slot::OgTitle,
    Slot::Author,
    Slot::Description,
    Slot::OgImage,
    Slot::Heading,
    Slot::Byline,
];
const ATTR_SLOTS: &[Slot] = &[Slot::Alt, Slot::Href, Slot::Src];

fn page(slot: Slot, v: &str) -> String {
    let pick = |s: Slot, default: &str| -> String {
        if s == slot {
            v.to_string()
        } else {
            default.to_string()
        }
    };
    format!(
        r#"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>{title}</title>
<meta property="og:title" content="{og}">
<meta name="author" content="{author}">
<meta name="description" content="{desc}">
<meta property="og:image" content="{ogimg}">
</head>
<body>
<div class="site-header"><a href="/">Home</a> <a href="/world">World</a></div>
<article>
<h1>{h1}</h1>
<p class="byline">By {byline}</p>
<p>MARKERBEFORE {FILLER}</p>
<p>{FILLER}</p>
<p>{FILLER} {inline} {FILLER}</p>
{block}
<figure><img src="https://ok.example/fig.jpg" alt="{alt}"><figcaption>{caption}</figcaption></figure>
<p>{FILLER} <a href="{href}">{linktext}</a> {FILLER}</p>
<p><img src="{src}" alt="photo"></p>
<p>MARKERAFTER {FILLER}</p>
</article>
<div class="site-footer">Copyright</div>
</body></html>"#,
        title = pick(Slot::Title, "Council passes budget"),
        og = pick(Slot::OgTitle, "Council passes budget"),
        author = pick(Slot::Author, "Jane Reporter"),
        desc = pick(Slot::Description, "The council met."),
        ogimg = pick(Slot::OgImage, "https://ok.example/lead.jpg"),
        h1 = pick(Slot::Heading, "Council passes budget"),
        byline = pick(Slot::Byline, "Jane Reporter"),
        inline = pick(Slot::Inline, ""),
        block = pick(Slot::Block, ""),
        alt = pick(Slot::Alt, "figure"),
        caption = pick(Slot::Caption, "A caption."),
        href = pick(Slot::Href, "https://ok.example/more"),
        linktext = pick(Slot::LinkText, "more"),
        src = pick(Slot::Src, "https://ok.example/photo.jpg"),
    )
}

/// Can this URL run script or load a document when used as `kind`?
fn url_problem(kind: &str, value: &str) -> Option<String> {
    let parsed = match url::Url::parse(value) {
        Ok(u) => u,
        // Relative (or unparseable: the browser would not load it either).
        Err(_) => return None,
    };
    let scheme = parsed.scheme();
    let ok = match kind {
        "href" => matches!(scheme, "http" | "https" | "mailto"),
        "src" => {
            matches!(scheme, "http" | "https")
                || (scheme == "data" && {
                    let path = parsed.path().to_ascii_lowercase();
                    let mime = path.split([';', ',']).next().unwrap_or("").trim();
                    RASTER_DATA_TYPES.contains(&mime)
                })
        }
        _ => matches!(scheme, "http" | "https"),
    };
    (!ok).then(|| format!("{kind} URL with scheme {scheme:?}: {value:?}"))
}

/// The candidate URLs of a `srcset`, split as the HTML spec's parser does:
/// skip whitespace and commas, the URL runs to the next whitespace (trailing
/// commas dropped), descriptors run to the next comma outside parentheses.
fn srcset_urls(s: &str) -> Vec<&str> {
    let b = s.as_bytes();
    let mut urls = Vec::new();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b',') {
            i += 1;
        }
        let start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() {
            i += 1;
        }
        let url = s[start..i].trim_end_matches(',');
        if !url.is_empty() {
            urls.push(url);
        }
        if s[start..i].ends_with(',') {
            continue;
        }
        let mut depth = 0usize;
        while i < b.len() {
            match b[i] {
                b'(' => depth += 1,
                b')' => depth = depth.saturating_sub(1),
                b',' if depth == 0 => break,
                _ => {}
            }
            i += 1;
        }
    }
    urls
}

/// Every structural problem of an output fragment.
fn html_problems(html: &str, keep_classes: bool) -> Vec<String> {
    let mut problems = Vec::new();
    let frag = Html::parse_fragment(html);
    let allowed: HashSet<&str> = ALLOWED_ELEMENTS.iter().copied().collect();
    for node in frag.tree.root().descendants() {
        match node.value() {
            Node::Comment(_) => problems.push("comment in output".into()),
            Node::ProcessingInstruction(_) => problems.push("processing instruction".into()),
            Node::Element(el) => {
                let name = &*el.name.local;
                let is_root = node.parent().is_some_and(|p| p.value().is_fragment());
                if is_root && name == "html" {
                    continue;
                }
                if el.name.ns != html5ever::ns!(html) {
                    problems.push(format!("foreign element <{name}> ({:?})", el.name.ns));
                }
                if FORBIDDEN_ELEMENTS.contains(&name) {
                    problems.push(format!("forbidden element <{name}>"));
                } else if !allowed.contains(name) {
                    problems.push(format!("element <{name}> not allowlisted"));
                }
                let mut rel = None;
                let mut has_href = false;
                for (q, v) in el.attrs.iter() {
                    let attr = &*q.local;
                    if q.prefix.is_some() || !q.ns.is_empty() {
                        problems.push(format!("namespaced attribute {attr} on <{name}>"));
                    }
                    let lower = attr.to_ascii_lowercase();
                    if lower.starts_with("on") {
                        problems.push(format!("event handler {attr} on <{name}>"));
                    } else if matches!(
                        lower.as_str(),
                        "style"
                            | "id"
                            | "name"
                            | "srcdoc"
                            | "action"
                            | "formaction"
                            | "background"
                            | "ping"
                            | "target"
                            | "xmlns"
                    ) {
                        problems.push(format!("attribute {attr} on <{name}>"));
                    } else if lower == "class" {
                        let code_lang = matches!(name, "pre" | "code")
                            && v.split_whitespace()
                                .all(|c| c.starts_with("language-") || c.starts_with("lang-"));
                        if !keep_classes && !code_lang {
                            problems.push(format!("class on <{name}> without keep_classes"));
                        }
                    } else if !ALLOWED_ATTRS.contains(&lower.as_str()) {
                        problems.push(format!("attribute {attr} on <{name}> not allowlisted"));
                    }
                    match lower.as_str() {
                        "href" => {
                            has_href = true;
                            problems.extend(url_problem("href", v));
                        }
                        "src" => problems.extend(url_problem("src", v)),
                        "cite" => problems.extend(url_problem("cite", v)),
                        "srcset" => {
                            for u in srcset_urls(v) {
                                problems.extend(url_problem("srcset", u));
                            }
                        }
                        "rel" => rel = Some(v.to_string()),
                        _ => {}
                    }
                }
                if name == "a" && has_href {
                    let rel = rel.unwrap_or_default();
                    if !(rel.contains("noopener") && rel.contains("noreferrer")) {
                        problems.push(format!("link without rel=noopener noreferrer: {rel:?}"));
                    }
                }
            }
            _ => {}
        }
    }
    problems
}

/// Problems of the output, as parsed, and as parsed again after a browser-style
/// re-serialisation (mutation XSS shows up in the second parse).
fn output_problems(html: &str, keep_classes: bool) -> Vec<String> {
    let mut problems = html_problems(html, keep_classes);
    let reserialised = Html::parse_fragment(html).root_element().inner_html();
    for p in html_problems(&reserialised, keep_classes) {
        problems.push(format!("after re-parse: {p}"));
    }
    problems
}

/// All text and attribute values of the input, where plain-text fields may take
/// their characters from.
fn input_haystack(page: &str) -> String {
    let doc = Html::parse_document(page);
    let mut hay = String::new();
    for node in doc.tree.nodes() {
        match node.value() {
            Node::Text(t) => {
                hay.push_str(&t.text);
                hay.push('\u{1}');
            }
            Node::Element(el) => {
                for (_, v) in el.attrs.iter() {
                    hay.push_str(v);
                    hay.push('\u{1}');
                }
            }
            _ => {}
        }
    }
    hay
}

/// A text field must be text: any tag-like run `<x...>` or character reference
/// in it must be text the page itself had (not markup serialised by the core).
fn text_field_problems(field: &str, value: &str, hay: &str) -> Vec<String> {
    let mut problems = Vec::new();
    if value.contains('\0') {
        problems.push(format!("{field} holds NUL"));
    }
    let b = value.as_bytes();
    for (i, _) in value.match_indices('<') {
        let next = b.get(i + 1).copied().unwrap_or(b' ');
        if !(next.is_ascii_alphabetic() || matches!(next, b'/' | b'!' | b'?')) {
            continue;
        }
        let end = value[i..].find('>').map_or(value.len(), |e| i + e + 1);
        let tag = &value[i..end];
        if !hay.contains(tag) {
            problems.push(format!(
                "{field} holds markup not in the page's text: {tag:?}"
            ));
        }
    }
    for entity in ["&lt;", "&gt;", "&amp;", "&quot;", "&#"] {
        if value.contains(entity) && !hay.contains(entity) {
            problems.push(format!("{field} is HTML-escaped ({entity})"));
        }
    }
    problems
}

fn article_problems(article: &Article, page: &str, keep_classes: bool) -> Vec<String> {
    let mut problems = output_problems(&article.content_html, keep_classes);
    let hay = input_haystack(page);
    let fields: [(&str, Option<&str>); 7] = [
        ("title", Some(&article.title)),
        ("byline", article.byline.as_deref()),
        ("published", article.published.as_deref()),
        ("site_name", article.site_name.as_deref()),
        ("excerpt", article.excerpt.as_deref()),
        ("lang", article.lang.as_deref()),
        ("dir", article.dir.as_deref()),
    ];
    for (name, value) in fields {
        if let Some(v) = value {
            problems.extend(text_field_problems(name, v, &hay));
        }
    }
    if let Some(img) = &article.lead_image {
        problems.extend(url_problem("src", img).map(|p| format!("lead_image: {p}")));
        if url::Url::parse(img).is_err() {
            problems.push(format!("lead_image is not absolute: {img:?}"));
        }
    }
    problems
}

/// Does a browser see the first paragraph as a paragraph? (A vector placed
/// before it may swallow the rest of the page, e.g. an unterminated `<script>`.)
fn marker_is_paragraph_text(page: &str) -> bool {
    let doc = Html::parse_document(page);
    doc.tree.root().descendants().any(|n| {
        n.value()
            .as_text()
            .is_some_and(|t| t.text.contains("MARKERBEFORE"))
            && n.parent().is_some_and(|p| {
                p.value()
                    .as_element()
                    .is_some_and(|e| e.name() == "p" && e.name.ns == html5ever::ns!(html))
            })
    })
}

/// Run every vector in every slot; collect failures.
fn run(slots: &[Slot], opts: &Options) -> (usize, Vec<String>) {
    let mut runs = 0;
    let mut failures = Vec::new();
    for v in vectors() {
        for &slot in slots {
            let html = page(slot, &v.text);
            runs += 1;
            match extract_with(&html, Some(PAGE_URL), opts) {
                Ok(article) => {
                    if marker_is_paragraph_text(&html) && !article.text.contains("MARKERBEFORE") {
                        failures.push(format!(
                            "{} in {slot:?}: the article body was not extracted",
                            v.name
                        ));
                    }
                    for p in article_problems(&article, &html, opts.keep_classes) {
                        failures.push(format!("{} in {slot:?}: {p}", v.name));
                    }
                }
                Err(e) => failures.push(format!("{} in {slot:?}: extraction failed: {e}", v.name)),
            }
        }
    }
    (runs, failures)
}

fn assert_clean(slots: &[Slot], opts: &Options) {
    let (runs, failures) = run(slots, opts);
    assert!(runs >= 60 * slots.len());
    assert!(
        failures.is_empty(),
        "{} of {runs} runs failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn corpus_is_well_formed() {
    let v = vectors();
    assert!(v.len() >= 60, "only {} vectors", v.len());
    let names: HashSet<&str> = v.iter().map(|v| v.name.as_str()).collect();
    assert_eq!(names.len(), v.len(), "vector names must be unique");
    assert!(v.iter().all(|v| !v.text.is_empty()), "empty vector");
    assert!(
        v.iter().any(|v| v.text.contains('\0')),
        "{{U+0000}} escapes are decoded"
    );
}

#[test]
fn checker_catches_unsafe_markup() {
    // The checks above can fail: each of these must be reported.
    for bad in [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<a href='javascript:alert(1)' rel='noopener noreferrer'>x</a>",
        "<a href=' java\tscript:alert(1)' rel='noopener noreferrer'>x</a>",
        "<a href='https://ok.example/'>no rel</a>",
        "<img src='data:image/svg+xml,<svg onload=alert(1)>'>",
        "<img srcset='a.jpg 1x, javascript:alert(1) 2x'>",
        "<img srcset='a.jpg 1x,javascript:alert(1) 2x'>",
        "<p style='color:red'>x</p>",
        "<p id=x>x</p>",
        "<svg><a>x</a></svg>",
        "<iframe srcdoc='x'></iframe>",
        "<form action=x></form>",
        "<!-- c -->",
        "<font>x</font>",
    ] {
        assert!(!output_problems(bad, false).is_empty(), "not caught: {bad}");
    }
    for good in [
        "<p>ok &lt;script&gt;</p>",
        "<a href='https://ok.example/' rel='noopener noreferrer'>x</a>",
        "<img src='data:image/png;base64,AAAA' alt=''>",
        "<img srcset='https://i.example/a,fit:max/b 1x, c.jpg 2x'>",
        "<pre class='language-rust'><code class='language-rust'>fn</code></pre>",
    ] {
        assert_eq!(output_problems(good, false), Vec::<String>::new(), "{good}");
    }
    let hay = input_haystack("<title>&lt;b&gt;</title><h1><b>x</b></h1>");
    assert!(text_field_problems("title", "<b>", &hay).is_empty());
    assert!(!text_field_problems("title", "<b>x</b>", &hay).is_empty());
    assert!(!text_field_problems("title", "&lt;b&gt;", &hay).is_empty());
}

#[test]
fn vectors_in_article_body_are_neutralised() {
    assert_clean(BODY_SLOTS, &Options::default());
}

#[test]
fn vectors_in_metadata_and_headings_stay_text() {
    assert_clean(META_SLOTS, &Options::default());
}

#[test]
fn vectors_in_link_and_image_attributes_are_neutralised() {
    assert_clean(ATTR_SLOTS, &Options::default());
}

#[test]
fn keep_classes_opens_no_hole() {
    let opts = Options {
        keep_classes: true,
        ..Options::default()
    };
    assert_clean(&[Slot::Inline, Slot::Block, Slot::Href], &opts);
}

#[test]
fn benign_content_survives_sanitising() {
    // The sanitiser must not be safe by emptiness.
    let html = page(
        Slot::Block,
        r#"<h2>Sub</h2><ul><li>one</li><li>two</li></ul><table><tr><th>h</th><td>d</td></tr></table>
           <blockquote>quote</blockquote><pre><code class="language-rust">fn main() {}</code></pre>"#,
    );
    let a = extract_with(&html, Some(PAGE_URL), &Options::default()).unwrap();
    let frag = Html::parse_fragment(&a.content_html);
    let count = |tag: &str| {
        frag.tree
            .nodes()
            .filter(|n| n.value().as_element().is_some_and(|e| e.name() == tag))
            .count()
    };
    for tag in [
        "h2",
        "ul",
        "li",
        "table",
        "th",
        "td",
        "blockquote",
        "pre",
        "code",
        "figure",
        "img",
        "a",
    ] {
        assert!(count(tag) > 0, "<{tag}> lost:\n{}", a.content_html);
    }
    assert!(a
        .content_html
        .contains("href=\"https://ok.example/more\" rel=\"noopener noreferrer\""));
    assert!(a.content_html.contains("class=\"language-rust\""));
}

/// The shared corpus folder, when present (`../shared` beside the repository,
/// else `$UNMIRROR_SHARED`).
fn shared_dir() -> Option<std::path::PathBuf> {
    let beside = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared");
    Some(beside)
        .filter(|p| p.exists())
        .or_else(|| std::env::var_os("UNMIRROR_SHARED").map(std::path::PathBuf::from))
        .filter(|p| p.join("corpus").exists())
}

#[test]
fn real_pages_give_structurally_safe_output() {
    let Some(shared) = shared_dir() else {
        eprintln!("skipped: no shared corpus (set UNMIRROR_SHARED to the shared folder)");
        return;
    };
    let mut failures = Vec::new();
    let mut pages = 0;
    for dataset in ["readability", "wcxb-dev", "mirrors/dev"] {
        let Ok(entries) = std::fs::read_dir(shared.join("corpus").join(dataset)) else {
            continue;
        };
        for entry in entries.flatten() {
            let dir = entry.path();
            let Ok(bytes) = std::fs::read(dir.join("source.html")) else {
                continue;
            };
            let url = std::fs::read_to_string(dir.join("meta.json"))
                .ok()
                .and_then(|m| serde_json::from_str::<serde_json::Value>(&m).ok())
                .and_then(|m| m.get("url").and_then(|u| u.as_str()).map(str::to_string))
                .filter(|u| url::Url::parse(u).is_ok());
            let html = unmirror::decode_html(&bytes);
            pages += 1;
            if let Ok(article) = extract_with(&html, url.as_deref(), &Options::default()) {
                for p in article_problems(&article, &html, false) {
                    failures.push(format!("{}: {p}", dir.display()));
                }
            }
        }
    }
    eprintln!("checked {pages} corpus pages");
    assert!(pages > 0);
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// Problems of a Markdown export, as a CommonMark renderer (with the usual GFM
/// extensions) would see it: raw HTML it would pass through must be structurally
/// safe, and every link and image target must be a safe URL.
fn markdown_problems(md: &str) -> Vec<String> {
    use pulldown_cmark::{Event, Parser, Tag};
    let mut opts = pulldown_cmark::Options::empty();
    opts.insert(pulldown_cmark::Options::ENABLE_TABLES);
    opts.insert(pulldown_cmark::Options::ENABLE_STRIKETHROUGH);
    opts.insert(pulldown_cmark::Options::ENABLE_FOOTNOTES);
    opts.insert(pulldown_cmark::Options::ENABLE_TASKLISTS);
    let mut problems = Vec::new();
    let mut raw = String::new();
    for event in Parser::new_ext(md, opts) {
        match event {
            Event::Html(h) | Event::InlineHtml(h) => raw.push_str(&h),
            Event::Start(Tag::Link { dest_url, .. }) => {
                problems
                    .extend(url_problem("href", &dest_url).map(|p| format!("markdown link: {p}")));
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                problems
                    .extend(url_problem("src", &dest_url).map(|p| format!("markdown image: {p}")));
            }
            _ => {}
        }
    }
    if !raw.is_empty() {
        // The raw HTML a renderer would emit, checked like the reader's output
        // (rel=noopener cannot be asked of hand-written Markdown links).
        for p in output_problems(&raw, false) {
            if !p.contains("link without rel") {
                problems.push(format!("markdown raw HTML {raw:?}: {p}"));
            }
        }
    }
    problems
}

#[test]
fn markdown_and_text_exports_carry_no_active_markup_and_keep_the_text() {
    let ctx = unmirror::ExportContext {
        source_url: Some(PAGE_URL.to_string()),
        exported: "2026-01-01".to_string(),
    };
    let all: Vec<Slot> = [BODY_SLOTS, META_SLOTS, ATTR_SLOTS].concat();
    let mut runs = 0;
    let mut failures = Vec::new();
    for v in vectors() {
        for &slot in &all {
            let html = page(slot, &v.text);
            let Ok(article) = extract_with(&html, Some(PAGE_URL), &Options::default()) else {
                continue; // extraction failures are reported by the tests above
            };
            runs += 1;
            let md = unmirror::export(&article, unmirror::ExportFormat::Markdown, &ctx);
            let text = unmirror::export(&article, unmirror::ExportFormat::TextExport, &ctx);
            for p in markdown_problems(&md) {
                failures.push(format!("{} in {slot:?}: {p}", v.name));
            }
            // No data lost: the body's first and last paragraphs reach both exports.
            for marker in ["MARKERBEFORE", "MARKERAFTER"] {
                if article.text.contains(marker) {
                    if !md.contains(marker) {
                        failures.push(format!("{} in {slot:?}: markdown lost {marker}", v.name));
                    }
                    if !text.contains(marker) {
                        failures.push(format!("{} in {slot:?}: text export lost {marker}", v.name));
                    }
                }
            }
            // Nor any other word: the Markdown, rendered, has every word of the text export.
            let lost = support::markdown_lost_words(&article);
            if !lost.is_empty() {
                failures.push(format!("{} in {slot:?}: markdown lost {lost:?}", v.name));
            }
            if text.contains('\0') || md.contains('\0') {
                failures.push(format!("{} in {slot:?}: NUL in an export", v.name));
            }
        }
    }
    assert!(runs >= 200 * all.len() / 2, "only {runs} runs");
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn markdown_checker_catches_active_markup() {
    for bad in [
        "[x](javascript:alert(1))",
        "![x](data:text/html,hi)",
        "<script>alert(1)</script>",
        "text <img src=x onerror=alert(1)> text",
        "<javascript:alert(1)>",
        "[x][r]\n\n[r]: vbscript:msgbox(1)",
    ] {
        assert!(!markdown_problems(bad).is_empty(), "not caught: {bad}");
    }
    for good in [
        "[x](https://ok.example/)",
        "\\<script>alert(1)\\</script>",
        "`<script>`",
        "![x](/rel.png)",
    ] {
        assert_eq!(markdown_problems(good), Vec::<String>::new(), "{good}");
    }
}
