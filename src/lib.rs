//! unmirror's core: a page's HTML (and its URL) in, a clean article out.
//!
//! The pipeline, one module per stage (see [`extract`]):
//! 1. `parse`: bounded pre-scan, html5ever parse, copy into the `dom` arena.
//! 2. `metadata`: title, byline, dates, language, site name, excerpt, lead image.
//! 3. `extract` (with `score` and `clean`): find the article body (Readability's
//!    algorithm plus boilerplate signals) and tidy it.
//! 4. `links`: absolute URLs against the page URL and `<base>`.
//! 5. `render`: allowlist-serialised HTML and paragraph-aware plain text.
//! 6. `clutter` (mirror verdict, clutter blocks) and `attribution` (who published
//!    the article), both on the pristine tree, with `outlets` (embedded dataset).
//! 7. `export`: Markdown (front matter + GFM), standalone HTML page, text.
//!
//! No I/O, no network, no clock: everything the library needs is passed in.

mod article;
mod attribution;
mod clean;
mod clutter;
mod decode;
mod dom;
mod error;
mod expand;
mod export;
mod extract;
/// URL parsing with Unicode hosts (public for the fuzz harnesses, which must
/// see URLs exactly as the library does).
#[doc(hidden)]
pub mod idn;
mod links;
mod metadata;
mod options;
mod outlets;
mod parse;
mod patterns;
mod pipeline;
mod render;
mod score;
pub mod sites;
mod sort;
mod suspense;
mod tuning;
mod widen;

pub use article::{Article, Attribution, Clutter, Evidence, Mirror};
pub use decode::decode_html;
pub use error::Error;
pub use export::{export, file_name, ExportContext, ExportFormat};
pub use options::{ListHit, Options};
pub use outlets::{install_local_news, local_news_installed};
pub use pipeline::{extract, extract_with};

#[cfg(target_arch = "wasm32")]
mod wasm;

/// The shared corpus folder (`UNMIRROR_SHARED`, else `../shared`), for the
/// unit tests that run over it; `None` (the test skips) when it is absent.
#[cfg(test)]
fn shared_corpus() -> Option<std::path::PathBuf> {
    let manifest = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    std::env::var_os("UNMIRROR_SHARED")
        .map(std::path::PathBuf::from)
        .or_else(|| Some(manifest.join("../shared")))
        .map(|s| s.join("corpus"))
        .filter(|c| c.exists())
}
