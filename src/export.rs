//! Export: the cleaned article as a file the reader keeps, always carrying where
//! it came from (issue 8).
//!
//! - [`ExportFormat::Markdown`]: YAML front matter (every value a double-quoted
//!   YAML scalar, escaped), then `# title` and the GFM body rendered from the
//!   article's HTML ([`Article::markdown`]).
//! - [`ExportFormat::HtmlPage`]: one standalone HTML file: inline stylesheet
//!   (light/dark), a CSP `<meta>` that allows no script, an escaped attribution
//!   header, the sanitised article.
//! - [`ExportFormat::TextExport`]: title, attribution line, the article text
//!   wrapped at [`TEXT_WIDTH`] columns paragraph by paragraph.
//!
//! The library has no clock: the caller passes the export date in
//! [`ExportContext`].

use crate::render::{markdown_line, push_escaped, safe_url, UrlUse};
use crate::tuning::{EXPORT_FILE_NAME_CHARS, TEXT_WIDTH};
use crate::Article;

/// What to export to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportFormat {
    /// YAML front matter + CommonMark/GFM.
    Markdown,
    /// A standalone HTML page.
    HtmlPage,
    /// Title, attribution line and wrapped text.
    TextExport,
}

impl ExportFormat {
    /// `markdown`/`md`, `html-page`, `text-export` (the CLI's and the extension's names).
    pub fn parse(name: &str) -> Option<ExportFormat> {
        Some(match name {
            "markdown" | "md" => ExportFormat::Markdown,
            "html-page" => ExportFormat::HtmlPage,
            "text-export" => ExportFormat::TextExport,
            _ => return None,
        })
    }

    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            ExportFormat::Markdown => "md",
            ExportFormat::HtmlPage => "html",
            ExportFormat::TextExport => "txt",
        }
    }
}

/// What the article does not know itself: where it was read and when it is exported.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ExportContext {
    /// The URL of the page read (`source_url`).
    pub source_url: Option<String>,
    /// The export date, `YYYY-MM-DD` (`exported`).
    pub exported: String,
}

/// The article exported to `format`.
pub fn export(article: &Article, format: ExportFormat, ctx: &ExportContext) -> String {
    match format {
        ExportFormat::Markdown => markdown(article, ctx),
        ExportFormat::HtmlPage => html_page(article, ctx),
        ExportFormat::TextExport => text(article, ctx),
    }
}

/// A file name for the export: the title's letters and digits, other runs as
/// one `-`, at most [`EXPORT_FILE_NAME_CHARS`] characters, then the extension.
/// `article` when the title leaves nothing.
pub fn file_name(title: &str, format: ExportFormat) -> String {
    let mut stem = String::new();
    let mut count = 0;
    let mut dash = false;
    for c in title.chars() {
        if count >= EXPORT_FILE_NAME_CHARS {
            break;
        }
        if c.is_alphanumeric() {
            if dash && !stem.is_empty() {
                if count + 2 > EXPORT_FILE_NAME_CHARS {
                    break;
                }
                stem.push('-');
                count += 1;
            }
            dash = false;
            stem.push(c);
            count += 1;
        } else {
            dash = true;
        }
    }
    let stem = stem.trim_end_matches('-');
    let stem = if stem.is_empty() { "article" } else { stem };
    format!("{stem}.{}", format.extension())
}

// ---- Markdown ---------------------------------------------------------------

fn markdown(article: &Article, ctx: &ExportContext) -> String {
    let a = &article.attribution;
    let mut out = String::from("---\n");
    yaml_field(&mut out, "title", Some(&article.title));
    yaml_field(&mut out, "author", article.byline.as_deref());
    yaml_field(&mut out, "published", article.published.as_deref());
    yaml_field(&mut out, "source_url", ctx.source_url.as_deref());
    yaml_field(&mut out, "original_publisher", a.publisher.as_deref());
    yaml_field(&mut out, "original_url", a.original_url.as_deref());
    out.push_str(if article.mirror.is_mirror {
        "mirror: true\n"
    } else {
        "mirror: false\n"
    });
    yaml_field(&mut out, "exported", Some(&ctx.exported));
    let tags = tags(article);
    if !tags.is_empty() {
        out.push_str("tags:\n");
        for t in tags {
            out.push_str("  - ");
            yaml_string(&mut out, t);
            out.push('\n');
        }
    }
    out.push_str("---\n\n");
    let title = markdown_line(&article.title);
    if !title.is_empty() {
        out.push_str("# ");
        out.push_str(&title);
        out.push_str("\n\n");
    }
    out.push_str(&article.markdown());
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

/// Tags: the article carries none yet (no metadata field); kept as the one
/// place to add them.
fn tags(_article: &Article) -> Vec<&str> {
    Vec::new()
}

fn yaml_field(out: &mut String, key: &str, value: Option<&str>) {
    out.push_str(key);
    out.push_str(": ");
    match value {
        Some(v) => yaml_string(out, v),
        None => out.push_str("null"),
    }
    out.push('\n');
}

/// A YAML double-quoted scalar: `\` and `"` escaped, control, line-break and
/// other non-printable characters as escapes (YAML 1.2 §5.7). `<` and `[` too
/// (`\x3c`, `\x5b`: the same text to a YAML parser): a Markdown renderer that
/// does not know front matter renders it as a paragraph, where they would start
/// raw HTML or a link (a page's title `<img onerror=…>` or `[x](javascript:…)`).
fn yaml_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '<' => out.push_str("\\x3c"),
            '[' => out.push_str("\\x5b"),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\u{85}' => out.push_str("\\N"),
            '\u{a0}' => out.push_str("\\_"),
            '\u{2028}' => out.push_str("\\L"),
            '\u{2029}' => out.push_str("\\P"),
            c if c.is_control() || c == '\u{feff}' || is_noncharacter(c) => {
                out.push_str(&format!("\\u{:04x}", c as u32))
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

fn is_noncharacter(c: char) -> bool {
    let u = c as u32;
    (0xfdd0..=0xfdef).contains(&u) || (u & 0xfffe) == 0xfffe
}

// ---- attribution line ---------------------------------------------------------

/// The attribution facts in reading order: who published it, where it was read.
struct Credit {
    publisher: Option<String>,
    original_url: Option<String>,
    source_url: Option<String>,
    mirror: bool,
}

impl Credit {
    fn of(article: &Article, ctx: &ExportContext) -> Credit {
        let clean = |s: &Option<String>| {
            s.as_deref()
                .map(|v| v.split_whitespace().collect::<Vec<_>>().join(" "))
                .filter(|v| !v.is_empty())
        };
        Credit {
            publisher: clean(&article.attribution.publisher),
            original_url: clean(&article.attribution.original_url),
            source_url: clean(&ctx.source_url),
            mirror: article.mirror.is_mirror,
        }
    }

    /// One line of plain text.
    fn line(&self, exported: &str) -> String {
        let mut parts = Vec::new();
        match (&self.publisher, &self.original_url) {
            (Some(p), Some(u)) => parts.push(format!("Originally published by {p} ({u})")),
            (Some(p), None) => parts.push(format!("Originally published by {p}")),
            (None, Some(u)) => parts.push(format!("Original: {u}")),
            (None, None) => {}
        }
        match (&self.source_url, self.mirror) {
            (Some(s), true) => parts.push(format!("Read on a mirror copy at {s}")),
            (Some(s), false) => parts.push(format!("Read at {s}")),
            (None, true) => parts.push("Read on a mirror copy".to_string()),
            (None, false) => {}
        }
        let exported = exported.trim();
        if !exported.is_empty() {
            parts.push(format!("Exported {exported}"));
        }
        let mut line = parts.join(". ");
        if !line.is_empty() {
            line.push('.');
        }
        line
    }
}

// ---- HTML page ------------------------------------------------------------------

const STYLE: &str = "\
:root{color-scheme:light dark;--fg:#1b1b1b;--bg:#fbfaf7;--muted:#5f5f5f;--rule:#ddd;--link:#0b57d0}\
@media (prefers-color-scheme:dark){:root{--fg:#e6e6e6;--bg:#17181a;--muted:#a0a0a0;--rule:#333;--link:#8ab4f8}}\
body{margin:0;background:var(--bg);color:var(--fg);font:1.125rem/1.65 Georgia,'Times New Roman',serif}\
main{max-width:40rem;margin:0 auto;padding:2rem 1.25rem 4rem}\
header{border-bottom:1px solid var(--rule);margin-bottom:1.5rem;padding-bottom:1rem}\
h1{font-size:1.9rem;line-height:1.25;margin:0 0 .5rem}\
.meta,.credit{color:var(--muted);font:.9rem/1.5 system-ui,sans-serif;margin:.25rem 0}\
a{color:var(--link)}img,video{max-width:100%;height:auto}\
pre{overflow:auto;padding:.75rem;border:1px solid var(--rule);font-size:.9rem}\
code{font-family:ui-monospace,Menlo,Consolas,monospace}\
table{border-collapse:collapse;overflow:auto;display:block}td,th{border:1px solid var(--rule);padding:.3rem .5rem}\
blockquote{margin:1rem 0;padding-left:1rem;border-left:3px solid var(--rule);color:var(--muted)}\
figcaption{color:var(--muted);font-size:.9rem}";

const CSP: &str = "default-src 'none'; img-src https: http: data:; style-src 'unsafe-inline'";

fn html_page(article: &Article, ctx: &ExportContext) -> String {
    let credit = Credit::of(article, ctx);
    let mut out = String::with_capacity(article.content_html.len() + 4096);
    out.push_str("<!DOCTYPE html>\n<html");
    if let Some(lang) = article.lang.as_deref().filter(|l| is_lang_tag(l)) {
        out.push_str(" lang=\"");
        push_escaped(&mut out, lang);
        out.push('"');
    }
    if let Some(dir) = article
        .dir
        .as_deref()
        .filter(|d| matches!(*d, "ltr" | "rtl" | "auto"))
    {
        out.push_str(" dir=\"");
        out.push_str(dir);
        out.push('"');
    }
    out.push_str(">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"");
    out.push_str(CSP);
    out.push_str("\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<meta name=\"referrer\" content=\"no-referrer\">\n<title>");
    push_escaped(&mut out, &article.title);
    out.push_str("</title>\n<style>");
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n<main>\n<header>\n<h1>");
    push_escaped(&mut out, &article.title);
    out.push_str("</h1>\n");
    let byline: Vec<&str> = [article.byline.as_deref(), article.published.as_deref()]
        .into_iter()
        .flatten()
        .filter(|s| !s.trim().is_empty())
        .collect();
    if !byline.is_empty() {
        out.push_str("<p class=\"meta\">");
        push_escaped(&mut out, &byline.join(" · "));
        out.push_str("</p>\n");
    }
    out.push_str("<p class=\"credit\">");
    credit_html(&mut out, &credit, &ctx.exported);
    out.push_str("</p>\n</header>\n<article>\n");
    out.push_str(&article.content_html);
    out.push_str("\n</article>\n</main>\n</body>\n</html>\n");
    out
}

/// The attribution line with its URLs as links (only http(s) ones).
fn credit_html(out: &mut String, c: &Credit, exported: &str) {
    let link = |out: &mut String, url: &str| match safe_url(url, UrlUse::Plain)
        .filter(|u| u.starts_with("http://") || u.starts_with("https://"))
    {
        Some(u) => {
            out.push_str("<a href=\"");
            push_escaped(out, &u);
            out.push_str("\" rel=\"noreferrer\">");
            push_escaped(out, url);
            out.push_str("</a>");
        }
        None => push_escaped(out, url),
    };
    let mut first = true;
    let mut sep = |out: &mut String| {
        if !first {
            out.push_str(". ");
        }
        first = false;
    };
    if c.publisher.is_some() || c.original_url.is_some() {
        sep(out);
        match &c.publisher {
            Some(p) => {
                out.push_str("Originally published by ");
                push_escaped(out, p);
                if let Some(u) = &c.original_url {
                    out.push_str(" (");
                    link(out, u);
                    out.push(')');
                }
            }
            None => {
                out.push_str("Original: ");
                link(out, c.original_url.as_deref().unwrap_or_default());
            }
        }
    }
    if c.source_url.is_some() || c.mirror {
        sep(out);
        out.push_str(if c.mirror {
            "Read on a mirror copy"
        } else {
            "Read"
        });
        if let Some(s) = &c.source_url {
            out.push_str(" at ");
            link(out, s);
        }
    }
    let exported = exported.trim();
    if !exported.is_empty() {
        sep(out);
        out.push_str("Exported ");
        push_escaped(out, exported);
    }
    if !first {
        out.push('.');
    }
}

/// A plausible BCP 47 tag: letters, digits and `-` only.
fn is_lang_tag(s: &str) -> bool {
    !s.is_empty() && s.len() <= 35 && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

// ---- text ----------------------------------------------------------------------

fn text(article: &Article, ctx: &ExportContext) -> String {
    let mut out = String::new();
    let title = article
        .title
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if !title.is_empty() {
        wrap_line(&mut out, &title, TEXT_WIDTH);
        out.push('\n');
    }
    let byline: Vec<&str> = [article.byline.as_deref(), article.published.as_deref()]
        .into_iter()
        .flatten()
        .filter(|s| !s.trim().is_empty())
        .collect();
    if !byline.is_empty() {
        wrap_line(&mut out, &byline.join(" · "), TEXT_WIDTH);
    }
    let credit = Credit::of(article, ctx).line(&ctx.exported);
    if !credit.is_empty() {
        wrap_line(&mut out, &credit, TEXT_WIDTH);
    }
    if !out.is_empty() {
        out.push('\n');
    }
    for (i, para) in article
        .text
        .split("\n\n")
        .filter(|p| !p.trim().is_empty())
        .enumerate()
    {
        if i > 0 {
            out.push('\n');
        }
        for line in para.lines() {
            if line.contains('\t') {
                // A table row: its cells stay on one line.
                out.push_str(line.trim_end());
                out.push('\n');
            } else {
                wrap_line(&mut out, line, TEXT_WIDTH);
            }
        }
    }
    out
}

/// Append `line`'s words, greedily filled to `width` columns (characters), each
/// output line ending in `\n`. A word longer than `width` stands on its own line.
fn wrap_line(out: &mut String, line: &str, width: usize) {
    let mut col = 0;
    for word in line.split_whitespace() {
        let len = word.chars().count();
        if col > 0 && col + 1 + len > width {
            out.push('\n');
            col = 0;
        }
        if col > 0 {
            out.push(' ');
            col += 1;
        }
        out.push_str(word);
        col += len;
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Attribution, Mirror};

    fn article() -> Article {
        Article {
            title: "Quotes: \"a\" \\ b\nc #1".into(),
            byline: Some("Jane: Doe".into()),
            published: Some("2024-06-20".into()),
            content_html: "<p>Hello <b>world</b></p>".into(),
            text: "Hello world".into(),
            mirror: Mirror {
                is_mirror: true,
                ..Mirror::default()
            },
            attribution: Attribution {
                publisher: Some("CBS News".into()),
                original_url: Some("https://www.cbsnews.com/a?x=1&y=<2>".into()),
                ..Attribution::default()
            },
            ..Article::default()
        }
    }

    fn ctx() -> ExportContext {
        ExportContext {
            source_url: Some("https://mirror.example/news/1.html".into()),
            exported: "2026-01-01".into(),
        }
    }

    #[test]
    fn markdown_front_matter_is_escaped_yaml() {
        let md = export(&article(), ExportFormat::Markdown, &ctx());
        let expected = "---\n\
            title: \"Quotes: \\\"a\\\" \\\\ b\\nc #1\"\n\
            author: \"Jane: Doe\"\n\
            published: \"2024-06-20\"\n\
            source_url: \"https://mirror.example/news/1.html\"\n\
            original_publisher: \"CBS News\"\n\
            original_url: \"https://www.cbsnews.com/a?x=1&y=\\x3c2>\"\n\
            mirror: true\n\
            exported: \"2026-01-01\"\n\
            ---\n\n\
            # Quotes: \"a\" \\\\ b c #1\n\n\
            Hello **world**\n";
        assert_eq!(md, expected);
    }

    #[test]
    fn yaml_escapes_control_characters() {
        let mut s = String::new();
        yaml_string(&mut s, "a\u{1}b\u{2028}\u{a0}");
        assert_eq!(s, "\"a\\u0001b\\L\\_\"");
    }

    #[test]
    fn markdown_missing_values_are_null() {
        let a = Article {
            title: "T".into(),
            content_html: "<p>x</p>".into(),
            ..Article::default()
        };
        let md = export(&a, ExportFormat::Markdown, &ExportContext::default());
        assert!(md.contains("\nauthor: null\n"), "{md}");
        assert!(md.contains("\nsource_url: null\n"), "{md}");
        assert!(md.contains("\nmirror: false\n"), "{md}");
    }

    #[test]
    fn html_page_is_standalone_escaped_and_scriptless() {
        let mut a = article();
        a.title = "<script>alert(1)</script>".into();
        a.attribution.publisher = Some("<img src=x onerror=alert(1)>".into());
        a.attribution.original_url = Some("javascript:alert(1)".into());
        let page = export(&a, ExportFormat::HtmlPage, &ctx());
        assert!(page.starts_with("<!DOCTYPE html>\n"));
        assert!(page.contains(&format!(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"{CSP}\">"
        )));
        assert!(page.contains("prefers-color-scheme:dark"));
        assert!(!page.contains("<script"), "{page}");
        assert!(!page.contains("<img src=x"), "{page}");
        assert!(!page.contains("href=\"javascript:"), "{page}");
        assert!(page.contains("Originally published by &lt;img"));
        assert!(page.contains(
            "Read on a mirror copy at <a href=\"https://mirror.example/news/1.html\" rel=\"noreferrer\">"
        ));
        assert!(page.contains("<article>\n<p>Hello <b>world</b></p>\n</article>"));
    }

    #[test]
    fn text_export_has_title_credit_and_wrapped_paragraphs() {
        let mut a = article();
        a.title = "Title".into();
        let long = "word ".repeat(40);
        a.text = format!("{long}\n\nSecond paragraph.\n\ncell a\tcell b with many words {long}");
        let t = export(&a, ExportFormat::TextExport, &ctx());
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines[0], "Title");
        assert_eq!(lines[1], "");
        assert_eq!(lines[2], "Jane: Doe · 2024-06-20");
        assert!(lines[3].starts_with(
            "Originally published by CBS News (https://www.cbsnews.com/a?x=1&y=<2>)."
        ));
        let flat = t.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(
            "Read on a mirror copy at https://mirror.example/news/1.html. Exported 2026-01-01."
        ));
        for l in &lines {
            assert!(
                l.chars().count() <= TEXT_WIDTH || l.contains('\t') || !l.contains(' '),
                "{l}"
            );
        }
        assert!(t.contains("\n\nSecond paragraph.\n\ncell a\tcell b"));
        // 80 `word`s and one `words`: nothing lost in wrapping.
        assert_eq!(t.matches("word").count(), 81);
    }

    #[test]
    fn file_names_are_safe_and_bounded() {
        assert_eq!(
            file_name(
                "North Korea & Russia: ties / \"ban\"?",
                ExportFormat::Markdown
            ),
            "North-Korea-Russia-ties-ban.md"
        );
        assert_eq!(
            file_name("../../etc/passwd", ExportFormat::HtmlPage),
            "etc-passwd.html"
        );
        assert_eq!(file_name("  ", ExportFormat::TextExport), "article.txt");
        assert_eq!(
            file_name("كوريا الشمالية", ExportFormat::TextExport),
            "كوريا-الشمالية.txt"
        );
        let long = file_name(&"abc ".repeat(100), ExportFormat::Markdown);
        assert!(long.chars().count() <= EXPORT_FILE_NAME_CHARS + 3, "{long}");
        assert!(!long.contains("-.md"));
    }

    #[test]
    fn article_json_round_trips_for_the_wasm_export() {
        let a = article();
        let json = serde_json::to_string(&a).unwrap();
        let back: Article = serde_json::from_str(&json).unwrap();
        assert_eq!(back, a);
        assert_eq!(
            export(&back, ExportFormat::Markdown, &ctx()),
            export(&a, ExportFormat::Markdown, &ctx())
        );
        // Extra fields (the CLI's `path`, the extension's `source_url`) are ignored.
        let extra: Article =
            serde_json::from_str(r#"{"title":"T","source_url":"https://x.example/"}"#).unwrap();
        assert_eq!(extra.title, "T");
    }

    #[test]
    fn formats_parse() {
        for f in [
            ExportFormat::Markdown,
            ExportFormat::HtmlPage,
            ExportFormat::TextExport,
        ] {
            let name = match f {
                ExportFormat::Markdown => "markdown",
                ExportFormat::HtmlPage => "html-page",
                ExportFormat::TextExport => "text-export",
            };
            assert_eq!(ExportFormat::parse(name), Some(f));
        }
        assert_eq!(ExportFormat::parse("html"), None);
    }
}
