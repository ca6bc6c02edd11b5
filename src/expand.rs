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
    let total = widen::visible_text_len(dom, region) as f64;
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
    // Blocks by a hash of their whitespace-collapsed text: no text is built or kept.
    let mut seen: std::collections::HashMap<u64, NodeId> = std::collections::HashMap::new();
    let mut stack = vec![region];
    while let Some(n) = stack.pop() {
        if n != region
            && dom.is_element(n)
            && patterns::is_block_tag(dom.tag(n))
            && !dom.is_one_of(n, keep)
        {
            let (chars, hash) = collapsed_text_hash(dom, n);
            if chars >= min_chars {
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

/// `collapse_ws(text_content(n))` as its length in chars and a hash of its
/// bytes, in one pass over the text nodes (words may span text nodes).
fn collapsed_text_hash(dom: &Dom, n: NodeId) -> (usize, u64) {
    use std::hash::Hasher;
    let mut h = std::collections::hash_map::DefaultHasher::new();
    let mut chars = 0;
    let mut started = false;
    let mut pending_space = false;
    for d in dom.descendants(n) {
        let Some(mut rest) = dom.text(d) else {
            continue;
        };
        loop {
            let word = rest.trim_start();
            if word.len() != rest.len() && started {
                pending_space = true;
            }
            if word.is_empty() {
                break;
            }
            let end = word.find(char::is_whitespace).unwrap_or(word.len());
            if pending_space {
                h.write(b" ");
                chars += 1;
                pending_space = false;
            }
            h.write(&word.as_bytes()[..end]);
            chars += word[..end].chars().count();
            started = true;
            rest = &word[end..];
        }
    }
    (chars, h.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{parse, Options};

    #[test]
    fn collapsed_text_hash_is_the_collapsed_text() {
        use std::hash::Hasher;
        let html = "<div> Hello<b>wor</b>ld \u{a0}\n <i> </i>again\u{3000}x <!-- c --> </div>";
        let dom = parse::parse_document(html, &Options::default()).expect("parse");
        let div = dom.elements_by_tag(ROOT, &["div"])[0];
        let text = patterns::collapse_ws(&dom.text_content(div));
        assert_eq!(text, "Helloworld again x");
        let mut h = std::collections::hash_map::DefaultHasher::new();
        h.write(text.as_bytes());
        assert_eq!(
            collapsed_text_hash(&dom, div),
            (text.chars().count(), h.finish())
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
