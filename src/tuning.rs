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
