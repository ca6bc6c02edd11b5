// The message vocabulary between the content script and the background, with
// validators. Anything a content script sends is untrusted (it runs beside page
// code and carries page data): the background checks the sender and the exact
// shape before acting, and the content script checks replies the same way.
//
// Messages (all plain JSON; Chromium serialises runtime messages as JSON):
//   CLEAN        content → background  { type, html, url }
//                reply                 Result (below)
//   TEST_ACTION  test-hook → background { type }   (test builds only; see background.js)
//   SITE_STATUS  content → background  { type, url }
//                reply                 { listed: {list, kind, rule, line} | null, site, auto }
//   REPORT       content → background  { type, auto, mirror, listed }  (what the reader did: badge)
//   ALWAYS_CLEAN content → background  { type }  ("Always clean this site": opens the options
//                page on the tab's site, where a click can grant the host permission)
//   SET_AUTO     content → background  { type, on }  (the per-site auto-clean switch for the tab's site)
// Result, everywhere the core is called:
//   { ok: true,  article }            article: the core's snake_case Article object
//   { ok: false, error: { code, message } }
(function () {
  'use strict';
  const ns = (globalThis.unmirror ??= {});
  if (ns.messages) return;

  const CLEAN = 'unmirror/clean';
  const TEST_ACTION = 'unmirror/test-action';
  const SITE_STATUS = 'unmirror/site-status';
  const REPORT = 'unmirror/report';
  const ALWAYS_CLEAN = 'unmirror/always-clean';
  const SET_AUTO = 'unmirror/set-auto';
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
      typeof m.url === 'string' &&
      m.url.length <= MAX_URL_CHARS &&
      (m.url === '' || /^https?:\/\//i.test(m.url) || /^file:\/\//i.test(m.url))
    );
  }

  function isTestAction(m) {
    return isObject(m) && m.type === TEST_ACTION;
  }

  const isSiteStatus = (m) =>
    isObject(m) && m.type === SITE_STATUS && typeof m.url === 'string' && m.url.length <= MAX_URL_CHARS;
  const isReport = (m) =>
    isObject(m) && m.type === REPORT && typeof m.auto === 'boolean' && typeof m.mirror === 'boolean' && typeof m.listed === 'boolean';
  const isAlwaysClean = (m) => isObject(m) && m.type === ALWAYS_CLEAN;
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
    MAX_HTML_CHARS,
    isFromOwnContentScript,
    cleanRequest,
    isCleanRequest,
    isTestAction,
    SITE_STATUS,
    REPORT,
    ALWAYS_CLEAN,
    isSiteStatus,
    isReport,
    isAlwaysClean,
    SET_AUTO,
    isSetAuto,
    failure,
    isResult,
  });
})();
