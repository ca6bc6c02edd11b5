// The one browser shim. Chrome (MV3) exposes promise-returning APIs on `chrome`,
// Firefox on `browser` (and a `chrome` alias). Everything else in the extension
// says `ext.*` and never names either global.
//
// Shared files in lib/ are classic scripts that hang their exports on
// `globalThis.unmirror`: the same file then works as a content script (injected
// with scripting.executeScript, classic only) and in the module service worker
// (`import './lib/browser.js'` for its side effect). `??=` keeps a second
// injection into the same page harmless.
(function () {
  'use strict';
  const ns = (globalThis.unmirror ??= {});
  ns.ext ??= globalThis.browser?.runtime?.id ? globalThis.browser : globalThis.chrome;
})();
