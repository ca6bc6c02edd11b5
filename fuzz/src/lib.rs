//! Shared code of unmirror's fuzz targets.
//!
//! - [`invariants`]: what every extraction result must satisfy, whatever the
//!   input (the targets call [`invariants::check_result`] on every result).
//! - [`structured`]: an `arbitrary`-derived description of a hostile page and
//!   its HTML serialisation, so the fuzzer reaches deeper paths than raw bytes do.
//! - [`input`]: how a target derives the page URL and [`unmirror::Options`] from
//!   its input bytes.

pub mod input;
pub mod invariants;
pub mod structured;
