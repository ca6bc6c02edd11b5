//! Plain-text rendering: blocks separated by blank lines, `<br>` as a line
//! break, whitespace collapsed except in `<pre>`. STUB.

use crate::dom::{Dom, NodeId};

/// Plain text: blocks separated by blank lines.
pub(crate) fn text(dom: &Dom, root: NodeId) -> String {
    dom.text_content(root)
        .split('\n')
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}
