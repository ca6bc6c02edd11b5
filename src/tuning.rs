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

// ---- extraction (Readability.js defaults) -----------------------------------

/// Readability's `DEFAULT_CHAR_THRESHOLD`.
pub const CHAR_THRESHOLD: usize = 500;
/// Readability's `DEFAULT_N_TOP_CANDIDATES`.
pub const NB_TOP_CANDIDATES: usize = 5;

// ---- output -----------------------------------------------------------------

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
