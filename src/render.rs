//! Stage 5: serialise the article. HTML from an allowlist only; text with
//! paragraphs separated by blank lines. STUB: text-only rendering.

use crate::dom::{Dom, NodeId};
use crate::Options;

/// Allowlist-serialised HTML fragment of the article.
pub(crate) fn html(dom: &Dom, root: NodeId, _opts: &Options) -> String {
    let mut out = String::new();
    for para in text(dom, root).split("\n\n") {
        out.push_str("<p>");
        for c in para.chars() {
            match c {
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '&' => out.push_str("&amp;"),
                '"' => out.push_str("&quot;"),
                _ => out.push(c),
            }
        }
        out.push_str("</p>");
    }
    out
}

/// Plain text: blocks separated by blank lines.
pub(crate) fn text(dom: &Dom, root: NodeId) -> String {
    dom.text_content(root)
        .split('\n')
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}
