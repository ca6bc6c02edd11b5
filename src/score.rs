//! Node scoring for the extractor: Readability's content-score arithmetic as pure
//! functions, and [`Measure`], a per-node cache of the text measures Readability
//! recomputes from `textContent` again and again (normalised text length, link
//! text, tag counts). Cached values are exact: every mutation of the tree made by
//! the extractor invalidates the changed node's ancestors, and a query recomputes
//! only invalidated nodes, so the cost stays linear instead of quadratic.

use crate::dom::{Dom, NodeData, NodeId};
use crate::patterns::{self, is_js_space};
use crate::tuning;

// ---------------------------------------------------------------- pure scoring

/// Readability's `_getClassWeight` for a class and an id (when the
/// `FLAG_WEIGHT_CLASSES` flag is on; the caller checks the flag).
pub(crate) fn class_weight(class: &str, id: &str) -> i32 {
    let mut w = 0;
    for s in [class, id] {
        if s.is_empty() {
            continue;
        }
        if patterns::is_negative(s) {
            w -= tuning::CLASS_WEIGHT;
        }
        if patterns::is_positive(s) {
            w += tuning::CLASS_WEIGHT;
        }
    }
    w
}

/// The tag part of Readability's `_initializeNode`.
pub(crate) fn tag_score(tag: &str) -> f64 {
    match tag {
        "div" => tuning::SCORE_DIV,
        "pre" | "td" | "blockquote" => tuning::SCORE_PRE_TD_BLOCKQUOTE,
        "address" | "ol" | "ul" | "dl" | "dd" | "dt" | "li" | "form" => tuning::SCORE_LIST_FORM,
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "th" => tuning::SCORE_HEADING,
        _ => 0.0,
    }
}

/// A paragraph's own score: one point, one per comma-separated part, one per
/// hundred chars (at most three).
pub(crate) fn paragraph_score(text_len: usize, commas: usize) -> f64 {
    let length_bonus = (text_len / tuning::LENGTH_BONUS_CHARS).min(tuning::LENGTH_BONUS_MAX);
    1.0 + (commas + 1) as f64 + length_bonus as f64
}

/// Share of a paragraph's score given to its ancestor at `level` (0 = parent).
pub(crate) fn ancestor_divider(level: usize) -> f64 {
    match level {
        0 => 1.0,
        1 => 2.0,
        l => l as f64 * 3.0,
    }
}

/// Link density: weighted link text over all text (0 for no text).
pub(crate) fn link_density(link_len: f64, text_len: usize) -> f64 {
    if text_len == 0 {
        0.0
    } else {
        link_len / text_len as f64
    }
}

// ---------------------------------------------------------------- text spans

/// How a text looks to `textContent.trim().replace(/\s{2,}/g, " ")`, as a value
/// that concatenates: whether it has non-space text, whether it starts or ends
/// with whitespace, and the normalised length of its trimmed core (UTF-16 units,
/// as JavaScript counts; every inner run of whitespace counts one).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Span {
    pub core: u32,
    pub has_text: bool,
    /// Starts with whitespace (for a blank span: contains any whitespace).
    pub lead: bool,
    /// Ends with whitespace (for a blank span: contains any whitespace).
    pub trail: bool,
}

impl Span {
    /// The span of one string (the reference the cache's text scan follows).
    #[cfg(test)]
    pub fn of(s: &str) -> Span {
        let mut sp = Span::default();
        let mut in_ws = false;
        for c in s.chars() {
            if is_js_space(c) {
                if !sp.has_text {
                    sp.lead = true;
                }
                in_ws = true;
            } else {
                if sp.has_text && in_ws {
                    sp.core += 1;
                }
                sp.has_text = true;
                in_ws = false;
                sp.core += c.len_utf16() as u32;
            }
        }
        sp.trail = if sp.has_text { in_ws } else { sp.lead };
        sp
    }

    pub fn concat(self, b: Span) -> Span {
        match (self.has_text, b.has_text) {
            (false, false) => {
                let ws = self.lead || b.lead;
                Span {
                    core: 0,
                    has_text: false,
                    lead: ws,
                    trail: ws,
                }
            }
            (false, true) => Span {
                lead: self.lead || b.lead,
                ..b
            },
            (true, false) => Span {
                trail: self.trail || b.lead,
                ..self
            },
            (true, true) => Span {
                core: self.core + b.core + u32::from(self.trail || b.lead),
                has_text: true,
                lead: self.lead,
                trail: b.trail,
            },
        }
    }
}

// ---------------------------------------------------------------- node stats

/// What Readability reads off a subtree, aggregated over the node's descendants
/// (the node itself excluded, as `getElementsByTagName` excludes it).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Stats {
    pub span: Span,
    /// `textContent.length` (UTF-16 units, untrimmed).
    pub raw_len: u32,
    /// Comma variants (`REGEXPS.commas`).
    pub commas: u32,
    /// Plain commas (`_getCharCount(e, ",")`).
    pub ascii_commas: u32,
    /// Normalised text length of `<a>` descendants with a non-fragment `href`.
    pub link_full: u32,
    /// ... and of those whose `href` is a fragment (weighted [`tuning::HASH_LINK_WEIGHT`]).
    pub link_hash: u32,
    pub p: u32,
    pub img: u32,
    pub li: u32,
    pub input: u32,
    pub embed: u32,
    /// Embeds with a video-host attribute.
    pub video: u32,
    pub br_hr: u32,
    /// `DIV_TO_P_ELEMS` descendants.
    pub block: u32,
    /// Descendant tables marked as data tables.
    pub data_tables: u32,
    /// Normalised text length summed over heading descendants.
    pub heading_len: u32,
    /// ... over `TEXTISH_TAGS` descendants.
    pub textish_len: u32,
    /// ... over `ul`/`ol` descendants.
    pub list_len: u32,
}

impl Stats {
    fn of_text(s: &str) -> Stats {
        let mut st = Stats::default();
        let sp = &mut st.span;
        let mut in_ws = false;
        for c in s.chars() {
            let (ws, comma) = if c.is_ascii() {
                (
                    matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{0B}' | '\u{0C}'),
                    c == ',',
                )
            } else {
                (is_js_space(c), patterns::COMMAS.contains(&c))
            };
            let units = c.len_utf16() as u32;
            st.raw_len += units;
            if ws {
                if !sp.has_text {
                    sp.lead = true;
                }
                in_ws = true;
                continue;
            }
            if sp.has_text && in_ws {
                sp.core += 1;
            }
            sp.has_text = true;
            in_ws = false;
            sp.core += units;
            if comma {
                st.commas += 1;
                if c == ',' {
                    st.ascii_commas += 1;
                }
            }
        }
        sp.trail = if sp.has_text { in_ws } else { sp.lead };
        st
    }

    fn add(&mut self, b: &Stats) {
        self.span = self.span.concat(b.span);
        self.raw_len += b.raw_len;
        self.commas += b.commas;
        self.ascii_commas += b.ascii_commas;
        self.link_full += b.link_full;
        self.link_hash += b.link_hash;
        self.p += b.p;
        self.img += b.img;
        self.li += b.li;
        self.input += b.input;
        self.embed += b.embed;
        self.video += b.video;
        self.br_hr += b.br_hr;
        self.block += b.block;
        self.data_tables += b.data_tables;
        self.heading_len += b.heading_len;
        self.textish_len += b.textish_len;
        self.list_len += b.list_len;
    }

    /// Normalised inner-text length (`_getInnerText(e).length`).
    pub fn text_len(&self) -> usize {
        self.span.core as usize
    }

    /// Weighted link text length (`_getLinkDensity`'s numerator).
    pub fn link_len(&self) -> f64 {
        self.link_full as f64 + self.link_hash as f64 * tuning::HASH_LINK_WEIGHT
    }

    /// `_getLinkDensity`.
    pub fn link_density(&self) -> f64 {
        link_density(self.link_len(), self.text_len())
    }
}

/// The per-node cache. Index by [`NodeId`]; grows with the arena.
#[derive(Default)]
pub(crate) struct Measure {
    stats: Vec<Stats>,
    valid: Vec<bool>,
    data_table: Vec<bool>,
    stack: Vec<(NodeId, bool)>,
}

impl Measure {
    pub fn new() -> Measure {
        Measure::default()
    }

    fn ensure(&mut self, len: usize) {
        if self.stats.len() < len {
            self.stats.resize(len, Stats::default());
            self.valid.resize(len, false);
            self.data_table.resize(len, false);
        }
    }

    /// Forget everything (keeps the data-table marks).
    pub fn clear(&mut self) {
        self.valid.iter_mut().for_each(|v| *v = false);
    }

    /// Forget everything, data-table marks included.
    pub fn reset(&mut self) {
        self.clear();
        self.data_table.iter_mut().for_each(|v| *v = false);
    }

    /// Mark a table as a data table (`_readabilityDataTable`). The caller
    /// invalidates the table first when the mark changes (it changes what the
    /// table adds to its ancestors).
    pub fn set_data_table(&mut self, id: NodeId, yes: bool) {
        self.ensure(id + 1);
        self.data_table[id] = yes;
    }

    pub fn is_data_table(&self, id: NodeId) -> bool {
        self.data_table.get(id).copied().unwrap_or(false)
    }

    /// The subtree of `id` changed (child added or removed, renamed): forget
    /// `id` and its ancestors. Ancestors of an unknown node are unknown too, so
    /// the walk stops at the first one already forgotten.
    pub fn invalidate(&mut self, dom: &Dom, id: NodeId) {
        self.ensure(dom.len());
        let mut cur = Some(id);
        while let Some(n) = cur {
            if !self.valid[n] {
                break;
            }
            self.valid[n] = false;
            cur = dom.parent(n);
        }
    }

    /// Stats of `id`'s descendants.
    pub fn get(&mut self, dom: &Dom, id: NodeId) -> Stats {
        self.ensure(dom.len());
        if self.valid[id] {
            return self.stats[id];
        }
        let mut stack = std::mem::take(&mut self.stack);
        stack.clear();
        stack.push((id, false));
        while let Some((n, expanded)) = stack.pop() {
            if self.valid[n] {
                continue;
            }
            match dom.data(n) {
                NodeData::Text(t) => {
                    self.stats[n] = Stats::of_text(t);
                    self.valid[n] = true;
                }
                NodeData::Comment(_) => {
                    self.stats[n] = Stats::default();
                    self.valid[n] = true;
                }
                NodeData::Element(_) | NodeData::Document if expanded => {
                    let mut acc = Stats::default();
                    let mut c = dom.first_child(n);
                    while let Some(ch) = c {
                        let cs = self.contribution(dom, ch);
                        acc.add(&cs);
                        c = dom.next_sibling(ch);
                    }
                    self.stats[n] = acc;
                    self.valid[n] = true;
                }
                NodeData::Element(_) | NodeData::Document => {
                    stack.push((n, true));
                    let mut c = dom.first_child(n);
                    while let Some(ch) = c {
                        if !self.valid[ch] {
                            stack.push((ch, false));
                        }
                        c = dom.next_sibling(ch);
                    }
                }
            }
        }
        self.stack = stack;
        self.stats[id]
    }

    /// What a (valid) child adds to its parent: its descendants plus itself.
    fn contribution(&self, dom: &Dom, id: NodeId) -> Stats {
        let mut s = self.stats[id];
        let Some(el) = dom.element(id) else {
            return s;
        };
        let len = s.span.core;
        let tag: &str = &el.name;
        match tag {
            "a" => {
                let hash = dom
                    .attr(id, "href")
                    .is_some_and(|h| h.starts_with('#') && h.len() > 1);
                if hash {
                    s.link_hash += len;
                } else {
                    s.link_full += len;
                }
            }
            "p" => s.p += 1,
            "img" => s.img += 1,
            "li" => s.li += 1,
            "input" => s.input += 1,
            "br" | "hr" => s.br_hr += 1,
            "table" if self.is_data_table(id) => s.data_tables += 1,
            _ => {}
        }
        if patterns::EMBED_TAGS.contains(&tag) {
            s.embed += 1;
            if el.attrs.iter().any(|a| patterns::is_video_url(&a.value)) {
                s.video += 1;
            }
        }
        if patterns::HEADING_TAGS.contains(&tag) {
            s.heading_len += len;
        }
        if patterns::TEXTISH_TAGS.contains(&tag) {
            s.textish_len += len;
        }
        if patterns::DIV_TO_P_ELEMS.contains(&tag) {
            s.block += 1;
        }
        if tag == "ul" || tag == "ol" {
            s.list_len += len;
        }
        s
    }

    /// `_getInnerText(e).length`.
    pub fn text_len(&mut self, dom: &Dom, id: NodeId) -> usize {
        self.get(dom, id).text_len()
    }

    /// `_getLinkDensity(e)`.
    pub fn link_density(&mut self, dom: &Dom, id: NodeId) -> f64 {
        self.get(dom, id).link_density()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::ROOT;

    fn norm_len(s: &str) -> u32 {
        // The reference: trim, then collapse runs of 2+ whitespace to one space.
        let t = patterns::js_trim(s);
        let mut out = 0u32;
        let mut run = 0;
        for c in t.chars() {
            if is_js_space(c) {
                run += 1;
            } else {
                if run > 0 {
                    out += 1;
                }
                run = 0;
                out += c.len_utf16() as u32;
            }
        }
        out
    }

    #[test]
    fn span_concat_matches_reference() {
        let parts = [
            "", " ", "  a", "b ", " c d  ", "\u{a0}", "e", "😀", "\n\n", "x,y，",
        ];
        for a in parts {
            for b in parts {
                for c in parts {
                    let joined = format!("{a}{b}{c}");
                    let s = Span::of(a).concat(Span::of(b)).concat(Span::of(c));
                    assert_eq!(s.core, norm_len(&joined), "{joined:?}");
                    assert_eq!(s.has_text, !patterns::js_trim(&joined).is_empty());
                    assert_eq!(Stats::of_text(&joined).span, Span::of(&joined));
                }
            }
        }
    }

    #[test]
    fn class_weights() {
        assert_eq!(class_weight("article-body", ""), 25);
        assert_eq!(class_weight("sidebar", ""), -25);
        assert_eq!(class_weight("post-comments", ""), 0); // positive and negative
        assert_eq!(class_weight("content", "main"), 50);
        assert_eq!(class_weight("x hid", ""), -25);
        assert_eq!(class_weight("hidx", ""), 0);
        assert_eq!(class_weight("", "footer"), -25);
        assert_eq!(class_weight("", ""), 0);
    }

    #[test]
    fn scores() {
        assert_eq!(tag_score("div"), 5.0);
        assert_eq!(tag_score("td"), 3.0);
        assert_eq!(tag_score("li"), -3.0);
        assert_eq!(tag_score("h2"), -5.0);
        assert_eq!(tag_score("span"), 0.0);
        // 250 chars, 2 commas: 1 + 3 parts + 2.
        assert_eq!(paragraph_score(250, 2), 6.0);
        assert_eq!(paragraph_score(1000, 0), 5.0);
        assert_eq!(ancestor_divider(0), 1.0);
        assert_eq!(ancestor_divider(1), 2.0);
        assert_eq!(ancestor_divider(3), 9.0);
        assert_eq!(link_density(5.0, 0), 0.0);
        assert_eq!(link_density(5.0, 10), 0.5);
    }

    #[test]
    fn measure_tracks_mutations() {
        let mut d = Dom::new();
        let div = d.create_element("div");
        d.append_child(ROOT, div);
        let p = d.create_element("p");
        d.append_child(div, p);
        let t = d.create_text("  hello   world ");
        d.append_child(p, t);
        let a = d.create_element("a");
        d.set_attr(a, "href", "#x");
        d.append_child(div, a);
        let at = d.create_text("link");
        d.append_child(a, at);
        let mut m = Measure::new();
        let s = m.get(&d, div);
        assert_eq!(s.text_len(), "hello world link".len());
        assert_eq!(s.p, 1);
        assert_eq!(s.link_hash, 4);
        assert!((s.link_density() - 4.0 * 0.3 / 16.0).abs() < 1e-12);
        m.invalidate(&d, div);
        d.detach(p);
        let s = m.get(&d, div);
        assert_eq!(s.text_len(), 4);
        assert_eq!(s.p, 0);
        assert_eq!(m.get(&d, ROOT).text_len(), 4);
    }
}
