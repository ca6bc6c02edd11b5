//! Site lists: arbitrary text through `sites::check_list` in every format, and
//! `SiteLists` lookups of arbitrary URLs.
//!
//! Input: byte 0 picks the list's format and kind, byte 1 flags; the rest is
//! text (lossy UTF-8) cut into sections by lines `%%urls` (one URL to look up
//! per line) and `%%psl` (a Public Suffix List for `SiteLists::with_suffixes`).
//! Besides the given URLs, every token of the list is looked up as a URL and as
//! `https://sub.TOKEN/path`, so lookups reach the rules.
//!
//! Checked: reports are consistent (counts, line numbers, format never
//! `auto`); `SiteLists` reports what `check_list` reports; a hit names the
//! list, its kind, a line of the list; `lookup`, `explain` and `listed` agree;
//! a disabled list never hits; suffix-list answers are suffixes of the host;
//! and a plain host name on a domains list matches itself and its subdomains.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unmirror::sites::{
    check_list, ListFormat, ListInfo, ListKind, ParseReport, SiteLists, SuffixList,
};

const FORMATS: [ListFormat; 6] = [
    ListFormat::Auto,
    ListFormat::Ublacklist,
    ListFormat::Cft,
    ListFormat::Domains,
    ListFormat::Hosts,
    ListFormat::Adblock,
];

const KINDS: [ListKind; 5] = [
    ListKind::Mirror,
    ListKind::Clone,
    ListKind::ContentFarm,
    ListKind::Clickbait,
    ListKind::User,
];

/// Lookups per input (given URLs first, then derived ones).
const MAX_LOOKUPS: usize = 64;
/// Plain-host oracle checks per input.
const MAX_ORACLE: usize = 8;

fn info(id: &str, kind: ListKind, format: ListFormat) -> ListInfo {
    ListInfo {
        id: id.into(),
        name: String::new(),
        kind,
        format,
        licence: String::new(),
        enabled: true,
    }
}

fn check_report(r: &ParseReport, text: &str, id: &str) {
    let lines = text.lines().count();
    assert_eq!(r.list, id);
    assert_ne!(r.format, ListFormat::Auto, "report format is auto");
    assert!(r.error_count >= r.errors.len() && r.warning_count >= r.warnings.len());
    assert!(
        r.errors.len() <= 500 && r.warnings.len() <= 500,
        "unbounded report"
    );
    if r.error_count <= 500 {
        assert_eq!(r.errors.len(), r.error_count);
    }
    if r.warning_count <= 500 {
        assert_eq!(r.warnings.len(), r.warning_count);
    }
    assert!(r.rules <= lines, "{} rule lines of {lines} lines", r.rules);
    assert!(
        r.rules + r.error_count + r.warning_count <= lines.max(1),
        "a line counted twice: {r:?}"
    );
    for e in r.errors.iter().chain(&r.warnings) {
        assert!(
            e.line >= 1 && e.line <= lines.max(1),
            "line {} of {lines}: {e:?}",
            e.line
        );
        assert!(!e.message.is_empty());
    }
    assert_eq!(r.is_ok(), r.error_count == 0);
}

/// A plain lowercase host name whose every label is `[a-z0-9]([a-z0-9-]*[a-z0-9])?`
/// (no punycode), at least two labels, an alphabetic last label.
fn plain_host(t: &str) -> bool {
    let labels: Vec<&str> = t.split('.').collect();
    t.len() <= 200
        && labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with("xn--")
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        })
        && labels
            .last()
            .is_some_and(|l| l.bytes().all(|b| b.is_ascii_lowercase()))
}

fn check_lookups(lists: &SiteLists, urls: &[String], texts: &[(&str, &str, ListKind)]) {
    for url in urls {
        let hit = lists.lookup(url);
        let explained = lists.explain(url);
        assert_eq!(hit, explained.as_ref().map(|m| m.hit.clone()), "{url:?}");
        assert_eq!(
            lists.listed(url),
            hit.clone().filter(|h| !h.is_allow()),
            "{url:?}"
        );
        let Some(m) = explained else { continue };
        let Some((_, text, kind)) = texts.iter().find(|(id, _, _)| *id == m.hit.list) else {
            panic!("hit names an unknown list: {m:?}");
        };
        assert!(
            m.hit.kind == "allow" || m.hit.kind == kind.as_str(),
            "kind {} for a {} list",
            m.hit.kind,
            kind.as_str()
        );
        let line = text.lines().nth(m.line.wrapping_sub(1));
        assert!(line.is_some(), "hit on line {} out of range: {m:?}", m.line);
        assert!(!m.hit.rule.is_empty(), "empty rule text: {m:?}");
        let enabled = lists
            .infos()
            .iter()
            .any(|i| i.id == m.hit.list && i.enabled);
        assert!(enabled, "a disabled list hit: {m:?}");
    }
}

fn check_suffixes(psl: &SuffixList, host: &str) {
    let start = psl.suffix_start(host);
    assert!(start <= host.len());
    let suffix = psl.public_suffix(host);
    assert!(host.ends_with(suffix));
    if let Some(reg) = psl.registrable_domain(host) {
        assert!(host.ends_with(reg), "{reg:?} not a suffix of {host:?}");
        assert!(
            reg.ends_with(suffix),
            "{reg:?} does not end with {suffix:?}"
        );
        assert!(reg.len() > suffix.len());
    }
    let _ = psl.is_public_suffix(host);
}

/// Tokens of the list's lines stripped of list syntax, as hosts.
fn derived_hosts(text: &str) -> Vec<&str> {
    text.split_whitespace()
        .map(|t| {
            let t = t.trim_start_matches('@').trim_start_matches('|');
            let t = t.split_once("://").map_or(t, |(_, r)| r);
            let t = t.trim_start_matches("*.");
            t.split(['/', '^', '$', ':']).next().unwrap_or("")
        })
        .filter(|t| !t.is_empty())
        .collect()
}

fuzz_target!(|data: &[u8]| {
    let sel = data.first().copied().unwrap_or(0);
    let flags = data.get(1).copied().unwrap_or(0);
    let text = String::from_utf8_lossy(data.get(2..).unwrap_or(&[]));
    let (list_text, rest) = match text.split_once("\n%%urls\n") {
        Some((l, r)) => (l, Some(r)),
        None => (&*text, None),
    };
    let (url_text, psl_text) = match rest.map(|r| r.split_once("\n%%psl\n")) {
        Some(Some((u, p))) => (u, Some(p)),
        Some(None) => (rest.unwrap_or(""), None),
        None => ("", None),
    };
    let format = FORMATS[usize::from(sel) % FORMATS.len()];
    let kind = KINDS[usize::from(sel / 6) % KINDS.len()];

    // Every format on the same text.
    for f in FORMATS {
        let r = check_list(&info("fuzz", kind, f), list_text);
        check_report(&r, list_text, "fuzz");
    }

    // The URLs to look up.
    let mut urls: Vec<String> = url_text.lines().map(str::to_string).collect();
    for h in derived_hosts(list_text) {
        urls.push(h.to_string());
        urls.push(format!("https://sub.{h}/a/b?c=d#e"));
    }
    urls.truncate(MAX_LOOKUPS);

    // One list, then the same with a second list of another kind and format
    // (the same text): priorities across lists.
    let mut one = SiteLists::new([(info("fuzz", kind, format), list_text)]);
    let reports = one.reports();
    assert_eq!(reports.len(), 1);
    let mut expected = check_list(&info("fuzz", kind, format), list_text);
    if expected.name.is_empty() {
        expected.name = "fuzz".into();
    }
    assert_eq!(*reports[0], expected, "SiteLists and check_list disagree");
    let texts = [
        ("fuzz", list_text, kind),
        ("other", list_text, KINDS[usize::from(flags) % KINDS.len()]),
    ];
    check_lookups(&one, &urls, &texts);
    assert!(one.set_enabled("fuzz", false));
    for u in &urls {
        assert_eq!(one.lookup(u), None, "disabled list hit for {u:?}");
    }

    let other_format = FORMATS[usize::from(flags / 8) % FORMATS.len()];
    let two = SiteLists::new([
        (info("fuzz", kind, format), list_text),
        (info("other", texts[1].2, other_format), list_text),
    ]);
    check_lookups(&two, &urls, &texts);

    // A caller's suffix list.
    if let Some(p) = psl_text {
        let psl = SuffixList::parse(p);
        for u in &urls {
            check_suffixes(&psl, u);
        }
        let custom = SiteLists::with_suffixes([(info("fuzz", kind, format), list_text)], psl);
        check_lookups(&custom, &urls, &texts);
    }
    for h in derived_hosts(list_text).into_iter().take(MAX_LOOKUPS) {
        check_suffixes(SuffixList::builtin(), &h.to_ascii_lowercase());
    }

    // Oracle: a plain host on a domains list matches itself and a subdomain.
    let psl = SuffixList::builtin();
    for host in list_text
        .lines()
        .map(str::trim)
        .filter(|t| plain_host(t) && !psl.is_public_suffix(t))
        .take(MAX_ORACLE)
    {
        let l = SiteLists::new([(info("d", ListKind::Mirror, ListFormat::Domains), host)]);
        assert_eq!(l.rule_count(), 1, "plain host {host:?} gave no rule");
        for u in [
            format!("https://{host}/"),
            format!("http://www.{host}:8080/a?b#c"),
            host.to_string(),
            format!("HTTPS://{}./x", host.to_ascii_uppercase()),
        ] {
            let hit = l.lookup(&u);
            assert!(
                hit.as_ref().is_some_and(|h| h.kind == "mirror"),
                "{host:?} on a domains list does not match {u:?}: {hit:?}"
            );
        }
    }
});
