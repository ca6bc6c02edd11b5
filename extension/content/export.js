// The reader's export menu, content side (issue 8). The overlay shows one item
// per ACTIONS entry when this file is loaded (the demo page does not load it, so
// it has no menu) and calls run() with the Article the open reader shows: the
// export therefore depends on nothing but that Article, however the reader was
// opened (button, shortcut, context menu or auto-clean).
//
// The core's export runs in the background (background-export.js), which also
// owns the downloads API: the Article travels in an EXPORT message (see
// lib/messages.js) with the page URL and today's local date. Copy items ask for
// the text back and put it on the clipboard here, inside the click's user
// activation.
(function () {
  'use strict';
  const ns = (globalThis.unmirror ??= {});
  if (ns.exporter) return;
  const { ext, messages: M } = ns;

  const ACTIONS = Object.freeze({
    markdown: { format: 'markdown', delivery: 'download', label: 'Save as Markdown' },
    'html-page': { format: 'html-page', delivery: 'download', label: 'Save as HTML page' },
    'text-export': { format: 'text-export', delivery: 'download', label: 'Save as text' },
    'copy-markdown': { format: 'markdown', delivery: 'text', label: 'Copy as Markdown', copied: 'Markdown' },
    'copy-text': { format: 'text-export', delivery: 'text', label: 'Copy as text', copied: 'text' },
  });

  /** Put `text` on the clipboard: the async Clipboard API, else (pages served
   * over plain http have no navigator.clipboard) a selected textarea placed in
   * the reader's own shadow tree and execCommand('copy'). Resolves to the route
   * that worked ('api' or 'command'), or null. */
  async function copy(text, anchor) {
    try {
      if (navigator.clipboard?.writeText) {
        await navigator.clipboard.writeText(text);
        return 'api';
      }
    } catch {
      // Refused (the page has no focus, or clipboard-write is denied): fall back.
      /* fall back below */
    }
    const parent = anchor?.isConnected ? anchor : null;
    if (!parent) return null;
    const ta = document.createElement('textarea');
    ta.value = text;
    ta.setAttribute('readonly', '');
    ta.style.cssText = 'position:fixed;top:0;left:0;width:1px;height:1px;opacity:0;';
    const focused = parent.getRootNode().activeElement;
    parent.append(ta);
    ta.select();
    let ok = false;
    try {
      ok = document.execCommand('copy');
    } catch {
      ok = false;
    }
    ta.remove();
    focused?.focus?.({ preventScroll: true });
    return ok ? 'command' : null;
  }

  /**
   * Export `article` (read at `pageUrl`) as `action` (a key of ACTIONS).
   * Resolves to { ok, message, file_name?, via? } for the menu's status line
   * (`via`: the clipboard route); never throws.
   */
  async function run(action, article, pageUrl, anchor = null) {
    const a = ACTIONS[action];
    if (!a) return { ok: false, message: 'Unknown export' };
    const req = M.exportRequest(a.format, a.delivery, article, M.isPageUrl(pageUrl) ? pageUrl : '');
    if (!M.isExportRequest(req)) return { ok: false, message: 'Export failed (this article cannot be exported)' };
    let reply;
    try {
      reply = await ext.runtime.sendMessage(req);
    } catch (e) {
      reply = M.failure('internal', e?.message ?? String(e));
    }
    if (!M.isExportReply(reply)) reply = M.failure('internal', 'bad reply from the background');
    if (!reply.ok) return { ok: false, message: `Export failed (${reply.error.code})` };
    if (a.delivery === 'download') return { ok: true, message: `Saved ${reply.file_name}`, file_name: reply.file_name };
    if (typeof reply.text !== 'string') return { ok: false, message: 'Export failed (no text)' };
    const via = await copy(reply.text, anchor);
    return via
      ? { ok: true, message: `Copied the article as ${a.copied}`, via }
      : { ok: false, message: 'Could not copy to the clipboard' };
  }

  ns.exporter = Object.freeze({ ACTIONS, run });
})();
