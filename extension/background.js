// The background: a module service worker in Chrome, an event page in Firefox
// (the build gives Firefox `background.scripts` with `type: module`).
//
// Every listener is registered synchronously at the top level, as MV3 requires:
// the browser wakes the worker for an event and only delivers it to listeners
// that exist by the end of the first run. The core is loaded lazily, on the
// first CLEAN request, and the glue is imported statically (service workers may
// not use import()).
//
// What it does:
//   - toolbar button, keyboard shortcut (_execute_action) and the context menu
//     item all call handleAction(tab): inject the content scripts into the tab
//     (activeTab grants the access for that click) unless already there, then
//     toggle the reader;
//   - answers CLEAN requests from its own content scripts (route 2, see
//     content/main.js) by running the core here;
//   - exports the reader's article (EXPORT requests, and the context menu's
//     "Export cleaned article"): background-export.js.
// It makes no network request: the wasm is fetched from the extension package.
import './lib/browser.js';
import './lib/messages.js';
import './lib/core.js';
import './lib/settings.js';
import initCore, { clean as coreClean, version as coreVersion } from './vendor/unmirror.js';
import { makeExporter } from './background-export.js';
import * as sites from './sites.js';
import { CONTENT_FILES } from './lib/content-files.js';

const { ext, messages: M, core } = globalThis.unmirror;

const MENU_ID = 'unmirror-read';
const EXPORT_MENU_ID = 'unmirror-export';
const MENU_ALWAYS = 'unmirror-always';
// Injection order matters: lib/ first (they define globalThis.unmirror.*), the
// glue before main.js (it defines the global wasm_bindgen main.js calls).
// Test builds (dist/firefox-test, made by ./build.sh for the end-to-end tests
// only) declare the test hook content script and accept its TEST_ACTION message;
// release builds contain neither the file nor the declaration.
// (Firefox reports the paths as full moz-extension:// URLs, hence endsWith.)
const TEST_BUILD = (ext.runtime.getManifest().content_scripts ?? []).some((c) =>
  (c.js ?? []).some((f) => f.endsWith('test/test-hook.js')),
);

/** The text of the core's local-paper table (kept out of the wasm), or null. */
let localNews = null;
function localNewsText() {
  localNews ??= fetch(ext.runtime.getURL('vendor/local_news.tsv'))
    .then((r) => (r.ok ? r.text() : null))
    .catch(() => null);
  return localNews;
}

let coreReady = null;
function loadCore() {
  coreReady ??= Promise.all([
    initCore({ module_or_path: ext.runtime.getURL('vendor/unmirror_bg.wasm') }),
    // The core reads it from globalThis.unmirror.localNews (src/wasm.rs).
    localNewsText().then((t) => {
      globalThis.unmirror.localNews = t ?? undefined;
    }),
  ]).catch((e) => {
    coreReady = null; // let the next request try again
    throw e;
  });
  return coreReady;
}

/** Inject the content scripts into `target` unless they are already there. */
async function ensureContent(target) {
  const [probe] = await ext.scripting.executeScript({
    target,
    func: () => typeof globalThis.unmirror?.content?.toggle === 'function',
  });
  if (probe?.result !== true) {
    await ext.scripting.executeScript({ target, files: [...CONTENT_FILES] });
  }
}

/** Toggle the reader in `tab`. Resolves to the content script's report, or { error }. */
async function handleAction(tab) {
  if (!tab || !Number.isInteger(tab.id)) return { error: 'no tab' };
  // Warm the core here in parallel: if the page's CSP keeps the wasm out of the
  // content script (Chromium), the CLEAN request then finds it ready.
  loadCore().catch(() => {});
  const target = { tabId: tab.id }; // top frame only
  try {
    await ensureContent(target);
    const [res] = await ext.scripting.executeScript({
      target,
      func: () => globalThis.unmirror.content.toggle(),
    });
    return res?.result ?? { error: 'no result' };
  } catch (e) {
    // Pages no extension may script (browser pages, the web store, PDF viewer).
    return { error: String(e?.message ?? e) };
  }
}
// Reachable from the end-to-end tests (they evaluate code in this worker); pages
// cannot reach a worker's globals.
globalThis.handleAction = handleAction;
globalThis.unmirrorSites = sites;
sites.init(loadCore);

// Export (background-export.js): the reader's export menu and the context menu.
const exporter = makeExporter({
  ext,
  messages: M,
  core,
  loadCore,
  readTab: async (tab) => {
    if (!tab || !Number.isInteger(tab.id)) throw new Error('no tab');
    const target = { tabId: tab.id };
    await ensureContent(target);
    const [res] = await ext.scripting.executeScript({ target, func: () => globalThis.unmirror.content.article() });
    return res?.result;
  },
  showReader: (tab) => handleAction(tab),
});
/** The context menu's "Export cleaned article": Markdown of `tab`'s article. */
const handleExport = (tab) => exporter.fromTab(tab, 'markdown');
globalThis.handleExport = handleExport; // for the end-to-end tests, as handleAction

async function cleanHere(msg) {
  try {
    await loadCore();
  } catch (e) {
    return M.failure('core_unavailable', e?.message ?? String(e));
  }
  // The known-site lists are mirror evidence for the core (Options.listed).
  const st = await sites.status(msg.url).catch(() => null);
  return core.run(coreClean, msg.html, msg.url, st?.listed ? { listed: st.listed } : undefined, coreVersion);
}

/** "Always clean this site" from the context menu: the click is the user gesture
 * the permission prompt needs, so the request comes first, before any await. */
function alwaysClean(tab) {
  const site = sites.siteOfTab(tab);
  if (!site) return;
  ext.permissions.request({ origins: [sites.patternFor(site)] }).then(
    (ok) => (ok ? sites.addSite(site) : false),
    () => false,
  );
}

ext.action.onClicked.addListener((tab) => {
  handleAction(tab);
});

ext.contextMenus.onClicked.addListener((info, tab) => {
  if (info.menuItemId === MENU_ID) handleAction(tab);
  else if (info.menuItemId === EXPORT_MENU_ID) handleExport(tab);
  else if (info.menuItemId === MENU_ALWAYS) alwaysClean(tab);
});

ext.runtime.onInstalled.addListener(() => {
  // Menus persist across worker restarts; create it once per install/update.
  ext.contextMenus.removeAll().then(() => {
    ext.contextMenus.create({ id: MENU_ID, title: 'Read with unmirror', contexts: ['page', 'selection'] });
    ext.contextMenus.create({ id: EXPORT_MENU_ID, title: 'Export cleaned article', contexts: ['page', 'selection'] });
    ext.contextMenus.create({ id: MENU_ALWAYS, title: 'Always clean this site', contexts: ['page', 'action'] });
  });
  sites.syncScripts().catch(() => {});
});
// Dynamically registered content scripts do not outlive a Firefox session:
// register again on every browser start (harmless in Chrome, which keeps them).
ext.runtime.onStartup.addListener(() => {
  sites.syncScripts().catch(() => {});
});

ext.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (!M.isFromOwnContentScript(sender, ext.runtime.id)) return false;
  if (M.isCleanRequest(msg)) {
    cleanHere(msg).then(sendResponse);
    return true; // reply asynchronously
  }
  if (M.isExportRequest(msg)) {
    exporter.onRequest(msg).then(sendResponse);
    return true;
  }
  if (M.isSiteStatus(msg)) {
    sites.status(msg.url, sender.tab.id).then(sendResponse, (e) => sendResponse({ error: String(e?.message ?? e) }));
    return true;
  }
  if (M.isReport(msg)) {
    sites.report(sender.tab.id, msg).then(sendResponse, () => sendResponse(null));
    return true;
  }
  if (M.isLocalNews(msg)) {
    localNewsText().then(sendResponse);
    return true;
  }
  if (M.isSetAuto(msg)) {
    sites.setAuto(sender.tab.id, msg.on).then(sendResponse, () => sendResponse(false));
    return true;
  }
  if (M.isAlwaysClean(msg)) {
    // A message carries no user gesture: the options page asks for the permission.
    const site = sites.siteOfTab(sender.tab);
    const page = ext.runtime.getURL(`options/options.html${site ? `?add=${encodeURIComponent(site)}` : ''}`);
    ext.tabs.create({ url: page }).then(() => sendResponse(true), () => sendResponse(false));
    return true;
  }
  if (TEST_BUILD && M.isTestAction(msg)) {
    handleAction(sender.tab).then(sendResponse);
    return true;
  }
  return false;
});
