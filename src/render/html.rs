//! Allowlist HTML serialiser: only allowlisted tags, attributes and URL schemes
//! leave the core. STUB: escapes the text paragraphs.

use crate::dom::{Dom, NodeId};
use crate::Options;

/// Allowlist-serialised HTML fragment of the article.
pub(crate) fn html(dom: &Dom, root: NodeId, _opts: &Options) -> String {
    let mut out = String::new();
    for para in super::text::text(dom, root).split("\n\n") {
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
