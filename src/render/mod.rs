//! Stage 5: serialise the article: allowlisted HTML (`html`), plain text
//! (`text`) and Markdown (`markdown`, for export).

mod html;
mod markdown;
mod text;

pub(crate) use html::{html, push_escaped, safe_url, UrlUse};
pub(crate) use markdown::{escape_line as markdown_line, markdown};
pub(crate) use text::text;
