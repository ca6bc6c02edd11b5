// End-to-end tests of known mirror sites in Chromium (dist/chrome-test): pages on
// a listed host are cleaned on load, a host the user adds too, the per-site
// switch stops it, the badge says what happened, imports report malformed lines
// without losing what is saved, and on a mirror page on no list the hidden
// elements are exactly the reported clutter and closing the reader restores them.
//
// Listed host names reach the test server through its proxy role: Chromium sends
// every request to it (chromiumArgs), and startServer({ hosts }) serves those
// names like itself (the page sees `http://deltapeak.fastseoul.com/...`).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer } from './server.mjs';
import { ARTIFACTS, pageState } from './common.mjs';
import { foreignRequests, launchChromium, toggle } from './chromium-lib.mjs';

const SEED = '/www/pkg/samples/seed-cbs-korea.html';
const MIRROR = '/www/pkg/samples/mirror-template.html';
const LISTED = 'http://deltapeak.fastseoul.com'; // fastseoul.com: unmirror-news-mirrors
const USER_HOST = 'user-added.example'; // declared in chrome-test's host_permissions (see build.sh)
const USER = `http://news.${USER_HOST}`;

/** Page-side: the reader's state and what is hidden in the page. */
const HIDDEN_STATE = () => {
  const host = document.querySelector('unmirror-reader');
  const all = [...document.querySelectorAll('*')];
  const hidden = all
    .filter((el) => el.style.getPropertyValue('display') === 'none' && el.style.getPropertyPriority('display') === 'important')
    .map((el) => all.indexOf(el));
  const selectors = host?.dataset.clutter ? JSON.parse(host.dataset.clutter) : [];
  const expected = new Set();
  for (const sel of selectors) {
    for (const el of document.querySelectorAll(sel)) {
      if (el === document.documentElement || el === document.body || el === document.head || el.contains(host)) continue;
      expected.add(all.indexOf(el));
    }
  }
  return {
    open: !!host,
    auto: host?.dataset.auto === 'true',
    listed: host?.dataset.listed ? JSON.parse(host.dataset.listed) : null,
    title: host?.shadowRoot?.querySelector('h1.title')?.textContent ?? '',
    attribution: host?.shadowRoot?.querySelector('[data-unmirror="attribution"]')?.textContent ?? '',
    offer: !!host?.shadowRoot?.querySelector('[data-unmirror="always-clean"]'),
    selectors: selectors.length,
    hidden: hidden.sort((a, b) => a - b),
    expected: [...expected].sort((a, b) => a - b),
  };
};

describe('Chromium: known sites and auto-clean', () => {
  let server;
  let b;
  let extPage;

  before(async () => {
    server = await startServer({ hosts: ['fastseoul.com', USER_HOST] });
    b = await launchChromium(server);
  });
  after(async () => {
    await extPage?.close();
    await b?.close();
    await server?.close();
  });

  // The page's tab is the active one (tab URLs are hidden without the tabs
  // permission, so it is not looked up by URL).
  const badge = async (page) => {
    await page.bringToFront();
    return b.sw.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return chrome.action.getBadgeText({ tabId: tab.id });
    });
  };

  async function waitForReader(page, timeout = 15000) {
    await page.waitForFunction(() => document.querySelector('unmirror-reader')?.shadowRoot?.querySelector('.reader'), null, { timeout });
    return page.evaluate(HIDDEN_STATE);
  }

  /** Loads `url`, waits `ms`, and says whether a reader opened by itself. */
  async function staysClosed(page, url, ms = 2500) {
    await page.goto(url);
    await page.waitForTimeout(ms);
    return !(await page.evaluate(() => !!document.querySelector('unmirror-reader')));
  }

  async function options() {
    extPage ??= await b.ctx.newPage();
    await extPage.goto(`chrome-extension://${b.extId}/options/options.html`);
    await extPage.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    return extPage;
  }

  it('a page on a built-in listed host is cleaned on load: reader open, clutter hidden, badge ON', async () => {
    const { page } = b;
    await page.goto(`${LISTED}${SEED}`);
    const st = await waitForReader(page);
    assert.equal(st.auto, true, 'opened by auto-clean');
    assert.equal(st.listed?.list, 'unmirror-news-mirrors');
    assert.equal(st.listed?.kind, 'mirror');
    assert.equal(st.listed?.rule, 'fastseoul.com');
    assert.ok(st.listed?.line > 0, 'the rule line is reported');
    assert.match(st.title, /North Korea and Russia/);
    assert.ok(st.selectors > 0, 'the core reported clutter');
    assert.deepEqual(st.hidden, st.expected, 'hidden elements = the reported clutter');
    assert.ok(st.hidden.length > 0);
    assert.equal(st.offer, false, 'a listed site gets no "always clean" offer');
    assert.equal(await badge(page), 'ON');
    // The reader opened on load is the same reader: its export menu is there.
    assert.equal(await page.locator('unmirror-reader button[data-export-menu]').count(), 1, 'export menu in the auto-opened reader');
    await page.screenshot({ path: path.join(ARTIFACTS, 'chromium-auto-clean.png') });
    // Closing restores the page: the same DOM as the same page on a host on no list.
    // (Esc: the toolbar click would grant activeTab, a programmatic one does not.)
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !document.querySelector('unmirror-reader'));
    const restored = await pageState(page);
    const probe = await b.ctx.newPage();
    await probe.goto(`${server.origin}${SEED}`);
    await probe.waitForTimeout(1500);
    assert.equal(await probe.evaluate(() => !!document.querySelector('unmirror-reader')), false, 'no auto-clean on an unlisted host');
    const plain = await pageState(probe);
    await probe.close();
    assert.equal(restored.html, plain.html, 'the page DOM is restored');
  });

  it('a mirror on no list: hidden = reported clutter, restored on close, badge and overlay offer "Always clean this site"', async () => {
    const { page } = b;
    await page.goto(`${server.origin}${MIRROR}`);
    const before = await pageState(page);
    const res = await toggle(b.sw, page);
    assert.equal(res.state, 'open');
    const st = await page.evaluate(HIDDEN_STATE);
    assert.equal(st.auto, false);
    assert.equal(st.listed, null);
    assert.match(st.attribution, /is (very likely|likely|possibly) a copy of an article published elsewhere/);
    assert.equal(st.offer, true, 'the overlay offers to always clean the site');
    assert.ok(st.selectors > 0);
    assert.deepEqual(st.hidden, st.expected, 'hidden elements = the reported clutter');
    assert.equal(await badge(page), '?');
    const res2 = await toggle(b.sw, page);
    assert.equal(res2.state, 'closed');
    const after = await pageState(page);
    assert.equal(after.html, before.html, 'closing the reader restores every hidden element');
    // The offer opens the options page on this site (the permission needs a click there).
    await toggle(b.sw, page);
    const opened = b.ctx.waitForEvent('page');
    await page.evaluate(() => document.querySelector('unmirror-reader').shadowRoot.querySelector('[data-unmirror="always-clean"]').click());
    const optionsTab = await opened;
    await optionsTab.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    assert.match(optionsTab.url(), /options\/options\.html\?add=127\.0\.0\.1$/);
    assert.equal(await optionsTab.evaluate(() => document.getElementById('offer').hidden), false);
    assert.equal(await optionsTab.textContent('#offer-site'), '127.0.0.1');
    await optionsTab.close();
    await toggle(b.sw, page);
  });

  it('a site the user adds is cleaned on load; its per-site switch stops it', async () => {
    const { page } = b;
    assert.ok(await staysClosed(page, `${USER}${MIRROR}`), 'not cleaned before it is added');
    const o = await options();
    await o.fill('#add-site', `${USER}/some/page.html`);
    await o.click('#add');
    await o.waitForSelector(`#user-sites tr[data-site="${USER_HOST}"]`);
    assert.match(await o.textContent('#add-status'), /added: its pages are cleaned/);
    // The background registers the content script for the granted host.
    await b.sw.evaluate(async () => {
      for (let i = 0; i < 100; i++) {
        const got = await chrome.scripting.getRegisteredContentScripts({ ids: ['unmirror-auto-user'] });
        if (got[0]?.matches?.includes('*://*.user-added.example/*')) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error('content script not registered');
    });
    await page.goto(`${USER}${MIRROR}`);
    const st = await waitForReader(page);
    assert.equal(st.auto, true);
    assert.equal(st.listed?.list, 'user');
    assert.equal(st.listed?.rule, USER_HOST);
    assert.deepEqual(st.hidden, st.expected);
    assert.equal(await badge(page), 'ON');
    assert.equal(await page.locator('unmirror-reader button[data-export-menu]').count(), 1, 'export menu in the auto-opened reader');

    // Per-site switch off: the user's site and a built-in listed site.
    await o.uncheck(`[data-auto="${USER_HOST}"]`);
    await o.fill('#off-site', 'fastseoul.com');
    await o.click('#off-add');
    await o.waitForSelector('#auto-off li[data-site="fastseoul.com"]');
    await o.waitForSelector(`#auto-off li[data-site="${USER_HOST}"]`);
    assert.ok(await staysClosed(page, `${USER}${MIRROR}`), 'switched off: the user site is not cleaned');
    assert.equal(await badge(page), '');
    assert.ok(await staysClosed(page, `${LISTED}${SEED}`), 'switched off: the listed site is not cleaned');
    // ...and back on.
    await o.click('#auto-off button[data-on="fastseoul.com"]');
    await o.waitForFunction(() => !document.querySelector('#auto-off li[data-site="fastseoul.com"]'));
    await page.goto(`${LISTED}${SEED}`);
    assert.equal((await waitForReader(page)).auto, true);
  });

  it('import: malformed lines are reported by number and nothing saved is lost; a clean import is saved', async () => {
    const o = await options();
    // The import names hosts under the test build's declared host permission
    // (no prompt to click); the user site covering them goes first, so that the
    // lookup below can only hit the import.
    await o.click(`#user-sites button[data-remove="${USER_HOST}"]`);
    await o.waitForFunction(() => !document.querySelector('#user-sites tbody tr'));
    const stored = () => b.sw.evaluate(() => chrome.storage.local.get(null));
    const beforeStore = await stored();
    await o.fill('#import-name', 'Broken');
    await o.selectOption('#import-format', 'domains');
    await o.fill('#import-text', 'good.example\nnot a host!\nalso-good.example\n\nbad..example\n');
    await o.click('#import-check');
    const lines = await o.$$eval('#import-report ul.errors li', (li) => li.map((x) => Number(x.dataset.line)));
    assert.deepEqual(lines, [2, 5]);
    assert.match(await o.textContent('#import-report'), /2 malformed lines: nothing was imported/);
    assert.equal(await o.isDisabled('#import-save'), true);
    assert.deepEqual(await stored(), beforeStore, 'storage untouched');

    await o.fill('#import-name', 'Mine');
    await o.selectOption('#import-format', 'auto');
    await o.fill('#import-text', '*://*.imported.user-added.example/*\n*://other.user-added.example/*\n');
    await o.click('#import-check');
    assert.equal(await o.isDisabled('#import-save'), false);
    await o.click('#import-save');
    await o.waitForSelector('#imports tr[data-import]');
    const after = await stored();
    assert.equal(after.schema, 1);
    assert.equal(after.sites.imports.length, 1);
    assert.equal(after.sites.imports[0].name, 'Mine');
    assert.deepEqual(after.sites.user, beforeStore.sites.user, 'the user sites are kept');
    // The imported rules take part in lookups (background index).
    const hit = await b.sw.evaluate(() => globalThis.unmirrorSites.status('https://a.imported.user-added.example/x'));
    assert.equal(hit.listed?.kind, 'user');
    assert.match(hit.listed?.list, /^import-/);
  });

  it('built-in lists: kinds, licences, optional lists off by default', async () => {
    const o = await options();
    const rows = await o.$$eval('#builtin tbody tr', (trs) =>
      trs.map((tr) => ({
        id: tr.dataset.builtin,
        kind: tr.cells[1].textContent,
        rules: Number(tr.cells[2].textContent),
        licence: tr.cells[3].textContent,
        on: tr.querySelector('input').checked,
        locked: tr.querySelector('input').disabled,
      })),
    );
    assert.equal(await o.isHidden('#builtin-access'), true, 'no grant asked for in Chrome (granted at install)');
    const news = rows.find((r) => r.id === 'unmirror-news-mirrors');
    assert.deepEqual({ kind: news.kind, on: news.on, locked: news.locked }, { kind: 'mirror', on: true, locked: true });
    const farms = rows.find((r) => r.id === 'cft-content-farms');
    assert.deepEqual({ kind: farms.kind, on: farms.on, locked: farms.locked }, { kind: 'content-farm (optional)', on: false, locked: false });
    for (const r of rows) {
      assert.ok(r.rules > 0, `${r.id} has rules`);
      assert.ok(r.licence, `${r.id} names its licence`);
    }
  });

  it('on a listed site, a page without an article is left alone on load', async () => {
    const { page } = b;
    assert.ok(await staysClosed(page, `${LISTED}/pages/noarticle.html`), 'no "no article" message over the page');
    assert.equal(await badge(page), '');
  });

  it("the reader opened on load says why and its switch stops auto-clean for the site", async () => {
    const { page } = b;
    await page.goto(`${LISTED}${SEED}`);
    await waitForReader(page);
    const why = await page.evaluate(() => document.querySelector('unmirror-reader').shadowRoot.querySelector('p.listed')?.textContent ?? '');
    assert.match(why, /^Cleaned on load: listed in unmirror-news-mirrors \(rule fastseoul\.com, line \d+\)/);
    await page.evaluate(() => document.querySelector('unmirror-reader').shadowRoot.querySelector('[data-unmirror="auto-off"]').click());
    await page.waitForFunction(() => /Auto-clean is off/.test(document.querySelector('unmirror-reader')?.shadowRoot.querySelector('p.listed')?.textContent ?? ''));
    const stored = await b.sw.evaluate(() => chrome.storage.local.get('sites'));
    assert.ok(stored.sites.auto_off.includes('fastseoul.com'));
    assert.ok(await staysClosed(page, `${LISTED}${SEED}`), 'not cleaned on the next load');
  });

  it('settings: a stored schema-0 profile is migrated in the browser, reader settings kept', async () => {
    const got = await b.sw.evaluate(async () => {
      await chrome.storage.local.clear();
      await chrome.storage.sync.set({ reader: { theme: 'sepia', font: 'mono', size: 23, width: 'wide', line_height: 2.0 } });
      const m = await globalThis.unmirror.settings.loadAll();
      return { from: m.from, reader: m.reader, local: await chrome.storage.local.get(null) };
    });
    assert.equal(got.from, 0);
    assert.deepEqual(got.reader, { theme: 'sepia', font: 'mono', size: 23, width: 'wide', line_height: 2.0 });
    assert.equal(got.local.schema, 1);
    assert.deepEqual(got.local.sites, { user: [], imports: [], optional: {}, auto_off: [] });
  });

  it('the extension made no request of its own', () => {
    assert.deepEqual(foreignRequests(server), []);
    const ext = b.requests.filter((r) => !/^(chrome-extension|data|blob):/.test(r.url) && r.sw);
    assert.deepEqual(ext, [], 'the service worker fetched only from its package');
  });
});
