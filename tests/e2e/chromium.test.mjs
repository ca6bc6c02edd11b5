// End-to-end tests in Debian's Chromium with the unpacked test build
// dist/chrome-test (the release build + host access to 127.0.0.1). No mocks:
// the real extension, the real wasm, pages served by server.mjs, which is also
// the browser's proxy and so sees every request the browser makes.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';
import { ARTIFACTS, coreCheck, readOverlay, pageState } from './common.mjs';
import { CHROMIUM, isBrowserOwn, chromiumArgs, foreignRequests, launchChromium, toggle, inContentWorld } from './chromium-lib.mjs';

describe('Chromium: the extension', () => {
  let server;
  let b;
  const origin = () => server.origin;

  before(async () => {
    server = await startServer();
    b = await launchChromium(server);
  });
  after(async () => {
    await b?.close();
    await server?.close();
  });

  async function openAndRestore(url, name, { expectRoute, checks, prepare }) {
    const { page, sw } = b;
    await page.goto(url);
    await prepare?.(page);
    await page.evaluate(() => {
      window.scrollTo(0, 400);
      document.querySelector('a')?.focus({ preventScroll: true });
    });
    const before = await pageState(page);
    assert.equal(before.scrollY, 400, 'page scrolled before opening');
    const mark = server.mark();
    const res = await toggle(sw, page);
    assert.equal(res.state, 'open', `reader opened: ${JSON.stringify(res)}`);
    const ov = await readOverlay(page);
    assert.ok(ov, 'overlay host with an open shadow root');
    if (expectRoute) assert.equal(ov.route, expectRoute, `route (${ov.localFailure ?? 'no local failure'})`);
    assert.equal(ov.dialogRole, 'dialog');
    assert.equal(ov.ariaModal, 'true');
    assert.ok(ov.ariaLabel, 'dialog has an aria-label');
    assert.equal(ov.focusInside, true, 'focus moved into the reader');
    assert.equal(ov.htmlOverflow, 'hidden', 'page scroll locked while open');
    await checks?.(ov, res);
    await page.screenshot({ path: path.join(ARTIFACTS, `chromium-${name}.png`) });
    // Keys typed in the reader do not reach the page's own handlers.
    const keysBefore = await page.evaluate(() => window.pageKeydowns ?? 0);
    await page.keyboard.press('j');
    assert.equal(await page.evaluate(() => window.pageKeydowns ?? 0), keysBefore, 'page saw no key event');
    const during = server.since(mark);
    // Second click closes.
    const res2 = await toggle(sw, page);
    assert.equal(res2.state, 'closed');
    const after = await pageState(page);
    assert.equal(after.html, before.html, 'the page DOM is exactly as before');
    assert.equal(after.scrollY, before.scrollY, 'scroll position restored');
    assert.equal(after.active, before.active, 'focus returned to where it was');
    return { res, ov, during };
  }

  it('plain article: reader in the content script, page restored, no request of its own', async () => {
    const { ov, during } = await openAndRestore(`${origin()}/pages/article.html`, 'article', {
      expectRoute: 'content',
      checks: (o) => {
        assert.match(o.title, /^Harbour tide gauges get a new home/);
        assert.match(o.text, /new steel platform at the end of the north pier/);
        assert.match(o.text, /said the harbour master, Jonas Ekberg/);
        assert.match(o.attribution, /^Originally published by The Coastal Ledger\b/);
        assert.match(o.ariaLabel, /^Reader view: Harbour tide gauges/);
      },
    });
    // While the reader was open, the only requests were the article's own images.
    for (const r of during.filter((x) => !isBrowserOwn(x.host))) {
      assert.equal(r.host, `127.0.0.1:${server.port}`, `no request left the machine: ${r.url}`);
      assert.match(new URL(r.url).pathname, /^\/img\//, `only article images were loaded: ${r.url}`);
    }
    assert.ok(ov.timings.capture >= 0 && ov.timings.clean >= 0);
  });

  it('strict page CSP: wasm cannot compile in the content script, the service worker cleans', async () => {
    await openAndRestore(`${origin()}/csp/pages/article.html`, 'csp', {
      expectRoute: 'worker',
      checks: (o) => {
        assert.match(o.localFailure ?? '', /CompileError/);
        assert.match(o.title, /^Harbour tide gauges get a new home/);
        assert.match(o.text, /new steel platform at the end of the north pier/);
      },
    });
  });

  // The core's local-paper table ships beside the wasm (src/wasm.rs): both routes
  // name a local paper that only the table knows (canonical link to its site).
  for (const [route, prefix] of [['content', ''], ['worker', '/csp']]) {
    it(`local paper named through the table beside the wasm (${route} route)`, async () => {
      await openAndRestore(`${origin()}${prefix}/pages/article.html`, `local-paper-${route}`, {
        expectRoute: route,
        prepare: (page) =>
          page.evaluate(() => {
            document.querySelector('meta[property="og:site_name"]')?.remove();
            const link = document.createElement('link');
            link.rel = 'canonical';
            link.href = 'https://www.4bcaonline.com/news/harbour-gauges.html';
            document.head.append(link);
          }),
        checks: (o) => assert.match(o.attribution, /^Originally published by Barry County Advertiser\b/),
      });
    });
  }

  it('no article: a clear, polite message', async () => {
    await openAndRestore(`${origin()}/pages/noarticle.html`, 'noarticle', {
      checks: (o, res) => {
        assert.equal(res.ok, false);
        assert.equal(res.code, 'no_content');
        assert.equal(o.messageRole, 'status');
        assert.match(o.message, /No article found on this page/);
      },
    });
  });

  it('a page the core refuses (over its element limit): a short message, the page untouched', async () => {
    await openAndRestore(`${origin()}/gen/many.html?n=620000`, 'refused', {
      checks: (o, res) => {
        assert.equal(res.ok, false);
        assert.equal(res.code, 'too_many_elements');
        assert.match(o.message, /could not read this page/);
        assert.match(o.message, /\(too_many_elements\)/);
      },
    });
  });

  it('script-built page: the capture carries the live DOM (inserted content, CSS-hidden, currentSrc, URL)', async () => {
    const { page } = b;
    let article;
    await openAndRestore(`${origin()}/pages/dynamic.html`, 'dynamic', {
      prepare: (p) =>
        p.waitForFunction(() => {
          const img = document.querySelector('figure img');
          return img?.complete && img.currentSrc.includes('lounge-real');
        }),
      checks: (o) => {
        article = o;
      },
    });
    const c = await inContentWorld(page, b.extId, 'globalThis.unmirror.capture.capture(document)');
    assert.equal(c.url, `${origin()}/pages/dynamic.html?story=night-ferry`, 'the current URL');
    assert.match(c.html, /SCRIPT-INSERTED-SENTINEL/, 'content inserted by script');
    assert.match(c.html, /<div class="promo" hidden="">HIDDEN-PROMO-SENTINEL/, 'CSS-hidden block marked hidden');
    assert.ok(c.html.includes(`src="${origin()}/img/lounge-real.png?w=480&amp;h=240"`), 'img src is currentSrc');
    assert.match(c.html, /"@type":"NewsArticle"/, 'JSON-LD kept');
    for (const gone of ['COMMENT-SENTINEL', 'SVG-SENTINEL', 'INLINE-SCRIPT-SENTINEL', 'pageKeydowns']) {
      assert.ok(!c.html.includes(gone), `left out of the capture: ${gone}`);
    }
    assert.equal(c.stats.hidden >= 1, true);
    // What the core made of it, as the reader shows it.
    assert.match(article.text, /SCRIPT-INSERTED-SENTINEL/);
    coreCheck('hidden-excluded', () =>
      assert.ok(!article.text.includes('HIDDEN-PROMO-SENTINEL'), 'the hidden block is not in the article'),
    );
    coreCheck('lazy-image-rendered', () =>
      assert.ok(
        article.images.some((s) => s.startsWith(`${origin()}/img/lounge-real.png`)),
        `the lazy image shows with its real source: ${JSON.stringify(article.images)}`,
      ),
    );
  });

  it('controls: theme, font and size persist in storage.sync; Esc closes and restores focus', async () => {
    const { page, sw } = b;
    await sw.evaluate(() => chrome.storage.sync.clear());
    await page.goto(`${origin()}/pages/article.html`);
    const before = await pageState(page);
    await toggle(sw, page);
    await page.locator('unmirror-reader button[data-theme="dark"]').click();
    await page.locator('unmirror-reader button[data-setting="larger"]').click();
    await page.locator('unmirror-reader select[data-setting="font"]').selectOption('sans');
    await page.locator('unmirror-reader select[data-setting="width"]').selectOption('narrow');
    const stored = await sw.evaluate(async () => (await chrome.storage.sync.get('reader')).reader);
    assert.deepEqual(stored, { theme: 'dark', font: 'sans', size: 21, width: 'narrow', line_height: 1.6 });
    const bg = await page.evaluate(() => {
      const r = document.querySelector('unmirror-reader').shadowRoot.querySelector('.reader');
      return { bg: getComputedStyle(r).backgroundColor, font: getComputedStyle(r).fontSize };
    });
    assert.equal(bg.bg, 'rgb(28, 27, 34)', 'dark theme applied');
    assert.equal(bg.font, '21px');
    await page.screenshot({ path: path.join(ARTIFACTS, 'chromium-dark.png') });
    await page.keyboard.press('Escape');
    assert.equal(await page.evaluate(() => !!document.querySelector('unmirror-reader')), false, 'Esc closed it');
    assert.deepEqual(await pageState(page), before, 'page as before after Esc');
    // Reopened: the settings come back from storage.
    await toggle(sw, page);
    const theme = await page.evaluate(
      () => document.querySelector('unmirror-reader').shadowRoot.querySelector('.reader').dataset.theme,
    );
    assert.equal(theme, 'dark');
    await toggle(sw, page);
    await sw.evaluate(() => chrome.storage.sync.clear());
  });

  it('the extension made no network request: pages and its worker only touched the test server and its own files', async () => {
    const own = `chrome-extension://${b.extId}/`;
    // The log does cover the worker: a fetch of its own, now that it runs (its start-up
    // fetches, the wasm and the lists, may come before Playwright follows the worker).
    const probe = `${own}vendor/LOCAL_NEWS_LICENSE`;
    await b.sw.evaluate((u) => fetch(u).then((r) => r.status), probe);
    const seen = () => b.requests.some((r) => r.sw && r.url === probe);
    for (const end = Date.now() + 10_000; !seen() && Date.now() < end; ) await new Promise((r) => setTimeout(r, 50));
    const bad = b.requests.filter((r) => !r.url.startsWith(`${server.origin}/`) && !r.url.startsWith(own));
    assert.deepEqual(bad, [], 'requests to anywhere but the test server and the extension package');
    assert.ok(seen(), 'worker requests observed');
    // And the proxy saw nothing else leave, apart from Chromium's own background calls.
    const foreign = foreignRequests(server);
    assert.deepEqual(foreign, [], 'requests to hosts other than the test server');
  });
});

describe('Chromium: the demo page', () => {
  let server;
  let ctx;
  before(async () => {
    server = await startServer();
    ctx = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: chromiumArgs(server),
    });
  });
  after(async () => {
    await ctx?.close();
    await server?.close();
  });

  it('loads the default sample and renders the reader, the sandboxed original and the JSON', async () => {
    const page = await ctx.newPage({ viewport: { width: 1300, height: 900 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${server.origin}/www/index.html`);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 20000 });
    const s = await page.evaluate(() => {
      const r = document.getElementById('reader').shadowRoot;
      const frame = document.getElementById('original');
      return {
        sample: document.getElementById('sample').value,
        title: r.querySelector('h1')?.textContent ?? '',
        text: r.querySelector('.content')?.textContent ?? '',
        strip: r.querySelector('[data-unmirror="attribution"]')?.textContent ?? '',
        sandbox: frame.getAttribute('sandbox'),
        srcdoc: frame.srcdoc.length,
        json: JSON.parse(document.getElementById('json').textContent),
        status: document.getElementById('status').textContent,
      };
    });
    assert.equal(s.sample, 'seed-cbs-korea');
    assert.match(s.title, /North Korea and Russia's deepening ties/);
    assert.ok(s.text.length > 1000, 'article text rendered');
    assert.ok(s.strip.length > 0, 'attribution strip rendered');
    assert.equal(s.sandbox, '', 'original is sandboxed with no permissions');
    assert.ok(s.srcdoc > 1000);
    assert.equal(typeof s.json.content_html, 'string');
    assert.match(s.status, /^Cleaned in/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'chromium-demo.png') });
    // Another bundled sample, then pasted HTML.
    await page.selectOption('#sample', 'tables-and-code');
    await page.waitForFunction(() => /Measuring tide gauges/.test(document.getElementById('status').textContent));
    await page.click('#paste-box summary');
    await page.fill('#paste', '<html><head><title>Pasted</title></head><body><article><p>' +
      'A pasted paragraph about the harbour that is long enough to be an article body. '.repeat(8) +
      '</p></article></body></html>');
    await page.fill('#url', 'https://example.com/pasted.html');
    await page.click('#run');
    await page.waitForFunction(() => /pasted paragraph/.test(document.getElementById('reader').shadowRoot.textContent));
    assert.deepEqual(errors, []);
  });
});
