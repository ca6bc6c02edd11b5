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
/// documents, forms' controls, document metadata, foreign (SVG/MathML) content.
/// Any other tag that is not allowlisted is unwrapped (its text is kept).
pub const DROPPED_TAGS: &[&str] = &[
    "applet", "area", "audio", "base", "basefont", "bgsound", "button", "canvas", "datalist",
    "dialog", "embed", "frame", "frameset", "head", "iframe", "input", "keygen", "link", "map",
    "math", "meta", "meter", "noembed", "noframes", "noscript", "object", "optgroup", "option",
    "output", "param", "portal", "progress", "script", "select", "style", "svg", "template",
    "textarea", "title", "track", "video",
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

/// Does `hay` contain `needle`, ignoring ASCII case?
pub fn contains_ci(hay: &str, needle: &str) -> bool {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    if n.is_empty() {
        return true;
    }
    h.windows(n.len()).any(|w| w.eq_ignore_ascii_case(n))
}

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
