//! Stage 3: find the article body, Readability's way (`_prepDocument`,
//! `_grabArticle` with its retry ladder, `_prepArticle`).
//!
//! The port follows Readability.js step by step on the arena DOM; where
//! Readability recomputes text lengths of whole subtrees, [`Measure`] answers
//! from a cache kept exact by invalidation (every mutation goes through
//! [`Work`]'s helpers). Lazy-image fixing and URL absolutising are not done here
//! (see `links`); they would run inside `_prepArticle` and `_postProcessContent`.

use crate::clean;
use crate::dom::{Attr, Dom, NodeData, NodeId, Ns, ROOT};
use crate::metadata::{text_similarity, Metadata};
use crate::patterns::{self, contains_any_ci, is_js_space, js_trim};
use crate::score::{self, Measure};
use crate::tuning;
use crate::Options;
use html5ever::{local_name, LocalName};

/// Where the article was found.
#[derive(Debug, Clone)]
pub(crate) struct Grabbed {
    /// A detached container holding the cleaned article: a `<div>` wrapping
    /// Readability's `<div id="readability-page-1" class="page">`.
    pub content: NodeId,
    /// The element of the *original* document the article came from (Readability's
    /// top candidate), valid in a `Dom::clone()` taken before extraction.
    pub source: Option<NodeId>,
    /// When the kept attempt is a copy (an earlier, longer retry), each copied
    /// node paired with the node it was copied from: `(copy, original)`.
    pub copies: Vec<(NodeId, NodeId)>,
}

/// Readability's `FLAG_STRIP_UNLIKELYS`.
pub(crate) const FLAG_STRIP_UNLIKELYS: u8 = 0x1;
/// Readability's `FLAG_WEIGHT_CLASSES`.
pub(crate) const FLAG_WEIGHT_CLASSES: u8 = 0x2;
/// Readability's `FLAG_CLEAN_CONDITIONALLY`.
pub(crate) const FLAG_CLEAN_CONDITIONALLY: u8 = 0x4;
const ALL_FLAGS: u8 = FLAG_STRIP_UNLIKELYS | FLAG_WEIGHT_CLASSES | FLAG_CLEAN_CONDITIONALLY;

/// Find the article; `None` when the page has no article. Fills `meta.byline`
/// (a byline found in the page), `meta.dir` and, when the page has none,
/// `meta.excerpt` (the article's first paragraph).
pub(crate) fn grab_article(dom: &mut Dom, meta: &mut Metadata, opts: &Options) -> Option<Grabbed> {
    let orig_len = dom.len();
    prepare_document(dom);
    let body = find_body(dom)?;

    // Readability re-parses the body it saved before the first attempt
    // (`page.innerHTML = pageCacheHtml`) for each retry. Here every attempt
    // runs on the original nodes (so their ids stay meaningful) and logs its
    // changes; a failed attempt keeps a copy of its article and is undone.
    let mut w = Work::new(dom, meta, opts);
    let mut longest: Option<Attempt> = None;
    let chosen = loop {
        w.undo_log.clear();
        let attempt = w.attempt(body, orig_len);
        if attempt.text_len >= w.char_threshold {
            break attempt;
        }
        if !w.next_flags() {
            // Every flag is off: keep the longest attempt (the first of equals).
            let a = match longest {
                Some(l) if l.text_len >= attempt.text_len => l,
                _ => attempt,
            };
            if a.text_len == 0 {
                return None;
            }
            break a;
        }
        if longest
            .as_ref()
            .is_none_or(|l| attempt.text_len > l.text_len)
        {
            let mut copies = Vec::new();
            let copy = w
                .dom
                .clone_subtree_with(attempt.content, |src, dst| copies.push((dst, src)));
            longest = Some(Attempt {
                content: copy,
                copies,
                ..attempt
            });
        }
        w.undo();
        w.m.reset();
    };

    if meta.byline.is_none() {
        meta.byline = w.byline.take();
    }
    if chosen.dir.is_some() {
        meta.dir = chosen.dir.clone();
    }
    let dom = w.dom;
    if meta.excerpt.is_none() {
        meta.excerpt = dom
            .descendant_elements(chosen.content)
            .find(|&n| dom.is_tag(n, "p"))
            .map(|p| js_trim(&dom.text_content(p)).to_string())
            .filter(|s| !s.is_empty());
    }
    Some(Grabbed {
        content: chosen.content,
        source: chosen.source,
        copies: chosen.copies,
    })
}

/// Readability's steps before `_grabArticle`: drop placeholder images
/// (`_unwrapNoscriptImages`' first half), scripts (`_removeScripts`), templates,
/// then `_prepDocument` (styles, `<br>` runs, `<font>`).
fn prepare_document(dom: &mut Dom) {
    // One pass collects what each step needs; the steps then run in
    // Readability's order.
    let (mut imgs, mut drop, mut fonts) = (Vec::new(), Vec::new(), Vec::new());
    for n in dom.descendants(ROOT) {
        match dom.data(n) {
            NodeData::Element(el) => match &*el.name {
                "img" => imgs.push(n),
                "font" => fonts.push(n),
                // Template contents are not part of the document's text in a browser.
                "script" | "noscript" | "template" | "style" => drop.push(n),
                _ => {}
            },
            // Comments carry nothing for the reader, and left in place they
            // would split runs of phrasing content (`A<!-- -->22`) into separate
            // paragraphs. (Readability's reference parser, JSDOMParser, drops
            // them while parsing.)
            NodeData::Comment(_) => drop.push(n),
            _ => {}
        }
    }
    // `<noscript>` holds raw text here (the parser runs with scripting on), so
    // the noscript-image swap has nothing to parse; the placeholder removal
    // still applies.
    for img in imgs {
        let keep = dom.element(img).is_some_and(|el| {
            el.attrs.iter().any(|a| {
                patterns::IMAGE_SOURCE_ATTRS.contains(&&*a.name)
                    || patterns::has_image_extension(&a.value)
            })
        });
        if !keep {
            dom.detach(img);
        }
    }
    for n in drop {
        dom.detach(n);
    }
    if let Some(body) = find_body(dom) {
        replace_brs(dom, body);
    }
    for f in fonts {
        dom.rename(f, "span");
    }
}

/// `document.body`: the `<body>` child of `<html>`, else the first `<body>`.
fn find_body(dom: &Dom) -> Option<NodeId> {
    dom.document_element()
        .and_then(|h| {
            dom.element_children(h)
                .into_iter()
                .find(|&c| dom.is_tag(c, "body"))
        })
        .or_else(|| {
            dom.descendant_elements(ROOT)
                .find(|&n| dom.is_tag(n, "body"))
        })
}

/// `_nextNode`: skip whitespace-only non-element siblings, starting at `node`.
pub(crate) fn next_significant(dom: &Dom, mut node: Option<NodeId>) -> Option<NodeId> {
    while let Some(n) = node {
        let blank = match dom.data(n) {
            NodeData::Element(_) => false,
            NodeData::Text(t) | NodeData::Comment(t) => t.chars().all(is_js_space),
            NodeData::Document => false,
        };
        if !blank {
            return Some(n);
        }
        node = dom.next_sibling(n);
    }
    None
}

/// `_replaceBrs`: two or more `<br>`s in a row end a paragraph; the phrasing
/// content after them becomes a `<p>`.
fn replace_brs(dom: &mut Dom, root: NodeId) {
    for br in dom.elements_by_tag(root, &["br"]) {
        let mut next = dom.next_sibling(br);
        let mut replaced = false;
        while let Some(n) = next_significant(dom, next) {
            if !dom.is_tag(n, "br") {
                break;
            }
            replaced = true;
            next = dom.next_sibling(n);
            dom.detach(n);
        }
        if !replaced {
            continue;
        }
        let Some(parent) = dom.parent(br) else {
            continue;
        };
        let p = dom.create_element("p");
        dom.replace(br, p);
        let mut next = dom.next_sibling(p);
        while let Some(n) = next {
            if dom.is_tag(n, "br") {
                if let Some(after) = next_significant(dom, dom.next_sibling(n)) {
                    if dom.is_tag(after, "br") {
                        break;
                    }
                }
            }
            if !is_phrasing(dom, n) {
                break;
            }
            next = dom.next_sibling(n);
            dom.append_child(p, n);
        }
        while let Some(l) = dom.last_child(p) {
            if !is_whitespace_node(dom, l) {
                break;
            }
            dom.detach(l);
        }
        if dom.is_tag(parent, "p") {
            dom.rename(parent, "div");
        }
    }
}

/// `_isPhrasingContent`: text, phrasing elements, and links/`del`/`ins` made of
/// phrasing content only.
pub(crate) fn is_phrasing(dom: &Dom, node: NodeId) -> bool {
    match dom.data(node) {
        NodeData::Text(_) => true,
        NodeData::Element(el) => {
            let tag: &str = &el.name;
            if patterns::PHRASING_ELEMS.contains(&tag) {
                return true;
            }
            if !patterns::TRANSPARENT_PHRASING.contains(&tag) {
                return false;
            }
            // Every child phrasing, recursively through a/del/ins.
            let mut stack = vec![node];
            while let Some(n) = stack.pop() {
                let mut c = dom.first_child(n);
                while let Some(ch) = c {
                    match dom.data(ch) {
                        NodeData::Text(_) => {}
                        NodeData::Element(e) => {
                            let t: &str = &e.name;
                            if patterns::TRANSPARENT_PHRASING.contains(&t) {
                                stack.push(ch);
                            } else if !patterns::PHRASING_ELEMS.contains(&t) {
                                return false;
                            }
                        }
                        _ => return false,
                    }
                    c = dom.next_sibling(ch);
                }
            }
            true
        }
        _ => false,
    }
}

/// `_isWhitespace`: blank text or a `<br>`.
pub(crate) fn is_whitespace_node(dom: &Dom, node: NodeId) -> bool {
    match dom.data(node) {
        NodeData::Text(t) => t.chars().all(is_js_space),
        NodeData::Element(_) => dom.is_tag(node, "br"),
        _ => false,
    }
}

/// `_isProbablyVisible`: not `display:none`, not `visibility:hidden`, no
/// `hidden` attribute, not `aria-hidden="true"` (except Wikipedia's math
/// fallback images).
pub(crate) fn is_probably_visible(dom: &Dom, node: NodeId) -> bool {
    if dom.attr_atom(node, &local_name!("hidden")).is_some() {
        return false;
    }
    if let Some(style) = dom.attr_atom(node, &local_name!("style")) {
        if style_is(style, "display", "none") || style_is(style, "visibility", "hidden") {
            return false;
        }
    }
    if dom.attr_atom(node, &local_name!("aria-hidden")) == Some("true")
        && !dom.class_attr(node).contains("fallback-image")
    {
        return false;
    }
    true
}

/// Does an inline style declare `prop: value` (case-insensitive, `!important`
/// allowed)?
fn style_is(style: &str, prop: &str, value: &str) -> bool {
    style.split(';').any(|decl| {
        let Some((name, v)) = decl.split_once(':') else {
            return false;
        };
        if !name.trim().eq_ignore_ascii_case(prop) {
            return false;
        }
        let v = v.trim();
        let v = match patterns::find_ci(v, "!important", 0) {
            Some(i) => v[..i].trim_end(),
            None => v,
        };
        v.eq_ignore_ascii_case(value)
    })
}

/// `_hasAncestorTag`: an ancestor named `tag` within `max_depth` levels (`None`:
/// any depth) that passes `filter`.
pub(crate) fn has_ancestor_tag(
    dom: &Dom,
    node: NodeId,
    tag: &str,
    max_depth: Option<usize>,
    filter: impl Fn(NodeId) -> bool,
) -> bool {
    let mut depth = 0;
    let mut cur = node;
    while let Some(p) = dom.parent(cur) {
        if max_depth.is_some_and(|m| depth > m) {
            return false;
        }
        if dom.is_tag(p, tag) && filter(p) {
            return true;
        }
        cur = p;
        depth += 1;
    }
    false
}

/// `_hasSingleTagInsideElement`: exactly one element child, named `tag`, and no
/// text child ending in a non-space character.
pub(crate) fn has_single_tag_inside(dom: &Dom, node: NodeId, tag: &str) -> bool {
    let mut only = None;
    let mut c = dom.first_child(node);
    while let Some(ch) = c {
        match dom.data(ch) {
            NodeData::Element(_) => {
                if only.is_some() {
                    return false;
                }
                only = Some(ch);
            }
            NodeData::Text(t) if t.chars().next_back().is_some_and(|l| !is_js_space(l)) => {
                return false;
            }
            _ => {}
        }
        c = dom.next_sibling(ch);
    }
    only.is_some_and(|o| dom.is_tag(o, tag))
}

/// One run of `_grabArticle`.
struct Attempt {
    content: NodeId,
    text_len: usize,
    source: Option<NodeId>,
    dir: Option<String>,
    /// `(copy, original)` pairs when this attempt was kept as a copy.
    copies: Vec<(NodeId, NodeId)>,
}

/// The extractor's state: the tree, the measure cache kept in step with it, the
/// flags, the scores.
pub(crate) struct Work<'a> {
    pub dom: &'a mut Dom,
    pub m: Measure,
    pub flags: u8,
    /// `node.readability.contentScore`; NaN when the node was never initialised.
    scores: Vec<f64>,
    title: String,
    meta_byline: bool,
    /// `_articleByline`.
    pub byline: Option<String>,
    char_threshold: usize,
    nb_top: usize,
    /// Changes of the current attempt, for [`Work::undo`].
    undo_log: Vec<Undo>,
}

/// One change to the tree, as needed to take it back.
enum Undo {
    /// `node` was in `parent` before `next` (`parent: None`: it was detached).
    Moved {
        node: NodeId,
        parent: Option<NodeId>,
        next: Option<NodeId>,
    },
    Renamed {
        node: NodeId,
        name: LocalName,
        ns: Ns,
    },
    AttrRemoved {
        node: NodeId,
        index: usize,
        attr: Attr,
    },
}

impl<'a> Work<'a> {
    fn new(dom: &'a mut Dom, meta: &Metadata, opts: &Options) -> Work<'a> {
        Work {
            dom,
            m: Measure::new(),
            flags: ALL_FLAGS,
            scores: Vec::new(),
            title: meta.title.clone(),
            meta_byline: meta.byline.is_some(),
            byline: None,
            char_threshold: opts.char_threshold,
            nb_top: opts.nb_top_candidates.max(1),
            undo_log: Vec::new(),
        }
    }

    pub fn flag(&self, f: u8) -> bool {
        self.flags & f != 0
    }

    /// Drop the next flag of the ladder; `false` when none is left.
    fn next_flags(&mut self) -> bool {
        for f in [
            FLAG_STRIP_UNLIKELYS,
            FLAG_WEIGHT_CLASSES,
            FLAG_CLEAN_CONDITIONALLY,
        ] {
            if self.flag(f) {
                self.flags &= !f;
                return true;
            }
        }
        false
    }

    // ------------------------------------------------------------ mutation

    /// Detach `n` from its parent (logged).
    pub fn remove(&mut self, n: NodeId) {
        if let Some(p) = self.dom.parent(n) {
            let next = self.dom.next_sibling(n);
            self.m.invalidate(self.dom, p);
            self.undo_log.push(Undo::Moved {
                node: n,
                parent: Some(p),
                next,
            });
            self.dom.detach(n);
        }
    }

    /// Log that a detached node was attached.
    fn attached(&mut self, n: NodeId) {
        if let Some(p) = self.dom.parent(n) {
            self.m.invalidate(self.dom, p);
            self.undo_log.push(Undo::Moved {
                node: n,
                parent: None,
                next: None,
            });
        }
    }

    /// `_removeAndGetNext`.
    pub fn remove_and_next(&mut self, n: NodeId) -> Option<NodeId> {
        let next = self.dom.next_element_in_order(n, true);
        self.remove(n);
        next
    }

    pub fn append(&mut self, parent: NodeId, child: NodeId) {
        self.remove(child);
        self.dom.append_child(parent, child);
        self.attached(child);
    }

    /// Put `new` where `old` is.
    pub fn replace(&mut self, old: NodeId, new: NodeId) {
        self.remove(new);
        if self.dom.parent(old).is_some() {
            self.dom.insert_before(old, new);
            self.attached(new);
            self.remove(old);
        }
    }

    /// `_setNodeTag` (in place, as with JSDOMParser).
    pub fn rename(&mut self, n: NodeId, tag: &str) {
        let Some(el) = self.dom.element(n) else {
            return;
        };
        self.undo_log.push(Undo::Renamed {
            node: n,
            name: el.name.clone(),
            ns: el.ns,
        });
        self.m.invalidate(self.dom, n);
        self.dom.rename(n, tag);
    }

    /// Remove an attribute (logged).
    pub fn remove_attr(&mut self, n: NodeId, name: &str) {
        let Some(el) = self.dom.element_mut(n) else {
            return;
        };
        if let Some(index) = el.attrs.iter().position(|a| &*a.name == name) {
            let attr = el.attrs.remove(index);
            self.undo_log.push(Undo::AttrRemoved {
                node: n,
                index,
                attr,
            });
            if name == "href" {
                self.m.invalidate(self.dom, n);
            }
        }
    }

    /// Take back every logged change, newest first.
    fn undo(&mut self) {
        while let Some(op) = self.undo_log.pop() {
            match op {
                Undo::Moved { node, parent, next } => {
                    self.dom.detach(node);
                    match (parent, next) {
                        (_, Some(nx)) => self.dom.insert_before(nx, node),
                        (Some(p), None) => self.dom.append_child(p, node),
                        (None, None) => {}
                    }
                }
                Undo::Renamed { node, name, ns } => {
                    if let Some(el) = self.dom.element_mut(node) {
                        el.name = name;
                        el.ns = ns;
                    }
                }
                Undo::AttrRemoved { node, index, attr } => {
                    if let Some(el) = self.dom.element_mut(node) {
                        let i = index.min(el.attrs.len());
                        el.attrs.insert(i, attr);
                    }
                }
            }
        }
    }

    // ------------------------------------------------------------ reading

    /// `_getClassWeight` under the current flags.
    pub fn class_weight(&self, n: NodeId) -> i32 {
        if !self.flag(FLAG_WEIGHT_CLASSES) {
            return 0;
        }
        score::class_weight(self.dom.class_attr(n), self.dom.id_attr(n))
    }

    /// `_isElementWithoutContent`.
    pub fn is_without_content(&mut self, n: NodeId) -> bool {
        if !self.dom.is_element(n) {
            return false;
        }
        let st = self.m.get(self.dom, n);
        if st.span.has_text {
            return false;
        }
        let kids = self.dom.element_child_count(n);
        kids == 0 || kids == st.br_hr as usize
    }

    fn score(&self, n: NodeId) -> Option<f64> {
        self.scores.get(n).copied().filter(|s| !s.is_nan())
    }

    fn set_score(&mut self, n: NodeId, s: f64) {
        if self.scores.len() <= n {
            self.scores.resize(self.dom.len().max(n + 1), f64::NAN);
        }
        self.scores[n] = s;
    }

    /// `_initializeNode`.
    fn initialize(&mut self, n: NodeId) {
        let s = score::tag_score(self.dom.tag(n)) + f64::from(self.class_weight(n));
        self.set_score(n, s);
    }

    /// `_isValidByline` for a node's attributes and class/id.
    fn looks_like_byline(&self, n: NodeId) -> bool {
        let d = &*self.dom;
        d.attr(n, "rel") == Some("author")
            || d.attr(n, "itemprop").is_some_and(|v| v.contains("author"))
            || contains_any_ci(d.class_attr(n), &patterns::BYLINE)
            || contains_any_ci(d.id_attr(n), &patterns::BYLINE)
    }

    /// `_checkByline` (the newer form: an `itemprop="name"` descendant names the
    /// author more exactly). Returns the byline when `n` is one.
    fn check_byline(&mut self, n: NodeId) -> Option<String> {
        if self.byline.is_some() || self.meta_byline || !self.looks_like_byline(n) {
            return None;
        }
        // The trimmed text is at least as long as the normalised one: a long
        // subtree is rejected without building its text.
        if self.m.text_len(self.dom, n) >= tuning::BYLINE_MAX_LEN {
            return None;
        }
        let text = self.dom.text_content(n);
        let len: usize = js_trim(&text).chars().map(char::len_utf16).sum();
        if len == 0 || len >= tuning::BYLINE_MAX_LEN {
            return None;
        }
        let end = self.dom.next_element_in_order(n, true);
        let mut next = self.dom.next_element_in_order(n, false);
        while let Some(x) = next {
            if Some(x) == end {
                break;
            }
            if self
                .dom
                .attr(x, "itemprop")
                .is_some_and(|v| v.contains("name"))
            {
                return Some(js_trim(&self.dom.text_content(x)).to_string());
            }
            next = self.dom.next_element_in_order(x, false);
        }
        Some(js_trim(&text).to_string())
    }

    /// `_headerDuplicatesTitle`.
    fn header_duplicates_title(&self, n: NodeId) -> bool {
        if !self.dom.is_one_of(n, &["h1", "h2"]) {
            return false;
        }
        let heading = self.dom.text_content(n);
        text_similarity(&self.title, js_trim(&heading)) > tuning::TITLE_SIMILARITY
    }

    /// The unlikely-candidate test of `_grabArticle`.
    fn is_unlikely(&self, n: NodeId) -> bool {
        let d = &*self.dom;
        let (class, id) = (d.class_attr(n), d.id_attr(n));
        (contains_any_ci(class, &patterns::UNLIKELY_CANDIDATES)
            || contains_any_ci(id, &patterns::UNLIKELY_CANDIDATES))
            && !contains_any_ci(class, &patterns::MAYBE_CANDIDATE)
            && !contains_any_ci(id, &patterns::MAYBE_CANDIDATE)
            && !has_ancestor_tag(d, n, "table", Some(tuning::ANCESTOR_TAG_DEPTH), |_| true)
            && !has_ancestor_tag(d, n, "code", Some(tuning::ANCESTOR_TAG_DEPTH), |_| true)
            && !d.is_tag(n, "body")
            && !d.is_tag(n, "a")
    }

    /// Put a `<div>`'s runs of phrasing content into `<p>`s.
    fn wrap_phrasing(&mut self, div: NodeId) {
        let mut p: Option<NodeId> = None;
        let mut child = self.dom.first_child(div);
        while let Some(c) = child {
            let next = self.dom.next_sibling(c);
            if is_phrasing(self.dom, c) {
                if let Some(pp) = p {
                    self.append(pp, c);
                } else if !is_whitespace_node(self.dom, c) {
                    let np = self.dom.create_element("p");
                    self.replace(c, np);
                    self.append(np, c);
                    p = Some(np);
                }
            } else if let Some(pp) = p {
                while let Some(l) = self.dom.last_child(pp) {
                    if !is_whitespace_node(self.dom, l) {
                        break;
                    }
                    self.remove(l);
                }
                p = None;
            }
            child = next;
        }
    }

    // ------------------------------------------------------------ the attempt

    /// One pass of `_grabArticle` under the current flags.
    fn attempt(&mut self, page: NodeId, orig_len: usize) -> Attempt {
        self.scores.clear();
        let strip = self.flag(FLAG_STRIP_UNLIKELYS);
        let mut to_score: Vec<NodeId> = Vec::new();
        let mut remove_title_header = true;
        let mut node = self.dom.document_element();

        while let Some(n) = node {
            if !is_probably_visible(self.dom, n)
                || (self.dom.attr(n, "aria-modal") == Some("true")
                    && self.dom.attr(n, "role") == Some("dialog"))
            {
                node = self.remove_and_next(n);
                continue;
            }
            if let Some(b) = self.check_byline(n) {
                self.byline = Some(b);
                node = self.remove_and_next(n);
                continue;
            }
            if remove_title_header && self.header_duplicates_title(n) {
                remove_title_header = false;
                node = self.remove_and_next(n);
                continue;
            }
            if strip {
                if self.is_unlikely(n) {
                    node = self.remove_and_next(n);
                    continue;
                }
                if self
                    .dom
                    .attr(n, "role")
                    .is_some_and(|r| patterns::UNLIKELY_ROLES.contains(&r))
                {
                    node = self.remove_and_next(n);
                    continue;
                }
            }
            if self.dom.is_one_of(
                n,
                &[
                    "div", "section", "header", "h1", "h2", "h3", "h4", "h5", "h6",
                ],
            ) && self.is_without_content(n)
            {
                node = self.remove_and_next(n);
                continue;
            }
            let mut n = n;
            if patterns::TAGS_TO_SCORE.contains(&self.dom.tag(n)) {
                to_score.push(n);
            }
            if self.dom.is_tag(n, "div") {
                self.wrap_phrasing(n);
                if has_single_tag_inside(self.dom, n, "p")
                    && self.m.link_density(self.dom, n) < tuning::DIV_SINGLE_P_MAX_LINK_DENSITY
                {
                    if let Some(child) = self.dom.first_element_child(n) {
                        self.replace(n, child);
                        n = child;
                        to_score.push(n);
                    }
                } else if self.m.get(self.dom, n).block == 0 {
                    self.rename(n, "p");
                    to_score.push(n);
                }
            }
            node = self.dom.next_element_in_order(n, false);
        }

        // Score paragraphs into their ancestors.
        let mut candidates: Vec<NodeId> = Vec::new();
        let mut ancestors: Vec<NodeId> = Vec::with_capacity(tuning::SCORE_ANCESTOR_LEVELS);
        for el in to_score {
            match self.dom.parent(el) {
                Some(p) if self.dom.is_element(p) => {}
                _ => continue,
            }
            let st = self.m.get(self.dom, el);
            let len = st.text_len();
            if len < tuning::MIN_PARAGRAPH_LEN {
                continue;
            }
            ancestors.clear();
            let mut cur = el;
            while let Some(p) = self.dom.parent(cur) {
                ancestors.push(p);
                if ancestors.len() == tuning::SCORE_ANCESTOR_LEVELS {
                    break;
                }
                cur = p;
            }
            let content_score = score::paragraph_score(len, st.commas as usize);
            for (level, &anc) in ancestors.iter().enumerate() {
                let parent_is_element =
                    self.dom.parent(anc).is_some_and(|p| self.dom.is_element(p));
                if !self.dom.is_element(anc) || !parent_is_element {
                    continue;
                }
                if self.score(anc).is_none() {
                    self.initialize(anc);
                    candidates.push(anc);
                }
                let s = self.score(anc).unwrap_or(0.0);
                self.set_score(anc, s + content_score / score::ancestor_divider(level));
            }
        }

        // The best candidates, scaled by link density.
        let mut top: Vec<NodeId> = Vec::with_capacity(self.nb_top + 1);
        for &c in &candidates {
            let s = self.score(c).unwrap_or(0.0) * (1.0 - self.m.link_density(self.dom, c));
            self.set_score(c, s);
            for t in 0..self.nb_top {
                match top.get(t) {
                    Some(&other) if s <= self.score(other).unwrap_or(0.0) => {}
                    _ => {
                        top.insert(t, c);
                        top.truncate(self.nb_top);
                        break;
                    }
                }
            }
        }

        let is_body = |d: &Dom, n: NodeId| d.is_tag(n, "body") || !d.is_element(n);
        let mut needed_to_create = false;
        let mut top_candidate = match top.first() {
            Some(&t) if !self.dom.is_tag(t, "body") => t,
            _ => {
                // No candidate: the whole body, moved into a new div.
                let div = self.dom.create_element("div");
                needed_to_create = true;
                for c in self.dom.children(page) {
                    self.append(div, c);
                }
                self.append(page, div);
                self.initialize(div);
                div
            }
        };

        if !needed_to_create {
            // A common ancestor of several near-best candidates wins.
            let best = self.score(top_candidate).unwrap_or(0.0);
            let mut alternatives: Vec<Vec<NodeId>> = Vec::new();
            for &t in top.iter().skip(1) {
                if self.score(t).unwrap_or(0.0) / best >= tuning::ALTERNATIVE_CANDIDATE_RATIO {
                    alternatives.push(self.dom.ancestors(t).collect());
                }
            }
            if alternatives.len() >= tuning::MIN_ALTERNATIVE_CANDIDATES {
                let mut parent = self.dom.parent(top_candidate);
                while let Some(p) = parent {
                    if is_body(self.dom, p) {
                        break;
                    }
                    let votes = alternatives.iter().filter(|a| a.contains(&p)).count();
                    if votes >= tuning::MIN_ALTERNATIVE_CANDIDATES {
                        top_candidate = p;
                        break;
                    }
                    parent = self.dom.parent(p);
                }
            }
            if self.score(top_candidate).is_none() {
                self.initialize(top_candidate);
            }

            // Climb while the parents' scores rise.
            let mut last = self.score(top_candidate).unwrap_or(0.0);
            let threshold = last / tuning::PARENT_SCORE_DIVISOR;
            let mut parent = self.dom.parent(top_candidate);
            while let Some(p) = parent {
                if is_body(self.dom, p) {
                    break;
                }
                let Some(ps) = self.score(p) else {
                    parent = self.dom.parent(p);
                    continue;
                };
                if ps < threshold {
                    break;
                }
                if ps > last {
                    top_candidate = p;
                    break;
                }
                last = ps;
                parent = self.dom.parent(p);
            }

            // An only child gives way to its parent.
            while let Some(p) = self.dom.parent(top_candidate) {
                if is_body(self.dom, p) || self.dom.element_child_count(p) != 1 {
                    break;
                }
                top_candidate = p;
            }
            if self.score(top_candidate).is_none() {
                self.initialize(top_candidate);
            }
        }

        let source = resolve_origin(self.dom, orig_len, top_candidate);
        let parent_of_top = self.dom.parent(top_candidate);
        let dir = self.article_dir(parent_of_top, top_candidate);

        // Siblings of the top candidate that belong to the article.
        let content = self.dom.create_element("div");
        let top_score = self.score(top_candidate).unwrap_or(0.0);
        let sibling_threshold =
            tuning::SIBLING_SCORE_MIN.max(top_score * tuning::SIBLING_SCORE_RATIO);
        let siblings = match parent_of_top {
            Some(p) => self.dom.element_children(p),
            None => vec![top_candidate],
        };
        let top_class = self.dom.class_attr(top_candidate).to_string();
        for sibling in siblings {
            let append = sibling == top_candidate || {
                let bonus = if !top_class.is_empty() && self.dom.class_attr(sibling) == top_class {
                    top_score * tuning::SIBLING_CLASS_BONUS_RATIO
                } else {
                    0.0
                };
                match self.score(sibling) {
                    Some(s) if s + bonus >= sibling_threshold => true,
                    _ if self.dom.is_tag(sibling, "p") => {
                        let st = self.m.get(self.dom, sibling);
                        let density = st.link_density();
                        let len = st.text_len();
                        if len > tuning::SIBLING_P_LONG
                            && density < tuning::SIBLING_P_MAX_LINK_DENSITY
                        {
                            true
                        } else {
                            len < tuning::SIBLING_P_LONG
                                && len > 0
                                && density == 0.0
                                && ends_sentence(&self.dom.text_content(sibling))
                        }
                    }
                    _ => false,
                }
            };
            if append {
                if !patterns::ALTER_TO_DIV_EXCEPTIONS.contains(&self.dom.tag(sibling)) {
                    self.rename(sibling, "div");
                }
                self.append(content, sibling);
            }
        }

        clean::prep_article(self, content);

        if needed_to_create {
            self.dom.set_attr(top_candidate, "id", "readability-page-1");
            self.dom.set_attr(top_candidate, "class", "page");
        } else {
            let page_div = self.dom.create_element("div");
            self.dom.set_attr(page_div, "id", "readability-page-1");
            self.dom.set_attr(page_div, "class", "page");
            for c in self.dom.children(content) {
                self.append(page_div, c);
            }
            self.append(content, page_div);
        }
        let text_len = self.m.text_len(self.dom, content);
        Attempt {
            content,
            text_len,
            source,
            dir,
            copies: Vec::new(),
        }
    }

    /// The text direction of the top candidate's surroundings: the first `dir`
    /// among its parent, itself, and the parent's ancestors.
    fn article_dir(&self, parent: Option<NodeId>, top: NodeId) -> Option<String> {
        let chain = parent
            .into_iter()
            .chain(std::iter::once(top))
            .chain(parent.into_iter().flat_map(|p| self.dom.ancestors(p)));
        for n in chain {
            if let Some(d) = self.dom.attr(n, "dir") {
                if !d.is_empty() {
                    return Some(d.to_string());
                }
            }
        }
        None
    }
}

/// `/\.( |$)/` on the normalised text: a full stop followed by a space (or by a
/// run of whitespace, which normalisation makes one space) or by the end.
fn ends_sentence(text: &str) -> bool {
    let t = js_trim(text);
    let mut it = t.chars();
    while let Some(c) = it.next() {
        if c != '.' {
            continue;
        }
        let mut rest = it.clone();
        match rest.next() {
            None | Some(' ') => return true,
            Some(w) if is_js_space(w) && rest.next().is_some_and(is_js_space) => return true,
            _ => {}
        }
    }
    false
}

/// The node of the original document `id` stands for: itself if it is original,
/// else (for nodes the extractor created) its nearest original ancestor.
fn resolve_origin(dom: &Dom, orig_len: usize, mut id: NodeId) -> Option<NodeId> {
    while id >= orig_len {
        id = dom.parent(id)?;
    }
    Some(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_document;

    fn doc(html: &str) -> Dom {
        parse_document(html, &Options::default()).unwrap()
    }

    fn first(dom: &Dom, tag: &str) -> NodeId {
        dom.elements_by_tag(ROOT, &[tag])[0]
    }

    #[test]
    fn visibility() {
        let d = doc(concat!(
            r#"<div id=a hidden>x</div><div id=b style="display: none">x</div>"#,
            r#"<div id=c style="visibility:hidden !important">x</div>"#,
            r#"<div id=d aria-hidden="true">x</div>"#,
            r#"<div id=e aria-hidden="true" class="mwe-math-fallback-image-inline">x</div>"#,
            r#"<div id=f style="color: red; DISPLAY:block">x</div><div id=g aria-hidden=false>x</div>"#,
        ));
        let vis: Vec<bool> = d
            .elements_by_tag(ROOT, &["div"])
            .into_iter()
            .map(|n| is_probably_visible(&d, n))
            .collect();
        assert_eq!(vis, [false, false, false, false, true, true, true]);
    }

    #[test]
    fn phrasing_and_single_tag() {
        let d = doc("<div><a href=x><b>t</b></a><a><div>no</div></a><p>x</p>  </div>");
        let links = d.elements_by_tag(ROOT, &["a"]);
        assert!(is_phrasing(&d, links[0]));
        assert!(!is_phrasing(&d, links[1]));
        let div = first(&d, "div");
        assert!(!has_single_tag_inside(&d, div, "p"));
        let d = doc("<div>\n  <p>x</p>\n</div><div>a<p>x</p></div><div><p>x</p>tail </div>");
        let divs = d.elements_by_tag(ROOT, &["div"]);
        assert!(has_single_tag_inside(&d, divs[0], "p"));
        assert!(!has_single_tag_inside(&d, divs[1], "p"));
        // `/\S$/`: text ending in a space does not count as content.
        assert!(has_single_tag_inside(&d, divs[2], "p"));
    }

    #[test]
    fn br_runs_become_paragraphs() {
        let mut d = doc("<body><div>foo<br>bar<br> <br><br>abc<br>def</div></body>");
        let body = first(&d, "body");
        replace_brs(&mut d, body);
        let div = first(&d, "div");
        let ps = d.elements_by_tag(div, &["p"]);
        assert_eq!(ps.len(), 1);
        // The blank text between the removed `<br>`s stays, as in Readability.
        assert_eq!(d.text_content(ps[0]), " abcdef");
        assert_eq!(d.elements_by_tag(div, &["br"]).len(), 2);
    }

    fn article_html(extra_body: &str) -> String {
        let para =
            "This is a fairly long sentence of article text, with commas, that keeps going. ";
        let p = format!("<p>{}</p>", para.repeat(4));
        format!(
            "<html><head><title>A fine headline for tests</title></head><body>\
             <div class=sidebar><p>{}</p></div>\
             <div id=story>{}{}{}</div>{}</body></html>",
            para.repeat(3),
            p,
            p,
            p,
            extra_body
        )
    }

    #[test]
    fn picks_the_story_and_drops_the_sidebar() {
        let mut d = doc(&article_html(""));
        let story = d.elements_by_tag(ROOT, &["div"])[1];
        let mut meta = Metadata {
            title: "A fine headline for tests".into(),
            ..Metadata::default()
        };
        let g = grab_article(&mut d, &mut meta, &Options::default()).unwrap();
        assert_eq!(g.source, Some(story));
        assert_eq!(d.elements_by_tag(g.content, &["p"]).len(), 3);
        let page = d.elements_by_tag(g.content, &["div"])[0];
        assert_eq!(d.attr(page, "id"), Some("readability-page-1"));
        assert!(meta.excerpt.unwrap().starts_with("This is a fairly long"));
    }

    #[test]
    fn retry_ladder_keeps_the_longest_attempt() {
        // Everything is "unlikely" (a comment section): the first pass strips it
        // all, the second pass (without FLAG_STRIP_UNLIKELYS) finds it.
        let para = "Words that make a paragraph long enough to be scored, and with commas. ";
        let html = format!(
            "<body><div class=comments><p>{}</p><p>{}</p></div></body>",
            para.repeat(5),
            para.repeat(5)
        );
        let mut d = doc(&html);
        let comments = first(&d, "div");
        let mut meta = Metadata::default();
        let g = grab_article(&mut d, &mut meta, &Options::default()).unwrap();
        let text = d.text_content(g.content);
        assert!(text.len() > 600, "{}", text.len());
        // The source maps back to the original node even though the winning
        // attempt ran on a copy.
        assert_eq!(g.source, Some(comments));

        // A page too short for any attempt still returns its longest text.
        let mut d = doc("<body><div><p>Short text, but some.</p></div></body>");
        let g = grab_article(&mut d, &mut Metadata::default(), &Options::default()).unwrap();
        assert_eq!(js_trim(&d.text_content(g.content)), "Short text, but some.");
        // And an empty page gives nothing.
        let mut d = doc("<body><div> </div></body>");
        assert!(grab_article(&mut d, &mut Metadata::default(), &Options::default()).is_none());
    }

    #[test]
    fn byline_in_page() {
        let mut d = doc(&article_html(""));
        let story = d.elements_by_tag(ROOT, &["div"])[1];
        let by = d.create_element("div");
        d.set_attr(by, "class", "byline");
        let t = d.create_text("  By Jane Roe ");
        d.append_child(by, t);
        let first_p = d.first_element_child(story).unwrap();
        d.insert_before(first_p, by);
        let mut meta = Metadata::default();
        let g = grab_article(&mut d, &mut meta, &Options::default()).unwrap();
        assert_eq!(meta.byline.as_deref(), Some("By Jane Roe"));
        assert!(!d.text_content(g.content).contains("Jane"));

        // With a metadata byline the node stays in the text.
        let mut d = doc(&article_html(""));
        let story = d.elements_by_tag(ROOT, &["div"])[1];
        let by = d.create_element("p");
        d.set_attr(by, "class", "author");
        let t = d.create_text("By Jane Roe, a writer of many words and long sentences.");
        d.append_child(by, t);
        let first_p = d.first_element_child(story).unwrap();
        d.insert_before(first_p, by);
        let mut meta = Metadata {
            byline: Some("Meta Author".into()),
            ..Metadata::default()
        };
        let g = grab_article(&mut d, &mut meta, &Options::default()).unwrap();
        assert_eq!(meta.byline.as_deref(), Some("Meta Author"));
        assert!(d.text_content(g.content).contains("Jane"));
    }

    #[test]
    fn itemprop_name_narrows_the_byline() {
        let html = article_html("").replace(
            "<div id=story>",
            r#"<div id=story><div class="author">Written by <span itemprop="name">Ann Lee</span></div>"#,
        );
        let mut d = doc(&html);
        let mut meta = Metadata::default();
        grab_article(&mut d, &mut meta, &Options::default()).unwrap();
        assert_eq!(meta.byline.as_deref(), Some("Ann Lee"));
    }
}
