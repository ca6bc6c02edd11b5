//! The stages wired together. Read this file first.

use crate::{attribution, clean, clutter, extract as grab, links, metadata, parse, render, tuning};
use crate::{Article, Error, Options};
use url::Url;

/// Extract the article of `html`, read at `url` (absolute; `None` keeps relative
/// links relative), with default options.
pub fn extract(html: &str, url: Option<&str>) -> Result<Article, Error> {
    extract_with(html, url, &Options::default())
}

/// [`extract`] with explicit options.
pub fn extract_with(html: &str, url: Option<&str>, opts: &Options) -> Result<Article, Error> {
    let page_url = match url {
        Some(u) => Some(Url::parse(u).map_err(|_| Error::InvalidUrl(u.to_string()))?),
        None => None,
    };
    let mut dom = parse::parse_document(html, opts)?;
    // The untouched tree: clutter and attribution read the page as the browser has it.
    let pristine = dom.clone();
    let mut meta = metadata::read(&dom, page_url.as_ref());
    let base = links::Base::from_document(&dom, page_url.as_ref());
    // Readability's `_unwrapNoscriptImages`: before extraction, as it scores images.
    links::unwrap_noscript_images(&mut dom, opts);
    let grabbed = grab::grab_article(&mut dom, &mut meta, opts).ok_or(Error::NoContent)?;
    let root = grabbed.content;
    // ---- mirror verdict + clutter (issue 5): on the pristine tree; reported
    // clutter the extractor kept inside the content is dropped before cleaning.
    let analysis = clutter::Analysis::new(&pristine, grabbed.source, page_url.as_ref(), &meta);
    let (mirror, clutter) = clutter::detect(&analysis, opts.listed.as_ref());
    clutter::remove_from(&mut dom, &analysis, root, &clutter, &grabbed.copies);
    // ----
    clean::finish(&mut dom, root, opts);
    links::absolutize(&mut dom, root, &base);
    let content_html = render::html(&dom, root, opts);
    let text = render::text(&dom, root);
    let content_markdown = render::markdown(&dom, root);
    // Nothing readable, or only the labels of a form (a sign-in page): no article.
    if text.trim().is_empty() || !has_text_outside_forms(&dom, root) {
        return Err(Error::NoContent);
    }
    // ---- attribution (issue 7)
    let attribution = attribution::attribute(&analysis, &text, &mirror);
    // ----
    let word_count = text.split_whitespace().count();
    let reading_minutes = if word_count == 0 {
        0
    } else {
        word_count.div_ceil(tuning::READING_WPM)
    };
    Ok(Article {
        title: meta.title,
        byline: meta.byline,
        published: meta.published,
        lang: meta.lang,
        dir: meta.dir,
        site_name: meta.site_name,
        excerpt: meta.excerpt,
        lead_image: meta.lead_image.and_then(|u| base.resolve_http(&u)),
        content_html,
        text,
        content_markdown,
        word_count,
        reading_minutes,
        mirror,
        clutter,
        attribution,
    })
}

/// Does the article hold any text that is not part of a form (labels, buttons)?
fn has_text_outside_forms(dom: &crate::dom::Dom, root: crate::dom::NodeId) -> bool {
    let mut stack = vec![root];
    while let Some(n) = stack.pop() {
        if dom.is_one_of(n, crate::patterns::FORM_TAGS) {
            continue;
        }
        if dom.text(n).is_some_and(|t| !t.trim().is_empty()) {
            return true;
        }
        stack.extend(dom.children(n));
    }
    false
}
