//! Widening: Readability keeps the single best-scoring container, which on
//! forums, listings, product and service pages is one post or one block of a
//! region the page itself marks as its main content (`<main>`, `role=main`).
//! When that region holds several times the text Readability kept (and the
//! kept container lies inside it), the region becomes the article, minus the
//! page furniture in it.

use crate::dom::{Dom, NodeData, NodeId, ROOT};
use crate::extract::is_probably_visible;
use crate::patterns;
use crate::tuning;

/// The page's main region: the first visible `<main>` or `role=main` element.
pub(crate) fn main_region(dom: &Dom) -> Option<NodeId> {
    dom.descendant_elements(ROOT).find(|&n| {
        (dom.is_tag(n, "main") || dom.attr(n, "role") == Some("main"))
            && is_probably_visible(dom, n)
    })
}

/// Is `n` furniture to drop from a widened region? A form is furniture unless
/// it wraps content (forums put their posts in a moderation form).
pub(crate) fn is_furniture(dom: &Dom, n: NodeId) -> bool {
    if !is_probably_visible(dom, n) {
        return true;
    }
    if dom.is_tag(n, "form") {
        return visible_text_len(dom, n) < tuning::WIDEN_FORM_CONTENT_CHARS;
    }
    if dom.is_one_of(n, patterns::WIDEN_DROPPED_TAGS) {
        return true;
    }
    dom.attr(n, "role")
        .is_some_and(|r| patterns::UNLIKELY_ROLES.contains(&r.trim()))
}

/// Characters of reader-visible text under `root` (furniture skipped).
pub(crate) fn visible_text_len(dom: &Dom, root: NodeId) -> usize {
    let mut len = 0;
    let mut stack = vec![root];
    while let Some(n) = stack.pop() {
        match dom.data(n) {
            NodeData::Text(t) => len += t.trim().chars().count(),
            NodeData::Element(_) if dom.is_tag(n, "form") && n != root => {
                let inner = if is_probably_visible(dom, n) {
                    visible_text_len(dom, n)
                } else {
                    0
                };
                if inner >= tuning::WIDEN_FORM_CONTENT_CHARS {
                    len += inner;
                }
            }
            NodeData::Element(_) if n == root || !is_furniture(dom, n) => {
                // Children pushed in place (no list per element): the sum does
                // not depend on the order.
                let mut c = dom.first_child(n);
                while let Some(k) = c {
                    stack.push(k);
                    c = dom.next_sibling(k);
                }
            }
            _ => {}
        }
    }
    len
}

/// The repeated items around Readability's pick: on forums, listings and
/// collections the pick is one post or card among siblings built alike (same
/// tag and class). Walking up from `source`, the first ancestor-or-self with
/// enough alike siblings, holding several times its text between them with
/// little link text, gives the group: `(parent, first item, last item)`.
pub(crate) fn repeated_group(dom: &Dom, source: NodeId) -> Option<(NodeId, NodeId, NodeId)> {
    let mut cur = source;
    for _ in 0..=tuning::REPEAT_MAX_LEVELS {
        let parent = dom.parent(cur)?;
        if !dom.is_element(parent) || dom.is_one_of(cur, &["body", "html", "main"]) {
            return None;
        }
        // Items are alike by tag and first class (state classes follow it).
        let class = dom.class_attr(cur).split_whitespace().next().unwrap_or("");
        if !class.is_empty() || dom.is_one_of(cur, &["article", "li"]) {
            let items: Vec<NodeId> = dom
                .element_children(parent)
                .into_iter()
                .filter(|&c| {
                    dom.tag(c) == dom.tag(cur)
                        && dom.class_attr(c).split_whitespace().next().unwrap_or("") == class
                        && is_probably_visible(dom, c)
                })
                .collect();
            if items.len() >= tuning::REPEAT_MIN_ITEMS {
                let own = visible_text_len(dom, cur).max(1) as f64;
                let (mut text, mut links) = (0usize, 0usize);
                for &i in &items {
                    text += visible_text_len(dom, i);
                    links += link_text_len(dom, i);
                }
                // Cards whose titles are links (listings, search results) are
                // link text through and through; their linked headings tell
                // them from menus.
                let titled = items.iter().filter(|&&i| has_link_title(dom, i)).count();
                if text as f64 >= tuning::REPEAT_MIN_RATIO * own
                    && ((links as f64) < tuning::REPEAT_MAX_LINK_DENSITY * text as f64
                        || titled as f64 >= tuning::REPEAT_TITLED_SHARE * items.len() as f64)
                {
                    return Some((parent, *items.first()?, *items.last()?));
                }
            }
        }
        cur = parent;
    }
    None
}

/// The region of the alike items around Readability's pick when they are
/// not siblings (threaded comments nest; an opening post and its replies sit
/// in different lists): walking up from `source`, the first ancestor-or-self
/// whose tag and first class are shared by enough visible elements of the
/// page gives the smallest element holding them all, when it holds several
/// times the pick's text with little link text. Returns `(region, items)`.
pub(crate) fn alike_region(dom: &Dom, source: NodeId) -> Option<(NodeId, Vec<NodeId>)> {
    let mut cur = source;
    for _ in 0..=tuning::REPEAT_MAX_LEVELS {
        if dom.is_one_of(cur, &["body", "html", "main"]) {
            return None;
        }
        let class = dom.class_attr(cur).split_whitespace().next().unwrap_or("");
        if !class.is_empty() {
            let items: Vec<NodeId> = dom
                .descendant_elements(ROOT)
                .filter(|&c| {
                    dom.tag(c) == dom.tag(cur)
                        && dom.class_attr(c).split_whitespace().next() == Some(class)
                        && is_probably_visible(dom, c)
                })
                .collect();
            if items.len() >= tuning::REPEAT_MIN_ITEMS {
                let mut region = dom.parent(items[0])?;
                for &i in &items[1..] {
                    while !dom.is_ancestor(region, i) {
                        region = dom.parent(region)?;
                    }
                }
                if !dom.is_element(region) || dom.is_one_of(region, &["body", "html"]) {
                    return None;
                }
                let own = visible_text_len(dom, cur).max(1) as f64;
                let text = visible_text_len(dom, region);
                let links = link_text_len(dom, region);
                // The items' text (outermost ones) against the region's: a
                // region that is mostly something else is the page.
                let held: usize = items
                    .iter()
                    .filter(|&&i| !items.iter().any(|&o| o != i && dom.is_ancestor(o, i)))
                    .map(|&i| visible_text_len(dom, i))
                    .sum();
                if text as f64 >= tuning::REPEAT_MIN_RATIO * own
                    && (links as f64) < tuning::REPEAT_MAX_LINK_DENSITY * text as f64
                    && held as f64 >= tuning::ALIKE_MIN_ITEM_SHARE * text as f64
                {
                    return Some((region, items));
                }
            }
        }
        cur = dom.parent(cur)?;
    }
    None
}

/// Does `item` hold a heading that is, or is in, a link (a card's title)?
fn has_link_title(dom: &Dom, item: NodeId) -> bool {
    dom.elements_by_tag(item, patterns::HEADING_TAGS)
        .into_iter()
        .any(|h| {
            dom.ancestors(h)
                .take_while(|&a| a != item)
                .any(|a| dom.is_tag(a, "a"))
                || dom.descendant_elements(h).any(|a| dom.is_tag(a, "a"))
        })
}

/// Characters of link text under `root`.
fn link_text_len(dom: &Dom, root: NodeId) -> usize {
    dom.descendant_elements(root)
        .filter(|&a| dom.is_tag(a, "a"))
        .map(|a| dom.text_len_trimmed(a))
        .sum()
}

/// Drop furniture and comments under `root`.
pub(crate) fn strip(dom: &mut Dom, root: NodeId) {
    let mut drop = Vec::new();
    let mut stack = dom.children(root);
    while let Some(n) = stack.pop() {
        match dom.data(n) {
            NodeData::Comment(_) => drop.push(n),
            NodeData::Element(_) if is_furniture(dom, n) => drop.push(n),
            NodeData::Element(_) => stack.extend(dom.children(n)),
            _ => {}
        }
    }
    for n in drop {
        dom.detach(n);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{parse, Options};

    #[test]
    fn main_region_text_skips_furniture_and_strip_drops_it() {
        let html = "<html><body><nav>Home</nav>\
            <div role=main><p>Post one.</p><nav>Next</nav><script>var a;</script>\
            <div style='display:none'>Hidden</div><ul role=navigation><li>Menu</li></ul>\
            <p>Post two.</p><form><button>Reply</button></form></div></body></html>";
        let mut dom = parse::parse_document(html, &Options::default()).expect("parse");
        let main = main_region(&dom).expect("main region");
        assert_eq!(dom.attr(main, "role"), Some("main"));
        assert_eq!(visible_text_len(&dom, main), "Post one.Post two.".len());
        strip(&mut dom, main);
        assert_eq!(dom.text_content(main), "Post one.Post two.");
    }

    #[test]
    fn repeated_items_group_and_forms_with_posts_stay() {
        let post = "A reply that says something useful about the question asked. ";
        let html = format!(
            "<html><body><div class=thread><div class='post first'><p>{}</p></div>\
             <div class=post><p>{}</p></div><div class=post><p>{}</p></div>\
             <div class=post><p>{}</p></div></div><ul class=nav><li><a href=/>Home</a></li></ul></body></html>",
            post.repeat(3),
            post.repeat(2),
            post.repeat(2),
            post
        );
        let dom = parse::parse_document(&html, &Options::default()).expect("parse");
        let first = dom
            .descendant_elements(ROOT)
            .find(|&n| dom.has_class(n, "first"))
            .expect("first post");
        let p = dom.first_element_child(first).expect("p");
        let (parent, a, b) = repeated_group(&dom, p).expect("group");
        assert!(dom.has_class(parent, "thread"));
        assert_eq!(a, first);
        assert_eq!(dom.next_element_sibling(b), None);
        // A lone post has no group; a link list is no group.
        let lone = parse::parse_document(
            "<html><body><div class=a><p>x</p></div></body></html>",
            &Options::default(),
        )
        .expect("parse");
        let p = lone
            .descendant_elements(ROOT)
            .find(|&n| lone.is_tag(n, "p"))
            .expect("p");
        assert!(repeated_group(&lone, p).is_none());
        // Cards titled by linked headings are a group, though all link text;
        // a menu of the same links is not.
        let cards: String = (0..4)
            .map(|i| format!("<li class=card><a href=/j{i}><h3>Senior engineer number {i}</h3><p>Remote, full time</p></a></li>"))
            .collect();
        let menu = cards.replace("<h3>", "<span>").replace("</h3>", "</span>");
        for (list, grouped) in [(cards, true), (menu, false)] {
            let dom = parse::parse_document(
                &format!("<html><body><ul>{list}</ul></body></html>"),
                &Options::default(),
            )
            .expect("parse");
            let p = dom
                .descendant_elements(ROOT)
                .find(|&n| dom.is_tag(n, "p"))
                .expect("p");
            assert_eq!(repeated_group(&dom, p).is_some(), grouped);
        }

        let form = format!("<html><body><main><form><p>{}</p></form><form><input name=q>Search</form></main></body></html>", post.repeat(10));
        let mut dom = parse::parse_document(&form, &Options::default()).expect("parse");
        let main = main_region(&dom).expect("main");
        let len = visible_text_len(&dom, main);
        assert!(len > 500 && !dom.text_content(main).trim().is_empty());
        strip(&mut dom, main);
        assert!(dom.text_content(main).contains("useful"));
        assert!(!dom.text_content(main).contains("Search"));
    }

    #[test]
    fn nested_alike_items_give_their_region() {
        let c = "A comment in a threaded discussion that answers the one above it. ";
        let thread = format!(
            "<ol class=thread><li class=c><div class=text><p>{c}</p></div>\
             <ol><li class=c><div class=text><p>{c}</p></div></li></ol></li>\
             <li class=c><div class=text><p>{c}</p></div></li></ol>"
        );
        let html = format!(
            "<html><body><div>{thread}</div><div class=side><p>Other</p></div></body></html>"
        );
        let dom = parse::parse_document(&html, &Options::default()).expect("parse");
        let text = dom
            .descendant_elements(ROOT)
            .find(|&n| dom.has_class(n, "text"))
            .expect("text");
        let (region, items) = alike_region(&dom, text).expect("region");
        assert!(dom.has_class(region, "thread"));
        assert_eq!(items.len(), 3);
        // Alike items lost in a region of other text are no group.
        let html = format!(
            "<html><body><div><div><div class=text><p>{c}</p></div><p>{}</p></div>\
             <div class=text><p>{c}</p></div><div class=text><p>{c}</p></div></div></body></html>",
            c.repeat(8)
        );
        let dom = parse::parse_document(&html, &Options::default()).expect("parse");
        let text = dom
            .descendant_elements(ROOT)
            .find(|&n| dom.has_class(n, "text"))
            .expect("text");
        assert!(alike_region(&dom, text).is_none());
    }
}
