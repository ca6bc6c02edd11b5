//! Stage 2: page metadata (title, byline, dates, language, site name, excerpt,
//! lead image), from JSON-LD, then `<meta>`/OpenGraph, then the document itself.
//! STUB: replaced by the Readability-grade implementation.

use crate::dom::{Dom, ROOT};
use url::Url;

/// What the page says about itself.
#[derive(Debug, Clone, Default)]
pub(crate) struct Metadata {
    pub title: String,
    pub byline: Option<String>,
    pub published: Option<String>,
    pub lang: Option<String>,
    pub dir: Option<String>,
    pub site_name: Option<String>,
    pub excerpt: Option<String>,
    /// As written on the page (resolved by the pipeline).
    pub lead_image: Option<String>,
}

pub(crate) fn read(dom: &Dom, _url: Option<&Url>) -> Metadata {
    let title = dom
        .elements_by_tag(ROOT, &["title"])
        .first()
        .map(|&t| dom.text_content(t).trim().to_string())
        .unwrap_or_default();
    let lang = dom
        .elements_by_tag(ROOT, &["html"])
        .first()
        .and_then(|&h| dom.attr(h, "lang"))
        .map(str::to_string);
    Metadata {
        title,
        lang,
        ..Metadata::default()
    }
}
