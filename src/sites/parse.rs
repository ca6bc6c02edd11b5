//! Line parsers for the site-list formats people already use.
//!
//! Every parser reads one line at a time, never panics, and reports what it could
//! not use with the line's number: an **error** for a line that is malformed in
//! its own format (a bad host, a broken regex), a **warning** for a valid line
//! that means something unmirror does not do (cosmetic filters, search-title
//! expressions, resource-type filters). Neither stops the parse.

use super::regex::Regex;
use super::{ListFormat, ParseError};
use crate::tuning;

/// What a rule matches.
#[derive(Debug, Clone)]
pub(crate) enum Target {
    /// A host and all its subdomains, with an optional path condition.
    Host { host: Box<str>, path: PathRule },
    /// A host pattern with `*` wildcards (`against24.blogspot.*`,
    /// `daliulian.*.com`); `*` matches any run of characters, dots included.
    /// Subdomains of a matching host match too.
    HostGlob { glob: Box<str>, path: PathRule },
    /// Any site whose registrable domain's first label is this
    /// (Content Farm Terminator's `domain-part:`).
    DomainLabel(Box<str>),
    /// A regular expression on the whole URL.
    Regex(Box<Regex>),
}

/// A condition on the URL's path (and query).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum PathRule {
    Any,
    /// A match-pattern path with `*` wildcards, matched against path + query.
    Glob(Box<str>),
    /// The path equals this or continues it with `/`, `?` or `#`.
    Segment(Box<str>),
}

/// One parsed rule. Some lines expand into several rules (the same `text` and
/// `line`), e.g. `udn:NAME`, which names a blog on two hosts.
#[derive(Debug, Clone)]
pub(crate) struct Rule {
    pub text: Box<str>,
    pub line: u32,
    pub allow: bool,
    pub target: Target,
}

/// Everything a parse produced.
#[derive(Debug, Default)]
pub(crate) struct Parsed {
    pub name: Option<String>,
    pub format: Option<ListFormat>,
    pub rules: Vec<Rule>,
    /// Lines that produced at least one rule.
    pub rule_lines: usize,
    pub errors: Vec<ParseError>,
    pub warnings: Vec<ParseError>,
    pub error_count: usize,
    pub warning_count: usize,
}

impl Parsed {
    fn error(&mut self, line: usize, message: impl Into<String>) {
        self.error_count += 1;
        if self.errors.len() < tuning::SITES_MAX_REPORTED_ISSUES {
            self.errors.push(ParseError {
                line,
                message: message.into(),
            });
        }
    }
    fn warning(&mut self, line: usize, message: impl Into<String>) {
        self.warning_count += 1;
        if self.warnings.len() < tuning::SITES_MAX_REPORTED_ISSUES {
            self.warnings.push(ParseError {
                line,
                message: message.into(),
            });
        }
    }
}

/// What one line gave.
enum LineResult {
    /// Blank or comment.
    Nothing,
    Rules(Vec<Rule>),
    Error(String),
    Warning(String),
}

use LineResult::{Error, Nothing, Rules, Warning};

/// Parses a whole list in `format` (`Auto` sniffs it first).
pub(crate) fn parse_list(text: &str, format: ListFormat) -> Parsed {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let format = match format {
        ListFormat::Auto => detect_format(text),
        f => f,
    };
    let mut out = Parsed {
        format: Some(format),
        ..Parsed::default()
    };
    // uBlacklist subscriptions may open with a YAML front matter block.
    let mut skip = 0;
    if format == ListFormat::Ublacklist
        && text.lines().next().is_some_and(|l| l.trim_end() == "---")
    {
        let close = text
            .lines()
            .enumerate()
            .skip(1)
            .find(|(_, l)| l.trim_end() == "---")
            .map(|(i, _)| i);
        match close {
            Some(close) => {
                for l in text.lines().take(close).skip(1) {
                    if let Some(v) = l.strip_prefix("name:") {
                        let v = v.trim().trim_matches(|c| c == '"' || c == '\'').trim();
                        if !v.is_empty() {
                            out.name = Some(v.to_string());
                        }
                    }
                }
                skip = close + 1;
            }
            None => {
                out.error(1, "'---' opens a front matter that is never closed");
                skip = 1;
            }
        }
    }

    for (i, raw) in text.lines().enumerate().skip(skip) {
        let number = i + 1;
        if raw.len() > tuning::SITES_MAX_LINE_LEN {
            out.error(
                number,
                format!("line longer than {} bytes", tuning::SITES_MAX_LINE_LEN),
            );
            continue;
        }
        let result = match format {
            ListFormat::Ublacklist => ublacklist_line(raw, number),
            ListFormat::Cft => cft_line(raw, number),
            ListFormat::Domains => domains_line(raw, number),
            ListFormat::Hosts => hosts_line(raw, number),
            ListFormat::Adblock => adblock_line(raw, number),
            ListFormat::Auto => domains_line(raw, number),
        };
        match result {
            Nothing => {}
            Rules(rules) => {
                if !rules.is_empty() {
                    out.rule_lines += 1;
                    out.rules.extend(rules);
                }
            }
            Error(m) => out.error(number, m),
            Warning(m) => out.warning(number, m),
        }
    }
    out
}

/// Guesses a list's format from its first meaningful lines.
pub(crate) fn detect_format(text: &str) -> ListFormat {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.lines().next().is_some_and(|l| l.trim_end() == "---") {
        return ListFormat::Ublacklist;
    }
    let (mut ubl, mut abp, mut hosts, mut cft, mut plain) = (0, 0, 0, 0, 0);
    let mut seen = 0;
    for line in text.lines() {
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        if t.starts_with('[') && t.ends_with(']') {
            abp += 3;
            continue;
        }
        if t.starts_with('#') || t.starts_with('!') {
            continue;
        }
        seen += 1;
        let body = t.strip_prefix("@@").unwrap_or(t);
        let first = body.split_whitespace().next().unwrap_or("");
        if body.starts_with("||") || body.contains("##") {
            abp += 1;
        } else if first.contains("://") || t.starts_with('@') {
            ubl += 1;
        } else if first.parse::<std::net::IpAddr>().is_ok() && body.split_whitespace().count() > 1 {
            hosts += 1;
        } else if ["domain-path:", "domain-part:", "udn:", "xuite:", "pchome:"]
            .iter()
            .any(|p| first.starts_with(p))
            || (first.contains('*') && !first.contains('/'))
            || (line.starts_with(char::is_whitespace) && t.starts_with('#'))
        {
            cft += 1;
        } else if first.starts_with('/') && first.len() > 2 && first.ends_with('/') {
            // A bare regex: uBlacklist and CFT both read it.
            ubl += 1;
            cft += 1;
        } else {
            plain += 1;
        }
        if seen >= tuning::SITES_DETECT_LINES {
            break;
        }
    }
    let best = [
        (abp, ListFormat::Adblock),
        (ubl, ListFormat::Ublacklist),
        (hosts, ListFormat::Hosts),
        (cft, ListFormat::Cft),
    ]
    .into_iter()
    .max_by_key(|(n, _)| *n)
    .filter(|(n, _)| *n > 0);
    match best {
        // CFT reads plain domains too, and its comments follow a space.
        Some((_, ListFormat::Cft)) => ListFormat::Cft,
        Some((n, f)) if n * 4 >= plain || plain == 0 => f,
        _ if text.contains(" #") => ListFormat::Cft,
        _ => ListFormat::Domains,
    }
}

// ---- host names -------------------------------------------------------------

/// A host name in lowercase ASCII (IDN labels to punycode), without a trailing
/// dot; None when it is not a valid host name. Underscores are allowed (they
/// occur in real host names).
pub(crate) fn host_to_ascii(host: &str) -> Option<String> {
    let host = host.strip_suffix('.').unwrap_or(host);
    if host.is_empty() || host.len() > 1024 {
        return None;
    }
    let ascii = if host.is_ascii() {
        host.to_ascii_lowercase()
    } else {
        // Not url::Host::parse: its IDNA back end is the stub (Cargo.toml).
        crate::idn::host_to_ascii(host)?.to_ascii_lowercase()
    };
    valid_ascii_host(&ascii).then_some(ascii)
}

fn valid_ascii_host(host: &str) -> bool {
    if host.is_empty() || host.len() > 253 {
        return false;
    }
    host.split('.').all(|label| {
        !label.is_empty()
            && label.len() <= 63
            && label
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
    })
}

/// A host pattern with `*` wildcards in lowercase ASCII; IDN labels without a
/// wildcard go to punycode.
fn glob_to_ascii(glob: &str) -> Option<String> {
    let glob = glob.strip_suffix('.').unwrap_or(glob);
    let mut labels = Vec::new();
    for label in glob.split('.') {
        if label.contains('*') {
            let l = label.to_ascii_lowercase();
            let ok = !l.is_empty()
                && l.bytes().all(|b| {
                    b.is_ascii_lowercase()
                        || b.is_ascii_digit()
                        || b == b'-'
                        || b == b'_'
                        || b == b'*'
                });
            if !ok {
                return None;
            }
            // `**` is the same as `*`.
            let mut collapsed = String::with_capacity(l.len());
            for c in l.chars() {
                if !(c == '*' && collapsed.ends_with('*')) {
                    collapsed.push(c);
                }
            }
            labels.push(collapsed);
        } else {
            labels.push(host_to_ascii(label)?);
        }
    }
    Some(labels.join("."))
}

/// `host` or, when it has wildcards, a glob target; `www.` is kept.
fn host_target(host: &str, path: PathRule) -> Option<Target> {
    if host.contains('*') {
        let glob = glob_to_ascii(host)?;
        if glob.bytes().all(|b| b == b'*' || b == b'.') {
            return None;
        }
        Some(Target::HostGlob {
            glob: glob.into(),
            path,
        })
    } else {
        Some(Target::Host {
            host: host_to_ascii(host)?.into(),
            path,
        })
    }
}

fn rule(text: &str, line: usize, allow: bool, target: Target) -> Rule {
    Rule {
        text: text.into(),
        line: line.min(u32::MAX as usize) as u32,
        allow,
        target,
    }
}

/// Splits `s` at the first whitespace: (token, rest-trimmed).
fn first_token(s: &str) -> (&str, &str) {
    match s.find(char::is_whitespace) {
        Some(i) => (&s[..i], s[i..].trim_start()),
        None => (s, ""),
    }
}

/// A JavaScript regex literal at the start of `s` (which starts with `/`):
/// (pattern, flags, rest). Inner `/` must be escaped or inside a class.
fn split_js_regex(s: &str) -> Option<(&str, &str, &str)> {
    let body = s.strip_prefix('/')?;
    let mut escaped = false;
    let mut in_class = false;
    let mut end = None;
    for (i, c) in body.char_indices() {
        if escaped {
            escaped = false;
            continue;
        }
        match c {
            '\\' => escaped = true,
            '[' => in_class = true,
            ']' => in_class = false,
            '/' if !in_class => {
                end = Some(i);
                break;
            }
            _ => {}
        }
    }
    let end = end?;
    let pattern = &body[..end];
    let after = &body[end + 1..];
    let flags_len = after
        .find(|c: char| !c.is_ascii_alphabetic())
        .unwrap_or(after.len());
    Some((pattern, &after[..flags_len], &after[flags_len..]))
}

fn regex_target(pattern: &str, flags: &str) -> Result<Target, String> {
    if pattern.is_empty() {
        return Err("empty regular expression".into());
    }
    Regex::new(pattern, flags)
        .map(|r| Target::Regex(Box::new(r)))
        .map_err(|e| format!("bad regular expression: {e}"))
}

// ---- uBlacklist -------------------------------------------------------------

fn ublacklist_line(raw: &str, line: usize) -> LineResult {
    let t = raw.trim();
    // `!` lines are not uBlacklist syntax, but lists written for both uBlacklist
    // and uBlock Origin (quenhus's) use them as comments; uBlacklist ignores them.
    if t.is_empty() || t.starts_with('#') || t.starts_with('!') {
        return Nothing;
    }
    let mut body = t;
    let mut allow = false;
    if let Some(rest) = t.strip_prefix('@') {
        if rest.starts_with(|c: char| c.is_ascii_digit()) {
            return Warning("highlight rules (@N) are ignored".into());
        }
        allow = true;
        body = rest;
    }
    if body.starts_with('/') {
        let Some((pattern, flags, rest)) = split_js_regex(body) else {
            return Error("regular expression not closed by '/'".into());
        };
        let rest = rest.trim_start();
        if !(rest.is_empty() || rest.starts_with('#')) {
            return Error(format!(
                "unexpected text after the regular expression: '{rest}'"
            ));
        }
        let text = &body[..body.len() - rest.len()];
        let text = text.trim_end();
        return match regex_target(pattern, flags) {
            Ok(target) => Rules(vec![rule(&rule_text(allow, text), line, allow, target)]),
            Err(e) => Error(e),
        };
    }
    let (token, rest) = first_token(body);
    if !(rest.is_empty() || rest.starts_with('#')) {
        if rest.starts_with("@if(") {
            return Warning("match patterns with an @if(...) guard are ignored".into());
        }
        if is_expression(token) {
            return Warning("uBlacklist expressions are not supported; line ignored".into());
        }
        return Error(format!("unexpected text after the rule: '{rest}'"));
    }
    if token.contains("://") {
        return match match_pattern(token) {
            Ok(target) => Rules(vec![rule(&rule_text(allow, token), line, allow, target)]),
            Err(e) => Error(e),
        };
    }
    if is_expression(token) {
        return Warning("uBlacklist expressions are not supported; line ignored".into());
    }
    Error("not a match pattern (*://host/path), a /regex/ or a # comment".into())
}

fn rule_text(allow: bool, text: &str) -> String {
    if allow {
        format!("@{text}")
    } else {
        text.to_string()
    }
}

fn is_expression(token: &str) -> bool {
    ["url", "title", "host", "path", "scheme", "$", "!", "("]
        .iter()
        .any(|p| token.starts_with(p))
        || token.contains('=')
}

/// A WebExtensions match pattern `scheme://host/path`. The scheme is checked but
/// not used (a mirror is a mirror on any scheme); the host matches with its
/// subdomains.
fn match_pattern(p: &str) -> Result<Target, String> {
    let Some((scheme, rest)) = p.split_once("://") else {
        return Err("missing '://'".into());
    };
    let scheme_ok = scheme == "*"
        || (scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'+' || b == b'-' || b == b'.'));
    if !scheme_ok {
        return Err(format!("bad scheme '{scheme}'"));
    }
    let (host, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, "/*"),
    };
    let host = strip_port(host);
    if host.is_empty() {
        return Err("missing host".into());
    }
    if host == "*" {
        return Err("the rule matches every site".into());
    }
    let host = host.strip_prefix("*.").unwrap_or(host);
    if host.contains('*') {
        return Err("'*' may only stand at the start of the host, as in *.example.com".into());
    }
    let path = path_glob(path);
    host_target(host, path).ok_or_else(|| format!("bad host name '{host}'"))
}

fn strip_port(host: &str) -> &str {
    match host.rfind(':') {
        Some(i) if !host.starts_with('[') && host[i + 1..].bytes().all(|b| b.is_ascii_digit()) => {
            &host[..i]
        }
        _ => host,
    }
}

fn path_glob(path: &str) -> PathRule {
    if path.is_empty() || path == "/*" || path == "*" {
        PathRule::Any
    } else {
        PathRule::Glob(path.into())
    }
}

// ---- Content Farm Terminator ---------------------------------------------------

fn cft_line(raw: &str, line: usize) -> LineResult {
    // A rule is the first run of non-space characters; a line that starts with a
    // space has no rule (its text is a comment), and so does a blank line.
    if raw.starts_with(char::is_whitespace) || raw.trim().is_empty() {
        return Nothing;
    }
    let (token, _comment) = first_token(raw.trim_end());
    if token.starts_with('#') {
        return Nothing;
    }
    if let Some(body) = token.strip_prefix('/') {
        let Some(close) = body.rfind('/') else {
            return Error("regular expression not closed by '/'".into());
        };
        let (pattern, flags) = (&body[..close], &body[close + 1..]);
        if !flags.bytes().all(|b| b.is_ascii_lowercase()) {
            return Error("regular expression not closed by '/'".into());
        }
        return match regex_target(pattern, flags) {
            Ok(t) => Rules(vec![rule(token, line, false, t)]),
            Err(e) => Error(e),
        };
    }
    if let Some(rest) = token.strip_prefix("domain-path:") {
        let Some((host, path)) = rest.split_once('/') else {
            return Error("domain-path: needs a host and a path".into());
        };
        let path = format!("/{}", path.trim_end_matches('/'));
        return match host_to_ascii(strip_www(host)) {
            Some(h) => Rules(vec![rule(
                token,
                line,
                false,
                Target::Host {
                    host: h.into(),
                    path: PathRule::Segment(path.into()),
                },
            )]),
            None => Error(format!("bad host name '{host}'")),
        };
    }
    if let Some(label) = token.strip_prefix("domain-part:") {
        return match host_to_ascii(label) {
            Some(l) if !l.contains('.') => Rules(vec![rule(
                token,
                line,
                false,
                Target::DomainLabel(l.into()),
            )]),
            _ => Error(format!("bad domain label '{label}'")),
        };
    }
    for (prefix, places) in CFT_BLOG_PREFIXES {
        if let Some(name) = token.strip_prefix(prefix) {
            let name = name.trim_end_matches('/');
            let ok = !name.is_empty()
                && name
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-' || b == b'.');
            if !ok {
                return Error(format!("bad blog name '{name}'"));
            }
            let rules = places
                .iter()
                .map(|(host, dir)| {
                    rule(
                        token,
                        line,
                        false,
                        Target::Host {
                            host: (*host).into(),
                            path: PathRule::Segment(format!("{dir}/{name}").into()),
                        },
                    )
                })
                .collect();
            return Rules(rules);
        }
    }
    if let Some(ip) = token.strip_prefix('[').and_then(|t| t.strip_suffix(']')) {
        return match ip.parse::<std::net::Ipv6Addr>() {
            Ok(addr) => Rules(vec![rule(
                token,
                line,
                false,
                Target::Host {
                    host: format!("[{addr}]").into(),
                    path: PathRule::Any,
                },
            )]),
            Err(_) => Error(format!("bad IPv6 address '{ip}'")),
        };
    }
    // A URL stands for its host name.
    let host = match token.split_once("://") {
        Some((_, rest)) => strip_port(rest.split(['/', '?', '#']).next().unwrap_or("")),
        None => token,
    };
    match host_target(strip_www(host), PathRule::Any) {
        Some(t) => Rules(vec![rule(token, line, false, t)]),
        None => Error(format!("bad host name '{host}'")),
    }
}

/// Content Farm Terminator's blog shorthands, expanded as its URL-transform rules
/// (MIT) do: `udn:NAME` is the blog NAME on udn.com's blog and album hosts, etc.
/// Each entry: (host, directory before the name). Subdomains are included, so
/// `blog.xuite.net` covers `m.blog.xuite.net`.
const CFT_BLOG_PREFIXES: &[(&str, &[(&str, &str)])] = &[
    (
        "udn:",
        &[
            ("blog.udn.com", ""),
            ("blog.udn.com", "/mobile"),
            ("album.udn.com", ""),
            ("album.udn.com", "/mobile"),
        ],
    ),
    (
        "xuite:",
        &[
            ("blog.xuite.net", ""),
            ("vlog.xuite.net", ""),
            ("photo.xuite.net", ""),
            ("m.xuite.net", "/blog"),
        ],
    ),
    (
        "pchome:",
        &[
            ("mypaper.pchome.com.tw", ""),
            ("mypaper.m.pchome.com.tw", ""),
        ],
    ),
];

fn strip_www(host: &str) -> &str {
    match host.get(..4) {
        Some(p) if p.eq_ignore_ascii_case("www.") && host.len() > 4 => &host[4..],
        _ => host,
    }
}

// ---- plain domains ------------------------------------------------------------------

fn domains_line(raw: &str, line: usize) -> LineResult {
    let t = raw.trim();
    if t.is_empty() || t.starts_with('#') || t.starts_with('!') || t.starts_with("//") {
        return Nothing;
    }
    let t = strip_hash_comment(t);
    let (token, rest) = first_token(t);
    if !rest.is_empty() {
        if token.parse::<std::net::IpAddr>().is_ok() {
            return hosts_line(raw, line);
        }
        return Error(format!("expected one domain per line, found '{t}'"));
    }
    let (host, path_ignored) = match token.split_once("://") {
        Some((_, rest)) => {
            let mut parts = rest.splitn(2, '/');
            let host = strip_port(parts.next().unwrap_or(""));
            let path = parts.next().unwrap_or("");
            (host, !path.is_empty() && path != "*")
        }
        None => (token, false),
    };
    let host = host
        .strip_prefix("*.")
        .or_else(|| host.strip_prefix('.'))
        .unwrap_or(host);
    match host_target(host, PathRule::Any) {
        Some(t) if !path_ignored => Rules(vec![rule(token, line, false, t)]),
        Some(_) => Error(format!(
            "a domain list takes host names; the path of '{token}' would be ignored"
        )),
        None => Error(format!("bad domain '{token}'")),
    }
}

/// `rule # comment` → `rule`; a `#` not preceded by whitespace stays.
fn strip_hash_comment(t: &str) -> &str {
    let bytes = t.as_bytes();
    for i in 1..bytes.len() {
        if bytes[i] == b'#' && bytes[i - 1].is_ascii_whitespace() {
            return t[..i].trim_end();
        }
    }
    t
}

// ---- hosts files -------------------------------------------------------------------

/// Names that hosts files map for the machine itself, not sites.
const HOSTS_LOCAL_NAMES: &[&str] = &[
    "localhost",
    "localhost.localdomain",
    "local",
    "broadcasthost",
    "ip6-localhost",
    "ip6-loopback",
    "ip6-localnet",
    "ip6-mcastprefix",
    "ip6-allnodes",
    "ip6-allrouters",
    "ip6-allhosts",
    "0.0.0.0",
];

fn hosts_line(raw: &str, line: usize) -> LineResult {
    let t = match raw.find('#') {
        Some(i) => &raw[..i],
        None => raw,
    }
    .trim();
    if t.is_empty() {
        return Nothing;
    }
    let mut fields = t.split_whitespace();
    let addr = fields.next().unwrap_or("");
    if addr.parse::<std::net::IpAddr>().is_err() {
        return Error(format!(
            "expected an IP address before the host names, found '{addr}'"
        ));
    }
    let mut rules = Vec::new();
    let mut any = false;
    for name in fields {
        any = true;
        let lower = name.to_ascii_lowercase();
        if HOSTS_LOCAL_NAMES.contains(&lower.as_str()) {
            continue;
        }
        match host_to_ascii(name) {
            Some(h) => rules.push(rule(
                name,
                line,
                false,
                Target::Host {
                    host: h.into(),
                    path: PathRule::Any,
                },
            )),
            None => return Error(format!("bad host name '{name}'")),
        }
    }
    if !any {
        return Error("an address with no host name".into());
    }
    Rules(rules)
}

// ---- uBlock Origin / Adblock Plus ----------------------------------------------------

/// Filter options that keep a `||host^` rule about the whole site.
const ABP_SITE_OPTIONS: &[&str] = &[
    "document",
    "doc",
    "all",
    "important",
    "popup",
    "first-party",
    "1p",
    "third-party",
    "3p",
    "strict1p",
    "strict3p",
    "match-case",
];

fn adblock_line(raw: &str, line: usize) -> LineResult {
    let t = raw.trim();
    if t.is_empty() || t.starts_with('!') || (t.starts_with('[') && t.ends_with(']')) {
        return Nothing;
    }
    if t.starts_with('#') && !t.starts_with("##") && !t.starts_with("#@#") {
        return Nothing;
    }
    if ["##", "#@#", "#?#", "#$#", "#%#", "#@$#", "#@?#"]
        .iter()
        .any(|m| t.contains(m))
    {
        return Warning("cosmetic filter ignored".into());
    }
    let (allow, body) = match t.strip_prefix("@@") {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    let Some(rest) = body.strip_prefix("||") else {
        let first = t.split_whitespace().next().unwrap_or("");
        if first.parse::<std::net::IpAddr>().is_ok() {
            return hosts_line(raw, line);
        }
        return Warning("not a ||host^ rule; ignored".into());
    };
    let (pattern, options) = match rest.rfind('$') {
        Some(i) => (&rest[..i], &rest[i + 1..]),
        None => (rest, ""),
    };
    for opt in options.split(',').map(str::trim).filter(|o| !o.is_empty()) {
        let name = opt.trim_start_matches('~');
        let name = name.split('=').next().unwrap_or(name);
        if !ABP_SITE_OPTIONS.contains(&name) {
            return Warning(format!(
                "option ${name} limits the filter to some requests or pages; ignored"
            ));
        }
    }
    let host_end = pattern
        .find(['^', '/', '|', '*', '?', ':'])
        .unwrap_or(pattern.len());
    let (host, tail) = pattern.split_at(host_end);
    let host = host.strip_prefix('.').unwrap_or(host);
    let tail_path = tail.trim_start_matches('^');
    let path = match tail_path {
        "" | "|" | "*" => PathRule::Any,
        p if p.starts_with('/') => {
            let p = p.trim_end_matches('|');
            let p = p.replace('^', "*");
            if p.ends_with('*') {
                PathRule::Glob(p.into())
            } else {
                PathRule::Glob(format!("{p}*").into())
            }
        }
        _ => {
            if tail.starts_with(':') {
                // `||host:8080^`: the port does not matter.
                PathRule::Any
            } else {
                return Warning("wildcard or partial host filter ignored".into());
            }
        }
    };
    if host.is_empty() {
        return Warning("not a ||host^ rule; ignored".into());
    }
    match host_to_ascii(host) {
        Some(h) => Rules(vec![rule(
            t,
            line,
            allow,
            Target::Host {
                host: h.into(),
                path,
            },
        )]),
        None => Error(format!("bad host name '{host}'")),
    }
}

// ---- matching helpers ---------------------------------------------------------------

/// `*`-glob match of the whole `text` (`*` matches any run, possibly empty).
/// Iterative with a single backtrack point: linear for one star, O(n·m) at worst.
pub(crate) fn glob_match(pattern: &str, text: &str) -> bool {
    let p = pattern.as_bytes();
    let t = text.as_bytes();
    let (mut pi, mut ti) = (0usize, 0usize);
    let mut star: Option<(usize, usize)> = None;
    while ti < t.len() {
        if pi < p.len() && p[pi] == b'*' {
            star = Some((pi, ti));
            pi += 1;
        } else if pi < p.len() && p[pi] == t[ti] {
            pi += 1;
            ti += 1;
        } else if let Some((sp, st)) = star {
            pi = sp + 1;
            ti = st + 1;
            star = Some((sp, st + 1));
        } else {
            return false;
        }
    }
    while pi < p.len() && p[pi] == b'*' {
        pi += 1;
    }
    pi == p.len()
}

impl PathRule {
    /// Whether `path_query` (the URL's path, with `?query` when present) fits.
    pub(crate) fn matches(&self, path_query: &str) -> bool {
        match self {
            PathRule::Any => true,
            PathRule::Glob(g) => glob_match(g, path_query),
            PathRule::Segment(s) => path_query
                .strip_prefix(&**s)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with(['/', '?', '#'])),
        }
    }
}
