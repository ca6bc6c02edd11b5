//! Allowlist HTML serialiser: only allowlisted tags, attributes and URL schemes
//! leave the core.
//!
//! Every element of the article falls into one of three fates:
//! - **emit** under an allowlisted name (`patterns::SAFE_TAGS`, or renamed by
//!   `patterns::RENAMED_TAGS`) with only its allowlisted, validated attributes;
//! - **drop** with its whole subtree (`patterns::DROPPED_TAGS`, SVG/MathML and any
//!   other foreign namespace, comments);
//! - **unwrap**: anything else; the tag goes, its content stays.
//!
//! URLs are judged after the browser's own clean-up (leading/trailing controls
//! and spaces stripped, tabs and newlines removed anywhere) and again after
//! decoding character references, so `java&#x09;script:`, ` JavaScript:` and
//! `java\0script:` are all refused. Text and attribute values are escaped
//! (`& < > " '`); no raw-text element is ever written, so text cannot turn back
//! into markup when the output is parsed again. Attributes are written in the
//! allowlist's order, so the output is stable.

use crate::dom::{Dom, NodeData, NodeId, Ns};
use crate::links::parse_srcset;
use crate::patterns::{
    BLOCK_OUTPUT_TAGS, CODE_LANGUAGE_CLASS_PREFIXES, CONTAINER_OUTPUT_TAGS, DIRECTIONS,
    DROPPED_TAGS, LOADING_VALUES, OL_TYPES, P_CLOSING_TAGS, RASTER_DATA_IMAGE_TYPES, RENAMED_TAGS,
    SAFE_GLOBAL_ATTRS, SAFE_LINK_ONLY_SCHEMES, SAFE_TAGS, SAFE_URL_SCHEMES, TH_SCOPES,
};
use crate::Options;

/// What a URL is used for: links may also be `mailto:`, images may be raster
/// `data:` URLs.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum UrlUse {
    Link,
    Image,
    /// A `srcset` candidate or `cite`: http(s) and relative only.
    Plain,
}

/// An element's fate in the output.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Fate {
    /// Written under this (allowlisted) name.
    Emit(&'static str),
    /// Tag dropped, children kept.
    Unwrap,
    /// Dropped with its subtree.
    Drop,
}

/// One step of the iterative walk.
enum Step {
    Enter(NodeId),
    /// Close an emitted element: its name and the state it changed.
    Close {
        name: &'static str,
        pre: bool,
        link: bool,
    },
}

/// Allowlist-serialised HTML fragment of the children of `root`.
pub(crate) fn html(dom: &Dom, root: NodeId, opts: &Options) -> String {
    let closes_p = p_closer_flags(dom, root);
    let mut out = String::new();
    let mut pre_depth = 0usize;
    let mut link_depth = 0usize;
    // Set right after `<pre>`: a leading newline there must be doubled, since
    // the parser swallows the first one.
    let mut after_pre_start = false;
    let mut stack: Vec<Step> = dom
        .children(root)
        .into_iter()
        .rev()
        .map(Step::Enter)
        .collect();

    while let Some(step) = stack.pop() {
        let id = match step {
            Step::Close { name, pre, link } => {
                out.push_str("</");
                out.push_str(name);
                out.push('>');
                if pre {
                    pre_depth -= 1;
                }
                if link {
                    link_depth -= 1;
                }
                if pre_depth == 0 && BLOCK_OUTPUT_TAGS.contains(&name) {
                    out.push('\n');
                }
                after_pre_start = false;
                continue;
            }
            Step::Enter(id) => id,
        };
        match dom.data(id) {
            NodeData::Text(t) => {
                if after_pre_start && t.starts_with('\n') {
                    out.push('\n');
                }
                if pre_depth > 0 {
                    push_escaped(&mut out, t);
                } else {
                    push_collapsed(&mut out, t);
                }
                after_pre_start = false;
                continue;
            }
            NodeData::Element(_) => {}
            NodeData::Comment(_) | NodeData::Document => continue,
        }
        let name = match fate(dom, id) {
            Fate::Drop => continue,
            Fate::Unwrap => {
                push_children(dom, id, &mut stack);
                continue;
            }
            Fate::Emit("a") if link_depth > 0 => {
                // A link inside a link: the browser would close the outer one.
                push_children(dom, id, &mut stack);
                continue;
            }
            Fate::Emit("p") if closes_p.get(id).copied().unwrap_or(false) => "div",
            Fate::Emit(name) => name,
        };
        out.push('<');
        out.push_str(name);
        write_attrs(dom, id, name, opts, &mut out);
        out.push('>');
        after_pre_start = name == "pre";
        if is_void(name) {
            if pre_depth == 0 && matches!(name, "br" | "hr") {
                out.push('\n');
            }
            continue;
        }
        if pre_depth == 0 && CONTAINER_OUTPUT_TAGS.contains(&name) {
            out.push('\n');
        }
        let pre = name == "pre";
        let link = name == "a";
        pre_depth += usize::from(pre);
        link_depth += usize::from(link);
        stack.push(Step::Close { name, pre, link });
        push_children(dom, id, &mut stack);
    }
    out
}

fn push_children(dom: &Dom, id: NodeId, stack: &mut Vec<Step>) {
    let mut c = dom.last_child(id);
    while let Some(n) = c {
        stack.push(Step::Enter(n));
        c = dom.prev_sibling(n);
    }
}

fn is_void(name: &str) -> bool {
    matches!(name, "br" | "hr" | "img" | "source" | "col" | "wbr")
}

/// The fate of element `id` (context-free except for `<source>`/`<img>` in
/// `<picture>`).
pub(crate) fn fate(dom: &Dom, id: NodeId) -> Fate {
    let Some(el) = dom.element(id) else {
        return Fate::Drop;
    };
    if el.ns != Ns::Html {
        return Fate::Drop;
    }
    let tag: &str = &el.name;
    if DROPPED_TAGS.contains(&tag) {
        return Fate::Drop;
    }
    let in_picture = dom.parent(id).is_some_and(|p| dom.is_tag(p, "picture"));
    match tag {
        "source" => {
            if in_picture
                && dom
                    .attr(id, "srcset")
                    .is_some_and(|v| safe_srcset(v).is_some())
            {
                return Fate::Emit("source");
            }
            return Fate::Drop;
        }
        "img" => {
            let has_src = dom
                .attr(id, "src")
                .is_some_and(|v| safe_url(v, UrlUse::Image).is_some());
            let has_srcset = dom
                .attr(id, "srcset")
                .is_some_and(|v| safe_srcset(v).is_some());
            if has_src || has_srcset || in_picture {
                return Fate::Emit("img");
            }
            return Fate::Drop;
        }
        "a" => {
            if dom
                .attr(id, "href")
                .is_some_and(|v| safe_url(v, UrlUse::Link).is_some())
            {
                return Fate::Emit("a");
            }
            return Fate::Unwrap;
        }
        _ => {}
    }
    if let Some((_, to)) = RENAMED_TAGS.iter().find(|(from, _)| *from == tag) {
        return Fate::Emit(to);
    }
    match SAFE_TAGS.iter().find(|(t, _)| *t == tag) {
        Some((t, _)) => Fate::Emit(t),
        None => Fate::Unwrap,
    }
}

/// For each node of `root`'s subtree, whether its output contains an element
/// whose start tag would close a `<p>` (one pass, children before parents).
fn p_closer_flags(dom: &Dom, root: NodeId) -> Vec<bool> {
    let order: Vec<NodeId> = dom.descendants(root).collect();
    let mut flags = vec![false; dom.len()];
    for &n in order.iter().rev() {
        if n == root || !dom.is_element(n) {
            continue;
        }
        let contributes = match fate(dom, n) {
            Fate::Drop => false,
            Fate::Emit(name) if P_CLOSING_TAGS.contains(&name) => true,
            _ => flags[n],
        };
        if contributes {
            if let Some(p) = dom.parent(n) {
                flags[p] = true;
            }
        }
    }
    flags
}

/// Write the allowlisted attributes of `id` (emitted as `name`) in a fixed order.
fn write_attrs(dom: &Dom, id: NodeId, name: &str, opts: &Options, out: &mut String) {
    let own: &[&str] = SAFE_TAGS
        .iter()
        .find(|(t, _)| *t == name)
        .map_or(&[], |(_, a)| a);
    for attr in own.iter().chain(SAFE_GLOBAL_ATTRS) {
        let Some(raw) = dom.attr(id, attr) else {
            continue;
        };
        let Some(value) = clean_attr(name, attr, raw) else {
            continue;
        };
        out.push(' ');
        out.push_str(attr);
        if matches!(*attr, "open" | "reversed") {
            continue;
        }
        out.push_str("=\"");
        push_escaped(out, &value);
        out.push('"');
    }
    if let Some(class) = dom.attr(id, "class") {
        let kept: Vec<&str> = if opts.keep_classes {
            class.split_ascii_whitespace().collect()
        } else if matches!(name, "pre" | "code") {
            class
                .split_ascii_whitespace()
                .filter(|c| is_language_class(c))
                .collect()
        } else {
            Vec::new()
        };
        if !kept.is_empty() {
            out.push_str(" class=\"");
            push_escaped(out, &kept.join(" "));
            out.push('"');
        }
    }
    if name == "a" {
        out.push_str(" rel=\"noopener noreferrer\"");
    }
}

/// `language-rust`, `lang-js`: a code block's language, kept for highlighting
/// and Markdown fences.
pub(crate) fn is_language_class(class: &str) -> bool {
    CODE_LANGUAGE_CLASS_PREFIXES.iter().any(|p| {
        class.len() > p.len()
            && class.is_char_boundary(p.len())
            && class[..p.len()].eq_ignore_ascii_case(p)
            && class[p.len()..]
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'+' | b'#' | b'.'))
    })
}

/// The value to write for attribute `attr` of an emitted `tag`, or `None` to omit it.
fn clean_attr(tag: &str, attr: &str, raw: &str) -> Option<String> {
    match attr {
        "href" => safe_url(raw, UrlUse::Link),
        "cite" => safe_url(raw, UrlUse::Plain),
        "src" => safe_url(raw, UrlUse::Image),
        "srcset" => safe_srcset(raw),
        "width" | "height" => {
            let v = raw.trim();
            let v = v.strip_suffix("px").unwrap_or(v);
            digits(v, 6)
        }
        "colspan" | "span" => digits(raw.trim(), 4),
        "rowspan" => digits(raw.trim(), 5),
        "start" => signed_digits(raw.trim()),
        "value" if tag == "li" => signed_digits(raw.trim()),
        "open" | "reversed" => Some(String::new()),
        "type" if tag == "ol" => pick(raw.trim(), OL_TYPES, true),
        "type" => {
            let v = raw.trim().to_ascii_lowercase();
            let ok = v.strip_prefix("image/").is_some_and(|t| {
                !t.is_empty()
                    && t.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'+' | b'-'))
            });
            ok.then_some(v)
        }
        "scope" => pick(raw.trim(), TH_SCOPES, false),
        "dir" => pick(raw.trim(), DIRECTIONS, false),
        "loading" => pick(raw.trim(), LOADING_VALUES, false),
        "lang" | "hreflang" => {
            let v = raw.trim();
            let ok = !v.is_empty()
                && v.len() <= 35
                && v.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
            ok.then(|| v.to_string())
        }
        _ => Some(raw.to_string()),
    }
}

fn digits(v: &str, max_len: usize) -> Option<String> {
    let ok = !v.is_empty() && v.len() <= max_len && v.bytes().all(|b| b.is_ascii_digit());
    ok.then(|| v.to_string())
}

fn signed_digits(v: &str) -> Option<String> {
    let body = v.strip_prefix('-').unwrap_or(v);
    digits(body, 9).map(|_| v.to_string())
}

/// `v` if it is one of `allowed` (exactly when `case_sensitive`, else lower-cased).
fn pick(v: &str, allowed: &[&str], case_sensitive: bool) -> Option<String> {
    let v = if case_sensitive {
        v.to_string()
    } else {
        v.to_ascii_lowercase()
    };
    allowed.contains(&v.as_str()).then_some(v)
}

/// Escape text or an attribute value; drop characters no page should carry
/// (NUL and other control characters, non-characters).
pub(crate) fn push_escaped(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' => out.push(c),
            c if is_unwanted_char(c) => {}
            c => out.push(c),
        }
    }
}

/// Outside `<pre>`: escaped, each whitespace run written as one space (or one
/// newline when it holds one), which renders the same (no style survives that
/// could make whitespace significant), and no run right after a line break the
/// serialiser wrote.
fn push_collapsed(out: &mut String, s: &str) {
    let mut run: Option<char> = None;
    let mut chunk = String::new();
    for c in s.chars() {
        if matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0c') {
            if c == '\n' || run == Some('\n') {
                run = Some('\n');
            } else {
                run = Some(' ');
            }
            continue;
        }
        if let Some(w) = run.take() {
            if !(chunk.is_empty() && out.ends_with('\n')) {
                chunk.push(w);
            }
        }
        chunk.push(c);
    }
    if let Some(w) = run {
        if !(chunk.is_empty() && out.ends_with('\n')) {
            chunk.push(w);
        }
    }
    push_escaped(out, &chunk);
}

/// Control characters (C0 but tab/newline, DEL, C1) and the non-characters
/// U+FFFE/U+FFFF.
fn is_unwanted_char(c: char) -> bool {
    c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}'
}

/// The URL to write, or `None` when it is not allowed for `use_`.
///
/// The value is first cleaned as the URL parser does (leading/trailing C0 and
/// spaces stripped, tab/CR/LF removed anywhere); a value that still holds a
/// control character is refused. Its scheme (anything before a `:` that comes
/// before any `/`, `?` or `#`) must be allowlisted, judged on the cleaned value
/// and again with character references decoded.
pub(crate) fn safe_url(raw: &str, use_: UrlUse) -> Option<String> {
    let trimmed = raw.trim_matches(|c: char| c <= ' ');
    let cleaned: String = if trimmed.contains(['\t', '\n', '\r']) {
        trimmed
            .chars()
            .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
            .collect()
    } else {
        trimmed.to_string()
    };
    if cleaned.chars().any(is_unwanted_char) {
        return None;
    }
    if !scheme_allowed(&cleaned, use_) {
        return None;
    }
    if cleaned.contains('&') {
        let decoded = decode_char_refs(&cleaned);
        let decoded: String = decoded
            .trim_matches(|c: char| c <= ' ')
            .chars()
            .filter(|c| !c.is_control())
            .collect();
        if !scheme_allowed(&decoded, use_) {
            return None;
        }
    }
    Some(cleaned)
}

fn scheme_allowed(url: &str, use_: UrlUse) -> bool {
    let Some(scheme) = scheme_of(url) else {
        return true; // relative reference
    };
    let scheme = scheme.to_ascii_lowercase();
    if SAFE_URL_SCHEMES.contains(&scheme.as_str()) {
        return true;
    }
    match use_ {
        UrlUse::Link => SAFE_LINK_ONLY_SCHEMES.contains(&scheme.as_str()),
        UrlUse::Image => scheme == "data" && is_raster_data_url(url),
        UrlUse::Plain => false,
    }
}

/// The text before the first `:` when that `:` precedes any `/`, `?`, `#`
/// (conservative: also catches strings the URL parser would call relative).
fn scheme_of(url: &str) -> Option<&str> {
    let end = url.find([':', '/', '?', '#', '\\'])?;
    (url.as_bytes()[end] == b':').then(|| &url[..end])
}

/// `data:image/png;base64,...` and the other raster types (no SVG).
fn is_raster_data_url(url: &str) -> bool {
    let Some(colon) = url.find(':') else {
        return false;
    };
    let rest = url[colon + 1..].trim_start_matches(|c: char| c.is_ascii_whitespace());
    let end = rest.find([';', ',']).unwrap_or(rest.len());
    let mime = rest[..end].trim().to_ascii_lowercase();
    end < rest.len() && RASTER_DATA_IMAGE_TYPES.contains(&mime.as_str())
}

/// Decode numeric character references and the few named ones that matter in
/// URL schemes (`&colon;`, `&Tab;`, `&NewLine;`). Only used to judge a scheme.
fn decode_char_refs(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        let (decoded, used) = decode_one_ref(rest);
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[used..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Decode the reference at the start of `s` (which starts with `&`): the
/// character and the bytes used.
fn decode_one_ref(s: &str) -> (Option<char>, usize) {
    let b = s.as_bytes();
    if b.get(1) == Some(&b'#') {
        let (hex, start) = match b.get(2) {
            Some(b'x' | b'X') => (true, 3),
            _ => (false, 2),
        };
        let mut end = start;
        while end < b.len()
            && (if hex {
                b[end].is_ascii_hexdigit()
            } else {
                b[end].is_ascii_digit()
            })
        {
            end += 1;
        }
        if end == start {
            return (None, 0);
        }
        let digits = &s[start..end];
        let value = if digits.len() > 8 {
            None
        } else {
            u32::from_str_radix(digits, if hex { 16 } else { 10 }).ok()
        };
        let used = if b.get(end) == Some(&b';') {
            end + 1
        } else {
            end
        };
        let c = value.and_then(char::from_u32).unwrap_or('\u{FFFD}');
        return (Some(c), used);
    }
    for (name, c) in [
        ("&colon;", ':'),
        ("&tab;", '\t'),
        ("&newline;", '\n'),
        ("&sol;", '/'),
        ("&num;", '#'),
        ("&quest;", '?'),
    ] {
        if b.len() >= name.len() && b[..name.len()].eq_ignore_ascii_case(name.as_bytes()) {
            return (Some(c), name.len());
        }
    }
    (None, 0)
}

/// A `srcset` keeping only candidates with safe (http(s)/relative) URLs and
/// well-formed descriptors; `None` when no candidate is left.
pub(crate) fn safe_srcset(raw: &str) -> Option<String> {
    let mut kept = Vec::new();
    for (url, descriptor) in parse_srcset(raw) {
        let Some(url) = safe_url(url, UrlUse::Plain) else {
            continue;
        };
        if url.contains(char::is_whitespace) || url.ends_with(',') {
            continue;
        }
        if !descriptor.is_empty() && !valid_descriptor(descriptor) {
            continue;
        }
        kept.push(if descriptor.is_empty() {
            url
        } else {
            format!("{url} {descriptor}")
        });
    }
    (!kept.is_empty()).then(|| kept.join(", "))
}

/// `640w`, `2x`, `1.5x`, `480h`.
fn valid_descriptor(d: &str) -> bool {
    let Some(last) = d.chars().last() else {
        return false;
    };
    let num = &d[..d.len() - last.len_utf8()];
    matches!(last, 'w' | 'x' | 'h')
        && !num.is_empty()
        && num.len() <= 12
        && num.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && num.bytes().filter(|&b| b == b'.').count() <= 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dom::ROOT;
    use crate::parse::parse_document;

    fn render(body: &str) -> String {
        render_with(body, &Options::default())
    }

    fn render_with(body: &str, opts: &Options) -> String {
        let dom = parse_document(&format!("<body>{body}</body>"), opts).unwrap();
        let b = dom.elements_by_tag(ROOT, &["body"])[0];
        html(&dom, b, opts)
    }

    #[test]
    fn keeps_allowlisted_structure() {
        assert_eq!(
            render("<p>Hi <b>there</b> &amp; <em>you</em></p>"),
            "<p>Hi <b>there</b> &amp; <em>you</em></p>\n"
        );
        assert_eq!(
            render("<ul><li>a</li><li>b</li></ul>"),
            "<ul>\n<li>a</li>\n<li>b</li>\n</ul>\n"
        );
    }

    #[test]
    fn drops_active_content_with_its_text() {
        let out = render(
            "<p>a<script>alert(1)</script><style>p{}</style><iframe src=x>if</iframe>\
             <svg><text>s</text></svg><math><mi>m</mi></math><template>t</template>b</p>",
        );
        assert_eq!(out, "<p>ab</p>\n");
    }

    #[test]
    fn unwraps_unknown_tags_keeping_text() {
        assert_eq!(
            render("<p><font color=red>x</font><x-y>z</x-y></p>"),
            "<p>xz</p>\n"
        );
        assert_eq!(
            render("<form action=/x><p>in form</p></form>"),
            "<p>in form</p>\n"
        );
    }

    #[test]
    fn renames_layout_tags() {
        assert_eq!(render("<center>c</center>"), "<div>c</div>\n");
        assert_eq!(
            render("<tt>x</tt><strike>y</strike>"),
            "<code>x</code><s>y</s>"
        );
    }

    #[test]
    fn strips_dangerous_attributes() {
        let out = render(
            r#"<p id=x name=y class=c style="color:red" onclick="alert(1)" title="t" lang=en dir=RTL>x</p>"#,
        );
        assert_eq!(out, "<p lang=\"en\" dir=\"rtl\" title=\"t\">x</p>\n");
    }

    #[test]
    fn keeps_classes_only_when_asked() {
        let opts = Options {
            keep_classes: true,
            ..Options::default()
        };
        assert_eq!(
            render_with("<p class='a b'>x</p>", &opts),
            "<p class=\"a b\">x</p>\n"
        );
        assert_eq!(
            render("<pre class='x language-rust'><code class='language-rust hl'>fn</code></pre>"),
            "<pre class=\"language-rust\"><code class=\"language-rust\">fn</code></pre>\n"
        );
    }

    #[test]
    fn links_are_checked_and_get_rel() {
        assert_eq!(
            render(r#"<a href="https://e.com/a?b=1&amp;c=2" onclick=x>l</a>"#),
            "<a href=\"https://e.com/a?b=1&amp;c=2\" rel=\"noopener noreferrer\">l</a>"
        );
        for bad in [
            "javascript:alert(1)",
            " JaVaScRiPt:alert(1)",
            "java&#x09;script:alert(1)",
            "java&#x0A;script:alert(1)",
            "&#106;avascript:alert(1)",
            "javascript&colon;alert(1)",
            "\u{0}javascript:alert(1)",
            "java\u{0}script:alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html,<script>alert(1)</script>",
            "data:image/png;base64,AAAA",
            "file:///etc/passwd",
        ] {
            let attr = bad.replace('"', "&quot;");
            let out = render(&format!("<a href=\"{attr}\">l</a>"));
            assert_eq!(out, "l", "{bad:?}");
        }
        assert_eq!(
            render("<a href='mailto:a@b.c'>m</a>"),
            "<a href=\"mailto:a@b.c\" rel=\"noopener noreferrer\">m</a>"
        );
        assert_eq!(
            render("<a href='/rel/path:x'>r</a>"),
            "<a href=\"/rel/path:x\" rel=\"noopener noreferrer\">r</a>"
        );
    }

    #[test]
    fn images_allow_raster_data_only() {
        assert_eq!(
            render("<img src='data:image/png;base64,AAAA' alt='a' onerror=x>"),
            "<img src=\"data:image/png;base64,AAAA\" alt=\"a\">"
        );
        assert_eq!(
            render("<img src='data:image/svg+xml,<svg onload=alert(1)>'>"),
            ""
        );
        assert_eq!(render("<img src='javascript:alert(1)'>"), "");
        assert_eq!(
            render("<img src=x.jpg width=100% height=20px>"),
            "<img src=\"x.jpg\" height=\"20\">"
        );
    }

    #[test]
    fn srcset_candidates_are_filtered() {
        assert_eq!(
            render("<img srcset='a.jpg 1x, javascript:alert(1) 2x,b.jpg 640w, data:image/png;base64,AA 3x'>"),
            "<img srcset=\"a.jpg 1x, b.jpg 640w\">"
        );
        assert_eq!(
            render("<picture><source srcset='a.webp' type='image/webp'><source src=v.mp4><img src=a.jpg></picture>"),
            "<picture><source srcset=\"a.webp\" type=\"image/webp\"><img src=\"a.jpg\"></picture>"
        );
        assert_eq!(
            // The video goes with its sources; its fallback content stays.
            render("<video><source srcset='a.webp'>fallback</video>"),
            "fallback"
        );
    }

    #[test]
    fn escapes_text_and_attributes() {
        assert_eq!(
            render(r#"<p title="a&quot;b'c<d>">&lt;/p&gt;&lt;script&gt; 'q' "d"</p>"#),
            "<p title=\"a&quot;b&#39;c&lt;d&gt;\">&lt;/p&gt;&lt;script&gt; &#39;q&#39; &quot;d&quot;</p>\n"
        );
    }

    #[test]
    fn collapses_whitespace_outside_pre() {
        assert_eq!(
            render("<p>  a \t b\n\n   c  </p>\n\n   <p>d</p>"),
            "<p> a b\nc </p>\n<p>d</p>\n"
        );
    }

    #[test]
    fn pre_keeps_whitespace_and_leading_newline() {
        assert_eq!(
            render("<pre>\n\n  x\n</pre>"),
            "<pre>\n\n  x\n</pre>\n",
            "the parser drops the first newline; the second must survive"
        );
        assert_eq!(render("<pre><p>a</p></pre>"), "<pre><p>a</p></pre>\n");
    }

    #[test]
    fn paragraph_holding_blocks_becomes_div() {
        let mut dom = Dom::new();
        let root = dom.create_element("div");
        let p = dom.create_element("p");
        let d = dom.create_element("div");
        let t = dom.create_text("x");
        dom.append_child(root, p);
        dom.append_child(p, d);
        dom.append_child(d, t);
        assert_eq!(
            html(&dom, root, &Options::default()),
            "<div><div>x</div>\n</div>\n"
        );
    }

    #[test]
    fn nested_links_are_unwrapped() {
        let mut dom = Dom::new();
        let root = dom.create_element("div");
        let a = dom.create_element("a");
        dom.set_attr(a, "href", "https://a/");
        let b = dom.create_element("a");
        dom.set_attr(b, "href", "https://b/");
        let t = dom.create_text("x");
        dom.append_child(root, a);
        dom.append_child(a, b);
        dom.append_child(b, t);
        assert_eq!(
            html(&dom, root, &Options::default()),
            "<a href=\"https://a/\" rel=\"noopener noreferrer\">x</a>"
        );
    }

    #[test]
    fn table_attributes() {
        assert_eq!(
            render("<table><tr><th scope=COL colspan=2 style=x>h</th><td rowspan=abc>d</td></tr></table>"),
            "<table>\n<tbody>\n<tr>\n<th colspan=\"2\" scope=\"col\">h</th>\n<td>d</td>\n</tr>\n</tbody>\n</table>\n"
        );
    }

    #[test]
    fn booleans_and_lists() {
        assert_eq!(
            render("<ol start=3 reversed type=a onclick=x><li value=7>a</li></ol><details open><summary>s</summary>d</details>"),
            "<ol start=\"3\" reversed type=\"a\">\n<li value=\"7\">a</li>\n</ol>\n<details open><summary>s</summary>\nd</details>\n"
        );
    }

    #[test]
    fn drops_controls_and_nul() {
        let mut dom = Dom::new();
        let root = dom.create_element("div");
        let t = dom.create_text("a\u{0}b\u{7}c\u{85}d");
        dom.append_child(root, t);
        assert_eq!(html(&dom, root, &Options::default()), "abcd");
    }

    #[test]
    fn deep_trees_do_not_overflow() {
        // Built bottom-up: appending under a deep node walks its ancestors.
        let mut dom = Dom::new();
        let mut cur = dom.create_text("deep");
        for _ in 0..200_000 {
            let n = dom.create_element("span");
            dom.append_child(n, cur);
            cur = n;
        }
        let root = dom.create_element("div");
        dom.append_child(root, cur);
        let out = html(&dom, root, &Options::default());
        assert!(out.contains("deep"));
        assert!(out.starts_with("<span><span>"));
    }
}
