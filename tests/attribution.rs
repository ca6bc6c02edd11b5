//! Source attribution, one signal per test, including the misleading cases: a
//! canonical pointing to the mirror itself, an outlet merely quoted, "AP" as an
//! ordinary word, "ap" inside words, and copies with no recoverable source.

use std::fs;
use unmirror::{extract, Article};

fn fixture(name: &str) -> String {
    fs::read_to_string(format!(
        "{}/tests/fixtures/{name}",
        env!("CARGO_MANIFEST_DIR")
    ))
    .expect("fixture")
}

fn run(html: &str, url: &str) -> Article {
    extract(html, Some(url)).expect("article")
}

/// An article page: `head` extra, `body` paragraphs (at least three long ones
/// are added so the article is found).
fn page(head: &str, title: &str, body: &str) -> String {
    format!(
        "<!DOCTYPE html><html><head><title>{title}</title>{head}</head><body>\
         <header><a href=\"/\">Site</a></header><article><h1>{title}</h1><div class=\"body\">\
         <p>The regional transit board voted on Thursday to extend late-night bus service on four routes, a change riders have requested for years.</p>\
         <p>Officials said the pilot will run for twelve months, after which ridership, costs and safety reports will decide whether it becomes permanent.</p>\
         <p>Drivers' representatives said they supported the plan as long as the extra shifts are voluntary and paid at the overtime rate.</p>\
         {body}</div></article><footer>Footer</footer></body></html>"
    )
}

fn kinds(a: &Article) -> Vec<&str> {
    a.attribution
        .evidence
        .iter()
        .map(|e| e.kind.as_str())
        .collect()
}

#[test]
fn canonical_naming_another_site() {
    let html = page(
        "<link rel=\"canonical\" href=\"https://www.nytimes.com/2025/01/09/nyregion/late-night-buses.html\">",
        "Late-night buses return",
        "",
    );
    let a = run(&html, "https://copies.example/late-night-buses/");
    assert_eq!(
        a.attribution.publisher.as_deref(),
        Some("The New York Times")
    );
    assert_eq!(
        a.attribution.original_url.as_deref(),
        Some("https://www.nytimes.com/2025/01/09/nyregion/late-night-buses.html")
    );
    assert!(kinds(&a).contains(&"canonical"));
}

#[test]
fn canonical_pointing_to_the_mirror_itself_names_nobody_else() {
    let html = page(
        "<link rel=\"canonical\" href=\"https://copies.example/late-night-buses/\"><meta property=\"og:url\" content=\"https://copies.example/late-night-buses/\">",
        "Late-night buses return",
        "",
    );
    let a = run(&html, "https://copies.example/late-night-buses/");
    assert_eq!(a.attribution.original_url, None);
    assert_eq!(
        a.attribution.publisher_domain.as_deref(),
        Some("copies.example")
    );
    assert!(!kinds(&a).contains(&"canonical"));
}

#[test]
fn json_ld_is_based_on_and_original_source_meta() {
    let ld = r#"<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Late-night buses return","isBasedOn":"https://www.theguardian.com/us-news/2025/jan/09/late-night-buses","publisher":{"@type":"Organization","name":"Copies"}}</script>"#;
    let a = run(
        &page(ld, "Late-night buses return", ""),
        "https://copies.example/a/",
    );
    assert_eq!(a.attribution.publisher.as_deref(), Some("The Guardian"));
    assert_eq!(
        a.attribution.original_url.as_deref(),
        Some("https://www.theguardian.com/us-news/2025/jan/09/late-night-buses")
    );
    let meta = r#"<meta name="original-source" content="https://www.reuters.com/world/us/late-night-buses-2025-01-09/">"#;
    let a = run(
        &page(meta, "Late-night buses return", ""),
        "https://copies.example/a/",
    );
    assert_eq!(a.attribution.publisher.as_deref(), Some("Reuters"));
    assert!(a
        .attribution
        .original_url
        .as_deref()
        .unwrap()
        .contains("reuters.com"));
}

#[test]
fn feed_notice_names_publisher_and_url() {
    let notice = "<p>The post <a href=\"https://www.theverge.com/2025/1/9/late-night-buses\">Late-night buses return</a> appeared first on <a href=\"https://www.theverge.com\">The Verge</a>.</p>";
    let a = run(
        &page("", "Late-night buses return", notice),
        "https://autoblog.example/2025/01/late-night-buses/",
    );
    assert!(a.mirror.is_mirror);
    assert_eq!(a.attribution.publisher.as_deref(), Some("The Verge"));
    assert_eq!(
        a.attribution.original_url.as_deref(),
        Some("https://www.theverge.com/2025/1/9/late-night-buses")
    );
    // the notice is clutter on the mirror, and not in the article text
    assert!(a.clutter.iter().any(|c| c.kind == "source_notice"));
    assert!(!a.text.contains("appeared first on"));
}

#[test]
fn originally_appeared_is_a_cross_post_not_a_mirror() {
    let note = "<p><em>This article originally appeared on <a href=\"https://www.theatlantic.com/technology/archive/2025/01/late-night-buses/123456/\">The Atlantic</a>.</em></p>";
    let a = run(
        &page(
            "<meta property=\"og:site_name\" content=\"CityDesk\">",
            "Late-night buses return",
            note,
        ),
        "https://citydesk.example/a/1",
    );
    assert!(!a.mirror.is_mirror);
    assert_eq!(a.attribution.publisher.as_deref(), Some("The Atlantic"));
    assert!(a
        .attribution
        .original_url
        .as_deref()
        .unwrap()
        .starts_with("https://www.theatlantic.com/"));
}

#[test]
fn source_credit_on_a_content_farm() {
    let body = "<p class=\"x\">Source: The Associated Press</p>";
    let html = page("", "Late-night buses return", body)
        .replace("<footer>Footer</footer>", "<div class=\"note\">Disclaimer: The content of this website is collected from the internet. If any content infringes your rights, please contact us and it will be removed.</div><footer>Footer</footer>");
    let a = run(&html, "https://trendfarm.example/late-night-buses-2025/");
    assert!(a.mirror.is_mirror, "{:?}", a.mirror);
    assert_eq!(
        a.attribution.publisher.as_deref(),
        Some("The Associated Press")
    );
    assert_eq!(
        a.attribution.original_url, None,
        "a name alone is not a URL"
    );
}

#[test]
fn wire_dateline_and_licence_on_a_portal() {
    let a = run(
        &fixture("licensed-portal.html"),
        "https://newsportal.example/a/flood-barrier",
    );
    assert!(!a.mirror.is_mirror, "licensed syndication is not a mirror");
    assert!(a.mirror.evidence.iter().any(|e| e.kind == "licence_credit"));
    assert_eq!(
        a.attribution.publisher.as_deref(),
        Some("The Associated Press")
    );
    assert!(
        a.attribution.agencies.is_empty(),
        "AP is the publisher, not an agency"
    );
}

#[test]
fn quoted_outlets_and_ap_as_a_word_name_nobody() {
    let a = run(
        &fixture("ordinary-news.html"),
        "https://www.coastalledger.example/news/2025/02/flood-barrier-approved",
    );
    assert!(!a.mirror.is_mirror);
    assert!(a.clutter.is_empty());
    // "according to Reuters", "told CBS News", "first reported by The New York
    // Times", "AP Biology", "The AP exam": the site is the publisher.
    assert_eq!(a.attribution.publisher.as_deref(), Some("Coastal Ledger"));
    assert!(
        a.attribution.agencies.is_empty(),
        "{:?}",
        a.attribution.agencies
    );
    let body = "<p>She took AP Biology, then the AP exam, and built a snap map app.</p><p>He said, according to Reuters, that the plan was sound. A spokesperson told CNN it would go ahead.</p>";
    let a = run(
        &page("", "Late-night buses return", body),
        "https://blog.example/post/1",
    );
    assert_eq!(
        a.attribution.publisher_domain.as_deref(),
        Some("blog.example")
    );
    assert!(a
        .attribution
        .evidence
        .iter()
        .all(|e| e.kind == "site_identity"));
}

#[test]
fn staff_self_reference_and_agency_on_a_mirror() {
    let a = run(
        &fixture("mt-template-mirror.html"),
        "https://quantumyield.fastexample.com/b/8a1b2c.html",
    );
    assert!(a.mirror.is_mirror);
    assert_eq!(
        a.attribution.publisher.as_deref(),
        Some("The Associated Press")
    );
    let body = "<p>NBC News chief foreign correspondent Jane Holloway said the vote was watched closely in the region.</p>\
                <p>\"It is a fragile compromise,\" a transport analyst who asked not to be named told AFP.</p>";
    let html = fixture("mt-template-mirror.html")
        .replace("BRISTOW, Maine (AP) — ", "")
        .replace(
            "<p>Construction is set",
            &format!("{body}<p>Construction is set"),
        );
    let a = run(&html, "https://quantumyield.fastexample.com/b/8a1b2c.html");
    assert!(a.mirror.is_mirror);
    assert_eq!(a.attribution.publisher.as_deref(), Some("NBC News"));
    assert_eq!(
        a.attribution.agencies,
        vec!["Agence France-Presse".to_string()]
    );
    assert!(kinds(&a).contains(&"staff_self_reference"));
}

#[test]
fn image_hosts_and_photo_credits() {
    let body = "<figure><img src=\"https://static.seattletimes.com/wp-content/uploads/2025/01/bus-1020x680.jpg\"><figcaption>A late bus on Third Avenue. (Jane Roe / The Seattle Times)</figcaption></figure>";
    let html = page("", "Late-night buses return -Golden Yield", body);
    let a = run(&html, "https://goldenyield.example/news/1a2b3c.html");
    assert_eq!(
        a.attribution.publisher.as_deref(),
        Some("The Seattle Times")
    );
    let k = kinds(&a);
    assert!(
        k.contains(&"image_host") && k.contains(&"staff_photo_credit"),
        "{k:?}"
    );
}

#[test]
fn mirror_without_a_recoverable_source_names_nobody() {
    // A template mirror whose text credits nobody: one bare mention and a couple
    // of links to a news site are not enough to name a publisher.
    let html = fixture("mt-template-mirror.html")
        .replace("BRISTOW, Maine (AP) — ", "")
        .replace("officials said.</p>", "officials said, as <a href=\"https://www.latimes.com/a\">reported</a> <a href=\"https://www.latimes.com/b\">earlier</a>.</p>");
    let a = run(&html, "https://quantumyield.fastexample.com/b/8a1b2c.html");
    assert!(a.mirror.is_mirror);
    assert_eq!(a.attribution.publisher, None, "{:?}", a.attribution);
    assert_eq!(a.attribution.original_url, None);
}

#[test]
fn autoblog_source_link_and_qa_clone() {
    let a = run(
        &fixture("autoblog-source-link.html"),
        "https://dailypulsewire.example/tiny-satellites-map-glacier-melt/",
    );
    assert!(a.mirror.is_mirror);
    assert_eq!(
        a.attribution.publisher.as_deref(),
        Some("The New York Times")
    );
    assert_eq!(
        a.attribution.original_url.as_deref(),
        Some("https://www.nytimes.com/2025/03/03/science/glacier-satellites-melt.html")
    );
    let a = run(
        &fixture("qa-clone.html"),
        "https://codeanswerhub.example/q/88231",
    );
    assert!(a.mirror.is_mirror);
    assert_eq!(a.attribution.publisher.as_deref(), Some("Stack Overflow"));
    assert!(a
        .attribution
        .original_url
        .as_deref()
        .unwrap()
        .starts_with("https://stackoverflow.com/questions/1234567/"));
}

#[test]
fn byline_naming_another_outlet() {
    let html = page(
        "<meta name=\"author\" content=\"Jane Holloway, CBS News\">",
        "Late-night buses return -Silver Harbor",
        "<p>Ridership on the four routes fell by half during the pandemic and has recovered only slowly since.</p>",
    );
    let a = run(&html, "https://silverharbor.example/news/77aa.html");
    assert_eq!(a.attribution.publisher.as_deref(), Some("CBS News"));
    assert!(kinds(&a).contains(&"byline_outlet"));
}
