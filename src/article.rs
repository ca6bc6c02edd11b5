//! The result types. These are the JSON the CLI prints and the objects the wasm
//! binding hands to JavaScript: field names are snake_case and stable.

use serde::{Deserialize, Serialize};

/// A cleaned article and what unmirror knows about the page.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
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
    /// Is the page a mirror (a scraped or unlicensed copy), and why.
    pub mirror: Mirror,
    /// Elements to hide on a mirror page (empty on other pages).
    pub clutter: Vec<Clutter>,
    /// Who originally published the article, and why we think so.
    pub attribution: Attribution,
}

impl Article {
    /// The article body as CommonMark/GFM, rendered from `content_html` (so it
    /// shows what the reader view shows): the body of the Markdown export (see
    /// [`crate::export()`]). Computed on demand: reading never needs it.
    pub fn markdown(&self) -> String {
        crate::render::markdown_of_html(&self.content_html)
    }
}

// ---- mirror verdict, clutter, attribution (issues 5 and 7) -------------------

/// The mirror verdict.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Mirror {
    /// A scraped or unlicensed copy of another outlet's article.
    pub is_mirror: bool,
    /// How sure the verdict is that the page is a mirror, 0..1 (below 0.5 when
    /// `is_mirror` is false).
    pub confidence: f64,
    /// The template family, when recognised (`finance-mirror-network`,
    /// `wordpress-autoblog`, `content-farm`, `listed`).
    pub family: Option<String>,
    /// What the verdict rests on (also the evidence against, such as licence
    /// credits).
    pub evidence: Vec<Evidence>,
}

/// One piece of evidence: what kind, the text or attribute it came from, and the
/// outlet it points to (if any).
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Evidence {
    pub kind: String,
    pub text: String,
    pub points_to: Option<String>,
}

/// An element the extension hides on a mirror page.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Clutter {
    /// `site_header`, `navigation`, `sidebar`, `site_footer`, `breadcrumb`,
    /// `byline`, `date`, `vote_widget`, `tag_list`, `share_bar`, `related_list`,
    /// `read_more`, `ad`, `newsletter_prompt`, `cookie_prompt`, `popup`,
    /// `comments`, `seo_text`, `disclaimer`, `source_notice`, `form`,
    /// `site_chrome`.
    pub kind: String,
    /// A CSS selector of plain parts (tag, `#id`, `.class`, `:nth-of-type()`,
    /// `>`) matching exactly this element in the source document.
    pub selector: String,
    /// Why it is clutter.
    pub reason: String,
    /// Characters of visible text it holds (whitespace collapsed).
    pub text_chars: usize,
    /// The element in the pristine tree (ids are shared with the working tree).
    #[serde(skip)]
    pub(crate) node: usize,
}

/// Who originally published the article.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
#[serde(default)]
pub struct Attribution {
    /// The original publisher's name; `None` when nothing supports one.
    pub publisher: Option<String>,
    /// Its domain, when known.
    pub publisher_domain: Option<String>,
    /// The original article's URL, only when the page holds it.
    pub original_url: Option<String>,
    /// 0..1.
    pub confidence: f64,
    /// Contributing agencies (wires, photo agencies) other than the publisher.
    pub agencies: Vec<String>,
    /// The evidence, strongest first.
    pub evidence: Vec<Evidence>,
}
