//! Stage 5: serialise the article: allowlisted HTML (`html`) and plain text
//! (`text`).

mod html;
mod text;

pub(crate) use html::html;
pub(crate) use text::text;
