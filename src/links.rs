//! Stage 4: make links and image sources absolute against the page URL and
//! `<base href>`.

use crate::dom::{Dom, NodeId, ROOT};
use url::Url;

/// The URL relative references resolve against.
pub(crate) struct Base {
    url: Option<Url>,
}

impl Base {
    /// The page URL, overridden by the document's first `<base href>`.
    pub fn from_document(dom: &Dom, page: Option<&Url>) -> Base {
        let href = dom
            .elements_by_tag(ROOT, &["base"])
            .into_iter()
            .find_map(|b| dom.attr(b, "href"));
        let url = match (page, href) {
            (Some(p), Some(h)) => p.join(h.trim()).ok().or_else(|| Some(p.clone())),
            (Some(p), None) => Some(p.clone()),
            (None, Some(h)) => Url::parse(h.trim()).ok(),
            (None, None) => None,
        };
        Base { url }
    }

    /// Resolve a reference; without a base, absolute references pass and relative
    /// ones are returned unchanged.
    pub fn resolve(&self, href: &str) -> Option<String> {
        let href = href.trim();
        match &self.url {
            Some(b) => b.join(href).ok().map(String::from),
            None => Some(href.to_string()),
        }
    }
}

/// Rewrite `href`, `src` (and lazy-load sources) inside `root` to absolute URLs.
pub(crate) fn absolutize(dom: &mut Dom, root: NodeId, base: &Base) {
    let ids: Vec<NodeId> = dom.descendant_elements(root).collect();
    for id in ids {
        for name in ["href", "src"] {
            if let Some(v) = dom.attr(id, name).map(str::to_string) {
                if v.starts_with('#') {
                    continue;
                }
                if let Some(abs) = base.resolve(&v) {
                    dom.set_attr(id, name, &abs);
                }
            }
        }
    }
}
