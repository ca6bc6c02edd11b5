// Copyright 2014-2017 The html5ever Project Developers. See the
// COPYRIGHT file at the top-level directory of this distribution.
//
// Licensed under the Apache License, Version 2.0 <LICENSE-APACHE or
// http://www.apache.org/licenses/LICENSE-2.0> or the MIT license
// <LICENSE-MIT or http://opensource.org/licenses/MIT>, at your
// option. This file may not be copied, modified, or distributed
// except according to those terms.

extern crate string_cache_codegen;

use std::collections::BTreeMap;
use std::env;
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::Path;

mod entities;

static NAMESPACES: &[(&str, &str)] = &[
    ("", ""),
    ("*", "*"),
    ("html", "http://www.w3.org/1999/xhtml"),
    ("xml", "http://www.w3.org/XML/1998/namespace"),
    ("xmlns", "http://www.w3.org/2000/xmlns/"),
    ("xlink", "http://www.w3.org/1999/xlink"),
    ("svg", "http://www.w3.org/2000/svg"),
    ("mathml", "http://www.w3.org/1998/Math/MathML"),
];

fn main() {
    let generated = Path::new(&env::var("OUT_DIR").unwrap()).join("generated.rs");
    let mut generated = BufWriter::new(File::create(generated).unwrap());

    write_named_entities(&Path::new(&env::var("OUT_DIR").unwrap()).join("named_entities.rs"));

    // Create a string cache for local names
    let local_names = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("local_names.txt");
    let mut local_names_atom = string_cache_codegen::AtomType::new("LocalName", "local_name!");
    for line in BufReader::new(File::open(local_names).unwrap()).lines() {
        let local_name = line.unwrap();
        local_names_atom.atom(&local_name);
        local_names_atom.atom(&local_name.to_ascii_lowercase());
    }
    local_names_atom
        .with_macro_doc("Takes a local name as a string and returns its key in the string cache.")
        .write_to(&mut generated)
        .unwrap();

    // Create a string cache for namespace prefixes
    string_cache_codegen::AtomType::new("Prefix", "namespace_prefix!")
        .with_macro_doc("Takes a namespace prefix string and returns its key in a string cache.")
        .atoms(NAMESPACES.iter().map(|&(prefix, _url)| prefix))
        .write_to(&mut generated)
        .unwrap();

    // Create a string cache for namespace urls
    string_cache_codegen::AtomType::new("Namespace", "namespace_url!")
        .with_macro_doc("Takes a namespace url string and returns its key in a string cache.")
        .atoms(NAMESPACES.iter().map(|&(_prefix, url)| url))
        .write_to(&mut generated)
        .unwrap();

    writeln!(
        generated,
        r#"
        /// Maps the input of [`namespace_prefix!`](macro.namespace_prefix.html) to
        /// the output of [`namespace_url!`](macro.namespace_url.html).
        ///
        #[macro_export] macro_rules! ns {{
        "#
    )
    .unwrap();
    for &(prefix, url) in NAMESPACES {
        writeln!(
            generated,
            "({prefix}) => {{ $crate::namespace_url!({url:?}) }};"
        )
        .unwrap();
    }
    writeln!(generated, "}}").unwrap();
}

/// Writes the named character references as three parallel tables sorted by
/// name (byte order), which `NamedEntities::get` binary-searches: the names
/// without their '&' concatenated, the end offset of each name, and each
/// name's code points. (unmirror's copy: upstream built a phf map that also
/// held every prefix of every name, 9,854 keys; the prefixes are now answered
/// from the sorted names, see third_party/web_atoms/README.md.)
fn write_named_entities(to: &Path) {
    let entities: BTreeMap<&str, (u32, u32)> = entities::NAMED_ENTITIES
        .iter()
        .map(|(name, cp1, cp2)| {
            assert!(name.starts_with('&'));
            assert!(name[1..].bytes().all(|b| b.is_ascii_graphic()));
            assert!(*cp1 != 0, "a code point of 0 would read as a bare prefix");
            (&name[1..], (*cp1, *cp2))
        })
        .collect();
    assert_eq!(entities.len(), entities::NAMED_ENTITIES.len(), "duplicate names");

    // What the phf map's `len()` was: every name, every prefix of one, and "".
    let mut keys = std::collections::BTreeSet::new();
    for name in entities.keys() {
        for n in 0..=name.len() {
            keys.insert(&name[..n]);
        }
    }

    let mut names = String::new();
    let mut ends = Vec::new();
    let mut values = Vec::new();
    for (name, value) in &entities {
        names.push_str(name);
        ends.push(u16::try_from(names.len()).unwrap());
        values.push(*value);
    }

    let mut file = BufWriter::new(File::create(to).unwrap());
    writeln!(file, "const ENTITY_COUNT: usize = {};", entities.len()).unwrap();
    writeln!(file, "const ENTITY_KEY_COUNT: usize = {};", keys.len()).unwrap();
    writeln!(file, "static ENTITY_NAMES: &str = {names:?};").unwrap();
    writeln!(file, "static ENTITY_ENDS: [u16; ENTITY_COUNT] = {ends:?};").unwrap();
    writeln!(
        file,
        "static ENTITY_VALUES: [(u32, u32); ENTITY_COUNT] = {values:?};"
    )
    .unwrap();
}
