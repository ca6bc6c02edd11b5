//! Cleaning the extracted article: Readability's `_prepArticle` (run inside each
//! extraction attempt, through the extractor's [`Work`] so the measure cache
//! stays exact) and `_postProcessContent` ([`finish`]).

use crate::dom::{Dom, NodeId};
use crate::extract::{
    has_ancestor_tag, has_single_tag_inside, is_phrasing, next_significant, Work,
    FLAG_CLEAN_CONDITIONALLY,
};
use crate::patterns::{self, is_js_space, js_trim};
use crate::tuning;
use crate::Options;

/// Readability's `_prepArticle`: strip presentational attributes, mark data
/// tables, then remove forms, embeds, share widgets, low-weight headers, and the
/// tables, lists and divs that look like boilerplate; tidy paragraphs and
/// single-cell tables. (`_fixLazyImages` belongs here too; the `links` stage does
/// that job after extraction.)
pub(crate) fn prep_article(w: &mut Work, content: NodeId) {
    clean_styles(w, content);
    let b = Buckets::collect(w.dom, content);
    mark_data_tables(w, b.get(w.dom, content, "table"));

    clean_conditionally(w, b.get(w.dom, content, "form"), "form");
    clean_conditionally(w, b.get(w.dom, content, "fieldset"), "fieldset");
    // An `<object>` with text holds fallback content, what a browser shows
    // when it cannot play the embed (every Flash movie today); unclosed, it
    // holds the rest of the article. Readability drops it with its subtree:
    // here it becomes a plain container and only the embed itself goes.
    for n in b.get(w.dom, content, "object") {
        if w.dom.parent(n).is_some() && !w.dom.text_content(n).trim().is_empty() {
            w.rename(n, "div");
        }
    }
    for tag in ["object", "embed", "footer", "link", "aside"] {
        clean_tag(w, b.get(w.dom, content, tag), tag);
    }

    // Short share widgets inside each top-level child (never the child itself).
    for top in w.dom.element_children(content) {
        let end = w.dom.next_element_in_order(top, true);
        let mut next = w.dom.next_element_in_order(top, false);
        while let Some(n) = next {
            if Some(n) == end {
                break;
            }
            let share = patterns::is_share_match(w.dom.class_attr(n))
                || patterns::is_share_match(w.dom.id_attr(n));
            if share && (w.m.get(w.dom, n).raw_len as usize) < tuning::SHARE_ELEMENT_MAX_LEN {
                next = w.remove_and_next(n);
            } else {
                next = w.dom.next_element_in_order(n, false);
            }
        }
    }

    for tag in ["iframe", "input", "textarea", "select", "button"] {
        clean_tag(w, b.get(w.dom, content, tag), tag);
    }
    // `_cleanHeaders`: headings with a negative class weight.
    for tag in ["h1", "h2"] {
        for h in b.get(w.dom, content, tag) {
            if w.class_weight(h) < 0 {
                w.remove(h);
            }
        }
    }

    for tag in ["table", "ul", "div"] {
        clean_conditionally(w, b.get(w.dom, content, tag), tag);
    }

    // The title is shown separately: article headings start at h2.
    for h in b.get(w.dom, content, "h1") {
        w.rename(h, "h2");
    }

    // Empty paragraphs.
    for p in b.get(w.dom, content, "p").into_iter().rev() {
        let st = w.m.get(w.dom, p);
        if st.img + st.embed == 0 && !st.span.has_text {
            w.remove(p);
        }
    }

    // A `<br>` right before a paragraph.
    for br in b.get(w.dom, content, "br") {
        let next = next_significant(w.dom, w.dom.next_sibling(br));
        if next.is_some_and(|n| w.dom.is_tag(n, "p")) {
            w.remove(br);
        }
    }

    // Single-cell tables become their cell.
    for table in b.get(w.dom, content, "table") {
        let tbody = if has_single_tag_inside(w.dom, table, "tbody") {
            w.dom.first_element_child(table).unwrap_or(table)
        } else {
            table
        };
        if !has_single_tag_inside(w.dom, tbody, "tr") {
            continue;
        }
        let Some(row) = w.dom.first_element_child(tbody) else {
            continue;
        };
        if !has_single_tag_inside(w.dom, row, "td") {
            continue;
        }
        let Some(cell) = w.dom.first_element_child(row) else {
            continue;
        };
        let phrasing = w
            .dom
            .children(cell)
            .into_iter()
            .all(|c| is_phrasing(w.dom, c));
        w.rename(cell, if phrasing { "p" } else { "div" });
        w.replace(table, cell);
    }
}

/// `_cleanStyles`: drop presentational attributes (SVG subtrees untouched).
fn clean_styles(w: &mut Work, root: NodeId) {
    let mut stack = vec![root];
    while let Some(n) = stack.pop() {
        if w.dom.is_tag(n, "svg") {
            continue;
        }
        for a in patterns::PRESENTATIONAL_ATTRIBUTES {
            w.remove_attr(n, a);
        }
        if w.dom
            .is_one_of(n, patterns::DEPRECATED_SIZE_ATTRIBUTE_ELEMS)
        {
            w.remove_attr(n, "width");
            w.remove_attr(n, "height");
        }
        stack.extend(w.dom.element_children(n));
    }
}

/// The elements `_prepArticle` works through, by tag, collected in one pass.
/// `_prepArticle` only removes and renames (never adds), so a step's
/// `getElementsByTagName` is the bucket less what is no longer in the article.
struct Buckets {
    lists: Vec<Vec<NodeId>>,
}

impl Buckets {
    const TAGS: &'static [&'static str] = &[
        "table", "form", "fieldset", "object", "embed", "footer", "link", "aside", "iframe",
        "input", "textarea", "select", "button", "h1", "h2", "ul", "div", "p", "br",
    ];

    fn collect(dom: &Dom, root: NodeId) -> Buckets {
        let mut lists = vec![Vec::new(); Self::TAGS.len()];
        for n in dom.descendant_elements(root) {
            if let Some(i) = Self::TAGS.iter().position(|t| dom.is_tag(n, t)) {
                lists[i].push(n);
            }
        }
        Buckets { lists }
    }

    /// The `tag` elements still inside `root`, in document order.
    fn get(&self, dom: &Dom, root: NodeId, tag: &str) -> Vec<NodeId> {
        let Some(i) = Self::TAGS.iter().position(|t| *t == tag) else {
            return dom.elements_by_tag(root, &[tag]);
        };
        self.lists[i]
            .iter()
            .copied()
            .filter(|&n| dom.is_tag(n, tag) && dom.is_ancestor(root, n))
            .collect()
    }
}

/// `_markDataTables`: tell data tables from layout tables.
fn mark_data_tables(w: &mut Work, tables: Vec<NodeId>) {
    for table in tables {
        let is_data = is_data_table(w.dom, table);
        if is_data != w.m.is_data_table(table) {
            // The table's contribution to its ancestors changes.
            w.m.invalidate(w.dom, table);
            w.m.set_data_table(table, is_data);
        }
    }
}

fn is_data_table(dom: &Dom, table: NodeId) -> bool {
    if dom.attr(table, "role") == Some("presentation") || dom.attr(table, "datatable") == Some("0")
    {
        return false;
    }
    if dom.attr(table, "summary").is_some_and(|s| !s.is_empty()) {
        return true;
    }
    if let Some(&caption) = dom.elements_by_tag(table, &["caption"]).first() {
        if dom.first_child(caption).is_some() {
            return true;
        }
    }
    let mut nested = false;
    for n in dom.descendant_elements(table) {
        if dom.is_one_of(n, patterns::DATA_TABLE_DESCENDANTS) {
            return true;
        }
        nested |= dom.is_tag(n, "table");
    }
    if nested {
        return false;
    }
    let (rows, columns) = row_and_column_count(dom, table);
    if columns == 1 || rows == 1 {
        return false;
    }
    if rows >= tuning::DATA_TABLE_MIN_ROWS || columns > tuning::DATA_TABLE_MAX_LAYOUT_COLUMNS {
        return true;
    }
    rows * columns > tuning::DATA_TABLE_MIN_CELLS
}

/// `_getRowAndColumnCount`.
fn row_and_column_count(dom: &Dom, table: NodeId) -> (usize, usize) {
    let mut rows = 0;
    let mut columns = 0;
    for tr in dom.elements_by_tag(table, &["tr"]) {
        rows += span_attr(dom.attr(tr, "rowspan"));
        let cells: usize = dom
            .elements_by_tag(tr, &["td"])
            .into_iter()
            .map(|td| span_attr(dom.attr(td, "colspan")))
            .sum();
        columns = columns.max(cells);
    }
    (rows, columns)
}

/// `parseInt(value, 10) || 1`.
fn span_attr(v: Option<&str>) -> usize {
    let Some(v) = v else { return 1 };
    let t = v.trim_start_matches(is_js_space);
    let digits: String = t.chars().take_while(char::is_ascii_digit).collect();
    match digits.parse::<usize>() {
        Ok(0) | Err(_) => 1,
        Ok(n) => n,
    }
}

/// `_clean`: remove every `tag` element (`nodes`), except embeds of known video
/// hosts.
fn clean_tag(w: &mut Work, nodes: Vec<NodeId>, tag: &str) {
    let is_embed = patterns::EMBED_TAGS.contains(&tag);
    for n in nodes.into_iter().rev() {
        if w.dom.parent(n).is_none() {
            continue;
        }
        if is_embed {
            let video = w
                .dom
                .element(n)
                .is_some_and(|el| el.attrs.iter().any(|a| patterns::is_video_url(&a.value)));
            if video {
                continue;
            }
        }
        w.remove(n);
    }
}

/// `_cleanConditionally`: remove the `tag` elements (`nodes`) that look like
/// boilerplate.
fn clean_conditionally(w: &mut Work, nodes: Vec<NodeId>, tag: &str) {
    if !w.flag(FLAG_CLEAN_CONDITIONALLY) {
        return;
    }
    for n in nodes.into_iter().rev() {
        if w.dom.parent(n).is_none() {
            continue;
        }
        if should_remove(w, n, tag) {
            w.remove(n);
        }
    }
}

fn ratio(part: u32, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        f64::from(part) / whole as f64
    }
}

fn should_remove(w: &mut Work, node: NodeId, tag: &str) -> bool {
    let st = w.m.get(w.dom, node);
    let text_len = st.text_len();
    let is_list = tag == "ul"
        || tag == "ol"
        || f64::from(st.list_len) / text_len as f64 > tuning::CLEAN_LIST_TEXT_RATIO;

    let m = &w.m;
    if tag == "table" && m.is_data_table(node) {
        return false;
    }
    if has_ancestor_tag(w.dom, node, "table", None, |t| m.is_data_table(t)) {
        return false;
    }
    if has_ancestor_tag(
        w.dom,
        node,
        "code",
        Some(tuning::ANCESTOR_TAG_DEPTH),
        |_| true,
    ) {
        return false;
    }
    if st.data_tables > 0 {
        return false;
    }
    let weight = w.class_weight(node);
    if weight < 0 {
        return true;
    }
    if st.ascii_commas as usize >= tuning::CLEAN_MIN_COMMAS {
        return false;
    }

    let p = st.p as usize;
    let img = st.img as usize;
    let li = i64::from(st.li) - tuning::CLEAN_LI_ALLOWANCE;
    let input = st.input as usize;
    let heading_density = ratio(st.heading_len, text_len);
    if st.video > 0 {
        return false;
    }
    let embeds = st.embed as usize;
    if text_len <= longest_ad_word() && patterns::is_ad_or_loading(&inner_text(w.dom, node)) {
        return true;
    }
    let link_density = st.link_density();
    let text_density = ratio(st.textish_len, text_len);
    let figure_child = has_ancestor_tag(
        w.dom,
        node,
        "figure",
        Some(tuning::ANCESTOR_TAG_DEPTH),
        |_| true,
    );

    let remove =
        (!figure_child && img > 1 && (p as f64 / img as f64) < tuning::CLEAN_MIN_P_PER_IMG)
            || (!is_list && li > p as i64)
            || (input > p / tuning::CLEAN_P_PER_INPUT)
            || (!is_list
                && !figure_child
                && heading_density < tuning::CLEAN_HEADING_DENSITY
                && text_len < tuning::CLEAN_SHORT_TEXT
                && (img == 0 || img > tuning::CLEAN_SHORT_MAX_IMG)
                && link_density > 0.0)
            || (!is_list
                && weight < tuning::CLASS_WEIGHT
                && link_density > tuning::CLEAN_LOW_WEIGHT_LINK_DENSITY)
            || (weight >= tuning::CLASS_WEIGHT
                && link_density > tuning::CLEAN_HIGH_WEIGHT_LINK_DENSITY)
            || (embeds == 1 && text_len < tuning::CLEAN_EMBED_MIN_TEXT)
            || embeds > 1
            || (img == 0 && text_density == 0.0);

    // Lists of images may stay: every item a single child, one image per item.
    if is_list && remove {
        let items = w.dom.element_children(node);
        if items.iter().any(|&c| w.dom.element_child_count(c) > 1) {
            return true;
        }
        if img == st.li as usize {
            return false;
        }
    }
    remove
}

/// Length of the longest ad/loading label: texts longer than this cannot be one.
fn longest_ad_word() -> usize {
    patterns::AD_WORDS
        .iter()
        .chain(patterns::LOADING_WORDS)
        .map(|w| w.chars().count() + 3)
        .max()
        .unwrap_or(0)
}

/// `_getInnerText(e)`: trimmed text with whitespace runs collapsed.
pub(crate) fn inner_text(dom: &Dom, node: NodeId) -> String {
    let raw = dom.text_content(node);
    let mut out = String::with_capacity(raw.len());
    let mut run = String::new();
    for c in js_trim(&raw).chars() {
        if is_js_space(c) {
            run.push(c);
            continue;
        }
        match run.chars().count() {
            0 => {}
            1 => out.push_str(&run),
            _ => out.push(' '),
        }
        run.clear();
        out.push(c);
    }
    out
}

/// Readability's `_postProcessContent` without link fixing (the `links` stage
/// does that): flatten needless nested `<div>`/`<section>` wrappers and strip
/// classes (unless `keep_classes`).
pub(crate) fn finish(dom: &mut Dom, root: NodeId, opts: &Options) {
    simplify_nested_elements(dom, root);
    complete_tables(dom, root);
    if !opts.keep_classes {
        clean_classes(dom, root);
    }
}

/// Table parts outside the structure the HTML parser builds (the extractor
/// may pick any element as the article or drop a table around its rows, and
/// Readability does the same): a browser drops table tags in the wrong place,
/// so the reader view would run the cells together, and the output would not
/// parse back into the tree the text was rendered from. A cell without its row
/// was a layout box the extractor picked: it becomes a `<div>`. Rows and
/// sections without their table are data: they get the table they need.
fn complete_tables(dom: &mut Dom, root: NodeId) {
    let parts: Vec<NodeId> = dom
        .descendant_elements(root)
        .filter(|&n| table_wrapper(dom, n).is_some())
        .collect();
    for n in parts {
        if dom.is_one_of(n, &["td", "th"]) {
            if table_wrapper(dom, n).is_some() {
                dom.rename(n, "div");
            }
            continue;
        }
        let mut cur = n;
        // Each step climbs one level (row, section, table), so this ends.
        while let Some(wrapper) = table_wrapper(dom, cur) {
            let w = dom.create_element(wrapper);
            dom.insert_before(cur, w);
            // Following siblings that need the same wrapper join it (with the
            // whitespace between them), so a run of rows makes one table.
            let mut next = Some(cur);
            while let Some(s) = next {
                let joins = s == cur
                    || dom.text(s).is_some_and(|t| t.trim().is_empty())
                    || table_wrapper(dom, s) == Some(wrapper);
                if !joins {
                    break;
                }
                next = dom.next_sibling(s);
                dom.detach(s);
                dom.append_child(w, s);
            }
            cur = w;
        }
    }
}

/// The element `n` must be wrapped in to sit where the parser would put it,
/// or `None` when its parent is right (or it is no table part). For a cell
/// that is a row; [`complete_tables`] makes such a cell a `<div>` instead.
fn table_wrapper(dom: &Dom, n: NodeId) -> Option<&'static str> {
    let (parents, wrapper): (&[&str], &'static str) = match dom.tag(n) {
        "td" | "th" => (&["tr"], "tr"),
        "tr" => (&["table", "thead", "tbody", "tfoot"], "tbody"),
        "col" => (&["colgroup"], "colgroup"),
        "caption" | "colgroup" | "thead" | "tbody" | "tfoot" => (&["table"], "table"),
        _ => return None,
    };
    let parent = dom.parent(n)?;
    (!dom.is_one_of(parent, parents)).then_some(wrapper)
}

/// `_simplifyNestedElements`.
fn simplify_nested_elements(dom: &mut Dom, root: NodeId) {
    let mut node = Some(root);
    while let Some(n) = node {
        if dom.parent(n).is_some()
            && dom.is_one_of(n, &["div", "section"])
            && !dom.id_attr(n).starts_with("readability")
        {
            if is_without_content(dom, n) {
                node = dom.next_element_in_order(n, true);
                dom.detach(n);
                continue;
            }
            if has_single_tag_inside(dom, n, "div") || has_single_tag_inside(dom, n, "section") {
                if let Some(child) = dom.first_element_child(n) {
                    let attrs = dom.element(n).map(|e| e.attrs.clone()).unwrap_or_default();
                    for a in attrs {
                        dom.set_attr(child, &a.name, &a.value);
                    }
                    dom.replace(n, child);
                    node = Some(child);
                    continue;
                }
            }
        }
        node = dom.next_element_in_order(n, false);
    }
}

/// `_isElementWithoutContent`, computed directly.
fn is_without_content(dom: &Dom, n: NodeId) -> bool {
    if dom.has_text(n) {
        return false;
    }
    let kids = dom.element_child_count(n);
    kids == 0 || kids == dom.elements_by_tag(n, &["br", "hr"]).len()
}

/// `_cleanClasses`: keep only the classes Readability sets itself.
fn clean_classes(dom: &mut Dom, root: NodeId) {
    let ids: Vec<NodeId> = std::iter::once(root)
        .chain(dom.descendant_elements(root))
        .collect();
    for n in ids {
        let Some(class) = dom.attr(n, "class") else {
            continue;
        };
        let kept: Vec<&str> = class
            .split(is_js_space)
            .filter(|c| {
                patterns::CLASSES_TO_PRESERVE.contains(c)
                    || c.starts_with(patterns::CODE_LANGUAGE_CLASS_PREFIX)
            })
            .collect();
        if kept.is_empty() {
            dom.remove_attr(n, "class");
        } else {
            let v = kept.join(" ");
            dom.set_attr(n, "class", &v);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::ROOT;
    use crate::parse::parse_document;

    fn doc(html: &str) -> Dom {
        parse_document(html, &Options::default()).unwrap()
    }

    /// The elements with these ids moved, in order, under a new root `div`
    /// (as the extractor hands over an article; `"-"` adds an empty `<p>`),
    /// then `complete_tables`, then the output HTML.
    fn cut_out(html: &str, ids: &[&str]) -> String {
        let mut d = doc(html);
        let root = d.create_element("div");
        for &id in ids {
            let n = if id == "-" {
                d.create_element("p")
            } else {
                let n = d
                    .descendant_elements(ROOT)
                    .find(|&n| d.id_attr(n) == id)
                    .unwrap();
                d.detach(n);
                n
            };
            d.append_child(root, n);
        }
        complete_tables(&mut d, root);
        crate::render::html(&d, root, &Options::default())
    }

    #[test]
    fn table_parts_get_the_table_they_need() {
        // A table's body without its table.
        let html = cut_out("<table><tbody id=b><tr><th>Date</th><th>Topic</th></tr><tr><td>Sep 6</td><td>Intro</td></tr></tbody></table><p>after</p>", &["b"]);
        assert!(
            html.starts_with("<table>\n<tbody>\n<tr>\n<th>Date</th>"),
            "{html}"
        );
        assert_eq!(html.matches("<table>").count(), 1, "{html}");

        // Rows without a table: one table for the run, a second after the paragraph.
        let html = cut_out("<table><tbody><tr id=r1><td>a</td></tr>\n<tr id=r2><td>b</td></tr></tbody></table><table><tbody><tr id=r3><td>c</td></tr></tbody></table>", &["r1", "r2", "-", "r3"]);
        assert_eq!(html.matches("<table>").count(), 2, "{html}");
        assert_eq!(html.matches("<tbody>").count(), 2, "{html}");
        assert!(
            html.find("<p>").unwrap() > html.find("b</td>").unwrap(),
            "{html}"
        );

        // A cell without its row was a layout box: it becomes a div.
        let html = cut_out(
            "<table><tbody><tr><td id=c><p>The whole article.</p></td></tr></tbody></table>",
            &["c"],
        );
        assert!(!html.contains("<td") && !html.contains("<table"), "{html}");
        assert!(html.contains("<p>The whole article.</p>"), "{html}");

        // Whole tables are left alone.
        let whole = "<table id=w><caption>c</caption><colgroup><col></colgroup><thead><tr><th>h</th></tr></thead><tbody><tr><td>d</td></tr></tbody></table>";
        assert_eq!(
            cut_out(whole, &["w"])
                .split_whitespace()
                .collect::<String>(),
            whole
                .replace(" id=w", "")
                .split_whitespace()
                .collect::<String>()
        );
    }

    #[test]
    fn data_tables() {
        let d = doc(concat!(
            "<table summary=x><tr><td>a</td></tr></table>",
            "<table><tr><th>h</th></tr><tr><td>a</td></tr></table>",
            "<table role=presentation><tr><th>h</th></tr></table>",
            "<table><tr><td>a</td><td>b</td></tr></table>",
            "<table><tr><td>a</td><td>b</td><td>c</td><td>d</td><td>e</td></tr><tr><td>1</td></tr></table>",
        ));
        let got: Vec<bool> = d
            .elements_by_tag(ROOT, &["table"])
            .into_iter()
            .map(|t| is_data_table(&d, t))
            .collect();
        assert_eq!(got, [true, true, false, false, true]);
    }

    #[test]
    fn inner_text_collapses_runs_only() {
        let d = doc("<p>  a\nb  \t c </p>");
        let p = d.elements_by_tag(ROOT, &["p"])[0];
        assert_eq!(inner_text(&d, p), "a\nb c");
    }

    #[test]
    fn simplify_and_classes() {
        let mut d = doc(
            r#"<div id=wrap><div class="x page" id=outer><div class=inner><p>t</p></div></div><div> </div></div>"#,
        );
        let wrap = d.elements_by_tag(ROOT, &["div"])[0];
        let root = d.create_element("div");
        d.append_child(root, wrap);
        finish(&mut d, root, &Options::default());
        let divs = d.elements_by_tag(root, &["div"]);
        // outer > inner collapses into inner, which takes outer's attributes;
        // the empty div is gone.
        assert_eq!(divs.len(), 2, "{divs:?}");
        assert_eq!(d.attr(divs[0], "id"), Some("wrap"));
        assert_eq!(d.attr(divs[1], "class"), Some("page"));
        assert_eq!(d.attr(divs[1], "id"), Some("outer"));
        assert_eq!(d.element_children(divs[1]).len(), 1);
    }
}
