// The content script's entry point: `unmirror.content.toggle()` opens the reader
// on this page, or closes it. The background calls it (scripting.executeScript)
// after injecting, in this order: lib/browser.js, lib/messages.js, lib/core.js,
// lib/settings.js, vendor/unmirror.nomod.js (the wasm-bindgen "no-modules" glue,
// which defines the global `wasm_bindgen`), content/capture.js,
// content/overlay.js, content/export.js, content/main.js.
//
// Where the core runs (two routes, chosen once per page):
//   1. here, in the content script: the glue fetches vendor/unmirror_bg.wasm
//      (web-accessible for that reason) and compiles it. Fastest: the page's
//      HTML is not copied again.
//   2. in the background (module service worker in Chrome, event page in
//      Firefox): the HTML travels in a CLEAN message. Used when route 1 cannot
//      compile: Chromium applies the *page's* CSP to wasm compiled in content
//      scripts, so a page whose script-src lacks 'wasm-unsafe-eval' makes the
//      compile throw a CompileError. Firefox does not, so it stays on route 1.
(function () {
  'use strict';
  const ns = (globalThis.unmirror ??= {});
  if (ns.content) return;
  const { ext, messages: M, core, settings: S, capture, overlay } = ns;

  // Captures longer than this are cleaned in the background even when route 1
  // works: the core runs synchronously, and on a huge page it would freeze the
  // page's main thread for seconds; in the worker the tab stays responsive.
  const WORKER_ROUTE_CHARS = 2 * 1024 * 1024;
  // The core's time follows the element count more than the length: a page of 100,000
  // tiny elements is under 2 MiB and still takes seconds. Ordinary long articles
  // (a long Wikipedia page) hold 20,000-40,000 elements.
  const WORKER_ROUTE_ELEMENTS = 60_000;

  /** @type {undefined | null | { clean: Function }} undefined: not tried; null: cannot compile here */
  let local;
  let localFailure = null; // why route 1 is off, for diagnostics
  let current = null; // the open overlay handle
  let busy = false;

  async function localCore() {
    if (local !== undefined) return local;
    try {
      if (typeof wasm_bindgen !== 'function') throw new Error('glue missing');
      const [, localNews] = await Promise.all([
        // eslint-disable-next-line no-undef
        wasm_bindgen({ module_or_path: ext.runtime.getURL('vendor/unmirror_bg.wasm') }),
        // The core's local-paper table, read from ns.localNews (src/wasm.rs).
        ext.runtime.sendMessage({ type: M.LOCAL_NEWS }).catch(() => null),
      ]);
      if (typeof localNews === 'string') ns.localNews = localNews;
      // eslint-disable-next-line no-undef
      local = { clean: wasm_bindgen.clean, version: wasm_bindgen.version };
    } catch (e) {
      local = null;
      localFailure = `${e?.name ?? 'Error'}: ${e?.message ?? ''}`.trim();
    }
    return local;
  }

  async function viaWorker(html, url) {
    try {
      const reply = await ext.runtime.sendMessage(M.cleanRequest(html, url));
      return M.isResult(reply) ? reply : M.failure('internal', 'bad reply from the background');
    } catch (e) {
      return M.failure('internal', e?.message ?? String(e));
    }
  }

  /** The background's word on this page's site (known lists, auto-clean). */
  async function siteStatus() {
    try {
      const st = await ext.runtime.sendMessage({ type: M.SITE_STATUS, url: location.href });
      return st && typeof st === 'object' && !st.error ? st : null;
    } catch {
      return null;
    }
  }

  /** Capture, clean, and return the Result with timings (ms). */
  async function read(known) {
    const t0 = performance.now();
    // Start loading the core first: the fetch and compile run off the main
    // thread while the capture walks the page.
    const coreReady = localCore();
    const statusReady = known ? Promise.resolve(known) : siteStatus();
    const cap = capture.capture(document, current?.host ?? null);
    const t1 = performance.now();
    let result;
    let route;
    if (cap.html.length > M.MAX_HTML_CHARS) {
      result = M.failure('too_large', 'page too large');
      route = 'none';
    } else if (cap.html.length <= WORKER_ROUTE_CHARS && cap.stats.elements <= WORKER_ROUTE_ELEMENTS && (await coreReady)) {
      route = 'content';
      const status = await statusReady;
      result = core.run(local.clean, cap.html, cap.url, status?.listed ? { listed: status.listed } : undefined, local.version);
    } else {
      route = 'worker';
      result = await viaWorker(cap.html, cap.url);
    }
    const t2 = performance.now();
    return {
      result,
      status: await statusReady,
      url: cap.url,
      route,
      timings: { capture: t1 - t0, clean: t2 - t1, chars: cap.stats.chars, elements: cap.stats.elements, hidden: cap.stats.hidden, images: cap.stats.images },
    };
  }

  /** `auto`: opened on load on a listed site (content/auto.js), with its `status`. */
  async function toggle({ auto = false, status: known = null } = {}) {
    if (current) {
      current.close();
      return { state: 'closed' };
    }
    if (busy) return { state: 'busy' };
    busy = true;
    try {
      const [{ result, status, url, route, timings }, settings] = await Promise.all([read(known), S.load()]);
      // On load, a page of a listed site that has no article (a home or index
      // page) is left alone: no message covers a page nobody asked to read.
      if (auto && !result.ok) return { state: 'skipped', code: result.error.code };
      const t3 = performance.now();
      const mirror = result.ok && result.article.mirror?.is_mirror === true;
      const listed = !!status?.listed;
      const handle = overlay.open({
        result,
        settings,
        pageUrl: url,
        onClose: () => {
          if (current === handle) current = null;
        },
        onSettings: (s) => S.save(s),
        // A mirror on no list: offer to clean the site from now on (#5).
        onAlwaysClean: mirror && !listed ? () => ext.runtime.sendMessage({ type: M.ALWAYS_CLEAN }).catch(() => {}) : null,
        autoListed: auto ? status.listed : null,
        onAutoOff: () => ext.runtime.sendMessage({ type: M.SET_AUTO, on: false }).then((r) => r === true, () => false),
      });
      ext.runtime.sendMessage({ type: M.REPORT, auto, mirror, listed }).catch(() => {});
      if (auto) handle.host.dataset.auto = 'true';
      if (status?.listed) handle.host.dataset.listed = JSON.stringify(status.listed);
      if (result.ok && Array.isArray(result.article.clutter)) {
        handle.host.dataset.clutter = JSON.stringify(result.article.clutter.map((c) => c?.selector).filter(Boolean));
      }
      current = handle;
      timings.render = performance.now() - t3;
      timings.renderStart = t3; // page time: a long article keeps rendering in slices after this
      // Diagnostics on our own element (removed on close): which route ran and
      // what it cost. Read by the end-to-end tests; useful when filing a bug.
      handle.host.dataset.route = route;
      handle.host.dataset.timings = JSON.stringify(timings);
      if (localFailure) handle.host.dataset.localFailure = localFailure;
      return { state: 'open', ok: result.ok, code: result.ok ? null : result.error.code, route, timings };
    } finally {
      busy = false;
    }
  }

  /** The Article to export outside the reader (the context menu's "Export
   * cleaned article"): the open reader's, else a fresh read of the page (no
   * overlay opens). Resolves to { result, url, open }. */
  async function article() {
    if (current && !current.closed && current.result) return { result: current.result, url: current.pageUrl, open: true };
    const { result, url } = await read();
    return { result, url, open: false };
  }

  ns.content = Object.freeze({ toggle, article, isOpen: () => current !== null });
})();
