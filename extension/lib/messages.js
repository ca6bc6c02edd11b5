// The message vocabulary between the content script and the background, with
// validators. Anything a content script sends is untrusted (it runs beside page
// code and carries page data): the background checks the sender and the exact
// shape before acting, and the content script checks replies the same way.
//
// Messages (all plain JSON; Chromium serialises runtime messages as JSON):
//   CLEAN        content → background  { type, html, url }
//                reply                 Result (below)
//   TEST_ACTION  test-hook → background { type }   (test builds only; see background.js)
//   EXPORT       content → background  { type, format, delivery, article, url, exported }
//                format: one of EXPORT_FORMATS; delivery: 'download' (the background
//                saves the file) or 'text' (it replies with the text, for the
//                clipboard); article: the Article the open reader shows; exported:
//                the caller's local date, YYYY-MM-DD.
//                reply  { ok: true, file_name, text?, download_id? } or a failure
//   SITE_STATUS  content → background  { type, url }
//                reply                 { listed: {list, kind, rule, line} | null, site, auto }
//   REPORT       content → background  { type, auto, mirror, listed }  (what the reader did: badge)
//   ALWAYS_CLEAN content → background  { type }  ("Always clean this site": opens the options
//                page on the tab's site, where a click can grant the host permission)
//   SET_AUTO     content → background  { type, on }  (the per-site auto-clean switch for the tab's site)
//   LOCAL_NEWS   content → background  { type }
//                reply                 the text of vendor/local_news.tsv (the core's local-paper
//                table, kept out of the wasm; see src/wasm.rs), or null
// Result, everywhere the core is called:
//   { ok: true,  article }            article: the core's snake_case Article object
//   { ok: false, error: { code, message } }
(function () {
  'use strict';
  const ns = (globalThis.unmirror ??= {});
  if (ns.messages) return;

  const CLEAN = 'unmirror/clean';
  const TEST_ACTION = 'unmirror/test-action';
  const EXPORT = 'unmirror/export';
  const EXPORT_FORMATS = Object.freeze(['markdown', 'html-page', 'text-export']);
  const EXPORT_DELIVERIES = Object.freeze(['download', 'text']);
  const SITE_STATUS = 'unmirror/site-status';
  const REPORT = 'unmirror/report';
  const ALWAYS_CLEAN = 'unmirror/always-clean';
  const SET_AUTO = 'unmirror/set-auto';
  const LOCAL_NEWS = 'unmirror/local-news';
  // Pages larger than this are refused before they reach the core (which has its
  // own, smaller, byte limit); it bounds what a page can make us copy around.
  const MAX_HTML_CHARS = 64 * 1024 * 1024;
  const MAX_URL_CHARS = 16 * 1024;

  const isObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

  /** A message from one of our own content scripts in a top-level tab frame. */
  function isFromOwnContentScript(sender, ownId) {
    return (
      isObject(sender) &&
      sender.id === ownId &&
      isObject(sender.tab) &&
      Number.isInteger(sender.tab.id) &&
      sender.frameId === 0
    );
  }

  function cleanRequest(html, url) {
    return { type: CLEAN, html, url };
  }

  function isCleanRequest(m) {
    return (
      isObject(m) &&
      m.type === CLEAN &&
      typeof m.html === 'string' &&
      m.html.length <= MAX_HTML_CHARS &&
      isPageUrl(m.url)
    );
  }

  function isTestAction(m) {
    return isObject(m) && m.type === TEST_ACTION;
  }

  function isPageUrl(u) {
    return (
      typeof u === 'string' &&
      u.length <= MAX_URL_CHARS &&
      (u === '' || /^https?:\/\//i.test(u) || /^file:\/\//i.test(u))
    );
  }

  /** Today in the browser's time zone, YYYY-MM-DD (the export's `exported` date). */
  function localDate(d = new Date()) {
    const pad = (n) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  }

  function exportRequest(format, delivery, article, url, exported = localDate()) {
    return { type: EXPORT, format, delivery, article, url, exported };
  }

  function isExportRequest(m) {
    return (
      isObject(m) &&
      m.type === EXPORT &&
      EXPORT_FORMATS.includes(m.format) &&
      EXPORT_DELIVERIES.includes(m.delivery) &&
      isObject(m.article) &&
      typeof m.article.content_html === 'string' &&
      m.article.content_html.length <= MAX_HTML_CHARS &&
      isPageUrl(m.url) &&
      typeof m.exported === 'string' &&
      /^\d{4}-\d{2}-\d{2}$/.test(m.exported)
    );
  }

  function isExportReply(r) {
    if (!isObject(r) || typeof r.ok !== 'boolean') return false;
    if (!r.ok) return isObject(r.error) && typeof r.error.code === 'string';
    return typeof r.file_name === 'string' && (r.text === undefined || typeof r.text === 'string');
  }
  const isSiteStatus = (m) =>
    isObject(m) && m.type === SITE_STATUS && typeof m.url === 'string' && m.url.length <= MAX_URL_CHARS;
  const isReport = (m) =>
    isObject(m) && m.type === REPORT && typeof m.auto === 'boolean' && typeof m.mirror === 'boolean' && typeof m.listed === 'boolean';
  const isAlwaysClean = (m) => isObject(m) && m.type === ALWAYS_CLEAN;
  const isLocalNews = (m) => isObject(m) && m.type === LOCAL_NEWS;
  const isSetAuto = (m) => isObject(m) && m.type === SET_AUTO && typeof m.on === 'boolean';

  function failure(code, message) {
    return { ok: false, error: { code: String(code), message: String(message ?? '') } };
  }

  /** A well-formed Result; anything else (a reply from elsewhere, undefined when
   * the background died) is turned into a failure by the caller. */
  function isResult(r) {
    if (!isObject(r) || typeof r.ok !== 'boolean') return false;
    if (r.ok) return isObject(r.article) && typeof r.article.content_html === 'string';
    return isObject(r.error) && typeof r.error.code === 'string';
  }

  ns.messages = Object.freeze({
    CLEAN,
    TEST_ACTION,
    EXPORT,
    EXPORT_FORMATS,
    MAX_HTML_CHARS,
    isFromOwnContentScript,
    cleanRequest,
    isCleanRequest,
    isTestAction,
    isPageUrl,
    localDate,
    exportRequest,
    isExportRequest,
    isExportReply,
    SITE_STATUS,
    REPORT,
    ALWAYS_CLEAN,
    isSiteStatus,
    isReport,
    isAlwaysClean,
    SET_AUTO,
    isSetAuto,
    LOCAL_NEWS,
    isLocalNews,
    failure,
    isResult,
  });
})();
