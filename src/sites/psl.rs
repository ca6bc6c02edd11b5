//! Public suffixes and registrable domains, from the Public Suffix List text.
//!
//! The list ships as `extension/lists/public_suffix_list.dat` (MPL-2.0, comments
//! stripped). [`SuffixList::builtin`] embeds it (about 45 KB gzip in a wasm
//! build); a wasm binding that wants a smaller module can pass the same file's
//! text to [`SuffixList::parse`] instead.
//!
//! Both sections count: `github.io` and `blogspot.com` (private section) are
//! public suffixes like `co.uk`, so `alice.github.io` and `bob.github.io` are two
//! different sites.

use super::FxSet;
use std::sync::OnceLock;

/// The embedded Public Suffix List text.
pub const BUILTIN_PSL: &str = include_str!("../../extension/lists/public_suffix_list.dat");

/// A parsed Public Suffix List.
#[derive(Debug, Clone, Default)]
pub struct SuffixList {
    /// Plain rules (`co.uk`), in ASCII (punycode).
    rules: FxSet,
    /// Wildcard rules `*.ck`, stored as their parent (`ck`).
    wildcards: FxSet,
    /// Exception rules `!www.ck`, stored without the `!`.
    exceptions: FxSet,
}

impl SuffixList {
    /// Parses the list's text (one rule per line, `//` comments). Rules that are
    /// not valid host names are skipped.
    pub fn parse(text: &str) -> SuffixList {
        let mut list = SuffixList::default();
        for line in text.lines() {
            let rule = line.split_whitespace().next().unwrap_or("");
            if rule.is_empty() || rule.starts_with("//") {
                continue;
            }
            let (set, body) = if let Some(rest) = rule.strip_prefix("*.") {
                (&mut list.wildcards, rest)
            } else if let Some(rest) = rule.strip_prefix('!') {
                (&mut list.exceptions, rest)
            } else {
                (&mut list.rules, rule)
            };
            if let Some(ascii) = super::parse::host_to_ascii(body) {
                set.insert(ascii.into_boxed_str());
            }
        }
        list
    }

    /// The embedded list, parsed once on first use.
    pub fn builtin() -> &'static SuffixList {
        static LIST: OnceLock<SuffixList> = OnceLock::new();
        LIST.get_or_init(|| SuffixList::parse(BUILTIN_PSL))
    }

    /// Number of rules of all three kinds.
    pub fn len(&self) -> usize {
        self.rules.len() + self.wildcards.len() + self.exceptions.len()
    }

    /// True when the list holds no rule.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The byte offset in `host` where its public suffix starts (`host` is a
    /// lowercase ASCII host name without a trailing dot). Hosts under no rule
    /// get the last label (the PSL's implicit `*` rule).
    pub fn suffix_start(&self, host: &str) -> usize {
        let mut start = 0usize;
        loop {
            let Some(rest) = host.get(start..) else {
                return host.len();
            };
            if self.exceptions.contains(rest) {
                // An exception's suffix is the rule minus its first label.
                return rest.find('.').map_or(host.len(), |i| start + i + 1);
            }
            if self.rules.contains(rest) {
                return start;
            }
            match rest.find('.') {
                Some(i) => {
                    if rest
                        .get(i + 1..)
                        .is_some_and(|parent| self.wildcards.contains(parent))
                    {
                        return start;
                    }
                    start += i + 1;
                }
                // The last label: the implicit `*` rule.
                None => return start,
            }
        }
    }

    /// The public suffix of `host` (`co.uk` for `news.example.co.uk`).
    pub fn public_suffix<'a>(&self, host: &'a str) -> &'a str {
        host.get(self.suffix_start(host)..).unwrap_or("")
    }

    /// The registrable domain of `host`: its public suffix and one more label
    /// (`example.co.uk` for `news.example.co.uk`). None when `host` is itself a
    /// public suffix (`co.uk`, `github.io`) or empty.
    pub fn registrable_domain<'a>(&self, host: &'a str) -> Option<&'a str> {
        let start = self.suffix_start(host);
        if start < 2 {
            return None;
        }
        let head = host.get(..start - 1)?;
        let label_start = head.rfind('.').map_or(0, |i| i + 1);
        host.get(label_start..)
    }

    /// True when `host` is exactly a public suffix.
    pub fn is_public_suffix(&self, host: &str) -> bool {
        !host.is_empty() && self.suffix_start(host) == 0
    }
}
