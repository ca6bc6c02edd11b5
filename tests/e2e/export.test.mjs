// Export (issue 8) and attribution (issue 7) through the real extension and the
// real core, in Chromium, on the bundled mirror seed page served by the test
// server (www/pkg/samples/seed-cbs-korea.html, copied there by ./build.sh).
// renderer.test.mjs checks the strip's rendering with hand-made results; this
// file checks what the shipped core says about a real mirror page, end to end,
// and that every export item gives a file (or clipboard text) with the right
// content. Nothing may leave the machine: the search link is never followed.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO, startServer } from './server.mjs';
import { ARTIFACTS, pageState } from './common.mjs';
import { foreignRequests, inContentWorld, launchChromium, toggle } from './chromium-lib.mjs';
import { TRIGGER, isFirefoxOwn, startFirefox } from './firefox-lib.mjs';

const SEED = '/www/pkg/samples/seed-cbs-korea.html';
const TITLE = "North Korea and Russia's deepening ties prompt South Korea to reconsider ban on supplying weapons to Ukraine";
// export_file_name: the title's letters and digits, other runs as '-', cut at 80 characters.
const STEM = 'North-Korea-and-Russia-s-deepening-ties-prompt-South-Korea-to-reconsider-ban-on';
// The mirror template's own text: none of it may reach an export.
const CLUTTER = ['Current:Home', 'veryGood!', 'Ranking', 'Recommendation', 'Date:2025-04-11', '-Finovate'];
// Article text that must reach every export.
const BODY = ['Major weapons exporter South Korea will "reconsider"', 'told AFP.', 'the backlash from Russia could be minimized'];

const STRIP = `
  const r = document.querySelector('unmirror-reader').shadowRoot;
  const strip = r.querySelector('[data-unmirror="attribution"]');
  return {
    text: strip.textContent,
    publisher: (strip.querySelector('.publisher') || {}).textContent || '',
    mirror: (strip.querySelector('.mirror') || {}).textContent || '',
    mirrorWords: (strip.querySelector('.mirror') || { dataset: {} }).dataset.confidence || null,
    confidence: (strip.querySelector('.confidence') || {}).textContent || '',
    confidenceWords: (strip.querySelector('.confidence') || { dataset: {} }).dataset.confidence || null,
    evidence: [...strip.querySelectorAll('details li')].map((li) => li.textContent),
    links: [...strip.querySelectorAll('a')].map((a) => ({ text: a.textContent, href: a.href, target: a.target, rel: a.rel })),
  };
`;
const STATUS = `
  const s = document.querySelector('unmirror-reader').shadowRoot.querySelector('.export-status');
  return s ? { state: s.dataset.state || null, text: s.textContent, via: s.dataset.via || null } : null;
`;

const today = () => {
  const d = new Date();
  const p = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
};

function frontMatter(md) {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(md);
  assert.ok(m, 'front matter block');
  const fields = {};
  for (const line of m[1].split('\n')) {
    const kv = /^([a-z_]+): (.*)$/.exec(line);
    if (kv) fields[kv[1]] = kv[2].startsWith('"') ? JSON.parse(kv[2]) : kv[2];
  }
  return fields;
}

/**
 * The content of a file Firefox finished downloading, or null after ~10 s. Firefox creates an
 * empty placeholder at the final name and writes into `NAME.part`, so existence alone is not
 * completion: wait until the `.part` file is gone and the size is non-zero and stable.
 */
async function finishedDownload(file) {
  let last = -1;
  for (let i = 0; i < 100; i++) {
    const size = fs.existsSync(file) && !fs.existsSync(`${file}.part`) ? fs.statSync(file).size : 0;
    if (size > 0 && size === last) return fs.readFileSync(file, 'utf8');
    last = size;
    await new Promise((r) => setTimeout(r, 100));
  }
  return null;
}

/** The seed page's html-page export: the CSP meta, no script, the attribution header, the article. */
function checkHtmlPage(html, seedUrl) {
  assert.match(html, /^<!DOCTYPE html>/);
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';[^"]*">/);
  assert.ok(!/<script/i.test(html), 'no script element');
  assert.ok(!/\son[a-z]+\s*=/i.test(html.replace(/<style>[\s\S]*?<\/style>/, '')), 'no event handler attribute');
  assert.match(html, /Originally published by CBS News/);
  assert.ok(html.includes(seedUrl), 'names the page it was read at');
  for (const t of ['told AFP.', 'the backlash from Russia could be minimized']) assert.ok(html.includes(t), t);
  for (const t of CLUTTER) assert.ok(!html.includes(t), `clutter left out: ${t}`);
}

/** The seed page's text export: title, then the attribution line (both wrapped), then the article. */
function checkText(text, seedUrl) {
  const [head, credit] = text.split('\n\n').map((p) => p.replace(/\s+/g, ' '));
  assert.equal(head, TITLE, 'title first');
  assert.equal(credit, `Originally published by CBS News. Read on a mirror copy at ${seedUrl}. Exported ${today()}.`);
  for (const t of BODY) assert.ok(text.replace(/\s+/g, ' ').includes(t), `article text kept: ${t}`);
  for (const t of CLUTTER) assert.ok(!text.includes(t), `clutter left out: ${t}`);
}

/** The seed page's Markdown export, read at `seedUrl`. */
function checkMarkdown(md, seedUrl) {
  const fm = frontMatter(md);
  assert.equal(fm.title, TITLE);
  assert.equal(fm.original_publisher, 'CBS News');
  assert.equal(fm.mirror, 'true');
  assert.equal(fm.source_url, seedUrl);
  assert.equal(fm.exported, today(), "exported: today's date in the browser");
  assert.equal(fm.original_url, 'null', 'no original URL is guessed');
  assert.ok(md.includes(`\n---\n\n# ${TITLE}\n\n`), 'title heading after the front matter');
  for (const t of BODY) assert.ok(md.includes(t), `article text kept: ${t}`);
  for (const t of CLUTTER) assert.ok(!md.includes(t), `clutter left out: ${t}`);
}

describe('Chromium: attribution and export with the real extension on the seed mirror page', () => {
  let server;
  let b;
  let seedUrl;

  before(async () => {
    server = await startServer();
    seedUrl = `${server.origin}${SEED}`;
    assert.ok(fs.existsSync(path.join(REPO, SEED)), `${SEED} missing: run ./build.sh first`);
    b = await launchChromium(server);
    // Reading the clipboard back needs clipboard-read. (CDP's grant denies every
    // permission it does not list: clipboard-write, which Chromium grants a
    // focused page by default, is listed to keep that default.)
    await b.ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
  });
  after(async () => {
    await b?.close();
    await server?.close();
  });

  async function openSeed() {
    await b.page.goto(seedUrl);
    const res = await toggle(b.sw, b.page);
    assert.equal(res.state, 'open', JSON.stringify(res));
    assert.equal(res.ok, true, 'the core read the seed page');
  }

  /** Click Export → `key`; resolves to the status line once it settles. */
  async function exportItem(key) {
    const { page } = b;
    await page.locator('unmirror-reader button[data-export-menu]').click();
    assert.equal(await page.locator('unmirror-reader [role="menu"]').isVisible(), true, 'menu open');
    await page.locator(`unmirror-reader [data-export="${key}"]`).click();
    await page.waitForFunction(new Function(`${STATUS.replace('return s ?', 'return s && s.dataset.state !== "busy" ?')}`));
    return page.evaluate(new Function(STATUS));
  }

  /** The newest download's file content, once complete. */
  async function lastDownload() {
    const item = await b.sw.evaluate(async () => {
      for (let i = 0; i < 100; i++) {
        const [d] = await chrome.downloads.search({ orderBy: ['-startTime'], limit: 1 });
        if (d && d.state !== 'in_progress') return { id: d.id, state: d.state, filename: d.filename, mime: d.mime, by: d.byExtensionName, scheme: d.url.slice(0, 5), error: d.error ?? null };
        await new Promise((r) => setTimeout(r, 50));
      }
      return null;
    });
    assert.ok(item, 'a download appeared');
    assert.equal(item.state, 'complete', `download complete (${item.error})`);
    assert.equal(item.by, 'unmirror');
    assert.equal(item.scheme, 'data:', 'saved from a data: URL (the service worker has no blob URLs)');
    return { ...item, text: fs.readFileSync(item.filename, 'utf8') };
  }

  it('#7: the strip names CBS News, says how sure in words, lists the evidence and offers a search it never opens', async () => {
    const mark = server.mark();
    await openSeed();
    const s = await b.page.evaluate(new Function(STRIP));
    assert.match(s.publisher, /^Originally published by CBS News \(cbsnews\.com\)/);
    assert.match(s.text, /Agencies: Agence France-Presse/);
    // Confidence in words, the percentage beside it.
    assert.equal(s.mirrorWords, 'very likely');
    assert.match(s.mirror, /^This page is very likely a copy of an article published elsewhere \(confidence \d+%\)/);
    assert.match(s.mirror, /may not be the original's/);
    assert.ok(['very likely', 'likely', 'possibly'].includes(s.confidenceWords), s.confidence);
    assert.match(s.confidence, new RegExp(`^That CBS News published it first: ${s.confidenceWords} \\(confidence \\d+%\\)\\.$`));
    // The evidence: the staff self-reference and the agency credit, with what they point to.
    assert.ok(s.evidence.some((e) => /CBS News senior foreign correspondent/.test(e) && /→ CBS News$/.test(e)), s.evidence.join('\n'));
    assert.ok(s.evidence.some((e) => /told AFP/.test(e) && /→ Agence France-Presse$/.test(e)), 'agency credit listed');
    assert.ok(s.evidence.some((e) => /vote_widget/.test(e)), 'mirror evidence listed');
    // No original URL on the page: a click-only search for the exact headline.
    assert.equal(s.links.length, 1);
    const [link] = s.links;
    assert.equal(link.text, 'Find the original');
    const search = new URL(link.href);
    assert.equal(`${search.origin}${search.pathname}`, 'https://duckduckgo.com/');
    assert.equal(search.searchParams.get('q'), `"${TITLE}" site:cbsnews.com`, "the exact headline on the publisher's domain");
    assert.equal(link.target, '_blank');
    assert.equal(link.rel, 'noopener noreferrer');
    await b.page.locator('unmirror-reader details summary').click();
    await b.page.screenshot({ path: path.join(ARTIFACTS, 'chromium-seed-attribution.png') });
    await toggle(b.sw, b.page);
    assert.deepEqual(foreignRequests(server, mark), [], 'the search engine (or anything else) was never asked');
  });

  it('#8: each export item gives a file or clipboard text from the core, with the attribution and without the clutter', async () => {
    await openSeed();
    let st;
    // Copy as Markdown / text first (a download may take the page's focus,
    // which the Clipboard API needs): compared with the saved files below.
    st = await exportItem('copy-markdown');
    assert.deepEqual(st, { state: 'done', text: 'Copied the article as Markdown', via: 'api' });
    const clipMd = await b.page.evaluate(() => navigator.clipboard.readText());
    st = await exportItem('copy-text');
    assert.deepEqual(st, { state: 'done', text: 'Copied the article as text', via: 'api' });
    const clipText = await b.page.evaluate(() => navigator.clipboard.readText());
    // Markdown.
    st = await exportItem('markdown');
    assert.deepEqual(st, { state: 'done', text: `Saved ${STEM}.md`, via: null });
    const md = await lastDownload();
    assert.equal(md.mime, 'text/markdown');
    checkMarkdown(md.text, seedUrl);
    // HTML page: the CSP meta, no script, the attribution header, the article.
    st = await exportItem('html-page');
    assert.equal(st.state, 'done', st.text);
    assert.equal(st.text, `Saved ${STEM}.html`);
    const page = await lastDownload();
    assert.equal(page.mime, 'text/html');
    checkHtmlPage(page.text, seedUrl);
    // Text.
    st = await exportItem('text-export');
    assert.equal(st.state, 'done', st.text);
    assert.equal(st.text, `Saved ${STEM}.txt`);
    const txt = await lastDownload();
    assert.equal(txt.mime, 'text/plain');
    checkText(txt.text, seedUrl);
    assert.equal(clipMd, md.text, 'clipboard Markdown = saved Markdown');
    assert.equal(clipText, txt.text, 'clipboard text = saved text');
    // A page without the Clipboard API (plain http off localhost): the
    // execCommand route. Hidden in the content script's world only.
    await inContentWorld(b.page, b.extId, "Object.defineProperty(navigator, 'clipboard', { value: undefined }); true");
    st = await exportItem('copy-markdown');
    assert.deepEqual(st, { state: 'done', text: 'Copied the article as Markdown', via: 'command' });
    assert.equal(await b.page.evaluate(() => navigator.clipboard.readText()), md.text, 'clipboard Markdown via execCommand');
    assert.equal(await b.page.evaluate(() => document.querySelector('unmirror-reader').shadowRoot.querySelectorAll('textarea').length), 0, 'no textarea left behind');
    // Keyboard: Esc closes the open menu first, then the reader.
    await b.page.locator('unmirror-reader button[data-export-menu]').click();
    await b.page.screenshot({ path: path.join(ARTIFACTS, 'chromium-export-menu.png') });
    await b.page.keyboard.press('ArrowDown');
    const focused = await b.page.evaluate(() => document.querySelector('unmirror-reader').shadowRoot.activeElement?.dataset.export);
    assert.equal(focused, 'html-page', 'arrow keys move through the items');
    await b.page.keyboard.press('Escape');
    assert.equal(await b.page.locator('unmirror-reader [role="menu"]').isVisible(), false, 'Esc closed the menu');
    // A click elsewhere in the reader closes it too.
    await b.page.locator('unmirror-reader button[data-export-menu]').click();
    await b.page.locator('unmirror-reader h1.title').click();
    assert.equal(await b.page.locator('unmirror-reader [role="menu"]').isVisible(), false, 'a click outside closed the menu');
    assert.equal(await b.page.evaluate(() => !!document.querySelector('unmirror-reader')), true, 'the reader stays open');
    await b.page.keyboard.press('Escape');
    assert.equal(await b.page.evaluate(() => !!document.querySelector('unmirror-reader')), false, 'second Esc closed the reader');
  });

  it('#8: the context menu item exports the Markdown of the page, reader closed or open', async () => {
    const { page, sw } = b;
    await page.goto(seedUrl);
    const before = await pageState(page);
    const run = () =>
      sw.evaluate(async () => {
        const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return globalThis.handleExport(tab);
      });
    // Reader closed: the page is read for the export, and left exactly as it was.
    await page.bringToFront();
    let res = await run();
    assert.equal(res.ok, true, JSON.stringify(res));
    assert.equal(res.file_name, `${STEM}.md`);
    const closedMd = await lastDownload();
    checkMarkdown(closedMd.text, seedUrl);
    assert.deepEqual(await pageState(page), before, 'no reader opened, the page untouched');
    // Reader open: the open reader's article is the one exported.
    await toggle(sw, page);
    res = await run();
    assert.equal(res.ok, true, JSON.stringify(res));
    const openMd = await lastDownload();
    assert.equal(openMd.text, closedMd.text);
    await toggle(sw, page);
  });

  it('#8: the context menu on a page without an article saves nothing and opens the reader to say why', async () => {
    const { page, sw } = b;
    await page.goto(`${server.origin}/pages/noarticle.html`);
    await page.bringToFront();
    const count = () => sw.evaluate(async () => (await chrome.downloads.search({})).length);
    const downloads = await count();
    const res = await sw.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return globalThis.handleExport(tab);
    });
    assert.deepEqual([res.ok, res.error?.code], [false, 'no_content']);
    assert.equal(await count(), downloads, 'no file saved');
    const msg = await page.evaluate(() => document.querySelector('unmirror-reader')?.shadowRoot.querySelector('.message')?.textContent ?? null);
    assert.match(msg ?? '', /No article found on this page/);
    assert.equal(await page.locator('unmirror-reader button[data-export-menu]').count(), 0, 'no export menu without an article');
    await toggle(sw, page);
  });

  it('#8: the background refuses malformed EXPORT messages (format, delivery, date, URL, article)', async () => {
    const { page, sw } = b;
    await page.goto(seedUrl);
    await toggle(sw, page); // injects the content scripts
    const downloads = await sw.evaluate(async () => (await chrome.downloads.search({})).length);
    const replies = await inContentWorld(page, b.extId, `(async () => {
      const M = globalThis.unmirror.messages;
      const article = { title: 'T', content_html: '<p>x</p>' };
      const good = M.exportRequest('markdown', 'text', article, location.href, '2026-01-02');
      const bad = [
        { ...good, format: 'pdf' },
        { ...good, delivery: 'open' },
        { ...good, exported: 'today' },
        { ...good, url: 'javascript:alert(1)' },
        { ...good, article: null },
        { ...good, article: { title: 'T' } },
      ];
      const send = (m) => chrome.runtime.sendMessage(m).then((r) => r ?? null, (e) => 'error: ' + e.message);
      return { good: await send(good), bad: await Promise.all(bad.map(send)) };
    })()`);
    assert.equal(replies.good.ok, true, JSON.stringify(replies.good));
    assert.match(replies.good.text, /^---\ntitle: "T"\n/);
    assert.match(replies.good.text, /\nexported: "2026-01-02"\n/);
    for (const r of replies.bad) assert.ok(r === null || /^error: /.test(r), `refused without a reply: ${JSON.stringify(r)}`);
    assert.equal(await sw.evaluate(async () => (await chrome.downloads.search({})).length), downloads, 'nothing saved');
    await toggle(sw, page);
  });

  it('nothing left the machine; the worker made no request but its own wasm', () => {
    const own = `chrome-extension://${b.extId}/`;
    const bad = b.requests.filter((r) => !r.url.startsWith(`${server.origin}/`) && !r.url.startsWith(own) && !r.url.startsWith('data:'));
    assert.deepEqual(bad, [], 'requests to anywhere but the test server and the extension package');
    assert.deepEqual(foreignRequests(server), [], 'requests to hosts other than the test server');
  });
});

// Firefox saves through a blob: URL of its background page (it refuses data:
// URLs in downloads.download): the same menu item must give the same file.
describe('Firefox ESR: the export menu saves the seed page as Markdown, HTML and text', () => {
  let server;
  let ff;
  let dir;
  before(async () => {
    server = await startServer();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'unmirror-ff-downloads-'));
    ff = await startFirefox(server, path.join(REPO, 'dist/firefox-test'), {
      'browser.download.folderList': 2,
      'browser.download.dir': dir,
      'browser.download.useDownloadDir': true,
      'browser.download.always_ask_before_handling_new_types': false,
      'browser.download.start_downloads_in_tmp_dir': false,
    });
  });
  after(async () => {
    await ff?.quit();
    await server?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('Save as Markdown writes the file with the front matter; nothing leaves the machine', async () => {
    const seedUrl = `${server.origin}${SEED}`;
    await ff.navigate(seedUrl);
    await ff.waitFor("return document.documentElement.dataset.unmirrorTestHook === 'ready'");
    const res = await ff.execAsync(TRIGGER);
    assert.equal(res?.state, 'open', JSON.stringify(res));
    const strip = await ff.exec(`return document.querySelector('unmirror-reader').shadowRoot.querySelector('[data-unmirror="attribution"]').textContent;`);
    assert.match(strip, /Originally published by CBS News/);
    assert.match(strip, /This page is very likely a copy/);
    // The menu is in the reader's open shadow root: a page-side click reaches it.
    await ff.exec(`
      const r = document.querySelector('unmirror-reader').shadowRoot;
      r.querySelector('button[data-export-menu]').click();
      r.querySelector('[data-export="markdown"]').click();`);
    const status = await ff.waitFor(`
      const s = document.querySelector('unmirror-reader').shadowRoot.querySelector('.export-status');
      return s && s.dataset.state !== 'busy' && { state: s.dataset.state, text: s.textContent };`);
    assert.deepEqual(status, { state: 'done', text: `Saved ${STEM}.md` });
    const file = path.join(dir, `${STEM}.md`);
    const md = await finishedDownload(file);
    assert.ok(md, `saved as ${file}: ${fs.readdirSync(dir).join(', ')}`);
    checkMarkdown(md, seedUrl);
    await ff.screenshot(path.join(ARTIFACTS, 'firefox-export.png'));
    const foreign = server.foreign(0).filter((r) => !isFirefoxOwn(r.host));
    assert.deepEqual(foreign, [], 'requests to hosts other than the test server');
  });

  it('Save as HTML page and Save as text write the same files as in Chromium', async () => {
    const seedUrl = `${server.origin}${SEED}`;
    for (const [key, ext, check] of [['html-page', 'html', checkHtmlPage], ['text-export', 'txt', checkText]]) {
      await ff.exec(`
        const r = document.querySelector('unmirror-reader').shadowRoot;
        r.querySelector('button[data-export-menu]').click();
        r.querySelector('[data-export="${key}"]').click();`);
      const status = await ff.waitFor(`
        const s = document.querySelector('unmirror-reader').shadowRoot.querySelector('.export-status');
        return s && s.dataset.state !== 'busy' && (s.dataset.state === 'error' || s.textContent.endsWith('.${ext}')) && { state: s.dataset.state, text: s.textContent };`);
      assert.deepEqual(status, { state: 'done', text: `Saved ${STEM}.${ext}` });
      const file = path.join(dir, `${STEM}.${ext}`);
      const text = await finishedDownload(file);
      assert.ok(text, `saved as ${file}: ${fs.readdirSync(dir).join(', ')}`);
      check(text, seedUrl);
    }
    const foreign = server.foreign(0).filter((r) => !isFirefoxOwn(r.host));
    assert.deepEqual(foreign, [], 'requests to hosts other than the test server');
  });
});
