//! Expansion: on pages that are not one article (service pages, product pages,
//! landing pages) the content is spread over several sections and Readability's
//! single best container holds a small part of it. Trafilatura's answer is to
//! keep every good text block outside the page furniture; this stage does that
//! when Readability's pick holds much less than the page's good text: it climbs
//! from the pick to the smallest ancestor holding most of the good text and
//! keeps that region minus furniture and link lists.
//!
//! A *block* is the nearest block-level element around a run of text; it is
//! good when little of its text is link text. Furniture is what `widen`
//! drops (navigation, asides, footers, forms, hidden parts), page headers, and
//! elements whose class or id is Readability's "unlikely candidate" vocabulary.

use crate::dom::{Dom, NodeData, NodeId, ROOT};
use crate::patterns;
use crate::tuning;
use crate::widen;

/// Good text per node of one tree.
pub(crate) struct Tally {
    /// Characters of good text under each node (furniture excluded).
    good: Vec<u32>,
    /// Blocks that are not good (link lists).
    bad: Vec<NodeId>,
    /// Furniture roots found in the walk.
    furniture: Vec<NodeId>,
}

/// Is `n` furniture for expansion?
fn is_furniture(dom: &Dom, n: NodeId) -> bool {
    if widen::is_furniture(dom, n) || dom.is_one_of(n, patterns::EXPAND_DROPPED_TAGS) {
        return true;
    }
    // The page's header, not an article's own.
    if dom.is_tag(n, "header") {
        return !dom
            .ancestors(n)
            .any(|a| dom.is_one_of(a, &["article", "main", "section"]));
    }
    if dom.is_one_of(n, &["body", "main", "article", "a"]) {
        return false;
    }
    is_unlikely(dom, n)
}

/// Does the class or id of `n` name page furniture (Readability's
/// "unlikely candidate" vocabulary, not rescued by its "maybe" words)?
pub(crate) fn is_unlikely(dom: &Dom, n: NodeId) -> bool {
    let m = dom.match_string(n);
    patterns::contains_any_ci(&m, &patterns::UNLIKELY_CANDIDATES)
        && !patterns::contains_any_ci(&m, &patterns::MAYBE_CANDIDATE)
}

/// Drop the elements under `region` whose class or id names furniture
/// ([`is_unlikely`]) and that hold a small share of its text: a widened
/// region (main element, run of posts) keeps the posts, not their share
/// bars, signatures, comment threads and related lists.
/// The `items` of a group (posts, comments the pick is one of) and their
/// ancestors stay whatever their names.
pub(crate) fn drop_unlikely(dom: &mut Dom, region: NodeId, items: &[NodeId]) {
    let total = widen::visible_text_len(dom, region) as f64;
    let mut drop = Vec::new();
    let mut stack = dom.element_children(region);
    while let Some(n) = stack.pop() {
        if !dom.is_one_of(n, &["body", "main", "article", "a"])
            && !items.iter().any(|&i| i == n || dom.is_ancestor(n, i))
            && !dom.is_one_of(n, patterns::HEADING_TAGS)
            && is_unlikely(dom, n)
            && (widen::visible_text_len(dom, n) as f64) <= tuning::WIDEN_UNLIKELY_MAX_SHARE * total
        {
            drop.push(n);
            continue;
        }
        stack.extend(dom.element_children(n));
    }
    for n in drop {
        dom.detach(n);
    }
}

impl Tally {
    /// Walk `root` once: block text and link text, then good text summed up
    /// the tree.
    pub(crate) fn of(dom: &Dom, root: NodeId) -> Tally {
        let len = dom.len();
        let mut good = vec![0u32; len];
        let mut text = vec![0u32; len];
        let mut link = vec![0u32; len];
        let mut furniture = Vec::new();
        // Preorder with (node, nearest block, inside link).
        let mut order: Vec<NodeId> = Vec::new();
        let mut blocks: Vec<NodeId> = Vec::new();
        let mut stack = vec![(root, root, false)];
        while let Some((n, block, in_link)) = stack.pop() {
            match dom.data(n) {
                NodeData::Text(t) => {
                    let c = t.chars().filter(|c| !c.is_whitespace()).count() as u32;
                    text[block] += c;
                    if in_link {
                        link[block] += c;
                    }
                }
                NodeData::Element(_) => {
                    if n != root && is_furniture(dom, n) {
                        furniture.push(n);
                        continue;
                    }
                    order.push(n);
                    let is_block = n == root || patterns::is_block_tag(dom.tag(n));
                    if is_block {
                        blocks.push(n);
                    }
                    let b = if is_block { n } else { block };
                    let l = in_link || dom.is_tag(n, "a");
                    let mut c = dom.last_child(n);
                    while let Some(ch) = c {
                        stack.push((ch, b, l));
                        c = dom.prev_sibling(ch);
                    }
                }
                _ => {}
            }
        }
        let mut bad = Vec::new();
        for &b in &blocks {
            let (t, l) = (text[b] as f64, link[b] as f64);
            if t > 0.0 && l <= tuning::EXPAND_BLOCK_MAX_LINK_DENSITY * t {
                good[b] = text[b];
            } else if t > 0.0 {
                bad.push(b);
            }
        }
        for &n in order.iter().rev() {
            if n == root {
                continue;
            }
            if let Some(p) = dom.parent(n) {
                good[p] += good[n];
            }
        }
        Tally {
            good,
            bad,
            furniture,
        }
    }

    pub(crate) fn good(&self, n: NodeId) -> usize {
        self.good.get(n).map_or(0, |&g| g as usize)
    }
}

/// Detach the page's chrome that can outscore short content: footers,
/// headers and navigation (`<footer>`, `<header>`, `<nav>` and their ARIA roles)
/// outside any article, main region, section or footer; modal dialogs and
/// cookie/consent notices (class or id vocabulary), when short.
pub(crate) fn drop_page_chrome(dom: &mut Dom) {
    let chrome: Vec<NodeId> = dom
        .descendant_elements(ROOT)
        .filter(|&n| {
            if dom.is_one_of(n, &["html", "body", "main", "article"]) {
                return false;
            }
            if dom.is_tag(n, "footer") || dom.attr(n, "role") == Some("contentinfo") {
                return !dom
                    .ancestors(n)
                    .any(|a| dom.is_one_of(a, patterns::FOOTER_CONTAINERS));
            }
            let outside = || {
                !dom.ancestors(n)
                    .any(|a| dom.is_one_of(a, patterns::FOOTER_CONTAINERS))
            };
            // The page's own header and navigation.
            if (dom.is_one_of(n, &["header", "nav"])
                || matches!(dom.attr(n, "role"), Some("banner" | "navigation")))
                && outside()
            {
                return true;
            }
            // Modal notices (consent, sign-up).
            if (matches!(dom.attr(n, "role"), Some("dialog" | "alertdialog"))
                || dom.attr(n, "aria-modal") == Some("true")
                || dom.is_tag(n, "dialog"))
                && dom.text_len_trimmed(n) <= tuning::CONSENT_MAX_CHARS
            {
                return true;
            }
            (patterns::contains_any_ci(dom.class_attr(n), &patterns::CONSENT_WORDS)
                || patterns::contains_any_ci(dom.id_attr(n), &patterns::CONSENT_WORDS))
                && dom.text_len_trimmed(n) <= tuning::CONSENT_MAX_CHARS
        })
        .collect();
    for n in chrome {
        dom.detach(n);
    }
}

/// The body of the page.
fn body(dom: &Dom) -> Option<NodeId> {
    dom.descendant_elements(ROOT)
        .find(|&n| dom.is_tag(n, "body"))
}

/// When the article `kept` characters of text while the page holds several
/// times as much good text, the region to keep instead: a detached `<div>` in
/// `wider` (a clone of `pristine`) holding the smallest ancestor of `source`
/// that covers most of the page's good text, minus furniture and link lists.
pub(crate) fn expand(pristine: &Dom, source: NodeId, kept: usize) -> Option<(Dom, NodeId)> {
    let body = body(pristine)?;
    if !pristine.is_ancestor(body, source) {
        return None;
    }
    let tally = Tally::of(pristine, body);
    let total = tally.good(body);
    if (kept as f64) >= tuning::EXPAND_MAX_KEPT_SHARE * total as f64
        || total.saturating_sub(kept) < tuning::EXPAND_MIN_EXTRA_CHARS
    {
        return None;
    }
    let mut region = source;
    while (tally.good(region) as f64) < tuning::EXPAND_COVER_SHARE * total as f64 {
        region = pristine.parent(region)?;
    }
    let mut wider = pristine.clone();
    for &n in tally.furniture.iter().chain(&tally.bad) {
        if wider.is_ancestor(region, n) && tally.good(n) == 0 {
            wider.detach(n);
        }
    }
    widen::strip(&mut wider, region);
    drop_stop_sections(&mut wider, region);
    dedupe(&mut wider, region);
    wider.detach(region);
    let wrap = wider.create_element("div");
    wider.append_child(wrap, region);
    Some((wider, wrap))
}

/// Drop the sections introduced by a heading that names what is not the
/// page's content (reviews, other products, comments): the heading's wrapper
/// when it leads one, else the heading and the siblings up to the next one.
pub(crate) fn drop_stop_sections(dom: &mut Dom, region: NodeId) {
    // The region's text, measured before the first section goes (and only if
    // one is found: most pages have none).
    let mut total: Option<f64> = None;
    for h in dom.elements_by_tag(region, patterns::HEADING_TAGS) {
        if !dom.is_ancestor(region, h)
            || dom.text_len_trimmed(h) > tuning::EXPAND_STOP_HEADING_CHARS
        {
            continue;
        }
        let text = patterns::collapse_ws(&dom.text_content(h)).to_lowercase();
        // A label, not a sentence ("People who live nearby say…" heads a
        // news section).
        if patterns::stop_heading(text.trim()).is_none()
            || text.split_whitespace().count() > tuning::STOP_HEADING_MAX_WORDS
        {
            continue;
        }
        let mut cur = h;
        while let Some(p) = dom.parent(cur) {
            if p == region || dom.first_element_child(p) != Some(cur) {
                break;
            }
            cur = p;
        }
        let mut section = vec![cur];
        if cur == h {
            let mut next = dom.next_element_sibling(h);
            while let Some(n) = next {
                if dom.is_one_of(n, patterns::HEADING_TAGS) {
                    break;
                }
                section.push(n);
                next = dom.next_element_sibling(n);
            }
        }
        // A section holding most of the text is what the page is about (a
        // page of reviews).
        let len: usize = section
            .iter()
            .map(|&n| widen::visible_text_len(dom, n))
            .sum();
        let total = *total.get_or_insert_with(|| widen::visible_text_len(dom, region) as f64);
        if len as f64 > tuning::STOP_SECTION_MAX_SHARE * total {
            continue;
        }
        for n in section {
            dom.detach(n);
        }
    }
}

/// Drop blocks repeating the text of an earlier block (responsive pages
/// carry the same section once per layout).
pub(crate) fn dedupe(dom: &mut Dom, region: NodeId) {
    dedupe_blocks(dom, region, &[], tuning::EXPAND_DEDUPE_MIN_CHARS);
}

/// [`dedupe`] for any extracted article: repeated paragraphs and headings
/// are the author's (a refrain, a repeated call to action) and stay; repeated
/// containers are layout copies (carousels, responsive duplicates).
pub(crate) fn dedupe_layout(dom: &mut Dom, region: NodeId) {
    dedupe_blocks(
        dom,
        region,
        patterns::PROSE_BLOCK_TAGS,
        tuning::LAYOUT_DEDUPE_MIN_CHARS,
    );
}

/// Drop the blocks (other than `keep` tags) repeating the text (of at least
/// `min_chars` characters) of an earlier block.
fn dedupe_blocks(dom: &mut Dom, region: NodeId, keep: &[&str], min_chars: usize) {
    let candidate = |dom: &Dom, n: NodeId| {
        n != region
            && dom.is_element(n)
            && patterns::is_block_tag(dom.tag(n))
            && !dom.is_one_of(n, keep)
    };
    // Every candidate's collapsed text, summarised in one bottom-up pass. A
    // block visited below is never inside one detached before it (pre-order),
    // so its summary stays exact while blocks go.
    let texts = collapsed_texts(dom, region, |n| candidate(dom, n));
    // Blocks by a hash of their whitespace-collapsed text: no text is built or kept.
    let mut seen: std::collections::HashMap<(u64, usize), NodeId> =
        std::collections::HashMap::new();
    let mut stack = vec![region];
    while let Some(n) = stack.pop() {
        if let Some(text) = texts.get(&n) {
            let hash = (text.hash, text.bytes);
            if text.chars >= min_chars {
                match seen.get(&hash) {
                    Some(&first) if !dom.is_ancestor(first, n) => {
                        dom.detach(n);
                        continue;
                    }
                    Some(_) => {}
                    None => {
                        seen.insert(hash, n);
                    }
                }
            }
        }
        let mut c = dom.last_child(n);
        while let Some(ch) = c {
            if dom.is_element(ch) {
                stack.push(ch);
            }
            c = dom.prev_sibling(ch);
        }
    }
}

/// `collapse_ws` of a subtree's `textContent` as a value that concatenates:
/// whether it has non-space text, whether it starts or ends with whitespace (for
/// a blank text: whether it has any), and its trimmed, collapsed core as a
/// polynomial hash modulo 2^61 - 1 with its length in bytes and chars.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Collapsed {
    has_text: bool,
    lead: bool,
    trail: bool,
    hash: u64,
    /// `HASH_BASE` to the power of the core's length in bytes.
    pow: u64,
    bytes: usize,
    chars: usize,
}

const HASH_MOD: u64 = (1 << 61) - 1;
const HASH_BASE: u64 = 0x0f3a_5b7c_9d1e_2f41 % HASH_MOD;

fn mul_mod(a: u64, b: u64) -> u64 {
    let p = u128::from(a) * u128::from(b);
    let r = (p as u64 & HASH_MOD) + (p >> 61) as u64;
    if r >= HASH_MOD {
        r - HASH_MOD
    } else {
        r
    }
}

fn add_mod(a: u64, b: u64) -> u64 {
    let r = a + b;
    if r >= HASH_MOD {
        r - HASH_MOD
    } else {
        r
    }
}

impl Collapsed {
    const EMPTY: Collapsed = Collapsed {
        has_text: false,
        lead: false,
        trail: false,
        hash: 0,
        pow: 1,
        bytes: 0,
        chars: 0,
    };

    fn push_byte(&mut self, b: u8) {
        self.hash = add_mod(mul_mod(self.hash, HASH_BASE), u64::from(b) + 1);
        self.pow = mul_mod(self.pow, HASH_BASE);
        self.bytes += 1;
    }

    /// One text node.
    fn of_text(t: &str) -> Collapsed {
        let mut c = Collapsed::EMPTY;
        let core = t.trim();
        if core.is_empty() {
            c.lead = !t.is_empty();
            c.trail = c.lead;
            return c;
        }
        c.has_text = true;
        c.lead = t.len() != t.trim_start().len();
        c.trail = t.len() != t.trim_end().len();
        let mut first = true;
        for w in core.split_whitespace() {
            if !first {
                c.push_byte(b' ');
                c.chars += 1;
            }
            first = false;
            for &b in w.as_bytes() {
                c.push_byte(b);
            }
            c.chars += w.chars().count();
        }
        c
    }

    /// `self` followed by `next`.
    fn then(self, next: Collapsed) -> Collapsed {
        if !next.has_text {
            let ws = next.lead;
            return if self.has_text {
                Collapsed {
                    trail: self.trail || ws,
                    ..self
                }
            } else {
                Collapsed {
                    lead: self.lead || ws,
                    trail: self.trail || ws,
                    ..self
                }
            };
        }
        if !self.has_text {
            return Collapsed {
                lead: self.lead || next.lead,
                ..next
            };
        }
        let mut c = self;
        if self.trail || next.lead {
            c.push_byte(b' ');
            c.chars += 1;
        }
        c.hash = add_mod(mul_mod(c.hash, next.pow), next.hash);
        c.pow = mul_mod(c.pow, next.pow);
        c.bytes += next.bytes;
        c.chars += next.chars;
        c.trail = next.trail;
        c
    }
}

/// [`Collapsed`] of every element of `region`'s subtree that `want`s it, in one
/// post-order pass.
fn collapsed_texts(
    dom: &Dom,
    region: NodeId,
    want: impl Fn(NodeId) -> bool,
) -> std::collections::HashMap<NodeId, Collapsed> {
    let mut out = std::collections::HashMap::new();
    let mut stack: Vec<(NodeId, Collapsed)> = vec![(region, Collapsed::EMPTY)];
    let mut next = dom.first_child(region);
    loop {
        if let Some(c) = next {
            if let Some(t) = dom.text(c) {
                if let Some(top) = stack.last_mut() {
                    top.1 = top.1.then(Collapsed::of_text(t));
                }
                next = dom.next_sibling(c);
            } else if dom.is_element(c) {
                stack.push((c, Collapsed::EMPTY));
                next = dom.first_child(c);
            } else {
                next = dom.next_sibling(c);
            }
            continue;
        }
        let Some((n, text)) = stack.pop() else {
            break;
        };
        if want(n) {
            out.insert(n, text);
        }
        let Some(top) = stack.last_mut() else {
            break;
        };
        top.1 = top.1.then(text);
        next = dom.next_sibling(n);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{parse, Options};

    #[test]
    fn collapsed_texts_are_the_collapsed_text() {
        let html = "<div> Hello<b>wor</b>ld \u{a0}\n <i> </i>again\u{3000}x <!-- c --> \
                    <p>  one <span> </span><span>two</span></p><p></p><p>x<i></i> y</p>\
                    <div><span> </span> </div>tail </div><div>\u{e9}t\u{e9} <b>bi</b>s</div>";
        let dom = parse::parse_document(html, &Options::default()).expect("parse");
        let body = dom.elements_by_tag(ROOT, &["body"])[0];
        let texts = collapsed_texts(&dom, body, |_| true);
        let els: Vec<NodeId> = dom.descendant_elements(body).collect();
        assert!(els.len() > 8);
        for n in els {
            let text = patterns::collapse_ws(&dom.text_content(n));
            let want = Collapsed::of_text(&text);
            let got = texts[&n];
            assert_eq!(
                (got.hash, got.bytes, got.chars),
                (want.hash, want.bytes, want.chars),
                "{text:?}"
            );
            assert_eq!(got.bytes, text.len());
            assert_eq!(got.chars, text.chars().count());
        }
        let div = dom.elements_by_tag(ROOT, &["div"])[0];
        assert_eq!(
            patterns::collapse_ws(&dom.text_content(div)),
            "Helloworld again x one twox y tail"
        );
    }

    #[test]
    fn spread_sections_are_gathered_without_furniture() {
        let para = "A section of the service page that explains one thing in plain words. ";
        let html = format!(
            "<html><body><nav><a href=/>Home</a></nav><div class=wrap>\
             <section><h2>One</h2><p>{a}</p></section>\
             <section><h2>Two</h2><p>{b}</p></section>\
             <section><h2>Three</h2><p>{c}</p></section>\
             <ul><li><a href=/x>Link one</a></li><li><a href=/y>Link two</a></li></ul>\
             <div class=sidebar><p>{b}</p></div></div>\
             <footer><p>{b}</p></footer></body></html>",
            a = para.repeat(2),
            b = para.repeat(6),
            c = para.replace("plain", "simple").repeat(6)
        );
        let dom = parse::parse_document(&html, &Options::default()).expect("parse");
        let first = dom.elements_by_tag(ROOT, &["section"])[0];
        let (wider, wrap) = expand(&dom, first, 150).expect("expanded");
        let text = wider.text_content(wrap);
        assert!(text.contains("Two") && text.contains("Three") && text.contains("One"));
        assert!(!text.contains("Home") && !text.contains("Link one"));
        assert_eq!(text.matches("service page").count(), 14);
        let two = format!("<section><h2>Two</h2><p>{}</p></section>", para.repeat(6));
        // A repeated section and a reviews section are dropped.
        let html2 = html.replace(
            "<div class=sidebar>",
            &format!("{two}<div><h3>Customer reviews</h3><p>Great service, five stars from me and my whole family.</p></div><div class=sidebar>"),
        );
        let dom2 = parse::parse_document(&html2, &Options::default()).expect("parse");
        let first2 = dom2.elements_by_tag(ROOT, &["section"])[0];
        let (wider2, wrap2) = expand(&dom2, first2, 150).expect("expanded");
        let text2 = wider2.text_content(wrap2);
        assert!(!text2.contains("five stars"), "{text2}");
        assert_eq!(text2.matches("service page").count(), 14);
        // A pick that already holds most of the good text stays.
        assert!(expand(&dom, first, 900).is_none());
    }

    #[test]
    fn furniture_named_parts_of_a_widened_region_go() {
        let post = "A reply that says something useful about the question asked. ";
        let html = format!(
            "<html><body><main><div class=post><p>{p}</p>\
             <div class=post-menu><a href=/s>Share</a> <a href=/e>Edit</a></div>\
             <div class=comments><p>Nice answer, thanks.</p></div>\
             <h2 class=module-header>Heading kept</h2></div>\
             <div class=comment-list><div class=comment-body><p>{p}{p}</p></div></div>\
             </main></body></html>",
            p = post.repeat(3)
        );
        let mut dom = parse::parse_document(&html, &Options::default()).expect("parse");
        let main = widen::main_region(&dom).expect("main");
        drop_unlikely(&mut dom, main, &[]);
        let text = dom.text_content(main);
        assert!(
            !text.contains("Share") && !text.contains("Nice answer"),
            "{text}"
        );
        // Headings stay, and so does a furniture-named part holding most of the text
        assert!(text.contains("Heading kept"));
        // (the post's 3 sentences and the thread's 6: it holds most of the text).
        assert_eq!(text.matches("useful").count(), 9);
    }

    #[test]
    fn layout_copies_go_and_repeated_prose_and_items_stay() {
        let card = "A card that the page shows twice, once for each screen size it supports.";
        let html = format!(
            "<html><body><div id=a><div class=wide><div>{card}</div></div>\
             <div class=narrow><div>{card}</div></div>\
             <p>Say it again, say it again, say it again and once more.</p>\
             <p>Say it again, say it again, say it again and once more.</p>\
             <ul><li>Reservoir compatible, raincover included</li></ul>\
             <ul><li>Reservoir compatible, raincover included</li></ul>\
             <div>Short label repeated</div><div>Short label repeated</div></div></body></html>"
        );
        let mut dom = parse::parse_document(&html, &Options::default()).expect("parse");
        let a = dom.elements_by_tag(ROOT, &["div"])[0];
        dedupe_layout(&mut dom, a);
        let text = dom.text_content(a);
        assert_eq!(text.matches("twice").count(), 1, "{text}");
        assert_eq!(text.matches("Say it again, say").count(), 2);
        assert_eq!(text.matches("Reservoir").count(), 2);
        assert_eq!(text.matches("Short label").count(), 2);
    }

    #[test]
    fn stop_sections_go_unless_they_are_the_page() {
        let review = "<p>Lovely class, I have been coming every week for a year now.</p>";
        let about = "<p>The class runs every Tuesday evening in the hall on Main Street.</p>";
        let html = format!(
            "<html><body><div id=a><h2>About</h2>{}<h2>Reviews</h2>{review}<h2>Where</h2><p>Here.</p></div></body></html>",
            about.repeat(3)
        );
        let mut dom = parse::parse_document(&html, &Options::default()).expect("parse");
        let a = dom.elements_by_tag(ROOT, &["div"])[0];
        drop_stop_sections(&mut dom, a);
        let text = dom.text_content(a);
        assert!(!text.contains("Lovely") && text.contains("Here.") && text.contains("Tuesday"));
        // A page of reviews keeps them.
        let html = format!(
            "<html><body><div id=a><h1>Reviews</h1>{}</div></body></html>",
            review.repeat(5)
        );
        let mut dom = parse::parse_document(&html, &Options::default()).expect("parse");
        let a = dom.elements_by_tag(ROOT, &["div"])[0];
        drop_stop_sections(&mut dom, a);
        assert_eq!(dom.text_content(a).matches("Lovely").count(), 5);
        // A heading that is a sentence is not a label.
        let html = format!(
            "<html><body><div id=a>{}<h2>People who live near the plant say they worry</h2>{review}</div></body></html>",
            about.repeat(3)
        );
        let mut dom = parse::parse_document(&html, &Options::default()).expect("parse");
        let a = dom.elements_by_tag(ROOT, &["div"])[0];
        drop_stop_sections(&mut dom, a);
        assert!(dom.text_content(a).contains("Lovely"));
    }
}
