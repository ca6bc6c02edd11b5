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
   * (the known-site list hit, mirror evidence), or undefined. `settle`: a
   * no-argument export of the same glue (`version`), called after a panic: the
   * glue copies a call's strings into the module's memory before it swaps in
   * the fresh instance, so the swap must happen in a call without strings, or
   * the next `clean` reads its page from the dead instance's addresses and
   * panics in turn. */
  function run(clean, html, url, options, settle) {
    try {
      return { ok: true, article: clean(html, url, options) };
    } catch (e) {
      const failed = fromError(e);
      if (failed.error.code === 'panic') {
        try {
          settle?.();
        } catch {
          // the next call tries again
        }
      }
      return failed;
    }
  }

  ns.core = Object.freeze({ run, fromError });
})();
