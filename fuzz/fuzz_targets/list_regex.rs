//! Differential test of the site lists' own regex engine (`src/sites/regex.rs`,
//! private: reached through a one-rule uBlacklist list) against `fancy-regex`
//! (the `regex` crate plus lookaround).
//!
//! Input: byte 0 flags (bit 0 `i`, bit 1 `s`), then the pattern (first line),
//! then URLs (one per line). The rule `/PATTERN/FLAGS` must hit a URL exactly
//! when the reference matches the URL as the lookup sees it (the parsed URL
//! without its fragment: ASCII, since hosts are punycode and paths
//! percent-encoded). Patterns where JavaScript and Rust syntax disagree are only
//! run for "no panic, no hang" (see `comparable`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use unmirror::sites::{ListFormat, ListInfo, ListKind, SiteLists};

/// URLs per input.
const MAX_URLS: usize = 16;
/// Longer URLs are only run, not compared (the step budget may run out).
const MAX_COMPARED_URL: usize = 256;
/// Counted repetitions above this are only run (budget, and the engine caps them).
const MAX_COMPARED_REPEAT: u32 = 20;

/// Whether JavaScript and Rust read `pattern` the same way: ASCII only, no
/// escape whose meaning differs (`\a`, `\z`, `\p`, `\<`… are identity escapes
/// in JavaScript, something else in Rust), no nested or set-operation classes,
/// no `[]`/`[^]`, no `{,n}`, no large counted repetition, no unescaped `/`
/// outside a class (the list syntax would end the regex there).
fn comparable(pattern: &str) -> bool {
    if !pattern.is_ascii() || pattern.contains("{,") {
        return false;
    }
    let b = pattern.as_bytes();
    let mut in_class = false;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'\\' {
            let Some(&e) = b.get(i + 1) else { return false };
            let ok = matches!(e, b'd' | b'D' | b'w' | b'W' | b's' | b'S' | b'n' | b't' | b'r')
                || (matches!(e, b'b' | b'B') && !in_class)
                || (e.is_ascii_punctuation() && !matches!(e, b'<' | b'>'));
            if !ok {
                return false;
            }
            i += 2;
            continue;
        }
        if in_class {
            if c == b'[' || b[i..].starts_with(b"&&") || b[i..].starts_with(b"--") {
                return false;
            }
            if b[i..].starts_with(b"~~") {
                return false;
            }
            if c == b']' {
                in_class = false;
            }
        } else if c == b'/' {
            // The list syntax ends the regex there.
            return false;
        } else if c == b'[' {
            in_class = true;
            if b[i + 1..].starts_with(b"]") || b[i + 1..].starts_with(b"^]") {
                return false;
            }
        } else if c == b'{' {
            // Numbers in a counted repetition.
            let end = b[i..].iter().position(|&x| x == b'}').map_or(b.len(), |p| i + p);
            let inner = &pattern[i + 1..end];
            if inner.split(',').any(|n| n.parse::<u32>().is_ok_and(|n| n > MAX_COMPARED_REPEAT)) {
                return false;
            }
        }
        i += 1;
    }
    true
}

/// The string regex rules see for `input`: the lookup's URL without fragment,
/// or None when the lookup cannot read a host from it (see `UrlParts::parse`).
/// Parsed with the library's own `idn::parse`: `url` alone (with the pinned
/// ASCII-only IDNA back end) rejects, or in debug builds asserts on, hosts
/// written in Unicode, which the library punycodes first.
fn lookup_view(input: &str) -> Option<String> {
    let input = input.trim();
    let url = match unmirror::idn::parse(input) {
        Ok(u) => u,
        Err(url::ParseError::RelativeUrlWithoutBase) => {
            unmirror::idn::parse(&format!("http://{input}")).ok()?
        }
        Err(_) => return None,
    };
    match url.host()? {
        url::Host::Domain(d) if d.trim_end_matches('.').is_empty() => return None,
        _ => {}
    }
    let s = url.as_str();
    Some(s.split('#').next().unwrap_or(s).to_string())
}

fuzz_target!(|data: &[u8]| {
    let flags_byte = data.first().copied().unwrap_or(0);
    let text = String::from_utf8_lossy(data.get(1..).unwrap_or(&[]));
    let mut lines = text.lines();
    let pattern = lines.next().unwrap_or("");
    let mut flags = String::new();
    if flags_byte & 1 != 0 {
        flags.push('i');
    }
    if flags_byte & 2 != 0 {
        flags.push('s');
    }
    let rule = format!("/{pattern}/{flags}");
    let info = ListInfo {
        id: "re".into(),
        name: String::new(),
        kind: ListKind::Mirror,
        format: ListFormat::Ublacklist,
        licence: String::new(),
        enabled: true,
    };
    let lists = SiteLists::new([(info, rule.as_str())]);
    let urls: Vec<&str> = lines.take(MAX_URLS).collect();
    let ours: Vec<bool> = urls.iter().map(|u| lists.lookup(u).is_some()).collect();

    if lists.rule_count() != 1 || !comparable(pattern) {
        return;
    }
    let mut prefix = String::new();
    if flags.contains('i') {
        prefix.push_str("(?i)");
    }
    if flags.contains('s') {
        prefix.push_str("(?s)");
    }
    let Ok(reference) = fancy_regex::RegexBuilder::new(&format!("{prefix}{pattern}"))
        .backtrack_limit(200_000)
        .build()
    else {
        return;
    };
    for (url, hit) in urls.iter().zip(ours) {
        let Some(view) = lookup_view(url) else {
            assert!(!hit, "{rule} hit {url:?}, which has no host");
            continue;
        };
        if view.len() > MAX_COMPARED_URL {
            continue;
        }
        let Ok(expected) = reference.is_match(&view) else {
            continue;
        };
        assert_eq!(
            hit, expected,
            "rule {rule} on {url:?} (seen as {view:?}): ours {hit}, reference {expected}"
        );
    }
});
