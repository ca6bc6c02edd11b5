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

// ============================================================================
// Mirror verdict, clutter and attribution (clutter.rs, attribution.rs).
// Every list is lower case unless it says otherwise; text is matched with the
// helpers at the end of this section (ASCII case folding keeps byte offsets).
// ============================================================================

/// Elements that never render: skipped when measuring or reporting text.
pub const INVISIBLE_TAGS: &[&str] = &[
    "script", "style", "noscript", "template", "link", "meta", "title", "head", "base",
];

/// Block-level elements: text blocks end at their boundaries. Sorted (binary
/// search in [`is_block_tag`]).
pub const BLOCK_TAGS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
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
    "tbody",
    "td",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
];

/// Is `tag` one of [`BLOCK_TAGS`]?
pub fn is_block_tag(tag: &str) -> bool {
    BLOCK_TAGS.binary_search(&tag).is_ok()
}

/// Elements whose text counts as an article paragraph when finding the article core.
pub const PARAGRAPH_TAGS: &[&str] = &["p", "pre", "blockquote", "td", "dd", "li"];

/// Media elements (an article's pictures, kept unless they sit in clutter).
pub const MEDIA_TAGS: &[&str] = &[
    "img", "picture", "video", "figure", "svg", "iframe", "audio",
];

/// Heading elements.
pub const HEADING_TAGS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6"];

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
    "you may also like",
    "you might also like",
    "you may like",
    "more from",
    "more stories",
    "more news",
    "more articles",
    "read more",
    "read next",
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
    "leave a reply",
    "leave a comment",
    "comments",
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
pub const SHARE_WORDS: &[&str] = &[
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
    "verygood", "good", "like", "likes", "vote", "votes", "useful", "helpful", "upvote", "dig",
    "digg", "top", "顶", "赞", "踩",
];

/// Headings of the ranking / recommendation lists of machine-translated templates
/// ("排行" / "推荐"): both present are a fingerprint.
pub const MT_RANKING_HEADINGS: &[&str] = &["ranking", "rankings", "排行", "排行榜"];
pub const MT_RECOMMEND_HEADINGS: &[&str] = &["recommendation", "recommendations", "推荐"];

/// Scraper disclaimers: a block holding a phrase of each list ("collected from the
/// internet" + "please contact us and it will be removed").
pub const SCRAPER_SOURCE_CUES: &[&str] = &[
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
];
pub const SCRAPER_TAKEDOWN_CUES: &[&str] = &[
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
];

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
    while let Some(i) = hay[from..].find(needle) {
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

/// Whitespace collapsed to single spaces, trimmed.
pub fn collapse_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

/// Split a class or id value into lower-case words: at spaces, `-`, `_`, digits
/// and lower→upper case changes ("postMeta" → "post", "meta").
pub fn class_words(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for c in s.chars() {
        if !c.is_alphabetic() {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            prev_lower = false;
            continue;
        }
        if c.is_uppercase() && prev_lower && !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
        prev_lower = c.is_lowercase();
        cur.extend(c.to_lowercase());
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// Does a class/id word list contain `word` (whole token; or token prefix when the
/// word has 5+ letters)?
pub fn words_contain(words: &[String], word: &str) -> bool {
    words
        .iter()
        .any(|w| w == word || (word.len() >= 5 && w.starts_with(word)))
}

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
        assert!(BLOCK_TAGS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_block_tag("div") && is_block_tag("ul") && !is_block_tag("span"));
    }

    #[test]
    fn class_word_split() {
        assert_eq!(
            class_words("site-header postMeta ad_slot2"),
            vec!["site", "header", "post", "meta", "ad", "slot"]
        );
        assert!(words_contain(&class_words("advertisement-box"), "advert"));
        assert!(!words_contain(&class_words("shadow"), "ad"));
    }
}
