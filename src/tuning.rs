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
