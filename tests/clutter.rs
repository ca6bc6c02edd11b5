//! Mirror verdict and clutter blocks on synthetic pages: template mirrors,
//! autoblogs, Q&A clones, listed sites; ordinary pages and licensed syndication
//! never flagged; every reported selector matches exactly its element (checked
//! with `scraper`, an independent engine), and clutter never holds the article.

use scraper::{Html, Selector};
use std::fs;
use unmirror::{extract, extract_with, Article, ListHit, Options};

fn fixture(name: &str) -> String {
    fs::read_to_string(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture")
}

/// Every selector matches one element whose visible text has `text_chars`
/// characters; no block holds article sentences listed in `article`.
fn check_selectors(html: &str, a: &Article, article: &[&str]) {
    let doc = Html::parse_document(html);
    for c in &a.clutter {
        let sel =
            Selector::parse(&c.selector).unwrap_or_else(|_| panic!("bad selector {}", c.selector));
        let hits: Vec<_> = doc.select(&sel).collect();
        assert_eq!(
            hits.len(),
            1,
            "{} matches {} elements",
            c.selector,
            hits.len()
        );
        let text: String = hits[0]
            .descendants()
            .filter(|n| {
                !n.ancestors().any(|p| {
                    p.value().as_element().is_some_and(|e| {
                        ["script", "style", "noscript", "template"].contains(&e.name())
                    })
                })
            })
            .filter_map(|n| n.value().as_text().map(|t| t.to_string()))
            .collect();
        let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(
            collapsed.chars().count(),
            c.text_chars,
            "text_chars of {}",
            c.selector
        );
        for s in article {
            assert!(
                !collapsed.contains(s),
                "{} ({}) holds article text {s:?}",
                c.selector,
                c.kind
            );
        }
    }
}

fn kinds(a: &Article) -> Vec<&str> {
    a.clutter.iter().map(|c| c.kind.as_str()).collect()
}

#[test]
fn template_mirror_is_flagged_and_its_clutter_reported() {
    let html = fixture("mt-template-mirror.html");
    let a = extract(
        &html,
        Some("https://quantumyield.fastexample.com/b/8a1b2c.html"),
    )
    .unwrap();
    assert!(a.mirror.is_mirror);
    assert_eq!(a.mirror.family.as_deref(), Some("finance-mirror-network"));
    let k = kinds(&a);
    for want in [
        "breadcrumb",
        "date",
        "vote_widget",
        "tag_list",
        "related_list",
        "read_more",
        "site_footer",
    ] {
        assert!(k.contains(&want), "missing {want} in {k:?}");
    }
    check_selectors(
        &html,
        &a,
        &[
            "ending ten years of arguments",
            "lobster fleet",
            "Construction is set to begin",
        ],
    );
    // injected same-site list removed from the article text; article kept
    assert!(!a.text.contains("Storm season outlook"));
    assert!(a.text.contains("lobster fleet"));
    assert!(!a.text.contains("Ten kitchen tricks"));
    assert!(!a.text.contains("Good!"));
    // an ad slot inside the body, whatever the extractor wrapped it in
    assert!(!a.text.contains("Advertisement"), "{}", a.text);
    assert!(k.contains(&"ad"));
}

#[test]
fn ordinary_article_is_not_a_mirror() {
    let html = fixture("ordinary-news.html");
    let a = extract(
        &html,
        Some("https://www.coastalledger.example/news/2025/02/flood-barrier-approved"),
    )
    .unwrap();
    assert!(!a.mirror.is_mirror, "{:?}", a.mirror);
    assert!(a.mirror.confidence < 0.5);
    assert!(a.clutter.is_empty());
    // without a URL too
    let a = extract(&html, None).unwrap();
    assert!(!a.mirror.is_mirror);
}

#[test]
fn licensed_syndication_is_not_a_mirror() {
    let html = fixture("licensed-portal.html");
    let a = extract(&html, Some("https://newsportal.example/a/flood-barrier")).unwrap();
    assert!(!a.mirror.is_mirror);
    assert!(a.clutter.is_empty());
}

#[test]
fn autoblog_with_source_link_and_hotlinked_image() {
    let html = fixture("autoblog-source-link.html");
    let a = extract(
        &html,
        Some("https://dailypulsewire.example/tiny-satellites-map-glacier-melt/"),
    )
    .unwrap();
    assert!(a.mirror.is_mirror, "{:?}", a.mirror);
    let k = kinds(&a);
    for want in [
        "site_header",
        "related_list",
        "source_notice",
        "site_footer",
    ] {
        assert!(k.contains(&want), "missing {want} in {k:?}");
    }
    check_selectors(
        &html,
        &a,
        &["shoebox-sized satellites", "checked against measurements"],
    );
}

#[test]
fn qa_clone_is_flagged() {
    let html = fixture("qa-clone.html");
    let a = extract(&html, Some("https://codeanswerhub.example/q/88231")).unwrap();
    assert!(a.mirror.is_mirror, "{:?}", a.mirror);
    assert!(a
        .mirror
        .evidence
        .iter()
        .any(|e| e.kind == "qa_clone_source_link"));
    check_selectors(&html, &a, &["Walk the list once", "singly linked list"]);
    assert!(a.clutter.iter().any(|c| c.selector.contains("side")));
}

#[test]
fn list_hits_of_mirror_lists_flag_and_other_lists_do_not() {
    let html = fixture("ordinary-news.html");
    let hit = |kind: &str| Options {
        listed: Some(ListHit {
            list: "test".into(),
            kind: kind.into(),
            rule: "coastalledger.example".into(),
        }),
        ..Options::default()
    };
    let url = Some("https://www.coastalledger.example/news/2025/02/flood-barrier-approved");
    let a = extract_with(&html, url, &hit("mirror")).unwrap();
    assert!(a.mirror.is_mirror);
    assert_eq!(a.mirror.family.as_deref(), Some("listed"));
    let k = kinds(&a);
    for want in ["site_header", "breadcrumb", "related_list", "site_footer"] {
        assert!(k.contains(&want), "missing {want} in {k:?}");
    }
    check_selectors(
        &html,
        &a,
        &["hinged steel gates", "Construction is set to begin"],
    );
    let a = extract_with(&html, url, &hit("content-farm")).unwrap();
    assert!(!a.mirror.is_mirror);
    assert!(a.clutter.is_empty());
}

#[test]
fn ids_anchor_selectors_and_duplicates_get_positions() {
    let html = fixture("autoblog-source-link.html");
    let a = extract(
        &html,
        Some("https://dailypulsewire.example/tiny-satellites-map-glacier-melt/"),
    )
    .unwrap();
    assert!(a.clutter.iter().any(|c| c.selector == "#header"));
    assert!(a.clutter.iter().any(|c| c.selector == "#sidebar"));
    assert!(a
        .clutter
        .iter()
        .all(|c| c.selector.starts_with('#') || c.selector.starts_with("body")));
}

/// Fixtures mark the blocks a reader would want hidden with `data-clutter` and
/// article paragraphs with `data-article` (attributes our code never reads).
/// Every marked clutter block must be covered by reported clutter, and no
/// article paragraph may sit inside it.
fn check_marked(name: &str, url: &str) -> Article {
    let html = fixture(name);
    let a = extract(&html, Some(url)).unwrap();
    assert!(a.mirror.is_mirror, "{name}: {:?}", a.mirror);
    let doc = Html::parse_document(&html);
    let ours: Vec<ego_tree::NodeId> = a
        .clutter
        .iter()
        .flat_map(|c| {
            doc.select(&Selector::parse(&c.selector).unwrap())
                .map(|e| e.id())
                .collect::<Vec<_>>()
        })
        .collect();
    let covered = |e: &scraper::ElementRef| -> bool {
        ours.contains(&e.id()) || e.ancestors().any(|p| ours.contains(&p.id()))
    };
    for e in doc.select(&Selector::parse("[data-clutter]").unwrap()) {
        assert!(
            covered(&e),
            "{name}: clutter not reported: {}",
            e.html().chars().take(120).collect::<String>()
        );
    }
    for e in doc.select(&Selector::parse("[data-article]").unwrap()) {
        assert!(
            !covered(&e),
            "{name}: article text inside clutter: {}",
            e.html().chars().take(120).collect::<String>()
        );
        let t: String = e.text().collect();
        assert!(
            a.text.contains(t.split_whitespace().next().unwrap_or("")),
            "{name}: article text lost"
        );
    }
    check_selectors(&html, &a, &[]);
    a
}

#[test]
fn unseen_family_shapes_reprint_aggregator_and_spun_copy() {
    let a = check_marked(
        "reprint-aggregator.html",
        "https://newsbox-reprints.example/world/1201.html",
    );
    assert_eq!(a.attribution.publisher.as_deref(), Some("BBC News"));
    assert_eq!(
        a.attribution.original_url.as_deref(),
        Some("https://www.bbc.com/news/technology-70112233")
    );
    let a = check_marked(
        "spun-copy.html",
        "https://trendvista.example/wildfire-smoke-pushes-air-quality-alerts/",
    );
    assert_eq!(a.attribution.publisher.as_deref(), Some("CNN"));
}

#[test]
fn hostile_markup_does_not_break_selectors_or_stack() {
    let listed = Options {
        listed: Some(ListHit {
            list: "t".into(),
            kind: "clone".into(),
            rule: "x.example".into(),
        }),
        ..Options::default()
    };
    // deep nesting, odd ids/classes, duplicate ids, non-ASCII text
    let mut html = String::from("<html><head><title>Ünïcode – Brand</title></head><body>");
    html.push_str("<div id=\"dup\" class=\"a:b x.y\"><a href=\"/\">Home</a> <a href=\"/n\">News</a></div><div id=\"dup\">Menu</div>");
    for _ in 0..3000 {
        html.push_str("<div>");
    }
    html.push_str("<p>Первый абзац статьи, достаточно длинный, чтобы считаться текстом статьи.</p><p>Second paragraph of the article, long enough to count as text, with commas, too.</p><p>Third paragraph of the article with enough words to score well in the finder.</p>");
    for _ in 0..3000 {
        html.push_str("</div>");
    }
    html.push_str("<div class=\"9bad\"><ul><li><a href=\"/a\">Related one</a></li><li><a href=\"/b\">Related two</a></li></ul></div></body></html>");
    let a = extract_with(&html, Some("https://x.example/a"), &listed).unwrap();
    assert!(a.mirror.is_mirror);
    assert!(!a.clutter.is_empty());
    check_selectors(&html, &a, &["Первый абзац", "Second paragraph"]);
    for c in &a.clutter {
        assert!(
            !c.selector.contains("dup")
                && !c.selector.contains("a:b")
                && !c.selector.contains("9bad"),
            "{}",
            c.selector
        );
    }
}
