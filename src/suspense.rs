//! Streamed server rendering put back in place.
//!
//! Pages rendered by React's streaming server (Next.js and others) send a
//! placeholder first (`<!--$?--><template id="B:0"></template>Loading…<!--/$-->`)
//! and the real content later in the document, in a hidden container
//! (`<div hidden id="S:0">…</div>`), with a script call (`$RC("B:0","S:0")`)
//! that swaps it in. Segments work alike (`<template id="P:1">` filled by
//! `$RS("S:1","P:1")`). Without scripts the article stays hidden and the page
//! reads "Loading…". This stage does the swap the scripts would do: the calls
//! found in inline scripts, else the placeholder and container with the same
//! suffix (`B:n`/`P:n` with `S:n`).

use crate::dom::{Dom, NodeData, NodeId, ROOT};
use crate::patterns;
use std::collections::HashMap;

/// Move every streamed container into its placeholder.
pub(crate) fn reveal(dom: &mut Dom) {
    let mut holders: HashMap<String, NodeId> = HashMap::new();
    let mut segments: HashMap<String, NodeId> = HashMap::new();
    let mut calls: Vec<(String, String)> = Vec::new();
    for n in dom.descendant_elements(ROOT) {
        let id = dom.id_attr(n);
        if dom.is_tag(n, "template") && is_marker(id, patterns::STREAM_PLACEHOLDER_PREFIXES) {
            holders.insert(id.to_string(), n);
        } else if dom.is_tag(n, "div")
            && dom.has_attr(n, "hidden")
            && id.starts_with(patterns::STREAM_SEGMENT_PREFIX)
        {
            segments.insert(id.to_string(), n);
        } else if dom.is_tag(n, "script") && !holders.is_empty() {
            if let Some(c) = dom.first_child(n).and_then(|c| dom.text(c)) {
                swap_calls(c, &mut calls);
            }
        }
    }
    if holders.is_empty() || segments.is_empty() {
        return;
    }
    // Calls found in scripts first, then same-suffix pairs.
    let mut pairs: Vec<(NodeId, NodeId)> = Vec::new();
    for (holder, segment) in &calls {
        if let (Some(&h), Some(&s)) = (holders.get(holder), segments.get(segment)) {
            pairs.push((h, s));
        }
    }
    let mut paired: Vec<NodeId> = pairs.iter().flat_map(|&(h, s)| [h, s]).collect();
    let mut by_suffix: Vec<(&String, &NodeId)> = holders.iter().collect();
    crate::sort::by_key(&mut by_suffix, |&(_, &n)| n as u64);
    for (id, &h) in by_suffix {
        let suffix = id.get(2..).unwrap_or("");
        let seg = format!("{}{}", patterns::STREAM_SEGMENT_PREFIX, suffix);
        if let Some(&s) = segments.get(&seg) {
            if !paired.contains(&h) && !paired.contains(&s) {
                paired.extend([h, s]);
                pairs.push((h, s));
            }
        }
    }
    for (holder, segment) in pairs {
        // A container inside its own placeholder's fallback would vanish.
        if dom.is_ancestor(segment, holder) || !dom.is_attached(holder) {
            continue;
        }
        swap(dom, holder, segment);
    }
}

/// Is `id` a placeholder id (`B:…`, `P:…`)?
fn is_marker(id: &str, prefixes: &[&str]) -> bool {
    prefixes
        .iter()
        .any(|p| id.len() > p.len() && id.starts_with(p))
}

/// The `(placeholder, container)` pairs of the swap calls in a script:
/// `$RC("B:0","S:0")` and `$RS("S:1","P:1")`.
fn swap_calls(script: &str, out: &mut Vec<(String, String)>) {
    for (name, segment_first) in [("$RC(", false), ("$RS(", true)] {
        let mut from = 0;
        while let Some(i) = script.get(from..).and_then(|s| s.find(name)) {
            let start = from + i + name.len();
            from = start;
            let Some(rest) = script.get(start..) else {
                break;
            };
            let Some((a, rest)) = quoted(rest) else {
                continue;
            };
            let Some(rest) = rest.trim_start().strip_prefix(',') else {
                continue;
            };
            let Some((b, _)) = quoted(rest.trim_start()) else {
                continue;
            };
            let (holder, segment) = if segment_first { (b, a) } else { (a, b) };
            out.push((holder.to_string(), segment.to_string()));
        }
    }
}

/// A leading `"…"` string (no escapes) and the rest after it.
fn quoted(s: &str) -> Option<(&str, &str)> {
    let s = s.strip_prefix('"')?;
    let end = s.find('"')?;
    Some((s.get(..end)?, s.get(end + 1..)?))
}

/// Replace `holder` and its fallback (the siblings up to the boundary's
/// closing `<!--/$-->`, nested boundaries counted) with `segment`'s children.
fn swap(dom: &mut Dom, holder: NodeId, segment: NodeId) {
    let mut fallback = Vec::new();
    let mut end = None;
    let mut depth = 0usize;
    let mut cur = dom.next_sibling(holder);
    while let Some(n) = cur {
        if let NodeData::Comment(c) = dom.data(n) {
            match &**c {
                "/$" if depth == 0 => {
                    end = Some(n);
                    break;
                }
                "/$" => depth -= 1,
                "$" | "$?" | "$!" => depth += 1,
                _ => {}
            }
        }
        fallback.push(n);
        cur = dom.next_sibling(n);
    }
    // A boundary (`B:`) has a closing comment; a segment placeholder (`P:`)
    // has no fallback.
    let anchor = match end {
        Some(e) => {
            for n in fallback {
                dom.detach(n);
            }
            e
        }
        None => holder,
    };
    for c in dom.children(segment) {
        dom.insert_before(anchor, c);
    }
    dom.detach(holder);
    dom.detach(segment);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{parse, Options};

    fn body_text(html: &str) -> String {
        let mut dom = parse::parse_document(html, &Options::default()).expect("parse");
        reveal(&mut dom);
        let body = dom
            .descendant_elements(ROOT)
            .find(|&n| dom.is_tag(n, "body"))
            .expect("body");
        let mut out = String::new();
        for n in dom.descendants(body) {
            if let Some(t) = dom.text(n) {
                if !dom.ancestors(n).any(|a| dom.is_tag(a, "script")) {
                    out.push_str(t);
                }
            }
        }
        out
    }

    #[test]
    fn streamed_boundaries_replace_their_fallbacks() {
        let html = "<html><body><h1>T</h1><!--$?--><template id=\"B:0\"></template>\
            <div>Loading<!--$--><i>inner</i><!--/$--></div><!--/$--><p>After.</p>\
            <div hidden id=\"S:0\"><p>Story text.</p><template id=\"P:1\"></template></div>\
            <div hidden id=\"S:1\"><p>Part two.</p></div>\
            <script>$RS(\"S:1\",\"P:1\");$RC(\"B:0\",\"S:0\")</script></body></html>";
        assert_eq!(body_text(html), "TStory text.Part two.After.");
    }

    #[test]
    fn same_suffix_pairs_without_scripts_and_strangers_stay() {
        let html = "<html><body><template id=\"B:0\"></template><p>Wait</p><!--/$-->\
            <div hidden id=\"S:0\"><p>Body.</p></div><div hidden id=\"S:9\">Other</div>\
            <div hidden id=\"x\">Menu</div></body></html>";
        assert_eq!(body_text(html), "Body.OtherMenu");
    }
}
