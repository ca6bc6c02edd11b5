//! The page URL and [`Options`] a target derives from its input.
//!
//! Two header bytes, then (for byte inputs) a first line that completes the URL:
//! - `flags` bit 0: `keep_classes`;
//! - bit 1: tight `max_depth` (1..=64, from `param`), so inputs a few KB long
//!   exercise the pre-scan's flattening;
//! - bits 1 and 2 together: also a tight `max_elements` (16..=1036, from `param`);
//! - bit 3: `listed` set, with a kind from `param`;
//! - bits 4–7: the URL base ([`URL_BASES`]); the first line of the input is
//!   appended to it (base 3 is empty: the line is the whole URL).

use unmirror::{ListHit, Options};

/// Page URL prefixes; the input's first line is appended. Some are not
/// absolute http(s) URLs on purpose (the pipeline must refuse or cope).
pub const URL_BASES: [&str; 16] = [
    "https://example.com/",
    "http://news.example.co.uk/world/2024/",
    "https://example.com/a/b/c.html?x=1&y=2#",
    "",
    "https://xn--bcher-kva.example/",
    "http://[::1]:8080/",
    "http://127.0.0.1/",
    "file:///tmp/",
    "data:text/html,",
    "javascript:",
    "about:blank#",
    "https://user:pass@example.com:8443/p;x?q#",
    "https://blog.example.github.io/",
    "https://example.com/%2e%2e/",
    "blob:https://example.com/",
    "https://example.com",
];

/// List kinds a `listed` hit may name (`allow` included).
pub const LIST_KINDS: [&str; 6] = [
    "mirror",
    "clone",
    "user",
    "content-farm",
    "clickbait",
    "allow",
];

/// The decoded header.
#[derive(Debug, Clone)]
pub struct Header {
    pub opts: Options,
    /// Index into [`URL_BASES`].
    pub url_base: usize,
}

impl Header {
    /// Reads the two header bytes (missing bytes count as 0).
    pub fn new(flags: u8, param: u8) -> Header {
        let mut opts = Options {
            keep_classes: flags & 1 != 0,
            ..Options::default()
        };
        if flags & 2 != 0 {
            opts.max_depth = 1 + usize::from(param % 64);
        }
        if flags & 6 == 6 {
            opts.max_elements = 16 + usize::from(param) * 4;
        }
        if flags & 8 != 0 {
            opts.listed = Some(ListHit {
                list: "fuzz".into(),
                kind: LIST_KINDS[usize::from(param) % LIST_KINDS.len()].into(),
                rule: "example.com".into(),
            });
        }
        Header {
            opts,
            url_base: usize::from(flags >> 4),
        }
    }

    /// The page URL for a first line `line`.
    pub fn url(&self, line: &str) -> String {
        format!("{}{line}", URL_BASES[self.url_base])
    }
}

/// A raw input cut into header, URL and HTML bytes.
pub struct Split<'a> {
    pub header: Header,
    pub url: String,
    pub html: &'a [u8],
}

/// Longest first line taken as the URL's end; a longer one stays in the HTML.
const MAX_URL_LINE: usize = 512;

/// Cuts `data`: two header bytes, a first line (URL end), the rest (HTML).
pub fn split(data: &[u8]) -> Split<'_> {
    let flags = data.first().copied().unwrap_or(0);
    let param = data.get(1).copied().unwrap_or(0);
    let rest = data.get(2..).unwrap_or(&[]);
    let header = Header::new(flags, param);
    let (line, html) = match rest.iter().take(MAX_URL_LINE).position(|&b| b == b'\n') {
        Some(i) => (&rest[..i], &rest[i + 1..]),
        None => (&[][..], rest),
    };
    let url = header.url(&String::from_utf8_lossy(line));
    Split { header, url, html }
}
