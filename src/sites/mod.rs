//! Known-site lists: which sites are mirrors, clones, content farms, or on the
//! user's own list.
//!
//! [`SiteLists`] is built from `(ListInfo, text)` pairs. Each text is parsed in
//! its format (uBlacklist, Content Farm Terminator, plain domains, hosts files,
//! `||host^` lines of uBlock Origin/Adblock Plus lists; see `parse.rs`), each line
//! that cannot be used is reported with its number ([`ParseReport`]), and the
//! rules go into hash indexes, so a lookup costs a handful of hash probes
//! whatever the number of rules.
//!
//! Matching is on host names, public-suffix aware: a rule for `example.com`
//! matches `example.com` and every subdomain, on any scheme and port; a URL's
//! host is walked up to its registrable domain and no further, so a rule that is
//! a public suffix (`github.io`, `co.uk`) never matches every site under it.
//!
//! Priority of a lookup's hit: allow rules first (an allowed site is never
//! cleaned), then user lists, then mirror and clone lists, then the optional
//! content-farm and clickbait lists. Only `mirror` and `clone` hits are mirror
//! evidence.

mod parse;
mod psl;
mod regex;

#[cfg(not(target_arch = "wasm32"))]
mod builtin;

#[cfg(not(target_arch = "wasm32"))]
pub use builtin::{builtin_files, builtin_index, builtin_lists, BuiltinList, INDEX_JSON};
pub use psl::{SuffixList, BUILTIN_PSL};

use crate::options::ListHit;
use parse::{Rule, Target};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// What a list is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ListKind {
    /// Sites that republish other sites' articles (news mirrors, scrapers).
    Mirror,
    /// Sites that clone other sites' content (Stack Overflow/GitHub/Wikipedia
    /// copies): mirror evidence too.
    Clone,
    /// Content farms: optional, never called mirrors.
    ContentFarm,
    /// Clickbait sites: optional, never called mirrors.
    Clickbait,
    /// The user's own list or an imported one: cleaned, not mirror evidence by
    /// itself.
    User,
}

impl ListKind {
    /// The kind's name as lists, JSON and [`ListHit::kind`] write it.
    pub fn as_str(self) -> &'static str {
        match self {
            ListKind::Mirror => "mirror",
            ListKind::Clone => "clone",
            ListKind::ContentFarm => "content-farm",
            ListKind::Clickbait => "clickbait",
            ListKind::User => "user",
        }
    }

    /// Whether a site on such a list is evidence that a page is a mirror.
    pub fn is_mirror_evidence(self) -> bool {
        matches!(self, ListKind::Mirror | ListKind::Clone)
    }

    /// Whether lists of this kind are optional (off unless the user enables them).
    pub fn is_optional(self) -> bool {
        matches!(self, ListKind::ContentFarm | ListKind::Clickbait)
    }

    /// Lower wins. Allow rules are 0.
    fn rank(self) -> u8 {
        match self {
            ListKind::User => 1,
            ListKind::Mirror | ListKind::Clone => 2,
            ListKind::ContentFarm | ListKind::Clickbait => 3,
        }
    }
}

/// A list's syntax.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ListFormat {
    /// Guess from the text.
    #[default]
    Auto,
    /// uBlacklist: match patterns `*://*.example.com/*`, `/regex/`, `@` allow
    /// rules, `#` comments, optional YAML front matter with `name:`.
    Ublacklist,
    /// Content Farm Terminator: one rule per line (a host, `*` wildcards, IDN,
    /// `/regex/`, `domain-path:`, `domain-part:`); a space starts a comment.
    Cft,
    /// One domain per line, `#` comments.
    Domains,
    /// A hosts file: `0.0.0.0 host [host…]`.
    Hosts,
    /// uBlock Origin / Adblock Plus: `||host^$options` and `@@||host^` lines;
    /// cosmetic and other filters are ignored with a warning.
    Adblock,
}

/// A list: its identity and settings. `text` comes separately.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListInfo {
    /// Stable id (`unmirror-news-mirrors`, `user`, `import-1`).
    pub id: String,
    /// Name shown to the user. A uBlacklist front matter `name:` fills it when empty.
    #[serde(default)]
    pub name: String,
    pub kind: ListKind,
    #[serde(default)]
    pub format: ListFormat,
    /// Licence (SPDX id) of the list's text, for the built-in lists.
    #[serde(default)]
    pub licence: String,
    /// Whether the list takes part in lookups.
    #[serde(default = "default_true")]
    pub enabled: bool,
}

fn default_true() -> bool {
    true
}

/// A line of a list that could not be used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParseError {
    /// 1-based line number.
    pub line: usize,
    pub message: String,
}

/// What parsing one list gave.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ParseReport {
    /// The list's id.
    pub list: String,
    /// The list's name (from [`ListInfo::name`] or its front matter).
    pub name: String,
    /// The format the text was read in (never `auto`).
    pub format: ListFormat,
    /// Lines that gave a rule.
    pub rules: usize,
    /// Malformed lines (at most `SITES_MAX_REPORTED_ISSUES`; see `error_count`).
    pub errors: Vec<ParseError>,
    /// Valid lines that unmirror does not use (cosmetic filters, expressions…).
    pub warnings: Vec<ParseError>,
    pub error_count: usize,
    pub warning_count: usize,
}

impl ParseReport {
    /// True when no line was malformed.
    pub fn is_ok(&self) -> bool {
        self.error_count == 0
    }
}

/// Parses `text` as `info`'s list without building an index: what an options page
/// shows before it saves an import.
pub fn check_list(info: &ListInfo, text: &str) -> ParseReport {
    let parsed = parse::parse_list(text, info.format);
    report_of(info, &parsed)
}

fn report_of(info: &ListInfo, parsed: &parse::Parsed) -> ParseReport {
    ParseReport {
        list: info.id.clone(),
        name: if info.name.is_empty() {
            parsed.name.clone().unwrap_or_default()
        } else {
            info.name.clone()
        },
        format: parsed.format.unwrap_or(info.format),
        rules: parsed.rule_lines,
        errors: parsed.errors.clone(),
        warnings: parsed.warnings.clone(),
        error_count: parsed.error_count,
        warning_count: parsed.warning_count,
    }
}

/// The hosts a list's rules name (no allow rules, no wildcard or regex rules),
/// lowercase ASCII, deduplicated, in list order: what an extension turns into
/// host permissions and content-script matches (`*://*.HOST/*`). Wildcard and
/// regex rules still match in [`SiteLists::lookup`]; they just have no host to
/// ask a permission for.
pub fn list_hosts(info: &ListInfo, text: &str) -> Vec<String> {
    let parsed = parse::parse_list(text, info.format);
    let mut seen = HashSet::new();
    let mut out = Vec::new();
    for rule in parsed.rules.iter().filter(|r| !r.allow) {
        if let Target::Host { host, .. } = &rule.target {
            if seen.insert(host.clone()) {
                out.push(host.to_string());
            }
        }
    }
    out
}

/// A lookup's hit with where its rule is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Match {
    #[serde(flatten)]
    pub hit: ListHit,
    /// 1-based line of the rule in its list.
    pub line: usize,
}

/// A rule by position: `lists[list].rules[rule]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct RuleRef {
    list: u32,
    rule: u32,
}

/// Most hosts name one rule: keep those without a heap allocation.
#[derive(Debug, Clone)]
enum Refs {
    One(RuleRef),
    Many(Vec<RuleRef>),
}

impl Refs {
    fn push(&mut self, r: RuleRef) {
        match self {
            Refs::One(first) => *self = Refs::Many(vec![*first, r]),
            Refs::Many(v) => v.push(r),
        }
    }
    fn as_slice(&self) -> &[RuleRef] {
        match self {
            Refs::One(r) => std::slice::from_ref(r),
            Refs::Many(v) => v,
        }
    }
}

/// FxHash (rustc's): fast for short string keys. List contents and URLs cannot
/// make a lookup slower than a few probes, so SipHash's DoS resistance buys
/// nothing here.
#[derive(Default, Clone, Copy)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x517c_c1b7_2722_0a95;
        let mut chunks = bytes.chunks_exact(8);
        for c in chunks.by_ref() {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }
    fn write_u8(&mut self, i: u8) {
        self.write(&[i]);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type FxMap<V> = HashMap<Box<str>, V, BuildHasherDefault<FxHasher>>;
type FxSet = HashSet<Box<str>, BuildHasherDefault<FxHasher>>;

#[derive(Debug, Clone)]
struct List {
    info: ListInfo,
    rules: Vec<Rule>,
    report: ParseReport,
}

/// The suffix list in use. `new` takes the embedded one; `with_suffixes` never
/// names it, so a wasm build that only calls `with_suffixes` leaves it out.
#[derive(Debug, Clone)]
enum Suffixes {
    Static(&'static SuffixList),
    Owned(Box<SuffixList>),
}

/// Parsed, indexed site lists. Build once, look up many URLs.
#[derive(Debug, Clone)]
pub struct SiteLists {
    lists: Vec<List>,
    /// Host rules by host (rules without a literal path prefix).
    hosts: FxMap<Refs>,
    /// Host rules with a literal path prefix, by `host/segment[/segment]`
    /// (`blog.udn.com/name`): a host with thousands of path rules costs one probe.
    host_paths: FxMap<Refs>,
    /// Hosts that have keys in `host_paths`.
    path_hosts: FxSet,
    /// Wildcard host rules by one of their literal labels.
    globs: FxMap<Refs>,
    /// Wildcard host rules without a literal label (checked on every lookup).
    loose_globs: Vec<RuleRef>,
    /// `domain-part:` rules by label.
    labels: FxMap<Refs>,
    /// Regex rules (checked on every lookup).
    regexes: Vec<RuleRef>,
    suffixes: Suffixes,
}

impl Default for SiteLists {
    fn default() -> Self {
        SiteLists::new(Vec::<(ListInfo, &str)>::new())
    }
}

/// A URL cut into what the rules look at.
struct UrlParts {
    /// Lowercase ASCII host, no trailing dot; IPv6 in brackets.
    host: String,
    is_ip: bool,
    /// Path plus `?query`.
    path_query: String,
    /// The whole URL without its fragment (for regex rules).
    full: String,
}

impl UrlParts {
    fn parse(input: &str) -> Option<UrlParts> {
        let input = input.trim();
        let url = match crate::idn::parse(input) {
            Ok(u) => u,
            Err(url::ParseError::RelativeUrlWithoutBase) => {
                crate::idn::parse(&format!("http://{input}")).ok()?
            }
            Err(_) => return None,
        };
        let (host, is_ip) = match url.host()? {
            url::Host::Domain(d) => (d.trim_end_matches('.').to_string(), false),
            url::Host::Ipv4(a) => (a.to_string(), true),
            url::Host::Ipv6(a) => (format!("[{a}]"), true),
        };
        if host.is_empty() {
            return None;
        }
        let mut path_query = url.path().to_string();
        if let Some(q) = url.query() {
            path_query.push('?');
            path_query.push_str(q);
        }
        let full = match url.as_str().find('#') {
            Some(i) => url.as_str()[..i].to_string(),
            None => url.as_str().to_string(),
        };
        Some(UrlParts {
            host,
            is_ip,
            path_query,
            full,
        })
    }
}

impl SiteLists {
    /// Parses and indexes `lists` with the embedded Public Suffix List.
    pub fn new<I, T>(lists: I) -> SiteLists
    where
        I: IntoIterator<Item = (ListInfo, T)>,
        T: AsRef<str>,
    {
        Self::build(lists, Suffixes::Static(SuffixList::builtin()))
    }

    /// As [`SiteLists::new`] with a Public Suffix List of the caller's (e.g. the
    /// text of `public_suffix_list.dat` read by the extension, which keeps the
    /// list out of the wasm module).
    pub fn with_suffixes<I, T>(lists: I, suffixes: SuffixList) -> SiteLists
    where
        I: IntoIterator<Item = (ListInfo, T)>,
        T: AsRef<str>,
    {
        Self::build(lists, Suffixes::Owned(Box::new(suffixes)))
    }

    fn build<I, T>(lists: I, suffixes: Suffixes) -> SiteLists
    where
        I: IntoIterator<Item = (ListInfo, T)>,
        T: AsRef<str>,
    {
        let mut out = SiteLists {
            lists: Vec::new(),
            hosts: FxMap::default(),
            host_paths: FxMap::default(),
            path_hosts: FxSet::default(),
            globs: FxMap::default(),
            loose_globs: Vec::new(),
            labels: FxMap::default(),
            regexes: Vec::new(),
            suffixes,
        };
        for (info, text) in lists {
            let parsed = parse::parse_list(text.as_ref(), info.format);
            let mut report = report_of(&info, &parsed);
            if report.name.is_empty() {
                report.name = info.id.clone();
            }
            let list_index = out.lists.len() as u32;
            for (i, rule) in parsed.rules.iter().enumerate() {
                let r = RuleRef {
                    list: list_index,
                    rule: i as u32,
                };
                match &rule.target {
                    Target::Host { host, path } => match path_key(path) {
                        Some(segments) => {
                            insert(&mut out.host_paths, &format!("{host}/{segments}"), r);
                            out.path_hosts.insert(host.clone());
                        }
                        None => insert(&mut out.hosts, host, r),
                    },
                    Target::HostGlob { glob, .. } => match glob_key(glob) {
                        Some(key) => insert(&mut out.globs, key, r),
                        None => out.loose_globs.push(r),
                    },
                    Target::DomainLabel(label) => insert(&mut out.labels, label, r),
                    Target::Regex(_) => out.regexes.push(r),
                }
            }
            out.lists.push(List {
                info,
                rules: parsed.rules,
                report,
            });
        }
        out
    }

    fn suffix_list(&self) -> &SuffixList {
        match &self.suffixes {
            Suffixes::Static(s) => s,
            Suffixes::Owned(s) => s,
        }
    }

    /// The parse reports, in list order.
    pub fn reports(&self) -> Vec<&ParseReport> {
        self.lists.iter().map(|l| &l.report).collect()
    }

    /// The lists' settings, in list order.
    pub fn infos(&self) -> Vec<&ListInfo> {
        self.lists.iter().map(|l| &l.info).collect()
    }

    /// Rules across all lists (a line may give several).
    pub fn rule_count(&self) -> usize {
        self.lists.iter().map(|l| l.rules.len()).sum()
    }

    /// Switches the list `id` on or off; false when there is no such list.
    pub fn set_enabled(&mut self, id: &str, enabled: bool) -> bool {
        let mut found = false;
        for l in self.lists.iter_mut().filter(|l| l.info.id == id) {
            l.info.enabled = enabled;
            found = true;
        }
        found
    }

    /// The highest-priority rule matching `url` among the enabled lists: an allow
    /// rule (`kind` = `"allow"`), else a user list's rule, else a mirror/clone
    /// list's, else an optional list's. `url` may lack a scheme (`example.com/x`).
    pub fn lookup(&self, url: &str) -> Option<ListHit> {
        self.explain(url).map(|m| m.hit)
    }

    /// [`SiteLists::lookup`] with the matching rule's line number in its list.
    pub fn explain(&self, url: &str) -> Option<Match> {
        let parts = UrlParts::parse(url)?;
        let best = self.best(&parts)?;
        let list = self.lists.get(best.list as usize)?;
        let rule = list.rules.get(best.rule as usize)?;
        Some(Match {
            hit: ListHit {
                list: list.info.id.clone(),
                kind: if rule.allow {
                    ListHit::ALLOW.to_string()
                } else {
                    list.info.kind.as_str().to_string()
                },
                rule: rule.text.to_string(),
            },
            line: rule.line as usize,
        })
    }

    /// What `Options.listed` wants: [`SiteLists::lookup`] without allow hits
    /// (an allowed site is not listed).
    pub fn listed(&self, url: &str) -> Option<ListHit> {
        self.lookup(url).filter(|h| !h.is_allow())
    }

    /// The site `url` belongs to, as "always clean this site" keys it: the
    /// host's registrable domain (`example.co.uk` for
    /// `https://news.example.co.uk:8080/x`), else the host itself (IP addresses,
    /// hosts that are public suffixes). None when `url` has no host.
    pub fn site_of(&self, url: &str) -> Option<String> {
        let parts = UrlParts::parse(url)?;
        if parts.is_ip {
            return Some(parts.host);
        }
        Some(
            self.suffix_list()
                .registrable_domain(&parts.host)
                .unwrap_or(&parts.host)
                .to_string(),
        )
    }

    fn best(&self, u: &UrlParts) -> Option<RuleRef> {
        let mut best: Option<((u8, u32, u32), RuleRef)> = None;
        let mut consider = |r: RuleRef| {
            let Some(list) = self.lists.get(r.list as usize) else {
                return;
            };
            if !list.info.enabled {
                return;
            }
            let Some(rule) = list.rules.get(r.rule as usize) else {
                return;
            };
            let path_ok = match &rule.target {
                Target::Host { path, .. } | Target::HostGlob { path, .. } => {
                    path.matches(&u.path_query)
                }
                _ => true,
            };
            if !path_ok {
                return;
            }
            let rank = if rule.allow { 0 } else { list.info.kind.rank() };
            let key = (rank, r.list, r.rule);
            if best.is_none_or(|(k, _)| key < k) {
                best = Some((key, r));
            }
        };

        // Host rules: the host and its parents, down to the registrable domain.
        let psl = self.suffix_list();
        let registrable = if u.is_ip {
            None
        } else {
            psl.registrable_domain(&u.host)
        };
        let stop = registrable.map_or(0, |d| u.host.len() - d.len());
        let segments = path_segments(&u.path_query);
        let mut key = String::new();
        let mut start = 0usize;
        loop {
            let suffix = u.host.get(start..).unwrap_or("");
            if let Some(refs) = self.hosts.get(suffix) {
                refs.as_slice().iter().for_each(|&r| consider(r));
            }
            if self.path_hosts.contains(suffix) {
                key.clear();
                key.push_str(suffix);
                for seg in segments.iter().flatten() {
                    key.push('/');
                    key.push_str(seg);
                    if let Some(refs) = self.host_paths.get(key.as_str()) {
                        refs.as_slice().iter().for_each(|&r| consider(r));
                    }
                }
            }
            if u.is_ip || start >= stop {
                break;
            }
            match u.host[start..].find('.') {
                Some(i) => start += i + 1,
                None => break,
            }
        }

        // Wildcard host rules: those keyed by one of the host's labels, and those
        // without a key.
        let has_globs = !self.globs.is_empty() || !self.loose_globs.is_empty();
        if has_globs && !u.is_ip {
            let mut check = |r: RuleRef| {
                if let Some(Rule {
                    target: Target::HostGlob { glob, .. },
                    ..
                }) = self
                    .lists
                    .get(r.list as usize)
                    .and_then(|l| l.rules.get(r.rule as usize))
                {
                    if host_glob_matches(glob, &u.host) {
                        consider(r);
                    }
                }
            };
            for label in u.host.split('.') {
                if let Some(refs) = self.globs.get(label) {
                    refs.as_slice().iter().for_each(|&r| check(r));
                }
            }
            self.loose_globs.iter().for_each(|&r| check(r));
        }

        // `domain-part:` rules: the registrable domain's first label.
        if let Some(domain) = registrable {
            let label = domain.split('.').next().unwrap_or(domain);
            if let Some(refs) = self.labels.get(label) {
                refs.as_slice().iter().for_each(|&r| consider(r));
            }
        }

        // Regex rules, on the whole URL; a required literal skips most of them.
        if !self.regexes.is_empty() {
            let lower = u.full.to_ascii_lowercase();
            for &r in &self.regexes {
                let hit = self
                    .lists
                    .get(r.list as usize)
                    .filter(|l| l.info.enabled)
                    .and_then(|l| l.rules.get(r.rule as usize))
                    .is_some_and(|rule| match &rule.target {
                        Target::Regex(re) => {
                            re.required_literal().is_none_or(|lit| lower.contains(lit))
                                && re.is_match(&u.full)
                        }
                        _ => false,
                    });
                if hit {
                    consider(r);
                }
            }
        }
        best.map(|(_, r)| r)
    }
}

fn insert(map: &mut FxMap<Refs>, key: &str, r: RuleRef) {
    match map.get_mut(key) {
        Some(refs) => refs.push(r),
        None => {
            map.insert(key.into(), Refs::One(r));
        }
    }
}

/// Path segments a rule's path is keyed by: the first one or two whole literal
/// segments of its path (`answers` for `/answers/*`, `mobile/name` for the
/// segment rule `/mobile/name`). None when the path starts with a wildcard.
fn path_key(path: &parse::PathRule) -> Option<String> {
    let (literal, complete) = match path {
        parse::PathRule::Any => return None,
        // The literal part up to the first wildcard; its last segment is whole
        // only if a `/` follows it.
        parse::PathRule::Glob(g) => {
            let lit = g.split('*').next().unwrap_or("");
            match lit.rfind('/') {
                Some(i) => (&lit[..i], true),
                None => return None,
            }
        }
        parse::PathRule::Segment(s) => (&**s, true),
    };
    if !complete {
        return None;
    }
    let mut segs = literal
        .strip_prefix('/')?
        .split('/')
        .take(PATH_KEY_SEGMENTS)
        .take_while(|s| !s.is_empty() && !s.contains('?'));
    let first = segs.next()?;
    Some(match segs.next() {
        Some(second) => format!("{first}/{second}"),
        None => first.to_string(),
    })
}

/// Segments of a path rule's key: rules are keyed by at most this many.
const PATH_KEY_SEGMENTS: usize = 2;

/// The URL path's first segments, as `path_key` cuts rules' paths.
fn path_segments(path_query: &str) -> [Option<&str>; PATH_KEY_SEGMENTS] {
    let path = path_query.split(['?', '#']).next().unwrap_or("");
    let mut it = path
        .strip_prefix('/')
        .unwrap_or(path)
        .split('/')
        .filter(|s| !s.is_empty());
    [it.next(), it.next()]
}

/// The first label of a glob without `*`, to index it by (it can only match a
/// whole label of the host).
fn glob_key(glob: &str) -> Option<&str> {
    glob.split('.').find(|l| !l.contains('*'))
}

/// Whether `host` or one of its parent domains matches `glob` in full.
fn host_glob_matches(glob: &str, host: &str) -> bool {
    let mut start = 0usize;
    loop {
        if host
            .get(start..)
            .is_some_and(|h| parse::glob_match(glob, h))
        {
            return true;
        }
        match host.get(start..).and_then(|h| h.find('.')) {
            Some(i) => start += i + 1,
            None => return false,
        }
    }
}
