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
//!
//! The tree builder can also *create* far more elements than the page has tags:
//! every formatting element (`<b>`, `<font>`, ...) left open when its block
//! closes is re-created in each following block ("reconstruct the active
//! formatting elements"), so a 500 kB page can ask for millions of elements, and
//! a nest of them tens of thousands deep. Two bounds stop that: the pre-scan
//! strips the attributes of formatting start tags once
//! [`MAX_FORMATTING_VARIANTS`] distinct ones were seen (the parser then keeps at
//! most three identical ones per block: its "Noah's Ark" rule), and the parser
//! is fed in chunks through a sink that counts the elements it creates and stops
//! at [`TREE_ELEMENT_BUDGET_FACTOR`] × `max_elements`.
//!
//! The resulting scraper tree is copied, iteratively, into the arena.

use crate::dom::{Attr, Dom, Element, NodeData, NodeId, Ns, ROOT};
use crate::patterns::{
    FOREIGN_ROOT_TAGS, FORMATTING_TAGS, RAW_TEXT_TAGS, SELF_CLOSING_SIBLINGS, VOID_TAGS,
};
use crate::tuning::{
    MAX_ATTRS_PER_ELEMENT, MAX_FORMATTING_VARIANTS, PARSE_CHUNK_BYTES, TREE_ELEMENT_BUDGET_FACTOR,
};
use crate::{Error, Options};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::tree_builder::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::{local_name, ns, Attribute, LocalName, QualName};
use scraper::HtmlTreeSink;
use std::borrow::Cow;
use std::cell::{Cell, Ref};
use std::collections::{HashMap, HashSet};

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
    let parsed = parse_budgeted(&text, opts, false)?;
    Ok(convert(&parsed))
}

/// html5ever over `text` in chunks, refusing the page once the tree builder has
/// created more elements than the budget allows.
fn parse_budgeted(text: &str, opts: &Options, fragment: bool) -> Result<scraper::Html, Error> {
    let budget = opts.max_elements.saturating_mul(TREE_ELEMENT_BUDGET_FACTOR);
    let sink = Budgeted {
        inner: HtmlTreeSink::new(if fragment {
            scraper::Html::new_fragment()
        } else {
            scraper::Html::new_document()
        }),
        created: Cell::new(0),
    };
    let mut parser = if fragment {
        html5ever::driver::parse_fragment(
            sink,
            Default::default(),
            QualName::new(None, ns!(html), local_name!("body")),
            Vec::new(),
            false,
        )
    } else {
        html5ever::driver::parse_document(sink, Default::default())
    };
    let mut rest = text;
    while !rest.is_empty() {
        let mut cut = rest.len().min(PARSE_CHUNK_BYTES);
        while !rest.is_char_boundary(cut) {
            cut += 1;
        }
        let (chunk, tail) = rest.split_at(cut);
        parser.process(StrTendril::from_slice(chunk));
        rest = tail;
        let created = parser.tokenizer.sink.sink.created.get();
        if created > budget {
            return Err(Error::TooManyElements {
                found: created,
                limit: budget,
            });
        }
    }
    Ok(parser.finish())
}

/// scraper's tree sink, counting the elements the tree builder creates.
struct Budgeted {
    inner: HtmlTreeSink,
    created: Cell<usize>,
}

impl TreeSink for Budgeted {
    type Handle = <HtmlTreeSink as TreeSink>::Handle;
    type Output = scraper::Html;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> scraper::Html {
        self.inner.finish()
    }
    fn parse_error(&self, msg: Cow<'static, str>) {
        self.inner.parse_error(msg)
    }
    fn get_document(&self) -> Self::Handle {
        self.inner.get_document()
    }
    fn elem_name<'a>(&'a self, target: &'a Self::Handle) -> Ref<'a, QualName> {
        self.inner.elem_name(target)
    }
    fn create_element(
        &self,
        name: QualName,
        attrs: Vec<Attribute>,
        flags: ElementFlags,
    ) -> Self::Handle {
        self.created.set(self.created.get() + 1);
        self.inner.create_element(name, attrs, flags)
    }
    fn create_comment(&self, text: StrTendril) -> Self::Handle {
        self.inner.create_comment(text)
    }
    fn create_pi(&self, target: StrTendril, data: StrTendril) -> Self::Handle {
        self.inner.create_pi(target, data)
    }
    fn append(&self, parent: &Self::Handle, child: NodeOrText<Self::Handle>) {
        self.inner.append(parent, child)
    }
    fn append_based_on_parent_node(
        &self,
        element: &Self::Handle,
        prev_element: &Self::Handle,
        child: NodeOrText<Self::Handle>,
    ) {
        self.inner
            .append_based_on_parent_node(element, prev_element, child)
    }
    fn append_doctype_to_document(
        &self,
        name: StrTendril,
        public_id: StrTendril,
        system_id: StrTendril,
    ) {
        self.inner
            .append_doctype_to_document(name, public_id, system_id)
    }
    fn mark_script_already_started(&self, node: &Self::Handle) {
        self.inner.mark_script_already_started(node)
    }
    fn pop(&self, node: &Self::Handle) {
        self.inner.pop(node)
    }
    fn get_template_contents(&self, target: &Self::Handle) -> Self::Handle {
        self.inner.get_template_contents(target)
    }
    fn same_node(&self, x: &Self::Handle, y: &Self::Handle) -> bool {
        self.inner.same_node(x, y)
    }
    fn set_quirks_mode(&self, mode: QuirksMode) {
        self.inner.set_quirks_mode(mode)
    }
    fn append_before_sibling(&self, sibling: &Self::Handle, new_node: NodeOrText<Self::Handle>) {
        self.inner.append_before_sibling(sibling, new_node)
    }
    fn add_attrs_if_missing(&self, target: &Self::Handle, attrs: Vec<Attribute>) {
        self.inner.add_attrs_if_missing(target, attrs)
    }
    fn associate_with_form(
        &self,
        target: &Self::Handle,
        form: &Self::Handle,
        nodes: (&Self::Handle, Option<&Self::Handle>),
    ) {
        self.inner.associate_with_form(target, form, nodes)
    }
    fn remove_from_parent(&self, target: &Self::Handle) {
        self.inner.remove_from_parent(target)
    }
    fn reparent_children(&self, node: &Self::Handle, new_parent: &Self::Handle) {
        self.inner.reparent_children(node, new_parent)
    }
    fn is_mathml_annotation_xml_integration_point(&self, handle: &Self::Handle) -> bool {
        self.inner
            .is_mathml_annotation_xml_integration_point(handle)
    }
    fn set_current_line(&self, line_number: u64) {
        self.inner.set_current_line(line_number)
    }
}

/// A byte range to remove from the input; `close` puts a `>` in its place
/// (attribute trim: the tag must still end there).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Cut {
    start: usize,
    end: usize,
    close: bool,
}

/// The pre-scan's approximate stack of open elements, counting the foreign
/// (`<svg>`/`<math>`) ones: inside them `<style>`, `<title>`... are ordinary
/// elements, not raw text.
#[derive(Default)]
struct OpenStack {
    names: Vec<LocalName>,
    foreign: usize,
}

impl OpenStack {
    fn push(&mut self, name: LocalName) {
        if FOREIGN_ROOT_TAGS.contains(&&*name) {
            self.foreign += 1;
        }
        self.names.push(name);
    }
    fn truncate(&mut self, len: usize) {
        while self.names.len() > len {
            self.pop();
        }
    }
    fn pop(&mut self) {
        if let Some(name) = self.names.pop() {
            if FOREIGN_ROOT_TAGS.contains(&&*name) {
                self.foreign -= 1;
            }
        }
    }
}

/// Linear scan that bounds depth, element count, attributes per element and
/// formatting-element variants. Returns the input unchanged (borrowed) when
/// nothing had to be cut.
fn prescan<'a>(html: &'a str, opts: &Options) -> Result<Cow<'a, str>, Error> {
    let b = html.as_bytes();
    let n = b.len();
    let mut i = 0;
    let mut elements = 0usize;
    let mut stack = OpenStack::default();
    // Per tag name: start tags dropped and not yet matched by an end tag.
    let mut dropped: HashMap<LocalName, usize> = HashMap::new();
    // Distinct (name, attributes) of formatting start tags seen so far.
    let mut variants: HashSet<(LocalName, &str)> = HashSet::new();
    let mut cuts: Vec<Cut> = Vec::new();

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
        let raw = &html[name_start..j];
        let name = if raw.bytes().any(|c| c.is_ascii_uppercase()) {
            LocalName::from(raw.to_ascii_lowercase().as_str())
        } else {
            LocalName::from(raw)
        };
        // Scan attributes to the closing '>' honouring quotes, counting attributes.
        let (tag_end, self_closing, attr_cut) = scan_tag(b, j);
        i = tag_end;

        if is_end {
            if let Some(count) = dropped.get_mut(&name) {
                if *count > 0 {
                    *count -= 1;
                    cuts.push(Cut {
                        start,
                        end: tag_end,
                        close: false,
                    });
                    continue;
                }
            }
            let len = stack.names.len();
            let lim = len.saturating_sub(END_TAG_SEARCH);
            if let Some(pos) = stack.names[lim..].iter().rposition(|t| *t == name) {
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
        let closed = tag_end <= n && tag_end > j && b[tag_end - 1] == b'>';
        let mut stripped = false;
        if FORMATTING_TAGS.contains(&&*name) && closed {
            // The attributes as written, `/` of `<b/>` aside.
            let attrs_end = if self_closing {
                tag_end - 2
            } else {
                tag_end - 1
            };
            let attrs = html.get(j..attrs_end.max(j)).unwrap_or("").trim();
            if !attrs.is_empty() && !variants.contains(&(name.clone(), attrs)) {
                if variants.len() < MAX_FORMATTING_VARIANTS {
                    variants.insert((name.clone(), attrs));
                } else {
                    // Too many distinct formatting elements: keep the tag, bare.
                    cuts.push(Cut {
                        start: j,
                        end: tag_end - 1,
                        close: false,
                    });
                    stripped = true;
                }
            }
        }
        if let (Some(cut_from), false) = (attr_cut, stripped) {
            // Keep `<tag a=.. (256 attributes)` and close it right there.
            cuts.push(Cut {
                start: cut_from,
                end: tag_end,
                close: true,
            });
        }
        if RAW_TEXT_TAGS.contains(&&*name) && !self_closing && stack.foreign == 0 {
            // Skip raw text up to the matching end tag.
            let close = format!("</{}", &*name);
            i = find_ci(b, i, close.as_bytes()).unwrap_or(n);
            continue;
        }
        if self_closing && stack.foreign > 0 {
            continue; // `<g/>` in SVG is empty
        }
        if VOID_TAGS.contains(&&*name) {
            continue;
        }
        if SELF_CLOSING_SIBLINGS.contains(&&*name) && stack.names.last() == Some(&name) {
            stack.pop();
        }
        if stack.names.len() >= opts.max_depth {
            *dropped.entry(name).or_insert(0) += 1;
            cuts.push(Cut {
                start,
                end: tag_end,
                close: false,
            });
            continue;
        }
        stack.push(name);
    }

    if cuts.is_empty() {
        return Ok(Cow::Borrowed(html));
    }
    Ok(Cow::Owned(apply_cuts(html, cuts)))
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

fn apply_cuts(html: &str, mut cuts: Vec<Cut>) -> String {
    let mut out = String::with_capacity(html.len());
    let mut pos = 0;
    cuts.sort_unstable();
    for cut in cuts {
        // Overlapping cuts: the earlier (wider) one already removed this range.
        if cut.start < pos {
            continue;
        }
        // Cuts are at ASCII positions ('<', '>' or an attribute start), so char
        // boundaries; checked anyway.
        if !html.is_char_boundary(cut.start) || !html.is_char_boundary(cut.end) {
            continue;
        }
        out.push_str(&html[pos..cut.start]);
        if cut.close {
            out.push('>');
        }
        pos = cut.end;
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
    let Ok(parsed) = parse_budgeted(&text, opts, true) else {
        return Vec::new();
    };
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
                        value: v.clone(),
                    })
                    .collect();
                dom.create_element_with(Element {
                    name: el.name.local.clone(),
                    ns,
                    attrs,
                })
            }
            scraper::Node::Text(t) => dom.create_text_tendril(t.text.clone()),
            scraper::Node::Comment(c) => dom.create_comment_tendril(c.comment.clone()),
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
    fn self_closing_html_tags_still_nest() {
        // `<div/>` opens a div in HTML: it must count towards the depth bound.
        let html = format!("{}x", "<div/>".repeat(5_000));
        let dom = parse_document(&html, &opts()).unwrap();
        let max = dom.descendants(ROOT).map(|n| dom.depth(n)).max().unwrap();
        assert!(max <= opts().max_depth + 8, "depth {max}");
    }

    #[test]
    fn foreign_style_is_not_raw_text() {
        let html = format!("<svg><style>{}</style></svg><p>ok</p>", "<g>".repeat(5_000));
        let dom = parse_document(&html, &opts()).unwrap();
        let max = dom.descendants(ROOT).map(|n| dom.depth(n)).max().unwrap();
        assert!(max <= opts().max_depth + 8, "depth {max}");
    }

    #[test]
    fn formatting_variants_are_bounded() {
        let mut html = String::new();
        for k in 0..100 {
            html.push_str(&format!("<div><b class=c{k}></div>"));
        }
        html.push_str("<p>x</p>");
        let dom = parse_document(&html, &opts()).unwrap();
        let p = dom.elements_by_tag(ROOT, &["p"])[0];
        // Re-created in the paragraph: the 16 distinct ones and 3 bare ones at most.
        let recreated = dom.elements_by_tag(p, &["b"]).len();
        assert!(
            recreated <= MAX_FORMATTING_VARIANTS + 3,
            "{recreated} re-created"
        );
        let kept = dom
            .elements_by_tag(ROOT, &["b"])
            .into_iter()
            .filter(|&b| dom.attr(b, "class") == Some("c3"))
            .count();
        assert!(kept >= 1, "early variants keep their attributes");
    }

    #[test]
    fn element_budget_refuses_amplification() {
        let o = Options {
            max_elements: 10_000,
            ..Options::default()
        };
        let mut html = String::from("<div>");
        for k in 0..10 {
            html.push_str(&format!("<b class=c{k}>"));
        }
        html.push_str("</div>");
        html.push_str(&"<p>x</p>".repeat(5_000));
        assert!(matches!(
            parse_document(&html, &o),
            Err(Error::TooManyElements { .. })
        ));
    }

    #[test]
    fn overlapping_cuts_keep_later_tags_closed() {
        // A tag with too many attributes *and* too deep, then another attribute
        // flood: the second must still be closed where it was trimmed.
        let o = Options {
            max_depth: 2,
            ..Options::default()
        };
        let flood = |t: &str| {
            let mut s = format!("<{t} ");
            for k in 0..300 {
                s.push_str(&format!("a{k}=1 "));
            }
            s.push('>');
            s
        };
        let html = format!(
            "<div><div>{}deep</p></div></div>{}after</span>",
            flood("p"),
            flood("span")
        );
        let dom = parse_document(&html, &o).unwrap();
        let text = dom.text_content(ROOT);
        assert!(text.contains("deep") && text.contains("after"), "{text:?}");
    }

    #[test]
    fn fragments_parse_into_the_arena() {
        let mut dom = Dom::new();
        let nodes = parse_fragment_into(&mut dom, "<img src=a.jpg> tail", &opts());
        assert_eq!(nodes.len(), 2);
        assert!(dom.is_tag(nodes[0], "img"));
        assert_eq!(dom.text(nodes[1]), Some(" tail"));
        assert!(dom.parent(nodes[0]).is_none());
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
