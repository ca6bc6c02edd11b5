// Privilege and durability in Chromium (issue #10): pages cannot reach the
// extension's worker, forged messages are ignored, the manifest grants nothing
// extra, and settings survive a service-worker restart in the middle of a read.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, REPO } from './server.mjs';
import { launchChromium, toggle, inContentWorld } from './chromium-lib.mjs';

/** Stop the extension's service worker (what chrome://serviceworker-internals'
 * Stop does), through the DevTools protocol of a page of the extension's origin.
 * Resolves once the browser reports it stopped. */
async function stopWorker(ctx, extId) {
  const p = await ctx.newPage();
  await p.goto(`chrome-extension://${extId}/manifest.json`);
  const cdp = await ctx.newCDPSession(p);
  const status = new Map();
  let changed = () => {};
  cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
    for (const v of e.versions) if (v.scriptURL.startsWith(`chrome-extension://${extId}/`)) status.set(v.versionId, v.runningStatus);
    changed();
  });
  const until = (pred, what) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for the worker to be ${what}`)), 10_000);
      changed = () => pred() && (clearTimeout(timer), resolve());
      changed();
    });
  await cdp.send('ServiceWorker.enable');
  await until(() => status.size > 0 && [...status.values()].every((v) => v === 'running' || v === 'stopped'), 'reported');
  for (const [versionId, s] of status) if (s === 'running') await cdp.send('ServiceWorker.stopWorker', { versionId });
  await until(() => [...status.values()].every((s) => s === 'stopped'), 'stopped');
  await cdp.detach();
  await p.close();
}

/** The extension's running worker (a new object after a restart). */
async function liveWorker(ctx, extId) {
  for (const w of [...ctx.serviceWorkers()].reverse()) {
    if (!w.url().startsWith(`chrome-extension://${extId}/`)) continue;
    try {
      await w.evaluate(() => 1);
      return w;
    } catch {
      /* a stopped instance */
    }
  }
  return ctx.waitForEvent('serviceworker');
}

describe('Chromium: privilege and durability', () => {
  let server;
  let b;
  before(async () => {
    server = await startServer();
    b = await launchChromium(server);
  });
  after(async () => {
    await b?.close();
    await server?.close();
  });

  it('the manifest: no externally_connectable, the wasm is the only web-accessible resource, five permissions, content scripts only on listed hosts', () => {
    const m = JSON.parse(fs.readFileSync(path.join(REPO, 'dist/chrome/manifest.json'), 'utf8'));
    assert.equal(m.externally_connectable, undefined);
    assert.deepEqual(m.web_accessible_resources, [
      { resources: ['vendor/unmirror_bg.wasm'], matches: ['http://*/*', 'https://*/*'] },
    ]);
    assert.deepEqual([...m.permissions].sort(), ['activeTab', 'contextMenus', 'downloads', 'scripting', 'storage']);
    assert.equal(m.host_permissions, undefined, 'no host permissions in the release manifest');
    assert.deepEqual(m.optional_host_permissions, ['*://*/*'], 'other hosts only when the user adds a site');
    // Auto-clean: content scripts on the built-in list's hosts, one host per pattern, never all sites.
    assert.ok(Array.isArray(m.content_scripts) && m.content_scripts.length > 0);
    for (const cs of m.content_scripts) {
      assert.ok(cs.matches.length > 0);
      for (const p of cs.matches) assert.match(p, /^\*:\/\/\*\.[a-z0-9.-]+\.[a-z0-9-]+\/\*$/, `one listed host per pattern: ${p}`);
      assert.ok(cs.matches.some((p) => p === '*://*.fastseoul.com/*'), 'the seed network is listed');
    }
  });

  it('a page cannot talk to the worker nor read the package beyond the wasm', async () => {
    const { page, sw, extId } = b;
    await page.goto(`${server.origin}/pages/article.html`);
    const r = await page.evaluate(async (id) => {
      const out = { runtime: typeof globalThis.chrome?.runtime?.sendMessage };
      try {
        // Without externally_connectable, pages get no runtime messaging at all.
        out.send = await new Promise((resolve, reject) => {
          if (typeof chrome?.runtime?.sendMessage !== 'function') return reject(new Error('no chrome.runtime.sendMessage'));
          chrome.runtime.sendMessage(id, { type: 'unmirror/clean', html: '<p>x</p>', url: '' }, resolve);
        });
      } catch (e) {
        out.sendError = String(e.message);
      }
      const get = async (p) => {
        try {
          return (await fetch(`chrome-extension://${id}/${p}`)).status;
        } catch {
          return 'refused';
        }
      };
      out.manifest = await get('manifest.json');
      out.background = await get('background.js');
      out.glue = await get('vendor/unmirror.nomod.js');
      out.wasm = await get('vendor/unmirror_bg.wasm');
      return out;
    }, extId);
    assert.notEqual(r.runtime, 'function', 'no chrome.runtime.sendMessage in the page');
    assert.match(r.sendError ?? '', /no chrome.runtime/);
    assert.equal(r.manifest, 'refused');
    assert.equal(r.background, 'refused');
    assert.equal(r.glue, 'refused');
    assert.equal(r.wasm, 200, 'the wasm is web-accessible (the content script fetches it)');
    // The worker answers its own content script (the real route works)...
    assert.equal((await toggle(sw, page)).state, 'open');
    assert.equal((await toggle(sw, page)).state, 'closed');
  });

  it('forged messages: window.postMessage is ignored, and the worker rejects unknown or malformed messages', async () => {
    const { page, sw, extId } = b;
    await page.goto(`${server.origin}/pages/article.html`);
    assert.equal((await toggle(sw, page)).state, 'open'); // content scripts now live in the page
    assert.equal((await toggle(sw, page)).state, 'closed');
    await page.evaluate(() => {
      for (const data of [
        { type: 'unmirror/clean', html: '<article><p>forged</p></article>', url: location.href },
        { type: 'unmirror/test-action' },
        { type: 'unmirror-test:action' },
        'unmirror/clean',
      ]) {
        window.postMessage(data, '*');
      }
    });
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => !!document.querySelector('unmirror-reader')), false, 'no reader opened');
    // From the content script's own world (the only sender the worker listens to):
    // anything but a well-formed CLEAN gets no answer.
    const replies = await inContentWorld(
      page,
      extId,
      `(async () => {
        const send = async (m) => {
          try { return { reply: (await chrome.runtime.sendMessage(m)) ?? null }; }
          catch (e) { return { error: String(e.message) }; }
        };
        return {
          unknown: await send({ type: 'unmirror/unknown' }),
          badUrl: await send({ type: 'unmirror/clean', html: '<p>x</p>', url: 'javascript:alert(1)' }),
          badHtml: await send({ type: 'unmirror/clean', html: 42, url: '' }),
          extra: await send({ type: 'unmirror/test-action' }),
          good: await send({ type: 'unmirror/clean', html: '<article><h1>T</h1><p>' + 'Words of a real paragraph here. '.repeat(30) + '</p></article>', url: location.href }),
        };
      })()`,
    );
    for (const k of ['unknown', 'badUrl', 'badHtml', 'extra']) {
      assert.ok(replies[k].error || replies[k].reply === null, `${k} got no answer: ${JSON.stringify(replies[k])}`);
    }
    assert.equal(replies.good.reply?.ok, true, `a well-formed CLEAN is answered: ${JSON.stringify(replies.good).slice(0, 200)}`);
    // The sender check itself, on the shapes Chromium gives.
    const checks = await sw.evaluate(() => {
      const M = globalThis.unmirror.messages;
      const id = chrome.runtime.id;
      return [
        M.isFromOwnContentScript({ id, tab: { id: 3 }, frameId: 0 }, id),
        M.isFromOwnContentScript({ id: 'another-extension', tab: { id: 3 }, frameId: 0 }, id),
        M.isFromOwnContentScript({ id, frameId: 0 }, id), // an extension page, not a tab
        M.isFromOwnContentScript({ id, tab: { id: 3 }, frameId: 2 }, id), // a subframe
        M.isFromOwnContentScript(undefined, id),
      ];
    });
    assert.deepEqual(checks, [true, false, false, false, false]);
  });

  it('settings survive a service-worker restart in the middle of a read; the reader works after it', async () => {
    const { page, extId } = b;
    const settings = { theme: 'dark', font: 'sans', size: 21, width: 'narrow', line_height: 1.6 };
    await b.sw.evaluate((s) => chrome.storage.sync.set({ reader: s }), settings);
    // The strict-CSP page: the core runs in the worker (route 2).
    await page.goto(`${server.origin}/csp/pages/article.html`);
    assert.equal((await toggle(b.sw, page)).state, 'open');
    assert.equal((await toggle(b.sw, page)).state, 'closed');
    // Start a read from the content script, and stop the worker while it runs.
    const pending = inContentWorld(page, extId, 'globalThis.unmirror.content.toggle()');
    await stopWorker(b.ctx, extId);
    const first = await pending;
    assert.equal(first.state, 'open', JSON.stringify(first));
    // Whatever that read gave (an article, or a polite failure if the worker died
    // under it), the reader closes, and the next read wakes a fresh worker.
    assert.equal((await inContentWorld(page, extId, 'globalThis.unmirror.content.toggle()')).state, 'closed');
    await stopWorker(b.ctx, extId);
    const again = await inContentWorld(page, extId, 'globalThis.unmirror.content.toggle()');
    assert.equal(again.state, 'open');
    assert.equal(again.ok, true, JSON.stringify(again));
    assert.equal(again.route, 'worker');
    const theme = await page.evaluate(
      () => document.querySelector('unmirror-reader').shadowRoot.querySelector('.reader').dataset.theme,
    );
    assert.equal(theme, 'dark', 'the settings came back after the restart');
    const sw = await liveWorker(b.ctx, extId);
    b.sw = sw; // for the tests after this one
    assert.deepEqual(await sw.evaluate(async () => (await chrome.storage.sync.get('reader')).reader), settings);
    await sw.evaluate(() => chrome.storage.sync.clear());
  });
});
