//! Every word list, tag list and pattern any heuristic uses, defined once.
//! Matching helpers are plain substring/word scans: no regex engine in the wasm.

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
    "plaintext",
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
