//! Stage 4: links and images.
//!
//! - [`unwrap_noscript_images`] (whole document, before extraction; Readability's
//!   `_unwrapNoscriptImages`): a `<noscript>` holding a single image replaces the
//!   placeholder image just before it.
//! - [`absolutize`] (article, after extraction): lazy images get their real
//!   source (Readability's `_fixLazyImages`, plus the common `data-*` names),
//!   `javascript:` links become their text (Readability's `_fixRelativeUris`),
//!   and `href`, `src`, `srcset` (each candidate), `poster` and `cite` are
//!   resolved against the page URL and `<base href>`.

use crate::dom::{Dom, NodeId, ROOT};
use crate::parse::parse_fragment_into;
use crate::patterns::{
    contains_ci, mentions_image_file, LAZY_SRCSET_ATTRS, LAZY_SRC_ATTRS, PLACEHOLDER_SRC_WORDS,
    URL_ATTRS,
};
use crate::tuning::{MAX_NOSCRIPT_IMAGE_BYTES, MAX_SRCSET_CANDIDATES, PLACEHOLDER_DATA_URL_CHARS};
use crate::Options;
use url::Url;

/// The URL relative references resolve against.
pub(crate) struct Base {
    url: Option<Url>,
}

impl Base {
    /// The page URL, overridden by the document's first `<base href>` when that
    /// resolves to an http(s) URL (a `javascript:` or `data:` base is ignored).
    pub fn from_document(dom: &Dom, page: Option<&Url>) -> Base {
        let href = dom
            .elements_by_tag(ROOT, &["base"])
            .into_iter()
            .find_map(|b| dom.attr(b, "href"));
        let from_base = href.and_then(|h| {
            let h = h.trim();
            crate::idn::resolve(page, h).ok()
        });
        let url = from_base
            .filter(|u| matches!(u.scheme(), "http" | "https"))
            .or_else(|| page.cloned());
        Base { url }
    }

    /// Resolve a reference; without a base, references are returned unchanged.
    /// `None` when the reference cannot be resolved.
    pub fn resolve(&self, href: &str) -> Option<String> {
        let href = href.trim();
        match &self.url {
            Some(b) => crate::idn::join(b, href).ok().map(String::from),
            None => Some(href.to_string()),
        }
    }

    /// Resolve a reference that must end up an http(s) URL (the lead image):
    /// `None` for anything else (`javascript:`, `data:`, unresolvable).
    pub fn resolve_http(&self, href: &str) -> Option<String> {
        let abs = crate::idn::resolve(self.url.as_ref(), href.trim()).ok()?;
        matches!(abs.scheme(), "http" | "https").then(|| String::from(abs))
    }

    /// Resolve every candidate URL of a `srcset`, keeping descriptors.
    pub fn resolve_srcset(&self, srcset: &str) -> String {
        parse_srcset(srcset)
            .into_iter()
            .map(|(url, desc)| {
                let url = self.resolve(url).unwrap_or_else(|| url.to_string());
                if desc.is_empty() {
                    url
                } else {
                    format!("{url} {desc}")
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    }
}

/// Split a `srcset` into `(url, descriptors)` candidates, as the HTML spec's
/// parser does: a URL runs to the next whitespace (so `data:` URLs may hold
/// commas); a URL ending in commas ends its candidate; descriptors run to the
/// next comma outside parentheses. At most [`MAX_SRCSET_CANDIDATES`] are read.
pub(crate) fn parse_srcset(s: &str) -> Vec<(&str, &str)> {
    let b = s.as_bytes();
    let n = b.len();
    let mut out = Vec::new();
    let mut i = 0;
    while out.len() < MAX_SRCSET_CANDIDATES {
        while i < n && (b[i].is_ascii_whitespace() || b[i] == b',') {
            i += 1;
        }
        if i >= n {
            break;
        }
        let start = i;
        while i < n && !b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut url = &s[start..i];
        if url.ends_with(',') {
            url = url.trim_end_matches(',');
            if !url.is_empty() {
                out.push((url, ""));
            }
            continue;
        }
        let desc_start = i;
        let mut depth = 0usize;
        while i < n {
            match b[i] {
                b'(' => depth += 1,
                b')' => depth = depth.saturating_sub(1),
                b',' if depth == 0 => break,
                _ => {}
            }
            i += 1;
        }
        out.push((url, s[desc_start..i].trim()));
        if i < n {
            i += 1; // the comma
        }
    }
    out
}

/// Does the value look like a scheme to remove a link for (`javascript:`,
/// with the tricks a browser forgives: leading controls/spaces, tabs and
/// newlines inside, any case)?
fn is_script_url(href: &str) -> bool {
    let cleaned: String = href
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .take(16)
        .collect();
    let lower = cleaned.to_ascii_lowercase();
    lower.starts_with("javascript:") || lower.starts_with("vbscript:")
}

/// Lazy images, script links and relative URLs of the article under `root`.
pub(crate) fn absolutize(dom: &mut Dom, root: NodeId, base: &Base) {
    fix_lazy_images(dom, root);
    let ids: Vec<NodeId> = dom.descendant_elements(root).collect();
    for id in ids {
        if dom.is_tag(id, "a") {
            if let Some(href) = dom.attr(id, "href") {
                if is_script_url(href) {
                    // Readability: the link cannot work without scripts; keep its content.
                    dom.unwrap(id);
                    continue;
                }
            }
        }
        for name in URL_ATTRS {
            let Some(v) = dom.attr(id, name) else {
                continue;
            };
            // In-page anchors stay as they are (Readability keeps them when the
            // document has no other base).
            if v.trim_start().starts_with('#') || is_script_url(v) {
                continue;
            }
            if let Some(abs) = base.resolve(v) {
                dom.set_attr(id, name, &abs);
            }
        }
        if let Some(v) = dom.attr(id, "srcset") {
            let abs = base.resolve_srcset(v);
            dom.set_attr(id, "srcset", &abs);
        }
    }
}

/// Readability's `_fixLazyImages`, extended: tiny base64 and named placeholder
/// sources give way to the real image named in `data-src`-like attributes;
/// images and `<picture>` sources without a source take it from those
/// attributes, or from any attribute that looks like an image URL.
pub(crate) fn fix_lazy_images(dom: &mut Dom, root: NodeId) {
    let ids = dom.elements_by_tag(root, &["img", "picture", "figure", "source"]);
    for id in ids {
        drop_placeholder_src(dom, id);
        let tag = dom.tag(id).to_string();
        let has_src = dom.attr(id, "src").is_some_and(|v| !v.trim().is_empty());
        let has_srcset = dom
            .attr(id, "srcset")
            .is_some_and(|v| !v.trim().is_empty() && v != "null");
        let lazy_class = contains_ci(dom.class_attr(id), "lazy");
        if tag == "source" {
            if !has_srcset {
                if let Some(v) = first_attr(dom, id, LAZY_SRCSET_ATTRS) {
                    dom.set_attr(id, "srcset", &v);
                } else if let Some(v) = first_attr(dom, id, LAZY_SRC_ATTRS) {
                    dom.set_attr(id, "srcset", &v);
                }
            }
            continue;
        }
        if (has_src || has_srcset) && !lazy_class {
            continue;
        }
        let (mut src, mut srcset) = (
            first_attr(dom, id, LAZY_SRC_ATTRS),
            first_attr(dom, id, LAZY_SRCSET_ATTRS),
        );
        if src.is_none() && srcset.is_none() {
            (src, srcset) = guess_image_attrs(dom, id);
        }
        if src.is_none() && srcset.is_none() {
            continue;
        }
        match tag.as_str() {
            "img" | "picture" => {
                if let Some(v) = src {
                    dom.set_attr(id, "src", &v);
                }
                if let Some(v) = srcset {
                    dom.set_attr(id, "srcset", &v);
                }
            }
            "figure" if dom.elements_by_tag(id, &["img", "picture"]).is_empty() => {
                // nytimes-style: the figure itself names the image.
                let img = dom.create_element("img");
                if let Some(v) = src {
                    dom.set_attr(img, "src", &v);
                }
                if let Some(v) = srcset {
                    dom.set_attr(img, "srcset", &v);
                }
                dom.append_child(id, img);
            }
            _ => {}
        }
    }
}

/// Remove an `src` that is only a placeholder: a base64 `data:` image under
/// [`PLACEHOLDER_DATA_URL_CHARS`] (not SVG) or a URL with a placeholder word,
/// when another attribute names a real image.
fn drop_placeholder_src(dom: &mut Dom, id: NodeId) {
    let Some(src) = dom.attr(id, "src") else {
        return;
    };
    let placeholder = match base64_data_url_payload(src) {
        Some((mime, payload_len)) => {
            mime != "image/svg+xml" && payload_len < PLACEHOLDER_DATA_URL_CHARS
        }
        None => src.trim().is_empty() || PLACEHOLDER_SRC_WORDS.iter().any(|w| contains_ci(src, w)),
    };
    if !placeholder {
        return;
    }
    let other_image = dom.element(id).is_some_and(|el| {
        el.attrs
            .iter()
            .any(|a| &*a.name != "src" && mentions_image_file(&a.value))
    });
    if other_image {
        dom.remove_attr(id, "src");
    }
}

/// Readability's `b64DataUrl` (`^data:\s*([^\s;,]+)\s*;\s*base64\s*,`): the
/// media type and the payload length.
fn base64_data_url_payload(src: &str) -> Option<(String, usize)> {
    let s = src.trim_start();
    if s.len() < 5 || !s.as_bytes()[..5].eq_ignore_ascii_case(b"data:") {
        return None;
    }
    let rest = s[5..].trim_start();
    let mime_end = rest.find(|c: char| c.is_whitespace() || c == ';' || c == ',')?;
    let mime = rest[..mime_end].to_ascii_lowercase();
    let rest = rest[mime_end..]
        .trim_start()
        .strip_prefix(';')?
        .trim_start();
    if rest.len() < 6 || !rest.as_bytes()[..6].eq_ignore_ascii_case(b"base64") {
        return None;
    }
    let payload = rest[6..].trim_start().strip_prefix(',')?;
    Some((mime, payload.len()))
}

/// The first non-empty value among `names`.
fn first_attr(dom: &Dom, id: NodeId, names: &[&str]) -> Option<String> {
    names
        .iter()
        .filter_map(|n| dom.attr(id, n))
        .map(str::trim)
        .find(|v| !v.is_empty() && *v != "null")
        .map(str::to_string)
}

/// Readability's generic scan: an attribute `x.jpg 2x, ...` is a srcset, an
/// attribute that is a single token naming an image file is a src. Later
/// attributes win, as in Readability.
fn guess_image_attrs(dom: &Dom, id: NodeId) -> (Option<String>, Option<String>) {
    let (mut src, mut srcset) = (None, None);
    let Some(el) = dom.element(id) else {
        return (src, srcset);
    };
    for a in &el.attrs {
        if matches!(&*a.name, "src" | "srcset" | "alt") {
            continue;
        }
        let v = a.value.trim();
        if looks_like_srcset(v) {
            srcset = Some(v.to_string());
        } else if !v.is_empty() && !v.contains(char::is_whitespace) && mentions_image_file(v) {
            src = Some(v.to_string());
        }
    }
    (src, srcset)
}

/// Readability's `/\.(jpg|jpeg|png|webp)\s+\d/`.
fn looks_like_srcset(v: &str) -> bool {
    let lower = v.to_ascii_lowercase();
    crate::patterns::IMAGE_URL_EXTENSIONS.iter().any(|ext| {
        let mut from = 0;
        while let Some(p) = lower[from..].find(ext) {
            let after = &lower[from + p + ext.len()..];
            let trimmed = after.trim_start();
            if trimmed.len() < after.len() && trimmed.starts_with(|c: char| c.is_ascii_digit()) {
                return true;
            }
            from += p + ext.len();
        }
        false
    })
}

/// Readability's `_unwrapNoscriptImages`, on the whole document before
/// extraction: images with no source at all are removed (they are placeholders
/// a script would fill), then each `<noscript>` whose content is a single image
/// replaces the single-image element just before it, keeping the old
/// element's image attributes (under `data-old-*` when the new image has them).
pub(crate) fn unwrap_noscript_images(dom: &mut Dom, opts: &Options) {
    for img in dom.elements_by_tag(ROOT, &["img"]) {
        let keep = dom.element(img).is_some_and(|el| {
            el.attrs.iter().any(|a| {
                matches!(&*a.name, "src" | "srcset" | "data-src" | "data-srcset")
                    || mentions_image_file(&a.value)
            })
        });
        if !keep {
            dom.detach(img);
        }
    }
    for noscript in dom.elements_by_tag(ROOT, &["noscript"]) {
        let Some(prev) = dom.prev_element_sibling(noscript) else {
            continue;
        };
        let Some(prev_img) = single_image(dom, prev) else {
            continue;
        };
        // With scripting on (as in the browser) the content is one text node.
        let markup = dom.text_content(noscript);
        if markup.len() > MAX_NOSCRIPT_IMAGE_BYTES || !contains_ci(&markup, "<img") {
            continue;
        }
        let nodes = parse_fragment_into(dom, &markup, opts);
        let mut elements = nodes.iter().copied().filter(|&n| dom.is_element(n));
        let (Some(top), None) = (elements.next(), elements.next()) else {
            continue;
        };
        let text_outside = nodes
            .iter()
            .any(|&n| dom.text(n).is_some_and(|t| !t.trim().is_empty()));
        if text_outside {
            continue;
        }
        let Some(new_img) = single_image(dom, top) else {
            continue;
        };
        let old_attrs = dom
            .element(prev_img)
            .map(|el| el.attrs.clone())
            .unwrap_or_default();
        for a in old_attrs {
            if a.value.is_empty() {
                continue;
            }
            let name: &str = &a.name;
            if name == "src" || name == "srcset" || mentions_image_file(&a.value) {
                if dom.attr(new_img, name) == Some(&*a.value) {
                    continue;
                }
                let target = if dom.has_attr(new_img, name) {
                    format!("data-old-{name}")
                } else {
                    name.to_string()
                };
                dom.set_attr(new_img, &target, &a.value);
            }
        }
        dom.replace(prev, top);
    }
}

/// Readability's `_isSingleImage`: the element is an `<img>`, or has exactly one
/// element child, no text, and that child is a single image. Returns the image.
fn single_image(dom: &Dom, mut id: NodeId) -> Option<NodeId> {
    loop {
        if dom.is_tag(id, "img") {
            return Some(id);
        }
        let kids = dom.element_children(id);
        if kids.len() != 1 {
            return None;
        }
        // Text deeper down is checked on the way down: only this level's here.
        let mut c = dom.first_child(id);
        while let Some(n) = c {
            if dom.text(n).is_some_and(|t| !t.trim().is_empty()) {
                return None;
            }
            c = dom.next_sibling(n);
        }
        id = kids[0];
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_document;

    fn doc(html: &str) -> Dom {
        parse_document(html, &Options::default()).unwrap()
    }

    fn body(dom: &Dom) -> NodeId {
        dom.elements_by_tag(ROOT, &["body"])[0]
    }

    fn page() -> Url {
        Url::parse("https://news.example/world/story.html").unwrap()
    }

    #[test]
    fn srcset_parsing_follows_the_spec() {
        assert_eq!(
            parse_srcset(" a.jpg 1x,b.jpg  2x , c.jpg"),
            vec![("a.jpg", "1x"), ("b.jpg", "2x"), ("c.jpg", "")]
        );
        assert_eq!(
            parse_srcset("data:image/png;base64,AA,BB 1x, d.png,, e.png 100w"),
            vec![
                ("data:image/png;base64,AA,BB", "1x"),
                ("d.png", ""),
                ("e.png", "100w")
            ]
        );
        assert!(parse_srcset(" , ").is_empty());
    }

    #[test]
    fn resolves_against_page_and_base() {
        let mut dom = doc(
            r##"<head><base href="/media/"></head><body><a href="x.html">x</a>
               <img src="i.jpg" srcset="a.jpg 1x, /b.jpg 2x"><a href="#top">t</a>
               <video poster="p.jpg"></video><blockquote cite="q.html">q</blockquote></body>"##,
        );
        let base = Base::from_document(&dom, Some(&page()));
        let b = body(&dom);
        absolutize(&mut dom, b, &base);
        let a = dom.elements_by_tag(b, &["a"]);
        assert_eq!(
            dom.attr(a[0], "href"),
            Some("https://news.example/media/x.html")
        );
        assert_eq!(dom.attr(a[1], "href"), Some("#top"));
        let img = dom.elements_by_tag(b, &["img"])[0];
        assert_eq!(
            dom.attr(img, "src"),
            Some("https://news.example/media/i.jpg")
        );
        assert_eq!(
            dom.attr(img, "srcset"),
            Some("https://news.example/media/a.jpg 1x, https://news.example/b.jpg 2x")
        );
        let v = dom.elements_by_tag(b, &["video"])[0];
        assert_eq!(
            dom.attr(v, "poster"),
            Some("https://news.example/media/p.jpg")
        );
        let q = dom.elements_by_tag(b, &["blockquote"])[0];
        assert_eq!(
            dom.attr(q, "cite"),
            Some("https://news.example/media/q.html")
        );
    }

    #[test]
    fn script_base_is_ignored() {
        let dom = doc(r#"<head><base href="javascript:alert(1)//"></head><body></body>"#);
        let base = Base::from_document(&dom, Some(&page()));
        assert_eq!(
            base.resolve("a.html").as_deref(),
            Some("https://news.example/world/a.html")
        );
    }

    #[test]
    fn lead_image_must_be_http() {
        let dom = doc("<body></body>");
        let base = Base::from_document(&dom, Some(&page()));
        assert_eq!(
            base.resolve_http("/i.jpg").as_deref(),
            Some("https://news.example/i.jpg")
        );
        assert_eq!(base.resolve_http(" javascript:alert(1)"), None);
        assert_eq!(base.resolve_http("data:image/png;base64,AA"), None);
        let no_page = Base::from_document(&dom, None);
        assert_eq!(no_page.resolve_http("/relative.jpg"), None);
    }

    #[test]
    fn script_links_become_text() {
        let mut dom = doc(
            "<body><p><a href='javascript:void(0)'>one</a> <a href=' JAVA\tSCRIPT:x'><b>two</b></a></p></body>",
        );
        let b = body(&dom);
        let base = Base::from_document(&dom, Some(&page()));
        absolutize(&mut dom, b, &base);
        assert!(dom.elements_by_tag(b, &["a"]).is_empty());
        assert_eq!(dom.text_content(b), "one two");
        assert_eq!(dom.elements_by_tag(b, &["b"]).len(), 1);
    }

    #[test]
    fn lazy_images_get_their_real_source() {
        let mut dom = doc(r#"<body>
            <img class="lazyload" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-src="/real.jpg">
            <img src="/img/placeholder.png" data-lazy-src="/real2.jpg">
            <img data-original="/real3.jpg" data-lazy-srcset="/r3.jpg 1x, /r3@2.jpg 2x">
            <img data-foo="/photos/x.webp">
            <img data-sizes="/photos/y.jpg 300w, /photos/y2.jpg 600w">
            <figure data-img="/fig.png"><figcaption>c</figcaption></figure>
            <picture><source data-srcset="/p.webp" type="image/webp"><img data-src="/p.jpg"></picture>
            <img src="/keep.jpg" data-src="/other.jpg">
            </body>"#);
        let b = body(&dom);
        let base = Base::from_document(&dom, Some(&page()));
        absolutize(&mut dom, b, &base);
        let imgs = dom.elements_by_tag(b, &["img"]);
        let src = |i: usize| {
            dom.attr(imgs[i], "src")
                .map(|s| s.replace("https://news.example", ""))
        };
        assert_eq!(src(0).as_deref(), Some("/real.jpg"));
        assert_eq!(src(1).as_deref(), Some("/real2.jpg"));
        assert_eq!(src(2).as_deref(), Some("/real3.jpg"));
        assert_eq!(
            dom.attr(imgs[2], "srcset"),
            Some("https://news.example/r3.jpg 1x, https://news.example/r3@2.jpg 2x")
        );
        assert_eq!(src(3).as_deref(), Some("/photos/x.webp"));
        assert!(dom
            .attr(imgs[4], "srcset")
            .is_some_and(|s| s.contains("y2.jpg 600w")));
        // figure got an image; picture source and img filled; real src kept.
        assert_eq!(src(5).as_deref(), Some("/fig.png"));
        let source = dom.elements_by_tag(b, &["source"])[0];
        assert_eq!(
            dom.attr(source, "srcset"),
            Some("https://news.example/p.webp")
        );
        assert_eq!(src(6).as_deref(), Some("/p.jpg"));
        assert_eq!(src(7).as_deref(), Some("/keep.jpg"));
    }

    #[test]
    fn big_data_images_and_svg_are_kept() {
        let big = format!("data:image/png;base64,{}", "A".repeat(400));
        let mut dom = doc(&format!(
            r#"<body><img src="{big}" data-src="/x.jpg"><img src="data:image/svg+xml;base64,PHN2Zz4=" data-src="/y.jpg"></body>"#
        ));
        let b = body(&dom);
        fix_lazy_images(&mut dom, b);
        let imgs = dom.elements_by_tag(b, &["img"]);
        assert_eq!(dom.attr(imgs[0], "src"), Some(big.as_str()));
        assert!(dom
            .attr(imgs[1], "src")
            .unwrap()
            .starts_with("data:image/svg"));
    }

    #[test]
    fn noscript_image_replaces_placeholder() {
        let mut dom = doc(
            r#"<body><p>a</p><img class="lazy"><div><span><img src="data:image/gif;base64,R0" data-src="/thumb.jpg"></span></div><noscript><img src="/full.jpg" alt="Full"></noscript><p>b</p>
            <noscript><p>Enable JS</p></noscript></body>"#,
        );
        unwrap_noscript_images(&mut dom, &Options::default());
        let b = body(&dom);
        let imgs = dom.elements_by_tag(b, &["img"]);
        assert_eq!(
            imgs.len(),
            1,
            "the bare placeholder goes, the noscript image comes"
        );
        assert_eq!(dom.attr(imgs[0], "src"), Some("/full.jpg"));
        assert_eq!(dom.attr(imgs[0], "alt"), Some("Full"));
        assert_eq!(
            dom.attr(imgs[0], "data-old-src"),
            Some("data:image/gif;base64,R0")
        );
        assert_eq!(dom.attr(imgs[0], "data-src"), Some("/thumb.jpg"));
        assert!(dom.elements_by_tag(b, &["span"]).is_empty());
        // The non-image noscript is left for the extractor to remove.
        assert_eq!(dom.elements_by_tag(b, &["noscript"]).len(), 2);
    }
}
