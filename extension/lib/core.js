// Calling the core: one function turning the wasm `clean` export's return value
// or exception into a Result (see messages.js). Used by the content script
// (no-modules glue) and the service worker (ES module glue) alike.
//
// The core throws `Error("<code>: <message>")` for the errors it knows
// (`no_content`, `too_large`, `too_many_elements`, `invalid_url`, `bad_options`)
// and a `WebAssembly.RuntimeError` when Rust panicked (wasm32 aborts; the glue
// then re-instantiates the module on the next call, see src/wasm.rs).
(function () {
  'use strict';
  const ns = (globalThis.unmirror ??= {});
  if (ns.core) return;
  const { failure } = ns.messages;

  function fromError(e) {
    if (e instanceof WebAssembly.RuntimeError || e?.name === 'RuntimeError') {
      return failure('panic', 'the reader core stopped on this page');
    }
    const text = String(e?.message ?? e);
    const m = /^([a-z_]+): ([\s\S]*)$/.exec(text);
    return m ? failure(m[1], m[2]) : failure('internal', text);
  }

  /** Run `clean(html, url, options)`; never throws. `options`: e.g. `{ listed }`
   * (the known-site list hit, mirror evidence), or undefined. */
  function run(clean, html, url, options) {
    try {
      return { ok: true, article: clean(html, url, options) };
    } catch (e) {
      return fromError(e);
    }
  }

  ns.core = Object.freeze({ run, fromError });
})();
