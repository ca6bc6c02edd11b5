//! Node scoring for the extractor (Readability's content score plus boilerplate
//! signals). STUB.
