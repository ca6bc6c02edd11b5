// Export in the background (issue 8): the core turns the Article the reader
// shows into Markdown, a standalone HTML page or text (src/export.rs), and the
// downloads API saves it. Imported by background.js; the core module is the one
// background.js initialises (loadCore), so the glue here is already live.
//
// Two requests end here:
//   - EXPORT messages from the reader's export menu (content/export.js): the
//     Article comes with the message; the reply carries the text for the
//     clipboard, or the download's id;
//   - the context menu's "Export cleaned article": the content script hands over
//     the open reader's Article, or reads the page for one (no overlay opens),
//     and the Markdown is saved.
//
// Saving a string as a file, without any network request:
//   - Chromium: the background is a service worker, which has no
//     URL.createObjectURL; downloads.download accepts a data: URL there;
//   - Firefox: downloads.download refuses data: URLs ("Access denied"), but the
//     background is an event page (a DOM window), so a blob: URL of its own
//     works; it is revoked once the download settles.
// Feature detection picks the route: no browser sniffing.
import { export_article as coreExport, export_file_name as coreFileName } from './vendor/unmirror.js';

const MIME = Object.freeze({
  markdown: 'text/markdown',
  'html-page': 'text/html',
  'text-export': 'text/plain',
});
// A blob URL left over if a download never reports its end (Firefox only).
const REVOKE_AFTER_MS = 10 * 60 * 1000;

/**
 * Build the export handlers. `loadCore()` resolves once the wasm is ready;
 * `readTab(tab)` resolves to `{ result, url, open }` from the tab's content
 * script; `showReader(tab)` opens the reader, which says why a page has nothing
 * to export (the context menu has no other place to say it).
 */
export function makeExporter({ ext, messages: M, core, loadCore, readTab, showReader }) {
  /** The core's export of `article`: { ok, text, file_name } or a failure. Never throws. */
  async function render(article, format, url, exported) {
    try {
      await loadCore();
    } catch (e) {
      return M.failure('core_unavailable', e?.message ?? String(e));
    }
    try {
      // The core reads the page's URL from `source_url` (src/wasm.rs).
      const json = JSON.stringify({ ...article, source_url: url || undefined });
      const title = typeof article.title === 'string' ? article.title : '';
      return { ok: true, text: coreExport(json, format, exported), file_name: coreFileName(title, format) };
    } catch (e) {
      return core.fromError(e);
    }
  }

  function dataUrl(text, mime) {
    const bytes = new TextEncoder().encode(text);
    let bin = '';
    const CHUNK = 0x8000; // String.fromCharCode's argument count stays small
    for (let i = 0; i < bytes.length; i += CHUNK) {
      bin += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
    }
    return `data:${mime};charset=utf-8;base64,${btoa(bin)}`;
  }

  function revokeWhenDone(id, url) {
    let timer = null;
    const done = () => {
      ext.downloads.onChanged.removeListener(onChanged);
      clearTimeout(timer);
      URL.revokeObjectURL(url);
    };
    const onChanged = (delta) => {
      if (delta.id === id && delta.state && delta.state.current !== 'in_progress') done();
    };
    ext.downloads.onChanged.addListener(onChanged);
    timer = setTimeout(done, REVOKE_AFTER_MS);
  }

  /** Save `text` as `fileName`; resolves to the download id. */
  async function save(text, fileName, format) {
    const mime = MIME[format] ?? 'text/plain';
    const options = { filename: fileName, conflictAction: 'uniquify' };
    if (typeof URL.createObjectURL !== 'function') {
      return ext.downloads.download({ ...options, url: dataUrl(text, mime) });
    }
    const url = URL.createObjectURL(new Blob([text], { type: `${mime};charset=utf-8` }));
    try {
      const id = await ext.downloads.download({ ...options, url });
      revokeWhenDone(id, url);
      return id;
    } catch (e) {
      URL.revokeObjectURL(url);
      throw e;
    }
  }

  /** Export and deliver: the text itself, or a saved file. */
  async function deliver(article, format, delivery, url, exported) {
    const out = await render(article, format, url, exported);
    if (!out.ok) return out;
    if (delivery === 'text') return out;
    try {
      const id = await save(out.text, out.file_name, format);
      return { ok: true, file_name: out.file_name, download_id: id };
    } catch (e) {
      return M.failure('download_failed', e?.message ?? String(e));
    }
  }

  /** An EXPORT message (already validated with M.isExportRequest). */
  function onRequest(msg) {
    return deliver(msg.article, msg.format, msg.delivery, msg.url, msg.exported);
  }

  /** The context menu: export `tab`'s article as `format` and save it. */
  async function fromTab(tab, format = 'markdown') {
    let got;
    try {
      got = await readTab(tab);
    } catch (e) {
      return M.failure('no_access', e?.message ?? String(e));
    }
    const result = got?.result;
    if (!M.isResult(result)) return M.failure('internal', 'bad reply from the page');
    if (!result.ok) {
      if (!got.open) await showReader?.(tab);
      return result;
    }
    return deliver(result.article, format, 'download', M.isPageUrl(got.url) ? got.url : '', M.localDate());
  }

  return Object.freeze({ onRequest, fromTab, render });
}
