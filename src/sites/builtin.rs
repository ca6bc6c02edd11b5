//! The built-in lists of `extension/lists/`, embedded for the CLI and the tests.
//! (Not compiled into the wasm module: the extension reads the same files from its
//! package and passes their text in.)

use super::{ListFormat, ListInfo, ListKind, SiteLists};
use serde::Deserialize;

/// `extension/lists/index.json`.
pub const INDEX_JSON: &str = include_str!("../../extension/lists/index.json");

/// Every list file named in `index.json`, by file name.
const FILES: &[(&str, &str)] = &[
    (
        "unmirror-news-mirrors.txt",
        include_str!("../../extension/lists/unmirror-news-mirrors.txt"),
    ),
    (
        "cft-bad-cloners.txt",
        include_str!("../../extension/lists/cft-bad-cloners.txt"),
    ),
    (
        "arosh-stackoverflow-translation.txt",
        include_str!("../../extension/lists/arosh-stackoverflow-translation.txt"),
    ),
    (
        "arosh-github-translation.txt",
        include_str!("../../extension/lists/arosh-github-translation.txt"),
    ),
    (
        "quenhus-github-copycats.txt",
        include_str!("../../extension/lists/quenhus-github-copycats.txt"),
    ),
    (
        "quenhus-stackoverflow-copycats.txt",
        include_str!("../../extension/lists/quenhus-stackoverflow-copycats.txt"),
    ),
    (
        "quenhus-wikipedia-copycats.txt",
        include_str!("../../extension/lists/quenhus-wikipedia-copycats.txt"),
    ),
    (
        "cft-content-farms.txt",
        include_str!("../../extension/lists/cft-content-farms.txt"),
    ),
    (
        "cft-extra-content-farms.txt",
        include_str!("../../extension/lists/cft-extra-content-farms.txt"),
    ),
    (
        "cft-nearly-content-farms.txt",
        include_str!("../../extension/lists/cft-nearly-content-farms.txt"),
    ),
    (
        "quenhus-seo-spam.txt",
        include_str!("../../extension/lists/quenhus-seo-spam.txt"),
    ),
    (
        "infinitytec-clickbait.txt",
        include_str!("../../extension/lists/infinitytec-clickbait.txt"),
    ),
];

/// One entry of `index.json`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
pub struct BuiltinList {
    pub id: String,
    pub name: String,
    pub kind: ListKind,
    pub format: ListFormat,
    pub file: String,
    pub licence: String,
    pub licence_file: String,
    #[serde(default)]
    pub source: String,
    pub default_enabled: bool,
}

#[derive(Deserialize)]
struct Index {
    lists: Vec<BuiltinList>,
}

/// The entries of `index.json`, in order (empty if it does not parse, which a
/// test rules out).
pub fn builtin_index() -> Vec<BuiltinList> {
    serde_json::from_str::<Index>(INDEX_JSON)
        .map(|i| i.lists)
        .unwrap_or_default()
}

/// Every built-in list with its text, `enabled` as `default_enabled` says. A list
/// whose file is not embedded comes with an empty text (a test rules it out).
pub fn builtin_lists() -> Vec<(ListInfo, &'static str)> {
    builtin_index()
        .into_iter()
        .map(|b| {
            let text = FILES
                .iter()
                .find(|(f, _)| *f == b.file)
                .map_or("", |(_, t)| *t);
            (
                ListInfo {
                    id: b.id,
                    name: b.name,
                    kind: b.kind,
                    format: b.format,
                    licence: b.licence,
                    enabled: b.default_enabled,
                },
                text,
            )
        })
        .collect()
}

/// The embedded file names (for the test that compares them with `index.json`).
pub fn builtin_files() -> Vec<&'static str> {
    FILES.iter().map(|(f, _)| *f).collect()
}

impl SiteLists {
    /// The built-in lists that are on by default (the mirror and clone lists):
    /// what the CLI looks a page's URL up in. About 1,000 rules, built in about a
    /// millisecond.
    pub fn builtin() -> SiteLists {
        SiteLists::new(builtin_lists().into_iter().filter(|(info, _)| info.enabled))
    }

    /// Every built-in list as the extension ships them: mirror and clone lists on,
    /// the optional lists parsed but off (see [`SiteLists::set_enabled`]).
    pub fn builtin_all() -> SiteLists {
        SiteLists::new(builtin_lists())
    }
}
