//! Stage 2: page metadata (title, byline, dates, language, site name, excerpt,
//! lead image), Readability's way: JSON-LD (`_getJSONLD`), then `<meta>` tags
//! (`_getArticleMetadata`), then the document itself (`_getArticleTitle`). On top
//! of Readability: mirror-site brand suffixes are cut from the title
//! ([`strip_brand_suffix`]), and the publication date and lead image have a few
//! more sources.

use crate::dom::{Dom, NodeId, ROOT};
use crate::patterns::{self, is_js_space, js_trim};
use crate::tuning;
use serde_json::Value;
use std::collections::HashMap;
use url::Url;

/// What the page says about itself.
#[derive(Debug, Clone, Default)]
pub(crate) struct Metadata {
    pub title: String,
    pub byline: Option<String>,
    pub published: Option<String>,
    pub lang: Option<String>,
    pub dir: Option<String>,
    pub site_name: Option<String>,
    pub excerpt: Option<String>,
    /// As written on the page (resolved by the pipeline).
    pub lead_image: Option<String>,
}

/// Read the page's metadata. `dir` is left for the extractor (it comes from the
/// article's surroundings), and so are the in-page byline and the first-paragraph
/// excerpt when the metadata has none.
pub(crate) fn read(dom: &Dom, _url: Option<&Url>) -> Metadata {
    let page = Page::scan(dom);
    let ld = json_ld(dom, &page);
    let values = meta_values(dom, &page);
    let get = |k: &str| values.get(k).map(String::as_str).filter(|v| !v.is_empty());
    let first = |keys: &[&str]| keys.iter().find_map(|k| get(k)).map(str::to_string);

    let title = ld
        .title
        .clone()
        .filter(|t| !t.is_empty())
        .or_else(|| {
            first(&[
                "dc:title",
                "dcterm:title",
                "og:title",
                "weibo:article:title",
                "weibo:webpage:title",
                "title",
                "twitter:title",
                "parsely-title",
            ])
        })
        .unwrap_or_else(|| page.article_title(dom));
    let article_author = get("article:author")
        .filter(|a| crate::idn::parse(a).is_err())
        .map(str::to_string);
    let byline = nonempty(ld.byline.clone())
        .or_else(|| first(&["dc:creator", "dcterm:creator", "author", "parsely-author"]))
        .or(article_author);
    let excerpt = nonempty(ld.excerpt.clone()).or_else(|| {
        first(&[
            "dc:description",
            "dcterm:description",
            "og:description",
            "weibo:article:description",
            "weibo:webpage:description",
            "description",
            "twitter:description",
        ])
    });
    let site_name = nonempty(ld.site_name.clone()).or_else(|| first(&["og:site_name"]));
    let published = nonempty(ld.date_published.clone())
        .or_else(|| first(&["article:published_time", "parsely-pub-date"]))
        .or_else(|| extra_date(dom, &page));

    let title = unescape_html_entities(&title);
    Metadata {
        title: strip_brand_suffix(&title).to_string(),
        byline: byline.map(|s| unescape_html_entities(&s)),
        published: published.map(|s| unescape_html_entities(&s)),
        lang: document_lang(dom, &page),
        dir: None,
        site_name: site_name.map(|s| unescape_html_entities(&s)),
        excerpt: excerpt.map(|s| unescape_html_entities(&s)),
        lead_image: lead_image(dom, &page).or(ld.image),
    }
}

/// The elements metadata is read from, collected in one pass.
#[derive(Default)]
struct Page {
    metas: Vec<NodeId>,
    scripts: Vec<NodeId>,
    titles: Vec<NodeId>,
    links: Vec<NodeId>,
    times: Vec<NodeId>,
    /// `<h1>` and `<h2>` in document order.
    headings: Vec<NodeId>,
    h1_count: usize,
}

impl Page {
    fn scan(dom: &Dom) -> Page {
        let mut p = Page::default();
        for n in dom.descendant_elements(ROOT) {
            match dom.tag(n) {
                "meta" => p.metas.push(n),
                "script" => p.scripts.push(n),
                "title" => p.titles.push(n),
                "link" => p.links.push(n),
                "time" => p.times.push(n),
                "h1" => {
                    p.headings.push(n);
                    p.h1_count += 1;
                }
                "h2" => p.headings.push(n),
                _ => {}
            }
        }
        p
    }

    /// Readability's `_getArticleTitle`, on the document title without a
    /// mirror's brand suffix (a mirror appends its brand to the original's
    /// title, whose own separators the heuristic then reads as the original
    /// site would have them read).
    fn article_title(&self, dom: &Dom) -> String {
        let doc_title = document_title(dom, self);
        title_heuristic(dom, self, strip_brand_suffix(&doc_title))
    }
}

fn nonempty(s: Option<String>) -> Option<String> {
    s.filter(|s| !s.is_empty())
}

// ---------------------------------------------------------------- <meta>

/// `_getArticleMetadata`'s `values`: `<meta property|name>` keys (normalised)
/// to trimmed `content`, later tags overriding earlier ones.
fn meta_values(dom: &Dom, page: &Page) -> HashMap<String, String> {
    let mut values = HashMap::new();
    for &m in &page.metas {
        let Some(content) = dom.attr(m, "content").filter(|c| !c.is_empty()) else {
            continue;
        };
        let key = dom
            .attr(m, "property")
            .filter(|p| !p.is_empty())
            .and_then(match_meta_property)
            .or_else(|| dom.attr(m, "name").and_then(match_meta_name));
        if let Some(k) = key {
            values.insert(k, js_trim(content).to_string());
        }
    }
    values
}

/// Readability's `propertyPattern` (first match, unanchored):
/// `(article|dc|dcterm|og|twitter)\s*:\s*(author|creator|…)`, lower-cased.
fn match_meta_property(p: &str) -> Option<String> {
    let b = p.as_bytes();
    for i in 0..b.len() {
        for prefix in patterns::META_PROPERTY_PREFIXES {
            let end = i + prefix.len();
            if end > b.len() || !b[i..end].eq_ignore_ascii_case(prefix.as_bytes()) {
                continue;
            }
            let mut j = skip_spaces(p, end);
            if b.get(j) != Some(&b':') {
                continue;
            }
            j = skip_spaces(p, j + 1);
            for name in patterns::META_PROPERTY_NAMES {
                let e = j + name.len();
                if e <= b.len() && b[j..e].eq_ignore_ascii_case(name.as_bytes()) {
                    return Some(format!("{prefix}:{name}"));
                }
            }
        }
    }
    None
}

fn skip_spaces(s: &str, mut i: usize) -> usize {
    while let Some(c) = s.get(i..).and_then(|r| r.chars().next()) {
        if !is_js_space(c) {
            break;
        }
        i += c.len_utf8();
    }
    i
}

/// Readability's `namePattern` (anchored):
/// `^\s*(?:(dc|dcterm|og|twitter|parsely|weibo:(article|webpage))\s*[-.:]\s*)?(author|creator|pub-date|description|title|site_name)\s*$`.
/// Returns the name lower-cased, without whitespace, dots made colons.
fn match_meta_name(n: &str) -> Option<String> {
    let t = js_trim(n);
    let ok = patterns::META_NAME_NAMES.iter().any(|name| {
        if t.len() < name.len() || !t.is_char_boundary(t.len() - name.len()) {
            return false;
        }
        let (head, tail) = t.split_at(t.len() - name.len());
        if !tail.eq_ignore_ascii_case(name) {
            return false;
        }
        if head.is_empty() {
            return true;
        }
        let head = head.trim_end_matches(is_js_space);
        let Some(sep) = head.chars().next_back() else {
            return false;
        };
        if !matches!(sep, '-' | '.' | ':') {
            return false;
        }
        let prefix = head[..head.len() - 1].trim_end_matches(is_js_space);
        patterns::META_NAME_PREFIXES
            .iter()
            .any(|p| prefix.eq_ignore_ascii_case(p))
    });
    ok.then(|| {
        n.chars()
            .filter(|c| !is_js_space(*c))
            .map(|c| {
                if c == '.' {
                    ':'
                } else {
                    c.to_ascii_lowercase()
                }
            })
            .collect()
    })
}

/// Publication dates Readability does not read: more `<meta>` keys (by
/// `property`, `name` or `itemprop`), then `<time itemprop="datePublished">`.
fn extra_date(dom: &Dom, page: &Page) -> Option<String> {
    for key in patterns::META_DATE_KEYS {
        for &m in &page.metas {
            let named = ["property", "name", "itemprop"].iter().any(|a| {
                dom.attr(m, a)
                    .is_some_and(|v| js_trim(v).eq_ignore_ascii_case(key))
            });
            if named {
                if let Some(c) = dom
                    .attr(m, "content")
                    .map(js_trim)
                    .filter(|c| !c.is_empty())
                {
                    return Some(c.to_string());
                }
            }
        }
    }
    page.times
        .iter()
        .copied()
        .filter(|&t| {
            dom.attr(t, "itemprop")
                .is_some_and(|v| v.contains("datePublished"))
        })
        .find_map(|t| {
            let v = dom
                .attr(t, "datetime")
                .map(str::to_string)
                .unwrap_or_else(|| dom.text_content(t));
            let v = js_trim(&v);
            (!v.is_empty()).then(|| v.to_string())
        })
}

/// The lead image as the page names it: OpenGraph/Twitter `<meta>`, then
/// `<link rel="image_src">`.
fn lead_image(dom: &Dom, page: &Page) -> Option<String> {
    for key in patterns::META_IMAGE_KEYS {
        for &m in &page.metas {
            let named = ["property", "name"].iter().any(|a| {
                dom.attr(m, a)
                    .is_some_and(|v| js_trim(v).eq_ignore_ascii_case(key))
            });
            if named {
                if let Some(c) = dom
                    .attr(m, "content")
                    .map(js_trim)
                    .filter(|c| !c.is_empty())
                {
                    return Some(c.to_string());
                }
            }
        }
    }
    page.links
        .iter()
        .copied()
        .filter(|&l| {
            dom.attr(l, "rel")
                .is_some_and(|r| r.eq_ignore_ascii_case("image_src"))
        })
        .find_map(|l| dom.attr(l, "href").map(js_trim).filter(|h| !h.is_empty()))
        .map(str::to_string)
}

/// `<html lang>` (what Readability reports), else `<meta http-equiv=content-language>`.
fn document_lang(dom: &Dom, page: &Page) -> Option<String> {
    if let Some(l) = dom
        .document_element()
        .filter(|&h| dom.is_tag(h, "html"))
        .and_then(|h| dom.attr(h, "lang"))
    {
        return Some(l.to_string());
    }
    page.metas
        .iter()
        .copied()
        .filter(|&m| {
            dom.attr(m, "http-equiv")
                .is_some_and(|v| v.eq_ignore_ascii_case("content-language"))
        })
        .find_map(|m| {
            dom.attr(m, "content")
                .map(js_trim)
                .filter(|c| !c.is_empty())
        })
        .map(str::to_string)
}

// ---------------------------------------------------------------- JSON-LD

/// What `_getJSONLD` finds (plus the image, which Readability ignores).
#[derive(Debug, Default)]
struct JsonLd {
    title: Option<String>,
    byline: Option<String>,
    excerpt: Option<String>,
    site_name: Option<String>,
    date_published: Option<String>,
    image: Option<String>,
}

/// `_getJSONLD`: the first `<script type="application/ld+json">` describing a
/// schema.org article.
fn json_ld(dom: &Dom, page: &Page) -> JsonLd {
    for &s in &page.scripts {
        if dom.attr(s, "type") != Some("application/ld+json") {
            continue;
        }
        let text = dom.text_content(s);
        if let Some(ld) = parse_json_ld(dom, page, strip_cdata(&text)) {
            return ld;
        }
    }
    JsonLd::default()
}

fn strip_cdata(s: &str) -> &str {
    let mut t = s;
    let lead = t.trim_start_matches(is_js_space);
    if let Some(rest) = lead.strip_prefix("<![CDATA[") {
        t = rest;
    }
    let trail = t.trim_end_matches(is_js_space);
    if let Some(rest) = trail.strip_suffix("]]>") {
        t = rest;
    }
    t
}

/// `@type` test of an array item or `@graph` node: `Some(true)` a match,
/// `Some(false)` no match, `None` where Readability's code would throw (and so
/// give up on this script).
fn type_matches(item: &Value) -> Option<bool> {
    match item {
        Value::Null => None,
        Value::Object(o) => match o.get("@type") {
            None | Some(Value::Null) | Some(Value::Bool(false)) => Some(false),
            Some(Value::String(t)) => Some(!t.is_empty() && patterns::is_article_type(t)),
            Some(Value::Number(n)) if n.as_f64() == Some(0.0) => Some(false),
            Some(_) => None,
        },
        _ => Some(false),
    }
}

fn is_schema_org(s: &str) -> bool {
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    matches!(rest, Some("schema.org") | Some("schema.org/"))
}

fn parse_json_ld(dom: &Dom, page: &Page, text: &str) -> Option<JsonLd> {
    let mut parsed: Value = serde_json::from_str(text).ok()?;
    if let Value::Array(items) = parsed {
        let mut found = None;
        for it in items {
            if type_matches(&it)? {
                found = Some(it);
                break;
            }
        }
        parsed = found?;
    }
    let context_ok = match parsed.get("@context") {
        Some(Value::String(c)) => is_schema_org(c),
        Some(Value::Object(c)) => c
            .get("@vocab")
            .and_then(Value::as_str)
            .is_some_and(is_schema_org),
        _ => false,
    };
    if !context_ok {
        return None;
    }
    let mut node = parsed;
    let has_type = node.get("@type").is_some_and(truthy);
    if !has_type {
        if let Some(Value::Array(graph)) = node.get("@graph") {
            let mut found = None;
            for it in graph {
                if type_matches(it)? {
                    found = Some(it.clone());
                    break;
                }
            }
            node = found?;
        }
    }
    match node.get("@type") {
        Some(Value::String(t)) if patterns::is_article_type(t) => {}
        _ => return None,
    }

    let mut ld = JsonLd::default();
    let name = node.get("name").and_then(Value::as_str);
    let headline = node.get("headline").and_then(Value::as_str);
    ld.title = match (name, headline) {
        (Some(n), Some(h)) if n != h => {
            // Some sites put their own name in `name`: take whichever is close
            // to the document title, `name` by default.
            let title = page.article_title(dom);
            let name_matches = text_similarity(n, &title) > tuning::TITLE_SIMILARITY;
            let headline_matches = text_similarity(h, &title) > tuning::TITLE_SIMILARITY;
            Some(
                if headline_matches && !name_matches {
                    h
                } else {
                    n
                }
                .to_string(),
            )
        }
        (Some(n), _) => Some(js_trim(n).to_string()),
        (None, Some(h)) => Some(js_trim(h).to_string()),
        (None, None) => None,
    };
    if let Some(author) = node.get("author").filter(|a| truthy(a)) {
        if let Some(n) = author.get("name").and_then(Value::as_str) {
            ld.byline = Some(js_trim(n).to_string());
        } else if let Value::Array(list) = author {
            if list
                .first()
                .and_then(|a| a.get("name"))
                .is_some_and(Value::is_string)
            {
                let names: Vec<&str> = list
                    .iter()
                    .filter_map(|a| a.get("name").and_then(Value::as_str))
                    .map(js_trim)
                    .collect();
                ld.byline = Some(names.join(", "));
            }
        }
    }
    ld.excerpt = node
        .get("description")
        .and_then(Value::as_str)
        .map(|s| js_trim(s).to_string());
    ld.site_name = node
        .get("publisher")
        .and_then(|p| p.get("name"))
        .and_then(Value::as_str)
        .map(|s| js_trim(s).to_string());
    ld.date_published = node
        .get("datePublished")
        .and_then(Value::as_str)
        .map(|s| js_trim(s).to_string());
    ld.image = node.get("image").and_then(json_image);
    Some(ld)
}

/// JavaScript truthiness of a JSON value.
fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::Number(n) => n.as_f64().is_some_and(|f| f != 0.0),
        Value::String(s) => !s.is_empty(),
        _ => true,
    }
}

/// A schema.org `image`: a URL, an `ImageObject`, or a list of either.
fn json_image(v: &Value) -> Option<String> {
    match v {
        Value::String(s) => Some(js_trim(s).to_string()).filter(|s| !s.is_empty()),
        Value::Object(o) => o.get("url").and_then(json_image),
        Value::Array(a) => a.iter().find_map(json_image),
        _ => None,
    }
}

// ---------------------------------------------------------------- title

/// JavaScript's `str.split(/\s+/).length`.
fn word_count(s: &str) -> usize {
    let mut runs = 0;
    let mut in_ws = false;
    for c in s.chars() {
        let ws = is_js_space(c);
        if ws && !in_ws {
            runs += 1;
        }
        in_ws = ws;
    }
    runs + 1
}

/// `document.title`: the first `<title>`'s text, trimmed.
fn document_title(dom: &Dom, page: &Page) -> String {
    let titles = &page.titles;
    let html_title = titles
        .iter()
        .copied()
        .find(|&t| dom.element(t).is_some_and(|e| e.ns == crate::dom::Ns::Html));
    html_title
        .or_else(|| titles.first().copied())
        .map(|t| js_trim(&dom.text_content(t)).to_string())
        .unwrap_or_default()
}

/// Positions (char indices) of `\s[seps]\s` matches, scanning left to right
/// without overlap, as `matchAll` does.
fn separator_matches(chars: &[char], seps: &[char]) -> Vec<usize> {
    let mut out = Vec::new();
    let mut i = 0;
    while i + 2 < chars.len() {
        if is_js_space(chars[i]) && seps.contains(&chars[i + 1]) && is_js_space(chars[i + 2]) {
            out.push(i);
            i += 3;
        } else {
            i += 1;
        }
    }
    out
}

/// `str.trim().replace(/\s{2,}/g, " ")`.
fn normalize_spaces(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut run: Vec<char> = Vec::new();
    for c in js_trim(s).chars() {
        if is_js_space(c) {
            run.push(c);
            continue;
        }
        match run.len() {
            0 => {}
            1 => out.push(run[0]),
            _ => out.push(' '),
        }
        run.clear();
        out.push(c);
    }
    out
}

fn utf16_len(s: &str) -> usize {
    s.chars().map(char::len_utf16).sum()
}

/// The title heuristic of `_getArticleTitle`: the document title without the
/// site name (cut at the last separator, or after a colon), or the only `<h1>`
/// when the title is very short or very long.
fn title_heuristic(dom: &Dom, page: &Page, orig: &str) -> String {
    let seps = patterns::TITLE_SEPARATORS;
    let chars: Vec<char> = orig.chars().collect();
    let mut cur: String = orig.to_string();
    let mut hierarchical = false;

    let matches = separator_matches(&chars, seps);
    if let Some(&last) = matches.last() {
        hierarchical = !separator_matches(&chars, patterns::TITLE_HIERARCHY_SEPARATORS).is_empty();
        cur = chars[..last].iter().collect();
        if word_count(&cur) < tuning::TITLE_MIN_WORDS_AFTER_CUT {
            // Too short: drop the first part instead.
            cur = match chars.iter().position(|c| seps.contains(c)) {
                Some(p) => chars[p + 1..].iter().collect(),
                None => orig.to_string(),
            };
        }
    } else if orig.contains(": ") {
        let trimmed = js_trim(orig);
        let heading_is_title = page
            .headings
            .iter()
            .any(|&h| js_trim(&dom.text_content(h)) == trimmed);
        if !heading_is_title {
            let last_colon = chars.iter().rposition(|&c| c == ':').unwrap_or(0);
            let first_colon = chars.iter().position(|&c| c == ':').unwrap_or(0);
            cur = chars[last_colon + 1..].iter().collect();
            if word_count(&cur) < tuning::TITLE_MIN_WORDS_AFTER_CUT {
                cur = chars[first_colon + 1..].iter().collect();
            } else {
                let before: String = chars[..first_colon].iter().collect();
                if word_count(&before) > tuning::TITLE_MAX_WORDS_BEFORE_COLON {
                    cur = orig.to_string();
                }
            }
        }
    } else {
        let len = utf16_len(orig);
        let odd_length = !(tuning::TITLE_MIN_LEN..=tuning::TITLE_MAX_LEN).contains(&len);
        if odd_length && page.h1_count == 1 {
            if let Some(&h1) = page.headings.iter().find(|&&h| dom.is_tag(h, "h1")) {
                cur = normalize_spaces(&dom.text_content(h1));
            }
        }
    }

    let cur = normalize_spaces(&cur);
    let words = word_count(&cur);
    let orig_without_seps: String = {
        // `origTitle.replace(/[seps]+/g, "")`
        orig.chars().filter(|c| !seps.contains(c)).collect()
    };
    if words <= tuning::TITLE_SHORT_WORDS
        && (!hierarchical || words != word_count(&orig_without_seps).saturating_sub(1))
    {
        return orig.to_string();
    }
    cur
}

/// Cut a mirror site's brand from the end of a title: `Real headline -Brand` or
/// `Real headline -Brand Name` (a hyphen after a space and directly before the
/// brand, the brand 1–4 capitalised words). A hyphen followed by a space is a
/// separator, handled by the title heuristic, and left alone here.
pub(crate) fn strip_brand_suffix(title: &str) -> &str {
    let Some(i) = title.rfind(" -") else {
        return title;
    };
    let brand = &title[i + 2..];
    let head = title[..i].trim_end();
    let words: Vec<&str> = brand.split(' ').collect();
    let capitalised = |w: &&str| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase)
            && cs.all(|c| c.is_alphanumeric() || matches!(c, '.' | '&' | '\'' | '’'))
    };
    let brand_like = !words.is_empty()
        && words.len() <= tuning::BRAND_SUFFIX_MAX_WORDS
        && words.iter().all(capitalised);
    let head_words = head.split_whitespace().count();
    if brand_like && head_words >= tuning::BRAND_SUFFIX_MIN_HEAD_WORDS {
        head
    } else {
        title
    }
}

/// Readability's `_textSimilarity`: 1 minus the share (by length) of `b`'s words
/// that are not in `a` (words: runs of ASCII letters, digits, `_`, lower-cased).
pub(crate) fn text_similarity(a: &str, b: &str) -> f64 {
    fn tokens(s: &str) -> Vec<String> {
        s.to_lowercase()
            .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .filter(|t| !t.is_empty())
            .map(str::to_string)
            .collect()
    }
    let ta = tokens(a);
    let tb = tokens(b);
    if ta.is_empty() || tb.is_empty() {
        return 0.0;
    }
    let joined_len = |ts: &[&String]| -> usize {
        ts.iter().map(|t| t.len()).sum::<usize>() + ts.len().saturating_sub(1)
    };
    let uniq: Vec<&String> = tb.iter().filter(|t| !ta.contains(t)).collect();
    let all: Vec<&String> = tb.iter().collect();
    1.0 - joined_len(&uniq) as f64 / joined_len(&all) as f64
}

// ---------------------------------------------------------------- entities

/// Readability's `_unescapeHtmlEntities`: `&quot; &amp; &apos; &lt; &gt;`, then
/// numeric references (invalid code points become U+FFFD).
pub(crate) fn unescape_html_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut named = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        named.push_str(&rest[..i]);
        let after = &rest[i + 1..];
        let rep = [
            ("quot;", '"'),
            ("amp;", '&'),
            ("apos;", '\''),
            ("lt;", '<'),
            ("gt;", '>'),
        ]
        .into_iter()
        .find(|(n, _)| after.starts_with(n));
        match rep {
            Some((n, c)) => {
                named.push(c);
                rest = &after[n.len()..];
            }
            None => {
                named.push('&');
                rest = after;
            }
        }
    }
    named.push_str(rest);

    let mut out = String::with_capacity(named.len());
    let mut rest = named.as_str();
    while let Some(i) = rest.find("&#") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let (hex, body) = match after.as_bytes().first() {
            Some(b'x' | b'X') => (true, &after[1..]),
            _ => (false, after),
        };
        let digits = body
            .bytes()
            .take_while(|b| {
                if hex {
                    b.is_ascii_hexdigit()
                } else {
                    b.is_ascii_digit()
                }
            })
            .count();
        if digits > 0 && body.as_bytes().get(digits) == Some(&b';') {
            let num = u32::from_str_radix(&body[..digits], if hex { 16 } else { 10 }).ok();
            let c = num
                .filter(|&n| n != 0)
                .and_then(char::from_u32)
                .unwrap_or('\u{FFFD}');
            out.push(c);
            rest = &body[digits + 1..];
        } else {
            out.push_str("&#");
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_document;
    use crate::Options;

    fn doc(html: &str) -> Dom {
        parse_document(html, &Options::default()).unwrap()
    }

    fn title_of(html: &str) -> String {
        read(&doc(html), None).title
    }

    #[test]
    fn title_separators() {
        // The last separator cuts the site name.
        assert_eq!(
            title_of("<title>Get your Frontend JavaScript Code Covered | Code | Nicolas</title>"),
            "Get your Frontend JavaScript Code Covered | Code"
        );
        assert_eq!(
            title_of("<title>Lorem ipsum dolor sit amet – My website</title>"),
            "Lorem ipsum dolor sit amet"
        );
        // Whitespace around the separator counts, not just spaces.
        assert_eq!(
            title_of("<title>Angry media won't buckle over laws\n\t| Herald Sun</title>"),
            "Angry media won't buckle over laws"
        );
        // Too short after the cut: the first part goes instead, and a result of
        // four words or fewer falls back to the whole title.
        assert_eq!(
            title_of("<title>Mozilla - Wikipedia</title>"),
            "Mozilla - Wikipedia"
        );
        assert_eq!(
            title_of("<title>Site » The real title of this page</title>"),
            "The real title of this page"
        );
    }

    #[test]
    fn title_colon_rule() {
        assert_eq!(
            title_of("<title>Some Site Name: The actual headline of the story</title>"),
            "The actual headline of the story"
        );
        // A heading with the whole title keeps it.
        assert_eq!(
            title_of(
                "<title>This is a long title with a colon: Hello there</title>\
                 <h1>This is a long title with a colon: Hello there</h1>"
            ),
            "This is a long title with a colon: Hello there"
        );
        // Too many words before the colon: keep the whole title.
        assert_eq!(
            title_of("<title>One two three four five six: seven eight nine</title>"),
            "One two three four five six: seven eight nine"
        );
    }

    #[test]
    fn title_h1_fallback_and_metadata_precedence() {
        assert_eq!(
            title_of("<title>Short</title><body><h1>The one and only headline here</h1>"),
            "The one and only headline here"
        );
        assert_eq!(
            title_of(
                r#"<title>Doc title that is long enough</title>
                <meta property="og:title" content="OG title &amp; more">
                <meta name="dc.title" content="Dublin Core title">"#
            ),
            "Dublin Core title"
        );
    }

    #[test]
    fn brand_suffix() {
        assert_eq!(
            strip_brand_suffix("Real headline -Finovate"),
            "Real headline"
        );
        assert_eq!(
            strip_brand_suffix("Markets rally on rate hopes -WealthRise Academy"),
            "Markets rally on rate hopes"
        );
        // Not a brand: lower-case word, spaced hyphen, too many words, too short head.
        assert_eq!(
            strip_brand_suffix("Apple -google deal"),
            "Apple -google deal"
        );
        assert_eq!(
            strip_brand_suffix("Real headline - Finovate"),
            "Real headline - Finovate"
        );
        assert_eq!(
            strip_brand_suffix("Headline here -One Two Three Four Five"),
            "Headline here -One Two Three Four Five"
        );
        assert_eq!(strip_brand_suffix("Headline -Brand"), "Headline -Brand");
        assert_eq!(strip_brand_suffix("Covid-19 is here"), "Covid-19 is here");
        assert_eq!(
            title_of(r#"<meta property="og:title" content="Real headline today -Finovate">"#),
            "Real headline today"
        );
        // The suffix goes before the separator rules read the title: here the
        // original site's "Site - Section" title is kept whole, as it would be.
        assert_eq!(
            title_of("<title>Daily News - Latest News &amp; Headlines -Mirror Wire</title>"),
            "Daily News - Latest News & Headlines"
        );
    }

    #[test]
    fn metadata_sources() {
        let m = read(
            &doc(concat!(
                r#"<html lang="en-GB"><head>"#,
                r#"<meta name="author" content="Meta Author">"#,
                r#"<meta property="article:published_time" content="2020-01-02">"#,
                r#"<meta property="og:site_name" content="Site &amp; Co">"#,
                r#"<meta property="og:image" content="/img.jpg">"#,
                r#"<meta name="description" content="&quot;Quoted&quot; &#x41;&#66;">"#,
                r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"LD headline","author":[{"name":" A "},{"name":"B"}],"datePublished":"2021-05-06"}</script>"#,
                "</head><body></body></html>"
            )),
            None,
        );
        assert_eq!(m.title, "LD headline");
        assert_eq!(m.byline.as_deref(), Some("A, B"));
        assert_eq!(m.published.as_deref(), Some("2021-05-06"));
        assert_eq!(m.site_name.as_deref(), Some("Site & Co"));
        assert_eq!(m.excerpt.as_deref(), Some("\"Quoted\" AB"));
        assert_eq!(m.lang.as_deref(), Some("en-GB"));
        assert_eq!(m.lead_image.as_deref(), Some("/img.jpg"));
    }

    #[test]
    fn json_ld_rules() {
        // Wrong context or a non-article type: ignored.
        let m = read(
            &doc(
                r#"<title>Doc title long enough here</title><script type="application/ld+json">{"@context":"http://example.org","@type":"Article","headline":"X"}</script>"#,
            ),
            None,
        );
        assert_eq!(m.title, "Doc title long enough here");
        // @graph, @vocab context, CDATA, article:author URL ignored.
        let m = read(
            &doc(concat!(
                r#"<meta property="article:author" content="https://example.com/a">"#,
                r#"<script type="application/ld+json"><![CDATA[{"@context":{"@vocab":"http://schema.org/"},"@graph":[{"@type":"WebPage"},{"@type":"BlogPosting","name":"Graph title","image":{"url":"i.png"}}]}]]></script>"#
            )),
            None,
        );
        assert_eq!(m.title, "Graph title");
        assert_eq!(m.byline, None);
        assert_eq!(m.lead_image.as_deref(), Some("i.png"));
        assert!(patterns::is_article_type("NewsArticle"));
        assert!(patterns::is_article_type("ArticleFoo"));
        assert!(!patterns::is_article_type("WebPage"));
    }

    #[test]
    fn meta_patterns() {
        assert_eq!(match_meta_property("og:title").as_deref(), Some("og:title"));
        assert_eq!(
            match_meta_property("dc:creator og:title").as_deref(),
            Some("dc:creator")
        );
        assert_eq!(
            match_meta_property("DCTERM : Title").as_deref(),
            Some("dcterm:title")
        );
        assert_eq!(match_meta_property("og:image"), None);
        assert_eq!(match_meta_name("dc.creator").as_deref(), Some("dc:creator"));
        assert_eq!(
            match_meta_name("parsely-pub-date").as_deref(),
            Some("parsely-pub-date")
        );
        assert_eq!(match_meta_name(" Author ").as_deref(), Some("author"));
        assert_eq!(
            match_meta_name("weibo:article:title").as_deref(),
            Some("weibo:article:title")
        );
        assert_eq!(match_meta_name("og:image"), None);
        assert_eq!(match_meta_name("xtitle"), None);
    }

    #[test]
    fn similarity_and_entities() {
        assert_eq!(text_similarity("Hello world", "hello, WORLD!"), 1.0);
        assert_eq!(text_similarity("", "x"), 0.0);
        let s = text_similarity("alpha beta", "alpha gamma");
        assert!((s - (1.0 - 5.0 / 11.0)).abs() < 1e-12);
        assert_eq!(
            unescape_html_entities("a &amp;lt; b &#0; &#x1F600;"),
            "a &lt; b \u{FFFD} 😀"
        );
        assert_eq!(unescape_html_entities("&amp;#65;"), "A");
        assert_eq!(unescape_html_entities("&nbsp; &#xZZ;"), "&nbsp; &#xZZ;");
        assert_eq!(word_count(" a  b"), 3);
        assert_eq!(word_count(""), 1);
    }
}
