// End-to-end tests in Firefox ESR: the test build dist/firefox-test installed as
// a temporary add-on through geckodriver; the reader is opened by the same
// handleAction() the toolbar button runs, reached through the test build's
// hook (WebDriver cannot press toolbar buttons). Pages come from server.mjs,
// which is also Firefox's proxy.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, REPO } from './server.mjs';
import { TRIGGER, isFirefoxOwn, startFirefox } from './firefox-lib.mjs';
import { ARTIFACTS, READ_OVERLAY, PAGE_STATE } from './common.mjs';

const EXT = path.join(REPO, 'dist/firefox-test');


describe('Firefox ESR: the extension', () => {
  let server;
  let ff;
  before(async () => {
    server = await startServer();
    ff = await startFirefox(server, EXT);
  });
  after(async () => {
    await ff?.quit();
    await server?.close();
  });

  async function openAndRestore(url, name, { expectRoute, checks, prepare }) {
    await ff.navigate(url);
    await ff.waitFor("return document.documentElement.dataset.unmirrorTestHook === 'ready'");
    if (prepare) await ff.waitFor(prepare);
    await ff.exec("window.scrollTo(0, 400); const a = document.querySelector('a'); if (a) a.focus({ preventScroll: true });");
    const before = await ff.exec(PAGE_STATE);
    assert.equal(before.scrollY, 400, 'page scrolled before opening');
    const res = await ff.execAsync(TRIGGER);
    assert.equal(res?.state, 'open', `reader opened: ${JSON.stringify(res)}`);
    const ov = await ff.exec(READ_OVERLAY);
    assert.ok(ov, 'overlay host with an open shadow root');
    if (expectRoute) assert.equal(ov.route, expectRoute, `route (${ov.localFailure ?? 'no local failure'})`);
    assert.equal(ov.dialogRole, 'dialog');
    assert.equal(ov.focusInside, true, 'focus moved into the reader');
    assert.equal(ov.htmlOverflow, 'hidden');
    checks?.(ov, res);
    await ff.screenshot(path.join(ARTIFACTS, `firefox-${name}.png`));
    const res2 = await ff.execAsync(TRIGGER);
    assert.equal(res2?.state, 'closed');
    const after = await ff.exec(PAGE_STATE);
    assert.equal(after.html, before.html, 'the page DOM is exactly as before');
    assert.equal(after.scrollY, before.scrollY, 'scroll position restored');
    assert.equal(after.active, before.active, 'focus returned');
    return { res, ov };
  }

  it('plain article: the reader opens from the toolbar handler, wasm in the content script', async () => {
    const { ov } = await openAndRestore(`${server.origin}/pages/article.html`, 'article', {
      expectRoute: 'content',
      checks: (o) => {
        assert.match(o.title, /^Harbour tide gauges get a new home/);
        assert.match(o.text, /new steel platform at the end of the north pier/);
        assert.match(o.attribution, /^Originally published by The Coastal Ledger\b/);
      },
    });
    assert.ok(ov.timings.clean > 0);
  });

  it('strict page CSP: Firefox still compiles the wasm in the content script', async () => {
    await openAndRestore(`${server.origin}/csp/pages/article.html`, 'csp', {
      expectRoute: 'content',
      checks: (o) => assert.match(o.text, /new steel platform at the end of the north pier/),
    });
  });

  it('local paper named through the table beside the wasm (the content script asks the background for it)', async () => {
    await openAndRestore(`${server.origin}/pages/article.html`, 'local-paper', {
      expectRoute: 'content',
      prepare: `document.querySelector('meta[property="og:site_name"]')?.remove();
        const l = document.createElement('link');
        l.rel = 'canonical';
        l.href = 'https://www.4bcaonline.com/news/harbour-gauges.html';
        document.head.append(l);
        return true;`,
      checks: (o) => assert.match(o.attribution, /^Originally published by Barry County Advertiser\b/),
    });
  });

  it('script-built page: the article inserted after load is read', async () => {
    await openAndRestore(`${server.origin}/pages/dynamic.html`, 'dynamic', {
      prepare: "const i = document.querySelector('figure img'); return !!(i && i.complete && i.currentSrc.includes('lounge-real'));",
      checks: (o) => assert.match(o.text, /SCRIPT-INSERTED-SENTINEL/),
    });
  });

  it('no article: a clear, polite message', async () => {
    await openAndRestore(`${server.origin}/pages/noarticle.html`, 'noarticle', {
      checks: (o, res) => {
        assert.equal(res.code, 'no_content');
        assert.equal(o.messageRole, 'status');
        assert.match(o.message, /No article found on this page/);
      },
    });
  });

  it('nothing left the machine: only the test pages and their images were requested', () => {
    const ours = server.log.filter((r) => r.host === `127.0.0.1:${server.port}`);
    for (const r of ours) {
      assert.match(new URL(r.url).pathname, /^\/(csp\/)?(pages|img)\/|^\/favicon\.ico$/, `unexpected request ${r.url}`);
    }
    const foreign = server.foreign(0).filter((r) => !isFirefoxOwn(r.host));
    assert.deepEqual(foreign, [], 'requests to hosts other than the test server');
  });
});
