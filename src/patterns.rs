//! Every word list, tag list and pattern any heuristic uses, defined once.
//! Matching helpers are plain substring/word scans: no regex engine in the wasm.

// ---- output allowlist (render/html) ------------------------------------------

/// Tags the HTML serialiser emits, each with the attributes it may keep (besides
/// [`SAFE_GLOBAL_ATTRS`]), in the order they are written.
pub const SAFE_TAGS: &[(&str, &[&str])] = &[
    ("a", &["href", "hreflang"]),
    ("abbr", &[]),
    ("article", &[]),
    ("b", &[]),
    ("bdi", &[]),
    ("bdo", &[]),
    ("blockquote", &["cite"]),
    ("br", &[]),
    ("caption", &[]),
    ("cite", &[]),
    ("code", &[]),
    ("col", &["span"]),
    ("colgroup", &["span"]),
    ("data", &["value"]),
    ("dd", &[]),
    ("del", &["cite", "datetime"]),
    ("details", &["open"]),
    ("dfn", &[]),
    ("div", &[]),
    ("dl", &[]),
    ("dt", &[]),
    ("em", &[]),
    ("figcaption", &[]),
    ("figure", &[]),
    ("h1", &[]),
    ("h2", &[]),
    ("h3", &[]),
    ("h4", &[]),
    ("h5", &[]),
    ("h6", &[]),
    ("hr", &[]),
    ("i", &[]),
    (
        "img",
        &[
            "src", "srcset", "sizes", "alt", "width", "height", "loading",
        ],
    ),
    ("ins", &["cite", "datetime"]),
    ("kbd", &[]),
    ("li", &["value"]),
    ("mark", &[]),
    ("ol", &["start", "reversed", "type"]),
    ("p", &[]),
    ("picture", &[]),
    ("pre", &[]),
    ("q", &["cite"]),
    ("rp", &[]),
    ("rt", &[]),
    ("ruby", &[]),
    ("s", &[]),
    ("samp", &[]),
    ("section", &[]),
    ("small", &[]),
    (
        "source",
        &["srcset", "sizes", "media", "type", "width", "height"],
    ),
    ("span", &[]),
    ("strong", &[]),
    ("sub", &[]),
    ("summary", &[]),
    ("sup", &[]),
    ("table", &[]),
    ("tbody", &[]),
    ("td", &["colspan", "rowspan", "headers"]),
    ("tfoot", &[]),
    ("th", &["colspan", "rowspan", "headers", "scope", "abbr"]),
    ("thead", &[]),
    ("time", &["datetime"]),
    ("tr", &[]),
    ("u", &[]),
    ("ul", &[]),
    ("var", &[]),
    ("wbr", &[]),
];

/// Attributes every emitted element may keep (after its own), in this order.
/// Never `id`/`name` (DOM clobbering), `style`, or event handlers.
pub const SAFE_GLOBAL_ATTRS: &[&str] = &["lang", "dir", "title"];

/// Elements emitted under another, allowlisted name (legacy or layout-only tags).
pub const RENAMED_TAGS: &[(&str, &str)] = &[
    ("address", "div"),
    ("aside", "div"),
    ("center", "div"),
    ("dir", "ul"),
    ("footer", "div"),
    ("header", "div"),
    ("hgroup", "div"),
    ("listing", "pre"),
    ("main", "div"),
    ("marquee", "div"),
    ("menu", "ul"),
    ("nav", "div"),
    ("plaintext", "pre"),
    ("search", "div"),
    ("strike", "s"),
    ("tt", "code"),
    ("xmp", "pre"),
];

/// Elements dropped with everything inside them: active content, embedded
/// documents, forms' controls, document metadata, foreign (SVG/MathML) content,
/// raw-text fallbacks. Any other tag that is not allowlisted is unwrapped (its
/// text is kept): media and other elements whose children are fallback content
/// (`audio`, `video`, `canvas`, `object`, `applet`, `map`, `meter`, `progress`,
/// `output`, `option`) are unwrapped, not dropped, since an unclosed one holds the rest
/// of the article. Every element here that can hold text is also in
/// [`TEXT_SKIP_TAGS`] and the other way round: the reader, the Markdown and the
/// plain text carry the same words.
pub const DROPPED_TAGS: &[&str] = &[
    "area", "base", "basefont", "bgsound", "button", "datalist", "dialog", "embed", "frame",
    "frameset", "head", "iframe", "input", "keygen", "link", "math", "meta", "noembed", "noframes",
    "noscript", "param", "script", "select", "style", "svg", "template", "textarea", "title",
    "track",
];

/// Output elements whose start tag closes an open `<p>` when a browser parses
/// the output: a `<p>` containing one is written as `<div>`, so the tree a
/// browser rebuilds is the tree we wrote.
pub const P_CLOSING_TAGS: &[&str] = &[
    "article",
    "blockquote",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "ul",
];

/// Output elements followed by a line break (readability of the HTML only;
/// the break sits where a browser collapses it).
pub const BLOCK_OUTPUT_TAGS: &[&str] = &[
    "article",
    "blockquote",
    "caption",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Output elements whose children are blocks: a line break follows the start tag.
pub const CONTAINER_OUTPUT_TAGS: &[&str] =
    &["dl", "ol", "table", "tbody", "tfoot", "thead", "tr", "ul"];

/// URL schemes a link or image may use (besides relative references).
pub const SAFE_URL_SCHEMES: &[&str] = &["http", "https"];
/// URL schemes a link (`<a href>`) may also use.
pub const SAFE_LINK_ONLY_SCHEMES: &[&str] = &["mailto"];
/// `data:` media types allowed in `<img src>`: raster images only (no SVG, which
/// can carry script).
pub const RASTER_DATA_IMAGE_TYPES: &[&str] = &[
    "image/png",
    "image/jpeg",
    "image/jpg",
    "image/gif",
    "image/webp",
    "image/avif",
    "image/bmp",
];
/// Values of `<ol type>` that are kept.
pub const OL_TYPES: &[&str] = &["1", "a", "A", "i", "I"];
/// Values of `<th scope>` that are kept.
pub const TH_SCOPES: &[&str] = &["row", "col", "rowgroup", "colgroup"];
/// Values of `dir` that are kept.
pub const DIRECTIONS: &[&str] = &["ltr", "rtl", "auto"];
/// Values of `<img loading>` that are kept.
pub const LOADING_VALUES: &[&str] = &["lazy", "eager"];
/// Class prefixes naming a code block's language (`language-rust`), kept on
/// `<pre>`/`<code>` even without `keep_classes`.
pub const CODE_LANGUAGE_CLASS_PREFIXES: &[&str] = &["language-", "lang-"];

// ---- links and lazy images (links) -------------------------------------------

/// Attributes holding the real `src` of a lazy-loaded image, most trusted first.
pub const LAZY_SRC_ATTRS: &[&str] = &[
    "data-src",
    "data-lazy-src",
    "data-original",
    "data-original-src",
    "data-lazy",
    "data-lazyload",
    "data-url",
    "data-hi-res-src",
    "data-full-src",
    "data-orig-file",
    "data-actualsrc",
    "data-echo",
    "data-img-src",
    "data-image",
];
/// Attributes holding the real `srcset` of a lazy-loaded image or source.
pub const LAZY_SRCSET_ATTRS: &[&str] = &[
    "data-srcset",
    "data-lazy-srcset",
    "data-original-srcset",
    "data-lazysrcset",
];
/// File extensions that make an attribute value look like an image URL
/// (Readability's `/\.(jpg|jpeg|png|webp)/i`, plus AVIF).
pub const IMAGE_URL_EXTENSIONS: &[&str] = &[".jpg", ".jpeg", ".png", ".webp", ".avif"];
/// Words in an image `src` that mark a placeholder, replaced when the element
/// also names a real image in a lazy-load attribute.
pub const PLACEHOLDER_SRC_WORDS: &[&str] = &[
    "placeholder",
    "blank.",
    "spacer.",
    "pixel.",
    "transparent.",
    "lazy",
    "loading.",
    "grey.",
    "gray.",
    "1x1",
    "empty.",
];
/// Attributes that carry URLs made absolute by `links` (`srcset` separately).
pub const URL_ATTRS: &[&str] = &["href", "src", "poster", "cite"];

/// Readability's `/\.(jpg|jpeg|png|webp)/i`: does the value mention an image file?
pub fn mentions_image_file(value: &str) -> bool {
    IMAGE_URL_EXTENSIONS.iter().any(|e| contains_ci(value, e))
}

/// Elements whose content the parser treats as raw text: the pre-scan skips them.
pub const RAW_TEXT_TAGS: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
];

/// Elements that open foreign content (inside them, `<style>` and `<title>` are
/// ordinary elements, not raw text).
pub const FOREIGN_ROOT_TAGS: &[&str] = &["svg", "math"];

/// The HTML parser's "formatting elements": re-created in every following block
/// when left open (`<a>` aside: the parser keeps at most one open per block).
pub const FORMATTING_TAGS: &[&str] = &[
    "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u",
];

/// Void elements: never have children, never add depth.
pub const VOID_TAGS: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr", "param", "keygen", "frame", "basefont", "bgsound", "image",
];

/// Elements that an open element of the same name implicitly closes (so they never
/// nest in themselves and add no depth when repeated).
pub const SELF_CLOSING_SIBLINGS: &[&str] = &[
    "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "rb", "rt", "rp", "rtc",
];

// ---- Readability's REGEXPS, as word lists ------------------------------------
//
// Readability tests these regular expressions (case-insensitive, unanchored) on an
// element's `class` and `id`. Each alternative is a plain substring, so a list of
// substrings and `contains_any_ci` reproduce them exactly.

/// `unlikelyCandidates`: class/id substrings of page furniture.
pub static UNLIKELY_CANDIDATES: CiSet<'static> = CiSet::new(&[
    "-ad-",
    "ai2html",
    "banner",
    "breadcrumbs",
    "combx",
    "comment",
    "community",
    "cover-wrap",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "ad-break",
    "agegate",
    "pagination",
    "pager",
    "popup",
    "yom-remote",
]);

/// `okMaybeItsACandidate`: rescues an unlikely-looking element.
pub static MAYBE_CANDIDATE: CiSet<'static> = CiSet::new(&[
    "and", "article", "body", "column", "content", "main", "shadow",
]);

/// `positive`: class/id substrings that raise the class weight.
pub static POSITIVE: CiSet<'static> = CiSet::new(&[
    "article",
    "body",
    "content",
    "entry",
    "hentry",
    "h-entry",
    "main",
    "page",
    "pagination",
    "post",
    "text",
    "blog",
    "story",
]);

/// `negative`: class/id substrings that lower the class weight (plus the token
/// [`NEGATIVE_TOKEN`]).
pub static NEGATIVE: CiSet<'static> = CiSet::new(&[
    "-ad-",
    "hidden",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "footer",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "widget",
]);

/// `negative`'s `^hid$| hid$| hid |^hid `: a whole space-delimited token.
pub const NEGATIVE_TOKEN: &str = "hid";

/// `byline`: class/id substrings of an author line.
pub static BYLINE: CiSet<'static> =
    CiSet::new(&["byline", "author", "dateline", "writtenby", "p-author"]);

/// `shareElements`: `(\b|_)(share|sharedaddy)(\b|_)`.
pub const SHARE_WORDS: &[&str] = &["share", "sharedaddy"];

/// `videos`: hosts after `//` (optionally `www.`) whose embeds are kept.
pub const VIDEO_HOSTS: &[&str] = &[
    "dailymotion.com",
    "youtube.com",
    "youtube-nocookie.com",
    "player.vimeo.com",
    "v.qq.com",
    "archive.org",
    "upload.wikimedia.org",
    "player.twitch.tv",
];

/// Id prefixes of streamed-rendering placeholders (`suspense`): React's
/// boundary (`B:`) and segment (`P:`) templates.
pub const STREAM_PLACEHOLDER_PREFIXES: &[&str] = &["B:", "P:"];
/// Id prefix of the hidden container holding streamed content (`S:`).
pub const STREAM_SEGMENT_PREFIX: &str = "S:";

/// Tags dropped from a widened main region (`widen`): code, embedded
/// documents, forms and navigation furniture.
pub const WIDEN_DROPPED_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "iframe", "embed", "svg", "form", "button",
    "select", "input", "textarea", "nav", "aside", "footer", "dialog",
];

/// Blocks of prose and of data (list items, table cells) a page may repeat
/// on purpose, never deduplicated as layout copies (`expand::dedupe_layout`).
pub const PROSE_BLOCK_TAGS: &[&str] = &[
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "li",
    "dt",
    "dd",
    "tr",
    "td",
    "th",
];

/// Tags dropped by expansion (`expand`) besides `widen`'s: controls that
/// carry labels, not content.
pub const EXPAND_DROPPED_TAGS: &[&str] = &["label", "option", "menu", "dialog"];

/// Starts of headings (lower-cased) of sections that are not the content on
/// any page: shop policies, related stories, comment forms. Both a stop
/// heading (`stop_heading`) and a related-list heading (`list_heading`).
pub const NOT_CONTENT_HEADINGS: &[&str] = &[
    "you may also like",
    "you might also like",
    "you may like",
    "shipping and returns",
    "shipping & returns",
    "shipping and return policies",
    "shipping & return policies",
    "delivery and returns",
    "delivery & returns",
    "returns and exchanges",
    "returns & exchanges",
    "related articles",
    "related posts",
    "related stories",
    "more stories",
    "read next",
    "leave a reply",
    "leave a comment",
    "comments",
];

/// Starts of headings (lower-cased) of sections that are not a page's
/// content: reviews, other products (`expand`), besides `NOT_CONTENT_HEADINGS`.
pub const EXPAND_STOP_HEADINGS: &[&str] = &[
    "customer reviews",
    "reviews",
    "ratings & reviews",
    "ratings and reviews",
    "customer questions",
    "questions & answers",
    "frequently bought together",
    "customers also",
    "customers who",
    "people also",
    "people who",
    "recently viewed",
    "similar items",
    "similar products",
    "related products",
    "related items",
    "complete the look",
    "shop the look",
    "more from this",
    "recommended for you",
];

/// Class/id substrings of cookie and consent notices.
pub static CONSENT_WORDS: CiSet<'static> = CiSet::new(&["cookie", "consent", "gdpr", "onetrust"]);

/// Elements whose `<footer>`, `<header>` or `<nav>` belongs to them, not to
/// the page.
pub const FOOTER_CONTAINERS: &[&str] = &["article", "main", "footer", "section", "blockquote"];

/// ARIA roles of page furniture (`UNLIKELY_ROLES`).
pub const UNLIKELY_ROLES: &[&str] = &[
    "menu",
    "menubar",
    "complementary",
    "navigation",
    "alert",
    "alertdialog",
    "dialog",
];

/// Tags whose paragraphs are scored (`DEFAULT_TAGS_TO_SCORE`).
pub const TAGS_TO_SCORE: &[&str] = &["section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre"];

/// Block children that keep a `<div>` from becoming a `<p>` (`DIV_TO_P_ELEMS`).
pub const DIV_TO_P_ELEMS: &[&str] = &[
    "blockquote",
    "dl",
    "div",
    "img",
    "ol",
    "p",
    "pre",
    "table",
    "ul",
];

/// Text-bearing tags for the text density of `_cleanConditionally`.
pub const TEXTISH_TAGS: &[&str] = &[
    "span",
    "li",
    "td",
    "blockquote",
    "dl",
    "div",
    "img",
    "ol",
    "p",
    "pre",
    "table",
    "ul",
];

/// Headings.
pub const HEADING_TAGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6"];

/// Embeds (`object`, `embed`, `iframe`).
pub const EMBED_TAGS: &[&str] = &["object", "embed", "iframe"];

/// Appended siblings keep these tags; others become `<div>` (`ALTER_TO_DIV_EXCEPTIONS`).
pub const ALTER_TO_DIV_EXCEPTIONS: &[&str] = &["div", "article", "section", "p", "ol", "ul"];

/// Presentational attributes removed from the article (`PRESENTATIONAL_ATTRIBUTES`).
pub const PRESENTATIONAL_ATTRIBUTES: &[&str] = &[
    "align",
    "background",
    "bgcolor",
    "border",
    "cellpadding",
    "cellspacing",
    "frame",
    "hspace",
    "rules",
    "style",
    "valign",
    "vspace",
];

/// Elements that also lose `width`/`height` (`DEPRECATED_SIZE_ATTRIBUTE_ELEMS`).
pub const DEPRECATED_SIZE_ATTRIBUTE_ELEMS: &[&str] = &["table", "th", "td", "hr", "pre"];

/// Phrasing content (`PHRASING_ELEMS`; canvas, iframe, svg and video left out as
/// Readability does).
pub const PHRASING_ELEMS: &[&str] = &[
    "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em",
    "embed", "i", "img", "input", "kbd", "label", "mark", "math", "meter", "noscript", "object",
    "output", "progress", "q", "ruby", "samp", "script", "select", "small", "span", "strong",
    "sub", "sup", "textarea", "time", "var", "wbr",
];

/// Phrasing only when all their children are (`A`, `DEL`, `INS`).
pub const TRANSPARENT_PHRASING: &[&str] = &["a", "del", "ins"];

/// Classes kept when classes are stripped (`CLASSES_TO_PRESERVE`).
pub const CLASSES_TO_PRESERVE: &[&str] = &["page"];

/// Tags a data table's descendants reveal it by.
pub const DATA_TABLE_DESCENDANTS: &[&str] = &["col", "colgroup", "tfoot", "thead", "th"];

/// Attribute names that point to an image (`_unwrapNoscriptImages`).
pub const IMAGE_SOURCE_ATTRS: &[&str] = &["src", "srcset", "data-src", "data-srcset"];

/// Image file extensions (`/\.(jpg|jpeg|png|webp)/i`).
pub static IMAGE_EXTENSIONS: CiSet<'static> = CiSet::new(&[".jpg", ".jpeg", ".png", ".webp"]);

/// Comma variants counted by the paragraph score (`commas`).
pub const COMMAS: &[char] = &[
    '\u{002C}', '\u{060C}', '\u{FE50}', '\u{FE10}', '\u{FE11}', '\u{2E41}', '\u{2E34}', '\u{2E32}',
    '\u{FF0C}',
];

/// `adWords`: a node whose whole text is one of these is an ad slot.
pub const AD_WORDS: &[&str] = &[
    "ad",
    "advertising",
    "advertisement",
    "pub",
    "publicité",
    "werb",
    "werbung",
    "广告",
    "реклама",
    "anuncio",
];

/// `loadingWords` (optionally followed by `…` or `...`).
pub const LOADING_WORDS: &[&str] = &["loading", "正在加载", "загрузка", "chargement", "cargando"];

/// Schema.org types whose JSON-LD describes an article (`jsonLdArticleTypes`).
/// Readability's regex anchors only its first alternative at the start and its last
/// at the end; see [`is_article_type`].
pub const JSONLD_ARTICLE_TYPES: &[&str] = &[
    "Article",
    "AdvertiserContentArticle",
    "NewsArticle",
    "AnalysisNewsArticle",
    "AskPublicNewsArticle",
    "BackgroundNewsArticle",
    "OpinionNewsArticle",
    "ReportageNewsArticle",
    "ReviewNewsArticle",
    "Report",
    "SatiricalArticle",
    "ScholarlyArticle",
    "MedicalScholarlyArticle",
    "SocialMediaPosting",
    "BlogPosting",
    "LiveBlogPosting",
    "DiscussionForumPosting",
    "TechArticle",
    "APIReference",
];

/// Title separators (`|`, `-`, en and em dashes, `\`, `/`, `>`, `»`).
pub const TITLE_SEPARATORS: &[char] = &['|', '-', '\u{2013}', '\u{2014}', '\\', '/', '>', '»'];

/// Separators that mark a hierarchy (`\`, `/`, `>`, `»`).
pub const TITLE_HIERARCHY_SEPARATORS: &[char] = &['\\', '/', '>', '»'];

/// `<meta property>` prefixes (`article|dc|dcterm|og|twitter`).
pub const META_PROPERTY_PREFIXES: &[&str] = &["article", "dc", "dcterm", "og", "twitter"];
/// `<meta property>` suffixes.
pub const META_PROPERTY_NAMES: &[&str] = &[
    "author",
    "creator",
    "description",
    "published_time",
    "title",
    "site_name",
];
/// `<meta name>` prefixes (`dc|dcterm|og|twitter|parsely|weibo:article|weibo:webpage`).
pub const META_NAME_PREFIXES: &[&str] = &[
    "dc",
    "dcterm",
    "og",
    "twitter",
    "parsely",
    "weibo:article",
    "weibo:webpage",
];
/// `<meta name>` suffixes.
pub const META_NAME_NAMES: &[&str] = &[
    "author",
    "creator",
    "pub-date",
    "description",
    "title",
    "site_name",
];

/// Extra publication-date `<meta name|property>` keys, tried after Readability's.
pub const META_DATE_KEYS: &[&str] = &[
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "article.published",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
];

/// Lead-image `<meta name|property>` keys, in order of preference.
pub const META_IMAGE_KEYS: &[&str] = &[
    "og:image",
    "og:image:url",
    "og:image:secure_url",
    "twitter:image",
    "twitter:image:src",
];

/// Block-level elements for plain-text rendering: each starts a paragraph.
pub const TEXT_BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "center",
    "dd",
    "details",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "caption",
    "ul",
];

/// Elements whose content never reaches the plain text.
pub const TEXT_SKIP_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "head", "title", "iframe", "embed", "svg", "math",
    "select", "button", "input", "textarea", "datalist", "dialog", "noembed", "noframes",
];

// ---- matchers -----------------------------------------------------------------

/// ASCII case-insensitive substring test (what a `/…/i` regex of ASCII literals
/// does: JavaScript folds no non-ASCII character onto ASCII).
pub fn contains_ci(hay: &str, needle: &str) -> bool {
    find_ci(hay, needle, 0).is_some()
}

/// Byte offset of the first ASCII case-insensitive match of `needle` at or after
/// `from`.
pub fn find_ci(hay: &str, needle: &str, from: usize) -> Option<usize> {
    let h = hay.as_bytes();
    let n = needle.as_bytes();
    let Some((&first, rest)) = n.split_first() else {
        return Some(from.min(h.len()));
    };
    if h.len() < n.len() {
        return None;
    }
    let first = first.to_ascii_lowercase();
    let last = h.len() - n.len();
    let mut i = from;
    while i <= last {
        if h[i].to_ascii_lowercase() == first && h[i + 1..i + n.len()].eq_ignore_ascii_case(rest) {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// A fixed list of needles for [`contains_any_ci`], with its lookup table (needle
/// indices chained by first byte, either case) built at compile time. The
/// needles are non-empty and fewer than 255: a list that is not fails to
/// compile. Non-ASCII needles match byte for byte (on UTF-8 a match starts at a
/// character boundary, since a needle starts with one).
pub struct CiSet<'a> {
    needles: &'a [&'a str],
    /// First needle per first byte, either case (`CI_NIL`: none).
    head: [u8; 256],
    /// Next needle with the same first byte.
    next: [u8; 256],
}

const CI_NIL: u8 = u8::MAX;

impl<'a> CiSet<'a> {
    pub const fn new(needles: &'a [&'a str]) -> CiSet<'a> {
        assert!(needles.len() < CI_NIL as usize, "CiSet: too many needles");
        let mut set = CiSet {
            needles,
            head: [CI_NIL; 256],
            next: [CI_NIL; 256],
        };
        let mut k = needles.len();
        while k > 0 {
            k -= 1;
            let b = needles[k].as_bytes();
            assert!(!b.is_empty(), "CiSet: needles are non-empty");
            let slot = b[0].to_ascii_lowercase() as usize;
            set.next[k] = set.head[slot];
            set.head[slot] = k as u8;
            // The upper-case byte shares the lower-case one's chain.
            set.head[b[0].to_ascii_uppercase() as usize] = k as u8;
        }
        set
    }
}

/// Does `hay` contain any of `set`'s needles (ASCII case-insensitive)? One pass
/// over `hay`; at each position only the needles starting with that byte are
/// tried.
pub fn contains_any_ci(hay: &str, set: &CiSet<'_>) -> bool {
    let h = hay.as_bytes();
    for i in 0..h.len() {
        let mut k = set.head[usize::from(h[i])];
        while k != CI_NIL {
            let nb = set.needles[usize::from(k)].as_bytes();
            if i + nb.len() <= h.len() && h[i + 1..i + nb.len()].eq_ignore_ascii_case(&nb[1..]) {
                return true;
            }
            k = set.next[usize::from(k)];
        }
    }
    false
}

/// Readability's `negative` regex on one class or id string.
pub fn is_negative(s: &str) -> bool {
    if contains_any_ci(s, &NEGATIVE) {
        return true;
    }
    // ^hid$ | hid$ | hid | ^hid : the token delimited by start/end or a space.
    let t = NEGATIVE_TOKEN;
    s.eq_ignore_ascii_case(t)
        || (s.len() > t.len() && {
            let b = s.as_bytes();
            let n = t.len();
            let starts = b[..n].eq_ignore_ascii_case(t.as_bytes()) && b[n] == b' ';
            let ends =
                b[b.len() - n..].eq_ignore_ascii_case(t.as_bytes()) && b[b.len() - n - 1] == b' ';
            starts || ends || contains_ci(s, " hid ")
        })
}

/// Readability's `positive` regex on one class or id string.
pub fn is_positive(s: &str) -> bool {
    contains_any_ci(s, &POSITIVE)
}

/// `shareElements`: `share` or `sharedaddy` not glued to a letter or digit on
/// either side (an underscore is allowed, as `(\b|_)` allows it).
pub fn is_share_match(s: &str) -> bool {
    let b = s.as_bytes();
    SHARE_WORDS.iter().any(|w| {
        let mut from = 0;
        while let Some(i) = find_ci(s, w, from) {
            let end = i + w.len();
            let before_ok = i == 0 || !b[i - 1].is_ascii_alphanumeric();
            let after_ok = end == b.len() || !b[end].is_ascii_alphanumeric();
            if before_ok && after_ok {
                return true;
            }
            from = i + 1;
        }
        false
    })
}

/// `videos`: an embed URL from a known video host.
pub fn is_video_url(s: &str) -> bool {
    let mut from = 0;
    while let Some(i) = find_ci(s, "//", from) {
        let rest = &s[i + 2..];
        let bare = if rest.len() >= 4 && rest.as_bytes()[..4].eq_ignore_ascii_case(b"www.") {
            &rest[4..]
        } else {
            rest
        };
        let host_at = |r: &str| {
            VIDEO_HOSTS.iter().any(|h| {
                r.len() >= h.len() && r.as_bytes()[..h.len()].eq_ignore_ascii_case(h.as_bytes())
            })
        };
        if host_at(bare) || host_at(rest) {
            return true;
        }
        from = i + 1;
    }
    false
}

/// `jsonLdArticleTypes`: `^Article`, any middle alternative anywhere, or
/// `APIReference$` (case-sensitive).
pub fn is_article_type(t: &str) -> bool {
    let n = JSONLD_ARTICLE_TYPES.len();
    JSONLD_ARTICLE_TYPES.iter().enumerate().any(|(i, name)| {
        if i == 0 {
            t.starts_with(name)
        } else if i == n - 1 {
            t.ends_with(name)
        } else {
            t.contains(name)
        }
    })
}

/// JavaScript's `\s` (and `String.prototype.trim`'s whitespace).
pub fn is_js_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{0B}' | '\u{0C}' | '\r' | ' ' | '\u{A0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200A}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202F}'
                | '\u{205F}'
                | '\u{3000}'
                | '\u{FEFF}'
    )
}

/// JavaScript's `String.prototype.trim`.
pub fn js_trim(s: &str) -> &str {
    s.trim_matches(is_js_space)
}

/// `adWords` / `loadingWords`: the whole text is an ad label or a loading notice.
pub fn is_ad_or_loading(text: &str) -> bool {
    let t = text.to_lowercase();
    if AD_WORDS.contains(&t.as_str()) {
        return true;
    }
    LOADING_WORDS.iter().any(|w| {
        t.strip_prefix(w)
            .is_some_and(|rest| rest.is_empty() || rest == "…" || rest == "...")
    })
}

/// Does an attribute value name an image file (`/\.(jpg|jpeg|png|webp)/i`)?
pub fn has_image_extension(v: &str) -> bool {
    contains_any_ci(v, &IMAGE_EXTENSIONS)
}

// ============================================================================
// Mirror verdict, clutter and attribution (clutter.rs, attribution.rs).
// Every list is lower case unless it says otherwise; text is matched with the
// helpers at the end of this section (ASCII case folding keeps byte offsets).
// ============================================================================

/// Elements that never render: skipped when measuring or reporting text.
pub const INVISIBLE_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "link", "meta", "title", "head", "base",
];

/// Block-level elements: text blocks end at their boundaries. Sorted by length,
/// then alphabetically: [`is_block_tag`]'s binary search compares lengths first
/// (most steps without a string compare).
pub const BLOCK_TAGS: &[&str] = &[
    "p",
    "dd",
    "dl",
    "dt",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "ol",
    "td",
    "th",
    "tr",
    "ul",
    "dir",
    "div",
    "nav",
    "pre",
    "body",
    "form",
    "main",
    "menu",
    "aside",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "center",
    "dialog",
    "figure",
    "footer",
    "header",
    "hgroup",
    "address",
    "article",
    "caption",
    "details",
    "section",
    "summary",
    "fieldset",
    "blockquote",
    "figcaption",
];

/// Is `tag` one of [`BLOCK_TAGS`]?
pub fn is_block_tag(tag: &str) -> bool {
    BLOCK_TAGS
        .binary_search_by(|t| t.len().cmp(&tag.len()).then_with(|| t.cmp(&tag)))
        .is_ok()
}

/// Elements whose text counts as an article paragraph when finding the article core.
pub const PARAGRAPH_TAGS: &[&str] = &["p", "pre", "blockquote", "td", "dd", "li"];

/// Media elements (an article's pictures, kept unless they sit in clutter).
pub const MEDIA_TAGS: &[&str] = &[
    "img", "picture", "video", "figure", "svg", "iframe", "audio",
];

/// Class/id words of regions that are never the article body (Readability's
/// `unlikelyCandidates`, reduced to whole words).
pub const UNLIKELY_WORDS: &[&str] = &[
    "banner",
    "breadcrumb",
    "breadcrumbs",
    "combx",
    "comment",
    "comments",
    "community",
    "disqus",
    "footer",
    "header",
    "legends",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "pagination",
    "pager",
    "popup",
    "widget",
    "nav",
    "navigation",
    "masthead",
    "colophon",
    "cookie",
    "newsletter",
    "share",
    "sharing",
    "recommended",
    "trending",
    "promo",
];

/// Class/id words that mark an article body (Readability's `okMaybeItsACandidate`
/// and `positive`).
pub const LIKELY_WORDS: &[&str] = &[
    "article", "body", "content", "entry", "hentry", "main", "page", "post", "text", "blog",
    "story",
];

/// Clutter kinds by class/id word: `(word, kind)`. A word matches a whole token of
/// the class or id (split at `-`, `_`, spaces and case changes) or, when it is 5
/// letters or more, the start of a token ("advertisement" matches "advert").
pub const CLUTTER_CLASS_WORDS: &[(&str, &str)] = &[
    ("cookie", "cookie_prompt"),
    ("cookies", "cookie_prompt"),
    ("consent", "cookie_prompt"),
    ("gdpr", "cookie_prompt"),
    ("newsletter", "newsletter_prompt"),
    ("subscribe", "newsletter_prompt"),
    ("subscription", "newsletter_prompt"),
    ("signup", "newsletter_prompt"),
    ("breadcrumb", "breadcrumb"),
    ("breadcrumbs", "breadcrumb"),
    ("crumbs", "breadcrumb"),
    ("share", "share_bar"),
    ("sharing", "share_bar"),
    ("sharer", "share_bar"),
    ("social", "share_bar"),
    ("sociallinks", "share_bar"),
    ("related", "related_list"),
    ("relatedposts", "related_list"),
    ("recommend", "related_list"),
    ("recommended", "related_list"),
    ("recommendation", "related_list"),
    ("recommendations", "related_list"),
    ("trending", "related_list"),
    ("popular", "related_list"),
    ("ranking", "related_list"),
    ("mostread", "related_list"),
    ("also", "related_list"),
    ("comment", "comments"),
    ("comments", "comments"),
    ("respond", "comments"),
    ("disqus", "comments"),
    ("replies", "comments"),
    ("ad", "ad"),
    ("ads", "ad"),
    ("advert", "ad"),
    ("adverts", "ad"),
    ("advertisement", "ad"),
    ("advertising", "ad"),
    ("adsbygoogle", "ad"),
    ("adslot", "ad"),
    ("adsense", "ad"),
    ("sponsor", "ad"),
    ("sponsored", "ad"),
    ("promo", "ad"),
    ("taboola", "ad"),
    ("outbrain", "ad"),
    ("dfp", "ad"),
    ("tags", "tag_list"),
    ("tag", "tag_list"),
    ("tagcloud", "tag_list"),
    ("taglist", "tag_list"),
    ("keywords", "tag_list"),
    ("categories", "tag_list"),
    ("vote", "vote_widget"),
    ("voting", "vote_widget"),
    ("rating", "vote_widget"),
    ("likes", "vote_widget"),
    ("byline", "byline"),
    ("author", "byline"),
    ("meta", "byline"),
    ("postmeta", "byline"),
    ("date", "date"),
    ("time", "date"),
    ("timestamp", "date"),
    ("posted", "date"),
    ("disclaimer", "disclaimer"),
    ("header", "site_header"),
    ("masthead", "site_header"),
    ("topbar", "site_header"),
    ("nav", "navigation"),
    ("navbar", "navigation"),
    ("navigation", "navigation"),
    ("menu", "navigation"),
    ("pagination", "navigation"),
    ("pager", "navigation"),
    ("sidebar", "sidebar"),
    ("widget", "sidebar"),
    ("aside", "sidebar"),
    ("rail", "sidebar"),
    ("footer", "site_footer"),
    ("colophon", "site_footer"),
    ("copyright", "site_footer"),
];

/// Clutter kinds by ARIA role.
pub const CLUTTER_ROLES: &[(&str, &str)] = &[
    ("banner", "site_header"),
    ("navigation", "navigation"),
    ("complementary", "sidebar"),
    ("contentinfo", "site_footer"),
    ("search", "navigation"),
    ("dialog", "popup"),
    ("alertdialog", "popup"),
];

/// Clutter kinds by tag name (for blocks outside the article).
pub const CLUTTER_TAGS: &[(&str, &str)] = &[
    ("header", "site_header"),
    ("nav", "navigation"),
    ("aside", "sidebar"),
    ("footer", "site_footer"),
    ("form", "form"),
    ("dialog", "popup"),
    ("iframe", "ad"),
    ("ins", "ad"),
];

/// Headings of link lists that are not the article: `(heading start, kind)`.
pub const LIST_HEADINGS: &[&str] = &[
    "related",
    "more from",
    "more news",
    "more articles",
    "read more",
    "recommended",
    "recommendation",
    "recommendations",
    "trending",
    "most popular",
    "most read",
    "popular",
    "ranking",
    "top stories",
    "latest",
    "recent posts",
    "recent articles",
    "editor's picks",
    "editors' picks",
    "don't miss",
    "also read",
    "see also",
    "hot news",
    "hot topics",
    "categories",
    "archives",
    "tags",
    "share this",
    "like this",
    "follow us",
    "newsletter",
    "subscribe",
];

/// Short text that is only an ad label.
pub const AD_LABELS: &[&str] = &[
    "advertisement",
    "advertising",
    "sponsored",
    "sponsored content",
    "ad",
    "ads",
    "promoted",
    "story continues below advertisement",
    "continue reading below",
    "anzeige",
    "publicité",
    "publicidad",
    "pubblicità",
    "reklama",
    "广告",
];

/// Starts of injected "read more" lines inside an article body.
pub const READ_MORE_PREFIXES: &[&str] = &[
    "read also",
    "read more",
    "also read",
    "see also",
    "related:",
    "related article",
    "related story",
    "related stories",
    "related news",
    "recommended:",
    "read next",
    "don't miss",
    "dont miss",
    "must read",
    "click here",
    "more:",
    "you may also like",
    "you might also like",
    "watch:",
    "also see",
    "check out",
    "read:",
    "related reading",
];

/// Starts of share bars / like widgets.
pub const SHARE_BAR_WORDS: &[&str] = &[
    "share",
    "tweet",
    "facebook",
    "whatsapp",
    "pinterest",
    "linkedin",
    "telegram",
    "email",
    "copy link",
    "reddit",
    "like this",
    "like loading",
];

/// Words of newsletter and cookie prompts.
pub const PROMPT_WORDS: &[(&str, &str)] = &[
    ("we use cookies", "cookie_prompt"),
    ("uses cookies", "cookie_prompt"),
    ("cookie policy", "cookie_prompt"),
    ("accept cookies", "cookie_prompt"),
    ("accept all", "cookie_prompt"),
    ("newsletter", "newsletter_prompt"),
    ("subscribe", "newsletter_prompt"),
    ("sign up", "newsletter_prompt"),
    ("your inbox", "newsletter_prompt"),
    ("your email", "newsletter_prompt"),
    ("don't miss out", "newsletter_prompt"),
];

/// Starts of byline / date / meta lines (lower case).
pub const META_LINE_PREFIXES: &[(&str, &str)] = &[
    ("by ", "byline"),
    ("posted on", "date"),
    ("posted by", "byline"),
    ("published", "date"),
    ("updated", "date"),
    ("date:", "date"),
    ("time:", "date"),
    ("author:", "byline"),
    ("written by", "byline"),
    ("source:", "byline"),
    ("views", "byline"),
];

/// Starts of tag lists.
pub const TAG_LIST_PREFIXES: &[&str] = &[
    "tags:",
    "tags",
    "tagged",
    "tagged with",
    "in:",
    "filed under",
    "posted in",
    "categories:",
    "category:",
    "topics:",
    "keywords:",
];

/// Words of site-footer lines.
pub const FOOTER_WORDS: &[&str] = &[
    "©",
    "copyright",
    "all rights reserved",
    "powered by",
    "privacy policy",
    "terms of use",
    "terms of service",
    "contact us",
    "about us",
];

// ---- mirror template fingerprints ------------------------------------------
// Machine-translated CMS templates (see shared/mirrors/README.md: a Chinese
// template rendered as "Current:Home > …", "Date:…", "veryGood! (N)",
// "Related / Ranking / Recommendation").

/// Lead-ins of machine-translated breadcrumbs ("当前位置：首页 >").
pub const MT_BREADCRUMB_LEADINS: &[&str] = &[
    "current:",
    "current location:",
    "current position:",
    "your current location:",
    "your location:",
    "your position:",
    "location:",
    "position:",
    "当前位置",
    "您的位置",
    "您现在的位置",
    "所在位置",
];

/// Labels of machine-translated date lines ("时间：").
pub const MT_DATE_LABELS: &[&str] = &[
    "date:",
    "time:",
    "release time:",
    "publish time:",
    "posted:",
    "时间：",
    "时间:",
    "发布时间",
    "更新时间",
];

/// Words of vote widgets ("顶 (N)" → "veryGood! (N)").
pub const VOTE_WORDS: &[&str] = &[
    "verygood", "good", "bad", "like", "likes", "dislike", "vote", "votes", "useful", "helpful",
    "upvote", "downvote", "dig", "digg", "top", "顶", "赞", "踩",
];

/// Headings of the ranking / recommendation lists of machine-translated templates
/// ("排行" / "推荐"): both present are a fingerprint.
pub const MT_RANKING_HEADINGS: &[&str] = &["ranking", "rankings", "排行", "排行榜"];
pub const MT_RECOMMEND_HEADINGS: &[&str] = &["recommendation", "recommendations", "推荐"];

/// Scraper disclaimers: a block holding a phrase of each list ("collected from the
/// internet" + "please contact us and it will be removed").
pub static SCRAPER_SOURCE_CUES: CiSet<'static> = CiSet::new(&[
    "collected from the internet",
    "collected from internet",
    "collected from the web",
    "collected from the network",
    "from the internet",
    "from the network",
    "from internet",
    "reproduced from",
    "reprinted from",
    "belongs to the original author",
    "belong to the original author",
    "belongs to the original",
    "copyright belongs to",
    "来源于网络",
    "来自网络",
    "来源于互联网",
    "来自互联网",
    "转载",
]);
pub static SCRAPER_TAKEDOWN_CUES: CiSet<'static> = CiSet::new(&[
    "infringe",
    "infringes",
    "infringement",
    "infringing",
    "will be removed",
    "will be deleted",
    "to delete",
    "for deletion",
    "be removed",
    "delete it",
    "removed immediately",
    "侵权",
    "删除",
]);

// ---- republication notices (attribution signal 2) ---------------------------

/// "The post … appeared first on …" (WordPress/Yoast feed footers).
pub const APPEARED_FIRST_ON: &[&str] = &["appeared first on", "first appeared on"];

/// "This article originally appeared on/in …".
pub const ORIGINALLY_CUES: &[&str] = &[
    "originally appeared on",
    "originally appeared in",
    "originally appeared at",
    "originally published on",
    "originally published in",
    "originally published at",
    "originally published by",
    "was first published on",
    "was first published in",
    "first published on",
    "first published in",
    "first published by",
    "republished from",
    "reprinted from",
    "reposted from",
    "cross-posted from",
    "crossposted from",
    "republished with permission from",
    "reprinted with permission from",
    "republished with permission of",
];

/// Labels of source credits at the end of a copied article.
pub const SOURCE_LABELS: &[&str] = &[
    "source:",
    "sources:",
    "source :",
    "source link",
    "go to source",
    "original source:",
    "original source",
    "original article:",
    "original article",
    "original:",
    "via:",
    "read the original",
    "read original",
    "read the full article",
    "read full article",
    "read more at",
    "continue reading at",
    "continue reading on",
    "来源：",
    "来源:",
    "转载自",
    "出处：",
    "原文：",
    "原文链接",
];

/// Labels autoblog plugins put on their link back to the copied article.
pub const AUTOBLOG_SOURCE_LABELS: &[&str] = &[
    "source link",
    "go to source",
    "read the original",
    "read original",
    "original article",
    "view original",
    "original post",
];

/// Paths of questions, answers and wiki pages on user-content platforms.
pub const QA_PATHS: &[&str] = &["/questions/", "/q/", "/a/", "/answers/"];

/// CC BY-SA notices that Q&A clones carry over.
pub const CC_BY_SA_CUES: &[&str] = &[
    "cc by-sa",
    "cc-by-sa",
    "creative commons attribution-sharealike",
    "creative commons attribution-share alike",
];

// ---- licensed syndication ----------------------------------------------------

/// Licence and provider credits: a page that shows one ran the story under licence.
pub const LICENCE_CUES: &[&str] = &[
    "may not be published, broadcast, rewritten or redistributed",
    "may not be published, broadcast, rewritten, or redistributed",
    "may not be reproduced",
    "distributed by",
    "provided by",
    "content provided by",
    "licensed from",
    "used with permission",
    "used under license",
    "used under licence",
    "reprinted with permission",
    "republished with permission",
    "published with permission",
    "via tribune content agency",
    "syndication partner",
    "under a creative commons",
];

/// Copyright markers (followed by a year and a holder).
pub const COPYRIGHT_CUES: &[&str] = &["copyright", "©", "(c)"];

// ---- outlet mentions (attribution signals 3 and 4) ---------------------------

/// Words just before an outlet's name that make it a quoted source, not the
/// publisher ("according to Reuters").
pub const QUOTE_BEFORE: &[&str] = &[
    "according to",
    "told",
    "reported by",
    "cited by",
    "quoted by",
    "interview with",
    "reviewed by",
    "obtained by",
    "per",
    "via",
    "statement to",
    "speaking to",
    "spoke to",
    "speaking with",
    "spoke with",
    "wrote in",
    "published by",
    "reported to",
    "report by",
    "reporting by",
    "reports from",
    "writing in",
    "op-ed in",
    "article in",
    "appeared on",
    "appearance on",
    "said on",
    "sued",
    "suing",
    "against",
    "versus",
    "vs",
];

/// Words just before an outlet's name that make a bare mention incidental
/// ("on CNN", "to the BBC"): such mentions add nothing.
pub const MENTION_SKIP_BEFORE: &[&str] = &[
    "on", "in", "to", "with", "by", "from", "for", "at", "and", "or", "like", "than", "of", "the",
    "about", "watch", "watching", "join", "joined", "left", "former", "ex",
];

/// Words just after an outlet's name that make it a quoted source.
pub const QUOTE_AFTER: &[&str] = &[
    "reported",
    "reports",
    "said",
    "says",
    "first reported",
    "has reported",
    "has learned",
    "'s report",
    "’s report",
    "was first",
    "noted",
    "wrote",
    "published",
    "reviewed",
    "obtained",
    "learned",
    "confirmed",
    "cited",
    "quoted",
    "found",
    "revealed",
    "asked",
    "analysis",
    "poll",
    "survey",
    "investigation",
];

/// Staff roles: "<Outlet> senior foreign correspondent <Name>".
pub const STAFF_ROLES: &[&str] = &[
    "correspondent",
    "correspondents",
    "reporter",
    "reporters",
    "contributor",
    "anchor",
    "producer",
    "editor",
    "analyst",
    "writer",
    "photographer",
    "columnist",
    "journalist",
    "meteorologist",
    "host",
    "bureau chief",
    "staff",
];

/// Words allowed between an outlet's name and a staff role.
pub const STAFF_MODIFIERS: &[&str] = &[
    "senior",
    "chief",
    "foreign",
    "national",
    "political",
    "white",
    "house",
    "legal",
    "investigative",
    "business",
    "special",
    "international",
    "global",
    "medical",
    "consumer",
    "washington",
    "congressional",
    "economics",
    "economic",
    "security",
    "justice",
    "science",
    "technology",
    "tech",
    "health",
    "environment",
    "climate",
    "correspondent",
    "news",
    "digital",
    "contributing",
    "chief",
    "capitol",
    "hill",
    "pentagon",
    "world",
    "affairs",
    "intelligence",
    "sports",
    "entertainment",
    "weather",
    "senior",
    "europe",
    "asia",
    "middle",
    "east",
    "africa",
    "america",
    "london",
    "moscow",
    "beijing",
    "seoul",
    "tokyo",
    "paris",
    "staff",
];

/// Prefixes of photo/image credits.
pub const PHOTO_CREDIT_CUES: &[&str] = &[
    "photo by",
    "photo:",
    "photos:",
    "photograph:",
    "image:",
    "images:",
    "picture:",
    "credit:",
    "credits:",
    "photo credit:",
    "image credit:",
    "illustration by",
    "©",
];

/// Dashes used in datelines ("SEOUL (AP) —").
pub const DATELINE_DASHES: &[&str] = &["—", "–", "--", "-", "―", "‒"];

// ---- matching helpers -------------------------------------------------------

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Is `hay[start..end]` delimited by non-word characters (where the needle's own
/// edge is a word character)?
pub fn at_word_boundary(hay: &str, start: usize, end: usize) -> bool {
    let needle = &hay[start..end];
    let first_is_word = needle.chars().next().is_some_and(is_word_char);
    let last_is_word = needle.chars().next_back().is_some_and(is_word_char);
    let before_ok = !first_is_word
        || hay[..start]
            .chars()
            .next_back()
            .is_none_or(|c| !is_word_char(c));
    let after_ok = !last_is_word || hay[end..].chars().next().is_none_or(|c| !is_word_char(c));
    before_ok && after_ok
}

/// Byte offsets of whole-word occurrences of `needle` in `hay` (exact case).
pub fn word_positions(hay: &str, needle: &str) -> Vec<usize> {
    let mut out = Vec::new();
    if needle.is_empty() {
        return out;
    }
    let mut from = 0;
    while let Some(i) = find_bytes(&hay.as_bytes()[from..], needle.as_bytes()) {
        let s = from + i;
        let e = s + needle.len();
        if at_word_boundary(hay, s, e) {
            out.push(s);
        }
        from = s + needle.len().max(1);
        while from < hay.len() && !hay.is_char_boundary(from) {
            from += 1;
        }
        if from >= hay.len() {
            break;
        }
    }
    out
}

/// `hay.find(needle)` for a word-list needle: the same leftmost match, without
/// building a `str::find` searcher per call (see [`find_bytes`]).
pub fn find_str(hay: &str, needle: &str) -> Option<usize> {
    if needle.is_empty() {
        return Some(0);
    }
    find_bytes(hay.as_bytes(), needle.as_bytes())
}

/// The first position of `needle` in `hay` (byte-wise; on UTF-8 text a match
/// always starts at a character boundary). For the short texts and needles of
/// the word lists a plain scan beats building a `str::find` searcher per call.
fn find_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    let (&first, rest) = needle.split_first()?;
    let last_start = hay.len().checked_sub(needle.len())?;
    let mut i = 0;
    while i <= last_start {
        let off = hay[i..=last_start].iter().position(|&b| b == first)?;
        let s = i + off;
        if hay[s + 1..s + needle.len()] == *rest {
            return Some(s);
        }
        i = s + 1;
    }
    None
}

/// Does `lower` (already ASCII-lower-cased) contain `needle` as whole words?
pub fn has_phrase(lower: &str, needle: &str) -> bool {
    !word_positions(lower, needle).is_empty()
}

/// The first of `list` that `lower` contains as whole words.
pub fn find_any<'a>(lower: &str, list: &[&'a str]) -> Option<&'a str> {
    list.iter().copied().find(|n| has_phrase(lower, n))
}

/// The first of `list` that `lower` starts with (on a word boundary).
pub fn starts_with_any<'a>(lower: &str, list: &[&'a str]) -> Option<&'a str> {
    list.iter()
        .copied()
        .find(|n| lower.starts_with(n) && at_word_boundary(lower, 0, n.len()))
}

/// The stop-heading phrase `lower` (a lower-cased heading) starts with:
/// a section `expand` cuts from every page.
pub fn stop_heading(lower: &str) -> Option<&'static str> {
    starts_with_any(lower, EXPAND_STOP_HEADINGS)
        .or_else(|| starts_with_any(lower, NOT_CONTENT_HEADINGS))
}

/// The list-heading phrase `lower` (a lower-cased heading) starts with: a
/// box `clutter` reports (related, share, comments, newsletter).
pub fn list_heading(lower: &str) -> Option<&'static str> {
    starts_with_any(lower, LIST_HEADINGS).or_else(|| starts_with_any(lower, NOT_CONTENT_HEADINGS))
}

/// [`collapse_ws`] of a text given in pieces, built as they come (no copy of
/// the whole text first): `push` the pieces, then take `out`.
#[derive(Default)]
pub struct Collapser {
    pub out: String,
    /// Whitespace seen since the last word.
    gap: bool,
}

impl Collapser {
    pub fn push(&mut self, piece: &str) {
        for (i, run) in piece.split(char::is_whitespace).enumerate() {
            self.gap |= i > 0;
            if run.is_empty() {
                continue;
            }
            if self.gap && !self.out.is_empty() {
                self.out.push(' ');
            }
            self.gap = false;
            self.out.push_str(run);
        }
    }
}

/// Whitespace collapsed to single spaces, trimmed.
pub fn collapse_ws(s: &str) -> String {
    let mut c = Collapser {
        out: String::with_capacity(s.len()),
        gap: false,
    };
    c.push(s);
    c.out
}

/// Call `f` with each word of a class or id value in turn until it answers
/// true; whether it did. The words are lower case, split at spaces, `-`, `_`,
/// digits and lower→upper case changes ("postMeta" → "post", "meta").
pub fn any_class_word(s: &str, mut f: impl FnMut(&str) -> bool) -> bool {
    if s.is_ascii() {
        // The common case, by bytes: a word without capitals is passed as is.
        let b = s.as_bytes();
        let mut lower = String::new();
        let mut i = 0;
        while i < b.len() {
            if !b[i].is_ascii_alphabetic() {
                i += 1;
                continue;
            }
            let start = i;
            i += 1;
            while i < b.len()
                && b[i].is_ascii_alphabetic()
                && !(b[i].is_ascii_uppercase() && b[i - 1].is_ascii_lowercase())
            {
                i += 1;
            }
            let word = &s[start..i];
            let hit = if word.bytes().any(|c| c.is_ascii_uppercase()) {
                lower.clear();
                lower.push_str(word);
                lower.make_ascii_lowercase();
                f(&lower)
            } else {
                f(word)
            };
            if hit {
                return true;
            }
        }
        return false;
    }
    let mut cur = String::new();
    let mut prev_lower = false;
    for c in s.chars() {
        if !c.is_alphabetic() {
            if !cur.is_empty() {
                if f(&cur) {
                    return true;
                }
                cur.clear();
            }
            prev_lower = false;
            continue;
        }
        if c.is_uppercase() && prev_lower && !cur.is_empty() {
            if f(&cur) {
                return true;
            }
            cur.clear();
        }
        prev_lower = c.is_lowercase();
        if c.is_ascii() {
            cur.push(c.to_ascii_lowercase());
        } else {
            cur.extend(c.to_lowercase());
        }
    }
    !cur.is_empty() && f(&cur)
}

/// Does the class/id token `token` match the listed `word` (the whole token; or
/// its start when the word has 5+ letters)?
pub fn word_matches(token: &str, word: &str) -> bool {
    token == word || (word.len() >= 5 && token.starts_with(word))
}

/// Form elements: text only inside these (labels, buttons) is not an article.
pub const FORM_TAGS: &[&str] = &[
    "form", "label", "button", "input", "select", "option", "textarea", "fieldset", "legend",
];

/// Class prefix naming a code block's language (`language-rust`): kept through
/// class cleaning so exports can label fenced code.
pub const CODE_LANGUAGE_CLASS_PREFIX: &str = "language-";

#[cfg(test)]
mod match_tests {
    use super::*;

    #[test]
    fn word_boundaries() {
        assert_eq!(word_positions("AP said (AP) — map", "AP"), vec![0, 9]);
        assert!(word_positions("snap apps", "ap").is_empty());
        assert!(has_phrase("source: the ap", "source:"));
        assert_eq!(
            starts_with_any("read also: x", READ_MORE_PREFIXES),
            Some("read also")
        );
        assert_eq!(starts_with_any("readable", &["read"]), None);
    }

    #[test]
    fn block_tags_sorted() {
        assert!(BLOCK_TAGS
            .windows(2)
            .all(|w| (w[0].len(), w[0]) < (w[1].len(), w[1])));
        assert!(is_block_tag("div") && is_block_tag("ul") && !is_block_tag("span"));
    }

    fn class_words(s: &str) -> Vec<String> {
        let mut out = Vec::new();
        any_class_word(s, |w| {
            out.push(w.to_string());
            false
        });
        out
    }

    #[test]
    fn class_word_split() {
        assert_eq!(
            class_words("site-header postMeta ad_slot2"),
            vec!["site", "header", "post", "meta", "ad", "slot"]
        );
        assert_eq!(class_words("ÉtéNews x"), vec!["été", "news", "x"]);
        assert_eq!(
            class_words("ABCDef HTMLParser xY Zz"),
            vec!["abcdef", "htmlparser", "x", "y", "zz"]
        );
        assert_eq!(class_words("ABCDéf xÉ"), vec!["abcdéf", "x", "é"]);
    }

    #[test]
    fn collapser_is_collapse_ws_of_the_concatenation() {
        let cases: &[&[&str]] = &[
            &["foo", "bar"],
            &[" foo ", " bar "],
            &["", "  ", "a\u{a0}b", "\n"],
            &["a", " ", "b"],
            &["  lead", "trail  ", "", "x"],
            &[],
        ];
        for pieces in cases {
            let mut c = Collapser::default();
            for p in *pieces {
                c.push(p);
            }
            // (collapse_ws is a Collapser: the reference is built independently.)
            let whole = pieces.concat();
            let reference = whole.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(c.out, reference, "{pieces:?}");
            assert_eq!(collapse_ws(&whole), reference, "{pieces:?}");
        }
        assert!(class_words(" -_9 ").is_empty());
        // The walk stops at the first word the visitor accepts.
        let mut seen = Vec::new();
        assert!(any_class_word("one two three", |w| {
            seen.push(w.to_string());
            w == "two"
        }));
        assert_eq!(seen, ["one", "two"]);
        assert!(class_words("advertisement-box")
            .iter()
            .any(|t| word_matches(t, "advert")));
        assert!(!class_words("shadow").iter().any(|t| word_matches(t, "ad")));
        assert!(!word_matches("adverts", "ad") && word_matches("ad", "ad"));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matchers() {
        assert!(contains_any_ci("main-Sidebar", &UNLIKELY_CANDIDATES));
        assert!(contains_any_ci("x-AD-y", &UNLIKELY_CANDIDATES));
        assert!(!contains_any_ci("article-body", &UNLIKELY_CANDIDATES));
        assert!(contains_any_ci("AuthorName", &BYLINE));
        assert!(!contains_any_ci("", &BYLINE));
        assert!(!contains_any_ci("é-autho", &BYLINE));
        // Non-ASCII needles match byte for byte, anywhere in the text.
        assert!(contains_any_ci(
            "本文来源于网络，如有侵权请联系",
            &SCRAPER_SOURCE_CUES
        ));
        assert!(contains_any_ci(
            "本文来源于网络，如有侵权请联系",
            &SCRAPER_TAKEDOWN_CUES
        ));
        assert!(!contains_any_ci("本文来源于", &SCRAPER_SOURCE_CUES));
        assert!(contains_any_ci(
            "Reprinted From the Times",
            &SCRAPER_SOURCE_CUES
        ));
        assert!(is_negative("hid"));
        assert!(is_negative("a hid"));
        assert!(is_negative("hid b"));
        assert!(is_negative("a hid b"));
        assert!(!is_negative("hidx"));
        assert!(is_share_match("post_share"));
        assert!(is_share_match("share-buttons"));
        assert!(is_share_match("sharedaddy"));
        assert!(!is_share_match("shared"));
        assert!(!is_share_match("timeshare"));
        assert!(is_video_url("https://www.youtube.com/embed/x"));
        assert!(is_video_url("//player.vimeo.com/video/1"));
        assert!(!is_video_url("https://example.com/youtube.com"));
        assert!(is_ad_or_loading("Advertisement"));
        assert!(is_ad_or_loading("Loading…"));
        assert!(is_ad_or_loading("Реклама"));
        assert!(!is_ad_or_loading("Loading the truck"));
        assert_eq!(js_trim("\u{a0} x \u{feff}"), "x");
    }
}
