//! The wasm binding: the only file that names wasm_bindgen. Translates values and
//! errors, nothing else. STUB: filled in by the extension work.
