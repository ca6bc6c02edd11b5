//! A hostile page as an `arbitrary`-derived structure, and its HTML.
//!
//! Raw bytes rarely make a page the extractor takes for an article, so the
//! deeper stages (scoring, cleaning, links, render) see little of them. A
//! [`Page`] is a `<head>` of metadata (titles, OpenGraph, JSON-LD, `<base>`)
//! and a `<body>` written by a stack machine of [`Op`]s: elements opened with
//! attributes (event handlers, hostile URLs, styles…), closed, misnested or
//! left open; prose paragraphs long enough to be an article; tables, lists,
//! known XSS vectors, deep nesting, comments and raw text. Names and values come
//! from tables of the things sanitizers get wrong, or are arbitrary strings.

use arbitrary::Arbitrary;
use std::fmt::Write;

/// Element names: article structure, raw-text and escapable raw-text elements,
/// foreign content (SVG/MathML integration points), forms, embeds, obsolete
/// elements the parser still special-cases.
pub const TAGS: &[&str] = &[
    "p",
    "div",
    "span",
    "a",
    "img",
    "article",
    "section",
    "main",
    "header",
    "footer",
    "nav",
    "aside",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "table",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "caption",
    "colgroup",
    "col",
    "figure",
    "figcaption",
    "picture",
    "source",
    "video",
    "audio",
    "track",
    "pre",
    "code",
    "blockquote",
    "q",
    "cite",
    "em",
    "strong",
    "b",
    "i",
    "u",
    "s",
    "sub",
    "sup",
    "small",
    "mark",
    "time",
    "abbr",
    "br",
    "hr",
    "wbr",
    "address",
    "details",
    "summary",
    "dialog",
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "param",
    "applet",
    "form",
    "input",
    "button",
    "textarea",
    "select",
    "option",
    "optgroup",
    "keygen",
    "label",
    "fieldset",
    "legend",
    "svg",
    "math",
    "foreignObject",
    "desc",
    "title",
    "use",
    "animate",
    "set",
    "image",
    "mi",
    "mo",
    "mn",
    "ms",
    "mtext",
    "mglyph",
    "malignmark",
    "annotation-xml",
    "maction",
    "xmp",
    "plaintext",
    "noembed",
    "noframes",
    "listing",
    "marquee",
    "isindex",
    "base",
    "meta",
    "link",
    "body",
    "html",
    "head",
    "slot",
    "portal",
    "ruby",
    "rt",
    "rp",
    "font",
    "center",
    "nobr",
    "big",
    "tt",
    "strike",
    "menu",
    "search",
    "canvas",
    "map",
    "area",
];

/// Attribute names.
pub const ATTRS: &[&str] = &[
    "href",
    "src",
    "srcset",
    "style",
    "onclick",
    "onerror",
    "onload",
    "onmouseover",
    "OnFocus",
    "ontoggle",
    "onbegin",
    "srcdoc",
    "action",
    "formaction",
    "xlink:href",
    "xmlns",
    "xmlns:xlink",
    "class",
    "id",
    "name",
    "lang",
    "dir",
    "data-src",
    "data-lazy-src",
    "data-original",
    "data-srcset",
    "poster",
    "background",
    "width",
    "height",
    "colspan",
    "rowspan",
    "alt",
    "title",
    "content",
    "http-equiv",
    "property",
    "itemprop",
    "itemtype",
    "itemscope",
    "rel",
    "type",
    "is",
    "encoding",
    "cite",
    "datetime",
    "role",
    "aria-hidden",
    "aria-label",
    "hidden",
    "tabindex",
    "target",
    "download",
    "ping",
    "usemap",
    "dynsrc",
    "lowsrc",
    "to",
    "values",
    "from",
    "attributeName",
    "begin",
    "open",
    "loading",
    "sizes",
    "media",
    "contenteditable",
    "autofocus",
    "start",
    "span",
    "align",
    "bgcolor",
    "nonce",
    "shadowrootmode",
    "popover",
    "inert",
    "data",
    "codebase",
    "longdesc",
    "value",
    "label",
    "summary",
    "abbr",
    "face",
    "color",
    "xml:lang",
    "xlink:title",
    "definitionURL",
];

/// Attribute values: script URLs with the entity/whitespace/case tricks
/// browsers accept, data URLs, odd but valid URLs, CSS expressions, quote
/// breakers.
pub const VALUES: &[&str] = &[
    "javascript:alert(1)",
    " JaVaScRiPt:alert(1)",
    "java\tscript:alert(1)",
    "java\nscript:alert(1)",
    "java&#x09;script:alert(1)",
    "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)",
    "&#x6A;avascript&colon;alert(1)",
    "javascript&#0000058;alert(1)",
    "\u{1}javascript:alert(1)",
    "&#1;javascript:alert(1)",
    "jav&#0;ascript:alert(1)",
    "vbscript:msgbox(1)",
    "VBSCRIPT&#58;msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "data:image/svg+xml,<svg onload=alert(1)>",
    "data:image/png;base64,iVBORw0KGgo=",
    "x 1x, javascript:alert(1) 2x",
    "a.png 1x,b.png 2x, data:text/html,x 3x",
    "//evil.example/x.js",
    "https://example.com/a.jpg",
    "https://example.com/story/2024/01/02/title-of-story",
    "/rel/path.png",
    "rel.png?w=100&amp;h=50",
    "../../up.html",
    "?q=1",
    "#frag",
    "",
    " ",
    "http://[::1]/",
    "https://exa mple.com/",
    "http://%zz/",
    "\\\\evil\\share",
    "mailto:a@b.example",
    "file:///etc/passwd",
    "about:blank",
    "x:y",
    "https://ex\u{430}mple.com/",
    "https://example.com/\"><script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "'><svg onload=alert(1)>",
    "</noscript><img src=x onerror=alert(1)>",
    "</style><img src=x onerror=alert(1)>",
    "</title><img src=x onerror=alert(1)>",
    "background:url(javascript:alert(1))",
    "width:expression(alert(1))",
    "color:red;-moz-binding:url(x.xml#xss)",
    "alert(1)",
    "text/html",
    "refresh",
    "0;url=javascript:alert(1)",
    "open",
    "2024-01-02T03:04:05Z",
    "lazy",
    "_blank",
    "http://www.w3.org/1999/xhtml",
    "http://www.w3.org/2000/svg",
    "http://www.w3.org/1998/Math/MathML",
    "application/xhtml+xml",
    "hidden",
    "display:none",
    "article-body content entry-content",
    "sidebar related comments share widget",
    "byline author",
    "__proto__",
    "getElementById",
    "attributes",
];

/// Complete hostile snippets: classic sanitizer bypasses and parser edge cases.
pub const VECTORS: &[&str] = &[
    "<img src=x onerror=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<svg><a xlink:href=\"javascript:alert(1)\"><text x=1 y=1>x</text></a></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
    "<template><script>alert(1)</script></template>",
    "<template shadowrootmode=open><img src=x onerror=alert(1)></template>",
    "<a href=\"jav&#x09;ascript:alert(1)\">link</a>",
    "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
    "<a href=\" javascript:alert(1)\">x</a>",
    "<a href=\"java\nscript:alert(1)\">x</a>",
    "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
    "<object data=\"javascript:alert(1)\"></object>",
    "<embed src=\"data:text/html,<script>alert(1)</script>\">",
    "<base href=\"javascript:/\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<div style=\"background:url(javascript:alert(1))\">styled</div>",
    "<p style=\"width:expression(alert(1))\">expr</p>",
    "<form action=\"javascript:alert(1)\"><button>go</button></form>",
    "<button formaction=\"javascript:alert(1)\">x</button>",
    "<input id=attributes><img name=getElementById src=x>",
    "<a id=__proto__ href=x>proto</a>",
    "<details open ontoggle=alert(1)><summary>s</summary>d</details>",
    "<video><source onerror=alert(1)></video>",
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s></svg>",
    "<svg><set attributeName=href to=javascript:alert(1)></svg>",
    "<math><maction actiontype=statusline xlink:href=javascript:alert(1)>x</maction></math>",
    "<svg><foreignObject><img src=x onerror=alert(1)></foreignObject></svg>",
    "<svg></p><style><a id=\"</style><img src=1 onerror=alert(1)>\">",
    "<xmp><img src=x onerror=alert(1)></xmp>",
    "<textarea><img src=x onerror=alert(1)></textarea>",
    "<title><img src=x onerror=alert(1)></title>",
    "<select><template><style><img src=x onerror=alert(1)></style></template></select>",
    "<table><td><img src=x onerror=alert(1)></td></table>",
    "<table><tr>foster <b>parented</b> text<td>cell</table>",
    "<!--><img src=x onerror=alert(1)>-->",
    "<![CDATA[<img src=x onerror=alert(1)>]]>",
    "<?xml <img src=x onerror=alert(1)>?>",
    "<img src=\"x",
    "<a href=\"vbscript:msgbox(1)\">vb</a>",
    "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">d</a>",
    "<img srcset=\"x 1x, javascript:alert(1) 2x\">",
    "<a href=\"&#x6A;avascript&colon;alert(1)\">c</a>",
    "<a href=\"\u{1}javascript:alert(1)\">ctl</a>",
    "<img src=x:alert(alt) onerror=eval(src) alt=0>",
    "<isindex type=image src=1 onerror=alert(1)>",
    "<image src=x onerror=alert(1)>",
    "<body onload=alert(1)>",
    "<frameset onload=alert(1)>",
    "<marquee onstart=alert(1)>m</marquee>",
    "<math><annotation-xml encoding=\"text/html\"><style><img src=x onerror=alert(1)></style></annotation-xml></math>",
    "<svg><desc><style><img src=x onerror=alert(1)></style></desc></svg>",
    "<keygen autofocus onfocus=alert(1)>",
    "<link rel=import href=\"data:text/html,<script>alert(1)</script>\">",
    "<p is=\"x-foo\" onclick=alert(1)>is</p>",
    "<a href=\"http://example.com/&#x22;onmouseover=&#x22;alert(1)\">q</a>",
    "<svg><style><img src=x onerror=alert(1)></style></svg>",
    "<math><style><img src=x onerror=alert(1)></style></math>",
    "<svg><title><img src=x onerror=alert(1)></title></svg>",
    "<noembed><img src=x onerror=alert(1)></noembed>",
    "<noframes><img src=x onerror=alert(1)></noframes>",
    "<plaintext><img src=x onerror=alert(1)>",
    "<a href=javascript&#58;alert(1)>e</a>",
    "<a\nhref\n=\njavascript:alert(1)>nl</a>",
    "<a/href=javascript:alert(1)>slash</a>",
    "<a href=\"javascript:alert(1)\"href=\"https://ok.example/\">dup</a>",
    "<img src=\"https://example.com/a.png\" data-src=\"javascript:alert(1)\">",
    "<img data-srcset=\"javascript:alert(1) 1x\" src=\"data:image/gif;base64,R0lGOD\">",
    "<picture><source srcset=\"javascript:alert(1)\"><img src=a.png></picture>",
    "<div><p>un<b>closed <i>in</b>ter</i>leaved</p></div>",
    "</p></div></body></html><p>after the end</p>",
    "<p>a<p>b<li>c<dd>d<option>e</p>",
    "<table><caption><table><tr><td>nested</td></tr></table></caption></table>",
    "<ruby>漢<rt>kan</rt>字<rp>(</rp><rt>ji</rt></ruby>",
    "<bdo dir=rtl>\u{202e}reversed\u{202c}</bdo>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&amp;lt;img src=x onerror=alert(1)&amp;gt;",
];

/// Entities and odd characters for text.
pub const ENTITIES: &[&str] = &[
    "&amp;",
    "&lt;",
    "&gt;",
    "&quot;",
    "&#39;",
    "&nbsp;",
    "&#0;",
    "&#xD800;",
    "&#x10FFFF;",
    "&#1114112;",
    "&notit;",
    "&amp",
    "&lt",
    "&#x;",
    "&#;",
    "&CounterClockwiseContourIntegral;",
    "\u{0}",
    "\u{FEFF}",
    "\u{200B}",
    "\u{202E}",
    "\u{2028}",
    "\r\n",
    "\r",
    "\u{c}",
    "\u{85}",
    "\u{1F600}",
    "e\u{301}",
    "\u{FFFD}",
];

/// Words for prose; commas and full stops are added by the generator.
const WORDS: &[&str] = &[
    "the",
    "minister",
    "said",
    "on",
    "tuesday",
    "that",
    "government",
    "would",
    "review",
    "report",
    "officials",
    "city",
    "council",
    "water",
    "supply",
    "after",
    "storm",
    "damaged",
    "several",
    "homes",
    "in",
    "northern",
    "district",
    "according",
    "to",
    "police",
    "people",
    "were",
    "evacuated",
    "while",
    "crews",
    "worked",
    "through",
    "night",
    "restore",
    "power",
    "residents",
    "told",
    "reporters",
    "they",
    "had",
    "never",
    "seen",
    "anything",
    "like",
    "it",
    "économie",
    "日本",
    "новости",
    "الأخبار",
    "a",
    "of",
    "and",
    "with",
    "from",
    "by",
];

/// Stock phrases: bylines, dates, clutter labels.
pub const PHRASES: &[&str] = &[
    "By Jane Doe, Staff Writer",
    "Published January 2, 2024 at 10:00 AM",
    "Updated 3 hours ago",
    "Related articles",
    "Share this story",
    "Read more",
    "Advertisement",
    "Home > News > World",
    "Copyright 2024 Example News. All rights reserved.",
    "This article originally appeared on Example Wire.",
    "Comments (12)",
    "Click here to subscribe",
    "Ranking",
    "Vote: 👍 12 👎 3",
    "Source: AP",
    "(Reuters) -",
];

/// Picks `table[i % len]`.
fn pick(table: &[&'static str], i: u16) -> &'static str {
    table[usize::from(i) % table.len()]
}

/// A tag name.
#[derive(Arbitrary, Debug, Clone)]
pub enum Tag {
    Known(u16),
    Custom(String),
}

impl Tag {
    fn name(&self) -> String {
        match self {
            Tag::Known(i) => pick(TAGS, *i).to_string(),
            // Keep it a tag name (else it is text), but otherwise arbitrary.
            Tag::Custom(s) => {
                let s: String = s
                    .chars()
                    .filter(|c| !c.is_whitespace() && !matches!(c, '/' | '>' | '<'))
                    .take(24)
                    .collect();
                if s.starts_with(|c: char| c.is_ascii_alphabetic()) {
                    s
                } else {
                    format!("x-{s}")
                }
            }
        }
    }
}

/// A value: from the table, prose, or arbitrary.
#[derive(Arbitrary, Debug, Clone)]
pub enum Value {
    Known(u16),
    Text(Text),
    Raw(String),
}

impl Value {
    fn write(&self, out: &mut String) {
        match self {
            Value::Known(i) => out.push_str(pick(VALUES, *i)),
            Value::Text(t) => t.write(out),
            Value::Raw(s) => out.push_str(s),
        }
    }
    fn string(&self) -> String {
        let mut s = String::new();
        self.write(&mut s);
        s
    }
}

/// How an attribute value is quoted.
#[derive(Arbitrary, Debug, Clone, Copy)]
pub enum Quote {
    /// `"…"` with `"` escaped: well-formed.
    Double,
    /// `'…'`, unescaped.
    Single,
    /// Unquoted, unescaped.
    Bare,
    /// `"…"` unescaped: the value may break out.
    RawDouble,
    /// Name only.
    NoValue,
}

/// An attribute.
#[derive(Arbitrary, Debug, Clone)]
pub struct Attr {
    pub name: AttrName,
    pub value: Value,
    pub quote: Quote,
}

/// An attribute name.
#[derive(Arbitrary, Debug, Clone)]
pub enum AttrName {
    Known(u16),
    Custom(String),
}

impl Attr {
    fn write(&self, out: &mut String) {
        out.push(' ');
        match &self.name {
            AttrName::Known(i) => out.push_str(pick(ATTRS, *i)),
            AttrName::Custom(s) => {
                let s: String = s
                    .chars()
                    .filter(|c| !c.is_whitespace() && !matches!(c, '/' | '>' | '=' | '"' | '\''))
                    .take(24)
                    .collect();
                out.push_str(if s.is_empty() { "x" } else { &s });
            }
        }
        let v = self.value.string();
        match self.quote {
            Quote::Double => {
                let _ = write!(out, "=\"{}\"", v.replace('"', "&quot;"));
            }
            Quote::Single => {
                let _ = write!(out, "='{v}'");
            }
            Quote::Bare => {
                let _ = write!(out, "={v}");
            }
            Quote::RawDouble => {
                let _ = write!(out, "=\"{v}\"");
            }
            Quote::NoValue => {}
        }
    }
}

/// Text content.
#[derive(Arbitrary, Debug, Clone)]
pub enum Text {
    /// `n` sentences of prose (seeded), with commas: article-like.
    Prose {
        sentences: u8,
        seed: u16,
    },
    Phrase(u16),
    Entity(u16),
    Raw(String),
}

impl Text {
    fn write(&self, out: &mut String) {
        match self {
            Text::Prose { sentences, seed } => prose(out, *sentences % 12 + 1, *seed),
            Text::Phrase(i) => out.push_str(pick(PHRASES, *i)),
            Text::Entity(i) => out.push_str(pick(ENTITIES, *i)),
            Text::Raw(s) => out.push_str(s),
        }
    }
}

/// Writes `n` sentences of 8–23 words, deterministic in `seed`.
fn prose(out: &mut String, n: u8, seed: u16) {
    let mut x = u32::from(seed).wrapping_mul(2_654_435_761).wrapping_add(1);
    let mut next = || {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        x
    };
    for s in 0..n {
        if s > 0 {
            out.push(' ');
        }
        let words = 8 + next() % 16;
        for w in 0..words {
            let word = WORDS[(next() as usize) % WORDS.len()];
            if w == 0 {
                let mut c = word.chars();
                if let Some(f) = c.next() {
                    out.extend(f.to_uppercase());
                    out.push_str(c.as_str());
                }
            } else {
                out.push(' ');
                out.push_str(word);
            }
            if w + 1 < words && next() % 6 == 0 {
                out.push(',');
            }
        }
        out.push('.');
    }
}

/// A `<head>` item.
#[derive(Arbitrary, Debug, Clone)]
pub enum HeadItem {
    Title(Text),
    /// `<meta {name|property|itemprop}=KEY content=VALUE>`.
    Meta {
        key: u16,
        attr: u8,
        content: Value,
    },
    Base(Value),
    Charset(Value),
    Link {
        rel: u16,
        href: Value,
    },
    JsonLd(JsonLd),
    Script(Value),
    Style(Value),
    Raw(String),
}

/// Metadata names the extractor reads (and some it must not trust).
pub const META_KEYS: &[&str] = &[
    "og:title",
    "og:description",
    "og:image",
    "og:image:secure_url",
    "og:site_name",
    "og:url",
    "og:type",
    "og:locale",
    "twitter:image",
    "twitter:title",
    "twitter:creator",
    "author",
    "description",
    "article:published_time",
    "article:modified_time",
    "article:author",
    "article:section",
    "dc.creator",
    "dc.title",
    "dc.date",
    "dcterms.created",
    "citation_title",
    "parsely-title",
    "parsely-author",
    "parsely-pub-date",
    "date",
    "pubdate",
    "publish-date",
    "sailthru.date",
    "weibo:article:create_at",
    "byl",
    "keywords",
    "robots",
    "application-name",
    "copyright",
    "headline",
    "datePublished",
    "image",
    "thumbnail",
    "original-source",
    "syndication-source",
    "standout",
    "news_keywords",
    "content-language",
];

const LINK_RELS: &[&str] = &[
    "canonical",
    "amphtml",
    "alternate",
    "stylesheet",
    "author",
    "image_src",
    "icon",
    "preload",
    "import",
    "original-source",
    "syndication-source",
];

/// A JSON-LD block; values may be hostile, keys come from a table.
#[derive(Arbitrary, Debug, Clone)]
pub struct JsonLd {
    pub graph: bool,
    pub items: Vec<JsonObject>,
    /// Appended raw (often breaks the JSON).
    pub tail: Option<String>,
}

#[derive(Arbitrary, Debug, Clone)]
pub struct JsonObject {
    pub typ: u16,
    pub fields: Vec<(u16, JsonValue)>,
}

#[derive(Arbitrary, Debug, Clone)]
pub enum JsonValue {
    Str(Value),
    Num(i64),
    Float(f64),
    Bool(bool),
    Null,
    Array(Vec<Value>),
    /// A nested object of string fields (`author: {"@type": "Person", name: …}`).
    Object(u16, Vec<(u16, Value)>),
    /// Unescaped: may break the JSON or the `<script>` (`</script>`).
    Raw(String),
}

const LD_TYPES: &[&str] = &[
    "NewsArticle",
    "Article",
    "BlogPosting",
    "WebPage",
    "ReportageNewsArticle",
    "Person",
    "Organization",
    "ImageObject",
    "BreadcrumbList",
    "ListItem",
    "WebSite",
    "",
];

const LD_KEYS: &[&str] = &[
    "headline",
    "name",
    "author",
    "datePublished",
    "dateModified",
    "publisher",
    "image",
    "url",
    "description",
    "inLanguage",
    "isBasedOn",
    "sourceOrganization",
    "mainEntityOfPage",
    "@id",
    "articleBody",
    "creator",
    "copyrightHolder",
    "itemListElement",
    "position",
    "logo",
];

fn json_string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

impl JsonLd {
    fn write(&self, out: &mut String) {
        out.push_str("<script type=\"application/ld+json\">");
        if self.graph {
            out.push_str("{\"@context\":\"https://schema.org\",\"@graph\":[");
        } else if self.items.len() != 1 {
            out.push('[');
        }
        for (k, item) in self.items.iter().enumerate() {
            if k > 0 {
                out.push(',');
            }
            out.push_str("{\"@context\":\"https://schema.org\",\"@type\":");
            json_string(out, pick(LD_TYPES, item.typ));
            for (key, v) in &item.fields {
                out.push(',');
                json_string(out, pick(LD_KEYS, *key));
                out.push(':');
                v.write(out);
            }
            out.push('}');
        }
        if self.graph {
            out.push_str("]}");
        } else if self.items.len() != 1 {
            out.push(']');
        }
        if let Some(t) = &self.tail {
            out.push_str(t);
        }
        out.push_str("</script>");
    }
}

impl JsonValue {
    fn write(&self, out: &mut String) {
        match self {
            JsonValue::Str(v) => json_string(out, &v.string()),
            JsonValue::Num(n) => {
                let _ = write!(out, "{n}");
            }
            JsonValue::Float(f) if f.is_finite() => {
                let _ = write!(out, "{f}");
            }
            JsonValue::Float(_) => out.push_str("1e999"),
            JsonValue::Bool(b) => {
                let _ = write!(out, "{b}");
            }
            JsonValue::Null => out.push_str("null"),
            JsonValue::Array(vs) => {
                out.push('[');
                for (i, v) in vs.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    json_string(out, &v.string());
                }
                out.push(']');
            }
            JsonValue::Object(typ, fields) => {
                out.push_str("{\"@type\":");
                json_string(out, pick(LD_TYPES, *typ));
                for (k, v) in fields {
                    out.push(',');
                    json_string(out, pick(LD_KEYS, *k));
                    out.push(':');
                    json_string(out, &v.string());
                }
                out.push('}');
            }
            JsonValue::Raw(s) => out.push_str(s),
        }
    }
}

impl HeadItem {
    fn write(&self, out: &mut String) {
        match self {
            HeadItem::Title(t) => {
                out.push_str("<title>");
                t.write(out);
                out.push_str("</title>");
            }
            HeadItem::Meta { key, attr, content } => {
                let a = ["name", "property", "itemprop", "http-equiv"][usize::from(*attr % 4)];
                let _ = write!(
                    out,
                    "<meta {a}=\"{}\" content=\"{}\">",
                    pick(META_KEYS, *key),
                    content.string().replace('"', "&quot;")
                );
            }
            HeadItem::Base(v) => {
                let _ = write!(out, "<base href=\"{}\">", v.string().replace('"', "&quot;"));
            }
            HeadItem::Charset(v) => {
                let _ = write!(out, "<meta charset=\"{}\">", v.string().replace('"', ""));
            }
            HeadItem::Link { rel, href } => {
                let _ = write!(
                    out,
                    "<link rel=\"{}\" href=\"{}\">",
                    pick(LINK_RELS, *rel),
                    href.string().replace('"', "&quot;")
                );
            }
            HeadItem::JsonLd(j) => j.write(out),
            HeadItem::Script(v) => {
                out.push_str("<script>");
                v.write(out);
                out.push_str("</script>");
            }
            HeadItem::Style(v) => {
                out.push_str("<style>");
                v.write(out);
                out.push_str("</style>");
            }
            HeadItem::Raw(s) => out.push_str(s),
        }
    }
}

/// One step of the body's stack machine.
#[derive(Arbitrary, Debug, Clone)]
pub enum Op {
    /// Open an element (pushed on the stack unless `self_close`).
    Open {
        tag: Tag,
        attrs: Vec<Attr>,
        self_close: bool,
    },
    /// Close the innermost open element.
    Close,
    /// An end tag for whatever: stray, misnested or matching.
    EndTag(Tag),
    Text(Text),
    /// `<p>` of prose, optionally with a link in it: the article's substance.
    Paragraph {
        sentences: u8,
        seed: u16,
        link: Option<Value>,
    },
    /// A table of `rows` × `cols` cells of text (`header`: a `<th>` row).
    Table {
        rows: u8,
        cols: u8,
        header: bool,
        cell: Text,
    },
    /// A list of `items` items, each a link or text.
    List {
        ordered: bool,
        items: u8,
        link: Option<Value>,
        item: Text,
    },
    /// A known hostile snippet.
    Vector(u16),
    /// `n` nested `tag`s left open (the end closes them if `close_all`).
    Deep {
        tag: Tag,
        n: u16,
    },
    Comment(String),
    Raw(String),
}

/// A whole page.
#[derive(Arbitrary, Debug, Clone)]
pub struct Page {
    /// Header bytes for [`crate::input::Header`]: options and URL base.
    pub flags: u8,
    pub param: u8,
    /// The URL's end (appended to the base).
    pub url_tail: String,
    pub doctype: u8,
    pub html_attrs: Vec<Attr>,
    pub head: Vec<HeadItem>,
    pub body_attrs: Vec<Attr>,
    /// The article container the ops and paragraphs go in ([`WRAPPERS`]).
    pub wrapper: u8,
    /// Prose paragraphs (`% 10`) interleaved with the ops, so that most pages
    /// have an article for the later stages to work on.
    pub paragraphs: u8,
    pub seed: u16,
    pub ops: Vec<Op>,
    /// Close every element left open at the end.
    pub close_all: bool,
}

/// Containers for the body: none, and the usual article containers.
pub const WRAPPERS: &[&str] = &[
    "",
    "article",
    "main",
    "div class=\"entry-content\"",
    "div id=\"story\" class=\"post\"",
    "section",
    "div class=\"comments sidebar\"",
    "td",
];

/// Deepest `Op::Deep` run.
const MAX_DEEP: u16 = 3000;

impl Page {
    /// The page's HTML.
    pub fn html(&self) -> String {
        let mut out = String::new();
        match self.doctype % 4 {
            0 => out.push_str("<!DOCTYPE html>"),
            1 => out.push_str("<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\">"),
            2 => out.push_str("<!doctype html system \"about:legacy-compat\">"),
            _ => {}
        }
        out.push_str("<html");
        for a in &self.html_attrs {
            a.write(&mut out);
        }
        out.push_str("><head>");
        for h in &self.head {
            h.write(&mut out);
        }
        out.push_str("</head><body");
        for a in &self.body_attrs {
            a.write(&mut out);
        }
        out.push('>');
        let wrapper = pick(WRAPPERS, u16::from(self.wrapper));
        if !wrapper.is_empty() {
            let _ = write!(out, "<{wrapper}>");
        }
        let paragraphs = usize::from(self.paragraphs % 10);
        let chunk = self.ops.len().div_ceil(paragraphs + 1).max(1);
        let mut stack: Vec<String> = Vec::new();
        let mut chunks = self.ops.chunks(chunk);
        for i in 0..=paragraphs {
            for op in chunks.next().unwrap_or(&[]) {
                op.write(&mut out, &mut stack);
            }
            if i < paragraphs {
                out.push_str("<p>");
                prose(
                    &mut out,
                    3 + (self.seed % 4) as u8,
                    self.seed.wrapping_add(i as u16),
                );
                out.push_str("</p>\n");
            }
        }
        if self.close_all {
            while let Some(t) = stack.pop() {
                let _ = write!(out, "</{t}>");
            }
            if let Some(name) = wrapper.split(' ').next().filter(|n| !n.is_empty()) {
                let _ = write!(out, "</{name}>");
            }
            out.push_str("</body></html>");
        }
        out
    }
}

impl Op {
    fn write(&self, out: &mut String, stack: &mut Vec<String>) {
        match self {
            Op::Open {
                tag,
                attrs,
                self_close,
            } => {
                let name = tag.name();
                let _ = write!(out, "<{name}");
                for a in attrs {
                    a.write(out);
                }
                if *self_close {
                    out.push_str("/>");
                } else {
                    out.push('>');
                    stack.push(name);
                }
            }
            Op::Close => {
                if let Some(t) = stack.pop() {
                    let _ = write!(out, "</{t}>");
                }
            }
            Op::EndTag(t) => {
                let _ = write!(out, "</{}>", t.name());
            }
            Op::Text(t) => t.write(out),
            Op::Paragraph {
                sentences,
                seed,
                link,
            } => {
                out.push_str("<p>");
                prose(out, sentences % 8 + 1, *seed);
                if let Some(v) = link {
                    let _ = write!(
                        out,
                        " <a href=\"{}\">read the rest</a>",
                        v.string().replace('"', "&quot;")
                    );
                }
                out.push_str("</p>\n");
            }
            Op::Table {
                rows,
                cols,
                header,
                cell,
            } => {
                let (rows, cols) = (rows % 12 + 1, cols % 8 + 1);
                out.push_str("<table>");
                if *header {
                    out.push_str("<thead><tr>");
                    for c in 0..cols {
                        let _ = write!(out, "<th>H{c}</th>");
                    }
                    out.push_str("</tr></thead>");
                }
                out.push_str("<tbody>");
                for _ in 0..rows {
                    out.push_str("<tr>");
                    for _ in 0..cols {
                        out.push_str("<td>");
                        cell.write(out);
                        out.push_str("</td>");
                    }
                    out.push_str("</tr>");
                }
                out.push_str("</tbody></table>\n");
            }
            Op::List {
                ordered,
                items,
                link,
                item,
            } => {
                let t = if *ordered { "ol" } else { "ul" };
                let _ = write!(out, "<{t}>");
                for _ in 0..(items % 16 + 1) {
                    out.push_str("<li>");
                    if let Some(v) = link {
                        let _ = write!(out, "<a href=\"{}\">", v.string().replace('"', "&quot;"));
                        item.write(out);
                        out.push_str("</a>");
                    } else {
                        item.write(out);
                    }
                    out.push_str("</li>");
                }
                let _ = write!(out, "</{t}>\n");
            }
            Op::Vector(i) => out.push_str(pick(VECTORS, *i)),
            Op::Deep { tag, n } => {
                let name = tag.name();
                for _ in 0..(n % MAX_DEEP) {
                    let _ = write!(out, "<{name}>");
                    stack.push(name.clone());
                }
            }
            Op::Comment(s) => {
                let _ = write!(out, "<!--{s}-->");
            }
            Op::Raw(s) => out.push_str(s),
        }
    }
}
