//! What the corpus tests share: finding `../shared`, reading a page, listing a
//! dataset's pages. Each test binary uses only part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use unmirror::decode_html;

/// The shared material (`$UNMIRROR_SHARED`, else `<repo>/../shared`, else
/// `/work/shared`) when it holds every path in `needs`.
pub fn shared_dir(needs: &[&str]) -> Option<PathBuf> {
    let candidates = [
        std::env::var_os("UNMIRROR_SHARED").map(PathBuf::from),
        Some(Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared")),
        Some(PathBuf::from("/work/shared")),
    ];
    candidates
        .into_iter()
        .flatten()
        .find(|p| needs.iter().all(|n| p.join(n).exists()))
}

/// The page text. The corpus files are UTF-8 (Readability's harness reads them
/// so, whatever charset they declare); other bytes go through the browser-style
/// sniffing.
pub fn read_page(path: &Path) -> String {
    let bytes = std::fs::read(path).expect("readable source.html");
    match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => decode_html(e.as_bytes()),
    }
}

/// The ids (folder names) of a dataset's pages that have a `source.html`, sorted.
pub fn page_ids(pages_dir: &Path) -> Vec<String> {
    let mut ids: Vec<String> = std::fs::read_dir(pages_dir)
        .expect("corpus dir")
        .filter_map(Result::ok)
        .filter(|e| e.path().join("source.html").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    ids.sort();
    ids
}

/// The folders of a dataset's pages that have a `source.html`, sorted (empty
/// when the dataset is missing).
pub fn case_dirs(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|r| r.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    v.retain(|p| p.join("source.html").is_file());
    v.sort();
    v
}
