// Copyright 2014-2017 The html5ever Project Developers. See the
// COPYRIGHT file at the top-level directory of this distribution.
//
// Licensed under the Apache License, Version 2.0 <LICENSE-APACHE or
// http://www.apache.org/licenses/LICENSE-2.0> or the MIT license
// <LICENSE-MIT or http://opensource.org/licenses/MIT>, at your
// option. This file may not be copied, modified, or distributed
// except according to those terms.

#![allow(unexpected_cfgs)]

/// The spec replaces most characters in the ISO-2022 C1 control code range
/// (U+0080 through U+009F) with these characters, based on Windows 8-bit
/// codepages.
pub static C1_REPLACEMENTS: [Option<char>; 32] = [
    Some('\u{20ac}'),
    None,
    Some('\u{201a}'),
    Some('\u{0192}'),
    Some('\u{201e}'),
    Some('\u{2026}'),
    Some('\u{2020}'),
    Some('\u{2021}'),
    Some('\u{02c6}'),
    Some('\u{2030}'),
    Some('\u{0160}'),
    Some('\u{2039}'),
    Some('\u{0152}'),
    None,
    Some('\u{017d}'),
    None,
    None,
    Some('\u{2018}'),
    Some('\u{2019}'),
    Some('\u{201c}'),
    Some('\u{201d}'),
    Some('\u{2022}'),
    Some('\u{2013}'),
    Some('\u{2014}'),
    Some('\u{02dc}'),
    Some('\u{2122}'),
    Some('\u{0161}'),
    Some('\u{203a}'),
    Some('\u{0153}'),
    None,
    Some('\u{017e}'),
    Some('\u{0178}'),
];

include!(concat!(env!("OUT_DIR"), "/named_entities.rs"));

/// The named character references: a map of entity names (their preceding
/// '&' removed) to their code points, the second 0 if the entity is a single
/// code point. Every prefix of a name, the empty string included, maps to
/// `(0, 0)` unless it is a name itself, which is how the tokenizer knows to
/// read on.
///
/// unmirror's copy: a sorted table searched by binary search instead of
/// upstream's phf map, with the same answers (third_party/web_atoms/README.md).
///
/// # Examples
///
/// ```
/// use web_atoms::NAMED_ENTITIES;
///
/// assert_eq!(NAMED_ENTITIES.get("gt;").unwrap(), &(62, 0));
/// assert_eq!(NAMED_ENTITIES.get("g").unwrap(), &(0, 0));
/// assert_eq!(NAMED_ENTITIES.get("gt;x"), None);
/// ```
pub static NAMED_ENTITIES: NamedEntities = NamedEntities { _private: () };

/// The type of [`NAMED_ENTITIES`], with the lookups of the phf map it replaces.
pub struct NamedEntities {
    _private: (),
}

/// What a prefix of a name that is not a name itself maps to.
static PREFIX: (u32, u32) = (0, 0);

impl NamedEntities {
    /// The code points of `key` if it is a name, `(0, 0)` if it is a prefix of
    /// one (the empty string included), else `None`.
    pub fn get(&self, key: &str) -> Option<&'static (u32, u32)> {
        let key = key.as_bytes();
        // The first name not below `key`: `key` itself if it is a name, else,
        // if `key` is a prefix of any name, one that starts with it.
        let (mut lo, mut hi) = (0, ENTITY_COUNT);
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if entity_name(mid) < key {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        if lo == ENTITY_COUNT {
            return None;
        }
        let name = entity_name(lo);
        if name == key {
            Some(&ENTITY_VALUES[lo])
        } else if name.starts_with(key) {
            Some(&PREFIX)
        } else {
            None
        }
    }

    /// Whether [`get`](Self::get) answers `Some` for `key`.
    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// How many keys [`get`](Self::get) answers `Some` for: every name and
    /// every prefix of one, the empty string included (what the phf map held).
    pub fn len(&self) -> usize {
        ENTITY_KEY_COUNT
    }

    /// Never: the table is not empty.
    pub fn is_empty(&self) -> bool {
        ENTITY_KEY_COUNT == 0
    }
}

/// The name at `index` in the sorted table, as bytes.
fn entity_name(index: usize) -> &'static [u8] {
    let start = match index {
        0 => 0,
        _ => usize::from(ENTITY_ENDS[index - 1]),
    };
    &ENTITY_NAMES.as_bytes()[start..usize::from(ENTITY_ENDS[index])]
}
include!(concat!(env!("OUT_DIR"), "/generated.rs"));

/// The upstream table build.rs reads, to check the lookups against.
#[cfg(test)]
#[path = "entities.rs"]
mod entities_source;

#[cfg(test)]
mod tests {
    use super::{entities_source, NAMED_ENTITIES};
    use std::collections::BTreeMap;

    /// What upstream's build.rs put in its phf map: every name (without the
    /// '&'), every missing prefix of one as `(0, 0)`, and "" as `(0, 0)`.
    fn phf_map_contents() -> BTreeMap<&'static str, (u32, u32)> {
        let mut map: BTreeMap<&str, (u32, u32)> = entities_source::NAMED_ENTITIES
            .iter()
            .map(|(name, cp1, cp2)| (&name[1..], (*cp1, *cp2)))
            .collect();
        for key in map.keys().cloned().collect::<Vec<_>>() {
            for n in 1..key.len() {
                map.entry(&key[..n]).or_insert((0, 0));
            }
        }
        map.insert("", (0, 0));
        map
    }

    #[test]
    fn known_names() {
        assert_eq!(NAMED_ENTITIES.get("amp;"), Some(&(38, 0)));
        // Legacy names without the semicolon.
        assert_eq!(NAMED_ENTITIES.get("amp"), Some(&(38, 0)));
        assert_eq!(NAMED_ENTITIES.get("AMP"), Some(&(38, 0)));
        assert_eq!(NAMED_ENTITIES.get("not"), Some(&(172, 0)));
        assert_eq!(NAMED_ENTITIES.get("notin;"), Some(&(8713, 0)));
        assert_eq!(NAMED_ENTITIES.get("nbsp;"), Some(&(160, 0)));
        assert_eq!(NAMED_ENTITIES.get("Aacute;"), Some(&(193, 0)));
        assert_eq!(NAMED_ENTITIES.get("zwnj;"), Some(&(8204, 0)));
        // Two code points.
        assert_eq!(NAMED_ENTITIES.get("acE;"), Some(&(8766, 819)));
        assert_eq!(NAMED_ENTITIES.get("NotNestedGreaterGreater;"), Some(&(10914, 824)));
        // Beyond the BMP.
        assert_eq!(NAMED_ENTITIES.get("Afr;"), Some(&(120068, 0)));
    }

    #[test]
    fn prefixes() {
        assert_eq!(NAMED_ENTITIES.get(""), Some(&(0, 0)));
        assert_eq!(NAMED_ENTITIES.get("a"), Some(&(0, 0)));
        assert_eq!(NAMED_ENTITIES.get("no"), Some(&(0, 0)));
        assert_eq!(NAMED_ENTITIES.get("noti"), Some(&(0, 0)));
        assert_eq!(NAMED_ENTITIES.get("notin"), Some(&(0, 0)));
        assert_eq!(NAMED_ENTITIES.get("am"), Some(&(0, 0)));
        assert_eq!(NAMED_ENTITIES.get("NotNestedGreaterGreater"), Some(&(0, 0)));
        assert_eq!(NAMED_ENTITIES.get("zwn"), Some(&(0, 0)));
    }

    #[test]
    fn unknown() {
        assert_eq!(NAMED_ENTITIES.get("xyz"), None);
        assert_eq!(NAMED_ENTITIES.get("amp;x"), None);
        assert_eq!(NAMED_ENTITIES.get("amq"), None);
        assert_eq!(NAMED_ENTITIES.get("Amp;"), None);
        assert_eq!(NAMED_ENTITIES.get(";"), None);
        assert_eq!(NAMED_ENTITIES.get("&amp;"), None);
        assert_eq!(NAMED_ENTITIES.get("zwnj;;"), None);
        assert_eq!(NAMED_ENTITIES.get("zz"), None);
        assert_eq!(NAMED_ENTITIES.get("\u{e9}"), None);
        assert_eq!(NAMED_ENTITIES.get("\u{10ffff}"), None);
        assert!(!NAMED_ENTITIES.contains_key("amp;x"));
        assert!(NAMED_ENTITIES.contains_key("amp;"));
    }

    #[test]
    fn same_as_the_phf_map() {
        let map = phf_map_contents();
        assert_eq!(entities_source::NAMED_ENTITIES.len(), 2231);
        // The phf map's len() in web_atoms 0.3.0.
        assert_eq!(map.len(), 9854);
        assert_eq!(NAMED_ENTITIES.len(), map.len());
        assert!(!NAMED_ENTITIES.is_empty());
        // Every key, and every key with one more byte: the lookups the
        // tokenizer makes as it reads a name.
        let mut next: Vec<char> = ('\0'..='\u{7f}').collect();
        next.extend(['\u{e9}', '\u{2003}', '\u{1f600}']);
        let mut longer = String::new();
        for (key, value) in &map {
            assert_eq!(NAMED_ENTITIES.get(key), Some(value), "{key:?}");
            for &c in &next {
                longer.clear();
                longer.push_str(key);
                longer.push(c);
                let want = map.get(longer.as_str());
                assert_eq!(NAMED_ENTITIES.get(&longer), want, "{longer:?}");
            }
        }
    }
}
