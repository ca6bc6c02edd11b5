//! The stages wired together. Read this file first.

use crate::{
    attribution, clean, clutter, expand, extract as grab, links, metadata, parse, render, suspense,
    tuning, widen,
};
use crate::{Article, Error, Options};

/// Extract the article of `html`, read at `url` (absolute; `None` keeps relative
/// links relative), with default options.
pub fn extract(html: &str, url: Option<&str>) -> Result<Article, Error> {
    extract_with(html, url, &Options::default())
}

/// [`extract`] with explicit options.
pub fn extract_with(html: &str, url: Option<&str>, opts: &Options) -> Result<Article, Error> {
    extract_inner(html, url, opts, true)
}

/// The pipeline. When the visible page yields no article but its `<noscript>`
/// elements hold a server-rendered version (script-driven sites put the posts
/// there), and `fallback` is set, the noscript markup is extracted instead,
/// keeping the page's own metadata.
fn extract_inner(
    html: &str,
    url: Option<&str>,
    opts: &Options,
    fallback: bool,
) -> Result<Article, Error> {
    let page_url = match url {
        Some(u) => Some(crate::idn::parse(u).map_err(|_| Error::InvalidUrl(u.to_string()))?),
        None => None,
    };
    let mut dom = parse::parse_document(html, opts)?;
    // Streamed server rendering: the content its scripts would swap in.
    suspense::reveal(&mut dom);
    // The untouched tree: clutter and attribution read the page as the browser has it.
    let pristine = dom.clone();
    let mut meta = metadata::read(&dom, page_url.as_ref());
    let base = links::Base::from_document(&dom, page_url.as_ref());
    // Readability's `_unwrapNoscriptImages`: before extraction, as it scores images.
    links::unwrap_noscript_images(&mut dom, opts);
    // The page's header, navigation, footer, modals and cookie notices are
    // never the article (they win on pages whose content is in short blocks,
    // product, collection and landing pages).
    expand::drop_page_chrome(&mut dom);
    // Sections under headings naming what is not the content (reviews, other
    // products) can outscore a short product description.
    let body = dom
        .descendant_elements(crate::dom::ROOT)
        .find(|&n| dom.is_tag(n, "body"));
    if let Some(body) = body {
        expand::drop_stop_sections(&mut dom, body);
    }
    let Some(grabbed) = grab::grab_article(&mut dom, &mut meta, opts) else {
        return noscript_fallback(&pristine, url, opts, fallback, &meta);
    };
    let mut root = grabbed.content;
    // The pick's visible text, which each widening below compares against:
    // measured once, since a widening that applies replaces the pick and ends
    // the comparisons.
    let (pick, kept) = (root, std::cell::OnceCell::new());
    let kept_len = |dom: &crate::dom::Dom| *kept.get_or_init(|| widen::visible_text_len(dom, pick));
    // Widening: the page's own main region when Readability kept a small part of it.
    let mut widened = false;
    if let Some(main) = widen::main_region(&pristine) {
        let inside = grabbed
            .source
            .is_none_or(|s| s == main || pristine.is_ancestor(main, s));
        let kept = widen::visible_text_len(&dom, root) as f64;
        let wide = widen::visible_text_len(&pristine, main) as f64;
        if inside && wide >= tuning::WIDEN_MIN_RATIO * kept {
            let mut wider = pristine.clone();
            widen::strip(&mut wider, main);
            expand::drop_unlikely(&mut wider, main, &[]);
            expand::drop_stop_sections(&mut wider, main);
            expand::dedupe(&mut wider, main);
            wider.detach(main);
            let wrap = wider.create_element("div");
            wider.append_child(wrap, main);
            dom = wider;
            root = wrap;
            widened = true;
        }
    }
    // …or the run of alike items (posts, cards) its pick is one of.
    if let (false, Some(source)) = (widened, grabbed.source) {
        if let Some((_, first, last)) = widen::repeated_group(&pristine, source) {
            let kept = kept_len(&dom) as f64;
            let mut wider = pristine.clone();
            let wrap = wider.create_element("div");
            let mut cur = Some(first);
            while let Some(n) = cur {
                cur = wider.next_sibling(n).filter(|_| n != last);
                wider.append_child(wrap, n);
            }
            widen::strip(&mut wider, wrap);
            let items = wider.element_children(wrap);
            expand::drop_unlikely(&mut wider, wrap, &items);
            if widen::visible_text_len(&wider, wrap) as f64 >= tuning::REPEAT_MIN_RATIO * kept {
                dom = wider;
                root = wrap;
            }
        }
    }
    // …or the region of alike items that are not siblings (threads).
    if let (false, Some(source)) = (widened || root != grabbed.content, grabbed.source) {
        if let Some((region, items)) = widen::alike_region(&pristine, source) {
            let kept = kept_len(&dom) as f64;
            let mut wider = pristine.clone();
            widen::strip(&mut wider, region);
            expand::drop_unlikely(&mut wider, region, &items);
            expand::drop_stop_sections(&mut wider, region);
            expand::dedupe(&mut wider, region);
            if widen::visible_text_len(&wider, region) as f64 >= tuning::REPEAT_MIN_RATIO * kept {
                wider.detach(region);
                let wrap = wider.create_element("div");
                wider.append_child(wrap, region);
                dom = wider;
                root = wrap;
            }
        }
    }
    // …or, when none applied, every good text block of the page's content
    // region when the pick holds a small share of it.
    if let (false, Some(source)) = (widened || root != grabbed.content, grabbed.source) {
        if let Some((wider, wrap)) = expand::expand(&pristine, source, kept_len(&dom)) {
            dom = wider;
            root = wrap;
        }
    }
    // ---- mirror verdict + clutter (issue 5): on the pristine tree; reported
    // clutter the extractor kept inside the content is dropped before cleaning.
    let analysis = clutter::Analysis::new(&pristine, grabbed.source, page_url.as_ref(), &meta);
    let (mirror, clutter) = clutter::detect(&analysis, opts.listed.as_ref());
    clutter::remove_from(&mut dom, &analysis, root, &clutter, &grabbed.copies);
    // ----
    expand::dedupe_layout(&mut dom, root);
    expand::drop_stop_sections(&mut dom, root);
    clean::finish(&mut dom, root, opts);
    links::absolutize(&mut dom, root, &base);
    let content_html = render::html(&dom, root, opts);
    let text = render::text(&dom, root);
    // Nothing readable, or only the labels of a form (a sign-in page): no article.
    if text.trim().is_empty() || !has_text_outside_forms(&dom, root) {
        return noscript_fallback(&pristine, url, opts, fallback, &meta);
    }
    // Script-driven pages that render a token shell but put the full posts in
    // `<noscript>` (forum software does): the richer noscript version wins.
    if fallback {
        if let Some(article) = richer_noscript(&pristine, url, opts, &meta, &text) {
            return Ok(article);
        }
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
        word_count,
        reading_minutes,
        mirror,
        clutter,
        attribution,
    })
}

/// Extract the concatenated `<noscript>` markup of the body as a page of its
/// own (once: the fallback does not fall back again), with `meta` from the
/// real page.
fn noscript_fallback(
    pristine: &crate::dom::Dom,
    url: Option<&str>,
    opts: &Options,
    fallback: bool,
    meta: &metadata::Metadata,
) -> Result<Article, Error> {
    if !fallback {
        return Err(Error::NoContent);
    }
    let markup = noscript_markup(pristine);
    if markup.trim().len() < tuning::NOSCRIPT_FALLBACK_MIN_BYTES {
        return Err(Error::NoContent);
    }
    noscript_article(&markup, url, opts, meta)
}

/// The concatenated `<noscript>` markup of the body.
fn noscript_markup(pristine: &crate::dom::Dom) -> String {
    let mut markup = String::new();
    for n in pristine.elements_by_tag(crate::dom::ROOT, &["noscript"]) {
        if pristine.ancestors(n).any(|a| pristine.is_tag(a, "head")) {
            continue;
        }
        markup.push_str(&pristine.text_content(n));
        markup.push('\n');
    }
    markup
}

/// The article of the noscript version when it holds several times the text
/// of the visible page's article `text`.
fn richer_noscript(
    pristine: &crate::dom::Dom,
    url: Option<&str>,
    opts: &Options,
    meta: &metadata::Metadata,
    text: &str,
) -> Option<Article> {
    let has_noscript = pristine
        .elements_by_tag(crate::dom::ROOT, &["noscript"])
        .into_iter()
        .any(|n| pristine.text_len_trimmed(n) >= tuning::NOSCRIPT_RICHER_MIN_BYTES);
    if !has_noscript {
        return None;
    }
    let markup = noscript_markup(pristine);
    let visible = text.chars().count() as f64;
    if (markup.len() as f64) < tuning::NOSCRIPT_RICHER_RATIO * visible {
        return None;
    }
    let article = noscript_article(&markup, url, opts, meta).ok()?;
    (article.text.chars().count() as f64 >= tuning::NOSCRIPT_RICHER_RATIO * visible)
        .then_some(article)
}

/// Extract `markup` (noscript content) as a page of its own, with `meta` from
/// the real page.
fn noscript_article(
    markup: &str,
    url: Option<&str>,
    opts: &Options,
    meta: &metadata::Metadata,
) -> Result<Article, Error> {
    let page = format!("<!DOCTYPE html><html><body>{markup}</body></html>");
    let mut article = extract_inner(&page, url, opts, false)?;
    if !meta.title.is_empty() {
        article.title = meta.title.clone();
    }
    article.byline = meta.byline.clone().or(article.byline);
    article.published = meta.published.clone().or(article.published);
    article.lang = meta.lang.clone().or(article.lang);
    article.site_name = meta.site_name.clone().or(article.site_name);
    article.excerpt = meta.excerpt.clone().or(article.excerpt);
    Ok(article)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_objects_fallback_content_is_kept_and_the_embed_dropped() {
        let p = "The council met on Tuesday and agreed to extend the bus routes through the winter months, officials said. ";
        let q = "Residents who rely on the late buses welcomed the decision, saying it helps them reach evening shifts. ";
        for object in [
            // Unclosed: the rest of the article sits inside it.
            "<object data=movie.swf type=application/x-shockwave-flash><param name=movie value=movie.swf>",
            // Closed, with a paragraph of fallback content, then the rest.
            "<object data=movie.swf><embed src=movie.swf><p>Watch the board meeting.</p></object>",
        ] {
            let html = format!(
                "<html><head><title>Buses</title></head><body><article><h1>Buses</h1><p>{}</p>{object}<p>{}</p><p>{}</p></article></body></html>",
                p.repeat(4),
                q.repeat(4),
                p.repeat(3)
            );
            let a = extract(&html, None).expect("article");
            assert!(a.text.contains("Residents who rely"), "{object}: {}", a.text);
            assert!(a.markdown().contains("Residents who rely"), "{object}");
            assert!(a.content_html.contains("Residents who rely"), "{object}");
            for gone in ["<object", "<param", "<embed", "movie.swf"] {
                assert!(!a.content_html.contains(gone), "{object}: {gone} in {}", a.content_html);
            }
        }
        // A bare embed (no text) still goes.
        let html = format!(
            "<html><body><article><p>{}</p><object data=movie.swf><param name=a value=b></object><p>{}</p></article></body></html>",
            p.repeat(4),
            q.repeat(4)
        );
        let a = extract(&html, None).expect("article");
        assert!(!a.content_html.contains("movie.swf") && !a.content_html.contains("<div></div>"));
    }

    #[test]
    fn noscript_posts_are_extracted_when_the_body_is_empty() {
        let post = "This is a long forum post that explains the problem in detail, with enough words to count as content for the reader. ";
        let html = format!(
            "<html><head><title>Thread</title></head><body><div id=app></div><noscript><div class=posts><p>{}</p><p>{}</p></div></noscript></body></html>",
            post.repeat(3),
            post.repeat(2)
        );
        let article = extract(&html, None).expect("noscript fallback");
        assert!(article.text.contains("forum post that explains"));
        assert_eq!(article.title, "Thread");
        assert!(extract(
            "<html><body><div></div><noscript>Enable JS</noscript></body></html>",
            None
        )
        .is_err());
    }

    #[test]
    fn a_richer_noscript_version_wins_over_a_token_shell() {
        let post = "This is a long forum post that explains the problem in detail, with enough words to count as content for the reader. ";
        let html = format!(
            "<html><head><title>Thread</title></head><body><div id=app><h1>Community forums</h1>\
             <p>Share and learn in the community, with the people who build it.</p></div>\
             <noscript><div class=posts><p>{}</p><p>{}</p><p>{}</p></div></noscript></body></html>",
            post.repeat(8),
            post.repeat(6),
            post.repeat(4)
        );
        let article = extract(&html, None).expect("article");
        assert!(article.text.contains("forum post that explains"));
        assert!(!article.text.contains("Share and learn"));
        // A small noscript note does not replace the page.
        let html = format!(
            "<html><body><div><p>{}</p></div><noscript><p>Please enable JavaScript to see the comments.</p></noscript></body></html>",
            post.repeat(4)
        );
        let article = extract(&html, None).expect("article");
        assert!(!article.text.contains("enable JavaScript"));
    }

    #[test]
    fn the_page_footer_is_never_the_article() {
        let html = "<html><body><div class=product><h1>Walnut desk lamp</h1>\
            <p>A lamp of oiled walnut with a linen shade.</p></div>\
            <footer><p>We are a small team of makers who care about every order, and we answer every message ourselves, so write to us, really, at any time, about anything at all.</p>\
            <ul><li><a href=/a>About</a></li><li><a href=/b>Returns</a></li></ul></footer></body></html>";
        let article = extract(html, None).expect("article");
        assert!(article.text.contains("oiled walnut"), "{}", article.text);
        assert!(!article.text.contains("small team of makers"));
        assert!(!article.text.contains("Free shipping"));
        // Nor is a cookie notice.
        let html = html.replace(
            "<footer>",
            "<div id=cookie-notice><p>We and our many partners use cookies and similar technologies to store and access data on your device, to measure and improve the service, and to show you content you may like.</p></div><footer>",
        );
        let article = extract(&html, None).expect("article");
        assert!(article.text.contains("oiled walnut"), "{}", article.text);
        assert!(!article.text.contains("partners use cookies"));
    }

    #[test]
    fn a_reviews_section_never_outscores_the_description() {
        // Comma-rich reviews beside a plain description and a spec list,
        // holding a small share of the page's text.
        let desc = "This oak stool is turned by hand and finished with oil and sized for a kitchen counter. ";
        let review = "<p>Sturdy, handsome, light, warm, simple, honest, cheap, clean, fine, good, yes, really.</p>";
        let specs: String = (0..12)
            .map(|i| format!("<li>Specification line number {i} of the stool</li>"))
            .collect();
        let html = format!(
            "<html><body><div class=product><h1>Oak stool</h1><div class=description><p>{}</p></div>\
             <ul>{specs}</ul><section><h2>Customer reviews</h2>{}</section></div></body></html>",
            desc.repeat(3),
            review.repeat(2)
        );
        let article = extract(&html, None).expect("article");
        assert!(article.text.contains("turned by hand"), "{}", article.text);
        assert!(!article.text.contains("sturdy"), "{}", article.text);
    }
}
