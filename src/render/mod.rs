//! Stage 5: serialise the article: allowlisted HTML (`html`), plain text
//! (`text`) and Markdown (`markdown`, for export).

mod html;
mod markdown;
mod text;

pub(crate) use html::html;
#[allow(unused_imports)] // wired by the export stage
pub(crate) use markdown::markdown;
pub(crate) use text::text;
