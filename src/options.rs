//! Caller-facing options. Algorithm constants live in `tuning.rs`; these are
//! only the knobs a caller may reasonably turn.

use crate::tuning;
use serde::{Deserialize, Serialize};

/// Options for [`crate::extract`]. `Options::default()` is what the CLI and the
/// extension use.
#[derive(Debug, Clone, Deserialize)]
#[serde(default)]
pub struct Options {
    /// Minimum article text length (chars) before the extractor relaxes its rules
    /// (Readability's `charThreshold`).
    pub char_threshold: usize,
    /// How many top candidates are compared (Readability's `nbTopCandidates`).
    pub nb_top_candidates: usize,
    /// Refuse pages with more elements than this (counted before the tree is built).
    pub max_elements: usize,
    /// Elements nested deeper than this are flattened into their ancestor at this
    /// depth, as Chromium's parser does, before the tree is built.
    pub max_depth: usize,
    /// Refuse pages larger than this many bytes of HTML.
    pub max_bytes: usize,
    /// Keep `class` attributes in the output HTML.
    pub keep_classes: bool,
    /// The known-site list entry that matched this page's URL, when the caller
    /// looked it up (see `sites`): mirror evidence when the list is a mirror list.
    pub listed: Option<ListHit>,
}

/// A site-list rule that matched the page URL (see `sites::SiteLists::lookup`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListHit {
    /// The list's id (e.g. `unmirror-news-mirrors`, `user`).
    pub list: String,
    /// The list's kind: `mirror` and `clone` lists name copies of other sites;
    /// `content-farm`, `clickbait` and `user` lists do not, by themselves.
    /// `allow` when the rule that won is an allow rule (uBlacklist `@…`,
    /// `@@||host^`): the site is exempted and must not be cleaned.
    pub kind: String,
    /// The rule that matched, as written in the list.
    pub rule: String,
}

impl ListHit {
    /// The `kind` of a hit on an allow rule.
    pub const ALLOW: &'static str = "allow";

    /// True when an allow rule won: the site is exempted.
    pub fn is_allow(&self) -> bool {
        self.kind == Self::ALLOW
    }

    /// True when the hit is on a `mirror` or `clone` list: evidence that the page
    /// is a mirror. Optional lists (`content-farm`, `clickbait`) and `user` lists
    /// are not.
    pub fn is_mirror_evidence(&self) -> bool {
        matches!(self.kind.as_str(), "mirror" | "clone")
    }
}

impl Default for Options {
    fn default() -> Self {
        Options {
            char_threshold: tuning::CHAR_THRESHOLD,
            nb_top_candidates: tuning::NB_TOP_CANDIDATES,
            max_elements: tuning::MAX_ELEMENTS,
            max_depth: tuning::MAX_DEPTH,
            max_bytes: tuning::MAX_BYTES,
            keep_classes: false,
            listed: None,
        }
    }
}
