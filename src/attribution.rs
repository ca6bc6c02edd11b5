//! Source attribution (issue 7): who really published the article, with the
//! evidence.
//!
//! [`scan`] collects *claims* from the pristine page, each naming a site (an
//! [`Ident`]) with a kind, a role (publisher or contributing agency), a weight
//! and the text or attribute it came from:
//! 1. structured metadata naming another site: canonical, og:url, JSON-LD
//!    `isBasedOn` / `sourceOrganization` / `publisher`, `<meta name=original-source
//!    | syndication-source>`;
//! 2. republication notices: "The post … appeared first on …", "originally
//!    appeared on …", "Source: …", "via …";
//! 3. wire and agency credits: datelines "(AP) —", "Copyright … The Associated
//!    Press", "told AFP", "AP Photo/…", "/ Getty Images";
//! 4. an outlet naming its own staff ("CBS News senior foreign correspondent …",
//!    "Jon Sopel, BBC News, Washington", "Photo by …/CNET"), body links and image
//!    hosts pointing to one outlet.
//!
//! [`attribute`] weighs them. On a mirror the site itself is never the
//! publisher and a name is given only with clear support and margin; on other
//! pages the site is the publisher unless strong evidence names the original
//! (syndication: the wire, not the portal). Quoted outlets ("according to
//! Reuters") and short forms outside credit patterns ("AP" as a word) give
//! nothing.

use crate::article::{Attribution, Evidence, Mirror};
use crate::clutter::{excerpt, norm_words, similar_words, title_parts, Analysis, Page};
use crate::dom::NodeId;
use crate::metadata::Metadata;
use crate::outlets::{
    self, identify, outlet_by_name, outlets_for_host, registrable_domain, HostMatch, Ident, Kind,
    OUTLETS,
};
use crate::patterns::{self as pat, collapse_ws};
use crate::tuning as t;
use url::Url;

/// The kinds of claims, most trusted first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ClaimKind {
    OriginalSource,
    IsBasedOn,
    Canonical,
    OgUrl,
    SourceOrganization,
    JsonLdPublisher,
    AppearedFirstOn,
    Originally,
    SourceCredit,
    Via,
    WireDateline,
    Copyright,
    Staff,
    OutletDateline,
    Signature,
    PhotoCredit,
    ImageHost,
    SharedCdn,
    BodyLinks,
    Mention,
    AgencyCredit,
    /// A byline naming an outlet other than the site.
    Byline,
    /// The page's site name or title brand is another outlet's.
    ForeignSiteName,
}

impl ClaimKind {
    pub fn name(self) -> &'static str {
        match self {
            ClaimKind::OriginalSource => "original_source_meta",
            ClaimKind::IsBasedOn => "json_ld_is_based_on",
            ClaimKind::Canonical => "canonical",
            ClaimKind::OgUrl => "og_url",
            ClaimKind::SourceOrganization => "json_ld_source_organization",
            ClaimKind::JsonLdPublisher => "json_ld_publisher",
            ClaimKind::AppearedFirstOn => "appeared_first_on",
            ClaimKind::Originally => "originally_appeared",
            ClaimKind::SourceCredit => "source_credit",
            ClaimKind::Via => "via_credit",
            ClaimKind::WireDateline => "wire_dateline",
            ClaimKind::Copyright => "copyright_credit",
            ClaimKind::Staff => "staff_self_reference",
            ClaimKind::OutletDateline => "outlet_dateline",
            ClaimKind::Signature => "staff_signature",
            ClaimKind::PhotoCredit => "staff_photo_credit",
            ClaimKind::ImageHost => "image_host",
            ClaimKind::SharedCdn => "shared_cdn_image",
            ClaimKind::BodyLinks => "body_links",
            ClaimKind::Mention => "text_mentions_outlet",
            ClaimKind::AgencyCredit => "agency_credit",
            ClaimKind::Byline => "byline_outlet",
            ClaimKind::ForeignSiteName => "foreign_site_name",
        }
    }

    /// Claims strong enough to name another site as the publisher of a page that
    /// is not a mirror (syndication, cross-posts).
    fn names_original(self) -> bool {
        matches!(
            self,
            ClaimKind::OriginalSource
                | ClaimKind::IsBasedOn
                | ClaimKind::Canonical
                | ClaimKind::OgUrl
                | ClaimKind::SourceOrganization
                | ClaimKind::AppearedFirstOn
                | ClaimKind::Originally
                | ClaimKind::WireDateline
                | ClaimKind::Copyright
                | ClaimKind::Byline
        )
    }

    /// Priority of the claim's URL as the original URL (lower first; only
    /// structured data and notices carry URLs).
    fn url_rank(self) -> usize {
        self as usize
    }
}

/// Publisher evidence, or credit for a contributing agency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Publisher,
    Agency,
}

/// One piece of evidence about who published the article.
#[derive(Debug, Clone)]
pub(crate) struct Claim {
    pub who: Ident,
    pub kind: ClaimKind,
    pub role: Role,
    pub weight: f64,
    pub text: String,
    /// A URL of the original the page holds (structured data, notice links).
    pub url: Option<String>,
    /// The block the claim was read from (notices become clutter on mirrors).
    pub node: Option<NodeId>,
    /// For feed notices: does the notice's title match the page's?
    pub title_matches: bool,
}

/// What the page says about itself.
#[derive(Debug, Clone, Default)]
pub(crate) struct Site {
    pub idents: Vec<Ident>,
    /// Names it goes by (site name, title brand).
    pub names: Vec<String>,
    /// Registrable domain (page URL, else canonical / og:url).
    pub domain: Option<String>,
}

impl Site {
    pub fn known(&self) -> bool {
        !self.idents.is_empty()
    }

    pub fn is_site(&self, who: &Ident) -> bool {
        if let (Some(d), Some(w)) = (&self.domain, &who.domain) {
            if d == w {
                return true;
            }
        }
        self.idents.iter().any(|i| i.same_as(who))
    }

    /// Add an identity; one naming the same site fills in the other's gaps
    /// (a domain gets its name, a name its domain).
    fn add(&mut self, id: Ident) {
        if let Some(i) = self.idents.iter_mut().find(|i| i.same_as(&id)) {
            if i.outlet.is_none() && id.outlet.is_some() {
                *i = id;
                return;
            }
            if i.name.is_none() {
                i.name = id.name;
            }
            if i.domain.is_none() {
                i.domain = id.domain;
            }
            return;
        }
        self.idents.push(id);
    }
}

/// Everything [`scan`] found.
#[derive(Debug, Clone, Default)]
pub(crate) struct Scan {
    pub site: Site,
    pub claims: Vec<Claim>,
    /// Licence and provider credits (licensed syndication): text, outlet.
    pub licences: Vec<(String, Option<String>)>,
}

/// Display name of an ident (name, else domain).
fn label(id: &Ident) -> Option<String> {
    id.name.clone().or_else(|| id.domain.clone())
}

fn host_of(u: &str, base: Option<&Url>) -> Option<(Url, String)> {
    let u = u.trim();
    if u.is_empty() || u.starts_with('#') || u.starts_with("data:") {
        return None;
    }
    let url = crate::idn::resolve(base, u).ok()?;
    if url.scheme() != "http" && url.scheme() != "https" {
        return None;
    }
    let host = url.host_str()?.to_ascii_lowercase();
    Some((url, host))
}

/// An absolute URL that points to an article, not a home page.
fn article_url(u: &Url) -> bool {
    let p = u.path().trim_matches('/');
    !p.is_empty() || u.query().is_some()
}

// ============================================================================
// Scanning
// ============================================================================

/// Read every claim of the page. `core` is the article's element.
pub(crate) fn scan(page: &Page, core: NodeId, page_url: Option<&Url>, meta: &Metadata) -> Scan {
    let dom = page.dom;
    let mut s = Scan {
        site: Site::default(),
        claims: Vec::new(),
        licences: Vec::new(),
    };
    structured(page, page_url, meta, &mut s);
    let headline = norm_words(&title_parts(&page.raw_title).0);
    if let Some(body) = page.body {
        let zone = article_zone(page, core, page.title_heading(Some(core)));
        for &b in page.leaf_blocks(body) {
            if page.text[b] as usize > t::SOURCE_CREDIT_MAX_CHARS * 2 {
                continue;
            }
            let in_zone = b == zone || dom.is_ancestor(zone, b);
            notices(page, b, page_url, &headline, in_zone, &mut s);
        }
    }
    let mut text_claims = Vec::new();
    for &b in page.leaf_blocks(core) {
        let text = page.block_text(b);
        credits_in_text(&text, Some(b), &mut text_claims, &mut s.licences);
    }
    // Credits right after the article (copyright lines, photo credits) in its
    // container.
    if let Some(p) = dom.parent(core) {
        for sib in dom.element_children(p) {
            if sib == core || Some(sib) == page.body || !page.visible[sib] {
                continue;
            }
            if page.text[sib] as usize <= t::SOURCE_CREDIT_MAX_CHARS {
                let text = page.text_of(sib);
                let mut extra = Vec::new();
                credits_in_text(&text, Some(sib), &mut extra, &mut s.licences);
                text_claims.extend(extra.into_iter().filter(|c| {
                    matches!(
                        c.kind,
                        ClaimKind::Copyright | ClaimKind::AgencyCredit | ClaimKind::PhotoCredit
                    )
                }));
            }
        }
    }
    s.claims.extend(cap_mentions(text_claims));
    hosts(page, core, page_url, &mut s);
    s
}

/// Canonical, og:url, JSON-LD, original-source metas; and the site's identity.
fn structured(page: &Page, page_url: Option<&Url>, meta: &Metadata, s: &mut Scan) {
    let dom = page.dom;
    let page_host = page_url
        .and_then(|u| u.host_str())
        .map(str::to_ascii_lowercase);
    if let Some(h) = &page_host {
        s.site.domain = Some(registrable_domain(h));
        if let Some(id) = identify(None, Some(h)) {
            s.site.add(id);
        }
    }
    // Names the site goes by.
    let mut names: Vec<String> = Vec::new();
    let mut push_name = |n: &str| {
        let n = collapse_ws(n);
        if !n.is_empty() && n.chars().count() <= 60 && !names.contains(&n) {
            names.push(n);
        }
    };
    if let Some(n) = &meta.site_name {
        push_name(n);
    }
    for &m in &page.metas {
        let key = dom
            .attr(m, "property")
            .or_else(|| dom.attr(m, "name"))
            .unwrap_or("")
            .to_ascii_lowercase();
        let content = dom.attr(m, "content").unwrap_or("").trim();
        match key.as_str() {
            "og:site_name" | "application-name" | "twitter:site" => {
                push_name(content.trim_start_matches('@'))
            }
            "original-source" | "syndication-source" | "original_source" => {
                if let Some((url, host)) = host_of(content, page_url) {
                    if let Some(who) = identify(None, Some(&host)) {
                        s.claims.push(claim(
                            who,
                            ClaimKind::OriginalSource,
                            t::A_ORIGINAL_SOURCE,
                            &format!("<meta name=\"{key}\" content=\"{content}\">"),
                            Some(url),
                            None,
                        ));
                    }
                }
            }
            _ => {}
        }
    }
    if let Some(brand) = title_parts(&page.raw_title).1 {
        push_name(&brand);
    }
    for n in &names {
        let Some(id) = identify(Some(n), None) else {
            continue;
        };
        // A known outlet's name on a page at another address: copied metadata
        // (or impersonation), not the site's identity.
        let foreign = match (&page_host, id.info()) {
            (Some(h), Some(o)) => !o.domains.iter().any(|d| outlets::host_in(h, d)),
            _ => false,
        };
        if foreign {
            let text = format!("the page calls itself \"{n}\"");
            s.claims.push(claim(
                id,
                ClaimKind::ForeignSiteName,
                t::A_FOREIGN_SITE_NAME,
                &text,
                None,
                None,
            ));
        } else {
            s.site.add(id);
        }
    }
    s.site.names = names
        .into_iter()
        .filter(|n| {
            !s.claims
                .iter()
                .any(|c| c.kind == ClaimKind::ForeignSiteName && c.text.contains(n.as_str()))
        })
        .collect();
    bylines(page, meta, s);

    // canonical / og:url: the site itself, or another site.
    let mut links: Vec<(ClaimKind, String)> = Vec::new();
    for &l in &page.links {
        let rel = dom.attr(l, "rel").unwrap_or("").to_ascii_lowercase();
        if rel.split_ascii_whitespace().any(|r| r == "canonical") {
            if let Some(h) = dom.attr(l, "href") {
                links.push((ClaimKind::Canonical, h.to_string()));
            }
        }
    }
    for &m in &page.metas {
        if dom
            .attr(m, "property")
            .is_some_and(|p| p.eq_ignore_ascii_case("og:url"))
        {
            if let Some(c) = dom.attr(m, "content") {
                links.push((ClaimKind::OgUrl, c.to_string()));
            }
        }
    }
    let mut other_canonical = false;
    for (kind, href) in links {
        let Some((url, host)) = host_of(&href, page_url) else {
            continue;
        };
        let reg = registrable_domain(&host);
        if s.site.domain.is_none() {
            // No page URL: the canonical says where the page lives.
            s.site.domain = Some(reg.clone());
            if let Some(id) = identify(None, Some(&host)) {
                s.site.add(id);
            }
            continue;
        }
        if s.site.domain.as_deref() == Some(reg.as_str())
            || page_host
                .as_deref()
                .is_some_and(|h| outlets::host_in(h, &reg))
        {
            continue; // the page points at itself (mirrors do): nothing to learn
        }
        if kind == ClaimKind::OgUrl && other_canonical {
            continue;
        }
        other_canonical |= kind == ClaimKind::Canonical;
        let Some(who) = identify(None, Some(&host)) else {
            continue;
        };
        let w = if kind == ClaimKind::Canonical {
            t::A_CANONICAL
        } else {
            t::A_OG_URL
        };
        let tag = if kind == ClaimKind::Canonical {
            format!("<link rel=\"canonical\" href=\"{href}\">")
        } else {
            format!("<meta property=\"og:url\" content=\"{href}\">")
        };
        s.claims.push(claim(who, kind, w, &tag, Some(url), None));
    }
    json_ld(page, page_url, s);
}

/// Bylines naming an outlet ("By Jane Doe, CBS News", "By The Associated
/// Press"): the meta byline, `<meta name=author>`, and byline elements.
fn bylines(page: &Page, meta: &Metadata, s: &mut Scan) {
    let dom = page.dom;
    let mut lines: Vec<String> = Vec::new();
    if let Some(b) = &meta.byline {
        lines.push(b.clone());
    }
    for &m in &page.metas {
        if dom
            .attr(m, "name")
            .is_some_and(|n| n.eq_ignore_ascii_case("author"))
        {
            lines.push(dom.attr(m, "content").unwrap_or("").to_string());
        }
    }
    if let Some(body) = page.body {
        for &b in page.leaf_blocks(body) {
            if page.text[b] as usize > t::BYLINE_MAX_CHARS {
                continue;
            }
            let text = page.block_text(b).into_owned();
            let by_class = dom.any_class_word(b, |w| w == "byline" || w == "author");
            if by_class || text.to_ascii_lowercase().starts_with("by ") {
                lines.push(text);
            }
        }
    }
    let mut seen: Vec<usize> = Vec::new();
    for line in lines {
        let line = collapse_ws(&line);
        for (_, idx, _, free) in outlets::names_in(&line) {
            let o = &OUTLETS[idx];
            if !free || matches!(o.kind, Kind::Photo | Kind::Platform) || seen.contains(&idx) {
                continue;
            }
            seen.push(idx);
            let who = known(idx);
            if s.site.is_site(&who) {
                continue;
            }
            s.claims.push(claim(
                who,
                ClaimKind::Byline,
                t::A_BYLINE,
                &line,
                None,
                None,
            ));
        }
    }
}

fn claim(
    who: Ident,
    kind: ClaimKind,
    weight: f64,
    text: &str,
    url: Option<Url>,
    node: Option<NodeId>,
) -> Claim {
    Claim {
        who,
        kind,
        role: Role::Publisher,
        weight,
        text: excerpt(text, t::EVIDENCE_TEXT_CHARS),
        url: url.filter(article_url).map(String::from),
        node,
        title_matches: false,
    }
}

/// JSON-LD: `isBasedOn`, `sourceOrganization`, `publisher` of article objects.
fn json_ld(page: &Page, page_url: Option<&Url>, s: &mut Scan) {
    let dom = page.dom;
    for &sc in &page.scripts {
        let ty = dom.attr(sc, "type").unwrap_or("").to_ascii_lowercase();
        if ty.trim() != "application/ld+json" {
            continue;
        }
        let raw = dom.text_content(sc);
        let Ok(v) = serde_json::from_str::<serde_json::Value>(raw.trim()) else {
            continue;
        };
        let mut stack = vec![&v];
        let mut budget = 10_000usize;
        while let Some(x) = stack.pop() {
            budget = budget.saturating_sub(1);
            if budget == 0 {
                break;
            }
            match x {
                serde_json::Value::Array(a) => stack.extend(a.iter()),
                serde_json::Value::Object(o) => {
                    if let Some(g) = o.get("@graph") {
                        stack.push(g);
                    }
                    let types: Vec<String> = match o.get("@type") {
                        Some(serde_json::Value::String(t)) => vec![t.clone()],
                        Some(serde_json::Value::Array(a)) => a
                            .iter()
                            .filter_map(|v| v.as_str().map(str::to_string))
                            .collect(),
                        _ => Vec::new(),
                    };
                    let article = types
                        .iter()
                        .any(|t| t.contains("Article") || t.contains("Posting") || t == "Report");
                    if !article {
                        continue;
                    }
                    for (field, kind, w) in [
                        ("isBasedOn", ClaimKind::IsBasedOn, t::A_ORIGINAL_SOURCE),
                        ("isBasedOnUrl", ClaimKind::IsBasedOn, t::A_ORIGINAL_SOURCE),
                        (
                            "sourceOrganization",
                            ClaimKind::SourceOrganization,
                            t::A_JSONLD_SOURCE_ORG,
                        ),
                        (
                            "publisher",
                            ClaimKind::JsonLdPublisher,
                            t::A_JSONLD_PUBLISHER,
                        ),
                    ] {
                        let Some(val) = o.get(field) else { continue };
                        let (name, url) = org_of(val);
                        let hu = url.as_deref().and_then(|u| host_of(u, page_url));
                        let host = hu.as_ref().map(|(_, h)| h.as_str());
                        let Some(who) = identify(name.as_deref(), host) else {
                            continue;
                        };
                        if kind == ClaimKind::JsonLdPublisher
                            && page_url.is_none()
                            && !s.site.known()
                        {
                            s.site.add(who);
                            continue;
                        }
                        if s.site.is_site(&who) {
                            continue;
                        }
                        let text = format!(
                            "JSON-LD {field}: {}",
                            name.clone().or(url.clone()).unwrap_or_default()
                        );
                        let u = if kind == ClaimKind::IsBasedOn {
                            hu.map(|(u, _)| u)
                        } else {
                            None
                        };
                        s.claims.push(claim(who, kind, w, &text, u, None));
                    }
                }
                _ => {}
            }
        }
    }
}

/// (name, url) of a JSON-LD organisation, a URL string or a name string.
fn org_of(v: &serde_json::Value) -> (Option<String>, Option<String>) {
    match v {
        serde_json::Value::String(s) => {
            if s.starts_with("http://") || s.starts_with("https://") {
                (None, Some(s.clone()))
            } else {
                (Some(s.clone()), None)
            }
        }
        serde_json::Value::Object(o) => {
            let name = o.get("name").and_then(|n| n.as_str()).map(str::to_string);
            let url = o
                .get("url")
                .or_else(|| o.get("@id"))
                .and_then(|n| n.as_str())
                .map(str::to_string);
            (name, url)
        }
        serde_json::Value::Array(a) => {
            // the first organisation of a list (arrays unwrapped without recursion)
            let mut cur = a.first();
            while let Some(serde_json::Value::Array(inner)) = cur {
                cur = inner.first();
            }
            match cur {
                Some(v @ (serde_json::Value::String(_) | serde_json::Value::Object(_))) => {
                    org_of(v)
                }
                _ => (None, None),
            }
        }
        _ => (None, None),
    }
}

/// The article zone, where copies put their credits and notices: the nearest
/// ancestor of the core that holds the title heading, else the core's
/// grandparent (below `body` either way).
pub(crate) fn article_zone(page: &Page, core: NodeId, title_heading: Option<NodeId>) -> NodeId {
    let dom = page.dom;
    if let Some(h) = title_heading {
        let holder = std::iter::once(core)
            .chain(dom.ancestors(core))
            .find(|&a| a == h || dom.is_ancestor(a, h));
        if let Some(z) = holder {
            if Some(z) != page.body && dom.is_element(z) && !dom.is_tag(z, "html") {
                return z;
            }
        }
    }
    let mut zone = core;
    for _ in 0..2 {
        match dom.parent(zone) {
            Some(p) if Some(p) != page.body && dom.is_element(p) => zone = p,
            _ => break,
        }
    }
    zone
}

/// Links of a block: (text, href) in order.
fn links_of(page: &Page, b: NodeId) -> Vec<(String, String)> {
    let dom = page.dom;
    dom.elements_by_tag(b, &["a"])
        .into_iter()
        .filter_map(|a| {
            let href = dom.attr(a, "href")?.to_string();
            Some((page.text_of(a), href))
        })
        .collect()
}

/// Republication notices and source credits in one text block.
fn notices(
    page: &Page,
    b: NodeId,
    page_url: Option<&Url>,
    headline: &[String],
    in_zone: bool,
    s: &mut Scan,
) {
    let dom = page.dom;
    if dom
        .ancestors(b)
        .any(|a| dom.is_one_of(a, &["figure", "figcaption", "table", "li"]))
        || dom.is_one_of(b, &["figcaption", "td", "th", "caption", "li"])
    {
        return; // chart, photo and reference-list sources are not the article's
    }
    let text = page.block_text(b);
    let text = text.as_ref();
    if text.starts_with('^') || text.starts_with('[') {
        return; // footnotes
    }
    let lower = text.to_ascii_lowercase();
    // The block's links, collected when a cue asks for them (most blocks have none).
    let links = std::cell::OnceCell::new();
    let links = || links.get_or_init(|| links_of(page, b));
    let off_site = |href: &str| -> Option<(Url, String)> {
        let (u, h) = host_of(href, page_url)?;
        let same = s.site.domain.as_deref() == Some(registrable_domain(&h).as_str());
        (!same).then_some((u, h))
    };

    // "The post <title> appeared first on <site>."
    if let Some(cue) = pat::APPEARED_FIRST_ON.iter().find(|c| lower.contains(*c)) {
        let at = lower.find(cue).unwrap_or(0);
        let after = text.get(at + cue.len()..).unwrap_or("");
        let name = after.trim().trim_end_matches(['.', '!']).trim();
        let title_part = text.get(..at).unwrap_or("");
        let title_part = title_part
            .trim()
            .strip_prefix("The post ")
            .unwrap_or(title_part);
        // The site's link is the one whose text is the name after the cue; the
        // article's link is the one whose text is the title.
        let site_link = links()
            .iter()
            .rev()
            .find(|(lt, _)| !lt.is_empty() && name.starts_with(lt.as_str()));
        let host = site_link.and_then(|(_, h)| off_site(h)).map(|(_, h)| h);
        let url = links()
            .iter()
            .find(|(lt, _)| !lt.is_empty() && title_part.contains(lt.as_str()))
            .and_then(|(_, h)| off_site(h))
            .map(|(u, _)| u);
        let nm = site_link.map(|(lt, _)| lt.as_str()).unwrap_or(name);
        if let Some(who) = identify(Some(nm).filter(|n| !n.is_empty()), host.as_deref()) {
            let mut c = claim(
                who,
                ClaimKind::AppearedFirstOn,
                t::A_APPEARED_FIRST_ON,
                text,
                url,
                Some(b),
            );
            c.title_matches = similar_words(&norm_words(title_part), headline) >= 0.6;
            s.claims.push(c);
        }
        return;
    }
    if !in_zone {
        return; // credits elsewhere (sidebars, listings) are not this article's
    }
    // "This article originally appeared on <site>."
    if let Some(cue) = pat::ORIGINALLY_CUES
        .iter()
        .find(|c| pat::has_phrase(&lower, c))
    {
        if page.text[b] as usize > t::SOURCE_CREDIT_MAX_CHARS {
            return;
        }
        let at = lower.find(cue).unwrap_or(0);
        let after = text.get(at + cue.len()..).unwrap_or("");
        // A site's name is capitalised ("in The Atlantic"), not a year or a date.
        // Without a link, only a known outlet's name counts ("in The Atlantic",
        // not "on Wednesday, March 2").
        let name = name_after(after).filter(|n| n.starts_with(char::is_uppercase));
        let link = links()
            .iter()
            .find(|(lt, _)| !lt.is_empty() && after.contains(lt.as_str()));
        let lu = link.and_then(|(_, h)| off_site(h));
        let nm = link.map(|(lt, _)| lt.clone()).or(name);
        let host = lu.as_ref().map(|(_, h)| h.as_str());
        if nm.is_none() && host.is_none() {
            return;
        }
        let who = match (&nm, host) {
            (Some(n), None) => outlet_by_name(n, false),
            _ => identify(nm.as_deref(), host),
        };
        if let Some(who) = who {
            s.claims.push(claim(
                who,
                ClaimKind::Originally,
                t::A_ORIGINALLY,
                text,
                lu.map(|(u, _)| u),
                Some(b),
            ));
        }
        return;
    }
    // "Source: <outlet>", "Source link", "via <outlet>".
    if page.text[b] as usize <= t::SOURCE_CREDIT_MAX_CHARS / 2 {
        if let Some(label) = pat::starts_with_any(&lower, pat::SOURCE_LABELS) {
            let after = text
                .get(label.len()..)
                .unwrap_or("")
                .trim_start_matches([':', ' ', '：']);
            let link = links()
                .iter()
                .find_map(|(lt, h)| off_site(h).map(|uh| (lt.clone(), uh)));
            let name = name_after(after).filter(|n| !n.is_empty());
            let (nm, host, url) = match &link {
                Some((lt, (u, h))) => {
                    let nm = if lt.is_empty()
                        || lt.starts_with("http")
                        || lower.starts_with("source link")
                        || lower.starts_with("go to")
                        || lower.starts_with("read")
                    {
                        name.clone()
                            .filter(|n| !n.to_ascii_lowercase().starts_with("http"))
                    } else {
                        Some(lt.clone())
                    };
                    (nm, Some(h.clone()), Some(u.clone()))
                }
                None => (name, None, None),
            };
            // A bare name must be a known outlet; a link names its site.
            let who = match (&nm, &host) {
                (Some(n), None) => outlet_by_name(n, true),
                _ => identify(nm.as_deref(), host.as_deref()),
            };
            if let Some(who) = who {
                if !s.site.is_site(&who) {
                    s.claims.push(claim(
                        who,
                        ClaimKind::SourceCredit,
                        t::A_SOURCE_CREDIT,
                        text,
                        url,
                        Some(b),
                    ));
                }
            }
            return;
        }
        if let Some(i) = lower.rfind("via ") {
            if pat::at_word_boundary(&lower, i, i + 3) && lower.len() - i <= 60 {
                let after = &text[i + 4..];
                let link = links()
                    .iter()
                    .find(|(lt, _)| !lt.is_empty() && after.contains(lt.as_str()));
                let lu = link.and_then(|(_, h)| off_site(h));
                let name = link.map(|(lt, _)| lt.clone()).or_else(|| name_after(after));
                let who = match (&name, &lu) {
                    (Some(n), None) => outlet_by_name(n, false),
                    (n, Some((_, h))) => identify(n.as_deref(), Some(h)),
                    _ => None,
                };
                if let Some(who) = who {
                    if who.kind() != Kind::Photo && !s.site.is_site(&who) {
                        s.claims.push(claim(
                            who,
                            ClaimKind::Via,
                            t::A_VIA,
                            text,
                            lu.map(|(u, _)| u),
                            Some(b),
                        ));
                    }
                }
            }
        }
    }
}

/// About [`t::EVIDENCE_TEXT_CHARS`] chars of `text` around byte `at`, cut at
/// word boundaries, with "…" where cut.
fn excerpt_around(text: &str, at: usize) -> String {
    let half = t::EVIDENCE_TEXT_CHARS / 2;
    let mut at = at.min(text.len());
    while at > 0 && !text.is_char_boundary(at) {
        at -= 1;
    }
    let start = at - before(text, at, half).len();
    let end = (at + half).min(text.len());
    let mut from = start;
    while from < text.len() && !text.is_char_boundary(from) {
        from += 1;
    }
    let mut to = end;
    while to > from && !text.is_char_boundary(to) {
        to -= 1;
    }
    let mut slice = &text[from..to];
    if from > 0 {
        slice = slice.split_once(' ').map_or(slice, |(_, r)| r);
    }
    if to < text.len() {
        slice = slice.rsplit_once(' ').map_or(slice, |(l, _)| l);
    }
    let mut out = String::new();
    if from > 0 {
        out.push('…');
    }
    out.push_str(slice.trim());
    if to < text.len() {
        out.push('…');
    }
    out
}

/// The name right after a cue: up to a sentence end, at most 8 words.
fn name_after(s: &str) -> Option<String> {
    let s = s.trim().trim_start_matches([':', '：']).trim();
    let end = s
        .char_indices()
        .find(|&(i, c)| {
            matches!(c, '.' | ',' | ';' | '!' | '?' | '(' | '|' | '\n')
                && !(c == '.' && s[i + 1..].starts_with(|n: char| n.is_alphanumeric()))
        })
        .map_or(s.len(), |(i, _)| i);
    let name = s[..end].trim();
    let words = name.split_whitespace().count();
    (words > 0 && words <= 8).then(|| name.to_string())
}

/// Text before byte `i` (at most `n` bytes, on a char boundary).
fn before(s: &str, i: usize, n: usize) -> &str {
    let mut start = i.saturating_sub(n);
    while start < i && !s.is_char_boundary(start) {
        start += 1;
    }
    &s[start..i]
}

/// Text from byte `i` (at most `n` bytes, on a char boundary).
fn after(s: &str, i: usize, n: usize) -> &str {
    let mut end = (i + n).min(s.len());
    while end > i && !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[i..end]
}

fn ends_with_word(lower: &str, w: &str) -> bool {
    lower.ends_with(w) && pat::at_word_boundary(lower, lower.len() - w.len(), lower.len())
}

/// Wire datelines, staff, signatures, photo and agency credits, copyright lines
/// and mentions in one block of article text.
fn credits_in_text(
    text: &str,
    node: Option<NodeId>,
    out: &mut Vec<Claim>,
    licences: &mut Vec<(String, Option<String>)>,
) {
    if text.is_empty() {
        return;
    }
    let lower = text.to_ascii_lowercase();
    // Evidence text: the sentence around the credit, not the whole block.
    let mut push = |at: usize, who: Ident, kind: ClaimKind, role: Role, w: f64| {
        let mut c = claim(who, kind, w, &excerpt_around(text, at), None, node);
        c.role = role;
        out.push(c);
    };
    // "(AP) —", "(Reuters) -", "(CNN) —" near the start.
    let mut from = 0;
    while let Some(i) = text[from..].find('(').map(|i| i + from) {
        if i > t::DATELINE_WINDOW {
            break;
        }
        from = i + 1;
        let Some(j) = text[i..].find(')').map(|j| j + i) else {
            break;
        };
        if j - i > 40 {
            continue;
        }
        let inner = text[i + 1..j].trim();
        let rest = text[j + 1..].trim_start();
        if !pat::DATELINE_DASHES.iter().any(|d| rest.starts_with(d)) {
            continue;
        }
        if let Some(who) = outlet_by_name(inner, true) {
            match who.kind() {
                Kind::Wire => push(
                    i,
                    who,
                    ClaimKind::WireDateline,
                    Role::Publisher,
                    t::A_WIRE_DATELINE,
                ),
                Kind::News => push(
                    i,
                    who,
                    ClaimKind::OutletDateline,
                    Role::Publisher,
                    t::A_STAFF,
                ),
                _ => {}
            }
        }
    }
    // "— AFP" closing a wire story.
    for (idx, o) in OUTLETS.iter().enumerate() {
        if o.kind != Kind::Wire {
            continue;
        }
        for n in o.names.iter().chain(o.short.iter()) {
            if let Some(rest) = text.trim_end().trim_end_matches('.').strip_suffix(n) {
                let r = rest.trim_end();
                if pat::DATELINE_DASHES.iter().any(|d| r.ends_with(d)) && text.len() > n.len() + 20
                {
                    push(
                        text.len().saturating_sub(t::EVIDENCE_TEXT_CHARS),
                        known(idx),
                        ClaimKind::WireDateline,
                        Role::Publisher,
                        t::A_WIRE_DATELINE,
                    );
                }
            }
        }
    }
    for (p, idx, form, free) in outlets::names_in(text) {
        let o = &OUTLETS[idx];
        let end = p + form.len();
        let bl = before(&lower, p, t::MENTION_CONTEXT);
        let al = after(&lower, end, 60);
        let bt = bl.trim_end();
        let who = known(idx);
        let credit_kind = |w: &Ident| match w.kind() {
            Kind::Wire | Kind::Photo => (ClaimKind::AgencyCredit, Role::Agency, 0.0),
            _ => (ClaimKind::PhotoCredit, Role::Publisher, t::A_PHOTO_CREDIT),
        };
        // Copyright line: "Copyright 2016 The Associated Press" (full
        // names only: "© CBS Interactive" is not CBS News).
        if free
            && pat::COPYRIGHT_CUES
                .iter()
                .any(|c| pat::find_str(bl, c).is_some())
        {
            let near = pat::COPYRIGHT_CUES
                .iter()
                .filter_map(|c| bl.rfind(c))
                .max()
                .is_some_and(|k| bl.len() - k <= 20);
            if near {
                licences.push((
                    excerpt(text, t::EVIDENCE_TEXT_CHARS),
                    Some(o.name.to_string()),
                ));
                push(
                    p,
                    who,
                    ClaimKind::Copyright,
                    Role::Publisher,
                    t::A_COPYRIGHT,
                );
                continue;
            }
        }
        // "Name/AFP", "(Name / The Seattle Times)", "Photo: Reuters".
        let slash = bt.ends_with('/');
        let cue = pat::PHOTO_CREDIT_CUES
            .iter()
            .any(|c| bt.ends_with(c.trim_end()));
        let photo_word = al.starts_with(" photo") || al.starts_with(" images");
        let via_getty = al.starts_with(" via getty");
        let via = ends_with_word(bt, "via") && o.kind != Kind::News;
        // A photo agency's full name only ever appears in credits.
        let photo_agency = o.kind == Kind::Photo && free;
        if slash || cue || photo_word || via_getty || via || photo_agency {
            let (k, r, w) = credit_kind(&who);
            push(p, who, k, r, w);
            continue;
        }
        // "told AFP": the agency's reporting.
        if ends_with_word(bt, "told") {
            if o.kind == Kind::Wire {
                push(p, who, ClaimKind::AgencyCredit, Role::Agency, 0.0);
            }
            continue;
        }
        if !free {
            continue; // short forms count only inside credit patterns
        }
        let quoted_before = pat::QUOTE_BEFORE.iter().any(|q| ends_with_word(bt, q));
        // "CBS News senior foreign correspondent Elizabeth Palmer".
        if !quoted_before && o.kind != Kind::Photo && is_staff_phrase(al) {
            push(p, who, ClaimKind::Staff, Role::Publisher, t::A_STAFF);
            continue;
        }
        // "CNNMoney (New York)" opening a block.
        if p == 0 && al.starts_with(" (") && o.kind != Kind::Photo {
            push(
                p,
                who,
                ClaimKind::OutletDateline,
                Role::Publisher,
                t::A_STAFF,
            );
            continue;
        }
        // "Jon Sopel, BBC News, Washington".
        if bt.ends_with(',')
            && is_signature(before(text, p, t::MENTION_CONTEXT), after(text, end, 40))
        {
            push(
                p,
                who,
                ClaimKind::Signature,
                Role::Publisher,
                t::A_SIGNATURE,
            );
            continue;
        }
        let quoted_after = pat::QUOTE_AFTER.iter().any(|q| {
            let a = al.trim_start();
            a.starts_with(q) && pat::at_word_boundary(a, 0, q.len())
        });
        if quoted_before || quoted_after || matches!(o.kind, Kind::Wire | Kind::Photo) {
            continue;
        }
        let mention_skip = pat::MENTION_SKIP_BEFORE
            .iter()
            .any(|q| ends_with_word(bt, q));
        if !mention_skip {
            push(p, who, ClaimKind::Mention, Role::Publisher, t::A_MENTION);
        }
    }
    // Licence cues naming an outlet ("Distributed by Tribune Content Agency").
    for cue in pat::LICENCE_CUES {
        if let Some(i) = pat::find_str(&lower, cue) {
            let rest = after(text, i + cue.len(), 60);
            let named = OUTLETS
                .iter()
                .find(|o| {
                    o.names
                        .iter()
                        .chain(o.short.iter())
                        .any(|n| !pat::word_positions(rest, n).is_empty())
                })
                .map(|o| o.name.to_string());
            let boilerplate = cue.contains("may not be") || cue.contains("creative commons");
            if named.is_some() || boilerplate {
                licences.push((excerpt(text, t::EVIDENCE_TEXT_CHARS), named));
            }
        }
    }
}

fn known(idx: usize) -> Ident {
    let o = &OUTLETS[idx];
    Ident {
        outlet: Some(idx),
        name: Some(o.name.to_string()),
        domain: o.domains.first().map(|d| d.to_string()),
    }
}

/// After an outlet's name: optional possessive, modifiers, then a staff role.
fn is_staff_phrase(after_lower: &str) -> bool {
    let a = after_lower
        .trim_start()
        .trim_start_matches("'s ")
        .trim_start_matches("’s ");
    let words: Vec<&str> = a
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .take(6)
        .collect();
    for (i, w) in words.iter().enumerate() {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if pat::STAFF_ROLES.contains(&w) {
            return i <= 4;
        }
        if !pat::STAFF_MODIFIERS.contains(&w) {
            return false;
        }
    }
    false
}

/// "Jon Sopel, <Outlet>, Washington" / "Analysis: Jon Sopel, <Outlet>": a
/// capitalised name before, a place or the end after.
fn is_signature(before: &str, after: &str) -> bool {
    let b = before.trim_end().trim_end_matches(',').trim_end();
    let prev: Vec<&str> = b.split_whitespace().rev().take(2).collect();
    let name_like = !prev.is_empty()
        && prev.iter().all(|w| {
            w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '.')
        });
    let a = after.trim_start();
    let place_or_end = a.is_empty()
        || a.starts_with('.')
        || (a.starts_with(',')
            && a[1..]
                .trim_start()
                .chars()
                .next()
                .is_some_and(char::is_uppercase));
    name_like && place_or_end
}

/// Keep mentions to at most the cap per outlet, as one claim each.
fn cap_mentions(claims: Vec<Claim>) -> Vec<Claim> {
    let mut out: Vec<Claim> = Vec::new();
    for c in claims {
        if c.kind == ClaimKind::Mention {
            if let Some(prev) = out
                .iter_mut()
                .find(|p| p.kind == ClaimKind::Mention && p.who.key() == c.who.key())
            {
                prev.weight = (prev.weight + c.weight).min(t::A_MENTION_CAP);
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// Image hosts and body links of the article core.
fn hosts(page: &Page, core: NodeId, page_url: Option<&Url>, s: &mut Scan) {
    let dom = page.dom;
    let mut images: Vec<(Ident, HostMatch, String)> = Vec::new();
    for img in dom.elements_by_tag(core, &["img", "source"]) {
        let srcs = ["src", "data-src", "data-original", "srcset", "data-srcset"]
            .iter()
            .filter_map(|a| dom.attr(img, a))
            .filter_map(|v| {
                v.split([',', ' '])
                    .find(|p| !p.trim().is_empty())
                    .map(str::to_string)
            })
            .collect::<Vec<_>>();
        for src in srcs {
            let Some((url, host)) = host_of(&src, page_url) else {
                continue;
            };
            if s.site.domain.as_deref() == Some(registrable_domain(&host).as_str()) {
                continue;
            }
            for (who, m) in outlets_for_host(&host) {
                if who.kind() == Kind::Platform {
                    continue; // avatars and badges, not the article's pictures
                }
                let u = String::from(url.clone());
                if !images
                    .iter()
                    .any(|(w, _, x)| w.key() == who.key() && *x == u)
                {
                    images.push((who, m, u));
                }
            }
        }
    }
    let mut groups: Vec<(Ident, HostMatch, Vec<String>)> = Vec::new();
    for (who, m, u) in images {
        match groups
            .iter_mut()
            .find(|(w, gm, _)| w.key() == who.key() && *gm == m)
        {
            Some(g) => g.2.push(u),
            None => groups.push((who, m, vec![u])),
        }
    }
    for (who, m, urls) in groups {
        let (kind, w) = match m {
            HostMatch::Own => (
                ClaimKind::ImageHost,
                (t::A_IMAGE_HOST + t::A_IMAGE_HOST_MORE * (urls.len() - 1) as f64)
                    .min(t::A_IMAGE_HOST_CAP),
            ),
            HostMatch::Shared => (ClaimKind::SharedCdn, t::A_SHARED_CDN),
        };
        let text = if urls.len() > 1 {
            format!("{} (+{} more)", urls[0], urls.len() - 1)
        } else {
            urls[0].clone()
        };
        s.claims.push(claim(who, kind, w, &text, None, None));
    }
    let mut links: Vec<(Ident, Vec<String>)> = Vec::new();
    for a in dom.elements_by_tag(core, &["a"]) {
        let Some(href) = dom.attr(a, "href") else {
            continue;
        };
        let Some((url, host)) = host_of(href, page_url) else {
            continue;
        };
        if s.site.domain.as_deref() == Some(registrable_domain(&host).as_str()) {
            continue;
        }
        let Some(who) = outlets::outlet_for_host(&host).filter(|w| w.kind() != Kind::Platform)
        else {
            continue;
        };
        let u = String::from(url);
        match links.iter_mut().find(|(w, _)| w.key() == who.key()) {
            Some(g) => {
                if !g.1.contains(&u) {
                    g.1.push(u)
                }
            }
            None => links.push((who, vec![u])),
        }
    }
    for (who, urls) in links {
        let w = (t::A_BODY_LINK + t::A_BODY_LINK_MORE * (urls.len() - 1) as f64)
            .min(t::A_BODY_LINK_CAP);
        let text = format!(
            "{} link(s) to {}, e.g. {}",
            urls.len(),
            who.domain.clone().unwrap_or_default(),
            urls[0]
        );
        s.claims
            .push(claim(who, ClaimKind::BodyLinks, w, &text, None, None));
    }
}

// ============================================================================
// Deciding
// ============================================================================

struct Group {
    who: Ident,
    score: f64,
    claims: Vec<Claim>,
}

fn group_claims(claims: &[Claim]) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    for c in claims.iter().filter(|c| c.role == Role::Publisher) {
        match groups.iter_mut().find(|g| g.who.same_as(&c.who)) {
            Some(g) => {
                g.score += c.weight;
                // Keep the richest identity (a known outlet over a bare domain).
                if g.who.outlet.is_none() && c.who.outlet.is_some() {
                    g.who = c.who.clone();
                }
                if g.who.name.is_none() {
                    g.who.name = c.who.name.clone();
                }
                g.claims.push(c.clone());
            }
            None => groups.push(Group {
                who: c.who.clone(),
                score: c.weight,
                claims: vec![c.clone()],
            }),
        }
    }
    crate::sort::by_key(&mut groups, |g| {
        crate::sort::desc(crate::sort::f64_key(g.score))
    });
    groups
}

fn evidence_of(c: &Claim) -> Evidence {
    Evidence {
        kind: c.kind.name().to_string(),
        text: c.text.clone(),
        points_to: label(&c.who),
    }
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Name the original publisher of the page's article.
pub(crate) fn attribute(a: &Analysis, article_text: &str, mirror: &Mirror) -> Attribution {
    if a.core.is_none() {
        return Attribution::default();
    }
    let mut scan = a.scan.clone();
    // Credits the core missed but the extracted text holds (core and extractor
    // disagree): scan the article text's first and last paragraphs.
    let has_text_claims = scan.claims.iter().any(|c| {
        matches!(
            c.kind,
            ClaimKind::WireDateline
                | ClaimKind::Staff
                | ClaimKind::OutletDateline
                | ClaimKind::Copyright
        )
    });
    if !has_text_claims {
        let paras: Vec<&str> = article_text
            .split("\n\n")
            .filter(|p| !p.trim().is_empty())
            .collect();
        let n = paras.len();
        let mut extra = Vec::new();
        for (i, p) in paras.iter().enumerate() {
            if i < 3 || i + 3 >= n {
                credits_in_text(&collapse_ws(p), None, &mut extra, &mut scan.licences);
            }
        }
        scan.claims.extend(extra.into_iter().filter(|c| {
            matches!(
                c.kind,
                ClaimKind::WireDateline
                    | ClaimKind::Staff
                    | ClaimKind::OutletDateline
                    | ClaimKind::Copyright
                    | ClaimKind::AgencyCredit
            )
        }));
    }
    decide(&scan, mirror.is_mirror)
}

fn decide(scan: &Scan, is_mirror: bool) -> Attribution {
    let site = &scan.site;
    let groups = group_claims(&scan.claims);
    let external: Vec<&Group> = groups
        .iter()
        .filter(|g| !site.is_site(&g.who) && g.who.kind() != Kind::Photo)
        .collect();
    let mut chosen: Option<&Group> = None;
    let mut confidence = 0.0;
    if let Some(top) = external.first() {
        let second = external.get(1).map_or(0.0, |g| g.score);
        let strong = top.claims.iter().any(|c| c.kind.names_original());
        let clear =
            top.score >= t::PUBLISHER_MIN_SCORE && top.score >= t::PUBLISHER_MIN_RATIO * second;
        let ok = if is_mirror || !site.known() {
            // On a mirror the site is never the publisher; on a page that does
            // not say who it is, the outlet its text credits is the best answer.
            clear
        } else {
            clear && strong && top.score >= t::PUBLISHER_EXTERNAL_SCORE
        };
        if ok {
            chosen = Some(top);
            confidence =
                top.score / (top.score + t::PUBLISHER_MIN_SCORE) * (1.0 - 0.5 * second / top.score);
        }
    }
    let mut out = Attribution::default();
    match chosen {
        Some(g) => {
            out.publisher = g.who.name.clone();
            out.publisher_domain = g.who.domain.clone();
            let mut with_url: Vec<&Claim> = g.claims.iter().filter(|c| c.url.is_some()).collect();
            crate::sort::by_key(&mut with_url, |c| c.kind.url_rank() as u64);
            out.original_url = with_url.first().and_then(|c| c.url.clone());
            let mut cl: Vec<&Claim> = g.claims.iter().collect();
            crate::sort::by_key(&mut cl, |c| {
                crate::sort::desc(crate::sort::f64_key(c.weight))
            });
            out.evidence = cl.into_iter().map(evidence_of).collect();
        }
        None if !is_mirror => {
            // The page is its own original: the site publishes it.
            let best = site
                .idents
                .iter()
                .find(|i| i.outlet.is_some())
                .or_else(|| site.idents.iter().find(|i| i.name.is_some()))
                .or_else(|| site.idents.first());
            if let Some(id) = best {
                out.publisher = id.name.clone();
                out.publisher_domain = id.domain.clone().or_else(|| site.domain.clone());
                confidence = if id.outlet.is_some() {
                    0.8
                } else if id.name.is_some() {
                    0.6
                } else {
                    0.3
                };
                out.evidence.push(Evidence {
                    kind: "site_identity".to_string(),
                    text: format!(
                        "the page presents itself as {}",
                        label(id).unwrap_or_default()
                    ),
                    points_to: label(id),
                });
            }
        }
        None => {}
    }
    if out.publisher.is_none() && out.publisher_domain.is_none() {
        confidence = 0.0;
    }
    out.confidence = round2(confidence.clamp(0.0, 0.99));
    // Contributing agencies: wires and photo agencies credited, not the publisher.
    let publisher_key = chosen.map(|g| g.who.clone());
    for c in &scan.claims {
        let agency_like = c.role == Role::Agency
            || (matches!(c.who.kind(), Kind::Wire | Kind::Photo)
                && matches!(
                    c.kind,
                    ClaimKind::WireDateline | ClaimKind::Copyright | ClaimKind::AgencyCredit
                ));
        if !agency_like || publisher_key.as_ref().is_some_and(|p| p.same_as(&c.who)) {
            continue;
        }
        if let Some(n) = label(&c.who) {
            if !out.agencies.contains(&n) {
                out.agencies.push(n);
                out.evidence.push(evidence_of(c));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claims_of(text: &str) -> Vec<Claim> {
        let mut out = Vec::new();
        let mut lic = Vec::new();
        credits_in_text(text, None, &mut out, &mut lic);
        out
    }

    fn kinds(text: &str) -> Vec<(&'static str, String)> {
        claims_of(text)
            .into_iter()
            .map(|c| (c.kind.name(), c.who.name.unwrap_or_default()))
            .collect()
    }

    #[test]
    fn datelines_and_credits() {
        assert_eq!(
            kinds("MOSCOW (AP) — An unmanned cargo ship"),
            vec![("wire_dateline", "The Associated Press".into())]
        );
        assert_eq!(
            kinds("LONDON (Reuters) - Shares fell"),
            vec![("wire_dateline", "Reuters".into())]
        );
        assert_eq!(
            kinds("he said, told AFP."),
            vec![("agency_credit", "Agence France-Presse".into())]
        );
        assert_eq!(
            kinds("(Oleg Urusov/ Roscosmos photo via AP)"),
            vec![("agency_credit", "The Associated Press".into())]
        );
        assert_eq!(
            kinds("Credit Ashraf Shazly/Agence France-Presse — Getty Images"),
            vec![
                ("agency_credit", "Agence France-Presse".into()),
                ("agency_credit", "Getty Images".into()),
            ]
        );
        assert_eq!(
            kinds("Photo by James Martin/CNET"),
            vec![("staff_photo_credit", "CNET".into())]
        );
        assert_eq!(
            kinds("(Ellen M. Banner / The Seattle Times)"),
            vec![("staff_photo_credit", "The Seattle Times".into())]
        );
    }

    #[test]
    fn staff_and_signatures() {
        assert_eq!(
            kinds("CBS News senior foreign correspondent Elizabeth Palmer said that"),
            vec![("staff_self_reference", "CBS News".into())]
        );
        assert_eq!(
            kinds("Analysis: Jon Sopel, BBC News, Washington"),
            vec![("staff_signature", "BBC News".into())]
        );
        assert_eq!(
            kinds("CNNMoney (New York) First published February 1"),
            vec![("outlet_dateline", "CNN".into())]
        );
    }

    #[test]
    fn quoted_and_ordinary_words_give_nothing() {
        assert!(kinds("according to Reuters, the deal").is_empty());
        assert!(kinds("the company told CBS News on Monday").is_empty());
        assert!(kinds("Reuters reported that").is_empty());
        assert!(kinds("She took AP Biology and the AP exam").is_empty());
        assert!(kinds("a snap map app").is_empty());
        assert!(
            kinds("The CNN report said").is_empty()
                || kinds("The CNN report said")
                    .iter()
                    .all(|(k, _)| *k == "text_mentions_outlet")
        );
    }

    #[test]
    fn copyright_is_licence() {
        let mut out = Vec::new();
        let mut lic = Vec::new();
        credits_in_text(
            "Copyright 2016 The Associated Press. All rights reserved.",
            None,
            &mut out,
            &mut lic,
        );
        assert_eq!(out[0].kind, ClaimKind::Copyright);
        assert_eq!(lic.len(), 1);
    }

    #[test]
    fn excerpts_never_split_chars() {
        let s = "Ünïcode — ".repeat(40) + "told AFP. " + &"ß".repeat(100);
        for at in 0..s.len() + 3 {
            let e = excerpt_around(&s, at);
            assert!(e.chars().count() <= t::EVIDENCE_TEXT_CHARS + 2);
        }
        assert!(excerpt_around(&s, s.find("AFP").unwrap()).contains("told AFP"));
    }

    #[test]
    fn names_after_cues() {
        assert_eq!(
            name_after(" The Atlantic.").as_deref(),
            Some("The Atlantic")
        );
        assert_eq!(
            name_after(": Ars Technica").as_deref(),
            Some("Ars Technica")
        );
        assert_eq!(
            name_after(" NYTimes.com today").as_deref(),
            Some("NYTimes.com today")
        );
    }
}
