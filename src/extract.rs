//! Stage 3: find the article body (Readability's `_grabArticle`).
//! STUB: replaced by the Readability-grade implementation.

use crate::dom::{Dom, NodeId, ROOT};
use crate::metadata::Metadata;
use crate::Options;

/// Returns a detached container holding the article, or `None` when the page has
/// no article.
pub(crate) fn grab_article(dom: &mut Dom, _meta: &mut Metadata, _opts: &Options) -> Option<NodeId> {
    let body = *dom.elements_by_tag(ROOT, &["body"]).first()?;
    for s in dom.elements_by_tag(body, &["script", "style", "noscript", "template"]) {
        dom.detach(s);
    }
    let container = dom.create_element("div");
    dom.move_children(body, container);
    Some(container)
}
