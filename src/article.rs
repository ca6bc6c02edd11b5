//! The result types. These are the JSON the CLI prints and the objects the wasm
//! binding hands to JavaScript: field names are snake_case and stable.

use serde::Serialize;

/// A cleaned article and what unmirror knows about the page.
#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Article {
    /// The article's title (site-name and mirror-brand suffixes removed).
    pub title: String,
    /// Author line, if the page names one.
    pub byline: Option<String>,
    /// Publication date as the page states it (ISO 8601 when it gives one).
    pub published: Option<String>,
    /// Language tag (`<html lang>` or metadata).
    pub lang: Option<String>,
    /// Text direction: `ltr`, `rtl` or `auto`, when the page says.
    pub dir: Option<String>,
    /// The site's own name (`og:site_name` or similar).
    pub site_name: Option<String>,
    /// A short description: metadata, or the first paragraph.
    pub excerpt: Option<String>,
    /// Absolute URL of the lead image.
    pub lead_image: Option<String>,
    /// The article body: sanitised HTML fragment (allowlisted tags, attributes and
    /// URL schemes only).
    pub content_html: String,
    /// The article's plain text: paragraphs and headings separated by blank lines.
    pub text: String,
    /// Words in `text`.
    pub word_count: usize,
    /// Estimated reading time in minutes (at least 1 for a non-empty article).
    pub reading_minutes: usize,
}
