//! Every numeric threshold of every stage, named and defined once.
//! Stages import from here; no stage keeps a magic number of its own.

// ---- limits (parse) ---------------------------------------------------------

/// Chromium's HTML parser stops nesting at 512 levels; we flatten at the same depth.
pub const MAX_DEPTH: usize = 512;
/// Pages with more elements than this are refused before the tree is built.
pub const MAX_ELEMENTS: usize = 600_000;
/// Pages larger than this are refused (64 MiB).
pub const MAX_BYTES: usize = 64 * 1024 * 1024;
/// Attributes kept per element; html5ever de-duplicates attributes in quadratic time.
pub const MAX_ATTRS_PER_ELEMENT: usize = 256;
/// Distinct attribute sets of formatting elements (`<b class=..>`, `<font ..>`)
/// kept; later new ones lose their attributes. Bounds how many elements the
/// parser re-creates per block (at most three identical ones each).
pub const MAX_FORMATTING_VARIANTS: usize = 16;
/// The tree builder may create at most this many times `max_elements` elements
/// (implied and re-created ones included) before the page is refused.
pub const TREE_ELEMENT_BUDGET_FACTOR: usize = 2;
/// The parser is fed this many bytes at a time, so the element budget is
/// checked often.
pub const PARSE_CHUNK_BYTES: usize = 4096;

// ---- extraction (Readability.js defaults) -----------------------------------

/// Readability's `DEFAULT_CHAR_THRESHOLD`.
pub const CHAR_THRESHOLD: usize = 500;
/// Readability's `DEFAULT_N_TOP_CANDIDATES`.
pub const NB_TOP_CANDIDATES: usize = 5;

/// Paragraphs shorter than this (chars of normalised text) are not scored.
pub const MIN_PARAGRAPH_LEN: usize = 25;
/// How many ancestors a paragraph's score is given to.
pub const SCORE_ANCESTOR_LEVELS: usize = 5;
/// A paragraph earns a point per this many chars...
pub const LENGTH_BONUS_CHARS: usize = 100;
/// ...up to this many points.
pub const LENGTH_BONUS_MAX: usize = 3;
/// Class/id weight of one positive or negative match.
pub const CLASS_WEIGHT: i32 = 25;
/// Initial score of a `<div>`.
pub const SCORE_DIV: f64 = 5.0;
/// Initial score of `<pre>`, `<td>`, `<blockquote>`.
pub const SCORE_PRE_TD_BLOCKQUOTE: f64 = 3.0;
/// Initial score of lists, list items, `<address>`, `<form>`.
pub const SCORE_LIST_FORM: f64 = -3.0;
/// Initial score of headings and `<th>`.
pub const SCORE_HEADING: f64 = -5.0;
/// Links whose `href` is a fragment (`#x`) count this much towards link density.
pub const HASH_LINK_WEIGHT: f64 = 0.3;
/// A `<div>` holding one `<p>` becomes that `<p>` below this link density.
pub const DIV_SINGLE_P_MAX_LINK_DENSITY: f64 = 0.25;
/// Top candidates whose score is at least this share of the best one vote for a
/// common ancestor.
pub const ALTERNATIVE_CANDIDATE_RATIO: f64 = 0.75;
/// Votes a common ancestor needs to become the top candidate.
pub const MIN_ALTERNATIVE_CANDIDATES: usize = 3;
/// A parent whose score falls below the top score divided by this stops the climb.
pub const PARENT_SCORE_DIVISOR: f64 = 3.0;
/// Siblings need at least this score...
pub const SIBLING_SCORE_MIN: f64 = 10.0;
/// ...or this share of the top candidate's score.
pub const SIBLING_SCORE_RATIO: f64 = 0.2;
/// Bonus (share of the top score) for siblings with the top candidate's class.
pub const SIBLING_CLASS_BONUS_RATIO: f64 = 0.2;
/// Sibling paragraphs longer than this are kept below [`SIBLING_P_MAX_LINK_DENSITY`].
pub const SIBLING_P_LONG: usize = 80;
/// Link density limit for long sibling paragraphs.
pub const SIBLING_P_MAX_LINK_DENSITY: f64 = 0.25;
/// Bylines are shorter than this (chars).
pub const BYLINE_MAX_LEN: usize = 100;
/// Texts this similar (Readability's `_textSimilarity`) count as the same title.
pub const TITLE_SIMILARITY: f64 = 0.75;
/// Elements matching the share pattern are removed below this text length.
pub const SHARE_ELEMENT_MAX_LEN: usize = 500;
/// Ancestors looked at by `_hasAncestorTag` by default.
pub const ANCESTOR_TAG_DEPTH: usize = 3;

// ---- conditional cleaning (`_cleanConditionally`) ---------------------------

/// Elements with at least this many commas are kept.
pub const CLEAN_MIN_COMMAS: usize = 10;
/// `<li>` count allowance before lists look suspicious.
pub const CLEAN_LI_ALLOWANCE: i64 = 100;
/// Text in lists above this share makes an element a list.
pub const CLEAN_LIST_TEXT_RATIO: f64 = 0.9;
/// Paragraph-to-image ratio below which images dominate.
pub const CLEAN_MIN_P_PER_IMG: f64 = 0.5;
/// One input per this many paragraphs is tolerated.
pub const CLEAN_P_PER_INPUT: usize = 3;
/// Text shorter than this is suspiciously short.
pub const CLEAN_SHORT_TEXT: usize = 25;
/// Heading share of the text that excuses short text.
pub const CLEAN_HEADING_DENSITY: f64 = 0.9;
/// Link density limit for elements of low class weight.
pub const CLEAN_LOW_WEIGHT_LINK_DENSITY: f64 = 0.2;
/// Link density limit for elements of high class weight.
pub const CLEAN_HIGH_WEIGHT_LINK_DENSITY: f64 = 0.5;
/// A single embed needs this much text around it.
pub const CLEAN_EMBED_MIN_TEXT: usize = 75;
/// More images than this make a short element suspicious.
pub const CLEAN_SHORT_MAX_IMG: usize = 2;

// ---- data tables (`_markDataTables`) -----------------------------------------

/// Tables with at least this many rows are data tables.
pub const DATA_TABLE_MIN_ROWS: usize = 10;
/// Tables with more columns than this are data tables.
pub const DATA_TABLE_MAX_LAYOUT_COLUMNS: usize = 4;
/// Tables with more cells than this are data tables.
pub const DATA_TABLE_MIN_CELLS: usize = 10;

// ---- titles (`_getArticleTitle`) --------------------------------------------

/// Titles longer than this (chars) fall back to the page's only `<h1>`.
pub const TITLE_MAX_LEN: usize = 150;
/// Titles shorter than this (chars) fall back to the page's only `<h1>`.
pub const TITLE_MIN_LEN: usize = 15;
/// A title cut at a separator needs at least this many words.
pub const TITLE_MIN_WORDS_AFTER_CUT: usize = 3;
/// More words than this before a colon keep the whole title.
pub const TITLE_MAX_WORDS_BEFORE_COLON: usize = 5;
/// Titles of this many words or fewer fall back to the original title.
pub const TITLE_SHORT_WORDS: usize = 4;
/// A mirror-site brand suffix (` -Brand Name`) has at most this many words.
pub const BRAND_SUFFIX_MAX_WORDS: usize = 4;
/// The headline left after removing a brand suffix keeps at least this many words.
pub const BRAND_SUFFIX_MIN_HEAD_WORDS: usize = 2;

// ---- links (lazy images) -----------------------------------------------------

/// A base64 `data:` image source shorter than this (payload chars) is a
/// placeholder when another attribute names a real image (Readability: "less than
/// 100 bytes (or 133 after encoded to base64)").
pub const PLACEHOLDER_DATA_URL_CHARS: usize = 133;
/// `srcset` candidates kept (real ones have a handful; the rest is ignored).
pub const MAX_SRCSET_CANDIDATES: usize = 32;
/// The page's `<main>` region replaces Readability's article when its visible
/// text is at least this many times the article's (`widen`).
pub const WIDEN_MIN_RATIO: f64 = 3.0;
/// A form inside a widened region is kept when it holds this much visible
/// text (posts in a moderation form), else dropped as furniture.
pub const WIDEN_FORM_CONTENT_CHARS: usize = 500;
/// Furniture-named elements of a widened region are dropped when they hold
/// at most this share of its text (`expand::drop_unlikely`).
pub const WIDEN_UNLIKELY_MAX_SHARE: f64 = 0.5;
/// Repeated items (`widen::repeated_group`): ancestors of Readability's pick
/// looked at…
pub const REPEAT_MAX_LEVELS: usize = 4;
/// … the alike siblings needed (the pick included)…
pub const REPEAT_MIN_ITEMS: usize = 3;
/// … the group's text against the pick's…
pub const REPEAT_MIN_RATIO: f64 = 2.0;
/// … and the group's link text share, below which it is content.
pub const REPEAT_MAX_LINK_DENSITY: f64 = 0.5;
/// … unless this share of the items hold a heading (titled cards).
pub const REPEAT_TITLED_SHARE: f64 = 0.75;
/// Alike items that are not siblings (`widen::alike_region`) hold at least
/// this share of the region holding them all.
pub const ALIKE_MIN_ITEM_SHARE: f64 = 0.5;
/// Expansion (`expand`): a block whose link text is above this share of its
/// text is a link list, not content…
pub const EXPAND_BLOCK_MAX_LINK_DENSITY: f64 = 0.5;
/// … the article is expanded when it holds less than this share of the page's
/// good text…
pub const EXPAND_MAX_KEPT_SHARE: f64 = 0.6;
/// … and the page has at least this many more characters of it…
pub const EXPAND_MIN_EXTRA_CHARS: usize = 500;
/// … to the smallest ancestor of the pick holding this share of it.
pub const EXPAND_COVER_SHARE: f64 = 0.8;
/// Headings longer than this (chars) are not section labels.
pub const EXPAND_STOP_HEADING_CHARS: usize = 60;
/// A section under such a heading stays when it holds more than this share
/// of the article's text (the page is about it).
pub const STOP_SECTION_MAX_SHARE: f64 = 0.5;
/// … and when its heading has at most this many words (a label).
pub const STOP_HEADING_MAX_WORDS: usize = 6;
/// Blocks with at least this many chars of text are dropped when an earlier
/// block of the expanded region has the same text.
pub const EXPAND_DEDUPE_MIN_CHARS: usize = 20;
/// Any article drops containers repeating this much text of an earlier one
/// (layout copies; shorter repeats are the attributes of alike cards).
pub const LAYOUT_DEDUPE_MIN_CHARS: usize = 60;
/// An element named like a cookie/consent notice longer than this (chars) is
/// not dropped before extraction (a page wrapper carrying a state class).
pub const CONSENT_MAX_CHARS: usize = 5000;
/// When the visible page yields no article, the body's `<noscript>` markup is
/// extracted instead if it holds at least this many bytes.
pub const NOSCRIPT_FALLBACK_MIN_BYTES: usize = 200;
/// A page whose article is small but that has a `<noscript>` element of at
/// least this many bytes of markup…
pub const NOSCRIPT_RICHER_MIN_BYTES: usize = 2000;
/// … takes the noscript version when it yields this many times the text.
pub const NOSCRIPT_RICHER_RATIO: f64 = 3.0;
/// `<noscript>` content longer than this is not parsed for a fallback image.
pub const MAX_NOSCRIPT_IMAGE_BYTES: usize = 8 * 1024;

// ---- output -----------------------------------------------------------------

/// Markdown export: quotes and list items nested deeper than this are written
/// at this depth (each line repeats every level's prefix).
pub const MAX_MARKDOWN_NESTING: usize = 16;
/// Words per minute used for `reading_minutes`.
pub const READING_WPM: usize = 230;

// ---- known-site lists (sites) -------------------------------------------------

/// Lines longer than this in a site list are reported as errors, not parsed.
pub const SITES_MAX_LINE_LEN: usize = 8192;
/// Errors (and, separately, warnings) kept per list report; the rest are counted.
pub const SITES_MAX_REPORTED_ISSUES: usize = 500;
/// Meaningful lines read to guess a list's format.
pub const SITES_DETECT_LINES: usize = 200;
/// Longest `/regex/` rule accepted, in characters.
pub const SITES_MAX_REGEX_LEN: usize = 4096;
/// Deepest group nesting accepted in a `/regex/` rule.
pub const SITES_MAX_REGEX_NESTING: usize = 32;
/// Deepest lookahead nesting accepted (each level is a nested run).
pub const SITES_MAX_REGEX_LOOKAHEAD_DEPTH: usize = 4;
/// Largest compiled regex program (counted repetitions are expanded).
pub const SITES_MAX_REGEX_PROGRAM: usize = 20_000;
/// Counted repetition bounds (`{n,m}`) are capped at this.
pub const SITES_MAX_REGEX_REPEAT: u32 = 1000;
/// VM steps one regex may spend on one URL before it counts as no match.
pub const SITES_REGEX_STEP_BUDGET: usize = 500_000;
/// URLs are cut to this many bytes before regex rules see them.
pub const SITES_MAX_URL_LEN: usize = 4096;

// ---- mirror verdict (clutter.rs) ----------------------------------------------

/// A page is a mirror when its evidence adds up to this much.
pub const MIRROR_THRESHOLD: f64 = 1.0;
/// Weight of a matched mirror/clone list entry (alone enough).
pub const W_LIST_HIT: f64 = 1.0;
/// "The post … appeared first on <another site>" for this very article.
pub const W_FEED_NOTICE: f64 = 1.0;
/// A scraper disclaimer ("collected from the internet … will be removed").
pub const W_SCRAPER_DISCLAIMER: f64 = 0.6;
/// A keyword-stuffed SEO paragraph around the article (a meta keyword pasted
/// lower-case, twice).
pub const W_SEO_STUFFING: f64 = 0.4;
/// A title phrase repeated lower-case in one paragraph (weak: prose does it).
pub const W_SEO_TITLE_REPEAT: f64 = 0.15;
/// Machine-translated breadcrumb lead-in ("Current:Home > …").
pub const W_MT_BREADCRUMB: f64 = 0.3;
/// A "Date:YYYY-MM-DD HH:MM:SS" line outside the article.
pub const W_MT_DATE_LINE: f64 = 0.2;
/// A vote widget ("veryGood! (58)").
pub const W_VOTE_WIDGET: f64 = 0.3;
/// Ranking and Recommendation link lists together.
pub const W_MT_LIST_PAIR: f64 = 0.2;
/// A " -Brand" title suffix (space before the hyphen, none after).
pub const W_TITLE_BRAND_SUFFIX: f64 = 0.2;
/// A source credit naming another outlet ("Source: The Associated Press").
pub const W_SOURCE_CREDIT: f64 = 0.5;
/// A source credit linking the original article on another site.
pub const W_SOURCE_LINK: f64 = 0.7;
/// An autoblog plugin's "Source link" / "Go to Source" to another site's article.
pub const W_AUTOBLOG_SOURCE_LINK: f64 = 0.8;
/// A link to a question/issue on a Q&A or code platform the page copies.
pub const W_QA_CLONE_SOURCE: f64 = 0.6;
/// A CC BY-SA licence notice for copied Q&A content.
pub const W_CC_BY_SA: f64 = 0.4;
/// "Originally appeared on <another site>" (legitimate cross-posts say it too).
pub const W_ORIGINALLY: f64 = 0.3;
/// Another outlet's staff or dateline in the text ("CBS News correspondent …").
pub const W_OTHER_SELF_REFERENCE: f64 = 0.4;
/// Article images served from another outlet's domain.
pub const W_OTHER_IMAGE_HOST: f64 = 0.4;
/// … from a CDN shared by several outlets.
pub const W_OTHER_SHARED_CDN: f64 = 0.2;
/// Several body links to one other outlet.
pub const W_OTHER_BODY_LINKS: f64 = 0.2;
/// Canonical/og:url naming another site: neutral (honest syndication points its
/// canonical at the original; scrapers copy it), kept as evidence only.
pub const W_OTHER_CANONICAL: f64 = 0.0;
/// A licence or provider credit (licensed syndication) counts against.
pub const W_LICENCE: f64 = -0.6;
/// Outlet-mismatch evidence needed before template evidence can add up to a
/// mirror (template evidence alone must reach the threshold by itself).
pub const MIN_COPY_EVIDENCE: f64 = 0.4;
/// Below this much template evidence, the page is judged on copy traces alone…
pub const MIN_TEMPLATE_EVIDENCE: f64 = 0.2;
/// … which must then add up to this much.
pub const COPY_ONLY_THRESHOLD: f64 = 1.2;

// ---- clutter blocks (clutter.rs) ----------------------------------------------

/// Text blocks shorter than this (non-space chars) don't score as paragraphs.
pub const CORE_MIN_PARAGRAPH_CHARS: usize = 25;
/// One paragraph counts at most this many chars when comparing containers.
pub const CORE_PARAGRAPH_CAP: u32 = 1000;
/// Readability's sibling-paragraph length (longer: kept when link density is low).
pub const SIBLING_PARAGRAPH_CHARS: usize = 80;
/// The core widens to its parent when it holds less than this share of the
/// parent's paragraph text…
pub const CORE_WIDEN_SHARE: f64 = 0.6;
/// … or when this many paragraphs sit beside it…
pub const CORE_WIDEN_SIBLINGS: usize = 2;
/// … unless the parent is this link-heavy.
pub const CORE_WIDEN_MAX_LINK_DENSITY: f64 = 0.35;
/// Paragraphs with more link text than this share don't score.
pub const CORE_MAX_LINK_DENSITY: f64 = 0.5;
/// A block holding more than this share of the article's text is never clutter.
pub const ARTICLE_GUARD_SHARE: f64 = 0.5;
/// Blocks beside the article with this much low-link paragraph text are kept as
/// possible article text.
pub const CONTENT_SIBLING_MIN_CHARS: usize = 200;
/// … and at most this link density.
pub const CONTENT_SIBLING_MAX_LINK_DENSITY: f64 = 0.25;
/// Injected read-more lines and inline related lists are at most this long.
pub const INLINE_LINK_BLOCK_MAX_CHARS: usize = 220;
/// Inline related lists have at most this many items.
pub const INLINE_LIST_MAX_ITEMS: usize = 6;
/// Links to the site's own pages clustered inside the article: this many make
/// a related grid.
pub const INLINE_LINK_CLUSTER: usize = 3;
/// Menu links are at most this long on average (non-space chars).
pub const MENU_LINK_MAX_CHARS: usize = 14;
/// A block counts as "all links" from this link density.
pub const LINK_BLOCK_DENSITY: f64 = 0.8;
/// A block counts as a link list from this link density.
pub const LINK_LIST_DENSITY: f64 = 0.5;
/// Ad labels, vote widgets and short meta lines are at most this long.
pub const SHORT_LABEL_MAX_CHARS: usize = 40;
/// Meta lines (byline/date) are at most this long.
pub const META_LINE_MAX_CHARS: usize = 160;
/// Disclaimers are at most this long.
pub const DISCLAIMER_MAX_CHARS: usize = 800;
/// A paragraph naming the site counts as self-promotion from this length
/// (non-space chars); shorter ones are bylines.
pub const SEO_PROMO_MIN_CHARS: usize = 60;
/// SEO paragraphs are at most this long.
pub const SEO_PARAGRAPH_MAX_CHARS: usize = 500;
/// Source credits and republication notices are at most this long.
pub const SOURCE_CREDIT_MAX_CHARS: usize = 300;
/// Lead media beside the article: at most this much caption text.
pub const MEDIA_BLOCK_MAX_CHARS: usize = 300;

// ---- attribution (attribution.rs) ---------------------------------------------

/// Canonical/og:url naming another site.
pub const A_CANONICAL: f64 = 3.0;
/// og:url naming another site (without a canonical).
pub const A_OG_URL: f64 = 2.5;
/// JSON-LD `isBasedOn` or `<meta name=original-source|syndication-source>`.
pub const A_ORIGINAL_SOURCE: f64 = 3.0;
/// JSON-LD `sourceOrganization`.
pub const A_JSONLD_SOURCE_ORG: f64 = 2.0;
/// JSON-LD `publisher` naming another site.
pub const A_JSONLD_PUBLISHER: f64 = 1.5;
/// "The post … appeared first on X".
pub const A_APPEARED_FIRST_ON: f64 = 3.0;
/// "originally appeared on X".
pub const A_ORIGINALLY: f64 = 2.5;
/// "Source: X".
pub const A_SOURCE_CREDIT: f64 = 2.0;
/// "via X" at the end of the article.
pub const A_VIA: f64 = 0.8;
/// Wire dateline "(AP) —".
pub const A_WIRE_DATELINE: f64 = 2.5;
/// "Copyright 2024 The Associated Press".
pub const A_COPYRIGHT: f64 = 2.5;
/// "<Outlet> senior correspondent …", "<Outlet> (New York)".
pub const A_STAFF: f64 = 2.0;
/// "Jon Sopel, BBC News, Washington".
pub const A_SIGNATURE: f64 = 1.5;
/// A byline naming an outlet ("By Jane Doe, CBS News", "By The Associated
/// Press"): on syndication, the originating outlet.
pub const A_BYLINE: f64 = 2.5;
/// The page's site name / title brand is another outlet's (copied metadata).
pub const A_FOREIGN_SITE_NAME: f64 = 1.5;
/// Byline blocks are at most this long.
pub const BYLINE_MAX_CHARS: usize = 120;
/// "Photo by X/CNET", "(X / The Seattle Times)".
pub const A_PHOTO_CREDIT: f64 = 1.2;
/// First article image on an outlet's domain.
pub const A_IMAGE_HOST: f64 = 1.2;
/// Each further image on the same outlet.
pub const A_IMAGE_HOST_MORE: f64 = 0.2;
/// Cap for image hosts (below the publisher minimum: images alone name nobody).
pub const A_IMAGE_HOST_CAP: f64 = 1.4;
/// An image on a CDN shared by sister outlets.
pub const A_SHARED_CDN: f64 = 0.6;
/// First body link to an outlet's domain.
pub const A_BODY_LINK: f64 = 0.6;
/// Each further distinct body link.
pub const A_BODY_LINK_MORE: f64 = 0.3;
/// Cap for body links (below the publisher minimum: links alone name nobody).
pub const A_BODY_LINK_CAP: f64 = 1.2;
/// A bare mention of the outlet's name in the text.
pub const A_MENTION: f64 = 0.2;
/// Cap for mentions.
pub const A_MENTION_CAP: f64 = 0.2;
/// A mirror's publisher needs this much support…
pub const PUBLISHER_MIN_SCORE: f64 = 1.5;
/// … and this ratio over the runner-up.
pub const PUBLISHER_MIN_RATIO: f64 = 1.5;
/// On a page that is not a mirror, another site is the publisher only with this
/// much support (structured data, a notice, a wire dateline or copyright).
pub const PUBLISHER_EXTERNAL_SCORE: f64 = 2.5;
/// Dateline search window at the start of a paragraph (bytes).
pub const DATELINE_WINDOW: usize = 120;
/// Context examined around an outlet's name (bytes).
pub const MENTION_CONTEXT: usize = 40;
/// Evidence text excerpts are cut to this many chars.
pub const EVIDENCE_TEXT_CHARS: usize = 160;

// ---- export (issue 8) ----------------------------------------------------------

/// Columns the text export wraps paragraphs at.
pub(crate) const TEXT_WIDTH: usize = 78;
/// Characters of the title kept in an export's file name (before the extension).
pub(crate) const EXPORT_FILE_NAME_CHARS: usize = 80;
