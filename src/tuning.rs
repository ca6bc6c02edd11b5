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
