//! Stage 1: HTML text → [`Dom`], with bounded work.
//!
//! html5ever's tree builder is quadratic in nesting depth (every insertion scans
//! the stack of open elements), so a page of 100,000 nested `<div>`s takes tens of
//! seconds. Before the tree is built, a linear pre-scan tracks an approximate
//! stack of open elements; start tags that would nest deeper than
//! [`Options::max_depth`] (and their matching end tags) are dropped, which
//! flattens the excess into the ancestor at that depth, as Chromium's parser
//! does. The same scan counts elements and refuses a page with more than
//! [`Options::max_elements`], and trims elements with absurd attribute counts.
//! Then scraper/html5ever parses the (possibly rewritten) text and the result is
//! copied, iteratively, into the arena.

use crate::dom::{Attr, Dom, Element, NodeData, NodeId, Ns, ROOT};
use crate::patterns::{RAW_TEXT_TAGS, SELF_CLOSING_SIBLINGS, VOID_TAGS};
use crate::tuning::MAX_ATTRS_PER_ELEMENT;
use crate::{Error, Options};
use html5ever::{ns, LocalName};
use std::borrow::Cow;
use std::collections::HashMap;

/// How far back an end tag looks for its start tag in the pre-scan's stack.
/// Bounded so that a page of unmatched end tags stays linear.
const END_TAG_SEARCH: usize = 32;

/// Parse a whole document.
pub(crate) fn parse_document(html: &str, opts: &Options) -> Result<Dom, Error> {
    if html.len() > opts.max_bytes {
        return Err(Error::TooLarge {
            bytes: html.len(),
            limit: opts.max_bytes,
        });
    }
    let text = prescan(html, opts)?;
    let parsed = scraper::Html::parse_document(&text);
    Ok(convert(&parsed))
}

/// Result of the pre-scan: what to cut out of the input.
#[derive(Debug, Default)]
struct Cuts {
    /// Byte ranges to remove, in order, non-overlapping.
    ranges: Vec<(usize, usize)>,
    /// Byte positions where a `>` must be inserted after a cut (attribute trim).
    close_at: Vec<usize>,
}

/// Linear scan that bounds depth, element count and attributes per element.
/// Returns the input unchanged (borrowed) when nothing had to be cut.
fn prescan<'a>(html: &'a str, opts: &Options) -> Result<Cow<'a, str>, Error> {
    let b = html.as_bytes();
    let n = b.len();
    let mut i = 0;
    let mut elements = 0usize;
    let mut stack: Vec<LocalName> = Vec::new();
    // Per tag name: start tags dropped and not yet matched by an end tag.
    let mut dropped: HashMap<LocalName, usize> = HashMap::new();
    let mut cuts = Cuts::default();

    while i < n {
        // Find the next '<'.
        match memchr(b'<', &b[i..]) {
            Some(off) => i += off,
            None => break,
        }
        let start = i;
        if b[i..].starts_with(b"<!--") {
            i = find(b, i + 4, b"-->").map_or(n, |p| p + 3);
            continue;
        }
        if i + 1 >= n {
            break;
        }
        let c = b[i + 1];
        if c == b'!' || c == b'?' {
            i = memchr(b'>', &b[i..]).map_or(n, |p| i + p + 1);
            continue;
        }
        let is_end = c == b'/';
        let name_start = if is_end { i + 2 } else { i + 1 };
        if name_start >= n || !b[name_start].is_ascii_alphabetic() {
            i += 1;
            continue;
        }
        let mut j = name_start;
        while j < n && !matches!(b[j], b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'>') {
            j += 1;
        }
        let name = LocalName::from(html[name_start..j].to_ascii_lowercase().as_str());
        // Scan attributes to the closing '>' honouring quotes, counting attributes.
        let (tag_end, self_closing, attr_cut) = scan_tag(b, j);
        i = tag_end;

        if is_end {
            if let Some(count) = dropped.get_mut(&name) {
                if *count > 0 {
                    *count -= 1;
                    cuts.ranges.push((start, tag_end));
                    continue;
                }
            }
            let lim = stack.len().saturating_sub(END_TAG_SEARCH);
            if let Some(pos) = stack[lim..].iter().rposition(|t| *t == name) {
                stack.truncate(lim + pos);
            }
            continue;
        }

        elements += 1;
        if elements > opts.max_elements {
            return Err(Error::TooManyElements {
                found: count_elements_lower_bound(b),
                limit: opts.max_elements,
            });
        }
        if let Some(cut_from) = attr_cut {
            // Keep `<tag a=.. (256 attributes)` and close it right there.
            cuts.ranges.push((cut_from, tag_end));
            cuts.close_at.push(cut_from);
        }
        if RAW_TEXT_TAGS.contains(&&*name) && !self_closing {
            // Skip raw text up to the matching end tag.
            let close = format!("</{}", &*name);
            i = find_ci(b, i, close.as_bytes()).unwrap_or(n);
            continue;
        }
        if self_closing || VOID_TAGS.contains(&&*name) {
            continue;
        }
        if SELF_CLOSING_SIBLINGS.contains(&&*name) && stack.last() == Some(&name) {
            stack.pop();
        }
        if stack.len() >= opts.max_depth {
            *dropped.entry(name).or_insert(0) += 1;
            cuts.ranges.push((start, tag_end));
            continue;
        }
        stack.push(name);
    }

    if cuts.ranges.is_empty() {
        return Ok(Cow::Borrowed(html));
    }
    Ok(Cow::Owned(apply_cuts(html, &cuts)))
}

/// Scan a tag from just after its name to just after its `>`. Returns the end
/// position, whether it is self-closing (`/>`), and where to cut if it carries
/// more than [`MAX_ATTRS_PER_ELEMENT`] attributes.
fn scan_tag(b: &[u8], mut j: usize) -> (usize, bool, Option<usize>) {
    let n = b.len();
    let mut attrs = 0usize;
    let mut cut = None;
    let mut in_name = false;
    let mut prev = 0u8;
    while j < n {
        let c = b[j];
        match c {
            b'>' => return (j + 1, prev == b'/', cut),
            b'"' | b'\'' => {
                // Quoted value: skip to the closing quote.
                j = memchr(c, &b[j + 1..]).map_or(n, |p| j + 1 + p);
                in_name = false;
            }
            b' ' | b'\t' | b'\n' | b'\r' | b'\x0c' | b'/' | b'=' => in_name = false,
            _ => {
                if !in_name {
                    in_name = true;
                    attrs += 1;
                    if attrs > MAX_ATTRS_PER_ELEMENT && cut.is_none() {
                        cut = Some(j);
                    }
                }
            }
        }
        prev = c;
        j += 1;
    }
    (n, false, cut)
}

fn apply_cuts(html: &str, cuts: &Cuts) -> String {
    let mut out = String::with_capacity(html.len());
    let mut pos = 0;
    let mut close = cuts.close_at.iter().peekable();
    let mut ranges: Vec<(usize, usize)> = cuts.ranges.clone();
    ranges.sort_unstable();
    for (s, e) in ranges {
        if s < pos {
            continue;
        }
        // Cuts are at ASCII positions ('<' or an attribute start), so char boundaries.
        if !html.is_char_boundary(s) || !html.is_char_boundary(e) {
            continue;
        }
        out.push_str(&html[pos..s]);
        if close.peek() == Some(&&s) {
            close.next();
            out.push('>');
        }
        pos = e;
    }
    out.push_str(&html[pos..]);
    out
}

/// Rough count of start tags, for the error message only.
fn count_elements_lower_bound(b: &[u8]) -> usize {
    b.windows(2)
        .filter(|w| w[0] == b'<' && w[1].is_ascii_alphabetic())
        .count()
}

fn memchr(needle: u8, hay: &[u8]) -> Option<usize> {
    hay.iter().position(|&c| c == needle)
}

fn find(b: &[u8], from: usize, pat: &[u8]) -> Option<usize> {
    if from >= b.len() {
        return None;
    }
    let first = pat[0];
    let mut i = from;
    while let Some(off) = memchr(first, &b[i..]) {
        let p = i + off;
        if b[p..].starts_with(pat) {
            return Some(p);
        }
        i = p + 1;
    }
    None
}

/// Case-insensitive find of an ASCII pattern that starts with `<`.
fn find_ci(b: &[u8], from: usize, pat: &[u8]) -> Option<usize> {
    let mut i = from;
    while i < b.len() {
        let off = memchr(b'<', &b[i..])?;
        let p = i + off;
        if b.len() - p >= pat.len() && b[p..p + pat.len()].eq_ignore_ascii_case(pat) {
            return Some(p);
        }
        i = p + 1;
    }
    None
}

/// Parse an HTML fragment (as if it were the content of a `<body>`) into new,
/// detached nodes of `dom`, with the same bounds as [`parse_document`]. Returns
/// the fragment's top-level nodes in order; empty when a bound refuses it.
pub(crate) fn parse_fragment_into(dom: &mut Dom, html: &str, opts: &Options) -> Vec<NodeId> {
    if html.len() > opts.max_bytes {
        return Vec::new();
    }
    let Ok(text) = prescan(html, opts) else {
        return Vec::new();
    };
    let parsed = scraper::Html::parse_fragment(&text);
    let holder = dom.create_element("div");
    let top = parsed.root_element();
    copy_children(dom, *top, holder);
    let nodes = dom.children(holder);
    for &n in &nodes {
        dom.detach(n);
    }
    nodes
}

/// Copy scraper's tree into the arena, iteratively.
fn convert(html: &scraper::Html) -> Dom {
    let mut dom = Dom::new();
    copy_children(&mut dom, html.tree.root(), ROOT);
    dom
}

/// Copy the children of `from` (a scraper node) under `parent`, iteratively.
fn copy_children(dom: &mut Dom, from: ego_tree_ref::NodeRef<'_>, parent: NodeId) {
    let mut stack: Vec<(ego_tree_ref::NodeRef<'_>, NodeId)> = Vec::new();
    for c in from.children().rev() {
        stack.push((c, parent));
    }
    // Children are pushed in reverse so they pop in document order; each popped
    // node is appended to its parent, which keeps sibling order.
    while let Some((node, parent)) = stack.pop() {
        let id = match node.value() {
            scraper::Node::Element(el) => {
                let ns = if el.name.ns == ns!(html) {
                    Ns::Html
                } else if el.name.ns == ns!(svg) {
                    Ns::Svg
                } else if el.name.ns == ns!(mathml) {
                    Ns::MathMl
                } else {
                    Ns::Other
                };
                let attrs = el
                    .attrs
                    .iter()
                    .map(|(q, v)| Attr {
                        name: match &q.prefix {
                            Some(p) => LocalName::from(format!("{}:{}", &**p, &*q.local).as_str()),
                            None => q.local.clone(),
                        },
                        value: v.to_string(),
                    })
                    .collect();
                dom.create_element_with(Element {
                    name: el.name.local.clone(),
                    ns,
                    attrs,
                })
            }
            scraper::Node::Text(t) => dom.create_text(&t.text),
            scraper::Node::Comment(c) => dom.create_comment(&c.comment),
            // Doctype, processing instructions, fragments: nothing a stage reads.
            _ => continue,
        };
        dom.append_child(parent, id);
        if matches!(dom.data(id), NodeData::Element(_)) {
            for c in node.children().rev() {
                stack.push((c, id));
            }
        }
    }
}

/// scraper's tree type, named once.
mod ego_tree_ref {
    pub type NodeRef<'a> = ego_tree::NodeRef<'a, scraper::Node>;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts() -> Options {
        Options::default()
    }

    #[test]
    fn parses_simple_document() {
        let dom = parse_document("<p class=a>Hi <b>there</b></p>", &opts()).unwrap();
        let ps = dom.elements_by_tag(ROOT, &["p"]);
        assert_eq!(ps.len(), 1);
        assert_eq!(dom.text_content(ps[0]), "Hi there");
        assert_eq!(dom.attr(ps[0], "class"), Some("a"));
    }

    #[test]
    fn flattens_deep_nesting_linearly() {
        let depth = 100_000;
        let html = format!("{}x{}", "<div>".repeat(depth), "</div>".repeat(depth));
        let t = std::time::Instant::now();
        let dom = parse_document(&html, &opts()).unwrap();
        assert!(t.elapsed().as_secs() < 10, "took {:?}", t.elapsed());
        let max = dom.descendants(ROOT).map(|n| dom.depth(n)).max().unwrap();
        assert!(max <= opts().max_depth + 8, "depth {max}");
        assert!(dom.text_content(ROOT).contains('x'));
    }

    #[test]
    fn refuses_too_many_elements() {
        let o = Options {
            max_elements: 100,
            ..Options::default()
        };
        let html = "<i></i>".repeat(200);
        assert!(matches!(
            parse_document(&html, &o),
            Err(Error::TooManyElements { .. })
        ));
    }

    #[test]
    fn trims_attribute_floods() {
        let mut html = String::from("<p ");
        for k in 0..5000 {
            html.push_str(&format!("a{k}=1 "));
        }
        html.push_str(">text</p>");
        let dom = parse_document(&html, &opts()).unwrap();
        let p = dom.elements_by_tag(ROOT, &["p"])[0];
        assert!(dom.element(p).unwrap().attrs.len() <= MAX_ATTRS_PER_ELEMENT);
        assert_eq!(dom.text_content(p), "text");
    }

    #[test]
    fn raw_text_is_not_scanned_for_tags() {
        let html = format!("<script>{}</script><p>ok</p>", "<div>".repeat(2000));
        let dom = parse_document(&html, &opts()).unwrap();
        assert_eq!(dom.elements_by_tag(ROOT, &["div"]).len(), 0);
        assert_eq!(dom.elements_by_tag(ROOT, &["p"]).len(), 1);
    }

    #[test]
    fn keeps_svg_namespace_and_prefixed_attrs() {
        let dom =
            parse_document(r#"<svg><a xlink:href="javascript:x">y</a></svg>"#, &opts()).unwrap();
        let a = dom.elements_by_tag(ROOT, &["a"])[0];
        assert_eq!(dom.element(a).unwrap().ns, Ns::Svg);
        assert_eq!(dom.attr(a, "xlink:href"), Some("javascript:x"));
    }
}
