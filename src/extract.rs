//! Stage 3: find the article body (Readability's `_grabArticle`).
//! STUB: replaced by the Readability-grade implementation.

use crate::dom::{Dom, NodeId, ROOT};
use crate::metadata::Metadata;
use crate::Options;

/// Where the article was found.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Grabbed {
    /// A detached container holding the cleaned article.
    pub content: NodeId,
    /// The element of the *original* document the article came from (Readability's
    /// top candidate), valid in a `Dom::clone()` taken before extraction.
    pub source: Option<NodeId>,
}

/// Find the article; `None` when the page has no article.
pub(crate) fn grab_article(
    dom: &mut Dom,
    _meta: &mut Metadata,
    _opts: &Options,
) -> Option<Grabbed> {
    let body = *dom.elements_by_tag(ROOT, &["body"]).first()?;
    for s in dom.elements_by_tag(body, &["script", "style", "noscript", "template"]) {
        dom.detach(s);
    }
    let container = dom.create_element("div");
    dom.move_children(body, container);
    Some(Grabbed {
        content: container,
        source: Some(body),
    })
}
