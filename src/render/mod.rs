//! Stage 5: serialise the article: allowlisted HTML (`html`), plain text
//! (`text`) and Markdown (`markdown`, for export).

mod html;
mod markdown;
mod text;

pub(crate) use html::{html, push_escaped, safe_url, UrlUse};
pub(crate) use markdown::{escape_line as markdown_line, markdown};
pub(crate) use text::text;

/// The Markdown of an article's content HTML (what [`html`] produced): the
/// body of the Markdown export. Rendered from the HTML rather than the tree so
/// the reader path, which never needs Markdown, does not pay for it, and so
/// the export shows exactly what the reader view showed.
pub(crate) fn markdown_of_html(content_html: &str) -> String {
    let (dom, wrap) = reparse(content_html);
    markdown(&dom, wrap)
}

/// `content_html` parsed back into a tree, under a `<div>`, within the page
/// limits (twice the byte limit: absolute links can make the article longer
/// than the page it came from; the export also reads articles handed back by
/// the extension, so the limits stay).
fn reparse(content_html: &str) -> (crate::dom::Dom, crate::dom::NodeId) {
    let defaults = crate::Options::default();
    let opts = crate::Options {
        max_bytes: defaults.max_bytes.saturating_mul(2),
        ..defaults
    };
    let mut dom = crate::dom::Dom::new();
    let nodes = crate::parse::parse_fragment_into(&mut dom, content_html, &opts);
    let wrap = dom.create_element("div");
    for n in nodes {
        dom.append_child(wrap, n);
    }
    (dom, wrap)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every corpus article's HTML parses back into the tree it was rendered
    /// from (up to whitespace between tags): what the reader view shows, and
    /// what the Markdown export is rendered from, is what the core built.
    #[test]
    fn content_html_parses_back_into_itself_over_the_corpus() {
        let Some(corpus) = crate::shared_corpus() else {
            eprintln!("skipped: no shared corpus (set UNMIRROR_SHARED to the shared folder)");
            return;
        };
        let squash = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
        let (mut count, mut failures) = (0, Vec::new());
        for name in ["readability", "wcxb-dev", "mirrors/dev"] {
            let Ok(dirs) = std::fs::read_dir(corpus.join(name)) else {
                continue;
            };
            for dir in dirs.flatten().map(|e| e.path()) {
                let Ok(bytes) = std::fs::read(dir.join("source.html")) else {
                    continue;
                };
                let url = std::fs::read_to_string(dir.join("meta.json"))
                    .ok()
                    .and_then(|m| serde_json::from_str::<serde_json::Value>(&m).ok())
                    .and_then(|m| m.get("url")?.as_str().map(str::to_string));
                let page = crate::decode_html(&bytes);
                let Ok(article) = crate::extract(&page, url.as_deref()) else {
                    continue;
                };
                count += 1;
                let (dom, wrap) = reparse(&article.content_html);
                let again = html(&dom, wrap, &crate::Options::default());
                if squash(&again) != squash(&article.content_html) {
                    failures.push(dir.display().to_string());
                }
            }
        }
        assert!(count > 100, "too few articles: {count}");
        assert!(
            failures.is_empty(),
            "{} of {count}: {failures:?}",
            failures.len()
        );
    }
}
