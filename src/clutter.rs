//! Mirror verdict and clutter blocks (issue 5).
//!
//! Works on the *pristine* tree (the page as the browser has it), so that every
//! reported block can be found again in the live DOM by its selector.
//!
//! 1. [`Page`]: per-node text statistics, text blocks, the article core (a small
//!    paragraph-density scorer of our own, so the verdict does not depend on the
//!    extractor), the title heading.
//! 2. The verdict: template fingerprints (machine-translated breadcrumb, date
//!    line, vote widget, ranking/recommendation lists, " -Brand" title suffix),
//!    scraper disclaimers, keyword-stuffed SEO paragraphs, a site-list hit, and
//!    copy evidence from attribution (another outlet's credits, staff, images,
//!    links, feed notices), minus licence credits (licensed syndication).
//! 3. On a mirror: clutter blocks. Outside the article: every sibling of the path
//!    from the article core up to `<body>` (site chrome, lists, widgets) except
//!    the title heading, lead media and blocks that read like article text.
//!    Inside: ads, injected same-site "read more" links and lists, share bars,
//!    notices, SEO paragraphs. Each block gets a kind, a reason and a selector
//!    of plain parts verified to match exactly that element.
//!
//! Entry points (see `pipeline.rs`): [`Analysis::new`] once per page (shared with
//! attribution), [`detect`], then [`remove_from`] to drop reported clutter the
//! extractor kept inside the article.

use crate::article::{Clutter, Evidence, Mirror};
use crate::attribution::{self, Claim, ClaimKind, Role};
use crate::dom::{Dom, NodeData, NodeId, ROOT};
use crate::metadata::Metadata;
use crate::options::ListHit;
use crate::outlets::registrable_domain;
use crate::patterns::{self as pat, collapse_ws};
use crate::tuning as t;
use std::collections::HashMap;
use url::Url;

// ============================================================================
// Page statistics shared with attribution
// ============================================================================

/// Per-node text statistics of a document, and the places stages keep asking
/// about (body, article core, title heading). Built once per tree, in a few
/// linear passes.
pub(crate) struct Page<'a> {
    pub dom: &'a Dom,
    pub body: Option<NodeId>,
    /// Non-whitespace visible characters in the subtree.
    pub text: Vec<u32>,
    /// … of which inside links.
    pub link: Vec<u32>,
    /// Qualifying paragraph characters in the subtree (for the core finder).
    pub para: Vec<u32>,
    /// Does the subtree (below the node) hold a block-level element?
    pub has_block: Vec<bool>,
    /// Not inside `script`, `style`, `head`…
    pub visible: Vec<bool>,
    /// Is the element a paragraph that scores for the core finder?
    scoring: Vec<bool>,
    /// Document order of every node.
    pub order: Vec<NodeId>,
    /// Position of each node in `order` (detached nodes: `usize::MAX`).
    pub rank: Vec<usize>,
    /// One past the last rank of the node's subtree.
    end: Vec<usize>,
    /// Leaf text blocks under `<body>` in document order, with their text.
    blocks: Vec<NodeId>,
    block_texts: Vec<String>,
    /// The `<title>` text, whitespace collapsed.
    pub raw_title: String,
    /// Every `<meta>`, `<link>` and `<script>` element, in document order.
    pub metas: Vec<NodeId>,
    pub links: Vec<NodeId>,
    pub scripts: Vec<NodeId>,
}

impl<'a> Page<'a> {
    pub fn new(dom: &'a Dom) -> Page<'a> {
        let n = dom.len();
        let order: Vec<NodeId> = dom.descendants(ROOT).collect();
        let mut rank = vec![usize::MAX; n];
        for (i, &id) in order.iter().enumerate() {
            rank[id] = i;
        }
        let (mut metas, mut links, mut scripts) = (Vec::new(), Vec::new(), Vec::new());
        let mut body = None;
        let mut title = None;
        for &id in &order {
            match dom.tag(id) {
                "meta" => metas.push(id),
                "link" => links.push(id),
                "script" => scripts.push(id),
                "title" if title.is_none() => title = Some(id),
                "body"
                    if body.is_none() && dom.parent(id).is_some_and(|p| dom.is_tag(p, "html")) =>
                {
                    body = Some(id)
                }
                _ => {}
            }
        }
        // Top-down: visibility, link context, unlikely regions.
        let mut visible = vec![false; n];
        let mut in_link = vec![false; n];
        let mut unlikely = vec![false; n];
        let mut is_block = vec![false; n];
        for &id in &order {
            let (pv, pl, pu) = match dom.parent(id) {
                Some(p) => (visible[p], in_link[p], unlikely[p]),
                None => (true, false, false),
            };
            if !dom.is_element(id) {
                // Text and comments: what their element is.
                (visible[id], in_link[id], unlikely[id]) = (pv, pl, pu);
                continue;
            }
            let tag = dom.tag(id);
            visible[id] = pv && !pat::INVISIBLE_TAGS.contains(&tag);
            in_link[id] = pl || tag == "a";
            is_block[id] = pat::is_block_tag(tag);
            unlikely[id] = pu || (tag != "body" && tag != "html" && unlikely_here(dom, id));
        }
        // Bottom-up: text, link text, block descendants, subtree ends.
        let mut text = vec![0u32; n];
        let mut link = vec![0u32; n];
        let mut has_block = vec![false; n];
        let mut end = vec![0usize; n];
        for &id in order.iter().rev() {
            if let NodeData::Text(s) = dom.data(id) {
                if visible[id] {
                    let c = s.chars().filter(|c| !c.is_whitespace()).count() as u32;
                    text[id] = c;
                    if in_link[id] {
                        link[id] = c;
                    }
                }
            }
            end[id] = end[id].max(rank[id] + 1);
            if let Some(p) = dom.parent(id) {
                text[p] = text[p].saturating_add(text[id]);
                link[p] = link[p].saturating_add(link[id]);
                end[p] = end[p].max(end[id]);
                if has_block[id] || (is_block[id] && visible[id]) {
                    has_block[p] = true;
                }
            }
        }
        let raw_title = title
            .map(|t| collapse_ws(&dom.text_content(t)))
            .unwrap_or_default();
        let mut page = Page {
            dom,
            body,
            text,
            link,
            para: Vec::new(),
            has_block,
            visible,
            scoring: Vec::new(),
            order,
            rank,
            end,
            blocks: Vec::new(),
            block_texts: Vec::new(),
            raw_title,
            metas,
            links,
            scripts,
        };
        page.scoring = (0..n)
            .map(|id| page.is_scoring_paragraph(id, unlikely[id]))
            .collect();
        page.para = page.paragraph_chars();
        if let Some(b) = body {
            let (from, to) = (page.rank[b], page.end[b]);
            let blocks: Vec<NodeId> = page.order[from..to]
                .iter()
                .copied()
                .filter(|&x| {
                    dom.is_element(x)
                        && page.visible[x]
                        && page.text[x] > 0
                        && (is_block[x] || x == b)
                        && !page.has_block[x]
                })
                .collect();
            page.block_texts = blocks.iter().map(|&x| page.text_of(x)).collect();
            page.blocks = blocks;
        }
        page
    }

    /// Link density of a node's text (0 for no text).
    pub fn link_density(&self, id: NodeId) -> f64 {
        let tc = self.text[id];
        if tc == 0 {
            0.0
        } else {
            f64::from(self.link[id]) / f64::from(tc)
        }
    }

    /// Visible text of a node, whitespace collapsed (spaces between text nodes
    /// are kept as the page has them).
    pub fn text_of(&self, id: NodeId) -> String {
        let mut s = pat::Collapser::default();
        for n in self.dom.descendants(id) {
            if !self.visible[n] {
                continue;
            }
            if let NodeData::Text(t) = self.dom.data(n) {
                s.push(t);
            } else if self.dom.is_tag(n, "br") || pat::is_block_tag(self.dom.tag(n)) {
                s.push(" ");
            }
        }
        s.out
    }

    /// Visible text as `textContent` sees it (no separators added), collapsed:
    /// the measure of `text_chars`.
    pub fn plain_text_chars(&self, id: NodeId) -> usize {
        let mut s = String::new();
        for n in self.dom.descendants(id) {
            if !self.visible[n] {
                continue;
            }
            if let NodeData::Text(t) = self.dom.data(n) {
                s.push_str(t);
            }
        }
        collapse_ws(&s).chars().count()
    }

    /// Leaf text blocks (block elements holding text and no other block) of a
    /// subtree under `<body>`, in document order.
    pub fn leaf_blocks(&self, root: NodeId) -> &[NodeId] {
        if root >= self.rank.len() || self.rank[root] == usize::MAX {
            return &[];
        }
        let (from, to) = (self.rank[root], self.end[root]);
        let a = self.blocks.partition_point(|&b| self.rank[b] < from);
        let z = self.blocks.partition_point(|&b| self.rank[b] < to);
        &self.blocks[a..z.max(a)]
    }

    /// The text of a leaf block (computed once), or of any element.
    pub fn block_text(&self, id: NodeId) -> std::borrow::Cow<'_, str> {
        let r = self.rank.get(id).copied().unwrap_or(usize::MAX);
        match self.blocks.binary_search_by_key(&r, |&b| self.rank[b]) {
            Ok(i) => std::borrow::Cow::Borrowed(self.block_texts[i].as_str()),
            Err(_) => std::borrow::Cow::Owned(self.text_of(id)),
        }
    }

    /// Is the element a paragraph that scores for the core finder?
    fn scoring_paragraph(&self, id: NodeId) -> bool {
        self.scoring.get(id).copied().unwrap_or(false)
    }

    fn is_scoring_paragraph(&self, id: NodeId, unlikely: bool) -> bool {
        let dom = self.dom;
        if unlikely || !dom.is_element(id) || !self.visible[id] || self.has_block[id] {
            return false;
        }
        let tag_ok = dom.is_one_of(id, pat::PARAGRAPH_TAGS)
            || dom.is_one_of(id, &["div", "section", "span", "article"]);
        tag_ok
            && (self.text[id] as usize) >= t::CORE_MIN_PARAGRAPH_CHARS
            && self.link_density(id) < t::CORE_MAX_LINK_DENSITY
    }

    fn paragraph_chars(&self) -> Vec<u32> {
        let mut para = vec![0u32; self.dom.len()];
        for &id in self.order.iter().rev() {
            if self.scoring_paragraph(id) {
                // capped: one long code listing must not outweigh the prose
                para[id] = para[id].saturating_add(self.text[id].min(t::CORE_PARAGRAPH_CAP));
            }
            if let Some(p) = self.dom.parent(id) {
                para[p] = para[p].saturating_add(para[id]);
            }
        }
        para
    }

    /// The element holding the article's paragraphs: Readability-style scores
    /// (paragraph → parent, grandparent, great-grandparent), best score scaled by
    /// link density; then widened while the parent holds clearly more of the
    /// paragraph text (articles split over sibling containers).
    pub fn article_core(&self) -> Option<NodeId> {
        let dom = self.dom;
        let body = self.body?;
        let mut score: HashMap<NodeId, f64> = HashMap::new();
        for &id in &self.order {
            if !self.scoring_paragraph(id) {
                continue;
            }
            let s = 1.0 + self.text_commas(id) as f64 + (f64::from(self.text[id]) / 100.0).min(3.0);
            for (level, a) in dom.ancestors(id).enumerate() {
                if a == body || level > 2 {
                    break;
                }
                let div = match level {
                    0 => 1.0,
                    1 => 2.0,
                    _ => 6.0,
                };
                *score.entry(a).or_insert(0.0) += s / div;
            }
        }
        let mut best: Option<(NodeId, f64)> = None;
        for (&id, &s) in &score {
            let v = s * (1.0 - self.link_density(id));
            let better = match best {
                None => true,
                Some((b, bv)) => v > bv || (v == bv && id < b),
            };
            if better {
                best = Some((id, v));
            }
        }
        let mut core = best?.0;
        while let Some(p) = dom.parent(core) {
            if p == body || !dom.is_element(p) {
                break;
            }
            // Widen when the parent holds clearly more paragraph text, or when
            // paragraphs sit right beside the core (article split around a quote
            // or a figure).
            let beside = dom
                .element_children(p)
                .into_iter()
                .filter(|&c| {
                    c != core
                        && dom.is_tag(c, "p")
                        && self.scoring_paragraph(c)
                        && self.text[c] as usize > t::SIBLING_PARAGRAPH_CHARS
                })
                .count();
            let more_text =
                f64::from(self.para[core]) < t::CORE_WIDEN_SHARE * f64::from(self.para[p]);
            if (more_text || beside >= t::CORE_WIDEN_SIBLINGS)
                && self.link_density(p) < t::CORE_WIDEN_MAX_LINK_DENSITY
            {
                core = p;
            } else {
                break;
            }
        }
        Some(core)
    }

    fn text_commas(&self, id: NodeId) -> usize {
        let mut n = 0;
        for d in self.dom.descendants(id) {
            if let Some(s) = self.dom.text(d) {
                n += s.chars().filter(|&c| c == ',' || c == '，').count();
            }
        }
        n
    }

    /// The heading that carries the article's title: an `h1`/`h2` whose text is
    /// the page title's headline, else the last `h1` before the core.
    pub fn title_heading(&self, core: Option<NodeId>) -> Option<NodeId> {
        let dom = self.dom;
        let body = self.body?;
        let headline = norm_words(&title_parts(&self.raw_title).0);
        let heads = dom.elements_by_tag(body, &["h1", "h2"]);
        for &h in &heads {
            let words = norm_words(&self.text_of(h));
            if !words.is_empty() && (words == headline || similar_words(&words, &headline) >= 0.8) {
                return Some(h);
            }
        }
        let core = core?;
        heads.into_iter().rfind(|&h| {
            dom.is_tag(h, "h1") && self.rank[h] < self.rank[core] && !dom.is_ancestor(h, core)
        })
    }
}

/// Is this element itself (not its ancestors) a region that is never the
/// article: `nav`/`aside`/`footer`/`header`/`form`, or class/id words saying so?
fn unlikely_here(dom: &Dom, id: NodeId) -> bool {
    if dom.is_one_of(id, &["nav", "aside", "footer", "header", "form"]) {
        return true;
    }
    let (class, idv) = (dom.class_attr(id), dom.id_attr(id));
    if class.is_empty() && idv.is_empty() {
        return false;
    }
    let mut unlikely = false;
    let likely = dom.any_class_word(id, |w| {
        unlikely = unlikely || pat::UNLIKELY_WORDS.contains(&w);
        pat::LIKELY_WORDS.contains(&w)
    });
    unlikely && !likely
}

/// Lower-case alphanumeric words.
pub(crate) fn norm_words(s: &str) -> Vec<String> {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// Share of `a`'s words found in `b` (0 when `a` is empty).
pub(crate) fn similar_words(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() {
        return 0.0;
    }
    let hits = a.iter().filter(|w| b.contains(w)).count();
    hits as f64 / a.len().max(b.len()) as f64
}

/// Split a page title into (headline, brand suffix, separator): "Story - Latest
/// News | Brand" → ("Story - Latest News", "Brand", " | ").
pub(crate) fn title_parts(title: &str) -> (String, Option<String>, Option<&'static str>) {
    const SEPS: &[&str] = &[
        " | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » ", " -",
    ];
    let mut best: Option<(usize, &'static str)> = None;
    for &sep in SEPS {
        if let Some(i) = title.rfind(sep) {
            if sep == " -" && title[i + sep.len()..].starts_with(' ') {
                continue;
            }
            if best.is_none_or(|(b, _)| i > b) {
                best = Some((i, sep));
            }
        }
    }
    if let Some((i, sep)) = best {
        let head = title[..i].trim();
        let tail = title[i + sep.len()..].trim();
        let words = tail.split_whitespace().count();
        if !head.is_empty()
            && !tail.is_empty()
            && words <= 6
            && tail.chars().count() <= 40
            && tail.len() < head.len()
        {
            return (head.to_string(), Some(tail.to_string()), Some(sep));
        }
    }
    (title.trim().to_string(), None, None)
}

/// Cut a text to `max` chars (on a char boundary), adding "…" when cut.
pub(crate) fn excerpt(s: &str, max: usize) -> String {
    let s = collapse_ws(s);
    if s.chars().count() <= max {
        return s;
    }
    let mut out: String = s.chars().take(max).collect();
    out.push('…');
    out
}

/// Does a lower-cased text look like it holds a date ("2025-04-11", "April 3,
/// 2024", "12/03/2024")?
pub(crate) fn looks_like_date(lower: &str) -> bool {
    const MONTHS: &[&str] = &[
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    let b = lower.as_bytes();
    let has_year = b.windows(4).enumerate().any(|(i, w)| {
        w.iter().all(u8::is_ascii_digit)
            && (w[0] == b'1' && w[1] == b'9' || w[0] == b'2' && w[1] == b'0')
            && (i == 0 || !b[i - 1].is_ascii_digit())
            && b.get(i + 4).is_none_or(|c| !c.is_ascii_digit())
    });
    if !has_year {
        return false;
    }
    lower.contains('-')
        || lower.contains('/')
        || lower.contains(':')
        || lower.contains('.')
        || MONTHS.iter().any(|m| pat::find_str(lower, m).is_some())
}

/// `Date:2025-04-11 08:25:21`: a label, then a numeric date with a time.
fn is_mt_date_line(lower: &str) -> bool {
    if lower.chars().count() > t::META_LINE_MAX_CHARS {
        return false;
    }
    pat::MT_DATE_LABELS.iter().any(|label| {
        let mut from = 0;
        while let Some(k) = pat::find_str(&lower[from..], label).map(|k| k + from) {
            from = k + label.len();
            let left_ok = lower[..k]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            if left_ok && starts_with_timestamp(lower[from..].trim_start()) {
                return true;
            }
        }
        false
    })
}

/// `YYYY-MM-DD HH:MM` (also `/` or `.` between the date parts).
fn starts_with_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|x| x.iter().all(u8::is_ascii_digit));
    let sep = |i: usize| matches!(b.get(i), Some(b'-' | b'/' | b'.'));
    digits(0..4)
        && sep(4)
        && digits(5..7)
        && sep(7)
        && digits(8..10)
        && b.get(10) == Some(&b' ')
        && digits(11..13)
        && b.get(13) == Some(&b':')
        && digits(14..16)
}

/// A vote widget: short text made only of "label (N)" parts whose label is a
/// vote word: "veryGood! (58)", "Like (12) Dislike (3)", "顶(3)".
fn is_vote_text(text: &str) -> bool {
    if text.chars().count() > t::SHORT_LABEL_MAX_CHARS {
        return false;
    }
    let lower = text.to_ascii_lowercase();
    let mut rest = lower.as_str();
    let mut parts = 0;
    while let Some(open) = rest.find('(') {
        let Some(close) = rest[open..].find(')').map(|c| c + open) else {
            return false;
        };
        let num = rest[open + 1..close].trim();
        if num.is_empty() || !num.chars().all(|c| c.is_ascii_digit()) {
            return false;
        }
        let label: String = rest[..open]
            .chars()
            .filter(|c| c.is_alphanumeric())
            .collect();
        if !pat::VOTE_WORDS
            .iter()
            .any(|w| label == *w || label.ends_with(w))
        {
            return false;
        }
        parts += 1;
        rest = &rest[close + 1..];
    }
    parts > 0 && rest.chars().all(|c| !c.is_alphanumeric())
}

// ============================================================================
// The verdict
// ============================================================================

#[derive(Default)]
struct Verdict {
    evidence: Vec<Evidence>,
    /// Evidence that alone makes a mirror (list hit, feed notice).
    strong: f64,
    /// Template and scraper evidence.
    template: f64,
    /// Copy evidence (another outlet's traces).
    copy: f64,
    /// Licence credits (negative).
    licence: f64,
    finance_fingerprints: usize,
    content_farm: bool,
    feed: bool,
    qa: bool,
    listed: bool,
}

enum Group {
    Strong,
    Template,
    Copy,
    Licence,
}

impl Verdict {
    fn add(&mut self, group: Group, kind: &str, w: f64, text: &str, points_to: Option<String>) {
        match group {
            Group::Strong => self.strong += w,
            Group::Template => self.template += w,
            Group::Copy => self.copy += w,
            Group::Licence => self.licence += w,
        }
        self.evidence.push(Evidence {
            kind: kind.to_string(),
            text: excerpt(text, t::EVIDENCE_TEXT_CHARS),
            points_to,
        });
    }

    fn total(&self) -> f64 {
        self.strong + self.template + self.copy + self.licence
    }

    fn is_mirror(&self) -> bool {
        if self.strong >= t::MIRROR_THRESHOLD {
            return true;
        }
        let template_alone = self.template + self.licence.min(0.0) >= t::MIRROR_THRESHOLD;
        // Copy traces alone (no template trait at all) must be stronger: a
        // syndication partner shows the original's images, links and datelines
        // too.
        let needed = if self.template < t::MIN_TEMPLATE_EVIDENCE {
            t::COPY_ONLY_THRESHOLD
        } else {
            t::MIRROR_THRESHOLD
        };
        let combined = self.copy >= t::MIN_COPY_EVIDENCE && self.total() >= needed;
        template_alone || combined
    }

    fn family(&self) -> Option<String> {
        let f = if self.finance_fingerprints >= 2 {
            "finance-mirror-network"
        } else if self.feed {
            "wordpress-autoblog"
        } else if self.qa {
            "qa-clone"
        } else if self.content_farm {
            "content-farm"
        } else if self.listed {
            "listed"
        } else if self.copy >= t::MIN_COPY_EVIDENCE {
            "scraped-copy"
        } else {
            return None;
        };
        Some(f.to_string())
    }
}

/// Context every pass shares.
struct Ctx<'p, 'a> {
    page: &'p Page<'a>,
    body: NodeId,
    core: NodeId,
    /// The extractor's element, when it named a real one (not `body`).
    source: Option<NodeId>,
    title_heading: Option<NodeId>,
    /// The page's registrable domain (page URL, else canonical).
    site_domain: Option<String>,
    /// Names the site goes by (title suffix, site name), lower case.
    brands: Vec<String>,
    /// Meta-keyword and title phrases, lower case, for SEO-stuffing checks
    /// (`true`: from meta keywords).
    phrases: Vec<(String, bool)>,
    /// Nodes of republication notices and source credits found by attribution.
    notices: Vec<(NodeId, &'static str)>,
    /// Non-whitespace chars of the article core.
    article_chars: u32,
    /// The article zone (see [`attribution::article_zone`]).
    zone: NodeId,
}

/// Decide whether the page is a mirror and, if so, list its clutter blocks.
/// What both stages read from the pristine tree, computed once per page: text
/// statistics, the article core, the site's identity and attribution's claims.
pub(crate) struct Analysis<'a> {
    pub page: Page<'a>,
    /// The article core (`None` without a `<body>`).
    pub core: Option<NodeId>,
    /// The extractor's element, when it named a real one (not `body`).
    pub source: Option<NodeId>,
    pub page_url: Option<Url>,
    pub scan: attribution::Scan,
}

impl<'a> Analysis<'a> {
    /// Analyse the pristine tree; `article_source` is the extractor's element
    /// (used to protect the article, never required).
    pub fn new(
        dom: &'a Dom,
        article_source: Option<NodeId>,
        page_url: Option<&Url>,
        meta: &Metadata,
    ) -> Analysis<'a> {
        let page = Page::new(dom);
        let source = article_source.filter(|&s| {
            s < dom.len() && dom.is_element(s) && !dom.is_one_of(s, &["html", "body"])
        });
        let core = page
            .body
            .map(|body| page.article_core().or(source).unwrap_or(body));
        let scan = match core {
            Some(c) => attribution::scan(&page, c, page_url, meta),
            None => attribution::Scan::default(),
        };
        Analysis {
            page,
            core,
            source,
            page_url: page_url.cloned(),
            scan,
        }
    }
}

/// Decide whether the page is a mirror and, if so, list its clutter blocks.
pub(crate) fn detect(a: &Analysis, listed: Option<&ListHit>) -> (Mirror, Vec<Clutter>) {
    let page = &a.page;
    let (Some(body), Some(core)) = (page.body, a.core) else {
        return (Mirror::default(), Vec::new());
    };
    let source = a.source;
    let scan = &a.scan;
    let page_url = a.page_url.as_ref();
    let title_heading = page.title_heading(Some(core));
    let (_, brand, sep) = title_parts(&page.raw_title);
    let mut brands: Vec<String> = Vec::new();
    for b in brand.iter().chain(scan.site.names.iter()) {
        let l = b.to_ascii_lowercase();
        if l.chars().count() >= 3 && !brands.contains(&l) {
            brands.push(l);
        }
    }
    let ctx = Ctx {
        page,
        body,
        core,
        source,
        title_heading,
        site_domain: scan.site.domain.clone(),
        brands,
        phrases: seo_phrases(page),
        notices: scan
            .claims
            .iter()
            .filter_map(|c| match (c.node, c.kind) {
                (
                    Some(n),
                    ClaimKind::AppearedFirstOn
                    | ClaimKind::Originally
                    | ClaimKind::SourceCredit
                    | ClaimKind::Via,
                ) => Some((n, c.kind.name())),
                _ => None,
            })
            .collect(),
        article_chars: page.text[core].max(source.map_or(0, |s| page.text[s])),
        zone: attribution::article_zone(page, core, title_heading),
    };

    let mut v = Verdict::default();
    if let Some(hit) = listed {
        if hit.kind == "mirror" || hit.kind == "clone" {
            v.listed = true;
            let text = format!("{} (list {}, {})", hit.rule, hit.list, hit.kind);
            v.add(Group::Strong, "list_hit", t::W_LIST_HIT, &text, None);
        }
    }
    if sep == Some(" -") {
        let b = brand.clone().unwrap_or_default();
        v.add(
            Group::Template,
            "title_brand_suffix",
            t::W_TITLE_BRAND_SUFFIX,
            &format!("title ends in \" -{b}\""),
            None,
        );
    }
    fingerprints(&ctx, &mut v);
    qa_clone(&ctx, page_url, &scan.site, &mut v);
    copy_evidence(&scan.claims, &scan.site, &ctx, &mut v);
    for (text, who) in &scan.licences {
        if v.licence > t::W_LICENCE {
            v.add(
                Group::Licence,
                "licence_credit",
                t::W_LICENCE,
                text,
                who.clone(),
            );
        }
    }

    let is_mirror = v.is_mirror();
    let total = v.total().max(0.0);
    let confidence = if is_mirror {
        (0.5 + total / (4.0 * t::MIRROR_THRESHOLD)).min(0.99)
    } else {
        (total / (2.0 * t::MIRROR_THRESHOLD)).min(0.49)
    };
    let mirror = Mirror {
        is_mirror,
        confidence: (confidence * 100.0).round() / 100.0,
        family: if is_mirror { v.family() } else { None },
        evidence: v.evidence,
    };
    if !is_mirror {
        return (mirror, Vec::new());
    }
    let clutter = find_clutter(&ctx);
    (mirror, clutter)
}

/// Template fingerprints and scraper texts anywhere in the body.
fn fingerprints(ctx: &Ctx, v: &mut Verdict) {
    let page = ctx.page;
    let dom = page.dom;
    let (mut breadcrumb, mut date, mut vote, mut disclaimer, mut seo) =
        (false, false, false, false, false);
    let (mut ranking, mut recommend) = (false, false);
    for &b in page.leaf_blocks(ctx.body) {
        let inside_core = b == ctx.core || dom.is_ancestor(ctx.core, b);
        let tc = page.text[b] as usize;
        if tc > t::DISCLAIMER_MAX_CHARS * 2 {
            continue;
        }
        let text = page.block_text(b);
        let text = text.as_ref();
        let lower = text.to_ascii_lowercase();
        if !inside_core && !breadcrumb && is_mt_breadcrumb(&lower) {
            breadcrumb = true;
            v.finance_fingerprints += 1;
            v.add(
                Group::Template,
                "machine_translated_breadcrumb",
                t::W_MT_BREADCRUMB,
                text,
                None,
            );
        }
        if !inside_core && !date && is_mt_date_line(&lower) {
            date = true;
            v.finance_fingerprints += 1;
            v.add(
                Group::Template,
                "template_date_line",
                t::W_MT_DATE_LINE,
                text,
                None,
            );
        }
        if !inside_core && !vote && is_vote_text(text) {
            vote = true;
            v.finance_fingerprints += 1;
            v.add(Group::Template, "vote_widget", t::W_VOTE_WIDGET, text, None);
        }
        if !disclaimer && is_scraper_disclaimer(&lower) {
            disclaimer = true;
            v.content_farm = true;
            v.add(
                Group::Template,
                "scraper_disclaimer",
                t::W_SCRAPER_DISCLAIMER,
                text,
                None,
            );
        }
        if !seo && in_zone(ctx, b) {
            if let Some(from_keywords) = seo_stuffing(ctx, text) {
                seo = from_keywords; // a title-phrase hit may still be topped by a keyword hit
                v.content_farm |= from_keywords;
                let (kind, w) = if from_keywords {
                    ("seo_keyword_stuffing", t::W_SEO_STUFFING)
                } else {
                    ("seo_title_phrase_repeated", t::W_SEO_TITLE_REPEAT)
                };
                if from_keywords
                    || !v
                        .evidence
                        .iter()
                        .any(|e| e.kind == "seo_title_phrase_repeated")
                {
                    v.add(Group::Template, kind, w, text, None);
                }
            }
        }
        if !inside_core && dom.is_one_of(b, pat::HEADING_TAGS) {
            let l = lower.trim_matches(|c: char| !c.is_alphanumeric());
            ranking |= pat::MT_RANKING_HEADINGS.contains(&l);
            recommend |= pat::MT_RECOMMEND_HEADINGS.contains(&l);
        }
    }
    if ranking && recommend {
        v.finance_fingerprints += 1;
        v.add(
            Group::Template,
            "ranking_and_recommendation_lists",
            t::W_MT_LIST_PAIR,
            "\"Ranking\" and \"Recommendation\" link lists",
            None,
        );
    }
}

/// Q&A and code clones: a link to a question or issue on a user-content
/// platform the page copies (with a CC BY-SA notice as the usual companion).
fn qa_clone(ctx: &Ctx, page_url: Option<&Url>, site: &attribution::Site, v: &mut Verdict) {
    let page = ctx.page;
    let dom = page.dom;
    let is_platform = |w: &crate::outlets::Ident| w.kind() == crate::outlets::Kind::Platform;
    if site.idents.iter().any(is_platform) {
        return; // platforms link their own questions across their network
    }
    let mut found: Option<(String, Option<String>)> = None;
    for a in dom.elements_by_tag(ctx.zone, &["a"]) {
        let Some(href) = dom.attr(a, "href") else {
            continue;
        };
        let Ok(u) = crate::idn::resolve(page_url, href.trim()) else {
            continue;
        };
        let Some(host) = u.host_str() else { continue };
        let path = u.path();
        let qa_path = pat::QA_PATHS.iter().any(|p| path.starts_with(p))
            || (path.contains("/issues/") || path.contains("/discussions/"));
        if !qa_path {
            continue;
        }
        let platform =
            crate::outlets::outlet_for_host(host).filter(|w| is_platform(w) && !site.is_site(w));
        if let Some(w) = platform {
            found = Some((String::from(u), w.name));
            break;
        }
    }
    let Some((url, who)) = found else { return };
    v.qa = true;
    v.add(
        Group::Copy,
        "qa_clone_source_link",
        t::W_QA_CLONE_SOURCE,
        &url,
        who,
    );
    let body_text = page.text_of(ctx.body).to_ascii_lowercase();
    if let Some(l) = pat::CC_BY_SA_CUES.iter().find(|c| body_text.contains(*c)) {
        v.add(Group::Template, "cc_by_sa_notice", t::W_CC_BY_SA, l, None);
    }
}

/// Machine-translated breadcrumb: a lead-in, then "Home"-like links separated
/// by `>`/`»`/`›`.
fn is_mt_breadcrumb(lower: &str) -> bool {
    pat::starts_with_any(lower, pat::MT_BREADCRUMB_LEADINS).is_some()
        && (lower.contains('>') || lower.contains('»') || lower.contains('›'))
        && lower.chars().count() <= t::META_LINE_MAX_CHARS
}

fn is_scraper_disclaimer(lower: &str) -> bool {
    lower.chars().count() <= t::DISCLAIMER_MAX_CHARS
        && pat::contains_any_ci(lower, &pat::SCRAPER_SOURCE_CUES)
        && pat::contains_any_ci(lower, &pat::SCRAPER_TAKEDOWN_CUES)
}

/// The article zone: the core, its parent and grandparent subtrees (where
/// mirrors put SEO paragraphs, credits and notices).
fn in_zone(ctx: &Ctx, id: NodeId) -> bool {
    id == ctx.zone || ctx.page.dom.is_ancestor(ctx.zone, id)
}

/// Phrases a keyword-stuffed paragraph repeats: meta keywords (3+ words) and the
/// title's word trigrams, lower case.
fn seo_phrases(page: &Page) -> Vec<(String, bool)> {
    let (dom, raw_title) = (page.dom, page.raw_title.as_str());
    let mut out: Vec<(String, bool)> = Vec::new();
    for &m in &page.metas {
        if dom
            .attr(m, "name")
            .is_some_and(|n| n.eq_ignore_ascii_case("keywords"))
        {
            for k in dom.attr(m, "content").unwrap_or("").split([',', '，', ';']) {
                let k = collapse_ws(k).to_lowercase();
                if k.split(' ').count() >= 3 && !out.iter().any(|(p, _)| *p == k) {
                    out.push((k, true));
                }
            }
        }
    }
    let words: Vec<String> = title_parts(raw_title)
        .0
        .split_whitespace()
        .map(str::to_lowercase)
        .collect();
    for w in words.windows(3) {
        let p = w.join(" ");
        if !out.iter().any(|(q, _)| *q == p) {
            out.push((p, false));
        }
    }
    out
}

/// A short paragraph that repeats a keyword phrase (lower-cased, as SEO templates
/// write it), or promotes the site by its brand ("Bookmark Brand for more…").
fn is_seo_paragraph(ctx: &Ctx, text: &str) -> bool {
    seo_stuffing(ctx, text).is_some()
}

/// The stuffed phrase's origin: `Some(true)` for a meta keyword (the template's
/// own keyword list, strong), `Some(false)` for a title trigram (weak: prose
/// repeats its subject too).
fn seo_stuffing(ctx: &Ctx, text: &str) -> Option<bool> {
    if text.chars().count() > t::SEO_PARAGRAPH_MAX_CHARS || text.len() < 40 {
        return None;
    }
    // Matched with the case of the page: prose writes names capitalised, SEO
    // templates paste the lower-cased keyword.
    let hit = |from_keywords: bool| {
        ctx.phrases
            .iter()
            .filter(|(_, k)| *k == from_keywords)
            .any(|(p, _)| pat::word_positions(text, p).len() >= 2)
    };
    if hit(true) {
        Some(true)
    } else if hit(false) {
        Some(false)
    } else {
        None
    }
}

/// Does the paragraph promote the site itself by name?
fn is_brand_promo(ctx: &Ctx, lower: &str) -> bool {
    lower.chars().count() <= t::SEO_PARAGRAPH_MAX_CHARS
        && ctx.brands.iter().any(|b| pat::has_phrase(lower, b))
}

/// Traces of another outlet's article (from attribution's claims).
fn copy_evidence(claims: &[Claim], site: &attribution::Site, ctx: &Ctx, v: &mut Verdict) {
    let mut seen: Vec<&'static str> = Vec::new();
    for c in claims {
        if c.role != Role::Publisher || site.is_site(&c.who) {
            continue;
        }
        let who = c.who.name.clone().or_else(|| c.who.domain.clone());
        // Each kind of trace counts once; an outlet's self-references (staff,
        // datelines, signatures, bylines, photo credits, its site name) are one
        // kind.
        let key = match c.kind {
            ClaimKind::Staff
            | ClaimKind::OutletDateline
            | ClaimKind::Signature
            | ClaimKind::Byline
            | ClaimKind::ForeignSiteName
            | ClaimKind::PhotoCredit => "self_reference",
            k => k.name(),
        };
        if seen.contains(&key) {
            continue;
        }
        let (group, w) = match c.kind {
            ClaimKind::AppearedFirstOn => {
                // Only a notice about this article: its title is the page's, or it
                // sits in the article zone.
                let here = c.node.is_some_and(|n| in_zone(ctx, n)) || c.title_matches;
                if !here {
                    continue;
                }
                v.feed = true;
                (Group::Strong, t::W_FEED_NOTICE)
            }
            ClaimKind::SourceCredit if site.known() => {
                let lower = c.text.to_ascii_lowercase();
                let w = if pat::starts_with_any(&lower, pat::AUTOBLOG_SOURCE_LABELS).is_some()
                    && c.url.is_some()
                {
                    t::W_AUTOBLOG_SOURCE_LINK
                } else if c.url.is_some() && c.who.outlet.is_some() {
                    // a link to a known outlet's article (unknown sites are
                    // often just cited references)
                    t::W_SOURCE_LINK
                } else {
                    t::W_SOURCE_CREDIT
                };
                (Group::Copy, w)
            }
            ClaimKind::Originally if site.known() => (Group::Copy, t::W_ORIGINALLY),
            ClaimKind::Staff
            | ClaimKind::OutletDateline
            | ClaimKind::Signature
            | ClaimKind::Byline
            | ClaimKind::ForeignSiteName
            | ClaimKind::PhotoCredit
                if site.known() =>
            {
                (Group::Copy, t::W_OTHER_SELF_REFERENCE)
            }
            ClaimKind::ImageHost if site.known() => (Group::Copy, t::W_OTHER_IMAGE_HOST),
            ClaimKind::SharedCdn if site.known() => (Group::Copy, t::W_OTHER_SHARED_CDN),
            ClaimKind::BodyLinks
                if site.known() && c.weight >= t::A_BODY_LINK + t::A_BODY_LINK_MORE =>
            {
                (Group::Copy, t::W_OTHER_BODY_LINKS)
            }
            ClaimKind::Canonical | ClaimKind::OgUrl if site.known() => {
                (Group::Copy, t::W_OTHER_CANONICAL)
            }
            _ => continue,
        };
        seen.push(key);
        let kind = format!("other_outlet_{}", c.kind.name());
        v.add(group, &kind, w, &c.text, who);
    }
}

// ============================================================================
// Clutter blocks
// ============================================================================

struct Found {
    node: NodeId,
    kind: &'static str,
    reason: String,
}

fn find_clutter(ctx: &Ctx) -> Vec<Clutter> {
    let page = ctx.page;
    let dom = page.dom;
    let mut found: Vec<Found> = Vec::new();
    // Outside the article: siblings along the path from the core to <body>.
    let mut child = ctx.core;
    while let Some(parent) = dom.parent(child) {
        if child == ctx.body || !dom.is_element(parent) {
            break;
        }
        for sib in dom.element_children(parent) {
            if sib != child {
                outside(ctx, sib, &mut found);
            }
        }
        if parent == ctx.body {
            break;
        }
        child = parent;
    }
    // Inside the article core (and the extractor's element when it differs).
    inside(ctx, ctx.core, &mut found);
    if let Some(s) = ctx.source {
        if s != ctx.core && !dom.is_ancestor(s, ctx.core) && !dom.is_ancestor(ctx.core, s) {
            inside(ctx, s, &mut found);
        }
    }
    // Drop blocks nested in another reported block, keep document order.
    crate::sort::by_key(&mut found, |f| page.rank[f.node] as u64);
    let nodes: Vec<NodeId> = found.iter().map(|f| f.node).collect();
    let ids = Anchors::new(dom);
    let mut out = Vec::new();
    for f in found {
        if nodes
            .iter()
            .any(|&o| o != f.node && dom.is_ancestor(o, f.node))
        {
            continue;
        }
        let Some(selector) = selector_for(dom, &ids, f.node) else {
            continue;
        };
        if matches(dom, &ids, &selector) != vec![f.node] {
            continue;
        }
        out.push(Clutter {
            kind: f.kind.to_string(),
            selector,
            reason: f.reason,
            text_chars: page.plain_text_chars(f.node),
            node: f.node,
        });
    }
    out
}

/// Is the node the article's element, or one of its ancestors?
fn protected(ctx: &Ctx, id: NodeId) -> bool {
    let dom = ctx.page.dom;
    let holds = |x: NodeId| id == x || dom.is_ancestor(id, x);
    holds(ctx.core) || ctx.source.is_some_and(holds) || ctx.title_heading.is_some_and(holds)
}

/// Would hiding this block hide most of the article?
fn guarded(ctx: &Ctx, id: NodeId) -> bool {
    let p = ctx.page;
    f64::from(p.text[id]) > t::ARTICLE_GUARD_SHARE * f64::from(ctx.article_chars)
        && p.link_density(id) < 0.3
}

/// A block beside the article (outside the core).
fn outside(ctx: &Ctx, start: NodeId, found: &mut Vec<Found>) {
    let dom = ctx.page.dom;
    let mut stack = vec![start];
    while let Some(id) = stack.pop() {
        if outside_one(ctx, id, found) {
            // Holds the title heading (or the extractor's element): look inside.
            stack.extend(
                dom.element_children(id)
                    .into_iter()
                    .filter(|&c| c != ctx.core),
            );
        }
    }
}

/// Judge one block beside the article; `true` when it must be looked into
/// instead (it holds the headline or the extractor's element).
fn outside_one(ctx: &Ctx, id: NodeId, found: &mut Vec<Found>) -> bool {
    let page = ctx.page;
    let dom = page.dom;
    if !page.visible[id] || dom.is_one_of(id, pat::INVISIBLE_TAGS) {
        return false;
    }
    if protected(ctx, id) {
        return true;
    }
    if guarded(ctx, id) {
        return false;
    }
    let tc = page.text[id] as usize;
    if let Some((kind, reason)) = classify_text(ctx, id, true) {
        found.push(Found {
            node: id,
            kind,
            reason,
        });
        return false;
    }
    if in_zone(ctx, id) && only_headings(page, id) {
        return false; // kicker / subtitle headings of the article
    }
    if let Some((kind, reason)) = classify_markup(dom, id) {
        if tc > 0 || has_elements(dom, id) {
            found.push(Found {
                node: id,
                kind,
                reason,
            });
        }
        return false;
    }
    if tc == 0 {
        return false; // nothing to hide (spacers, empty wrappers, lone images)
    }
    if is_media_block(page, id) {
        return false;
    }
    if tc >= t::CONTENT_SIBLING_MIN_CHARS
        && page.link_density(id) <= t::CONTENT_SIBLING_MAX_LINK_DENSITY
    {
        return false; // reads like article text: keep
    }
    if dom.parent(id) == dom.parent(ctx.core) && is_article_paragraph(page, id) {
        return false; // Readability's sibling rule: a paragraph next to the article is article
    }
    // Between the headline and the article: the mirror's byline/date line.
    let between = ctx
        .title_heading
        .is_some_and(|h| page.rank[h] < page.rank[id])
        && page.rank[id] < page.rank[ctx.core];
    let (kind, reason) = if between && tc <= t::META_LINE_MAX_CHARS {
        let lower = page.text_of(id).to_ascii_lowercase();
        if looks_like_date(&lower) {
            (
                "date",
                "date line between the headline and the article".to_string(),
            )
        } else {
            (
                "byline",
                "byline/meta line between the headline and the article".to_string(),
            )
        }
    } else if page.link_density(id) >= t::LINK_LIST_DENSITY && short_links(page, id) {
        (
            "navigation",
            format!("menu of {} short links", count_links(dom, id)),
        )
    } else if page.link_density(id) >= t::LINK_LIST_DENSITY {
        (
            "related_list",
            format!(
                "link list beside the article ({} links)",
                count_links(dom, id)
            ),
        )
    } else {
        (
            "site_chrome",
            "part of the site template outside the article".to_string(),
        )
    };
    found.push(Found {
        node: id,
        kind,
        reason,
    });
    false
}

/// Inline clutter inside the article core.
fn inside(ctx: &Ctx, root: NodeId, found: &mut Vec<Found>) {
    let page = ctx.page;
    let dom = page.dom;
    let mut stack: Vec<NodeId> = dom.element_children(root).into_iter().rev().collect();
    while let Some(id) = stack.pop() {
        if !page.visible[id] || dom.is_one_of(id, pat::INVISIBLE_TAGS) {
            continue;
        }
        let is_protected = protected(ctx, id);
        if !is_protected && !guarded(ctx, id) {
            if let Some((kind, reason)) = classify_inline(ctx, id) {
                found.push(Found {
                    node: id,
                    kind,
                    reason,
                });
                continue;
            }
        }
        for c in dom.element_children(id).into_iter().rev() {
            stack.push(c);
        }
    }
}

/// Readability's test for a sibling paragraph of the top candidate: a `p` with
/// more than 80 chars and little link text, or a shorter one with no links that
/// reads like a sentence.
fn is_article_paragraph(page: &Page, id: NodeId) -> bool {
    if !page.dom.is_tag(id, "p") {
        return false;
    }
    let tc = page.text[id] as usize;
    let ld = page.link_density(id);
    if tc > t::SIBLING_PARAGRAPH_CHARS {
        return ld < t::CONTENT_SIBLING_MAX_LINK_DENSITY;
    }
    let text = page.text_of(id);
    ld == 0.0 && tc > 0 && (text.contains(". ") || text.ends_with('.'))
}

/// Is all of the block's text inside headings (and the block not a link list)?
fn only_headings(page: &Page, id: NodeId) -> bool {
    let dom = page.dom;
    if page.link[id] > 0 {
        return false;
    }
    let in_headings: u32 = dom
        .descendant_elements(id)
        .filter(|&d| {
            dom.is_one_of(d, pat::HEADING_TAGS)
                && !dom.ancestors(d).any(|a| {
                    a != id && dom.is_ancestor(id, a) && dom.is_one_of(a, pat::HEADING_TAGS)
                })
        })
        .map(|d| page.text[d])
        .sum();
    in_headings > 0 && in_headings == page.text[id]
}

/// Are the block's links menu-like (short texts)?
fn short_links(page: &Page, id: NodeId) -> bool {
    let links = page.dom.elements_by_tag(id, &["a"]);
    !links.is_empty()
        && links.iter().map(|&a| page.text[a] as usize).sum::<usize>()
            <= t::MENU_LINK_MAX_CHARS * links.len()
}

fn has_elements(dom: &Dom, id: NodeId) -> bool {
    dom.first_element_child(id).is_some()
}

fn count_links(dom: &Dom, id: NodeId) -> usize {
    dom.elements_by_tag(id, &["a"]).len()
}

/// Lead media beside the article: pictures with at most a caption.
fn is_media_block(page: &Page, id: NodeId) -> bool {
    let dom = page.dom;
    let has_media = dom.is_one_of(id, pat::MEDIA_TAGS)
        || dom
            .descendant_elements(id)
            .any(|d| dom.is_one_of(d, pat::MEDIA_TAGS));
    has_media
        && (page.text[id] as usize) <= t::MEDIA_BLOCK_MAX_CHARS
        && page.link_density(id) < t::LINK_LIST_DENSITY
        && count_links(dom, id) <= 1
}

/// Clutter recognisable by its text (outside or inside the article).
fn classify_text(ctx: &Ctx, id: NodeId, outside: bool) -> Option<(&'static str, String)> {
    let page = ctx.page;
    let dom = page.dom;
    let tc = page.text[id] as usize;
    if let Some((_, kind)) = ctx.notices.iter().find(|(n, _)| {
        (*n == id || dom.is_ancestor(id, *n)) && tc <= t::SOURCE_CREDIT_MAX_CHARS * 2
    }) {
        return Some(("source_notice", format!("republication notice ({kind})")));
    }
    if tc == 0 || tc > t::DISCLAIMER_MAX_CHARS * 2 {
        return None;
    }
    let text = page.text_of(id);
    let lower = text.to_ascii_lowercase();
    let ld = page.link_density(id);
    if is_scraper_disclaimer(&lower)
        || (lower.starts_with("disclaimer") && tc <= t::DISCLAIMER_MAX_CHARS)
    {
        return Some(("disclaimer", "scraper disclaimer".to_string()));
    }
    let short = tc <= t::META_LINE_MAX_CHARS;
    if outside && short && is_mt_date_line(&lower) {
        return Some((
            "date",
            format!("template date line \"{}\"", excerpt(&text, 60)),
        ));
    }
    // A short line naming the site is its byline, not a promotion.
    let promo = outside && tc >= t::SEO_PROMO_MIN_CHARS && is_brand_promo(ctx, &lower);
    if (is_seo_paragraph(ctx, &text) || promo) && ld < t::LINK_LIST_DENSITY && in_zone(ctx, id) {
        return Some((
            "seo_text",
            "keyword-stuffed or self-promoting paragraph".to_string(),
        ));
    }
    if !outside {
        return None;
    }
    if short && is_mt_breadcrumb(&lower) {
        return Some((
            "breadcrumb",
            format!("breadcrumb \"{}\"", excerpt(&text, 60)),
        ));
    }
    if short && is_breadcrumb_shape(page, id, &lower) {
        return Some((
            "breadcrumb",
            format!("breadcrumb \"{}\"", excerpt(&text, 60)),
        ));
    }
    if short && is_mt_date_line(&lower) {
        return Some((
            "date",
            format!("template date line \"{}\"", excerpt(&text, 60)),
        ));
    }
    if is_vote_text(&text) {
        return Some((
            "vote_widget",
            format!("vote widget \"{}\"", excerpt(&text, 40)),
        ));
    }
    if let Some(p) = pat::starts_with_any(&lower, pat::TAG_LIST_PREFIXES) {
        if ld >= t::LINK_LIST_DENSITY || short {
            return Some(("tag_list", format!("tag list (\"{p}\")")));
        }
    }
    if tc <= t::SHORT_LABEL_MAX_CHARS && pat::AD_LABELS.contains(&lower.trim()) {
        return Some(("ad", "advertisement label".to_string()));
    }
    if let Some(h) = heading_text(page, id) {
        let hl = h.to_ascii_lowercase();
        if let Some(p) = pat::list_heading(&hl) {
            let kind = match p {
                "share this" | "like this" => "share_bar",
                "leave a reply" | "leave a comment" | "comments" => "comments",
                "newsletter" | "subscribe" => "newsletter_prompt",
                _ => "related_list",
            };
            return Some((kind, format!("block headed \"{}\"", excerpt(&h, 40))));
        }
    }
    for (w, kind) in pat::PROMPT_WORDS {
        if tc <= 400 && pat::find_str(&lower, w).is_some() {
            return Some((kind, format!("prompt (\"{w}\")")));
        }
    }
    if tc <= 80 && ld >= 0.5 && pat::find_any(&lower, pat::SHARE_BAR_WORDS).is_some() {
        return Some(("share_bar", "share links".to_string()));
    }
    if tc <= 300
        && pat::FOOTER_WORDS
            .iter()
            .any(|w| pat::find_str(&lower, w).is_some())
        && is_last_ish(ctx, id)
    {
        return Some(("site_footer", "copyright/footer line".to_string()));
    }
    if short
        && pat::META_LINE_PREFIXES
            .iter()
            .any(|(p, _)| lower.starts_with(p))
    {
        let kind = pat::META_LINE_PREFIXES
            .iter()
            .find(|(p, _)| lower.starts_with(p))
            .map_or("byline", |(_, k)| k);
        return Some((kind, format!("meta line \"{}\"", excerpt(&text, 60))));
    }
    None
}

/// Does the block come after the article core in document order?
fn is_last_ish(ctx: &Ctx, id: NodeId) -> bool {
    ctx.page.rank[id] > ctx.page.rank[ctx.core]
}

/// "Home > News > Story", "Home » Stocks": short links split by arrows.
fn is_breadcrumb_shape(page: &Page, id: NodeId, lower: &str) -> bool {
    let links = count_links(page.dom, id);
    let seps = lower.matches(['>', '»', '›']).count();
    links >= 1 && seps >= 1 && page.link_density(id) >= 0.4 && lower.starts_with("home")
}

/// The text of the block's first heading (or a leading `strong`/`b`), if any.
fn heading_text(page: &Page, id: NodeId) -> Option<String> {
    let dom = page.dom;
    if dom.is_one_of(id, pat::HEADING_TAGS) {
        return None; // a heading on its own is not a list
    }
    let first = dom
        .descendant_elements(id)
        .find(|&d| page.visible[d] && page.text[d] > 0)?;
    let h = if dom.is_one_of(first, pat::HEADING_TAGS) {
        first
    } else {
        dom.descendant_elements(id)
            .take(6)
            .find(|&d| dom.is_one_of(d, pat::HEADING_TAGS))?
    };
    let t = page.text_of(h);
    (!t.is_empty() && t.chars().count() <= 60).then_some(t)
}

/// The first entry of [`pat::CLUTTER_CLASS_WORDS`] (in list order) matching a
/// class/id word of the element: `(word, kind)`.
fn clutter_class_word(dom: &Dom, id: NodeId) -> Option<(&'static str, &'static str)> {
    let mut first: Option<usize> = None;
    dom.any_class_word(id, |token| {
        let hit = pat::CLUTTER_CLASS_WORDS
            .iter()
            .position(|(w, _)| pat::word_matches(token, w));
        if let Some(i) = hit {
            first = Some(first.map_or(i, |f| f.min(i)));
        }
        first == Some(0)
    });
    first.map(|i| pat::CLUTTER_CLASS_WORDS[i])
}

/// Clutter recognisable by tag, ARIA role or class/id words.
fn classify_markup(dom: &Dom, id: NodeId) -> Option<(&'static str, String)> {
    let tag = dom.tag(id);
    if let Some(role) = dom.attr(id, "role") {
        let role = role.trim().to_ascii_lowercase();
        if let Some((_, kind)) = pat::CLUTTER_ROLES.iter().find(|(r, _)| *r == role) {
            return Some((kind, format!("role=\"{role}\"")));
        }
    }
    if let Some((w, kind)) = clutter_class_word(dom, id) {
        return Some((kind, format!("class/id word \"{w}\"")));
    }
    if let Some((_, kind)) = pat::CLUTTER_TAGS.iter().find(|(t, _)| *t == tag) {
        return Some((kind, format!("<{tag}> outside the article")));
    }
    None
}

/// Inline clutter inside the article: ads, injected same-site links and lists,
/// share bars, notices, SEO paragraphs, prompts.
fn classify_inline(ctx: &Ctx, id: NodeId) -> Option<(&'static str, String)> {
    let page = ctx.page;
    let dom = page.dom;
    let tc = page.text[id] as usize;
    let class_kind = clutter_class_word(dom, id);
    // Ads: ad words in class/id, or an ad label alone.
    if let Some((w, "ad")) = class_kind {
        if tc <= 200 {
            return Some((
                "ad",
                format!("ad slot in the article (class/id word \"{w}\")"),
            ));
        }
    }
    if tc <= t::SHORT_LABEL_MAX_CHARS && tc > 0 {
        let lower = page.text_of(id).to_ascii_lowercase();
        if pat::AD_LABELS.contains(&lower.trim())
            && !dom.is_one_of(id, &["p", "span", "em", "strong", "b", "i"])
        {
            return Some(("ad", "ad slot in the article (label)".to_string()));
        }
    }
    if let Some((
        w,
        kind @ ("share_bar" | "related_list" | "newsletter_prompt" | "cookie_prompt" | "comments"
        | "tag_list" | "vote_widget"),
    )) = class_kind
    {
        if page.link_density(id) >= t::LINK_LIST_DENSITY || tc <= 100 || has_form(dom, id) {
            return Some((
                kind,
                format!("{kind} in the article (class/id word \"{w}\")"),
            ));
        }
    }
    if let Some(found) = classify_text(ctx, id, false) {
        return Some(found);
    }
    if tc == 0 {
        return None;
    }
    // Same-site links injected into the body.
    if tc <= t::INLINE_LINK_BLOCK_MAX_CHARS && page.link[id] > 0 {
        let lower = page.text_of(id).to_ascii_lowercase();
        let links = dom.elements_by_tag(id, &["a"]);
        let all_same = links.iter().all(|&a| is_same_site_link(ctx, a))
            && links.iter().any(|&a| is_page_link(ctx, a));
        let ld = page.link_density(id);
        if all_same {
            if dom.is_one_of(id, &["ul", "ol"]) {
                let items = dom
                    .element_children(id)
                    .into_iter()
                    .filter(|&c| dom.is_tag(c, "li"))
                    .collect::<Vec<_>>();
                let all_links = items
                    .iter()
                    .all(|&li| page.link_density(li) >= t::LINK_BLOCK_DENSITY);
                if !items.is_empty() && items.len() <= t::INLINE_LIST_MAX_ITEMS && all_links {
                    return Some((
                        "read_more",
                        format!(
                            "list of {} link(s) to the site's own pages inside the article",
                            items.len()
                        ),
                    ));
                }
            }
            let block = pat::is_block_tag(dom.tag(id)) && !dom.is_one_of(id, &["li", "td", "th"]);
            if block {
                if let Some(p) = pat::starts_with_any(&lower, pat::READ_MORE_PREFIXES) {
                    if ld >= 0.3 {
                        return Some((
                            "read_more",
                            format!("injected \"{p}\" link to the site's own page"),
                        ));
                    }
                }
                if ld >= t::LINK_BLOCK_DENSITY && !page.has_block[id] {
                    return Some((
                        "read_more",
                        "link to the site's own page injected in the article".to_string(),
                    ));
                }
            }
        }
    }
    // A cluster of links to the site's own pages (a "more for you" grid).
    let links = dom.elements_by_tag(id, &["a"]);
    if links.len() >= t::INLINE_LINK_CLUSTER
        && page.link_density(id) >= t::LINK_LIST_DENSITY
        && !dom.is_one_of(id, &["p", "li", "td"])
        && links.iter().all(|&a| is_same_site_link(ctx, a))
        && links.iter().filter(|&&a| is_page_link(ctx, a)).count() >= t::INLINE_LINK_CLUSTER
    {
        return Some((
            "related_list",
            format!(
                "{} links to the site's own pages inside the article",
                links.len()
            ),
        ));
    }
    // The mirror's byline/date line inside the article container.
    if let Some((w, kind @ ("byline" | "date"))) = class_kind {
        if tc <= t::META_LINE_MAX_CHARS
            && pat::is_block_tag(dom.tag(id))
            && page.block_text(id).matches(". ").count() < 2
        {
            return Some((
                kind,
                format!("{kind} line in the article (class/id word \"{w}\")"),
            ));
        }
    }
    // A link list headed like a related box, all links on the site itself.
    if let Some(h) = heading_text(page, id) {
        let hl = h.to_ascii_lowercase();
        if pat::list_heading(&hl).is_some()
            && page.link_density(id) >= t::LINK_LIST_DENSITY
            && dom
                .elements_by_tag(id, &["a"])
                .iter()
                .all(|&a| is_same_site_link(ctx, a))
        {
            return Some((
                "related_list",
                format!("block headed \"{}\" inside the article", excerpt(&h, 40)),
            ));
        }
    }
    None
}

fn has_form(dom: &Dom, id: NodeId) -> bool {
    dom.is_one_of(id, &["form", "input", "button"])
        || dom
            .descendant_elements(id)
            .any(|d| dom.is_one_of(d, &["form", "input", "button"]))
}

/// Does the link lead to another page (not an in-page anchor or a script)?
fn is_page_link(ctx: &Ctx, a: NodeId) -> bool {
    ctx.page.dom.attr(a, "href").is_some_and(|h| {
        let h = h.trim().to_ascii_lowercase();
        !h.is_empty() && !h.starts_with('#') && !h.starts_with("javascript:")
    })
}

/// Does the link point to the page's own site (relative, or on its registrable
/// domain)? `javascript:` and fragment links count as the site's own.
fn is_same_site_link(ctx: &Ctx, a: NodeId) -> bool {
    let Some(href) = ctx.page.dom.attr(a, "href").map(str::trim) else {
        return true;
    };
    if href.is_empty() || href.starts_with('#') {
        return true;
    }
    let lower = href.to_ascii_lowercase();
    if lower.starts_with("javascript:") {
        return true;
    }
    let absolute =
        lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("//");
    if !absolute {
        return !lower.contains(':'); // relative path; mailto:/tel: are not pages
    }
    let full = if lower.starts_with("//") {
        format!("https:{href}")
    } else {
        href.to_string()
    };
    match (
        crate::idn::parse(&full)
            .ok()
            .and_then(|u| u.host_str().map(registrable_domain)),
        &ctx.site_domain,
    ) {
        (Some(h), Some(site)) => &h == site,
        _ => false,
    }
}

// ============================================================================
// Selectors
// ============================================================================

/// Elements by `id`, and the `<body>` elements: the anchors of our selectors.
struct Anchors {
    by_id: HashMap<String, Vec<NodeId>>,
    bodies: Vec<NodeId>,
}

impl Anchors {
    fn new(dom: &Dom) -> Anchors {
        let mut by_id: HashMap<String, Vec<NodeId>> = HashMap::new();
        let mut bodies = Vec::new();
        for n in dom.descendant_elements(ROOT) {
            if let Some(i) = dom.attr(n, "id") {
                by_id.entry(i.to_string()).or_default().push(n);
            }
            if dom.is_tag(n, "body") {
                bodies.push(n);
            }
        }
        Anchors { by_id, bodies }
    }

    fn id_count(&self, id: &str) -> usize {
        self.by_id.get(id).map_or(0, Vec::len)
    }
}

/// A CSS identifier we can write without escapes.
fn plain_ident(s: &str) -> bool {
    let mut chars = s.chars();
    let Some(first) = chars.next() else {
        return false;
    };
    let ok_first = first.is_ascii_alphabetic()
        || first == '_'
        || (first == '-' && s[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '_'));
    ok_first
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

fn unique_id<'d>(dom: &'d Dom, ids: &Anchors, n: NodeId) -> Option<&'d str> {
    let i = dom.attr(n, "id")?;
    (plain_ident(i) && ids.id_count(i) == 1).then_some(i)
}

/// Up to two plain classes of an element.
fn plain_classes(dom: &Dom, n: NodeId) -> Vec<&str> {
    dom.class_attr(n)
        .split_ascii_whitespace()
        .filter(|c| plain_ident(c))
        .take(2)
        .collect()
}

/// One step: `tag.class:nth-of-type(k)`, the position only when a sibling would
/// match the same tag and classes.
fn step(dom: &Dom, n: NodeId, with_classes: bool) -> String {
    let tag = dom.tag(n).to_string();
    let classes = if with_classes {
        plain_classes(dom, n)
    } else {
        Vec::new()
    };
    let mut s = tag.clone();
    for c in &classes {
        s.push('.');
        s.push_str(c);
    }
    let Some(parent) = dom.parent(n) else {
        return s;
    };
    let same_tag: Vec<NodeId> = dom
        .element_children(parent)
        .into_iter()
        .filter(|&c| dom.tag(c) == tag)
        .collect();
    let rivals = same_tag
        .iter()
        .filter(|&&c| c != n && classes.iter().all(|cl| dom.has_class(c, cl)))
        .count();
    if rivals > 0 {
        let k = same_tag.iter().position(|&c| c == n).unwrap_or(0) + 1;
        s.push_str(&format!(":nth-of-type({k})"));
    }
    s
}

/// A selector of plain parts for `n`: `#id` when unique, else a `>` chain
/// anchored at the nearest ancestor with a unique id, or at `body`.
fn selector_for(dom: &Dom, ids: &Anchors, n: NodeId) -> Option<String> {
    if !dom.is_element(n) {
        return None;
    }
    if let Some(i) = unique_id(dom, ids, n) {
        return Some(format!("#{i}"));
    }
    let mut parts = vec![step(dom, n, true)];
    let mut cur = dom.parent(n)?;
    loop {
        if dom.is_tag(cur, "body") {
            parts.push("body".to_string());
            break;
        }
        if let Some(i) = unique_id(dom, ids, cur) {
            parts.push(format!("#{i}"));
            break;
        }
        if !dom.is_element(cur) {
            return None; // not under <body>
        }
        parts.push(step(dom, cur, true));
        cur = dom.parent(cur)?;
    }
    parts.reverse();
    Some(parts.join(" > "))
}

/// One compound of our selector language.
#[derive(Default, Debug)]
struct Compound {
    tag: Option<String>,
    id: Option<String>,
    classes: Vec<String>,
    nth: Option<usize>,
}

fn parse_compound(s: &str) -> Option<Compound> {
    let mut c = Compound::default();
    let mut rest = s;
    if let Some(i) = rest.find(":nth-of-type(") {
        let inner = rest[i + ":nth-of-type(".len()..].strip_suffix(')')?;
        c.nth = Some(inner.parse().ok()?);
        rest = &rest[..i];
    }
    let mut token = String::new();
    let mut mode = 't';
    let flush = |mode: char, token: &mut String, c: &mut Compound| {
        if token.is_empty() {
            return;
        }
        let v = std::mem::take(token);
        match mode {
            't' => c.tag = Some(v),
            '#' => c.id = Some(v),
            _ => c.classes.push(v),
        }
    };
    for ch in rest.chars() {
        match ch {
            '#' | '.' => {
                flush(mode, &mut token, &mut c);
                mode = ch;
            }
            _ => token.push(ch),
        }
    }
    flush(mode, &mut token, &mut c);
    Some(c)
}

fn compound_matches(dom: &Dom, n: NodeId, c: &Compound) -> bool {
    if !dom.is_element(n) {
        return false;
    }
    if c.tag.as_deref().is_some_and(|t| dom.tag(n) != t) {
        return false;
    }
    if c.id
        .as_deref()
        .is_some_and(|i| dom.attr(n, "id") != Some(i))
    {
        return false;
    }
    if !c.classes.iter().all(|cl| dom.has_class(n, cl)) {
        return false;
    }
    if let Some(k) = c.nth {
        let Some(p) = dom.parent(n) else {
            return false;
        };
        let tag = dom.tag(n);
        let pos = dom
            .element_children(p)
            .into_iter()
            .filter(|&x| dom.tag(x) == tag)
            .position(|x| x == n);
        if pos.map(|i| i + 1) != Some(k) {
            return false;
        }
    }
    true
}

/// Every element our own selector language (`tag`, `#id`, `.class`,
/// `:nth-of-type(k)`, `>`) matches, in document order: the check that a reported
/// selector names exactly its element. Evaluated top-down from the anchor
/// (`#id` or `body`), else by a scan of the whole tree.
fn matches(dom: &Dom, anchors: &Anchors, selector: &str) -> Vec<NodeId> {
    let parts: Option<Vec<Compound>> = selector
        .split(" > ")
        .map(|p| parse_compound(p.trim()))
        .collect();
    let Some(parts) = parts else {
        return Vec::new();
    };
    let Some(first) = parts.first() else {
        return Vec::new();
    };
    let mut cur: Vec<NodeId> = match (&first.id, first.tag.as_deref()) {
        (Some(id), _) => anchors.by_id.get(id).cloned().unwrap_or_default(),
        (None, Some("body")) => anchors.bodies.clone(),
        _ => dom.descendant_elements(ROOT).collect(),
    };
    cur.retain(|&n| compound_matches(dom, n, first));
    for c in &parts[1..] {
        let mut next = Vec::new();
        for &n in &cur {
            for ch in dom.element_children(n) {
                if compound_matches(dom, ch, c) {
                    next.push(ch);
                }
            }
        }
        cur = next;
    }
    crate::sort::by_key(&mut cur, |&n| n as u64);
    cur.dedup();
    cur
}

// ============================================================================
// Pipeline helper
// ============================================================================

/// Drop reported clutter that sits inside the extracted content (inline related
/// lists, ads, notices the extractor kept). Ids are shared with the pristine
/// tree. The extractor may wrap or re-tag clutter in nodes it creates (a `<div>`
/// becoming a new `<p>`): a created node is dropped when everything original
/// under it belongs to reported clutter. Copies made on a retry carry no
/// original ids; they are matched by id/class and text.
pub(crate) fn remove_from(
    dom: &mut Dom,
    a: &Analysis,
    content_root: NodeId,
    clutter: &[Clutter],
    copies: &[(NodeId, NodeId)],
) {
    if clutter.is_empty() {
        return;
    }
    let pristine = a.page.dom;
    let orig_len = pristine.len();
    // Nodes the extractor copied (a kept retry) stand for their originals.
    let mut origin_of: std::collections::HashMap<NodeId, NodeId> =
        copies.iter().map(|&(copy, src)| (copy, src)).collect();
    // Follow chains (a copy of a node created by the attempt has no original).
    for &(copy, _) in copies {
        let mut cur = copy;
        let mut hops = 0;
        while let Some(&src) = origin_of.get(&cur) {
            cur = src;
            hops += 1;
            if src < orig_len || hops > 4 {
                break;
            }
        }
        origin_of.insert(copy, cur);
    }
    // Every original node inside a reported block.
    let mut in_clutter = vec![false; orig_len];
    for c in clutter {
        if c.node < orig_len {
            for d in pristine.descendants(c.node) {
                in_clutter[d] = true;
            }
        }
    }
    // Signatures of reported blocks with an id or class, for copies.
    let sigs: Vec<(String, String, String)> = clutter
        .iter()
        .filter(|c| c.node < orig_len)
        .filter(|c| !pristine.id_attr(c.node).is_empty() || !pristine.class_attr(c.node).is_empty())
        .map(|c| {
            (
                pristine.id_attr(c.node).to_string(),
                pristine.class_attr(c.node).to_string(),
                collapse_ws(&pristine.text_content(c.node)),
            )
        })
        .collect();
    #[derive(Clone, Copy, PartialEq)]
    enum State {
        Neutral,
        Clutter,
        Article,
    }
    let order: Vec<NodeId> = dom.descendants(content_root).collect();
    let mut state = vec![State::Neutral; dom.len()];
    for &n in order.iter().rev() {
        let orig = if n < orig_len {
            Some(n)
        } else {
            origin_of.get(&n).copied().filter(|&o| o < orig_len)
        };
        let st = if let Some(o) = orig {
            if in_clutter[o] {
                State::Clutter
            } else if dom.is_element(n) || dom.text(n).is_some_and(|t| !t.trim().is_empty()) {
                State::Article
            } else {
                State::Neutral
            }
        } else {
            let kids = dom.children(n);
            let copy_match = dom.is_element(n)
                && sigs.iter().any(|(id, class, text)| {
                    dom.id_attr(n) == id
                        && dom.class_attr(n) == class
                        && collapse_ws(&dom.text_content(n)) == *text
                });
            if copy_match {
                State::Clutter
            } else if kids.iter().any(|&k| state[k] == State::Article) {
                State::Article
            } else if kids.iter().any(|&k| state[k] == State::Clutter) {
                State::Clutter
            } else {
                State::Neutral
            }
        };
        state[n] = st;
    }
    // Detach the outermost clutter nodes (never the content root).
    let mut stack: Vec<NodeId> = dom.children(content_root);
    let mut drop = Vec::new();
    while let Some(n) = stack.pop() {
        if state.get(n) == Some(&State::Clutter) {
            drop.push(n);
        } else {
            stack.extend(dom.children(n));
        }
    }
    for n in drop {
        dom.detach(n);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::parse_document;
    use crate::Options;

    fn dom(html: &str) -> Dom {
        parse_document(html, &Options::default()).unwrap()
    }

    #[test]
    fn title_parts_split_brands() {
        let (h, b, s) = title_parts("North Korea ties -Finovate");
        assert_eq!(
            (h.as_str(), b.as_deref(), s),
            ("North Korea ties", Some("Finovate"), Some(" -"))
        );
        let (h, b, _) = title_parts("A story - with a dash | Brand");
        assert_eq!(
            (h.as_str(), b.as_deref()),
            ("A story - with a dash", Some("Brand"))
        );
        let (h, b, _) = title_parts("Well-known - fact");
        assert_eq!((h.as_str(), b.as_deref()), ("Well-known", Some("fact")));
        assert_eq!(title_parts("No brand here").1, None);
    }

    #[test]
    fn template_texts() {
        assert!(is_vote_text("veryGood! (58)"));
        assert!(is_vote_text("veryGood! (31)bad (2)"));
        assert!(!is_vote_text("Chapter (3) and more"));
        assert!(is_vote_text("Like (3)"));
        assert!(!is_vote_text("Chapter (3)"));
        assert!(is_mt_date_line("date:2025-04-11 08:25:21"));
        assert!(is_mt_date_line(
            "golden ledger hub view date:2025-11-02 10:14:55"
        ));
        assert!(!is_mt_date_line("update:2025-11-02 10:14:55"));
        assert!(!is_mt_date_line("date: tuesday"));
        assert!(is_mt_breadcrumb("current:home > stocks"));
        assert!(!is_mt_breadcrumb("home > stocks"));
        assert!(looks_like_date("updated 2025-01-06"));
        assert!(!looks_like_date("3 min read"));
    }

    #[test]
    fn selectors_are_unique_and_verified() {
        let d = dom(
            "<html><body><div class=a><p>x</p><p class=b>y</p></div><div class=a><p class=b>z</p></div>\
             <section id=s><ul><li>1</li><li>2</li></ul></section></body></html>",
        );
        let ids = Anchors::new(&d);
        let ps = d.elements_by_tag(ROOT, &["p", "li", "ul"]);
        for n in ps {
            let s = selector_for(&d, &ids, n).unwrap();
            assert_eq!(matches(&d, &ids, &s), vec![n], "{s}");
        }
        let lis = d.elements_by_tag(ROOT, &["li"]);
        assert_eq!(
            selector_for(&d, &ids, lis[1]).unwrap(),
            "#s > ul > li:nth-of-type(2)"
        );
    }

    #[test]
    fn core_is_the_paragraph_container() {
        let para = "<p>This is a long enough paragraph, with commas, to score as article text in the core finder.</p>";
        let html = format!(
            "<html><body><div id=nav><a href=/>Home</a> <a href=/x>X</a></div><div id=main><h1>T</h1><div id=body>{para}{para}{para}</div></div><div id=side><ul><li><a href=/a>A link that is long enough to count</a></li></ul></div></body></html>"
        );
        let d = dom(&html);
        let page = Page::new(&d);
        let core = page.article_core().unwrap();
        assert_eq!(d.attr(core, "id"), Some("body"));
    }
}
